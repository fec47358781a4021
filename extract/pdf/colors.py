"""Colours of painted paths, normalised to RGB, and what reads as paper white."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Color = tuple[float, float, float]

# A component at or above this level is indistinguishable from paper white when printed:
# white boxes behind figures and white separators between bars paint nothing a reader sees.
WHITE_LEVEL = 0.97


def to_rgb(value: Any) -> Color | None:
    """Normalise a pdfplumber colour (gray float, RGB or CMYK sequence) to rounded RGB."""
    if value is None or isinstance(value, str):
        return None
    if isinstance(value, int | float):
        comps: Sequence[float] = (float(value),)
    else:
        try:
            comps = [float(v) for v in value]
        except (TypeError, ValueError):  # pattern colour spaces carry names, not numbers
            return None
    if len(comps) == 1:
        rgb = (comps[0], comps[0], comps[0])
    elif len(comps) == 3:
        rgb = (comps[0], comps[1], comps[2])
    elif len(comps) == 4:
        c, m, y, k = comps
        rgb = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    else:
        return None
    return (round(rgb[0], 3), round(rgb[1], 3), round(rgb[2], 3))


def is_white(color: Color | None) -> bool:
    return color is not None and min(color) >= WHITE_LEVEL
