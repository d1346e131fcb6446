"""Expanding a publication's pages: markers to Markdown, and what the pages made.

`expand_all` places every table on its page, expands every page's markers (all problems at
once) and returns a frozen `Expansion`: the Markdown of each page, where each table is, the
tables each page drew (for the HTML check) and the files each page asked for (downloads,
charts). Downloads, the HTML check and a later single-page expansion (live preview) read it.
"""

from __future__ import annotations

import difflib
from collections.abc import MutableMapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lkip_build import cache
from lkip_build.compute.facts import write_fact
from lkip_build.model import Location
from lkip_build.present import downloads, opendata, verification
from lkip_build.present.markers import (
    CETAK,
    CROSS_REPORT,
    MARKER,
    PageContext,
    collect_charts,
    expand,
    find_table_ids,
    named_by_broken_markers,
)
from lkip_build.present.page import body
from lkip_build.present.table import Table
from lkip_build.present.tables import anchors
from lkip_build.problems import Collector, Problem
from lkip_build.publish.safety import check_page

if TYPE_CHECKING:  # site imports this module: the Publication is only read, never made here
    from lkip_build.publish.site import Publication


@dataclass(frozen=True)
class Expansion:
    publication: Publication
    pages: dict[str, str]  # src under content/ -> expanded Markdown (no front matter)
    table_pages: dict[str, dict[str, str]]  # report id -> table id -> src of its page
    rendered: dict[str, dict[str, Table]]  # src -> anchor -> the table drawn there
    files: dict[str, dict[str, bytes]]  # src -> path under the report -> content
    # report id -> key of everything its pages' expansion depended on (with a memo only)
    keys: dict[str, str] = field(default_factory=dict)
    # with `defer_charts` (the preview): src -> path under the report -> SVG being drawn,
    # and the memo entries that wait for them (`finish_charts`)
    drawing: dict[str, dict[str, Future[str]]] = field(default_factory=dict)
    waiting: dict[str, list[str]] = field(default_factory=dict)  # memo key -> its pages
    # with `keep_going` (the preview): the errors that did not stop it, each shown in its
    # marker's place on the page
    errors: list[Problem] = field(default_factory=list)

    def finish_charts(self, memo: MutableMapping[str, Expanded] | None) -> None:
        """The charts `defer_charts` left drawing, into the pages' files, and the memo
        entries of their reports written now that they are whole."""
        failed: set[str] = set()  # pages with a chart that could not be drawn
        for src, pending in self.drawing.items():
            for path, svg in pending.items():
                try:
                    self.files[src][path] = svg.result().encode("utf-8")
                except Exception:  # the preview showed it in the chart's place (_Drawn)
                    failed.add(src)
        self.drawing.clear()
        if memo is not None:
            for key, mine in self.waiting.items():
                if failed.intersection(mine):
                    continue  # not remembered: expanded, and drawn, again next time
                memo[key] = {
                    src: (self.pages[src], self.rendered[src], self.files[src]) for src in mine
                }
        self.waiting.clear()

    def context(self, src: str) -> PageContext:
        return page_context(self.publication, self.table_pages, src)

    def expand_one(self, src: str, text: str) -> tuple[str, dict[str, Table]]:
        """A page changed after the expansion (live preview): its Markdown and tables."""
        problems = Collector()
        page = self.context(src)
        out = expand(text, page, problems)
        problems.raise_if_any()
        return out, page.rendered

    def check_html(
        self,
        src: str,
        body: str,
        whole_page: str | None = None,
        tables: dict[str, Table] | None = None,
    ) -> list[Problem]:
        """Problems of a built page: executable content, and numbers that differ from the
        computed tables. `body` is the page's content HTML, `whole_page` the full output."""
        shown = f"content/{src}"
        drawn = self.rendered.get(src, {}) if tables is None else tables
        # the theme's part only: the body in it is checked more strictly
        chrome = None
        if whole_page is not None:
            chrome = whole_page.replace(body, "", 1) if body else whole_page
        return check_page(body, chrome, shown, drawn)

    def downloads(
        self, memo: MutableMapping[str, Any] | None = None, only: set[str] | None = None
    ) -> dict[str, bytes]:
        """Every file the pages asked for (CSV, XLSX, SVG) and each report's data bundle
        and open data (of the reports `only`, when given); with a `memo` (live preview, the
        content cache) an unchanged report's bundle and open data are not made again."""
        pub = self.publication
        bundles: dict[str, Any] = {}
        out: dict[str, bytes] = {}
        for src, files in sorted(self.files.items()):
            rid = src.split("/", 1)[0]
            for path, content in files.items():
                out[f"{rid}/{path}"] = content
        for h in pub.hasil:
            rid = h.report.id
            if only is not None and rid not in only:
                continue
            path, key = f"{rid}/unduh/{rid}-data.json", self.keys.get(rid, "")
            # the open data slice: the same inputs, so the same key (its own entry)
            folder, open_key = f"{rid}/unduh/{opendata.FOLDER}", key and f"{key}:{opendata.FOLDER}"
            if memo is not None and key in memo and open_key in memo:
                out[path] = bundles[key] = memo[key]
                bundles[open_key] = memo[open_key]
                out.update({f"{folder}/{name}": data for name, data in memo[open_key].items()})
                continue
            seen: dict[str, Table] = {}
            for src, drawn in sorted(self.rendered.items()):
                if src.startswith(rid + "/"):
                    seen.update(drawn)
            order = list(anchors(h.report.tabel).values())
            tables = sorted(
                seen.values(), key=lambda t: order.index(t.anchor) if t.anchor in order else 999
            )
            lap = h.report.laporan
            keys = ("judul", "instansi", "pemerintah", "tingkat", "wilayah", "tahun")
            meta = {k: getattr(lap, k) for k in (*keys, "jenis_dokumen")}
            values = {
                k: (f.value, f.kind, write_fact(f)) for k, f in sorted(pub.facts[rid].items())
            }
            findings = verification.records(pub.findings[rid], pub.reviews[rid])
            sources = downloads.read_sources(pub.root / h.report.folder)
            out[path] = downloads.bundle(
                rid, meta, sources, tables, values, findings, pub.disputes.get(rid, {})
            )
            rows = opendata.slice_of(h, pub.facts[rid], findings)
            package = opendata.write_package(rows, opendata.slice_title(h))
            out.update({f"{folder}/{name}": data for name, data in package.items()})
            if key:
                bundles[key] = out[path]
                bundles[open_key] = package
        if memo is not None:  # only what the reports are now
            memo.clear()
            memo.update(bundles)
        return out


def page_context(pub: Publication, table_pages: dict[str, dict[str, str]], src: str) -> PageContext:
    """The marker context of the page at `src` (a path under content/)."""
    head = src.split("/", 1)[0] if "/" in src else ""
    h = pub.by_id.get(head)
    return PageContext(
        src,
        h,
        pub.facts.get(head, {}),
        table_pages.get(head, {}),
        pub.rows,
        pub.findings.get(head, []),
        print_view=src.endswith("/" + CETAK),
        pdf=pub.pdf,
        disputes=pub.disputes.get(head, {}),
        drawn=pub.tables.get(head, {}),
        review=pub.reviews.get(head),
    )


Expanded = dict[str, tuple[str, dict[str, Table], dict[str, bytes]]]  # src -> what it made


def expand_all(
    pub: Publication,
    pages: dict[str, str],
    write_files: bool = True,
    memo: MutableMapping[str, Expanded] | None = None,
    defer_charts: bool = False,
    reports: set[str] | None = None,
    keep_going: bool = False,
) -> Expansion:
    """Expand every page's markers (src under content/ -> Markdown); all problems at once.
    With a `memo`, a report whose inputs (`pub.inputs`) and pages are what they were is
    taken from it; pages outside a report (the home page) are always expanded. With
    `defer_charts` (the preview) the charts drawn for it are left in `Expansion.drawing`,
    and their reports' memo entries wait for `Expansion.finish_charts`, so the generator
    renders pages while they are drawn."""
    keys = _report_keys(pub, pages, write_files) if memo is not None else {}
    keys = {r: k for r, k in keys.items() if reports is None or r in reports}
    problems = Collector()
    table_pages = _place_tables(pub, pages, problems)
    _check_pages(pub, pages, table_pages, problems, reports)
    # the print view repeats every chapter: its problems are the chapters' own, reported
    # there once, with the line in the file an editor can open
    echo = Collector()
    out: dict[str, str] = {}
    rendered: dict[str, dict[str, Table]] = {}
    files: dict[str, dict[str, bytes]] = {}
    drawing: list[PageContext] = []  # pages whose charts are being drawn meanwhile
    for src, text in pages.items():
        known = memo.get(keys.get(src.split("/", 1)[0], ""), {}) if memo is not None else {}
        if src in known:
            out[src], rendered[src], files[src] = known[src]
            continue
        page = page_context(pub, table_pages, src)
        page.write_files = write_files
        # the body only: the generator hands a page its Markdown without its front matter,
        # and the expansion replaces that body (front matter in it would be printed)
        shown = echo if src.endswith("/" + CETAK) else problems
        out[src] = expand(body(text), page, shown, collect=False)
        rendered[src] = page.rendered
        files[src] = page.files  # its charts join it below
        drawing.append(page)
    left: dict[str, dict[str, Future[str]]] = {}
    for page in drawing:
        if defer_charts and page.pending:
            left[page.src] = dict(page.pending)
            page.pending.clear()
        else:
            collect_charts(page)
    if not keep_going:
        problems.raise_if_any()
    failed = {p.file.split("/")[1] for p in problems.errors if p.file.startswith("content/")}
    waiting: dict[str, list[str]] = {}
    if memo is not None:  # only what the pages are now
        memo.clear()
        for rid, key in keys.items():
            if rid in failed:
                continue  # expanded again next time: its errors are said again
            mine = [src for src in pages if src.startswith(rid + "/")]
            if any(src in left for src in mine):
                waiting[key] = mine  # written whole, by finish_charts
                continue
            memo[key] = {src: (out[src], rendered[src], files[src]) for src in mine}
    return Expansion(pub, out, table_pages, rendered, files, keys, left, waiting, problems.errors)


def _report_keys(pub: Publication, pages: dict[str, str], write_files: bool) -> dict[str, str]:
    """Per report, a key of everything its pages' expansion depends on: its files' digest,
    its pages' text and the build's switches."""
    keys = {}
    for rid, digest in pub.inputs.items():
        mine = sorted((s, t) for s, t in pages.items() if s.startswith(rid + "/"))
        parts = [digest, str(pub.pdf), str(write_files), *(x for st in mine for x in st)]
        for other in sorted(_others_shown(rid, [t for _, t in mine], pub)):
            parts += [other, pub.inputs.get(other, "")]  # their figures are on these pages
        keys[rid] = cache.key("expansion", parts)
    return keys


def _others_shown(rid: str, texts: list[str], pub: Publication) -> set[str]:
    """The other reports whose figures the pages of report `rid` show (`CROSS_REPORT`
    markers): every report for the portal table, report ID for `sorotan ID`."""
    out: set[str] = set()
    for text in texts:
        for m in MARKER.finditer(text):
            if m.group(1) not in CROSS_REPORT:
                continue
            args = m.group(2).split()
            if m.group(1) == "daftar-laporan":
                out.update(pub.inputs)
            elif m.group(1) == "sorotan" and args:
                out.add(args[0])
    out.discard(rid)
    return out


def _place_tables(
    pub: Publication, pages: dict[str, str], problems: Collector
) -> dict[str, dict[str, str]]:
    """Where each table is placed; a numbered table has one home (its anchor)."""
    placed: dict[str, dict[str, str]] = {}
    numbered = {
        h.report.id: {t.id for t in h.report.tabel.tabel if t.nomor}
        for h in pub.hasil
        if h.report.tabel
    }
    for src, text in sorted(pages.items()):
        head = src.split("/", 1)[0]
        if src.endswith("/" + CETAK):
            continue  # the print view repeats every table; their home is the chapter
        for tid, line in find_table_ids(text):
            here = placed.setdefault(head, {})
            if tid in here and here[tid] != src and tid in numbered.get(head, set()):
                problems.add(  # at the marker, which is what the editor deletes
                    "table-placed-twice",
                    Location(f"content/{src}", line),
                    f"tabel {tid!r} sudah dipasang di content/{here[tid]}",
                )
            here[tid] = src
    return placed


def _check_pages(
    pub: Publication,
    pages: dict[str, str],
    table_pages: dict[str, dict[str, str]],
    problems: Collector,
    reports: set[str] | None = None,
) -> None:
    for h in pub.hasil:
        lap = h.report.laporan
        if reports is not None and lap.id not in reports:
            continue
        for p in lap.halaman:
            if f"{lap.id}/{p.file}" not in pages:
                problems.add(
                    "missing-page",
                    Location(lap.lokasi.file, p.lokasi.line, "halaman.file"),
                    f"halaman content/{lap.id}/{p.file} tidak ada",
                )
        placed = table_pages.get(lap.id, {})
        tables = h.report.tabel.tabel if h.report.tabel else []
        mine = [text for src, text in pages.items() if src.startswith(f"{lap.id}/")]
        # a broken marker naming the table, or a misspelt id meaning it: that marker's
        # problem is the one (unknown-table suggests the id)
        meant = {word for text in mine for word in named_by_broken_markers(text)}
        ids = [t.id for t in tables]
        for text in mine:
            for tid, _ in find_table_ids(text):
                if tid not in ids:
                    meant.update(difflib.get_close_matches(tid, ids, n=1))
        for t in tables:
            if t.nomor and t.id not in placed and t.id not in meant:
                problems.add(
                    "table-not-placed",
                    t.lokasi,
                    f"tabel {t.nomor} ({t.id}) tidak dipasang di halaman mana pun",
                )
    for src in pages:
        head = src.split("/", 1)[0]
        if "/" in src and head not in pub.by_id and MARKER.search(pages[src]):
            problems.add(
                "page-outside-report",
                Location(f"content/{src}"),
                f"folder {head!r} bukan id laporan di data/ (laporan yang ada: "
                f"{', '.join(sorted(pub.by_id)) or '-'}); pindahkan halaman ke folder "
                "laporannya dan daftarkan di `halaman` laporan.yml-nya",
            )
