"""The warehouse side with no Dagster in it: settings, the manifest of input PDFs, the raw
layer's declaration (raw_schema) and its Parquet files (raw_layer), and the lock message."""
