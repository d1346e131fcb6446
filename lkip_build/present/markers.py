"""Markers in chapters: HTML comments that the build expands from the data.

    <!-- lkip:tabel ID -->               a table with its number, title and notes
    <!-- lkip:nilai NAME [FORMAT] -->    a named figure (see `facts`), e.g. `rp`, `terbilang`
    <!-- lkip:rumus ID -->               an indicator's realisasi formula with its inputs
    <!-- lkip:rumus-capaian ID -->       the capaian rule applied, with its numbers
    <!-- lkip:grafik KIND [ARG] -->      a chart (capaian, anggaran SUMBER, harga KELOMPOK)
    <!-- lkip:penandatangan -->          place, date and signature block of the head
    <!-- lkip:daftar-tabel -->           the list of numbered tables with links
    <!-- lkip:rujukan ID -->             a table cited in a sentence ("Tabel 3.2"), linked
    <!-- lkip:daftar-laporan -->         (home page) every report in one filterable table
    <!-- lkip:sorotan [ID] -->           headline figures as cards (see `sorotan`)
    <!-- lkip:catatan-verifikasi -->     the verification page's findings
    <!-- lkip:unduhan -->                the report's downloads (print view, PDF, JSON)

An unknown or malformed marker is an error naming the page and the marker: a comment
left unexpanded would silently hide a figure from the reader.

The markers of the data (tables, figures, formulas, charts, the signature) are here; those
that list and link the publication's pages (the reports, the numbered tables, the
verification notes, the downloads) are in `sitemarkers`. All are registered in `HANDLERS`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace

from lkip_build.compute import IndikatorResult
from lkip_build.compute.facts import FORMATS, write_fact
from lkip_build.model import NA, Location
from lkip_build.model.numbers import format_decimal, format_pct
from lkip_build.present import chartrender, charts, downloads
from lkip_build.present.draft import m_tulis_ulang

# the marker modules share these (page.py); importable from here as before
from lkip_build.present.page import MARKER as MARKER
from lkip_build.present.page import MarkerError as MarkerError
from lkip_build.present.page import PageContext as PageContext
from lkip_build.present.page import _args, _hint, _need_report
from lkip_build.present.portal import m_daftar_laporan, m_sorotan

# CETAK, TINGKAT and pdf_url are imported from here too (by site.py): re-exported
from lkip_build.present.sitemarkers import CETAK as CETAK
from lkip_build.present.sitemarkers import TINGKAT as TINGKAT
from lkip_build.present.sitemarkers import (
    m_catatan_verifikasi,
    m_daftar_tabel,
    m_rujukan,
    m_unduhan,
)
from lkip_build.present.sitemarkers import pdf_url as pdf_url
from lkip_build.present.syntax import CROSS_REPORT as CROSS_REPORT
from lkip_build.present.table import Table, cell_text, mark
from lkip_build.present.tables import TableError, dec, render
from lkip_build.problems import Collector
from lkip_build.publish.safety import NOT_A_NUMBER

# markers whose text can depend on other reports than the page's own (the portal table,
# the cards of a report named by its id): expansion._others_shown keys such a page by them
LOOSE = re.compile(r"<!--\s*lkip\b(?:.*?-->|.*\Z)", re.S)  # unclosed too


def find_table_ids(text: str) -> list[tuple[str, int]]:
    """Each `<!-- lkip:tabel ID -->` of a page: the id and the marker's line."""
    return [
        (m.group(2).split()[0], text.count("\n", 0, m.start()) + 1)
        for m in MARKER.finditer(text)
        if m.group(1) == "tabel" and m.group(2).split()
    ]


def named_by_broken_markers(text: str) -> set[str]:
    """The words of the markers of `text` that are reported as malformed or unknown: a
    table such a marker was meant to place is not also reported as never placed."""
    known = {m.span(): m.group(1) in HANDLERS for m in MARKER.finditer(text)}
    return {
        word
        for loose in LOOSE.finditer(text)
        if not any(a <= loose.start() < b and ok for (a, b), ok in known.items())
        for word in re.findall(r"[\w-]+", loose.group(0))
    }


def expand(text: str, page: PageContext, problems: Collector, collect: bool = True) -> str:
    """Replace every marker of `text`; unknown or broken markers are recorded as problems.
    The page's charts are drawn meanwhile and put in `page.files` at the end; with
    `collect=False` they are left in `page.pending` for the caller (`collect_charts`), so
    the next pages expand while they are drawn."""
    matched = {m.span() for m in MARKER.finditer(text)}
    for loose in LOOSE.finditer(text):
        if not any(a <= loose.start() < b for a, b in matched):
            _fail(
                problems,
                page,
                text,
                loose.start(),
                "marker-malformed",
                f"penanda tidak dikenali: {loose.group(0)[:60]!r}",
            )

    def one(mt: re.Match[str]) -> str:
        name, args = mt.group(1), mt.group(2).split()
        fn = HANDLERS.get(name)
        if fn is None:
            _fail(
                problems,
                page,
                text,
                mt.start(),
                "marker-unknown",
                f"penanda {name!r} tidak dikenal{_hint(name, [*HANDLERS])}",
            )
            return ""
        try:
            return fn(args, page)
        except MarkerError as exc:
            _fail(problems, page, text, mt.start(), exc.code, f"{mt.group(0)}: {exc}")
            if exc.severity:  # a draft's to-do item: its severity follows the report's status
                problems.problems[-1] = replace(problems.problems[-1], severity=exc.severity)
            return exc.shown

    out = MARKER.sub(one, text)
    if collect:
        collect_charts(page)
    return out


def collect_charts(page: PageContext) -> None:
    """The page's charts, drawn in the background, into its files."""
    for path, drawing in page.pending.items():
        page.files[path] = drawing.result().encode("utf-8")
    page.pending.clear()


def _fail(
    problems: Collector, page: PageContext, text: str, pos: int, code: str, message: str
) -> None:
    line = text.count("\n", 0, pos) + 1
    problems.add(code, Location(f"content/{page.src}", line), message)


def m_tabel(args: list[str], page: PageContext) -> str:
    _args(args, 1, "<!-- lkip:tabel ID -->")
    h = _need_report(page)
    tables = {t.id: t for t in (h.report.tabel.tabel if h.report.tabel else [])}
    t = tables.get(args[0])
    if t is None:
        raise MarkerError(
            "unknown-table", f"tabel {args[0]!r} tidak ada di tabel.yml{_hint(args[0], [*tables])}"
        )
    table = page.drawn.get(t.id)  # drawn once, by site.prepare; drawn here only without it
    if table is None:
        try:
            table = render(t, h)
        except TableError as exc:
            raise MarkerError("table-error", str(exc)) from exc
    page.rendered[table.anchor] = table
    # the print view links to the files its chapters already made
    if not page.print_view and page.write_files:
        page.files.update(downloads.files_for(table, page.disputes))
    return (
        f'\n<div class="lkip-tabel lkip-utama-{table.main_column}" markdown="1" '
        # the theme's search leaves the table out of its section: searchindex indexes it apart
        'data-search-exclude="tabel" '
        f'tabindex="0" role="region" {table.phone_attributes()} '
        f'aria-label="{html.escape(_label(table))}">\n\n'
        + table.as_markdown(page.disputes, phone=True)
        + "\n"
        + downloads.links(table)
        + "\n\n</div>\n"
    )


def _label(table: Table) -> str:
    return table.title


def m_nilai(args: list[str], page: PageContext) -> str:
    if len(args) not in (1, 2):
        raise MarkerError(
            "marker-arguments",
            "penulisan yang benar: <!-- lkip:nilai NAMA [rp|terbilang|angka] -->",
        )
    _need_report(page)
    f = page.facts.get(args[0])
    if f is None:
        import difflib

        hint = difflib.get_close_matches(args[0], list(page.facts), n=1)
        extra = f"; maksud Anda {hint[0]!r}?" if hint else ""
        raise MarkerError("unknown-value", f"nilai {args[0]!r} tidak ada{extra}")
    fmt = args[1] if len(args) == 2 else ""
    if fmt not in FORMATS[f.kind]:
        allowed = ", ".join(sorted(x for x in FORMATS[f.kind] if x)) or "(tanpa format)"
        raise MarkerError(
            "bad-format", f"format {fmt!r} tidak berlaku untuk {args[0]}; pilihan: {allowed}"
        )
    written = write_fact(f, fmt)
    if f.kind != "teks" and NOT_A_NUMBER.search(written):  # a figure, never the editor's words
        raise MarkerError("html-not-a-number", f"{args[0]} tertulis {written!r}, bukan angka")
    shown = cell_text(written).replace("\\", "") if fmt == "terbilang" else html.escape(written)
    # a figure the data disagrees about never stands in prose without saying so
    return shown + (mark(page.disputes[args[0]]) if args[0] in page.disputes else "")


def _indikator(args: list[str], page: PageContext, usage: str) -> IndikatorResult:
    _args(args, 1, usage)
    h = _need_report(page)
    r = h.indikator.get(args[0])
    if r is None:
        raise MarkerError(
            "unknown-indicator",
            f"indikator {args[0]!r} tidak ada di indikator.yml{_hint(args[0], [*h.indikator])}",
        )
    return r


def _rumus_block(left: str, right: str) -> str:
    return f'\n<p class="lkip-rumus">{left} = <strong>{right}</strong></p>\n'


def m_rumus(args: list[str], page: PageContext) -> str:
    r = _indikator(args, page, "<!-- lkip:rumus ID -->")
    f = r.indikator.realisasi
    e = html.escape
    if isinstance(f, NA) or r.realisasi is None:
        return _rumus_block(e(r.indikator.nama), e(r.na or "realisasi tidak tersedia"))
    a = f"{dec(r.a)} {e(f.a.uraian)}".strip() if f.a else ""
    b = f"{dec(r.b)} {e(f.b.uraian)}".strip() if f.b else ""
    unit = r.indikator.satuan
    result = format_decimal(r.realisasi, r.desimal) + (
        " %" if unit == "%" else f" {unit}" if unit else ""
    )
    if f.jenis == "rasio":
        per = " %" if f.faktor == 100 else ""
        return _rumus_block(f"({a}) / ({b}) × {dec(f.faktor)}{per}", result)
    if f.jenis == "pertumbuhan":
        return _rumus_block(
            f"({dec(r.a)} − {dec(r.b)}) / {dec(r.b)} {e(f.b.uraian if f.b else '')} × 100 %", result
        )
    if f.jenis == "langsung":
        return _rumus_block(a, result)
    if f.jenis == "skor":
        return _rumus_block(
            f"{dec(f.konstanta)} + {a} × {dec(f.pengali)} / {dec(f.pembagi)}", result
        )
    if f.jenis == "triwulan":
        join = {"jumlah": " + ", "rata_rata": " + ", "terakhir": "; "}[f.agregasi]
        parts = join.join(dec(v) for v in f.triwulan)
        how = {"jumlah": "jumlah triwulan", "rata_rata": "rata-rata triwulan"}
        label = how.get(f.agregasi, "triwulan terakhir")
        return _rumus_block(f"{label} ({parts})", result)
    parts = " + ".join(format_decimal(s.realisasi) for s in r.sub if s.realisasi is not None)
    if f.jenis == "rerata_sub" and r.sub:
        return _rumus_block(f"({parts}) / {len(r.sub)}", result)
    return _rumus_block(e(f.uraian or r.indikator.nama), result)


def m_rumus_capaian(args: list[str], page: PageContext) -> str:
    """The capaian with the formula of the rule actually applied, and its numbers."""
    r = _indikator(args, page, "<!-- lkip:rumus-capaian ID -->")
    if r.applied is None:
        raise MarkerError(
            "no-capaian", f"indikator {args[0]!r} tidak dinilai (`dinilai: tidak`): tanpa capaian"
        )
    shown = "n/a" if r.capaian is None else f"{format_pct(r.capaian, r.batas)} %"
    p = r.applied
    left = " = ".join(x for x in (html.escape(p.rumus), html.escape(p.hitungan)) if x)
    if p.catatan:
        left += f"; {html.escape(p.catatan)}"
    return _rumus_block(f"{left}; capaian", shown)


def m_penandatangan(args: list[str], page: PageContext) -> str:
    _args(args, 0, "<!-- lkip:penandatangan -->")
    lap = _need_report(page).report.laporan
    if lap.kepala is None:
        raise MarkerError("missing-field", "laporan.yml tidak punya `kepala`")
    k = lap.kepala
    e = html.escape
    lines = [
        f"{e(lap.tempat)}, {e(lap.tanggal)}" if lap.tempat else e(lap.tanggal),
        e(k.jabatan) + ",",
        "",
        f"<strong>{e(k.nama)}</strong>",
    ]
    if k.pangkat:
        lines.append(e(k.pangkat))
    if k.nip:
        lines.append(f"NIP {e(k.nip)}")
    return '\n<p class="lkip-tanda-tangan">' + "<br>\n".join(lines) + "</p>\n"


def m_grafik(args: list[str], page: PageContext) -> str:
    usage = "<!-- lkip:grafik capaian | anggaran SUMBER | harga KELOMPOK -->"
    if not args or args[0] not in charts.KINDS:
        raise MarkerError("marker-arguments", f"penulisan yang benar: {usage}")
    h = _need_report(page)
    try:
        g = charts.KINDS[args[0]](h, *args[1:])
    except TypeError as exc:
        raise MarkerError("marker-arguments", f"penulisan yang benar: {usage}") from exc
    except charts.GrafikError as exc:
        raise MarkerError("chart-error", str(exc)) from exc
    # drawn once, for the chapter (the print view shows the same files); `lkip check` only
    # needs the spec, which is where a chart can fail on the data. Drawn in the background:
    # expand() collects the SVGs when the page is done.
    if not page.print_view and page.write_files:
        for v in g.variants():
            page.pending[f"grafik/{v.name}.svg"] = chartrender.submit(v.svg)
    return charts.figure(g, page.src)


HANDLERS: dict[str, Callable[[list[str], PageContext], str]] = {
    "tabel": m_tabel,
    "nilai": m_nilai,
    "rumus": m_rumus,
    "rumus-capaian": m_rumus_capaian,
    "penandatangan": m_penandatangan,
    "daftar-tabel": m_daftar_tabel,
    "rujukan": m_rujukan,
    "daftar-laporan": m_daftar_laporan,
    "catatan-verifikasi": m_catatan_verifikasi,
    "grafik": m_grafik,
    "unduhan": m_unduhan,
    "sorotan": m_sorotan,
    "tulis-ulang": m_tulis_ulang,
}
