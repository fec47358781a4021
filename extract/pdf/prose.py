"""Prose of a page: chars laid out into lines, paragraphs and footnotes.

From the page model's chars to plain text that sentences can be cut from, keeping for
every text position the char it came from (so a number found in the text gets its box).
Superscript digits join the line they are called from as footnote calls; the running
header and footer are set apart, their page number kept; a table of contents is read as
headings with page numbers; footnote bodies come after the body text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from pdfplumber.utils import objects_to_bbox

from extract.pdf.captions import ANY_CAPTION_RE, SOURCE_RE
from extract.pdf.columns import column_id, find_column_blocks, reading_key
from extract.pdf.geometry import centre_in_any, overlaps
from extract.pdf.margins import EDGE_SHARE, PAGE_NUMBER_RE, in_footer, in_header
from extract.pdf.page import Char, PageModel
from extract.pdf.words import Word, group_lines
from extract.records import BBox

# Type sizes and gaps, relative to the body em.
# A footnote call is set at most this size relative to its line: word processors set a
# superscript at 0.58 to 0.65 of the text, browsers at 0.83 ("smaller").
SUPERSCRIPT_RATIO = 0.86
FOOTNOTE_RATIO = 0.92  # footnote bodies are set smaller than the body text
HEADING_RATIO = 1.15  # headings are set larger than the body text (or in bold)
PARAGRAPH_GAP = 0.7  # a vertical gap above this, in body sizes, starts a paragraph
# So does a gap this many body sizes over the page's usual gap between the lines of a
# paragraph: word processors may set paragraphs half a line apart in tight leading.
PARAGRAPH_EXTRA = 0.3
# The usual gap is measured on at least this many pairs of lines.
MIN_LINE_PAIRS = 5
# A line ending with ":" or ";" this many body sizes short of its column's edge is a
# list's introduction or item; lines sharing this share of its width are its column.
LIST_SHORT_EM = 2.0
LIST_OVERLAP = 0.5
# What opens a list item, followed by a space.
LIST_MARKERS = "•·▪◦‣–—-*"
# A hyphenation point: printed as a hyphen only where a line breaks the word.
SOFT_HYPHEN = "\u00ad"
SIZE_CHANGE = 0.9  # lines whose sizes differ more than this ratio are not one paragraph
WORD_GAP = 0.2  # a horizontal gap above this, in char sizes, is a space
# Chars of one line share their baseline to within this share of the body em. Prose groups
# chars by baseline rather than by overlap (`words.group_lines`): a raised footnote call
# overlaps its host line, and must stay apart to be told from the text it is called from.
BASELINE_TOLERANCE = 0.2
# A footnote call stands at least this share of its host's size above the host's baseline,
# and within this share of it from the word it is called from.
CALL_RAISE = 0.15
CALL_REACH = 0.5

# A heading's marker: "Chapitre II", "2.3", "A." before a capitalised title.
HEADING_RE = re.compile(
    r"^(?:(?i:chapitre|partie|titre|annexe|section)\s+(?P<kw>\d{1,2}|[IVXLC]{1,6})\b"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?(?=\s)"
    r"|(?P<plain>\d{1,2}|[IVXLC]{1,6}|[A-Z])(?:[.)]|\s+[-–—])(?=\s+[\"«“A-ZÀ-ÖØ-Þ]))"
)

# A contents entry: a heading, optional dotted leaders, the page it starts on.
_CONTENTS_ENTRY_RE = re.compile(r"^(?P<title>.*[^\d\s.])(?:\s*\.{2,})?\s+(?P<n>\d{1,4})\s*$")
# A footnote set apart from the page's foot: its number, then a capitalised word.
_NOTE_START_RE = re.compile(r"^\s*\d{1,3}\s*[A-ZÀ-ÖØ-Þ«\"“(]")
# The page number may stand alone on the last line, or on the first one this many body
# sizes apart from the text, within EDGE_SHARE of the page's height from its edge.
APART_EM = 1.0
# A contents page lists at least this many entries, pages never going back.
CONTENTS_MIN_ENTRIES = 3


@dataclass
class _Line:
    """A line of chars. Its measures are read many times once it is built, and computed
    once: a line's chars must not change after the first one is read."""

    chars: list[Char]
    calls: set[int] = field(default_factory=set)  # ids of chars that are footnote calls

    @cached_property
    def top(self) -> float:
        return min(c["top"] for c in self.chars)

    @cached_property
    def bottom(self) -> float:
        return max(c["bottom"] for c in self.chars)

    @cached_property
    def size(self) -> float:
        sizes = Counter(round(c["size"], 1) for c in self.chars if id(c) not in self.calls)
        return sizes.most_common(1)[0][0] if sizes else 0.0

    @cached_property
    def bold(self) -> bool:
        return all("bold" in c["fontname"].lower() for c in self.chars if id(c) not in self.calls)

    @cached_property
    def plain(self) -> str:
        """The line's text (`_line_text`), for tests on what it says."""
        return _line_text(self).text


@dataclass
class ProseText:
    """Text built from chars, with the source char of each text position (None: a space).

    `calls` are the spans of footnote calls: raised digits, read as blanks by sentences.
    """

    text: str = ""
    chars: list[Char | None] = field(default_factory=list)
    calls: list[tuple[int, int]] = field(default_factory=list)

    def add(self, piece: str, char: Char | None = None) -> None:
        self.text += piece
        self.chars.extend([char] * len(piece))

    def bbox(self, start: int, end: int) -> BBox | None:
        """The box of the chars printing text[start:end]; None when they are all spaces."""
        chars = [c for c in self.chars[start:end] if c is not None]
        return objects_to_bbox(chars) if chars else None

    def page_at(self, position: int) -> int | None:
        """The page number of the char printing text[position] (None: a space)."""
        char = self.chars[position] if 0 <= position < len(self.chars) else None
        return char.get("page_number") if char is not None else None

    def part(self, start: int, end: int | None = None) -> ProseText:
        """text[start:end] with its chars and the calls inside it."""
        end = len(self.text) if end is None else end
        return ProseText(
            self.text[start:end],
            self.chars[start:end],
            [(s - start, e - start) for s, e in self.calls if start <= s and e <= end],
        )

    def then(self, other: ProseText, separator: str = " ") -> ProseText:
        """This text, the separator, then the other one."""
        shift = len(self.text) + len(separator)
        return ProseText(
            self.text + separator + other.text,
            [*self.chars, *[None] * len(separator), *other.chars],
            [*self.calls, *[(s + shift, e + shift) for s, e in other.calls]],
        )


def _contents_entries(lines: list[_Line], page_count: int) -> dict[int, ProseText]:
    """Lines of a table of contents (their text, by line id): headings each ending with the
    page it starts on.

    Page numbers of a contents page never go back and never pass the document's length,
    which tells them apart from prose lines that happen to end with a year or a figure.
    """
    entries: dict[int, ProseText] = {}
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


def _lines(chars: list[Char], body: float) -> list[_Line]:
    """Chars grouped by baseline; raised small digits join the line they are called from."""
    rows: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: (c["bottom"], c["x0"])):
        if rows and abs(char["bottom"] - rows[-1][-1]["bottom"]) <= BASELINE_TOLERANCE * body:
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
                and other_bottom - CALL_RAISE * other_size > bottom > other_top
                and _touching(line, other, other_size)
            ),
            None,
        )
        if host is not None:
            host.chars.extend(line.chars)
            host.calls.update(id(c) for c in line.chars if c["text"].isdigit())
            line.chars = []
    # Fresh lines: their measures were read before the calls joined them.
    kept = [
        _Line(sorted(line.chars, key=lambda c: c["x0"]), line.calls) for line in lines if line.chars
    ]
    return sorted(kept, key=lambda ln: ln.top)


def _touching(superscript: _Line, host: _Line, host_size: float) -> bool:
    """Set right after a word of the host line (or right before one)."""
    return any(
        abs(c["x0"] - h["x1"]) <= CALL_REACH * host_size
        or abs(h["x0"] - c["x1"]) <= CALL_REACH * host_size
        for c in superscript.chars
        for h in host.chars
    )


def _line_text(line: _Line, into: ProseText | None = None) -> ProseText:
    text = into if into is not None else ProseText()
    # Built in lists and joined once: a page has thousands of chars.
    pieces: list[str] = []
    sources: list[Char | None] = []
    length = len(text.text)
    previous: Char | None = None
    pending_space = False
    for index, char in enumerate(line.chars):
        if char["text"] == SOFT_HYPHEN and index < len(line.chars) - 1:
            continue  # a hyphenation point inside a line prints nothing
        if not char["text"].strip():
            pending_space = previous is not None
            continue
        gap = char["x0"] - previous["x1"] if previous else 0.0
        if previous is not None and (pending_space or gap > WORD_GAP * char["size"]):
            pieces.append(" ")
            sources.append(None)
            length += 1
        piece = char["text"]
        if id(char) in line.calls:
            if text.calls and text.calls[-1][1] == length:
                text.calls[-1] = (text.calls[-1][0], length + len(piece))
            else:
                text.calls.append((length, length + len(piece)))
        pieces.append(piece)
        sources.extend([char] * len(piece))
        length += len(piece)
        previous, pending_space = char, False
    text.text += "".join(pieces)
    text.chars.extend(sources)
    return text


def _split_footnotes(lines: list[_Line], body: float) -> tuple[list[_Line], list[_Line]]:
    """Body lines, then footnote lines.

    Footnotes are the small-type run at the bottom of the page that starts with a footnote
    number, and any other run of small type whose first line starts with a number and a
    capital ("3 Direction interministérielle..."): producers that flow notes with the text
    set them at the end of a section or of a column, not only at the page's foot.
    """
    first_small = len(lines)
    while first_small > 0 and lines[first_small - 1].size < FOOTNOTE_RATIO * body:
        first_small -= 1
    tail = next(
        (i for i in range(first_small, len(lines)) if _footnote_number(lines[i]) is not None),
        len(lines),
    )
    text_lines, notes = [], []
    in_note = False
    for line in lines[:tail]:
        small = line.size < FOOTNOTE_RATIO * body
        in_note = small and (in_note or bool(_NOTE_START_RE.match(line.plain)))
        (notes if in_note else text_lines).append(line)
    return text_lines, notes + lines[tail:]


def _footnote_number(line: _Line) -> int | None:
    match = re.match(r"\s*(\d{1,3})(?=[\s.)]|[^\W\d])", line.plain)
    return int(match.group(1)) if match else None


def _paragraphs(lines: list[_Line], body: float) -> ProseText:
    text = ProseText()
    previous: _Line | None = None
    gap = _paragraph_gap(lines, body)
    for line in lines:
        if previous is not None:
            if _new_paragraph(previous, line, body, gap) or _ends_list_line(previous, lines, body):
                text.add("\n\n")
            elif text.text.endswith(SOFT_HYPHEN) or (
                text.text.endswith("-") and text.text[-2:-1].isalpha() and _starts_lower(line)
            ):
                text.text = text.text[:-1]  # a word hyphenated across lines
                text.chars.pop()
            else:
                text.add(" ")
        _line_text(line, text)
        previous = line
    return text


def _ends_list_line(line: _Line, lines: list[_Line], body: float) -> bool:
    """Whether a line is an introduction or an item of a list, set on a line of its own.

    It ends with a colon or a semicolon and stops short of its column's right edge (the
    widest line over it): prose wrapped after a semicolon fills its line.
    """
    if not line.plain.rstrip().endswith((":", ";")):
        return False
    x0, x1 = _x_span(line)
    overlapping = [_x_span(other) for other in lines]
    right = max(b for a, b in overlapping if min(b, x1) - max(a, x0) > LIST_OVERLAP * (x1 - x0))
    return x1 < right - LIST_SHORT_EM * body


def _x_span(line: _Line) -> tuple[float, float]:
    """Where the line's ink starts and ends: word processors pad a line with spaces."""
    printed = [c for c in line.chars if c["text"].strip()] or line.chars
    return min(c["x0"] for c in printed), max(c["x1"] for c in printed)


def _starts_lower(line: _Line) -> bool:
    return _first_letter(line).islower()


def _starts_upper(line: _Line) -> bool:
    return _first_letter(line).isupper() or _first_letter(line) in '«"“–—-•'


def _starts_item(line: _Line) -> bool:
    """Whether the line opens with a list marker: a bullet or dash then a space, or a
    bullet drawn from a symbol font (Symbol, OpenSymbol, Wingdings: a private-use char)."""
    text = _line_text(line).text.lstrip()
    return bool(text) and (
        "\ue000" <= text[0] <= "\uf8ff" or (text[0] in LIST_MARKERS and text[1:2].isspace())
    )


def _first_letter(line: _Line) -> str:
    return next((c["text"] for c in line.chars if c["text"].strip()), "")[:1]


def _is_heading(line: _Line, body: float) -> bool:
    return line.size > HEADING_RATIO * body or line.bold


def _paragraph_gap(lines: list[_Line], body: float) -> float:
    """The vertical gap over which a line starts a paragraph on this page."""
    gaps = sorted(
        line.top - previous.bottom
        for previous, line in zip(lines, lines[1:], strict=False)
        # lines of one size, the second under the first (not at the top of the next column)
        if line.top > previous.bottom
        and min(line.size, previous.size) >= SIZE_CHANGE * max(line.size, previous.size)
    )
    if len(gaps) < MIN_LINE_PAIRS:
        return PARAGRAPH_GAP * body
    return min(PARAGRAPH_GAP * body, gaps[len(gaps) // 2] + PARAGRAPH_EXTRA * body)


def _new_paragraph(previous: _Line, line: _Line, body: float, gap: float) -> bool:
    if line.top - previous.bottom > gap:
        return True
    if _is_heading(previous, body) != _is_heading(line, body):
        return True
    # A change of type size ends a paragraph: a source line or a note set small is no part
    # of the prose around it, even with no room above or below it.
    sizes = sorted((previous.size, line.size))
    if sizes[0] < SIZE_CHANGE * sizes[1]:
        return True
    if ANY_CAPTION_RE.match(line.plain) or SOURCE_RE.match(line.plain):
        # A caption or a source line is never the rest of a sentence: at the top of the
        # next column, the caption the line before ends could otherwise run on into it.
        return True
    previous_text = previous.plain.rstrip()
    ends_sentence = previous_text.endswith((".", ":", ";", "!", "?", "»"))
    if ends_sentence and _starts_item(line):
        # An item of a list, whatever the length of the line before it.
        return True
    if ends_sentence and line.top < previous.top:
        # The next column (or the top of the same one after a figure): a finished sentence
        # ends its paragraph there, an unfinished one runs on.
        return _starts_upper(line)
    return bool(HEADING_RE.match(line.plain)) and ends_sentence


def _footnotes(lines: list[_Line]) -> ProseText:
    """Footnote bodies, one paragraph each; each one's leading number is its call."""
    text = ProseText()
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


def _set_apart(lines: list[_Line], height: float, body: float) -> set[int]:
    """Ids of the lowest line of the page near its foot, and of the highest one near its
    top when a blank line's height sets it apart: where a producer sets the page number
    outside the usual header and footer bands, it is still the first or the last line."""
    if len(lines) < 2:
        return set()
    by_top = sorted(lines, key=lambda line: line.top)
    apart = set()
    if by_top[-1].top > (1 - EDGE_SHARE) * height:
        apart.add(id(by_top[-1]))
    highest, below = by_top[0], by_top[1]
    if highest.bottom < EDGE_SHARE * height and below.top - highest.bottom > APART_EM * body:
        apart.add(id(highest))
    return apart


@dataclass(frozen=True)
class PageNumberLine:
    """A line that prints a page number: a running footer's, or a contents entry's."""

    text: ProseText
    start: int  # the number's span in text.text
    end: int


@dataclass
class PageProse:
    page_numbers: list[PageNumberLine]
    body: ProseText  # paragraphs separated by blank lines
    footnotes: ProseText  # one paragraph per footnote


def _kept(char: Char, exclude: Sequence[BBox], kept_words: Sequence[Word]) -> bool:
    """Whether a char is prose: outside the excluded regions, or part of a word whose middle
    is outside them (the first letter of a line beside a table that overflows its column)."""
    box = (char["x0"], char["top"], char["x1"], char["bottom"])
    if not centre_in_any(box, exclude):
        return True
    return centre_in_any(box, [w.bbox for w in kept_words if overlaps(w.bbox, box)])


def read_prose(page: PageModel, exclude: Sequence[BBox] = ()) -> PageProse | None:
    """The prose of a page outside `exclude` (tables and charts); None when there is none.

    The running header is dropped; a page number in the header or footer band and the
    page numbers of contents entries are returned apart; footnote bodies set in the
    footer band are kept with the footnotes.
    """
    kept_words = [w for w in page.words if not centre_in_any(w.bbox, exclude)]
    chars = [c for c in page.chars if c.get("upright", True) and _kept(c, exclude, kept_words)]
    if not chars:
        return None
    body = page.em
    # Every band of the page set in columns: a table or chart wider than its column crosses
    # the gutter, and the band above it would be left out, its captions of one column read
    # line by line with the sentences of the other.
    columns = find_column_blocks(group_lines(page.words), body, every_run=True)
    by_column: dict[tuple[int, int], list[Char]] = {}
    for char in chars:
        box = (char["x0"], char["top"], char["x1"], char["bottom"])
        by_column.setdefault(column_id(columns, *box), []).append(char)
    lines = sorted(
        (line for part in by_column.values() for line in _lines(part, body)),
        key=lambda line: reading_key(columns, *objects_to_bbox(line.chars)),
    )
    numbers: list[PageNumberLine] = []
    content: list[_Line] = []
    apart = _set_apart(lines, page.height, body)
    for line in lines:
        footer = in_footer(line.top, page.height)
        # A running header set small may reach a little below the band it starts in.
        header = in_header(line.bottom, page.height) or (
            in_header(line.top, page.height) and line.size < FOOTNOTE_RATIO * body
        )
        margin = footer or header
        # A line set apart at the page's edge is a margin only if it is a page number.
        text = _line_text(line) if margin or id(line) in apart else None
        match = PAGE_NUMBER_RE.match(text.text) if text else None
        if text and match:
            numbers.append(PageNumberLine(text, *match.span("n")))
        elif not margin or (footer and line.size < FOOTNOTE_RATIO * body):
            content.append(line)
    contents = _contents_entries(content, page.page_count)
    for text in contents.values():
        numbers.append(PageNumberLine(text, *_CONTENTS_ENTRY_RE.match(text.text).span("n")))
    content = [line for line in content if id(line) not in contents]
    body_lines, footnote_lines = _split_footnotes(content, body)
    return PageProse(numbers, _paragraphs(body_lines, body), _footnotes(footnote_lines))
