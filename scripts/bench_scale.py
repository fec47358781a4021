"""Extraction at scale, side by side in one run (printed; no thresholds: tests never run it).

    python scripts/bench_scale.py [--pages 150] [--large-pages 1500] [--repeat 3]
                                  [--no-make-run]

Generates long reports in the house style (`long_report.py`), then prints:
- the project's extraction (`extract_report`) in 2 processes over page ranges (what `make
  run` does on a machine of 2 cores) and in 1, pdfplumber's plain `extract_text()` over all
  pages and pypdfium2's text: CPU seconds (the reading processes' included) and wall
  seconds (medians), peak RSS of the process tree, and the project's cost (2 processes) as
  a multiple of each plain reader's;
- the same for the large report (`--large-pages 0` leaves it out: it takes minutes);
- the speed-up of the extraction on 2 processes, and the peak RSS of the large report as a
  multiple of the small one's;
- `make run`, full then again with nothing changed, on the generated report and on the
  shipped one, each in a temporary raw folder, warehouse and Dagster instance.

Every measurement runs in a fresh child process, so peak RSS is that of the measured work
(plus the interpreters and their imports) and no cache carries over. The peak RSS of the
tree is the larger of the child's own peak and the largest sum of the RSS of the child and
the processes it started, sampled every 20 ms. Timings on a shared machine are noisy:
compare figures of one run, not of runs on different days.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.records import ReportExtraction

REPO_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_RAW_DIR = REPO_ROOT / "data" / "raw"
READERS = ("project", "project-1", "pdfplumber", "pypdfium2")
LABELS = {"project": "project, 2 processes", "project-1": "project, 1 process"}
SAMPLE_SECONDS = 0.02
MEASURED = "measured"


# --------------------------------------------------------------------------- child side
def _read_with_project(pdf: Path, processes: int = 2) -> ReportExtraction:
    from extract.report import extract_report

    return extract_report(pdf, "bench_scale", processes=processes)


def _records_mib(extraction: ReportExtraction) -> float:
    """What the records returned hold on the heap: a copy of them, traced as it is built."""
    data = pickle.dumps(extraction)
    tracemalloc.start()
    copy = pickle.loads(data)
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del copy
    return size / 2**20


def _read_with_pdfplumber(pdf: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            page.extract_text()
            page.close()


def _read_with_pypdfium2(pdf: Path) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        for page in document:
            text_page = page.get_textpage()
            text_page.get_text_range()
            text_page.close()
            page.close()
    finally:
        document.close()


def _peak_rss_mib() -> float:
    # VmHWM starts afresh at exec; getrusage's ru_maxrss keeps the forking parent's peak.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_cpu() -> float:
    # The reading processes, reaped once the extraction is done.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _measure(task: str, pdf: Path) -> dict[str, float]:
    readers = {
        "project": _read_with_project,
        "project-1": lambda path: _read_with_project(path, processes=1),
        "pdfplumber": _read_with_pdfplumber,
        "pypdfium2": _read_with_pypdfium2,
    }
    cpu, wall = time.process_time() + _children_cpu(), time.perf_counter()
    result = readers[task](pdf)
    measured = {
        "cpu": time.process_time() + _children_cpu() - cpu,
        "wall": time.perf_counter() - wall,
        "peak_rss_mib": _peak_rss_mib(),
    }
    # The parent samples the tree's RSS up to here: the copy below is no part of the work.
    print(MEASURED, flush=True)
    if result is not None:
        measured["records_mib"] = _records_mib(result)
    return measured


# --------------------------------------------------------------------------- parent side
def _rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:  # the process ended between the listing and the read
        pass
    return 0.0


def _tree(pid: int) -> list[int]:
    """The process and its descendants, from /proc."""
    tree, todo = [], [pid]
    while todo:
        parent = todo.pop()
        tree.append(parent)
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                todo += [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                continue
    return tree


def _run_child(task: str, pdf: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", task, str(pdf)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    tree_peak = 0.0
    while child.poll() is None:
        tree_peak = max(tree_peak, sum(_rss_mib(pid) for pid in _tree(child.pid)))
        ready, _, _ = select.select([child.stdout], [], [], SAMPLE_SECONDS)
        if ready and child.stdout.readline().strip() == MEASURED:
            break
    output = child.stdout.read()
    child.wait()
    if child.returncode:
        raise RuntimeError(f"measuring {task} on {pdf} failed")
    measured = json.loads(output.splitlines()[-1])
    measured["peak_rss_mib"] = max(measured["peak_rss_mib"], tree_peak)
    return measured


@dataclass
class Timing:
    cpu: float
    wall: float
    peak_rss_mib: float
    records_mib: float  # the records the extraction returned (0 for the plain readers)


def _median_timing(task: str, pdf: Path, repeat: int) -> Timing:
    runs = [_run_child(task, pdf) for _ in range(repeat)]
    return Timing(
        cpu=statistics.median(run["cpu"] for run in runs),
        wall=statistics.median(run["wall"] for run in runs),
        peak_rss_mib=max(run["peak_rss_mib"] for run in runs),
        records_mib=max(run.get("records_mib", 0.0) for run in runs),
    )


def _make_run_walls(raw_files: list[Path], work: Path) -> tuple[float, float]:
    """Wall seconds of `make run` on these files, then of a second run with nothing changed."""
    raw = work / "raw"
    raw.mkdir(parents=True)
    for file in raw_files:
        shutil.copy2(file, raw / file.name)
    env = {
        **os.environ,
        "DINUM_RAW_DIR": str(raw),
        "DINUM_RAW_LAYER": str(work / "warehouse" / "raw"),
        "DINUM_WAREHOUSE": str(work / "warehouse" / "dinum.duckdb"),
    }
    # A command-line variable wins over the Makefile's: the runs stay out of the user's history.
    command = ["make", "--no-print-directory", "run", f"DAGSTER_HOME={work / 'dagster_home'}"]
    walls = []
    for _ in range(2):
        started = time.perf_counter()
        done = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True)
        walls.append(time.perf_counter() - started)
        if done.returncode:
            raise RuntimeError(f"make run failed on {raw_files}:\n{done.stdout}{done.stderr}")
    return walls[0], walls[1]


def _generate(pages: int, folder: Path) -> tuple[Path, float]:
    from long_report import build_long_report

    pdf = folder / f"long_report_{pages}p.pdf"
    started = time.perf_counter()
    build_long_report(pdf, pages)
    return pdf, time.perf_counter() - started


def _reader_rows(pages: int, timings: dict[str, Timing]) -> list[str]:
    project = timings["project"]
    rows = []
    for reader, timing in timings.items():
        if reader.startswith("project"):
            ratios = f"{'':>9} {'':>9}"
        else:
            ratios = f"{project.cpu / timing.cpu:9.1f} {project.wall / timing.wall:9.1f}"
        rows.append(
            f"{LABELS.get(reader, reader):<22} {pages:>6} {timing.cpu:8.2f} {timing.wall:8.2f} "
            f"{ratios} {timing.peak_rss_mib:9.0f}"
        )
    return rows


def _bench(args: argparse.Namespace, folder: Path) -> None:
    sizes = [args.pages] + ([args.large_pages] if args.large_pages else [])
    print(
        "Timings are noisy on a shared machine. CPU and wall: median of "
        f"{args.repeat} run(s) for {args.pages} pages"
        + (f", one run for {args.large_pages} pages" if args.large_pages else "")
        + "; each in a fresh process."
    )
    reports = {}
    for pages in sizes:
        pdf, seconds = _generate(pages, folder)
        reports[pages] = pdf
        print(
            f"generated {pdf.name}: {pdf.stat().st_size / 2**20:.1f} MiB in {seconds:.1f} s "
            f"(prose on every page, a table every 5 pages, a chart every 10)"
        )
    print()
    print(
        f"{'reader':<22} {'pages':>6} {'CPU s':>8} {'wall s':>8} {'x CPU':>9} {'x wall':>9} "
        f"{'peak MiB':>9}"
    )
    measured = {}
    for pages, pdf in reports.items():
        repeat = args.repeat if pages == args.pages else 1
        measured[pages] = {reader: _median_timing(reader, pdf, repeat) for reader in READERS}
        print("\n".join(_reader_rows(pages, measured[pages])))
    print(
        "(x CPU, x wall: the project's extraction on 2 processes as a multiple of that reader; "
        "CPU includes the reading processes; peak MiB: the process tree's)"
    )
    print()
    for pages, timings in measured.items():
        one, two = timings["project-1"].wall, timings["project"].wall
        print(
            f"extraction of {pages} pages: 1 process {one:.2f} s, 2 processes {two:.2f} s "
            f"(wall), speed-up on 2 processes {one / two:.2f}"
        )
    if args.large_pages:
        for reader in ("project", "project-1"):
            large = measured[args.large_pages][reader].peak_rss_mib
            small = measured[args.pages][reader].peak_rss_mib
            print(
                f"peak RSS of the process tree, {LABELS[reader]}: {args.pages} pages "
                f"{small:.0f} MiB, {args.large_pages} pages {large:.0f} MiB, "
                f"ratio {large / small:.2f}"
            )
        records = {pages: timings["project-1"].records_mib for pages, timings in measured.items()}
        print(
            "of which the records the extraction returns (held until the raw layer writes "
            f"them): {args.pages} pages {records[args.pages]:.0f} MiB, {args.large_pages} "
            f"pages {records[args.large_pages]:.0f} MiB"
        )
    if args.no_make_run:
        return
    shipped = sorted(SHIPPED_RAW_DIR.glob("*.pdf")) + sorted(SHIPPED_RAW_DIR.glob("*.csv"))
    for label, files in (
        (f"generated report, {args.pages} pages", [reports[args.pages]]),
        ("shipped report", shipped),
    ):
        full, no_op = _make_run_walls(files, folder / label.split(",")[0].replace(" ", "_"))
        print(f"make run, {label}: full {full:.1f} s, no-op {no_op:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=150, help="the report timed in full")
    parser.add_argument(
        "--large-pages", type=int, default=1500, help="the large report; 0 leaves it out"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per reader (median)")
    parser.add_argument("--no-make-run", action="store_true", help="leave `make run` out")
    # The child side: one measurement, printed as JSON for the parent.
    parser.add_argument("--measure", nargs=2, metavar=("TASK", "PDF"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        task, pdf = args.measure
        print(json.dumps(_measure(task, Path(pdf))))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench_scale_") as folder:
        _bench(args, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
