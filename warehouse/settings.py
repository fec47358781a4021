"""Where the pipeline reads and writes, from the environment.

`DINUM_RAW_DIR` (input PDFs and their manifest) and `DINUM_WAREHOUSE` (the DuckDB file) let
the same code run elsewhere. Both are made absolute once, here, because dbt runs with its
project folder as working directory and must open the very file the Python side writes.
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


def warehouse_path() -> Path:
    return _absolute(os.environ.get("DINUM_WAREHOUSE", "data/warehouse/dinum.duckdb"))
