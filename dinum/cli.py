"""The `dinum` command: one subcommand per thing an analyst does with the warehouse.

Errors are one line on stderr and a non-zero exit; what dbt and Dagster print goes to the
log file beside the warehouse unless `-v` is given.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import duckdb

from warehouse.settings import REPO_ROOT, raw_dir

if TYPE_CHECKING:
    import dagster as dg
    import pandas as pd

# The errors a command reports in one line: a wrong argument or a state of the files.
USER_ERRORS = (OSError, ValueError, LookupError, duckdb.Error)
FORMATS = click.Choice(["table", "csv", "json"])
# Widest column of a table printed on the terminal (evidence sentences are long).
TABLE_COLUMN_WIDTH = 70


class OneLineErrors(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except USER_ERRORS as exc:
            lines = str(exc).strip().splitlines() or [type(exc).__name__]
            raise click.ClickException(lines[0]) from exc


def _instance() -> dg.DagsterInstance:
    """The Dagster instance of DAGSTER_HOME, else the repository's .dagster_home (as make)."""
    if not os.environ.get("DAGSTER_HOME"):
        home = REPO_ROOT / ".dagster_home"
        home.mkdir(exist_ok=True)
        if not (home / "dagster.yaml").exists():
            shutil.copyfile(REPO_ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
        os.environ["DAGSTER_HOME"] = str(home)
    import dagster as dg  # slow to import: only the commands that need the instance pay

    return dg.DagsterInstance.get()


def _echo_frame(frame: pd.DataFrame, output_format: str) -> None:
    if output_format == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif output_format == "json":
        records = frame.to_dict(orient="records")
        click.echo(json.dumps(records, ensure_ascii=False, default=str, indent=1))
    elif frame.empty:
        click.echo("(no rows)")
    else:
        blanks = frame.astype(object).where(frame.notna(), "")
        click.echo(blanks.to_string(index=False, max_colwidth=TABLE_COLUMN_WIDTH))


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """The Dinum report warehouse: build it from the PDFs of the raw folder, query it.

    Paths come from DINUM_RAW_DIR, DINUM_RAW_LAYER and DINUM_WAREHOUSE (see the README);
    runs are recorded in the Dagster instance of DAGSTER_HOME (default .dagster_home).
    """


@main.command()
@click.option("--report", "report_id", help="Extract this report_id only (dbt still builds all).")
@click.option(
    "--force", is_flag=True, help="Extract and build even what has not changed since last time."
)
@click.option("-v", "--verbose", is_flag=True, help="dbt and Dagster logs here, not to a file.")
def run(report_id: str | None, force: bool, verbose: bool) -> None:
    """Extract the reports of the raw folder and build the warehouse; print a summary.

    A bar per report shows the pages read. A report whose PDF, manifest entry and extraction
    code are those of its landed files is not extracted again, and dbt does not run when
    nothing the warehouse is built from changed. Reports whose PDF left the raw folder leave
    the warehouse and Dagster's partitions. Exits 1 when a file or the build failed.
    """
    from dinum.progress import page_bars
    from orchestration.materialize_all import QUIET, log_file
    from orchestration.materialize_all import run as materialise
    from orchestration.unsynced_writes import unsynced_sqlite_writes

    with page_bars(sys.stderr), unsynced_sqlite_writes():
        outcome = materialise(
            _instance(),
            run_config=None if verbose else QUIET,
            log_path=None if verbose else log_file(),
            only=report_id,
            force=force,
        )
    sys.exit(outcome.exit_code)


@main.command()
@click.option(
    "--report",
    "report_ids",
    multiple=True,
    help="Extract this report_id (repeat the option for several); default: every report.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Reports extracted at once (processes here, or the workers of `--dask local`).",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Run the extractions on the Dask cluster whose scheduler is at ADDRESS "
    "(tcp://host:8786), or on one started here with `--dask local`.",
)
@click.option("-v", "--verbose", is_flag=True, help="dbt and Dagster logs here, not to a file.")
def backfill(
    report_ids: tuple[str, ...], workers: int, dask_address: str | None, verbose: bool
) -> None:
    """Extract the reports of the raw folder in parallel, then build the warehouse once.

    One Dagster run holds a step per report; each step runs the report's partition of
    `extract_report`. Reports whose PDF left the raw folder are not removed (`dinum run`
    does that). Exits 1 when a file or the build failed.
    """
    from orchestration.backfill import backfill as run_backfill
    from orchestration.materialize_all import log_file

    outcome = run_backfill(
        _instance(),
        workers,
        dask_address,
        only=list(report_ids),
        log_path=None if verbose else log_file().with_name("backfill.log"),
    )
    sys.exit(outcome.exit_code)


@main.command()
@click.option("--subject", help="Only this subject's facts (e.g. tchap; see marts.dim_subjects).")
@click.option("--domain", help="Only this domain's facts (cost, usage, indicator).")
@click.option("--format", "output_format", type=FORMATS, default="table", show_default=True)
def facts(subject: str | None, domain: str | None, output_format: str) -> None:
    """Every fact of the warehouse with its domain, page and evidence."""
    from dinum.sql import facts as read_facts

    _echo_frame(read_facts(subject, domain), output_format)


@main.command()
@click.argument("sql")
@click.option("--format", "output_format", type=FORMATS, default="table", show_default=True)
def query(sql: str, output_format: str) -> None:
    """Run SQL that reads the warehouse (SELECT, EXPLAIN); a write is refused."""
    from dinum.sql import query as run_query

    _echo_frame(run_query(sql), output_format)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["parquet", "csv"]),
    default="parquet",
    show_default=True,
)
def export(directory: Path, file_format: str) -> None:
    """Write every mart and dimension to DIRECTORY, one file each."""
    from dinum.sql import export as export_marts

    for path in export_marts(directory, file_format):
        click.echo(path)


@main.command()
@click.argument("sql", required=False)
def sql(sql: str | None) -> None:
    """Open the DuckDB shell on the warehouse, read-only (or run SQL in it and exit)."""
    from dinum.sql import shell

    shell(sql)


@main.command()
@click.option("--format", "output_format", type=FORMATS, default="table", show_default=True)
def reports(output_format: str) -> None:
    """The PDFs of the raw folder: report_id, manifest, pages, sha256, last extraction."""
    from dinum.library import list_reports

    _echo_frame(list_reports(_instance()), output_format)


@main.command()
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", help="The report's title, for the manifest.")
@click.option("--url", help="Where the report was published (source_url).")
@click.option("--published-on", help="Publication date, YYYY-MM-DD.")
def add(pdf: Path, title: str | None, url: str | None, published_on: str | None) -> None:
    """Copy PDF into the raw folder and record it (sha256 included) in manifest.csv."""
    from dinum.library import add_report

    report_id, target = add_report(pdf, title, url, published_on)
    click.echo(f"{target} added as {report_id}: `dinum run` extracts it")


@main.command()
@click.argument("report_id")
@click.option("-v", "--verbose", is_flag=True, help="dbt and Dagster logs here, not to a file.")
def remove(report_id: str, verbose: bool) -> None:
    """Remove REPORT_ID from the raw folder, the warehouse and Dagster's partitions."""
    from dinum.library import remove_report
    from orchestration.materialize_all import log_file

    removal = remove_report(_instance(), report_id, None if verbose else log_file())
    where = f"{removal.pdf} deleted; " if removal.pdf else ""
    click.echo(f"{report_id}: {where}raw files, partition and facts removed")
    if removal.rebuild_error:
        raise click.ClickException(f"dbt build: {removal.rebuild_error}")


@main.command()
@click.argument("url")
@click.option("--name", help="File name in the raw folder (default: from the URL).")
def fetch(url: str, name: str | None) -> None:
    """Download a report PDF into the raw folder and record its sha256 in the manifest."""
    from dinum.fetch import fetch_report

    path = fetch_report(url, raw_dir(), name)
    click.echo(f"{path} ({path.stat().st_size} bytes) recorded in {path.parent / 'manifest.csv'}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=3000, show_default=True, help="Port of the web server.")
def ui(host: str, port: int) -> None:
    """The Dagster UI (`dagster dev`): lineage, runs, schedule and sensors.

    Ctrl-C or SIGTERM stops it. Its sensor extracts the PDFs of the raw folder it has not
    seen yet and the warehouse is then rebuilt: the first start rewrites the warehouse.
    """
    from dinum.ui import busy_message, port_is_free, serve

    if not port_is_free(host, port):
        raise OSError(busy_message(host, port))
    _instance()
    click.echo(
        f"Dagster UI on http://{host}:{port} (Ctrl-C stops it). Its sensor extracts the PDFs "
        f"of {raw_dir()} it has not seen yet, then the warehouse is rebuilt."
    )
    sys.exit(serve(host, port))


@main.command()
def review() -> None:
    """Facts held back and numbers not classified, with the seed row that would teach them."""
    from dinum.review import review as read_review

    held_back, unknown = read_review()
    click.echo(f"Held back for review ({len(held_back)}, marts.fact_candidates):")
    for item in held_back:
        click.echo(f"  {item.heading}\n    {item.evidence}")
    click.echo(f"Not classified ({len(unknown)}, marts.unclassified_mentions):")
    for item in unknown:
        click.echo(f"  {item.heading}\n    {item.evidence}\n    teach: {item.teach}")
