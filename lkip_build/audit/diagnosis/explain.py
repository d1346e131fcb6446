"""The one explanation of a printed figure, or None (`explain_*`: two explanations are no
explanation); rows swapped within or between tables; the sentence for the editor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from lkip_build.audit.diagnosis.candidates import (
    candidates_mean,
    candidates_ratio,
    candidates_row,
    candidates_rule,
    candidates_total,
    candidates_value,
)
from lkip_build.audit.diagnosis.core import (
    Elsewhere,
    Explanation,
    Labels,
    _cocok,
    _f,
    _nama,
    _tercetak,
)


def _one(found: list[Explanation]) -> Explanation | None:
    return found[0] if len(found) == 1 else None


def explain_value(
    printed: Decimal, computed: Decimal | Fraction, decimals: int, *, elsewhere: Elsewhere = None
) -> Explanation | None:
    """The one explanation of a single wrong figure (see `candidates_value`), else None."""
    return _one(candidates_value(printed, computed, decimals, elsewhere=elsewhere))


def explain_rule(
    printed: Decimal, computed: Decimal, decimals: int, by_rule: Mapping[str, Decimal]
) -> Explanation | None:
    """The one explanation of a printed capaian (see `candidates_rule`), else None."""
    return _one(candidates_rule(printed, computed, decimals, by_rule))


def explain_total(
    printed: Decimal,
    rows: Sequence[Decimal],
    decimals: int = 0,
    *,
    labels: Labels = None,
    elsewhere: Elsewhere = None,
) -> Explanation | None:
    """The one explanation of a wrong total (see `candidates_total`), else None."""
    return _one(candidates_total(printed, rows, decimals, labels=labels, elsewhere=elsewhere))


def explain_ratio(
    printed: Decimal,
    parts: Sequence[Decimal],
    wholes: Sequence[Decimal],
    decimals: int = 2,
    *,
    meant: Literal["ratio", "mean"] = "ratio",
    nama: tuple[str, str] = ("realisasi", "pagu"),
    labels: Labels = None,
    elsewhere: Elsewhere = None,
) -> Explanation | None:
    """The one explanation of a wrong percentage of sums (see `candidates_ratio`), else None."""
    found = candidates_ratio(
        printed, parts, wholes, decimals, meant=meant, nama=nama, labels=labels, elsewhere=elsewhere
    )
    return _one(found)


def explain_mean(
    printed: Decimal,
    values: Sequence[Decimal],
    decimals: int = 2,
    *,
    labels: Labels = None,
    elsewhere: Elsewhere = None,
    shown: Sequence[Decimal] | None = None,
) -> Explanation | None:
    """The one explanation of a wrong mean (see `candidates_mean`), else None."""
    return _one(
        candidates_mean(printed, values, decimals, labels=labels, elsewhere=elsewhere, shown=shown)
    )


def explain_row(
    printed: Decimal,
    parts: Sequence[Decimal],
    wholes: Sequence[Decimal],
    index: int,
    decimals: int = 2,
    *,
    nama: tuple[str, str] = ("realisasi", "pagu"),
    labels: Labels = None,
    elsewhere: Elsewhere = None,
) -> Explanation | None:
    """The one explanation of a wrong row percentage (see `candidates_row`), else None."""
    found = candidates_row(
        printed, parts, wholes, index, decimals, nama=nama, labels=labels, elsewhere=elsewhere
    )
    return _one(found)


def explain_swaps(
    printed: Sequence[Decimal],
    computed: Sequence[Decimal],
    decimals: int = 0,
    *,
    labels: Labels = None,
) -> list[Explanation]:
    """Pairs of rows whose printed values are each other's: row i prints what row j computes and
    row j what row i computes (two rows swapped within a table, or between two tables when
    `computed` comes from the other one). A row that could be swapped with two others is left
    out: that is no explanation."""
    if len(printed) != len(computed):
        raise ValueError(f"{len(printed)} angka tercetak untuk {len(computed)} hasil hitungan")
    names = _nama(labels, len(printed))
    c = [Fraction(x) for x in computed]
    wrong = [not _cocok(printed[i], (c[i],), decimals) for i in range(len(c))]
    pairs = [
        (i, j)
        for i in range(len(c))
        for j in range(i + 1, len(c))
        if wrong[i]
        and wrong[j]
        and _cocok(printed[i], (c[j],), decimals)
        and _cocok(printed[j], (c[i],), decimals)
    ]
    seen = [k for pair in pairs for k in pair]
    return [
        Explanation(
            "rows-swapped",
            f"angka baris {names[i]} ({_tercetak(printed[i])}) dan baris {names[j]} "
            f"({_tercetak(printed[j])}) tertukar: data memberi baris {names[i]} "
            f"{_f(c[i], decimals)} dan baris {names[j]} {_f(c[j], decimals)}",
        )
        for i, j in pairs
        if seen.count(i) == 1 and seen.count(j) == 1
    ]


def describe(found: Sequence[Explanation]) -> str | None:
    """The sentence for the editor: the one explanation, or the several possible ones."""
    if not found:
        return None
    if len(found) == 1:
        return found[0].pesan
    return "beberapa kemungkinan: " + "; atau ".join(p.pesan for p in found)
