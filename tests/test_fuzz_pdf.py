"""The shipped PDF, damaged many ways: extraction succeeds or raises ExtractionError, in time.

`make test` runs two cases of each kind of damage out of the seeded series;
`scripts/bench_robustness.py` (`make bench`) runs the whole series and prints the counts.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from extract.errors import ExtractionError
from extract.guard.limits import Limits
from extract.report import extract_report
from tests.hostile_pdfs import MUTATIONS, fuzz_cases

SHIPPED_PDF = (
    Path(__file__).resolve().parent.parent / "data/raw/dinum_pilotage_2024_reconstruction.pdf"
)
SEED = 2024
SERIES = 300
CASES_PER_MUTATION = 2
# A damaged page must not hang the reader: a page over this is skipped, and a whole case
# (16 pages, on a shared machine) must end well within the bound below.
FUZZ_LIMITS = Limits(page_seconds=10)
SECONDS_PER_CASE = 60


def _subset() -> list:
    chosen: list[tuple[int, str, bytes]] = []
    for index, (mutation, data) in enumerate(fuzz_cases(SHIPPED_PDF.read_bytes(), SEED, SERIES)):
        if sum(1 for _, kind, _ in chosen if kind == mutation) < CASES_PER_MUTATION:
            chosen.append((index, mutation, data))
    assert {kind for _, kind, _ in chosen} == set(MUTATIONS)
    return [pytest.param(index, data, id=f"{index}-{mutation}") for index, mutation, data in chosen]


@pytest.mark.parametrize(("index", "data"), _subset())
def test_a_damaged_pdf_is_extracted_or_refused_in_time(tmp_path, index, data):
    path = tmp_path / f"case_{index}.pdf"
    path.write_bytes(data)
    started = time.monotonic()
    try:
        extraction = extract_report(path, "report", limits=FUZZ_LIMITS)
    except ExtractionError as error:
        assert str(error).startswith(f"{path}: ") and "\n" not in str(error)
    else:
        assert extraction.pages
    assert time.monotonic() - started < SECONDS_PER_CASE
