"""Category scales as documents print them: bands with bounds, gaps and overlaps found.

A scale is resolved once into `Pita` (band) values with both bounds explicit. Two forms
are read (see `model.Kategori`): lower bounds only, each band reaching up to the next one
(the NTT form, in any order); or bands that state their own upper bounds, as a document
prints "91 % ≤ X ≤ 100 %", which may leave gaps. A value in a gap has no category: an error,
never a guess. Presets name the scales in use.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from lkip_build import model as m
from lkip_build.model.numbers import format_decimal


@dataclass(frozen=True)
class Pita:
    """One band with explicit bounds; None is unbounded on that side."""

    kategori: str
    bawah: Decimal | None
    atas: Decimal | None
    bawah_inklusif: bool
    atas_inklusif: bool
    sumber: m.Kategori

    def memuat(self, x: Decimal) -> bool:
        if self.bawah is not None and (
            x < self.bawah or (x == self.bawah and not self.bawah_inklusif)
        ):
            return False
        return not (
            self.atas is not None and (x > self.atas or (x == self.atas and not self.atas_inklusif))
        )

    def teks(self) -> str:
        """The band as printed: "X ≥ 85 %", "75 % ≤ X < 85 %", "X < 55 %"."""
        lo, hi = self.bawah, self.atas

        def pct(v: Decimal) -> str:
            return f"{format_decimal(v, 2, trim=True)} %"

        if lo is None and hi is None:
            return "semua nilai"
        if lo is None:
            assert hi is not None, "both bounds None returned above"
            return f"X {'≤' if self.atas_inklusif else '<'} {pct(hi)}"
        if hi is None:
            return f"X {'≥' if self.bawah_inklusif else '>'} {pct(lo)}"
        left = "≤" if self.bawah_inklusif else "<"
        right = "≤" if self.atas_inklusif else "<"
        return f"{pct(lo)} {left} X {right} {pct(hi)}"


def _k(kategori: str, bawah: str | None, atas: str | None, bi: bool, ai: bool) -> m.Kategori:
    return m.Kategori(
        kategori=kategori,
        batas_bawah=None if bawah is None else Decimal(bawah),
        batas_atas=None if atas is None else Decimal(atas),
        bawah_inklusif=bi,
        atas_inklusif=ai,
    )


# Scales in use. Bounds as the documents print them (inclusive where they print "≤").
PRESETS: dict[str, tuple[str, list[m.Kategori]]] = {
    "permenpan-4": (
        "PermenPAN-RB: empat kategori keberhasilan (X ≥ 85 % Sangat Berhasil ... X < 55 %)",
        [
            _k("Sangat Berhasil", "85", None, True, False),
            _k("Berhasil", "75", "85", True, False),
            _k("Cukup Berhasil", "55", "75", True, False),
            _k("Belum Berhasil", None, "55", True, False),
        ],
    ),
    "lima-pita": (
        "Lima kategori Sangat Baik ... Sangat Kurang, batas tercetak dengan celah "
        "(91 % ≤ X ≤ 100 %, 76 % ≤ X ≤ 90 %, ...), seperti LKjIP Inspektorat Kab. Sampang",
        [
            _k("Sangat Baik", "91", "100", True, True),
            _k("Baik", "76", "90", True, True),
            _k("Cukup", "66", "75", True, True),
            _k("Kurang", "51", "65", True, True),
            _k("Sangat Kurang", None, "50", True, True),
        ],
    ),
    "permendagri-86": (
        "Permendagri 86/2017: lima kategori Sangat Tinggi ... Sangat Rendah "
        "(X ≥ 91; 76 ≤ X < 91; 66 ≤ X < 76; 51 ≤ X < 66; X < 51)",
        [
            _k("Sangat Tinggi", "91", None, True, False),
            _k("Tinggi", "76", "91", True, False),
            _k("Sedang", "66", "76", True, False),
            _k("Rendah", "51", "66", True, False),
            _k("Sangat Rendah", None, "51", True, False),
        ],
    ),
    "enam-pita": (
        "Enam kategori Sangat Memuaskan ... Kurang (X > 100; 90 < X ≤ 100; 80 < X ≤ 90; "
        "70 < X ≤ 80; 60 < X ≤ 70; X ≤ 60)",
        [
            _k("Sangat Memuaskan", "100", None, False, False),
            _k("Memuaskan", "90", "100", False, True),
            _k("Sangat Baik", "80", "90", False, True),
            _k("Baik", "70", "80", False, True),
            _k("Cukup", "60", "70", False, True),
            _k("Kurang", None, "60", True, True),
        ],
    ),
}


def bands_of(skala: list[m.Kategori] | str) -> list[m.Kategori]:
    """The printed bands of a scale or of a preset's name ([] for an unknown name)."""
    if isinstance(skala, str):
        return list(PRESETS[skala][1]) if skala in PRESETS else []
    return list(skala)


def resolve(skala: list[m.Kategori] | str) -> list[Pita]:
    """Explicit bands, highest first. Lower-bound-only scales get their uppers implied."""
    bands = bands_of(skala)
    if not bands:
        return []
    if all(b.batas_atas is None for b in bands):
        # the NTT form: each band reaches up to the next higher lower bound, in any order
        # ties (a contradiction validate refuses) still sort the same in any written order
        order = sorted(
            bands, key=lambda b: (b.batas_bawah is not None, b.batas_bawah or 0, *_tie(b))
        )
        out: list[Pita] = []
        for i, b in enumerate(order):
            nxt = order[i + 1] if i + 1 < len(order) else None
            atas = nxt.batas_bawah if nxt is not None else None
            atas_inklusif = nxt is not None and not nxt.bawah_inklusif
            out.append(Pita(b.kategori, b.batas_bawah, atas, b.bawah_inklusif, atas_inklusif, b))
        return out[::-1]
    pita = [
        Pita(b.kategori, b.batas_bawah, b.batas_atas, b.bawah_inklusif, b.atas_inklusif, b)
        for b in bands
    ]
    # on one lower bound, the band that excludes it starts higher; then the wider band first
    return sorted(
        pita,
        key=lambda p: (
            p.bawah is None,
            -(p.bawah or 0),
            p.bawah_inklusif,
            p.atas is not None,
            -(p.atas or 0),
            *_tie(p.sumber),
        ),
    )


def _tie(b: m.Kategori) -> tuple[bool, bool, Decimal, str]:
    """The last keys of a band's place: what is left equal is one band written twice."""
    atas = b.batas_atas if b.batas_atas is not None else Decimal(0)
    return (not b.bawah_inklusif, b.atas_inklusif, atas, b.kategori)


def ordered_steps(steps: list[m.Langkah]) -> list[m.Langkah]:
    """The steps of a step scale by their upper bound, the last one (no bound) last: each
    step is X ≤ its bound above the step below, so the written order never decides."""
    return sorted(
        steps,
        key=lambda s: (s.batas_atas is None, s.batas_atas or 0, s.capaian, s.kategori),
    )


def classify(x: Decimal, pita: list[Pita]) -> Pita | None:
    """The band `x` falls in; None in a gap (or on an empty scale)."""
    for p in pita:
        if p.memuat(x):
            return p
    return None


@dataclass(frozen=True)
class Celah:
    """A gap or an overlap between two neighbouring bands, for the validation pass."""

    jenis: str  # "gap", "overlap" or "reversed" (a band whose lower bound is above its upper)
    bawah: Pita
    atas: Pita
    teks: str


def defects(pita: list[Pita]) -> list[Celah]:
    """Gaps and overlaps between neighbouring bands (highest first), reported so that an
    editor sees a scale as the document prints it. A scale that stops at 100 % is not a
    defect: capaian above 100 is capped by the rules, or falls outside and is reported
    where it occurs (value-in-scale-gap)."""
    out: list[Celah] = []
    for p in pita:  # a band no value can reach: bounds reversed, or two bands on one bound
        if p.bawah is not None and p.atas is not None and p.bawah > p.atas:
            bawah, atas = (format_decimal(v, 2, trim=True) for v in (p.bawah, p.atas))
            out.append(
                Celah(
                    "reversed",
                    p,
                    p,
                    f"pita {p.kategori}: batas_bawah {bawah} di atas batas_atas {atas}; "
                    "tidak ada nilai yang masuk pita ini",
                )
            )
        elif (
            p.bawah is not None
            and p.atas is not None
            and p.bawah == p.atas
            and not (p.bawah_inklusif and p.atas_inklusif)
        ):
            out.append(
                Celah(
                    "overlap",
                    p,
                    p,
                    f"pita {p.kategori} tidak pernah dapat diberikan "
                    f"(batasnya {p.teks()}): dua pita pada batas yang sama?",
                )
            )
    for hi, lo in pairwise(pita):
        if lo.atas is None or hi.bawah is None:
            out.append(Celah("overlap", lo, hi, f"{lo.kategori} dan {hi.kategori} bertumpuk"))
            continue
        if lo.atas > hi.bawah or (lo.atas == hi.bawah and lo.atas_inklusif and hi.bawah_inklusif):
            out.append(
                Celah(
                    "overlap",
                    lo,
                    hi,
                    f"{lo.teks()} ({lo.kategori}) dan {hi.teks()} ({hi.kategori}) tumpang tindih",
                )
            )
        elif lo.atas < hi.bawah or (
            lo.atas == hi.bawah and not lo.atas_inklusif and not hi.bawah_inklusif
        ):
            a, b = (format_decimal(v, 2, trim=True) for v in (lo.atas, hi.bawah))
            gap = f"{a} – {b} %"
            out.append(
                Celah(
                    "gap",
                    lo,
                    hi,
                    f"nilai antara {lo.kategori} dan {hi.kategori} ({gap}) "
                    "tidak masuk kategori mana pun",
                )
            )
    return out


def boundaries(pita: list[Pita]) -> set[Decimal]:
    """Every bound of the scale: a displayed value must never show one it has not reached."""
    return {b for p in pita for b in (p.bawah, p.atas) if b is not None}
