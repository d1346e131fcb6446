"""Capaian rules as data: each rule kind is a formula with its text, so the page shows the
formula that was actually applied, with its numbers.

T is the target, R the published realisasi, B the baseline (`tahun_dasar`). A rule's
result is capped at `batas` and floored at `lantai` (see `model.Aturan`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from lkip_build.model.numbers import format_decimal

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Rule:
    rumus: str  # the formula in words, as a page shows it
    fn: Callable[[Decimal, Decimal, Decimal | None], Decimal | None]  # (T, R, B) -> raw %
    divides_by: str  # "T", "R" or "B-T": which value must not be 0
    needs_baseline: bool = False
    hitungan: str = ""  # the formula with numbers: str.format(T=..., R=..., B=...)


def _ratio(t: Decimal, r: Decimal, b: Decimal | None) -> Decimal:
    return r * HUNDRED / t


def _selisih(t: Decimal, r: Decimal, b: Decimal | None) -> Decimal:
    return (2 * t - r) * HUNDRED / t


def _kebalikan(t: Decimal, r: Decimal, b: Decimal | None) -> Decimal:
    return t * HUNDRED / r


def _pengurangan(t: Decimal, r: Decimal, b: Decimal | None) -> Decimal:
    return (t - r) * HUNDRED / t


def _dasar(t: Decimal, r: Decimal, b: Decimal | None) -> Decimal | None:
    assert b is not None
    return (b - r) * HUNDRED / (b - t)


RULES: dict[str, Rule] = {
    "rasio": Rule("Realisasi / Target × 100 %", _ratio, "T", hitungan="{R} / {T} × 100 %"),
    "selisih": Rule(
        "(2 × Target − Realisasi) / Target × 100 %",
        _selisih,
        "T",
        hitungan="(2 × {T} − {R}) / {T} × 100 %",
    ),
    "kebalikan": Rule("Target / Realisasi × 100 %", _kebalikan, "R", hitungan="{T} / {R} × 100 %"),
    "pengurangan": Rule(
        "(Target − Realisasi) / Target × 100 %",
        _pengurangan,
        "T",
        hitungan="({T} − {R}) / {T} × 100 %",
    ),
    "dasar": Rule(
        "(Tahun Dasar − Realisasi) / (Tahun Dasar − Target) × 100 %",
        _dasar,
        "B-T",
        needs_baseline=True,
        hitungan="({B} − {R}) / ({B} − {T}) × 100 %",
    ),
}


def num(v: Decimal | None) -> str:
    return "-" if v is None else format_decimal(v, 2, trim=True)


@dataclass(frozen=True)
class AppliedRule:
    """How a capaian was obtained, for the page: the rule, the formula and its numbers."""

    aturan: str  # the rule kind ("rasio", "skala", "kebijakan" ...)
    rumus: str  # the formula in words
    hitungan: str  # the formula with the numbers and the raw result, or ""
    catatan: str = ""  # a cap, a floor, a policy: what else decided the figure

    def teks(self, capaian: str) -> str:
        parts = [self.rumus]
        if self.hitungan:
            parts.append(self.hitungan)
        out = " = ".join(parts)
        if self.catatan:
            out += f"; {self.catatan}"
        return f"{out} → capaian {capaian}"


def apply(
    jenis: str,
    batas: Decimal | None,
    lantai: Decimal | None,
    target: Decimal,
    realisasi: Decimal,
    base: Decimal | None,
) -> Decimal | None:
    """Capaian by a rule, capped and floored: for the audit, which asks what a document's
    printed capaian would be from its own printed realisasi. None where the rule cannot."""
    rule = RULES.get(jenis)
    if rule is None or (rule.needs_baseline and base is None):
        return None
    if divisor(rule, target, realisasi, base) == 0:
        return None
    value = rule.fn(target, realisasi, base)
    return None if value is None else bounded(value, batas, lantai)[0]


def divisor(rule: Rule, target: Decimal, realisasi: Decimal, base: Decimal | None) -> Decimal:
    """What the rule divides by, which must not be 0."""
    if rule.divides_by == "T":
        return target
    if rule.divides_by == "R":
        return realisasi
    return (base - target) if base is not None else Decimal(0)


def bounded(
    raw: Decimal, batas: Decimal | None, lantai: Decimal | None
) -> tuple[Decimal, list[str]]:
    """A raw capaian capped at `batas` and floored at `lantai`, with a note for each."""
    value, notes = raw, []
    if batas is not None and value > batas:
        value = batas
        notes.append(f"dibatasi {num(batas)} %")
    if lantai is not None and value < lantai:
        value = lantai
        notes.append(f"paling rendah {num(lantai)} %")
    return value, notes
