"""The portal's one search over every report (lkip_build/publish/portalsearch.py, Pagefind,
content/assets/lkip-portal.js), in Chromium on the built site: a word that occurs only in
one report's table, typed on the home page or reached from inside another report, comes
back as that table's row with its figures; the filters narrow it; the result leads to the
row, marked. And the home page's list of reports at 25.000 rows: what a phone downloads and
how long until the first row, the same as at 300 (its cost does not grow with reports)."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import markdown
import pytest

from lkip_build.present.page import PageContext
from lkip_build.present.portal import PAGE_ROWS, m_daftar_laporan, row_of, row_pages

from ..conftest import ROOT, built
from .conftest import _QuietHandler

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# LKIP 2021 NTT, Tabel 3.5 (seed line 788): "1 Beras kg 10.950 10.143 -807 -7,37%"; the
# Lebak renja fragment has no price table, and no prose of either report says "beras"
BERAS_2021 = "10.143"


def results(page: Page) -> list[str]:
    page.wait_for_function(
        "() => /hasil|Tidak ada/.test(document.querySelector('.lkip-cari-status').textContent)"
    )
    page.wait_for_timeout(300)  # the results' fragments
    return page.locator(".lkip-cari-item").all_inner_texts()


def test_a_word_in_one_report_table_is_found_from_the_home_page(page: Page, base_url: str) -> None:
    fetched: list[str] = []
    page.on("requestfinished", lambda r: fetched.append(r.url))
    page.goto(f"{base_url}/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in fetched if "/pagefind/" in u]  # nothing until the reader types
    page.locator("#lkip-cari-q").fill("beras")
    found = results(page)
    assert len(found) == 1 and found[0].startswith("Beras")
    # a query downloads its words' chunks and its results, never the filters' files (they
    # grow with the index): those come when the reader opens the filters
    assert [u for u in fetched if "/pagefind/index/" in u]
    assert not [u for u in fetched if "/pagefind/filter/" in u]
    item = page.locator(".lkip-cari-item").first
    assert item.get_attribute("data-bagian") == "Tabel"
    assert BERAS_2021 in item.locator(".lkip-cari-baris").inner_text()
    assert "Tabel 3.5" in item.locator(".lkip-cari-tabel").inner_text()
    # a prefix, as Indonesian is typed: "bera" finds it too
    page.locator("#lkip-cari-q").fill("bera")
    assert any(r.startswith("Beras") for r in results(page))
    assert page.js_errors == [] and page.blocked == []  # type: ignore[attr-defined]


def test_from_inside_another_report_and_on_to_the_row(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/lebak-disperindag-renja-2021/")
    page.locator(".lkip-portal-tautan").click()
    page.wait_for_url("**/cari/")
    page.locator("#lkip-cari-q").fill("harga beras")
    found = results(page)
    assert len(found) == 1 and BERAS_2021 in found[0]
    # the address carries the query: a result list can be shared
    assert "kata=harga+beras" in page.url
    page.locator(".lkip-cari-item a").first.click()
    page.wait_for_load_state()
    assert "/ntt-disperindag-lkip-2021/bab-3-akuntabilitas-kinerja/" in page.url
    marked = page.locator("tr.lkip-baris-dicari")
    assert marked.count() == 1 and "Beras" in marked.inner_text()
    assert BERAS_2021 in marked.inner_text()
    assert page.js_errors == []  # type: ignore[attr-defined]


def test_filters_narrow_the_results(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/cari/?kata=beras")
    assert len(results(page)) == 1
    page.locator("summary", has_text="Saring").click()
    page.get_by_label("Tingkat").select_option("Kabupaten")
    assert results(page) == []
    assert "Tidak ada hasil" in page.locator(".lkip-cari-status").inner_text()
    # no word, one filter: every report of that kind, as its own result
    page.goto(f"{base_url}/cari/?bagian=Laporan")
    found = results(page)
    assert len(found) == 2
    assert any("Renja 2021" in r for r in found) and any("LKIP 2021" in r for r in found)
    page.get_by_label("Tahun").select_option("2021")
    assert len(results(page)) == 2


def _home(out: Path, n: int) -> Path:
    """A home page of `n` reports (rows of the two real ones under other ids, years and
    levels), rendered as the site renders it, with its JSON pages, stylesheet and script."""
    repo = built(ROOT)
    base = [row_of(h, repo.findings[h.report.id]) for h in repo.hasil]
    levels = ["nasional", "provinsi", "kabupaten", "kota"]
    rows = [
        replace(
            base[i % 2],
            id=f"laporan-{i:05d}",
            instansi=f"Dinas Uji {i:05d}",
            tahun=2018 + i % 5,
            tingkat=levels[i % 4],
        )
        for i in range(n)
    ]
    context = PageContext("index.md", None, {}, {}, rows, [])
    body = markdown.markdown(m_daftar_laporan([], context), extensions=["tables", "md_in_html"])
    folder = out / str(n)
    (folder / "assets").mkdir(parents=True)
    for path, text in row_pages(rows).items():
        (folder / path).parent.mkdir(exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    for name in ("lkip-daftar.js", "lkip.css"):
        (folder / "assets" / name).write_bytes((ROOT / "content" / "assets" / name).read_bytes())
    (folder / "index.html").write_text(
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width">'
        '<link rel="stylesheet" href="assets/lkip.css"></head>'
        f'<body><article class="md-typeset">{body}</article>'
        '<script src="assets/lkip-daftar.js"></script></body></html>',
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[int, str]]:
    """Both home pages served over HTTP (the pages of rows are fetched)."""
    out = tmp_path_factory.mktemp("beranda")
    for n in (300, 25_000):
        _home(out, n)
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {n: f"http://127.0.0.1:{server.server_address[1]}/{n}/" for n in (300, 25_000)}
    finally:
        server.shutdown()
        server.server_close()


def _load(browser: Browser, url: str) -> tuple[int, float, Page]:
    """Bytes fetched by a phone-sized page until its first row shows, and the time."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    fetched: list[int] = []
    pg.on("requestfinished", lambda r: fetched.append(len(r.response().body())))  # type: ignore[union-attr]
    start = time.perf_counter()
    pg.goto(url)
    pg.locator(".lkip-portal tbody tr").first.wait_for()
    return sum(fetched), time.perf_counter() - start, pg


def test_the_home_list_at_25000_reports_costs_what_it_costs_at_300(
    browser: Browser, homes: dict[int, str]
) -> None:
    small, t_small, pg_small = _load(browser, homes[300])
    large, t_large, pg = _load(browser, homes[25_000])
    try:
        # the page holds one page of rows whatever the count: bytes within a few per cent
        # (the count of reports and pages is in it), time to first row alike
        assert large <= small * 1.05, (small, large)
        assert pg.locator(".lkip-portal tbody tr").count() == PAGE_ROWS
        print(
            f"\nberanda: 300 laporan {small} B, {t_small:.2f} s; 25.000 {large} B, {t_large:.2f} s"
        )
        assert "25000 laporan, 250 halaman" in pg.locator(".lkip-portal-jumlah").inner_text()
        pg.get_by_text("Berikutnya ›").click()
        pg.get_by_text("Halaman 2 dari 250").wait_for()
        first = pg.locator(".lkip-portal tbody tr").first.locator("td").first
        assert first.locator("a").get_attribute("href", timeout=5_000).endswith("/")  # type: ignore[union-attr]
        assert pg.locator(".lkip-portal tbody tr").count() == PAGE_ROWS
    finally:
        pg.context.close()
        pg_small.context.close()
