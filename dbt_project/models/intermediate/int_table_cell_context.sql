-- What a table number's own row and column say about it, beyond its wordings: one row per
-- table mention. The row labels are the other cells of its row (below the header), the
-- column header the header cells above its column. A cell of a total row or column
-- (table_total_labels) sums the others: the subject the table names is not its own, so it
-- is no fact (`non_fact_kind` 'table_total'). Two figures of one table under the same row
-- labels and column header (`shares_labels`) cannot be told apart: the grid lost what
-- separates them (a sub-header, a wrapped label), so neither is a fact until reviewed.
-- Labels naming several subjects (`labels_name_several_subjects`: header cells of narrow
-- columns run together, "Tchap Resana") do not say which one a figure is about. A figure
-- of a column without a header of its own in a table that heads its figure columns
-- (`column_unheaded`) lost its header to the grid: nothing says what it counts.
-- When the labels of a table name its subjects (a row or column per product), a figure whose
-- own labels name none (`labels_name_no_subject`: a label the grid broke, "Audioconf érence")
-- is not about what the caption names: the caption names the set, not the item.
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

part_labels as (
    select {{ normalize_wording('label') }} as label_norm
    from {{ ref('table_part_labels') }}
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

-- Cells of a row that is a part of the row above ("dont masse salariale"), with the row's
-- labels: the column header names the whole's metric, only these labels the part's.
part_rows as (
    select
        mentions.report_id,
        mentions.mention_index,
        string_agg(cells.text_norm, '' order by cells.col_index) as part_row_labels_norm
    from mentions
    inner join cells
        on mentions.report_id = cells.report_id
        and mentions.table_index = cells.table_index
        and not cells.is_header
        and mentions.row_index between cells.row_index and cells.row_index + cells.row_span - 1
        and mentions.col_index not between cells.col_index
            and cells.col_index + cells.col_span - 1
    inner join part_labels
        on contains(cells.text_norm, part_labels.label_norm)
    group by all
),

-- Subjects of a specific kind named in a cell's labels; a name inside a longer name of
-- another subject ("Audioconférence de l'État" holds "l'État") is that longer name's.
specific_aliases as (
    select subject, alias_norm
    from ({{ subject_aliases_with_kind() }})
    where not is_generic
),

label_subjects as (
    select mentions.report_id, mentions.mention_index, aliases.subject, aliases.alias_norm
    from mentions
    inner join specific_aliases as aliases
        on strpos(mentions.clause_before_norm, aliases.alias_norm) > 0
),

several_subjects as (
    select report_id, mention_index
    from label_subjects
    where not exists (
        select 1
        from label_subjects as longer
        where longer.report_id = label_subjects.report_id
            and longer.mention_index = label_subjects.mention_index
            and longer.subject <> label_subjects.subject
            and length(longer.alias_norm) > length(label_subjects.alias_norm)
            and strpos(longer.alias_norm, label_subjects.alias_norm) > 0
    )
    group by report_id, mention_index
    having count(distinct subject) > 1
),

-- A table names its subjects item by item when its labels name two or more: one subject
-- named once ("Part de Tchap" beside the amounts of the suite it belongs to) qualifies its
-- own figures and says nothing of the others.
tables_naming_subjects as (
    select mentions.report_id, mentions.table_index
    from mentions
    inner join label_subjects using (report_id, mention_index)
    group by mentions.report_id, mentions.table_index
    having count(distinct label_subjects.subject) > 1
),

labels_without_subject as (
    select mentions.report_id, mentions.mention_index
    from mentions
    inner join tables_naming_subjects using (report_id, table_index)
    where not exists (
        select 1
        from label_subjects
        where label_subjects.report_id = mentions.report_id
            and label_subjects.mention_index = mentions.mention_index
    )
),

-- Tables that head their figure columns (a header past the first column), and the columns
-- with a header of their own: a title spanning several columns tells none of them apart.
header_cells as (
    select * from cells where is_header and trim(text) <> ''
),

headed_tables as (
    select distinct report_id, table_index
    from header_cells
    where col_index + col_span > 1
),

headed_columns as (
    select distinct report_id, table_index, col_index
    from header_cells
    where col_span = 1
),

unheaded as (
    select mentions.report_id, mentions.mention_index
    from mentions
    inner join headed_tables using (report_id, table_index)
    left join headed_columns using (report_id, table_index, col_index)
    where headed_columns.col_index is null
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
        shared_labels.shares_labels,
        several_subjects.mention_index is not null as labels_name_several_subjects,
        labels_without_subject.mention_index is not null as labels_name_no_subject,
        unheaded.mention_index is not null as column_unheaded,
        part_rows.mention_index is not null as row_is_part,
        part_rows.part_row_labels_norm
    from mentions
    left join totals using (report_id, mention_index)
    left join shared_labels using (report_id, mention_index)
    left join several_subjects using (report_id, mention_index)
    left join labels_without_subject using (report_id, mention_index)
    left join unheaded using (report_id, mention_index)
    left join part_rows using (report_id, mention_index)
)

select * from final
