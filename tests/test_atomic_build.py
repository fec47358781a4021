"""The build copy of the warehouse: started fresh, swapped in whole, or thrown away."""

from pathlib import Path

from warehouse.atomic_build import building_path, discard_build, publish_build, start_build


def test_a_copy_left_by_a_killed_build_is_discarded_and_the_warehouse_copied(tmp_path: Path):
    warehouse = tmp_path / "dinum.duckdb"
    warehouse.write_bytes(b"current warehouse")
    leftover = building_path(warehouse)
    leftover.parent.mkdir()
    leftover.write_bytes(b"half a build")
    (leftover.parent / "dinum.duckdb.wal").write_bytes(b"its log")

    building = start_build(warehouse)

    assert building.name == warehouse.name, "DuckDB names the database after the file"
    assert building.read_bytes() == b"current warehouse"
    assert sorted(p.name for p in building.parent.iterdir()) == ["dinum.duckdb"]


def test_the_first_build_starts_from_nothing(tmp_path: Path):
    building = start_build(tmp_path / "dinum.duckdb")
    assert building.parent.is_dir() and not building.exists()


def test_publish_replaces_the_warehouse_and_discard_leaves_it(tmp_path: Path):
    warehouse = tmp_path / "dinum.duckdb"
    warehouse.write_bytes(b"old")
    building = start_build(warehouse)
    building.write_bytes(b"new")
    discard_build(building)
    assert warehouse.read_bytes() == b"old" and not building.parent.exists()

    building = start_build(warehouse)
    building.write_bytes(b"new")
    publish_build(building, warehouse)
    assert warehouse.read_bytes() == b"new" and not building.parent.exists()
