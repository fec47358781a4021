"""Regression guard: the table finder on a fixed subset of the generated development set.

The subset is drawn with reportlab (always installed), one document per failure class of
the finder (wrapped cells, spanning headers, typed tables, key figures that are no table,
two tables close together...), and scored with the ICDAR 2013 benchmark's scorer; the
floor is the issue's target for the generated set.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from bench_tables import default_bench_dir, score_set  # noqa: E402

from scripts.table_devset.build import build  # noqa: E402

SUBSET = {
    "reportlab-wrapped-fr",
    "reportlab-spans-en",
    "reportlab-gaps-fr",
    "reportlab-close-en",
    "reportlab-mono-fr",
    "reportlab-keyfigures-en",
    "reportlab-named-en",
    "reportlab-sections-fr",
    "reportlab-centred-en",
    "reportlab-grouped-fr",
}
STRUCTURE_F1_FLOOR = 0.97


def test_generated_subset_scores_above_floor(tmp_path: Path) -> None:
    bench = default_bench_dir()
    if not (bench / "score.py").exists():
        pytest.skip(f"ICDAR 2013 scorer not found at {bench} (set BENCH_DIR)")
    devset = tmp_path / "devset"
    build(devset, ("reportlab",), only=SUBSET)
    assert {p.stem for p in devset.glob("*.pdf")} == SUBSET
    report = score_set(bench, devset, tmp_path / "pred")
    f1 = float(re.search(r"structure F1 \(micro\) = ([\d.]+)", report).group(1))
    assert f1 >= STRUCTURE_F1_FLOOR, report
