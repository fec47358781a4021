"""The subject and segment of a number in prose, from sentences written for these tests.

One page of prose, then two pages drawn as a PDF (a box cut by a page break), go through the
text extractor and the dbt models up to int_mention_subjects and int_mention_segments; each
number with a metric is checked for its subject, for how the text supports it
(`subject_support`) and for its segment.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import duckdb
import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.pdf import read_page
from extract.records import NumericMention, PageText, ReportExtraction
from extract.text import ProseReader
from extract.text.mentions import mentions_in_text
from tests.dbt_support import run_dbt
from warehouse.manifest import ReportFile
from warehouse.raw_layer import raw_frames, write_report, write_schema_files

REPORT_ID = "subjects_test"

# Paragraphs apart by a blank line, as the prose reader gives them.
PAGE = "\n\n".join(
    [
        # A figure between a name and a number: the name belongs to the nearer figure.
        "La suite numérique a été lancée en 2020. Cette année-là, son coût de maintenance "
        "atteignait 7 M€, dont 30 % pour Resana.",
        "En 2023, Osmose a reçu 20 % des 4 M€ de coût de maintenance de la suite numérique.",
        # A name past the number's clause and before another figure opens that figure's part.
        "Fin 2022 : Resana, 9 ETP et 2 ETP en renfort ; Osmose, 4 ETP.",
        # A demonstrative takes up the last product named, not the organisation in between.
        "Tchap a été ouvert à tous les agents en 2019. La DINUM en assure le suivi. "
        "En mars 2022, cette messagerie comptait 250 000 utilisateurs actifs.",
        # ... and reaches back over a paragraph that names nothing.
        "En juin 2023, cette messagerie ne comptait plus que 210 000 utilisateurs actifs.",
        # A pronoun takes up the subject of its paragraph.
        "L’Audioconférence de l’État a été modernisée. En mai 2023, elle a accueilli "
        "12 000 réunions.",
        # "la direction" takes up the organisation its paragraph named.
        "La DINUM pilote la transformation numérique de l’État. En 2024, la direction a "
        "disposé de 95 M€ de crédits de paiement.",
        # "ils" takes up the subject its paragraph named; an interim worded as the person.
        "Les moyens de la DINUM ont progressé. De 2018 à 2021, ils ont été multipliés par 3. "
        "En 2021, la DINUM a été confiée à un intérimaire durant 7 mois.",
        # The agents yield to the product the sentence names.
        "Sur Tchap, les agents publics ont échangé 40 % des messages en 2022.",
        # A box: its lines carry on with the subject of its title.
        "Le budget de la DINUM en 2024",
        "Crédits de paiement : 120 M€.",
        "Masse salariale : 18 M€.",
        # A possessive opening its sentence takes up the subject of its paragraph...
        "TECH.GOUV a été adoptée en 2019.",
        "Son architecture comprenait, la même année :",
        "– trois axes ;",
        "– sept missions.",
        # ... not one further in: its owner may be a noun of the sentence.
        "Resana est proposé aux ministères. Une société privée a porté son coût de "
        "maintenance à 3 M€ en 2021.",
        # Subjects coordinated as each having the figure share it; "et" alone may sum them.
        "Pour Maia comme pour Osmose, la part des agents publics qui ne s’en servent pas "
        "dépassait 60 % en 2021.",
        "En 2021, Resana et Webinaire ont coûté 6 M€ de maintenance.",
        # A pronoun takes up what a wording of its paragraph takes up; "ils" as "il" does.
        "La gouvernance de la direction a changé. En 2021, elle a connu sept mois d’intérim.",
        "La DINUM a vu ses crédits croître. Entre 2018 et 2021, ils ont été multipliés par quatre.",
        # A list's introduction is the last sentence of its paragraph.
        "Les agents qui ne s’en servent pas dépassent 65 % pour Maia en 2021. En 2021, le "
        "taux d’équipement des agents publics était le suivant :",
        "– smartphone : 33 % ;",
        "– tablette : 11 %.",
        # Each figure of a list has the name of its own stretch of the sentence.
        "Fin 2021, le coût cumulé de déploiement de la suite numérique atteignait 8,5 M€, "
        "dont 45 % pour Webinaire et 25 % pour Maia.",
        # A name set aside is no subject of the figure.
        "Le coût annuel de maintenance de l’Audioconférence de l’État, hors Webinaire, "
        "atteignait 1,4 M€ en 2020.",
        # "cette dernière" takes up the last subject named.
        "Maia et Osmose ont été ouvertes en 2017. Cette dernière comptait 37 000 utilisateurs "
        "actifs en 2019.",
        # A demonstrative naming a thing takes up its owner, named with it before...
        "Tableau n° 5 : Crédits de l’Audioconférence de l’État (en milliers d’euros)",
        "Source : direction du budget",
        "Ces crédits ont été multipliés par six entre 2017 et 2020.",
        # ... and a thing named with no owner gives none.
        "Tableau n° 6 : Dépenses de fonctionnement (en milliers d’euros)",
        "Source : direction du budget",
        "Ces dépenses ont été multipliées par onze entre 2015 et 2018.",
        # Nothing names a subject: no default one.
        "Le rapport ne précise pas l’origine de ces chiffres. Au total, 5 000 réunions ont "
        "été organisées.",
        # Segments named before their figures, then after them: each figure has its own.
        "En décembre 2022, sur Tchap, la gendarmerie a émis 31 % des messages, l’Insee 9 % "
        "et la DGFiP près de 5 %.",
        "En 2021, 64 % des agents publics étaient équipés d’un ordinateur portable, 47 % "
        "d’un ordinateur fixe et 12 % d’une tablette.",
    ]
)


def _box_across_a_page_break(path: Path) -> list[NumericMention]:
    """A box whose title and first line end a page, its other lines opening the next one;
    the mentions of both pages, numbered after PAGE's."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(60, 780, "La suite numérique réunit les outils collaboratifs des agents.")
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(60, 110, "Encadré n° 3 – La suite numérique en 2022")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(60, 96, "Coût total : 12 M€.")
    pdf.showPage()
    pdf.setFont("Helvetica", 10)
    pdf.drawString(60, 780, "Coût par agent : 60 € par an.")
    pdf.drawString(60, 766, "Utilisateurs en moyenne : 150 000.")
    pdf.drawString(60, 740, "Les ministères conservent leurs propres outils de messagerie.")
    pdf.showPage()
    pdf.save()
    reader = ProseReader()
    mentions = []
    with pdfplumber.open(path) as document:
        for page in document.pages:
            try:
                mentions += reader.read_page(read_page(page))
            finally:
                page.close()
    return [replace(m, page=m.page + 1) for m in [*mentions, *reader.finish()]]


@pytest.fixture(scope="module")
def mention_rows(tmp_path_factory) -> list[tuple[str, str | None, str | None, str | None, str]]:
    """(raw_text, subject, subject_support, segment, metric) of each number of PAGE with a
    metric."""
    work = tmp_path_factory.mktemp("subjects")
    raw_layer, warehouse = work / "raw", work / "warehouse.duckdb"
    mentions = mentions_in_text(PAGE, page=1) + _box_across_a_page_break(work / "box.pdf")
    extraction = ReportExtraction(
        report_id=REPORT_ID,
        page_count=3,
        pages=[PageText(page=n, width=595, height=842, text=PAGE) for n in (1, 2, 3)],
        tables=[],
        charts=[],
        mentions=mentions,
    )
    report = ReportFile(report_id=REPORT_ID, path=Path(f"{REPORT_ID}.pdf"))
    write_schema_files(raw_layer)
    write_report(raw_layer, REPORT_ID, raw_frames(report, extraction, "0" * 64))
    variables = json.dumps({"warehouse": str(warehouse), "raw_layer": str(raw_layer)})
    selection = [
        "--select",
        "+int_mention_subjects",
        "+int_mention_segments",
        "--indirect-selection",
        "cautious",
        # The dbt unit tests have their own test (test_dbt_unit_tests.py).
        "--exclude-resource-type",
        "unit_test",
    ]
    run_dbt("build", *selection, "--vars", variables, target=work)
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        rows = conn.execute(
            """
            SELECT mentions.raw_text, subjects.subject, subjects.subject_support,
                segments.segment, int_mention_metrics.metric
            FROM staging.stg_mentions AS mentions
            INNER JOIN intermediate.int_mention_metrics USING (report_id, mention_index)
            LEFT JOIN intermediate.int_mention_subjects AS subjects
                USING (report_id, mention_index)
            LEFT JOIN intermediate.int_mention_segments AS segments
                USING (report_id, mention_index)
            """
        ).fetchall()
    return rows


@pytest.fixture(scope="module")
def classified(mention_rows) -> dict[str, tuple[str | None, str | None, str | None]]:
    """raw_text -> (subject, subject_support, segment) of each number with one subject."""
    return {raw_text: tuple(found[:3]) for raw_text, *found in mention_rows}


@pytest.fixture(scope="module")
def subjects_of(mention_rows) -> dict[str, list[str | None]]:
    """raw_text -> every subject found for it."""
    found: dict[str, list[str | None]] = {}
    for raw_text, subject, *_ in mention_rows:
        found.setdefault(raw_text, []).append(subject)
    return {raw_text: sorted(subjects, key=str) for raw_text, subjects in found.items()}


@pytest.fixture(scope="module")
def metrics(mention_rows) -> dict[str, str]:
    """raw_text -> metric."""
    return {raw_text: metric for raw_text, *_, metric in mention_rows}


@pytest.fixture(scope="module")
def subjects(classified) -> dict[str, tuple[str | None, str | None]]:
    """raw_text -> (subject, subject_support)."""
    return {raw_text: found[:2] for raw_text, found in classified.items()}


@pytest.fixture(scope="module")
def segments(classified) -> dict[str, str | None]:
    """raw_text -> segment."""
    return {raw_text: found[2] for raw_text, found in classified.items()}


def test_a_name_after_another_figure_is_that_figure_s(subjects):
    assert subjects["7 M€"] == ("suite_numerique", "back_reference")
    assert subjects["30 %"] == ("resana", "clause")


def test_a_name_before_another_figure_yields_to_a_name_with_no_figure_between(subjects):
    assert subjects["20 %"] == ("osmose", "clause")
    assert subjects["4 M€"] == ("suite_numerique", "clause")


def test_a_name_after_a_figure_and_before_the_next_is_the_first_one_s(subjects):
    assert subjects["45 %"] == ("webinaire", "clause")
    assert subjects["25 %"] == ("maia", "clause")


def test_a_name_past_the_clause_before_another_figure_is_that_figure_s(subjects):
    assert subjects["9 ETP"] == ("resana", "sentence")
    assert subjects["2 ETP"] == ("resana", "sentence")
    assert subjects["4 ETP"] == ("osmose", "sentence")


def test_a_demonstrative_takes_up_the_last_subject_of_its_kind(subjects):
    assert subjects["250 000"] == ("tchap", "back_reference")


def test_a_demonstrative_reaches_back_over_a_paragraph(subjects):
    assert subjects["210 000"] == ("tchap", "back_reference")


def test_a_pronoun_takes_up_the_subject_of_its_paragraph(subjects):
    assert subjects["12 000"] == ("audioconference", "back_reference")


def test_the_direction_takes_up_the_organisation_of_its_paragraph(subjects):
    assert subjects["95 M€"] == ("dinum", "back_reference")


def test_a_plural_pronoun_takes_up_the_subject_of_its_paragraph(subjects):
    assert subjects["3"] == ("dinum", "back_reference")


def test_an_interim_worded_as_the_interim_director_names_the_metric(subjects):
    assert subjects["7 mois"] == ("dinum", "clause")


def test_the_agents_yield_to_a_product_of_the_sentence(subjects):
    assert subjects["40 %"] == ("tchap", "sentence")


def test_box_lines_carry_on_with_the_subject_of_the_line_before(subjects):
    assert subjects["120 M€"] == ("dinum", "introduction")
    assert subjects["18 M€"] == ("dinum", "continued")


def test_a_full_sentence_before_only_gives_a_guess(subjects):
    assert subjects["3 M€"] == ("resana", "previous_sentence")


def test_a_possessive_opening_its_sentence_takes_up_the_subject_of_its_paragraph(subjects):
    # each line of a list, from its introduction
    assert [subjects["trois"], subjects["sept"]] == [("tech_gouv", "back_reference")] * 2


def test_a_name_set_aside_is_no_subject(subjects):
    assert subjects["1,4 M€"] == ("audioconference", "sentence")


def test_the_latter_takes_up_the_last_subject_named(subjects):
    assert subjects["37 000"] == ("osmose", "back_reference")


def test_a_demonstrative_thing_takes_up_the_owner_named_with_it_before(subjects, metrics):
    assert metrics["six"] == metrics["onze"] == "budget_growth_factor"
    assert subjects["six"] == ("audioconference", "back_reference")
    assert subjects["onze"] == (None, None)


def test_a_box_cut_by_a_page_break_keeps_the_subject_of_its_title(subjects):
    assert subjects["12 M€"] == ("suite_numerique", "introduction")
    assert subjects["60 € par an"] == ("suite_numerique", "continued")
    assert subjects["150 000"] == ("suite_numerique", "continued")


def test_no_subject_without_support(subjects):
    assert subjects["5 000"] == (None, None)


def test_a_segment_named_before_each_figure_is_that_figure_s(segments):
    assert [segments["31 %"], segments["9 %"], segments["5 %"]] == ["gendarmerie", "insee", "dgfip"]


def test_a_segment_named_after_each_figure_is_that_figure_s(segments):
    assert [segments["64 %"], segments["47 %"], segments["12 %"]] == ["laptop", "desktop", "tablet"]


def test_subjects_coordinated_as_each_having_the_figure_share_it(subjects_of):
    assert subjects_of["60 %"] == ["maia", "osmose"]


def test_subjects_joined_by_et_alone_give_only_a_guess(subjects_of, subjects):
    assert len(subjects_of["6 M€"]) == 1
    assert subjects["6 M€"][1] == "joined"


def test_a_pronoun_takes_up_what_a_wording_of_its_paragraph_takes_up(subjects):
    assert subjects["sept mois"] == ("dinum", "back_reference")


def test_a_plural_pronoun_in_words_takes_up_the_subject_of_its_paragraph(subjects):
    assert subjects["quatre"] == ("dinum", "back_reference")


def test_list_lines_take_the_metric_of_the_last_sentence_of_their_introduction(metrics, segments):
    assert [metrics["33 %"], metrics["11 %"]] == ["equipment_rate"] * 2
    assert [segments["33 %"], segments["11 %"]] == ["smartphone", "tablet"]
