"""Snapshot of what the code location exposes: a change here is a change users see in the UI."""

import dagster as dg

from orchestration.definitions import defs


def _keys() -> set[str]:
    return {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}


def test_asset_graph_runs_from_the_pdf_to_the_marts():
    keys = _keys()
    assert {"report_pdf", "raw/mentions", "raw/table_cells", "raw/chart_points"} <= keys
    assert {"marts/fct_costs", "marts/fct_usage", "marts/fct_indicators"} <= keys
    assert {"marts/dim_subjects", "marts/dim_reports", "marts/unclassified_mentions"} <= keys
    assert {"vocabulary/subject_aliases", "vocabulary/metric_wordings"} <= keys

    graph = defs.resolve_asset_graph()
    assert dg.AssetKey("report_pdf") in graph.get(dg.AssetKey(["raw", "mentions"])).parent_keys
    upstream_of_costs = graph.get(dg.AssetKey(["marts", "fct_costs"])).parent_keys
    assert dg.AssetKey(["intermediate", "int_facts"]) in upstream_of_costs
    # dbt sources are the raw layer assets, not separate nodes
    stg = graph.get(dg.AssetKey(["staging", "stg_mentions"]))
    assert dg.AssetKey(["raw", "mentions"]) in stg.parent_keys


def test_raw_layer_is_partitioned_by_report():
    graph = defs.resolve_asset_graph()
    partitions = graph.get(dg.AssetKey(["raw", "mentions"])).partitions_def
    assert isinstance(partitions, dg.DynamicPartitionsDefinition)
    assert partitions.name == "reports"


def test_jobs_schedules_sensors():
    assert {job.name for job in defs.resolve_all_job_defs()} >= {
        "extract_report",
        "build_warehouse",
    }
    assert [s.name for s in defs.schedules] == ["daily_refresh"]
    assert defs.resolve_schedule_def("daily_refresh").cron_schedule == "0 6 * * *"
    assert {s.name for s in defs.sensors} == {"raw_folder_sensor", "warehouse_automation"}


def test_dbt_tests_are_asset_checks():
    check_keys = {key.to_user_string() for key in defs.resolve_asset_graph().asset_check_keys}
    assert any("unique_fct_costs_fact_key" in key for key in check_keys)
    assert any("assert_no_fact_in_two_marts" in key for key in check_keys)
