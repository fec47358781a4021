-- No fact mart holds a value that cannot be true: outside its metric's bounds (a share over
-- 100 %, a negative count or cost), parts of one whole over 100 % beyond rounding, a period
-- that starts after it ends, a page the report does not have. int_fact_candidates sends such
-- rows to marts.fact_candidates; this checks the marts independently of that model.
{%- set marts = var('fact_marts').values() | list %}
{{ config(meta={'dagster': {'ref': {'name': marts[0]}}}) }}

with facts as (
    {% for mart in marts -%}
    select *, '{{ mart }}' as mart from {{ ref(mart) }}
    {% if not loop.last %}union all
    {% endif -%}
    {%- endfor %}
),

metrics as (
    select * from {{ ref('metrics') }}
),

reports as (
    select * from {{ ref('dim_reports') }}
),

row_problems as (
    select
        facts.mart,
        facts.fact_key,
        case
            when facts.value < metrics.min_value then 'below the metric''s minimum'
            when facts.value > metrics.max_value then 'above the metric''s maximum'
            when facts.period_start > facts.period_end then 'period starts after it ends'
            when facts.page < 1 or facts.page > reports.page_count then 'page outside the report'
        end as problem
    from facts
    left join metrics on facts.metric = metrics.metric
    left join reports on facts.report_id = reports.report_id
),

whole_problems as (
    select
        min(facts.mart) as mart,
        min(facts.fact_key) as fact_key,
        'parts of one whole over 100 %' as problem
    from facts
    inner join metrics on facts.metric = metrics.metric
    where metrics.parts_of_whole and facts.segment is not null
    group by facts.report_id, facts.subject, facts.metric, facts.period_start, facts.period_end
    having sum(facts.value) > 100 + {{ var('part_rounding_tolerance') }} * count(*)
)

select * from row_problems where problem is not null
union all
select * from whole_problems
