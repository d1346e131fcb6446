"""Every derived figure of a report, computed from its inputs with Decimal arithmetic.

Pure functions: they take model objects and return result objects; nothing is rounded
here except an indicator's realisasi, which the report publishes at a fixed precision and
computes its capaian from (1,08 / 1,12 = 96,43 %, where the unrounded 1,0787 would give
96,31 %). Problems that make a figure impossible (a zero target, a dangling reference)
are collected, never raised one by one.
"""

from __future__ import annotations

from dataclasses import replace

from lkip_build.compute.budget import PosResult, SumberResult, compute_pos
from lkip_build.compute.common import HUNDRED, mean, persen, slug
from lkip_build.compute.computed import Computed
from lkip_build.compute.indicators import IndikatorResult, _Ctx, compute_indikator, kategori_skala
from lkip_build.compute.lists import DaftarResult, compute_daftar
from lkip_build.compute.prices import BarangResult, HargaResult, compute_harga
from lkip_build.compute.realisasi import count_from_daftar, input_value
from lkip_build.compute.staff import KomposisiResult, compute_komposisi
from lkip_build.compute.turunan import TurunanResult, compute_turunan
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
    "TurunanResult",
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
    done = Computed(report, daftar, komposisi, harga, sumber, semua, utama, rata, kategori)
    if report.turunan is None:
        return done
    from lkip_build.compute.facts import collect_facts  # facts reads compute.computed

    values: dict[str, object] = {k: f.value for k, f in collect_facts(done).items()}
    return replace(done, turunan=compute_turunan(report.turunan.turunan, values, problems))
