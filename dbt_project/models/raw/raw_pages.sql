{{ config(alias='pages') }}
select * from {{ source('raw', 'pages') }}
