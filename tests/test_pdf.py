"""The PDF as a reader gets it (its text, title and page numbers), its cache, and the
browser's processes it must not leave behind."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lkip_build.publish import pdf

from .conftest import ROOT, build

NTT = "ntt-disperindag-lkip-2021"
TITLE = "Laporan Kinerja Instansi Pemerintah (LKIP) Tahun 2021"  # the seed's cover
AGENCY = "Dinas Perindustrian dan Perdagangan Provinsi Nusa Tenggara Timur"

needs_chromium = pytest.mark.skipif(
    pdf.chromium() is None and not os.environ.get("LKIP_REQUIRE_BROWSER"),
    reason="Chromium (Debian package chromium) is not installed",
)
pytestmark = needs_chromium


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdfsite") / "site"
    result = build(ROOT / "mkdocs.yml", out, pdf=True)
    assert result.returncode == 0, result.stderr
    return out


def pages_text(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]


def test_the_pdf_starts_with_the_reports_title_and_numbers_its_pages(pdf_site: Path) -> None:
    from pypdf import PdfReader

    path = pdf_site / NTT / f"{NTT}.pdf"
    text = pages_text(path)
    # the cover: the title first, nothing before it (front matter, a stray line)
    assert text[0].startswith(TITLE), text[0][:120]
    assert "search:" not in " ".join(text)
    n = len(text)
    assert n >= 20
    assert "Halaman" not in text[0]  # no number on the cover
    for k, page in enumerate(text[1:], start=2):
        assert f"Halaman {k} dari {n}" in page, (k, page[:80])
    # the document title names the report, not "Versi Cetak - LKIP Terbuka"
    assert PdfReader(path).metadata.title == f"{TITLE} — {AGENCY}"


NUMBER = re.compile(r"-?[\d.,]+(?:\s*%)?|Rp[\d.,]+")


def numbered_tables(page: str) -> list[tuple[str, list[str]]]:
    """(title, numeric cells) of each numbered table of a print view, in order."""
    out = []
    for block in re.split(r'<div[^>]*class="lkip-tabel', page)[1:]:
        title = re.search(r'class="lkip-judul-tabel"[^>]*>(.*?)</p>', block, re.S)
        rows = block[: block.find("</table>")]
        cells = [
            html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<td[^>]*>(.*?)</td>", rows, re.S)
        ]
        name = html.unescape(re.sub(r"<[^>]+>", "", title.group(1))).strip() if title else ""
        if name.startswith("Tabel "):
            out.append((name, [c for c in cells if NUMBER.fullmatch(c)]))
    return out


def test_every_number_of_every_table_is_on_paper(pdf_site: Path) -> None:
    """No column is cut at the page's edge: each table's figures are in the PDF's text
    between its title and the next table's (paper does not scroll)."""
    page = (pdf_site / NTT / "cetak" / "index.html").read_text(encoding="utf-8")
    text = "".join("".join(p.split()) for p in pages_text(pdf_site / NTT / f"{NTT}.pdf"))
    tables = numbered_tables(page)
    assert len(tables) == 35
    # each title's last place before the next table's: the table itself, not Daftar Tabel
    ends, cut = len(text), []
    for name, cells in reversed(tables):
        start = text.rfind("".join(name.split()), 0, ends)
        assert start >= 0, name
        missing = [c for c in cells if "".join(c.split()) not in text[start:ends]]
        if missing:
            cut.append(f"{name}: {missing[:5]}")
        ends = start
    assert not cut, "\n".join(cut)


def test_every_report_gets_its_pdf(pdf_site: Path) -> None:
    for rid in ("ntt-disperindag-lkip-2021", "lebak-disperindag-renja-2021"):
        assert (pdf_site / rid / f"{rid}.pdf").read_bytes().startswith(b"%PDF-")


def test_the_key_covers_the_page_and_every_file_it_loads(pdf_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(pdf_site, site)
    page = site / NTT / "cetak" / "index.html"
    names = [name for name, _ in pdf.assets(page)]
    assert "../../assets/lkip.css" in names
    assert any(n.endswith(".svg") for n in names)  # the charts
    assert any(n.endswith(".css") and "stylesheets" in n for n in names)  # the theme's
    exe = pdf.chromium() or "chromium"
    before = pdf._key_parts(page, exe, "file:///x")
    css = site / "assets" / "lkip.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* */\n", encoding="utf-8")
    assert pdf._key_parts(page, exe, "file:///x") != before
    assert pdf.version(exe)  # the browser's version is part of it


def test_cached_pdf_is_byte_identical_and_made_once(
    pdf_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rid = "lebak-disperindag-renja-2021"
    # two build folders whose paths differ in length: the PDF must not depend on them
    sites = [tmp_path / "a" / "site", tmp_path / "a-much-longer-folder-name" / "site"]
    for site in sites:
        shutil.copytree(pdf_site, site)
    monkeypatch.setenv("LKIP_CACHE", "0")
    pdf.write(sites[0] / rid / "cetak" / "index.html", tmp_path / "fresh.pdf")
    monkeypatch.setenv("LKIP_CACHE", str(tmp_path / "cache"))
    pdf.write(sites[0] / rid / "cetak" / "index.html", tmp_path / "first.pdf")
    made = []
    real = pdf._print
    monkeypatch.setattr(pdf, "_print", lambda *a: made.append(a) or real(*a))
    pdf.write(sites[1] / rid / "cetak" / "index.html", tmp_path / "again.pdf")
    assert made == []  # from the cache
    fresh = (tmp_path / "fresh.pdf").read_bytes()
    assert fresh == (tmp_path / "first.pdf").read_bytes() == (tmp_path / "again.pdf").read_bytes()
    assert fresh == (pdf_site / rid / f"{rid}.pdf").read_bytes()  # what the build wrote


ORPHANS = textwrap.dedent(
    """
    import ctypes, os, sys, time
    from pathlib import Path
    # adopt every orphan of what follows, as PID 1 does: what is not reaped shows up here
    assert ctypes.CDLL(None).prctl(36, 1, 0, 0, 0) == 0
    from lkip_build.publish import pdf
    pdf.write(Path(sys.argv[1]), Path(sys.argv[2]))
    time.sleep(1)
    me, left = os.getpid(), []
    for name in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = open(f"/proc/{name}/stat").read()
        except OSError:
            continue
        state, ppid = stat[stat.rindex(")") + 2 :].split()[:2]
        if int(ppid) == me:
            left.append(f"{name} {state} {stat[stat.index('(') : stat.rindex(')') + 1]}")
    print(len(left), left)
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="subreapers are Linux's")
def test_no_browser_process_is_left_defunct(pdf_site: Path, tmp_path: Path) -> None:
    rid = "lebak-disperindag-renja-2021"
    env = {**os.environ, "LKIP_CACHE": "0", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", ORPHANS, str(pdf_site / rid / "cetak" / "index.html"), "x.pdf"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("0 "), result.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="subreapers are Linux's")
def test_the_reaper_reaps_orphans_and_keeps_the_exit_status(tmp_path: Path) -> None:
    from lkip_build.publish import reaper

    # a child that leaves a grandchild behind (an orphan sleeping, holding no pipe of ours)
    # and exits 3
    marker = tmp_path / "orphan.pid"
    script = (
        "import subprocess, sys; "
        "p = subprocess.Popen(['sleep', '47.25'], stdin=subprocess.DEVNULL, "
        "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        f"open({str(marker)!r}, 'w').write(str(p.pid)); sys.exit(3)"
    )
    result = subprocess.run(
        [sys.executable, reaper.__file__, sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=40,
        check=False,
    )
    assert result.returncode == 3
    # the orphan was adopted, killed after the grace period and reaped: it is gone
    orphan = int(marker.read_text())
    alive = Path(f"/proc/{orphan}").exists()
    if alive:
        os.kill(orphan, 9)  # ours: the script above started it
    assert not alive
