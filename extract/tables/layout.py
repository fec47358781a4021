"""Page layout primitives for table finding: words, text lines, chunks and ruling lines.

Everything is read from pdfplumber's objects (chars/words, lines, rects, curves) and put in
pdfplumber's frame (x0, top, x1, bottom; origin top-left). All distances that decide
something are expressed relative to the page's body font size, so that the same rules hold
for a 7 pt table and a 12 pt one.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from pdfplumber.page import Page

# A rule (ruling line) is a drawn object much thinner than text: a rect or line at most this
# fraction of the body font size thick. Shading (cell backgrounds) is at least a text line
# tall, so it never passes; hairlines drawn as 0.5 pt filled rects do.
RULE_MAX_THICKNESS = 0.35
# Segments on the same axis closer than this (x font size) are one rule: PDF producers draw a
# rule as several abutting pieces, or as the two edges of a thin rect.
RULE_JOIN = 0.3
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

_NUMERIC = re.compile(r"^[\s(+\-–−]*[\d\s.,' ]*\d[\d\s.,' ]*%?\)?[*a-z]?$", re.IGNORECASE)


@dataclass(frozen=True)
class Word:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float


@dataclass(frozen=True)
class Rule:
    """A horizontal ('h': at y=pos from start to end in x) or vertical ('v') ruling line."""

    orient: str
    pos: float
    start: float
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


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
    """A figure as printed in tables: 1 234,5 / 12.3% / (45) / -0.2 / 3.1*."""
    return bool(_NUMERIC.match(text.strip())) if text.strip() else False


def read_layout(page: Page) -> PageLayout:
    """Words, text lines and ruling lines of one pdfplumber page."""
    sizes = [c["size"] for c in page.chars if c["text"].strip()]
    font = statistics.median(sizes) if sizes else 10.0
    raw = page.extract_words(
        x_tolerance_ratio=0.15,  # split words at gaps wider than ~half a space
        y_tolerance=font * 0.3,
        keep_blank_chars=False,
        use_text_flow=False,
        extra_attrs=["size"],
    )
    words = [
        Word(w["x0"], w["x1"], w["top"], w["bottom"], w["text"], w["size"])
        for w in raw
        if w["x1"] > w["x0"] and w["bottom"] > w["top"]
    ]
    hrules, vrules = _rules(page, font)
    lines = group_lines(words)
    for line in lines:
        line.chunks = make_chunks(line.words, vrules, font)
    thin = RULE_MAX_THICKNESS * font
    graphics = [
        (c["x0"], c["top"], c["x1"], c["bottom"])
        for c in page.curves
        if min(c["x1"] - c["x0"], c["bottom"] - c["top"]) > thin
        and max(c["x1"] - c["x0"], c["bottom"] - c["top"]) > 2 * font
    ]
    return PageLayout(
        page.page_number,
        float(page.width),
        float(page.height),
        font,
        words,
        lines,
        hrules,
        vrules,
        graphics,
    )


def group_lines(words: list[Word]) -> list[TextLine]:
    """Words whose vertical extents overlap by half the smaller height form one line."""
    lines: list[TextLine] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        height = word.bottom - word.top
        target = None
        # Only recent lines can overlap a word met in top order.
        for line in reversed(lines[-4:]):
            overlap = min(line.bottom, word.bottom) - max(line.top, word.top)
            if overlap >= 0.5 * min(height, line.bottom - line.top):
                target = line
                break
        if target is None:
            lines.append(TextLine([word]))
        else:
            target.words.append(word)
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    lines.sort(key=lambda ln: ln.top)
    return lines


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
            if (gap <= CHUNK_GAP * max(font, prev.size) or stretched) and not crosses_rule:
                chunks[-1].words.append(word)
                continue
        chunks.append(Chunk([word]))
    return chunks


def _is_white(color: object) -> bool:
    if isinstance(color, (list, tuple)):
        values = [v for v in color if isinstance(v, (int, float))]
        if len(values) == 1:
            return values[0] >= 0.95
        if len(values) == 3:
            return min(values) >= 0.95
        if len(values) == 4:  # CMYK
            return max(values) <= 0.05
    return False


def _rules(page: Page, font: float) -> tuple[list[Rule], list[Rule]]:
    thin = RULE_MAX_THICKNESS * font
    hsegs: list[Rule] = []
    vsegs: list[Rule] = []

    def add(x0: float, top: float, x1: float, bottom: float) -> None:
        if bottom - top <= thin and x1 - x0 > thin:
            hsegs.append(Rule("h", (top + bottom) / 2, x0, x1))
        elif x1 - x0 <= thin and bottom - top > thin:
            vsegs.append(Rule("v", (x0 + x1) / 2, top, bottom))

    for obj in page.lines:
        if not _is_white(obj.get("stroking_color")):
            add(obj["x0"], obj["top"], obj["x1"], obj["bottom"])
    for obj in page.rects:
        x0, top, x1, bottom = obj["x0"], obj["top"], obj["x1"], obj["bottom"]
        if min(x1 - x0, bottom - top) <= thin:
            # A filled or stroked hairline rect: a rule, unless painted white.
            color = obj.get("non_stroking_color") if obj.get("fill") else obj.get("stroking_color")
            if not _is_white(color):
                add(x0, top, x1, bottom)
        elif obj.get("stroke") and not _is_white(obj.get("stroking_color")):
            # A stroked box: its four edges are rules. Fill-only boxes are shading and give
            # no edges (shaded cells must not create columns).
            add(x0, top, x1, top)
            add(x0, bottom, x1, bottom)
            add(x0, top, x0, bottom)
            add(x1, top, x1, bottom)
    for obj in page.curves:
        # Curves made of straight axis-parallel strokes are rules drawn as paths.
        if obj.get("stroke") or obj.get("fill"):
            add(obj["x0"], obj["top"], obj["x1"], obj["bottom"])
    join = RULE_JOIN * font
    return _merge(hsegs, join), _merge(vsegs, join)


def _merge(segs: list[Rule], join: float) -> list[Rule]:
    """Merge collinear segments that touch or overlap (within `join`)."""
    # Cluster by position first, then merge overlapping intervals inside each cluster.
    clusters: list[list[Rule]] = []
    for seg in sorted(segs, key=lambda s: s.pos):
        if clusters and seg.pos - clusters[-1][-1].pos <= join:
            clusters[-1].append(seg)
        else:
            clusters.append([seg])
    merged: list[Rule] = []
    for cluster in clusters:
        pos = statistics.fmean(s.pos for s in cluster)
        start = end = None
        for seg in sorted(cluster, key=lambda s: s.start):
            if start is not None and seg.start <= end + join:
                end = max(end, seg.end)
                continue
            if start is not None:
                merged.append(Rule(seg.orient, pos, start, end))
            start, end = seg.start, seg.end
        merged.append(Rule(cluster[0].orient, pos, start, end))
    return merged
