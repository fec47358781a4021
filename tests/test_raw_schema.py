"""The raw layer is declared once (warehouse/raw_schema.py); what is written elsewhere agrees."""

from dataclasses import fields

import pytest
import yaml

from extract.records import NumericMention
from tests.conftest import REPO_ROOT
from warehouse.raw_schema import RAW_TABLES

SOURCES_YML = REPO_ROOT / "dbt_project" / "models" / "staging" / "_sources.yml"
RAW_MODELS = REPO_ROOT / "dbt_project" / "models" / "raw"


def _source_tables() -> dict[str, dict]:
    (source,) = yaml.safe_load(SOURCES_YML.read_text(encoding="utf-8"))["sources"]
    assert source["name"] == "raw"
    return {table["name"]: table for table in source["tables"]}


def test_dbt_sources_list_the_declared_tables():
    assert list(_source_tables()) == list(RAW_TABLES)


@pytest.mark.parametrize("name", list(RAW_TABLES))
def test_dbt_source_columns_match_the_declaration(name):
    table = _source_tables()[name]
    declared = RAW_TABLES[name]
    assert " ".join(table["description"].split()) == declared.description
    documented = [
        (c["name"], c["data_type"], " ".join(c["description"].split())) for c in table["columns"]
    ]
    assert documented == [(c.name, c.type, c.description) for c in declared.columns]


def test_every_raw_table_has_its_model_in_the_warehouse():
    models = {p.stem for p in RAW_MODELS.glob("raw_*.sql")}
    assert models == {f"raw_{name}" for name in RAW_TABLES}


def test_every_mention_field_is_a_declared_column():
    bbox = {"x0", "top", "x1", "bottom"}
    record = {f.name for f in fields(NumericMention)} - {"bbox"}
    columns = set(RAW_TABLES["mentions"].column_names) - {"report_id", "mention_index"} - bbox
    assert record == columns


def test_records_are_built_by_keyword():
    with pytest.raises(TypeError):
        NumericMention(1, "text")  # type: ignore[misc]
