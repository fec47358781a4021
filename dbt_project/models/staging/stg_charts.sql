with charts as (
    select * from {{ source('raw', 'charts') }}
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
