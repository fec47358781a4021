"""The page's margins: the bands where running headers, footers and page numbers live."""

from __future__ import annotations

import re

# Running headers sit in this share of the page height at the top, page numbers and
# running footers in this share at the bottom: house styles keep body text out of both.
HEADER_SHARE = 0.07
FOOTER_SHARE = 0.06
# Producers may set the page number outside those bands: alone on the page's last (or
# first) line, within this share of the page's height from its edge.
EDGE_SHARE = 0.2
PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:[-–]\s*)?(?:(?i:page)\s+)?(?P<n>\d{1,4})(?:\s*/\s*\d{1,4})?(?:\s*[-–])?\s*$"
)


def in_header(bottom: float, page_height: float) -> bool:
    """Whether something ending at `bottom` lies in the running-header band."""
    return bottom <= HEADER_SHARE * page_height


def in_footer(top: float, page_height: float) -> bool:
    """Whether something starting at `top` lies in the running-footer band."""
    return top >= (1 - FOOTER_SHARE) * page_height
