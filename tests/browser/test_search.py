"""Search as a reader uses it: type into Material's search box, read the result links.

The configuration under test is `plugins: search` in mkdocs.yml (no stemmer, a separator that
keeps "13.519.650.516" and "88,64" whole).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import pretty

if TYPE_CHECKING:
    from playwright.sync_api import Page

LKIP = "/ntt-disperindag-lkip-2021"
BAB_2 = f"{LKIP}/bab-2-perencanaan-kinerja/"
BAB_3 = f"{LKIP}/bab-3-akuntabilitas-kinerja/"
RINGKASAN = f"{LKIP}/ringkasan-eksekutif/"
READY = "Ketik untuk mulai pencarian"
DONE = re.compile(r"dokumen ditemukan|Tidak ada dokumen yang sesuai")


def search(page: Page, base_url: str, query: str) -> list[dict[str, str]]:
    """Open the home page, type `query` into the search box, wait for the results and return
    every rendered result link: its path, fragment, title and full href."""
    page.goto(f"{base_url}/")
    box = page.locator("input.md-search__input")
    box.click()
    # The index is built in a web worker; the meta line says when it is ready.
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta')?.textContent === text",
        arg=READY,
    )
    # Material searches on keyup. Typing key by key would send "r", "rp", ... and the wait
    # below could read the results of a prefix. So set the text, then press a key once: one
    # keyup, one query, the whole text.
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "re => new RegExp(re).test(document.querySelector('.md-search-result__meta')"
        "?.textContent ?? '')",
        arg=DONE.pattern,
    )
    assert page.input_value("input.md-search__input") == query
    links = page.eval_on_selector_all(
        "a.md-search-result__link",
        """els => els.map(a => ({
            href: a.href,
            title: (a.querySelector('h1, h2')?.textContent ?? '').trim(),
        }))""",
    )
    results = []
    for link in links:
        url = urlsplit(link["href"])
        results.append({**link, "path": url.path, "fragment": url.fragment})
    return results


def paths(results: list[dict[str, str]]) -> list[str]:
    return list(dict.fromkeys(r["path"] for r in results))


def page_text(site_dir: Path, path: str) -> str:
    raw = (site_dir / path.strip("/") / "index.html").read_text(encoding="utf-8")
    body = raw[raw.find("<article") : raw.find("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def shot(page: Page, screenshots: Path, name: str) -> None:
    page.screenshot(path=str(screenshots / f"search-{name}.png"))


QUERIES = [
    # (query, pages that must be among the results, name of the screenshot)
    ("Garam Pintar", {BAB_3}, "garam-pintar"),
    ("kelor", {BAB_3}, "kelor"),
    ("Stabilisasi Harga", {BAB_3}, "stabilisasi-harga"),
    ("SIINas", {BAB_3}, "siinas"),
]


@pytest.mark.parametrize(("query", "expected", "name"), QUERIES, ids=[q[2] for q in QUERIES])
def test_search_finds_the_page(
    page: Page, base_url: str, screenshots: Path, query: str, expected: set[str], name: str
) -> None:
    results = search(page, base_url, query)
    shot(page, screenshots, name)
    found = paths(results)
    assert expected <= set(found), f"{query!r}: expected {expected} among {pretty(found)}"
    assert not page.js_errors, page.js_errors  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("query", "expected", "name"),
    [
        # An amount as written, with dots: one token, not "13", "519", ...
        ("13.519.650.516", {BAB_2, BAB_3}, "amount"),
        # A percentage with a decimal comma.
        ("88,64", {BAB_3, RINGKASAN}, "percentage"),
    ],
    ids=["amount", "percentage"],
)
def test_search_finds_a_number_as_written(
    page: Page,
    base_url: str,
    site_dir: Path,
    screenshots: Path,
    query: str,
    expected: set[str],
    name: str,
) -> None:
    results = search(page, base_url, query)
    shot(page, screenshots, name)
    found = paths(results)
    assert expected <= set(found), f"{query!r}: expected {expected} among {pretty(found)}"
    # Precision: every page found really has the number. Were the number split at its dots
    # or comma, its pieces ("13", "64") would find pages that do not have it.
    without = [p for p in found if query not in page_text(site_dir, p)]
    assert not without, f"{query!r} found pages that do not contain it: {without}"


def test_amount_written_with_rp_is_found(page: Page, base_url: str) -> None:
    """The separator splits "Rp" off an amount: "Rp310.900.000" (the PK's revised revenue,
    written only so, in prose) is found by the bare amount, and so is the Rp form, in any case."""
    for query in ("310.900.000", "Rp310.900.000", "rp310.900.000"):
        results = search(page, base_url, query)
        assert f"{LKIP}/lampiran-perjanjian-kinerja/" in paths(results), pretty(results)
        marks = set(page.locator(".md-search-result mark").all_text_contents())
        assert marks == {"310.900.000"}, marks


def test_percentage_typed_with_its_sign(page: Page, base_url: str) -> None:
    assert {BAB_3, RINGKASAN} <= set(paths(search(page, base_url, "88,64%")))


@pytest.mark.parametrize(
    ("query", "expected"),
    [("IKU", BAB_2), ("RKT", BAB_2), ("P3DN", BAB_3), ("BPSK", f"{LKIP}/bab-1-pendahuluan/")],
)
def test_acronym_written_in_parentheses(
    page: Page, base_url: str, query: str, expected: str
) -> None:
    """These acronyms appear only as "(IKU)", "(RKT)", ...: the brackets must not stick to
    the word, or "iku*" never matches "(iku)"."""
    assert expected in paths(search(page, base_url, query))


def test_indicator_name_leads_to_its_section(page: Page, base_url: str) -> None:
    results = search(page, base_url, "SIINas")
    titled = [r for r in results if "SIINas" in r["title"]]
    assert titled, pretty(results)
    assert titled[0]["path"] == BAB_3, pretty(titled)
    assert titled[0]["fragment"].startswith("329-"), pretty(titled)


def test_no_english_stemming(page: Page, base_url: str, site_dir: Path) -> None:
    """ "nasional" is "nasion" to the English stemmer, so a stemmed index would miss it."""
    results = search(page, base_url, "nasional")
    assert BAB_3 in paths(results), pretty(results)
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    config = index["config"]
    assert "stemmer" not in config["pipeline"], config
    assert "stopWordFilter" not in config["pipeline"], config


def test_result_link_opens_the_page_and_highlights(
    page: Page, base_url: str, screenshots: Path
) -> None:
    results = search(page, base_url, "Garam Pintar")
    # A section that matched (the page's own entry may carry no terms, and so no ?h=).
    first = next(r for r in results if r["path"] == BAB_3 and parse_qs(urlsplit(r["href"]).query))
    page.locator(f'a.md-search-result__link[href="{first["href"]}"]').first.click()
    page.wait_for_url(re.compile(re.escape(BAB_3)))
    assert urlsplit(page.url).path == BAB_3
    title = page.locator("article h1").first.text_content() or ""
    assert title.rstrip("¶") == "Bab III Akuntabilitas Kinerja", title
    # search.highlight marks the words of the query on the page opened from a result.
    marks = page.locator("article mark[data-md-highlight]")
    marks.first.wait_for()
    marked = [m.lower() for m in marks.all_text_contents()]
    assert "garam pintar" in marked, marked
    marks.filter(has_text="Pintar").first.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "search-garam-pintar-opened.png"))
    assert not page.js_errors, page.js_errors  # type: ignore[attr-defined]


def test_prose_ranks_above_a_table_that_repeats_the_word(page: Page, base_url: str) -> None:
    """ "kelor" is discussed in §3.2.3 (the new export commodity) and listed in Tabel 2.7:
    the section comes first; the table is still found, as a result of its own, at its
    anchor (lkip_build/searchindex.py)."""
    results = search(page, base_url, "kelor")
    hrefs = [f"{r['path']}#{r['fragment']}" for r in results]
    section = f"{BAB_3}#323-persentase-peningkatan-jumlah-komoditas-ekspor"
    table = f"{BAB_2}#tabel-2-7"
    assert section in hrefs and table in hrefs, pretty(results)
    assert hrefs.index(section) < hrefs.index(table)
    assert results[hrefs.index(table)]["title"].startswith("Tabel 2.7 Program dan Kegiatan")


def test_a_result_shows_the_lines_around_the_match(page: Page, base_url: str) -> None:
    """The result of a long table shows the match and a few lines, not the whole dump
    (content/assets/lkip-cari.js)."""
    search(page, base_url, "kelor")
    shown_any = False
    for article in page.locator(".md-search-result__article:has(mark)").all():
        if not article.is_visible():  # under "n lagi di halaman ini"
            continue
        shown_any = True
        shown = article.inner_text()
        assert len(shown) < 600, shown
        assert "kelor" in shown.lower()
    assert shown_any


def test_serapan_finds_the_headline_on_the_start_page(page: Page, base_url: str) -> None:
    """The headline cards carry the words readers type, with their figure in the same
    paragraph (lkip_build/sorotan.py); Bab III itself never says "serapan". The cards are
    found once, on the start page: the Ringkasan Eksekutif repeats them out of the index."""
    results = search(page, base_url, "serapan")
    assert f"{LKIP}/" in paths(results), pretty(results)
    assert RINGKASAN not in paths(results), pretty(results)
    start = page.locator(f'a.md-search-result__link[href*="{LKIP}/?h="]').first
    assert "97,32 %" in start.inner_text() and "92,67 %" in start.inner_text()
    for query in ("anggaran", "capaian"):
        assert f"{LKIP}/" in paths(search(page, base_url, query)), query


def test_tables_stay_findable_by_their_cells(page: Page, base_url: str, site_dir: Path) -> None:
    """A table's cells are out of its section's text but in an entry of its own."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    # a cell of Tabel 2.7 and 3.23 that no paragraph has: only in the tables' own entries
    cell = "Minuman Tradisional Beralkohol"
    having = sorted(d["location"].split("/")[-1] for d in index["docs"] if cell in d["text"])
    assert having == ["#tabel-2-7", "#tabel-3-23"], having
    assert all(d["boost"] < 1 for d in index["docs"] if d["location"].endswith("#tabel-2-7"))
    results = search(page, base_url, "2.033.972.202")
    assert any(r["fragment"] == "tabel-3-24" for r in results), pretty(results)
