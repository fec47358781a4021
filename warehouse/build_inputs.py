"""Whether the warehouse is current: a fingerprint of what a dbt build reads, kept beside it.

The fingerprint covers the raw layer (each report's link and the files of the version it
points to: a new extraction always lands a new version folder), the dbt project's sources
(models, seeds, macros, tests, configuration, by content), the Python that runs the build
and draws the pictures (the `orchestration` and `warehouse` packages, by content), the
build's vars and the releases of dbt and DuckDB. The build takes it before dbt starts and
records it once the new warehouse is in place; a later run whose fingerprint is the same has
nothing to rebuild. Raw files that land while dbt runs make the recorded fingerprint older
than the warehouse, never newer: the next run rebuilds once more, it never skips a change.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from warehouse.raw_layer import SCHEMA_FOLDER, VERSIONS_FOLDER
from warehouse.settings import DBT_PROJECT_DIR, REPO_ROOT, dbt_vars, raw_layer_root

# What dbt writes into its project folder (and dependencies it installs): not sources; nor
# are its hidden files (.user.yml).
_DBT_OUTPUT_FOLDERS = {"target", "logs", "dbt_packages", "dbt_internal_packages"}
_BUILD_CODE = (REPO_ROOT / "orchestration", REPO_ROOT / "warehouse")
_LIBRARIES = ("dbt-core", "dbt-duckdb", "duckdb", "dagster-dbt")


def fingerprint_path(warehouse: Path) -> Path:
    """Where the fingerprint of the warehouse's last complete build is kept."""
    return warehouse.parent / f".{warehouse.name}.inputs"


def build_inputs_fingerprint() -> str:
    """A digest of everything a build of the warehouse reads; cheap (no Parquet is read)."""
    digest = hashlib.sha256()
    for line in _raw_layer_lines(raw_layer_root()):
        digest.update(f"raw {line}\0".encode())
    for root, path in [*_dbt_sources(), *_python_sources()]:
        digest.update(f"file {root.name}/{path.relative_to(root).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    digest.update(json.dumps(dbt_vars(), sort_keys=True).encode())
    for library in _LIBRARIES:
        digest.update(f"\0{library}=={_installed_version(library)}".encode())
    return digest.hexdigest()


def record_build_inputs(warehouse: Path, fingerprint: str | None) -> None:
    """Record what the warehouse was just built from (one atomic write).

    None, for a build of part of the models, forgets the fingerprint: the warehouse is then
    no longer known to match any.
    """
    target = fingerprint_path(warehouse)
    if fingerprint is None:
        target.unlink(missing_ok=True)
        return
    partial = target.with_name(f"{target.name}.{uuid.uuid4().hex}")
    partial.write_text(fingerprint, encoding="ascii")
    os.replace(partial, target)


def is_warehouse_current(warehouse: Path, fingerprint: str) -> bool:
    """Whether the warehouse exists and was last built, whole, from these inputs."""
    recorded = fingerprint_path(warehouse)
    if not (warehouse.is_file() and recorded.is_file()):
        return False
    return recorded.read_text(encoding="ascii").strip() == fingerprint


def _raw_layer_lines(root: Path) -> Iterable[str]:
    if not root.is_dir():
        return
    for entry in sorted(root.iterdir()):
        if entry.name in (SCHEMA_FOLDER, VERSIONS_FOLDER):
            continue
        yield f"{entry.name} -> {os.readlink(entry) if entry.is_symlink() else ''}"
        folder = entry.resolve()
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            stat = path.stat()
            yield f"{entry.name}/{path.name} {stat.st_size} {stat.st_mtime_ns}"


def _dbt_sources() -> list[tuple[Path, Path]]:
    return sorted(
        (DBT_PROJECT_DIR, path)
        for path in DBT_PROJECT_DIR.rglob("*")
        if path.is_file()
        and not _DBT_OUTPUT_FOLDERS.intersection(path.relative_to(DBT_PROJECT_DIR).parts[:-1])
        and not path.name.startswith(".")
    )


def _python_sources() -> list[tuple[Path, Path]]:
    return sorted((folder, path) for folder in _BUILD_CODE for path in folder.rglob("*.py"))


def _installed_version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"
