"""Documents as HTML printed to PDF by headless Chromium (Debian package `chromium`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from scripts.generalisation.document import Document
from scripts.generalisation.layouts import Layout
from scripts.generalisation.producers.html import to_html
from scripts.pdf_printers import chromium_binary, print_with_chromium


def missing() -> str | None:
    return None if chromium_binary() else "chromium not installed (make corpus-deps)"


def render(document: Document, layout: Layout, pdf: Path) -> None:
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="corpus-chromium-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(to_html(document, layout), encoding="utf-8")
        print_with_chromium(page, pdf, timeout=120)
