"""A backfill of many small reports, serial against parallel (printed; tests never run it).

    python scripts/bench_backfill.py [--reports 20] [--pages 1] [--workers 2]
                                     [--modes serial,processes,dask]

Each mode runs in a temporary raw folder, warehouse and Dagster instance of its own, on the
same generated reports (`many_reports.py`, `--pages` pages each), one after the other:
- serial: `dinum run` (one extraction run after another, then the build);
- processes: `dinum backfill --workers N` (a step per report on forked processes);
- dask: `dinum backfill --dask local --workers N` (the steps on a Dask cluster of N worker
  processes started by the run; its start-up is counted in the extraction).

Printed per mode, from the run records of its Dagster instance: the wall time of the command,
the extraction (first extraction run's start to the last one's end), the most extraction
runs in progress at once, and the build. Timings on a shared machine are noisy: compare
figures of one run, not of runs on different days.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dagster as dg

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from scripts.many_reports import write_reports  # noqa: E402

DINUM = str(Path(sys.executable).parent / "dinum")
MODES = ("serial", "processes", "dask")


def _command(mode: str, workers: int) -> list[str]:
    if mode == "serial":
        return [DINUM, "run"]
    if mode == "processes":
        return [DINUM, "backfill", "--workers", str(workers)]
    return [DINUM, "backfill", "--dask", "local", "--workers", str(workers)]


def _most_at_once(spans: list[tuple[float, float]]) -> int:
    edges = sorted([(start, 1) for start, _ in spans] + [(end, -1) for _, end in spans])
    running = most = 0
    for _, step in edges:
        running += step
        most = max(most, running)
    return most


def measure(
    mode: str, reports: int, pages: int, workers: int, folder: Path
) -> dict[str, float | int]:
    home = folder / "dagster_home"
    home.mkdir(parents=True)
    shutil.copyfile(REPO_ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    write_reports(folder / "raw", reports, pages)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "DINUM_RAW_DIR": str(folder / "raw"),
        "DINUM_WAREHOUSE": str(folder / "warehouse" / "dinum.duckdb"),
        "DINUM_RAW_LAYER": str(folder / "warehouse" / "raw"),
        "DINUM_REPORTS_DIR": str(folder / "reports"),
        "DAGSTER_HOME": str(home),
    }
    started = time.perf_counter()
    done = subprocess.run(_command(mode, workers), capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{mode} failed:\n{done.stdout}\n{done.stderr}")
    with dg.DagsterInstance.from_config(str(home)) as instance:
        records = instance.get_run_records()
    spans = [
        (r.start_time, r.end_time) for r in records if r.dagster_run.job_name == "extract_report"
    ]
    (build,) = [r for r in records if r.dagster_run.job_name == "build_warehouse"]
    return {
        "wall": wall,
        "extraction": max(end for _, end in spans) - min(start for start, _ in spans),
        "at_once": _most_at_once(spans),
        "build": build.end_time - build.start_time,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--pages", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--modes", default=",".join(MODES))
    args = parser.parse_args()
    modes = args.modes.split(",")
    print(
        f"{args.reports} reports of {args.pages} pages, {args.workers} workers, "
        f"{os.cpu_count()} cores"
    )
    print(f"{'mode':<10} {'command s':>10} {'extraction s':>13} {'at once':>8} {'build s':>8}")
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-backfill-") as scratch:
        for mode in modes:
            results[mode] = figures = measure(
                mode, args.reports, args.pages, args.workers, Path(scratch) / mode
            )
            print(
                f"{mode:<10} {figures['wall']:>10.1f} {figures['extraction']:>13.1f} "
                f"{figures['at_once']:>8} {figures['build']:>8.1f}"
            )
    if "serial" in results:
        for mode in modes:
            if mode != "serial":
                ratio = results["serial"]["extraction"] / results[mode]["extraction"]
                print(f"extraction speed-up of {mode} over serial: {ratio:.2f}x")


if __name__ == "__main__":
    main()
