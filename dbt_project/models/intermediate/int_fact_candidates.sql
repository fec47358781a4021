-- One row per would-be fact: a figure stated more than once (a table and a sentence) is kept
-- once, with the table, then the chart, as evidence. When the kept statement is plain ("75")
-- and another one of the same value qualifies it ("plus de 75 %"), the qualifier is kept too.
-- `reason` says why the fact cannot be true, null when nothing contradicts it: a value outside
-- the metric's bounds (metrics seed), parts of one whole summing over 100 %, a period that
-- starts after it ends, a page the report does not have. int_facts keeps the rows without one;
-- the others go to review in marts.fact_candidates.
with classified as (
    select * from {{ ref('int_classified_mentions') }}
    where is_fact
),

keyed as (
    select
        *,
        md5(concat_ws(
            '|',
            report_id,
            subject,
            metric,
            coalesce(segment, ''),
            coalesce(cast(period_start as varchar), ''),
            coalesce(cast(period_end as varchar), '')
        )) as fact_key,
        case source_kind when 'table' then 1 when 'chart' then 2 else 3 end as source_priority
    from classified
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
        ranked.domain
    from ranked
    left join statements_qualified
        on ranked.fact_key = statements_qualified.fact_key
        and ranked.value = statements_qualified.value
    where ranked.rank_in_fact = 1
),

metrics as (
    select * from {{ ref('metrics') }}
),

reports as (
    select * from {{ ref('stg_reports') }}
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
    where metrics.parts_of_whole and deduplicated.segment is not null
    group by all
    having sum(deduplicated.value)
        > 100 + {{ var('part_rounding_tolerance') }} * count(*)
),

final as (
    select
        deduplicated.*,
        nullif(concat_ws(
            '; ',
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
        and deduplicated.period_start is not distinct from wholes.period_start
        and deduplicated.period_end is not distinct from wholes.period_end
)

select * from final
