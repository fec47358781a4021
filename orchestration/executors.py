"""Where the steps of a backfill run: processes of this machine, or the workers of Dask.

Each executor comes with the run config that sets it up (the `execution` section), so a
caller names a place and a size, not Dagster's config schema.
"""

import dagster as dg
from dagster_dask import dask_executor

PROCESSES = "processes"
DASK = "dask"
EXECUTORS: dict[str, dg.ExecutorDefinition] = {
    PROCESSES: dg.multiprocess_executor,
    DASK: dask_executor,
}
# `--dask local`: a Dask cluster of this machine, started for the run and stopped after it.
LOCAL_CLUSTER = "local"


def processes_execution(workers: int, job_module: str) -> dict:
    """Steps in processes of their own, `workers` at a time.

    Forked from a server that imported `job_module` (the module whose job the steps run,
    with the definitions, dbt's manifest and pdfplumber) once: a fresh interpreter per step
    would import them all again. A job rebuilt from arguments names no module of its own.
    """
    return {
        "config": {
            "max_concurrent": workers,
            "start_method": {"forkserver": {"preload_modules": [job_module]}},
        }
    }


def dask_execution(address: str, workers: int) -> dict:
    """Steps on the Dask cluster whose scheduler listens at `address` (tcp://host:8786).

    With LOCAL_CLUSTER as the address, a cluster of `workers` processes on this machine,
    listening on the loopback interface only and without its dashboard.
    """
    if address == LOCAL_CLUSTER:
        cluster = {
            "local": {
                "n_workers": workers,
                "processes": True,
                "host": "127.0.0.1",
                "dashboard_address": None,
            }
        }
    else:
        cluster = {"existing": {"address": address}}
    return {"config": {"cluster": cluster}}
