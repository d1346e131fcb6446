"""Why a printed aggregate disagrees with its rows: name the one usual mistake that explains it.

When a document prints a total, a percentage of a total or a mean that its rows do not give, the
audit tries the ways hand-made reports usually go wrong and names the one that reproduces the
printed figure: a mean of the rows' percentages instead of the ratio of the sums (or the
converse), a divisor off by one, truncation instead of rounding, a row left out or counted twice,
columns of two adjacent rows crossed, one digit mistyped, lost or transposed, a figure copied from
elsewhere. It names one only when exactly one explains the figure: two explanations are no
explanation, and the `candidates_*` functions list them all for a "beberapa kemungkinan" note.

A hypothesis explains a printed figure when its exact value, rounded half-up to the printed number
of decimals, is the printed figure: "97,80" with two decimals stands for any value in
[97,795; 97,805). Digit slips are judged on the digits of the correctly rounded figure. The
arithmetic is exact (fractions), so a value on a rounding boundary is never misjudged.

Pass the printed figure as the document writes it (`angka.parse_decimal` keeps "98,2" as 98.2,
not 98.20): a lost digit is seen in the number of digits printed. A figure whose separators are
themselves wrong ("13.157.342.97") is passed as its digits, Decimal("1315734297").

One module, though long: the eleven hypotheses share the exact rounding, display and digit-
slip helpers and the one rule for naming an explanation, and each public function combines
several of them; split, every part would import the same private helpers back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import floor
from typing import Literal

from .numbers import format_decimal

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
)

MIN_SLIP_DIGITS = 3
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


# --- slips in writing one figure -----------------------------------------------------------


def _digits(v: Decimal) -> str:
    return f"{abs(v):f}"


def _padded(printed: Decimal, d: int) -> Decimal:
    """'100' printed for a two-decimal figure reads as 100,00 when digits are compared."""
    if int(printed.as_tuple().exponent) > -d:
        return printed.quantize(Decimal(1).scaleb(-d))
    return printed


def _differ(a: str, b: str) -> list[int] | None:
    """Digit positions where two figures of the same shape differ; None if the shapes differ."""
    if len(a) != len(b) or a.find(".") != b.find("."):
        return None
    da, db = a.replace(".", ""), b.replace(".", "")
    return [i for i in range(len(da)) if da[i] != db[i]]


def _lost_at(printed: str, correct: str) -> int | None:
    """The 1-based position of the digit whose loss turns `correct` into `printed`, if any."""
    places = [i for i, c in enumerate(correct) if c != "."]
    for k, i in enumerate(places):
        s = correct[:i] + correct[i + 1 :]
        s = s[:-1] if s.endswith(".") else s
        whole = s.split(".")[0]
        if not whole or (len(whole) > 1 and whole[0] == "0"):
            continue
        if s == printed:
            return k + 1
    return None


def _slips(printed: Decimal, benar: Fraction, d: int) -> list[Explanation]:
    """Truncation, and one digit mistyped, lost or transposed in the correct figure."""
    t, b, bf = _tercetak(printed), _bulat(benar, d), _f(benar, d)
    out = []
    truncated = _potong(benar, d) == printed
    if truncated:
        out.append(
            Explanation(
                "truncated",
                f"angka tercetak {t} adalah {_f(benar, d + 2)} yang dipotong, bukan dibulatkan; "
                f"dibulatkan setengah ke atas menjadi {bf}",
            )
        )
    if (printed < 0) != (b < 0):
        return out
    shown, correct = _digits(_padded(printed, d)), _digits(b)
    diff = _differ(shown, correct)
    ds, dc = shown.replace(".", ""), correct.replace(".", "")
    # a one- or two-digit figure differs "by one digit" from most other figures: that tells
    # an editor nothing, so a mistyped digit is named only in longer figures
    if diff is not None and len(diff) == 1 and not truncated and len(dc) >= MIN_SLIP_DIGITS:
        k = diff[0]
        out.append(
            Explanation(
                "digit-mistyped",
                f"angka tercetak {t} berbeda satu angka dari hasil hitungan {bf} (angka ke-{k + 1} "
                f"tertulis {ds[k]}, seharusnya {dc[k]}); kemungkinan salah ketik",
            )
        )
    if diff is not None and len(diff) == 2 and diff[1] == diff[0] + 1:
        i, j = diff
        if ds[i] == dc[j] and ds[j] == dc[i]:
            out.append(
                Explanation(
                    "digits-transposed",
                    f"angka tercetak {t} adalah {bf} dengan dua angka bersebelahan tertukar "
                    f"(angka ke-{i + 1} dan ke-{j + 1}); seharusnya {bf}",
                )
            )
    lost = _lost_at(_digits(printed), correct)
    if lost is not None:
        out.append(
            Explanation(
                "digit-lost",
                f"deret angka tercetak {t.replace('.', '')} sama dengan {bf} tanpa satu angka "
                f"('{dc[lost - 1]}', angka ke-{lost}); seharusnya {bf}",
            )
        )
    return out


def _copies(t: str, benar: Fraction, d: int, elsewhere: Elsewhere) -> list[_Dugaan]:
    return [
        _Dugaan(
            "copied-from",
            (Fraction(v),),
            f"angka tercetak {t} sama dengan {label} ({_f(v, d)}), bukan hasil hitungan "
            f"{_f(benar, d)}; kemungkinan tersalin dari sana",
        )
        for label, v in (elsewhere or {}).items()
    ]


def _check(
    printed: Decimal,
    benar: Sequence[Fraction],
    d: int,
    dugaan: Sequence[_Dugaan],
    elsewhere: Elsewhere,
) -> list[Explanation]:
    """Every hypothesis that gives the printed figure; none at all when a correct value does."""
    if not printed.is_finite():
        raise ValueError("angka tercetak harus bilangan")
    if _cocok(printed, benar, d):
        return []
    hyps = [*dugaan, *_copies(_tercetak(printed), benar[0], d, elsewhere)]
    out = [Explanation(h.kode, h.pesan) for h in hyps if _cocok(printed, h.nilai, d)]
    return list(dict.fromkeys(out + _slips(printed, benar[0], d)))


# --- hypotheses about aggregates -------------------------------------------------------------


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


# --- the public functions --------------------------------------------------------------------


def candidates_value(
    printed: Decimal, computed: Decimal | Fraction, decimals: int, *, elsewhere: Elsewhere = None
) -> list[Explanation]:
    """Every explanation of a single printed figure that should be `computed`.

    Truncation instead of rounding, one digit mistyped, one digit lost, two adjacent digits
    transposed, a figure copied from `elsewhere` (label -> value). Empty when the figure is right.
    """
    return _check(printed, (Fraction(computed),), decimals, [], elsewhere)


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
) -> list[Explanation]:
    """Every explanation of a printed mean of `values`: a divisor off by one, a row left out or
    counted twice, and the slips of a single figure."""
    names = _nama(labels, len(values))
    if not values:
        return []
    q = [Fraction(v) for v in values]
    hyps = _mean_hyps([q], names, _tercetak(printed), decimals)
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


def _one(found: list[Explanation]) -> Explanation | None:
    return found[0] if len(found) == 1 else None


def explain_value(
    printed: Decimal, computed: Decimal | Fraction, decimals: int, *, elsewhere: Elsewhere = None
) -> Explanation | None:
    """The one explanation of a single wrong figure (see `candidates_value`), else None."""
    return _one(candidates_value(printed, computed, decimals, elsewhere=elsewhere))


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
) -> Explanation | None:
    """The one explanation of a wrong mean (see `candidates_mean`), else None."""
    return _one(candidates_mean(printed, values, decimals, labels=labels, elsewhere=elsewhere))


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
