with cells as (
    select * from {{ source('raw', 'table_cells') }}
),

final as (
    select
        report_id,
        table_index,
        row_index,
        col_index,
        row_span,
        col_span,
        is_header,
        text,
        {{ normalize_wording('text') }} as text_norm
    from cells
)

select * from final
