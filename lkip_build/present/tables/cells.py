"""Cell texts of every table kind: counts, rupiah, percentages, targets, numerals.

One place decides how a figure is written in a table; renderers never format by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TypeVar

from lkip_build import model as m
from lkip_build.compute import PosResult, SumberResult
from lkip_build.model import NA
from lkip_build.model.numbers import (
    PERCENT_BOUNDS,
    format_decimal,
    format_int,
    format_pct,
    round_half_up,
    round_shown,
)
from lkip_build.present.table import Cell

T = TypeVar("T")


class TableError(Exception):
    """A table definition that does not fit the data (unknown source id...)."""


def n(v: int | NA | None) -> Cell:
    """A count: 0 is written '-' as the report does (an empty cell in downloads); a count
    still to fill (or summing one) is written "belum diisi"."""
    if v is None or isinstance(v, NA):
        return Cell("belum diisi", None, "angka")
    return Cell(format_int(v), v, "angka") if v else Cell("-", None, "angka")


def rp(v: int | Decimal | None) -> Cell:
    """An amount: whole rupiah, exact sen where the document prints them, n/a when the
    document prints none."""
    if v is None:
        return Cell("n/a", None, "uang")
    if isinstance(v, Decimal) and v != v.to_integral_value():
        return Cell(format_decimal(v, 2), round_half_up(v, 2), "uang")
    return Cell(format_int(int(v)), int(v), "uang")


def serapan(p: PosResult | SumberResult) -> Cell:
    """Absorption: n/a without realisasi, '-' without pagu (no division by zero)."""
    if p.realisasi is None:
        return Cell("n/a", None, "persen")
    return pct(p.persen)


def pct(v: Decimal | None, bounds: frozenset[Decimal] = PERCENT_BOUNDS) -> Cell:
    """A percentage with two decimals, never shown on a boundary it has not reached."""
    if v is None:
        return Cell("-", None, "persen")
    shown = round_shown(v, 2, bounds | PERCENT_BOUNDS)
    return Cell(format_pct(v, bounds), shown, "persen")


def dec(v: object, places: int = 2) -> Cell:
    """A target, baseline or realisasi: two decimals (or the report's published decimals),
    whole numbers without them."""
    if v is None:
        return Cell("-", None, "desimal")
    if isinstance(v, NA):
        return Cell(v.teks, None, "desimal")  # as the document prints it: "NA", "n/a" ...
    assert isinstance(v, Decimal), v
    q = round_half_up(v, places)
    value: int | Decimal = int(q) if q == q.to_integral_value() else q
    return Cell(format_decimal(v, places, trim=True), value, "desimal")


_ROMAN = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
]


def roman(i: int) -> str:
    return _ROMAN[i] if i < len(_ROMAN) else str(i + 1)


def _one(t: m.Tabel, pool: Mapping[str, T], what: str) -> T:
    if len(t.sumber) != 1:
        raise TableError(f"tabel jenis {t.jenis!r} perlu tepat satu `sumber` ({what})")
    key = t.sumber[0]
    if key not in pool:
        known = ", ".join(sorted(pool)) or "(kosong)"
        raise TableError(f"sumber {key!r} tidak ditemukan di {what}; yang ada: {known}")
    return pool[key]
