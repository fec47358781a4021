-- Numbers the vocabulary did not classify, so a user sees what the fact marts leave out and
-- which wording to add to the seeds. Page, footnote, section, table, chart and legal
-- reference numbers and years used as dates are not listed.
with classified as (
    select * from {{ ref('int_classified_mentions') }}
),

final as (
    select
        report_id,
        mention_index,
        raw_text,
        value,
        mention_unit as unit,
        qualifier,
        period_start,
        period_end,
        source_kind,
        page,
        metric as metric_found,
        subject as subject_found,
        evidence
    from classified
    where non_fact_kind is null
        and not is_fact
)

select * from final
