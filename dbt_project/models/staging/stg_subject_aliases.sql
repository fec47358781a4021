with aliases as (
    select * from {{ ref('subject_aliases') }}
),

final as (
    select
        alias,
        subject,
        {{ normalize_wording('alias') }} as alias_norm
    from aliases
)

select * from final
