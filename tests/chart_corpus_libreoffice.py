"""Charts of the corpus as native LibreOffice charts in a text document, printed to PDF.

The document is an ODT package written here: prose, the caption, the chart (an embedded
ODF chart object holding its own data table) and the source line; two charts share a page
in a borderless table. LibreOffice Writer lays it out and its chart engine draws the
charts when it converts the file to PDF, as it does for a report written in an office
suite: polygons for bars and slices, turned glyphs for rotated labels, labels wrapped by
the engine. Only the Debian package `libreoffice-writer-nogui` is needed.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from html import escape
from pathlib import Path

from scripts.pdf_printers import ODF_XMLNS, convert_with_libreoffice, soffice_binary
from tests.chart_corpus import PALETTE, PROSE, SOURCE, ChartSpec

# Number styles of the French locale: "1 000", "2,5", "10 %", "2,5 M€".
_NUMBER_STYLES = {
    "int": (0, ""),
    "dec1": (1, ""),
    "pct": (0, " %"),
    "meur": (1, " M€"),
}
_SINGLE_CM = (16.0, 8.0)
_PAIR_CM = (8.0, 7.0)


def missing() -> str | None:
    if soffice_binary():
        return None
    return "LibreOffice not installed (make corpus-deps): office charts skipped"


def _number_styles() -> str:
    styles = []
    for name, (decimals, suffix) in _NUMBER_STYLES.items():
        text = f"<number:text>{suffix}</number:text>" if suffix else ""
        styles.append(
            f'<number:number-style style:name="N{name}" number:language="fr" '
            f'number:country="FR"><number:number number:decimal-places="{decimals}" '
            f'number:min-integer-digits="1" number:grouping="true"/>{text}</number:number-style>'
        )
    return "".join(styles)


def _cell(value: str | float | None) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, str):
        lines = "<text:line-break/>".join(escape(line) for line in value.split("\n"))
        cell = '<table:table-cell office:value-type="string">'
        return f"{cell}<text:p>{lines}</text:p></table:table-cell>"
    return (
        f'<table:table-cell office:value-type="float" office:value="{value}">'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


def _local_table(spec: ChartSpec) -> str:
    header = "".join(_cell(s.name or "Valeur") for s in spec.series)
    rows = "".join(
        "<table:table-row>"
        + _cell(category)
        + "".join(_cell(s.values[i]) for s in spec.series)
        + "</table:table-row>"
        for i, category in enumerate(spec.categories)
    )
    return (
        '<table:table table:name="local-table">'
        "<table:table-header-columns><table:table-column/></table:table-header-columns>"
        f'<table:table-columns><table:table-column table:number-columns-repeated="'
        f'{len(spec.series)}"/></table:table-columns>'
        f"<table:table-header-rows><table:table-row>{_cell(None)}{header}</table:table-row>"
        f"</table:table-header-rows><table:table-rows>{rows}</table:table-rows></table:table>"
    )


def _style(name: str, chart: str = "", graphic: str = "", text: str = "", data: str = "") -> str:
    data_style = f' style:data-style-name="N{data}"' if data else ""
    link = ' chart:link-data-style-to-source="false"' if data else ""
    return (
        f'<style:style style:name="{name}" style:family="chart"{data_style}>'
        f"<style:chart-properties{link} {chart}/>"
        f"<style:graphic-properties {graphic}/>"
        f'<style:text-properties fo:font-size="8pt" {text}/></style:style>'
    )


def _axis_style(name: str, axis: tuple[float, float, float], fmt: str, visible: bool) -> str:
    lo, hi, step = axis
    chart = (
        f'chart:display-label="{str(visible).lower()}" chart:minimum="{lo}" '
        f'chart:maximum="{hi}" chart:interval-major="{step}" chart:interval-minor-divisor="1" '
        'chart:tick-marks-major-outer="true" chart:tick-marks-minor-outer="false"'
    )
    line = 'svg:stroke-color="#000000"' if visible else 'draw:stroke="none"'
    return _style(name, chart, line, data=fmt)


def chart_object(spec: ChartSpec) -> str:
    """The content.xml of the chart object drawing spec."""
    n = len(spec.categories)
    styles = [
        _style("Wall", graphic='draw:fill="none" draw:stroke="none"'),
        _style("Grid", graphic='svg:stroke-color="#c8c8c8"'),
    ]
    series_xml = []
    label_number = "value" if spec.printed else "none"
    if spec.kind == "pie":
        cls = "chart:ring" if spec.donut else "chart:circle"
        plot = _style("Plot")
        styles.append(
            _style(
                "S0",
                f'chart:data-label-number="{label_number}" '
                f'chart:data-label-text="{str(spec.legend == "slices").lower()}" '
                f'chart:label-position="{"center" if spec.donut else "outside"}"',
                'draw:stroke="none"',
                data=spec.fmt,
            )
        )
        points = []
        for i in range(n):
            offset = 'chart:pie-offset="15"' if spec.explode == i else ""
            styles.append(_style(f"P{i}", offset, f'draw:fill-color="{PALETTE[i % len(PALETTE)]}"'))
            points.append(f'<chart:data-point chart:style-name="P{i}"/>')
        series_xml.append(
            # The series takes the chart's class: a ring series class draws nothing.
            '<chart:series chart:style-name="S0" '
            f'chart:values-cell-range-address="local-table.$B$2:.$B${n + 1}" '
            f'chart:label-cell-address="local-table.$B$1">{"".join(points)}</chart:series>'
        )
        axes = (
            '<chart:axis chart:dimension="x" chart:name="primary-x">'
            f'<chart:categories table:cell-range-address="local-table.$A$2:.$A${n + 1}"/>'
            '</chart:axis><chart:axis chart:dimension="y" chart:name="primary-y"/>'
        )
        legend = "" if spec.legend == "slices" else '<chart:legend chart:legend-position="end"/>'
    else:
        lined = [spec.kind == "line" or s.right for s in spec.series]
        cls = "chart:line" if all(lined) else "chart:bar"
        plot_chart = (
            f'chart:vertical="{str(spec.horizontal).lower()}" '
            f'chart:stacked="{str(spec.kind == "bar_stacked").lower()}" '
            'chart:gap-width="80" chart:overlap="'
            + ("100" if spec.kind == "bar_stacked" else "0")
            + '"'
        )
        plot = _style("Plot", plot_chart)
        rotation = f'style:rotation-angle="{spec.rotate}"' if spec.rotate else ""
        styles.append(
            _style("Ax", f'chart:display-label="true" {rotation}', 'svg:stroke-color="#000000"')
        )
        styles.append(_axis_style("Ay", spec.axis, spec.fmt, spec.value_axis))
        grid = '<chart:grid chart:style-name="Grid" chart:class="major"/>' if spec.grid else ""
        axes = (
            '<chart:axis chart:dimension="x" chart:name="primary-x" chart:style-name="Ax">'
            f'<chart:categories table:cell-range-address="local-table.$A$2:.$A${n + 1}"/>'
            '</chart:axis><chart:axis chart:dimension="y" chart:name="primary-y" '
            f'chart:style-name="Ay">{grid}</chart:axis>'
        )
        if spec.axis2 is not None:
            styles.append(_axis_style("Ay2", spec.axis2, spec.fmt2 or spec.fmt, True))
            axes += (
                '<chart:axis chart:dimension="y" chart:name="secondary-y" chart:style-name="Ay2"/>'
            )
        for i, (series, line) in enumerate(zip(spec.series, lined, strict=True)):
            col = "BCDEFG"[i]
            color = PALETTE[i]
            if line:
                graphic = (
                    f'svg:stroke-color="{color}" svg:stroke-width="0.06cm" '
                    f'draw:fill-color="{color}"'
                )
                symbol = (
                    'chart:symbol-type="named-symbol" chart:symbol-name="circle" '
                    'chart:symbol-width="0.18cm" chart:symbol-height="0.18cm"'
                    if spec.markers
                    else 'chart:symbol-type="none"'
                )
            else:
                graphic = f'draw:fill-color="{color}" draw:stroke="none"'
                symbol = ""
            styles.append(
                _style(
                    f"S{i}",
                    f'chart:data-label-number="{label_number}" {symbol}',
                    graphic,
                    data="int",
                )
            )
            attached = ' chart:attached-axis="secondary-y"' if series.right else ""
            series_xml.append(
                f'<chart:series chart:style-name="S{i}" '
                f'chart:class="{"chart:line" if line else "chart:bar"}"{attached} '
                f'chart:values-cell-range-address="local-table.${col}$2:.${col}${n + 1}" '
                f'chart:label-cell-address="local-table.${col}$1"/>'
            )
        named = spec.series[0].name is not None
        legend = '<chart:legend chart:legend-position="bottom"/>' if named else ""
    columns = "BCDEFG"[len(spec.series) - 1]
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_XMLNS} '
        f'office:version="1.3"><office:automatic-styles>{_number_styles()}'
        f"{''.join(styles)}{plot}</office:automatic-styles><office:body><office:chart>"
        f'<chart:chart chart:class="{cls}" svg:width="16cm" svg:height="8cm">{legend}'
        f'<chart:plot-area chart:style-name="Plot" table:cell-range-address='
        f'"local-table.$A$1:.${columns}${n + 1}" chart:data-source-has-labels="both">'
        f'{axes}{"".join(series_xml)}<chart:wall chart:style-name="Wall"/></chart:plot-area>'
        f"{_local_table(spec)}</chart:chart></office:chart></office:body>"
        "</office:document-content>"
    )


_TEXT_STYLES = (
    '<style:style style:name="Caption" style:family="paragraph"><style:paragraph-properties '
    'fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="10pt" '
    'fo:font-weight="bold"/></style:style>'
    '<style:style style:name="Source" style:family="paragraph"><style:paragraph-properties '
    'fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="8pt" '
    'fo:font-style="italic"/></style:style>'
    '<style:style style:name="Body" style:family="paragraph"><style:text-properties '
    'fo:font-size="10pt"/></style:style>'
    '<style:style style:name="NewPage" style:family="paragraph"><style:paragraph-properties '
    'fo:break-before="page"/><style:text-properties fo:font-size="10pt"/></style:style>'
    '<style:style style:name="Pair" style:family="table"><style:table-properties '
    'style:width="17cm" table:align="left"/></style:style>'
)


def _figure(spec: ChartSpec, number: int, size: tuple[float, float]) -> str:
    return (
        f'<text:p text:style-name="Caption">{escape(spec.caption or "")}</text:p>'
        f'<text:p text:style-name="Body"><draw:frame text:anchor-type="as-char" '
        f'svg:width="{size[0]}cm" svg:height="{size[1]}cm" draw:z-index="0">'
        f'<draw:object xlink:href="./Object {number}" xlink:type="simple" xlink:show="embed" '
        'xlink:actuate="onLoad"/></draw:frame></text:p>'
        f'<text:p text:style-name="Source">{escape(SOURCE)}</text:p>'
    )


def to_odt(pages: list[tuple[ChartSpec, ...]], path: Path) -> None:
    """Write the ODT package: page i of the list starts page i + 1 of the document."""
    body = []
    objects: list[str] = []
    for p, specs in enumerate(pages):
        for i, line in enumerate(PROSE):
            style = "NewPage" if p and not i else "Body"
            body.append(f'<text:p text:style-name="{style}">{escape(line)}</text:p>')
        figures = []
        for spec in specs:
            objects.append(chart_object(spec))
            size = _SINGLE_CM if len(specs) == 1 else _PAIR_CM
            figures.append(_figure(spec, len(objects), size))
        if len(figures) == 1:
            body.append(figures[0])
        else:
            cells = "".join(f"<table:table-cell>{f}</table:table-cell>" for f in figures)
            body.append(
                f'<table:table table:name="Pair{p}" table:style-name="Pair">'
                f'<table:table-column table:number-columns-repeated="{len(figures)}"/>'
                f"<table:table-row>{cells}</table:table-row></table:table>"
            )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_XMLNS} '
        f'office:version="1.3"><office:automatic-styles>{_TEXT_STYLES}'
        f"</office:automatic-styles><office:body><office:text>{''.join(body)}"
        "</office:text></office:body></office:document-content>"
    )
    entries = "".join(
        f'<manifest:file-entry manifest:full-path="Object {i}/" '
        'manifest:media-type="application/vnd.oasis.opendocument.chart"/>'
        f'<manifest:file-entry manifest:full-path="Object {i}/content.xml" '
        'manifest:media-type="text/xml"/>'
        for i in range(1, len(objects) + 1)
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        f"{entries}</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        package.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        for i, xml in enumerate(objects, start=1):
            package.writestr(f"Object {i}/content.xml", xml, zipfile.ZIP_DEFLATED)


def render(pages: list[tuple[ChartSpec, ...]], pdf: Path) -> None:
    """Convert the pages to pdf: page i of the list is page i + 1 of the file."""
    with tempfile.TemporaryDirectory(prefix="chart-corpus-libreoffice-") as tmp:
        source = Path(tmp) / f"{pdf.stem}.odt"
        to_odt(pages, source)
        convert_with_libreoffice([source], Path(tmp), timeout=180)
        shutil.move(Path(tmp) / f"{pdf.stem}.pdf", pdf)
