"""Plans (Bab II): Renstra goals, strategy, IKU, the Perjanjian Kinerja and its programmes."""

from __future__ import annotations

from lkip_build import model as m
from lkip_build.compute import Computed
from lkip_build.present.table import Table
from lkip_build.present.tables.cells import TableError, _one, dec


def _targets(ind: m.IndikatorRencana, years: list[int]) -> list[str]:
    return [dec(ind.target.get(y)) for y in years]


def renstra_tujuan(t: m.Tabel, h: Computed) -> Table:
    r = h.report.renstra
    if r is None:
        raise TableError("renstra.yml tidak ada")
    years = r.tahun_target
    header = ["No", "Tujuan", "Sasaran", "Indikator Tujuan/Sasaran", "Satuan", *map(str, years)]
    rows: list[list[str | list[str]]] = []
    for ti, tujuan in enumerate(r.tujuan):
        first_t = True
        for sasaran in tujuan.sasaran:
            first_s = True
            for ind in sasaran.indikator or [m.IndikatorRencana(nama="-")]:
                name = ind.nama + (f" ({ind.rumus})" if ind.rumus else "")
                rows.append(
                    [
                        str(ti + 1) if first_t else "",
                        tujuan.tujuan if first_t else "",
                        sasaran.sasaran if first_s else "",
                        name,
                        ind.satuan,
                        *_targets(ind, years),
                    ]
                )
                first_t = first_s = False
    # a phone: the indicator and its targets under each goal
    figures = (3, *range(5, len(header)))
    return Table(header, rows, "lllll" + "r" * len(years), key_figures=figures)


def strategi(t: m.Tabel, h: Computed) -> Table:
    r = h.report.renstra
    if r is None:
        raise TableError("renstra.yml tidak ada")
    header = ["Tujuan", "Sasaran", "Strategi", "Arah Kebijakan"]
    rows: list[list[str | list[str]]] = []
    strong = set()
    for misi in r.strategi:
        strong.add(len(rows))
        rows.append([misi.misi, "", "", ""])
        for tujuan in misi.tujuan:
            first_t = True
            for sasaran in tujuan.sasaran:
                first_s = True
                for s in sasaran.strategi:
                    rows.append(
                        [
                            tujuan.tujuan if first_t else "",
                            sasaran.sasaran if first_s else "",
                            s.strategi,
                            list(s.arah_kebijakan),
                        ]
                    )
                    first_t = first_s = False
    return Table(header, rows, "llll", frozenset(strong))


def iku(t: m.Tabel, h: Computed) -> Table:
    r = h.report.renstra
    if r is None:
        raise TableError("renstra.yml tidak ada")
    urusan = _one(t, {u.id: u for u in r.urusan}, "renstra.yml urusan")
    years = r.tahun_target
    header = [
        "No",
        "Indikator",
        "Satuan",
        f"Kondisi Awal ({urusan.tahun_kondisi_awal})",
        *map(str, years),
        "Kondisi Kinerja pada Akhir Periode",
    ]
    rows: list[list[str | list[str]]] = []
    for i, ind in enumerate(urusan.indikator):
        rows.append(
            [
                str(i + 1),
                ind.nama,
                ind.satuan,
                dec(ind.kondisi_awal),
                *_targets(ind, years),
                dec(ind.kondisi_akhir),
            ]
        )
        for j, s in enumerate(ind.sub):
            rows.append(
                [
                    "",
                    f"{chr(97 + j)}. {s.nama}",
                    s.satuan,
                    dec(s.kondisi_awal),
                    *_targets(s, years),
                    dec(s.kondisi_akhir),
                ]
            )
    targets = tuple(range(4, 4 + len(years)))  # a phone: the yearly targets
    return Table(header, rows, "lll" + "r" * (len(years) + 2), key_figures=targets)


def perjanjian(t: m.Tabel, h: Computed) -> Table:
    pk = h.report.perjanjian
    if pk is None:
        raise TableError("perjanjian.yml tidak ada")
    year = h.report.laporan.tahun
    header = [
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja",
        f"Realisasi {year - 1}",
        f"Target {year}",
        "Outcome",
        "Benefit",
        "Impact",
    ]
    rows: list[list[str | list[str]]] = []
    for si, s in enumerate(pk.sasaran):
        first = True
        for num, ind in enumerate(s.indikator, start=1):
            rows.append(
                [
                    str(si + 1) if first else "",
                    s.sasaran if first else "",
                    f"{num}. {ind.nama}",
                    dec(ind.realisasi_lalu),
                    dec(ind.target),
                    s.outcome if first else "",
                    s.benefit if first else "",
                    s.impact if first else "",
                ]
            )
            first = False
            for j, sub in enumerate(ind.sub):
                rows.append(
                    [
                        "",
                        "",
                        f"{chr(97 + j)}. {sub.nama}",
                        dec(sub.realisasi_lalu),
                        dec(sub.target),
                        "",
                        "",
                        "",
                    ]
                )
    # a phone: each indicator with its figures under its sasaran
    return Table(header, rows, "lllrrlll", key_figures=(2, 3, 4))


def program_kegiatan(t: m.Tabel, h: Computed) -> Table:
    pk = h.report.perjanjian
    if pk is None:
        raise TableError("perjanjian.yml tidak ada")
    header = [
        "No",
        "Sasaran",
        "Program / Kegiatan / Sub Kegiatan",
        "Indikator Kinerja",
        "Target",
        "Kegiatan Pendukung",
    ]
    rows: list[list[str | list[str]]] = []
    strong = set()

    def ind_rows(
        name: str, inds: list[m.IndikatorProgram], lead: list[str], tail: list[str] | str = ""
    ) -> None:
        inds = inds or [m.IndikatorProgram(nama="")]
        for k, ind in enumerate(inds):
            label = ind.nama + (f" ({ind.satuan})" if ind.satuan else "")
            rows.append(
                [*lead, name if k == 0 else "", label, dec(ind.target), tail if k == 0 else ""]
            )
            lead = ["", ""]

    for si, s in enumerate(pk.program):
        lead = [str(si + 1), s.sasaran]
        for p in s.program:
            strong.add(len(rows))
            ind_rows(p.nama, p.indikator, lead, list(p.kegiatan_pendukung))
            lead = ["", ""]
            for ki, keg in enumerate(p.kegiatan):
                ind_rows(f"{chr(97 + ki)}. {keg.nama}", keg.indikator, lead)
                for sub in keg.sub_kegiatan:
                    ind_rows(f"- {sub.nama}", sub.indikator, lead)
    # a phone: each programme or kegiatan, its indicator and target under its sasaran
    return Table(header, rows, "llllrl", frozenset(strong), key_figures=(2, 3, 4))
