-- One row per would-be fact: every number the vocabulary gave a metric. It becomes a fact
-- only when the document supports each of its parts, and `reason` says, in words, why it
-- does not (null when nothing is missing or contradicted):
--   * support: a subject named for it (no default subject) in its own sentence, table or
--     chart, or taken up there by a back-reference: a name the sentence before merely
--     holds is a guess (that sentence's subject is as often another one), kept for review;
--     a period when its metric means nothing without one (metrics seed, `dated`), a
--     segment when its metric is reported by segment (it has segment aliases), and, for a
--     table cell, labels no other figure of its table shares, naming one subject at most,
--     and a column header when its table heads its columns; a subject of a kind its
--     metric can be about (metric_subject_kinds seed), when the metric names kinds;
--   * agreement: a figure stated more than once (a table and a sentence) is kept once, with
--     the table, then the chart, as evidence; statements of one fact whose values disagree
--     are held back together instead of one silently winning;
--   * truth: a value outside the metric's bounds, parts of one whole summing over 100 %, a
--     period that starts after it ends, a page the report does not have.
-- When the kept statement is plain ("75") and another one of the same value qualifies it
-- ("plus de 75 %"), the qualifier is kept too. int_facts keeps the rows without a reason;
-- the others go to review in marts.fact_candidates.
with classified as (
    select * from {{ ref('int_classified_mentions') }}
    where non_fact_kind is null
        and metric is not null
),

metrics as (
    select * from {{ ref('metrics') }}
),

reports as (
    select * from {{ ref('stg_reports') }}
),

segmented_metrics as (
    select distinct metric from {{ ref('stg_segment_aliases') }}
),

subject_kinds as (
    select subject, kind from {{ ref('subjects') }}
),

-- Would-be facts whose metric names the kinds of subject it can be about, and whose
-- subject is of none of them, with the kinds the metric takes.
kind_mismatches as (
    select
        classified.report_id,
        classified.mention_index,
        subject_kinds.kind,
        string_agg(metric_subject_kinds.kind, ' or ' order by metric_subject_kinds.kind)
            as metric_kinds
    from classified
    inner join subject_kinds on classified.subject = subject_kinds.subject
    inner join {{ ref('metric_subject_kinds') }} as metric_subject_kinds
        on classified.metric = metric_subject_kinds.metric
    group by all
    having not bool_or(metric_subject_kinds.kind = subject_kinds.kind)
),

table_cells as (
    select * from {{ ref('int_table_cell_context') }}
),

-- Figures of a part row ("dont masse salariale") whose metric its own labels do not name:
-- the metric came from the column header, which names the whole's.
parts_of_another_metric as (
    select classified.report_id, classified.mention_index
    from classified
    inner join table_cells using (report_id, mention_index)
    where table_cells.row_is_part
        and not exists (
            select 1
            from {{ ref('stg_metric_wordings') }} as wordings
            where wordings.metric = classified.metric
                and contains(table_cells.part_row_labels_norm, wordings.wording_norm)
        )
),

statements as (
    select
        classified.*,
        nullif(concat_ws(
            '; ',
            case when classified.subject is null
                then 'no subject named for it in its clause, sentence, table or chart' end,
            case when classified.subject_support = 'previous_sentence'
                then 'its subject is only named in the sentence before' end,
            case when classified.subject_support = 'joined'
                then 'its subject is named with another one by a plain "et": the figure may be their sum' end,
            case when metrics.dated
                    and classified.period_start is null
                    and classified.period_end is null
                then 'no period stated, and the metric needs one' end,
            case when classified.segment is null and segmented_metrics.metric is not null
                then 'no segment named for it, and the metric is reported by segment' end,
            case when table_cells.shares_labels
                then 'another figure of its table has the same row and column labels' end,
            case when table_cells.labels_name_several_subjects
                then 'its row and column labels name several subjects' end,
            -- A figure whose labels name its segment (the logins to Osmose in a table of
            -- AgentConnect's logins by destination) was read under a whole label.
            case when table_cells.labels_name_no_subject and classified.segment is null
                then 'its row and column labels name no subject, while other labels of its table do' end,
            case when table_cells.column_unheaded
                then 'its column has no header of its own, while its table heads its columns' end,
            case when parts_of_another_metric.mention_index is not null
                then 'its row is a part of the row above ("dont ..."), and its metric is the column header''s, which names the whole' end,
            case when kind_mismatches.kind is not null
                then 'its subject is of kind ' || kind_mismatches.kind
                    || ', and its metric is about kind ' || kind_mismatches.metric_kinds end
        ), '') as missing
    from classified
    left join metrics on classified.metric = metrics.metric
    left join segmented_metrics on classified.metric = segmented_metrics.metric
    left join table_cells
        on classified.report_id = table_cells.report_id
        and classified.mention_index = table_cells.mention_index
    left join parts_of_another_metric
        on classified.report_id = parts_of_another_metric.report_id
        and classified.mention_index = parts_of_another_metric.mention_index
    left join kind_mismatches
        on classified.report_id = kind_mismatches.report_id
        and classified.mention_index = kind_mismatches.mention_index
),

keyed as (
    select
        *,
        -- An unsupported statement is its own candidate (one per subject when coordinated
        -- subjects share it): without a subject or a period it cannot be told apart from,
        -- nor merged with, another statement.
        case
            when missing is null then md5(concat_ws(
                '|',
                report_id,
                subject,
                metric,
                coalesce(segment, ''),
                coalesce(cast(period_start as varchar), ''),
                coalesce(cast(period_end as varchar), '')
            ))
            else md5(concat_ws('|', 'unsupported', report_id, mention_index, subject))
        end as fact_key,
        case source_kind when 'table' then 1 when 'chart' then 2 else 3 end as source_priority
    from statements
),

ranked as (
    select
        *,
        row_number() over (
            partition by fact_key
            order by source_priority, page, mention_index
        ) as rank_in_fact
    from keyed
),

statements_qualified as (
    select fact_key, value, min(qualifier) as qualifier
    from ranked
    where qualifier <> 'exact'
    group by fact_key, value
),

-- Printed figures of one fact may differ by their rounding ("52,8 %" and "53 %"), and a
-- value read from a chart's drawing by its reading; more than that is a disagreement.
disagreements as (
    select
        fact_key,
        string_agg(
            distinct value || ' (' || source_kind || ', page ' || page || ')', ' / '
            order by value || ' (' || source_kind || ', page ' || page || ')'
        ) as statements
    from ranked
    group by fact_key
    having max(value) - min(value)
        > {{ var('statement_agreement_tolerance') }} * greatest(abs(max(value)), abs(min(value)))
),

deduplicated as (
    select
        ranked.fact_key,
        ranked.report_id,
        ranked.subject,
        ranked.metric,
        ranked.segment,
        ranked.value,
        ranked.metric_unit as unit,
        coalesce(statements_qualified.qualifier, ranked.qualifier) as qualifier,
        ranked.period_start,
        ranked.period_end,
        ranked.source_kind,
        ranked.page,
        ranked.evidence,
        ranked.subject_support,
        ranked.domain,
        ranked.missing,
        disagreements.statements as disagreeing_statements
    from ranked
    left join statements_qualified
        on ranked.fact_key = statements_qualified.fact_key
        and ranked.value = statements_qualified.value
    left join disagreements on ranked.fact_key = disagreements.fact_key
    where ranked.rank_in_fact = 1
),

-- Each printed part may be rounded by up to `part_rounding_tolerance` points, so parts
-- summing to 101 % can be true; more than that cannot.
wholes as (
    select
        deduplicated.report_id,
        deduplicated.subject,
        deduplicated.metric,
        deduplicated.period_start,
        deduplicated.period_end,
        sum(deduplicated.value) as parts_total
    from deduplicated
    inner join metrics on deduplicated.metric = metrics.metric
    where metrics.parts_of_whole
        and deduplicated.segment is not null
        and deduplicated.missing is null
    group by all
    having sum(deduplicated.value)
        > 100 + {{ var('part_rounding_tolerance') }} * count(*)
),

final as (
    select
        deduplicated.* exclude (missing, disagreeing_statements),
        nullif(concat_ws(
            '; ',
            deduplicated.missing,
            case when deduplicated.disagreeing_statements is not null
                then 'statements disagree: ' || deduplicated.disagreeing_statements end,
            case when deduplicated.value < metrics.min_value
                then 'value below the metric''s minimum ' || metrics.min_value end,
            case when deduplicated.value > metrics.max_value
                then 'value above the metric''s maximum ' || metrics.max_value end,
            case when wholes.parts_total is not null
                then 'parts of one whole sum to ' || round(wholes.parts_total, 2) || ' %' end,
            case when deduplicated.period_start > deduplicated.period_end
                then 'period starts after it ends' end,
            case when deduplicated.page not between 1 and reports.page_count
                then 'page ' || deduplicated.page || ' outside the report ('
                    || reports.page_count || ' pages)' end
        ), '') as reason
    from deduplicated
    left join metrics on deduplicated.metric = metrics.metric
    left join reports on deduplicated.report_id = reports.report_id
    left join wholes
        on deduplicated.report_id = wholes.report_id
        and deduplicated.subject = wholes.subject
        and deduplicated.metric = wholes.metric
        and deduplicated.segment is not null
        and deduplicated.missing is null
        and deduplicated.period_start is not distinct from wholes.period_start
        and deduplicated.period_end is not distinct from wholes.period_end
)

select * from final
