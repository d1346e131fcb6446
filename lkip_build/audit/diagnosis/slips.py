"""Slips in writing one figure, and the one rule for what explains a printed figure.

A figure truncated instead of rounded, one digit mistyped, lost or transposed, a figure
copied from elsewhere; `_check`, which every `candidates_*` function ends with, names every
hypothesis and slip that gives the printed figure, and none when a correct value does.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from lkip_build.audit.diagnosis.core import (
    Elsewhere,
    Explanation,
    _bulat,
    _cocok,
    _Dugaan,
    _f,
    _potong,
    _tercetak,
)

MIN_SLIP_DIGITS = 3  # digits a figure needs before a mistyped one is named


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
