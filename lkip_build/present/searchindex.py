"""Tables in the search index: findable, without drowning the prose around them.

The theme's search indexes a page as one entry per heading section and shows a result's
whole section text. A section holding a table then answers with a dump of cells, and a table
that repeats a word outranks the paragraph that discusses it ("kelor": a Bab II table above
§3.2.3). So every report table's wrapper carries `data-search-exclude` (markers.m_tabel):
the theme's indexer leaves it out of its section. Here each drawn table gets an entry of its
own instead, at its anchor, titled with its number and title, with its cells as text and a
lower boost (`TABLE_BOOST`): an amount or a name typed into the search box still finds the
table (and the CSV beside it), but prose comes first.

Plain JSON in, JSON out; the adapter calls `add_tables` after the theme wrote the index.
Under the live preview (`mkdocs serve --dirty`) the theme writes the entries of the pages
rendered again only; `merged` puts them together with the other pages' entries kept from
the rebuilds before, so that search in the preview finds every page.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Mapping
from pathlib import Path

from lkip_build.present.table import Table

# lunr multiplies a document's score by its boost: a table ranks below a section of prose
# that matches as well (and below one that matches a fifth as well).
TABLE_BOOST = 0.2
INDEX = Path("search") / "search_index.json"
# the index each generator writes, and the key of its entries: Material's (lunr), Zensical's
INDEXES = ((INDEX, "docs"), (Path("search.json"), "items"))


def index_file(site: Path) -> tuple[Path, str] | None:
    """The search index the generator wrote under `site`, and the key of its entries."""
    for rel, key in INDEXES:
        if (site / rel).is_file():
            return site / rel, key
    return None


def _words(cell: str | list[str]) -> str:
    return " ".join(cell) if isinstance(cell, list) else str(cell)


def table_entry(table: Table, url: str) -> dict[str, object]:
    """One search entry for a drawn table on the page at `url` (as the theme writes it)."""
    title = f"{table.label} {table.nomor} {table.judul}".strip() if table.nomor else table.judul
    rows = [" ".join(_words(c) for c in table.header)]
    rows += [" ".join(_words(c) for c in row if _words(c)) for row in table.rows]
    notes = ([f"Sumber Data: {table.sumber_data}"] if table.sumber_data else []) + list(
        table.catatan
    )
    text = "".join(f"<p>{html.escape(x, quote=False)}</p>" for x in rows + notes if x.strip())
    return {
        "location": f"{url}#{table.anchor}" if table.anchor else url,
        "title": html.escape(title or table.title, quote=False),
        "text": text,
        "boost": float(TABLE_BOOST),
    }


def table_entries(
    rendered: Mapping[str, Mapping[str, Table]],
    urls: Mapping[str, str],
    memo: dict[str, tuple[object, str, list[dict[str, object]]]] | None = None,
) -> list[dict[str, object]]:
    """An entry for every table drawn on an indexed page (src -> url), in page order. With
    a `memo` (the preview), a page whose tables are the very objects of the last rebuild
    (its report's expansion from the memo) keeps its entries."""
    out = []
    for src, tables in sorted(rendered.items()):
        url = urls.get(src)
        if url is None:  # a page the theme did not index (the print view)
            continue
        known = memo.get(src) if memo is not None else None
        if known is not None and known[0] is tables and known[1] == url:
            out += known[2]
            continue
        made = [table_entry(t, url) for t in tables.values()]
        if memo is not None:
            memo[src] = (tables, url, made)
        out += made
    return out


def add_tables(
    site: Path,
    entries: list[dict[str, object]],
    merge: Callable[[list[dict[str, object]]], list[dict[str, object]]] | None = None,
) -> None:
    """Add the tables' entries to the index the theme wrote under `site` (none: no search),
    after `merge` made the theme's own entries whole (the preview)."""
    found = index_file(site)
    if found is None or not (entries or merge):
        return
    path, key = found
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = merge(index[key]) if merge else index[key]
    if key == "items":  # Zensical: an entry has the page's breadcrumb, and no boost
        crumbs = {str(d["location"]).split("#", 1)[0]: d.get("path", []) for d in docs}
        entries = [
            {
                **{k: v for k, v in e.items() if k != "boost"},
                "level": 2,
                "path": crumbs.get(str(e["location"]).split("#", 1)[0], []),
                "tags": [],
            }
            for e in entries
        ]
    index[key] = docs + entries
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), "utf-8")


def merged(
    kept: dict[str, list[dict[str, object]]],
    written: list[dict[str, object]],
    rendered: set[str],
    pages: set[str],
) -> list[dict[str, object]]:
    """Every page's entries: `kept` (page URL -> its entries, from the rebuilds before;
    updated here) with the pages `rendered` in this rebuild taking their entries from the
    ones the theme just `written`, and pages no longer in the site (`pages`) left out."""
    fresh: dict[str, list[dict[str, object]]] = {}
    for entry in written:
        fresh.setdefault(str(entry["location"]).split("#", 1)[0], []).append(entry)
    for url in sorted(rendered):
        fresh.setdefault(url, [])
    kept.update(fresh)
    for url in [u for u in kept if u not in pages]:
        del kept[url]
    return [entry for entries in kept.values() for entry in entries]
