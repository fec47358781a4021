"""A corpus of charts with known data, drawn by four independent PDF producers.

matplotlib's PDF backend and reportlab's graphics library write the same kinds of charts
with different primitives (paths vs. `re` rectangles, Type 3 vs. TrueType vs. base-14
fonts, tick labels centred differently), so a reader tuned to one producer fails on the
other. Two more producers draw the charts reports are made of: SVG printed by Chromium
(tests/chart_corpus_svg.py) and LibreOffice's native charts
(tests/chart_corpus_libreoffice.py); they need Debian packages and are built only when asked
for (`PRODUCERS`). Pages imitate the Cour des comptes house style: prose, then "Graphique n° N :
titre (en unité)" above the chart and "Source : ..." below it.

`build_corpus(folder)` writes the PDFs and returns, for every chart, its spec (the data
it was drawn from), the file and the page to find it on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PROSE = (
    "La direction interministérielle du numérique a consacré 9,3 M€ au déploiement de la",
    "suite numérique en 2023, dont 60 % pour la messagerie ; 5 M€ par an de maintenance.",
)
SOURCE = "Source : Cour des comptes, d'après les données de la Dinum"
PALETTE = ("#1f4e79", "#e07b39", "#6aa84f", "#c00000")


@dataclass(frozen=True)
class Series:
    name: str | None
    values: tuple[float, ...]
    right: bool = False  # drawn as a line read on the right-hand axis (ChartSpec.axis2)


@dataclass(frozen=True)
class ChartSpec:
    key: str
    kind: str  # the kind the reader must report
    categories: tuple[str, ...]  # as they must be read back ("\n" marks a wrapped label)
    series: tuple[Series, ...]
    axis: tuple[float, float, float]  # value axis min, max, step
    caption: str | None  # None: a chart without caption
    unit: str | None  # the unit the reader must report
    fmt: str = "int"  # tick labels: int ("1 000"), dec1 ("2,5"), pct ("10 %"), meur ("2,5 M€")
    printed: bool = False  # values printed on the marks
    markers: bool = True  # line charts: a marker on every vertex
    value_axis: bool = True  # False: no value axis, printed values only
    legend: str = "below"  # "below" the plot, or "inside" it (framed)
    horizontal: bool = False  # bars along x
    grid: bool = False  # light gridlines across the plot at every tick
    ticks: bool = True  # tick marks on the value axis (office suites often draw none)
    rotate: int = 0  # category labels turned by this many degrees
    axis2: tuple[float, float, float] | None = None  # the right-hand axis of `right` series
    fmt2: str | None = None  # tick labels of the right-hand axis
    donut: bool = False  # pies: a ring
    explode: int | None = None  # pies: this slice pulled out of the pie

    @property
    def number(self) -> int | None:
        if self.caption is None:
            return None
        return int(self.caption.split("n° ")[1].split(" ")[0])

    @property
    def span(self) -> float:
        """What an error is a share of: the axis range, or a pie's total."""
        if self.kind == "pie":
            return sum(self.series[0].values)
        return self.axis[1] - self.axis[0]

    def span_of(self, series: Series) -> float:
        if series.right and self.axis2 is not None:
            return self.axis2[1] - self.axis2[0]
        return self.span


@dataclass
class CorpusChart:
    spec: ChartSpec
    producer: str
    pdf: Path
    page: int
    raster: bool = False
    extra: dict = field(default_factory=dict)


def fr(value: float, decimals: int = 0, suffix: str = "", minus: str = "-") -> str:
    """A number as French reports print it: "1 000" (no-break space), "2,5", "10 %"."""
    text = f"{abs(value):,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    if value < 0 and float(text.replace("\u00a0", "").replace(",", ".")) != 0:
        text = minus + text
    return text + (f"\u00a0{suffix}" if suffix else "")


def tick_text(spec: ChartSpec, value: float, minus: str = "-", fmt: str | None = None) -> str:
    fmt = fmt or spec.fmt
    if fmt == "dec1":
        return fr(value, 1, minus=minus)
    if fmt == "pct":
        return fr(value, 0, "%", minus=minus)
    if fmt == "meur":
        return fr(value, 1, "M€", minus=minus)
    return fr(value, 0, minus=minus)


def value_text(spec: ChartSpec, value: float) -> str:
    decimals = 0 if float(value).is_integer() else 1
    return fr(value, decimals)


def pie_label(spec: ChartSpec, value: float) -> str:
    """The value printed on a slice: "34 %", or an amount ("1,2 M€")."""
    if spec.fmt == "pct":
        return fr(value, 0, "%")
    return fr(value, 1, "M€") if spec.fmt == "meur" else value_text(spec, value)


MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août")
YEARS = ("2019", "2020", "2021", "2022", "2023")

MATPLOTLIB_SPECS = (
    ChartSpec(
        "mpl_bar_months",
        "bar_vertical",
        tuple(f"{m} 2022" for m in MONTHS[:6]),
        (Series(None, (4.8, 5.2, 6.1, 5.7, 7.3, 8.4)),),
        (0, 10, 2),
        "Graphique n° 1 : Messages échangés sur Tchap (en millions de messages)",
        "millions de messages",
        fmt="dec1",
        grid=True,
        ticks=False,
    ),
    ChartSpec(
        "mpl_bar_years_printed",
        "bar_vertical",
        YEARS,
        (Series(None, (1250, 2100, 2875, 3900, 4800)),),
        (0, 5000, 1000),
        "Graphique n° 2 : Agents utilisateurs de la suite numérique (en nombre)",
        "nombre",
        printed=True,
    ),
    ChartSpec(
        "mpl_bar_negative",
        "bar_vertical",
        ("T1 2023", "T2 2023", "T3 2023", "T4 2023"),
        (Series(None, (12, -8, 23, -15)),),
        (-20, 30, 10),
        "Graphique n° 3 : Solde trimestriel des recrutements (en ETP)",
        "ETP",
        printed=True,
    ),
    ChartSpec(
        "mpl_bar_not_zero",
        "bar_vertical",
        ("Intérieur", "Armées", "Justice", "Culture"),
        (Series(None, (62, 87, 74, 95)),),
        (50, 100, 10),
        "Graphique n° 4 : Taux de disponibilité des services (en %)",
        "%",
        fmt="pct",
    ),
    ChartSpec(
        "mpl_barh_wrapped",
        "bar_horizontal",
        (
            "Direction\ninterministérielle",
            "Ministère de\nl'intérieur",
            "Services du\nPremier ministre",
            "Opérateurs",
        ),
        (Series(None, (45, 30, 15, 10)),),
        (0, 60, 20),
        "Graphique n° 5 : Répartition des coûts de la suite (en %)",
        "%",
        fmt="pct",
        printed=True,
        horizontal=True,
    ),
    ChartSpec(
        "mpl_grouped_meur",
        "bar_grouped",
        YEARS[1:],
        (
            Series("Tchap", (1.5, 2.5, 3.5, 4.0)),
            Series("Visio", (0.5, 1.5, 2.0, 3.5)),
            Series("Resana", (1.0, 1.0, 1.5, 2.5)),
        ),
        (0, 5, 1),
        "Graphique n° 6 : Dépenses par produit (en M€)",
        "M€",
        fmt="meur",
    ),
    ChartSpec(
        "mpl_grouped_h_inside",
        "bar_grouped",
        ("Fonctionnement", "Investissement", "Personnel"),
        (Series("2022", (12, 7, 25)), Series("2023", (15, 9, 21))),
        (0, 50, 10),
        "Graphique n° 7 : Budget de la Dinum (en millions d'euros)",
        "millions d'euros",
        legend="inside",
        printed=True,
        horizontal=True,
    ),
    ChartSpec(
        "mpl_stacked_printed",
        "bar_stacked",
        YEARS[2:],
        (
            Series("Crédits Dinum", (3.0, 4.5, 5.0)),
            Series("Fonds de transformation", (2.0, 2.5, 1.5)),
            Series("Ministères", (1.0, 1.5, 2.5)),
        ),
        (0, 10, 2),
        "Graphique n° 8 : Financement de la suite numérique (en M€)",
        "M€",
        fmt="dec1",
        printed=True,
    ),
    ChartSpec(
        "mpl_stacked_h",
        "bar_stacked",
        ("Messagerie", "Visioconférence", "Stockage"),
        (Series("Usagers actifs", (300, 220, 150)), Series("Usagers inactifs", (120, 90, 60))),
        (0, 500, 100),
        "Graphique n° 9 : Comptes ouverts par service (en milliers)",
        "milliers",
        horizontal=True,
        grid=True,
    ),
    ChartSpec(
        "mpl_line_months",
        "line",
        tuple(f"2022-{m:02d}" for m in range(1, 9)),
        (
            Series("Disponibilité Tchap", (98.5, 97.0, 99.0, 96.5, 95.0, 97.5, 99.5, 98.0)),
            Series("Disponibilité Visio", (92.0, 93.5, 91.0, 94.5, 96.0, 95.5, 97.0, 96.5)),
        ),
        (90, 100, 2),
        "Graphique n° 10 : Disponibilité mensuelle des services (en %)",
        "%",
        fmt="pct",
        ticks=False,
    ),
    ChartSpec(
        "mpl_line_negative",
        "line",
        YEARS,
        (Series(None, (-6.5, -2.0, 3.5, 7.0, 4.5)),),
        (-10, 10, 5),
        "Graphique n° 11 : Évolution annuelle des effectifs (en %)",
        "%",
        markers=False,
        grid=True,
    ),
    ChartSpec(
        "mpl_line_printed",
        "line",
        tuple(f"{m} 2023" for m in MONTHS[:6]),
        (
            Series("Tchap", (210, 250, 310, 340, 390, 450)),
            Series("Webconf", (120, 140, 135, 180, 160, 210)),
        ),
        (0, 500, 100),
        "Graphique n° 12 : Utilisateurs quotidiens (en milliers)",
        "milliers",
        printed=True,
    ),
    ChartSpec(
        "mpl_bar_uncaptioned",
        "bar_vertical",
        ("Tchap", "Webconf", "Resana", "FranceTransfert"),
        (Series(None, (3.5, 2.0, 1.5, 0.5)),),
        (0, 4, 1),
        None,
        None,
        fmt="dec1",
    ),
    ChartSpec(
        "mpl_pie_slice_labels",
        "pie",
        ("Tchap", "Webconférence", "Resana", "Osmose"),
        (Series(None, (42, 28, 18, 12)),),
        (0, 100, 10),
        "Graphique n° 14 : Répartition des utilisateurs par outil (en %)",
        "%",
        fmt="pct",
        printed=True,
        legend="slices",
    ),
    ChartSpec(
        "mpl_donut_legend_pulled",
        "pie",
        ("Fonctionnement", "Investissement", "Personnel"),
        (Series(None, (25, 15, 60)),),
        (0, 100, 10),
        "Graphique n° 15 : Répartition du budget de la Dinum (en %)",
        "%",
        fmt="pct",
        legend="right",
        donut=True,
        explode=1,
    ),
)

REPORTLAB_SPECS = (
    ChartSpec(
        "rl_bar_printed",
        "bar_vertical",
        YEARS,
        (Series(None, (12500, 18300, 24100, 31800, 36400)),),
        (0, 40000, 10000),
        "Graphique n° 21 : Salons Tchap créés (en nombre)",
        "nombre",
        printed=True,
    ),
    ChartSpec(
        "rl_grouped",
        "bar_grouped",
        YEARS[2:],
        (Series("Prévision", (8, 12, 15)), Series("Exécution", (6, 11, 17))),
        (0, 20, 5),
        "Graphique n° 22 : Dépenses prévues et exécutées (en M€)",
        "M€",
        grid=True,
        ticks=False,
    ),
    ChartSpec(
        "rl_stacked",
        "bar_stacked",
        ("T1 2023", "T2 2023", "T3 2023", "T4 2023"),
        (
            Series("Messagerie", (40, 45, 50, 55)),
            Series("Visio", (20, 25, 20, 30)),
            Series("Documents", (10, 15, 20, 10)),
        ),
        (0, 100, 20),
        "Graphique n° 23 : Tickets de support par service (en nombre)",
        "nombre",
    ),
    ChartSpec(
        "rl_barh_wrapped",
        "bar_horizontal",
        (
            "Agents de l'État",
            "Agents des\ncollectivités",
            "Personnels\nhospitaliers",
            "Prestataires",
        ),
        (Series(None, (64, 18, 12, 6)),),
        (0, 80, 20),
        "Graphique n° 24 : Répartition des comptes Tchap (en %)",
        "%",
        fmt="pct",
        horizontal=True,
    ),
    ChartSpec(
        "rl_barh_grouped_negative",
        "bar_grouped",
        ("Dinum", "Ministères", "Opérateurs"),
        (Series("2022", (-12, 8, 15)), Series("2023", (5, -10, 20))),
        (-20, 30, 10),
        "Graphique n° 25 : Écart à la prévision (en %)",
        "%",
        printed=True,
        horizontal=True,
    ),
    ChartSpec(
        "rl_stacked_h",
        "bar_stacked",
        ("Tchap", "Visio", "Resana"),
        (Series("Développement", (2.5, 1.5, 1.0)), Series("Hébergement", (1.0, 2.0, 0.5))),
        (0, 5, 1),
        "Graphique n° 26 : Coûts par produit en 2023, en M€",
        "M€",
        fmt="dec1",
        horizontal=True,
    ),
    ChartSpec(
        "rl_line_markers",
        "line",
        ("T1 2022", "T2 2022", "T3 2022", "T4 2022", "T1 2023"),
        (
            Series("Tchap", (150, 210, 260, 330, 390)),
            Series("Audioconférence", (300, 280, 250, 240, 200)),
        ),
        (100, 400, 50),
        "Graphique n° 27 : Usagers mensuels (en milliers)",
        "milliers",
        grid=True,
    ),
    ChartSpec(
        "rl_line_plain_not_zero",
        "line",
        tuple(f"{m} 2022" for m in MONTHS[:6]),
        (Series(None, (4.2, 4.8, 5.1, 4.9, 5.6, 6.0)),),
        (4, 7, 0.5),
        "Graphique n° 28 : Coût mensuel de l'hébergement (en M€)",
        "M€",
        fmt="meur",
        markers=False,
    ),
    ChartSpec(
        "rl_lineplot_years",
        "line",
        YEARS,
        (
            Series("Effectifs Dinum", (120, 135, 150, 170, 165)),
            Series("Prestataires", (60, 75, 95, 90, 110)),
        ),
        (50, 200, 25),
        "Graphique n° 29 : Effectifs et prestataires (en ETP)",
        "ETP",
        ticks=False,
    ),
    ChartSpec(
        "rl_bar_not_zero_dec",
        "bar_vertical",
        ("Paris", "Lyon", "Lille", "Rennes", "Nantes"),
        (Series(None, (2.5, 3.5, 1.5, 4.0, 3.0)),),
        (1, 4.5, 0.5),
        "Graphique n° 30 : Délai moyen de traitement (en jours)",
        "jours",
        fmt="dec1",
        ticks=False,
    ),
    ChartSpec(
        "rl_bar_labels_only",
        "bar_vertical",
        ("Tchap", "Visio", "Resana", "Osmose"),
        (Series(None, (540, 320, 150, 85)),),
        (0, 600, 100),
        "Graphique n° 31 : Incidents signalés en 2023 (en nombre)",
        "nombre",
        printed=True,
        value_axis=False,
    ),
    ChartSpec(
        "rl_bar_negative_dec",
        "bar_vertical",
        ("2020", "2021", "2022", "2023"),
        (Series(None, (-1.5, 2.5, 4.0, -0.5)),),
        (-2, 5, 1),
        "Graphique n° 32 : Résultat d'exploitation (en M€)",
        "M€",
        fmt="dec1",
    ),
    ChartSpec(
        "rl_pie_slice_labels",
        "pie",
        ("Développement", "Hébergement", "Support", "Formation"),
        (Series(None, (3.4, 2.1, 1.2, 0.5)),),
        (0, 10, 1),
        "Graphique n° 33 : Coût des produits en 2023 (en M€)",
        "M€",
        fmt="meur",
        printed=True,
        legend="slices",
    ),
    ChartSpec(
        "rl_pie_legend_pulled",
        "pie",
        ("Ministères", "Opérateurs", "Collectivités"),
        (Series(None, (55, 30, 15)),),
        (0, 100, 10),
        "Graphique n° 34 : Répartition des comptes Resana (en %)",
        "%",
        fmt="pct",
        legend="right",
        explode=2,
    ),
)


def document_specs(prefix: str, first: int) -> tuple[tuple[ChartSpec, ...], ...]:
    """The charts office documents and web pages are made of, as pages of one or two
    charts: every kind, turned and wrapped labels, a right-hand axis, pies and donuts."""

    def caption(offset: int, title: str) -> str:
        return f"Graphique n° {first + offset} : {title}"

    return (
        (
            ChartSpec(
                f"{prefix}_bar_rotated45",
                "bar_vertical",
                tuple(f"{m} 2023" for m in MONTHS),
                (Series(None, (12, 18, 15, 22, 27, 25, 31, 34)),),
                (0, 40, 10),
                caption(0, "Comptes créés chaque mois (en milliers)"),
                "milliers",
                rotate=45,
            ),
        ),
        (
            ChartSpec(
                f"{prefix}_bar_rotated90_printed",
                "bar_vertical",
                tuple(f"{m} 2024" for m in MONTHS[:6]),
                (Series(None, (420, 515, 480, 610, 575, 690)),),
                (0, 800, 200),
                caption(1, "Demandes traitées par mois (en nombre)"),
                "nombre",
                rotate=90,
                printed=True,
            ),
        ),
        (
            ChartSpec(
                f"{prefix}_barh_wrapped",
                "bar_horizontal",
                ("Accueil\nphysique", "Services\nen ligne", "Centre\nd'appels", "Courrier"),
                (Series(None, (35, 40, 15, 10)),),
                (0, 50, 10),
                caption(2, "Canaux de contact des usagers (en %)"),
                "%",
                fmt="pct",
                horizontal=True,
            ),
        ),
        (
            ChartSpec(
                f"{prefix}_grouped_legend",
                "bar_grouped",
                YEARS[2:],
                (
                    Series("Tchap", (2.5, 3.5, 4.0)),
                    Series("Webconférence", (1.5, 2.0, 3.0)),
                    Series("Resana", (1.0, 1.5, 1.5)),
                ),
                (0, 5, 1),
                caption(3, "Dépenses par produit (en M€)"),
                "M€",
                fmt="dec1",
                grid=True,
            ),
        ),
        (
            ChartSpec(
                f"{prefix}_stacked_printed",
                "bar_stacked",
                ("T1 2023", "T2 2023", "T3 2023", "T4 2023"),
                (
                    Series("Messagerie", (30, 35, 40, 45)),
                    Series("Visioconférence", (20, 15, 25, 20)),
                    Series("Documents", (10, 15, 10, 20)),
                ),
                (0, 100, 20),
                caption(4, "Tickets de support par service (en nombre)"),
                "nombre",
                printed=True,
            ),
        ),
        (
            ChartSpec(
                f"{prefix}_stacked_h",
                "bar_stacked",
                ("Dinum", "Ministères", "Opérateurs"),
                (Series("Titulaires", (120, 80, 60)), Series("Contractuels", (90, 40, 30))),
                (0, 250, 50),
                caption(5, "Effectifs par statut (en ETP)"),
                "ETP",
                horizontal=True,
            ),
        ),
        (
            ChartSpec(
                f"{prefix}_line_markers",
                "line",
                ("T1 2022", "T2 2022", "T3 2022", "T4 2022", "T1 2023", "T2 2023"),
                (
                    Series("Tchap", (92, 94, 93, 96, 97, 98)),
                    Series("Webconférence", (85, 88, 90, 89, 93, 95)),
                ),
                (80, 100, 5),
                caption(6, "Taux de disponibilité (en %)"),
                "%",
                fmt="pct",
                grid=True,
            ),
        ),
        (
            ChartSpec(
                f"{prefix}_bar_line_right_axis",
                "bar_line",
                YEARS,
                (
                    Series("Dépenses (M€)", (3.0, 4.5, 6.0, 7.5, 8.0)),
                    Series("Utilisateurs (milliers)", (50, 120, 210, 300, 360), right=True),
                ),
                (0, 10, 2),
                caption(7, "Dépenses et utilisateurs de la messagerie"),
                None,
                fmt="dec1",
                axis2=(0, 400, 100),
                fmt2="int",
            ),
        ),
        (
            ChartSpec(
                f"{prefix}_pie_slice_labels",
                "pie",
                ("Tchap", "Webconférence", "Resana", "Autres produits"),
                (Series(None, (45, 25, 20, 10)),),
                (0, 100, 10),
                caption(8, "Répartition du coût par produit (en %)"),
                "%",
                fmt="pct",
                printed=True,
                legend="slices",
            ),
        ),
        (
            ChartSpec(
                f"{prefix}_pie_legend_pulled",
                "pie",
                ("Personnel", "Prestations", "Hébergement"),
                (Series(None, (50, 30, 20)),),
                (0, 100, 10),
                caption(9, "Répartition des dépenses de la Dinum (en %)"),
                "%",
                fmt="pct",
                legend="right",
                explode=1,
            ),
        ),
        (
            ChartSpec(
                f"{prefix}_donut_legend",
                "pie",
                ("Ministères", "Opérateurs", "Collectivités"),
                (Series(None, (40, 35, 25)),),
                (0, 100, 10),
                caption(10, "Répartition des utilisateurs de Resana (en %)"),
                "%",
                fmt="pct",
                printed=True,
                legend="right",
                donut=True,
            ),
        ),
        (
            ChartSpec(
                f"{prefix}_pie_amounts",
                "pie",
                ("Développement", "Hébergement", "Support"),
                (Series(None, (4.2, 2.5, 1.3)),),
                (0, 10, 1),
                caption(11, "Coût de la suite numérique en 2023 (en M€)"),
                "M€",
                fmt="meur",
                printed=True,
                legend="slices",
            ),
        ),
        (
            ChartSpec(
                f"{prefix}_pair_bar",
                "bar_vertical",
                YEARS[1:],
                (Series(None, (140, 165, 180, 210)),),
                (0, 250, 50),
                caption(12, "Effectifs (en ETP)"),
                "ETP",
            ),
            ChartSpec(
                f"{prefix}_pair_pie",
                "pie",
                ("Produits", "Infrastructures", "Support"),
                (Series(None, (55, 30, 15)),),
                (0, 100, 10),
                caption(13, "Répartition des ETP (en %)"),
                "%",
                fmt="pct",
                printed=True,
                legend="slices",
            ),
        ),
    )


BROWSER_PAGES = document_specs("svg", 41)
OFFICE_PAGES = document_specs("lo", 61)


RASTER_CAPTION = "Graphique n° 40 : Nombre de visioconférences (en milliers)"


def _mpl_page(spec: ChartSpec, path: Path, fonttype: int) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FixedLocator, FuncFormatter

    plt.rcParams["pdf.fonttype"] = fonttype
    plt.rcParams["font.size"] = 9
    fig = plt.figure(figsize=(8.27, 11.69))  # an A4 page
    for i, line in enumerate(PROSE):
        fig.text(0.1, 0.95 - 0.015 * i, line, fontsize=10)
    if spec.caption:
        fig.text(0.1, 0.9, spec.caption, fontsize=10, fontweight="bold")
    ax = fig.add_axes((0.22, 0.52, 0.7, 0.34))
    if spec.kind == "pie":
        _mpl_pie(ax, spec)
        fig.text(0.1, 0.43, SOURCE, fontsize=8, style="italic")
        fig.savefig(path)
        plt.close(fig)
        return
    _mpl_draw(ax, spec)
    lo, hi, step = spec.axis
    ticks = [lo + i * step for i in range(round((hi - lo) / step) + 1)]
    horizontal = spec.kind != "line" and spec.horizontal
    value_axis = ax.xaxis if horizontal else ax.yaxis
    (ax.set_xlim if horizontal else ax.set_ylim)(lo, hi)
    value_axis.set_major_locator(FixedLocator(ticks))
    value_axis.set_major_formatter(FuncFormatter(lambda v, _: tick_text(spec, v, "\u2212")))
    if spec.series[0].name is not None:
        n = len(spec.series)
        if spec.legend == "inside":
            ax.legend(loc="upper right", frameon=True)
        else:
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=n, frameon=False)
    if spec.grid:
        ax.grid(axis="x" if horizontal else "y", color="#c8c8c8", linewidth=0.6)
        ax.set_axisbelow(True)
    if not spec.ticks:
        ax.tick_params(axis="x" if horizontal else "y", length=0)
    fig.text(0.1, 0.43, SOURCE, fontsize=8, style="italic")
    fig.text(0.1, 0.38, PROSE[0], fontsize=10)
    fig.savefig(path)
    plt.close(fig)


def _mpl_pie(ax, spec: ChartSpec) -> None:
    """Slices clockwise from twelve o'clock, named on the slice or in a legend."""
    values = spec.series[0].values
    wedges, *_ = ax.pie(
        values,
        labels=spec.categories if spec.legend == "slices" else None,
        colors=[PALETTE[i % len(PALETTE)] for i in range(len(values))],
        autopct=(lambda share: pie_label(spec, share)) if spec.printed else None,
        pctdistance=0.75 if spec.donut else 0.6,
        explode=[0.1 if spec.explode == i else 0 for i in range(len(values))],
        startangle=90,
        counterclock=False,
        wedgeprops={"width": 0.5} if spec.donut else None,
        textprops={"fontsize": 9},
    )
    ax.set_aspect("equal")
    if spec.legend == "right":
        ax.legend(wedges, spec.categories, loc="center left", bbox_to_anchor=(0.85, 0.5))


def _mpl_draw(ax, spec: ChartSpec) -> None:
    n = len(spec.series)
    positions = list(range(len(spec.categories)))
    horizontal = spec.horizontal
    if spec.kind == "line":
        for color, s in zip(PALETTE, spec.series, strict=False):
            ax.plot(
                positions,
                s.values,
                color=color,
                marker="o" if spec.markers else None,
                label=s.name,
                linewidth=1.5,
            )
            if spec.printed:
                for x, v in zip(positions, s.values, strict=True):
                    ax.annotate(
                        value_text(spec, v),
                        (x, v),
                        textcoords="offset points",
                        xytext=(0, 6),
                        ha="center",
                        fontsize=8,
                    )
        ax.set_xticks(positions, spec.categories)
        return
    stacked = spec.kind == "bar_stacked"
    width = 0.8 if stacked or n == 1 else 0.8 / n
    base = [0.0] * len(positions)
    for i, (color, s) in enumerate(zip(PALETTE, spec.series, strict=False)):
        offset = 0.0 if stacked or n == 1 else (i - (n - 1) / 2) * width
        where = [p + offset for p in positions]
        draw = ax.barh if horizontal else ax.bar
        extra = {"left" if horizontal else "bottom": base} if stacked else {}
        bars = draw(where, s.values, width, color=color, label=s.name, **extra)
        if spec.printed:
            ax.bar_label(
                bars,
                labels=[value_text(spec, v) for v in s.values],
                label_type="center" if stacked else "edge",
                padding=2,
                fontsize=8,
                color="white" if stacked else "black",
            )
        if stacked:
            base = [b + v for b, v in zip(base, s.values, strict=True)]
    (ax.set_yticks if horizontal else ax.set_xticks)(positions, spec.categories)


def _rl_chart(spec: ChartSpec):
    """A reportlab Drawing of the chart, 470 x 250 points, legend underneath."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import Drawing
    from reportlab.graphics.widgets.markers import makeMarker
    from reportlab.lib.colors import HexColor

    drawing = Drawing(470, 250)
    colors = [HexColor(c) for c in PALETTE]
    if spec.kind == "pie":
        return _rl_pie(drawing, spec, colors)
    data = [s.values for s in spec.series]
    horizontal = spec.horizontal
    if spec.key.startswith("rl_lineplot"):
        chart = LinePlot()
        years = [int(c) for c in spec.categories]
        chart.data = [list(zip(years, s.values, strict=True)) for s in spec.series]
        chart.xValueAxis.valueMin, chart.xValueAxis.valueMax = years[0], years[-1]
        chart.xValueAxis.valueStep = 1
        chart.xValueAxis.labelTextFormat = "%d"
        value_axis = chart.yValueAxis
        for i, color in enumerate(colors[: len(data)]):
            chart.lines[i].strokeColor = color
            chart.lines[i].symbol = makeMarker("FilledSquare", size=4)
    elif spec.kind == "line":
        chart = HorizontalLineChart()
        chart.data = data
        chart.categoryAxis.categoryNames = list(spec.categories)
        value_axis = chart.valueAxis
        for i, color in enumerate(colors[: len(data)]):
            chart.lines[i].strokeColor = color
            chart.lines[i].strokeWidth = 1.5
            if spec.markers:
                chart.lines[i].symbol = makeMarker("FilledCircle", size=5)
    else:
        chart = HorizontalBarChart() if horizontal else VerticalBarChart()
        chart.data = data
        chart.categoryAxis.categoryNames = list(spec.categories)
        if spec.kind == "bar_stacked":
            chart.categoryAxis.style = "stacked"
        value_axis = chart.valueAxis
        for i, color in enumerate(colors[: len(data)]):
            chart.bars[i].fillColor = color
        chart.groupSpacing = 8
        if spec.printed:
            chart.barLabelFormat = lambda v: value_text(spec, v)
            chart.barLabels.fontSize = 8
    chart.x, chart.y = (150, 60) if horizontal else (60, 60)
    chart.width, chart.height = (290 if horizontal else 380), 170
    lo, hi, step = spec.axis
    value_axis.valueMin, value_axis.valueMax, value_axis.valueStep = lo, hi, step
    value_axis.labelTextFormat = lambda v: tick_text(spec, v)
    value_axis.visible = spec.value_axis
    value_axis.visibleGrid = spec.grid
    value_axis.gridStrokeColor = HexColor("#c8c8c8")
    value_axis.visibleTicks = spec.ticks
    drawing.add(chart)
    if spec.series[0].name is not None:
        legend = Legend()
        legend.x, legend.y = chart.x, 12
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 120
        legend.colorNamePairs = list(zip(colors, [s.name for s in spec.series], strict=False))
        drawing.add(legend)
    return drawing


def _rl_pie(drawing, spec: ChartSpec, colors: list):
    """A reportlab Pie: names (and printed values) beside the slices, or a legend."""
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.piecharts import Pie

    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 150, 30, 190, 190
    values = spec.series[0].values
    pie.data = list(values)
    pie.startAngle, pie.direction = 90, "clockwise"
    if spec.legend == "slices":
        pie.labels = [
            f"{name} {pie_label(spec, v)}" if spec.printed else name
            for name, v in zip(spec.categories, values, strict=True)
        ]
        pie.slices.fontSize = 9
    for i in range(len(values)):
        pie.slices[i].fillColor = colors[i % len(colors)]
        pie.slices[i].strokeColor = None
        if spec.explode == i:
            pie.slices[i].popout = 12
    drawing.add(pie)
    if spec.legend == "right":
        legend = Legend()
        legend.x, legend.y = 370, 160
        legend.columnMaximum = len(values)
        legend.colorNamePairs = list(
            zip([colors[i % len(colors)] for i in range(len(values))], spec.categories, strict=True)
        )
        drawing.add(legend)
    return drawing


def _rl_pages(specs: tuple[ChartSpec, ...], path: Path) -> list[int]:
    """Two charts a page; returns the page of each spec."""
    from reportlab.graphics import renderPDF
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pages = []
    for i, spec in enumerate(specs):
        top = 800 if i % 2 == 0 else 410
        if i % 2 == 0:
            pdf.setFont("Helvetica", 10)
            for j, line in enumerate(PROSE):
                pdf.drawString(60, 815 - 12 * j, line)
        if spec.caption:
            pdf.setFont("Helvetica-Bold", 10)
            pdf.drawString(60, top - 20, spec.caption)
        renderPDF.draw(_rl_chart(spec), pdf, 50, top - 285)
        pdf.setFont("Helvetica-Oblique", 8)
        pdf.drawString(60, top - 300, SOURCE)
        pages.append(i // 2 + 1)
        if i % 2 == 1 or i == len(specs) - 1:
            pdf.showPage()
    pdf.save()
    return pages


def _raster_page(path: Path, png: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.bar(YEARS, (210, 380, 520, 610, 700), color=PALETTE[0])
    fig.savefig(png, dpi=100)
    plt.close(fig)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(60, 800, PROSE[0])
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(60, 770, RASTER_CAPTION)
    pdf.drawImage(str(png), 60, 480, width=432, height=252)
    pdf.setFont("Helvetica-Oblique", 8)
    pdf.drawString(60, 465, SOURCE)
    pdf.showPage()
    pdf.save()


PRODUCERS = ("matplotlib", "reportlab", "chromium", "libreoffice")


def missing_producers(producers: tuple[str, ...] = PRODUCERS) -> dict[str, str]:
    """Producers that cannot run on this machine, with why."""
    from tests import chart_corpus_libreoffice, chart_corpus_svg

    checks = {"chromium": chart_corpus_svg.missing, "libreoffice": chart_corpus_libreoffice.missing}
    reasons = {name: checks[name]() for name in producers if name in checks}
    return {name: reason for name, reason in reasons.items() if reason}


def build_corpus(
    folder: Path, producers: tuple[str, ...] = ("matplotlib", "reportlab")
) -> list[CorpusChart]:
    """Write the corpus PDFs of producers into folder; return every chart with where to
    find it. Producers that cannot run here are left out (see `missing_producers`)."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus: list[CorpusChart] = []
    if "matplotlib" in producers:
        for i, spec in enumerate(MATPLOTLIB_SPECS):
            path = folder / f"{spec.key}.pdf"
            # Alternate font embeddings: Type 3 glyph procedures and TrueType place glyph
            # boxes differently around the tick.
            _mpl_page(spec, path, fonttype=3 if i % 2 else 42)
            corpus.append(CorpusChart(spec, "matplotlib", path, 1))
    if "reportlab" in producers:
        rl_path = folder / "reportlab_charts.pdf"
        for spec, page in zip(REPORTLAB_SPECS, _rl_pages(REPORTLAB_SPECS, rl_path), strict=True):
            corpus.append(CorpusChart(spec, "reportlab", rl_path, page))
    if "matplotlib" in producers and "reportlab" in producers:
        raster = ChartSpec("raster", "raster", (), (), (0, 1, 1), RASTER_CAPTION, "milliers")
        raster_path = folder / "raster_chart.pdf"
        _raster_page(raster_path, folder / "raster_chart.png")
        corpus.append(CorpusChart(raster, "matplotlib+reportlab", raster_path, 1, raster=True))
    missing = missing_producers(producers)
    for name, pages in (("chromium", BROWSER_PAGES), ("libreoffice", OFFICE_PAGES)):
        if name not in producers or name in missing:
            continue
        from tests import chart_corpus_libreoffice, chart_corpus_svg

        module = chart_corpus_svg if name == "chromium" else chart_corpus_libreoffice
        path = folder / f"{name}_charts.pdf"
        module.render(list(pages), path)
        for number, specs in enumerate(pages, start=1):
            corpus += [CorpusChart(spec, name, path, number) for spec in specs]
    return corpus


@dataclass(frozen=True)
class PointResult:
    """One expected point and how the reader did on it."""

    chart: str
    kind: str
    series: str | None
    category: str
    expected: float
    found: float | None  # None: no point with this series and category
    error: float | None  # |found - expected| / axis range

    @property
    def recovered(self) -> bool:
        return self.error is not None and self.error <= 0.01


def find_extracted(item: CorpusChart, charts: list) -> object | None:
    """The extracted chart that should be item: same page and caption number."""
    same_page = [c for c in charts if c.page == item.page and c.number == item.spec.number]
    return same_page[0] if len(same_page) == 1 else None


def score_chart(item: CorpusChart, chart) -> list[PointResult]:
    """Every expected point of a chart against what was extracted (chart may be None)."""
    spec = item.spec
    results = []
    for series in spec.series:
        found_series = None
        if chart is not None:
            named = [s for s in chart.series if s.name == series.name]
            found_series = named[0] if len(named) == 1 else None
        for category, expected in zip(spec.categories, series.values, strict=True):
            category = category.replace("\n", " ")
            points = (
                [p for p in found_series.points if p.category == category] if found_series else []
            )
            found = points[0].value if len(points) == 1 else None
            error = abs(found - expected) / spec.span_of(series) if found is not None else None
            results.append(
                PointResult(spec.key, spec.kind, series.name, category, expected, found, error)
            )
    return results


def non_chart_page(path: Path) -> None:
    """A page a chart reader must not misread: a captioned diagram, then a shaded table.

    The diagram ("Schéma n° 5") is boxes holding text joined by lines; the table has a
    column of years (a linear run of numbers) and shaded rows, like bars and ticks.
    """
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(60, 790, "Schéma n° 5 : Organisation de la direction")
    pdf.setStrokeColor(HexColor("#000000"))
    for i, name in enumerate(("Direction", "Pôle produits", "Pôle infrastructures")):
        x = 60 + 160 * i
        pdf.setFillColor(HexColor(PALETTE[i]))
        pdf.rect(x, 700, 140, 40, fill=1, stroke=0)
        pdf.setFillColor(HexColor("#ffffff"))
        pdf.drawString(x + 10, 716, name)
        if i:
            pdf.line(x - 20, 720, x, 720)
    pdf.setFillColor(HexColor("#000000"))
    pdf.setFont("Helvetica-Oblique", 8)
    pdf.drawString(60, 680, SOURCE)
    pdf.setFont("Helvetica", 10)
    rows = [("Année", "Coût", "Effectifs")] + [
        (year, fr(1000 + 250 * i), str(120 + 15 * i)) for i, year in enumerate(YEARS)
    ]
    for r, row in enumerate(rows):
        y = 600 - 22 * r
        if r % 2 == 0:
            pdf.setFillColor(HexColor("#dce6f1"))
            pdf.rect(60, y - 6, 360, 22, fill=1, stroke=0)
        pdf.setFillColor(HexColor("#000000"))
        for c, text in enumerate(row):
            pdf.drawRightString(160 + 120 * c, y, text)
        pdf.line(60, y - 6, 420, y - 6)
    pdf.showPage()
    pdf.save()
