"""The warehouse changes all at once or not at all: dbt builds a copy, swapped in on success.

dbt writes into `.building/<warehouse name>` beside the warehouse, never into the warehouse
itself. The copy starts from the current warehouse, so a build of some models keeps the
others; once dbt has succeeded the copy replaces the warehouse with one `os.replace`, atomic
on one filesystem. A failed or interrupted build leaves the warehouse byte for byte as it was,
and a SQL session open on it neither blocks the build nor sees a half-built state: it keeps
reading the file it opened. The copy keeps the warehouse's file name because DuckDB names the
database after it, and dbt's views refer to their tables through that name.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

BUILDING_DIR = ".building"


def building_path(warehouse: Path) -> Path:
    return warehouse.parent / BUILDING_DIR / warehouse.name


def start_build(warehouse: Path) -> Path:
    """A fresh copy of the warehouse (or no file, if there is none yet) for dbt to build into.

    A copy left by a build that was killed is discarded first.
    """
    building = building_path(warehouse)
    discard_build(building)
    building.parent.mkdir(parents=True)
    if warehouse.exists():
        shutil.copyfile(warehouse, building)
    return building


def publish_build(building: Path, warehouse: Path) -> None:
    """Swap the built copy in for the warehouse, in one step."""
    os.replace(building, warehouse)
    discard_build(building)


def discard_build(building: Path) -> None:
    """Remove the copy and whatever DuckDB left beside it (its write-ahead log)."""
    shutil.rmtree(building.parent, ignore_errors=True)
