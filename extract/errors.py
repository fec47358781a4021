"""The one error extraction raises for a PDF it cannot or must not read.

Callers catch `ExtractionError` alone and print `str(error)`: one line naming the file and
the reason. The parser's own exception, when there is one, is kept as `__cause__` for the
run log.
"""

from __future__ import annotations

from pathlib import Path


class ExtractionError(Exception):
    """A report PDF refused: empty, not a PDF, damaged, encrypted, too big, no text, ..."""

    def __init__(self, reason: str, file: str | Path | None = None) -> None:
        super().__init__(reason, file)  # args rebuild the error when it is pickled
        self.reason = reason
        self.file = Path(file) if file is not None else None

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}" if self.file else self.reason


def one_line(exc: BaseException) -> str:
    """An exception as one short line: its type's name and its message."""
    # Parsers quote the bytes they choked on: keep the line printable.
    text = " ".join(str(exc).split())
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
    if len(text) > 160:
        text = text[:157] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
