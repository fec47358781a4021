-- The metric of each mention: among the wordings of the vocabulary whose metric takes the
-- mention's unit (and range role), the one standing nearest the number, preferring its own
-- clause to the rest of the sentence, then the longest wording. A line of a dashed list
-- whose own words name no metric takes the one its introduction names ("En 2022, le taux
-- d'équipement était le suivant :" / "– ordinateur portable : 72 % ;").
-- A wording that a wording of another metric contains names a kind of thing that metric
-- narrows down ("indicateurs" / "indicateurs complètement atteints"): when a wording of the
-- narrower metric stands as close in scope, it wins ("quatorze indicateurs du plan étaient
-- complètement atteints" counts met indicators, not planned ones).
-- A wording the figure before owns (it stands between that figure and a separator: ",", ";",
-- ":", a parenthesis, "et", "puis", "contre") comes after the number's own wordings: in
-- "11 jeux prévus et 0 jeu ouvert", "prévus" is the 11's.
{%- set bullet = '[–—•▪\\x{E000}-\\x{F8FF}-]' %}
with mentions as (
    select
        *,
        -- The introduction a dashed list line follows: the last sentence of the last
        -- paragraph ending with a colon, with nothing but dashed lines after it. A bullet
        -- drawn from a symbol font (Symbol, Wingdings) reads as a private-use character. A list whose bullets the
        -- text does not keep (drawn as shapes) is told by its punctuation: "label : figure"
        -- lines ending with ";", the last one after a line ending with ";".
        case
            when regexp_matches(sentence, '^\s*{{ bullet }}\s')
                then {{ normalize_wording(
                    "regexp_extract(regexp_extract(preceding_text, '([^\\n]*:)[ \\t]*\\n+(?:" ~ bullet ~ " [^\\n]*\\n+)*$', 1), '[^.!?…]*$')"
                ) }}
            when regexp_matches(sentence, '^\s*[^\d:;.]{1,60}\s:\s')
                and (regexp_matches(sentence, ';\s*$')
                    or regexp_matches(preceding_text, ';[ \t]*\n+$'))
                then {{ normalize_wording(
                    "regexp_extract(regexp_extract(preceding_text, '([^\\n]*:)[ \\t]*\\n+(?:[^\\n]*;[ \\t]*\\n+)*$', 1), '[^.!?…]*$')"
                ) }}
        end as list_introduction_norm
    from {{ ref('stg_mentions') }}
    where non_fact_kind is null
),

previous_figures as (
    select
        mentions.report_id,
        mentions.mention_index,
        max(others.number_end) as previous_figure_end
    from mentions
    inner join mentions as others
        on mentions.report_id = others.report_id
        and mentions.page = others.page
        and mentions.sentence = others.sentence
        and mentions.preceding_text is not distinct from others.preceding_text
        and mentions.mention_index <> others.mention_index
        and others.number_end <= mentions.number_start
        and not (mentions.range_role is not null and others.range_role is not null)
    where mentions.source_kind = 'text' and others.source_kind = 'text'
    group by all
),

owned_by_previous as (
    select
        mentions.report_id,
        mentions.mention_index,
        {{ normalize_wording(
            "regexp_extract(substr(mentions.sentence, previous_figures.previous_figure_end + 1,"
            ~ " mentions.number_start - previous_figures.previous_figure_end),"
            ~ " '^(.*)(?:[,;:()]|\\bet\\b|\\bpuis\\b|\\bcontre\\b)', 1)"
        ) }} as previous_owned_norm
    from mentions
    inner join previous_figures using (report_id, mention_index)
),

wordings as (
    select * from {{ ref('stg_metric_wordings') }}
),

units as (
    select * from {{ ref('units') }}
),

narrower_metrics as (
    select distinct
        broad.wording_norm as broad_wording_norm,
        broad.metric as broad_metric,
        narrow.metric as narrow_metric
    from wordings as broad
    inner join wordings as narrow
        on broad.unit_family = narrow.unit_family
        and broad.metric <> narrow.metric
        and narrow.wording_norm <> broad.wording_norm
        and strpos(narrow.wording_norm, broad.wording_norm) > 0
),

candidates as (
    select
        mentions.report_id,
        mentions.mention_index,
        wordings.metric,
        wordings.domain,
        wordings.unit as metric_unit,
        wordings.wording,
        wordings.wording_norm,
        coalesce(
            {{ wording_scope('wordings.wording_norm') }},
            case when strpos(mentions.list_introduction_norm, wordings.wording_norm) > 0 then 2 end
        ) as scope,
        {{ wording_distance('wordings.wording_norm') }} as distance,
        length(wordings.wording_norm) as wording_length,
        coalesce(
            strpos(owned_by_previous.previous_owned_norm, wordings.wording_norm) > 0
            and strpos(mentions.number_norm, wordings.wording_norm) = 0
            and strpos(mentions.clause_after_norm, wordings.wording_norm) = 0,
            false
        ) as owned_by_previous_figure
    from mentions
    left join owned_by_previous using (report_id, mention_index)
    inner join units on mentions.unit = units.unit
    inner join wordings
        on units.unit_family = wordings.unit_family
        and mentions.range_role is not distinct from wordings.range_role
),

found as (
    select * from candidates where scope is not null
),

narrowed as (
    select found.*
    from found
    where not exists (
        select 1
        from narrower_metrics
        inner join found as narrow
            on narrow.metric = narrower_metrics.narrow_metric
        where narrower_metrics.broad_wording_norm = found.wording_norm
            and narrower_metrics.broad_metric = found.metric
            and narrow.report_id = found.report_id
            and narrow.mention_index = found.mention_index
            and narrow.scope <= found.scope
    )
),

ranked as (
    select
        *,
        row_number() over (
            partition by report_id, mention_index
            order by scope, owned_by_previous_figure, distance, wording_length desc, metric, wording
        ) as rank_in_mention
    from narrowed
),

final as (
    select report_id, mention_index, metric, domain, metric_unit, wording as metric_wording
    from ranked
    where rank_in_mention = 1
)

select * from final
