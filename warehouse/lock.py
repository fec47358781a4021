"""What to say when dbt's database file is held by another DuckDB session.

DuckDB lets one process write a database file, and a read-only session anywhere keeps the
writer out. dbt writes a private copy of the warehouse (warehouse.atomic_build), so a
session on the warehouse no longer blocks it; should the copy be held all the same, DuckDB's
error names the holder and the message below tells the user which session to close, in one
line.
"""

from __future__ import annotations

import re
from pathlib import Path

_HOLDER_RE = re.compile(r"Conflicting lock is held in (?P<program>\S.*?) \(PID (?P<pid>\d+)\)")


def lock_holder(error_text: str) -> str | None:
    """"<program> (PID n)" when `error_text` is DuckDB's lock error, else None."""
    match = _HOLDER_RE.search(error_text)
    return f"{match['program']} (PID {match['pid']})" if match else None


def locked_message(warehouse: Path, holder: str) -> str:
    return f"the warehouse {warehouse} is locked by {holder}; close that session and run again."
