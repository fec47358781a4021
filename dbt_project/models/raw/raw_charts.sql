{{ config(alias='charts') }}
select * from {{ source('raw', 'charts') }}
