"""Hypotheses about aggregates: what a document may have computed instead of a mean (a
divisor off by one, a row left out or counted twice), of a ratio of sums (a row left out of
both sums or counted twice in both) or of a mean of row percentages (two rows' wholes
crossed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

from lkip_build.audit.diagnosis.core import _bulat, _Dugaan, _f, _kelompok


def _mean_hyps(
    variants: Sequence[Sequence[Fraction]], names: Sequence[str], t: str, d: int
) -> list[_Dugaan]:
    """A mean of n values: divisor n-1 or n+1, one row left out or counted twice.

    Each hypothesis is computed on every variant of the values (exact, or as printed); a row of
    value 0 left out of a mean is the same statement as a divisor off by one, so it is not
    repeated.
    """
    n = len(variants[0])
    sums = [sum(v, Fraction(0)) for v in variants]
    mean = _f(sums[0] / n, d)
    out = [
        _Dugaan(
            "divisor-off-by-one",
            _on_each(sums, variants, lambda s, _v, m: s / m, m),
            f"angka tercetak {t} adalah jumlah {n} nilai dibagi {m}, bukan dibagi {n} ({mean})",
        )
        for m in (n - 1, n + 1)
        if m > 0
    ]
    for i, baris in _kelompok(variants[0], names):
        if variants[0][i] != 0:
            out += _row_in_mean_hyps(variants, sums, i, baris, t, d, mean)
    return out


def _on_each(
    sums: Sequence[Fraction],
    variants: Sequence[Sequence[Fraction]],
    f: Callable[[Fraction, Sequence[Fraction], int], Fraction],
    k: int,
) -> tuple[Fraction, ...]:
    """One hypothesis's value on every variant of the values (with their sums).

    k (a divisor or a row) is passed in, not bound as a lambda default: mypy cannot type a
    lambda with a default argument (python/mypy#15459)."""
    return tuple(f(s, v, k) for s, v in zip(sums, variants, strict=True))


def _row_in_mean_hyps(
    variants: Sequence[Sequence[Fraction]],
    sums: Sequence[Fraction],
    i: int,
    baris: str,
    t: str,
    d: int,
    mean: str,
) -> list[_Dugaan]:
    """Row i (of a value not 0) left out of a mean of n values, or counted twice: divided by
    the number of rows counted, or still by n."""
    n = len(variants[0])
    v = _f(variants[0][i], d)
    out = []
    if n > 1:
        out.append(
            _Dugaan(
                "sum-missing-row",
                _on_each(sums, variants, lambda s, x, i: (s - x[i]) / (n - 1), i),
                f"angka tercetak {t} adalah rata-rata tanpa {baris} ({v}), "
                f"bukan rata-rata {n} baris ({mean})",
            )
        )
    out += [
        _Dugaan(
            "sum-missing-row",
            _on_each(sums, variants, lambda s, x, i: (s - x[i]) / n, i),
            f"angka tercetak {t} adalah jumlah tanpa {baris} ({v}) dibagi {n}, "
            f"bukan rata-rata {n} baris ({mean})",
        ),
        _Dugaan(
            "sum-row-twice",
            _on_each(sums, variants, lambda s, x, i: (s + x[i]) / (n + 1), i),
            f"angka tercetak {t} adalah rata-rata dengan {baris} ({v}) terhitung dua kali, "
            f"bukan rata-rata {n} baris ({mean})",
        ),
        _Dugaan(
            "sum-row-twice",
            _on_each(sums, variants, lambda s, x, i: (s + x[i]) / n, i),
            f"angka tercetak {t} adalah jumlah dengan {baris} ({v}) terhitung dua kali "
            f"dibagi {n}, bukan rata-rata {n} baris ({mean})",
        ),
    ]
    return out


def _row_percentages(
    p: Sequence[Fraction], w: Sequence[Fraction], d: int
) -> tuple[list[Fraction], list[Fraction]]:
    """Each row's percentage, exact and as printed; rows with a whole of 0 have none."""
    exact = [p[i] / w[i] * 100 for i in range(len(p)) if w[i] != 0]
    return exact, [Fraction(_bulat(x, d)) for x in exact]


def _mean_of(values: Sequence[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


def _ratio_hyps(
    p: Sequence[Fraction], w: Sequence[Fraction], names: Sequence[str], t: str, d: int, what: str
) -> list[_Dugaan]:
    """A ratio of sums with one row left out of both sums, or counted twice in both."""
    sp, sw = sum(p, Fraction(0)), sum(w, Fraction(0))
    benar = _f(sp / sw * 100, d)
    out = []
    for i, baris in _kelompok(list(zip(p, w, strict=True)), names):
        if p[i] == 0 and w[i] == 0:
            continue
        if sw - w[i] != 0:
            out.append(
                _Dugaan(
                    "sum-missing-row",
                    ((sp - p[i]) / (sw - w[i]) * 100,),
                    f"angka tercetak {t} adalah {what} tanpa {baris}, "
                    f"bukan atas semua baris ({benar})",
                )
            )
        out.append(
            _Dugaan(
                "sum-row-twice",
                ((sp + p[i]) / (sw + w[i]) * 100,),
                f"angka tercetak {t} adalah {what} dengan {baris} terhitung dua kali, "
                f"bukan atas semua baris ({benar})",
            )
        )
    return out


def _swap_hyps(
    p: Sequence[Fraction], w: Sequence[Fraction], names: Sequence[str], t: str, d: int, whole: str
) -> list[_Dugaan]:
    """A mean of row percentages in which two adjacent rows' wholes were swapped."""
    mean = _f(_mean_of(_row_percentages(p, w, d)[0]), d)
    out = []
    for i in range(len(p) - 1):
        if w[i] == 0 or w[i + 1] == 0 or w[i] == w[i + 1]:
            continue
        crossed = [*w[:i], w[i + 1], w[i], *w[i + 2 :]]
        e, s = _row_percentages(p, crossed, d)
        out.append(
            _Dugaan(
                "rows-swapped",
                (_mean_of(e), _mean_of(s)),
                f"angka tercetak {t} adalah rata-rata persentase baris dengan {whole} baris "
                f"{names[i]} dan baris {names[i + 1]} tertukar, "
                f"bukan rata-rata yang benar ({mean})",
            )
        )
    return out
