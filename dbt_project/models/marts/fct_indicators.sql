{{ fact_mart() }}
