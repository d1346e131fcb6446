"""Phone-first at 390 px: every NTT table shows its key figures (and its summary rows'
figures) on the first screen, without scrolling sideways; a column with one value in every
row is folded into a note; no reference line of any NTT chart runs through a text; the
home page's list of reports fits the screen. Screenshots: build/screenshots/*-390.png.

What a table's key figures are is written on its region by the drawn table (data-angka,
data-lipat: `Table.phone_attributes`); what is checked here is what the browser shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .test_phone import NTT, STILL, report_pages

if TYPE_CHECKING:
    from playwright.sync_api import Page

PHONE = {"width": 390, "height": 844}
BAB_3 = f"{NTT}bab-3-akuntabilitas-kinerja/"

# Each table region of the page as the reader first sees it (scrolled to its start): what
# sticks out of the screen, whether it scrolls sideways, what is folded and hidden.
TABLES = """() => [...document.querySelectorAll('.lkip-tabel[data-kunci]')].map(box => {
  box.scrollLeft = 0;
  const table = box.querySelector('table');
  const rows = [...table.rows];
  const head = [...table.tHead.rows[0].cells].map(c => c.innerText.trim());
  const key = Number(box.dataset.kunci);
  const figures = (box.dataset.angka || '').split(' ').filter(Boolean).map(Number);
  const folded = (box.dataset.lipat || '').split(' ').filter(Boolean).map(Number);
  const summary = (box.dataset.ringkasan || '').split(' ').filter(Boolean).map(Number)
    .map(i => table.tBodies[0].rows[i]);
  const shown = el => el.getClientRects().length > 0;
  const out = el => {
    const r = el.getBoundingClientRect();
    return r.left < -0.5 || r.right > innerWidth + 0.5;
  };
  const cut = [];
  for (const row of rows) {
    const cells = [...row.cells];
    // a summary row: its label and its figures (all of them in a table that scrolls)
    const columns = !summary.includes(row) ? figures
      : figures.length ? [key, ...figures] : cells.map((c, j) => j + 1).filter(j => j >= key);
    const wanted = columns.map(j => cells[j - 1]).filter(c => c && c.innerText.trim());
    for (const c of wanted) {
      if (!shown(c) || out(c)) cut.push(c.innerText.trim());
    }
  }
  const columns = head.map((h, j) => ({
    header: h,
    hidden: !shown(table.tHead.rows[0].cells[j]),
    values: [...new Set([...table.tBodies[0].rows].filter(r => !summary.includes(r))
      .map(r => r.cells[j].innerText.trim()))],
  }));
  const note = box.querySelector('.lkip-lipat');
  const toggle = box.querySelector('.lkip-kolom > summary');
  return {
    table: box.getAttribute('aria-label'), key, figures, folded, columns, cut,
    scrolls: box.scrollWidth > box.clientWidth + 1,
    rightAligned: [...table.querySelectorAll('td')]
      .some(td => td.style.textAlign === 'right' && td.innerText.trim()),
    note: note && shown(note) ? note.innerText : null,
    toggle: toggle && shown(toggle) ? toggle.innerText.trim() : null,
  };
})"""


def _ntt_pages(site: Path) -> list[str]:
    return [p for p in report_pages(site) if p.startswith(NTT)]


def test_every_ntt_table_shows_its_key_figures_first(
    page: Page, base_url: str, site_dir: Path
) -> None:
    page.set_viewport_size(PHONE)
    problems: list[str] = []
    seen: dict[str, Any] = {}
    for path in _ntt_pages(site_dir):
        page.goto(f"{base_url}{path}")
        assert page.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"]
        for t in page.evaluate(TABLES):
            where = f"{path} {t['table']}"
            seen.setdefault(t["table"], t)
            if t["rightAligned"] and not t["figures"]:
                problems.append(f"{where}: figures, but no key figures")
            if t["figures"] and t["scrolls"]:
                problems.append(f"{where}: scrolls sideways")
            if t["cut"]:
                problems.append(f"{where}: not in sight: {t['cut']}")
            for j in t["folded"]:
                col = t["columns"][j - 1]
                if len(col["values"]) != 1 or not col["hidden"]:
                    problems.append(f"{where}: folded {col} holds several values or shows")
                elif f"{col['header']}: {col['values'][0]}" not in (t["note"] or ""):
                    problems.append(f"{where}: no note for {col['header']}: {t['note']!r}")
            hidden = [c["header"] for c in t["columns"] if c["hidden"]]
            if hidden and not (t["toggle"] or "").startswith("Tampilkan semua kolom"):
                problems.append(f"{where}: hides {hidden}, toggle {t['toggle']!r}")
    assert not problems, "\n".join(problems)
    # the tables the tester named: Tabel 3.2's figures and its folded columns
    t32 = next(t for name, t in seen.items() if name.startswith("Tabel 3.2 "))
    assert [t32["columns"][j - 1]["header"] for j in t32["figures"]] == [
        "Target",
        "Realisasi",
        "Capaian",
    ]
    assert "Tahun Dasar 2020: NA untuk semua baris" in t32["note"], t32["note"]
    assert "Satuan: % untuk semua baris" in t32["note"], t32["note"]
    t322 = next(t for name, t in seen.items() if name.startswith("Tabel 3.22 "))
    assert [t322["columns"][j - 1]["header"] for j in t322["figures"]] == [
        "Pagu (Rp)",
        "Realisasi (Rp)",
        "Keuangan (%)",
    ]
    with_figures = [name for name, t in seen.items() if t["figures"]]
    assert len(seen) >= 35 and len(with_figures) >= 28, (len(seen), with_figures)
    assert not page.js_errors  # type: ignore[attr-defined]


def test_the_toggle_brings_back_the_table_as_printed(
    page: Page, base_url: str, screenshots: Path
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}{BAB_3}")
    page.add_style_tag(content=STILL)
    for anchor in ("tabel-3-2", "tabel-3-22"):
        box = page.locator(f"#{anchor}").locator("xpath=..")
        box.scroll_into_view_if_needed()
        box.screenshot(path=str(screenshots / f"{anchor}-390.png"))
    box = page.locator("#tabel-3-2").locator("xpath=..")
    headers = box.locator("thead th")
    assert [h.is_visible() for h in headers.all()] == [True, True, False, False, True, True, True]
    # the summary rows read on the first screen: label and figure
    mean = box.locator("tbody tr", has_text="Rata-rata capaian")
    for text in ("Rata-rata capaian", "81,44 %"):
        cell = mean.get_by_text(text, exact=True)
        r = cell.bounding_box()
        assert r is not None and r["x"] >= 0 and r["x"] + r["width"] <= PHONE["width"], text
    box.locator(".lkip-kolom > summary").click()
    assert all(h.is_visible() for h in headers.all())
    assert not box.locator(".lkip-lipat").is_visible()
    assert box.locator(".lkip-kolom > summary").inner_text().strip() == "Tampilkan kolom utama saja"
    box.screenshot(path=str(screenshots / "tabel-3-2-390-semua-kolom.png"))
    # as printed: the row numbers, the indicator, Satuan ... Capaian, left to right
    lefts = headers.evaluate_all("ths => ths.map(th => th.getBoundingClientRect().left)")
    assert lefts == sorted(lefts), lefts


def test_wide_screens_and_print_see_nothing_of_it(page: Page, base_url: str) -> None:
    """The note and the toggle exist on a phone only (the theme styles every <details>)."""
    page.goto(f"{base_url}{BAB_3}")
    shown = "els => els.filter(el => el.getClientRects().length > 0).length"
    assert page.locator(".lkip-ponsel").count() > 10
    for size, media in (({"width": 1366, "height": 900}, "screen"), (PHONE, "print")):
        page.set_viewport_size(size)
        page.emulate_media(media=media)
        assert page.locator(".lkip-ponsel").evaluate_all(shown) == 0, (size, media)
        grid = page.locator(".lkip-tabel[data-angka] table").evaluate_all(
            "ts => ts.filter(t => getComputedStyle(t).display === 'grid').length"
        )
        assert grid == 0, (size, media)


# Every text's box and every reference line of an SVG chart as Chromium draws it (in the
# root's user units), and each line that passes through a text, halo included.
CROSSINGS = """() => {
  const svg = document.documentElement;
  const root = svg.getScreenCTM().inverse();
  const box = el => {
    const b = el.getBBox(), m = root.multiply(el.getScreenCTM());
    const p = new DOMPoint(b.x, b.y).matrixTransform(m);
    const q = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(m);
    return [p.x - 2, q.x + 2, p.y - 2, q.y + 2];  // the white halo: 2 px around
  };
  const texts = [...svg.querySelectorAll('text')].map(t => [t.textContent, box(t)]);
  const lines = [...svg.querySelectorAll('g.mark-rule.role-mark line')].map(l => {
    const m = root.multiply(l.getScreenCTM());
    const a = new DOMPoint(0, 0).matrixTransform(m);
    const b = new DOMPoint(Number(l.getAttribute('x2')), Number(l.getAttribute('y2')))
      .matrixTransform(m);
    return [a.x, Math.min(a.y, b.y), Math.max(a.y, b.y)];
  });
  const hits = [];
  for (const [x, y0, y1] of lines)
    for (const [t, [bx0, bx1, by0, by1]] of texts)
      if (bx0 < x + 0.5 && x - 0.5 < bx1 && by0 < y1 && y0 < by1)
        hits.push(`x=${x.toFixed(1)} ${y0.toFixed(0)}-${y1.toFixed(0)}: ${t}`);
  return {lines: new Set(lines.map(l => l[0].toFixed(1))).size, texts: texts.length, hits};
}"""


def test_no_reference_line_crosses_a_label_on_any_ntt_chart(
    page: Page, base_url: str, site_dir: Path
) -> None:
    page.set_viewport_size(PHONE)
    charts: set[str] = set()
    for path in _ntt_pages(site_dir):
        page.goto(f"{base_url}{path}")
        charts |= set(
            page.eval_on_selector_all(
                "figure.lkip-grafik img",
                "imgs => imgs.flatMap(i => [i.src, i.currentSrc])",
            )
        )
    assert any(c.endswith("-sempit.svg") for c in charts), charts  # the phone's variant
    lines = 0
    problems = []
    for url in sorted(charts):
        page.goto(url)
        found = page.evaluate(CROSSINGS)
        assert found["texts"] > 5, url
        lines += found["lines"]
        problems += [f"{url.rsplit('/', 1)[-1]}: {hit}" for hit in found["hits"]]
    assert not problems, "\n".join(problems)
    assert len(charts) == 10 and lines == 10, (sorted(charts), lines)


def test_the_home_list_fits_a_phone(page: Page, base_url: str, screenshots: Path) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/")
    found = page.evaluate(
        """() => {
          const box = document.querySelector('.lkip-portal');
          const cells = [...box.querySelectorAll('th, td')];
          const out = cells.filter(c => {
            const r = c.getBoundingClientRect();
            return r.width === 0 || r.left < 0 || r.right > innerWidth + 0.5;
          }).map(c => c.innerText.trim());
          const scrollers = [...box.querySelectorAll('*')]
            .filter(el => el.scrollWidth > el.clientWidth + 1
              && getComputedStyle(el).overflowX !== 'visible').length;
          return {cells: cells.length, out, scrollers,
                  page: document.scrollingElement.scrollWidth};
        }"""
    )
    assert found["cells"] >= 8 * 3 and not found["out"], found
    assert found["scrollers"] == 0 and found["page"] <= PHONE["width"], found
    page.add_style_tag(content=STILL)
    page.screenshot(path=str(screenshots / "home-390.png"), full_page=True)
    # every header still sorts: Tahun among them, on screen
    page.locator(".lkip-portal th button", has_text="Tahun").click()
    assert page.locator(".lkip-portal th[aria-sort]").inner_text().startswith("Tahun")
    assert not page.js_errors  # type: ignore[attr-defined]
