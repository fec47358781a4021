"""The dbt unit tests (`unit_tests:` in models/*.yml), which the warehouse's builds leave out.

A unit test checks a model's SQL on inputs it states itself, so its outcome does not depend on
the reports: it runs here, once, rather than in every `make run`. All it needs of a warehouse
is the column types of the tested models' inputs, so it runs on one whose tables are empty
(`dbt build --empty`), built from the raw layer's zero-row schema files.
"""

import json
import subprocess
import sys
from pathlib import Path

from warehouse.raw_layer import write_schema_files
from warehouse.settings import DBT_PROJECT_DIR

UNIT_TESTS_AND_WHAT_THEY_TEST = "+test_type:unit"
# A unit test's input given as a source (`source('raw', 'mentions')`) takes its column types
# from the warehouse's table of that name, which the models of models/raw build, first.
RAW_TABLES = "path:models/raw"


def _unit_tests_in_project() -> set[str]:
    manifest = json.loads((DBT_PROJECT_DIR / "target" / "manifest.json").read_text())
    return set(manifest["unit_tests"])


def test_every_dbt_unit_test_passes(tmp_path: Path):
    raw_layer = tmp_path / "raw"
    write_schema_files(raw_layer)
    target = tmp_path / "target"
    dbt_vars = {"warehouse": str(tmp_path / "dinum.duckdb"), "raw_layer": str(raw_layer)}

    def dbt(*arguments: str) -> None:
        done = subprocess.run(
            [
                str(Path(sys.executable).parent / "dbt"),
                *arguments,
                "--empty",
                "--profiles-dir",
                ".",
                "--target-path",
                str(target),
                "--vars",
                json.dumps(dbt_vars),
            ],
            cwd=DBT_PROJECT_DIR,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]

    dbt("run", "--select", RAW_TABLES)
    # The data tests of those models belong to the builds, on real rows.
    dbt("build", "--select", UNIT_TESTS_AND_WHAT_THEY_TEST, "--exclude-resource-type", "test")
    results = json.loads((target / "run_results.json").read_text())["results"]
    unit_tests = {
        r["unique_id"]: r["status"] for r in results if r["unique_id"] in _unit_tests_in_project()
    }
    assert set(unit_tests) == _unit_tests_in_project() != set()
    assert set(unit_tests.values()) == {"pass"}
