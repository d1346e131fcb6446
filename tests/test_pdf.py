"""The PDF as a reader gets it (its text, title and page numbers, its verification notes
and links), its cache, and the browser's processes it must not leave behind."""

from __future__ import annotations

import functools
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


SITE = "https://lkip.contoh.go.id/"  # where this build says the site is published


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository built with its PDFs, as published at SITE (mkdocs.yml's site_url,
    which the repository reads from LKIP_SITE_URL, set by the publishing workflow): one
    build for every test here."""
    repo = tmp_path_factory.mktemp("pdfrepo")
    for folder in ("content", "data", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, repo / folder)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_url: !ENV [LKIP_SITE_URL, ""]' in config  # as terbit.yml sets it
    config = config.replace('site_url: !ENV [LKIP_SITE_URL, ""]', f"site_url: {SITE}")
    (repo / "mkdocs.yml").write_text(config, encoding="utf-8")
    out = tmp_path_factory.mktemp("pdfsite") / "site"
    result = build(repo / "mkdocs.yml", out, pdf=True)
    assert result.returncode == 0, result.stderr
    return out


@functools.cache
def pages_text(path: Path) -> list[str]:
    """Each page's text, its spaces made one (read once per file: pypdf takes seconds)."""
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
    # nor the verification notes after the chapters
    ends, cut = text.rindex("CatatanVerifikasiData"), []
    for name, cells in reversed(tables):
        start = text.rfind("".join(name.split()), 0, ends)
        assert start >= 0, name
        missing = [c for c in cells if "".join(c.split()) not in text[start:ends]]
        if missing:
            cut.append(f"{name}: {missing[:5]}")
        ends = start
    assert not cut, "\n".join(cut)


@functools.cache
def links(path: Path) -> list[tuple[int, str, str]]:
    """Every link annotation of a PDF: (its page, "dest" or "uri", the destination's name
    or the URI); a destination by name (Chromium's anchors) or a GoTo action alike."""
    from pypdf import PdfReader

    out = []
    for number, page in enumerate(PdfReader(path).pages, start=1):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot["/A"].get_object() if "/A" in annot else {}
            if "/Dest" in annot:
                out.append((number, "dest", str(annot["/Dest"]).lstrip("/")))
            elif action.get("/S") == "/GoTo":
                out.append((number, "dest", str(action["/D"]).lstrip("/")))
            elif action.get("/S") == "/URI":
                out.append((number, "uri", str(action["/URI"])))
            else:
                out.append((number, str(action.get("/S")), ""))
    return out


def destinations(path: Path) -> dict[str, int]:
    """The PDF's named destinations: name -> its page (from 1)."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    return {
        name.lstrip("/"): reader.get_destination_page_number(dest) + 1
        for name, dest in reader.named_destinations.items()
    }


def test_the_verification_notes_are_in_the_pdf(pdf_site: Path) -> None:
    """Each note of the report (catatan.json: its id and its sentence) is in the PDF's text,
    after the chapters: a mark or a count of notes never points out of the document."""
    import json

    notes = json.loads((pdf_site / NTT / "catatan-verifikasi" / "catatan.json").read_bytes())
    assert len(notes) == 40  # 33 angka tidak cocok, 2 perlu diperiksa, 5 catatan
    text = pages_text(pdf_site / NTT / f"{NTT}.pdf")
    start = next(
        i
        for i, p in enumerate(text)
        if p.startswith("Halaman") and "Catatan Verifikasi Data" in p[:60]
    )
    notes_text = "".join(
        "".join(re.sub(r"Halaman \d+ dari \d+", "", p).split()) for p in text[start:]
    )
    missing = [
        n["id"]
        for n in notes
        if n["id"] not in notes_text or "".join(n["kalimat"].split()) not in notes_text
    ]
    assert missing == []


def test_the_marks_and_the_count_of_notes_link_inside_the_pdf(pdf_site: Path) -> None:
    path = pdf_site / NTT / f"{NTT}.pdf"
    found, names = links(path), destinations(path)
    text = pages_text(path)
    inside = [(page, name) for page, kind, name in found if kind == "dest"]
    # every internal link lands on a destination of this PDF
    assert inside and [name for _, name in inside if name not in names] == []
    # each mark on a figure (≠) in the print view is a link to its note, on the note's page
    view = (pdf_site / NTT / "cetak" / "index.html").read_text(encoding="utf-8")
    marks = re.findall(r'class="lkip-tanda"><a href="#(cv-[0-9a-f]{8})"', view)
    assert len(marks) >= 8
    to_notes = [name for page, name in inside if name.startswith("cv-")]
    assert set(marks) <= set(to_notes)
    for name in set(marks):
        assert name in text[names[name] - 1], name  # the note's page shows its id
    # the headline card's count ("40 ... lihat catatan verifikasi") goes to the notes
    card = names["cetak-catatan-verifikasi"]
    assert "Catatan Verifikasi Data" in text[card - 1]
    assert any(name == "cetak-catatan-verifikasi" and page < card for page, name in inside)


def test_no_link_of_the_pdf_is_a_path(pdf_site: Path) -> None:
    """Links to what the PDF does not hold are absolute URLs on the published site: no
    relative path, no file of the build folder, no address padded with spaces."""
    for rid in (NTT, "lebak-disperindag-renja-2021"):
        uris = [uri for _, kind, uri in links(pdf_site / rid / f"{rid}.pdf") if kind == "uri"]
        assert uris, rid
        assert [u for u in uris if not u.startswith(SITE) or u != u.strip() or " " in u] == []
        assert f"{SITE}{rid}/catatan-verifikasi/catatan.json" in uris
        kinds = {kind for _, kind, _ in links(pdf_site / rid / f"{rid}.pdf")}
        assert kinds <= {"dest", "uri"}


def test_the_cover_says_who_when_and_where(pdf_site: Path) -> None:
    path = pdf_site / NTT / f"{NTT}.pdf"
    cover = pages_text(path)[0]
    for said in (AGENCY.upper(), "TAHUN 2021", f"{SITE}{NTT}/"):
        assert said in cover, said
    assert (1, "uri", f"{SITE}{NTT}/") in links(path)


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
    paper = pdf.for_paper(page.read_bytes(), pdf.view_url(SITE, NTT))
    before = pdf._key_parts(page, paper, exe)
    css = site / "assets" / "lkip.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* */\n", encoding="utf-8")
    assert pdf._key_parts(page, paper, exe) != before
    # the page as printed: its links to the site are part of it
    elsewhere = pdf.for_paper(page.read_bytes(), pdf.view_url("https://x.go.id/", NTT))
    assert pdf._key_parts(page, elsewhere, exe) != pdf._key_parts(page, paper, exe)
    assert pdf.version(exe)  # the browser's version is part of it


def test_cached_pdf_is_byte_identical_and_made_once(
    pdf_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rid = "lebak-disperindag-renja-2021"
    # two build folders whose paths differ in length: the PDF must not depend on them
    sites = [tmp_path / "a" / "site", tmp_path / "a-much-longer-folder-name" / "site"]
    for site in sites:
        shutil.copytree(pdf_site, site)
    url = pdf.view_url(SITE, rid)
    monkeypatch.setenv("LKIP_CACHE", "0")
    pdf.write(sites[0] / rid / "cetak" / "index.html", tmp_path / "fresh.pdf", url)
    monkeypatch.setenv("LKIP_CACHE", str(tmp_path / "cache"))
    pdf.write(sites[0] / rid / "cetak" / "index.html", tmp_path / "first.pdf", url)
    made = []
    real = pdf._print
    monkeypatch.setattr(pdf, "_print", lambda *a: made.append(a) or real(*a))
    pdf.write(sites[1] / rid / "cetak" / "index.html", tmp_path / "again.pdf", url)
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
