"""Numeric mentions in the prose of a report page.

Prose is where most figures of a French public report are stated, next to numbers that
are not facts at all: page numbers, footnote calls, section, table and law numbers, dates.
This module cuts prose into sentences and clauses, reads every number with the parser of
`extract.text.numbers`, gives it the period of `extract.text.periods` that its wording points to,
and marks non-facts in `non_fact_kind` rather than dropping them, so that users can audit
what the fact tables leave out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extract.pdf import PageModel
from extract.pdf.prose import HEADING_RE, PageNumberLine, read_prose
from extract.records import BBox, NumericMention
from extract.text.numbers import SPACES, ParsedQuantity, find_quantities, fold
from extract.text.periods import PeriodMention, find_periods

# Words whose abbreviation ends with a period that does not end the sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        *("janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc"),
        *("p", "pp", "art", "al", "cf", "ex", "éd", "vol", "chap", "fig", "tab", "graph"),
        *("mme", "mmes", "mm", "mlle", "dr", "pr", "me", "st", "ste", "env", "hab", "op"),
        *("cit", "ibid", "id", "coll", "suiv", "réf", "resp", "max", "min", "no", "n°"),
    }
)

# Wordings before a number that make it a reference rather than a quantity; checked in
# order on the lower-cased text before the number.
_NO = r"(?:n[°º]s?|no\.)"
CONTEXT_KINDS: tuple[tuple[str, str], ...] = (
    ("table_number", rf"\b(?:tableau|tab\.)\s*{_NO}?\s*$"),
    (
        "chart_number",
        rf"\b(?:graphique|graph\.|figure|fig\.|schéma|carte|illustration)\s*{_NO}?\s*$",
    ),
    ("recommendation_number", rf"\brecommandations?\s*{_NO}?\s*$"),
    (
        "legal_reference",
        r"\b(?:loi|décret|ordonnance|arrêté|circulaire|décision|directive|règlement"
        rf"|délibération|instruction|amendement)s?\b[^.;:()]{{0,30}}?{_NO}\s*$",
    ),
    ("legal_reference", r"\barticles?\s*(?:[lrd]\.?\s*)?$"),
    ("legal_reference", r"\b(?:alinéa|al\.|paragraphe)\s*$"),
    ("page_number", r"(?:\bp\.|\bpp\.|\bpages?)\s*$"),
    ("section_number", rf"\b(?:chapitre|partie|annexe|section|titre)\s*{_NO}?\s*$"),
    ("reference_number", rf"{_NO}\s*$"),
    # A number right after the noun it numbers names one item ("le programme 352", "l'axe 2");
    # a count stands before its noun ("35 programmes").
    (
        "reference_number",
        r"\b(?:programme|action|axe|étape|phase|lot|version|volet|palier|niveau)\s*$",
    ),
)
_CONTEXT_RES = [(kind, re.compile(pattern)) for kind, pattern in CONTEXT_KINDS]
# "décret n° 2019-1088 du 25 octobre 2019", "l'arrêté du 30 octobre 2019": a legal date.
_LEGAL_DATE_RE = re.compile(
    r"\b(?:loi|décret|ordonnance|arrêté|circulaire|décision|directive|règlement"
    r"|délibération|instruction)s?\b[^.;:()]{0,40}?\bdu\s*$"
)
REFERENCE_KINDS = frozenset(
    {
        "table_number",
        "chart_number",
        "recommendation_number",
        "legal_reference",
        "page_number",
        "section_number",
        "reference_number",
    }
)
# "n° 3 et 4", "2019-1088", "articles 4, 5 et 6": the next number is the same kind.
_LIST_GAP_RE = re.compile(r"^\s*(?:-|,|et|à|ou|&)\s*$")

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_URL_RE = re.compile(r"\bhttps?://\S+|\bwww\.\S+|\S+@\S+\.\w+")
_CLAUSE_SEPARATOR_RE = re.compile(r"[;:()\[\]—]|\s–\s|,(?!\d)|(?<!\d),")
_SENTENCE_END_RE = re.compile(r"[.!?…]+")
_CLOSERS = "»”\")]’'"
_SENTENCE_START_RE = re.compile(r"[\"«“A-ZÀ-ÖØ-Þ]")
_HEADING_MARKER_ONLY_RE = re.compile(r"\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6}")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`; a blank line always ends a sentence."""
    return _sentence_spans(text, ())


def _sentence_spans(text: str, calls: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans, reading footnote calls as transparent ("fin 2023.12 La ...")."""
    spans: list[tuple[int, int]] = []
    for block in re.finditer(r"\S(?:(?!\n[ \t]*\n).)*", text, re.DOTALL):
        start = block.start()
        for end_mark in _SENTENCE_END_RE.finditer(text, block.start(), block.end()):
            cut = _sentence_cut(text, start, end_mark, block.end(), calls)
            if cut is not None:
                spans.append(_strip(text, start, cut))
                start = cut
        if text[start : block.end()].strip():
            spans.append(_strip(text, start, block.end()))
    return spans


def _sentence_cut(
    text: str,
    start: int,
    end_mark: re.Match[str],
    limit: int,
    calls: Sequence[tuple[int, int]],
) -> int | None:
    """Where the sentence ends if this punctuation ends it, else None."""
    pos = end_mark.end()
    while pos < limit:
        call = next((e for s, e in calls if s == pos), None)
        if call is not None:
            pos = call
        elif text[pos] in _CLOSERS or (text[pos].isspace() and _closer_follows(text, pos)):
            pos += 1
        else:
            break
    if pos >= limit:
        return limit
    if not text[pos].isspace():
        return None
    next_char = text[pos:limit].lstrip()[:1]
    if not _SENTENCE_START_RE.match(next_char):
        return None
    if end_mark.group() == ".":
        token = re.search(r"(\S*)$", text[start : end_mark.start()]).group(1).lstrip("([«")
        if fold(token) in ABBREVIATIONS or re.fullmatch(r"[A-Z]", token):
            return None
        if _HEADING_MARKER_ONLY_RE.fullmatch(text[start : end_mark.start()].strip()):
            return None
    return pos


def _closer_follows(text: str, pos: int) -> bool:
    rest = text[pos:].lstrip(SPACES)
    return bool(rest) and rest[0] in "»”"


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of `sentence` around [start, end): cut at ; : ( ) [ ] — – and commas.

    A decimal comma ("9,3") does not cut.
    """
    clause_start, clause_end = 0, len(sentence)
    for sep in _CLAUSE_SEPARATOR_RE.finditer(sentence):
        if sep.end() <= start:
            clause_start = sep.end()
        elif sep.start() >= end:
            clause_end = sep.start()
            break
    return _strip(sentence, clause_start, clause_end)


def mentions_in_text(text: str, page: int) -> list[NumericMention]:
    """Every numeric mention of a prose string, one sentence at a time, in reading order."""
    return [m for m, _ in _mentions(text, page, ())]


def _mentions(
    text: str, page: int, calls: Sequence[tuple[int, int]]
) -> list[tuple[NumericMention, int]]:
    """Mentions with the offset in `text` of the sentence each one was read in."""
    found: list[tuple[NumericMention, int]] = []
    previous = ""
    # The last period named so far: "la même année", "alors" in a later sentence take it up.
    last_period: PeriodMention | None = None
    # The period of the title or introduction the lines of a list or box follow.
    framing: PeriodMention | None = None
    # Footnote calls read as blanks, so that a name followed by its call is still a word.
    readable = "".join(" " if any(s <= i < e for s, e in calls) else c for i, c in enumerate(text))
    for start, end in _sentence_spans(text, calls):
        sentence = re.sub(r"[\n\r\t]", " ", text[start:end])
        local_calls = [(s - start, e - start) for s, e in calls if start <= s < end]
        preceding = _paragraphs_text(readable[:start])
        item = _LIST_ITEM_RE.match(sentence) is not None
        mentions, periods = _sentence_mentions(
            sentence, page, previous, local_calls, last_period, framing if item else None
        )
        found.extend((replace(m, preceding_text=preceding), start) for m in mentions)
        resolved = [p for p in periods if p.resolved]
        last_period = resolved[-1] if resolved else last_period
        framing = _framing_period(sentence, resolved) or (
            framing if item and not resolved else None
        )
        previous = sentence
    return found


# A line of a list or box: a dash or bullet, or a label of a few words and a colon before
# its figure ("Coût total : 15 M€."); a longer stretch before a colon is a sentence's own
# clause ("Les offres privées servent de repère : elles coûtent ...").
_LIST_ITEM_RE = re.compile(r"\s*(?:[–—•·▪*-]\s|[^\W\d]+(?:[\s'’-]+[^\W\d]+){0,4}\s?:\s)")
_FULL_STOP_END_RE = re.compile(r"[.!?…][»”\")\s\d]*$")


def _framing_period(sentence: str, periods: list[PeriodMention]) -> PeriodMention | None:
    """The period a title or list introduction gives the lines under it, if it is one.

    A title has no full stop ("Le budget de la direction en 2023"), an introduction ends with
    a colon ("En 2022, le taux d'équipement était le suivant :"); either names one period.
    """
    if _FULL_STOP_END_RE.search(sentence):
        return None
    distinct = {(p.period_start, p.period_end, p.open_ended) for p in periods}
    return periods[-1] if len(distinct) == 1 else None


def _paragraphs_text(text: str) -> str:
    """`text` with each paragraph on one line and paragraphs apart by one blank line.

    A text that ends with a paragraph break keeps it: the next sentence starts a paragraph.
    """
    return "\n\n".join(" ".join(part.split()) for part in re.split(r"\n[ \t]*\n", text))


@dataclass
class _Reading:
    """One number of a sentence on its way to a NumericMention."""

    start: int
    end: int
    value: float
    unit: str | None
    kind: str | None
    qualifier: str = "exact"
    range_role: str | None = None
    period: PeriodMention | None = None


def _sentence_mentions(
    sentence: str,
    page: int,
    previous: str,
    calls: Sequence[tuple[int, int]],
    previous_period: PeriodMention | None,
    framing: PeriodMention | None = None,
) -> tuple[list[NumericMention], list[PeriodMention]]:
    """The mentions of one sentence, and the periods it names other than legal dates.

    `framing` is the period of the title or introduction a list line follows: its figures
    take it when the line names none.
    """
    # Footnote calls read as blanks, so that "en 2023⁷" still names a year; offsets hold.
    text = "".join(" " if any(s <= i < e for s, e in calls) else c for i, c in enumerate(sentence))
    folded = fold(text)
    periods = find_periods(text, previous_period)
    legal = {id(p) for p in periods if _LEGAL_DATE_RE.search(folded[: p.start])}
    heading = HEADING_RE.match(text)
    skip = [(p.start, p.end) for p in periods]
    skip += [m.span() for m in _URL_RE.finditer(text)]
    readings: list[_Reading] = []
    if heading:
        group = next(g for g in ("kw", "dotted", "plain") if heading[g])
        skip.append(heading.span(group))
        readings.append(_heading_reading(heading, group))
    quantities = find_quantities(text, skip)
    kinds = _quantity_kinds(folded, quantities)
    facts = [q for q, kind in zip(quantities, kinds, strict=True) if kind is None]
    candidates = [p for p in periods if id(p) not in legal]
    used: set[int] = set()
    for quantity, kind in zip(quantities, kinds, strict=True):
        reading = _Reading(
            quantity.start,
            quantity.end,
            quantity.value,
            quantity.unit if kind is None else None,
            kind,
        )
        if kind is None:
            reading.qualifier = quantity.qualifier
            reading.range_role = quantity.range_role
            reading.period = _period_for(text, quantity, facts, candidates) or framing
            if reading.period is not None:
                used.add(id(reading.period))
        readings.append(reading)
    for start, end in calls:
        readings.append(_Reading(start, end, float(sentence[start:end]), None, "footnote_call"))
    for period in periods:
        if id(period) not in used:
            readings.extend(_date_readings(sentence, period, id(period) in legal))
    readings.sort(key=lambda r: r.start)
    return [_to_mention(sentence, page, previous, r) for r in readings], candidates


def _heading_reading(heading: re.Match[str], group: str) -> _Reading:
    marker = heading[group]
    if marker[0].isdigit():
        value = float(marker.split(".")[0])  # "2.3" is read as its chapter, 2
    elif len(marker) == 1 and marker not in _ROMAN:
        value = float(ord(marker) - ord("A") + 1)
    else:
        value = float(_roman(marker))
    start, end = heading.span(group)
    return _Reading(start, end, value, None, "section_number")


def _roman(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _quantity_kinds(folded: str, quantities: list[ParsedQuantity]) -> list[str | None]:
    kinds: list[str | None] = []
    for i, quantity in enumerate(quantities):
        before = folded[: quantity.start]
        kind = next((k for k, pattern in _CONTEXT_RES if pattern.search(before)), None)
        if kind is None and i and kinds[-1] in REFERENCE_KINDS:
            gap = folded[quantities[i - 1].end : quantity.start]
            kind = kinds[-1] if _LIST_GAP_RE.match(gap) else None
        if kind is None and _looks_like_year(quantity):
            kind = "year"
        kinds.append(kind)
    return kinds


def _looks_like_year(quantity: ParsedQuantity) -> bool:
    """A 4-digit 1900..2100 token with no unit is a date, whatever the period parser said."""
    return (
        not quantity.explicit_unit
        and re.fullmatch(r"\d{4}", quantity.raw_text) is not None
        and 1900 <= quantity.value <= 2100
    )


def _period_for(
    sentence: str,
    quantity: ParsedQuantity,
    facts: list[ParsedQuantity],
    periods: list[PeriodMention],
) -> PeriodMention | None:
    """The period a number's wording points to, if any.

    In its clause, the first period after the number wins, then the last before it, as long
    as no other figure stands between them: "5,6 M€ entre 2021 et 2023 et 1,85 M€ en 2024".
    A number in parentheses looks at the clause just before the parenthesis. Failing that,
    a period standing alone in its clause before the number frames it, when no other figure
    stands between them ("En janvier 2022, l'outil a enregistré 4,8 millions de messages ;
    en décembre 2023, environ 3 millions"); then a sentence with a single distinct period
    gives it to all its numbers.
    """
    clause = clause_bounds(sentence, quantity.start, quantity.end)
    others = [f for f in facts if f is not quantity and not _same_range(f, quantity)]

    def clear(a: int, b: int) -> bool:
        return not any(a <= f.start < b for f in others)

    in_clause = [p for p in periods if p.start < clause[1] and clause[0] < p.end]
    after = [p for p in in_clause if p.start >= quantity.end and clear(quantity.end, p.start)]
    if after:
        return after[0]
    before = [p for p in in_clause if p.end <= quantity.start and clear(p.end, quantity.start)]
    if before:
        return before[-1]
    if in_clause:
        return min(
            in_clause, key=lambda p: min(abs(p.start - quantity.end), abs(quantity.start - p.end))
        )
    opening = sentence.rfind("(", 0, clause[0])
    if opening >= 0 and not sentence[opening + 1 : clause[0]].strip():
        outer = clause_bounds(sentence, opening, opening)
        outer_periods = [p for p in periods if outer[0] <= p.start and p.end <= opening]
        if outer_periods:
            return outer_periods[-1]
    headings = [
        p
        for p in periods
        if p.end <= quantity.start and clear(p.end, quantity.start) and _stands_alone(sentence, p)
    ]
    if headings:
        return headings[-1]
    distinct = {(p.period_start, p.period_end, p.open_ended): p for p in reversed(periods)}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


# What may stand beside a period in its clause when it frames what follows: "En 2022,",
# "Au 31 décembre 2023, en outre,". A verb or a noun there ("Créé en 2018,") makes the period
# that clause's own.
_FRAMING_WORDS_RE = re.compile(
    r"(?:\s|\b(?:en|au|aux|à|dès|sur|pour|courant|du|de|la|le|l'|et|mais|puis|ainsi|enfin"
    r"|ensuite|outre|par|ailleurs)\b)*"
)


def _stands_alone(sentence: str, period: PeriodMention) -> bool:
    """Whether the period's clause holds nothing else than it and framing words."""
    start, end = clause_bounds(sentence, period.start, period.end)
    rest = fold(sentence[start : period.start] + " " + sentence[period.end : end])
    return _FRAMING_WORDS_RE.fullmatch(rest) is not None


def _same_range(a: ParsedQuantity, b: ParsedQuantity) -> bool:
    return a.range_role is not None and b.range_role is not None and abs(a.start - b.start) < 40


def _date_readings(sentence: str, period: PeriodMention, legal: bool) -> list[_Reading]:
    """Years and day numbers of a period no figure uses: dates, not quantities."""
    readings = []
    for start, end, part in period.parts:
        raw = sentence[start:end]
        kind = "legal_reference" if legal else ("year" if part == "year" else "date_day")
        readings.append(_Reading(start, end, float(re.match(r"\d+", raw).group()), None, kind))
        readings[-1].period = period
    return readings


def _to_mention(sentence: str, page: int, previous: str, r: _Reading) -> NumericMention:
    clause = clause_bounds(sentence, r.start, r.end)
    period = r.period
    return NumericMention(
        page=page,
        source_kind="text",
        raw_text=sentence[r.start : r.end],
        value=r.value,
        unit=r.unit,
        qualifier=r.qualifier,
        period_start=period.period_start if period else None,
        period_end=period.period_end if period else None,
        period_text=period.text if period else None,
        open_ended=period.open_ended if period else False,
        range_role=r.range_role,
        non_fact_kind=r.kind,
        sentence=sentence,
        number_start=r.start,
        number_end=r.end,
        clause_start=clause[0],
        clause_end=clause[1],
        previous_sentence=previous,
    )


def mentions_on_page(page: PageModel, exclude: Sequence[BBox] = ()) -> list[NumericMention]:
    """Every numeric mention of a page's prose, with its bbox.

    Text inside `exclude` (tables and charts, read elsewhere) and the running header are
    dropped; the footer page number, footnote calls and footnote bodies are kept and read,
    with non-facts marked in `non_fact_kind`.
    """
    prose = read_prose(page, exclude)
    if prose is None:
        return []
    mentions = [_page_number_mention(page.number, line) for line in prose.page_numbers]
    for text in (prose.body, prose.footnotes):
        for mention, offset in _mentions(text.text, page.number, text.calls):
            start, end = offset + mention.number_start, offset + mention.number_end
            mentions.append(replace(mention, bbox=text.bbox(start, end)))
    return mentions


def _page_number_mention(page: int, line: PageNumberLine) -> NumericMention:
    text = line.text.text
    lead = len(text) - len(text.lstrip())
    return NumericMention(
        page=page,
        source_kind="text",
        raw_text=text[line.start : line.end],
        value=float(text[line.start : line.end]),
        unit=None,
        qualifier="exact",
        period_start=None,
        period_end=None,
        period_text=None,
        open_ended=False,
        range_role=None,
        non_fact_kind="page_number",
        sentence=text.strip(),
        number_start=line.start - lead,
        number_end=line.end - lead,
        clause_start=0,
        clause_end=len(text.strip()),
        bbox=line.text.bbox(line.start, line.end),
    )
