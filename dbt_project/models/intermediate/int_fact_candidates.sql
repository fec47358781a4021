-- One row per fact: a figure stated more than once (a table and a sentence) is kept once,
-- with the table, then the chart, as evidence. When the kept statement is plain ("75") and
-- another one of the same value qualifies it ("plus de 75 %"), the qualifier is kept too.
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

final as (
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
)

select * from final
