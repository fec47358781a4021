-- One row per fact that nothing contradicts, all domains together, before the marts split
-- them by domain (the others are in marts.fact_candidates with their reason).
with candidates as (
    select * from {{ ref('int_fact_candidates') }}
),

final as (
    select
        fact_key,
        report_id,
        subject,
        metric,
        segment,
        value,
        unit,
        qualifier,
        period_start,
        period_end,
        source_kind,
        page,
        evidence,
        domain
    from candidates
    where reason is null
)

select * from final
