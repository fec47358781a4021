"""Triage at work: which pages go to pdfplumber, and the extraction unchanged (printed).

    python scripts/bench_triage.py [PDF or folder ...] [--pages 150]

With no argument, runs on the shipped report and on a generated long report in the house
style (`long_report.py`, `--pages` pages). For each PDF, prints its pages, how many of them
triage sends to pdfplumber, the CPU seconds of `extract_report` with triage and with every
page read by pdfplumber, and how the two extractions differ: every record must be equal
but for boxes, which move by the fast backend's drift (pypdfium2 keeps glyph widths in
whole thousandths of an em); the largest shift of a box is printed. Tests never run it.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract import report  # noqa: E402
from extract.pdf import read_page  # noqa: E402
from extract.records import ReportExtraction  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
SHIPPED = REPO_ROOT / "data" / "raw" / "dinum_pilotage_2024_reconstruction.pdf"


@dataclasses.dataclass
class Comparison:
    differences: list[str]  # paths of records that differ other than by a box
    box_shift: float  # the largest move of a box coordinate, in points


def _extract(pdf: Path, triage: bool) -> tuple[ReportExtraction, float, list[str]]:
    """The extraction, its CPU seconds, and the backend of each page."""
    backends: list[str] = []

    def reading(page: Any, fast_document: Any = None) -> Any:
        model = read_page(page, fast_document if triage else None)
        backends.append(model.backend)
        return model

    # The page-construction call is the one place triage happens: without the pypdfium2
    # document, every page is read by pdfplumber. In one process, where the patch holds.
    with mock.patch.object(report, "read_page", reading):
        started = time.process_time()
        extraction = report.extract_report(pdf, pdf.stem, processes=1)
        return extraction, time.process_time() - started, backends


def _compare(full: Any, triaged: Any, path: str = "", in_box: bool = False) -> Comparison:
    if isinstance(full, float) and isinstance(triaged, float) and in_box:
        return Comparison([], abs(full - triaged))
    if isinstance(full, dict) and isinstance(triaged, dict) and full.keys() == triaged.keys():
        parts = [
            _compare(full[k], triaged[k], f"{path}.{k}", k in ("bbox", "plot_bbox")) for k in full
        ]
        return _merged(parts)
    if (
        isinstance(full, list | tuple)
        and isinstance(triaged, list | tuple)
        and len(full) == len(triaged)
    ):
        parts = [
            _compare(a, b, f"{path}[{i}]", in_box)
            for i, (a, b) in enumerate(zip(full, triaged, strict=True))
        ]
        return _merged(parts)
    return Comparison([] if full == triaged else [path], 0.0)


def _merged(parts: list[Comparison]) -> Comparison:
    return Comparison(
        [d for part in parts for d in part.differences],
        max((part.box_shift for part in parts), default=0.0),
    )


def _pdfs(arguments: list[str], pages: int, work: Path) -> Iterator[Path]:
    if not arguments:
        from long_report import build_long_report

        yield SHIPPED
        long_report = work / f"long_report_{pages}p.pdf"
        build_long_report(long_report, pages)
        yield long_report
        return
    for argument in map(Path, arguments):
        yield from sorted(argument.glob("*.pdf")) if argument.is_dir() else [argument]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", help="PDF files or folders of them")
    parser.add_argument("--pages", type=int, default=150, help="pages of the generated report")
    args = parser.parse_args()
    print(
        f"{'report':58} {'pages':>5} {'pdfplumber':>10} {'cpu full':>9} {'cpu triage':>10}"
        f" {'differences':>11} {'box shift':>9}"
    )
    totals = [0, 0, 0]
    with tempfile.TemporaryDirectory(prefix="bench_triage_") as work:
        for pdf in _pdfs(args.pdfs, args.pages, Path(work)):
            full, full_cpu, _ = _extract(pdf, triage=False)
            triaged, triaged_cpu, backends = _extract(pdf, triage=True)
            comparison = _compare(dataclasses.asdict(full), dataclasses.asdict(triaged))
            slow = backends.count("pdfplumber")
            totals = [
                totals[0] + len(backends),
                totals[1] + slow,
                totals[2] + len(comparison.differences),
            ]
            print(
                f"{pdf.name[:58]:58} {len(backends):>5} {slow:>10} {full_cpu:>9.2f}"
                f" {triaged_cpu:>10.2f} {len(comparison.differences):>11}"
                f" {comparison.box_shift:>9.3f}",
                flush=True,
            )
            for difference in comparison.differences[:5]:
                print(f"    differs: {difference}")
    print(
        f"all: {totals[0]} pages, {totals[1]} to pdfplumber ({totals[1] / max(totals[0], 1):.0%}),"
        f" {totals[2]} differences other than boxes"
    )


if __name__ == "__main__":
    main()
