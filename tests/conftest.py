"""Session set-up shared by the tests.

The Dagster definitions read the dbt manifest at import time, and `DbtProject.prepare_if_dev()`
only parses under `dagster dev`, so the session parses the dbt project itself. The warehouse,
its raw layer, the raw folder and the pictures folder are redirected to temporary copies
before anything imports the definitions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_RAW_DIR = REPO_ROOT / "data" / "raw"
LEDGER = Path(__file__).resolve().parent / "dinum_2024_facts.csv"
SESSION_DIR = pytest.StashKey[Path]()


def pytest_configure(config: pytest.Config) -> None:
    session_dir = Path(tempfile.mkdtemp(prefix="dinum-tests-"))
    config.stash[SESSION_DIR] = session_dir
    raw = session_dir / "raw"
    shutil.copytree(SHIPPED_RAW_DIR, raw)
    os.environ["DINUM_RAW_DIR"] = str(raw)
    os.environ["DINUM_WAREHOUSE"] = str(session_dir / "warehouse" / "dinum.duckdb")
    os.environ["DINUM_RAW_LAYER"] = str(session_dir / "warehouse" / "raw")
    os.environ["DINUM_REPORTS_DIR"] = str(session_dir / "reports")
    bin_dir = Path(sys.executable).parent
    os.environ["PATH"] = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    if not _manifest_is_fresh(REPO_ROOT / "dbt_project"):
        subprocess.run(
            [str(bin_dir / "dbt"), "parse", "--quiet", "--profiles-dir", "."],
            cwd=REPO_ROOT / "dbt_project",
            check=True,
        )


def _manifest_is_fresh(project: Path) -> bool:
    """Whether `make` (or an earlier session) already parsed the project as it is now."""
    manifest = project / "target" / "manifest.json"
    if not manifest.exists():
        return False
    sources = (
        p
        for p in project.rglob("*")
        if p.is_file() and "target" not in p.parts and "logs" not in p.parts
    )
    return all(p.stat().st_mtime <= manifest.stat().st_mtime for p in sources)


def pytest_unconfigure(config: pytest.Config) -> None:
    if SESSION_DIR in config.stash:
        shutil.rmtree(config.stash[SESSION_DIR], ignore_errors=True)


@pytest.fixture(scope="session")
def dagster_instance():
    """One Dagster instance for the session: the definitions, once resolved in a run, keep
    a reference to the instance they ran in, so it must outlive every test."""
    import dagster as dg

    with dg.instance_for_test() as instance:
        yield instance
