"""Small PDFs made by the tests."""

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def write_one_page_report(path: Path) -> None:
    """One page of prose: one usage figure, and one number the vocabulary does not know."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(
        72, 760, "Fin 2023, la messagerie Tchap comptait 210\u00a0000 utilisateurs actifs."
    )
    pdf.drawString(72, 740, "Le service a connu quatre versions successives.")
    pdf.drawString(297, 40, "1")
    pdf.save()
