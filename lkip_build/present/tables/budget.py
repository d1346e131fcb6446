"""Budgets: pagu per source, programmes with absorption, the programme > kegiatan tree."""

from __future__ import annotations

from decimal import Decimal

from lkip_build import model as m
from lkip_build.compute import Computed, PosResult, SumberResult
from lkip_build.model import NA
from lkip_build.present.table import Cell, Table
from lkip_build.present.tables.cells import TableError, _one, pct, roman, rp, serapan

LEVELS = ("program", "kegiatan", "sub kegiatan")
INDENT = "\u2003"  # em spaces keep the hierarchy visible in a flat table


def level(depth: int) -> str:
    """The name of a budget line's level: programme > kegiatan > sub kegiatan (deeper: a
    number, since the budget tree allows it)."""
    return LEVELS[depth] if depth < len(LEVELS) else f"tingkat {depth + 1}"


def pagu_sumber(t: m.Tabel, h: Computed) -> Table:
    header = ["No", "Program", f"Pagu {h.report.laporan.tahun} (Rp)"]
    rows: list[list[str | list[str]]] = []
    strong = set()
    totals = set()
    if not t.sumber:
        raise TableError("tabel pagu-sumber perlu `sumber` (id sumber dana)")
    for gi, sid in enumerate(t.sumber):
        s = h.sumber.get(sid)
        if s is None:
            raise TableError(f"sumber dana {sid!r} tidak ada di anggaran.yml")
        strong.add(len(rows))
        rows.append([f"{chr(65 + gi)}.", s.sumber.nama, ""])
        for i, p in enumerate(s.program):
            rows.append([str(i + 1), p.pos.nama, _rp(p.pagu, p)])
        strong.add(len(rows))
        totals.add(len(rows))
        rows.append(["", "Jumlah", _rp(s.pagu, *s.program)])
    return Table(
        header, rows, "llr", frozenset(strong), ringkasan=frozenset(totals), key_figures=(2,)
    )


def anggaran_program(t: m.Tabel, h: Computed) -> Table:
    s = _one(t, h.sumber, "anggaran.yml")
    fisik = any(p.pos.fisik is not None for p in s.program)
    header = [
        "No",
        "Program",
        "Pagu (Rp)",
        "Realisasi (Rp)",
        *(["Fisik (%)"] if fisik else []),
        "Keuangan (%)",
    ]
    rows: list[list[str | list[str]]] = []
    for i, p in enumerate(s.program):
        # fisik is a percentage: two decimals, as every percentage of the site (the document
        # prints "100"; 100,00 is the same figure in the site's one convention)
        extra = [_fisik(p.pos.fisik)] if fisik else []
        rows.append(
            [f"{i + 1}.", p.pos.nama, _rp(p.pagu, p), _rp(p.realisasi, p), *extra, serapan(p)]
        )
    rows.append(
        [
            "",
            "Total",
            _rp(s.pagu, *s.program),
            _rp(s.realisasi, *s.program),
            *([""] if fisik else []),
            serapan(s),
        ]
    )
    align = "llrr" + ("r" if fisik else "") + "r"
    total = frozenset({len(rows) - 1})
    # the amounts and the absorption; physical progress is behind the phone's toggle
    amounts = (2, 3, len(header) - 1)
    return Table(
        header,
        rows,
        align,
        total,
        catatan=(aggregate_note(s),),
        ringkasan=total,
        key_figures=amounts,
    )


AGGREGATE_NOTES = {
    "rasio_jumlah": "Persentase total dan baris induk: jumlah realisasi / jumlah pagu × 100 %.",
    "rerata_baris": "Persentase total dan baris induk: rata-rata persentase barisnya, "
    "sebagaimana dokumen menghitungnya (bukan rasio jumlahnya).",
}


def aggregate_note(s: SumberResult) -> str:
    """What the total's percentage is: a table says which aggregate it shows."""
    return AGGREGATE_NOTES[s.sumber.persen_induk]


def anggaran_rinci(t: m.Tabel, h: Computed) -> Table:
    s = _one(t, h.sumber, "anggaran.yml")
    header = [
        "No",
        "Program/Kegiatan/Sub Kegiatan",
        "Pagu Anggaran (Rp)",
        "Realisasi (Rp)",
        "Keuangan (%)",
    ]
    rows: list[list[str | list[str]]] = [
        [
            "",
            f"Total anggaran tahun {h.report.laporan.tahun}",
            _rp(s.pagu, *s.program),
            _rp(s.realisasi, *s.program),
            serapan(s),
        ]
    ]
    strong = {0}
    levels = ["total"]

    def walk(p: PosResult, number: str, depth: int) -> None:
        if depth == 0:
            strong.add(len(rows))
        rows.append(
            [number, INDENT * depth + p.pos.nama, _rp(p.pagu, p), _rp(p.realisasi, p), serapan(p)]
        )
        levels.append(level(depth))
        for i, c in enumerate(p.anak):
            walk(c, f"{number}.{i + 1}" if depth else str(i + 1), depth + 1)

    for i, p in enumerate(s.program):
        walk(p, roman(i), 0)
    return Table(
        header,
        rows,
        "llrrr",
        frozenset(strong),
        catatan=(aggregate_note(s),),
        tingkat=tuple(levels),
        ringkasan=frozenset({0}),
        key_figures=(2, 3, 4),
    )


def _rp(amount: int | Decimal | None, *lines: PosResult) -> Cell:
    """An amount; "belum diisi" where it is not known because a value is still to fill."""
    if amount is None and any(p.belum_diisi for p in lines):
        return Cell("belum diisi", None, "uang")
    return rp(amount)


def _fisik(v: Decimal | NA | None) -> Cell:
    """Physical progress, a percentage; as the data says it while it is NA or to fill."""
    return Cell(v.teks, None, "persen") if isinstance(v, NA) else pct(v)


def anggaran_versi(t: m.Tabel, h: Computed) -> Table:
    """The versions of a pagu (DIPA awal, setelah penghematan; murni, perubahan), of the
    source of funds and of each of its lines that has them, each with its difference from
    the version before; the last is the pagu in force."""
    s = _one(t, h.sumber, "anggaran.yml")
    lines: list[tuple[str, list[m.VersiPagu]]] = [(s.sumber.nama, s.sumber.versi_pagu)]
    stack = list(reversed(s.program))
    while stack:
        p = stack.pop()
        lines.append((p.pos.nama, p.pos.versi_pagu))
        stack.extend(reversed(p.anak))
    header = ["Uraian", "Versi", "Pagu (Rp)", "Selisih (Rp)"]
    rows: list[list[str | list[str]]] = []
    for nama, items in lines:
        before: int | Decimal | None = None
        for i, v in enumerate(items):
            diff = "-" if before is None else rp(v.pagu - before)
            rows.append([nama if i == 0 else "", v.nama, rp(v.pagu), diff])
            before = v.pagu
    if not rows:
        raise TableError(f"sumber dana {s.sumber.id!r} dan pos-posnya tidak punya `versi_pagu`")
    note = (
        "Selisih: pagu versi itu dikurangi pagu versi sebelumnya; versi terakhir adalah pagu "
        "yang berlaku."
    )
    return Table(header, rows, "llrr", catatan=(note,), key_figures=(1, 2, 3))
