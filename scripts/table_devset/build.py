"""Build the generated development set: PDFs and ICDAR 2013 ground truth in one folder.

    python -m scripts.table_devset.build OUT_DIR [--producers reportlab,chromium,libreoffice]

Every case of cases.py is drawn by every producer available; a missing producer (no
Chromium, no LibreOffice on the machine) is skipped with a message. Documents are named
`<producer>-<case>-<language>`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from scripts.pdf_printers import (
    chromium_binary,
    convert_with_libreoffice,
    print_with_chromium,
    soffice_binary,
)
from scripts.table_devset.cases import Case, all_cases
from scripts.table_devset.producers import (
    case_html,
    draw_reportlab,
)
from scripts.table_devset.spec import DocumentSpec, write_ground_truth

PRODUCERS = ("reportlab", "chromium", "libreoffice")


def _document(producer: str, case: Case) -> DocumentSpec:
    return DocumentSpec(f"{producer}-{case.name}", case.tables)


def build(
    out_dir: Path, producers: tuple[str, ...] = PRODUCERS, only: set[str] | None = None
) -> list[str]:
    """Write the set into `out_dir`; returns one message per producer skipped."""
    out_dir.mkdir(parents=True, exist_ok=True)
    skipped = []
    wanted = [
        (p, c) for p in producers for c in all_cases() if only is None or f"{p}-{c.name}" in only
    ]
    for producer, case in wanted:
        if producer == "reportlab":
            draw_reportlab(case, out_dir / f"{producer}-{case.name}.pdf")
            write_ground_truth(_document(producer, case), out_dir)
    if "chromium" in producers:
        cases = [c for p, c in wanted if p == "chromium"]
        if chromium_binary() is None:
            skipped.append("chromium not found: its documents are left out of the set")
        else:
            with tempfile.TemporaryDirectory() as tmp:
                for case in cases:
                    page = Path(tmp) / f"chromium-{case.name}.html"
                    page.write_text(case_html(case), encoding="utf-8")
                    print_with_chromium(page, out_dir / f"chromium-{case.name}.pdf")
                    write_ground_truth(_document("chromium", case), out_dir)
    if "libreoffice" in producers:
        cases = [c for p, c in wanted if p == "libreoffice"]
        if soffice_binary() is None:
            skipped.append("LibreOffice (soffice) not found: its documents are left out of the set")
        elif cases:
            with tempfile.TemporaryDirectory() as tmp:
                pages = []
                for case in cases:
                    page = Path(tmp) / f"libreoffice-{case.name}.html"
                    page.write_text(case_html(case), encoding="utf-8")
                    pages.append(page)
                convert_with_libreoffice(
                    pages,
                    out_dir,
                    options=("--infilter=HTML (StarWriter)",),
                    convert_to="pdf:writer_pdf_Export",
                )
                for case in cases:
                    write_ground_truth(_document("libreoffice", case), out_dir)
    return skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--producers", default=",".join(PRODUCERS))
    args = parser.parse_args(argv)
    for message in build(args.out_dir, tuple(args.producers.split(","))):
        print(message, file=sys.stderr)
    print(f"{len(list(args.out_dir.glob('*.pdf')))} documents in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
