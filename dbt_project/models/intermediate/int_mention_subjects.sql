-- The subject of each classified mention and how the text supports it (`subject_support`),
-- best support first:
--   clause             a subject named in the number's clause,
--   sentence           named elsewhere in its sentence,
--   back_reference     the sentence (or the one before) takes up a subject named earlier
--                      ("cette messagerie", "l'outil", "elle"): the last subject of
--                      the wording's kind named before it, in the paragraph or on the page
--                      (subject_references seed); a possessive opening its sentence
--                      ("Fin 2023, son coût", "le nombre de ses utilisateurs") as `elle`
--                      (subject_possessives seed); a demonstrative naming a thing
--                      ("ces crédits") takes up the owner the page named with that thing
--                      before ("Crédits de la DINUM"),
--   introduction       named in the title or introduction the sentence follows (a line
--                      with no full stop: "Le budget de la DINUM en 2024", "En 2022 :"),
--   previous_sentence  named in the full sentence before: a guess, reviewed, never a fact,
--   joined             named with another subject of its kind by a plain "et" (each or their
--                      sum?): a guess, reviewed, never a fact,
--   continued          the subject of the sentence before, when that one holds numbers
--                      whose subject is one, found by any of the above but a guess (lists, boxes:
--                      "Crédits de paiement : 138 M€" after "Autorisations : 79 M€").
-- A name that another figure of the sentence stands between belongs to that figure: after
-- the number ("9,3 M€, dont 60 % pour Tchap"), or past its clause and before another
-- figure ("A : 20 ; B : 11"), it is not a subject of the number at all;
-- before it ("Tchap a absorbé 40 % des 5 M€ de la suite numérique") it yields to any name
-- with no figure between. A generic subject (subject_kinds seed: the agents) yields to any
-- other subject named in the sentence. Nothing else gives a subject: a number without
-- support has none and is no fact. Names that are segments of the mention's metric (Osmose
-- as a destination of AgentConnect logins) are not subjects there.
with recursive mentions as (
    select * from {{ ref('stg_mentions') }}
),

metrics as (
    select * from {{ ref('int_mention_metrics') }}
),

subject_aliases as (
    {{ subject_aliases_with_kind() }}
),

segment_aliases as (
    select * from {{ ref('stg_segment_aliases') }}
),

exclusions as (
    select rtrim({{ normalize_wording('wording') }}) as wording_norm
    from {{ ref('subject_exclusions') }}
),

references_ as (
    select
        kind,
        reach,
        {{ normalize_wording('wording') }} as wording_norm,
        cast(null as varchar) as possessive
    from {{ ref('subject_references') }}
    union all
    select
        cast(null as varchar) as kind,
        'paragraph' as reach,
        {{ normalize_wording('wording') }} as wording_norm,
        lower(wording) as possessive
    from {{ ref('subject_possessives') }}
),

classified as (
    select mentions.*, metrics.metric
    from mentions
    inner join metrics using (report_id, mention_index)
),

-- The text between the number and the figures next to it: a name there is the number's own.
spans as (
    select
        classified.*,
        int_mention_spans.gap_before_norm,
        int_mention_spans.gap_after_norm,
        int_mention_spans.own_before_norm,
        int_mention_spans.own_after_norm,
        int_mention_spans.has_neighbours
    from classified
    inner join {{ ref('int_mention_spans') }} as int_mention_spans using (report_id, mention_index)
),

named as (
    select
        spans.report_id,
        spans.mention_index,
        subject_aliases.subject,
        subject_aliases.alias,
        subject_aliases.is_generic,
        spans.previous_sentence,
        {{ wording_scope('subject_aliases.alias_norm', with_previous=true) }} as scope,
        {{ wording_distance('subject_aliases.alias_norm') }} as distance,
        length(subject_aliases.alias_norm) as alias_length,
        strpos(spans.gap_before_norm, subject_aliases.alias_norm) > 0
            or strpos(spans.gap_after_norm, subject_aliases.alias_norm) > 0
            or strpos(spans.number_norm, subject_aliases.alias_norm) > 0 as is_clear,
        strpos(spans.own_before_norm, subject_aliases.alias_norm) > 0
            or strpos(spans.own_after_norm, subject_aliases.alias_norm) > 0
            or strpos(spans.number_norm, subject_aliases.alias_norm) > 0 as is_own,
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
    -- a name set aside ("hors Tchap") is no subject of the sentence's figures
    and not exists (
        select 1
        from exclusions
        where regexp_matches(
            {{ normalize_wording('spans.sentence') }},
            exclusions.wording_norm || '( (la|le|les|l))?' || subject_aliases.alias_norm
        )
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
            when scope = 2 and regexp_matches(previous_sentence, '[.!?…][»")\s\d]*$')
                then 'previous_sentence'
            when scope = 2 then 'introduction'
            when scope = 0 then 'clause'
            else 'sentence'
        end as subject_support,
        -- 1 clause or sentence, 2 taken up in the sentence, 3 behind another figure,
        -- 4 named in the sentence before, 5 taken up in the sentence before
        case when scope = 2 then 4 when is_clear then 1 else 3 end as tier,
        is_own,
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
        case
            when references_.reach = 'page' then spans.preceding_text_norm
            -- a wording of the sentence before looks back from that sentence's paragraph
            when {{ wording_scope('references_.wording_norm') }} is null
                then spans.paragraphs_before_norm
            else spans.paragraph_before_norm
        end || spans.sentence_before_norm as searched_norm
    from spans
    cross join references_
    -- A possessive further in its sentence belongs as often to a noun of that sentence; in
    -- the noun phrase opening it ("En 2023, le nombre de ses utilisateurs ..."), no noun
    -- of the sentence stands before it to own it.
    where references_.possessive is null
        or regexp_matches(
            lower(case
                when {{ wording_scope('references_.wording_norm') }} is null
                    then spans.previous_sentence
                else spans.sentence
            end),
            '^\W*([^,;:.]*,\s*)?(((le|la|les)\s+|l[''’])\pL+\s+(de|d[''’])\s*)?'
                || references_.possessive || '\s'
        )
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

-- A pronoun whose paragraph names no subject but takes one up by a wording of a kind ("La
-- continuité de la direction n'a pas été assurée. En 2022, elle a connu ...") takes up what
-- that wording does: the last subject of its kind named before it on the page, further off
-- than any name of the paragraph.
relayed as (
    select
        referring.report_id,
        referring.mention_index,
        subject_aliases.subject,
        subject_aliases.alias,
        subject_aliases.is_generic,
        'back_reference' as subject_support,
        case when referring.reference_scope = 2 then 5 else 2 end as tier,
        referring.reference_scope as scope,
        length(referring.searched_norm)
            + {{ distance_from_end('spans.preceding_text_norm', 'subject_aliases.alias_norm') }}
            as distance,
        length(subject_aliases.alias_norm) as alias_length
    from referring
    inner join spans using (report_id, mention_index)
    inner join references_ as relay
        on relay.kind is not null
        and strpos(referring.searched_norm, relay.wording_norm) > 0
    inner join subject_aliases
        on relay.kind = subject_aliases.kind
        and strpos(spans.preceding_text_norm, subject_aliases.alias_norm) > 0
    where referring.kind is null
        and referring.reference_scope is not null
),

-- A demonstrative naming a thing ("ces crédits", "cet effectif") takes up the thing the page
-- named before with its owner ("Tableau n° 1 : Crédits de la DINUM" ... "Ces crédits ont été
-- multipliés par cinq"): the owner is the subject. A thing named with no owner gives none.
demonstratives as (
    select
        spans.report_id,
        spans.mention_index,
        spans.preceding_text_norm,
        unnest(
            regexp_extract_all(
                {{ normalize_wording('spans.sentence') }}, ' (ce|cet|cette|ces) ([a-z]{3,})', 2
            )
        ) as noun
    from spans
),

owned as (
    select
        demonstratives.report_id,
        demonstratives.mention_index,
        subject_aliases.subject,
        subject_aliases.alias,
        subject_aliases.is_generic,
        'back_reference' as subject_support,
        2 as tier,
        1 as scope,
        {{ distance_from_end('demonstratives.preceding_text_norm', 'subject_aliases.alias_norm') }}
            as distance,
        length(subject_aliases.alias_norm) as alias_length
    from demonstratives
    inner join subject_aliases
        -- the thing, singular or plural, then "de", "du", "des", "d'" and its owner
        on regexp_matches(
            demonstratives.preceding_text_norm,
            ' ' || regexp_replace(demonstratives.noun, '[sx]$', '')
                || '[sx]? (de|du|des|d)( (la|le|les|l))?' || subject_aliases.alias_norm
        )
),

candidates as (
    select * from named_supported
    union all by name
    select * from antecedents
    union all by name
    select * from relayed
    union all by name
    select * from owned
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
                -- a name of the number's own stretch of the sentence wins over one of the
                -- stretch a neighbouring figure owns ("55 % pour Tchap et 20 % pour Resana")
                case when tier = 1 then not is_own end,
                scope,
                distance,
                alias_length desc,
                subject
        ) as rank_in_mention
    from candidates
),

nearest as (
    select report_id, mention_index, subject, alias, subject_support
    from ranked
    where rank_in_mention = 1
),

-- The nearest subject and each other subject of its kind its sentence names.
pairs as (
    select
        nearest.report_id,
        nearest.mention_index,
        nearest.subject_support,
        other.subject as other_subject,
        other.alias as other_alias,
        {{ normalize_wording('spans.sentence') }} as sentence_norm,
        own.alias_norm,
        other_kind.alias_norm as other_alias_norm,
        spans.has_neighbours
    from nearest
    inner join spans using (report_id, mention_index)
    inner join subject_aliases as own
        on nearest.subject = own.subject and nearest.alias = own.alias
    inner join named as other
        on nearest.report_id = other.report_id
        and nearest.mention_index = other.mention_index
        and other.subject <> nearest.subject
        and other.scope in (0, 1)
    inner join subject_aliases as other_kind
        on other.subject = other_kind.subject and other.alias = other_kind.alias
    where spans.source_kind = 'text'
        and nearest.subject_support in ('clause', 'sentence')
        and own.kind = other_kind.kind
),

-- Subjects coordinated to the resolved one by a distributive wording ("pour Resana comme
-- pour Osmose", "Resana, tout comme Osmose", "pour Resana et pour Osmose") share the
-- figure of their sentence: each has it. A plain "et" may join them into one whole ("Resana
-- et Osmose ont coûté 5 M€"), so it shares nothing; nor does a sentence of several figures.
coordinated as (
    select
        report_id,
        mention_index,
        other_subject as subject,
        other_alias as alias,
        subject_support
    from pairs
    where not has_neighbours
        and (
            regexp_matches(
                sentence_norm, {{ distributive_coordination('alias_norm', 'other_alias_norm') }}
            )
            or regexp_matches(
                sentence_norm, {{ distributive_coordination('other_alias_norm', 'alias_norm') }}
            )
        )
    qualify row_number() over (
        partition by report_id, mention_index, other_subject
        order by length(other_alias) desc
    ) = 1
),

-- Subjects joined by a plain "et", "ou" or "ainsi que" ("Resana et Osmose ont coûté 6 M€")
-- may each have the figure or have it as a sum: it is no fact of either, only a guess
-- (`joined`) for review.
joined as (
    select distinct report_id, mention_index
    from pairs
    where (
            regexp_matches(sentence_norm, {{ plain_coordination('alias_norm', 'other_alias_norm') }})
            or regexp_matches(sentence_norm, {{ plain_coordination('other_alias_norm', 'alias_norm') }})
        )
        and not exists (
            select 1
            from coordinated
            where coordinated.report_id = pairs.report_id
                and coordinated.mention_index = pairs.mention_index
        )
),

resolved as (
    select
        nearest.report_id,
        nearest.mention_index,
        nearest.subject,
        nearest.alias,
        case
            when joined.mention_index is not null then 'joined'
            else nearest.subject_support
        end as subject_support
    from nearest
    left join joined using (report_id, mention_index)
),

-- Prose sentences with a classified number, and the subject when their numbers found one.
sentences as (
    select
        classified.report_id,
        classified.page,
        classified.sentence,
        classified.previous_sentence,
        classified.preceding_text,
        min(classified.mention_index) as first_mention_index,
        count(resolved.subject) as resolved_count,
        count(distinct resolved.subject) as subject_count,
        bool_or(resolved.subject_support in ('previous_sentence', 'joined')) as guessed,
        min(resolved.subject) as subject,
        min(resolved.alias) as alias
    from classified
    left join resolved using (report_id, mention_index)
    where classified.source_kind = 'text'
    group by classified.report_id, classified.page, classified.sentence,
        classified.previous_sentence, classified.preceding_text
),

-- A sentence whose numbers found no subject, after the one that holds numbers just before it
-- (on its page, or at the foot of the page before: a box cut by a page break).
follows as (
    select
        sentences.report_id,
        sentences.first_mention_index,
        before.first_mention_index as before_mention_index
    from sentences
    inner join sentences as before
        on sentences.report_id = before.report_id
        and sentences.page - before.page in (0, 1)
        and sentences.previous_sentence = before.sentence
        and before.first_mention_index < sentences.first_mention_index
    where sentences.resolved_count = 0
    qualify row_number() over (
        partition by sentences.report_id, sentences.first_mention_index
        order by before.first_mention_index desc
    ) = 1
),

-- The sentence carries on with the subject of the sentence before, as far as each sentence
-- of the run finds no subject of its own; a sentence with two subjects, or whose subject is
-- a guess from the sentence before it, passes none on.
continued as (
    select report_id, first_mention_index, subject, alias
    from sentences
    where subject_count = 1 and not guessed
    union all
    select follows.report_id, follows.first_mention_index, continued.subject, continued.alias
    from follows
    inner join continued
        on follows.report_id = continued.report_id
        and follows.before_mention_index = continued.first_mention_index
),

continued_mentions as (
    select
        classified.report_id,
        classified.mention_index,
        continued.subject,
        continued.alias,
        'continued' as subject_support
    from classified
    inner join sentences
        on classified.report_id = sentences.report_id
        and classified.page = sentences.page
        and classified.sentence = sentences.sentence
        and classified.previous_sentence is not distinct from sentences.previous_sentence
        and classified.preceding_text is not distinct from sentences.preceding_text
    inner join continued
        on sentences.report_id = continued.report_id
        and sentences.first_mention_index = continued.first_mention_index
    where sentences.resolved_count = 0
),

final as (
    select report_id, mention_index, subject, alias as subject_alias, subject_support
    from resolved
    union all
    select report_id, mention_index, subject, alias as subject_alias, subject_support
    from coordinated
    union all
    select report_id, mention_index, subject, alias as subject_alias, subject_support
    from continued_mentions
)

select * from final
