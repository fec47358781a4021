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
from extract.pdf.captions import ANY_CAPTION_RE, SOURCE_RE
from extract.pdf.prose import HEADING_RE, PageNumberLine, PageProse, ProseText, read_prose
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

# Chars within this share of the body size are set in the body type.
BODY_SIZE_TOLERANCE = 0.05

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
    return [m for m, _ in _mentions(text, page, ())[0]]


@dataclass(frozen=True)
class PeriodContext:
    """The periods a sentence may take up from the sentences read before it."""

    # The last period named: "la même année", "alors" in a later sentence take it up.
    last: PeriodMention | None = None
    # The period of the title or introduction the lines of a list or box follow.
    framing: PeriodMention | None = None


def _mentions(
    text: str,
    page: int,
    calls: Sequence[tuple[int, int]],
    previous: str = "",
    lead: str = "",
    context: PeriodContext = PeriodContext(),
) -> tuple[list[tuple[NumericMention, int]], PeriodContext]:
    """Mentions with the offset in `text` of the sentence each one was read in, and the
    periods the text leaves to the sentences after it.

    `previous` is the sentence before the text and `lead` the text before it, when the text
    is the end of a page's prose or the sentence a page break cut; `context` holds the
    periods named before it.
    """
    found: list[tuple[NumericMention, int]] = []
    last_period, framing = context.last, context.framing
    readable = _readable(text, calls)
    spans = _sentence_spans(text, calls)
    for (start, end), before in zip(spans, _sentences_before(text, spans, previous), strict=True):
        sentence = _one_line(text[start:end])
        if _is_heading(text, start, end):
            # A new section: what the text before it named is no longer "the same year".
            last_period = None
        local_calls = [(s - start, e - start) for s, e in calls if start <= s < end]
        preceding = _paragraphs_text(lead + readable[:start])
        # The lines after an introduction are its items even when their bullets are
        # drawn, not printed (an HTML list).
        item = _LIST_ITEM_RE.match(sentence) is not None or before.rstrip().endswith(":")
        mentions, periods = _sentence_mentions(
            sentence, page, before, local_calls, last_period, framing if item else None
        )
        found.extend((replace(m, preceding_text=preceding), start) for m in mentions)
        resolved = [p for p in periods if p.resolved]
        last_period = resolved[-1] if resolved else last_period
        framing = _framing_period(sentence, resolved) or (
            framing if item and not resolved else None
        )
    return found, PeriodContext(last_period, framing)


def _is_heading(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a section title: a numbered heading, or a paragraph of its
    own with no end mark."""
    sentence = text[start:end]
    if HEADING_RE.match(sentence):
        return True
    starts_paragraph = _PARAGRAPH_START_RE.search(text[:start]) is not None
    ends_paragraph = _PARAGRAPH_END_RE.match(text[end:]) is not None
    return starts_paragraph and ends_paragraph and not _MARKED_END_RE.search(sentence)


_PARAGRAPH_START_RE = re.compile(r"(?:^|\n[ \t]*\n)\s*$")
_PARAGRAPH_END_RE = re.compile(r"\s*$|[ \t]*\n[ \t]*\n")
_MARKED_END_RE = re.compile(r"[.!?…:;][\s\d" + re.escape(_CLOSERS) + r"]*$")


def _one_line(text: str) -> str:
    return re.sub(r"[\n\r\t]", " ", text)


def _sentences_before(text: str, spans: list[tuple[int, int]], previous: str) -> list[str]:
    """The sentence each span follows: the one before it, or, for the items of a list (each
    ending with ";" but the last), the introduction they follow (ending with ":")."""
    befores = []
    introduction = previous if previous.rstrip().endswith(":") else None
    for start, end in spans:
        befores.append(introduction if introduction is not None else previous)
        previous = _one_line(text[start:end])
        ending = previous.rstrip()[-1:]
        if ending == ":":
            introduction = previous
        elif ending != ";":
            introduction = None
    return befores


def _readable(text: str, calls: Sequence[tuple[int, int]]) -> str:
    """Footnote calls read as blanks, so that a name followed by its call is still a word."""
    return "".join(" " if any(s <= i < e for s, e in calls) else c for i, c in enumerate(text))


# A line of a list or box: a dash or bullet, or a label of a few words and a colon before
# its figure ("Coût total : 15 M€."); a longer stretch before a colon is a sentence's own
# clause ("Les offres privées servent de repère : elles coûtent ...").
# A bullet drawn from a symbol font (Symbol, Wingdings) reads as a private-use character.
_LIST_ITEM_RE = re.compile(
    r"\s*(?:[–—•·▪*\ue000-\uf8ff-]\s|[^\W\d]+(?:[\s'’-]+[^\W\d]+){0,4}\s?:\s)"
)
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
    text = _readable(sentence, calls)
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
# "Au 31 décembre 2023, en outre,", "Au titre de 2022,", "Au cours de 2021,". A verb or a
# noun there ("Créé en 2018,") makes the period that clause's own.
_FRAMING_WORDS_RE = re.compile(
    r"(?:\s|\bau\s+(?:titre|cours)\b"
    r"|\b(?:en|au|aux|à|dès|sur|pour|courant|du|de|la|le|l'|et|mais|puis|ainsi|enfin"
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
    """Every numeric mention of one page's prose, with its bbox (see `ProseReader`)."""
    reader = ProseReader()
    return [*reader.read_page(page, exclude), *reader.finish()]


@dataclass(frozen=True)
class _Unfinished:
    """The last sentence of a page when the page ends before it does."""

    text: ProseText
    previous: str  # the sentence before it
    lead: str  # the page's prose before it


class ProseReader:
    """The prose of a document, read page after page, as numeric mentions.

    Text inside `exclude` (tables and charts, read elsewhere) and the running header are
    dropped; the footer page number, footnote calls and footnote bodies are kept and read,
    with non-facts marked in `non_fact_kind`.

    A sentence cut by a page break is read whole: the last sentence of a page that ends
    without its full stop waits for the next page, and joins its first line when that line
    runs on (starts in lower case). Each number keeps the page it is printed on. The last
    period named, and the period a list's introduction gives its items, carry over to the
    next page ("La même année, ..." at its top) until a section title, and the first
    sentence of a page follows the last one of the page before: a box or a list cut by a
    page break keeps its title or introduction. Call `finish()` after the last page (or a
    skipped one) for a sentence still waiting.
    """

    def __init__(self) -> None:
        self._unfinished: _Unfinished | None = None
        self._context = PeriodContext()
        self._last_sentence = ""  # the last sentence of the page before, when it ended there

    def read_page(self, page: PageModel, exclude: Sequence[BBox] = ()) -> list[NumericMention]:
        return self.read_page_prose(read_prose(page, exclude), page.number, page.em)

    def read_page_prose(
        self, prose: PageProse | None, page_number: int, em: float
    ) -> list[NumericMention]:
        """`read_page` on the prose `read_prose` laid out of the next page.

        The layout needs the page alone and can run in another process; this step, which
        needs the pages before, runs in page order.
        """
        waiting = self._unfinished
        mentions: list[NumericMention] = []
        body = prose.body if prose is not None else ProseText()
        previous, lead = self._last_sentence, ""
        context = self._context
        if waiting is not None and _runs_on(waiting.text, body, em):
            # A list item left on the page before ends there; a sentence runs on.
            item = waiting.text.text.rstrip().endswith((":", ";"))
            body = waiting.text.then(body.part(_leading_space(body.text)), "\n\n" if item else " ")
            previous, lead = waiting.previous, waiting.lead
        elif waiting is not None:
            read, context = _read(
                waiting.text, page_number, waiting.previous, waiting.lead, context
            )
            mentions += read
            previous = _one_line(waiting.text.text).strip()
        if prose is not None:
            mentions += [_page_number_mention(page_number, line) for line in prose.page_numbers]
        unfinished = _unfinished_tail(body)
        if unfinished is not None:
            start, before = unfinished
            read, context = _read(body.part(0, start), page_number, previous, lead, context)
            mentions += read
            before_it = lead + _readable(body.text[:start], body.calls)
            unfinished = _Unfinished(body.part(start), before or previous, before_it)
        else:
            read, context = _read(body, page_number, previous, lead, context)
            mentions += read
        if prose is not None:
            # Footnotes name periods of their own: the body's next sentence does not see them.
            mentions += _read(prose.footnotes, page_number)[0]
        # Set last: a page stopped half-way (over its time limit) leaves the reader as it was.
        self._unfinished, self._context = unfinished, context
        self._last_sentence = _last_sentence(body) if unfinished is None else ""
        return mentions

    def finish(self) -> list[NumericMention]:
        """The mentions of a sentence still waiting for its end, read as it stands.

        The periods named so far are forgotten: a skipped page may have named others.
        """
        waiting, self._unfinished = self._unfinished, None
        context, self._context = self._context, PeriodContext()
        self._last_sentence = ""
        if waiting is None:
            return []
        page = waiting.text.page_at(0) or 0
        return _read(waiting.text, page, waiting.previous, waiting.lead, context)[0]


def _read(
    text: ProseText,
    page: int,
    previous: str = "",
    lead: str = "",
    context: PeriodContext = PeriodContext(),
) -> tuple[list[NumericMention], PeriodContext]:
    """Mentions of a prose text, each with its box and the page its number is printed on,
    and the periods it leaves to the text after it."""
    mentions = []
    found, context = _mentions(text.text, page, text.calls, previous, lead, context)
    for mention, offset in found:
        start, end = offset + mention.number_start, offset + mention.number_end
        printed_on = text.page_at(start) or page
        mentions.append(replace(mention, page=printed_on, bbox=text.bbox(start, end)))
    return mentions, context


def _last_sentence(text: ProseText) -> str:
    spans = _sentence_spans(text.text, text.calls)
    return _one_line(text.text[spans[-1][0] : spans[-1][1]]) if spans else ""


def _leading_space(text: str) -> int:
    return len(text) - len(text.lstrip())


def _runs_on(unfinished: ProseText, page_text: ProseText, em: float) -> bool:
    """Whether a page's prose starts by finishing the sentence the page before left.

    It does when its first word is in lower case. A name or a figure may start the rest of
    a sentence too ("... par AgentConnect et / Resana quelque 12 %"): when the sentence left
    stops on a word in lower case (an article, a preposition, "et") or on a comma (a period
    framing what follows: "De juin 2021 à décembre 2023, / Osmose a représenté ...") and the
    page starts with body text in the same type, not a heading, a caption or a source line.
    """
    text = page_text.text.lstrip()
    if text[:1].islower():
        return True
    last_word = re.search(r"(\w+)\W*$", unfinished.text)
    on_comma = unfinished.text.rstrip().endswith(",")
    if not on_comma and (last_word is None or not last_word[1].islower()):
        return False
    first_line = text.split("\n", 1)[0]
    if text[:1].isdigit():
        # A figure may finish it too ("... environ / 3 millions."), when what starts the page
        # is a sentence's end, not a chart's or a table's labels.
        spans = _sentence_spans(text, ())
        if not spans or not _ends_sentence(text[: spans[0][1]]):
            return False
    elif not text[:1].isupper():
        return False
    return (
        not any(pattern.match(first_line) for pattern in (HEADING_RE, ANY_CAPTION_RE, SOURCE_RE))
        and _body_type(unfinished, em)
        and _body_type(page_text.part(0, len(first_line) + _leading_space(page_text.text)), em)
    )


def _body_type(text: ProseText, em: float) -> bool:
    """Set in the page's body size, neither bold nor smaller nor larger."""
    in_call = {i for start, end in text.calls for i in range(start, end)}
    chars = [
        c
        for i, c in enumerate(text.chars)
        if c is not None and c["text"].strip() and i not in in_call
    ]
    return bool(chars) and all(
        abs(c["size"] - em) <= BODY_SIZE_TOLERANCE * em and "bold" not in c["fontname"].lower()
        for c in chars
    )


def _unfinished_tail(text: ProseText) -> tuple[int, str] | None:
    """(start, sentence before it) of the last sentence when it has no end mark yet."""
    spans = _sentence_spans(text.text, text.calls)
    if not spans:
        return None
    start, end = spans[-1]
    if "\n\n" in text.text[end:] or _ends_sentence(text.text[start:end]):
        return None
    return start, _sentences_before(text.text, spans, "")[-1]


def _ends_sentence(sentence: str) -> bool:
    """Ends with its full stop; a list's introduction or item (":", ";") runs on."""
    return bool(re.search(r"[.!?…][\s" + re.escape(_CLOSERS) + r"\d]*$", sentence))


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
