"""A rendering's fact rows against the ledger: facts found, wrong rows, extra rows.

A row matches a ledger fact when subject, metric, segment, unit, qualifier and both period
bounds are equal and the value is within 1e-6 relative. A row that matches nothing is
*wrong* when the ledger has a fact of its subject, metric and segment (a wrong value,
qualifier, unit or period), else *extra*; a second row matching an already matched fact is
extra too.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from scripts.generalisation.pipeline import MartRow

LEDGER = Path(__file__).resolve().parents[2] / "tests" / "dinum_2024_facts.csv"


@dataclass(frozen=True)
class LedgerFact:
    fact_id: str
    subject: str
    metric: str
    segment: str
    value: float
    unit: str
    qualifier: str
    period_start: date | None
    period_end: date | None


@dataclass
class Score:
    facts: int
    found: set[str] = field(default_factory=set)
    wrong: list[MartRow] = field(default_factory=list)
    extra: list[MartRow] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.found) + len(self.wrong) + len(self.extra)

    @property
    def precision(self) -> float:
        return len(self.found) / self.rows if self.rows else 1.0


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def read_ledger(path: Path = LEDGER) -> list[LedgerFact]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            LedgerFact(
                fact_id=row["fact_id"],
                subject=row["subject"],
                metric=row["metric"],
                segment=row["segment"],
                value=float(row["value"]),
                unit=row["unit"],
                qualifier=row["qualifier"],
                period_start=_day(row["period_start"]),
                period_end=_day(row["period_end"]),
            )
            for row in csv.DictReader(handle)
        ]


def _matches(row: MartRow, fact: LedgerFact) -> bool:
    return (
        (row.subject, row.metric, row.segment, row.unit, row.qualifier)
        == (fact.subject, fact.metric, fact.segment, fact.unit, fact.qualifier)
        and (row.period_start, row.period_end) == (fact.period_start, fact.period_end)
        and math.isclose(row.value, fact.value, rel_tol=1e-6, abs_tol=0.0)
    )


def score(rows: list[MartRow], ledger: list[LedgerFact]) -> Score:
    result = Score(facts=len(ledger))
    keys = {(f.subject, f.metric, f.segment) for f in ledger}
    for row in rows:
        fact = next((f for f in ledger if _matches(row, f)), None)
        if fact is not None and fact.fact_id not in result.found:
            result.found.add(fact.fact_id)
        elif fact is None and (row.subject, row.metric, row.segment) in keys:
            result.wrong.append(row)
        else:
            result.extra.append(row)
    return result


def most_missed(scores: list[Score], ledger: list[LedgerFact], top: int) -> list[tuple[str, int]]:
    """The facts missed by the most renderings, with how many missed each."""
    missed = Counter(f.fact_id for s in scores for f in ledger if f.fact_id not in s.found)
    return missed.most_common(top)
