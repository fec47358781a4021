"""Constructions the held-out wording of the corpus showed the classifier missing or misreading.

Sentences written for these tests (not the corpus' own) go through the text extractor and
the dbt models up to int_mention_subjects and int_mention_segments; each number is checked
for its metric, subject and segment.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from extract.records import PageText, ReportExtraction
from extract.text.mentions import mentions_in_text
from tests.dbt_support import run_dbt
from warehouse.manifest import ReportFile
from warehouse.raw_layer import raw_frames, write_report, write_schema_files

REPORT_ID = "unseen_wordings_test"

PAGE = "\n\n".join(
    [
        # A footnote call the page reader did not see raised stays glued to the word.
        "Au deuxième trimestre 2022, Resana réunissait 31 000 utilisateurs actifs4.",
        # Segments named before a figure in parentheses.
        "En mars 2023, la gendarmerie était à l’origine de 21 % des messages de Tchap, devant "
        "la DGFiP (environ 11 %) et l’Insee (quelque 4 %).",
        # Agents who do not know the tools, then do not use them: the nearer wording wins.
        "En 2021, environ 62 % des agents ignoraient les outils de la suite numérique ou ne "
        "s’en servaient pas.",
        # A plural of the external users' wording.
        "En 2021, 2,5 % des utilisateurs actifs de Tchap étaient extérieurs à l’administration.",
        # A possessive in the noun phrase opening its sentence takes up its paragraph's
        # subject, for the figures of the whole sentence...
        "Osmose a été ouvert aux ministères en 2020. En 2022, le nombre de ses utilisateurs "
        "actifs a progressé de 12 % ; 1,4 % de ces utilisateurs actifs étaient externes.",
        "Resana est proposé aux ministères. L’essentiel de son coût de maintenance a "
        "atteint 2 M€ en 2021.",
        # ... not one further in: the noun before it may own it.
        "Resana est hébergé par l’État. En 2021, un prestataire a vu le nombre de ses "
        "utilisateurs actifs croître de 15 %.",
        # A private office suite, named in the singular with its kind.
        "Une licence de suite bureautique privée coûte entre 280 € et 410 € par agent et par an.",
    ]
)


@pytest.fixture(scope="module")
def classified(tmp_path_factory) -> dict[str, tuple[str | None, ...]]:
    """raw_text -> (metric, subject, segment, subject_support) of each number of PAGE."""
    work = tmp_path_factory.mktemp("unseen_wordings")
    raw_layer, warehouse = work / "raw", work / "warehouse.duckdb"
    extraction = ReportExtraction(
        report_id=REPORT_ID,
        page_count=1,
        pages=[PageText(page=1, width=595, height=842, text=PAGE)],
        tables=[],
        charts=[],
        mentions=mentions_in_text(PAGE, page=1),
    )
    report = ReportFile(report_id=REPORT_ID, path=Path(f"{REPORT_ID}.pdf"))
    write_schema_files(raw_layer)
    write_report(raw_layer, REPORT_ID, raw_frames(report, extraction, "0" * 64))
    variables = json.dumps({"warehouse": str(warehouse), "raw_layer": str(raw_layer)})
    selection = ["--select", "+int_mention_subjects", "+int_mention_segments"]
    # The dbt unit tests have their own test (test_dbt_unit_tests.py).
    selection += ["--indirect-selection", "cautious", "--exclude-resource-type", "unit_test"]
    run_dbt("build", *selection, "--vars", variables, target=work)
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        rows = conn.execute(
            """
            SELECT mentions.raw_text, metrics.metric, subjects.subject, segments.segment,
                subjects.subject_support
            FROM staging.stg_mentions AS mentions
            LEFT JOIN intermediate.int_mention_metrics AS metrics
                USING (report_id, mention_index)
            LEFT JOIN intermediate.int_mention_subjects AS subjects
                USING (report_id, mention_index)
            LEFT JOIN intermediate.int_mention_segments AS segments
                USING (report_id, mention_index)
            WHERE mentions.non_fact_kind IS NULL
            """
        ).fetchall()
    return {raw_text: tuple(found) for raw_text, *found in rows}


def test_a_word_with_a_footnote_call_glued_to_it_still_names_the_metric(classified):
    assert classified["31 000"][:3] == ("active_users", "resana", None)


def test_a_segment_named_before_a_figure_in_parentheses_is_that_figure_s(classified):
    assert [classified[f][2] for f in ("21 %", "11 %", "4 %")] == ["gendarmerie", "dgfip", "insee"]


def test_the_nearer_of_two_coordinated_metric_wordings_wins(classified):
    assert classified["62 %"][:2] == ("unknown_or_unused_share", "suite_numerique")


def test_a_plural_wording_names_its_metric(classified):
    assert classified["2,5 %"][:2] == ("external_active_users_share", "tchap")


def test_a_private_office_suite_in_the_singular_is_the_private_suites(classified):
    assert [classified[f][:2] for f in ("280 €", "410 € par agent et par an")] == [
        ("licence_cost_per_agent_annual_min", "private_suites"),
        ("licence_cost_per_agent_annual_max", "private_suites"),
    ]


def test_a_possessive_in_the_noun_phrase_opening_its_sentence_takes_up_the_subject(classified):
    assert [classified[f][1::2] for f in ("12 %", "1,4 %", "2 M€")] == [
        ("osmose", "back_reference"),
        ("osmose", "back_reference"),
        ("resana", "back_reference"),
    ]


def test_a_possessive_after_a_noun_of_its_sentence_is_no_back_reference(classified):
    assert classified["15 %"][3] != "back_reference"
