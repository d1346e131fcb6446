"""Every derived figure of a report, computed from its inputs with Decimal arithmetic.

Pure functions: they take model objects and return result objects; nothing is rounded
here except an indicator's realisasi, which the report publishes at a fixed precision and
computes its capaian from (1,08 / 1,12 = 96,43 %, where the unrounded 1,0787 would give
96,31 %). Problems that make a figure impossible (a zero target, a dangling reference)
are collected, never raised one by one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from . import model as m
from .angka import round_half_up
from .model import NA, Lokasi
from .problems import Collector
from .report import Report

HUNDRED = Decimal(100)


def slug(text: str) -> str:
    """'ASN (orang)' -> 'asn-orang': the name of a label inside value names."""
    out, dash = [], False
    for ch in text.lower():
        if ch.isalnum() and ch.isascii():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def mean(values: list[Decimal]) -> Decimal:
    return sum(values, Decimal(0)) / len(values)


def persen(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """part / whole x 100, or None when whole is 0 (a pagu of 0 has no absorption)."""
    if whole == 0:
        return None
    return Decimal(part) * HUNDRED / Decimal(whole)


# ---------------------------------------------------------------- lists


@dataclass(frozen=True)
class HasilDaftar:
    daftar: m.Daftar
    baris: list[dict[str, object]]  # numeric cells as int, computed columns added
    jumlah: dict[str, int]  # column totals of numeric and computed columns

    @property
    def banyak(self) -> int:
        return len(self.baris)


def hitung_daftar(daftar: m.Daftar, problems: Collector) -> HasilDaftar:
    from .angka import AngkaError, parse_int

    angka = {k.kunci for k in daftar.kolom if k.jenis == "angka"}
    known = {k.kunci for k in daftar.kolom}
    rows: list[dict[str, object]] = []
    for i, raw in enumerate(daftar.baris):
        row: dict[str, object] = {}
        where = Lokasi(daftar.lokasi.file, daftar.lokasi.line, f"daftar[{daftar.id}].baris[{i}]")
        for key, value in raw.items():
            if key not in known:
                problems.add("unknown-column", where, f"kolom {key!r} tidak ada di `kolom`")
                continue
            if key in angka:
                try:
                    row[key] = parse_int(value) if isinstance(value, str) else 0
                except AngkaError as exc:
                    problems.add("bad-number", where, f"{key}: {value!r}: {exc}")
                    row[key] = 0
            else:
                row[key] = value
        for key in angka:
            row.setdefault(key, 0)
        for extra in daftar.kolom_jumlah:
            row[extra.kunci] = sum(int(row.get(k, 0)) for k in extra.dari)  # type: ignore[arg-type]
        rows.append(row)
    numeric = angka | {k.kunci for k in daftar.kolom_jumlah}
    totals = {k: sum(int(r[k]) for r in rows) for k in numeric}  # type: ignore[arg-type]
    return HasilDaftar(daftar, rows, totals)


# ---------------------------------------------------------------- staff tables


@dataclass(frozen=True)
class HasilKomposisi:
    komposisi: m.Komposisi
    jumlah_baris: list[int]
    jumlah_kolom: list[int]  # per value column (unit x sub column)
    total: int
    kelompok: dict[str, int]

    @property
    def lebar(self) -> int:
        return len(self.komposisi.kolom) * max(1, len(self.komposisi.sub_kolom))


def hitung_komposisi(k: m.Komposisi, problems: Collector) -> HasilKomposisi:
    width = len(k.kolom) * max(1, len(k.sub_kolom))
    for row in k.baris:
        if len(row.nilai) != width:
            problems.add(
                "row-length",
                row.lokasi,
                f"baris {row.label!r} berisi {len(row.nilai)} nilai, seharusnya {width}",
            )
    rows = [list(r.nilai) + [0] * (width - len(r.nilai)) for r in k.baris]
    rows = [r[:width] for r in rows]
    kelompok: dict[str, int] = {}
    for r, row in zip(k.baris, rows, strict=True):
        if r.kelompok:
            kelompok[r.kelompok] = kelompok.get(r.kelompok, 0) + sum(row)
    return HasilKomposisi(
        komposisi=k,
        jumlah_baris=[sum(r) for r in rows],
        jumlah_kolom=[sum(r[c] for r in rows) for c in range(width)],
        total=sum(sum(r) for r in rows),
        kelompok=kelompok,
    )


# ---------------------------------------------------------------- prices


@dataclass(frozen=True)
class HasilBarang:
    barang: m.Barang
    selisih: int
    persen: Decimal | None


@dataclass(frozen=True)
class HasilHarga:
    kelompok: m.KelompokHarga
    barang: list[HasilBarang]
    rata_rata: Decimal


def hitung_harga(k: m.KelompokHarga, problems: Collector) -> HasilHarga | None:
    items = []
    for b in k.barang:
        if b.harga_lalu <= 0:
            problems.add("price-zero", b.lokasi, f"harga {k.tahun_lalu} harus lebih dari 0")
        items.append(
            HasilBarang(
                b, b.harga_kini - b.harga_lalu, persen(b.harga_kini - b.harga_lalu, b.harga_lalu)
            )
        )
    values = [i.persen for i in items if i.persen is not None]
    if not values:
        problems.add("empty-group", k.lokasi, f"kelompok harga {k.id!r} tidak berisi barang")
        return None
    return HasilHarga(k, items, mean(values))


# ---------------------------------------------------------------- budget


@dataclass(frozen=True)
class HasilPos:
    pos: m.PosAnggaran
    pagu: int
    realisasi: int
    anak: list[HasilPos] = field(default_factory=list)

    @property
    def persen(self) -> Decimal | None:
        return persen(self.realisasi, self.pagu)

    @property
    def sisa(self) -> int:
        return self.pagu - self.realisasi


@dataclass(frozen=True)
class HasilSumber:
    sumber: m.SumberDana
    program: list[HasilPos]

    @property
    def pagu(self) -> int:
        return sum(p.pagu for p in self.program)

    @property
    def realisasi(self) -> int:
        return sum(p.realisasi for p in self.program)

    @property
    def persen(self) -> Decimal | None:
        return persen(self.realisasi, self.pagu)


def hitung_pos(pos: m.PosAnggaran, problems: Collector) -> HasilPos:
    if pos.rincian:
        if pos.pagu is not None or pos.realisasi is not None:
            problems.add(
                "derived-amount-typed",
                pos.lokasi,
                f"{pos.nama!r} punya rincian: pagu/realisasinya dihitung dari rincian; "
                "hapus angkanya (catat angka dokumen di `tertulis`)",
            )
        anak = [hitung_pos(c, problems) for c in pos.rincian]
        return HasilPos(pos, sum(a.pagu for a in anak), sum(a.realisasi for a in anak), anak)
    if pos.pagu is None:
        problems.add("missing-field", pos.lokasi, f"{pos.nama!r}: pagu belum diisi")
    for name in ("pagu", "realisasi"):
        value = getattr(pos, name)
        if value is not None and value < 0:
            problems.add("negative-amount", pos.lokasi, f"{name} tidak boleh negatif: {value}")
    return HasilPos(pos, pos.pagu or 0, pos.realisasi or 0)


# ---------------------------------------------------------------- indicators


@dataclass(frozen=True)
class HasilIndikator:
    indikator: m.Indikator
    a: Decimal | None
    b: Decimal | None
    realisasi: Decimal  # as published: rounded to the report's desimal_realisasi
    realisasi_tepat: Decimal  # before that rounding
    capaian: Decimal | None  # None for a sub-indicator that is not assessed
    capaian_mentah: Decimal | None  # before the cap
    kategori: str
    catatan: str  # a stated policy that decided the capaian (target NA), shown to readers
    sub: list[HasilIndikator]


def kategori_skala(value: Decimal, skala: list[m.Kategori]) -> str:
    for band in skala:
        if band.batas_bawah is None or value >= band.batas_bawah:
            return band.kategori
    return ""


class _Ctx:
    def __init__(
        self,
        report: Report,
        daftar: dict[str, HasilDaftar],
        harga: dict[str, HasilHarga],
        problems: Collector,
    ):
        self.report = report
        self.daftar = daftar
        self.harga = harga
        self.problems = problems


def nilai_masukan(x: m.Masukan, ctx: _Ctx) -> Decimal | None:
    """The value of one formula input: typed, or counted/summed over a list."""
    if x.nilai is not None:
        return x.nilai
    if x.daftar:
        return hitung_dari_daftar(x, ctx)
    ctx.problems.add("missing-field", x.lokasi, "masukan perlu `nilai` atau `daftar`")
    return None


def hitung_dari_daftar(x: m.Masukan, ctx: _Ctx) -> Decimal | None:
    d = ctx.daftar.get(x.daftar)
    if d is None:
        ctx.problems.add("unknown-ref", x.lokasi, f"daftar {x.daftar!r} tidak ada di daftar.yml")
        return None
    if x.jumlah:
        if x.jumlah not in d.jumlah:
            ctx.problems.add(
                "unknown-ref", x.lokasi, f"daftar {x.daftar!r} tidak punya kolom angka {x.jumlah!r}"
            )
            return None
        return Decimal(d.jumlah[x.jumlah])
    if x.unik:
        return Decimal(len({str(r.get(x.unik, "")).strip().lower() for r in d.baris}))
    return Decimal(d.banyak)


def hitung_indikator(ind: m.Indikator, ctx: _Ctx) -> HasilIndikator | None:
    kebijakan = ctx.report.laporan.kebijakan
    problems = ctx.problems
    sub = [h for s in ind.sub if (h := hitung_indikator(s, ctx)) is not None]
    r = ind.realisasi
    a = nilai_masukan(r.a, ctx) if r.a else None
    b = nilai_masukan(r.b, ctx) if r.b else None
    exact: Decimal | None = None
    if r.jenis == "langsung":
        exact = a
    elif r.jenis in ("rasio", "pertumbuhan"):
        if a is None or b is None:
            if r.a is None or r.b is None:
                problems.add("missing-field", r.lokasi, f"rumus {r.jenis} perlu masukan a dan b")
            return None
        if b == 0:
            problems.add(
                "division-by-zero", r.lokasi, "masukan b bernilai 0: rumus tidak bisa dihitung"
            )
            return None
        exact = (a if r.jenis == "rasio" else a - b) * HUNDRED / b
    elif r.jenis == "rerata_harga":
        h = ctx.harga.get(r.kelompok)
        if h is None:
            problems.add(
                "unknown-ref", r.lokasi, f"kelompok harga {r.kelompok!r} tidak ada di harga.yml"
            )
            return None
        exact = h.rata_rata
    elif r.jenis == "rerata_sub":
        if not sub:
            problems.add("missing-field", r.lokasi, "rerata_sub perlu sub-indikator")
            return None
        exact = mean([s.realisasi for s in sub])
    if exact is None:
        return None
    realisasi = round_half_up(exact, kebijakan.desimal_realisasi)
    capaian = mentah = None
    kategori = catatan = ""
    if ind.dinilai:
        capaian, mentah, kategori, catatan = _capaian(ind, realisasi, ctx)
    return HasilIndikator(ind, a, b, realisasi, exact, capaian, mentah, kategori, catatan, sub)


def _capaian(
    ind: m.Indikator, realisasi: Decimal, ctx: _Ctx
) -> tuple[Decimal | None, Decimal | None, str, str]:
    aturan = ind.aturan
    laporan = ctx.report.laporan
    if aturan.jenis == "skala":
        if not aturan.skala:
            ctx.problems.add("missing-field", aturan.lokasi, "aturan skala perlu daftar `skala`")
            return None, None, "", ""
        for step in aturan.skala:
            if step.batas_atas is None or realisasi <= step.batas_atas:
                return step.capaian, step.capaian, step.kategori, ""
        ctx.problems.add(
            "scale-gap", aturan.lokasi, f"realisasi {realisasi} di luar semua langkah skala"
        )
        return None, None, "", ""
    target = ind.target
    if isinstance(target, NA) or target is None:
        policy = laporan.kebijakan.capaian_target_na
        if policy is None:
            ctx.problems.add(
                "target-na-no-policy",
                ind.lokasi,
                f"{ind.id}: target NA tetapi laporan tidak menetapkan kebijakan.capaian_target_na",
            )
            return None, None, "", ""
        note = f"Target NA: capaian ditetapkan {policy} % sesuai kebijakan laporan."
        return policy, None, kategori_skala(policy, laporan.skala_capaian), note
    if target <= 0:
        ctx.problems.add(
            "target-not-positive", ind.lokasi, f"{ind.id}: target {target} harus lebih dari 0"
        )
        return None, None, "", ""
    if aturan.jenis == "rasio":
        raw = realisasi * HUNDRED / target
    elif aturan.jenis == "selisih":
        raw = (2 * target - realisasi) * HUNDRED / target
    else:  # kebalikan
        if realisasi == 0:
            ctx.problems.add(
                "division-by-zero",
                ind.lokasi,
                f"{ind.id}: realisasi 0, aturan kebalikan tidak bisa dihitung",
            )
            return None, None, "", ""
        raw = target * HUNDRED / realisasi
    capped = min(raw, aturan.batas) if aturan.batas is not None else raw
    capped = max(capped, Decimal(0))
    return capped, raw, kategori_skala(capped, laporan.skala_capaian), ""


# ---------------------------------------------------------------- the whole report


@dataclass(frozen=True)
class Hasil:
    """Everything computed for one report."""

    report: Report
    daftar: dict[str, HasilDaftar]
    komposisi: dict[str, HasilKomposisi]
    harga: dict[str, HasilHarga]
    sumber: dict[str, HasilSumber]
    indikator: dict[str, HasilIndikator]  # every indicator and sub-indicator by id
    utama: list[HasilIndikator]  # top-level indicators in order
    rata_rata: Decimal | None
    kategori: str


def hitung(report: Report, problems: Collector) -> Hasil:
    daftar = {}
    if report.daftar:
        for d in report.daftar.daftar:
            daftar[d.id] = hitung_daftar(d, problems)
    komposisi = {}
    if report.pegawai:
        for k in report.pegawai.komposisi:
            komposisi[k.id] = hitung_komposisi(k, problems)
    harga = {}
    if report.harga:
        for g in report.harga.kelompok:
            if (h := hitung_harga(g, problems)) is not None:
                harga[g.id] = h
    sumber = {}
    if report.anggaran:
        for s in report.anggaran.sumber:
            sumber[s.id] = HasilSumber(s, [hitung_pos(p, problems) for p in s.program])
    ctx = _Ctx(report, daftar, harga, problems)
    utama: list[HasilIndikator] = []
    semua: dict[str, HasilIndikator] = {}
    if report.kinerja:
        for ind in report.kinerja.indikator:
            h = hitung_indikator(ind, ctx)
            if h is not None:
                utama.append(h)
                stack = [h]
                while stack:
                    x = stack.pop()
                    semua[x.indikator.id] = x
                    stack.extend(x.sub)
    scored = [h.capaian for h in utama if h.capaian is not None]
    rata = mean(scored) if scored else None
    kategori = kategori_skala(rata, report.laporan.skala_capaian) if rata is not None else ""
    return Hasil(report, daftar, komposisi, harga, sumber, semua, utama, rata, kategori)
