"""Producers: each lays a document out as a PDF, or says why it cannot on this machine.

Every producer module has `missing() -> str | None` (None when it can run, else what is
missing) and `render(document, layout, pdf) -> None`.
"""

from __future__ import annotations

from types import ModuleType

from scripts.generalisation.producers import chromium_pdf, libreoffice_pdf, reportlab_pdf

PRODUCERS: dict[str, ModuleType] = {
    "reportlab": reportlab_pdf,
    "chromium": chromium_pdf,
    "libreoffice": libreoffice_pdf,
}
