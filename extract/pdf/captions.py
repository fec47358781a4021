"""The lines that announce and close a figure or a table: captions and source lines.

In French public reports a table or chart is announced by a numbered caption above it
("Tableau n° 3 : ...", "Graphique n° 12 : ...") and closed by a "Source : ..." line below.
"""

from __future__ import annotations

import re

# "Figure 3.9: title" numbers by chapter; "Figure 3.9 shows that..." is prose, not a caption.
# Some house styles set the label in capitals: "GRAPHIQUE N° 3 : ...".
CHART_CAPTION_RE = re.compile(
    r"^(?P<label>Graphique|GRAPHIQUE|Figure|FIGURE|Sch[ée]ma|SCH[ÉE]MA)\s*(?:[nN]\s*[°o]\s*)?"
    r"(?P<number>\d+)(?:\.\d+)*+\s*(?:[:.\u2013\u2014-]\s*(?P<title>.*))?$"
)
TABLE_CAPTION_RE = re.compile(
    r"^\s*(?:Tableau|Table|Tab\.)\s*(?:n\s*[°º o]\s*|no\.?\s*|N°\s*)?(\d+)\b", re.IGNORECASE
)
# Any numbered caption, of a figure, a table, a map or a box: it closes what is above it.
ANY_CAPTION_RE = re.compile(
    r"^(?:Graphique|Figure|Sch[ée]ma|Tableau|Carte|Encadr[ée]|"
    r"GRAPHIQUE|FIGURE|SCH[ÉE]MA|TABLEAU|CARTE|ENCADR[ÉE])\s*(?:[nN]\s*[°o]\s*)?\d+\b"
)
SOURCE_RE = re.compile(r"^\s*Sources?\s*:", re.IGNORECASE)
