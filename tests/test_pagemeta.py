"""Each page's <title>, meta description and previous/next links, from the report's data,
in the built site and from lkip_build.present.pagemeta directly."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest

from lkip_build.present import pagemeta
from lkip_build.publish.site import prepare

from .conftest import ROOT

NTT = "ntt-disperindag-lkip-2021"
LEBAK = "lebak-disperindag-renja-2021"


@pytest.fixture(scope="module")
def pub():
    return prepare(ROOT)


def head(site: Path, page: str) -> tuple[str, str]:
    raw = (site / page / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", raw, re.S)
    description = re.search(r'<meta name="description" content="([^"]*)"', raw)
    assert title and description, page
    return html.unescape(title.group(1).strip()), html.unescape(description.group(1))


def pages(site: Path) -> list[str]:
    return sorted(
        p.parent.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if p.parent != site and not p.parent.name.startswith(("assets", "search"))
    )


def test_titles_name_page_document_year_and_agency(repo_site: Path) -> None:
    # the names as laporan.yml and the seed's cover give them
    assert head(repo_site, f"{NTT}/bab-3-akuntabilitas-kinerja")[0] == (
        "Bab III Akuntabilitas Kinerja — LKIP 2021 Disperindag NTT"
    )
    assert head(repo_site, f"{LEBAK}/halaman-79")[0] == "Halaman 79 — Renja 2021 Disperindag Lebak"
    start = head(repo_site, NTT)[0]
    assert start == "Laporan Kinerja Instansi Pemerintah (LKIP) Tahun 2021 — Disperindag NTT"
    assert "Sampul" not in start
    ntt = head(repo_site, f"{NTT}/catatan-verifikasi")[0]
    lebak = head(repo_site, f"{LEBAK}/catatan-verifikasi")[0]
    assert ntt != lebak and "NTT" in ntt and "Lebak" in lebak
    # the print view's title is the PDF's document title: the whole report
    assert head(repo_site, f"{NTT}/cetak")[0] == (
        "Laporan Kinerja Instansi Pemerintah (LKIP) Tahun 2021 — "
        "Dinas Perindustrian dan Perdagangan Provinsi Nusa Tenggara Timur"
    )
    assert head(repo_site, "")[0] == "LKIP Terbuka"  # the home page: the site's name alone


def test_every_page_has_its_own_title_and_description(repo_site: Path) -> None:
    found = {page: head(repo_site, page) for page in ["", *pages(repo_site)]}
    assert len(found) >= 15
    titles = [t for t, _ in found.values()]
    descriptions = [d for _, d in found.values()]
    assert len(set(titles)) == len(titles), titles
    assert len(set(descriptions)) == len(descriptions), descriptions
    for page, (title, description) in found.items():
        assert "LKIP Terbuka" not in title or page == "", title  # the site name, once
        if page.startswith(NTT):
            agency = "Dinas Perindustrian dan Perdagangan Provinsi Nusa Tenggara Timur"
            assert "2021" in title, title
            assert "Disperindag NTT" in title or agency in title, title  # print view: in full
            assert agency in description


def test_page_meta_escapes_and_names_pages_the_build_adds(pub) -> None:
    meta = pagemeta.page_meta(pub, f"{NTT}/catatan-verifikasi.md", "S", "D")
    assert meta.title == "Catatan Verifikasi Data — LKIP 2021 Disperindag NTT"
    assert pagemeta.page_meta(pub, "index.md", "A & B", "<d>") == pagemeta.PageMeta(
        "A &amp; B", "&lt;d&gt;"
    )
    lap = pub.by_id[NTT].report.laporan
    odd = replace(lap, judul="Laporan <b>", singkatan_instansi="")
    assert pagemeta.report_title(odd) == f"Laporan <b> 2021 — {lap.instansi}"
    assert pagemeta.page_name(odd, "cetak.md") == "Versi Cetak"


def test_previous_and_next_stay_within_one_report_in_nav_order(repo_site: Path, pub) -> None:
    def links(page: str) -> tuple[str | None, str | None]:
        raw = (repo_site / page / "index.html").read_text(encoding="utf-8")
        prev = re.search(r'md-footer__link--prev" aria-label="Sebelumnya: ([^"]*)"', raw)
        nxt = re.search(r'md-footer__link--next" aria-label="Berikutnya: ([^"]*)"', raw)
        return (prev and html.unescape(prev.group(1))), (nxt and html.unescape(nxt.group(1)))

    halaman = [p.judul for p in pub.by_id[NTT].report.laporan.halaman]
    order = [*halaman, "Catatan Verifikasi Data", "Versi Cetak"]
    files = [p.file for p in pub.by_id[NTT].report.laporan.halaman]
    urls = [f.removesuffix(".md").removesuffix("index") for f in files]
    urls = [f"{NTT}/{u}".rstrip("/") for u in [*urls, "catatan-verifikasi", "cetak"]]
    for i, url in enumerate(urls):
        prev, nxt = links(url)
        assert prev == (order[i - 1] if i else None), url
        assert nxt == (order[i + 1] if i + 1 < len(order) else None), url
    assert links("") == (None, None)  # the home page leads into no report
    assert links(f"{LEBAK}")[0] is None  # nor the first page of one report back into another
    assert pagemeta.linked(f"{NTT}/a.md", f"{NTT}/b.md")
    assert not pagemeta.linked(f"{NTT}/a.md", f"{LEBAK}/a.md")
    assert not pagemeta.linked("index.md", f"{NTT}/index.md")
