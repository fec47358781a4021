-- One row per fact that nothing contradicts, all domains together, before the marts split
-- them by domain (the others are in marts.fact_candidates with their reason).
with candidates as (
    select * from {{ ref('int_fact_candidates') }}
),

final as (
    select
        fact_key,
        {{ fact_columns() | join(',\n        ') }},
        domain
    from candidates
    where reason is null
)

select * from final
