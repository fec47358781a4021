with reports as (
    select * from {{ source('raw', 'reports') }}
),

final as (
    select
        report_id,
        file_name,
        title,
        publisher,
        published_on,
        source_url,
        sha256,
        page_count,
        extracted_at,
        in_manifest,
        -- Open-ended periods ("depuis la fin de l'année 2022") run to the end of the last
        -- full year before publication: a report published in 2024 observes up to 2023.
        make_date(year(published_on) - 1, 12, 31) as observation_cutoff
    from reports
)

select * from final
