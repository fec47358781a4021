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


def write_other_wordings_report(path: Path) -> None:
    """One page in the house style, worded and laid out unlike the shipped reconstruction:
    a table in thousands of euros, figures after their period, another word order."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(72, 770, "Tableau n° 4 : Crédits de la DINUM en 2023 (en milliers d'euros)")
    pdf.setFont("Helvetica", 10)
    pdf.line(72, 760, 420, 760)
    pdf.drawString(76, 748, "Nature des crédits")
    pdf.drawRightString(416, 748, "Montant")
    pdf.line(72, 742, 420, 742)
    rows = [("Autorisations d'engagement", "79 000"), ("Crédits de paiement", "138 000")]
    for i, (label, amount) in enumerate(rows):
        pdf.drawString(76, 728 - 16 * i, label)
        pdf.drawRightString(416, 728 - 16 * i, amount.replace(" ", "\u00a0"))
    pdf.line(72, 706, 420, 706)
    pdf.setFont("Helvetica", 8)
    pdf.drawString(72, 694, "Source : Cour des comptes, d'après les documents budgétaires")
    pdf.setFont("Helvetica", 11)
    prose = [
        "Le nombre de messages échangés sur Tchap a atteint 4,8 millions en janvier 2022.",
        "Au troisième trimestre 2023, la plateforme Osmose rassemblait 48 000 utilisateurs",
        "actifs. L'équipe du Webinaire de l'État ne compte que trois ETP.",
    ]
    for i, line in enumerate(prose):
        pdf.drawString(72, 650 - 16 * i, line.replace("48 000", "48\u00a0000"))
    pdf.drawString(297, 40, "7")
    pdf.save()
