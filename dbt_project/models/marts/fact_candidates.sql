-- Would-be facts held back for review, one row each, with the reason they cannot be true
-- (int_fact_candidates). Fix the seeds, or the report, and they come back to their mart.
with candidates as (
    select * from {{ ref('int_fact_candidates') }}
),

final as (
    select
        {{ fact_columns() | join(',\n        ') }},
        reason,
        subject_support
    from candidates
    where reason is not null
)

select * from final
