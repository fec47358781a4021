-- The subject of each classified mention and how the text supports it (`subject_support`),
-- best support first:
--   clause             a subject named in the number's clause,
--   sentence           named elsewhere in its sentence,
--   back_reference     the sentence (or the one before) takes up a subject named earlier
--                      ("cette messagerie", "l'outil", "elle", "son"): the last subject of
--                      the wording's kind named before it, in the paragraph or on the page
--                      (subject_references seed),
--   previous_sentence  named in the sentence before.
-- A name that another figure of the sentence stands between belongs to that figure: after
-- the number ("9,3 M€, dont 60 % pour Tchap") it is not a subject of the number at all;
-- before it ("Tchap a absorbé 40 % des 5 M€ de la suite numérique") it yields to any name
-- with no figure between. A generic subject (subject_kinds seed: the agents) yields to any
-- other subject named in the sentence. Nothing else gives a subject: a number without
-- support has none and is no fact. Names that are segments of the mention's metric (Osmose
-- as a destination of AgentConnect logins) are not subjects there.
with mentions as (
    select * from {{ ref('stg_mentions') }}
),

metrics as (
    select * from {{ ref('int_mention_metrics') }}
),

subject_aliases as (
    select
        stg_subject_aliases.*,
        subjects.kind,
        coalesce(subject_kinds.is_generic, false) as is_generic
    from {{ ref('stg_subject_aliases') }} as stg_subject_aliases
    inner join {{ ref('subjects') }} as subjects using (subject)
    left join {{ ref('subject_kinds') }} as subject_kinds using (kind)
),

segment_aliases as (
    select * from {{ ref('stg_segment_aliases') }}
),

references_ as (
    select
        kind,
        reach,
        {{ normalize_wording('wording') }} as wording_norm
    from {{ ref('subject_references') }}
),

classified as (
    select mentions.*, metrics.metric
    from mentions
    inner join metrics using (report_id, mention_index)
),

-- Other figures of the same prose sentence; the other end of a range is the same figure.
figures as (
    select report_id, mention_index, page, sentence, preceding_text, number_start, number_end, range_role
    from mentions
    where source_kind = 'text' and non_fact_kind is null
),

neighbours as (
    select
        classified.report_id,
        classified.mention_index,
        max(figures.number_end) filter (
            where figures.number_end <= classified.number_start
        ) as previous_figure_end,
        min(figures.number_start) filter (
            where figures.number_start >= classified.number_end
        ) as next_figure_start
    from classified
    inner join figures
        on classified.report_id = figures.report_id
        and classified.page = figures.page
        and classified.sentence = figures.sentence
        and classified.preceding_text is not distinct from figures.preceding_text
        and classified.mention_index <> figures.mention_index
        and not (classified.range_role is not null and figures.range_role is not null)
    where classified.source_kind = 'text'
    group by all
),

-- The text between the number and the figures next to it: a name there is the number's own.
spans as (
    select
        classified.*,
        {{ normalize_wording(
            "substr(sentence, coalesce(previous_figure_end, 0) + 1,"
            ~ " number_start - coalesce(previous_figure_end, 0))") }} as gap_before_norm,
        {{ normalize_wording(
            "substr(sentence, number_end + 1,"
            ~ " coalesce(next_figure_start, length(sentence)) - number_end)") }} as gap_after_norm
    from classified
    left join neighbours using (report_id, mention_index)
),

named as (
    select
        spans.report_id,
        spans.mention_index,
        subject_aliases.subject,
        subject_aliases.alias,
        subject_aliases.is_generic,
        {{ wording_scope('subject_aliases.alias_norm', with_previous=true) }} as scope,
        {{ wording_distance('subject_aliases.alias_norm') }} as distance,
        length(subject_aliases.alias_norm) as alias_length,
        strpos(spans.gap_before_norm, subject_aliases.alias_norm) > 0
            or strpos(spans.gap_after_norm, subject_aliases.alias_norm) > 0
            or strpos(spans.number_norm, subject_aliases.alias_norm) > 0 as is_clear,
        strpos(spans.clause_before_norm, subject_aliases.alias_norm) > 0
            or strpos(spans.sentence_before_norm, subject_aliases.alias_norm) > 0 as is_before
    from spans
    cross join subject_aliases
    where not exists (
        select 1
        from segment_aliases
        where segment_aliases.metric = spans.metric
            and segment_aliases.alias_norm = subject_aliases.alias_norm
    )
),

named_supported as (
    select
        report_id,
        mention_index,
        subject,
        alias,
        is_generic,
        case
            when scope = 2 then 'previous_sentence'
            when scope = 0 then 'clause'
            else 'sentence'
        end as subject_support,
        -- 1 clause or sentence, 2 taken up in the sentence, 3 behind another figure,
        -- 4 named in the sentence before, 5 taken up in the sentence before
        case when scope = 2 then 4 when is_clear then 1 else 3 end as tier,
        scope,
        distance,
        alias_length
    from named
    where scope is not null
        and (scope = 2 or is_clear or is_before)
),

-- Back-references: the wording in the clause, the sentence or the sentence before, and the
-- last subject of its kind named before the number's clause, within its reach.
referring as (
    select
        spans.report_id,
        spans.mention_index,
        references_.kind,
        {{ wording_scope('references_.wording_norm', with_previous=true) }} as reference_scope,
        case references_.reach
            when 'paragraph' then spans.paragraph_before_norm
            else spans.preceding_text_norm
        end || spans.sentence_before_norm as searched_norm
    from spans
    cross join references_
),

antecedents as (
    select
        referring.report_id,
        referring.mention_index,
        subject_aliases.subject,
        subject_aliases.alias,
        subject_aliases.is_generic,
        'back_reference' as subject_support,
        -- taken up in the sentence before: after a name in that sentence
        case when referring.reference_scope = 2 then 5 else 2 end as tier,
        referring.reference_scope as scope,
        {{ distance_from_end('referring.searched_norm', 'subject_aliases.alias_norm') }} as distance,
        length(subject_aliases.alias_norm) as alias_length
    from referring
    inner join subject_aliases
        on (referring.kind = subject_aliases.kind
            or (referring.kind is null and not subject_aliases.is_generic))
        and strpos(referring.searched_norm, subject_aliases.alias_norm) > 0
    where referring.reference_scope is not null
),

candidates as (
    select * from named_supported
    union all
    select * from antecedents
),

ranked as (
    select
        *,
        row_number() over (
            partition by report_id, mention_index
            order by
                tier,
                -- the agents yield to a subject of the sentence, not to one found further off
                case when tier = 1 then is_generic end,
                scope,
                distance,
                alias_length desc,
                subject
        ) as rank_in_mention
    from candidates
),

final as (
    select report_id, mention_index, subject, alias as subject_alias, subject_support
    from ranked
    where rank_in_mention = 1
)

select * from final
