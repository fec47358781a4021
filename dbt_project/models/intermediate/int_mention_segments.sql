-- The breakdown of a metric that has one (DGFiP for a share of messages, laptop for an
-- equipment rate): the segment alias of that metric nearest the number in its sentence.
-- Where other figures share the sentence ("la DGFiP 26 %, l'Insee environ 8 % et la
-- gendarmerie 7 %"), only an alias in the number's own stretch of it counts
-- (int_mention_spans): the one nearest the number may be the next figure's.
with mentions as (
    select * from {{ ref('stg_mentions') }}
),

metrics as (
    select * from {{ ref('int_mention_metrics') }}
),

spans as (
    select * from {{ ref('int_mention_spans') }}
),

aliases as (
    select * from {{ ref('stg_segment_aliases') }}
),

candidates as (
    select
        mentions.report_id,
        mentions.mention_index,
        aliases.segment,
        aliases.alias,
        spans.has_neighbours,
        strpos(mentions.number_norm, aliases.alias_norm) > 0
            or strpos(spans.own_before_norm, aliases.alias_norm) > 0
            or strpos(spans.own_after_norm, aliases.alias_norm) > 0 as is_own,
        {{ wording_scope('aliases.alias_norm') }} as scope,
        {{ wording_distance('aliases.alias_norm') }} as distance,
        length(aliases.alias_norm) as alias_length
    from mentions
    inner join metrics using (report_id, mention_index)
    inner join spans using (report_id, mention_index)
    inner join aliases on metrics.metric = aliases.metric
),

ranked as (
    select
        *,
        row_number() over (
            partition by report_id, mention_index
            order by scope, distance, alias_length desc, segment
        ) as rank_in_mention
    from candidates
    where scope is not null
        and (is_own or not has_neighbours)
),

final as (
    select report_id, mention_index, segment, alias as segment_alias
    from ranked
    where rank_in_mention = 1
)

select * from final
