"""Labels of a chart: the page model's words merged into the phrases a reader sees.

Words, shapes and colours come from the page model (`extract.pdf`); a chart label is
often several words ("Prévision 2023", "4,8 M€"), so words of one line set closer than a
wide space are merged into one `Phrase`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from statistics import median

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
            if word.x0 - run[-1].x1 <= _PHRASE_GAP_EM * max(word.size, run[-1].size):
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
