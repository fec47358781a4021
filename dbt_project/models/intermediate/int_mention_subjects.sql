-- The subject of each classified mention: the subject alias nearest the number, in its
-- clause, else its sentence, else the sentence before. Names that are segments of the
-- mention's metric (Osmose as a destination of AgentConnect logins) are not subjects there.
with mentions as (
    select * from {{ ref('stg_mentions') }}
),

metrics as (
    select * from {{ ref('int_mention_metrics') }}
),

subject_aliases as (
    select * from {{ ref('stg_subject_aliases') }}
),

segment_aliases as (
    select * from {{ ref('stg_segment_aliases') }}
),

candidates as (
    select
        mentions.report_id,
        mentions.mention_index,
        subject_aliases.subject,
        subject_aliases.alias,
        {{ wording_scope('subject_aliases.alias_norm', with_previous=true) }} as scope,
        {{ wording_distance('subject_aliases.alias_norm') }} as distance,
        length(subject_aliases.alias_norm) as alias_length
    from mentions
    inner join metrics using (report_id, mention_index)
    cross join subject_aliases
    where not exists (
        select 1
        from segment_aliases
        where segment_aliases.metric = metrics.metric
            and segment_aliases.alias_norm = subject_aliases.alias_norm
    )
),

ranked as (
    select
        *,
        row_number() over (
            partition by report_id, mention_index
            order by scope, distance, alias_length desc, subject
        ) as rank_in_mention
    from candidates
    where scope is not null
),

final as (
    select report_id, mention_index, subject, alias as subject_alias
    from ranked
    where rank_in_mention = 1
)

select * from final
