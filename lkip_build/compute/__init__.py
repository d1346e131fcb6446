"""Every derived figure of a report, computed from its inputs with Decimal arithmetic.

Pure functions: they take model objects and return result objects; nothing is rounded
here except an indicator's realisasi, which the report publishes at a fixed precision and
computes its capaian from (1,08 / 1,12 = 96,43 %, where the unrounded 1,0787 would give
96,31 %). Problems that make a figure impossible (a zero target, a dangling reference)
are collected, never raised one by one.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from lkip_build.compute import skala as skala_mod
from lkip_build.compute.budget import PosResult, SumberResult, compute_pos
from lkip_build.compute.common import HUNDRED, mean, persen, slug
from lkip_build.compute.indicators import IndikatorResult, _Ctx, compute_indikator, kategori_skala
from lkip_build.compute.lists import DaftarResult, compute_daftar
from lkip_build.compute.prices import BarangResult, HargaResult, compute_harga
from lkip_build.compute.realisasi import count_from_daftar, input_value
from lkip_build.compute.staff import KomposisiResult, compute_komposisi
from lkip_build.problems import Collector
from lkip_build.read.report import Report

__all__ = [
    "HUNDRED",
    "BarangResult",
    "Computed",
    "DaftarResult",
    "HargaResult",
    "IndikatorResult",
    "KomposisiResult",
    "PosResult",
    "SumberResult",
    "compute_daftar",
    "compute_harga",
    "compute_indikator",
    "compute_komposisi",
    "compute_pos",
    "compute_report",
    "count_from_daftar",
    "input_value",
    "kategori_skala",
    "mean",
    "persen",
    "slug",
]


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

    @cached_property
    def batas(self) -> frozenset[Decimal]:
        """Bounds of the report's scale, which a displayed capaian never shows unreached."""
        return frozenset(skala_mod.boundaries(skala_mod.resolve(self.report.laporan.skala_capaian)))

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


def compute_report(report: Report, problems: Collector) -> Computed:
    daftar = {}
    if report.daftar:
        for d in report.daftar.daftar:
            daftar[d.id] = compute_daftar(d, problems)
    komposisi = {}
    if report.pegawai:
        for k in report.pegawai.komposisi:
            komposisi[k.id] = compute_komposisi(k, problems)
    harga = {}
    if report.harga:
        for g in report.harga.kelompok:
            if (result := compute_harga(g, problems)) is not None:
                harga[g.id] = result
    sumber = {}
    if report.anggaran:
        for s in report.anggaran.sumber:
            programs = [compute_pos(p, problems, s.persen_induk) for p in s.program]
            sumber[s.id] = SumberResult(s, programs)
    ctx = _Ctx(report, daftar, harga, problems)
    utama: list[IndikatorResult] = []
    semua: dict[str, IndikatorResult] = {}
    if report.kinerja:
        for ind in report.kinerja.indikator:
            h = compute_indikator(ind, ctx)
            if h is not None:
                utama.append(h)
                stack = [h]
                while stack:
                    x = stack.pop()
                    semua[x.indikator.id] = x
                    stack.extend(x.sub)
    scored = [h.capaian for h in utama if h.capaian is not None]
    rata = mean(scored) if scored else None
    kategori = ""
    if rata is not None and report.kinerja is not None:
        kategori = ctx.kategori(rata, report.kinerja.lokasi, "rata-rata capaian")
    return Computed(report, daftar, komposisi, harga, sumber, semua, utama, rata, kategori)
