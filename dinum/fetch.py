"""Fetch a report PDF (the original Cour des comptes report) into the raw folder.

`dinum fetch URL [--name FILE.pdf]` (or `make fetch URL=...`). The only code of the project
that downloads anything, and only when asked. What arrives must be a PDF; it is written
atomically and its sha256 recorded in the manifest.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlparse
from urllib.request import urlopen

from warehouse.manifest import file_sha256, record_in_manifest

PDF_MAGIC = b"%PDF-"


class NotAPdfError(ValueError):
    """What the address served is not a PDF."""


def fetch_report(
    url: str,
    target_dir: Path,
    file_name: str | None = None,
    opener: Callable = urlopen,
    timeout: float = 120,
) -> Path:
    """Download `url` into `target_dir` and record it in the manifest; return its path."""
    name = file_name or Path(unquote(urlparse(url).path)).name or "report.pdf"
    if not name.lower().endswith(".pdf"):
        name += ".pdf"
    with opener(url, timeout=timeout) as response:
        body = response.read()
    if not body.startswith(PDF_MAGIC):
        raise NotAPdfError(
            f"{url}: the answer is not a PDF (it starts with {body[:20]!r}); if this is the "
            "report's web page, give the address of its PDF link instead"
        )
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target_dir, suffix=".part", delete=False) as part:
        part.write(body)
    target = target_dir / name
    Path(part.name).replace(target)
    record_in_manifest(target_dir, target.name, file_sha256(target), url)
    return target
