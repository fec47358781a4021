"""Whether a new extraction of a report is good enough to replace the landed one.

A report is replaced only by a good extraction: a PDF swapped for a damaged or emptied
version must fail with a reason and leave the rows already landed in place, not delete them.
The measure is the count of numbers read (`number_count`), which the caller stores per
report (the row count of raw.mentions) and hands back as `previous_number_count`.

`DINUM_MIN_NUMBER_SHARE` (default 0.5) is the least share of the previous count a new
extraction must reach; 0 accepts any count.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from extract.errors import ExtractionError
from extract.records import ReportExtraction

DEFAULT_MIN_NUMBER_SHARE = 0.5
MIN_NUMBER_SHARE_VARIABLE = "DINUM_MIN_NUMBER_SHARE"


def number_count(extraction: ReportExtraction) -> int:
    """The numbers an extraction read: one per row it lands in raw.mentions."""
    return len(extraction.mentions)


def min_number_share_from_env(environ: Mapping[str, str]) -> float:
    """`DINUM_MIN_NUMBER_SHARE` as a share between 0 and 1, else the default."""
    text = environ.get(MIN_NUMBER_SHARE_VARIABLE, "").strip()
    if not text:
        return DEFAULT_MIN_NUMBER_SHARE
    try:
        share = float(text)
    except ValueError:
        share = -1.0
    if not 0 <= share <= 1:
        raise ValueError(f"{MIN_NUMBER_SHARE_VARIABLE}={text!r}: expected a share from 0 to 1")
    return share


def check_extraction(
    extraction: ReportExtraction,
    previous_number_count: int | None,
    min_share: float = DEFAULT_MIN_NUMBER_SHARE,
    file: str | Path | None = None,
) -> None:
    """Raise `ExtractionError` when `extraction` must not replace the report's landed rows.

    `previous_number_count` is None for a report never landed: any count is then accepted,
    since extraction itself already refused a PDF with no pages or no text layer. `file`
    names the PDF in the error.
    """
    count = number_count(extraction)
    if not previous_number_count or count >= min_share * previous_number_count:
        return
    skipped = (
        f"; {len(extraction.skipped_pages)} page(s) skipped" if extraction.skipped_pages else ""
    )
    raise ExtractionError(
        f"far fewer numbers than its previous version: {count} against "
        f"{previous_number_count}{skipped}; its landed rows are kept (threshold "
        f"{MIN_NUMBER_SHARE_VARIABLE}={min_share:g})",
        file,
    )
