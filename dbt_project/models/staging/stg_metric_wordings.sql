-- The metric wordings, one row per form a wording is matched in. A `*` closing a word stands
-- for the endings French adds to a stem, so that one row covers a verb's tenses and an
-- adjective's feminine and plural: "ne s'en serv* pas" matches "ne s'en servent pas" and
-- "ne s'en servaient pas", "multipli* par" matches "multipliés par".
with wordings as (
    select * from {{ ref('metric_wordings') }}
),

metrics as (
    select * from {{ ref('metrics') }}
),

units as (
    select * from {{ ref('units') }}
),

forms as (
    select
        wording,
        metric,
        unnest(
            case
                when contains(wording, '*') then [
                    '', 'e', 'es', 's', 'x', 'é', 'ée', 'és', 'ées', 'er', 'ir', 'is', 'it',
                    'ant', 'ent', 'ait', 'aient', 'ons', 'ez', 'ont'
                ]
                else ['']
            end
        ) as ending
    from wordings
),

final as (
    select distinct
        forms.wording,
        forms.metric,
        metrics.domain,
        metrics.unit,
        units.unit_family,
        metrics.range_role,
        {{ normalize_wording("replace(forms.wording, '*', forms.ending)") }} as wording_norm
    from forms
    inner join metrics on forms.metric = metrics.metric
    inner join units on metrics.unit = units.unit
)

select * from final
