"""The `dinum` command line, through its console script and click's runner on the same
object: help pages, errors in one line, and the commands that need no pipeline run (those
that read a built warehouse are tested in test_pipeline.py, on its run)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from dinum.cli import main
from dinum.review import wording_before
from tests.pdf_fixtures import write_one_page_report
from tests.test_fetch_report import PDF_BODY, serving
from warehouse.manifest import discover_reports, file_sha256, read_manifest

DINUM = str(Path(sys.executable).parent / "dinum")


def dinum(*arguments: str, env: dict[str, str] | None = None, stdin: str | None = None):
    """The installed console script, as a user runs it."""
    return subprocess.run(
        [DINUM, *arguments],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_help_lists_every_command_and_each_has_its_page():
    listed = dinum("--help")
    assert listed.returncode == 0
    for name, command in main.commands.items():
        assert f"  {name} " in listed.stdout
        page = CliRunner().invoke(main, [name, "--help"])
        assert page.exit_code == 0, page.output
        assert command.help.splitlines()[0] in " ".join(page.output.split())
        for parameter in command.params:
            shown = parameter.opts[0] if parameter.param_type_name == "option" else None
            assert shown is None or shown in page.output


def test_add_copies_the_pdf_and_writes_its_manifest_row(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    monkeypatch.setenv("DINUM_RAW_DIR", str(raw))
    pdf = tmp_path / "Note d'étape 2025.pdf"
    write_one_page_report(pdf)
    arguments = ["add", str(pdf), "--title", "Note", "--url", "https://example.org/n"]
    result = CliRunner().invoke(main, [*arguments, "--published-on", "2025-03-01"])
    assert result.exit_code == 0, result.output
    (report,) = discover_reports(raw)
    assert report.path.read_bytes() == pdf.read_bytes()
    assert (report.title, report.source_url) == ("Note", "https://example.org/n")
    assert report.published_on.isoformat() == "2025-03-01"
    assert report.manifest_sha256 == file_sha256(pdf)
    assert f"added as {report.report_id}" in result.output


@pytest.mark.parametrize(
    ("content", "option", "message"),
    [
        (b"<html></html>", [], "is not a PDF"),
        (PDF_BODY, ["--published-on", "01/03/2025"], "is not a date (YYYY-MM-DD)"),
    ],
)
def test_add_refuses_in_one_line_and_writes_nothing(tmp_path, content, option, message):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(content)
    raw = tmp_path / "raw"
    result = dinum("add", str(pdf), *option, env={"DINUM_RAW_DIR": str(raw)})
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert not raw.exists() or not any(raw.iterdir())


def test_fetch_downloads_into_the_raw_folder(tmp_path):
    raw = tmp_path / "raw"
    with serving({"/rapport.pdf": PDF_BODY, "/page": b"<!doctype html>"}) as base:
        fetched = dinum("fetch", f"{base}/rapport.pdf", env={"DINUM_RAW_DIR": str(raw)})
        refused = dinum("fetch", f"{base}/page", env={"DINUM_RAW_DIR": str(raw)})
    assert fetched.returncode == 0, fetched.stderr
    assert (raw / "rapport.pdf").read_bytes() == PDF_BODY
    assert read_manifest(raw)["rapport.pdf"]["source_url"] == f"{base}/rapport.pdf"
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "not a PDF" in refused.stderr


@pytest.fixture
def small_warehouse(tmp_path):
    path = tmp_path / "small.duckdb"
    with duckdb.connect(str(path)) as conn:
        conn.execute("CREATE SCHEMA marts")
        conn.execute("CREATE TABLE marts.dim_subjects AS SELECT 'tchap' AS subject")
    return path


def test_query_reads_and_refuses_a_write(small_warehouse):
    env = {"DINUM_WAREHOUSE": str(small_warehouse)}
    read = dinum("query", "SELECT subject FROM marts.dim_subjects", "--format", "csv", env=env)
    assert read.returncode == 0 and read.stdout.splitlines() == ["subject", "tchap"]
    for write in ["DELETE FROM marts.dim_subjects", "SELECT 1; DROP TABLE marts.dim_subjects"]:
        refused = dinum("query", write, env=env)
        assert refused.returncode == 1 and refused.stderr.count("\n") == 1
        assert "refused: the warehouse is read-only" in refused.stderr
    with duckdb.connect(str(small_warehouse), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM marts.dim_subjects").fetchone() == (1,)


def test_a_missing_warehouse_is_one_line(tmp_path):
    result = dinum("facts", env={"DINUM_WAREHOUSE": str(tmp_path / "none.duckdb")})
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "no warehouse at" in result.stderr and "dinum run" in result.stderr


def test_the_sql_shell_opens_the_warehouse_read_only(small_warehouse):
    env = {"DINUM_WAREHOUSE": str(small_warehouse)}
    shell = dinum("sql", env=env, stdin=".mode csv\nSELECT subject FROM marts.dim_subjects;\n")
    assert shell.returncode == 0, shell.stderr
    assert "tchap" in shell.stdout.splitlines()
    write = dinum("sql", "DROP TABLE marts.dim_subjects", env=env)
    assert "read-only" in write.stderr + write.stdout


def test_review_proposes_the_words_before_an_unclassified_number():
    sentence = "Le coût d'hébergement mensuel atteint 5 M€ en 2023."
    assert wording_before(sentence, "5 M€") == "d'hébergement mensuel atteint"
    assert wording_before(sentence, "7 M€") is None
    assert wording_before("5 M€ au total.", "5 M€") is None
