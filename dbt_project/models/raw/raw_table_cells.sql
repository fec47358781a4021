{{ config(alias='table_cells') }}
select * from {{ source('raw', 'table_cells') }}
