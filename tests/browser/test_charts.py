"""Charts on a phone and on a desktop: the right variant is loaded, at the width the
legibility test (tests/test_charts.py) assumes, with its alt text and caption."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tests.test_charts import PHONE_COLUMN, WIDE_MIN_COLUMN

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHAPTER = "/ntt-disperindag-lkip-2021/bab-3-akuntabilitas-kinerja/"


def _shown(browser: Browser, base_url: str, width: int, shot: Path | None = None) -> list:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="id-ID")
    page = context.new_page()
    try:
        page.goto(f"{base_url}{CHAPTER}")
        images = page.locator("figure.lkip-grafik img")
        out = []
        for i in range(images.count()):
            img = images.nth(i)
            img.scroll_into_view_if_needed()
            page.wait_for_function(
                "el => el.complete && el.naturalWidth > 0", arg=img.element_handle()
            )
            out.append(
                img.evaluate(
                    "el => [el.currentSrc.split('/').pop(), el.naturalWidth,"
                    " el.getBoundingClientRect().width, el.alt.length,"
                    " el.closest('figure').querySelector('figcaption').innerText]"
                )
            )
        if shot is not None:
            page.add_style_tag(content=".md-header { position: absolute; }")
            page.locator("figure.lkip-grafik").first.screenshot(path=str(shot))
        return out
    finally:
        context.close()


def test_a_phone_gets_the_narrow_chart_at_its_own_size(
    browser: Browser, base_url: str, screenshots: Path
) -> None:
    shown = _shown(browser, base_url, 360, screenshots / "grafik-capaian-360.png")
    assert len(shown) == 5
    for src, natural, width, alt, caption in shown:
        assert src.endswith("-sempit.svg"), src
        assert width >= min(natural, PHONE_COLUMN) - 0.5, (src, width)
        assert alt > 40 and caption.startswith("Grafik: ")


def test_a_desktop_gets_the_wide_chart(browser: Browser, base_url: str, screenshots: Path) -> None:
    for viewport in (601, 1366):
        shown = _shown(browser, base_url, viewport, screenshots / f"grafik-capaian-{viewport}.png")
        for src, natural, width, _, _ in shown:
            assert src.endswith(".svg") and not src.endswith("-sempit.svg"), src
            assert width >= min(natural, WIDE_MIN_COLUMN) - 0.5, (viewport, src, width)
