"""Snapshot of what the code location exposes: a change here is a change users see in the UI.

Every asset (with its parents, group, partitions, automation condition and checks), job,
schedule and sensor is compared with tests/snapshots/definitions.json, so an asset, check or
job added, renamed or removed fails the test until the snapshot is regenerated on purpose:

    DINUM_UPDATE_SNAPSHOT=1 .venv/bin/python -m pytest tests/test_definitions.py

then review the snapshot's diff and commit it with the change.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import dagster as dg
import pytest

from orchestration.definitions import defs

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "definitions.json"
UPDATE_VARIABLE = "DINUM_UPDATE_SNAPSHOT"


def _names(keys) -> list[str]:
    return sorted(key.to_user_string() for key in keys)


def _assets(graph) -> dict[str, dict]:
    checks_by_asset: dict[str, list[str]] = {}
    for check in graph.asset_check_keys:
        checks_by_asset.setdefault(check.asset_key.to_user_string(), []).append(check.name)
    assets = {}
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        name = key.to_user_string()
        assets[name] = {
            "parents": _names(node.parent_keys),
            "group": node.group_name,
            "partitions": getattr(node.partitions_def, "name", None),
            "automation": node.automation_condition.get_label()
            if node.automation_condition
            else None,
            "checks": sorted(checks_by_asset.get(name, [])),
        }
    return assets


def _jobs() -> dict[str, dict]:
    return {
        job.name: {"assets": _names(job.asset_layer.selected_asset_keys)}
        for job in defs.resolve_all_job_defs()
        if not job.name.startswith("__")  # Dagster's implicit job of all assets
    }


def _schedules() -> dict[str, dict]:
    return {
        schedule.name: {
            "cron": schedule.cron_schedule,
            "job": schedule.job_name,
            "default_status": schedule.default_status.value,
        }
        for schedule in defs.schedules
    }


def _sensors(graph) -> dict[str, dict]:
    return {
        sensor.name: {
            "kind": type(sensor).__name__,
            "jobs": sorted(target.job_name for target in sensor.targets if target.job_name),
            "assets": _names(sensor.asset_selection.resolve(graph))
            if sensor.asset_selection
            else [],
            "minimum_interval_seconds": sensor.minimum_interval_seconds,
            "default_status": sensor.default_status.value,
        }
        for sensor in defs.sensors
    }


@pytest.fixture(scope="module")
def graph():
    # Resolving reads the current instance's definitions state: a live one, whatever test
    # ran before on this worker.
    with dg.instance_for_test():
        return defs.resolve_asset_graph()


def _definitions(graph) -> dict[str, dict]:
    return {
        "assets": _assets(graph),
        "jobs": _jobs(),
        "schedules": _schedules(),
        "sensors": _sensors(graph),
    }


def test_definitions_match_the_snapshot(graph):
    current = json.dumps(_definitions(graph), indent=2, sort_keys=True) + "\n"
    if os.environ.get(UPDATE_VARIABLE) == "1":
        SNAPSHOT.write_text(current, encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8")
    diff = difflib.unified_diff(
        expected.splitlines(), current.splitlines(), "snapshot", "definitions", lineterm=""
    )
    assert current == expected, (
        f"Definitions differ from {SNAPSHOT.name} (on purpose? rerun with {UPDATE_VARIABLE}=1):\n"
        + "\n".join(diff)
    )


def test_asset_graph_runs_from_the_pdf_to_the_marts(graph):
    assert dg.AssetKey("report_pdf") in graph.get(dg.AssetKey(["raw", "mentions"])).parent_keys
    # dbt sources are the raw layer assets, not separate nodes
    stg = graph.get(dg.AssetKey(["staging", "stg_mentions"]))
    assert dg.AssetKey(["raw", "mentions"]) in stg.parent_keys
    upstream_of_costs = graph.get(dg.AssetKey(["marts", "fct_costs"])).parent_keys
    assert dg.AssetKey(["intermediate", "int_facts"]) in upstream_of_costs
