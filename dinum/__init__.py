"""`dinum`: the command line of the warehouse (run, query, manage the raw folder's reports).

No parsing or landing logic lives here: commands call extract/, warehouse/ and
orchestration/, and read the warehouse dbt built.
"""
