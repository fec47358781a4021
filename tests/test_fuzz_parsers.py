"""Property tests of the number, qualifier and period parsers (hypothesis).

Round trips: a value formatted the way French reports print it reads back as that value in
its base unit. Arbitrary text: no exception, and every span found lies in the text.
"""

from __future__ import annotations

import calendar
import os
from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.text.numbers import (
    find_quantities,
    parse_number,
    parse_quantity,
    qualifier_before,
    unit_from_note,
)
from extract.text.periods import MONTHS, find_periods, parse_period

# The same examples on every run, so that a failure in `make test` reproduces; no speed
# judged (the machine is shared). HYPOTHESIS_EXAMPLES raises the count for a longer hunt.
PROPERTY_SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")),
    derandomize="HYPOTHESIS_EXAMPLES" not in os.environ,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

THOUSANDS_SEPARATORS = (" ", "\u00a0", "\u202f")
MINUS_SIGNS = ("-", "\u2212")
# unit as printed -> (scale, unit the parser resolves it to)
UNITS = {
    "M€": (10**6, "EUR"),
    "k€": (10**3, "EUR"),
    "K€": (10**3, "EUR"),
    "Md€": (10**9, "EUR"),
    "€": (1, "EUR"),
    "euros": (1, "EUR"),
    "millions d'euros": (10**6, "EUR"),
    "millions d’euros": (10**6, "EUR"),
    "milliards d'euros": (10**9, "EUR"),
    "milliers d'euros": (10**3, "EUR"),
    "%": (1, "percent"),
    "pour cent": (1, "percent"),
    "ETP": (1, "FTE"),
    "millions": (10**6, "count"),
    "": (1, "count"),
}
QUALIFIERS = {
    "environ": "approx",
    "près de": "approx",
    "moins de": "below",
    "plus de": "above",
    "au moins": "above",
    "au plus": "at_most",
    "jusqu'à": "at_most",
    "": "exact",
}


def group_thousands(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


@st.composite
def french_numbers(draw: st.DrawFn) -> tuple[str, Decimal]:
    """A number as printed ("1 850 000", "−3,25", "12") and its value."""
    integer = draw(st.integers(min_value=0, max_value=10**12))
    decimals = draw(st.sampled_from(["", "5", "25", "05", "125"]))
    separator = draw(st.sampled_from(THOUSANDS_SEPARATORS))
    negative = draw(st.booleans()) and (integer > 0 or decimals.strip("0") != "")
    sign = draw(st.sampled_from(MINUS_SIGNS)) if negative else ""
    text = sign + group_thousands(str(integer), separator) + ("," + decimals if decimals else "")
    value = Decimal(f"{integer}.{decimals}" if decimals else str(integer))
    return text, -value if negative else value


@given(french_numbers(), st.sampled_from(sorted(UNITS)))
@PROPERTY_SETTINGS
def test_a_formatted_quantity_reads_back_as_its_value(number, unit):
    text, value = number
    scale, expected_unit = UNITS[unit]
    printed = f"{text} {unit}".strip()
    quantity = parse_quantity(printed)
    assert quantity is not None, printed
    assert Decimal(str(quantity.value)) == value * scale, printed
    assert quantity.unit == expected_unit, printed
    assert quantity.raw_text == printed, printed


@given(french_numbers())
@PROPERTY_SETTINGS
def test_a_bare_number_reads_back(number):
    text, value = number
    assert Decimal(str(parse_number(text))) == value


@given(
    french_numbers(),
    st.sampled_from(sorted(UNITS)),
    st.sampled_from(sorted(QUALIFIERS)),
)
@PROPERTY_SETTINGS
def test_a_quantity_in_a_sentence_keeps_value_unit_and_qualifier(number, unit, wording):
    text, value = number
    scale, expected_unit = UNITS[unit]
    printed = f"{text} {unit}".strip()
    lead = f"Le service a coûté {wording} ".replace("  ", " ")
    sentence = f"{lead}{printed} sur la période."
    first = find_quantities(sentence)[0]
    assert Decimal(str(first.value)) == value * scale, sentence
    assert first.unit == expected_unit, sentence
    assert first.qualifier == QUALIFIERS[wording], sentence
    assert sentence[first.start : first.end] == first.raw_text == printed


@given(st.integers(min_value=1900, max_value=2100), st.sampled_from(sorted(MONTHS)))
@PROPERTY_SETTINGS
def test_a_month_and_year_read_back_as_that_month(year, name):
    month = MONTHS[name]
    period = parse_period(f"{name} {year}")
    last_day = calendar.monthrange(year, month)[1]
    assert period is not None
    assert (period.period_start, period.period_end) == (
        date(year, month, 1),
        date(year, month, last_day),
    )


@given(st.integers(min_value=1900, max_value=2100), st.integers(min_value=1, max_value=4))
@PROPERTY_SETTINGS
def test_a_quarter_reads_back_as_its_three_months(year, quarter):
    period = parse_period(f"T{quarter} {year}")
    assert period is not None
    assert period.period_start == date(year, 3 * quarter - 2, 1)
    assert period.period_end.month == 3 * quarter
    assert period.period_end.year == year


@given(st.integers(min_value=1900, max_value=2100))
@PROPERTY_SETTINGS
def test_a_year_and_its_end_read_back(year):
    assert parse_period(str(year)).period_start == date(year, 1, 1)
    assert parse_period(f"fin {year}").period_end == date(year, 12, 31)


# Text made of the parsers' own material, so that arbitrary input reaches deep paths.
TOKENS = st.sampled_from(
    [
        *UNITS,
        *QUALIFIERS,
        *MONTHS,
        *("janv.", "T3", "S2", "1er", "fin", "début", "mi-", "depuis", "entre", "et", "de", "à"),
        *("2023", "1 850", "−", "-", "+", ",", ".", "(", ")", "/", "n°", "€", "%", "neuf"),
        *("vingt-deux", "quatre-vingt-dix", "par an", "par agent", "fois", "jours", "mois"),
        *(" ", "\u00a0", "\u202f", "’", "'", "\n", "\t"),
    ]
)
ARBITRARY_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(TOKENS, st.text(max_size=5)), max_size=40).map("".join),
    st.lists(TOKENS, max_size=40).map(" ".join),
)


@given(ARBITRARY_TEXT)
@PROPERTY_SETTINGS
def test_number_parsers_take_any_text(text):
    for quantity in find_quantities(text):
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert text[quantity.start : quantity.end] == quantity.raw_text
    parse_quantity(text)
    parse_quantity("12", default_unit_note=text)
    parse_number(text)
    unit_from_note(text)
    for position in (0, len(text) // 2, len(text)):
        assert qualifier_before(text, position) in {"exact", *QUALIFIERS.values()}


@given(ARBITRARY_TEXT)
@PROPERTY_SETTINGS
def test_period_parsers_take_any_text(text):
    for period in find_periods(text):
        assert text[period.start : period.end] == period.text
    parse_period(text)


@given(
    ARBITRARY_TEXT, st.sampled_from(["en 2022", "fin 2023", "entre 2019 et 2022", "depuis 2021"])
)
@PROPERTY_SETTINGS
def test_back_references_take_any_text_and_any_period_before(text, before):
    (previous,) = find_periods(before)
    sentence = f"{text} la même année, l'année suivante, alors {text}"
    for period in find_periods(sentence, previous):
        assert sentence[period.start : period.end] == period.text
        if period.period_start and period.period_end:
            assert period.period_start <= period.period_end
