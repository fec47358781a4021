"""The fact marts of the warehouse, as dbt parsed them (no Dagster, no connection)."""

import json

from warehouse.settings import DBT_PROJECT_DIR

DBT_MANIFEST = DBT_PROJECT_DIR / "target" / "manifest.json"


def fact_marts() -> dict[str, str]:
    """Domain -> fact mart, from the `fact_marts` var of dbt_project.yml as dbt parsed it."""
    if not DBT_MANIFEST.exists():
        raise FileNotFoundError(
            f"{DBT_MANIFEST} is missing: parse the dbt project first (make setup)"
        )
    nodes = json.loads(DBT_MANIFEST.read_text(encoding="utf-8"))["nodes"].values()
    marts = {
        node["meta"]["fact_mart_of_domain"]: node["name"]
        for node in nodes
        if "fact_mart_of_domain" in node["meta"]
    }
    return dict(sorted(marts.items(), key=lambda item: item[1]))
