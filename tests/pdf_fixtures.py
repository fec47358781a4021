"""Small PDFs made by the tests."""

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

# A font with a true minus sign (U+2212): the standard Helvetica has no glyph for it. Its
# name is the fixture's own: reportlab's font registry is global, and the corpus renderings
# reuse a "DejaVuSans" already registered (with its state from another document).
MINUS_FONT = "FixtureMinusSans"
DEJAVU_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


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


def write_impossible_values_report(path: Path) -> None:
    """One page of figures that cannot all be true, and a negative one that can."""
    pdfmetrics.registerFont(TTFont(MINUS_FONT, DEJAVU_SANS))
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont(MINUS_FONT, 10)
    prose = [
        "En 2023, le coût total de Tchap s'établit à \u22121,85\u00a0M€.",
        "En 2023, les utilisateurs actifs de Tchap ont progressé de \u221212\u00a0%.",
        "En 2022, 130\u00a0% des agents publics étaient équipés d'un ordinateur portable.",
        "Sur Tchap, en décembre 2023, la DGFiP envoyait 70\u00a0% des messages et la",
        "gendarmerie 50\u00a0% des messages.",
    ]
    for i, line in enumerate(prose):
        pdf.drawString(72, 760 - 16 * i, line)
    pdf.drawString(297, 40, "1")
    pdf.save()


def write_unsupported_figures_report(path: Path) -> None:
    """One page of figures the document does not fully support: a metric with no subject, a
    dated metric with no period, and a table and a sentence that disagree on one fact."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 11)
    prose = [
        "Le nombre d'utilisateurs actifs a été porté à 40\u00a0000 en 2023.",
        "Selon une autre source, les crédits de paiement de la DINUM ont atteint 151 M€",
        "en 2023. La plateforme Resana compte désormais 12\u00a0000 utilisateurs actifs.",
    ]
    for i, line in enumerate(prose):
        pdf.drawString(72, 770 - 16 * i, line)
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(72, 700, "Tableau n° 2 : Crédits ouverts pour la DINUM en 2023 (en M€)")
    pdf.setFont("Helvetica", 10)
    pdf.line(72, 690, 420, 690)
    pdf.drawString(76, 678, "Nature des crédits")
    pdf.drawRightString(416, 678, "Montant")
    pdf.line(72, 672, 420, 672)
    pdf.drawString(76, 658, "Crédits de paiement")
    pdf.drawRightString(416, 658, "138")
    pdf.line(72, 650, 420, 650)
    pdf.drawString(297, 40, "3")
    pdf.save()
