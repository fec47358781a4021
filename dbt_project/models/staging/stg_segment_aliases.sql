with aliases as (
    select * from {{ ref('segment_aliases') }}
),

final as (
    select
        alias,
        segment,
        metric,
        {{ normalize_wording('alias') }} as alias_norm
    from aliases
)

select * from final
