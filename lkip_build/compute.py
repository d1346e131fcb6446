"""Every derived figure of a report, computed from its inputs with Decimal arithmetic.

Pure functions: they take model objects and return result objects; nothing is rounded
here except an indicator's realisasi, which the report publishes at a fixed precision and
computes its capaian from (1,08 / 1,12 = 96,43 %, where the unrounded 1,0787 would give
96,31 %). Problems that make a figure impossible (a zero target, a dangling reference)
are collected, never raised one by one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import cast

from . import model as m
from . import skala as skala_mod
from .capaian import RULES, AppliedRule, num
from .model import NA, Location
from .numbers import format_decimal, round_half_up
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
class DaftarResult:
    daftar: m.Daftar
    baris: list[dict[str, object]]  # numeric cells as int, computed columns added
    jumlah: dict[str, int]  # column totals of numeric and computed columns

    @property
    def banyak(self) -> int:
        return len(self.baris)


def compute_daftar(daftar: m.Daftar, problems: Collector) -> DaftarResult:
    from .numbers import AngkaError, parse_int

    numbers = {k.kunci for k in daftar.kolom if k.jenis == "angka"}
    known = {k.kunci for k in daftar.kolom}
    rows: list[dict[str, object]] = []
    for i, raw in enumerate(daftar.baris):
        row: dict[str, object] = {}
        where = Location(daftar.lokasi.file, daftar.lokasi.line, f"daftar[{daftar.id}].baris[{i}]")
        for key, value in raw.items():
            if key not in known:
                problems.add("unknown-column", where, f"kolom {key!r} tidak ada di `kolom`")
                continue
            if key in numbers:
                if not isinstance(value, str):
                    problems.add(
                        "input-not-number",
                        where,
                        f"kolom angka {key!r} berisi daftar {value!r}; tulis satu angka",
                    )
                    row[key] = 0
                    continue
                try:
                    row[key] = parse_int(value)
                except AngkaError as exc:
                    problems.add("bad-number", where, f"{key}: {value!r}: {exc}")
                    row[key] = 0
            else:
                row[key] = value
        for key in numbers:
            row.setdefault(key, 0)
        for extra in daftar.kolom_jumlah:
            total = 0
            for k in extra.dari:
                cell = row.get(k, 0)
                if isinstance(cell, int):
                    total += cell
                else:  # a text cell: kolom_jumlah sums numeric columns only
                    problems.add(
                        "input-not-number",
                        where,
                        f"kolom_jumlah {extra.kunci!r} menjumlahkan kolom teks {k!r}; "
                        "jumlahkan kolom angka saja",
                    )
            row[extra.kunci] = total
        rows.append(row)
    numeric = numbers | {k.kunci for k in daftar.kolom_jumlah}
    # cast: a numeric cell is an int by construction (parsed, defaulted to 0, or summed above)
    totals = {k: sum(cast(int, r[k]) for r in rows) for k in numeric}
    return DaftarResult(daftar, rows, totals)


# ---------------------------------------------------------------- staff tables


@dataclass(frozen=True)
class KomposisiResult:
    komposisi: m.Komposisi
    jumlah_baris: list[int]
    jumlah_kolom: list[int]  # per value column (unit x sub column)
    total: int
    kelompok: dict[str, int]

    @property
    def lebar(self) -> int:
        return len(self.komposisi.kolom) * max(1, len(self.komposisi.sub_kolom))


def compute_komposisi(k: m.Komposisi, problems: Collector) -> KomposisiResult:
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
    for r, values in zip(k.baris, rows, strict=True):
        if r.kelompok:
            kelompok[r.kelompok] = kelompok.get(r.kelompok, 0) + sum(values)
    return KomposisiResult(
        komposisi=k,
        jumlah_baris=[sum(r) for r in rows],
        jumlah_kolom=[sum(r[c] for r in rows) for c in range(width)],
        total=sum(sum(r) for r in rows),
        kelompok=kelompok,
    )


# ---------------------------------------------------------------- prices


@dataclass(frozen=True)
class BarangResult:
    barang: m.Barang
    selisih: int | Decimal  # exact sen where a price has them
    persen: Decimal | None


@dataclass(frozen=True)
class HargaResult:
    kelompok: m.KelompokHarga
    barang: list[BarangResult]
    rata_rata: Decimal


def compute_harga(k: m.KelompokHarga, problems: Collector) -> HargaResult | None:
    items = []
    for b in k.barang:
        if b.harga_lalu <= 0:
            problems.add("price-zero", b.lokasi, f"harga {k.tahun_lalu} harus lebih dari 0")
        items.append(
            BarangResult(
                b, b.harga_kini - b.harga_lalu, persen(b.harga_kini - b.harga_lalu, b.harga_lalu)
            )
        )
    values = [i.persen for i in items if i.persen is not None]
    if not values:
        problems.add("empty-group", k.lokasi, f"kelompok harga {k.id!r} tidak berisi barang")
        return None
    return HargaResult(k, items, mean(values))


# ---------------------------------------------------------------- budget


@dataclass(frozen=True)
class PosResult:
    pos: m.PosAnggaran
    pagu: int | Decimal
    realisasi: int | Decimal | None  # None: the document prints none (NA), here and below
    anak: list[PosResult] = field(default_factory=list)
    induk: str = "rasio_jumlah"  # how a parent's percentage is made (SumberDana.persen_induk)

    @property
    def persen(self) -> Decimal | None:
        if self.realisasi is None:
            return None
        if self.anak and self.induk == "rerata_baris":
            return _mean_of([a.persen for a in self.anak])
        return persen(self.realisasi, self.pagu)

    @property
    def sisa(self) -> int | Decimal | None:
        return None if self.realisasi is None else self.pagu - self.realisasi


def _sum(values: list[int | Decimal | None]) -> int | Decimal | None:
    """A total of amounts, or None when any of them is not available: never a partial sum."""
    amounts = [v for v in values if v is not None]
    if len(amounts) < len(values):
        return None
    return sum(amounts, 0)


@dataclass(frozen=True)
class SumberResult:
    sumber: m.SumberDana
    program: list[PosResult]

    @property
    def pagu(self) -> int | Decimal:
        return sum((p.pagu for p in self.program), 0)

    @property
    def realisasi(self) -> int | Decimal | None:
        return _sum([p.realisasi for p in self.program])

    @property
    def persen(self) -> Decimal | None:
        if self.realisasi is None:
            return None
        if self.sumber.persen_induk == "rerata_baris":
            return _mean_of([p.persen for p in self.program])
        return persen(self.realisasi, self.pagu)


def _mean_of(values: list[Decimal | None]) -> Decimal | None:
    """The mean of the rows' percentages (rows without one, pagu 0, are not rows of it)."""
    known = [v for v in values if v is not None]
    return mean(known) if known else None


def compute_pos(pos: m.PosAnggaran, problems: Collector, induk: str = "rasio_jumlah") -> PosResult:
    """A line's amounts: a leaf's as typed, a parent's the sums of its children. Realisasi
    may be given at the level the document prints it: on a parent whose children give none
    (NA); a missing realisasi is an error, never a silent 0."""
    for name in ("pagu", "realisasi"):
        value = getattr(pos, name)
        if isinstance(value, int | Decimal) and value < 0:
            problems.add("negative-amount", pos.lokasi, f"{name} tidak boleh negatif: {value}")
    own = None if isinstance(pos.realisasi, NA) else pos.realisasi
    if pos.rincian:
        anak = [compute_pos(c, problems, induk) for c in pos.rincian]
        children = _sum([a.realisasi for a in anak])
        typed_over_children = own is not None and any(a.realisasi is not None for a in anak)
        if pos.pagu is not None or typed_over_children:
            problems.add(
                "derived-amount-typed",
                pos.lokasi,
                f"{pos.nama!r} punya rincian: pagu/realisasinya dihitung dari rincian; "
                "hapus angkanya (catat angka dokumen di `tertulis`)",
            )
        realisasi = own if own is not None and children is None else children
        return PosResult(pos, sum((a.pagu for a in anak), 0), realisasi, anak, induk)
    if pos.pagu is None:
        problems.add("missing-field", pos.lokasi, f"{pos.nama!r}: pagu belum diisi")
    if pos.realisasi is None:
        problems.add(
            "missing-field",
            pos.lokasi,
            f"{pos.nama!r}: realisasi belum diisi; tulis `realisasi: NA` bila dokumen tidak "
            "mencetaknya",
        )
    return PosResult(pos, pos.pagu or 0, own)


# ---------------------------------------------------------------- indicators


@dataclass(frozen=True)
class IndikatorResult:
    indikator: m.Indikator
    a: Decimal | NA | None
    b: Decimal | NA | None
    realisasi: Decimal | None  # as published (rounded to desimal_realisasi); None when NA
    realisasi_tepat: Decimal | None  # before that rounding
    capaian: Decimal | None  # None: not assessed, or NA (see `na`)
    capaian_mentah: Decimal | None  # before the cap
    kategori: str
    catatan: str  # a stated policy that decided the capaian (NA), shown to readers
    sub: list[IndikatorResult]
    na: str = ""  # why capaian is NA ("realisasi tidak tersedia: ..."); "" when it is not
    applied: AppliedRule | None = None  # the rule applied, with its numbers
    out_of_domain: str = ""  # why the result lies outside its rule's domain, or ""

    batas: frozenset[Decimal] = frozenset()  # the scale's bounds: never displayed unreached

    @property
    def realisasi_na(self) -> bool:
        return self.realisasi is None


def kategori_skala(value: Decimal, skala: list[m.Kategori] | str) -> str:
    band = skala_mod.classify(value, skala_mod.resolve(skala))
    return band.kategori if band is not None else ""


class _Ctx:
    def __init__(
        self,
        report: Report,
        daftar: dict[str, DaftarResult],
        harga: dict[str, HargaResult],
        problems: Collector,
    ):
        self.report = report
        self.daftar = daftar
        self.harga = harga
        self.problems = problems
        self.pita = skala_mod.resolve(report.laporan.skala_capaian)
        self.batas = frozenset(skala_mod.boundaries(self.pita))

    def kategori(self, value: Decimal, where: Location, what: str) -> str:
        if not self.pita:
            return ""
        band = skala_mod.classify(value, self.pita)
        if band is None:
            self.problems.add(
                "value-in-scale-gap",
                where,
                f"{what} {format_decimal(value)} % jatuh di celah skala_capaian: "
                "dokumen tidak mendefinisikan kategorinya",
            )
            return ""
        return band.kategori


def input_value(x: m.Masukan, ctx: _Ctx) -> Decimal | NA | None:
    """The value of one formula input: typed, NA, or counted/summed over a list."""
    if x.nilai is not None:
        return x.nilai
    if x.daftar:
        return count_from_daftar(x, ctx.daftar, ctx.problems)
    ctx.problems.add("missing-field", x.lokasi, "masukan perlu `nilai` atau `daftar`")
    return None


def count_from_daftar(
    x: m.Masukan, daftar: dict[str, DaftarResult], problems: Collector | None
) -> Decimal | None:
    """What an input counts or sums over its list; the one place this is computed."""
    d = daftar.get(x.daftar)
    if d is None:
        if problems is not None:
            problems.add("unknown-ref", x.lokasi, f"daftar {x.daftar!r} tidak ada di daftar.yml")
        return None
    if x.jumlah:
        if x.jumlah not in d.jumlah:
            if problems is not None:
                problems.add(
                    "unknown-ref",
                    x.lokasi,
                    f"daftar {x.daftar!r} tidak punya kolom angka {x.jumlah!r}",
                )
            return None
        return Decimal(d.jumlah[x.jumlah])
    if x.unik:
        return Decimal(len({str(r.get(x.unik, "")).strip().lower() for r in d.baris}))
    return Decimal(d.banyak)


def _realisasi(
    ind: m.Indikator, sub: list[IndikatorResult], ctx: _Ctx
) -> tuple[Decimal | NA | None, Decimal | NA | None, Decimal | NA | None]:
    """(a, b, exact realisasi) by the indicator's formula; NA when an input is NA."""
    r = ind.realisasi
    if isinstance(r, NA):
        return None, None, r
    problems = ctx.problems
    a = input_value(r.a, ctx) if r.a else None
    b = input_value(r.b, ctx) if r.b else None
    if r.jenis in ("rasio", "pertumbuhan", "langsung", "skor"):
        needed = [a] if r.jenis in ("langsung", "skor") else [a, b]
        if any(isinstance(v, NA) for v in needed):
            return a, b, next(v for v in needed if isinstance(v, NA))
        if any(v is None for v in needed):
            if r.a is None or (r.b is None and len(needed) == 2):
                problems.add("missing-field", r.lokasi, f"rumus {r.jenis} perlu masukan a dan b")
            return a, b, None
    if r.jenis == "langsung":
        return a, b, a
    if r.jenis in ("rasio", "pertumbuhan"):
        assert isinstance(a, Decimal) and isinstance(b, Decimal)
        if b == 0:
            problems.add(
                "division-by-zero", r.lokasi, "masukan b bernilai 0: rumus tidak bisa dihitung"
            )
            return a, b, None
        return a, b, (a if r.jenis == "rasio" else a - b) * HUNDRED / b
    if r.jenis == "skor":
        assert isinstance(a, Decimal)
        if r.pembagi == 0:
            problems.add("division-by-zero", r.lokasi, "pembagi rumus skor bernilai 0")
            return a, b, None
        return a, b, r.konstanta + a * r.pengali / r.pembagi
    if r.jenis == "triwulan":
        return a, b, _triwulan(r, problems)
    if r.jenis == "rerata_harga":
        h = ctx.harga.get(r.kelompok)
        if h is None:
            problems.add(
                "unknown-ref", r.lokasi, f"kelompok harga {r.kelompok!r} tidak ada di harga.yml"
            )
            return a, b, None
        return a, b, h.rata_rata
    # rerata_sub
    if not sub:
        problems.add("missing-field", r.lokasi, "rerata_sub perlu sub-indikator")
        return a, b, None
    missing = [s for s in sub if s.realisasi is None]
    if missing:
        return a, b, NA(alasan=f"realisasi {missing[0].indikator.id} tidak tersedia")
    return a, b, mean([s.realisasi for s in sub if s.realisasi is not None])


def _triwulan(r: m.Rumus, problems: Collector) -> Decimal | NA | None:
    values = list(r.triwulan)
    if not values:
        problems.add("missing-field", r.lokasi, "rumus triwulan perlu daftar `triwulan`")
        return None
    if len(values) > 4:
        problems.add(
            "value-out-of-range", r.lokasi, f"{len(values)} nilai triwulan; paling banyak 4"
        )
        return None
    filled = [v for v in values if isinstance(v, Decimal)]
    if r.agregasi == "terakhir":
        return filled[-1] if filled else NA(alasan="belum ada triwulan yang terisi")
    if len(filled) != len(values):
        return NA(alasan="ada triwulan yang belum tersedia")
    return sum(filled, Decimal(0)) if r.agregasi == "jumlah" else mean(filled)


def _domain(ind: m.Indikator, a: object, exact: Decimal) -> str:
    r = ind.realisasi
    if isinstance(r, NA):
        return ""
    out = []
    if (
        len(r.rentang_a) == 2
        and isinstance(a, Decimal)
        and not r.rentang_a[0] <= a <= r.rentang_a[1]
    ):
        lo, hi = (format_decimal(v, 2, trim=True) for v in r.rentang_a)
        out.append(f"masukan a = {format_decimal(a, 2, trim=True)} di luar rentang {lo}–{hi}")
    if len(r.rentang) == 2 and not r.rentang[0] <= exact <= r.rentang[1]:
        lo, hi = (format_decimal(v, 2, trim=True) for v in r.rentang)
        out.append(f"hasil {format_decimal(exact)} di luar rentang rumus {lo}–{hi}")
    return "; ".join(out)


def compute_indikator(ind: m.Indikator, ctx: _Ctx) -> IndikatorResult | None:
    kebijakan = ctx.report.laporan.kebijakan
    sub = [h for s in ind.sub if (h := compute_indikator(s, ctx)) is not None]
    a, b, exact = _realisasi(ind, sub, ctx)
    if exact is None:
        return None  # a problem was recorded: the build stops and says why
    if isinstance(exact, NA):
        reason = exact.alasan or ind.alasan_na or kebijakan.alasan_realisasi_na
        h = IndikatorResult(ind, a, b, None, None, None, None, "", "", sub)
        return _na_capaian(h, "realisasi", reason, kebijakan.capaian_realisasi_na, ctx)
    realisasi = round_half_up(exact, kebijakan.desimal_realisasi)
    h = IndikatorResult(
        ind,
        a,
        b,
        realisasi,
        exact,
        None,
        None,
        "",
        "",
        sub,
        out_of_domain=_domain(ind, a, exact),
        batas=ctx.batas,
    )
    if not ind.dinilai:
        return h
    return _capaian(h, ctx)


def _na_capaian(
    h: IndikatorResult, what: str, reason: str, policy: Decimal | None, ctx: _Ctx
) -> IndikatorResult:
    """Capaian of an indicator with an NA target or realisasi: NA, or the report's policy."""
    ind = h.indikator
    label = f"{what.capitalize()} NA" + (f" ({reason})" if reason else "")
    if not ind.dinilai:
        return replace(h, na=label)
    if policy is None:
        expl = AppliedRule("na", f"{what.capitalize()} tidak tersedia", "", reason)
        return replace(h, na=label, applied=expl)
    shown = format_decimal(policy, 2, trim=True)
    note = f"{what.capitalize()} NA: capaian ditetapkan {shown} % sesuai kebijakan laporan."
    if reason:
        note += f" Alasan: {reason}"
    expl = AppliedRule("kebijakan", f"{what.capitalize()} NA", "", "kebijakan laporan")
    kategori = ctx.kategori(policy, ind.lokasi, f"{ind.id}: capaian")
    return replace(h, capaian=policy, kategori=kategori, catatan=note, applied=expl)


def _capaian(h: IndikatorResult, ctx: _Ctx) -> IndikatorResult | None:
    ind = h.indikator
    aturan = ind.aturan
    realisasi = h.realisasi
    assert realisasi is not None
    kebijakan = ctx.report.laporan.kebijakan
    if aturan.jenis == "skala":
        if not aturan.skala:
            ctx.problems.add("missing-field", aturan.lokasi, "aturan skala perlu daftar `skala`")
            return None
        for step in aturan.skala:
            if step.batas_atas is None or realisasi <= step.batas_atas:
                expl = AppliedRule(
                    "skala",
                    aturan.judul_skala or "Skala",
                    f"realisasi {num(realisasi)} masuk langkah "
                    + (
                        f"X ≤ {num(step.batas_atas)} %"
                        if step.batas_atas is not None
                        else "terakhir"
                    ),
                )
                return replace(
                    h,
                    capaian=step.capaian,
                    capaian_mentah=step.capaian,
                    kategori=step.kategori,
                    applied=expl,
                )
        ctx.problems.add(
            "scale-gap", aturan.lokasi, f"realisasi {realisasi} di luar semua langkah skala"
        )
        return None
    target = ind.target
    if isinstance(target, NA):
        reason = target.alasan or ind.alasan_na or kebijakan.alasan_target_na
        return _na_capaian(h, "target", reason, kebijakan.capaian_target_na, ctx)
    rule = RULES[aturan.jenis]
    base = ind.tahun_dasar
    if rule.needs_baseline and not isinstance(base, Decimal):
        ctx.problems.add(
            "bad-rule",
            aturan.lokasi,
            f"{ind.id}: aturan {aturan.jenis} perlu `tahun_dasar` berupa angka",
        )
        return None
    if rule.divides_by == "T" and target <= 0:
        ctx.problems.add(
            "target-not-positive", ind.lokasi, f"{ind.id}: target {target} harus lebih dari 0"
        )
        return None
    divisor = {
        "T": target,
        "R": realisasi,
        "B-T": (base - target) if isinstance(base, Decimal) else 0,
    }
    if divisor[rule.divides_by] == 0:
        ctx.problems.add(
            "division-by-zero",
            ind.lokasi,
            f"{ind.id}: pembagi aturan {aturan.jenis} bernilai 0, capaian tidak bisa dihitung",
        )
        return None
    raw = rule.fn(target, realisasi, base if isinstance(base, Decimal) else None)
    assert raw is not None
    value = raw
    notes = []
    if aturan.batas is not None and value > aturan.batas:
        value = aturan.batas
        notes.append(f"dibatasi {num(aturan.batas)} %")
    if aturan.lantai is not None and value < aturan.lantai:
        value = aturan.lantai
        notes.append(f"paling rendah {num(aturan.lantai)} %")
    numbers = rule.hitungan.format(
        T=num(target), R=num(realisasi), B=num(base if isinstance(base, Decimal) else None)
    )
    expl = AppliedRule(
        aturan.jenis, rule.rumus, f"{numbers} = {format_decimal(raw)} %", ", ".join(notes)
    )
    out_of_domain = h.out_of_domain
    if aturan.tandai_di_atas is not None and raw > aturan.tandai_di_atas:
        limit = num(aturan.tandai_di_atas)
        extra = f"capaian {format_decimal(raw)} % di atas {limit} %: perlu verifikasi"
        out_of_domain = f"{out_of_domain}; {extra}" if out_of_domain else extra
    kategori = ctx.kategori(value, ind.lokasi, f"{ind.id}: capaian")
    return replace(
        h,
        capaian=value,
        capaian_mentah=raw,
        kategori=kategori,
        applied=expl,
        out_of_domain=out_of_domain,
    )


# ---------------------------------------------------------------- the whole report


@dataclass(frozen=True)
class Computed:
    """Everything computed for one report."""

    report: Report
    daftar: dict[str, DaftarResult]
    komposisi: dict[str, KomposisiResult]
    harga: dict[str, HargaResult]
    sumber: dict[str, SumberResult]
    indikator: dict[str, IndikatorResult]  # every indicator and sub-indicator by id
    utama: list[IndikatorResult]  # top-level indicators in order
    rata_rata: Decimal | None
    kategori: str

    @property
    def batas(self) -> frozenset[Decimal]:
        """Bounds of the report's scale, which a displayed capaian never shows unreached."""
        return frozenset(skala_mod.boundaries(skala_mod.resolve(self.report.laporan.skala_capaian)))

    @property
    def dinilai(self) -> list[IndikatorResult]:
        """Top-level indicators that are assessed (have, or should have, a capaian)."""
        return [h for h in self.utama if h.indikator.dinilai]

    @property
    def tanpa_capaian(self) -> list[IndikatorResult]:
        """Assessed indicators whose capaian is NA: outside the mean, which says so."""
        return [h for h in self.dinilai if h.capaian is None]

    @property
    def cakupan(self) -> str:
        """What the mean covers, when it does not cover every indicator."""
        missing = self.tanpa_capaian
        if not missing:
            return ""
        n, total = len(self.dinilai) - len(missing), len(self.dinilai)
        no_real = sum(1 for h in missing if h.realisasi is None)
        no_target = len(missing) - no_real
        parts = ([f"{no_real} tanpa realisasi"] if no_real else []) + (
            [f"{no_target} tanpa target"] if no_target else []
        )
        return f"rata-rata {n} dari {total} indikator; {', '.join(parts)}"


def compute_report(report: Report, problems: Collector) -> Computed:
    daftar = {}
    if report.daftar:
        for d in report.daftar.daftar:
            daftar[d.id] = compute_daftar(d, problems)
    komposisi = {}
    if report.pegawai:
        for k in report.pegawai.komposisi:
            komposisi[k.id] = compute_komposisi(k, problems)
    harga = {}
    if report.harga:
        for g in report.harga.kelompok:
            if (result := compute_harga(g, problems)) is not None:
                harga[g.id] = result
    sumber = {}
    if report.anggaran:
        for s in report.anggaran.sumber:
            programs = [compute_pos(p, problems, s.persen_induk) for p in s.program]
            sumber[s.id] = SumberResult(s, programs)
    ctx = _Ctx(report, daftar, harga, problems)
    utama: list[IndikatorResult] = []
    semua: dict[str, IndikatorResult] = {}
    if report.kinerja:
        for ind in report.kinerja.indikator:
            h = compute_indikator(ind, ctx)
            if h is not None:
                utama.append(h)
                stack = [h]
                while stack:
                    x = stack.pop()
                    semua[x.indikator.id] = x
                    stack.extend(x.sub)
    scored = [h.capaian for h in utama if h.capaian is not None]
    rata = mean(scored) if scored else None
    kategori = ""
    if rata is not None and report.kinerja is not None:
        kategori = ctx.kategori(rata, report.kinerja.lokasi, "rata-rata capaian")
    return Computed(report, daftar, komposisi, harga, sumber, semua, utama, rata, kategori)
