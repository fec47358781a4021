with subjects as (
    select * from {{ ref('subjects') }}
),

final as (
    select
        subject,
        label,
        kind,
        cast(in_suite_numerique as boolean) as in_suite_numerique
    from subjects
)

select * from final
