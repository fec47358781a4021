{{ config(alias='chart_points') }}
select * from {{ source('raw', 'chart_points') }}
