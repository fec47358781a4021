from functools import cached_property
from typing import Any

import dbt.version
from dagster_dbt import DbtCliResource
from packaging import version

from orchestration.project import dbt_project


class WarehouseDbtResource(DbtCliResource):
    """dagster-dbt's dbt CLI resource without the two things a build here never uses.

    - `dbt --version`: the `dbt` executable on PATH is the one of the dbt-core installed beside
      dagster-dbt (the venv's, pinned in pyproject.toml); asking it starts one more Python
      process that imports dbt, 1.8 s of CPU before every build.
    - An in-process dbt adapter (profile, project and macros loaded, 1.5 s of CPU): it serves
      dagster-dbt's fetch_row_counts() and fetch_column_metadata(), which the dbt asset does
      not call; it reads its row counts from the built copy itself.
    """

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(dbt.version.__version__)

    def _initialize_dbt_core_adapter(self, args: Any) -> None:
        return None


def build_resources() -> dict:
    # The paths dbt reads and writes are passed per invocation (warehouse.settings.dbt_vars).
    return {"dbt": WarehouseDbtResource(project_dir=dbt_project)}
