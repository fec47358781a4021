"""`make run`'s entry point: what it prints and its exit status."""

from orchestration import materialize_all
from tests.pdf_fixtures import write_one_page_report


def test_summary_counts_facts_and_names_missing_manifest_entries(tmp_path, monkeypatch, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    write_one_page_report(raw / "Note sans manifeste.pdf")
    monkeypatch.setenv("DINUM_RAW_DIR", str(raw))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    (tmp_path / "dagster_home").mkdir()

    assert materialize_all.main() == 0
    out = capsys.readouterr().out
    assert "Reports: 1 (note_sans_manifeste), pages read: 1\n" in out
    assert "Note sans manifeste.pdf: manifest entry missing" in out
    assert "fct_usage" in out and "Time:" in out


def test_empty_raw_folder_is_an_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DINUM_RAW_DIR", str(tmp_path))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    assert materialize_all.main() == 1
    assert f"No PDF in {tmp_path}" in capsys.readouterr().out
