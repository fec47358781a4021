{{ fact_mart('indicator') }}
