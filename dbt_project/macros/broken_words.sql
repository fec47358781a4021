{#-
  A pattern of the normalized text that finds the normalized `wording` with its words
  broken anywhere by spaces, whole words at each end: a table cell too narrow for a word
  breaks it over lines without a hyphen ("Webc" / "onfér" / "ence de l'État"), and the
  lines of the cell join with spaces. ' tchap ' gives ' t ?c ?h ?a ?p ?' and a space.
-#}
{% macro broken_words_pattern(wording) -%}
    (' ' || regexp_replace(replace(trim({{ wording }}), ' ', ''), '(.)', '\1 ?', 'g') || ' ')
{%- endmacro %}
