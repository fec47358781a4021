"""Speed and memory of extraction, printed (no thresholds: tests assert behaviour only).

    python scripts/bench_pipeline.py [PDF ...]      (default: every PDF of the raw folder)

Prints, per PDF, pages, wall seconds, seconds per page and the rows extracted, then the
process's peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from extract.report import extract_report
from warehouse.manifest import report_id_from_file_name
from warehouse.settings import raw_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="runs per PDF; the best is shown")
    args = parser.parse_args(argv)
    pdfs = args.pdfs or sorted(raw_dir().glob("*.pdf"))
    print(
        f"{'pdf':40} {'pages':>5} {'best s':>7} {'s/page':>7} {'tables':>6} {'charts':>6} "
        f"{'mentions':>8}"
    )
    for pdf in pdfs:
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            extraction = extract_report(pdf, report_id_from_file_name(pdf))
            timings.append(time.perf_counter() - started)
        best = min(timings)
        print(
            f"{pdf.name[:40]:40} {extraction.page_count:5d} {best:7.2f} "
            f"{best / extraction.page_count:7.3f} {len(extraction.tables):6d} "
            f"{len(extraction.charts):6d} {len(extraction.mentions):8d}"
        )
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
