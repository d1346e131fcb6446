"""Checks that a report's parts fit together: unique ids, references that resolve."""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import model as m
from .model import Lokasi
from .problems import Collector
from .report import Report
from .tables import RENDERERS

ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def _unique(items: Iterable[tuple[str, Lokasi]], what: str, problems: Collector) -> set[str]:
    seen: dict[str, Lokasi] = {}
    for ident, where in items:
        if not ident:
            continue
        if what != "nomor tabel" and not ID.fullmatch(ident):
            problems.add(
                "bad-id",
                where,
                f"id {what} {ident!r} hanya boleh berisi huruf kecil a-z, angka 0-9 dan '-' "
                "(tanpa spasi, huruf mirip dari abjad lain, atau karakter tak terlihat)",
            )
        if ident in seen:
            problems.add(
                "duplicate-id",
                where,
                f"id {what} {ident!r} sudah dipakai (baris {seen[ident].line})",
            )
        else:
            seen[ident] = where
    return set(seen)


def _indicators(items: list[m.Indikator]) -> Iterable[m.Indikator]:
    for i in items:
        yield i
        yield from _indicators(i.sub)


def _pos(items: list[m.PosAnggaran]) -> Iterable[m.PosAnggaran]:
    for p in items:
        yield p
        yield from _pos(p.rincian)


def check_references(r: Report, problems: Collector) -> None:
    """Every id unique within its kind, every reference pointing at something that exists."""
    _unique([(r.laporan.id, r.laporan.lokasi)], "laporan", problems)
    daftar = _unique(
        ((d.id, d.lokasi) for d in (r.daftar.daftar if r.daftar else [])), "daftar", problems
    )
    harga = _unique(
        ((g.id, g.lokasi) for g in (r.harga.kelompok if r.harga else [])),
        "kelompok harga",
        problems,
    )
    inds = list(_indicators(r.kinerja.indikator)) if r.kinerja else []
    indikator = _unique(((i.id, i.lokasi) for i in inds), "indikator", problems)
    komposisi = _unique(
        ((k.id, k.lokasi) for k in (r.pegawai.komposisi if r.pegawai else [])),
        "komposisi",
        problems,
    )
    sumber = _unique(
        ((s.id, s.lokasi) for s in (r.anggaran.sumber if r.anggaran else [])),
        "sumber dana",
        problems,
    )
    programs = [p for s in (r.anggaran.sumber if r.anggaran else []) for p in _pos(s.program)]
    program_ids = _unique(((p.id, p.lokasi) for p in programs), "pos anggaran", problems)
    urusan = {u.id for u in (r.renstra.urusan if r.renstra else [])}
    _unique(((t.id, t.lokasi) for t in (r.tabel.tabel if r.tabel else [])), "tabel", problems)
    _unique(
        ((t.nomor, t.lokasi) for t in (r.tabel.tabel if r.tabel else [])), "nomor tabel", problems
    )

    for i in inds:
        for x in (i.realisasi.a, i.realisasi.b):
            if x is not None and x.daftar and x.daftar not in daftar:
                problems.add(
                    "unknown-ref", x.lokasi, f"daftar {x.daftar!r} tidak ada di daftar.yml"
                )
        if i.realisasi.kelompok and i.realisasi.kelompok not in harga:
            problems.add(
                "unknown-ref",
                i.realisasi.lokasi,
                f"kelompok harga {i.realisasi.kelompok!r} tidak ada di harga.yml",
            )
    pools = {
        "komposisi": komposisi,
        "daftar": daftar,
        "harga": harga,
        "iku": urusan,
        "capaian-indikator": indikator,
        "skala-indikator": indikator,
        "pertumbuhan": indikator,
        "anggaran-program": sumber,
        "anggaran-rinci": sumber,
        "pagu-sumber": sumber,
    }
    for t in r.tabel.tabel if r.tabel else []:
        if t.jenis not in RENDERERS:
            problems.add(
                "unknown-table-kind",
                t.lokasi,
                f"jenis {t.jenis!r} tidak dikenal; pilihan: {', '.join(RENDERERS)}",
            )
            continue
        pool = pools.get(t.jenis)
        for s in t.sumber:
            if pool is not None and s not in pool:
                problems.add(
                    "unknown-ref", t.lokasi, f"tabel {t.id!r}: sumber {s!r} tidak ditemukan"
                )
    if r.perjanjian:
        for sas in r.perjanjian.sasaran:
            for pk in sas.indikator:
                for x in (pk, *pk.sub):
                    if x.indikator_kinerja and x.indikator_kinerja not in indikator:
                        problems.add(
                            "unknown-ref",
                            x.lokasi,
                            f"indikator_kinerja {x.indikator_kinerja!r} tidak ada di indikator.yml",
                        )
        for sp in r.perjanjian.program:
            for p in sp.program:
                if p.program_anggaran and p.program_anggaran not in program_ids:
                    problems.add(
                        "unknown-ref",
                        p.lokasi,
                        f"program_anggaran {p.program_anggaran!r} tidak ada di anggaran.yml",
                    )
