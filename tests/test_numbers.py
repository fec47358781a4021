"""French number, unit and qualifier parsing (extract.text.numbers)."""

from __future__ import annotations

import pytest

from extract.text.numbers import (
    UnitScale,
    find_quantities,
    parse_number,
    parse_quantity,
    qualifier_before,
    unit_from_note,
)


def only(text: str):
    quantities = find_quantities(text)
    assert len(quantities) == 1, quantities
    return quantities[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("9,3", 9.3),
        ("22 043", 22043.0),
        ("22\u00a0043", 22043.0),
        ("22\u202f043", 22043.0),
        ("1 850 000", 1850000.0),
        ("1\u00a0850\u00a0000,5", 1850000.5),
        ("0,5", 0.5),
        ("-3,2", -3.2),
        ("\u22123,2", -3.2),
        ("\u20133,2", -3.2),
        ("- 3,2", -3.2),
        ("52,8", 52.8),
        ("vingt-deux", 22.0),
        ("deux cent un", 201.0),
        ("neuf-cent-quatre-vingt-dix-neuf", 999.0),
        ("zéro", 0.0),
        ("abc", None),
        ("", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("un coût de 9,3 M€ en tout", "9,3 M€", 9300000.0, "EUR"),
        ("soit 1,85 M€.", "1,85 M€", 1850000.0, "EUR"),
        ("un budget de 1,2 Md€", "1,2 Md€", 1200000000.0, "EUR"),
        ("un budget de 3 Mds €", "3 Mds €", 3000000000.0, "EUR"),
        ("soit 450 k€", "450 k€", 450000.0, "EUR"),
        ("soit 12 €", "12 €", 12.0, "EUR"),
        ("soit 12 euros", "12 euros", 12.0, "EUR"),
        ("soit 2,5 millions d'euros", "2,5 millions d'euros", 2500000.0, "EUR"),
        ("soit 2,5 millions d’euros", "2,5 millions d’euros", 2500000.0, "EUR"),
        ("et 4,8 millions de messages", "4,8 millions", 4800000.0, "count"),
        ("avec 4,8 millions", "4,8 millions", 4800000.0, "count"),
        ("des milliers", None, None, None),
        ("soit 3 milliers de comptes", "3 milliers", 3000.0, "count"),
        ("soit 3,3 % des comptes", "3,3 %", 3.3, "percent"),
        ("soit 3,3\u00a0% des comptes", "3,3\u00a0%", 3.3, "percent"),
        ("soit 23% des comptes", "23%", 23.0, "percent"),
        ("soit 16 pour cent des agents", "16 pour cent", 16.0, "percent"),
        ("avec 4 ETP", "4 ETP", 4.0, "FTE"),
        ("avec 2,5 ETPT", "2,5 ETPT", 2.5, "FTE"),
        ("avec 3 équivalents temps plein", "3 équivalents temps plein", 3.0, "FTE"),
        ("pendant 9 mois", "9 mois", 9.0, "months"),
        ("un budget multiplié par 5", "5", 5.0, "ratio"),
        ("un budget multiplié par cinq", "cinq", 5.0, "ratio"),
        ("trois fois plus élevé", "trois fois", 3.0, "ratio"),
        ("soit 5 M€ par an", "5 M€ par an", 5000000.0, "EUR_per_year"),
        ("soit 100 000 € par an", "100 000 € par an", 100000.0, "EUR_per_year"),
        (
            "soit 75 € par agent et par an",
            "75 € par agent et par an",
            75.0,
            "EUR_per_agent_per_year",
        ),
        (
            "soit 75 euros par an et par agent",
            "75 euros par an et par agent",
            75.0,
            "EUR_per_agent_per_year",
        ),
        ("pour 1 200 agents", "1 200", 1200.0, "count"),
    ],
)
def test_units_and_scales(text, raw, value, unit):
    quantities = find_quantities(text)
    if raw is None:
        assert quantities == []
        return
    assert len(quantities) == 1
    assert (quantities[0].raw_text, quantities[0].value, quantities[0].unit) == (raw, value, unit)
    assert text[quantities[0].start : quantities[0].end] == raw


def test_resolved_values_are_exact_not_float_noise():
    assert only("0,1 M€").value == 100000.0
    assert only("9,3 M€").value == 9300000.0
    assert only("1,85 M€").value == 1850000.0
    assert only("0,7 Md€").value == 700000000.0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("une baisse de -3,2 %", -3.2),
        ("une baisse de \u22123,2 %", -3.2),
        ("une baisse de \u20133,2 %", -3.2),
        ("soit +30 %", 30.0),
    ],
)
def test_signed_numbers(text, value):
    assert only(text).value == value
    assert only(text).unit == "percent"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("autour de six objectifs", 6.0, "count"),
        ("en deux axes", 2.0, "count"),
        ("et huit missions", 8.0, "count"),
        ("qui a duré neuf mois", 9.0, "months"),
        ("où quatre ETP travaillent", 4.0, "FTE"),
        ("trois ETP", 3.0, "FTE"),
        ("dix-sept services", 17.0, "count"),
        ("vingt-deux services", 22.0, "count"),
        ("vingt et un services", 21.0, "count"),
        ("trente services", 30.0, "count"),
        ("quarante services", 40.0, "count"),
        ("cinquante services", 50.0, "count"),
        ("soixante services", 60.0, "count"),
        ("soixante-dix services", 70.0, "count"),
        ("quatre-vingt-dix services", 90.0, "count"),
        ("cent services", 100.0, "count"),
        ("Quatre ans plus tard", 4.0, "years"),
        ("zéro jeu de données", 0.0, "count"),
        ("deux millions de comptes", 2000000.0, "count"),
        ("deux cents comptes", 200.0, "count"),
        ("deux-cents comptes", 200.0, "count"),
        ("cent un comptes", 101.0, "count"),
        ("trois cent quarante-cinq comptes", 345.0, "count"),
        ("quatre-vingts comptes", 80.0, "count"),
        ("trois cent mille euros", 300000.0, "EUR"),
        ("cent mille euros", 100000.0, "EUR"),
        ("un million d'euros", 1000000.0, "EUR"),
        ("un ETP", 1.0, "FTE"),
        ("un demi-ETP", 0.5, "FTE"),
        ("une demi ETP", 0.5, "FTE"),
        ("un pour cent", 1.0, "percent"),
        ("vingt-six pour cent", 26.0, "percent"),
        ("les dépenses ont doublé", 2.0, "ratio"),
        ("les dépenses ont quintuplé", 5.0, "ratio"),
        ("les recettes ont été décuplées", 10.0, "ratio"),
        ("multipliées par quatre", 4.0, "ratio"),
    ],
)
def test_number_words(text, value, unit):
    quantity = only(text)
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "un seul bilan",
        "une tablette",
        "un produit neuf.",
        "un bâtiment neuf et vaste",
        "la crise de la Covid-19",
        "le 1er comité",
        "le 2e rang",
        "la 3ème édition",
        "les vingtaines",
        "au deuxième rang",
        "un demi-point de croissance",
        "une demi-mesure",
        "un an de travaux",
        "une fois par mois",
        "un double objectif",
        "doubler la cible",
    ],
)
def test_words_and_tokens_that_are_not_numbers(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("before", "qualifier"),
    [
        ("près de", "approx"),
        ("environ", "approx"),
        ("autour de", "approx"),
        ("à peine", "approx"),
        ("quelque", "approx"),
        ("approximativement", "approx"),
        ("de l'ordre de", "approx"),
        ("de l’ordre de", "approx"),
        ("quasiment", "approx"),
        ("moins de", "below"),
        ("un peu moins de", "below"),
        ("un peu de moins de", "below"),
        ("inférieur à", "below"),
        ("en deçà de", "below"),
        ("restait sous la barre des", "below"),
        ("sous le seuil de", "below"),
        ("au-dessus de", "above"),
        ("au-dessus de la barre des", "above"),
        ("plus de", "above"),
        ("un peu plus de", "above"),
        ("au-delà de", "above"),
        ("supérieur à", "above"),
        ("ne dépasse pas", "at_most"),
        ("ne dépasse jamais", "at_most"),
        ("n'excède pas", "at_most"),
        ("n’excède pas", "at_most"),
        ("au plus", "at_most"),
        ("au maximum", "at_most"),
        ("pas plus de", "at_most"),
        ("plafonne à", "at_most"),
        ("aucun ne dépasse", "at_most"),
        ("aucun produit n'excède", "at_most"),
        ("plafonnait à", "at_most"),
        ("dépassait", "above"),
        ("dépassent", "above"),
        ("avoisine", "approx"),
        ("approchait", "approx"),
        ("à hauteur de", "exact"),
        ("auprès de", "exact"),
        ("surplus de", "exact"),
    ],
)
def test_qualifiers(before, qualifier):
    assert only(f"le taux {before} 16 % des agents").qualifier == qualifier
    assert only(f"Le taux {before.capitalize()} 16 %").qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Prix par agent : environ 40 € par an.", "EUR_per_agent_per_year"),
        ("Dépense par agent : 12 €.", "EUR_per_agent"),
        ("Dépense totale : 12 €.", "EUR"),
        ("Le prix par agent a baissé : 12 € en tout.", "EUR"),
    ],
)
def test_a_label_before_a_colon_names_the_rate_of_the_amount(text, unit):
    assert only(text).unit == unit


def test_a_ratio_verb_takes_the_qualifier_before_it():
    quantity = only("les crédits ont presque triplé")
    assert (quantity.value, quantity.unit, quantity.qualifier) == (3.0, "ratio", "approx")


def test_elided_qualifier_and_trailing_environ():
    assert only("plus d'1,5 M€").qualifier == "above"
    assert only("un coût de 75 € environ").qualifier == "approx"
    assert qualifier_before("soit près de 70", 13) == "approx"
    assert qualifier_before("soit 70", 5) == "exact"


def test_a_plan_built_around_six_axes_is_not_approximate():
    assert only("une stratégie articulée autour de six axes").qualifier == "exact"
    assert only("un plafond autour de 5 000 webinaires").qualifier == "approx"


@pytest.mark.parametrize(
    ("text", "unit", "values"),
    [
        ("entre 300 et 590 euros par an et par agent", "EUR_per_agent_per_year", (300, 590)),
        ("entre 300 € et 590 € par agent et par an", "EUR_per_agent_per_year", (300, 590)),
        ("de 300 à 590 €", "EUR", (300, 590)),
        ("entre 1,5 et 2 M€", "EUR", (1500000, 2000000)),
        ("entre 10 % et 15 %", "percent", (10, 15)),
    ],
)
def test_ranges(text, unit, values):
    low, high = find_quantities(text)
    assert (low.range_role, high.range_role) == ("min", "max")
    assert (low.unit, high.unit) == (unit, unit)
    assert (low.value, high.value) == values


def test_a_change_is_not_a_range_and_a_list_is_not_either():
    first, second = find_quantities("le nombre est passé de 30 à 45 agents")
    assert first.range_role is None and second.range_role is None
    first, second = find_quantities("avec 30 agents et 45 prestataires")
    assert first.range_role is None and second.range_role is None


def test_offsets_locate_every_expression():
    text = "Près de 9,3 M€, dont 60 %, et 22\u202f043 comptes."
    quantities = find_quantities(text)
    assert [text[q.start : q.end] for q in quantities] == ["9,3 M€", "60 %", "22\u202f043"]


def test_skip_spans_are_left_out():
    text = "en 2023, 45 agents"
    assert [q.value for q in find_quantities(text, skip=[(3, 7)])] == [45.0]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("en M€", UnitScale(1000000, "EUR")),
        ("(en millions d'euros)", UnitScale(1000000, "EUR")),
        ("En k€", UnitScale(1000, "EUR")),
        ("en euros", UnitScale(1, "EUR")),
        ("en %", UnitScale(1, "percent")),
        ("Unité : ETP", UnitScale(1, "FTE")),
        ("en millions", UnitScale(1000000, "count")),
        ("en milliers", UnitScale(1000, "count")),
        ("en mois", UnitScale(1, "months")),
        ("Source : Cour des comptes", None),
        (None, None),
    ],
)
def test_unit_from_note(note, expected):
    assert unit_from_note(note) == expected


@pytest.mark.parametrize(
    ("cell", "note", "value", "unit"),
    [
        ("9,3", "en M€", 9300000.0, "EUR"),
        ("12", "en %", 12.0, "percent"),
        ("4", "en ETP", 4.0, "FTE"),
        ("3,5", "en millions", 3500000.0, "count"),
        ("5 %", "en M€", 5.0, "percent"),
        ("- 3,2 %", None, -3.2, "percent"),
        ("22\u00a0043", None, 22043.0, "count"),
        ("1,85 M€", None, 1850000.0, "EUR"),
        ("0,5", "(en ETP)", 0.5, "FTE"),
    ],
)
def test_parse_quantity_for_cells_labels_and_ticks(cell, note, value, unit):
    quantity = parse_quantity(cell, note)
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("cell", "qualifier"),
    [
        ("> 75", "above"),
        (">\u00a075 %", "above"),
        ("≥ 5", "above"),
        ("< 10 %", "below"),
        ("≤ 3", "at_most"),
        ("≈ 9 M€", "approx"),
        ("75", "exact"),
    ],
)
def test_a_sign_before_a_label_is_its_qualifier(cell, qualifier):
    assert parse_quantity(cell).qualifier == qualifier


@pytest.mark.parametrize("cell", ["n.d.", "-", "", "Total", "ns"])
def test_parse_quantity_without_a_number(cell):
    assert parse_quantity(cell, "en M€") is None
