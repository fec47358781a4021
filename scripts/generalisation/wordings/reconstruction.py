"""The shipped reconstruction's wording, taken from its content module (not copied)."""

from __future__ import annotations

from scripts import reconstruction_content as content
from scripts.generalisation.document import Document

DOCUMENT = Document(
    name="reconstruction",
    blocks=[block for page in content.PAGES for block in page],
    footnotes=dict(content.FOOTNOTES),
    title=content.TITLE,
)
