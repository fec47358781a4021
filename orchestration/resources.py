from functools import cached_property

import dbt.version
from dagster_dbt import DbtCliResource
from packaging import version

from orchestration.project import dbt_project


class WarehouseDbtResource(DbtCliResource):
    """dagster-dbt's dbt CLI resource, told the dbt version instead of asking `dbt --version`.

    The `dbt` executable on PATH is the one of the dbt-core installed beside dagster-dbt (the
    venv's, pinned in pyproject.toml); asking it its version starts one more Python process
    that imports dbt, a second or two of CPU before every build.
    """

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(dbt.version.__version__)


def build_resources() -> dict:
    # The paths dbt reads and writes are passed per invocation (warehouse.settings.dbt_vars).
    return {"dbt": WarehouseDbtResource(project_dir=dbt_project)}
