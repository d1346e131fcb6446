"""Everything computed for one report (`Computed`), in a module of its own: the named
figures (`facts`) read it, and compute_report, which builds it, reads the named figures for
the derived ones (turunan.yml).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from lkip_build.compute import skala as skala_mod
from lkip_build.compute.budget import SumberResult
from lkip_build.compute.indicators import IndikatorResult
from lkip_build.compute.lists import DaftarResult
from lkip_build.compute.prices import HargaResult
from lkip_build.compute.staff import KomposisiResult
from lkip_build.compute.turunan import TurunanResult
from lkip_build.read.report import Report


@dataclass(frozen=True)
class Computed:
    """Everything computed for one report."""

    report: Report
    daftar: dict[str, DaftarResult]
    komposisi: dict[str, KomposisiResult]
    harga: dict[str, HargaResult]
    sumber: dict[str, SumberResult]
    indikator: dict[str, IndikatorResult]  # every indicator and sub-indicator by id
    utama: list[IndikatorResult]  # top-level indicators in order
    rata_rata: Decimal | None
    kategori: str
    turunan: dict[str, TurunanResult] = field(default_factory=dict)  # turunan.yml, by id

    @cached_property
    def batas(self) -> frozenset[Decimal]:
        """Bounds of the report's scale, which a displayed capaian never shows unreached."""
        return frozenset(skala_mod.boundaries(skala_mod.resolve(self.report.laporan.skala_capaian)))

    def in_order(self) -> Iterator[tuple[IndikatorResult, str]]:
        """Every indicator in the report's order, each followed by its sub-indicators, with
        its parent's id ("" at the top): the one walk over the computed indicators (open
        data, an agency's years, `lkip diff`)."""
        stack = [(r, "") for r in reversed(self.utama)]
        while stack:
            r, parent = stack.pop()
            yield r, parent
            stack.extend((s, r.indikator.id) for s in reversed(r.sub))

    @property
    def dinilai(self) -> list[IndikatorResult]:
        """Top-level indicators that are assessed (have, or should have, a capaian)."""
        return [h for h in self.utama if h.indikator.dinilai]

    @property
    def tanpa_capaian(self) -> list[IndikatorResult]:
        """Assessed indicators whose capaian is NA: outside the mean, which says so."""
        return [h for h in self.dinilai if h.capaian is None]

    @property
    def cakupan(self) -> str:
        """What the mean covers, when it does not cover every indicator."""
        missing = self.tanpa_capaian
        if not missing:
            return ""
        n, total = len(self.dinilai) - len(missing), len(self.dinilai)
        pending = sum(1 for h in missing if h.belum_diisi)
        no_real = sum(1 for h in missing if h.realisasi is None and not h.belum_diisi)
        no_target = len(missing) - no_real - pending
        parts = (
            ([f"{pending} belum diisi"] if pending else [])
            + ([f"{no_real} tanpa realisasi"] if no_real else [])
            + ([f"{no_target} tanpa target"] if no_target else [])
        )
        return f"rata-rata {n} dari {total} indikator; {', '.join(parts)}"
