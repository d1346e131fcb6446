"""Cell texts of every table kind: counts, rupiah, percentages, targets, numerals.

One place decides how a figure is written in a table; renderers never format by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TypeVar

from .. import model as m
from ..compute import PosResult, SumberResult
from ..model import NA
from ..numbers import PERCENT_BOUNDS, format_decimal, format_int, format_pct

T = TypeVar("T")


class TableError(Exception):
    """A table definition that does not fit the data (unknown source id...)."""


def n(v: int) -> str:
    """A count: 0 is written '-' as the report does."""
    return format_int(v) if v else "-"


def rp(v: int | Decimal | None) -> str:
    """An amount: whole rupiah, exact sen where the document prints them, n/a when the
    document prints none."""
    if v is None:
        return "n/a"
    if isinstance(v, Decimal) and v != v.to_integral_value():
        return format_decimal(v, 2)
    return format_int(int(v))


def serapan(p: PosResult | SumberResult) -> str:
    """Absorption: n/a without realisasi, '-' without pagu (no division by zero)."""
    if p.realisasi is None:
        return "n/a"
    return pct(p.persen)


def pct(v: Decimal | None, bounds: frozenset[Decimal] = PERCENT_BOUNDS) -> str:
    return "-" if v is None else format_pct(v, bounds)


def dec(v: object) -> str:
    if v is None:
        return "-"
    if isinstance(v, NA):
        return v.teks  # as the document prints it: "NA", "n/a", "-", "belum tersedia"
    assert isinstance(v, Decimal)
    return format_decimal(v, 2, trim=True)


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
