-- No fact is counted twice across reports: two reports read from the same file (same
-- sha256, e.g. a PDF copied under another name without a manifest row) cannot both have
-- facts. Remove the copy from the raw folder, or give the manifest one row for it.
{%- set marts = var('fact_marts').values() | list %}
{{ config(meta={'dagster': {'ref': {'name': 'dim_reports'}}}) }}

with facts as (
    {% for mart in marts -%}
    select report_id from {{ ref(mart) }}
    {% if not loop.last %}union all
    {% endif -%}
    {%- endfor %}
),

reports_with_facts as (
    select reports.report_id, reports.sha256
    from {{ ref('dim_reports') }} as reports
    where reports.report_id in (select report_id from facts)
)

select sha256, string_agg(report_id, ', ' order by report_id) as report_ids
from reports_with_facts
group by sha256
having count(*) > 1
