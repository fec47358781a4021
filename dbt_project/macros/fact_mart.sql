{#- The facts of one domain, in the contract's columns and order. -#}
{% macro fact_mart(domain) %}
with facts as (
    select * from {{ ref('int_facts') }}
    where domain = '{{ domain }}'
),

final as (
    select
        fact_key,
        report_id,
        subject,
        metric,
        segment,
        value,
        unit,
        qualifier,
        period_start,
        period_end,
        source_kind,
        page,
        evidence
    from facts
)

select * from final
{% endmacro %}
