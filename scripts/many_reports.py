"""Many small reports at once: the material of a backfill (tests/test_backfill.py and
scripts/bench_backfill.py).

Each report is one page of prose stating a usage figure of its own, so that every report
leaves a fact of its own in the warehouse.
"""

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def write_reports(folder: Path, count: int) -> list[str]:
    """`count` one-page reports in `folder` (created), named so that each file name is its
    report_id; the report_ids, sorted."""
    folder.mkdir(parents=True)
    report_ids = []
    for index in range(count):
        report_id = f"note_{index:03d}"
        pdf = canvas.Canvas(str(folder / f"{report_id}.pdf"), pagesize=A4, invariant=1)
        pdf.setFont("Helvetica", 11)
        users = f"{200 + index}\u00a0000"
        pdf.drawString(72, 760, f"Fin 2023, Tchap comptait {users} utilisateurs actifs.")
        pdf.drawString(297, 40, "1")
        pdf.save()
        report_ids.append(report_id)
    return report_ids
