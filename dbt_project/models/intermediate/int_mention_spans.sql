-- The stretch of its sentence each number with a metric owns, bounded by the other figures
-- of a prose sentence (the other end of a range is the same figure):
--   gap_before / gap_after   the text from the figure before to the number, and from the
--                            number to the figure after or its clause's end;
--   own_before / own_after   the same, less what the neighbouring figure owns: a
--                            separator (",", ";", ":", a parenthesis, "et", "puis",
--                            "contre") between two figures ends the first one's part
--                            ("26 % pour la DGFiP, 8 % pour l'Insee", "la DGFiP 26 %,
--                            l'Insee 8 %"). With no separator between them, the text
--                            between two figures is owned by neither. A figure in
--                            parentheses owns the stretch before them too.
-- A table cell or chart point has no neighbours: its gaps are its whole context.
with mentions as (
    select * from {{ ref('stg_mentions') }}
),

metrics as (
    select * from {{ ref('int_mention_metrics') }}
),

classified as (
    select mentions.*
    from mentions
    inner join metrics using (report_id, mention_index)
),

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

gaps as (
    select
        classified.report_id,
        classified.mention_index,
        neighbours.previous_figure_end,
        neighbours.next_figure_start,
        substr(
            classified.sentence,
            coalesce(neighbours.previous_figure_end, 0) + 1,
            classified.number_start - coalesce(neighbours.previous_figure_end, 0)
        ) as gap_before,
        -- After the number, past its clause, a name followed by another figure opens that
        -- figure's part of the sentence ("A : 20 prévus ; B : 11 prévus").
        substr(
            classified.sentence,
            classified.number_end + 1,
            case
                when neighbours.next_figure_start is null then length(classified.sentence)
                else least(neighbours.next_figure_start, classified.clause_end)
            end - classified.number_end
        ) as gap_after,
        substr(
            classified.sentence,
            classified.number_end + 1,
            neighbours.next_figure_start - classified.number_end
        ) as to_next_figure
    from classified
    left join neighbours using (report_id, mention_index)
),

split as (
    select
        *,
        regexp_split_to_array(gap_before, '[,;:()]|\s(?:et|puis|contre)\s') as pieces_before,
        regexp_split_to_array(to_next_figure, '[,;:()]|\s(?:et|puis|contre)\s') as pieces_after
    from gaps
),

final as (
    select
        report_id,
        mention_index,
        previous_figure_end is not null or next_figure_start is not null as has_neighbours,
        {{ normalize_wording('gap_before') }} as gap_before_norm,
        {{ normalize_wording('gap_after') }} as gap_after_norm,
        -- A figure in parentheses opened just before it, with at most a qualifier between
        -- ("devant l'Insee (environ 8 %)"), is said of the stretch before the parenthesis.
        {{ normalize_wording(
            "case when previous_figure_end is null then gap_before"
            ~ " when len(pieces_before) > 2"
            ~ " and regexp_matches(gap_before, '\\([^,;:()0-9]{0,40}$')"
            ~ " then pieces_before[-2] || ' ' || pieces_before[-1]"
            ~ " when len(pieces_before) > 1 then pieces_before[-1] end") }} as own_before_norm,
        {{ normalize_wording(
            "case when next_figure_start is null then gap_after"
            ~ " when len(pieces_after) > 1 then pieces_after[1] end") }} as own_after_norm
    from split
)

select * from final
