-- What a table number's own row and column say about it, beyond its wordings: one row per
-- table mention. The row labels are the other cells of its row (below the header), the
-- column header the header cells above its column. A cell of a total row or column
-- (table_total_labels) sums the others: the subject the table names is not its own, so it
-- is no fact (`non_fact_kind` 'table_total'). Two figures of one table under the same row
-- labels and column header (`shares_labels`) cannot be told apart: the grid lost what
-- separates them (a sub-header, a wrapped label), so neither is a fact until reviewed.
with mentions as (
    select * from {{ ref('stg_mentions') }}
    where source_kind = 'table'
),

cells as (
    select * from {{ ref('stg_table_cells') }}
),

total_labels as (
    select {{ normalize_wording('label') }} as label_norm, match
    from {{ ref('table_total_labels') }}
),

-- The row labels and column header of each mention's cell.
label_cells as (
    select
        mentions.report_id,
        mentions.mention_index,
        cells.text_norm
    from mentions
    inner join cells
        on mentions.report_id = cells.report_id
        and mentions.table_index = cells.table_index
        and (
            (
                not cells.is_header
                and mentions.row_index between cells.row_index
                    and cells.row_index + cells.row_span - 1
                and mentions.col_index not between cells.col_index
                    and cells.col_index + cells.col_span - 1
            )
            or (
                cells.is_header
                and mentions.col_index between cells.col_index
                    and cells.col_index + cells.col_span - 1
            )
        )
),

totals as (
    select distinct label_cells.report_id, label_cells.mention_index
    from label_cells
    inner join total_labels
        on label_cells.text_norm = total_labels.label_norm
        or (
            total_labels.match = 'start'
            and starts_with(label_cells.text_norm, total_labels.label_norm)
        )
),

-- The labels of a cell are the clause its mention was read in: row labels, column header.
shared_labels as (
    select
        report_id,
        mention_index,
        count(*) over (
            partition by report_id, table_index, clause_before_norm
        ) > 1 as shares_labels
    from mentions
),

final as (
    select
        mentions.report_id,
        mentions.mention_index,
        case when totals.mention_index is not null then 'table_total' end as non_fact_kind,
        shared_labels.shares_labels
    from mentions
    left join totals using (report_id, mention_index)
    left join shared_labels using (report_id, mention_index)
)

select * from final
