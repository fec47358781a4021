"""Score extract.tables on the ICDAR 2013 EU table benchmark.

    python scripts/bench_tables.py [BENCH_DIR] [--out PRED_DIR] [--per-document]

BENCH_DIR defaults to $BENCH_DIR, else ../shared/bench/icdar2013 relative to the repository.
Runs the same code as `python -m extract.tables` on BENCH_DIR/data/eu, then the benchmark's
own scorer (score.py, by subprocess), and prints the scorer's aggregate lines plus seconds per
page. Exit status: 0, or 2 when the benchmark folder is missing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extract.tables.cli import predict_dir  # noqa: E402


def default_bench_dir() -> Path:
    return Path(os.environ.get("BENCH_DIR") or REPO.parent / "shared" / "bench" / "icdar2013")


def run_benchmark(bench_dir: Path, pred_dir: Path, per_document: bool = False) -> str:
    """Predict into `pred_dir`, score, and return the scorer's report."""
    data = bench_dir / "data" / "eu"
    predict_dir(data, pred_dir)
    cmd = [sys.executable, str(bench_dir / "score.py"), "--gt", str(data), "--pred", str(pred_dir)]
    if not per_document:
        cmd.append("--quiet")
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench_dir", nargs="?", type=Path, default=default_bench_dir())
    parser.add_argument("--out", type=Path, help="keep the predictions in this folder")
    parser.add_argument("--per-document", action="store_true", help="print per-document lines")
    args = parser.parse_args(argv)
    if not (args.bench_dir / "score.py").exists():
        print(f"benchmark folder not found: {args.bench_dir} (set BENCH_DIR)", file=sys.stderr)
        return 2
    if args.out:
        print(run_benchmark(args.bench_dir, args.out, args.per_document), end="")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            print(run_benchmark(args.bench_dir, Path(tmp), args.per_document), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
