"""French period wordings ("janvier 2022", "fin 2023", "T3 2023", "depuis 2021") as dates.

A figure in a report is only a fact once we know the period it covers. This module finds
the wordings that name a period in a string and resolves each one to the first and last
day it covers. Wordings that only bound one side ("fin 2023": as of the end of 2023) leave
the other side None; "depuis ..." marks the period as running to the report's cut-off.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from extract.text.numbers import fold, unit_at

MONTHS: dict[str, int] = {
    "janvier": 1,
    "janv": 1,
    "février": 2,
    "fevrier": 2,
    "févr": 2,
    "fevr": 2,
    "fév": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "décembre": 12,
    "decembre": 12,
    "déc": 12,
    "dec": 12,
}
# Ordinals of quarters and semesters; "dernier" is the last one of the year.
ORDINALS: dict[str, int] = {
    "premier": 1,
    "1er": 1,
    "deuxième": 2,
    "second": 2,
    "2e": 2,
    "2ème": 2,
    "2nd": 2,
    "troisième": 3,
    "3e": 3,
    "3ème": 3,
    "quatrième": 4,
    "4e": 4,
    "4ème": 4,
    "dernier": 0,
}

_FULL_MONTHS = sorted((m for m in MONTHS if len(m) > 4 or m in ("mars", "mai", "juin")), key=len)
_ABBREVIATED = [m for m in MONTHS if m not in _FULL_MONTHS]
_MONTH = (
    "(?:"
    + "|".join(sorted(_FULL_MONTHS, key=len, reverse=True))
    + "|(?:"
    + "|".join(sorted(_ABBREVIATED, key=len, reverse=True))
    + r")\.?)(?![\w])"
)
_FULL_MONTH = "(?:" + "|".join(sorted(_FULL_MONTHS, key=len, reverse=True)) + r")(?![\w])"
_YEAR_NO_GROUP = r"(?<![\d,.])(?:19\d\d|20\d\d|2100)(?![\d]|,\d)"
_ORDINAL = "(?:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"
_APOS = "['’]"
_OF_YEAR = rf"(?:de\s+l{_APOS}\s*année\s+|d{_APOS}\s*année\s+|de\s+l{_APOS}\s*exercice\s+|de\s+)?"


def _year(name: str) -> str:
    return rf"(?P<{name}>{_YEAR_NO_GROUP})"


# Each atom is one period on its own; combinations ("entre A et B", "depuis A") come after.
# Typesetting may print "fi" as one ligature glyph ("ﬁn 2023"), which text extraction keeps.
_ATOMS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE)
    for name, pattern in {
        "year_range": rf"{_year('y1')}\s?[-–]\s?{_year('y2')}",
        "iso_day": rf"{_year('y')}-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?!\d)",
        "numeric_day": rf"(?<![\d/])(?P<d>[0-3]?\d)/(?P<m>0?[1-9]|1[0-2])/{_year('y')}",
        "day": rf"(?<![\w,.])(?P<d>1er|[0-3]?\d)\s+(?P<m>{_MONTH})\s+{_year('y')}",
        "quarter": rf"(?:(?<![\w])(?P<o>{_ORDINAL})\s+trimestre\s+{_OF_YEAR}"
        rf"|(?<![\w])[TQ](?P<n>[1-4])\s?[-/]?\s?){_year('y')}",
        "semester": rf"(?:(?<![\w])(?P<o>{_ORDINAL})\s+semestre\s+{_OF_YEAR}"
        rf"|(?<![\w])S(?P<n>[12])\s?[-/]?\s?){_year('y')}",
        "end": rf"(?<![\w])(?:la\s+)?(?:fi|ﬁ)n\s+{_OF_YEAR}(?:(?P<m>{_MONTH})\s+)?{_year('y')}",
        "mid": rf"(?<![\w])(?:la\s+)?mi[-\s]?(?:année\s+)?{_year('y')}",
        "start": rf"(?<![\w])(?:le\s+)?début\s+{_OF_YEAR}{_year('y')}",
        "month_year": rf"(?<![\w])(?P<m>{_MONTH})\s+{_OF_YEAR}{_year('y')}"
        rf"|{_year('iy')}-(?P<im>0[1-9]|1[0-2])(?![\d-])"
        rf"|(?<![\d/])(?P<nm>0?[1-9]|1[0-2])/{_year('ny')}",
        "month": rf"(?<![\w])(?P<m>{_FULL_MONTH})",
        "year": rf"(?:(?:de\s+)?l{_APOS}\s*(?:année|exercice)\s+)?{_year('y')}"
        r"(?!\s?[-–]\s?\d)",
    }.items()
}
_MONTH_ONLY_INTRO_RE = re.compile(r"(?:\ben|\bdès|\bcourant|\bmois\s+d[e'])\s*$")
_REFERENCE_BEFORE_RE = re.compile(r"\bn[°º]s?\s*$|\bno\.\s*$")
_SINCE_RE = re.compile(r"\bdepuis\s+(?:(?:le|la)\s+|l'\s*)?$")
_UNTIL_RE = re.compile(r"\b(?:jusqu'\s*(?:à|en|au|à\s+la)|d'ici(?:\s+à)?(?:\s+la)?)\s*$")
_AS_OF_RE = re.compile(r"\bau\s*$")
_MONTH_YEAR_KINDS = ("month_year", "day", "iso_day", "numeric_day")
_RANGE_OPENERS = (
    (re.compile(r"\bentre\s*$"), ("et",)),
    (re.compile(r"\b(?:de|du)\s*$"), ("à", "au", "jusqu'à", "jusqu'en")),
)


# Wordings that take up the period the text before ended with, and the years they shift it
# by; None keeps that period as it is ("alors"), a number turns it into that whole year.
_BACK_REFERENCES: tuple[tuple[re.Pattern[str], int | None], ...] = (
    (re.compile(r"\b(?:la|cette)\s+(?:même\s+)?année(?:[-\s]là)?(?![\w-])"), 0),
    (re.compile(r"\b(?:le|ce)\s+(?:même\s+)?exercice(?:[-\s]là)?(?![\w-])"), 0),
    (re.compile(r"\bl'\s*année\s+(?:suivante|d'après)(?![\w-])"), 1),
    (re.compile(r"\bl'\s*année\s+(?:précédente|d'avant)(?![\w-])"), -1),
    # "alors que" and "alors même que" say "whereas", not "at that time".
    (re.compile(r"\b(?:à\s+cette\s+date|(?<!d')alors(?!\s+(?:même\s+)?qu))(?![\w-])"), None),
)


@dataclass(frozen=True)
class PeriodMention:
    """A period wording found in a string, with the dates it resolves to.

    `start`/`end` are offsets of `text` in the scanned string. `parts` locate the year and
    day numbers inside the wording, as (start, end, "year" | "day"), so that callers can
    report them as dates rather than quantities. Unresolved wordings ("en mars" with no
    year in sight) keep both dates None.
    """

    text: str
    start: int
    end: int
    kind: str  # year, month_year, day, quarter, semester, end, mid, start, month, range, ...
    period_start: date | None
    period_end: date | None
    open_ended: bool = False
    parts: tuple[tuple[int, int, str], ...] = ()
    # Where "depuis <this>" would start: the last quarter for "fin 2022", else period_start.
    since: date | None = None
    month_only: int | None = None

    @property
    def resolved(self) -> bool:
        return self.period_start is not None or self.period_end is not None


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _month_number(word: str) -> int:
    return MONTHS[fold(word).rstrip(".")]


def _ordinal(word: str) -> int:
    return ORDINALS[fold(word)]


def _resolve(kind: str, m: re.Match[str]) -> tuple[date | None, date | None, date | None]:
    """(period_start, period_end, since) of one atom."""
    if kind == "year_range":
        return date(int(m["y1"]), 1, 1), date(int(m["y2"]), 12, 31), date(int(m["y1"]), 1, 1)
    if kind in ("iso_day", "numeric_day", "day"):
        day = date(int(m["y"]), _month_number(m["m"]) if kind == "day" else int(m["m"]), 1)
        day = day.replace(day=1 if m["d"].lower() == "1er" else int(m["d"]))
        return day, day, day
    if kind in ("quarter", "semester"):
        per_year = 4 if kind == "quarter" else 2
        index = int(m["n"]) if m["n"] else _ordinal(m["o"]) or per_year
        months = 12 // per_year
        first = date(int(m["y"]), (index - 1) * months + 1, 1)
        last = _month_bounds(int(m["y"]), index * months)[1]
        return first, last, first
    year = int(m["y"] or m["iy"] or m["ny"]) if kind == "month_year" else None
    if kind == "end":
        month = _month_number(m["m"]) if m["m"] else 12
        first, last = _month_bounds(int(m["y"]), month)
        since = first if m["m"] else date(int(m["y"]), 10, 1)
        return None, last, since
    if kind == "mid":
        return None, date(int(m["y"]), 6, 30), date(int(m["y"]), 7, 1)
    if kind == "start":
        return date(int(m["y"]), 1, 1), date(int(m["y"]), 3, 31), date(int(m["y"]), 1, 1)
    if kind == "month_year":
        month = _month_number(m["m"]) if m["m"] else int(m["im"] or m["nm"])
        first, last = _month_bounds(year, month)
        return first, last, first
    if kind == "year":
        return date(int(m["y"]), 1, 1), date(int(m["y"]), 12, 31), date(int(m["y"]), 1, 1)
    return None, None, None  # a month alone: resolved later from the sentence


def _parts(m: re.Match[str]) -> tuple[tuple[int, int, str], ...]:
    parts = []
    for name, span in ((n, m.span(n)) for n in m.re.groupindex):
        if span[0] < 0:
            continue
        if name in ("y", "y1", "y2", "iy", "ny"):
            parts.append((*span, "year"))
        elif name == "d":
            parts.append((*span, "day"))
    return tuple(sorted(parts))


def _atoms(text: str) -> list[PeriodMention]:
    folded = fold(text)
    candidates: list[PeriodMention] = []
    for kind, pattern in _ATOMS.items():
        for m in pattern.finditer(text):
            if kind == "year" and (
                _REFERENCE_BEFORE_RE.search(folded[: m.start()]) or unit_at(text, m.end())
            ):
                continue
            try:
                first, last, since = _resolve(kind, m)
            except ValueError:  # "31 février 2023", "35/12/2023": not a date
                continue
            candidates.append(
                PeriodMention(
                    text=m.group(),
                    start=m.start(),
                    end=m.end(),
                    kind=kind,
                    period_start=first,
                    period_end=last,
                    parts=_parts(m),
                    since=since,
                    month_only=_month_number(m["m"]) if kind == "month" else None,
                )
            )
    # Leftmost, then longest: "janvier 2022" beats "2022", "fin 2023" beats "2023".
    candidates.sort(key=lambda p: (p.start, -(p.end - p.start)))
    chosen: list[PeriodMention] = []
    for candidate in candidates:
        if not chosen or candidate.start >= chosen[-1].end:
            chosen.append(candidate)
    return chosen


def find_periods(text: str, previous: PeriodMention | None = None) -> list[PeriodMention]:
    """Every period wording of `text` (meant to be one sentence), in order, resolved.

    A month without a year ("en mars") takes the year of the next month-year wording of the
    same text, as in "22 043 en mars et 8 015 en décembre 2023"; else it stays unresolved.
    `previous` is the last period the text before named: "la même année", "cette
    année-là", "l'année suivante" and "alors" take it up, and stay unresolved without it.
    """
    folded = fold(text)
    atoms = _atoms(text)
    atoms = sorted(atoms + _back_references(text, folded, atoms, previous), key=lambda p: p.start)
    periods: list[PeriodMention] = []
    i = 0
    while i < len(atoms):
        pair = _range(text, folded, atoms[i], atoms[i + 1]) if i + 1 < len(atoms) else None
        if pair:
            periods.append(pair)
            i += 2
            continue
        periods.append(_bounded(text, folded, atoms[i]))
        i += 1
    # A month name alone is a period only when introduced as one ("en mars").
    periods = [
        p for p in periods if p.kind != "month" or _MONTH_ONLY_INTRO_RE.search(folded[: p.start])
    ]
    return _resolve_lone_months(periods)


def _back_references(
    text: str, folded: str, atoms: list[PeriodMention], previous: PeriodMention | None
) -> list[PeriodMention]:
    """The wordings of `text` that take up `previous`, resolved against it.

    A period named earlier in `text` itself comes before `previous` ("en 2019 et, la même
    année, ..."). One that an explicit period follows or overlaps ("la même année 2019") is
    left to it.
    """
    found = []
    for pattern, shift in _BACK_REFERENCES:
        for m in pattern.finditer(folded):
            if any(a.start < m.end() + 2 and m.start() < a.end for a in atoms):
                continue
            earlier = [a for a in atoms if a.end <= m.start() and a.resolved]
            first, last = _taken_up(earlier[-1] if earlier else previous, shift)
            found.append(
                PeriodMention(
                    text=text[m.start() : m.end()],
                    start=m.start(),
                    end=m.end(),
                    kind="back_reference",
                    period_start=first,
                    period_end=last,
                    since=first,
                )
            )
    return found


def _taken_up(previous: PeriodMention | None, shift: int | None) -> tuple[date | None, date | None]:
    """The dates a back-reference gives: the same period, or one year of it shifted by `shift`."""
    if previous is None or not previous.resolved or previous.open_ended:
        return None, None
    if shift is None:
        return previous.period_start, previous.period_end
    years = {d.year for d in (previous.period_start, previous.period_end) if d is not None}
    if len(years) != 1:
        return None, None  # "entre 2019 et 2022 ... la même année": which one?
    year = years.pop() + shift
    return date(year, 1, 1), date(year, 12, 31)


def _range(
    text: str, folded: str, first: PeriodMention, second: PeriodMention
) -> PeriodMention | None:
    gap = folded[first.end : second.start].strip()
    for opener_re, joiners in _RANGE_OPENERS:
        opener = opener_re.search(folded[: first.start])
        if opener and gap in joiners:
            break
    else:
        return None
    if second.period_end is None:
        return None
    start = first.period_start or first.period_end
    if first.month_only is not None:
        year = second.period_end.year - (first.month_only > second.period_end.month)
        start = date(year, first.month_only, 1)
    return PeriodMention(
        text=text[opener.start() : second.end],
        start=opener.start(),
        end=second.end,
        kind="range",
        period_start=start,
        period_end=second.period_end,
        parts=first.parts + second.parts,
        since=start,
    )


def _bounded(text: str, folded: str, atom: PeriodMention) -> PeriodMention:
    """Apply "depuis", "jusqu'en" or "au" written just before a single period."""
    before = folded[: atom.start]
    since = _SINCE_RE.search(before)
    if since and atom.resolved:
        return replace(
            atom,
            text=text[since.start() : atom.end],
            start=since.start(),
            period_start=atom.since,
            period_end=None,
            open_ended=True,
        )
    until = _UNTIL_RE.search(before)
    if until and atom.resolved:
        return replace(
            atom, text=text[until.start() : atom.end], start=until.start(), period_start=None
        )
    if atom.parts and atom.parts[0][2] == "day" and _AS_OF_RE.search(before):
        return replace(atom, period_start=None)
    return atom


def _resolve_lone_months(periods: list[PeriodMention]) -> list[PeriodMention]:
    resolved = []
    for i, period in enumerate(periods):
        if period.month_only is not None:
            later = next((p for p in periods[i + 1 :] if p.kind in _MONTH_YEAR_KINDS), None)
            if later and later.period_end:
                first, last = _month_bounds(later.period_end.year, period.month_only)
                period = replace(period, period_start=first, period_end=last, since=first)
        resolved.append(period)
    return resolved


def parse_period(text: str) -> PeriodMention | None:
    """The period a whole string names ("2023", "T3 2023", "janv. 2022"), else None.

    Meant for table headers and chart categories; a leading preposition is allowed.
    """
    stripped = text.strip().rstrip(".:;,")
    periods = find_periods(stripped)
    if len(periods) != 1:
        return None
    lead = fold(stripped[: periods[0].start]).strip()
    rest = stripped[periods[0].end :].strip()
    if rest or lead not in ("", "en", "au", "à", "à la", "le", "du", "dès"):
        return None
    return periods[0]
