"""A time limit on reading one page, so a page that makes the parser loop is skipped.

pdfminer and the readers are pure Python, so on the main thread a SIGALRM timer can raise
inside them wherever they loop. Elsewhere (a worker thread, a platform without
`signal.setitimer`) nothing can interrupt them: the page is read to the end and still
counts as over time, so the same pages are skipped either way, only later.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# Once the limit has passed, the timer fires again this often, in case code that catches
# every exception swallowed the first interruption.
REPEAT_SECONDS = 0.5


class PageTimeout(BaseException):
    """Raised in the page's code when its time is up.

    A BaseException, like KeyboardInterrupt, so that the parser's `except Exception`
    blocks let it through.
    """


def can_interrupt() -> bool:
    """Whether `time_limit` can stop a page mid-way here (main thread, with setitimer)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `PageTimeout` in the block once it has run `seconds` (0: no limit)."""
    if seconds <= 0:
        yield
        return
    if not can_interrupt():
        started = time.monotonic()
        yield
        if time.monotonic() - started > seconds:
            raise PageTimeout
        return
    armed = True

    def expire(signum: int, frame: object) -> None:
        if armed:
            raise PageTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        armed = False  # a signal landing from here on must not raise in the caller
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
