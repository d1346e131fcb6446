"""The home page as the portal's index: headline cards first, every report in one table,
filtered by level and year and sorted by column in the browser (content/assets/lkip-daftar.js).

The table is complete without JavaScript (tests/test_sorotan.py checks its rows); here the
script runs in Chromium on the built site, and on a generated home page of one full page of reports (100; beyond, the table pages: test_portal_search.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import markdown
import pytest

from lkip_build.present.portal import PAGE_ROWS, m_daftar_laporan

from ..conftest import ROOT, built
from ..test_sorotan import home_context, many_reports

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

NTT = "Dinas Perindustrian dan Perdagangan Provinsi Nusa Tenggara Timur"
LEBAK = "Dinas Perindustrian dan Perdagangan Kabupaten Lebak"


def visible_column(page: Page, i: int) -> list[str]:
    return page.eval_on_selector_all(
        ".lkip-portal tbody tr:not([hidden])",
        f"rows => rows.map(r => r.cells[{i}].textContent.trim())",
    )


def names(page: Page) -> list[str]:
    """The agencies of the visible rows, in order (the link text of the first column)."""
    return page.eval_on_selector_all(
        ".lkip-portal tbody tr:not([hidden])",
        "rows => rows.map(r => r.cells[0].querySelector('a').textContent.trim())",
    )


def header(page: Page, name: str):
    return page.locator(".lkip-portal th button", has_text=name)


def test_home_filters_and_sorts_the_reports(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/")
    assert names(page) == [NTT, LEBAK]  # by level: provinsi, then kabupaten
    page.get_by_label("Tingkat").select_option("Kabupaten")
    assert names(page) == [LEBAK]
    assert page.locator(".lkip-portal-jumlah").inner_text() == "Menampilkan 1 dari 2 laporan"
    page.get_by_label("Tingkat").select_option("")
    header(page, "Instansi").click()
    assert names(page) == [LEBAK, NTT]
    assert page.locator(".lkip-portal th[aria-sort]").get_attribute("aria-sort") == "ascending"
    # a report without a mean is last whichever way the column is sorted
    header(page, "Rata-rata capaian").click()
    assert visible_column(page, 5) == ["81,44 %Berhasil", "tidak ada data"]
    header(page, "Rata-rata capaian").click()
    assert visible_column(page, 5) == ["81,44 %Berhasil", "tidak ada data"]
    assert page.js_errors == []  # type: ignore[attr-defined]


def test_start_page_headline_is_on_the_first_phone_screen(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        pg = context.new_page()
        for path in ("/ntt-disperindag-lkip-2021/", "/"):
            pg.goto(base_url + path)
            cards = pg.locator(".lkip-kartu")
            assert cards.count() == 5
            for i in range(cards.count()):
                box = cards.nth(i).bounding_box()
                assert box is not None and box["y"] + box["height"] <= 844, (path, i)
            assert "97,32 %" in pg.locator(".lkip-sorotan").inner_text()
    finally:
        context.close()


@pytest.fixture(scope="module")
def generated_home(tmp_path_factory: pytest.TempPathFactory, site_dir: Path) -> Path:
    """A home page of PAGE_ROWS reports (the two real ones under other ids, years and levels),
    rendered as the site renders Markdown, with the site's stylesheet and script."""
    out = tmp_path_factory.mktemp("portal-300")
    table = m_daftar_laporan([], home_context(many_reports(built(ROOT), PAGE_ROWS)))
    body = markdown.markdown(table, extensions=["tables", "md_in_html"])
    (out / "assets").mkdir()
    for name in ("lkip-daftar.js", "lkip.css"):
        shutil.copy(site_dir / "assets" / name, out / "assets" / name)
    (out / "index.html").write_text(
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        '<link rel="stylesheet" href="assets/lkip.css"></head>'
        f'<body><article class="md-typeset">{body}</article>'
        '<script src="assets/lkip-daftar.js"></script></body></html>',
        encoding="utf-8",
    )
    return out


def test_a_full_page_of_reports_filter_and_sort(browser: Browser, generated_home: Path) -> None:
    pg = browser.new_page()
    try:
        pg.goto((generated_home / "index.html").as_uri())
        assert pg.locator(".lkip-portal tbody tr").count() == PAGE_ROWS
        pg.get_by_label("Tingkat").select_option("Kota")
        pg.get_by_label("Tahun").select_option("2020")
        shown = visible_column(pg, 1), visible_column(pg, 3)
        # i % 4 == 3 (kota) and i % 5 == 2 (2020): i = 7, 27, 47, 67, 87 (5 of 100)
        assert shown == (["Kota"] * 5, ["2020"] * 5)
        assert pg.locator(".lkip-portal-jumlah").inner_text() == "Menampilkan 5 dari 100 laporan"
        pg.get_by_label("Tingkat").select_option("")
        pg.get_by_label("Tahun").select_option("")
        header(pg, "Tahun").click()
        header(pg, "Tahun").click()  # descending
        years = visible_column(pg, 3)
        assert len(years) == PAGE_ROWS and years == sorted(years, reverse=True)
        header(pg, "Catatan verifikasi").click()
        shown_notes = visible_column(pg, 7)
        catatan = [int(x) for x in shown_notes if x != "tidak ada data"]
        assert catatan == sorted(catatan)
        # a report with nothing to check says so (never "0"), and sorts last
        assert shown_notes[len(catatan) :] == ["tidak ada data"] * (PAGE_ROWS - len(catatan))
    finally:
        pg.close()
