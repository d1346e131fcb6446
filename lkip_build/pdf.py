"""The PDF of each report: its print view, printed by headless Chromium (Debian's package).

Chromium prints what readers see, with the same CSS (print rules included), so the PDF
needs no second layout engine. Its timestamps are replaced by SOURCE_DATE_EPOCH (or a fixed
date), keeping the byte length, so two builds of a commit give the same file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Location
from .problems import LkipError, problem

if TYPE_CHECKING:
    from .site import Publication

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
    "--hide-scrollbars",
]
TIMEOUT = 120


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def available() -> bool:
    """PDFs are made when Chromium is installed, unless LKIP_PDF=0 turns them off."""
    return os.environ.get("LKIP_PDF", "1") != "0" and chromium() is not None


def _stamp() -> bytes:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "946684800"))
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y%m%d%H%M%S").encode()


def reproducible(data: bytes) -> bytes:
    """Replace the creation and modification dates in place, keeping every byte offset."""
    stamp = _stamp()

    def fix(m: re.Match[bytes]) -> bytes:
        old = m.group(2)
        new = (stamp + b"+00'00'")[: len(old)].ljust(len(old), b"0")
        return m.group(1) + new + m.group(3)

    return re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)([^)]*)(\))", fix, data)


def relative_links(data: bytes, here: Path) -> bytes:
    """Links to the site's pages are printed as file:// URIs of the build folder, which
    changes every build: make them relative to the PDF (so they also work on the site),
    keeping every byte offset by padding the URI with spaces."""
    base = here.resolve().as_uri().encode() + b"/"
    parent = here.resolve().parent.as_uri().encode() + b"/"

    def fix(m: re.Match[bytes]) -> bytes:
        uri = m.group(2)
        if uri.startswith(base):
            rel = uri[len(base) :]
        elif uri.startswith(parent):
            rel = b"../" + uri[len(parent) :]
        else:
            return m.group(0)
        return m.group(1) + rel.ljust(len(uri), b" ") + m.group(3)

    return re.sub(rb"(/URI\s*\()(file://[^)]*)(\))", fix, data)


def write(html: Path, out: Path) -> None:
    exe = chromium()
    if exe is None:
        raise LkipError([problem("pdf-failed", Location(str(out)), "chromium tidak terpasang")])
    with tempfile.TemporaryDirectory() as profile:
        cmd = [exe, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={out}", html.as_uri()]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    if result.returncode != 0 or not out.exists() or not out.read_bytes().startswith(b"%PDF-"):
        tail = (result.stderr or "").strip().splitlines()[-1:] or ["(tanpa pesan)"]
        raise LkipError([problem("pdf-failed", Location(str(out)), f"PDF gagal dibuat: {tail[0]}")])
    out.write_bytes(relative_links(reproducible(out.read_bytes()), out.parent))


def write_all(publication: Publication, site_dir: Path) -> list[str]:
    """Print every report's print view to <site>/<id>/<id>.pdf; returns the paths written."""
    written = []
    for h in publication.hasil:
        rid = h.report.id
        page = site_dir / rid / "cetak" / "index.html"
        if page.exists():
            out = site_dir / rid / f"{rid}.pdf"
            write(page, out)
            written.append(f"{rid}/{rid}.pdf")
    return written
