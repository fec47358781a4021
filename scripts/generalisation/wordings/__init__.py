"""The wordings of the corpus, by name; each states the 69 ledger facts."""

from __future__ import annotations

from scripts.generalisation.document import Document
from scripts.generalisation.wordings import (
    figures,
    heldout,
    reconstruction,
    references,
    tabular,
)

WORDINGS: dict[str, Document] = {
    document.name: document
    for document in (
        reconstruction.DOCUMENT,
        figures.DOCUMENT,
        references.DOCUMENT,
        tabular.DOCUMENT,
        heldout.DOCUMENT,
    )
}
