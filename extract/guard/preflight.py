"""The check a PDF passes before the parser holds any of it in memory.

pdfminer decodes a stream in one piece, so a 2 MB file whose streams inflate to gigabytes
takes gigabytes before a single page is read. This check walks the file's bytes instead:
it counts the objects, decodes every stream that extraction would decode, chunk by chunk,
keeping only a running total, and stops at the first bound crossed. Its own memory is the
mapped file and a few megabytes, whatever the streams inflate to. Then it opens the document
structure (xref, encryption, page tree, no page content) to sort a bad file into a message.

Images are left aside: pdfplumber reports their boxes and never decodes their pixels.
"""

from __future__ import annotations

import mmap
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from extract.errors import ExtractionError, one_line
from extract.guard.limits import MIB, Limits

# A PDF header may follow some junk; readers look this far for it.
HEADER_WINDOW = 1024
# Largest piece of decoded output held at once.
CHUNK = MIB

ENCRYPTED_NO_PASSWORD = (
    "encrypted PDF: give its password in manifest.csv's password column or DINUM_PDF_PASSWORD"
)
ENCRYPTED_WRONG_PASSWORD = (
    "encrypted PDF: the password given (manifest.csv's password column or "
    "DINUM_PDF_PASSWORD) does not open it"
)


def _pdf_re(pattern: str) -> re.Pattern[bytes]:
    """A bytes pattern where a space stands for any run of PDF white-space characters."""
    return re.compile(pattern.replace(" ", r"[\x00\t\n\x0c\r\x20]").encode("ascii"))


_OBJ_RE = _pdf_re(r"(?<!\d)(\d{1,10}) +(\d{1,5}) +obj(?![A-Za-z])")
_STREAM_RE = _pdf_re(r">> *stream(?:\r\n|\n|\r)")
_LENGTH_RE = _pdf_re(r"/Length +(\d+)(?: +(\d+) +R)?")
_INT_OBJ_RE = _pdf_re(r"(?<!\d)(\d{1,10}) +(\d{1,5}) +obj *(\d+) *endobj")
_NAME = r"[^\x00\t\n\x0c\r\x20/\[\]<>()]+"
_FILTER_RE = _pdf_re(rf"/Filter *(\[[^\]]*\]|/{_NAME})")
_NAME_RE = _pdf_re(rf"/({_NAME})")
_IMAGE_RE = _pdf_re(r"/Subtype */Image(?![A-Za-z])")
_OBJSTM_RE = _pdf_re(r"/Type */ObjStm(?![A-Za-z])")
_XREF_RE = _pdf_re(r"/Type */XRef(?![A-Za-z])")
_COUNT_RE = _pdf_re(r"/N +(\d+)")
_ENCRYPT_RE = _pdf_re(r"/Encrypt(?![A-Za-z])")

_FILTER_NAMES = {
    "Fl": "FlateDecode",
    "AHx": "ASCIIHexDecode",
    "A85": "ASCII85Decode",
    "RL": "RunLengthDecode",
}


@dataclass(frozen=True)
class PreflightReport:
    """What the check counted in a PDF that passed it."""

    file_bytes: int
    objects: int
    decompressed_bytes: int
    pages: int
    encrypted: bool


@dataclass(frozen=True)
class _Stream:
    objid: int
    genno: int
    attrs: bytes  # the stream's dictionary, as written
    start: int
    end: int

    @property
    def filters(self) -> list[str]:
        match = _FILTER_RE.search(self.attrs)
        if not match:
            return []
        names = (n.decode("latin-1") for n in _NAME_RE.findall(match.group(1)))
        return [_FILTER_NAMES.get(n, n) for n in names]


class _Budget:
    """Decoded bytes left before the PDF is refused; every decoding stage draws on it."""

    def __init__(self, path: Path, limit: int) -> None:
        self.path = path
        self.limit = limit
        self.used = 0

    def draw(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            self.used += len(chunk)
            if self.used > self.limit:
                raise ExtractionError(
                    f"decompression bomb: its streams inflate past {self.limit // MIB} MiB "
                    "(limit DINUM_MAX_DECOMPRESSED_MB)",
                    self.path,
                )
            yield chunk


def preflight(path: Path, limits: Limits, password: str | None = None) -> PreflightReport:
    """Refuse, with an `ExtractionError`, a PDF that extraction could not or should not read."""
    size = path.stat().st_size
    if size == 0:
        raise ExtractionError("empty file (0 bytes)", path)
    if size > limits.max_file_bytes:
        raise ExtractionError(
            f"file too large: {size / MIB:.0f} MiB, over {limits.max_file_bytes // MIB} MiB "
            "(limit DINUM_MAX_FILE_MB)",
            path,
        )
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data.find(b"%PDF-", 0, HEADER_WINDOW) < 0:
            raise ExtractionError(f"not a PDF: starts with {bytes(data[:16])!r}", path)
        budget = _Budget(path, limits.max_decompressed_bytes)
        streams, objects = _scan(path, data, limits)
        maybe_encrypted = _ENCRYPT_RE.search(data) is not None
        for stream in streams:
            # Streams of an encrypted file only decode once deciphered, below; xref
            # streams are never encrypted.
            if not maybe_encrypted or _XREF_RE.search(stream.attrs):
                _drain(_decoded(data, stream, budget, None))
        document = _open_document(path, file, password)
        if document.decipher is not None:
            for stream in streams:
                if not _XREF_RE.search(stream.attrs):
                    _drain(_decoded(data, stream, budget, document.decipher))
        pages = _count_pages(path, document, limits)
    return PreflightReport(
        file_bytes=size,
        objects=objects,
        decompressed_bytes=budget.used,
        pages=pages,
        encrypted=document.decipher is not None,
    )


def _scan(path: Path, data: mmap.mmap, limits: Limits) -> tuple[list[_Stream], int]:
    """The streams of the file that extraction may decode, and the count of objects."""
    streams: list[_Stream] = []
    objects = 0
    int_objects: dict[tuple[int, int], int] | None = None
    match = _OBJ_RE.search(data)
    while match:
        objects += 1
        pos = match.end()
        following = _OBJ_RE.search(data, pos)
        # A stream's keyword comes before its data, so before any header its bytes may fake.
        keyword = _STREAM_RE.search(data, pos, following.start() if following else len(data))
        if keyword:
            attrs = bytes(data[pos : keyword.start() + 2])
            start = keyword.end()
            length = _LENGTH_RE.search(attrs)
            stated = None
            if length and length.group(2) is None:
                stated = int(length.group(1))
            elif length:
                if int_objects is None:
                    int_objects = {
                        (int(m.group(1)), int(m.group(2))): int(m.group(3))
                        for m in _INT_OBJ_RE.finditer(data)
                    }
                stated = int_objects.get((int(length.group(1)), int(length.group(2))))
            if stated is not None and start + stated <= len(data):
                end = start + stated
            else:
                found = data.find(b"endstream", start)
                end = found if found >= 0 else len(data)
            if _OBJSTM_RE.search(attrs) and (count := _COUNT_RE.search(attrs)):
                objects += int(count.group(1))
            if not _IMAGE_RE.search(attrs):
                streams.append(_Stream(int(match.group(1)), int(match.group(2)), attrs, start, end))
            following = _OBJ_RE.search(data, end)
        if objects > limits.max_objects:
            raise ExtractionError(
                f"too many objects: over {limits.max_objects} (limit DINUM_MAX_OBJECTS)", path
            )
        match = following
    return streams, objects


def _decoded(
    data: mmap.mmap,
    stream: _Stream,
    budget: _Budget,
    decipher: Callable[..., bytes] | None,
) -> Iterator[bytes]:
    """The stream's data through its filters, in pieces; every stage draws on the budget."""
    if decipher is not None:
        chunks: Iterator[bytes] = iter(
            [decipher(stream.objid, stream.genno, bytes(data[stream.start : stream.end]))]
        )
    else:
        chunks = (
            bytes(data[i : min(i + CHUNK, stream.end)])
            for i in range(stream.start, stream.end, CHUNK)
        )
    for name in stream.filters:
        stage = _STAGES.get(name)
        if stage is None:  # an image codec, or a filter no reader here decodes
            return iter(())
        chunks = budget.draw(stage(chunks))
    return chunks


def _inflate(chunks: Iterator[bytes]) -> Iterator[bytes]:
    decompressor = zlib.decompressobj()
    try:
        for chunk in chunks:
            pending = chunk
            while True:
                out = decompressor.decompress(pending, CHUNK)
                pending = decompressor.unconsumed_tail
                if out:
                    yield out
                elif not pending:
                    break
            if decompressor.eof:
                return
    except zlib.error:
        return  # pdfminer keeps what came out before the damage; so does the count


def _whole(decode: Callable[[bytes], bytes]) -> Callable[[Iterator[bytes]], Iterator[bytes]]:
    """A stage for a filter that shrinks its input: decode it in one piece."""

    def stage(chunks: Iterator[bytes]) -> Iterator[bytes]:
        try:
            yield decode(b"".join(chunks))
        except (ValueError, TypeError):
            return

    return stage


def _lzw(chunks: Iterator[bytes]) -> Iterator[bytes]:
    piece = bytearray()
    try:
        for out in LZWDecoder(BytesIO(b"".join(chunks))).run():
            piece += out
            if len(piece) >= CHUNK:
                yield bytes(piece)
                piece.clear()
    except Exception:  # pdfminer's decoder fails in many ways on bad codes: stop there
        pass
    if piece:
        yield bytes(piece)


def _run_length(chunks: Iterator[bytes]) -> Iterator[bytes]:
    data = b"".join(chunks)
    piece = bytearray()
    i = 0
    while i < len(data) and data[i] != 128:
        n = data[i]
        if n < 128:
            piece += data[i + 1 : i + 2 + n]
            i += n + 2
        else:
            piece += data[i + 1 : i + 2] * (257 - n)
            i += 2
        if len(piece) >= CHUNK:
            yield bytes(piece)
            piece.clear()
    if piece:
        yield bytes(piece)


_STAGES: dict[str, Callable[[Iterator[bytes]], Iterator[bytes]]] = {
    "FlateDecode": _inflate,
    "LZWDecode": _lzw,
    "ASCII85Decode": _whole(ascii85decode),
    "ASCIIHexDecode": _whole(asciihexdecode),
    "RunLengthDecode": _run_length,
}


def _drain(chunks: Iterator[bytes]) -> None:
    for _ in chunks:
        pass


def _open_document(path: Path, file: BinaryIO, password: str | None) -> PDFDocument:
    """The document's structure (xref, trailer, encryption), no page content read."""
    try:
        document = PDFDocument(PDFParser(file), password=password or "")
    except PDFPasswordIncorrect as exc:
        raise ExtractionError(
            ENCRYPTED_WRONG_PASSWORD if password else ENCRYPTED_NO_PASSWORD, path
        ) from exc
    except PDFEncryptionError as exc:
        raise ExtractionError(f"encrypted PDF: {one_line(exc)}", path) from exc
    except Exception as exc:
        raise ExtractionError(f"damaged PDF: {one_line(exc)}", path) from exc
    return document


def _count_pages(path: Path, document: PDFDocument, limits: Limits) -> int:
    pages = 0
    try:
        for _ in PDFPage.create_pages(document):
            pages += 1
            if pages > limits.max_pages:
                raise ExtractionError(
                    f"too many pages: over {limits.max_pages} (limit DINUM_MAX_PAGES)", path
                )
    except ExtractionError:
        raise
    except Exception as exc:
        raise ExtractionError(f"damaged PDF: page tree: {one_line(exc)}", path) from exc
    if pages == 0:
        raise ExtractionError("no pages", path)
    return pages
