"""Many small reports at once: the material of a backfill (tests/test_backfill.py and
scripts/bench_backfill.py).

Each report states a usage figure of its own on its first page, so that every report leaves
a fact of its own in the warehouse; further pages (`pages`) are prose full of numbers that
name no fact, work for the extraction.
"""

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

# Lines of a page after the first, each with numbers of its own.
FILLER_LINES = 40


def write_reports(folder: Path, count: int, pages: int = 1) -> list[str]:
    """`count` reports of `pages` pages in `folder` (created), named so that each file name
    is its report_id; the report_ids, sorted."""
    folder.mkdir(parents=True)
    report_ids = []
    for index in range(count):
        report_id = f"note_{index:03d}"
        pdf = canvas.Canvas(str(folder / f"{report_id}.pdf"), pagesize=A4, invariant=1)
        pdf.setFont("Helvetica", 11)
        users = f"{200 + index}\u00a0000"
        pdf.drawString(72, 760, f"Fin 2023, Tchap comptait {users} utilisateurs actifs.")
        pdf.drawString(297, 40, "1")
        for page in range(2, pages + 1):
            pdf.showPage()
            pdf.setFont("Helvetica", 11)
            for line in range(FILLER_LINES):
                session = page * FILLER_LINES + line
                pdf.drawString(
                    72, 780 - 18 * line, f"La séance n° {session} a duré {line % 9 + 1} heures."
                )
            pdf.drawString(297, 40, str(page))
        pdf.save()
        report_ids.append(report_id)
    return report_ids
