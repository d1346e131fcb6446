"""Tables in the search index: an entry of their own, at their anchor, with a lower boost."""

from __future__ import annotations

import json
from pathlib import Path

from lkip_build.present.searchindex import (
    TABLE_BOOST,
    add_tables,
    merged,
    table_entries,
    table_entry,
)
from lkip_build.present.table import Table


def small() -> Table:
    return Table(
        header=["No", "Program", "Pagu"],
        rows=[["1", "Program <Satu> & Dua", "1.000"], ["", ["baris", "dua"], "-"]],
        align="llr",
        nomor="3.22",
        judul="Realisasi Anggaran",
        anchor="tabel-3-22",
        sumber_data="Dinas Uji",
    )


def test_a_table_entry_has_its_title_cells_and_anchor() -> None:
    e = table_entry(small(), "uji/bab-3/")
    assert e["location"] == "uji/bab-3/#tabel-3-22"
    assert e["title"] == "Tabel 3.22 Realisasi Anggaran"
    # cells are text, escaped (the theme inserts the text as HTML), one paragraph a row
    assert e["text"] == (
        "<p>No Program Pagu</p><p>1 Program &lt;Satu&gt; &amp; Dua 1.000</p>"
        "<p>baris dua -</p><p>Sumber Data: Dinas Uji</p>"
    )
    assert e["boost"] == TABLE_BOOST < 1


def test_pages_search_does_not_index_give_no_entries() -> None:
    rendered = {"uji/bab-3.md": {"tabel-3-22": small()}, "uji/cetak.md": {"tabel-3-22": small()}}
    entries = table_entries(rendered, {"uji/bab-3.md": "uji/bab-3/"})
    assert [e["location"] for e in entries] == ["uji/bab-3/#tabel-3-22"]


def test_entries_are_added_to_the_themes_index(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    index = tmp_path / "search" / "search_index.json"
    index.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": [{"location": "a/"}]}))
    add_tables(tmp_path, table_entries({"a.md": {"t": small()}}, {"a.md": "a/"}))
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    assert [d["location"] for d in docs] == ["a/", "a/#tabel-3-22"]
    add_tables(tmp_path / "nothing", [])  # a site without search: nothing to do


def _entry(location: str, text: str = "") -> dict[str, object]:
    return {"location": location, "title": location, "text": text}


def test_a_preview_rebuild_keeps_the_pages_it_did_not_render() -> None:
    """The theme writes only the pages a dirty rebuild rendered; the rest stay as before,
    a rendered page's old entries go, and so does a page no longer in the site."""
    kept: dict[str, list[dict[str, object]]] = {}
    first = [_entry(""), _entry("a/"), _entry("a/#s1"), _entry("b/"), _entry("c/")]
    assert merged(kept, first, {"", "a/", "b/", "c/"}, {"", "a/", "b/", "c/"}) == first
    # a save renders the home page and a/ again; a/ lost a section; c/ was deleted
    again = [_entry("", "baru"), _entry("a/", "baru")]
    out = merged(kept, again, {"", "a/"}, {"", "a/", "b/"})
    assert out == [_entry("", "baru"), _entry("a/", "baru"), _entry("b/")]
    # a rendered page that is left out of search (no entries) loses its old ones
    assert merged(kept, [], {"b/"}, {"", "a/", "b/"}) == again


def test_the_built_index_answers_a_citizen(repo_site: Path) -> None:
    """In the built site's index: the editors' details of the verification page (file paths,
    codes) are not searchable, and a headline card is found once, on the report's start
    page, not again on every page that repeats it."""
    docs = json.loads((repo_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    assert not [d["location"] for d in docs if "anggaran.yml:" in d["text"]]
    assert not [d["location"] for d in docs if "stated-mismatch" in d["text"]]
    cards = [d["location"] for d in docs if "Serapan anggaran APBD" in d["text"]]
    assert cards and all(c.startswith("ntt-disperindag-lkip-2021/") for c in cards), cards
    assert len({c.split("#")[0] for c in cards}) == 1, cards
