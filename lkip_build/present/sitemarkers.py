"""Markers that list and link the publication's pages: the home page's list of reports, a
report's list of numbered tables (linking the page that shows each), its verification notes
and its downloads.

They are registered in `markers.HANDLERS` like every marker, take the same (args, page)
and raise `MarkerError` through the same argument checks, both from `page`: `markers`
imports this module to register them, so this one never imports `markers`.
"""

from __future__ import annotations

from lkip_build.present import opendata
from lkip_build.present.page import MarkerError, PageContext, _args, _hint, _need_report

# TINGKAT is imported from here too (by markers, for site.py): re-exported
from lkip_build.present.sorotan import TINGKAT as TINGKAT
from lkip_build.present.table import cell_text, mark
from lkip_build.present.tables import anchors, label
from lkip_build.present.verification import JSON as VERIFIKASI_JSON
from lkip_build.present.verification import page_markdown


def m_daftar_tabel(args: list[str], page: PageContext) -> str:
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


def m_rujukan(args: list[str], page: PageContext) -> str:
    """A table cited in a sentence: its number as tabel.yml gives it, linked to the page that
    shows it, with a mark where the document cites it by another number (`tabel.ID`)."""
    _args(args, 1, "<!-- lkip:rujukan ID -->")
    h = _need_report(page)
    tables = {t.id: t for t in (h.report.tabel.tabel if h.report.tabel else [])}
    t = tables.get(args[0])
    if t is None:
        raise MarkerError(
            "unknown-table", f"tabel {args[0]!r} tidak ada di tabel.yml{_hint(args[0], [*tables])}"
        )
    if not t.nomor:
        raise MarkerError(
            "table-unnumbered", f"tabel {t.id} tidak bernomor: tidak ada nomor dirujuk"
        )
    where = page.table_pages.get(t.id)
    if where is None:
        raise MarkerError(
            "table-not-placed", f"tabel {t.nomor} ({t.id}) tidak dipasang di halaman mana pun"
        )
    here = page.src.rsplit("/", 1)[0]
    rel = where[len(here) + 1 :] if where.startswith(here + "/") else "../" + where
    if page.print_view or where == page.src:
        rel = ""  # on this page
    link = f"[{cell_text(label(t))}]({rel}#{anchors(h.report.tabel)[t.id]})"
    key = f"tabel.{t.id}"
    return link + (mark(page.disputes[key]) if key in page.disputes else "")


def m_catatan_verifikasi(args: list[str], page: PageContext) -> str:
    _args(args, 0, "<!-- lkip:catatan-verifikasi -->")
    h = _need_report(page)
    assert page.review is not None, "a report's page has its report's review"
    return page_markdown(h, page.findings, page.review, page.table_pages)


def m_unduhan(args: list[str], page: PageContext) -> str:
    _args(args, 0, "<!-- lkip:unduhan -->")
    h = _need_report(page)
    rid = h.report.id
    items = [
        f"- [Versi cetak (seluruh laporan dalam satu halaman)]({CETAK})",
        "- [Semua data laporan untuk diolah dengan program: data yang diisi editor, setiap "
        f"tabel hasil hitung dan catatan verifikasi (berkas JSON)](unduh/{rid}-data.json)",
        f"- [Catatan verifikasi data untuk diolah dengan program (berkas JSON)]({VERIFIKASI_JSON})",
        _open_data(),
    ]
    if page.pdf:
        # raw HTML: the PDF is written after the pages, so the link is not checked as a page link
        items.insert(1, f'- <a href="{pdf_url(page.src, rid)}">Laporan lengkap (PDF)</a>')
    return "\n" + "\n".join(items) + "\n"


def _open_data() -> str:
    """The report's open data slice: its description and each CSV, in plain words."""
    folder = f"unduh/{opendata.FOLDER}"
    tables = ", ".join(
        f"[{r.title.lower()}]({folder}/{r.path})" for r in opendata.RESOURCES.values()
    )
    return (
        "- Data terbuka laporan ini (Frictionless Data Package: CSV dan datapackage.json): "
        f"[arti setiap kolom (datapackage.json)]({folder}/{opendata.DESCRIPTOR}); "
        f"tabel CSV {tables}"
    )


CETAK = "cetak.md"


def pdf_url(src: str, rid: str) -> str:
    """The PDF's URL relative to the page built from `src` (directory URLs)."""
    name = src.rsplit("/", 1)[-1]
    depth = 0 if name == "index.md" else 1
    return "../" * depth + f"{rid}.pdf"
