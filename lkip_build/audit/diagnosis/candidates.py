"""Every explanation of a printed figure: a single value, a total, a percentage of sums or
a mean of percentages, a mean, one row's percentage (the `candidates_*` functions, which list
them all for a "beberapa kemungkinan" note).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from lkip_build.audit.diagnosis.aggregates import (
    _mean_hyps,
    _mean_of,
    _ratio_hyps,
    _row_percentages,
    _swap_hyps,
)
from lkip_build.audit.diagnosis.core import (
    Elsewhere,
    Explanation,
    Labels,
    _bulat,
    _Dugaan,
    _f,
    _kelompok,
    _nama,
    _potong,
    _tercetak,
)
from lkip_build.audit.diagnosis.slips import _check


def candidates_value(
    printed: Decimal, computed: Decimal | Fraction, decimals: int, *, elsewhere: Elsewhere = None
) -> list[Explanation]:
    """Every explanation of a single printed figure that should be `computed`.

    Truncation instead of rounding, one digit mistyped, one digit lost, two adjacent digits
    transposed, a figure copied from `elsewhere` (label -> value). Empty when the figure is right.
    """
    return _check(printed, (Fraction(computed),), decimals, [], elsewhere)


def candidates_rule(
    printed: Decimal, computed: Decimal, decimals: int, by_rule: Mapping[str, Decimal]
) -> list[Explanation]:
    """Every explanation of a printed capaian that should be `computed`: another capaian rule
    (`by_rule`: the rule's formula in words -> the capaian it gives from the same target and
    realisasi), the formula inverted or a cap forgotten; and the slips of a single figure."""
    t = _tercetak(printed)
    dugaan = [
        _Dugaan(
            "rule-other",
            (Fraction(v),),
            f"angka tercetak {t} dihitung dengan rumus {rumus}, bukan dengan aturan data "
            f"(hasilnya {_f(Fraction(computed), decimals)})",
        )
        for rumus, v in by_rule.items()
    ]
    return _check(printed, (Fraction(computed),), decimals, dugaan, None)


def candidates_total(
    printed: Decimal,
    rows: Sequence[Decimal],
    decimals: int = 0,
    *,
    labels: Labels = None,
    elsewhere: Elsewhere = None,
) -> list[Explanation]:
    """Every explanation of a printed total of `rows`: a row left out or counted twice, and the
    slips of a single figure. (Rows swapped cannot change a sum, so that is not tried here; see
    `explain_swaps`.)"""
    names = _nama(labels, len(rows))
    q = [Fraction(r) for r in rows]
    s, t = sum(q, Fraction(0)), _tercetak(printed)
    dugaan = []
    for i, baris in _kelompok(q, names):
        if q[i] == 0:
            continue
        v, sf = _f(q[i], decimals), _f(s, decimals)
        dugaan += [
            _Dugaan(
                "sum-missing-row",
                (s - q[i],),
                f"angka tercetak {t} adalah jumlah tanpa {baris} ({v}); "
                f"jumlah semua baris adalah {sf}",
            ),
            _Dugaan(
                "sum-row-twice",
                (s + q[i],),
                f"angka tercetak {t} adalah jumlah dengan {baris} ({v}) terhitung dua kali; "
                f"jumlah semua baris adalah {sf}",
            ),
        ]
    return _check(printed, (s,), decimals, dugaan, elsewhere)


def candidates_ratio(
    printed: Decimal,
    parts: Sequence[Decimal],
    wholes: Sequence[Decimal],
    decimals: int = 2,
    *,
    meant: Literal["ratio", "mean"] = "ratio",
    nama: tuple[str, str] = ("realisasi", "pagu"),
    labels: Labels = None,
    elsewhere: Elsewhere = None,
) -> list[Explanation]:
    """Every explanation of a printed percentage of rows `parts` over `wholes`.

    With meant="ratio" the figure should be sum(parts) / sum(wholes) x 100; tried: the mean of
    the rows' percentages, a row left out of or counted twice in both sums. With meant="mean" it
    should be the mean of the rows' percentages (exact or as printed; rows with a whole of 0 have
    none); tried: the ratio of the sums, a divisor off by one, a row left out or counted twice,
    two adjacent rows' wholes swapped. Always: the slips of a single figure.
    """
    if len(parts) != len(wholes):
        raise ValueError(f"{len(parts)} bagian untuk {len(wholes)} keseluruhan")
    names = _nama(labels, len(parts))
    p, w = [Fraction(x) for x in parts], [Fraction(x) for x in wholes]
    if sum(w, Fraction(0)) == 0:
        return []
    ratio = sum(p, Fraction(0)) / sum(w, Fraction(0)) * 100
    exact, shown = _row_percentages(p, w, decimals)
    means = (_mean_of(exact), _mean_of(shown))
    t, what = _tercetak(printed), f"rasio jumlah {nama[0]} terhadap jumlah {nama[1]}"
    if meant == "ratio":
        dugaan = [
            _Dugaan(
                "mean-of-rows",
                means,
                f"angka tercetak {t} adalah rata-rata persentase baris, "
                f"bukan {what} ({_f(ratio, decimals)})",
            ),
            *_ratio_hyps(p, w, names, t, decimals, what),
        ]
        return _check(printed, (ratio,), decimals, dugaan, elsewhere)
    if meant != "mean":
        raise ValueError(f"meant harus 'ratio' atau 'mean', bukan {meant!r}")
    kept = [names[i] for i in range(len(w)) if w[i] != 0]
    dugaan = [
        _Dugaan(
            "ratio-of-sums",
            (ratio,),
            f"angka tercetak {t} adalah {what}, "
            f"bukan rata-rata persentase baris ({_f(means[0], decimals)})",
        ),
        *_mean_hyps([exact, shown], kept, t, decimals),
        *_swap_hyps(p, w, names, t, decimals, nama[1]),
    ]
    return _check(printed, means, decimals, dugaan, elsewhere)


def candidates_mean(
    printed: Decimal,
    values: Sequence[Decimal],
    decimals: int = 2,
    *,
    labels: Labels = None,
    elsewhere: Elsewhere = None,
    shown: Sequence[Decimal] | None = None,
) -> list[Explanation]:
    """Every explanation of a printed mean of `values`: a divisor off by one, a row left out or
    counted twice, the mean of the values as the document prints them (`shown`, when some
    differ: rounded, or cut instead of rounded), and the slips of a single figure."""
    names = _nama(labels, len(values))
    if not values:
        return []
    q = [Fraction(v) for v in values]
    hyps = list(_mean_hyps([q], names, _tercetak(printed), decimals))
    if shown is not None and list(shown) != list(values):
        mean = _mean_of([Fraction(v) for v in shown])
        said = f"rata-rata angka yang tercetak ({'; '.join(_tercetak(v) for v in shown)}) = " + (
            _f(mean, decimals + 2)
        )
        hyps.append(_Dugaan("mean-of-printed", (mean,), said))
        if _potong(mean, decimals) != _bulat(mean, decimals):
            cut = Fraction(_potong(mean, decimals))
            hyps.append(_Dugaan("mean-of-printed", (cut,), f"{said}, dipotong, bukan dibulatkan"))
    return _check(printed, (_mean_of(q),), decimals, hyps, elsewhere)


def candidates_row(
    printed: Decimal,
    parts: Sequence[Decimal],
    wholes: Sequence[Decimal],
    index: int,
    decimals: int = 2,
    *,
    nama: tuple[str, str] = ("realisasi", "pagu"),
    labels: Labels = None,
    elsewhere: Elsewhere = None,
) -> list[Explanation]:
    """Every explanation of the printed percentage of row `index` of a table of `parts` over
    `wholes`: its part paired with an adjacent row's whole (or the converse), the adjacent row's
    percentage copied, and the slips of a single figure."""
    if len(parts) != len(wholes):
        raise ValueError(f"{len(parts)} bagian untuk {len(wholes)} keseluruhan")
    names = _nama(labels, len(parts))
    p, w, i = [Fraction(x) for x in parts], [Fraction(x) for x in wholes], index
    if w[i] == 0:
        return []
    benar, t = p[i] / w[i] * 100, _tercetak(printed)
    bf, dugaan = _f(benar, decimals), []
    for j in (i - 1, i + 1):
        if not 0 <= j < len(p) or w[j] == 0:
            continue
        if w[j] != w[i]:
            dugaan.append(
                _Dugaan(
                    "rows-swapped",
                    (p[i] / w[j] * 100,),
                    f"angka tercetak {t} adalah {nama[0]} baris {names[i]} dibagi {nama[1]} "
                    f"baris {names[j]}, bukan {nama[1]} barisnya sendiri ({bf})",
                )
            )
        if p[j] != p[i]:
            dugaan.append(
                _Dugaan(
                    "rows-swapped",
                    (p[j] / w[i] * 100,),
                    f"angka tercetak {t} adalah {nama[0]} baris {names[j]} dibagi {nama[1]} "
                    f"baris {names[i]}, bukan {nama[0]} barisnya sendiri ({bf})",
                )
            )
        dugaan.append(
            _Dugaan(
                "copied-from",
                (p[j] / w[j] * 100,),
                f"angka tercetak {t} sama dengan persentase baris {names[j]} "
                f"({_f(p[j] / w[j] * 100, decimals)}), bukan persentase baris {names[i]} ({bf}); "
                "kemungkinan tersalin dari baris sebelahnya",
            )
        )
    return _check(printed, (benar,), decimals, dugaan, elsewhere)
