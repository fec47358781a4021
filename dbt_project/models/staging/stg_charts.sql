with charts as (
    select * from {{ ref('raw_charts') }}
),

final as (
    select
        report_id,
        chart_index,
        page,
        caption,
        kind,
        unit
    from charts
)

select * from final
