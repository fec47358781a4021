"""The warehouse side with no Dagster in it: settings, the manifest of input PDFs, the raw layer."""
