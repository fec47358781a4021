"""Robustness of extraction, printed (no thresholds: tests assert behaviour only).

    python scripts/bench_robustness.py [--cases 300] [--seed 2024]

1. The shipped PDF damaged `--cases` times (byte flips, truncations, dropped objects, ...):
   counts of outcomes by type, the slowest case, and any exception other than
   ExtractionError (there should be none).
2. PDFs of 2 and 10 MB whose content inflates to 2 and 10 GiB, each extracted in a
   subprocess: outcome, seconds and the subprocess's peak resident memory; the shipped PDF
   likewise, for comparison.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.errors import ExtractionError  # noqa: E402
from extract.guard.limits import Limits  # noqa: E402
from extract.report import extract_report  # noqa: E402
from tests.hostile_pdfs import fuzz_cases, outcome_of, write_inflating_pdf  # noqa: E402
from warehouse.settings import raw_dir  # noqa: E402

FUZZ_LIMITS = Limits(page_seconds=10)

_MEASURE = """
import json, sys, time
from extract.errors import ExtractionError
from extract.report import extract_report
started = time.monotonic()
try:
    extract_report(sys.argv[1], "report")
    outcome = "extracted"
except ExtractionError as error:
    outcome = "refused: " + error.reason
# VmHWM, not ru_maxrss: a child's ru_maxrss starts at its parent's peak at fork.
with open("/proc/self/status") as status:
    peak_kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({
    "outcome": outcome,
    "seconds": time.monotonic() - started,
    "peak_rss_mib": peak_kib / 1024,
}))
"""


def fuzz(pdf: Path, seed: int, count: int, workdir: Path) -> None:
    outcomes: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    by_mutation: Counter[tuple[str, str]] = Counter()
    slowest = (0.0, -1, "", "")
    for index, (mutation, data) in enumerate(fuzz_cases(pdf.read_bytes(), seed, count)):
        path = workdir / f"case_{index}.pdf"
        path.write_bytes(data)
        started = time.monotonic()
        try:
            extraction = extract_report(path, "report", limits=FUZZ_LIMITS)
            outcome = outcome_of(None)
            if extraction.skipped_pages:
                outcome += ", pages skipped"
        except ExtractionError as error:
            outcome = outcome_of(error)
            reasons[re.sub(r"\d+", "N", error.reason)[:100]] += 1
        except Exception as exc:  # the bench reports what the tests forbid
            outcome = f"CRASH {type(exc).__name__}: {exc}"
        seconds = time.monotonic() - started
        path.unlink()
        outcomes[outcome] += 1
        by_mutation[(mutation, outcome)] += 1
        if seconds > slowest[0]:
            slowest = (seconds, index, mutation, outcome)
    print(f"fuzz: {count} cases of {pdf.name}, seed {seed}")
    for outcome, n in outcomes.most_common():
        print(f"  {n:5d}  {outcome}")
    print("  by mutation:")
    for (mutation, outcome), n in sorted(by_mutation.items()):
        print(f"  {n:5d}  {mutation:16} {outcome}")
    print("  refusals' reasons, digits as N:")
    for reason, n in reasons.most_common(12):
        print(f"  {n:5d}  {reason}")
    seconds, index, mutation, outcome = slowest
    print(f"  slowest: case {index} ({mutation}), {seconds:.2f} s, {outcome}")


def measure(pdf: Path, label: str) -> None:
    run = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(pdf)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    result = json.loads(run.stdout.strip().splitlines()[-1])
    print(
        f"{label}: {pdf.stat().st_size / 2**20:.1f} MiB on disk, {result['seconds']:.2f} s, "
        f"peak RSS {result['peak_rss_mib']:.0f} MiB, {result['outcome']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    # pdfminer warns at every damaged object; the counts below say what came of them.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pdf = sorted(raw_dir().glob("*.pdf"))[0]
    with tempfile.TemporaryDirectory(prefix="bench-robustness-") as tmp:
        workdir = Path(tmp)
        fuzz(pdf, args.seed, args.cases, workdir)
        for gibibytes in (2, 10):
            bomb = workdir / f"inflating_{gibibytes}.pdf"
            write_inflating_pdf(bomb, mebibytes=gibibytes * 1024)
            measure(bomb, f"inflating PDF ({gibibytes} GiB of content)")
        measure(pdf, "shipped PDF")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"bench process peak RSS {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
