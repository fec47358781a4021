"""Where the pipeline reads and writes, from the environment.

`DINUM_RAW_DIR` (input PDFs and their manifest), `DINUM_RAW_LAYER` (the Parquet files
extraction writes) and `DINUM_WAREHOUSE` (the DuckDB file dbt builds) let the same code run
elsewhere. They are made absolute here, against the repository root, because dbt runs with
its project folder as working directory and must read and write the very paths Python uses.
"""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"


def _absolute(value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else (REPO_ROOT / path).resolve()


def raw_dir() -> Path:
    return _absolute(os.environ.get("DINUM_RAW_DIR", "data/raw"))


def raw_layer_root() -> Path:
    return _absolute(os.environ.get("DINUM_RAW_LAYER", "data/warehouse/raw"))


def warehouse_path() -> Path:
    return _absolute(os.environ.get("DINUM_WAREHOUSE", "data/warehouse/dinum.duckdb"))


def reports_dir() -> Path:
    """`DINUM_REPORTS_DIR`: where the pictures of the facts go (PNG charts, index.html)."""
    return _absolute(os.environ.get("DINUM_REPORTS_DIR", "data/reports"))


def pdf_password() -> str | None:
    """`DINUM_PDF_PASSWORD`: opens encrypted PDFs whose manifest row gives no password."""
    return os.environ.get("DINUM_PDF_PASSWORD") or None


def dbt_vars() -> dict[str, str]:
    """The paths dbt needs (profiles.yml, the raw sources), as `dbt --vars`."""
    return {"warehouse": str(warehouse_path()), "raw_layer": str(raw_layer_root())}
