{#- The aliases of the vocabulary with their subject's kind, and whether that kind is generic
    (the agents: a subject only when no other is named). -#}
{% macro subject_aliases_with_kind() %}
    select
        stg_subject_aliases.*,
        subjects.kind,
        coalesce(subject_kinds.is_generic, false) as is_generic
    from {{ ref('stg_subject_aliases') }} as stg_subject_aliases
    inner join {{ ref('subjects') }} as subjects using (subject)
    left join {{ ref('subject_kinds') }} as subject_kinds using (kind)
{% endmacro %}
