"""Score chart reading on the generated corpus, per chart kind and per producer.

Builds the corpus of tests/chart_corpus.py in a temporary folder (matplotlib, reportlab,
and, when installed, SVG printed by Chromium and LibreOffice's native charts), reads it
back with extract.charts and prints, per kind, per producer and per kind x producer, the
share of points recovered (right series and category, value within 1 % of the axis range,
of the total for pies) and the worst error. Raster charts are scored on being reported as
raster. A producer that cannot run here is skipped with a line saying why.

    python scripts/score_charts.py [--producer NAME ...] [--kind KIND ...] [--keep DIR]
                                   [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract.charts import extract_charts  # noqa: E402
from tests.chart_corpus import (  # noqa: E402
    PRODUCERS,
    CorpusChart,
    PointResult,
    build_corpus,
    find_extracted,
    missing_producers,
    score_chart,
)

_HEADER = f"{'charts':>8}{'kind ok':>9}{'points':>8}{'recovered':>11}{'worst err':>11}"


def _row(label: str, width: int, charts: list[bool], results: list[PointResult]) -> str:
    ok = sum(r.recovered for r in results)
    errors = [r.error for r in results if r.error is not None]
    share = f"{ok / len(results):.1%}" if results else "-"
    worst = f"{max(errors):.3%}" if errors else "-"
    return (
        f"{label:<{width}}{len(charts):>8}{sum(charts):>9}{len(results):>8}{share:>11}{worst:>11}"
    )


def _table(
    title: str,
    scored: list[tuple[CorpusChart, bool, list[PointResult]]],
    key: Callable[[CorpusChart], str],
) -> None:
    groups: dict[str, list[tuple[bool, list[PointResult]]]] = defaultdict(list)
    for item, kind_ok, results in scored:
        groups[key(item)].append((kind_ok, results))
    width = max(len(title), *(len(k) for k in groups)) + 2
    print(f"{title:<{width}}{_HEADER}")
    print("-" * (width + len(_HEADER)))
    for label in sorted(groups):
        charts = [ok for ok, _ in groups[label]]
        print(_row(label, width, charts, [r for _, res in groups[label] for r in res]))
    print("-" * (width + len(_HEADER)))
    every = [r for _, _, res in scored for r in res]
    print(_row("all", width, [ok for _, ok, _ in scored], every))
    print()


def _score(folder: Path, producers: tuple[str, ...], kinds: set[str], verbose: bool) -> int:
    for name, reason in missing_producers(producers).items():
        print(f"skipped {name}: {reason}")
    corpus = [c for c in build_corpus(folder, producers) if not kinds or c.spec.kind in kinds]
    if not corpus:
        print("no chart of the corpus matches the filters")
        return 1
    extracted = {path: extract_charts(path) for path in {item.pdf for item in corpus}}
    scored: list[tuple[CorpusChart, bool, list[PointResult]]] = []
    for item in corpus:
        chart = find_extracted(item, extracted[item.pdf])
        if item.raster:
            scored.append((item, chart is not None and chart.kind == "raster", []))
            continue
        results = score_chart(item, chart)
        scored.append((item, chart is not None and chart.kind == item.spec.kind, results))
        if verbose:
            if chart is None:
                print(f"  no chart {item.spec.key} ({item.producer}, page {item.page})")
            for r in results:
                if not r.recovered:
                    print(f"  miss {r.chart}: {r.series} / {r.category}: {r.expected} -> {r.found}")
    _table("kind", scored, lambda item: item.spec.kind)
    _table("producer", scored, lambda item: item.producer)
    _table("kind x producer", scored, lambda item: f"{item.spec.kind} {item.producer}")
    every = [r for _, _, res in scored for r in res]
    all_kinds = all(ok for _, ok, _ in scored)
    return 0 if all(r.recovered for r in every) and all_kinds else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build the corpus in DIR and keep it")
    parser.add_argument("--verbose", action="store_true", help="list every missed point")
    parser.add_argument(
        "--producer",
        action="append",
        choices=PRODUCERS,
        help="score only this producer's charts (repeatable; default: all)",
    )
    parser.add_argument(
        "--kind", action="append", help="score only charts of this kind (repeatable)"
    )
    args = parser.parse_args()
    producers = tuple(args.producer or PRODUCERS)
    kinds = set(args.kind or ())
    if args.keep:
        return _score(args.keep, producers, kinds, args.verbose)
    with tempfile.TemporaryDirectory(prefix="chart_corpus_") as folder:
        return _score(Path(folder), producers, kinds, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
