{#- The domains of the fact marts, as the `fact_marts` var of dbt_project.yml lists them. -#}
{% macro fact_mart_domains() %}
    {{ return(var('fact_marts').keys() | list) }}
{% endmacro %}

{#- The columns of a fact after fact_key, in the order of the warehouse contract. -#}
{% macro fact_columns() %}
    {{ return(['report_id', 'subject', 'metric', 'segment', 'value', 'unit', 'qualifier', 'period_start', 'period_end', 'source_kind', 'page', 'evidence']) }}
{% endmacro %}

{#- The facts of the domain whose mart is the calling model, in the contract's columns and order. -#}
{% macro fact_mart() %}
{%- set domains = [] -%}
{%- for domain, mart in var('fact_marts').items() if mart == model.name -%}
    {%- do domains.append(domain) -%}
{%- endfor -%}
{%- if domains | length != 1 -%}
    {{ exceptions.raise_compiler_error(
        "Model " ~ model.name ~ " calls fact_mart() but is not one mart of the var fact_marts") }}
{%- endif %}
{#- In the manifest too, so the Python side reads the marts from it rather than keep a copy. -#}
{{ config(meta={'fact_mart_of_domain': domains[0]}) }}
with facts as (
    select * from {{ ref('int_facts') }}
    where domain = '{{ domains[0] }}'
),

final as (
    select
        fact_key,
        {{ fact_columns() | join(',\n        ') }},
        {{ value_int('value', 'unit') }} as value_int
    from facts
)

select * from final
{% endmacro %}

{#- A count's value as an integer, for readers that want 22043 rather than 22043.0; null for
    other units, and for a count the report gives with decimals (an average), which no
    integer states truly. `value` keeps its DOUBLE type: the contract promises it. -#}
{% macro value_int(value, unit) -%}
    case
        when {{ unit }} in ({{ count_units() }}) and {{ value }} = round({{ value }})
            then cast({{ value }} as bigint)
    end
{%- endmacro %}

{#- The units that count things (family `count` of the `units` seed), as a subquery. -#}
{% macro count_units() -%}
    select unit from {{ ref('units') }} where unit_family = 'count'
{%- endmacro %}
