"""The PDF of each report: its print view, printed by headless Chromium (Debian's package).

Chromium prints what readers see, with the same CSS (print rules included), so the PDF
needs no second layout engine. Its timestamps are replaced by SOURCE_DATE_EPOCH (or a fixed
date), keeping the byte length, so two builds of a commit give the same file.

The PDF stands alone: the print view holds the report's verification notes and links to
what it holds as anchors in itself (printview.py), which Chromium writes as links inside
the PDF; every other link is written as its absolute URL on the published site before the
page is printed (`for_paper`), so no link of the PDF is a path of the build folder.

Each PDF is cached by content (cache.py): the page as printed, every file it loads, the
browser's version and flags. The page is printed from a folder of a fixed-length name, so
the bytes do not depend on where the site is built, and are the same from the cache or
not. Reports print in parallel, one browser each; each browser runs under `reaper`, so
none of its processes is left defunct.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from html import escape, unescape
from pathlib import Path
from typing import TYPE_CHECKING

from lkip_build import cache
from lkip_build.model import Location
from lkip_build.problems import LkipError, Problem, problem
from lkip_build.publish import printview, reaper

if TYPE_CHECKING:
    from lkip_build.publish.site import Publication

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


# an <a> tag (its attributes in group 1), and one attribute of it: read quote by quote, so an
# "href" inside another attribute's value is that value's text (stylesheets' and scripts'
# addresses are not <a> tags: left alone)
A_TAG = re.compile(
    rb"""<a((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)(\s*/?>)""", re.I
)
ATTRIBUTE = re.compile(rb"""(\s+)([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


def for_paper(page: bytes, url: str) -> bytes:
    """The page as the PDF is printed from: every link that is not an anchor in the page
    itself (the print view's links to what it holds are: printview.inside) nor an
    absolute URL is written as the absolute URL it has on the published site, read from
    the page's own `url` there (site_url + <id>/cetak/); without one, the link's text stays
    and the link goes. A relative path means nothing in a downloaded file, and a file://
    URL of the build folder even less."""

    def attribute(m: re.Match[bytes]) -> bytes:
        if m.group(2).lower() != b"href":
            return m.group(0)
        raw = next((v for v in m.group(3, 4, 5) if v is not None), b"")
        href = unescape(raw.decode("utf-8"))
        if href.startswith("#") or SCHEME.match(href):
            return m.group(0)
        if not url:
            return b""
        return m.group(1) + f'href="{escape(urllib.parse.urljoin(url, href))}"'.encode()

    def tag(m: re.Match[bytes]) -> bytes:
        return b"<a" + ATTRIBUTE.sub(attribute, m.group(1)) + m.group(2)

    return A_TAG.sub(tag, page)


def version(exe: str) -> str:
    """The browser's version line: part of every PDF's cache key."""
    return _version(exe)


@functools.cache
def _version(exe: str) -> str:
    try:
        run = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return run.stdout.strip()


ASSET = re.compile(rb"""<(?:link|script|img|source)\b[^>]*?\b(?:href|src)="([^"#?]+)""")
CSS_URL = re.compile(rb"""url\(\s*['"]?([^'")#?]+)""")


def assets(html: Path) -> list[tuple[str, bytes]]:
    """Every local file the print view loads (stylesheets, scripts, images) and every file
    those stylesheets load, as (path relative to the page, content), sorted."""
    found: dict[str, bytes] = {}
    todo = [(html.parent, ref) for ref in ASSET.findall(html.read_bytes())]
    while todo:
        folder, ref = todo.pop()
        name = ref.decode("utf-8", "replace")
        if ":" in name or name.startswith("/"):
            continue  # data: and absolute URLs: nothing local to read (data: is in the page)
        path = (folder / name).resolve()
        shown = os.path.relpath(path, html.parent)
        if shown in found or not path.is_file():
            continue
        found[shown] = path.read_bytes()
        if path.suffix == ".css":
            todo += [(path.parent, r) for r in CSS_URL.findall(found[shown])]
    return sorted(found.items())


def _key_parts(html: Path, paper: bytes, exe: str) -> list[bytes | str]:
    # this module's own code too: a change in how the bytes are made or fixed up afterwards
    # (for_paper, reproducible) is a new key, never a stale entry
    parts: list[bytes | str] = [Path(__file__).read_bytes(), paper, version(exe)]
    parts += [*FLAGS, _stamp()]
    for name, data in assets(html):
        parts += [name, data]
    return parts


def write(html: Path, out: Path, url: str = "") -> None:
    """Print the page `html` (under the site folder: <site>/<id>/cetak/index.html), whose
    URL on the published site is `url` ("" when it is not known), to `out`, from the cache
    when the same page with the same assets, browser and flags was printed before: the
    bytes are the same either way."""
    exe = chromium()
    if exe is None:
        raise LkipError([problem("pdf-failed", Location(str(out)), "chromium tidak terpasang")])
    paper = for_paper(html.read_bytes(), url)
    with tempfile.TemporaryDirectory(prefix="lkip-pdf-") as tmp:
        # printed from a folder of a fixed-length name, so the PDF does not depend on where
        # the site is built and the cache serves every build folder alike
        shown = _beside(html, Path(tmp) / "s", paper)
        made = cache.cached(
            "pdf",
            _key_parts(html, paper, exe),
            lambda: _print(exe, shown, Path(tmp) / "out.pdf", out),
        )
    out.write_bytes(made)


def _beside(html: Path, folder: Path, paper: bytes) -> Path:
    """`paper` written as the page `html`, in `folder`, which stands for the site (the
    page's grandparent's parent): every other file there is a link to the site's, so the
    page loads what it loads from the site, and its "#…" links stay in the page."""
    mirror = folder
    for real, keep in (
        (html.parents[2], html.parents[1]),
        (html.parents[1], html.parent),
        (html.parent, html),
    ):
        mirror.mkdir()
        for entry in real.iterdir():
            if entry.name != keep.name:
                (mirror / entry.name).symlink_to(entry.resolve())
        mirror = mirror / keep.name
    mirror.write_bytes(paper)
    return mirror


def _print(exe: str, html: Path, tmp_out: Path, out: Path) -> bytes:
    with tempfile.TemporaryDirectory() as profile:
        cmd = [exe, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={tmp_out}"]
        # through the reaper: Chromium's helpers that outlive it are reaped, never left defunct
        cmd = [sys.executable, reaper.__file__, *cmd, html.as_uri()]
        result = _run(cmd)
    ok = tmp_out.exists() and tmp_out.read_bytes().startswith(b"%PDF-")
    if result.returncode != 0 or not ok:
        tail = (result.stderr or "").strip().splitlines()[-1:] or ["(tanpa pesan)"]
        raise LkipError([problem("pdf-failed", Location(str(out)), f"PDF gagal dibuat: {tail[0]}")])
    return reproducible(tmp_out.read_bytes())


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    """Run `cmd` in a session of its own; on timeout the whole session is killed."""
    with subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    ) as p:
        try:
            stdout, stderr = p.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(OSError):
                os.killpg(p.pid, signal.SIGKILL)
            stdout, stderr = p.communicate()
            stderr += "\nwaktu habis"
    return subprocess.CompletedProcess(cmd, p.returncode, stdout, stderr)


def write_all(publication: Publication, site_dir: Path) -> list[str]:
    """Print every report's print view to <site>/<id>/<id>.pdf, several at once (one browser
    each, as many as there are cores); returns the paths written. Every report that failed
    is reported, not only the first."""
    jobs = []
    for h in publication.hasil:
        rid = h.report.id
        page = site_dir / rid / "cetak" / "index.html"
        if page.exists():
            url = view_url(publication.site_url, rid)
            jobs.append((page, site_dir / rid / f"{rid}.pdf", url, f"{rid}/{rid}.pdf"))
    problems: list[Problem] = []
    with ThreadPoolExecutor(max_workers=max(1, min(len(jobs), os.cpu_count() or 1))) as pool:
        futures = [pool.submit(write, page, out, url) for page, out, url, _ in jobs]
        for f in futures:
            try:
                f.result()
            except LkipError as exc:
                problems += exc.problems
    if problems:
        raise LkipError(problems)
    return [shown for *_, shown in jobs]


def view_url(site_url: str, rid: str) -> str:
    """The print view's URL on the published site ("" when mkdocs.yml sets no site_url)."""
    address = printview.report_url(site_url, rid)
    return f"{address}cetak/" if address else ""
