"""Score chart reading on the generated corpus, per chart kind.

Builds the corpus of tests/chart_corpus.py in a temporary folder, reads it back with
extract.charts and prints, per kind, the share of points recovered (right series and
category, value within 1 % of the axis range) and the worst error as a share of the axis
range. Raster charts are scored on being reported as raster.

    python scripts/score_charts.py [--keep DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract.charts import extract_charts  # noqa: E402
from tests.chart_corpus import build_corpus, find_extracted, score_chart  # noqa: E402


def _score(folder: Path, verbose: bool) -> int:
    corpus = build_corpus(folder)
    extracted = {path: extract_charts(path) for path in {item.pdf for item in corpus}}
    points: dict[str, list] = defaultdict(list)
    charts: dict[str, list[bool]] = defaultdict(list)
    for item in corpus:
        chart = find_extracted(item, extracted[item.pdf])
        kind = item.spec.kind
        if item.raster:
            charts[kind].append(chart is not None and chart.kind == "raster")
            continue
        results = score_chart(item, chart)
        points[kind] += results
        charts[kind].append(chart is not None and chart.kind == kind)
        if verbose:
            for r in results:
                if not r.recovered:
                    print(f"  miss {r.chart}: {r.series} / {r.category}: {r.expected} -> {r.found}")

    header = (
        f"{'kind':<16}{'charts':>8}{'kind ok':>9}{'points':>8}{'recovered':>11}{'worst err':>11}"
    )
    print(header)
    print("-" * len(header))
    all_results = []
    for kind in sorted(charts):
        res = points.get(kind, [])
        all_results += res
        ok = sum(r.recovered for r in res)
        errors = [r.error for r in res if r.error is not None]
        share = f"{ok / len(res):.1%}" if res else "-"
        worst = f"{max(errors):.3%}" if errors else "-"
        print(
            f"{kind:<16}{len(charts[kind]):>8}{sum(charts[kind]):>9}{len(res):>8}"
            f"{share:>11}{worst:>11}"
        )
    ok = sum(r.recovered for r in all_results)
    errors = [r.error for r in all_results if r.error is not None]
    print("-" * len(header))
    print(
        f"{'all':<16}{sum(len(v) for v in charts.values()):>8}"
        f"{sum(sum(v) for v in charts.values()):>9}{len(all_results):>8}"
        f"{ok / len(all_results):>11.1%}{max(errors):>11.3%}"
    )
    return 0 if ok == len(all_results) and all(all(v) for v in charts.values()) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build the corpus in DIR and keep it")
    parser.add_argument("--verbose", action="store_true", help="list every missed point")
    args = parser.parse_args()
    if args.keep:
        return _score(args.keep, args.verbose)
    with tempfile.TemporaryDirectory(prefix="chart_corpus_") as folder:
        return _score(Path(folder), args.verbose)


if __name__ == "__main__":
    sys.exit(main())
