"""The pipeline on renderings it has never seen: facts found, wrong and extra rows.

    python scripts/bench_generalisation.py [--keep DIR] [--wording W] [--producer P] [--rows]

Builds every rendering of the corpus (`scripts/generalisation/`: each wording of the 69
ledger facts laid out by each producer in each layout) into one raw folder, runs the
pipeline once on it by its command line (`python -m orchestration.materialize_all`, with
DINUM_RAW_DIR, DINUM_WAREHOUSE and DAGSTER_HOME pointing at a temporary folder), and
compares each report's fact rows with the ledger. Producers missing on the machine are
skipped with a line saying so (`make corpus-deps` installs them).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.generalisation.corpus import (  # noqa: E402
    SHIPPED,
    Rendering,
    all_renderings,
    available,
    build,
)
from scripts.generalisation.pipeline import read_facts, run_pipeline, write_manifest  # noqa: E402
from scripts.generalisation.scoring import Score, most_missed, read_ledger, score  # noqa: E402


def measure(renderings: list[Rendering], work_dir: Path) -> dict[Rendering, Score]:
    """Build the renderings into `work_dir/raw`, run the pipeline once, score each report."""
    raw_dir = work_dir / "raw"
    raw_dir.mkdir(parents=True, exist_ok=True)
    build(renderings, raw_dir)
    write_manifest(raw_dir)
    warehouse = run_pipeline(raw_dir, work_dir)
    rows = read_facts(warehouse)
    ledger = read_ledger()
    return {
        r: score([row for row in rows if row.report_id == r.report_id], ledger) for r in renderings
    }


def _totals(label: str, scores: list[Score]) -> str:
    found = sum(len(s.found) for s in scores)
    facts = sum(s.facts for s in scores)
    wrong = sum(len(s.wrong) for s in scores)
    extra = sum(len(s.extra) for s in scores)
    rows = sum(s.rows for s in scores)
    return (
        f"{label:30} {found}/{facts} facts found ({found / max(facts, 1):.1%}), {wrong} wrong "
        f"and {extra} extra of {rows} rows ({(wrong + extra) / max(rows, 1):.1%}), precision "
        f"{found / rows if rows else 1.0:.2f}"
    )


def print_table(scores: dict[Rendering, Score], top: int, show_rows: bool) -> None:
    print(
        f"{'wording':15} {'producer':12} {'layout':19} {'found':>8} {'wrong':>6} {'extra':>6} "
        f"{'precision':>9}"
    )
    for r, s in scores.items():
        print(
            f"{r.wording:15} {r.producer:12} {r.layout:19} {len(s.found):>4}/{s.facts:<3} "
            f"{len(s.wrong):6d} {len(s.extra):6d} {s.precision:9.2f}"
        )
        if show_rows:
            for kind, rows in (("wrong", s.wrong), ("extra", s.extra)):
                for row in rows:
                    period = f"{row.period_start or ''}..{row.period_end or ''}"
                    print(
                        f"    {kind} {row.subject}.{row.metric}[{row.segment}] = {row.value:g} "
                        f"{row.unit} {row.qualifier} {period} p{row.page}: {row.evidence[:80]}"
                    )
    corpus = {r: s for r, s in scores.items() if r != SHIPPED}
    for attribute in ("wording", "producer", "layout"):
        for value in dict.fromkeys(getattr(r, attribute) for r in corpus):
            group = [s for r, s in corpus.items() if getattr(r, attribute) == value]
            print(_totals(f"{attribute} {value}:", group))
    print(_totals("total (corpus, control aside):", list(corpus.values())))
    print(f"facts most often missed (of {len(corpus)} renderings):")
    for fact_id, count in most_missed(list(corpus.values()), read_ledger(), top):
        print(f"  {count:3d}  {fact_id}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build and run in this folder and keep it")
    parser.add_argument("--wording", action="append", help="only this wording (repeatable)")
    parser.add_argument("--producer", action="append", help="only this producer (repeatable)")
    parser.add_argument("--top", type=int, default=15, help="missed facts to list")
    parser.add_argument("--rows", action="store_true", help="print each wrong and extra row")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    renderings, missing = available(all_renderings())
    for producer, reason in missing.items():
        print(f"skipped producer {producer}: {reason}")
    renderings = [
        r
        for r in renderings
        if (not args.wording or r.wording in args.wording)
        and (not args.producer or r.producer in args.producer)
    ]
    with tempfile.TemporaryDirectory(prefix="bench-generalisation-") as tmp:
        work_dir = args.keep or Path(tmp)
        try:
            scores = measure(renderings, work_dir.resolve())
        except subprocess.CalledProcessError as error:
            print(f"the pipeline failed:\n{error.stdout}\n{error.stderr}", file=sys.stderr)
            return 1
    print_table(scores, args.top, args.rows)
    print(f"{len(renderings)} renderings, {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
