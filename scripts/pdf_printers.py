"""Headless Chromium and LibreOffice as PDF producers (Debian packages, `make corpus-deps`).

Each call gets a browser or office profile of its own in a temporary folder, so that several
producers may run at once and nothing is left in the user's home.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def chromium_binary() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def soffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def print_with_chromium(page: Path, pdf: Path, timeout: float = 180) -> None:
    """Print an HTML file to `pdf`, without the browser's header and footer."""
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        subprocess.run(
            [
                chromium_binary() or "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )


# The ODF namespaces the documents given to LibreOffice declare, as `xmlns:` attributes.
ODF_NAMESPACES = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "chart": "urn:oasis:names:tc:opendocument:xmlns:chart:1.0",
}
ODF_XMLNS = " ".join(f'xmlns:{k}="{v}"' for k, v in ODF_NAMESPACES.items())

def convert_with_libreoffice(
    sources: list[Path],
    out_dir: Path,
    options: tuple[str, ...] = (),
    convert_to: str = "pdf",
    timeout: float = 600,
) -> None:
    """Convert documents to PDF into `out_dir` (each keeps its stem), in one LibreOffice
    process; `options` go before `--convert-to` (an input filter, for instance)."""
    with tempfile.TemporaryDirectory(prefix="soffice-profile-") as profile:
        subprocess.run(
            [
                soffice_binary() or "soffice",
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                *options,
                "--convert-to",
                convert_to,
                "--outdir",
                str(out_dir),
                *map(str, sources),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
