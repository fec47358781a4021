"""`make run`'s exit status and messages when there is nothing to run (the summary of a
real run is tested in test_pipeline.py, on its run)."""

from orchestration import materialize_all


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
