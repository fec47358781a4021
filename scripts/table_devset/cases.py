"""The cases of the generated set, in French and in English, as blocks a producer lays out.

Each case is one page: prose, captions and tables (with a drawing style), and sometimes a
block that looks like a table and is not one (figures aligned in a list of sentences). The
figures are drawn from a seeded generator, so the set is the same on every build.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from scripts.table_devset.spec import Cell, TableSpec, table_from_rows

LANGUAGES = ("fr", "en")


@dataclass
class TableBlock:
    table: TableSpec
    # "grid": every cell boxed; "booktabs": rules above, under the header and below only;
    # "none": no rule at all; "text": monospaced lines, dash rules and leader dots.
    style: str
    # Share of the text width given to each column.
    widths: list[float]
    caption: str = ""
    # Vertical alignment of body cells: "top", or "middle" (figures centred on a wrapped label).
    valign: str = "top"
    # Horizontal alignment of the cells after the first column: "right", or "center".
    align: str = "right"
    # Body rows set after an extra blank space (groups of rows), still rows of one table.
    spaced_rows: tuple[int, ...] = ()


@dataclass
class NumberedParagraphs:
    """Paragraphs numbered in the margin: figures aligned at the left of prose, no table."""

    paragraphs: list[str]
    first: int = 1


@dataclass
class Case:
    name: str
    blocks: list[TableBlock | NumberedParagraphs | str | list[tuple[str, str]]] = field(
        default_factory=list
    )
    # Gap left between two blocks, in em: two tables close together get less than a line.
    tight: bool = False

    @property
    def tables(self) -> list[TableSpec]:
        return [b.table for b in self.blocks if isinstance(b, TableBlock)]


_TEXT = {
    "fr": {
        "prose": (
            "La direction a conduit sur la période sous revue plusieurs chantiers de "
            "mutualisation, dont les coûts et les résultats sont retracés ci-dessous. Les "
            "montants sont exprimés en euros courants et arrondis au millier le plus proche."
        ),
        "caption": "Tableau {n} : {what}",
        "costs": "coûts des services numériques",
        "staff": "effectifs par programme",
        "usage": "utilisateurs actifs",
        "label": "Intitulé",
        "total": "Total",
        "services": [
            "Messagerie instantanée des agents publics",
            "Service de visioconférence",
            "Plateforme collaborative de partage de documents entre ministères",
            "Fédération d'identité des agents",
            "Hébergement mutualisé",
            "Accompagnement des projets de transformation et formation des équipes",
        ],
        "programmes": ["Programme 129", "Programme 352", "Programme 148", "Programme 218"],
        "budget": ["AE", "CP"],
        "named": [
            "Direction interministérielle du numérique et Mission Etalab",
            "Agence nationale des titres sécurisés",
            "Fonds pour la Transformation de l'Action Publique et Appels à projets",
            "Opérateur des Systèmes d'Information Interministériels Classifiés",
            "Centre Interministériel de Services Informatiques relatifs aux Ressources Humaines",
        ],
        "sections": ["Dépenses de personnel", "Dépenses de fonctionnement", "Investissements"],
        "remarks": [
            "Hausse liée au recrutement de développeurs",
            "Stable",
            "Fin du marché de maintenance au Premier trimestre",
        ],
        "remark": "Observations",
        "spread": "Répartition par année",
        "figures": [
            "agents se sont connectés au moins une fois au service au cours de l'année écoulée",
            "réunions ont été organisées chaque mois en moyenne, soit une hausse sensible",
            "projets ont été accompagnés depuis la création du fonds, pour un coût modéré",
        ],
    },
    "en": {
        "prose": (
            "Over the period under review the directorate led several shared-service "
            "projects, whose costs and results are set out below. Amounts are in current "
            "euros and rounded to the nearest thousand."
        ),
        "caption": "Table {n}: {what}",
        "costs": "costs of the digital services",
        "staff": "staff by programme",
        "usage": "active users",
        "label": "Item",
        "total": "Total",
        "services": [
            "Instant messaging for civil servants",
            "Video conferencing service",
            "Collaborative platform for sharing documents between ministries",
            "Identity federation for public agents",
            "Shared hosting",
            "Support for transformation projects and training of the teams",
        ],
        "programmes": ["Programme 129", "Programme 352", "Programme 148", "Programme 218"],
        "budget": ["Commitments", "Payments"],
        "named": [
            "Interministerial Digital Directorate and Open Data Mission",
            "National Agency for Secure Documents",
            "Public Action Transformation Fund and Calls for Projects",
            "Operator of Classified Interministerial Information Systems",
            "Interministerial Centre for Human Resources Information Services",
        ],
        "sections": ["Staff Expenditure", "Operating Expenditure", "Investment"],
        "remarks": [
            "Increase due to the Recruitment of developers",
            "Stable",
            "End of the Maintenance contract in the First quarter",
        ],
        "remark": "Remarks",
        "spread": "Breakdown by year",
        "figures": [
            "civil servants logged in to the service at least once over the last year",
            "meetings were held every month on average, a marked increase on last year",
            "projects have been supported since the fund was created, at a moderate cost",
        ],
    },
}

YEARS = ["2020", "2021", "2022", "2023"]


def _amount(rng: random.Random, lang: str) -> str:
    value = rng.randint(120, 98000)
    text = f"{value:,}"
    return text.replace(",", "\u00a0" if lang == "fr" else ",")


def _costs(rng: random.Random, lang: str, years: list[str]) -> list[list[str]]:
    words = _TEXT[lang]
    rows = [[words["label"], *years]]
    for service in words["services"]:
        rows.append([service, *(_amount(rng, lang) for _ in years)])
    return rows


def wrapped_cells(lang: str, rng: random.Random) -> Case:
    """Long labels wrapped on two or three lines beside one line of figures."""
    words = _TEXT[lang]
    table = table_from_rows(_costs(rng, lang, YEARS))
    block = TableBlock(
        table,
        "booktabs",
        [0.34, 0.165, 0.165, 0.165, 0.165],
        words["caption"].format(n=1, what=words["costs"]),
    )
    return Case(f"wrapped-{lang}", [words["prose"], block, words["prose"]])


def spanning_header(lang: str, rng: random.Random) -> Case:
    """A two-row header: a label spanning both rows, years spanning their two sub-columns."""
    words = _TEXT[lang]
    cells = [Cell(0, 0, words["label"], row_span=2)]
    for k, year in enumerate(YEARS[1:3]):
        cells.append(Cell(0, 1 + 2 * k, year, col_span=2))
        cells += [Cell(1, 1 + 2 * k + j, words["budget"][j]) for j in range(2)]
    for r, programme in enumerate(words["programmes"], start=2):
        cells.append(Cell(r, 0, programme))
        cells += [Cell(r, c, _amount(rng, lang)) for c in range(1, 5)]
    cells.append(Cell(len(words["programmes"]) + 2, 0, words["total"]))
    cells += [Cell(len(words["programmes"]) + 2, c, _amount(rng, lang)) for c in range(1, 5)]
    style = "grid" if rng.random() < 0.5 else "booktabs"
    block = TableBlock(
        TableSpec(cells, header_rows=2),
        style,
        [0.3, 0.175, 0.175, 0.175, 0.175],
        words["caption"].format(n=2, what=words["staff"]),
    )
    return Case(f"spans-{lang}", [words["prose"], block])


def body_gaps(lang: str, rng: random.Random) -> Case:
    """A table without rules whose body leaves cells empty (services not yet open)."""
    words = _TEXT[lang]
    rows = _costs(rng, lang, YEARS)
    for r in range(1, len(rows)):
        for c in range(1, len(YEARS) + 1):
            if (r + c) % 4 == 0 or (r == 2 and c <= 2):
                rows[r][c] = ""
    rows = [rows[0]] + [
        [row[0].split(" ")[0] + f" {r}", *row[1:]] for r, row in enumerate(rows[1:], 1)
    ]
    block = TableBlock(
        table_from_rows(rows),
        "none",
        [0.28, 0.18, 0.18, 0.18, 0.18],
        words["caption"].format(n=3, what=words["usage"]),
    )
    return Case(f"gaps-{lang}", [words["prose"], block, words["prose"]])


def close_tables(lang: str, rng: random.Random) -> Case:
    """Two tables one under the other with only a short gap and the second caption between."""
    words = _TEXT[lang]
    first = table_from_rows(
        [[words["label"], *YEARS[:3]]]
        + [[p, *(_amount(rng, lang) for _ in range(3))] for p in words["programmes"]]
    )
    second = table_from_rows(
        [[words["label"], *YEARS[2:]]]
        + [
            [s.split(" ")[0], *(_amount(rng, lang) for _ in range(2))]
            for s in words["services"][:4]
        ]
    )
    return Case(
        f"close-{lang}",
        [
            words["prose"],
            TableBlock(
                first,
                "booktabs",
                [0.4, 0.2, 0.2, 0.2],
                words["caption"].format(n=4, what=words["staff"]),
            ),
            TableBlock(
                second,
                "booktabs",
                [0.5, 0.25, 0.25],
                words["caption"].format(n=5, what=words["usage"]),
            ),
        ],
        tight=True,
    )


def monospaced(lang: str, rng: random.Random) -> Case:
    """A table typed as text: a monospaced font, rules of dashes, leader dots after labels."""
    words = _TEXT[lang]
    rows = [[words["label"], *YEARS[1:]]]
    for service in words["services"]:
        rows.append([" ".join(service.split()[:2]), *(_amount(rng, lang) for _ in YEARS[1:])])
    rows.append([words["total"], *(_amount(rng, lang) for _ in YEARS[1:])])
    block = TableBlock(
        table_from_rows(rows), "text", [], words["caption"].format(n=6, what=words["costs"])
    )
    return Case(f"mono-{lang}", [words["prose"], block, words["prose"]])


def aligned_figures(lang: str, rng: random.Random) -> Case:
    """Key figures in sentences, set with their figures aligned: not a table, beside one."""
    words = _TEXT[lang]
    figures = [(_amount(rng, lang), sentence) for sentence in words["figures"]]
    rows = [[words["label"], *YEARS[2:]]] + [
        [p, *(_amount(rng, lang) for _ in range(2))] for p in words["programmes"]
    ]
    block = TableBlock(
        table_from_rows(rows),
        "grid",
        [0.5, 0.25, 0.25],
        words["caption"].format(n=7, what=words["staff"]),
    )
    return Case(f"keyfigures-{lang}", [words["prose"], figures, words["prose"], block])


def capitalised_wraps(lang: str, rng: random.Random) -> Case:
    """Names wrapped where the next line starts with a capital, and a column of remarks."""
    words = _TEXT[lang]
    rows = [[words["label"], *YEARS[2:], words["remark"]]]
    for k, name in enumerate(words["named"]):
        remark = words["remarks"][k % len(words["remarks"])]
        rows.append([name, *(_amount(rng, lang) for _ in YEARS[2:]), remark])
    style = "none" if lang == "fr" else "grid"
    block = TableBlock(
        table_from_rows(rows),
        style,
        [0.36, 0.14, 0.14, 0.36],
        words["caption"].format(n=8, what=words["costs"]),
    )
    return Case(f"named-{lang}", [words["prose"], block, words["prose"]])


def section_rows(lang: str, rng: random.Random) -> Case:
    """Rows of a label alone (sections) between rows of figures: rows, not wrapped text."""
    words = _TEXT[lang]
    rows = [[words["label"], *YEARS[1:]]]
    for section, services in zip(
        words["sections"],
        (words["services"][:2], words["services"][2:4], words["services"][4:]),
        strict=True,
    ):
        rows.append([section, "", "", ""])
        rows += [[s, *(_amount(rng, lang) for _ in YEARS[1:])] for s in services]
    block = TableBlock(
        table_from_rows(rows),
        "booktabs",
        [0.4, 0.2, 0.2, 0.2],
        words["caption"].format(n=9, what=words["costs"]),
    )
    return Case(f"sections-{lang}", [words["prose"], block, words["prose"]])


def centred_figures(lang: str, rng: random.Random) -> Case:
    """Figures centred vertically beside labels wrapped on two or three lines."""
    words = _TEXT[lang]
    table = table_from_rows(_costs(rng, lang, YEARS[1:]))
    block = TableBlock(
        table,
        "grid",
        [0.34, 0.22, 0.22, 0.22],
        words["caption"].format(n=10, what=words["costs"]),
        valign="middle",
    )
    return Case(f"centred-{lang}", [words["prose"], block])


def grouped_header(lang: str, rng: random.Random) -> Case:
    """A title over all the year columns, years under it, a label spanning the header rows."""
    words = _TEXT[lang]
    cells = [Cell(0, 0, words["label"], row_span=2), Cell(0, 1, words["spread"], col_span=4)]
    cells += [Cell(1, 1 + k, year) for k, year in enumerate(YEARS)]
    for r, programme in enumerate(words["programmes"], start=2):
        cells.append(Cell(r, 0, programme))
        cells += [Cell(r, c, _amount(rng, lang)) for c in range(1, 5)]
    block = TableBlock(
        TableSpec(cells, header_rows=2),
        "booktabs",
        [0.28, 0.18, 0.18, 0.18, 0.18],
        words["caption"].format(n=11, what=words["usage"]),
    )
    return Case(f"grouped-{lang}", [words["prose"], block, words["prose"]])


def adjacent_tables(lang: str, rng: random.Random) -> Case:
    """Two tables without rules one line apart, no caption between, columns set differently."""
    words = _TEXT[lang]
    first = table_from_rows(
        [[words["label"], *YEARS]]
        + [[p, *(_amount(rng, lang) for _ in YEARS)] for p in words["programmes"][:3]]
    )
    second = table_from_rows(
        [[words["label"], YEARS[3], words["remark"]]]
        + [
            [s.split(" ")[0], _amount(rng, lang), words["remarks"][1]]
            for s in words["services"][:3]
        ]
    )
    return Case(
        f"adjacent-{lang}",
        [
            words["prose"],
            TableBlock(
                first,
                "none",
                [0.28, 0.18, 0.18, 0.18, 0.18],
                words["caption"].format(n=12, what=words["staff"]),
            ),
            TableBlock(second, "none", [0.45, 0.2, 0.35]),
            words["prose"],
        ],
        tight=True,
    )


def grouped_rows(lang: str, rng: random.Random) -> Case:
    """A table without rules whose body rows come in groups set apart by a blank space."""
    words = _TEXT[lang]
    rows = [[words["label"], *YEARS[1:]]] + [
        [s.split(" ")[0] + f" {k}", *(_amount(rng, lang) for _ in YEARS[1:])]
        for k, s in enumerate(words["services"] + words["services"][:3], start=1)
    ]
    block = TableBlock(
        table_from_rows(rows),
        "none",
        [0.4, 0.2, 0.2, 0.2],
        words["caption"].format(n=13, what=words["usage"]),
        spaced_rows=(4, 7),
    )
    return Case(f"groups-{lang}", [words["prose"], block, words["prose"]])


def wrapped_header(lang: str, rng: random.Random) -> Case:
    """Header cells wrapped on two lines over narrow figure columns, rules only around."""
    words = _TEXT[lang]
    heads = {
        "fr": ["Crédits ouverts en loi de finances", "Crédits consommés", "Taux de consommation"],
        "en": ["Appropriations in the finance act", "Appropriations used", "Rate of use"],
    }[lang]
    rows = [[words["label"], *heads]] + [
        [p, _amount(rng, lang), _amount(rng, lang), f"{rng.randint(50, 99)} %"]
        for p in words["programmes"]
    ]
    block = TableBlock(
        table_from_rows(rows),
        "booktabs",
        [0.4, 0.2, 0.2, 0.2],
        words["caption"].format(n=14, what=words["costs"]),
    )
    return Case(f"wrappedhead-{lang}", [words["prose"], block, words["prose"]])


def numbered_paragraphs(lang: str, rng: random.Random) -> Case:
    """Paragraphs numbered in the margin before a table: the numbers align, no table."""
    words = _TEXT[lang]
    rows = [[words["label"], *YEARS[2:]]] + [
        [p, *(_amount(rng, lang) for _ in range(2))] for p in words["programmes"]
    ]
    block = TableBlock(
        table_from_rows(rows),
        "booktabs",
        [0.5, 0.25, 0.25],
        words["caption"].format(n=15, what=words["staff"]),
    )
    return Case(
        f"numbered-{lang}",
        [NumberedParagraphs([words["prose"]] * 3, first=rng.randint(10, 40)), block],
    )


def sparse_columns(lang: str, rng: random.Random) -> Case:
    """A column of references filled on few rows, figures centred, a column of changes."""
    words = _TEXT[lang]
    change = {"fr": "Évolution", "en": "Change"}[lang]
    rows = [[words["label"], "Réf." if lang == "fr" else "Ref.", *YEARS[2:], change]]
    for k, service in enumerate(words["services"]):
        reference = f"P{rng.randint(100, 400)}" if k % 3 == 0 else ""
        sign = rng.choice(["+", "-"])
        rows.append(
            [
                " ".join(service.split()[:3]),
                reference,
                _amount(rng, lang),
                _amount(rng, lang),
                f"{sign}{rng.randint(1, 40)} %" if k != 2 else "n.d.",
            ]
        )
    block = TableBlock(
        table_from_rows(rows),
        "none",
        [0.34, 0.1, 0.18, 0.18, 0.2],
        words["caption"].format(n=16, what=words["costs"]),
        align="center",
    )
    return Case(f"sparse-{lang}", [words["prose"], block, words["prose"]])


CASES = (
    wrapped_cells,
    spanning_header,
    body_gaps,
    close_tables,
    monospaced,
    aligned_figures,
    capitalised_wraps,
    section_rows,
    centred_figures,
    grouped_header,
    adjacent_tables,
    grouped_rows,
    wrapped_header,
    numbered_paragraphs,
    sparse_columns,
)


def all_cases(seed: int = 13) -> list[Case]:
    """Every case in both languages, the figures drawn from one seeded generator."""
    rng = random.Random(seed)
    return [make(lang, rng) for make in CASES for lang in LANGUAGES]
