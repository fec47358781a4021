"""Vocabulary shared across the Python/dbt boundary, written once on each side and checked here."""

import csv

from extract.text import numbers
from warehouse.marts import fact_marts
from warehouse.settings import DBT_PROJECT_DIR


def _seed_column(seed: str, column: str) -> set[str]:
    with (DBT_PROJECT_DIR / "seeds" / f"{seed}.csv").open(encoding="utf-8") as handle:
        return {row[column] for row in csv.DictReader(handle)}


def test_every_unit_the_parser_can_produce_is_known_to_dbt():
    # dbt matches a mention to a metric through the unit's family: an unknown unit would
    # leave its mentions without a metric, and the mention units' relationships test fails.
    assert not numbers.UNITS - _seed_column("units", "unit")


def test_every_unit_constant_of_the_parser_is_in_its_units():
    constants = {value for name, value in vars(numbers).items() if name.startswith("UNIT_")}
    assert constants == numbers.UNITS


def test_every_domain_of_the_metrics_has_a_fact_mart():
    assert set(fact_marts()) == _seed_column("metrics", "domain")
