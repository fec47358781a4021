"""A PDF's pages read over page ranges, in several processes, and handed back in page order.

Each page is read by a function given the pdfplumber page and the file open in pypdfium2
(the page model's two backends), in a process that opened the file itself (with its
password) when it started and sends back plain records; the caller
gets them page after page, as if it had read the pages itself. With one process, or too
few pages for processes to pay, the pages are read here.

The ranges are short (a few pages) and only a few are handed out ahead of the one the
caller reads: the records of a page weigh up to a megabyte until the caller is done with
them, and the processes run ahead of the caller on long reports.

`DINUM_EXTRACT_PROCESSES` caps the processes that read one report's pages (default: the
machine's cores; 1 reads them in the caller's process).
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pdfplumber
import pypdfium2

from extract.errors import one_line

PROCESSES_VARIABLE = "DINUM_EXTRACT_PROCESSES"
# Each process gets about this many ranges, so one that drew the heavy pages (tables,
# charts) does not leave the others idle at the end.
RANGES_PER_PROCESS = 4
MAX_RANGE_PAGES = 4
# Ranges handed out ahead of the one the caller reads, per process: enough to keep every
# process busy, few enough that records waiting for the caller stay a few megabytes.
AHEAD_PER_PROCESS = 2
# Below this many pages, starting the processes (a fresh interpreter importing the readers
# and walking the page tree, about a third of a second of CPU each) costs about what they
# save: the pages are read here.
POOL_MIN_PAGES = 32

Record = TypeVar("Record")
PageReader = Callable[..., Record]


class PageFailure(Exception):
    """A page's reader raised: the page and the one-line reason, the cause chained."""

    def __init__(self, page_number: int, reason: str) -> None:
        super().__init__(page_number, reason)  # args rebuild the error across processes
        self.page_number = page_number
        self.reason = reason


def processes_from_env(environ: Mapping[str, str]) -> int:
    """The machine's cores, capped by `DINUM_EXTRACT_PROCESSES` when it is set."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cores = max(cores or 1, 1)
    text = environ.get(PROCESSES_VARIABLE, "").strip()
    if not text:
        return cores
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{PROCESSES_VARIABLE}={text!r}: expected a whole number, 1 or more")
    return min(int(text), cores)


def page_ranges(page_count: int, processes: int) -> list[tuple[int, int]]:
    """Consecutive ranges [first, stop) of 0-based page indexes covering the document."""
    size = math.ceil(page_count / (processes * RANGES_PER_PROCESS))
    size = min(max(size, 1), MAX_RANGE_PAGES)
    return [(first, min(first + size, page_count)) for first in range(0, page_count, size)]


def read_in_ranges(
    path: Path,
    password: str | None,
    page_count: int,
    read: PageReader,
    args: Sequence[Any] = (),
    processes: int | None = None,
) -> Iterator[Record]:
    """`read(pdf_page, fast_document, *args)` of every page, in page order, `fast_document`
    being the same file open in pypdfium2 (for the page model's fast backend); `read` must
    be picklable.

    A page whose reader raises ends the reading with `PageFailure`. `processes` defaults
    to `processes_from_env(os.environ)`.
    """
    if processes is None:
        processes = processes_from_env(os.environ)
    if processes == 1 or page_count < POOL_MIN_PAGES:
        with _Document(path, password) as document:
            yield from _records(document, 0, page_count, read, args)
        return
    ranges = page_ranges(page_count, processes)
    workers = min(processes, len(ranges))
    # A fresh interpreter per process: forking a caller that runs threads (Dagster does)
    # can copy a lock held by another thread, and the child then waits on it forever.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_open_document,
        initargs=(path, password),
    ) as pool:
        todo = iter(ranges)
        pending: deque[Future[list[Record]]] = deque()

        def hand_out() -> None:
            for first, stop in todo:
                pending.append(pool.submit(_read_range, first, stop, read, args))
                if len(pending) >= workers * AHEAD_PER_PROCESS:
                    return

        try:
            hand_out()
            while pending:
                records = pending.popleft().result()
                hand_out()
                yield from records
        finally:
            # An error or a caller that stops reading: the ranges not started are dropped.
            for future in pending:
                future.cancel()


class _Document:
    """The file open in both backends of the page model: pdfplumber and pypdfium2."""

    def __init__(self, path: Path, password: str | None) -> None:
        self.pdf = pdfplumber.open(path, password=password or "")
        self.fast = pypdfium2.PdfDocument(str(path), password=password)

    def __enter__(self) -> _Document:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.fast.close()
        self.pdf.close()


# The document a reading process opened when it started; it lives as long as the process,
# which ends with the reading of the report.
_document: _Document | None = None


def _open_document(path: Path, password: str | None) -> None:
    global _document
    _document = _Document(path, password)


def _read_range(first: int, stop: int, read: PageReader, args: Sequence[Any]) -> list[Record]:
    assert _document is not None, "a reading process opens its document when it starts"
    return list(_records(_document, first, stop, read, args))


def _records(
    document: _Document, first: int, stop: int, read: PageReader, args: Sequence[Any]
) -> Iterator[Record]:
    for pdf_page in document.pdf.pages[first:stop]:
        try:
            record = read(pdf_page, document.fast, *args)
        except Exception as exc:
            raise PageFailure(pdf_page.page_number, one_line(exc)) from exc
        finally:
            # pdfplumber keeps a page's parsed objects until it is closed.
            pdf_page.close()
        yield record
