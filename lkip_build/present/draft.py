"""A draft report (`status: draf` in laporan.yml): what says it is one, and what is left.

Every value still to fill is written `{belum_diisi: petunjuk}` (read by the loader, which
records a `value-pending` problem); a chapter paragraph carried from last year's report
is preceded by `<!-- lkip:tulis-ulang -->` (the same problem, from the marker). In a draft
they are warnings, listed with file and line on the generated to-do page; in a final
report each is an error, so `lkip check` exits 1 and the strict build stops.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from lkip_build.model import Location
from lkip_build.present.page import MarkerError, PageContext, _args, _need_report
from lkip_build.problems import ERROR, WARNING, Problem, problem, tally

if TYPE_CHECKING:
    from lkip_build.compute import Computed

PAGE = "yang-masih-harus-diisi.md"
TITLE = "Yang masih harus diisi"
BANNER = "DRAF — belum final"
CODE = "value-pending"


def is_draft(h: Computed) -> bool:
    return h.report.laporan.status == "draf"


def header(h: Computed, line: str) -> str:
    """The header line of a report page; a draft's says so first (already escaped)."""
    return f"{html.escape(BANNER)} · {line}" if is_draft(h) else line


REWRITE = re.compile(r"<!--\s*lkip:tulis-ulang\s*-->")


def rewrite_items(h: Computed, sources: dict[str, str]) -> list[Problem]:
    """The chapters' paragraphs still to rewrite, as the marker reports them (the to-do
    page is written before the markers are expanded, and `lkip check` lists them too)."""
    out = []
    order = [f"{h.report.id}/{p.file}" for p in h.report.laporan.halaman]
    for src in [s for s in order if s in sources]:
        text = sources[src]
        for mt in REWRITE.finditer(text):
            line = text.count("\n", 0, mt.start()) + 1
            p = problem(CODE, Location(f"content/{src}", line), _rewrite(h))
            out.append(p if is_draft(h) else _as_error(p))
    return out


def _rewrite(h: Computed) -> str:
    return (
        f"belum diisi: tulis ulang paragraf di bawah penanda ini untuk tahun "
        f"{h.report.laporan.tahun}, lalu hapus penandanya"
    )


def _as_error(p: Problem) -> Problem:
    from dataclasses import replace

    return replace(p, severity=ERROR)


def pending(h: Computed, problems: list[Problem], sources: dict[str, str]) -> list[Problem]:
    """The report's values and paragraphs still to fill: data first, then chapters."""
    folder = h.report.folder + "/"
    mine = [p for p in problems if p.code == CODE and p.file.startswith(folder)]
    data = sorted(mine, key=lambda p: (p.file, p.line))
    return data + rewrite_items(h, sources)


def todo_page(h: Computed, items: list[Problem]) -> str:
    """The generated to-do page: every value still to fill, for an editor to work down."""
    lap = h.report.laporan
    e = html.escape
    head = (
        f"# {TITLE}\n\n"
        f"Laporan ini masih **{BANNER}**. Setiap baris di bawah adalah nilai atau paragraf "
        f"yang belum diisi untuk tahun {lap.tahun}: buka berkasnya pada baris itu, ganti "
        "`{belum_diisi: ...}` dengan nilainya (atau hapus penanda `tulis-ulang` setelah "
        f"paragrafnya ditulis ulang), lalu jalankan `make check LAPORAN={h.report.folder}` "
        "lagi (atau lihat pratinjau `make serve`). Setelah daftar ini "
        "kosong, tulis `status: final` di `laporan.yml`.\n\n"
    )
    if not items:
        return head + "Semua nilai sudah diisi.\n"
    rows = [
        f"| {i} | `{e(p.file)}:{p.line}` | `{e(p.field) or '-'}` | "
        f"{e(p.message.removeprefix('belum diisi: '))} |"
        for i, p in enumerate(items, start=1)
    ]
    table = "| No | Berkas:baris | Kolom | Petunjuk |\n| --- | --- | --- | --- |\n"
    return head + f"{tally(items)}.\n\n" + table + "\n".join(rows) + "\n"


def m_tulis_ulang(args: list[str], page: PageContext) -> str:
    """`<!-- lkip:tulis-ulang -->` before a paragraph carried from last year's report."""
    _args(args, 0, "<!-- lkip:tulis-ulang -->")
    h = _need_report(page)
    tahun = h.report.laporan.tahun
    note = (
        f'\n<p class="lkip-tulis-ulang"><strong>Belum ditulis ulang:</strong> paragraf di '
        f"bawah disalin dari laporan tahun sebelumnya; tulis ulang untuk tahun {tahun}.</p>\n"
    )
    raise MarkerError(
        CODE,
        _rewrite(h),
        shown=note,
        severity=WARNING if is_draft(h) else ERROR,
    )
