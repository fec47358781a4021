"""The shipped reconstruction's wording, taken from its content module (not copied).

The shipped report holds few references that look like figures, so its corpus renderings
add a section of distractors, written for the corpus: law and article numbers, dates,
a duration, page and recommendation numbers, and figures about subjects the vocabulary
does not know. None of them is a fact of the ledger.
"""

from __future__ import annotations

from scripts import reconstruction_content as content
from scripts.generalisation.document import Document

DISTRACTORS: list[tuple] = [
    ("h2", "Le cadre de l’enquête"),
    (
        "p",
        "L’enquête s’inscrit dans le cadre de la loi n°~2016-1321 du 7~octobre~2016, dont "
        "l’article~9 régit l’ouverture des données, et du décret n°~2019-1088 du "
        "25~octobre~2019. Les administrations ont disposé d’un délai de deux mois pour "
        "répondre aux observations notifiées le 4~mars~2024 (voir la page~12 et la "
        "recommandation n°~2).",
    ),
    (
        "p",
        "D’autres administrations conduisent leurs propres projets. En 2023, le ministère des "
        "armées a consacré 1,2~Md€ de crédits de paiement à ses systèmes d’information, et "
        "la région Bretagne comptait 3~400 utilisateurs actifs de son intranet.",
    ),
]

DOCUMENT = Document(
    name="reconstruction",
    blocks=[block for page in content.PAGES for block in page] + DISTRACTORS,
    footnotes=dict(content.FOOTNOTES),
    title=content.TITLE,
)
