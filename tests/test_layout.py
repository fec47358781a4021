"""How prose is read off the page: columns, page and column breaks, footnotes, lists, boxes.

Every page here is drawn by the test itself with reportlab's canvas, so that each layout
feature is seen alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extract.pdf import PageModel, read_page
from extract.pdf.prose import _Line, _starts_item, read_prose
from extract.report import extract_report
from extract.tables import find_tables
from extract.text import ProseReader, mentions_on_page
from extract.text.mentions import mentions_in_text

# Registered under a name of the tests' own: reportlab's font registry is global.
UNICODE_FONT = "LayoutTestSans"
DEJAVU_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LEFT_X, RIGHT_X = 60, 315  # the two columns' left edges; each is about 220 pt wide
FILLER = [
    "Les administrations ont engagé des travaux",
    "de modernisation dont le suivi reste inégal",
    "selon les ministères et les directions qui",
    "en assurent la conduite au quotidien, sans",
    "que les résultats obtenus aient été mesurés",
    "de manière homogène sur toute la période.",
]

Draw = Callable[[canvas.Canvas], None]


def _pdf(path: Path, *pages: Draw) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for draw in pages:
        pdf.setFont("Helvetica", 10)
        draw(pdf)
        pdf.showPage()
    pdf.save()
    return path


def _lines(pdf: canvas.Canvas, x: float, top: float, lines: list[str], pitch: float = 13) -> None:
    for i, line in enumerate(lines):
        pdf.drawString(x, top - pitch * i, line.replace("\u202f", "\u00a0"))


def _models(path: Path) -> list[PageModel]:
    models = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            try:
                models.append(read_page(page))
            finally:
                page.close()
    return models


def _sentence_of(mentions, raw: str) -> str:
    return next(m.sentence for m in mentions if m.raw_text == raw)


# Columns


def _table_in_left_column(pdf: canvas.Canvas) -> None:
    """Prose in both columns, and in the left one an unruled table of labels and figures."""
    _lines(pdf, LEFT_X, 780, FILLER)
    _lines(pdf, RIGHT_X, 780, FILLER)
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(LEFT_X, 690, "Tableau n° 1 : Effectifs par produit")
    pdf.setFont("Helvetica", 10)
    for i, (label, value) in enumerate([("Messagerie", "13"), ("Visio", "4"), ("Annuaire", "5")]):
        pdf.drawString(LEFT_X, 672 - 14 * i, label)
        pdf.drawRightString(LEFT_X + 220, 672 - 14 * i, value)
    _lines(pdf, RIGHT_X, 690, ["En 2023, la messagerie Tchap comptait", *FILLER[1:5]])
    _lines(pdf, LEFT_X, 610, FILLER)
    _lines(pdf, RIGHT_X, 610, FILLER)


def test_a_table_in_one_column_stays_in_its_column(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _table_in_left_column))
    assert [len(block.gutters) for block in page.columns] == [1]
    gutter = page.columns[0].gutters[0]
    (table,) = find_tables(page)
    assert table.bbox[2] < gutter  # the prose of the right column is no column of the table
    assert [c.text for c in table.cells if c.col == 1] == ["13", "4", "5"]
    mentions = mentions_on_page(page, exclude=[table.bbox])
    assert _sentence_of(mentions, "2023").startswith("En 2023, la messagerie Tchap comptait de")


def _one_column_table(pdf: canvas.Canvas) -> None:
    """One column of prose above an unruled table whose header row is as wide as the page."""
    _lines(
        pdf, LEFT_X, 780, [" ".join(pair) for pair in zip(FILLER[::2], FILLER[1::2], strict=True)]
    )
    pdf.drawString(150, 720, "Catégorie de crédits")
    pdf.drawString(360, 720, "Montant (en millions d'euros)")
    rows = [("Autorisations d'engagement ouvertes", "79,0"), ("Crédits de paiement", "138,0")]
    rows += [("dont titre 2 (masse salariale)", "16,0"), ("Fonds pour la transformation", "20,0")]
    for i, (label, value) in enumerate(rows):
        pdf.drawString(66, 704 - 14 * i, label)
        pdf.drawRightString(527, 704 - 14 * i, value)


def test_a_table_s_wide_header_does_not_make_columns(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _one_column_table))
    assert page.columns == []


def _table_wider_than_its_column(pdf: canvas.Canvas) -> None:
    """Two columns; in the left one a captioned table whose last figures overflow the
    gutter, beside right-column prose: the gutter shows above and below the table only."""
    _lines(pdf, LEFT_X, 780, FILLER[:2])
    pdf.setFont("Helvetica-Bold", 10)
    caption = [
        "Tableau n° 4 : Dépenses de fonctionnement et",
        "d'investissement par catégorie en 2021",
    ]
    _lines(pdf, LEFT_X, 754, caption)
    pdf.setFont("Helvetica", 10)
    right = [
        "Depuis la fin de l'année 2021, la plateforme",
        "Osmose, ouverte à tous les agents, compte",
        "4 000 espaces actifs sur l'ensemble du pays.",
        "Le déploiement se poursuit dans les services.",
    ]
    _lines(pdf, RIGHT_X, 780, right)
    for i, (label, *values) in enumerate(
        [("Fonctionnement", "1 200", "indisponible"), ("Investissement", "310", "inchangé")]
    ):
        pdf.drawString(LEFT_X, 719 - 16 * i, label)
        pdf.drawRightString(LEFT_X + 170, 719 - 16 * i, values[0])
        pdf.drawString(LEFT_X + 195, 719 - 16 * i, values[1])  # over the gutter
    _lines(pdf, RIGHT_X, 690, ["Entre 2019 et 2021, la messagerie Tchap a", "réuni 600 services."])
    pdf.setFont("Helvetica", 8)
    pdf.drawString(LEFT_X, 682, "Source : services de la direction")
    pdf.setFont("Helvetica", 10)
    _lines(pdf, LEFT_X, 655, FILLER)
    _lines(pdf, RIGHT_X, 655, FILLER)


# The table's box as a table finder may draw it: over the first letter of the line under
# the overflowing figures, in the right column.
WIDE_TABLE = (LEFT_X - 2, 842 - 729, RIGHT_X + 8, 842 - 691)


def test_columns_of_prose_beside_a_table_wider_than_its_column(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _table_wider_than_its_column))
    mentions = mentions_on_page(page, exclude=[WIDE_TABLE])
    # The caption of the left column is neither read into the right column's sentence...
    assert _sentence_of(mentions, "4 000") == (
        "Depuis la fin de l'année 2021, la plateforme Osmose, ouverte à tous les agents, compte "
        "4 000 espaces actifs sur l'ensemble du pays."
    )
    # ... nor run on into it at the column break: a caption starts a paragraph.
    assert _sentence_of(mentions, "2021") == (
        "Tableau n° 4 : Dépenses de fonctionnement et d'investissement par catégorie en 2021"
    )
    # A word beside the table keeps its first letter, which the table's box reaches over.
    assert _sentence_of(mentions, "600") == (
        "Entre 2019 et 2021, la messagerie Tchap a réuni 600 services."
    )
    assert not any(m.raw_text in {"1 200", "310"} for m in mentions)


# Paragraphs at column breaks and changes of type size


def _source_line_then_next_column(pdf: canvas.Canvas) -> None:
    """The left column ends with a small source line (no full stop); the right column
    starts a new paragraph."""
    _lines(pdf, LEFT_X, 780, FILLER)
    pdf.setFont("Helvetica", 8)
    pdf.drawString(LEFT_X, 700, "Source : enquête annuelle de la direction")
    pdf.setFont("Helvetica", 10)
    _lines(pdf, RIGHT_X, 780, ["Cette enquête a réuni 1 200 répondants", *FILLER[1:]])


def test_a_small_source_line_ends_its_paragraph_even_at_a_column_break(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _source_line_then_next_column))
    assert [len(b.gutters) for b in page.columns] == [1]
    sentence = _sentence_of(mentions_on_page(page), "1 200")
    assert sentence.startswith("Cette enquête a réuni 1 200 répondants de modernisation")


def _sentence_across_columns(pdf: canvas.Canvas) -> None:
    """A sentence starts at the foot of the left column and ends at the top of the right."""
    _lines(pdf, LEFT_X, 780, [*FILLER, "En 2023, la messagerie Tchap comptait"])
    _lines(pdf, RIGHT_X, 780, ["190 000 utilisateurs actifs. Les services", *FILLER[1:]])


def test_a_sentence_runs_on_across_a_column_break(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _sentence_across_columns))
    sentence = _sentence_of(mentions_on_page(page), "190 000")
    assert sentence == "En 2023, la messagerie Tchap comptait 190 000 utilisateurs actifs."


def _tight_paragraphs(pdf: canvas.Canvas, pitch: float, paragraph_pitch: float) -> None:
    """Three paragraphs set at `pitch` between lines and `paragraph_pitch` between them."""
    paragraphs = [
        ["La plateforme Resana a été ouverte aux", "ministères en 2017."],
        [
            "L'Audioconférence de l'État est en recul.",
            "En mai 2023, elle a accueilli 9 500 réunions.",
        ],
        ["Les équipes ont changé.", "En 2022, elle a compté 700 inscrits."],
    ]
    pdf.setFont("Helvetica", 9)
    top = 780.0
    for lines in paragraphs:
        _lines(pdf, LEFT_X, top, lines, pitch=pitch)
        top -= pitch * (len(lines) - 1) + paragraph_pitch


def test_paragraphs_apart_by_less_than_a_line_are_told_by_their_leading(tmp_path):
    """A word processor may set paragraphs 0.5 em apart when its lines are 0.15 em apart."""
    (page,) = _models(_pdf(tmp_path / "t.pdf", lambda pdf: _tight_paragraphs(pdf, 10.5, 15)))
    paragraphs = read_prose(page).body.text.split("\n\n")
    assert [p.split(" ", 1)[0] for p in paragraphs] == ["La", "L'Audioconférence", "Les"]


def test_lines_evenly_spaced_stay_one_paragraph(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", lambda pdf: _tight_paragraphs(pdf, 15, 15)))
    assert "\n\n" not in read_prose(page).body.text


# Footnotes


def _note_between_paragraphs(pdf: canvas.Canvas) -> None:
    """A note flowed with the text (set small, after its section), then more prose."""
    _lines(
        pdf, LEFT_X, 780, ["La plateforme Resana comptait 48 000 utilisateurs", "actifs en 2023."]
    )
    pdf.setFont("Helvetica", 7)
    _lines(
        pdf,
        LEFT_X,
        748,
        ["3 Plateforme collaborative de l'État, ouverte en 2020 et", "gérée par la direction."],
        9,
    )
    pdf.setFont("Helvetica", 10)
    _lines(pdf, LEFT_X, 720, ["La messagerie Tchap comptait 190 000 utilisateurs.", *FILLER])


def test_a_footnote_set_between_paragraphs_is_kept_out_of_the_prose(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _note_between_paragraphs))
    mentions = mentions_on_page(page)
    assert (
        _sentence_of(mentions, "48 000")
        == "La plateforme Resana comptait 48 000 utilisateurs actifs en 2023."
    )
    assert _sentence_of(mentions, "190 000") == "La messagerie Tchap comptait 190 000 utilisateurs."
    call = next(m for m in mentions if m.raw_text == "3")
    assert call.non_fact_kind == "footnote_call"
    assert call.sentence.startswith("3 Plateforme collaborative") and call.sentence.endswith(
        "direction."
    )


# Page breaks


def _page_ending_mid_sentence(pdf: canvas.Canvas) -> None:
    _lines(pdf, LEFT_X, 780, ["La direction a mis en service 3 messageries en 2021.", *FILLER])
    _lines(pdf, LEFT_X, 690, ["En décembre 2023, dans les 12 ministères, sur Tchap, les agents de"])
    pdf.drawString(297, 30, "1")


def _page_running_on(pdf: canvas.Canvas) -> None:
    _lines(pdf, LEFT_X, 780, ["la DGFiP émettaient 26 % des messages. La même", *FILLER])
    pdf.drawString(297, 30, "2")


def _page_starting_a_section(pdf: canvas.Canvas) -> None:
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(LEFT_X, 780, "Les coûts de la suite")
    pdf.setFont("Helvetica", 10)
    _lines(pdf, LEFT_X, 760, ["Le coût de Resana atteignait 5 M€ en 2023.", *FILLER])


def test_a_sentence_cut_by_a_page_break_is_read_whole(tmp_path):
    path = _pdf(tmp_path / "t.pdf", _page_ending_mid_sentence, _page_running_on)
    extraction = extract_report(path, "report")
    share = next(m for m in extraction.mentions if m.raw_text == "26 %")
    assert share.page == 2
    assert share.sentence == (
        "En décembre 2023, dans les 12 ministères, sur Tchap, les agents de la DGFiP"
        " émettaient 26 % des messages."
    )
    assert share.previous_sentence.startswith("Les administrations ont engagé")
    assert share.period_end == date(2023, 12, 31)
    # A number printed before the break keeps its page.
    before_break = next(m for m in extraction.mentions if m.raw_text == "12")
    assert before_break.page == 1 and before_break.sentence == share.sentence
    assert [m.value for m in extraction.mentions if m.non_fact_kind == "page_number"] == [1, 2]


def test_a_page_that_starts_a_new_section_does_not_continue_the_sentence(tmp_path):
    path = _pdf(tmp_path / "t.pdf", _page_ending_mid_sentence, _page_starting_a_section)
    extraction = extract_report(path, "report")
    unfinished = next(m for m in extraction.mentions if m.raw_text == "12")
    assert unfinished.page == 1
    assert (
        unfinished.sentence == "En décembre 2023, dans les 12 ministères, sur Tchap, les agents de"
    )
    cost = next(m for m in extraction.mentions if m.raw_text == "5 M€")
    assert cost.sentence == "Le coût de Resana atteignait 5 M€ en 2023." and cost.page == 2


def test_the_last_page_s_unfinished_sentence_is_still_read(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _page_ending_mid_sentence))
    reader = ProseReader()
    read = reader.read_page(page)
    assert not any(m.raw_text == "12" for m in read)  # waits for the next page
    assert [m.raw_text for m in reader.finish()] == ["12"]
    assert any(m.raw_text == "12" for m in mentions_on_page(page))


# Glyphs: ligatures, hyphenation points, footnote calls


def _unicode_font() -> str:
    """A font with ligature glyphs and the soft hyphen (the standard 14 have neither)."""
    if UNICODE_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(UNICODE_FONT, DEJAVU_SANS))
    return UNICODE_FONT


def _ligatures_and_hyphenation(pdf: canvas.Canvas) -> None:
    pdf.setFont(_unicode_font(), 10)
    pdf.drawString(LEFT_X, 780, "À la \ufb01n de l'année 2023, le coût de la messagerie")
    pdf.drawString(LEFT_X, 767, "Tchap atteignait 1,85 M€. Son déploie\u00ad")
    pdf.drawString(LEFT_X, 754, "ment a coûté 5,6 M€ entre 2021 et 2023.")


def test_ligatures_read_as_letters_and_hyphenation_points_join_the_word(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _ligatures_and_hyphenation))
    mentions = mentions_on_page(page)
    cost = next(m for m in mentions if m.raw_text == "1,85 M€")
    assert cost.sentence.startswith("À la fin de l'année 2023")
    assert cost.period_start is None and cost.period_end == date(2023, 12, 31)
    deployment = next(m for m in mentions if m.raw_text == "5,6 M€")
    assert deployment.sentence == "Son déploiement a coûté 5,6 M€ entre 2021 et 2023."
    assert "fin" in page.text


def _call_set_smaller(pdf: canvas.Canvas) -> None:
    """A footnote call raised and set at 0.83 of the text, as browsers set a superscript."""
    text = pdf.beginText(LEFT_X, 780)
    text.setFont("Helvetica", 10.5)
    text.textOut("En 2023, la messagerie Tchap")
    text.setFont("Helvetica", 8.75)
    text.setRise(4.5)
    text.textOut("4")
    text.setRise(0)
    text.setFont("Helvetica", 10.5)
    text.textOut(" comptait 190 000 utilisateurs actifs.")
    pdf.drawText(text)


def test_a_call_set_at_five_sixths_of_the_text_is_a_footnote_call(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _call_set_smaller))
    mentions = mentions_on_page(page)
    call = next(m for m in mentions if m.raw_text == "4")
    assert call.non_fact_kind == "footnote_call"
    users = next(m for m in mentions if m.raw_text == "190 000")
    assert users.sentence == "En 2023, la messagerie Tchap4 comptait 190 000 utilisateurs actifs."


# Lists


def _list_without_markers(pdf: canvas.Canvas) -> None:
    """A list whose markers are drawn (not text), each item on a line of its own."""
    _lines(pdf, LEFT_X, 780, FILLER)
    _lines(pdf, LEFT_X, 700, ["La stratégie TECH.GOUV comprenait en 2019 :"])
    _lines(pdf, LEFT_X + 15, 687, ["deux axes ;", "huit missions ;", "35 programmes."])
    _lines(
        pdf,
        LEFT_X,
        640,
        [
            "Le suivi des chantiers reposait sur la direction, qui en",
            "rendait compte ; les 12 ministères n'y prenaient pas part.",
        ],
    )


def test_list_items_are_sentences_that_follow_their_introduction(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _list_without_markers))
    mentions = mentions_on_page(page)
    programmes = next(m for m in mentions if m.raw_text == "35")
    assert programmes.sentence == "35 programmes."
    assert programmes.previous_sentence == "La stratégie TECH.GOUV comprenait en 2019 :"
    # Prose wrapped after a semicolon fills its line: no list there.
    ministries = next(m for m in mentions if m.raw_text == "12")
    assert ministries.sentence.startswith("Le suivi des chantiers reposait")


def _bulleted_list_filling_its_lines(pdf: canvas.Canvas) -> None:
    """Bulleted items, the first as long as the prose lines around it."""
    _lines(pdf, LEFT_X, 780, FILLER)
    _lines(pdf, LEFT_X, 700, ["En 2021, le parc des services comptait :"])
    pdf.setFont(_unicode_font(), 9)  # a bullet the standard fonts print as no Unicode char
    _lines(
        pdf,
        LEFT_X + 10,
        687,
        ["• ordinateurs de bureau et portables : 1 200 ;", "• tablettes : 300."],
    )


def test_a_bulleted_item_starts_a_paragraph_even_after_a_full_line(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _bulleted_list_filling_its_lines))
    mentions = mentions_on_page(page)
    assert _sentence_of(mentions, "300") == "• tablettes : 300."
    assert _sentence_of(mentions, "1 200") == "• ordinateurs de bureau et portables : 1 200 ;"


def test_a_bullet_of_a_symbol_font_opens_an_item():
    def line(text: str) -> _Line:
        return _Line(
            [
                {"text": c, "x0": 6.0 * i, "x1": 6.0 * i + 5, "size": 10.0}
                for i, c in enumerate(text)
            ]
        )

    assert _starts_item(line("\uf0b7 tablettes : 300."))  # Symbol's bullet
    assert _starts_item(line("– tablettes : 300."))
    assert not _starts_item(line("–2 % en 2021."))
    assert not _starts_item(line("tablettes : 300."))


def test_every_item_of_a_list_follows_its_introduction():
    text = "\n\n".join(
        [
            "Le taux d'équipement était le suivant :",
            "portable : 72 % ;",
            "fixe : 54 % ;",
            "tablette : 10 %.",
        ]
    )
    mentions = mentions_in_text(text, 1)
    tablet = next(m for m in mentions if m.raw_text == "10 %")
    assert tablet.previous_sentence == "Le taux d'équipement était le suivant :"


# Page numbers


def _page_number_above_the_footer_band(pdf: canvas.Canvas) -> None:
    """The page number as a word processor sets it: under the notes, above the usual band."""
    _lines(pdf, LEFT_X, 780, FILLER)
    _lines(
        pdf, LEFT_X, 140, ["Fin 2023, la messagerie Tchap comptait 190 000 utilisateurs, soit le"]
    )
    pdf.setFont("Helvetica", 8)
    pdf.drawString(LEFT_X, 70, "4 Source : statistiques d'usage de la direction.")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(297, 60, "3")


def test_a_lone_number_on_the_last_line_is_the_page_number(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _page_number_above_the_footer_band))
    mentions = mentions_on_page(page)
    (number,) = [m for m in mentions if m.raw_text == "3"]
    assert number.non_fact_kind == "page_number"
    users = next(m for m in mentions if m.raw_text == "190 000")
    assert users.sentence.endswith("soit le")  # not "soit le 3"


def _header(pdf: canvas.Canvas) -> None:
    """A running header set small, its top in the header band and its foot just below it."""
    pdf.setFont("Helvetica-Oblique", 9)
    pdf.drawString(LEFT_X, 842 - 58.5, "RAPPORT DE LA COUR 2024")
    pdf.setFont("Helvetica", 10)


def _page_ending_before_a_name(pdf: canvas.Canvas) -> None:
    _header(pdf)
    _lines(pdf, LEFT_X, 740, FILLER)
    _lines(pdf, LEFT_X, 650, ["Osmose a compté 13 % des connexions et"])


def _page_starting_with_the_name(pdf: canvas.Canvas) -> None:
    _header(pdf)
    _lines(pdf, LEFT_X, 762, ["Resana quelque 12 % des connexions.", *FILLER])


def _page_ending_with_a_figure(pdf: canvas.Canvas) -> None:
    _header(pdf)
    _lines(pdf, LEFT_X, 740, FILLER)
    _lines(pdf, LEFT_X, 650, ["Messagerie Tchap 13"])


def test_the_rest_of_a_sentence_may_start_with_a_name(tmp_path):
    path = _pdf(tmp_path / "t.pdf", _page_ending_before_a_name, _page_starting_with_the_name)
    mentions = extract_report(path, "report").mentions
    resana = next(m for m in mentions if m.raw_text == "12 %")
    assert resana.sentence == (
        "Osmose a compté 13 % des connexions et Resana quelque 12 % des connexions."
    )
    assert not any("RAPPORT" in m.sentence for m in mentions)  # the header is dropped


def _page_ending_on_a_framing_period(pdf: canvas.Canvas) -> None:
    _header(pdf)
    _lines(pdf, LEFT_X, 740, FILLER)
    _lines(pdf, LEFT_X, 650, ["Resana a été ouvert en 2019. De mars 2021 à mai 2023,"])


def test_the_rest_of_a_sentence_left_on_a_comma_may_start_with_a_name(tmp_path):
    path = _pdf(tmp_path / "t.pdf", _page_ending_on_a_framing_period, _page_starting_with_the_name)
    resana = next(m for m in extract_report(path, "report").mentions if m.raw_text == "12 %")
    assert resana.page == 2 and resana.period_text == "De mars 2021 à mai 2023"
    assert resana.sentence.startswith("De mars 2021 à mai 2023, Resana quelque 12 %")


def test_a_page_ending_on_a_figure_is_not_continued_by_a_capitalised_line(tmp_path):
    path = _pdf(tmp_path / "t.pdf", _page_ending_with_a_figure, _page_starting_with_the_name)
    mentions = extract_report(path, "report").mentions
    assert next(m for m in mentions if m.raw_text == "12 %").sentence.startswith("Resana")


def _short_last_page(pdf: canvas.Canvas) -> None:
    """A last page: a few lines of prose on the left; on the right a table beside them,
    then prose that runs on below the end of the left column."""
    _lines(pdf, LEFT_X, 780, [*FILLER[:3], "Resana comptait 48 000 utilisateurs."])
    for i, (label, value) in enumerate([("Messagerie", "13"), ("Visio", "4"), ("Annuaire", "5")]):
        pdf.drawString(RIGHT_X, 780 - 13 * i, label)
        pdf.drawRightString(RIGHT_X + 220, 780 - 13 * i, value)
    _lines(pdf, RIGHT_X, 730, FILLER)


def test_a_column_that_runs_on_below_the_other_is_still_a_column(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _short_last_page))
    assert [len(block.gutters) for block in page.columns] == [1]
    users = next(m for m in mentions_on_page(page) if m.raw_text == "48 000")
    assert users.sentence.startswith("Les administrations ont engagé")
    assert users.sentence.endswith("Resana comptait 48 000 utilisateurs.")


def _prose_down_to_the_foot(pdf: canvas.Canvas) -> None:
    _lines(
        pdf,
        LEFT_X,
        120,
        [
            "Entre 2019 et 2022, le budget de la direction a été multiplié",
            "par 5 au rythme de ses missions.",
        ],
    )


def test_a_last_line_of_prose_near_the_foot_stays_prose(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _prose_down_to_the_foot))
    growth = next(m for m in mentions_on_page(page) if m.raw_text == "5")
    assert growth.sentence.endswith("multiplié par 5 au rythme de ses missions.")


def _page_ending_before_a_figure(pdf: canvas.Canvas) -> None:
    _lines(pdf, LEFT_X, 740, FILLER)
    _lines(pdf, LEFT_X, 650, ["En décembre 2023, la messagerie Tchap comptait environ"])


def _page_starting_with_the_figure(pdf: canvas.Canvas) -> None:
    _lines(pdf, LEFT_X, 780, ["3 millions de messages.", *FILLER])


def _page_starting_with_labels(pdf: canvas.Canvas) -> None:
    _lines(pdf, LEFT_X, 780, ["15 000", "10 000", "5 000"])
    _lines(pdf, LEFT_X, 700, FILLER)


def test_the_rest_of_a_sentence_may_start_with_a_figure(tmp_path):
    path = _pdf(tmp_path / "t.pdf", _page_ending_before_a_figure, _page_starting_with_the_figure)
    messages = next(
        m for m in extract_report(path, "report").mentions if m.raw_text == "3 millions"
    )
    assert messages.sentence == (
        "En décembre 2023, la messagerie Tchap comptait environ 3 millions de messages."
    )
    assert messages.qualifier == "approx" and messages.page == 2


def test_labels_at_the_top_of_a_page_do_not_finish_a_sentence(tmp_path):
    path = _pdf(tmp_path / "t.pdf", _page_ending_before_a_figure, _page_starting_with_labels)
    mentions = extract_report(path, "report").mentions
    label = next(m for m in mentions if m.raw_text == "15 000")
    assert "Tchap" not in label.sentence


# Periods named on the page before


def _page_naming_a_year(pdf: canvas.Canvas) -> None:
    _lines(pdf, LEFT_X, 780, [*FILLER, "En 2022, la direction a ouvert 4 salons de discussion."])


def _page_taking_up_the_year(pdf: canvas.Canvas) -> None:
    _lines(pdf, LEFT_X, 780, ["La même année, elle employait 120 agents.", *FILLER])


def _page_opening_a_section_then_taking_up_a_year(pdf: canvas.Canvas) -> None:
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(LEFT_X, 780, "Les effectifs de la direction")
    pdf.setFont("Helvetica", 10)
    _lines(pdf, LEFT_X, 760, ["La même année, elle employait 120 agents.", *FILLER])


def _page_introducing_a_list(pdf: canvas.Canvas) -> None:
    _lines(pdf, LEFT_X, 780, FILLER)
    _lines(pdf, LEFT_X, 690, ["En 2021, le parc de la direction comptait :"])


def _page_listing_items(pdf: canvas.Canvas) -> None:
    _lines(pdf, LEFT_X, 780, ["– postes fixes : 300 ;", "– portables : 450."])
    _lines(pdf, LEFT_X, 740, FILLER)


def test_a_back_reference_at_the_top_of_a_page_takes_up_the_year_of_the_page_before(tmp_path):
    path = _pdf(tmp_path / "t.pdf", _page_naming_a_year, _page_taking_up_the_year)
    agents = next(m for m in extract_report(path, "report").mentions if m.raw_text == "120")
    assert agents.page == 2 and agents.period_text == "La même année"
    assert (agents.period_start, agents.period_end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_a_section_title_ends_the_year_a_back_reference_could_take_up(tmp_path):
    path = _pdf(
        tmp_path / "t.pdf", _page_naming_a_year, _page_opening_a_section_then_taking_up_a_year
    )
    agents = next(m for m in extract_report(path, "report").mentions if m.raw_text == "120")
    assert agents.period_start is None and agents.period_end is None


def test_a_list_introduced_on_the_page_before_takes_its_period(tmp_path):
    path = _pdf(tmp_path / "t.pdf", _page_introducing_a_list, _page_listing_items)
    mentions = extract_report(path, "report").mentions
    for raw in ("300", "450"):
        item = next(m for m in mentions if m.raw_text == raw)
        assert item.page == 2 and item.period_text == "2021", raw


def test_a_skipped_page_forgets_the_periods_named_before_it(tmp_path):
    first, second = _models(_pdf(tmp_path / "t.pdf", _page_naming_a_year, _page_taking_up_the_year))
    reader = ProseReader()
    reader.read_page(first)
    reader.finish()  # as for a page over its time limit
    agents = next(m for m in reader.read_page(second) if m.raw_text == "120")
    assert agents.period_end is None


def _calls_after_a_date_and_a_figure(pdf: canvas.Canvas) -> None:
    """Browser-style calls (0.83 of the text, raised) right after a year and a figure."""
    text = pdf.beginText(LEFT_X, 780)
    for piece, call in [
        ("En février 2020", "3"),
        (" la direction comptait 120", "4"),
        (" agents.", None),
    ]:
        text.setFont("Helvetica", 10.5)
        text.textOut(piece)
        if call:
            text.setFont("Helvetica", 8.75)
            text.setRise(3.5)
            text.textOut(call)
            text.setRise(0)
    pdf.drawText(text)


def test_calls_glued_to_a_year_or_a_figure_stay_calls(tmp_path):
    (page,) = _models(_pdf(tmp_path / "t.pdf", _calls_after_a_date_and_a_figure))
    mentions = mentions_on_page(page)
    calls = sorted(m.raw_text for m in mentions if m.non_fact_kind == "footnote_call")
    assert calls == ["3", "4"]
    agents = next(m for m in mentions if m.raw_text == "120")
    assert agents.value == 120 and agents.period_text == "février 2020"
