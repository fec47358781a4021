-- Every fact of every fact mart, with the domain that names its mart: one subject's facts in
-- one query. A view, so it never disagrees with its marts; it names them without the
-- database, so the file still reads when attached under another name.
{{ config(materialized='view') }}

{% for domain, mart in var('fact_marts').items() %}
select
    fact_key,
    '{{ domain }}' as domain,
    {{ fact_columns() | join(',\n    ') }},
    value_int
from {{ ref(mart).include(database=False) }}
{% if not loop.last %}union all{% endif %}
{% endfor %}
