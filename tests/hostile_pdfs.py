"""PDFs built to hurt a reader: inflating streams, encryption, no pages, no text, mutations.

Used by the robustness tests and by `scripts/bench_robustness.py`.
"""

from __future__ import annotations

import random
import re
import zlib
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.errors import ExtractionError

_BLOCK = bytes(2**20)


def assemble_pdf(objects: list[bytes]) -> bytes:
    """A PDF whose object i+1 is `objects[i]`, object 1 the catalog, with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def zeros_deflated(mebibytes: int) -> bytes:
    """A zlib stream of `mebibytes` MiB of zero bytes, at about 1 KB per MiB.

    Compressing gigabytes would take seconds: each MiB is compressed once, with a full
    flush so that its block repeats byte for byte. The Adler-32 checksum of n zero bytes
    is (n mod 65521) << 16 | 1: zeros leave its first sum at 1 and add 1 to the second.
    """
    compressor = zlib.compressobj(9)
    first = compressor.compress(_BLOCK) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(_BLOCK) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = (mebibytes * len(_BLOCK) % 65521) << 16 | 1
    final_empty_block = b"\x03\x00"
    return first + repeated * (mebibytes - 1) + final_empty_block + checksum.to_bytes(4, "big")


def write_inflating_pdf(path: Path, mebibytes: int, twice: bool = False) -> None:
    """A one-page PDF whose content stream inflates to `mebibytes` MiB (about 1 KB per MiB).

    `twice` deflates the stream once more, behind a chain of two filters: the file then
    weighs a few kilobytes whatever it inflates to.
    """
    stream = zeros_deflated(mebibytes)
    filters = b"/FlateDecode"
    if twice:
        stream = zlib.compress(stream, 9)
        filters = b"[/Fl /FlateDecode]"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
    ]
    path.write_bytes(assemble_pdf(objects))


def write_no_pages_pdf(path: Path) -> None:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    path.write_bytes(assemble_pdf(objects))


def write_scanned_pdf(path: Path, pages: int) -> None:
    """Pages of drawings and no character at all, as a scan without OCR reads."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for _ in range(pages):
        pdf.setFillGray(0.3)
        pdf.rect(72, 400, 400, 300, fill=1)
        pdf.showPage()
    pdf.save()


def write_encrypted_pdf(path: Path, password: str) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1, encrypt=password)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 760, "Fin 2023, le service comptait 210\u00a0000 utilisateurs.")
    pdf.save()


_OBJECT_RE = re.compile(rb"\d+ \d+ obj.*?endobj\s*", re.DOTALL)
MUTATIONS = ("byte_flips", "truncation", "dropped_object", "duplicated_span", "zeroed_span")


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """`data` damaged one way chosen by `rng`: (name of the way, damaged bytes)."""
    kind = rng.choice(MUTATIONS)
    out = bytearray(data)
    if kind == "byte_flips":
        for _ in range(rng.randint(1, 20)):
            out[rng.randrange(len(out))] = rng.randrange(256)
    elif kind == "truncation":
        del out[rng.randrange(1, len(out)) :]
    elif kind == "dropped_object":
        spans = [m.span() for m in _OBJECT_RE.finditer(data)]
        start, end = rng.choice(spans)
        del out[start:end]
    elif kind == "duplicated_span":
        start = rng.randrange(len(out))
        end = min(len(out), start + rng.randint(1, 4096))
        out[start:start] = out[start:end]
    else:
        start = rng.randrange(len(out))
        end = min(len(out), start + rng.randint(1, 4096))
        out[start:end] = bytes(end - start)
    return kind, bytes(out)


def fuzz_cases(data: bytes, seed: int, count: int) -> list[tuple[str, bytes]]:
    """`count` damaged copies of `data`, the same ones for the same seed."""
    rng = random.Random(seed)
    return [mutate(data, rng) for _ in range(count)]


def outcome_of(error: ExtractionError | None) -> str:
    """The kind of outcome of one extraction: "extracted", or the refusal's first words."""
    if error is None:
        return "extracted"
    return "refused: " + re.sub(r"\d+", "N", error.reason.split(":")[0])
