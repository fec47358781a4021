"""dbt run by the tests that build part of the project on a raw layer of their own."""

import subprocess
import sys
from pathlib import Path

from warehouse.settings import REPO_ROOT


def run_dbt(*args: str, target: Path) -> None:
    """`dbt ARGS` on the project, its target and log folders under `target`; raises if it fails."""
    dbt = Path(sys.executable).with_name("dbt")
    subprocess.run(
        [
            str(dbt),
            *args,
            "--project-dir",
            str(REPO_ROOT / "dbt_project"),
            "--profiles-dir",
            str(REPO_ROOT / "dbt_project"),
            "--target-path",
            str(target / "target"),
            "--log-path",
            str(target / "logs"),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
