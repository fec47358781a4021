{{ config(alias='reports') }}
select * from {{ source('raw', 'reports') }}
