"""The version of the code that turns a report PDF into its raw files: Dagster's code_version.

It is a digest of that code's sources (the `extract` package, and the modules that shape a
report's raw rows) and of the releases of the PDF libraries it reads with, not a constant
bumped by hand: a change nobody remembered to declare would otherwise leave every landed
report with rows the current code no longer writes, and a wrong row is worse than the cost
of one extraction more after an edit. A report whose landed files carry this version and
its PDF's sha256 is not extracted again.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parent.parent
# What decides the raw rows of a report: the extraction, the manifest fields it copies,
# the frames and their declared types.
_SOURCES = (
    _REPO_ROOT / "extract",
    _REPO_ROOT / "warehouse" / "manifest.py",
    _REPO_ROOT / "warehouse" / "raw_layer.py",
    _REPO_ROOT / "warehouse" / "raw_schema.py",
)
# The PDF libraries extraction reads with: a new release may read the same file differently.
_LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2")
DIGITS = 16


@functools.cache
def extraction_code_version() -> str:
    """A short digest of the extraction's sources and libraries; the same code, the same value."""
    digest = hashlib.sha256()
    for path in _source_files():
        digest.update(path.relative_to(_REPO_ROOT).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    for library in _LIBRARIES:
        digest.update(f"{library}=={_installed_version(library)}\0".encode())
    return digest.hexdigest()[:DIGITS]


def _source_files() -> list[Path]:
    files: list[Path] = []
    for source in _SOURCES:
        files.extend(sorted(source.rglob("*.py")) if source.is_dir() else [source])
    return files


def _installed_version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"
