-- What each metric means, for readers of the marts: the vocabulary's metrics with their
-- label, definition, mart and unit.
with metrics as (
    select * from {{ ref('metrics') }}
),

labels as (
    select * from {{ ref('metric_labels') }}
),

units as (
    select * from {{ ref('units') }}
),

final as (
    select
        metrics.metric,
        labels.label,
        metrics.description as definition,
        metrics.domain,
        case metrics.domain
            {% for domain, mart in var('fact_marts').items() -%}
            when '{{ domain }}' then '{{ mart }}'
            {% endfor -%}
        end as fact_mart,
        metrics.unit,
        units.description as unit_description,
        metrics.unit in ({{ count_units() }}) as is_count,
        metrics.dated,
        metrics.min_value,
        metrics.max_value,
        metrics.parts_of_whole
    from metrics
    left join labels on labels.metric = metrics.metric
    left join units on units.unit = metrics.unit
)

select * from final
