-- A fact lands in exactly one mart: the one its metric's domain names.
-- (Shown in Dagster as a check on the first fact mart.)
{%- set marts = var('fact_marts').values() | list %}
{{ config(meta={'dagster': {'ref': {'name': marts[0]}}}) }}

with all_facts as (
    {% for mart in marts -%}
    select fact_key, '{{ mart }}' as mart from {{ ref(mart) }}
    {% if not loop.last %}union all
    {% endif -%}
    {%- endfor %}
)

select fact_key, count(*) as marts
from all_facts
group by fact_key
having count(*) > 1
