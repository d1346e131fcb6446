"""The same quantity in two places: PK, programme list and Renstra targets against Bab III."""

from __future__ import annotations

from decimal import Decimal

from lkip_build import model as m
from lkip_build.audit import wording
from lkip_build.audit.recorder import Auditor, _show
from lkip_build.compute import IndikatorResult
from lkip_build.model import NA, Location


def agreement(a: Auditor) -> None:
    h = a.h
    pk = h.report.perjanjian
    if pk is not None:
        for sas in pk.sasaran:
            for ind in sas.indikator:
                for x in (ind, *ind.sub):
                    _pk_indicator(a, x)
    if pk is not None:
        table = a.table_of_kind("program-kegiatan")
        for sp in pk.program:
            for prog in sp.program:
                for p in prog.indikator:
                    r = h.indikator.get(p.indikator_kinerja) if p.indikator_kinerja else None
                    if r is not None:
                        _same_target(a, p.lokasi, table, p.target, r, "daftar program")
    renstra = h.report.renstra
    year = h.report.laporan.tahun
    if renstra is not None:
        for u in renstra.urusan:
            table = a.table_of("iku", u.id)
            for iku in u.indikator:
                for y in (iku, *iku.sub):
                    r = h.indikator.get(y.indikator_kinerja) if y.indikator_kinerja else None
                    if r is not None and year in y.target:
                        _same_target(a, y.lokasi, table, y.target[year], r, "Renstra")


def _pk_indicator(a: Auditor, x: m.IndikatorPK) -> None:
    table = a.table_of_kind("perjanjian")
    if not x.indikator_kinerja:
        a.add(
            "pk-without-result",
            x.lokasi,
            table,
            x.nama,
            f"indikator Perjanjian Kinerja {x.nama!r} (target {_show(x.target)}) "
            "tidak diukur (tidak ada di indikator.yml)",
            _show(x.target),
            perihal=f"Indikator Perjanjian Kinerja “{x.nama}”",
            kalimat=wording.sentence(
                f"Indikator Perjanjian Kinerja “{x.nama}” (target {_show(x.target)}) tidak "
                "diukur dalam pengukuran kinerja laporan ini"
            ),
        )
        return
    r = a.h.indikator.get(x.indikator_kinerja)
    if r is None:
        return
    _same_target(a, x.lokasi, table, x.target, r, "Perjanjian Kinerja")
    for t in x.tertulis:
        for key, text in t.nilai.items():
            if key == "target":
                if isinstance(r.indikator.target, NA) or r.indikator.target is None:
                    continue
                a.number(
                    t.lokasi,
                    t.di,
                    f"{r.indikator.id}.target",
                    text,
                    r.indikator.target,
                    what=f"target {r.indikator.id}",
                    perihal=wording.indicator_figure(r.indikator, "target"),
                )


def _same_target(
    a: Auditor, where: Location, table: str, target: object, r: IndikatorResult, source: str
) -> None:
    """The target `source` states (in `table`, when one shows it) against Bab III's."""
    mine = r.indikator.target
    if isinstance(target, NA) and isinstance(mine, NA):
        return
    if isinstance(target, Decimal) and isinstance(mine, Decimal) and target == mine:
        return
    a.add(
        "target-mismatch",
        where,
        table,
        f"{r.indikator.id}.target",
        f"target {r.indikator.id} di {table or source} {_show(target)}, di pengukuran kinerja "
        f"{_show(mine)}",
        _show(target),
        _show(mine),
        perihal=(words := wording.indicator_figure(r.indikator, "target")),
        kalimat=wording.sentence(
            f"{words}: {table or source} menulis {_show(target)}, sedangkan pengukuran "
            f"kinerja memakai {_show(mine)}"
        ),
    )
