"""The renderings of the corpus (wording x producer x layout) and how they are built."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from scripts.generalisation.layouts import LAYOUTS
from scripts.generalisation.producers import PRODUCERS
from scripts.generalisation.wordings import WORDINGS


@dataclass(frozen=True)
class Rendering:
    wording: str
    producer: str
    layout: str

    @property
    def report_id(self) -> str:
        return f"{self.wording}__{self.producer}__{self.layout}"


# The shipped PDF itself, as a control: the instrument must score it 69/69 with no other row.
SHIPPED = Rendering("reconstruction", "shipped", "as_built")
SHIPPED_PDF = (
    Path(__file__).resolve().parents[2]
    / "data"
    / "raw"
    / ("dinum_pilotage_2024_reconstruction.pdf")
)


def all_renderings() -> list[Rendering]:
    return [SHIPPED] + [
        Rendering(wording, producer, layout)
        for wording in WORDINGS
        for producer in PRODUCERS
        for layout in LAYOUTS
    ]


# The fixed subset of `make test`: reportlab only, one shipped and one new wording.
FLOOR_RENDERINGS = [
    Rendering("reconstruction", "reportlab", "two_col_sans"),
    Rendering("figures", "reportlab", "one_col_serif"),
]


def available(renderings: list[Rendering]) -> tuple[list[Rendering], dict[str, str]]:
    """The renderings whose producer can run here, and why each other producer cannot."""
    missing = {name: reason for name, p in PRODUCERS.items() if (reason := p.missing())}
    if not SHIPPED_PDF.exists():
        missing[SHIPPED.producer] = f"{SHIPPED_PDF} not found (make reconstruction)"
    return [r for r in renderings if r.producer not in missing], missing


def build(renderings: list[Rendering], raw_dir: Path) -> list[Path]:
    """Lay out each rendering as `<raw_dir>/<report_id>.pdf`."""
    pdfs = []
    for rendering in renderings:
        pdf = raw_dir / f"{rendering.report_id}.pdf"
        if rendering == SHIPPED:
            shutil.copyfile(SHIPPED_PDF, pdf)
            pdfs.append(pdf)
            continue
        PRODUCERS[rendering.producer].render(
            WORDINGS[rendering.wording], LAYOUTS[rendering.layout], pdf
        )
        pdfs.append(pdf)
    return pdfs
