"""What every part of the diagnosis shares: the explanation it names, a hypothesis, the
codes, the exact rounding and display of figures, and the naming of rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import floor

from lkip_build.model.numbers import format_decimal

KODE = (
    "mean-of-rows",
    "ratio-of-sums",
    "divisor-off-by-one",
    "truncated",
    "sum-missing-row",
    "sum-row-twice",
    "rows-swapped",
    "digit-mistyped",
    "digit-lost",
    "digits-transposed",
    "copied-from",
    "rule-other",
    "mean-of-printed",
)

Elsewhere = Mapping[str, Decimal] | None
Labels = Sequence[str] | None


@dataclass(frozen=True)
class Explanation:
    """One way the printed figure came about: a stable `kode` and one sentence for the editor."""

    kode: str
    pesan: str


@dataclass(frozen=True)
class _Dugaan:
    """A hypothesis: what the document may have computed instead (any of `nilai` will do)."""

    kode: str
    nilai: tuple[Fraction, ...]
    pesan: str


# --- exact rounding and display ------------------------------------------------------------


def _bulat(v: Fraction, d: int) -> Decimal:
    """Half-up rounding of an exact value, away from zero on a tie (as `angka.round_half_up`)."""
    n = floor(abs(v) * 10**d + Fraction(1, 2))
    return Decimal(-n if v < 0 else n).scaleb(-d)


def _potong(v: Fraction, d: int) -> Decimal:
    """The value cut after `d` decimals instead of rounded."""
    n = int(abs(v) * 10**d)
    return Decimal(-n if v < 0 else n).scaleb(-d)


def _cocok(printed: Decimal, nilai: Sequence[Fraction], d: int) -> bool:
    return any(_bulat(v, d) == printed for v in nilai)


def _f(v: Fraction | Decimal, d: int) -> str:
    """A value as the report would print it: '98,82', '13.157.342.972'."""
    return format_decimal(_bulat(Fraction(v), d), d)


def _tercetak(printed: Decimal) -> str:
    """The printed figure with exactly the decimals it was given."""
    exponent = printed.as_tuple().exponent
    return format_decimal(printed, max(0, -int(exponent)))


def _nama(labels: Labels, n: int) -> list[str]:
    if labels is None:
        return [f"ke-{i + 1}" for i in range(n)]
    if len(labels) != n:
        raise ValueError(f"{len(labels)} label untuk {n} baris")
    return list(labels)


def _baris(names: Sequence[str]) -> str:
    if len(names) == 1:
        return f"baris {names[0]}"
    return f"salah satu baris {', '.join(names[:-1])} atau {names[-1]}"


def _kelompok(keys: Sequence[object], names: Sequence[str]) -> list[tuple[int, str]]:
    """Rows with equal values make one hypothesis: (first index, 'salah satu baris A atau B')."""
    groups: dict[object, list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    return [(ix[0], _baris([names[i] for i in ix])) for ix in groups.values()]
