"""The Dagster instance `make` installs (orchestration/dagster.yaml): runs that cannot wedge the
queue, and one writer of the warehouse at a time.

That run monitoring really fails a run whose process was killed needs the daemon and a kill,
which `make test` does not do; this checks that the instance is configured for it.
"""

import shutil
from pathlib import Path

import dagster as dg

from orchestration.assets.dbt import WAREHOUSE_POOL, dbt_warehouse
from orchestration.assets.extraction import raw_layer
from warehouse.settings import REPO_ROOT

DAGSTER_YAML = REPO_ROOT / "orchestration" / "dagster.yaml"


def test_the_instance_monitors_runs_and_limits_the_pools_to_one_slot(tmp_path: Path):
    shutil.copy(DAGSTER_YAML, tmp_path / "dagster.yaml")
    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        assert instance.run_monitoring_enabled
        assert instance.run_monitoring_max_resume_run_attempts == 0
        # The default launcher has no health check: the runtime bound catches a dead run.
        assert instance.run_monitoring_max_runtime_seconds > 0
        assert instance.run_monitoring_settings["free_slots_after_run_end_seconds"] > 0
        pools = instance.get_concurrency_config().pool_config
        assert pools.default_pool_limit == 1
        assert pools.pool_granularity.value == "run"


def test_only_the_dbt_build_is_in_the_warehouse_pool():
    assert dbt_warehouse.op.pool == WAREHOUSE_POOL
    # Extraction writes one Parquet folder per report: reports may be extracted in parallel.
    assert raw_layer.op.pool is None
