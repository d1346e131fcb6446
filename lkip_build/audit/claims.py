"""Claims, not only numbers: what a document asserts in words, audited against the data.

One-sided figures ("di atas 90 %", "lebih dari 1.500", "kurang dari 10 %") are read as a
bound; qualitative claims ("seluruh indikator tercapai", "meningkat dibanding tahun
lalu") are known phrases, each a predicate on the computed report. An unknown phrase is
reported as such, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from lkip_build.model.numbers import AngkaError, format_decimal, parse_decimal

if TYPE_CHECKING:
    from lkip_build.compute import Computed, IndikatorResult

# phrase -> comparison; "minimal" and the like include the bound
_OPS = [
    (r"(di atas|diatas|lebih dari|melebihi|>)", ">"),
    (r"(di bawah|dibawah|kurang dari|<)", "<"),
    (r"(minimal|sekurang-kurangnya|paling sedikit|paling rendah|≥|>=)", ">="),
    (r"(maksimal|paling banyak|paling tinggi|≤|<=)", "<="),
]


@dataclass(frozen=True)
class Batas:
    op: str
    value: Decimal

    def holds(self, x: Decimal) -> bool:
        return {
            ">": x > self.value,
            "<": x < self.value,
            ">=": x >= self.value,
            "<=": x <= self.value,
        }[self.op]


def one_sided(text: str) -> Batas | None:
    """'di atas 90 %' -> Batas('>', 90); None when the text is a plain figure."""
    t = text.strip().lower()
    for pattern, op in _OPS:
        m = re.fullmatch(pattern + r"\s*([-\d.,]+)\s*%?", t)
        if m:
            try:
                return Batas(op, parse_decimal(m.group(2)))
            except AngkaError:
                return None
    return None


KNOWN = (
    "seluruh indikator tercapai; pada indikator: meningkat/naik/menurun/turun (dibanding "
    "tahun lalu), tercapai, tidak tercapai, belum tercapai; angka satu sisi: di atas, lebih "
    "dari, melebihi, di bawah, kurang dari, minimal, maksimal, paling sedikit, paling banyak"
)

Verdict = tuple[bool, str] | None  # (holds, what the data says); None: unknown phrase


def report_claim(text: str, h: Computed) -> Verdict:
    t = " ".join(text.lower().split())
    if t in ("seluruh indikator tercapai", "semua indikator tercapai", "seluruh target tercapai"):
        missed = [r for r in h.dinilai if r.capaian is None or r.capaian < 100]
        names = ", ".join(
            f"{r.indikator.id} ({'NA' if r.capaian is None else format_decimal(r.capaian)} %)"
            for r in missed
        )
        return (not missed, f"tidak tercapai: {names}")
    return None


def indicator_claim(text: str, r: IndikatorResult) -> Verdict:
    t = " ".join(text.lower().split())
    base = r.indikator.tahun_dasar
    if t.startswith(("meningkat", "naik", "menurun", "turun")):
        if r.realisasi is None or not isinstance(base, Decimal):
            return (False, "realisasi atau tahun dasarnya tidak tersedia")
        up = t.startswith(("meningkat", "naik"))
        holds = r.realisasi > base if up else r.realisasi < base
        shown = f"realisasi {format_decimal(r.realisasi)} dibanding {format_decimal(base)}"
        return (holds, shown)
    if t in ("tercapai", "target tercapai", "tidak tercapai", "belum tercapai"):
        reached = r.capaian is not None and r.capaian >= 100
        want = not t.startswith(("tidak", "belum"))
        shown = "capaian NA" if r.capaian is None else f"capaian {format_decimal(r.capaian)} %"
        return (reached == want, shown)
    return None
