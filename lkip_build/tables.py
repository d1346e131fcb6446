"""The report's tables, one renderer per `jenis` in tabel.yml, all from computed data.

A renderer takes the table's definition and the computed report and returns a `Table`;
a registry dict maps `jenis` to its renderer, so a new kind of table is one function.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from . import model as m
from .angka import PERCENT_BOUNDS, format_decimal, format_int, format_pct
from .compute import Hasil, HasilIndikator, HasilPos
from .model import NA
from .skala import bands_of, resolve
from .table import Table


class TableError(Exception):
    """A table definition that does not fit the data (unknown source id...)."""


def anchors(tabel: m.DaftarTabel | None) -> dict[str, str]:
    """Each table's anchor: from its number ("tabel-3-2"), or from its id when it has no
    number or shares its number with another table (a document may print one twice)."""
    items = tabel.tabel if tabel else []
    count: dict[str, int] = {}
    for t in items:
        if t.nomor:
            count[t.nomor] = count.get(t.nomor, 0) + 1
    out = {}
    for t in items:
        slug = re.sub(r"[^a-z0-9]+", "-", t.nomor.lower()).strip("-")
        unique = t.nomor and count[t.nomor] == 1 and slug
        out[t.id] = f"tabel-{slug}" if unique else f"tabel-{t.id}"
    return out


def label(t: m.Tabel) -> str:
    """ "Tabel 3.2" as the document prints it ("" for an unnumbered table)."""
    return f"{t.label} {t.nomor}".strip() if t.nomor else ""


def n(v: int) -> str:
    """A count: 0 is written '-' as the report does."""
    return format_int(v) if v else "-"


def rp(v: int | Decimal | None) -> str:
    """An amount: whole rupiah, exact sen where the document prints them, n/a when the
    document prints none."""
    if v is None:
        return "n/a"
    if isinstance(v, Decimal) and v != v.to_integral_value():
        return format_decimal(v, 2)
    return format_int(int(v))


def serapan(p: object) -> str:
    """Absorption: n/a without realisasi, '-' without pagu (no division by zero)."""
    if getattr(p, "realisasi", None) is None:
        return "n/a"
    return pct(p.persen)  # type: ignore[attr-defined]


def pct(v: Decimal | None, bounds: frozenset[Decimal] = PERCENT_BOUNDS) -> str:
    return "-" if v is None else format_pct(v, bounds)


def dec(v: object) -> str:
    if v is None:
        return "-"
    if isinstance(v, NA):
        return v.teks  # as the document prints it: "NA", "n/a", "-", "belum tersedia"
    assert isinstance(v, Decimal)
    return format_decimal(v, 2, trim=True)


_ROMAN = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
]


def roman(i: int) -> str:
    return _ROMAN[i] if i < len(_ROMAN) else str(i + 1)


def _one(t: m.Tabel, pool: dict, what: str) -> object:
    if len(t.sumber) != 1:
        raise TableError(f"tabel jenis {t.jenis!r} perlu tepat satu `sumber` ({what})")
    key = t.sumber[0]
    if key not in pool:
        known = ", ".join(sorted(pool)) or "(kosong)"
        raise TableError(f"sumber {key!r} tidak ditemukan di {what}; yang ada: {known}")
    return pool[key]


# ---------------------------------------------------------------- Bab I


def komposisi(t: m.Tabel, h: Hasil) -> Table:
    k = _one(t, h.komposisi, "pegawai.yml")
    kom = k.komposisi
    if kom.sub_kolom:
        cols = [f"{c} {s}" for c in kom.kolom for s in kom.sub_kolom]
    else:
        cols = list(kom.kolom)
    header = ["No", kom.judul_baris, *cols, "Jumlah"]
    rows: list[list[str | list[str]]] = []
    for i, (row, total) in enumerate(zip(kom.baris, k.jumlah_baris, strict=True)):
        cells = [n(v) for v in row.nilai[: k.lebar]] + ["-"] * (k.lebar - len(row.nilai))
        rows.append([str(i + 1), row.label, *cells, n(total)])
    rows.append(["", "Jumlah", *[n(v) for v in k.jumlah_kolom], n(k.total)])
    return Table(header, rows, "ll" + "r" * (len(cols) + 1), frozenset({len(rows) - 1}))


# ---------------------------------------------------------------- Bab II


def _targets(ind: m.IndikatorRencana, years: list[int]) -> list[str]:
    return [dec(ind.target.get(y)) for y in years]


def renstra_tujuan(t: m.Tabel, h: Hasil) -> Table:
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
    return Table(header, rows, "lllll" + "r" * len(years))


def strategi(t: m.Tabel, h: Hasil) -> Table:
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


def iku(t: m.Tabel, h: Hasil) -> Table:
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
    return Table(header, rows, "lll" + "r" * (len(years) + 2))


def perjanjian(t: m.Tabel, h: Hasil) -> Table:
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
    return Table(header, rows, "lllrrlll")


def program_kegiatan(t: m.Tabel, h: Hasil) -> Table:
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
    return Table(header, rows, "llllrl", frozenset(strong))


def pagu_sumber(t: m.Tabel, h: Hasil) -> Table:
    header = ["No", "Program", f"Pagu {h.report.laporan.tahun} (Rp)"]
    rows: list[list[str | list[str]]] = []
    strong = set()
    if not t.sumber:
        raise TableError("tabel pagu-sumber perlu `sumber` (id sumber dana)")
    for gi, sid in enumerate(t.sumber):
        s = h.sumber.get(sid)
        if s is None:
            raise TableError(f"sumber dana {sid!r} tidak ada di anggaran.yml")
        strong.add(len(rows))
        rows.append([f"{chr(65 + gi)}.", s.sumber.nama, ""])
        for i, p in enumerate(s.program):
            rows.append([str(i + 1), p.pos.nama, rp(p.pagu)])
        strong.add(len(rows))
        rows.append(["", "Jumlah", rp(s.pagu)])
    return Table(header, rows, "llr", frozenset(strong))


# ---------------------------------------------------------------- Bab III: indicators


def skala_capaian(t: m.Tabel, h: Hasil) -> Table:
    """The report's category scale as printed: each band with its own bounds, in the
    document's order (a preset in its own), gaps included."""
    skala = h.report.laporan.skala_capaian
    pita = {id(p.sumber): p for p in resolve(skala)}
    bands = bands_of(skala)
    if not bands:
        raise TableError("laporan.yml tidak punya skala_capaian")
    rows: list[list[str | list[str]]] = [[pita[id(b)].teks(), b.kategori] for b in bands]
    return Table(["Skala Pencapaian Kinerja", "Kategori"], rows, "ll")


def skala_indikator(t: m.Tabel, h: Hasil) -> Table:
    r = _one(t, h.indikator, "indikator.yml")
    steps = r.indikator.aturan.skala
    if not steps:
        raise TableError(f"indikator {r.indikator.id!r} tidak memakai aturan skala")
    rows: list[list[str | list[str]]] = []
    lower: Decimal | None = None
    for st in steps:
        if st.batas_atas is None:
            text = f"X > {dec(lower)} %"
        elif lower is None:
            text = f"X ≤ {dec(st.batas_atas)} %"
        else:
            text = f"{dec(lower)} % < X ≤ {dec(st.batas_atas)} %"
        rows.append([text, f"{pct(st.capaian)} %", st.kategori])
        lower = st.batas_atas
    title = r.indikator.aturan.judul_skala or "Skala"
    return Table([title, "Skala Pencapaian Kinerja", "Kategori"], rows, "lrl")


def _capaian_cell(r: HasilIndikator) -> str:
    if r.capaian is None:
        return "n/a**" if r.na and r.indikator.dinilai else ""
    return f"{pct(r.capaian, r.batas)} %" + ("*" if r.catatan else "")


def _realisasi_cell(r: HasilIndikator) -> str:
    if r.realisasi is None:
        rumus = r.indikator.realisasi
        return dec(rumus) if isinstance(rumus, NA) else "n/a"
    return dec(r.realisasi)


def _notes(results: list[HasilIndikator]) -> tuple[str, ...]:
    """A note for each policy that decided a capaian (*) and each capaian that is NA (**),
    so a reader sees why, under the table that shows it."""
    seen: list[str] = []
    for r in results:
        if r.catatan and f"* {r.catatan}" not in seen:
            seen.append(f"* {r.catatan}")
    for r in results:
        if r.capaian is None and r.na and r.indikator.dinilai:
            seen.append(f"** {r.indikator.nama}: {r.na}; capaian tidak dihitung.")
    return tuple(seen)


def capaian(t: m.Tabel, h: Hasil) -> Table:
    year = h.report.laporan.tahun
    header = [
        "No",
        "Indikator Kinerja",
        "Satuan",
        f"Tahun Dasar {year - 1}",
        "Target",
        "Realisasi",
        "Capaian",
    ]
    rows: list[list[str | list[str]]] = []
    for i, r in enumerate(h.utama):
        ind = r.indikator
        rows.append(
            [
                f"{i + 1}.",
                ind.nama,
                ind.satuan,
                dec(ind.tahun_dasar),
                dec(ind.target),
                _realisasi_cell(r),
                _capaian_cell(r),
            ]
        )
        for j, s in enumerate(r.sub):
            si = s.indikator
            rows.append(
                [
                    "",
                    f"{chr(97 + j)}. {si.nama}",
                    si.satuan,
                    dec(si.tahun_dasar),
                    dec(si.target),
                    _realisasi_cell(s),
                    _capaian_cell(s),
                ]
            )
    mean = f"{pct(h.rata_rata, h.batas)} %" if h.rata_rata is not None else "n/a"
    rows.append(["", "Rata-rata capaian", "", "", "", "", mean])
    rows.append(["", "Kategori", "", "", "", "", h.kategori or "-"])
    last = len(rows)
    notes = _notes(h.utama) + ((f"Rata-rata capaian: {h.cakupan}.",) if h.cakupan else ())
    return Table(header, rows, "lllrrrr", frozenset({last - 2, last - 1}), catatan=notes)


def capaian_indikator(t: m.Tabel, h: Hasil) -> Table:
    results = []
    for iid in t.sumber:
        r = h.indikator.get(iid)
        if r is None:
            raise TableError(f"indikator {iid!r} tidak ada di indikator.yml")
        results.append(r)
    if not results:
        raise TableError("tabel capaian-indikator perlu `sumber` (id indikator)")
    header = ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"]
    rows: list[list[str | list[str]]] = []
    for i, r in enumerate(results):
        ind = r.indikator
        rows.append(
            [
                f"{i + 1}.",
                ind.nama,
                ind.satuan,
                dec(ind.target),
                _realisasi_cell(r),
                _capaian_cell(r),
            ]
        )
    return Table(header, rows, "lllrrr", catatan=_notes(results))


def pertumbuhan(t: m.Tabel, h: Hasil) -> Table:
    r = _one(t, h.indikator, "indikator.yml")
    f = r.indikator.realisasi
    if f.jenis != "pertumbuhan":
        raise TableError(f"indikator {r.indikator.id!r} tidak memakai rumus pertumbuhan")
    header = ["No", "Uraian", f.tahun_b or "Tahun lalu", f.tahun_a or "Tahun ini"]
    rows: list[list[str | list[str]]] = [["1.", f.uraian_a or r.indikator.nama, dec(r.b), dec(r.a)]]
    return Table(header, rows, "llrr")


# ---------------------------------------------------------------- lists and prices


def daftar(t: m.Tabel, h: Hasil) -> Table:
    d = _one(t, h.daftar, "daftar.yml")
    cols = [(k.kunci, k.judul, k.jenis == "angka") for k in d.daftar.kolom]
    cols += [(k.kunci, k.judul, True) for k in d.daftar.kolom_jumlah]
    header = ["No", *[c[1] for c in cols]]
    rows: list[list[str | list[str]]] = []
    for i, row in enumerate(d.baris):
        cells: list[str | list[str]] = []
        for key, _, numeric in cols:
            v = row.get(key, "")
            if numeric:
                cells.append(n(int(v)))  # type: ignore[arg-type]
            elif isinstance(v, list):
                cells.append([str(x) for x in v])
            else:
                cells.append(str(v) if v != "" else "-")
        rows.append([f"{i + 1}.", *cells])
    strong: frozenset[int] = frozenset()
    if d.daftar.baris_jumlah:
        total: list[str | list[str]] = [
            "",
            *[(n(d.jumlah[k]) if num else "") for k, _, num in cols],
        ]
        total[1] = total[1] or "Total"
        rows.append(total)
        strong = frozenset({len(rows) - 1})
    align = "l" + "".join("r" if c[2] else "l" for c in cols)
    return Table(header, rows, align, strong)


def harga(t: m.Tabel, h: Hasil) -> Table:
    g = _one(t, h.harga, "harga.yml")
    k = g.kelompok
    header = [
        "No",
        k.nama,
        "Satuan",
        f"Tahun {k.tahun_lalu} (Rp)",
        f"Tahun {k.tahun_kini} (Rp)",
        "Selisih Harga (Rp)",
        "Persentase (%)",
    ]
    rows: list[list[str | list[str]]] = []
    for i, b in enumerate(g.barang):
        rows.append(
            [
                str(i + 1),
                b.barang.nama,
                b.barang.satuan,
                rp(b.barang.harga_lalu),
                rp(b.barang.harga_kini),
                format_int(b.selisih) if b.selisih else "-",
                pct(b.persen),
            ]
        )
    rows.append(["", "Rata-rata", "", "", "", "", pct(g.rata_rata)])
    return Table(header, rows, "lllrrrr", frozenset({len(rows) - 1}))


# ---------------------------------------------------------------- budget


def anggaran_program(t: m.Tabel, h: Hasil) -> Table:
    s = _one(t, h.sumber, "anggaran.yml")
    fisik = any(p.pos.fisik is not None for p in s.program)
    header = [
        "No",
        "Program",
        "Pagu (Rp)",
        "Realisasi (Rp)",
        *(["Fisik (%)"] if fisik else []),
        "Keuangan (%)",
    ]
    rows: list[list[str | list[str]]] = []
    for i, p in enumerate(s.program):
        extra = [dec(p.pos.fisik)] if fisik else []
        rows.append([f"{i + 1}.", p.pos.nama, rp(p.pagu), rp(p.realisasi), *extra, serapan(p)])
    rows.append(["", "Total", rp(s.pagu), rp(s.realisasi), *([""] if fisik else []), serapan(s)])
    return Table(header, rows, "llrr" + ("r" if fisik else "") + "r", frozenset({len(rows) - 1}))


def anggaran_rinci(t: m.Tabel, h: Hasil) -> Table:
    s = _one(t, h.sumber, "anggaran.yml")
    header = [
        "No",
        "Program/Kegiatan/Sub Kegiatan",
        "Pagu Anggaran (Rp)",
        "Realisasi (Rp)",
        "Keuangan (%)",
    ]
    rows: list[list[str | list[str]]] = [
        [
            "",
            f"Total anggaran tahun {h.report.laporan.tahun}",
            rp(s.pagu),
            rp(s.realisasi),
            serapan(s),
        ]
    ]
    strong = {0}

    def walk(p: HasilPos, number: str, depth: int) -> None:
        if depth == 0:
            strong.add(len(rows))
        indent = "\u2003" * depth  # em spaces keep the hierarchy visible in a flat table
        rows.append([number, indent + p.pos.nama, rp(p.pagu), rp(p.realisasi), serapan(p)])
        for i, c in enumerate(p.anak):
            walk(c, f"{number}.{i + 1}" if depth else str(i + 1), depth + 1)

    for i, p in enumerate(s.program):
        walk(p, roman(i), 0)
    return Table(header, rows, "llrrr", frozenset(strong))


RENDERERS: dict[str, Callable[[m.Tabel, Hasil], Table]] = {
    "komposisi": komposisi,
    "renstra-tujuan": renstra_tujuan,
    "strategi": strategi,
    "iku": iku,
    "perjanjian": perjanjian,
    "program-kegiatan": program_kegiatan,
    "pagu-sumber": pagu_sumber,
    "skala-capaian": skala_capaian,
    "skala-indikator": skala_indikator,
    "capaian": capaian,
    "capaian-indikator": capaian_indikator,
    "pertumbuhan": pertumbuhan,
    "daftar": daftar,
    "harga": harga,
    "anggaran-program": anggaran_program,
    "anggaran-rinci": anggaran_rinci,
}


def render(t: m.Tabel, h: Hasil) -> Table:
    """The table `t` with its caption, anchor and notes; TableError when it cannot be drawn."""
    fn = RENDERERS.get(t.jenis)
    if fn is None:
        raise TableError(f"jenis tabel {t.jenis!r} tidak dikenal; pilihan: {', '.join(RENDERERS)}")
    body = _layout(t, fn(t, h))
    return Table(
        body.header,
        body.rows,
        body.align,
        body.strong,
        nomor=t.nomor,
        judul=t.judul,
        anchor=anchors(h.report.tabel).get(t.id, f"tabel-{t.id}"),
        sumber_data=t.sumber_data,
        catatan=body.catatan + tuple(t.catatan),
        label=t.label,
    )


def _layout(t: m.Tabel, body: Table) -> Table:
    """The column set and headers tabel.yml asks for, applied to any kind of table."""
    unknown = [c for c in [*t.kolom, *t.judul_kolom] if c not in body.header]
    if unknown:
        raise TableError(
            f"kolom {', '.join(map(repr, unknown))} tidak ada di tabel jenis {t.jenis!r}; "
            f"kolomnya: {', '.join(body.header)}"
        )
    keep = [body.header.index(c) for c in t.kolom] if t.kolom else list(range(len(body.header)))
    header = [t.judul_kolom.get(body.header[i], body.header[i]) for i in keep]
    rows = [[row[i] for i in keep] for row in body.rows]
    align = "".join(body.align[i] for i in keep)
    return Table(header, rows, align, body.strong, catatan=body.catatan)
