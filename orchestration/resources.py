import os

from dagster_dbt import DbtCliResource
from dagster_duckdb import DuckDBResource

from orchestration.project import dbt_project
from warehouse.settings import warehouse_path


def build_resources() -> dict:
    warehouse = warehouse_path()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    # dbt reads the same absolute path from its profile (profiles.yml), whatever its cwd.
    os.environ["DINUM_WAREHOUSE"] = str(warehouse)
    return {
        "duckdb": DuckDBResource(database=str(warehouse)),
        "dbt": DbtCliResource(project_dir=dbt_project),
    }
