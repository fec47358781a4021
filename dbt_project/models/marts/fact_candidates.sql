-- Would-be facts held back for review, one row each, with the reason they cannot be true
-- (int_fact_candidates). Fix the seeds, or the report, and they come back to their mart.
with candidates as (
    select * from {{ ref('int_fact_candidates') }}
),

final as (
    select
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
        reason
    from candidates
    where reason is not null
)

select * from final
