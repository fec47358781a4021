{{ config(alias='tables') }}
select * from {{ source('raw', 'tables') }}
