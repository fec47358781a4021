{{ fact_mart('cost') }}
