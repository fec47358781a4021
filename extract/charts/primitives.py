"""Labels of a chart: the page model's words merged into the phrases a reader sees.

Words, shapes and colours come from the page model (`extract.pdf`); a chart label is
often several words ("Prévision 2023", "4,8 M€"), so words of one line set closer than a
wide space are merged into one `Phrase`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import replace
from statistics import median
from typing import Any

from extract.pdf.shapes import Shape
from extract.pdf.words import Word, group_lines

# A phrase is a word, or neighbouring words of one line that read as one label.
Phrase = Word

# Words on one line whose gap is at most this many font sizes belong to one label: a
# space is 0.25-0.32 em in the usual fonts, while two distinct labels set that close
# would be unreadable.
_PHRASE_GAP_EM = 0.45
# Pieces of text closer than this share of the font size touch: no space between them.
_TOUCH_EM = 0.1
# Glyphs of one word overlapping by more than this share of their size belong to
# labels drawn over each other (long category names in a narrow chart): kerning moves
# glyphs by a tenth of an em at most.
_OVERLAP_EM = 0.3
# A glyph whose text matrix turns it by more than this (its sine) is set at an angle.
_SLANT = 0.05
# Glyphs whose text directions differ by less than this (degrees) are turned alike.
_TURN_STEP_DEG = 2.0
# Glyphs of one turned line stand on one baseline, to within this share of their size.
_BASELINE_EM = 0.3
# A path vertex this close (points) to its box's edge lies on it; a segment whose ends
# differ by less than this along x or y runs parallel to the other axis.
_ON_EDGE = 0.5


def merge(words: Sequence[Phrase]) -> Phrase:
    """One phrase from words of one line, in reading order."""
    ordered = sorted(words, key=lambda w: w.x0)
    text = ordered[0].text
    for prev, word in zip(ordered, ordered[1:], strict=False):
        # Pieces that touch are one word split by a font change, not two words.
        touching = word.x0 - prev.x1 <= _TOUCH_EM * word.size
        text += ("" if touching else " ") + word.text
    return Phrase(
        text,
        min(w.x0 for w in ordered),
        min(w.top for w in ordered),
        max(w.x1 for w in ordered),
        max(w.bottom for w in ordered),
        max(w.size for w in ordered),
        ordered[0].fontname,
        ordered[0].baseline,
    )


def phrases(words: Iterable[Phrase]) -> list[Phrase]:
    """Words merged into labels: neighbours on a line closer than a wide space."""
    result: list[Phrase] = []
    for line in group_lines(words):
        run = [line[0]]
        for word in line[1:]:
            gap = word.x0 - run[-1].x1
            size = max(word.size, run[-1].size)
            # Words drawn over each other are two labels, not one read left to right.
            if -_OVERLAP_EM * size <= gap <= _PHRASE_GAP_EM * size:
                run.append(word)
            else:
                result.append(merge(run))
                run = [word]
        result.append(merge(run))
    return result


def font_size(words: Sequence[Phrase], default: float = 10.0) -> float:
    """Typical font size of some text (a chart's labels); thresholds are scaled by it."""
    return median(w.size for w in words) if words else default


def as_rect(shape: Shape) -> Shape:
    """A closed path that outlines its own bounding box, as the rect it draws.

    Some producers (LibreOffice, SVG converters) draw a bar as a path of straight
    segments, often with extra vertices along its edges, rather than as a rect; read as a
    rect it is a bar like any other. A path is a rect when it is closed, every segment
    runs along x or y, and every vertex lies on its box's edge (an L or a step has a
    vertex inside its box).
    """
    if shape.kind != "curve" or not shape.is_closed():
        return shape
    pts = shape.pts
    for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
        if abs(ax - bx) > _ON_EDGE and abs(ay - by) > _ON_EDGE:
            return shape  # a slanted segment: a polygon, a pie slice, an arrow
    for x, y in pts:
        on_side = min(abs(x - shape.x0), abs(x - shape.x1)) <= _ON_EDGE
        on_floor = min(abs(y - shape.top), abs(y - shape.bottom)) <= _ON_EDGE
        if not (on_side or on_floor):
            return shape
    return replace(shape, kind="rect")


def untangle(words: Sequence[Phrase], chars: Sequence[dict[str, Any]]) -> list[Phrase]:
    """Words whose glyphs overlap, split back into the strings the producer drew.

    Labels too long for their slot overlap their neighbours; read left to right their
    glyphs interleave ("TchaWp ebconférence"). Each label is still written in one piece,
    so the page's chars in drawing order give them back: a label ends where the next
    glyph does not follow on the right.
    """
    glyphs = [c for c in chars if not c["text"].isspace()]
    owners = _owners(words, glyphs)
    held: dict[int, list[dict[str, Any]]] = {}
    for char, owner in zip(glyphs, owners, strict=True):
        if owner is not None:
            held.setdefault(id(owner), []).append(char)
    tangled = {id(w) for w in words if _tangled(held.get(id(w), []), w.size)}
    if not tangled:
        return list(words)
    pool = [c for c, o in zip(glyphs, owners, strict=True) if o is not None and id(o) in tangled]
    # A label's glyphs follow one another to the right, across its word spaces.
    runs: list[list[dict[str, Any]]] = []
    for char in pool:
        prev = runs[-1][-1] if runs else None
        if prev is not None and (
            abs(char["top"] - prev["top"]) <= _OVERLAP_EM * prev["size"]
            and -_OVERLAP_EM * prev["size"]
            <= char["x0"] - prev["x1"]
            <= _PHRASE_GAP_EM * prev["size"]
        ):
            runs[-1].append(char)
        else:
            runs.append([char])
    rebuilt = [merge([_glyph(c) for c in run]) for run in runs]
    return [w for w in words if id(w) not in tangled] + rebuilt


def holding(words: Sequence[Phrase], chars: Sequence[dict[str, Any]]) -> list[Phrase]:
    """The words holding at least one of the glyphs (its centre in the word's box)."""
    owners = {id(o) for o in _owners(words, chars) if o is not None}
    return [w for w in words if id(w) in owners]


def _owners(words: Sequence[Phrase], chars: Sequence[dict[str, Any]]) -> list[Phrase | None]:
    """The word holding each glyph's centre, or None; words indexed by the rows of
    points they cover, so that a page of text is matched in one pass."""
    rows: dict[int, list[Phrase]] = {}
    for word in words:
        for row in range(int(word.top), int(word.bottom) + 1):
            rows.setdefault(row, []).append(word)
    owners: list[Phrase | None] = []
    for char in chars:
        xc, yc = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        owners.append(
            next(
                (
                    w
                    for w in rows.get(int(yc), ())
                    if w.x0 <= xc <= w.x1 and w.top <= yc <= w.bottom
                ),
                None,
            )
        )
    return owners


def _tangled(chars: Sequence[dict[str, Any]], size: float) -> bool:
    """Whether glyphs read left to right overlap more than kerning moves them."""
    ordered = sorted(chars, key=lambda c: c["x0"])
    pairs = zip(ordered, ordered[1:], strict=False)
    return any(b["x0"] < a["x1"] - _OVERLAP_EM * size for a, b in pairs)


def _glyph(char: dict[str, Any]) -> Phrase:
    return Phrase(
        char["text"],
        char["x0"],
        char["top"],
        char["x1"],
        char["bottom"],
        char["size"],
        char["fontname"],
    )


def is_slanted(char: dict[str, Any]) -> bool:
    """Whether a glyph is set at an angle (a rotated category label, an axis title)."""
    matrix = char.get("matrix") or (1, 0, 0, 1, 0, 0)
    return abs(matrix[1]) > _SLANT or abs(matrix[2]) > _SLANT


def slanted_labels(chars: Sequence[dict[str, Any]]) -> list[Phrase]:
    """Labels set at an angle, each placed where it meets its axis.

    Long category names are turned by 45 or 90 degrees, each hanging from its bar's
    position by the end nearest the axis: its topmost glyph. A label is read from the
    glyphs' geometry, not from the order they were drawn in (producers draw glyphs one
    by one, in any order): glyphs turned alike and sharing a baseline are ordered along
    the text direction their matrix gives, and cut where a gap wider than a word space
    opens. A label is given the box of its top glyph across, and its whole height down,
    so that it is matched to a category like a label set flat under it.
    """
    turns: dict[int, list[dict[str, Any]]] = {}
    for char in chars:
        a, b = char["matrix"][:2]
        turns.setdefault(round(math.degrees(math.atan2(b, a)) / _TURN_STEP_DEG), []).append(char)
    labels = []
    for group in turns.values():
        a, b = group[0]["matrix"][:2]
        norm = math.hypot(a, b)
        along, across = (a / norm, b / norm), (-b / norm, a / norm)
        for line in _baselines(group, across):
            for run in _runs_along(line, along):
                label = _slanted_phrase(run)
                if label is not None:
                    labels.append(label)
    return labels


def _origin(char: dict[str, Any], direction: tuple[float, float]) -> float:
    """Where a glyph starts, projected on a direction (in PDF space, y upwards)."""
    e, f = char["matrix"][4:6]
    return e * direction[0] + f * direction[1]


def _baselines(
    chars: Sequence[dict[str, Any]], across: tuple[float, float]
) -> list[list[dict[str, Any]]]:
    """Glyphs turned alike grouped by the baseline they stand on."""
    lines: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: _origin(c, across)):
        if lines and (
            _origin(char, across) - _origin(lines[-1][-1], across)
            <= _BASELINE_EM * _glyph_size(char)
        ):
            lines[-1].append(char)
        else:
            lines.append([char])
    return lines


def _runs_along(
    line: Sequence[dict[str, Any]], along: tuple[float, float]
) -> list[list[dict[str, Any]]]:
    """A baseline's glyphs in text order, cut at gaps wider than a word space."""
    runs: list[list[dict[str, Any]]] = []
    end = None
    for char in sorted(line, key=lambda c: _origin(c, along)):
        start = _origin(char, along)
        if runs and end is not None and start - end <= _PHRASE_GAP_EM * _glyph_size(char):
            runs[-1].append(char)
        else:
            runs.append([char])
        end = start + _advance(char)
    return runs


def _advance(char: dict[str, Any]) -> float:
    """How far a glyph moves the pen, in page units: its advance in text space scaled by
    the glyph's matrix (the glyph's size across when the producer gives no advance)."""
    a, b = char["matrix"][:2]
    advance = char.get("adv")
    return advance * math.hypot(a, b) if advance else _glyph_size(char)


def _slanted_phrase(run: Sequence[dict[str, Any]]) -> Phrase | None:
    text = " ".join("".join(c["text"] for c in run).split())
    if not text:
        return None
    head = min(run, key=lambda c: c["top"])
    return Phrase(
        text,
        head["x0"],
        head["top"],
        head["x1"],
        max(c["bottom"] for c in run),
        max(_glyph_size(c) for c in run),
        head["fontname"],
        upright=False,
    )


def _glyph_size(char: dict[str, Any]) -> float:
    """A turned glyph's font size: its box across the writing direction (pdfplumber's
    size of a turned glyph is its advance)."""
    return max(char["x1"] - char["x0"], char["bottom"] - char["top"])
