{{ fact_mart('usage') }}
