{#-
  Wordings are matched as whole words, case- and accent-insensitively: both the text and the
  wording are lowered, stripped of accents, reduced to letters, digits, % and € separated by
  single spaces, and padded with a space on each side. "Webconf de l’État" and
  "webconf de l'etat" then compare equal, and "AE" does not match inside "aérien". The
  ligatures typesetting prints for "fi", "fl", "ff" ("l’oﬀre", "conﬁé") are spelt out. Digits
  glued to the end of a word are a footnote call the page reader did not see raised
  ("utilisateurs actifs5"): they are dropped, so that the word still matches.
-#}
{% macro normalize_wording(expr) -%}
    (' ' || trim(regexp_replace(regexp_replace(lower(strip_accents({{ spell_out_ligatures("coalesce(" ~ expr ~ ", '')") }})), '([a-z]{2})[0-9]+', '\1', 'g'), '[^a-z0-9%€]+', ' ', 'g')) || ' ')
{%- endmacro %}

{% macro spell_out_ligatures(expr) -%}
    replace(replace(replace(replace(replace(replace({{ expr }},
        'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬆ', 'st')
{%- endmacro %}

{#- Characters between the end of the last occurrence of `needle` in `text` and the end of `text`. -#}
{% macro distance_from_end(text, needle) -%}
    (nullif(strpos(reverse({{ text }}), reverse({{ needle }})), 0) - 1)
{%- endmacro %}

{#- Characters between the start of `text` and the first occurrence of `needle`. -#}
{% macro distance_from_start(text, needle) -%}
    (nullif(strpos({{ text }}, {{ needle }}), 0) - 1)
{%- endmacro %}

{#-
  Where a wording stands relative to a number: scope 0 inside the number's own expression or
  its clause, 1 elsewhere in its sentence, 2 in the sentence before (only when
  `with_previous`); distance in characters to the number. Expects the columns of
  stg_mentions (`number_norm`, `clause_before_norm`, ...) and a normalized `needle`.
-#}
{% macro wording_scope(needle, with_previous=false) -%}
    case
        when strpos(number_norm, {{ needle }}) > 0
            or strpos(clause_before_norm, {{ needle }}) > 0
            or strpos(clause_after_norm, {{ needle }}) > 0 then 0
        when strpos(sentence_before_norm, {{ needle }}) > 0
            or strpos(sentence_after_norm, {{ needle }}) > 0 then 1
        {% if with_previous -%}
        when strpos(previous_sentence_norm, {{ needle }}) > 0 then 2
        {%- endif %}
    end
{%- endmacro %}

{% macro wording_distance(needle) -%}
    case
        when strpos(number_norm, {{ needle }}) > 0 then 0
        else coalesce(
            least(
                {{ distance_from_end('clause_before_norm', needle) }},
                {{ distance_from_start('clause_after_norm', needle) }}
            ),
            least(
                {{ distance_from_end('sentence_before_norm', needle) }} + length(clause_before_norm),
                {{ distance_from_start('sentence_after_norm', needle) }} + length(clause_after_norm)
            ),
            0
        )
    end
{%- endmacro %}

{#-
  A pattern of the normalized text where the normalized wordings `first` and `second` are
  coordinated so that what is said applies to each: "a comme b", "a, tout comme pour b",
  "a de même que b", "pour a et pour b", "chez a comme chez b". Normalized wordings hold
  only letters, digits, spaces, % and €, and a space at each end: no regex escaping needed.
-#}
{% macro distributive_coordination(first, second) -%}
    (
        {{ first }} || '(tout )?(comme|de meme que) ((pour|chez|sur|a) )?((l|le|la|les) )?'
            || ltrim({{ second }})
        || '| pour' || {{ first }} || '(et|ou|comme) pour' || {{ second }}
        || '| chez' || {{ first }} || '(et|ou|comme) chez' || {{ second }}
    )
{%- endmacro %}

{#-
  A pattern of the normalized text where the normalized wordings `first` and `second` are
  joined by a plain "et", "ou" or "ainsi que": what is said may apply to each or to both
  together.
-#}
{% macro plain_coordination(first, second) -%}
    ({{ first }} || '(et|ou|ainsi que) ((l|le|la|les) )?' || ltrim({{ second }}))
{%- endmacro %}
