"""Score extract.tables on the ICDAR 2013 EU documents and on the generated development set.

    python scripts/bench_tables.py [BENCH_DIR] [--out PRED_DIR] [--per-document]
                                   [--devset-dir DIR] [--only eu|generated]

BENCH_DIR defaults to $BENCH_DIR, else ../shared/bench/icdar2013 relative to the repository.
Runs the same code as `python -m extract.tables` on BENCH_DIR/data/eu and on the generated
set (scripts/table_devset, built into a temporary folder, or into --devset-dir and reused
from there when it already holds PDFs), scores both with the benchmark's own scorer
(score.py) and prints, per set, the scorer's aggregate lines, then the ten worst documents
with the reason each one loses. Exit status: 0, or 2 when the benchmark folder is missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extract.tables.cli import predict_dir  # noqa: E402
from scripts.table_devset.build import build as build_devset  # noqa: E402

WORST = 10


def default_bench_dir() -> Path:
    return Path(os.environ.get("BENCH_DIR") or REPO.parent / "shared" / "bench" / "icdar2013")


def run_benchmark(bench_dir: Path, pred_dir: Path, per_document: bool = False) -> str:
    """Predict the EU documents into `pred_dir`, score, and return the scorer's report."""
    return score_set(bench_dir, bench_dir / "data" / "eu", pred_dir, per_document)


def score_set(bench_dir: Path, gt_dir: Path, pred_dir: Path, per_document: bool = False) -> str:
    """Predict every PDF of `gt_dir` into `pred_dir` and return the scorer's report."""
    predict_dir(gt_dir, pred_dir)
    cmd = [
        sys.executable,
        str(bench_dir / "score.py"),
        "--gt",
        str(gt_dir),
        "--pred",
        str(pred_dir),
    ]
    if not per_document:
        cmd.append("--quiet")
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def load_scorer(bench_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("icdar_score", bench_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shape(grid: list[list]) -> tuple[int, int]:
    return len(grid), max((len(r) for r in grid), default=0)


def loss_reason(scorer: ModuleType, gt_dir: Path, pred_dir: Path, stem: str, result: dict) -> str:
    """Why a document loses relations: tables missed or extra, rows or columns split or merged."""
    variants = scorer.gt_documents(str(gt_dir))[stem]
    chosen = next(v for v in variants if v[0] == result["variant"])
    gts = scorer.load_gt_tables(chosen[1], chosen[2])
    pred_path = pred_dir / f"{stem}.json"
    preds = scorer.load_predictions(str(pred_path))[0] if pred_path.exists() else []
    reasons = []
    matched = {m["gt_table"] for m in result["matches"]}
    missed = [g for g in gts if g.table_id not in matched]
    if missed:
        reasons.append(f"{len(missed)} table(s) missed")
    unmatched = len(preds) - len(result["matches"])
    if unmatched > 0:
        reasons.append(f"{unmatched} extra table(s) predicted")
    for match in result["matches"]:
        if match["correct"] == match["gt_rel"] == match["pred_rel"]:
            continue
        gt = next(g for g in gts if g.table_id == match["gt_table"] and g.page == match["page"])
        pred = next(p for p in preds if p.index == match["pred_index"])
        (gr, gc), (pr, pc) = _shape(gt.grid), _shape(pred.grid)
        parts = []
        if pr != gr:
            parts.append(f"rows {pr} for {gr} ({'split' if pr > gr else 'merged'})")
        if pc != gc:
            parts.append(f"columns {pc} for {gc} ({'split' if pc > gc else 'merged'})")
        if not match["located"]:
            parts.append("region off")
        if not parts:
            parts.append("cells misplaced or text differs")
        reasons.append(
            f"table {gt.table_id}: {match['correct']}/{match['gt_rel']} relations, "
            + ", ".join(parts)
        )
    return "; ".join(reasons) or "-"


def worst_documents(bench_dir: Path, gt_dir: Path, pred_dir: Path, count: int = WORST) -> str:
    """The `count` documents of lowest F1, with the reason each one loses."""
    scorer = load_scorer(bench_dir)
    results, _, _ = scorer.run(str(gt_dir), str(pred_dir))
    losing = sorted(
        ((stem, r) for stem, r in results.items() if r["f1"] < 1.0), key=lambda sr: sr[1]["f1"]
    )[:count]
    lines = [f"worst {len(losing)} (F1, P, R, reason):"]
    for stem, r in losing:
        reason = loss_reason(scorer, gt_dir, pred_dir, stem, r)
        lines.append(f"  {stem:<28} {r['f1']:.3f} {r['precision']:.3f} {r['recall']:.3f}  {reason}")
    return "\n".join(lines)


def _report(bench_dir: Path, name: str, gt_dir: Path, pred_dir: Path, per_document: bool) -> str:
    scores = score_set(bench_dir, gt_dir, pred_dir, per_document)
    return f"== {name}\n{scores}{worst_documents(bench_dir, gt_dir, pred_dir)}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench_dir", nargs="?", type=Path, default=default_bench_dir())
    parser.add_argument("--out", type=Path, help="keep the predictions in this folder")
    parser.add_argument("--per-document", action="store_true", help="print per-document lines")
    parser.add_argument("--devset-dir", type=Path, help="build (or reuse) the generated set here")
    parser.add_argument("--only", choices=["eu", "generated"], help="score one set only")
    args = parser.parse_args(argv)
    if not (args.bench_dir / "score.py").exists():
        print(f"benchmark folder not found: {args.bench_dir} (set BENCH_DIR)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        if args.only != "generated":
            eu = args.bench_dir / "data" / "eu"
            print(_report(args.bench_dir, "ICDAR 2013 EU", eu, out / "eu", args.per_document))
        if args.only != "eu":
            devset = args.devset_dir or Path(tmp) / "generated-set"
            if not any(devset.glob("*.pdf")):
                for message in build_devset(devset):
                    print(message, file=sys.stderr)
            print(
                _report(
                    args.bench_dir, "generated set", devset, out / "generated", args.per_document
                )
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
