"""Table-finding view of a page: text lines cut into chunks, beside the page's rules.

Words, lines, rules and the body em come from the page model (`extract.pdf`); this module
adds what only tables need: chunks (the unit that fills a cell) and the boxes of drawn
paths that are not rules. All distances that decide something are relative to the page's
body em, so that the same rules hold for a 7 pt table and a 12 pt one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extract.pdf import PageModel
from extract.pdf.margins import EDGE_SHARE, PAGE_NUMBER_RE
from extract.pdf.rules import RULE_MAX_THICKNESS_EM, Rule
from extract.pdf.words import Word, group_lines
from extract.text.numbers import SIGN_QUALIFIERS, SPACES

# Words of one line closer than this (x font size) belong to the same chunk of text. A space
# is ~0.25-0.3 em and justification stretches it to ~0.7 em; table columns are set further
# apart than that, or separated by a rule (chunks are also cut at vertical rules).
CHUNK_GAP = 0.8
# Justified prose stretches every space of a line by the same amount, however long the words
# around it: a narrow column or a paragraph beside a chart stretches spaces past CHUNK_GAP.
# Words separated by at least this many wide gaps all equal within JUSTIFIED_TOL (x font
# size; justification is exact, rounding moves glyphs by far less, and a table's column gaps
# only match that closely by accident), around words of very different widths (a table's
# equal gaps come from equal-width cells), all different (a table repeats its sub-headers),
# that read as words (letters, not figures), are prose: one chunk.
JUSTIFIED_MIN_GAPS = 3
JUSTIFIED_TOL = 0.05
# Figures of adjacent cells set closer than CHUNK_GAP (narrow columns, right-aligned figures)
# still part where a new figure starts after a complete one ("> 13 > 25,5", "53 % 52,8 %")
# across a gap wider than a word space (x font size): one cell holds one figure.
FIGURE_SPLIT_GAP = 0.5

# A table typed as text draws its rules with glyphs: a line made only of runs of dashes,
# equals signs or underscores at least this long (x font size) is a horizontal rule.
TEXT_RULE_MIN_EM = 3.0
_TEXT_RULE = re.compile(r"^[-=_\u2010-\u2015\u2500\u2501\u2550]{3,}$")
# Leader dots join a label to its figures across the gap that separates two cells.
LEADERS = re.compile(r"(?:\.\s?){4,}|…{2,}|_{4,}")
# A word of three dots or more standing alone after a label is a leader too (an ellipsis
# ends a word instead).
_LEADER_WORD = re.compile(r"\.{3,}|…+|_{4,}")

# A sign before a figure qualifies it ("≈ 54 %", "< 10", "> 3"): still a figure.
_SIGNS = re.escape("".join(SIGN_QUALIFIERS))
_NUMERIC = re.compile(
    rf"^[{SPACES}(+\-–−{_SIGNS}]*[\d{SPACES}.,']*\d[\d{SPACES}.,']*"
    rf"(?:[{SPACES}]*(?:%|€|k€|M€|Md€))?\)?[*a-z]?$",
    re.IGNORECASE,
)


class _WordRun:
    """Bounds of a run of words (a chunk, a line)."""

    words: list[Word]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)


@dataclass
class Chunk(_WordRun):
    """Words of one text line set close together: the unit that fills a cell."""

    words: list[Word]
    # Columns (first, last) the grid builder settled for this chunk from its context (a
    # header centred over sub-headers); None: from its own extent.
    cols: tuple[int, int] | None = None

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class TextLine(_WordRun):
    words: list[Word] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.chunks)


@dataclass
class PageLayout:
    number: int
    width: float
    height: float
    font_size: float
    words: list[Word]
    lines: list[TextLine]
    hrules: list[Rule]
    vrules: list[Rule]
    # Boxes of drawn paths that are not rules: chart series, pies, arrows.
    graphics: list[tuple[float, float, float, float]] = field(default_factory=list)


def is_numeric(text: str) -> bool:
    """A figure as printed in tables: 1 234,5 / 12.3% / (45) / -0.2 / 3.1* / ≈ 54 % / 9,3 M€."""
    return bool(_NUMERIC.match(text.strip())) if text.strip() else False


def read_layout(page: PageModel) -> PageLayout:
    """Text lines in chunks, rules and graphics of a page, for table finding."""
    font = page.em
    thin = RULE_MAX_THICKNESS_EM * font
    graphics = [
        s.bbox
        for s in page.shapes
        if s.kind == "curve" and min(s.width, s.height) > thin and max(s.width, s.height) > 2 * font
    ]
    folio = _page_number_line(page.lines, page.height)
    typed = [line for line in page.lines if _typed_rule(line, font)]
    # The page number at the foot and the lines that draw rules with glyphs are not text.
    dropped = {id(w) for line in [folio, *typed] for w in line}
    hrules = sorted(
        page.hrules + [Rule("h", (w.top + w.bottom) / 2, w.x0, w.x1) for ln in typed for w in ln],
        key=lambda r: (r.pos, r.start),
    )
    return PageLayout(
        page.number,
        page.width,
        page.height,
        font,
        [w for w in page.words if id(w) not in dropped],
        # The page model's lines are cut at column gutters: two columns of prose side by
        # side are not the two columns of a table.
        chunked_lines(
            [ln for ln in page.lines if not any(id(w) in dropped for w in ln)], page.vrules, font
        ),
        hrules,
        page.vrules,
        graphics,
    )


def _page_number_line(lines: list[list[Word]], height: float) -> list[Word]:
    """The page's last line when it is a page number set near the foot, or nothing: a table
    set down to the page's foot would read it as a row."""
    if not lines:
        return []
    last = max(lines, key=lambda line: min(w.top for w in line))
    text = " ".join(w.text for w in last)
    near_foot = min(w.top for w in last) > (1 - EDGE_SHARE) * height
    return last if near_foot and PAGE_NUMBER_RE.match(text) else []


def _typed_rule(line: Sequence[Word], font: float) -> bool:
    """A text line that only draws a rule (dashes, equals signs, underscores)."""
    return bool(line) and all(
        _TEXT_RULE.match(w.text) and w.x1 - w.x0 >= TEXT_RULE_MIN_EM * font for w in line
    )


def is_leader(text: str) -> bool:
    """Leader dots: the glyphs that lead the eye from a label to its figures."""
    text = text.strip()
    return bool(_LEADER_WORD.fullmatch(text) or LEADERS.fullmatch(text))


def text_lines(words: list[Word], vrules: list[Rule], font: float) -> list[TextLine]:
    """Words grouped into text lines, each cut into chunks (never across a vertical rule)."""
    return chunked_lines(group_lines(words), vrules, font)


def chunked_lines(
    lines: Sequence[Sequence[Word]], vrules: list[Rule], font: float
) -> list[TextLine]:
    """Text lines (words sorted left to right) cut into chunks, never across a vertical rule."""
    text = [TextLine(list(line)) for line in lines]
    for line in text:
        line.chunks = make_chunks(line.words, vrules, font)
    return text


def justified_space(words: list[Word], font: float) -> float | None:
    """The stretched space of a justified prose line (words sorted by x), else None."""
    if len(words) <= JUSTIFIED_MIN_GAPS:
        return None
    gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:], strict=False)]
    wide = sorted(g for g in gaps if g > CHUNK_GAP * font)
    if len(wide) < JUSTIFIED_MIN_GAPS:
        return None
    space = wide[len(wide) // 2]
    tol = JUSTIFIED_TOL * font
    stretched = [i for i, g in enumerate(gaps) if abs(g - space) <= tol]
    # Other gaps are tighter (unstretched no-break spaces inside a number) or much wider (a chart
    # or a column beside the paragraph); the stretched spaces must be most of the line's.
    if len(stretched) < JUSTIFIED_MIN_GAPS or len(stretched) < 0.6 * len(gaps):
        return None
    around = {j for i in stretched for j in (i, i + 1)}
    widths = [words[j].x1 - words[j].x0 for j in around]
    texts = [words[j].text for j in around]
    lettered = sum(1 for t in texts if any(ch.isalpha() for ch in t))
    if (
        max(widths) < 2 * min(widths)
        or lettered < 0.6 * len(texts)
        or len(set(texts)) < 0.8 * len(texts)
    ):
        return None
    return space


def make_chunks(words: list[Word], vrules: list[Rule], font: float) -> list[Chunk]:
    """Join words of one line (sorted by x) into chunks; never across a vertical rule."""
    chunks: list[Chunk] = []
    space = justified_space(words, font)
    tol = JUSTIFIED_TOL * font
    for word in words:
        if chunks:
            prev = chunks[-1].words[-1]
            gap = word.x0 - prev.x1
            mid = (word.top + word.bottom) / 2
            crosses_rule = any(
                prev.x1 - 1 <= r.pos <= word.x0 + 1 and r.start <= mid <= r.end for r in vrules
            )
            stretched = space is not None and abs(gap - space) <= tol
            new_figure = gap > FIGURE_SPLIT_GAP * font and _starts_another_figure(prev, word)
            # Leaders belong to the label they follow, and end its chunk: what comes after
            # them is the next cell.
            led = is_leader(prev.text)
            close = gap <= CHUNK_GAP * max(font, prev.size) or stretched or is_leader(word.text)
            if close and not (crosses_rule or led or new_figure):
                chunks[-1].words.append(word)
                continue
        chunks.append(Chunk([word]))
    return chunks


def _starts_another_figure(prev: Word, word: Word) -> bool:
    """Does `word` open a figure after `prev` closed one (a sign, or a figure after a %)?"""
    closed = prev.text[-1:].isdigit() or prev.text.endswith("%")
    if word.text[:1] in SIGN_QUALIFIERS and word.text[1:2] in ("", *"0123456789"):
        return closed
    return prev.text.endswith("%") and word.text[:1].isdigit()
