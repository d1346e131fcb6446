"""Rupiah in the units an Indonesian reader says: ribu (rb), juta (jt), miliar (M), triliun (T).

A chart axis reads "Rupiah (miliar)" and its ticks "0 2 4 ... 12", never "12G" (SI) nor
"900M" (which an Indonesian reads as 900 miliar). One unit per axis, chosen from the axis
maximum, so ticks compare at a glance. A figure is half-up and never shown on a unit
boundary it has not reached: Rp999.999.999 is "999,9 jt", not "1.000,0 jt" (1 miliar).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from lkip_build.model.numbers import format_decimal, round_shown


@dataclass(frozen=True)
class Satuan:
    pembagi: int  # rupiah per unit
    singkatan: str  # "M"
    nama: str  # "miliar"


SATUAN = [
    Satuan(10**12, "T", "triliun"),
    Satuan(10**9, "M", "miliar"),
    Satuan(10**6, "jt", "juta"),
    Satuan(10**3, "rb", "ribu"),
]
RUPIAH = Satuan(1, "", "rupiah")


def satuan_untuk(maks: int | Decimal) -> Satuan:
    """The largest unit `maks` reaches (Rp13.519.650.516 -> miliar); below a thousand, rupiah."""
    for s in SATUAN:
        if abs(Decimal(maks)) >= s.pembagi:
            return s
    return RUPIAH


def angka(nilai: int | Decimal, satuan: Satuan, places: int = 1, trim: bool = True) -> str:
    """`nilai` rupiah in `satuan`, Indonesian decimal comma, whole numbers without decimals:
    12_000_000_000 in miliar -> '12'; 13_519_650_516 -> '13,5'. The next unit's boundary
    (1.000 of this unit) and zero are never reached by rounding alone."""
    x = Decimal(nilai) / satuan.pembagi
    bounds = frozenset({Decimal(0), Decimal(1000), Decimal(-1000)})
    return format_decimal(round_shown(x, places, bounds), places, trim=trim)


def rupiah_singkat(nilai: int | Decimal, places: int = 1) -> str:
    """One figure with its own unit, its decimals always shown: 'Rp 13,5 M', 'Rp 2,0 M'
    (2.033.972.202: "Rp 2 M" would read as exact), 'Rp 982,7 jt'; below a thousand, 'Rp 750'."""
    s = satuan_untuk(nilai)
    if s is RUPIAH:
        return f"Rp {angka(nilai, s, 0)}"
    return f"Rp {angka(nilai, s, places, trim=False)} {s.singkatan}"


def judul_sumbu(satuan: Satuan) -> str:
    """The axis title that names the unit: 'Rupiah (miliar)'."""
    return "Rupiah" if satuan is RUPIAH else f"Rupiah ({satuan.nama})"


def langkah(lo: Decimal, hi: Decimal, count: int) -> list[Decimal]:
    """About `count` round values covering lo..hi, zero among them (steps of 1, 2, 2,5 or 5
    times a power of ten): 0, 2.000.000.000, ... for a budget; -20, 0, 20, ... for prices."""
    lo, hi = min(lo, Decimal(0)), max(hi, Decimal(0))
    raw = max(hi - lo, Decimal(1)) / max(count, 1)
    power = Decimal(10) ** raw.adjusted()
    step = next(m * power for m in (1, 2, Decimal("2.5"), 5, 10) if m * power >= raw)
    v = (lo / step).to_integral_value(rounding=ROUND_FLOOR) * step
    values = [v]
    while v < hi or len(values) < 2:
        v += step
        values.append(v)
    return values


def ticks(maks: int | Decimal, count: int) -> tuple[Satuan, list[int], list[str]]:
    """Round tick values from 0 to at least `maks` rupiah, the axis unit (from the largest
    tick) and each tick's label in that unit (whole ticks without decimals: 0; 0,2; ... 1)."""
    values = [int(v) for v in langkah(Decimal(0), Decimal(max(maks, count)), count)]
    unit = satuan_untuk(values[-1])
    places = next(p for p in (0, 1, 2, 3) if all(x * 10**p % unit.pembagi == 0 for x in values))
    return unit, values, [angka(x, unit, places) for x in values]
