"""What the warehouse holds back or could not classify, and the seed row that would teach it."""

from __future__ import annotations

from dataclasses import dataclass

from dinum.sql import connect
from warehouse.settings import DBT_PROJECT_DIR

SEEDS = DBT_PROJECT_DIR / "seeds"

# The held-back facts, with the reason the document does not support them.
CANDIDATES_SQL = """
SELECT report_id, page, subject, metric, segment, value, unit, reason, evidence
FROM marts.fact_candidates
ORDER BY report_id, page, metric
"""

# Numbers no metric or no subject claimed, with what a seed row could name: the metrics
# whose unit is of the number's unit family (the family a metric and its mention share).
UNCLASSIFIED_SQL = """
WITH families AS (
    SELECT m.metric, u.unit_family
    FROM vocabulary.metrics AS m
    JOIN vocabulary.units AS u ON u.unit = m.unit
)
SELECT
    mention.report_id,
    mention.page,
    mention.raw_text,
    mention.unit,
    mention.metric_found,
    mention.subject_found,
    mention.evidence,
    (
        SELECT string_agg(DISTINCT families.metric, ', ' ORDER BY families.metric)
        FROM families
        JOIN vocabulary.units AS own ON own.unit = mention.unit
        WHERE families.unit_family = own.unit_family
    ) AS metrics_of_its_unit,
    (SELECT string_agg(subject, ', ' ORDER BY subject) FROM vocabulary.subjects) AS subjects
FROM marts.unclassified_mentions AS mention
ORDER BY mention.report_id, mention.page, mention.mention_index
"""


@dataclass(frozen=True)
class ReviewItem:
    heading: str
    evidence: str
    teach: str | None  # the seed row that would classify it, to fill in


def wording_before(evidence: str, raw_text: str, words: int = 3) -> str | None:
    """The last few words the sentence sets before the number: the wording a seed row of
    metric_wordings.csv would teach (to be trimmed by the user to what names the metric)."""
    if raw_text not in evidence:
        return None
    before = evidence.split(raw_text, 1)[0].split()[-words:]
    return " ".join(before).strip(" ,;:(").lower() or None


def _teaching(
    metric: str | None, subject: str | None, metrics: str | None, subjects: str, wording: str | None
) -> str:
    if metric is None:
        choices = metrics or "none of that unit: add the metric to metrics.csv first"
        row = f"{wording or '<wording before the number>'},<metric>"
        return f"{SEEDS / 'metric_wordings.csv'}: add '{row}' (metrics of its unit: {choices})"
    if subject is None:
        return (
            f"{SEEDS / 'subject_aliases.csv'}: add '<name the sentence gives>,<subject>' "
            f"(subjects: {subjects})"
        )
    return f"{SEEDS / 'segment_aliases.csv'}: add the breakdown the sentence names for {metric}"


def review() -> tuple[list[ReviewItem], list[ReviewItem]]:
    """The held-back facts and the unclassified numbers of the warehouse."""
    with connect() as conn:
        candidates = conn.execute(CANDIDATES_SQL).fetchall()
        unclassified = conn.execute(UNCLASSIFIED_SQL).fetchall()
    held_back = [
        ReviewItem(
            f"{report_id} p. {page}: {subject or '?'} {metric or '?'}"
            f"{f' ({segment})' if segment else ''} = {value:g} {unit or ''}: {reason}",
            evidence,
            None,
        )
        for report_id, page, subject, metric, segment, value, unit, reason, evidence in candidates
    ]
    unknown = [
        ReviewItem(
            f"{report_id} p. {page}: {raw_text!r} ({unit or 'no unit'}), "
            f"metric {metric or 'not found'}, subject {subject or 'not found'}",
            evidence,
            _teaching(metric, subject, metrics, subjects, wording_before(evidence, raw_text)),
        )
        for report_id, page, raw_text, unit, metric, subject, evidence, metrics, subjects in (
            unclassified
        )
    ]
    return held_back, unknown
