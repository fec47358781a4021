from dagster import DynamicPartitionsDefinition

# One partition per report PDF of the raw folder, keyed by report_id; the sensor adds them.
reports_partitions = DynamicPartitionsDefinition(name="reports")
