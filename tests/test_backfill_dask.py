"""The backfill of test_backfill.py on a Dask cluster the test starts (two worker processes,
on the loopback interface), in a file of its own so that it runs beside the other."""

import os

from distributed import Client, LocalCluster

from tests.backfill_support import backfill_paths, check_backfill, dinum_backfill, with_reports


def test_backfill_on_a_dask_cluster(tmp_path):
    report_ids, paths = with_reports(backfill_paths(tmp_path))
    # The workers read the raw folder and write the raw layer the paths name.
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            env=paths,
        ) as cluster,
        Client(cluster) as client,
    ):
        worker_pids = set(client.run(os.getpid).values())
        done = dinum_backfill(paths, "--dask", cluster.scheduler_address)
        worker_logs = [line for log in client.get_worker_logs().values() for _, line in log]
        step_pids = check_backfill(report_ids, paths, done, tuple(worker_logs))
    # Every step ran on the cluster, and on both of its workers.
    assert step_pids == worker_pids
