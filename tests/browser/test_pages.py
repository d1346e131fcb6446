"""What a reader sees on the rendered pages, in a real browser."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

LKIP = "/ntt-disperindag-lkip-2021/"
RENJA = "/lebak-disperindag-renja-2021/"


def test_home_lists_both_reports(page: Page, base_url: str, screenshots: Path) -> None:
    page.goto(f"{base_url}/")
    article = page.locator("article")
    links = article.locator("a").evaluate_all("els => els.map(a => new URL(a.href).pathname)")
    assert LKIP in links, links
    assert RENJA in links, links
    for path in (LKIP, RENJA):
        assert article.locator(f'a[href$="{path.strip("/")}/"]').first.is_visible()
    page.screenshot(path=str(screenshots / "home.png"), full_page=True)
    # Each link opens its report.
    article.locator(f'a[href$="{LKIP.strip("/")}/"]').first.click()
    page.wait_for_url(f"{base_url}{LKIP}")
    assert "LKIP 2021" in (page.locator("article h1").first.text_content() or "")
    assert not page.js_errors, page.js_errors  # type: ignore[attr-defined]


def test_tabel_3_2_shows_the_mean_and_its_category(
    page: Page, base_url: str, screenshots: Path
) -> None:
    page.goto(f"{base_url}{LKIP}bab-3-akuntabilitas-kinerja/")
    caption = page.locator("#tabel-3-2")
    caption.scroll_into_view_if_needed()
    # The first table after the caption is Tabel 3.2 (Material wraps tables in a div).
    table = caption.locator("xpath=following::table[1]")
    table.wait_for()
    rows = table.locator("tr").evaluate_all(
        "trs => trs.map(tr => [...tr.cells].map(c => c.innerText.trim()))"
    )
    mean = next(r for r in rows if "Rata-rata capaian" in r)
    kategori = next(r for r in rows if "Kategori" in r)
    assert "81,44 %" in mean, mean
    assert "Berhasil" in kategori, kategori
    # Shown, not only present: the cells are visible to a reader.
    assert table.get_by_text("81,44 %", exact=True).is_visible()
    assert table.get_by_text("Berhasil", exact=True).first.is_visible()
    # Screenshot only: keep the sticky header from covering the table's head row.
    page.add_style_tag(content=".md-header { position: absolute; }")
    table.screenshot(path=str(screenshots / "tabel-3-2.png"))
    assert not page.js_errors, page.js_errors  # type: ignore[attr-defined]


def test_charts_render_with_their_text_alternative(
    page: Page, base_url: str, screenshots: Path
) -> None:
    page.goto(f"{base_url}{LKIP}bab-3-akuntabilitas-kinerja/")
    images = page.locator("figure.lkip-grafik img")
    assert images.count() == 5
    for i in range(images.count()):
        img = images.nth(i)
        img.scroll_into_view_if_needed()
        img.wait_for()
        size = img.evaluate("el => el.complete ? [el.naturalWidth, el.naturalHeight] : [0, 0]")
        assert size[0] > 100 and size[1] > 50, size  # the SVG loaded and has a size
        assert len(img.get_attribute("alt") or "") > 40
    page.add_style_tag(content=".md-header { position: absolute; }")
    page.locator("figure.lkip-grafik").first.screenshot(
        path=str(screenshots / "grafik-capaian.png")
    )
    assert not page.js_errors, page.js_errors  # type: ignore[attr-defined]


def test_download_links_work(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}{LKIP}bab-3-akuntabilitas-kinerja/")
    links = page.locator(".lkip-unduh a").evaluate_all("els => els.map(a => a.href)")
    assert len(links) >= 2 * 20
    for href in (links[0], links[1], *links[-2:]):
        response = page.request.get(href)
        assert response.ok, href
        body = response.body()
        assert body.startswith(b"\xef\xbb\xbf") if href.endswith(".csv") else body.startswith(b"PK")
    response = page.request.get(f"{base_url}{LKIP}unduh/ntt-disperindag-lkip-2021-data.json")
    assert response.ok and response.json()["tabel"]
    # the cover links the PDF (this build has Chromium, so it printed one)
    page.goto(f"{base_url}{LKIP}")
    pdf = page.get_by_role("link", name="Laporan lengkap (PDF)")
    response = page.request.get(pdf.evaluate("a => a.href"))
    assert response.ok and response.body().startswith(b"%PDF-")


def test_print_view_hides_the_site_chrome(page: Page, base_url: str, screenshots: Path) -> None:
    page.goto(f"{base_url}{LKIP}cetak/")
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".lkip-unduh").first.is_visible()
    assert page.locator("#tabel-3-24").count() == 1
    page.screenshot(path=str(screenshots / "cetak.png"))
