"""Bounds on what one PDF may cost to read, with their environment variables.

Defaults fit a long public report (hundreds of pages, tens of megabytes of streams) with a
wide margin, and keep a hostile file from taking the machine: the pre-flight check refuses
a file over a bound before the parser holds any of it in memory.

| variable                      | bound                                             | default |
| ----------------------------- | ------------------------------------------------- | ------- |
| `DINUM_MAX_FILE_MB`           | size of the PDF file                              | 256     |
| `DINUM_MAX_PAGES`             | pages                                             | 2000    |
| `DINUM_MAX_OBJECTS`           | PDF objects (object streams' members included)    | 500000  |
| `DINUM_MAX_DECOMPRESSED_MB`   | bytes of all streams once decoded, images aside   | 256     |
| `DINUM_PAGE_SECONDS`          | time to read one page; a slower page is skipped   | 60      |

A size in MB is in mebibytes (2**20 bytes); `DINUM_PAGE_SECONDS=0` lifts the time limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

MIB = 2**20


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 256 * MIB
    max_pages: int = 2000
    max_objects: int = 500_000
    max_decompressed_bytes: int = 256 * MIB
    page_seconds: float = 60.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Limits:
        """The defaults, overridden by the variables of the module's table that are set."""
        overrides: dict[str, int | float] = {}
        for name, (variable, scale) in _VARIABLES.items():
            text = environ.get(variable, "").strip()
            if text:
                overrides[name] = _parse(variable, text, scale)
        return cls(**overrides)


# field -> (environment variable, factor from the variable's unit to the field's, or None
# for seconds, kept as a float; 0 seconds lifts the time limit, a zero bound would refuse all)
_VARIABLES: dict[str, tuple[str, int | None]] = {
    "max_file_bytes": ("DINUM_MAX_FILE_MB", MIB),
    "max_pages": ("DINUM_MAX_PAGES", 1),
    "max_objects": ("DINUM_MAX_OBJECTS", 1),
    "max_decompressed_bytes": ("DINUM_MAX_DECOMPRESSED_MB", MIB),
    "page_seconds": ("DINUM_PAGE_SECONDS", None),
}
assert set(_VARIABLES) == {f.name for f in fields(Limits)}


def _parse(variable: str, text: str, scale: int | None) -> int | float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not (value > 0 or (value == 0 and scale is None)):
        expected = "a positive number" + (", or 0 for no limit" if scale is None else "")
        raise ValueError(f"{variable}={text!r}: expected {expected}")
    return value if scale is None else int(value * scale)
