"""`make run`'s summary and exit status (the shared run of conftest's `pipeline_run`)."""

import pytest

from orchestration import materialize_all
from tests.conftest import BAD_PDF, SHIPPED_REPORT_ID

# The shared run's tests stay on one pytest-xdist worker.
pytestmark = pytest.mark.xdist_group("pipeline_run")


def test_summary_counts_facts_and_names_missing_manifest_entries(pipeline_run):
    out = pipeline_run.out
    (reports,) = [line for line in out.splitlines() if line.startswith("Reports: ")]
    assert f"{SHIPPED_REPORT_ID}," in reports and "pages read: " in reports
    assert "Note Flash 2025.pdf: manifest entry missing" in out
    assert "Facts in the warehouse: fct_costs " in out and "Time:" in out


def test_a_failed_file_is_one_line_and_fails_the_run(pipeline_run):
    assert pipeline_run.exit_code == 1
    failed = [line for line in pipeline_run.err.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1, pipeline_run.err
    assert failed[0].startswith("FAILED /") and f"{BAD_PDF}: could not be extracted: " in failed[0]
    assert "Traceback" not in pipeline_run.out + pipeline_run.err


def test_empty_raw_folder_is_an_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DINUM_RAW_DIR", str(tmp_path))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    assert materialize_all.main() == 1
    assert f"No PDF to process in {tmp_path}" in capsys.readouterr().out


def test_refused_manifest_row_is_a_failed_line_and_others_run(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (tmp_path / "manifest.csv").write_text(
        "report_id,title,publisher,published_on,source_url,sha256,file_name\n"
        "a,,,juillet,,,a.pdf\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DINUM_RAW_DIR", str(tmp_path))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    assert materialize_all.main() == 1
    captured = capsys.readouterr()
    assert "nothing to do" in captured.out
    assert "FAILED a.pdf: " in captured.err and "line 2: published_on 'juillet'" in captured.err
