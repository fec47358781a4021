"""Numeric mentions in prose and on a PDF page (extract.text.mentions)."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.pdf import read_page
from extract.text.mentions import clause_bounds, mentions_in_text, mentions_on_page, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def by_raw(text: str) -> dict:
    return {m.raw_text: m for m in mentions_in_text(text, page=3)}


# ------------------------------------------------------------------ sentences and clauses


def test_sentences_split_on_periods_followed_by_a_capital():
    text = "Le coût atteint 4 M€. La plateforme compte 900 comptes ! Est-ce assez ? Oui."
    assert sentences(text) == [
        "Le coût atteint 4 M€.",
        "La plateforme compte 900 comptes !",
        "Est-ce assez ?",
        "Oui.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Voir le tableau n° 3. Il détaille les coûts.",
        "Voir p. 12 du rapport.",
        "Un pic en janv. 2022 puis une baisse en déc. 2023 selon la direction.",
        "Des outils (messagerie, stockage, etc.) sont proposés.",
        "Selon M. Martin le coût est stable.",
        "Le rapport, cf. Annexe 2, détaille ce point.",
    ],
)
def test_abbreviations_do_not_end_sentences(text):
    expected = 2 if text.startswith("Voir le tableau") else 1
    assert len(sentences(text)) == expected


def test_etc_ends_a_sentence_only_before_a_capital():
    assert len(sentences("Des outils, des sites, etc. Le coût reste élevé.")) == 2


def test_blank_line_and_closing_quote():
    text = "Il indique « tout va bien. » Puis il part\n\nUn titre"
    assert sentences(text) == ["Il indique « tout va bien. »", "Puis il part", "Un titre"]


def test_numbered_heading_marker_is_not_a_sentence():
    assert sentences("1. Un coût élevé") == ["1. Un coût élevé"]


def test_clause_bounds_cut_at_punctuation_but_not_decimal_commas():
    sentence = "En 2023, le coût atteint 9,3 M€ (dont 60 % pour la messagerie) ; il baisse."
    start = sentence.index("9,3")
    assert sentence[slice(*clause_bounds(sentence, start, start + 6))] == "le coût atteint 9,3 M€"
    start = sentence.index("60 %")
    assert sentence[slice(*clause_bounds(sentence, start, start + 4))] == (
        "dont 60 % pour la messagerie"
    )
    start = sentence.index("il")
    assert sentence[slice(*clause_bounds(sentence, start, start + 2))] == "il baisse."


def test_clause_bounds_cut_at_dashes_and_colons():
    sentence = "Deux chiffres : 12 comptes — et 14 services"
    start = sentence.index("14")
    assert sentence[slice(*clause_bounds(sentence, start, start + 2))] == "et 14 services"


# ------------------------------------------------------------------ mentions in prose


def test_preceding_text_keeps_the_paragraphs_before_the_sentence():
    text = (
        "Le portail a ouvert\nen 2019.\n\nLa messagerie est née. Elle a servi 12 000 agents.\n\n"
        "Le service compte 300 comptes."
    )
    first, second = [m for m in mentions_in_text(text, page=1) if m.non_fact_kind is None]
    assert first.preceding_text == "Le portail a ouvert en 2019.\n\nLa messagerie est née."
    assert second.preceding_text.endswith("Elle a servi 12 000 agents.\n\n")


def test_every_field_is_filled():
    text = "La direction est installée. Le service compte près de 48 000 comptes au T3 2023."
    (mention,) = mentions_in_text(text, page=7)
    assert mention.page == 7
    assert mention.source_kind == "text"
    assert mention.raw_text == "48 000"
    assert mention.sentence[mention.number_start : mention.number_end] == "48 000"
    assert mention.sentence == "Le service compte près de 48 000 comptes au T3 2023."
    assert mention.previous_sentence == "La direction est installée."
    assert mention.sentence[mention.clause_start : mention.clause_end] == mention.sentence
    assert (mention.value, mention.unit, mention.qualifier) == (48000.0, "count", "approx")
    assert (mention.period_start, mention.period_end) == (date(2023, 7, 1), date(2023, 9, 30))
    assert mention.period_text == "T3 2023"
    assert mention.open_ended is False
    assert mention.range_role is None and mention.non_fact_kind is None
    assert mention.bbox is None


def test_sentence_period_goes_to_every_number_and_is_not_a_mention_itself():
    found = by_raw("En 2023, le budget atteint 79 M€ en AE et 138 M€ en CP.")
    assert set(found) == {"79 M€", "138 M€"}
    for raw in ("79 M€", "138 M€"):
        assert found[raw].period_text == "2023"
        assert found[raw].period_start == date(2023, 1, 1)
        assert found[raw].period_end == date(2023, 12, 31)


def test_each_number_takes_the_period_of_its_own_wording():
    found = by_raw("La refonte a coûté 2,4 M€ entre 2020 et 2022 et 0,9 M€ en maintenance en 2024.")
    assert found["2,4 M€"].period_text == "entre 2020 et 2022"
    assert found["0,9 M€"].period_text == "2024"
    assert "2020" not in found and "2024" not in found


def test_period_before_the_number_in_the_clause():
    found = by_raw("Le taux est faible, et à la mi-2022 seuls 12 étaient atteints.")
    assert found["12"].period_end == date(2022, 6, 30)
    assert found["12"].period_start is None


def test_parenthesised_number_takes_the_period_just_before_the_parenthesis():
    found = by_raw(
        "Le volume a culminé en mars 2021 (2,1 millions), puis il est tombé à "
        "1 million de messages en juin 2023."
    )
    assert found["2,1 millions"].period_text == "mars 2021"
    assert found["2,1 millions"].value == 2100000.0
    assert found["1 million"].period_text == "juin 2023"


def test_several_distinct_periods_and_no_period_in_the_clause_give_none():
    found = by_raw("Créé en 2018, le service, qui compte 300 comptes, a été refondu en 2022.")
    assert found["300"].period_text is None
    assert found["2018"].non_fact_kind == "year"
    assert found["2022"].non_fact_kind == "year"


def test_a_later_sentence_takes_up_the_period_with_a_back_reference():
    found = by_raw(
        "Le plan a été adopté en 2019. Il comptait alors six axes. L'enquête date de 2022. "
        "Le service n'est pas cité. La même année, 23 % des agents étaient satisfaits."
    )
    assert (found["six"].period_start, found["six"].period_end) == (
        date(2019, 1, 1),
        date(2019, 12, 31),
    )
    assert found["23 %"].period_text == "La même année"
    assert found["23 %"].period_start == date(2022, 1, 1)


def test_a_period_framing_the_sentence_goes_to_the_figures_after_it():
    found = by_raw(
        "En mars 2021, le portail a reçu 120 demandes ; en mai 2022, environ 90 demandes."
    )
    assert found["120"].period_text == "mars 2021"
    assert found["90"].period_text == "mai 2022"
    found = by_raw("Fin 2020, le service a traité 40 dossiers, contre 25 dossiers en juin 2019.")
    assert found["40"].period_text == "Fin 2020"
    assert found["25"].period_text == "juin 2019"


def test_au_titre_de_and_au_cours_de_frame_the_figures_after_them():
    found = by_raw(
        "En mars 2021, le site comptait douze pages ; au titre de 2022, le service "
        "prévoyait trente formations."
    )
    assert found["douze"].period_text == "mars 2021"
    assert found["trente"].period_start == date(2022, 1, 1)
    found = by_raw("Fin 2019, 8 sites ; au cours de l'année 2020, le réseau a ouvert 6 sites.")
    assert found["6"].period_start == date(2020, 1, 1)


def test_a_period_of_a_clause_with_its_own_verb_frames_nothing_else():
    found = by_raw("En 2021, selon l'étude de 2019, le réseau comptait 75 sites.")
    assert found["75"].period_text == "2021"


def test_list_and_box_lines_take_the_period_of_their_title_or_introduction():
    found = by_raw(
        "Les comptes du service en 2020\n\n"
        "Recettes : 4 M€.\n\n"
        "Dépenses : 3 M€, dont 1 M€ de loyers.\n\n"
        "Le service emploie 40 agents.\n\n"
        "Fin 2021, la flotte comptait les véhicules suivants :\n\n"
        "– voitures : 120 ;\n\n"
        "– vélos : 35 en mars 2022.\n\n"
        "– camions : 8.\n\n"
        "Le parc a coûté 2 M€."
    )
    framed = by_raw(
        "Le marché en 2019\n\nPrix moyen : 10 €.\n\n"
        "Les autres offres du marché servent de repère : elles coûtent 15 €."
    )
    assert framed["10 €"].period_text == "2019"
    assert framed["15 €"].period_text is None
    assert [found[raw].period_text for raw in ("4 M€", "3 M€", "1 M€")] == ["2020"] * 3
    assert found["40"].period_text is None  # prose after the box: the title is no longer its
    assert found["120"].period_text == "Fin 2021"
    assert found["35"].period_text == "mars 2022"
    assert found["8"].period_text is None  # a line with a period of its own ends the frame
    assert found["2 M€"].period_text is None


def test_lines_bulleted_from_a_symbol_font_take_the_period_of_their_introduction():
    # Symbol and Wingdings bullets come out of a PDF as private-use characters.
    found = by_raw(
        "À la fin de l’année 2021, les sites se répartissaient ainsi :\n\n"
        "\uf0b7 région nord : 7 sites ouverts ;\n\n"
        "\uf095 région sud : 4 sites ouverts."
    )
    assert [found[raw].period_end for raw in ("7", "4")] == [date(2021, 12, 31)] * 2


def test_lines_with_drawn_bullets_take_the_period_of_their_introduction():
    # A browser draws the bullets of an HTML list: the text holds only the items.
    found = by_raw(
        "La même année 2021, le réseau comprenait :\n\n"
        "sept agences ;\n\n"
        "douze guichets.\n\n"
        "Il a ouvert 3 guichets."
    )
    assert [found[raw].period_end for raw in ("sept", "douze")] == [date(2021, 12, 31)] * 2
    assert found["3"].period_text is None


def test_a_counted_noun_is_a_quantity_and_a_numbered_one_a_reference():
    found = by_raw("Le programme 352 finance 35 programmes.")
    assert found["352"].non_fact_kind == "reference_number"
    assert found["35"].non_fact_kind is None


def test_open_ended_period():
    found = by_raw("Le service plafonne à 4 000 sessions par mois depuis fin 2022.")
    mention = found["4 000"]
    assert mention.open_ended is True
    assert (mention.period_start, mention.period_end) == (date(2022, 10, 1), None)


def test_month_without_year_in_prose():
    found = by_raw("Le service a servi 12 500 comptes en mars et 6 100 en octobre 2023.")
    assert found["12 500"].period_start == date(2023, 3, 1)
    assert found["6 100"].period_start == date(2023, 10, 1)


def test_range_mentions_share_unit_and_period():
    found = by_raw("En 2022, les licences coûtent entre 250 et 480 euros par an et par agent.")
    low, high = found["250"], found["480 euros par an et par agent"]
    assert (low.range_role, high.range_role) == ("min", "max")
    assert low.unit == high.unit == "EUR_per_agent_per_year"
    assert low.period_text == high.period_text == "2022"


def test_qualifiers_and_no_break_spaces_in_prose():
    found = by_raw(
        "Un peu plus de 11 ETP et moins de 150\u202f000 agents ; le taux ne dépasse jamais 9 %."
    )
    assert found["11 ETP"].qualifier == "above"
    assert found["11 ETP"].unit == "FTE"
    assert found["150\u202f000"].qualifier == "below"
    assert found["150\u202f000"].value == 150000.0
    assert found["9 %"].qualifier == "at_most"


def test_negative_number_in_prose():
    found = by_raw("Les crédits évoluent de −3,2 % par an.")
    assert found["−3,2 %"].value == -3.2


@pytest.mark.parametrize(
    ("text", "raw", "kind"),
    [
        ("1. Les coûts du service", "1", "section_number"),
        ("2.3 Le pilotage du service", "2.3", "section_number"),
        ("II. Une offre peu lisible", "II", "section_number"),
        ("A. Une offre peu lisible", "A", "section_number"),
        ("B - Une offre peu lisible", "B", "section_number"),
        ("Chapitre 2 : le pilotage", "2", "section_number"),
        ("Voir l'annexe n° 4 du rapport.", "4", "section_number"),
        ("Le tableau n° 3 détaille les coûts.", "3", "table_number"),
        ("Le graphique n° 2 présente l'évolution.", "2", "chart_number"),
        ("La figure 1 présente l'évolution.", "1", "chart_number"),
        ("La recommandation n° 4 est mise en œuvre.", "4", "recommendation_number"),
        ("Le décret n° 2019-1088 crée la direction.", "2019", "legal_reference"),
        ("Le décret n° 2019-1088 crée la direction.", "1088", "legal_reference"),
        ("La loi n° 2016-1321 est appliquée.", "1321", "legal_reference"),
        ("L'article 4 prévoit un rapport.", "4", "legal_reference"),
        ("Les articles 4 et 5 prévoient un rapport.", "5", "legal_reference"),
        ("L'arrêté du 30 octobre 2019 fixe la liste.", "30", "legal_reference"),
        ("L'arrêté du 30 octobre 2019 fixe la liste.", "2019", "legal_reference"),
        ("Le comité s'est réuni le 30 octobre 2019.", "30", "date_day"),
        ("Le comité s'est réuni le 30 octobre 2019.", "2019", "year"),
        ("La direction a été créée en 2019.", "2019", "year"),
        ("Comme indiqué p. 12, le coût augmente.", "12", "page_number"),
        ("Le dossier n° 17 est clos.", "17", "reference_number"),
        ("Le programme 352 porte les crédits.", "352", "reference_number"),
        ("L'axe 2 du plan est abandonné.", "2", "reference_number"),
        ("La remarque, formulée page 17, est reprise.", "17", "page_number"),
    ],
)
def test_non_fact_kinds(text, raw, kind):
    mention = by_raw(text)[raw]
    assert mention.non_fact_kind == kind
    assert mention.unit is None


def test_facts_in_a_heading_are_still_facts():
    found = by_raw("2. Un coût de 9,3 M€")
    assert found["2"].non_fact_kind == "section_number"
    assert found["9,3 M€"].non_fact_kind is None


def test_a_year_with_a_unit_is_a_quantity():
    found = by_raw("Le service a coûté 2000 € de plus.")
    assert found["2000 €"].non_fact_kind is None
    assert found["2000 €"].unit == "EUR"


# ------------------------------------------------------------------ a PDF page

BODY_Y = 130  # distance from the top of the page to the baseline of the first body line


def _make_page(path) -> None:
    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 8)
    c.drawString(72, height - 30, "LE PILOTAGE DES OUTILS NUMÉRIQUES 2024")
    c.setFont("Helvetica-Bold", 13)
    c.drawString(72, height - 100, "2. Des coûts en hausse")
    text = c.beginText(72, height - BODY_Y)
    text.setFont("Helvetica", 10)
    text.textOut("Le service a coûté près de 4,2 M€ à la fin de l'année 2023")
    text.setFont("Helvetica", 6.5)
    text.setRise(3.5)
    text.textOut("7")
    text.setRise(0)
    text.setFont("Helvetica", 10)
    text.textOut(". Il compte 27 500 comptes actifs.")
    c.drawText(text)
    c.drawString(72, height - BODY_Y - 14, "La plateforme a été créée en 2018 par la direction.")
    c.drawString(100, height - BODY_Y - 80, "99 999")  # inside a table, read elsewhere
    c.setFont("Helvetica", 8)
    c.drawString(72, 80, "7 Décret n° 2019-1088 du 25 octobre 2019 ; 12 ministères sont visés.")
    c.setFont("Helvetica", 9)
    c.drawString(width / 2, 30, "14")
    c.showPage()
    c.save()


@pytest.fixture(scope="module")
def page_mentions(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "page.pdf"
    _make_page(path)
    with pdfplumber.open(path) as pdf:
        page = read_page(pdf.pages[0])
        table_box = (90, BODY_Y + 60, 200, BODY_Y + 90)
        return mentions_on_page(page, exclude=[table_box]), page.width, page.height


def test_page_drops_running_header_and_excluded_boxes(page_mentions):
    mentions, _, _ = page_mentions
    raws = [m.raw_text for m in mentions]
    assert "2024" not in raws
    assert "99 999" not in raws
    assert all("PILOTAGE" not in m.sentence for m in mentions)


def test_page_number_footer(page_mentions):
    mentions, width, height = page_mentions
    (footer,) = [m for m in mentions if m.non_fact_kind == "page_number"]
    assert footer.value == 14.0
    assert footer.bbox[1] > height * 0.9
    assert footer.page == 1


def test_page_heading_is_a_section_number(page_mentions):
    mentions, _, _ = page_mentions
    (heading,) = [m for m in mentions if m.non_fact_kind == "section_number"]
    assert heading.raw_text == "2"
    assert heading.sentence == "2. Des coûts en hausse"


def test_page_superscript_call_is_a_footnote_call_and_does_not_hide_the_year(page_mentions):
    mentions, _, _ = page_mentions
    calls = [m for m in mentions if m.non_fact_kind == "footnote_call"]
    body_call = next(m for m in calls if "service" in m.sentence)
    assert body_call.raw_text == "7"
    assert body_call.bbox[3] - body_call.bbox[1] < 8  # set small
    figure = next(m for m in mentions if m.raw_text == "4,2 M€")
    assert figure.value == 4200000.0 and figure.unit == "EUR" and figure.qualifier == "approx"
    assert figure.period_end == date(2023, 12, 31)
    assert figure.non_fact_kind is None
    assert "2023" not in [m.raw_text for m in mentions]


def test_page_bboxes_locate_the_numbers(page_mentions):
    mentions, width, _ = page_mentions
    figure = next(m for m in mentions if m.raw_text == "27 500")
    x0, top, x1, bottom = figure.bbox
    assert 72 < x0 < x1 < width
    assert BODY_Y - 10 < top < bottom < BODY_Y + 5
    assert figure.sentence == "Il compte 27 500 comptes actifs."
    assert figure.previous_sentence.startswith("Le service a coûté")


def test_page_footnote_body(page_mentions):
    mentions, _, height = page_mentions
    footnote = [m for m in mentions if m.sentence.startswith("7 Décret")]
    kinds = {(m.raw_text, m.non_fact_kind) for m in footnote}
    assert ("7", "footnote_call") in kinds
    assert ("1088", "legal_reference") in kinds
    assert ("25", "legal_reference") in kinds
    assert ("12", None) in kinds
    assert all(m.bbox[1] > height * 0.8 for m in footnote)


def test_page_year_used_as_a_date(page_mentions):
    mentions, _, _ = page_mentions
    (year,) = [m for m in mentions if m.raw_text == "2018"]
    assert year.non_fact_kind == "year"


def _contents_page(path, entries: list[tuple[str, str]]) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    y = 740
    for title, number in entries:
        c.drawString(72, y, title)
        c.drawRightString(520, y, number)
        y -= 18
    for _ in range(29):  # the document runs to 30 pages
        c.showPage()
    c.save()


def test_contents_page_numbers_are_page_numbers(tmp_path):
    path = tmp_path / "contents.pdf"
    _contents_page(
        path,
        [
            ("Introduction", "3"),
            ("Chapitre I – Les moyens", "4"),
            ("A - Le budget", "7"),
            ("Chapitre II – Les produits", "12"),
        ],
    )
    with pdfplumber.open(path) as pdf:
        page = read_page(pdf.pages[0])
    mentions = mentions_on_page(page)
    entries = [m for m in mentions if m.raw_text in {"3", "4", "7", "12"}]
    assert [m.raw_text for m in entries] == ["3", "4", "7", "12"]
    assert {m.non_fact_kind for m in entries} == {"page_number"}


def test_prose_lines_ending_with_years_are_not_contents(tmp_path):
    path = tmp_path / "prose.pdf"
    _contents_page(
        path,
        [
            ("La stratégie a été adoptée en", "2019"),
            ("puis actualisée en", "2021"),
            ("et abandonnée en", "2022"),
        ],
    )
    with pdfplumber.open(path) as pdf:
        page = read_page(pdf.pages[0])
    kinds = {m.raw_text: m.non_fact_kind for m in mentions_on_page(page)}
    assert "page_number" not in kinds.values()
