"""Documents as HTML printed to PDF by headless Chromium (Debian package `chromium`)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from scripts.generalisation.document import Document
from scripts.generalisation.layouts import Layout
from scripts.generalisation.producers.html import to_html


def _binary() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing() -> str | None:
    return None if _binary() else "chromium not installed (make corpus-deps)"


def render(document: Document, layout: Layout, pdf: Path) -> None:
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="corpus-chromium-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(to_html(document, layout), encoding="utf-8")
        subprocess.run(
            [
                _binary() or "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
