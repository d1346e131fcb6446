"""Reading a stated figure as a document prints it, and comparing it with a computed one.

A stated figure (kept in `tertulis`) is compared with the figure computed from the inputs,
with rounding respected as an interval, as in XBRL Calculations 1.1: "97,80" stands for
[97,795; 97,805], and a computed value that comes from rounded inputs (yearly mean
prices) is itself an interval. The two agree when the intervals meet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from lkip_build.audit import diagnosis
from lkip_build.model.numbers import PERCENT_BOUNDS, AngkaError, parse_decimal, round_shown

# ---------------------------------------------------------------- reading stated figures

Interval = tuple[Decimal, Decimal]
Explain = Callable[[Decimal], list[diagnosis.Explanation]]


def _half_unit(decimals: int) -> Decimal:
    return Decimal(5) * Decimal(10) ** (-decimals - 1)


def stated_number(text: str, integer: bool) -> tuple[Decimal, int] | None:
    """A figure as a document prints it -> (value, decimals), tolerant of its habits.

    "13.519.650.516,-", "Rp. 4.350.000", "- 1.527", "-" (nil), "98.51" (English decimal
    point), "10,307" as a thousands group in an integer column. None when unreadable.
    """
    s = _bare(text)
    if s in ("-", ""):
        return (Decimal(0), 0) if s == "-" else None
    if integer:
        s = re.sub(r",0{1,2}$", "", s)  # "110.229.962.000,00": zero sen
        if re.fullmatch(r"[+-]?\d{1,3}([.,]\d{3})+|[+-]?\d+", s):
            return Decimal(s.replace(".", "").replace(",", "")), 0
        if re.fullmatch(r"[+-]?[\d.]+", s):  # "13.157.342.97": a digit lost; read the digits
            return Decimal(s.replace(".", "")), 0
        return None
    try:
        value = parse_decimal(s)
        return value, len(s.rsplit(",", 1)[1]) if "," in s else 0
    except AngkaError:
        if re.fullmatch(r"[+-]?\d+\.\d{1,2}", s):  # "98.51": a decimal point typed English-style
            return Decimal(s), len(s.rsplit(".", 1)[1])
        return None


def _bare(text: str) -> str:
    """The figure alone: no "Rp.", "%", ",-", unit after it, or space after its sign."""
    s = text.strip().replace("Rp.", "").replace("Rp", "").replace("%", "").strip()
    s = s.removesuffix(",-").removesuffix(",").strip()
    # a figure printed with its unit: "4,88 per 1000 kelahiran hidup", "13 Kab/Kota"
    unit = re.fullmatch(r"([+-]?\s*[\d.,]*\d)\s+[^\d\s].*", s)
    if unit:
        s = unit.group(1).strip()
    return re.sub(r"^([+-])\s+", r"\1", s)


def grouping_broken(text: str) -> bool:
    """A whole number printed with dots that are no thousands grouping ("13.157.342.97"):
    it cannot be read as a number as printed. `stated_number` still reads its digits, for
    the diagnosis (a lost digit), but no difference is computed from that guess."""
    s = re.sub(r",0{1,2}$", "", _bare(text))
    return bool(
        re.fullmatch(r"[+-]?[\d.]+", s)
        and "." in s
        and not re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", s)
    )


def _truncated(exact: Decimal, stated: Decimal, decimals: int) -> bool:
    q = Decimal(10) ** -decimals
    return abs(exact).quantize(q, rounding="ROUND_DOWN") == abs(stated) and exact * stated >= 0


def _agrees(
    exact: Decimal, value: Decimal, decimals: int, integer: bool, spread: Interval | None
) -> bool:
    """A stated value agrees when its rounding interval meets the computed value (or the
    computed interval), or when it is the site's own display of a value near a boundary."""
    lo, hi = spread if spread else (exact, exact)
    half = _half_unit(decimals)
    if lo - half <= value <= hi + half:
        return True
    # the site's own display of a value near a boundary (99,9986 -> 99,99)
    near_boundary = not integer and decimals and not spread
    return bool(near_boundary) and round_shown(exact, decimals, PERCENT_BOUNDS) == value


def _explanation(
    exact: Decimal,
    value: Decimal,
    decimals: int,
    integer: bool,
    spread: Interval | None,
    explain: Explain | None,
) -> tuple[str, str, bool]:
    """What is appended to a mismatch's message (the one usual mistake that explains it,
    or a hint of truncation or a lost digit), the same as a plain note for the public
    sentence, and whether that mistake is a lost digit."""
    if not spread:  # a figure from rounded inputs is an interval: no single slip to name
        tried = explain(value) if explain else []
        tried = tried or diagnosis.candidates_value(value, exact, decimals)
        if len(tried) == 1:  # named only when exactly one usual mistake explains it
            note = tried[0].pesan
            return f"; penjelasan: {note}", note, tried[0].kode == "digit-lost"
    if not integer and decimals and _truncated(exact, value, decimals):
        note = "angka dokumen tampaknya dipotong, bukan dibulatkan"
        return f" ({note})", note, False
    if integer and value and str(int(exact)).startswith(str(int(value))):
        return " (ada angka yang hilang)", "ada angka yang hilang", False
    return "", "", False
