{{ config(alias='mentions') }}
select * from {{ source('raw', 'mentions') }}
