"""Realisasi by an indicator's formula: its inputs (typed, NA, or counted over a list), the
formula kinds, and whether the result lies in the range the formula declares.

An NA input gives an NA result, never a guess; a missing input or a zero divisor is a
problem recorded, and the result is None.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from lkip_build import model as m
from lkip_build.compute.common import HUNDRED, mean
from lkip_build.compute.lists import DaftarResult
from lkip_build.model import NA, BelumDiisi
from lkip_build.model.numbers import format_decimal
from lkip_build.problems import Collector

if TYPE_CHECKING:  # indicators imports this module: the types are only for annotations
    from lkip_build.compute.indicators import IndikatorResult, _Ctx


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


def by_formula(
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
        if r.jenis == "rasio":
            return a, b, a * r.faktor / b
        return a, b, (a - b) * HUNDRED / b
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
        if h.rata_rata is None:  # a price still to fill (a draft)
            return a, b, BelumDiisi(alasan=f"harga kelompok {r.kelompok!r} belum diisi")
        return a, b, h.rata_rata
    # rerata_sub
    if not sub:
        problems.add("missing-field", r.lokasi, "rerata_sub perlu sub-indikator")
        return a, b, None
    missing = [s for s in sub if s.realisasi is None]
    if missing:
        first = missing[0]
        if first.belum_diisi:
            return a, b, BelumDiisi(alasan=f"realisasi {first.indikator.id} belum diisi")
        return a, b, NA(alasan=f"realisasi {first.indikator.id} tidak tersedia")
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
    pending = next((v for v in values if isinstance(v, BelumDiisi)), None)
    if pending is not None:
        return pending
    if r.agregasi == "terakhir":
        return filled[-1] if filled else NA(alasan="belum ada triwulan yang terisi")
    if len(filled) != len(values):
        return NA(alasan="ada triwulan yang belum tersedia")
    return sum(filled, Decimal(0)) if r.agregasi == "jumlah" else mean(filled)


def outside_domain(ind: m.Indikator, a: object, exact: Decimal) -> str:
    """Why input a or the result lies outside the range the formula declares, or ""."""
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
