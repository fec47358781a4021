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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from extract.pdf import PageModel
from extract.records import BBox, NumericMention
from extract.text.numbers import ParsedQuantity, find_quantities, fold
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

# Page layout, as fractions of the page height or of the body font size.
HEADER_MARGIN = 0.07  # running headers live in the top band
FOOTER_MARGIN = 0.06  # page numbers and running footers live in the bottom band
SUPERSCRIPT_RATIO = 0.8  # a footnote call is set at most this size relative to its line
FOOTNOTE_RATIO = 0.92  # footnote bodies are set smaller than the body text
HEADING_RATIO = 1.15  # headings are set larger than the body text (or in bold)
PARAGRAPH_GAP = 0.7  # a vertical gap above this, in body sizes, starts a paragraph
WORD_GAP = 0.2  # a horizontal gap above this, in char sizes, is a space

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

_HEADING_RE = re.compile(
    r"^(?:(?i:chapitre|partie|titre|annexe|section)\s+(?P<kw>\d{1,2}|[IVXLC]{1,6})\b"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?(?=\s)"
    r"|(?P<plain>\d{1,2}|[IVXLC]{1,6}|[A-Z])(?:[.)]|\s+[-–—])(?=\s+[\"«“A-ZÀ-ÖØ-Þ]))"
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:[-–]\s*)?(?:(?i:page)\s+)?(?P<n>\d{1,4})(?:\s*/\s*\d{1,4})?(?:\s*[-–])?\s*$"
)
# A contents entry: a heading, optional dotted leaders, the page it starts on.
_CONTENTS_ENTRY_RE = re.compile(r"^(?P<title>.*[^\d\s.])(?:\s*\.{2,})?\s+(?P<n>\d{1,4})\s*$")
# A contents page lists at least this many entries, pages never going back.
CONTENTS_MIN_ENTRIES = 3
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
    rest = text[pos:].lstrip(" \u00a0\u202f")
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
    for start, end in _sentence_spans(text, calls):
        sentence = re.sub(r"[\n\r\t]", " ", text[start:end])
        local_calls = [(s - start, e - start) for s, e in calls if start <= s < end]
        found.extend((m, start) for m in _sentence_mentions(sentence, page, previous, local_calls))
        previous = sentence
    return found


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
    sentence: str, page: int, previous: str, calls: Sequence[tuple[int, int]]
) -> list[NumericMention]:
    # Footnote calls read as blanks, so that "en 2023⁷" still names a year; offsets hold.
    text = "".join(" " if any(s <= i < e for s, e in calls) else c for i, c in enumerate(sentence))
    folded = fold(text)
    periods = find_periods(text)
    legal = {id(p) for p in periods if _LEGAL_DATE_RE.search(folded[: p.start])}
    heading = _HEADING_RE.match(text)
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
            reading.period = _period_for(text, quantity, facts, candidates)
            if reading.period is not None:
                used.add(id(reading.period))
        readings.append(reading)
    for start, end in calls:
        readings.append(_Reading(start, end, float(sentence[start:end]), None, "footnote_call"))
    for period in periods:
        if id(period) not in used:
            readings.extend(_date_readings(sentence, period, id(period) in legal))
    readings.sort(key=lambda r: r.start)
    return [_to_mention(sentence, page, previous, r) for r in readings]


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
    a sentence with a single distinct period gives it to all its numbers.
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
    distinct = {(p.period_start, p.period_end, p.open_ended): p for p in reversed(periods)}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


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


# ----------------------------------------------------------------------------------------
# Page layout: from pdfplumber chars to prose text with a char -> PDF char map.

Char = dict[str, Any]


@dataclass
class _Line:
    chars: list[Char]
    calls: set[int] = field(default_factory=set)  # ids of chars that are footnote calls

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c["bottom"] for c in self.chars)

    @property
    def size(self) -> float:
        sizes = Counter(round(c["size"], 1) for c in self.chars if id(c) not in self.calls)
        return sizes.most_common(1)[0][0] if sizes else 0.0

    @property
    def bold(self) -> bool:
        return all("bold" in c["fontname"].lower() for c in self.chars if id(c) not in self.calls)


@dataclass
class _Text:
    """Text built from chars, with the source char of each text position (None: a space)."""

    text: str = ""
    chars: list[Char | None] = field(default_factory=list)
    calls: list[tuple[int, int]] = field(default_factory=list)

    def add(self, piece: str, char: Char | None = None) -> None:
        self.text += piece
        self.chars.extend([char] * len(piece))

    def bbox(self, start: int, end: int) -> BBox | None:
        chars = [c for c in self.chars[start:end] if c is not None]
        if not chars:
            return None
        return (
            min(c["x0"] for c in chars),
            min(c["top"] for c in chars),
            max(c["x1"] for c in chars),
            max(c["bottom"] for c in chars),
        )


def mentions_on_page(page: PageModel, exclude: Sequence[BBox] = ()) -> list[NumericMention]:
    """Every numeric mention of a page's prose, with its bbox.

    Text inside `exclude` (tables and charts, read elsewhere) and the running header are
    dropped; the footer page number, footnote calls and footnote bodies are kept and read,
    with non-facts marked in `non_fact_kind`.
    """
    chars = [c for c in page.chars if c.get("upright", True) and not _inside(c, exclude)]
    if not chars:
        return []
    body_size = Counter(round(c["size"], 1) for c in chars if c["text"].strip()).most_common(1)
    body = body_size[0][0] if body_size else chars[0]["size"]
    lines = _lines(chars, body)
    header_limit = page.height * HEADER_MARGIN
    footer_limit = page.height * (1 - FOOTER_MARGIN)
    mentions: list[NumericMention] = []
    content: list[_Line] = []
    for line in lines:
        margin = line.bottom <= header_limit or line.top >= footer_limit
        if margin and _PAGE_NUMBER_RE.match(_line_text(line).text):
            mentions.append(_page_number_mention(page.number, _line_text(line)))
        elif not margin or (line.top >= footer_limit and line.size < FOOTNOTE_RATIO * body):
            content.append(line)
    contents = _contents_entries(content, page.page_count)
    mentions.extend(
        _page_number_mention(page.number, text, _CONTENTS_ENTRY_RE) for text in contents.values()
    )
    content = [line for line in content if id(line) not in contents]
    body_lines, footnote_lines = _split_footnotes(content, body)
    for text in (_paragraphs(body_lines, body), _footnotes(footnote_lines)):
        for mention, offset in _mentions(text.text, page.number, text.calls):
            start, end = offset + mention.number_start, offset + mention.number_end
            mentions.append(replace(mention, bbox=text.bbox(start, end)))
    return mentions


def _contents_entries(lines: list[_Line], page_count: int) -> dict[int, _Text]:
    """Lines of a table of contents (their text, by line id): headings each ending with the
    page it starts on.

    Page numbers of a contents page never go back and never pass the document's length,
    which tells them apart from prose lines that happen to end with a year or a figure.
    """
    entries: dict[int, _Text] = {}
    pages = []
    for line in lines:
        text = _line_text(line)
        match = _CONTENTS_ENTRY_RE.match(text.text)
        if match and 1 <= int(match["n"]) <= page_count:
            entries[id(line)] = text
            pages.append(int(match["n"]))
    if len(entries) < CONTENTS_MIN_ENTRIES or pages != sorted(pages):
        return {}
    return entries


def _inside(char: Char, boxes: Sequence[BBox]) -> bool:
    cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _lines(chars: list[Char], body: float) -> list[_Line]:
    """Chars grouped by baseline; raised small digits join the line they are called from."""
    rows: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: (c["bottom"], c["x0"])):
        if rows and abs(char["bottom"] - rows[-1][-1]["bottom"]) <= 0.2 * body:
            rows[-1].append(char)
        else:
            rows.append([char])
    lines = [_Line(row) for row in rows]
    # Geometry is read once: a page has thousands of chars and every line is a candidate.
    shapes = [(line, line.top, line.bottom, line.size) for line in lines]
    for line, _, bottom, _ in shapes:
        if not any(c["text"].strip() for c in line.chars):
            continue
        size = max(c["size"] for c in line.chars)
        host = next(
            (
                other
                for other, other_top, other_bottom, other_size in shapes
                if other is not line
                and other.chars
                and size <= SUPERSCRIPT_RATIO * other_size
                and other_bottom - 0.15 * other_size > bottom > other_top
                and _touching(line, other, other_size)
            ),
            None,
        )
        if host is not None:
            host.chars.extend(line.chars)
            host.calls.update(id(c) for c in line.chars if c["text"].isdigit())
            line.chars = []
    kept = [line for line in lines if line.chars]
    for line in kept:
        line.chars.sort(key=lambda c: c["x0"])
    return sorted(kept, key=lambda ln: ln.top)


def _touching(superscript: _Line, host: _Line, host_size: float) -> bool:
    """Set right after a word of the host line (or right before one)."""
    return any(
        abs(c["x0"] - h["x1"]) <= 0.5 * host_size or abs(h["x0"] - c["x1"]) <= 0.5 * host_size
        for c in superscript.chars
        for h in host.chars
    )


def _line_text(line: _Line, into: _Text | None = None) -> _Text:
    text = into if into is not None else _Text()
    previous: Char | None = None
    pending_space = False
    for char in line.chars:
        if not char["text"].strip():
            pending_space = previous is not None
            continue
        gap = char["x0"] - previous["x1"] if previous else 0.0
        if previous is not None and (pending_space or gap > WORD_GAP * char["size"]):
            text.add(" ")
        if id(char) in line.calls:
            if text.calls and text.calls[-1][1] == len(text.text):
                text.calls[-1] = (text.calls[-1][0], len(text.text) + len(char["text"]))
            else:
                text.calls.append((len(text.text), len(text.text) + len(char["text"])))
        text.add(char["text"], char)
        previous, pending_space = char, False
    return text


def _page_number_mention(
    page: int, line: _Text, pattern: re.Pattern[str] = _PAGE_NUMBER_RE
) -> NumericMention:
    match = pattern.match(line.text)
    start, end = match.span("n")
    return NumericMention(
        page=page,
        source_kind="text",
        raw_text=match["n"],
        value=float(match["n"]),
        unit=None,
        qualifier="exact",
        period_start=None,
        period_end=None,
        period_text=None,
        open_ended=False,
        range_role=None,
        non_fact_kind="page_number",
        sentence=line.text.strip(),
        number_start=start - (len(line.text) - len(line.text.lstrip())),
        number_end=end - (len(line.text) - len(line.text.lstrip())),
        clause_start=0,
        clause_end=len(line.text.strip()),
        bbox=line.bbox(start, end),
    )


def _split_footnotes(lines: list[_Line], body: float) -> tuple[list[_Line], list[_Line]]:
    """Body lines, then footnote lines: the small-type run at the bottom of the page that
    starts with a footnote number."""
    first_small = len(lines)
    while first_small > 0 and lines[first_small - 1].size < FOOTNOTE_RATIO * body:
        first_small -= 1
    for i in range(first_small, len(lines)):
        if _footnote_number(lines[i]) is not None:
            return lines[:i], lines[i:]
    return lines, []


def _footnote_number(line: _Line) -> int | None:
    match = re.match(r"\s*(\d{1,3})(?=[\s.)]|[^\W\d])", _line_text(line).text)
    return int(match.group(1)) if match else None


def _paragraphs(lines: list[_Line], body: float) -> _Text:
    text = _Text()
    previous: _Line | None = None
    for line in lines:
        if previous is not None:
            if _new_paragraph(previous, line, body):
                text.add("\n\n")
            elif text.text.endswith("-") and text.text[-2:-1].isalpha() and _starts_lower(line):
                text.text = text.text[:-1]  # a word hyphenated across lines
                text.chars.pop()
            else:
                text.add(" ")
        _line_text(line, text)
        previous = line
    return text


def _starts_lower(line: _Line) -> bool:
    first = next((c["text"] for c in line.chars if c["text"].strip()), "")
    return first[:1].islower()


def _is_heading(line: _Line, body: float) -> bool:
    return line.size > HEADING_RATIO * body or line.bold


def _new_paragraph(previous: _Line, line: _Line, body: float) -> bool:
    if line.top - previous.bottom > PARAGRAPH_GAP * body:
        return True
    if _is_heading(previous, body) != _is_heading(line, body):
        return True
    previous_text = _line_text(previous).text.rstrip()
    return bool(_HEADING_RE.match(_line_text(line).text)) and previous_text.endswith(
        (".", ":", ";", "!", "?", "»")
    )


def _footnotes(lines: list[_Line]) -> _Text:
    """Footnote bodies, one paragraph each; each one's leading number is its call."""
    text = _Text()
    expected: int | None = None
    for line in lines:
        number = _footnote_number(line)
        starts_note = number is not None and (expected is None or number == expected)
        if text.text:
            text.add("\n\n" if starts_note else " ")
        start = len(text.text)
        _line_text(line, text)
        if starts_note:
            expected = number + 1
            digits = len(str(number))
            begin = start + len(text.text[start:]) - len(text.text[start:].lstrip())
            if not any(s == begin for s, _ in text.calls):
                text.calls.append((begin, begin + digits))
    text.calls.sort()
    return text
