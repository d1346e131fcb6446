"""Phones: every summary row of every table reads label and values together at 360 px
(the values a phone shows; the others wait behind the table's "Tampilkan semua kolom"),
no page scrolls sideways, and screenshots of the main pages at 360 and 1366 px.

The tables and their summary rows (totals, means, their category) are read from the page:
each table's wrapper carries `data-kunci` (the column naming the rows) and
`data-ringkasan` (the summary rows), written from the drawn `Table` (key_column,
ringkasan). tests/test_table_columns.py checks those against the documents' tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1366, "height": 900}
A4_TEXT = {"width": 680, "height": 960}  # A4 less the @page margins (180 mm), in CSS px
NTT = "/ntt-disperindag-lkip-2021/"
# What a person looks at (build/screenshots/<name>-<width>.png).
SHOTS = {
    "home": "/",
    "ntt-mulai": NTT,
    "ntt-bab-3": f"{NTT}bab-3-akuntabilitas-kinerja/",
    "ntt-verifikasi": f"{NTT}catatan-verifikasi/",
    "ntt-cetak": f"{NTT}cetak/",
}
# Long pages (the print view is the whole report) are cut here, to stay viewable.
MAX_HEIGHT = 12_000
# Screenshots only: Material's back-to-top button floats over the content, and over a
# table's shot its sticky header too (a full-page shot has the header at the top anyway).
NO_TOP = ".md-top { display: none !important; }"
STILL = ".md-header { position: absolute; } " + NO_TOP


def report_pages(site: Path) -> list[str]:
    """Every built page of every report in data/ (whatever pages and tables exist)."""
    ids = sorted(p.name for p in (ROOT / "data").iterdir() if (p / "laporan.yml").is_file())
    found = []
    for rid in ids:
        for index in sorted((site / rid).rglob("index.html")):
            found.append("/" + index.parent.relative_to(site).as_posix() + "/")
    return found


def summary_rows(page: Page) -> list[dict[str, Any]]:
    """Each summary row on the page: table, row index, key column, label and value cells."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.lkip-tabel[data-ringkasan]')].flatMap(
            (box, t) => {
              const key = Number(box.dataset.kunci);
              const rows = box.querySelector('table').tBodies[0].rows;
              return box.dataset.ringkasan.split(' ').filter(Boolean).map(Number).map(i => {
                const cells = [...rows[i].cells];
                return {
                  table: box.getAttribute('aria-label'), t, i, key,
                  label: cells[key - 1].innerText.trim(),
                  values: cells.map((c, j) => j).filter(
                    j => j >= key && cells[j].innerText.trim() !== ''
                      && cells[j].getClientRects().length > 0),
                  // figures a phone keeps behind "Tampilkan semua kolom" (lkip.css)
                  hidden: cells.filter((c, j) => j >= key && c.innerText.trim() !== ''
                    && c.getClientRects().length === 0).length,
                  toggle: !!box.querySelector('.lkip-kolom'),
                };
              });
            })"""
    )


# The value cell scrolled into view (as a reader's thumb does), then: both cells wholly
# inside the viewport and each the topmost element at its centre (not under the sticky
# label column, not under the page's header).
SEEN_TOGETHER = """([t, i, key, j]) => {
    const box = document.querySelectorAll('.lkip-tabel[data-ringkasan]')[t];
    const cells = box.querySelector('table').tBodies[0].rows[i].cells;
    const label = cells[key - 1], value = cells[j];
    box.scrollLeft = 0;
    value.scrollIntoView({block: 'center', inline: 'nearest'});
    const seen = el => {
      const r = el.getBoundingClientRect();
      const inside = r.left >= 0 && r.right <= innerWidth + 0.5
        && r.top >= 0 && r.bottom <= innerHeight;
      const top = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
      return {inside, onTop: !!top && el.contains(top),
              rect: [r.left, r.right, r.top, r.bottom].map(Math.round)};
    };
    return {label: seen(label), value: seen(value), text: value.innerText.trim()};
}"""


def test_summary_rows_show_label_and_value_together_on_a_phone(
    page: Page, base_url: str, site_dir: Path
) -> None:
    page.set_viewport_size(PHONE)
    pages = report_pages(site_dir)
    assert f"{NTT}bab-3-akuntabilitas-kinerja/" in pages, pages
    checked: list[str] = []
    problems = []
    for path in pages:
        page.goto(f"{base_url}{path}")
        page.add_style_tag(content=NO_TOP)
        for row in summary_rows(page):
            assert row["values"], f"{path}: {row['table']}, {row['label']!r}: no value"
            assert row["toggle"] or not row["hidden"], f"{path}: {row['table']}: hidden"
            for j in row["values"]:
                seen = page.evaluate(SEEN_TOGETHER, [row["t"], row["i"], row["key"], j])
                where = f"{path} {row['table']}: {row['label']!r} / {seen['text']!r}"
                checked.append(where)
                for part in ("label", "value"):
                    if not (seen[part]["inside"] and seen[part]["onTop"]):
                        problems.append(f"{where}: {part} not in sight {seen[part]}")
    assert not problems, "\n".join(problems)
    # the pages have summary rows at all (Tabel 3.2's mean among them)
    assert any("Tabel 3.2" in c and "Rata-rata capaian" in c for c in checked), checked
    assert not page.js_errors, page.js_errors  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360", "1366"])
@pytest.mark.parametrize("name", list(SHOTS))
def test_page_fits_and_is_screenshot(
    page: Page, base_url: str, screenshots: Path, name: str, size: dict[str, int]
) -> None:
    page.set_viewport_size(size)
    page.goto(f"{base_url}{SHOTS[name]}")
    page.wait_for_load_state("load")
    # only a table's own box may scroll sideways, never the page
    width = page.evaluate("() => document.scrollingElement.scrollWidth")
    assert width <= size["width"], f"{SHOTS[name]} is {width} px wide at {size['width']} px"
    page.add_style_tag(content=NO_TOP)
    height = min(MAX_HEIGHT, page.evaluate("() => document.scrollingElement.scrollHeight"))
    clip = {"x": 0, "y": 0, "width": size["width"], "height": height}
    path = screenshots / f"{name}-{size['width']}.png"
    page.screenshot(path=str(path), full_page=True, clip=clip)
    assert not page.js_errors, page.js_errors  # type: ignore[attr-defined]


def test_tabel_3_2_on_a_phone(page: Page, base_url: str, screenshots: Path) -> None:
    """Tabel 3.2 as first seen and scrolled to its end: the indicator names stay."""
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}{NTT}bab-3-akuntabilitas-kinerja/")
    page.add_style_tag(content=STILL)
    box = page.locator("#tabel-3-2").locator("xpath=..")
    box.scroll_into_view_if_needed()
    box.screenshot(path=str(screenshots / "tabel-3-2-360.png"))
    # the numbering column is narrow, the indicator names have room
    widths = box.locator("thead th").evaluate_all(
        "ths => ths.map(th => th.getBoundingClientRect().width)"
    )
    assert widths[0] < 50 and widths[1] > 120, widths
    box.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    box.screenshot(path=str(screenshots / "tabel-3-2-360-geser.png"))
    name = box.get_by_text("Persentase Kenaikan Harga setiap tahun", exact=True)
    inside = name.evaluate(
        "(el, box) => { const r = el.getBoundingClientRect(), b = box.getBoundingClientRect();"
        " return r.left >= b.left && r.right <= b.right; }",
        box.element_handle(),
    )
    assert inside, "the indicator names scrolled away with the figures"


def test_print_has_whole_tables_and_nothing_sticky(page: Page, base_url: str) -> None:
    """In print (and the PDF) tables are whole: none cut at the page's edge (Tabel 3.2 once
    lost its Capaian column there), no sticky cells, no scroll shadows."""
    page.set_viewport_size(A4_TEXT)
    page.goto(f"{base_url}{NTT}cetak/")
    page.emulate_media(media="print")
    cut = page.evaluate(
        """() => [...document.querySelectorAll('.lkip-tabel')]
          .filter(box => box.scrollWidth > box.clientWidth + 1
            || box.querySelector('table').getBoundingClientRect().right
               > box.getBoundingClientRect().right + 1)
          .map(box => box.getAttribute('aria-label'))"""
    )
    assert not cut, f"cut in print: {cut}"
    found = page.evaluate(
        """() => {
          const sticky = [...document.querySelectorAll('.lkip-tabel, .lkip-tabel *')]
            .filter(el => getComputedStyle(el).position === 'sticky').length;
          const shaded = [...document.querySelectorAll('.lkip-tabel')]
            .filter(el => getComputedStyle(el).backgroundImage !== 'none').length;
          const tables = document.querySelectorAll('.lkip-tabel').length;
          return {sticky, shaded, tables};
        }"""
    )
    assert found["tables"] > 10 and found["sticky"] == 0 and found["shaded"] == 0, found


def test_keyboard_focus_stays_on_screen_on_a_phone(page: Page, base_url: str) -> None:
    """At 360 px the closed menu drawer is off-screen: Tab must not walk into it. Each of
    the first 15 Tab stops of the start page is visible (inside the viewport, not hidden),
    and the content's first link is among them."""
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}{NTT}")
    page.wait_for_timeout(300)  # the drawer's closing transition, if any
    off_screen = []
    reached_content = False
    for i in range(15):
        page.keyboard.press("Tab")
        where = page.evaluate(
            "() => { const el = document.activeElement; const r = el.getBoundingClientRect();"
            " return {tag: el.tagName, text: (el.textContent || '').trim().slice(0, 40),"
            " inside: r.right > 0 && r.left < innerWidth && r.width > 0,"
            " content: !!el.closest('.md-content')}; }"
        )
        reached_content = reached_content or where["content"]
        if not where["inside"] and where["tag"] not in ("INPUT", "BODY"):
            off_screen.append((i + 1, where["tag"], where["text"]))
    assert not off_screen, off_screen
    assert reached_content, "15 Tab presses never reached the page's content"
