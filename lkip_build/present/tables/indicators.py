"""Indicators (Bab III): the scale, capaian of all or some indicators, step scales, growth."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from decimal import Decimal

from lkip_build import model as m
from lkip_build.compute import Computed, IndikatorResult
from lkip_build.compute.skala import bands_of, ordered_steps, resolve
from lkip_build.model import NA
from lkip_build.present.table import Cell, Table
from lkip_build.present.tables.cells import TableError, _one, dec, pct


def skala_capaian(t: m.Tabel, h: Computed) -> Table:
    """The report's category scale as printed: each band with its own bounds, in the
    document's order (a preset in its own), gaps included."""
    skala = h.report.laporan.skala_capaian
    pita = {id(p.sumber): p for p in resolve(skala)}
    bands = bands_of(skala)
    if not bands:
        raise TableError("laporan.yml tidak punya skala_capaian")
    rows: list[list[str | list[str]]] = [[pita[id(b)].teks(), b.kategori] for b in bands]
    return Table(["Skala Pencapaian Kinerja", "Kategori"], rows, "ll")


def skala_indikator(t: m.Tabel, h: Computed) -> Table:
    r = _one(t, h.indikator, "indikator.yml")
    steps = ordered_steps(r.indikator.aturan.skala)  # each row's lower bound: the one before
    if not steps:
        raise TableError(f"indikator {r.indikator.id!r} tidak memakai aturan skala")
    rows: list[list[str | list[str]]] = []
    lower: Decimal | None = None
    for st in steps:
        if st.batas_atas is None:
            text = f"X > {dec(lower)} %"
        elif lower is None:
            text = f"X ≤ {dec(st.batas_atas)} %"
        else:
            text = f"{dec(lower)} % < X ≤ {dec(st.batas_atas)} %"
        rows.append([text, pct(st.capaian).with_suffix(" %"), st.kategori])
        lower = st.batas_atas
    title = r.indikator.aturan.judul_skala or "Skala"
    return Table([title, "Skala Pencapaian Kinerja", "Kategori"], rows, "lrl", key_figures=(1, 2))


def _printed(r: IndikatorResult) -> bool:
    """The document prints this indicator's capaian (a `tertulis` of it records one)."""
    return any("capaian" in t.nilai for t in r.indikator.tertulis)


def _unprinted(h: Computed) -> set[str]:
    """Indicators whose capaian the site computed where the document, whose printed
    figures the data records, printed none (the editor chose the rule): marked †, never shown
    exactly like a printed figure. A report that records no printed figure at all (a new
    report written in lkip, not transcribed from a document) marks none."""
    results = list(h.indikator.values())
    if not any(r.indikator.tertulis for r in results):
        return set()
    return {r.indikator.id for r in results if r.capaian is not None and not _printed(r)}


UNPRINTED = (
    "† Dokumen tidak mencetak capaian ini; situs menghitungnya dengan aturan capaian yang "
    "ditulis editor."
)


def _capaian_cell(r: IndikatorResult, unprinted: AbstractSet[str] = frozenset()) -> Cell | str:
    if r.capaian is None:
        na = "belum diisi" if r.belum_diisi else "n/a"
        return Cell(na, None, "persen").marked("**") if r.na and r.indikator.dinilai else ""
    shown = pct(r.capaian, r.batas).with_suffix(" %")
    if r.indikator.id in unprinted:
        shown = shown.marked("†")
    return shown.marked("*") if r.catatan else shown


def _realisasi_cell(r: IndikatorResult) -> Cell:
    """Realisasi as published: at the indicator's decimals (`compute.indicators.places`)."""
    if r.realisasi is None and r.belum_diisi:
        return Cell("belum diisi", None, "desimal")
    if r.realisasi is None:
        rumus = r.indikator.realisasi
        return dec(rumus) if isinstance(rumus, NA) else Cell("n/a", None, "desimal")
    return dec(r.realisasi, r.desimal)


def _notes(
    results: list[IndikatorResult], unprinted: AbstractSet[str] = frozenset()
) -> tuple[str, ...]:
    """A note for each policy that decided a capaian (*), each capaian that is NA (**) and
    a capaian the document does not print (†), so a reader sees why, under the table."""
    seen: list[str] = []
    shown = {r.indikator.id for r in results} | {s.indikator.id for r in results for s in r.sub}
    if unprinted & shown:
        seen.append(UNPRINTED)
    for r in results:
        if r.catatan and f"* {r.catatan}" not in seen:
            seen.append(f"* {r.catatan}")
    for r in results:
        if r.capaian is None and r.na and r.indikator.dinilai:
            seen.append(f"** {r.indikator.nama}: {r.na}; capaian tidak dihitung.")
    return tuple(seen)


def capaian(t: m.Tabel, h: Computed) -> Table:
    year = h.report.laporan.tahun
    header = [
        "No",
        "Indikator Kinerja",
        "Satuan",
        f"Tahun Dasar {year - 1}",
        "Target",
        "Realisasi",
        "Capaian",
    ]
    rows: list[list[str | list[str]]] = []
    unprinted = _unprinted(h)
    for i, r in enumerate(h.utama):
        ind = r.indikator
        rows.append(
            [
                f"{i + 1}.",
                ind.nama,
                ind.satuan,
                dec(ind.tahun_dasar),
                dec(ind.target, r.desimal_target),
                _realisasi_cell(r),
                _capaian_cell(r, unprinted),
            ]
        )
        for j, s in enumerate(r.sub):
            si = s.indikator
            rows.append(
                [
                    "",
                    f"{chr(97 + j)}. {si.nama}",
                    si.satuan,
                    dec(si.tahun_dasar),
                    dec(si.target, s.desimal_target),
                    _realisasi_cell(s),
                    _capaian_cell(s, unprinted),
                ]
            )
    none = "belum diisi" if any(r.belum_diisi for r in h.utama) else "n/a"
    mean = (
        pct(h.rata_rata, h.batas).with_suffix(" %")
        if h.rata_rata is not None
        else Cell(none, None, "persen")
    )
    rows.append(["", "Rata-rata capaian", "", "", "", "", mean])
    rows.append(["", "Kategori", "", "", "", "", h.kategori or "-"])
    last = len(rows)
    notes = _notes(h.utama, unprinted) + (
        (f"Rata-rata capaian: {h.cakupan}.",) if h.cakupan else ()
    )
    summary = frozenset({last - 2, last - 1})
    return Table(
        header, rows, "lllrrrr", summary, catatan=notes, ringkasan=summary, key_figures=(4, 5, 6)
    )


def capaian_indikator(t: m.Tabel, h: Computed) -> Table:
    results = []
    for iid in t.sumber:
        r = h.indikator.get(iid)
        if r is None:
            raise TableError(f"indikator {iid!r} tidak ada di indikator.yml")
        results.append(r)
    if not results:
        raise TableError("tabel capaian-indikator perlu `sumber` (id indikator)")
    header = ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"]
    rows: list[list[str | list[str]]] = []
    unprinted = _unprinted(h)
    for i, r in enumerate(results):
        ind = r.indikator
        rows.append(
            [
                f"{i + 1}.",
                ind.nama,
                ind.satuan,
                dec(ind.target, r.desimal_target),
                _realisasi_cell(r),
                _capaian_cell(r, unprinted),
            ]
        )
    notes = _notes(results, unprinted)
    return Table(header, rows, "lllrrr", catatan=notes, key_figures=(3, 4, 5))


def pertumbuhan(t: m.Tabel, h: Computed) -> Table:
    r = _one(t, h.indikator, "indikator.yml")
    f = r.indikator.realisasi
    if isinstance(f, NA) or f.jenis != "pertumbuhan":
        raise TableError(f"indikator {r.indikator.id!r} tidak memakai rumus pertumbuhan")
    header = ["No", "Uraian", f.tahun_b or "Tahun lalu", f.tahun_a or "Tahun ini"]
    rows: list[list[str | list[str]]] = [["1.", f.uraian_a or r.indikator.nama, dec(r.b), dec(r.a)]]
    return Table(header, rows, "llrr", key_figures=(2, 3))
