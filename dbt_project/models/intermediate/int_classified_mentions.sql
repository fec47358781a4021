-- Every mention with what the vocabulary made of it. A mention is a fact when it is not a
-- page, footnote, section, table, chart or legal number, nor a cell of a table's total row
-- or column, and both a metric and a subject were found for it. A chart value read from the
-- drawing was never printed: its evidence says how it was read instead of showing a number.
with mentions as (
    select * from {{ ref('stg_mentions') }}
),

reports as (
    select * from {{ ref('stg_reports') }}
),

charts as (
    select * from {{ ref('stg_charts') }}
),

metrics as (
    select * from {{ ref('int_mention_metrics') }}
),

segments as (
    select * from {{ ref('int_mention_segments') }}
),

subjects as (
    select * from {{ ref('int_mention_subjects') }}
),

table_cells as (
    select * from {{ ref('int_table_cell_context') }}
),

mentions_kind as (
    -- Extraction marks references; a table cell's row or column may mark it too (a total).
    select
        mentions.* exclude (non_fact_kind),
        coalesce(mentions.non_fact_kind, table_cells.non_fact_kind) as non_fact_kind
    from mentions
    left join table_cells using (report_id, mention_index)
),

final as (
    select
        mentions.report_id,
        mentions.mention_index,
        mentions.page,
        mentions.source_kind,
        mentions.table_index,
        mentions.row_index,
        mentions.col_index,
        mentions.chart_index,
        mentions.point_index,
        mentions.value_source,
        mentions.raw_text,
        mentions.value,
        mentions.unit as mention_unit,
        mentions.qualifier,
        mentions.period_start,
        case
            when mentions.open_ended then coalesce(mentions.period_end, reports.observation_cutoff)
            else mentions.period_end
        end as period_end,
        mentions.non_fact_kind,
        case
            when mentions.value_source = 'geometry' then
                substr(mentions.sentence, 1, mentions.number_start)
                || case
                    when charts.kind = 'line' then 'read from the line''s position'
                    when charts.kind like 'bar%' then 'read from the bar''s length'
                    when charts.kind = 'pie' then 'read from the slice''s area'
                    else 'read from the chart''s drawing'
                end
            else mentions.sentence
        end as evidence,
        metrics.metric,
        metrics.domain,
        metrics.metric_unit,
        segments.segment,
        subjects.subject,
        subjects.subject_support,
        mentions.non_fact_kind is null
            and metrics.metric is not null
            and subjects.subject is not null as is_fact
    from mentions_kind as mentions
    left join reports using (report_id)
    left join charts using (report_id, chart_index)
    left join metrics using (report_id, mention_index)
    left join segments using (report_id, mention_index)
    left join subjects using (report_id, mention_index)
)

select * from final
