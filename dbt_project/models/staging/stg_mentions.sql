with mentions as (
    select * from {{ source('raw', 'mentions') }}
),

pieces as (
    -- Offsets are 0-based Python offsets into `sentence`; substr is 1-based.
    select
        *,
        substr(sentence, number_start + 1, number_end - number_start) as number_text,
        substr(sentence, clause_start + 1, number_start - clause_start) as clause_before,
        substr(sentence, number_end + 1, clause_end - number_end) as clause_after,
        substr(sentence, 1, clause_start) as sentence_before,
        substr(sentence, clause_end + 1) as sentence_after,
        -- Paragraphs of the preceding text are lines: the last line is the paragraph the
        -- sentence belongs to, or the one before when the sentence starts a paragraph.
        regexp_extract(rtrim(preceding_text, chr(10)), '[^\n]*$') as paragraph_before,
        -- The paragraph of the sentence before and the one before it: where the sentence
        -- before looks back to. That sentence may stand further up: a list's lines all
        -- follow its introduction.
        regexp_extract(
            rtrim(
                case
                    when strpos(reverse(preceding_text), reverse(previous_sentence)) > 0
                        then substr(
                            preceding_text,
                            1,
                            length(preceding_text)
                                - strpos(reverse(preceding_text), reverse(previous_sentence)) + 1
                        )
                    else preceding_text
                end,
                chr(10)
            ),
            '[^\n]*\n*[^\n]*$'
        ) as paragraphs_before
    from mentions
),

-- The wordings of the vocabulary (subjects, segments, metrics) that a table mention's
-- labels hold only with words broken over the lines of a narrow cell ("Webc onfér ence de
-- l'État", "Ordinateu r fixe"): appended to its normalized labels, so that the labels
-- name them.
vocabulary as (
    select alias_norm as wording_norm from {{ ref('stg_subject_aliases') }}
    union
    select alias_norm from {{ ref('stg_segment_aliases') }}
    union
    select wording_norm from {{ ref('stg_metric_wordings') }}
),

rejoined as (
    select
        pieces.report_id,
        pieces.mention_index,
        string_agg(ltrim(vocabulary.wording_norm), '' order by vocabulary.wording_norm)
            as wordings_norm
    from pieces
    inner join vocabulary
        on pieces.source_kind = 'table'
        and length(replace(vocabulary.wording_norm, ' ', '')) >= {{ var('min_rejoined_wording') }}
        and strpos({{ normalize_wording('pieces.clause_before') }}, vocabulary.wording_norm) = 0
        and regexp_matches(
            {{ normalize_wording('pieces.clause_before') }},
            {{ broken_words_pattern('vocabulary.wording_norm') }}
        )
    group by pieces.report_id, pieces.mention_index
),

final as (
    select
        report_id,
        mention_index,
        page,
        source_kind,
        table_index,
        row_index,
        col_index,
        chart_index,
        point_index,
        value_source,
        raw_text,
        value,
        unit,
        qualifier,
        period_start,
        period_end,
        period_text,
        open_ended,
        range_role,
        non_fact_kind,
        sentence,
        number_start,
        number_end,
        clause_end,
        previous_sentence,
        preceding_text,
        {{ normalize_wording('number_text') }} as number_norm,
        {{ normalize_wording('clause_before') }} || coalesce(rejoined.wordings_norm, '')
            as clause_before_norm,
        {{ normalize_wording('clause_after') }} as clause_after_norm,
        {{ normalize_wording('sentence_before') }} as sentence_before_norm,
        {{ normalize_wording('sentence_after') }} as sentence_after_norm,
        {{ normalize_wording('previous_sentence') }} as previous_sentence_norm,
        {{ normalize_wording('paragraph_before') }} as paragraph_before_norm,
        {{ normalize_wording('paragraphs_before') }} as paragraphs_before_norm,
        {{ normalize_wording('preceding_text') }} as preceding_text_norm
    from pieces
    left join rejoined using (report_id, mention_index)
)

select * from final
