"""French period wordings resolved to dates (extract.text.periods)."""

from __future__ import annotations

from datetime import date

import pytest

from extract.text.periods import find_periods, parse_period


def one(text: str):
    periods = find_periods(text)
    assert len(periods) == 1, periods
    period = periods[0]
    assert text[period.start : period.end] == period.text
    return period


def dates(text: str):
    period = one(text)
    return period.period_start, period.period_end, period.open_ended


D = date


@pytest.mark.parametrize(
    ("text", "start", "end", "open_ended"),
    [
        ("janvier 2022", D(2022, 1, 1), D(2022, 1, 31), False),
        ("un pic en janvier 2022", D(2022, 1, 1), D(2022, 1, 31), False),
        ("en janv. 2022", D(2022, 1, 1), D(2022, 1, 31), False),
        ("en déc. 2023", D(2023, 12, 1), D(2023, 12, 31), False),
        ("au mois de novembre 2023", D(2023, 11, 1), D(2023, 11, 30), False),
        ("2022-01", D(2022, 1, 1), D(2022, 1, 31), False),
        ("2023", D(2023, 1, 1), D(2023, 12, 31), False),
        ("en 2023", D(2023, 1, 1), D(2023, 12, 31), False),
        ("au cours de l'année 2022", D(2022, 1, 1), D(2022, 12, 31), False),
        ("fin 2023", None, D(2023, 12, 31), False),
        ("depuis la \ufb01n de l'année 2022", D(2022, 10, 1), None, True),
        ("à la fin de l'année 2023", None, D(2023, 12, 31), False),
        ("à la fin de l’année 2023", None, D(2023, 12, 31), False),
        ("à fin 2023", None, D(2023, 12, 31), False),
        ("mi-2021", None, D(2021, 6, 30), False),
        ("à la mi-2021", None, D(2021, 6, 30), False),
        ("début 2022", D(2022, 1, 1), D(2022, 3, 31), False),
        ("au début de l'année 2022", D(2022, 1, 1), D(2022, 3, 31), False),
        ("au troisième trimestre 2023", D(2023, 7, 1), D(2023, 9, 30), False),
        ("T3 2023", D(2023, 7, 1), D(2023, 9, 30), False),
        ("3e trimestre 2023", D(2023, 7, 1), D(2023, 9, 30), False),
        ("premier semestre 2023", D(2023, 1, 1), D(2023, 6, 30), False),
        ("S1 2023", D(2023, 1, 1), D(2023, 6, 30), False),
        ("S2 2023", D(2023, 7, 1), D(2023, 12, 31), False),
        ("second semestre 2022", D(2022, 7, 1), D(2022, 12, 31), False),
        ("entre juin 2021 et décembre 2023", D(2021, 6, 1), D(2023, 12, 31), False),
        ("entre 2021 et 2023", D(2021, 1, 1), D(2023, 12, 31), False),
        ("sur 2021-2023", D(2021, 1, 1), D(2023, 12, 31), False),
        ("sur 2021–2023", D(2021, 1, 1), D(2023, 12, 31), False),
        ("de 2019 à 2022", D(2019, 1, 1), D(2022, 12, 31), False),
        ("entre juin et décembre 2023", D(2023, 6, 1), D(2023, 12, 31), False),
        ("depuis la fin de l'année 2022", D(2022, 10, 1), None, True),
        ("depuis fin 2022", D(2022, 10, 1), None, True),
        ("depuis 2021", D(2021, 1, 1), None, True),
        ("depuis mars 2023", D(2023, 3, 1), None, True),
        ("jusqu'en mai 2022", None, D(2022, 5, 31), False),
        ("le 30 octobre 2019", D(2019, 10, 30), D(2019, 10, 30), False),
        ("le 1er janvier 2024", D(2024, 1, 1), D(2024, 1, 1), False),
        ("au 31 décembre 2023", None, D(2023, 12, 31), False),
        ("le 31/12/2023", D(2023, 12, 31), D(2023, 12, 31), False),
    ],
)
def test_period_wordings(text, start, end, open_ended):
    assert dates(text) == (start, end, open_ended)


@pytest.mark.parametrize(
    ("text", "last_day"),
    [("février 2020", 29), ("février 2023", 28), ("février 2024", 29), ("février 2100", 28)],
)
def test_leap_years(text, last_day):
    assert one(text).period_end == D(int(text[-4:]), 2, last_day)


@pytest.mark.parametrize(
    ("wording", "quarter"),
    [
        ("premier trimestre", 1),
        ("1er trimestre", 1),
        ("deuxième trimestre", 2),
        ("2e trimestre", 2),
        ("troisième trimestre", 3),
        ("3ème trimestre", 3),
        ("quatrième trimestre", 4),
        ("4e trimestre", 4),
        ("dernier trimestre", 4),
        ("T1", 1),
        ("T2", 2),
        ("T3", 3),
        ("T4", 4),
    ],
)
def test_all_quarters(wording, quarter):
    first_month = 3 * quarter - 2
    start, end, _ = dates(f"au {wording} 2023")
    assert start == D(2023, first_month, 1)
    assert end.month == first_month + 2 and (end + (D(2023, 1, 2) - D(2023, 1, 1))).day == 1


def test_month_without_year_takes_the_next_month_year_of_the_sentence():
    periods = find_periods("un pic de 22 043 comptes en mars et de 8 015 en décembre 2023")
    assert [p.text for p in periods] == ["mars", "décembre 2023"]
    assert (periods[0].period_start, periods[0].period_end) == (D(2023, 3, 1), D(2023, 3, 31))


def test_month_without_year_and_nothing_to_borrow_stays_unresolved():
    (period,) = find_periods("le comité se réunit en mars")
    assert not period.resolved
    assert period.period_start is None and period.period_end is None


def test_a_month_name_alone_is_not_a_period_unless_introduced():
    assert find_periods("le mai des associations") == []


def test_offsets_and_parts():
    text = "Entre 2021 et 2023, puis le 30 octobre 2019."
    first, second = find_periods(text)
    assert [text[s:e] for s, e, _ in first.parts] == ["2021", "2023"]
    assert [(text[s:e], kind) for s, e, kind in second.parts] == [("30", "day"), ("2019", "year")]


@pytest.mark.parametrize(
    "text",
    [
        "le décret n° 2019-1088",
        "un budget de 2000 €",
        "la crise de la Covid-19",
        "soit 2 019 agents",
        "soit 12,2023",
    ],
)
def test_numbers_that_are_not_periods(text):
    assert [p.text for p in find_periods(text) if p.kind != "day"] == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2023", D(2023, 1, 1), D(2023, 12, 31)),
        ("T3 2023", D(2023, 7, 1), D(2023, 9, 30)),
        ("janv. 2022", D(2022, 1, 1), D(2022, 1, 31)),
        ("En 2021", D(2021, 1, 1), D(2021, 12, 31)),
        (" 2019-2022 ", D(2019, 1, 1), D(2022, 12, 31)),
    ],
)
def test_parse_period_on_a_whole_header(text, start, end):
    period = parse_period(text)
    assert (period.period_start, period.period_end) == (start, end)


@pytest.mark.parametrize("text", ["Total", "Coût 2023", "2021 et 2022", ""])
def test_parse_period_rejects_anything_else(text):
    assert parse_period(text) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("La même année, 23 % des agents", D(2022, 1, 1), D(2022, 12, 31)),
        ("Cette année-là, 70 % des agents", D(2022, 1, 1), D(2022, 12, 31)),
        ("Le même exercice, 5 M€", D(2022, 1, 1), D(2022, 12, 31)),
        ("L'année suivante, 18 objectifs", D(2023, 1, 1), D(2023, 12, 31)),
        ("l’année précédente, 12 objectifs", D(2021, 1, 1), D(2021, 12, 31)),
        ("Le plan comptait alors six axes", D(2022, 3, 1), D(2022, 3, 31)),
    ],
)
def test_a_back_reference_takes_up_the_period_named_before(text, start, end):
    previous = one("en mars 2022") if "alors" in text else one("en 2022")
    (period,) = find_periods(text, previous)
    assert (period.kind, period.period_start, period.period_end) == ("back_reference", start, end)


def test_a_back_reference_prefers_a_period_of_its_own_sentence():
    text = "Le plan date de 2019 et comptait, la même année, six axes"
    first, second = find_periods(text, one("en 2022"))
    assert (second.kind, second.period_start) == ("back_reference", D(2019, 1, 1))


@pytest.mark.parametrize(
    "text",
    [
        "Ils étaient 5 000 alors que 3 000 étaient prévus",
        "alors même qu'ils étaient 5 000",
    ],
)
def test_alors_que_is_no_period(text):
    assert find_periods(text, one("en 2022")) == []


def test_a_back_reference_without_a_period_before_stays_unresolved():
    (period,) = find_periods("La même année, 23 % des agents")
    assert not period.resolved
    (period,) = find_periods("L'année suivante, 5 M€", one("entre 2019 et 2022"))
    assert not period.resolved


def test_a_back_reference_followed_by_its_year_is_that_year():
    (period,) = find_periods("La même année 2019, deux axes", one("en 2022"))
    assert (period.kind, period.period_start) == ("year", D(2019, 1, 1))
