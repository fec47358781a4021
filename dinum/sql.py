"""Read-only SQL on the warehouse: facts, free queries, exports and the DuckDB shell."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import duckdb
import pandas as pd

from warehouse.marts import fact_marts
from warehouse.settings import warehouse_path

# What `dinum query` runs: statements that read. Any other kind is refused before it runs.
READING_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
EXPORTED_SCHEMAS = ("marts",)


class WarehouseMissingError(FileNotFoundError):
    """The warehouse file does not exist yet."""


class WriteRefusedError(ValueError):
    """A statement of `dinum query` would change something."""


def connect() -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse; the error says how to build it."""
    path = warehouse_path()
    if not path.exists():
        raise WarehouseMissingError(f"no warehouse at {path}: build it with `dinum run`")
    return duckdb.connect(str(path), read_only=True)


def _frame(result: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The rows as Python values (dates stay dates, not timestamps at midnight)."""
    columns = [column[0] for column in result.description or []]
    return pd.DataFrame(result.fetchall(), columns=columns, dtype=object)


def facts(subject: str | None = None, domain: str | None = None) -> pd.DataFrame:
    """Every fact (the marts.facts view), optionally one subject's or one domain's."""
    marts = fact_marts()
    if domain is not None and domain not in marts:
        raise ValueError(f"no domain {domain!r}: the domains are {', '.join(sorted(marts))}")
    with connect() as conn:
        return _frame(
            conn.execute(
                "SELECT domain, * EXCLUDE (domain) FROM marts.facts"
                " WHERE (? IS NULL OR subject = ?) AND (? IS NULL OR domain = ?)"
                " ORDER BY report_id, subject, domain, metric, segment, period_end",
                [subject, subject, domain, domain],
            )
        )


def query(sql: str) -> pd.DataFrame:
    """The result of `sql`, which must only read (SELECT, EXPLAIN); a write is refused."""
    statements = duckdb.extract_statements(sql)
    if not statements:
        raise ValueError("the query is empty")
    for statement in statements:
        if statement.type not in READING_STATEMENTS:
            raise WriteRefusedError(
                f"refused: the warehouse is read-only here and this is a {statement.type.name} "
                "statement (dinum query runs SELECT and EXPLAIN only)"
            )
    with connect() as conn:
        result = None
        for statement in statements:
            result = conn.execute(statement.query)
        return _frame(result)


def export(target: Path, file_format: str) -> list[Path]:
    """Write every table and view of the marts to `target`, one file each; their paths."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    with connect() as conn:
        relations = conn.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_schema IN ? ORDER BY 1, 2",
            [list(EXPORTED_SCHEMAS)],
        ).fetchall()
        options = "(FORMAT parquet)" if file_format == "parquet" else "(FORMAT csv, HEADER)"
        for schema, name in relations:
            path = target / f"{name}.{file_format}"
            quoted = str(path).replace("'", "''")
            conn.execute(f'COPY (SELECT * FROM "{schema}"."{name}") TO \'{quoted}\' {options}')
            written.append(path)
    return written


def shell(sql: str | None = None) -> None:
    """Replace this process with the DuckDB shell, read-only on the warehouse."""
    path = warehouse_path()
    if not path.exists():
        raise WarehouseMissingError(f"no warehouse at {path}: build it with `dinum run`")
    # The shell installed beside this Python (the duckdb-cli wheel), whose DuckDB is the
    # release pinned for the warehouse; another on PATH may not read the file.
    program = Path(sys.executable).parent / "duckdb"
    if not program.exists():
        program = Path(shutil.which("duckdb") or "duckdb")
    arguments = [str(program), "-readonly", str(path)]
    if sql is not None:
        arguments += ["-c", sql]
    os.execv(program, arguments)
