"""Named figures of a report, for prose: `<!-- lkip:nilai anggaran.apbd.pagu rp -->`.

Each name maps to a value and its kind; the kind decides how it is written and which
formats (`rp`, `terbilang`, `angka`) may be asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkip_build import model as m
from lkip_build.compute.budget import PosResult, SumberResult
from lkip_build.compute.common import slug
from lkip_build.compute.computed import Computed
from lkip_build.compute.staff import total as count_total
from lkip_build.model import NA, BelumDiisi
from lkip_build.model.numbers import (
    format_decimal,
    format_int,
    format_pct,
    format_rupiah,
    terbilang,
    terbilang_rupiah,
)


@dataclass(frozen=True)
class Fact:
    value: object
    kind: str  # "uang", "persen", "angka", "desimal", "teks"
    bounds: frozenset[Decimal] = frozenset()  # a percentage is never shown on one unreached
    places: int = 2  # a desimal's decimals, as the document prints it
    trim: bool = True  # a whole desimal without its decimals (a target 100, not 100,00)


FORMATS = {
    "uang": {"", "rp", "terbilang"},
    "persen": {"", "angka"},
    "angka": {"", "terbilang"},
    "desimal": {""},
    "teks": {""},
}


def write_fact(f: Fact, fmt: str = "") -> str:
    """Write a figure the Indonesian way, in the format asked for."""
    v = f.value
    if v is None:
        return "-"
    if isinstance(v, NA):
        return v.teks
    if f.kind == "uang":
        assert isinstance(v, int | Decimal)
        if isinstance(v, Decimal) and v != v.to_integral_value():  # exact sen
            if fmt == "terbilang":
                return terbilang_rupiah(v)
            shown = format_decimal(v, 2)
            return f"Rp{shown}" if fmt == "rp" else shown
        if fmt == "rp":
            return format_rupiah(int(v))
        if fmt == "terbilang":
            return terbilang_rupiah(int(v))
        return format_int(int(v))
    if f.kind == "persen":
        assert isinstance(v, Decimal)
        shown = format_pct(v, f.bounds)
        return shown if fmt == "angka" else f"{shown} %"
    if f.kind == "angka":
        assert isinstance(v, int), "every angka figure is a count"
        return terbilang(v) if fmt == "terbilang" else format_int(v)
    if f.kind == "desimal":
        assert isinstance(v, Decimal)
        return format_decimal(v, f.places, trim=f.trim)
    return str(v)


def _amount(v: object, pending: bool = False) -> object:
    """An amount the document does not print is NA ("n/a" in prose), never 0; one not
    known because a value is still to fill is "belum diisi"."""
    if v is None:
        return BelumDiisi() if pending else NA(teks="n/a")
    return v


def _pending(v: object, pending: bool) -> object:
    return BelumDiisi() if pending and isinstance(v, NA) else v


def _absorption(line: PosResult | SumberResult) -> object:
    """n/a without realisasi (as the tables show it); None, written '-', without pagu."""
    return NA(teks="n/a") if line.realisasi is None else line.persen


def _target(v: object, places: int = 2) -> Fact:
    return Fact(v, "desimal", places=places) if isinstance(v, Decimal) else Fact(v, "teks")


def collect_facts(h: Computed) -> dict[str, Fact]:
    """Every named figure of one report, domain by domain (the order names are listed in)."""
    out: dict[str, Fact] = {}
    for part in (_report, _indicators, _prices, _budget, _lists, _staff, _derived):
        out.update(part(h))
    return out


def _report(h: Computed) -> dict[str, Fact]:
    """The report's identity and its mean."""
    lap = h.report.laporan
    out = {
        "laporan.tahun": Fact(lap.tahun, "teks"),
        "laporan.instansi": Fact(lap.instansi, "teks"),
        "laporan.wilayah": Fact(lap.wilayah, "teks"),
    }
    if h.utama:
        pending = h.rata_rata is None and any(r.belum_diisi for r in h.utama)
        none: NA = BelumDiisi() if pending else NA(teks="n/a")
        mean = none if h.rata_rata is None else h.rata_rata
        out["kinerja.rata_rata"] = Fact(mean, "persen", h.batas)
        out["kinerja.kategori"] = Fact(BelumDiisi() if pending else h.kategori, "teks")
        out["kinerja.jumlah_indikator"] = Fact(len(h.utama), "angka")
    return out


def _indicators(h: Computed) -> dict[str, Fact]:
    out: dict[str, Fact] = {}
    for iid, r in h.indikator.items():
        p = f"indikator.{iid}"
        out[f"{p}.target"] = _target(r.indikator.target, r.desimal_target)
        rumus = r.indikator.realisasi
        printed_na = rumus if isinstance(rumus, NA) else NA(teks="n/a")
        if r.belum_diisi:
            printed_na = BelumDiisi()
        realisasi = printed_na if r.realisasi is None else r.realisasi
        out[f"{p}.realisasi"] = Fact(realisasi, "desimal", places=r.desimal)
        if r.capaian is not None:
            out[f"{p}.capaian"] = Fact(r.capaian, "persen", r.batas)
            out[f"{p}.kategori"] = Fact(r.kategori, "teks")
        elif r.belum_diisi:  # a draft: what prose names is "belum diisi", never a guess
            out[f"{p}.capaian"] = Fact(BelumDiisi(alasan=r.na), "persen")
            out[f"{p}.kategori"] = Fact(BelumDiisi(), "teks")
        elif r.na and r.indikator.dinilai:  # prose may name it: "n/a", as the table shows
            out[f"{p}.capaian"] = Fact(NA(teks="n/a", alasan=r.na), "persen")
        if r.capaian_mentah is not None:
            out[f"{p}.capaian_mentah"] = Fact(r.capaian_mentah, "persen")
        if r.a is not None:
            out[f"{p}.a"] = Fact(r.a, "desimal")
        if r.b is not None:
            out[f"{p}.b"] = Fact(r.b, "desimal")
    return out


def _prices(h: Computed) -> dict[str, Fact]:
    out: dict[str, Fact] = {}
    for gid, g in h.harga.items():
        mean = BelumDiisi() if g.rata_rata is None else g.rata_rata
        out[f"harga.{gid}.rata_rata"] = Fact(mean, "persen")
        out[f"harga.{gid}.jumlah_barang"] = Fact(len(g.barang), "angka")
    return out


def _budget(h: Computed) -> dict[str, Fact]:
    """Each source of funds and its named programmes; the agreement's revenue."""
    out: dict[str, Fact] = {}
    for sid, s in h.sumber.items():
        wait = any(p.belum_diisi for p in s.program)  # a draft: "belum diisi", not "n/a"
        out[f"anggaran.{sid}.pagu"] = Fact(_amount(s.pagu, wait), "uang")
        out[f"anggaran.{sid}.realisasi"] = Fact(_amount(s.realisasi, wait), "uang")
        sisa = None if s.realisasi is None or s.pagu is None else s.pagu - s.realisasi
        out[f"anggaran.{sid}.sisa"] = Fact(_amount(sisa, wait), "uang")
        out[f"anggaran.{sid}.persen"] = Fact(_pending(_absorption(s), wait), "persen")
        out.update(_versions(f"anggaran.{sid}", s.sumber.versi_pagu))
        for prog in s.program:
            if prog.pos.id:
                q = f"anggaran.{sid}.{prog.pos.id}"
                wait = prog.belum_diisi
                out[f"{q}.pagu"] = Fact(_amount(prog.pagu, wait), "uang")
                out[f"{q}.realisasi"] = Fact(_amount(prog.realisasi, wait), "uang")
                out[f"{q}.persen"] = Fact(_pending(_absorption(prog), wait), "persen")
                out.update(_versions(q, prog.pos.versi_pagu))
    pk = h.report.perjanjian
    if pk is not None and pk.pendapatan is not None:
        out["perjanjian.pendapatan"] = Fact(pk.pendapatan, "uang")
    return out


def _derived(h: Computed) -> dict[str, Fact]:
    """turunan.yml: each derived figure at its printed decimals, and its band."""
    out: dict[str, Fact] = {}
    for tid, r in h.turunan.items():
        value = NA(teks="n/a", alasan=r.na) if r.nilai is None else r.nilai
        out[f"turunan.{tid}"] = Fact(value, "desimal", places=r.turunan.desimal, trim=False)
        if r.turunan.kategori:
            out[f"turunan.{tid}.kategori"] = Fact(r.kategori or "-", "teks")
    return out


def _versions(prefix: str, items: list[m.VersiPagu]) -> dict[str, Fact]:
    """`<line>.versi.N.pagu` and `.selisih` (from version N - 1), N from 1, earliest first."""
    out: dict[str, Fact] = {}
    for i, v in enumerate(items):
        out[f"{prefix}.versi.{i + 1}.pagu"] = Fact(v.pagu, "uang")
        if i:
            out[f"{prefix}.versi.{i + 1}.selisih"] = Fact(v.pagu - items[i - 1].pagu, "uang")
    return out


def _lists(h: Computed) -> dict[str, Fact]:
    out: dict[str, Fact] = {}
    for did, d in h.daftar.items():
        out[f"daftar.{did}.jumlah"] = Fact(d.banyak, "angka")
        for col, total in d.jumlah.items():
            out[f"daftar.{did}.total.{col}"] = Fact(total, "angka")
    return out


def _staff(h: Computed) -> dict[str, Fact]:
    """Each staff table's total, columns, sub-columns, rows (count and share), cells, groups."""
    out: dict[str, Fact] = {}
    for kid, k in h.komposisi.items():
        p = f"pegawai.{kid}"
        kom = k.komposisi
        out[f"{p}.total"] = Fact(_count(k.total), "angka")
        sub = max(1, len(kom.sub_kolom))
        for ci, col in enumerate(kom.kolom):
            column = count_total(k.jumlah_kolom[ci * sub : (ci + 1) * sub])
            out[f"{p}.kolom.{slug(col)}"] = Fact(_count(column), "angka")
        for si, sk in enumerate(kom.sub_kolom):
            column = count_total(k.jumlah_kolom[si::sub])
            out[f"{p}.kolom.{slug(sk)}"] = Fact(_count(column), "angka")
        for row, total in zip(kom.baris, k.jumlah_baris, strict=True):
            out[f"{p}.baris.{slug(row.label)}"] = Fact(_count(total), "angka")
            if k.total is None or total is None:  # a draft: a count still to fill
                out[f"{p}.persen.{slug(row.label)}"] = Fact(BelumDiisi(), "persen")
            elif k.total:
                out[f"{p}.persen.{slug(row.label)}"] = Fact(
                    Decimal(total) * 100 / k.total, "persen"
                )
            for ci, col in enumerate(kom.kolom):
                cells = [
                    None if isinstance(v, NA) else v for v in row.nilai[ci * sub : (ci + 1) * sub]
                ]
                out[f"{p}.sel.{slug(row.label)}.{slug(col)}"] = Fact(
                    _count(count_total(cells)), "angka"
                )
        for name, total in k.kelompok.items():
            out[f"{p}.kelompok.{slug(name)}"] = Fact(_count(total), "angka")
    return out


def _count(v: int | None) -> object:
    """A count still to fill (or summing one) is "belum diisi" in prose, never 0."""
    return BelumDiisi() if v is None else v
