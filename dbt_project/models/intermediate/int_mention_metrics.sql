-- The metric of each mention: among the wordings of the vocabulary whose metric takes the
-- mention's unit (and range role), the one standing nearest the number, preferring its own
-- clause to the rest of the sentence, then the longest wording.
with mentions as (
    select * from {{ ref('stg_mentions') }}
    where non_fact_kind is null
),

wordings as (
    select * from {{ ref('stg_metric_wordings') }}
),

units as (
    select * from {{ ref('units') }}
),

candidates as (
    select
        mentions.report_id,
        mentions.mention_index,
        wordings.metric,
        wordings.domain,
        wordings.unit as metric_unit,
        wordings.wording,
        {{ wording_scope('wordings.wording_norm') }} as scope,
        {{ wording_distance('wordings.wording_norm') }} as distance,
        length(wordings.wording_norm) as wording_length
    from mentions
    inner join units on mentions.unit = units.unit
    inner join wordings
        on units.unit_family = wordings.unit_family
        and mentions.range_role is not distinct from wordings.range_role
),

ranked as (
    select
        *,
        row_number() over (
            partition by report_id, mention_index
            order by scope, distance, wording_length desc, metric
        ) as rank_in_mention
    from candidates
    where scope is not null
),

final as (
    select report_id, mention_index, metric, domain, metric_unit, wording as metric_wording
    from ranked
    where rank_in_mention = 1
)

select * from final
