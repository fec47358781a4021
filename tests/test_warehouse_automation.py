"""The automatic dbt rebuild: it follows every successful extraction, failed reports or not;
the pictures follow the marts."""

from __future__ import annotations

import dagster as dg

from orchestration.assets.dbt import dbt_warehouse
from orchestration.assets.extraction import raw_layer, report_pdf
from orchestration.assets.pictures import report_pictures
from orchestration.partitions import reports_partitions
from orchestration.resources import build_resources

STAGING = dg.AssetKey(["staging", "stg_mentions"])
MART = dg.AssetKey(["marts", "fct_costs"])


def _defs(condition: dg.AutomationCondition | None = None) -> dg.Definitions:
    models = dbt_warehouse
    if condition is not None:
        models = dbt_warehouse.map_asset_specs(
            lambda spec: spec.replace_attributes(automation_condition=condition)
        )
    return dg.Definitions(assets=[report_pdf, raw_layer, models], resources=build_resources())


def _extracted(instance: dg.DagsterInstance, report_id: str) -> None:
    for key in raw_layer.keys:
        instance.report_runless_asset_event(
            dg.AssetMaterialization(asset_key=key, partition=report_id)
        )


def _built(instance: dg.DagsterInstance) -> None:
    for key in dbt_warehouse.keys:
        instance.report_runless_asset_event(dg.AssetMaterialization(asset_key=key))


def _requested_after_one_good_extraction(defs: dg.Definitions) -> set[dg.AssetKey]:
    """Two reports, one never landed (its extraction fails, its partition stays missing);
    the other is extracted again after a build."""
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(reports_partitions.name, ["good_report", "bad_report"])
        _extracted(instance, "good_report")
        _built(instance)
        settled = dg.evaluate_automation_conditions(defs=defs, instance=instance)
        settled = dg.evaluate_automation_conditions(
            defs=defs, instance=instance, cursor=settled.cursor
        )
        assert settled.total_requested == 0, "nothing changed since the last build"

        _extracted(instance, "good_report")
        after = dg.evaluate_automation_conditions(
            defs=defs, instance=instance, cursor=settled.cursor
        )
        requested = {key for key in dbt_warehouse.keys if after.get_num_requested(key)}
        _built(instance)
        again = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=after.cursor)
        assert again.total_requested == 0, "one rebuild per update, not one per evaluation"
        return requested


def test_a_failed_report_does_not_stop_the_rebuild():
    requested = _requested_after_one_good_extraction(_defs())
    assert {STAGING, MART} <= requested
    # The vocabulary did not change: its seeds and what reads only them are left alone.
    assert dg.AssetKey(["vocabulary", "subjects"]) not in requested


def test_eager_would_wait_for_the_failed_report_for_ever():
    """Why the models do not use eager: the scenario above never rebuilds with it."""
    eager = _defs(dg.AutomationCondition.eager())
    assert not {STAGING, MART} & _requested_after_one_good_extraction(eager)


def test_the_pictures_follow_each_build_of_the_marts():
    defs = dg.Definitions(
        assets=[report_pdf, raw_layer, dbt_warehouse, report_pictures],
        resources=build_resources(),
    )
    pictures = report_pictures.key

    def requested(instance: dg.DagsterInstance, cursor=None):
        result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=cursor)
        return result.get_num_requested(pictures), result.cursor

    with dg.instance_for_test() as instance:
        _built(instance)
        _, cursor = requested(instance)
        for _build in range(2):
            _built(instance)
            drawn, cursor = requested(instance, cursor)
            assert drawn == 1, "a new build of the marts is drawn"
            instance.report_runless_asset_event(dg.AssetMaterialization(asset_key=pictures))
            drawn, cursor = requested(instance, cursor)
            assert drawn == 0, "nothing changed since they were drawn"
