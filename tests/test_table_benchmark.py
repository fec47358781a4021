"""Regression guard: the table extractor's score on the ICDAR 2013 EU benchmark.

Runs scripts/bench_tables.py's code (the extractor on every benchmark PDF, then the
benchmark's own scorer) and fails when the structure F1 or the detection recall drop below
floors set a little under the measured scores (0.959 and 1.000 when the floors were set).
This is not a timing test.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from bench_tables import default_bench_dir, run_benchmark  # noqa: E402

STRUCTURE_F1_FLOOR = 0.945
DETECTION_RECALL_FLOOR = 0.95


def test_icdar2013_eu_scores_stay_above_floor(tmp_path: Path) -> None:
    bench = default_bench_dir()
    if not (bench / "score.py").exists():
        pytest.skip(f"ICDAR 2013 benchmark folder not found at {bench} (set BENCH_DIR)")
    report = run_benchmark(bench, tmp_path)
    f1 = float(re.search(r"structure F1 \(micro\) = ([\d.]+)", report).group(1))
    recall = float(re.search(r"table detection .*R = ([\d.]+)", report).group(1))
    assert f1 >= STRUCTURE_F1_FLOOR, report
    assert recall >= DETECTION_RECALL_FLOOR, report
