"""The print view as the PDF prints it, without a browser: the whole report with its
verification notes last, every link to what it holds an anchor in it, and the links the
PDF writes for what it does not hold (`pdf.for_paper`)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from lkip_build.publish import pagecheck, pdf

from .conftest import LAPORAN, ROOT, built, publish

NTT = "ntt-disperindag-lkip-2021"
LEBAK = "lebak-disperindag-renja-2021"
NOTES = 40  # NTT's verification notes: 33 angka tidak cocok, 2 perlu diperiksa, 5 catatan


@pytest.fixture(scope="module")
def repo():
    return built(ROOT)


def rendered(markdown: str, root: Path = ROOT) -> tuple[list[str], set[str]]:
    """Every link address of a page rendered as the site renders it, and every id."""
    refs = pagecheck._Refs()
    refs.feed(pagecheck.render(markdown, pagecheck.extensions(root)))
    refs.close()
    return [url for _, url in refs.links], refs.ids


@pytest.mark.parametrize("rid", [NTT, LEBAK])
def test_every_anchor_of_the_print_view_is_on_it(repo, rid: str) -> None:
    links, ids = rendered(repo.pages[f"{rid}/cetak.md"])
    anchors = [u for u in links if u.startswith("#")]
    assert anchors
    assert [u for u in anchors if u[1:] not in ids] == []
    # no link leaves the print view for a page it holds (a chapter, the notes, itself)
    lap = repo.publication.by_id[rid].report.laporan
    held = {f"{rid}/{p.file}" for p in lap.halaman if p.cetak} | {
        f"{rid}/catatan-verifikasi.md",
        f"{rid}/cetak.md",
    }
    leaving = []
    for url in links:
        path = url.split("#", 1)[0]
        if not path or ":" in path:
            continue
        target = posixpath.normpath(posixpath.join(rid, path))  # a Markdown link's
        page = posixpath.normpath(posixpath.join(f"{rid}/cetak", path))  # raw HTML's
        if target in held or {f"{page}.md", f"{page}/index.md"} & held:
            leaving.append(url)
    assert leaving == []


def test_the_notes_are_the_last_part_and_every_mark_points_at_one(repo) -> None:
    page = repo.pages[f"{NTT}/cetak.md"]
    _, ids = rendered(page)
    notes = {i for i in ids if re.fullmatch(r"cv-[0-9a-f]{8}", i)}
    assert len(notes) == NOTES
    blocks = re.findall(r'<div class="([^"]*)" id="(cetak-[^"]+)"', page)
    assert blocks[-1] == ("lkip-bab lkip-cetak-catatan", "cetak-catatan-verifikasi")
    assert [b for _, b in blocks].count("cetak-catatan-verifikasi") == 1
    html = pagecheck.render(page, pagecheck.extensions(ROOT))
    marks = re.findall(r'class="lkip-tanda"><a href="([^"]*)"', html)
    assert len(marks) >= 8  # Tabel 1.1-1.4 and the prose citing their totals
    assert {m.removeprefix("#") for m in marks} <= notes
    # the headline card's count of notes points at them
    card = re.search(r'lkip-kartu-rinci">[^<]*<a href="([^"]*)">lihat catatan verifikasi', html)
    assert card and card.group(1) == "#cetak-catatan-verifikasi"
    # the notes' headings link their table, or their chapter, in the print view
    appendix = html.split('id="cetak-catatan-verifikasi"', 1)[1]
    assert 'href="#tabel-1-3"' in appendix and 'href="#cetak-bab-1-pendahuluan"' in appendix


PAGES = {
    "index.md": "# Uji\n\n[Bab 1](bab-1.md)\n",
    "bab-1.md": (
        "# Bab 1\n\n## Latar Belakang\n\n"
        "Lihat [bab 2](bab-2.md), [latar belakangnya](bab-2.md#latar-belakang), "
        "[catatan](catatan-verifikasi.md) dan [sampul](index.md).\n"
    ),
    "bab-2.md": (
        "# Bab 2\n\n## Latar Belakang\n\n"
        "Kembali ke [latar belakang](#latar-belakang), "
        '<a href="../bab-1/#latar-belakang">bab 1</a>, '
        "[cetak](cetak.md) dan [data](unduh/uji-2021-data.json).\n"
    ),
}
HALAMAN = """\
  - file: bab-1.md
    judul: Bab 1
  - file: catatan-verifikasi.md
    judul: Catatan
  - file: bab-2.md
    judul: Bab 2
"""
SITE = "site_url: https://lkip.contoh.go.id/\nmarkdown_extensions: [tables, attr_list, md_in_html, toc]\n"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("cetak")
    (root / "mkdocs.yml").write_text(SITE, encoding="utf-8")
    laporan = LAPORAN.format(id="uji-2021").replace(
        "    judul: Sampul\n", "    judul: Sampul\n    cetak: tidak\n" + HALAMAN
    )
    _, out = publish(root, pages=PAGES, laporan=laporan)
    return root, out["uji-2021/cetak.md"]


def test_a_repeated_heading_is_linked_where_the_print_view_has_it(small) -> None:
    root, page = small
    links, ids = rendered(page, root)
    # two chapters with the same heading: the second one's id is another in one page
    assert {"latar-belakang", "latar-belakang_1"} <= ids
    assert "#cetak-bab-2" in links  # a chapter: its start
    assert links.count("#latar-belakang_1") >= 2  # bab 2's heading, from bab 1 and bab 2
    assert "#latar-belakang" in links  # bab 1's, from raw HTML in bab 2
    assert "#cetak-catatan-verifikasi" in links  # the notes
    assert "#cetak-sampul" in links  # the print view itself: its cover
    # not in the print view: left to the PDF (an address on the site) and the web
    assert "index.md" in links and "unduh/uji-2021-data.json" in links
    assert [u for u in links if u.startswith("#") and u[1:] not in ids] == []


def test_the_notes_come_last_whatever_their_place_in_halaman(small) -> None:
    _, page = small
    order = re.findall(r'id="(cetak-[^"]+)"', page)
    assert order == ["cetak-sampul", "cetak-bab-1", "cetak-bab-2", "cetak-catatan-verifikasi"]


def test_the_cover_says_who_when_and_where(small, repo) -> None:
    _, page = small
    cover = page.split('id="cetak-bab-1"', 1)[0]
    for said in ("DINAS UJI", "TAHUN 2021", 'href="https://lkip.contoh.go.id/uji-2021/"'):
        assert said in cover
    # without site_url the cover says nothing of an address it does not know
    assert "Versi daring" not in repo.pages[f"{NTT}/cetak.md"].split('id="cetak-')[1]


def test_on_paper_a_link_is_an_anchor_or_an_absolute_url() -> None:
    page = (
        b'<link href="../../assets/lkip.css" rel="stylesheet">'
        b'<a href="#tabel-1-1">t</a> <a class="x" href="../unduh/a%20b.csv" title="c">c</a> '
        b"<a href='../catatan-verifikasi/catatan.json'>j</a> "
        b'<a href="https://contoh.go.id/x">x</a> <a href="mailto:a@contoh.go.id">m</a> '
        b'<a title="lihat href=\'y\' onclick" href=z>z</a> <abbr title="a">A</abbr>'
    )
    url = pdf.view_url("https://lkip.contoh.go.id/", "uji-2021")
    assert url == "https://lkip.contoh.go.id/uji-2021/cetak/"
    out = pdf.for_paper(page, url).decode()
    assert '<link href="../../assets/lkip.css"' in out  # what the page loads: as it is
    assert '<a href="#tabel-1-1">' in out
    assert (
        '<a class="x" href="https://lkip.contoh.go.id/uji-2021/unduh/a%20b.csv" title="c">' in out
    )
    assert 'href="https://lkip.contoh.go.id/uji-2021/catatan-verifikasi/catatan.json"' in out
    assert 'href="https://contoh.go.id/x"' in out and 'href="mailto:a@contoh.go.id"' in out
    # an address is an attribute of the tag, never text inside another attribute's value
    assert (
        '<a title="lihat href=\'y\' onclick" href="https://lkip.contoh.go.id/uji-2021/cetak/z">'
        in out
    )
    assert '<abbr title="a">A</abbr>' in out
    # no site_url: the text without the link, never a path of the build folder
    bare = pdf.for_paper(page, "").decode()
    assert '<a class="x" title="c">c</a>' in bare and "<a>j</a>" in bare
    assert "<a title=\"lihat href='y' onclick\">z</a>" in bare
    assert "unduh" not in bare and "catatan.json" not in bare
    assert pdf.view_url("", "uji-2021") == ""
