"""Session set-up shared by the tests.

The Dagster definitions read the dbt manifest at import time, and `DbtProject.prepare_if_dev()`
only parses under `dagster dev`, so the session parses the dbt project itself. The warehouse,
its raw layer and the raw folder are redirected to temporary copies before anything imports
the definitions.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_RAW_DIR = REPO_ROOT / "data" / "raw"
LEDGER = Path(__file__).resolve().parent / "dinum_2024_facts.csv"
SESSION_DIR = pytest.StashKey[Path]()
SHIPPED_REPORT_ID = "dinum_pilotage_2024"
# The PDFs that join the shipped report in the shared run, by report_id.
NO_MANIFEST_REPORT = "note_flash_2025"  # "Note Flash 2025.pdf", no manifest row
OTHER_WORDINGS_REPORT = "autre_redaction"
GEOMETRY_ONLY_REPORT = "geometry_only"  # the reconstruction without values on its bars
BAD_PDF = "rapport_abime.pdf"


def pytest_configure(config: pytest.Config) -> None:
    session_dir = Path(tempfile.mkdtemp(prefix="dinum-tests-"))
    config.stash[SESSION_DIR] = session_dir
    raw = session_dir / "raw"
    shutil.copytree(SHIPPED_RAW_DIR, raw)
    os.environ["DINUM_RAW_DIR"] = str(raw)
    os.environ["DINUM_WAREHOUSE"] = str(session_dir / "warehouse" / "dinum.duckdb")
    os.environ["DINUM_RAW_LAYER"] = str(session_dir / "warehouse" / "raw")
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


@dataclass
class PipelineRun:
    """What `make run`'s routine returned and printed on the shared raw folder."""

    exit_code: int
    results: dict
    out: str
    err: str
    instance: object


def _fill_raw_folder(raw: Path) -> None:
    from scripts.build_reconstruction import build_pdf
    from scripts.generalisation.corpus import FLOOR_RENDERINGS, build
    from scripts.generalisation.pipeline import PUBLISHED_ON
    from tests.pdf_fixtures import write_one_page_report, write_other_wordings_report
    from warehouse.manifest import MANIFEST_NAME, file_sha256, write_manifest_row

    write_one_page_report(raw / "Note Flash 2025.pdf")
    write_other_wordings_report(raw / f"{OTHER_WORDINGS_REPORT}.pdf")
    build_pdf(raw / f"{GEOMETRY_ONLY_REPORT}.pdf", show_values=False)
    (raw / BAD_PDF).write_bytes(b"%PDF-1.7\nthis is not a PDF body\n")
    for pdf in build(FLOOR_RENDERINGS, raw):
        write_manifest_row(
            raw / MANIFEST_NAME,
            {
                "report_id": pdf.stem,
                "title": pdf.stem,
                "publisher": "Cour des comptes",
                "published_on": PUBLISHED_ON,
                "sha256": file_sha256(pdf),
                "file_name": pdf.name,
            },
        )


@pytest.fixture(scope="session")
def dagster_instance():
    """One Dagster instance for the session: the definitions, once resolved in a run, keep
    a reference to the instance they ran in, so it must outlive every test."""
    import dagster as dg

    with dg.instance_for_test() as instance:
        yield instance


@pytest.fixture(scope="session")
def pipeline_run(dagster_instance):
    """`make run`'s routine, once, on the shipped report and every end-to-end test PDF."""
    from orchestration import materialize_all
    from warehouse.settings import raw_dir

    _fill_raw_folder(raw_dir())
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        outcome = materialize_all.run(dagster_instance)
    return PipelineRun(
        outcome.exit_code, outcome.results, out.getvalue(), err.getvalue(), dagster_instance
    )
