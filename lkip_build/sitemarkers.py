"""Markers that list and link the publication's pages: the home page's list of reports, a
report's list of numbered tables (linking the page that shows each), its verification notes
and its downloads.

They are registered in `markers.HANDLERS` like every marker, take the same (args, page)
and raise `markers.MarkerError` through its argument checks. `markers` imports this module
to register them, so this one imports `markers` only when a marker is expanded.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .compute import Computed
from .numbers import format_pct
from .table import cell_text
from .tables import anchors, label

if TYPE_CHECKING:
    from .markers import PageContext


def m_daftar_tabel(args: list[str], page: PageContext) -> str:
    from .markers import MarkerError, _args, _need_report

    _args(args, 0, "<!-- lkip:daftar-tabel -->")
    h = _need_report(page)
    here = page.src.rsplit("/", 1)[0]
    out = []
    places = anchors(h.report.tabel)
    for t in h.report.tabel.tabel if h.report.tabel else []:
        if not t.nomor:
            continue
        where = page.table_pages.get(t.id)
        if where is None:
            raise MarkerError(
                "table-not-placed", f"tabel {t.nomor} ({t.id}) tidak dipasang di halaman mana pun"
            )
        rel = where[len(here) + 1 :] if where.startswith(here + "/") else "../" + where
        if page.print_view:
            rel = ""  # every table is on this page
        name = cell_text(label(t))
        out.append(f"| [{name}]({rel}#{places[t.id]}) | {cell_text(t.judul)} |")
    return "\n| Nomor | Judul |\n| :-- | :-- |\n" + "\n".join(out) + "\n"


TINGKAT = {
    "nasional": "Kementerian dan Lembaga",
    "provinsi": "Provinsi",
    "kabupaten": "Kabupaten",
    "kota": "Kota",
}


def m_daftar_laporan(args: list[str], page: PageContext) -> str:
    """The home page: reports grouped by level, then agency, then year (newest first)."""
    from .markers import _args

    _args(args, 0, "<!-- lkip:daftar-laporan -->")
    groups: dict[str, dict[str, list[Computed]]] = {}
    for h in page.reports:
        lap = h.report.laporan
        groups.setdefault(lap.tingkat, {}).setdefault(lap.instansi, []).append(h)
    out = []
    for tingkat in (t for t in TINGKAT if t in groups):
        out.append(f"\n## {TINGKAT[tingkat]}\n")
        for instansi, items in sorted(groups[tingkat].items()):
            wilayah = cell_text(items[0].report.laporan.wilayah)
            out.append(f"\n### {cell_text(instansi)}\n")
            out.append(f"Wilayah: {wilayah}\n")
            for h in sorted(
                items, key=lambda x: (-x.report.laporan.tahun, x.report.laporan.jenis_dokumen)
            ):
                out.append(_report_line(h))
    return "\n".join(out) + "\n"


def _report_line(h: Computed) -> str:
    lap = h.report.laporan
    # "LKIP — Laporan Kinerja … (LKIP) …" would say it twice: the kind only when the title lacks it
    named = re.search(rf"\b{re.escape(lap.jenis_dokumen)}\b", lap.judul)
    title = cell_text(lap.judul if named else f"{lap.jenis_dokumen} — {lap.judul}")
    line = f"- **{lap.tahun}**: [{title}]({lap.id}/index.md)"
    if h.rata_rata is not None:
        mean = format_pct(h.rata_rata, h.batas)
        line += f" — rata-rata capaian {mean} %"
        line += f" ({cell_text(h.kategori)})" if h.kategori else ""
        line += f"; {cell_text(h.cakupan)}" if h.cakupan else ""
    if lap.keterangan:
        line += f" — {cell_text(lap.keterangan)}"
    return line


def m_catatan_verifikasi(args: list[str], page: PageContext) -> str:
    from .markers import _args, _need_report
    from .verification import page_markdown

    _args(args, 0, "<!-- lkip:catatan-verifikasi -->")
    h = _need_report(page)
    return page_markdown(h, page.findings, page.table_pages)


def m_unduhan(args: list[str], page: PageContext) -> str:
    from .markers import _args, _need_report

    _args(args, 0, "<!-- lkip:unduhan -->")
    h = _need_report(page)
    rid = h.report.id
    items = [
        f"- [Versi cetak (seluruh laporan dalam satu halaman)]({CETAK})",
        "- [Semua data laporan (YAML sumber, tabel hasil hitung, temuan) — JSON]"
        f"(unduh/{rid}-data.json)",
        "- [Catatan verifikasi data — JSON](catatan-verifikasi/temuan.json)",
    ]
    if page.pdf:
        # raw HTML: the PDF is written after the pages, so the link is not checked as a page link
        items.insert(1, f'- <a href="{pdf_url(page.src, rid)}">Laporan lengkap (PDF)</a>')
    return "\n" + "\n".join(items) + "\n"


CETAK = "cetak.md"


def pdf_url(src: str, rid: str) -> str:
    """The PDF's URL relative to the page built from `src` (directory URLs)."""
    name = src.rsplit("/", 1)[-1]
    depth = 0 if name == "index.md" else 1
    return "../" * depth + f"{rid}.pdf"
