"""The sensor on the raw folder and the daily schedule."""

import json
import shutil
from datetime import datetime

import dagster as dg

from orchestration.definitions import defs
from orchestration.partitions import reports_partitions
from orchestration.schedules import daily_refresh
from warehouse.settings import REPO_ROOT


def _evaluate_sensor(instance: dg.DagsterInstance, cursor: str | None):
    sensor = defs.resolve_sensor_def("raw_folder_sensor")
    context = dg.build_sensor_context(instance=instance, cursor=cursor)
    return sensor(context)


def test_sensor_requests_new_and_changed_pdfs_only(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    # The shipped raw folder, not the session's: end-to-end tests add their PDFs to that one.
    shutil.copytree(REPO_ROOT / "data" / "raw", raw)
    monkeypatch.setenv("DINUM_RAW_DIR", str(raw))
    with dg.instance_for_test() as instance:
        first = _evaluate_sensor(instance, None)
        assert [r.partition_key for r in first.run_requests] == ["dinum_pilotage_2024"]
        (added,) = first.dynamic_partitions_requests
        assert list(added.partition_keys) == ["dinum_pilotage_2024"]
        assert json.loads(first.cursor).keys() == {"dinum_pilotage_2024"}

        unchanged = _evaluate_sensor(instance, first.cursor)
        assert isinstance(unchanged, dg.SkipReason)

        instance.add_dynamic_partitions(reports_partitions.name, ["dinum_pilotage_2024"])
        copy = raw / "autre_rapport.pdf"
        shutil.copy(raw / "dinum_pilotage_2024_reconstruction.pdf", copy)
        with copy.open("ab") as handle:
            handle.write(b"\n% appended\n")
        added_file = _evaluate_sensor(instance, first.cursor)
        assert [r.partition_key for r in added_file.run_requests] == ["autre_rapport"]
        (added,) = added_file.dynamic_partitions_requests
        assert list(added.partition_keys) == ["autre_rapport"]

        instance.add_dynamic_partitions(reports_partitions.name, ["autre_rapport"])
        with copy.open("ab") as handle:
            handle.write(b"% changed again\n")
        changed = _evaluate_sensor(instance, added_file.cursor)
        assert [r.partition_key for r in changed.run_requests] == ["autre_rapport"]
        assert changed.dynamic_partitions_requests == []


def test_daily_schedule_requests_every_report_of_the_raw_folder(tmp_path, monkeypatch):
    for name in ["a_report", "b_report"]:
        (tmp_path / f"{name}.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    monkeypatch.setenv("DINUM_RAW_DIR", str(tmp_path))
    with dg.instance_for_test() as instance:
        known = ["b_report", "a_report", "gone_report"]
        instance.add_dynamic_partitions(reports_partitions.name, known)
        context = dg.build_schedule_context(
            instance=instance, scheduled_execution_time=datetime(2026, 11, 28, 6)
        )
        requests = daily_refresh(context)
        assert [r.partition_key for r in requests] == ["a_report", "b_report"]
        assert all(r.run_key.startswith("daily-2026-11-28:") for r in requests)
