with reports as (
    select * from {{ ref('stg_reports') }}
),

final as (
    select
        report_id,
        title,
        publisher,
        published_on,
        source_url,
        sha256,
        page_count,
        extracted_at
    from reports
)

select * from final
