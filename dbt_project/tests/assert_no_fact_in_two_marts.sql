-- A fact lands in exactly one mart: the one its metric's domain names.
-- (Shown in Dagster as a check on fct_costs, the first of the three marts.)
{{ config(meta={'dagster': {'ref': {'name': 'fct_costs'}}}) }}

with all_facts as (
    select fact_key, 'fct_costs' as mart from {{ ref('fct_costs') }}
    union all
    select fact_key, 'fct_usage' from {{ ref('fct_usage') }}
    union all
    select fact_key, 'fct_indicators' from {{ ref('fct_indicators') }}
)

select fact_key, count(*) as marts
from all_facts
group by fact_key
having count(*) > 1
