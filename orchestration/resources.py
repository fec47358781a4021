from dagster_dbt import DbtCliResource

from orchestration.project import dbt_project


def build_resources() -> dict:
    # The paths dbt reads and writes are passed per invocation (warehouse.settings.dbt_vars).
    return {"dbt": DbtCliResource(project_dir=dbt_project)}
