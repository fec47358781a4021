with wordings as (
    select * from {{ ref('metric_wordings') }}
),

metrics as (
    select * from {{ ref('metrics') }}
),

units as (
    select * from {{ ref('units') }}
),

final as (
    select
        wordings.wording,
        wordings.metric,
        metrics.domain,
        metrics.unit,
        units.unit_family,
        metrics.range_role,
        {{ normalize_wording('wordings.wording') }} as wording_norm
    from wordings
    inner join metrics on wordings.metric = metrics.metric
    inner join units on metrics.unit = units.unit
)

select * from final
