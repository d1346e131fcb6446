"""The portal's rows: one summary row per report, what every page across reports is made
of (the home page's list of reports, its featured cards, the agencies' years side by side,
the search filters).

A row is computed from a report's pass (`row_of`) and travels as JSON (`to_json`,
`from_json`): each report's publishing unit writes its own row into its manifest, and the
home unit is built from those rows alone, so the home page costs what its rows cost, not
what every report's pass costs (ARCHITECTURE.md, "The portal"). The hook build (the
preview, `mkdocs build`) computes the same rows from the passes it has; a test checks that
a row read back is the row computed.
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from lkip_build.compute import Computed
from lkip_build.compute.facts import Fact, collect_facts
from lkip_build.present import tahunan
from lkip_build.present.page import MarkerError, PageContext, _args
from lkip_build.present.sorotan import (
    NO_DATA,
    TINGKAT,
    Anggaran,
    Sorotan,
    cards,
    headline,
    nothing_to_check,
)
from lkip_build.present.syntax import AGENCY_DIR, ROWS_DIR
from lkip_build.present.table import cell_text
from lkip_build.present.verification import PAGE


@dataclass(frozen=True)
class Row:
    """One report as the portal shows it: who, where, when, what kind, its headline."""

    id: str
    instansi: str
    singkatan: str  # the agency's short name, "" when the report gives none
    keterangan: str
    pemerintah: str
    tingkat: str  # a key of TINGKAT
    wilayah: str
    tahun: int
    jenis_dokumen: str
    status: str  # "final" or "draf"
    sorotan: Sorotan
    kosong: bool  # nothing the audit could check (`nothing_to_check`): never shown as 0
    dinilai: int  # indicators assessed (the featured report's rule)
    ada_rata_rata: bool
    ada_anggaran: bool
    figures: dict[str, Any] = field(default_factory=dict)  # present/tahunan.figures

    @property
    def identitas(self) -> tahunan.Identitas:
        return {
            "instansi": self.instansi,
            "pemerintah": self.pemerintah,
            "tahun": self.tahun,
            "jenis_dokumen": self.jenis_dokumen,
            "wilayah": self.wilayah,
            "tingkat": self.tingkat,
            "status": self.status,
        }

    @property
    def title(self) -> str:
        """The report's name in navigation: document, year, agency (escaped: the theme
        writes nav titles into HTML as they are)."""
        return html.escape(f"{self.jenis_dokumen} {self.tahun} {self.singkatan or self.instansi}")


def row_of(h: Computed, findings: list, facts: dict[str, Fact] | None = None) -> Row:
    lap = h.report.laporan
    f = collect_facts(h) if facts is None else facts
    s = headline(h, findings, f)
    return Row(
        lap.id,
        lap.instansi,
        lap.singkatan_instansi or "",
        lap.keterangan or "",
        lap.pemerintah,
        lap.tingkat,
        lap.wilayah,
        lap.tahun,
        lap.jenis_dokumen,
        lap.status,
        s,
        nothing_to_check(h, s),
        len(h.dinilai),
        h.rata_rata is not None,
        bool(h.sumber),
        dict(tahunan.figures(h, f)),
    )


def to_json(row: Row) -> dict[str, Any]:
    return asdict(row)


def from_json(data: dict[str, Any]) -> Row:
    s = dict(data["sorotan"])
    s["per_kategori"] = [(str(k), int(n)) for k, n in s["per_kategori"]]
    s["anggaran"] = [Anggaran(**a) for a in s["anggaran"]]
    return Row(**{**data, "sorotan": Sorotan(**s)})


def order(row: Row) -> tuple[int, str, int, str]:
    """The order reports are listed in, on the home page and in the navigation: by level
    (ministries first), agency, newest year first, then kind of document."""
    return (list(TINGKAT).index(row.tingkat), row.instansi, -row.tahun, row.jenis_dokumen)


def featured(rows: list[Row]) -> Row | None:
    """The report the home page shows without an ID, by a stated rule (EDITING.md): the
    latest complete report. Complete first: final (not a draft), with a mean capaian and a
    budget; then the newest year; then the one with the most indicators assessed (a
    fragment of one table never takes a whole report's place); then a higher level of
    government, then by agency."""
    levels = list(TINGKAT)
    return min(
        rows,
        key=lambda r: (
            r.status == "draf",
            not r.ada_rata_rata or not r.ada_anggaran,
            not r.ada_rata_rata and not r.ada_anggaran,
            -r.tahun,
            -r.dinilai,
            levels.index(r.tingkat),
            r.instansi,
        ),
        default=None,
    )


def m_sorotan(args: list[str], page: PageContext) -> str:
    """`<!-- lkip:sorotan [ID] -->`: the cards of this report, of report ID, or on the home
    page without ID of the `featured` report."""
    if len(args) > 1:
        raise MarkerError("marker-arguments", "penulisan yang benar: <!-- lkip:sorotan [ID] -->")
    own = row_of(page.hasil, page.findings, page.facts) if page.hasil is not None else None
    if args:
        row = own if own is not None and own.id == args[0] else None
        row = row or next((r for r in page.rows if r.id == args[0]), None)
        if row is None:
            ids = ", ".join(r.id for r in page.rows)
            raise MarkerError("unknown-report", f"laporan {args[0]!r} tidak ada; yang ada: {ids}")
    else:
        row = own or featured(page.rows)
        if row is None:
            return ""  # a home page with no report yet
    rid = row.id
    here = page.src.rsplit("/", 1)[0] if "/" in page.src else ""
    link = PAGE if here == rid else f"../{rid}/{PAGE}" if here else f"{rid}/{PAGE}"
    home = "" if here == rid else f"{'../' if here else ''}{rid}/index.md"
    dokumen = f"{row.jenis_dokumen} {row.tahun}"
    out = cards(row.sorotan, row.kosong, dokumen, row.instansi, link, home)
    if page.src != f"{rid}/index.md":
        # search finds the figures once, on the report's start page, not on every page
        # that repeats its cards (home page, Ringkasan Eksekutif)
        out = out.replace('<p class="lkip-kartu', '<p data-search-exclude class="lkip-kartu')
    return out


HEAD = (
    "| Instansi | Tingkat | Wilayah | Tahun | Jenis dokumen | Rata-rata capaian "
    "| Serapan anggaran | Catatan verifikasi |\n"
    "| :-- | :-- | :-- | --: | :-- | --: | --: | --: |"
)


def m_daftar_laporan(args: list[str], page: PageContext) -> str:
    """The home page: every report in one table (level, agency, newest year first), with
    its headline figures, from the reports' rows. Complete without JavaScript up to
    `PAGE_ROWS` reports; beyond, the first page is in the table and every page of rows
    is a JSON file beside it (`row_pages`), which assets/lkip-daftar.js pages through, and
    filters and sorts go through the portal's search (its filters cover every report)."""
    _args(args, 0, "<!-- lkip:daftar-laporan -->")
    up = "../" * page.src.count("/")  # the links from the page's own folder: any page may list
    rows = sorted(page.rows, key=order)
    years = _agency_pages(rows)
    shown = [_report_row(r, up, years.get(r.id, "")) for r in rows[:PAGE_ROWS]]
    pages = -(-len(rows) // PAGE_ROWS)
    paged = (
        f' data-halaman="{pages}" data-baris="{len(rows)}" data-sumber="{up}{ROWS_DIR}/"'
        if pages > 1
        else ""
    )
    return (
        f'\n<div class="lkip-portal"{paged} markdown="1">\n\n'
        f'<p class="lkip-portal-jumlah">{len(rows)} laporan</p>\n\n'
        + HEAD
        + "\n"
        + "\n".join(shown)
        + "\n\n</div>\n"
    )


def _agency_pages(rows: list[Row]) -> dict[str, str]:
    """Report id -> its agency's page (src), for the agencies with several years."""
    return {r.id: src for src, group in agencies(rows).items() for r in group}


def _report_row(r: Row, up: str = "", agency: str = "") -> str:
    """A row of the table as Markdown: the plain cells (`row_cells`), with the agency, the
    mean, the absorption and the notes written with their links and small print."""
    cells = [cell_text(c) for c in row_cells(r)]
    name = f"[{cell_text(r.instansi)}]({up}{r.id}/index.md)"
    if r.keterangan:
        name += f"<br><small>{cell_text(r.keterangan)}</small>"
    if agency:
        name += f"<br><small>[{AGENCY_LINK}]({up}{agency})</small>"
    s = r.sorotan
    mean = NO_DATA
    if s.rata_rata:
        mean = s.rata_rata + (f"<br><small>{cell_text(s.kategori)}</small>" if s.kategori else "")
    serapan = "<br>".join(f"{cell_text(a.nama)} {a.serapan}" for a in s.anggaran)
    cells[0], cells[5], cells[6] = name, mean, serapan or NO_DATA
    cells[7] = NO_DATA if r.kosong else f"[{s.catatan}]({up}{r.id}/{PAGE})"
    return "| " + " | ".join(cells) + " |"


def row_cells(r: Row) -> list[str]:
    """A row's cells as plain text, in the table's column order: what a JSON page of rows
    holds for the script (assets/lkip-daftar.js builds the same cells from them)."""
    s = r.sorotan
    return [
        r.instansi,
        TINGKAT[r.tingkat],
        r.wilayah,
        str(r.tahun),
        r.jenis_dokumen,
        s.rata_rata or NO_DATA,
        "; ".join(f"{a.nama} {a.serapan}" for a in s.anggaran) or NO_DATA,
        NO_DATA if r.kosong else str(s.catatan),
    ]


AGENCY_LINK = "Semua tahun instansi ini"
PAGE_ROWS = 100  # the home page's table holds this many reports; the rest in JSON pages


def row_pages(rows: list[Row]) -> dict[str, str]:
    """Every page of the home page's table as JSON (path -> text): rows in the table's
    order, PAGE_ROWS a page, each row its link, cells and small print (the script writes
    them with textContent: nothing in a row is HTML)."""
    ordered = sorted(rows, key=order)
    years = _agency_pages(ordered)
    out = {}
    for n in range(0, len(ordered), PAGE_ROWS):
        chunk = ordered[n : n + PAGE_ROWS]
        items = [
            {
                "id": r.id,
                "sel": row_cells(r),
                "keterangan": r.keterangan,
                "kategori": r.sorotan.kategori,
                "serapan": [f"{a.nama} {a.serapan}" for a in r.sorotan.anggaran],
                "catatan": "" if r.kosong else f"{r.id}/{PAGE.removesuffix('.md')}/",
                "instansi": years[r.id].removesuffix(".md") + "/" if r.id in years else "",
            }
            for r in chunk
        ]
        out[f"{ROWS_DIR}/{n // PAGE_ROWS + 1}.json"] = json.dumps(
            {"halaman": n // PAGE_ROWS + 1, "baris": items},
            ensure_ascii=False,
            separators=(",", ":"),
        )
    return out


def agencies(rows: list[Row]) -> dict[str, list[Row]]:
    """The agencies with reports of more than one year (tahunan.agency_key: the same
    pemerintah, instansi and kind of document): their page's src -> their rows."""
    groups: dict[str, list[Row]] = {}
    for r in rows:
        groups.setdefault(tahunan.agency_key(r.identitas), []).append(r)
    out = {}
    for group in groups.values():
        if len({r.tahun for r in group}) > 1:
            out[f"{AGENCY_DIR}/{tahunan.agency_slug(group[0].identitas)}.md"] = group
    return dict(sorted(out.items()))


def agency_pages(rows: list[Row]) -> dict[str, str]:
    """Each agency's years side by side (tahunan.agency_page), from the rows alone: src ->
    Markdown, every year's column linked to its report."""
    return {
        src: tahunan.agency_page(
            [
                tahunan.Entry(r.id, r.identitas, r.figures, f"../{r.id}/index.md")  # type: ignore[arg-type]
                for r in group
            ]
        )
        for src, group in agencies(rows).items()
    }


def agency_title(group: list[Row]) -> str:
    """An agency page's name in navigation (escaped: see Row.title)."""
    first = group[0]
    span = f"{min(r.tahun for r in group)}–{max(r.tahun for r in group)}"
    return html.escape(f"{first.jenis_dokumen} {span} {first.singkatan or first.instansi}")
