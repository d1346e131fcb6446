"""Open data: every report's figures as CSV in a Frictionless Data Package.

One table of resources (`RESOURCES`: each resource's columns with their Frictionless type,
unit and Indonesian description) is the one place a column is added. `slice_of` takes what a
report's pass already made (its `Computed`, named figures and verification records) to rows,
`write_package` writes rows as CSV files and a `datapackage.json` that describes every column,
and `merge` concatenates slices into one package of the same schema (the whole portal's).

Figures are written as the site shows them, for machines: whole rupiah (exact sen where the
document prints them), percentages half-up to two decimals and never on a bound they did not
reach (`numbers.round_shown`, as every page), a dot for decimals, no thousands separator,
never a float. What is not available is an empty cell, and the row's status says why.
Every row carries `laporan` (the report's id), so slices concatenate.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from lkip_build.codes import CODES
from lkip_build.compute import Computed, IndikatorResult, PosResult, SumberResult
from lkip_build.compute.facts import Fact
from lkip_build.model import NA
from lkip_build.model.numbers import PERCENT_BOUNDS, round_half_up, round_shown
from lkip_build.present.tables.budget import level

FOLDER = "data-terbuka"  # under a report's unduh/ and at the site's root
DESCRIPTOR = "datapackage.json"
PACKAGE_NAME = "lkip-data-terbuka"

Row = Mapping[str, object]
Rows = dict[str, list[Row]]  # resource name -> its rows


@dataclass(frozen=True)
class Column:
    """One column of a resource: its Frictionless field."""

    name: str
    type: str  # string, integer, number, boolean, year
    description: str  # what it means, in Indonesian
    unit: str = ""  # "rupiah", "persen", "orang", or where the unit is written
    required: bool = False
    enum: tuple[str, ...] = ()

    def field(self) -> dict[str, object]:
        out: dict[str, object] = {"name": self.name, "type": self.type}
        if self.unit:
            out["unit"] = self.unit
        out["description"] = self.description
        constraints: dict[str, object] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            out["constraints"] = constraints
        return out


@dataclass(frozen=True)
class Resource:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # primary key: unique over the whole portal's package

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def schema(self) -> dict[str, object]:
        out: dict[str, object] = {
            "fields": [c.field() for c in self.columns],
            "missingValues": [""],
            "primaryKey": list(self.key),
        }
        if self.name != "laporan":  # every row belongs to a report of the package
            out["foreignKeys"] = [
                {"fields": ["laporan"], "reference": {"resource": "laporan", "fields": ["laporan"]}}
            ]
        return out


LAPORAN = Column("laporan", "string", "Pengenal laporan (nama folder data/<id>/).", required=True)
PERSEN = "persen"
RUPIAH = "rupiah"
_SHOWN = (
    "dibulatkan setengah ke atas ke dua desimal seperti di halaman (tidak pernah dibulatkan ke "
    "batas yang belum dicapai, misalnya 99,996 ditulis 99.99)"
)

INDIKATOR_STATUS = ("dihitung", "kebijakan laporan", "NA", "tidak dinilai", "belum diisi")
ANGGARAN_STATUS = ("dihitung", "realisasi tidak tercetak", "pagu 0", "belum diisi")
ASAL = ("diterbitkan sebagaimana tercetak", "baru", "tidak menahan terbit")

RESOURCES: dict[str, Resource] = {
    r.name: r
    for r in (
        Resource(
            "laporan",
            "Laporan",
            "Satu baris per laporan: identitasnya dan rata-rata capaiannya.",
            (
                LAPORAN,
                Column("judul", "string", "Judul dokumen sebagaimana tercetak."),
                Column(
                    "jenis_dokumen", "string", "Jenis dokumen (LKIP, LAKIP, LKjIP, Renja, ...)."
                ),
                Column("instansi", "string", "Nama instansi yang melapor."),
                Column("pemerintah", "string", "Pemerintah tempat instansi berada."),
                Column(
                    "tingkat",
                    "string",
                    "Tingkat pemerintahan.",
                    enum=("nasional", "provinsi", "kabupaten", "kota"),
                ),
                Column("wilayah", "string", "Wilayah instansi."),
                Column("tahun", "year", "Tahun yang dilaporkan."),
                Column(
                    "status",
                    "string",
                    "draf (masih diisi) atau final (terbit).",
                    enum=("draf", "final"),
                ),
                Column(
                    "rata_rata_capaian",
                    "number",
                    "Rata-rata capaian indikator yang dinilai, hasil hitung situs, " + _SHOWN + "; "
                    "kosong bila laporan tidak punya indikator atau rata-ratanya NA.",
                    unit=PERSEN,
                ),
                Column("kategori", "string", "Kategori rata-rata capaian menurut skala laporan."),
                Column(
                    "cakupan",
                    "string",
                    "Yang dicakup rata-rata bila tidak semua indikator punya capaian; kosong bila "
                    "semua.",
                ),
            ),
            ("laporan",),
        ),
        Resource(
            "indikator",
            "Indikator kinerja",
            "Setiap indikator yang diukur laporan, sub indikator sesudah indikatornya.",
            (
                LAPORAN,
                Column("id", "string", "Pengenal indikator di indikator.yml.", required=True),
                Column("urutan", "integer", "Urutan indikator di laporan, mulai 1."),
                Column(
                    "tingkat",
                    "string",
                    "indikator (tingkat pertama) atau sub indikator.",
                    enum=("indikator", "sub indikator"),
                ),
                Column("induk", "string", "id indikator induk (sub indikator); kosong bila tidak."),
                Column("sasaran_strategis", "string", "Sasaran strategis yang diukur indikator."),
                Column("nama", "string", "Nama indikator sebagaimana tercetak."),
                Column("satuan", "string", "Satuan target dan realisasi (%, unit usaha, ...)."),
                Column(
                    "dinilai",
                    "boolean",
                    "true bila indikator punya capaian sendiri (masuk rata-rata bila tingkat "
                    "pertama).",
                ),
                Column(
                    "tahun_dasar",
                    "number",
                    "Nilai tahun dasar (aturan dasar); kosong bila tidak ada atau NA.",
                    unit="menurut kolom satuan",
                ),
                Column(
                    "target",
                    "number",
                    "Target; kosong bila NA (lihat status dan keterangan).",
                    unit="menurut kolom satuan",
                ),
                Column(
                    "realisasi",
                    "number",
                    "Realisasi dengan desimal yang diterbitkan (capaian dihitung darinya); kosong "
                    "bila NA.",
                    unit="menurut kolom satuan",
                ),
                Column(
                    "aturan",
                    "string",
                    "Aturan capaian: rasio, selisih, kebalikan, pengurangan, dasar atau skala.",
                ),
                Column(
                    "capaian",
                    "number",
                    "Capaian hasil hitung situs, " + _SHOWN + "; kosong bila NA, tidak dinilai.",
                    unit=PERSEN,
                ),
                Column(
                    "capaian_mentah",
                    "number",
                    "Capaian sebelum dibatasi batas atas dan bawah aturan, " + _SHOWN + ".",
                    unit=PERSEN,
                ),
                Column("kategori", "string", "Kategori capaian menurut skala laporan."),
                Column(
                    "status",
                    "string",
                    "Asal capaian: dihitung dari target dan realisasi; kebijakan laporan (target "
                    "atau realisasi NA, capaian ditetapkan kebijakan); NA; tidak dinilai; belum "
                    "diisi (draf).",
                    enum=INDIKATOR_STATUS,
                ),
                Column(
                    "keterangan",
                    "string",
                    "Alasan nilai NA, atau kebijakan yang menentukan capaian; boleh kosong.",
                ),
            ),
            ("laporan", "id"),
        ),
        Resource(
            "anggaran",
            "Anggaran",
            "Setiap sumber dana dan setiap pos anggarannya (program > kegiatan > sub kegiatan), "
            "induk sebelum anaknya; pagu dan realisasi induk adalah jumlah anaknya.",
            (
                LAPORAN,
                Column(
                    "urutan",
                    "string",
                    "Letak pos: id sumber dana, lalu nomor urut program, kegiatan dan sub "
                    "kegiatan, dipisah titik (apbd.1.2).",
                    required=True,
                ),
                Column(
                    "tingkat",
                    "string",
                    "sumber dana, program, kegiatan, sub kegiatan (lebih dalam: tingkat N).",
                ),
                Column("induk", "string", "urutan pos induknya; kosong untuk sumber dana."),
                Column("sumber_dana", "string", "Nama sumber dana (APBD, APBN, ...)."),
                Column(
                    "kode",
                    "string",
                    "Pengenal di anggaran.yml (sumber dana, program yang diberi id); kosong bila "
                    "tidak ada.",
                ),
                Column("nama", "string", "Nama sumber dana, program, kegiatan atau sub kegiatan."),
                Column(
                    "pagu",
                    "number",
                    "Pagu: rupiah utuh, atau dengan sen bila dokumen mencetak sen; kosong bila "
                    "belum diisi.",
                    unit=RUPIAH,
                ),
                Column(
                    "realisasi",
                    "number",
                    "Realisasi: rupiah utuh, atau dengan sen; kosong bila dokumen tidak "
                    "mencetaknya.",
                    unit=RUPIAH,
                ),
                Column("sisa", "number", "Pagu dikurangi realisasi.", unit=RUPIAH),
                Column(
                    "serapan",
                    "number",
                    "Realisasi keuangan, realisasi / pagu × 100 (atau rata-rata persentase "
                    "barisnya bila dokumen menghitungnya begitu), " + _SHOWN + "; kosong tanpa "
                    "realisasi atau dengan pagu 0.",
                    unit=PERSEN,
                ),
                Column(
                    "fisik",
                    "number",
                    "Realisasi fisik sebagaimana diisi editor; kosong bila tidak ada.",
                    unit=PERSEN,
                ),
                Column(
                    "status",
                    "string",
                    "dihitung; realisasi tidak tercetak (NA); pagu 0 (tanpa serapan); belum "
                    "diisi (draf).",
                    enum=ANGGARAN_STATUS,
                ),
            ),
            ("laporan", "urutan"),
        ),
        Resource(
            "pegawai",
            "Komposisi pegawai",
            "Setiap sel tabel komposisi pegawai dalam bentuk panjang: satu baris per sel.",
            (
                LAPORAN,
                Column(
                    "komposisi", "string", "Pengenal tabel komposisi di pegawai.yml.", required=True
                ),
                Column("judul_baris", "string", "Apa yang dibedakan baris (Jenis Kelamin, ...)."),
                Column("no_baris", "integer", "Nomor baris di tabel, mulai 1.", required=True),
                Column("baris", "string", "Label baris (Laki-laki, S1, ...)."),
                Column("kelompok", "string", "Kelompok baris yang dijumlah bersama; boleh kosong."),
                Column(
                    "no_kolom",
                    "integer",
                    "Nomor kolom nilai, mulai 1 (kolom × sub kolom, urut kolom).",
                    required=True,
                ),
                Column("kolom", "string", "Kolom (unit kerja atau kelompok pegawai)."),
                Column("sub_kolom", "string", "Sub kolom (L, P, ...); kosong bila tidak ada."),
                Column(
                    "nilai", "integer", "Banyak pegawai; kosong bila belum diisi.", unit="orang"
                ),
                Column(
                    "status",
                    "string",
                    "terisi, atau belum diisi (draf).",
                    enum=("terisi", "belum diisi"),
                ),
            ),
            ("laporan", "komposisi", "no_baris", "no_kolom"),
        ),
        Resource(
            "catatan",
            "Catatan verifikasi",
            "Catatan verifikasi data: angka yang tertulis di dokumen dibandingkan dengan hasil "
            "hitung dari data, seperti di halaman Catatan Verifikasi Data.",
            (
                LAPORAN,
                Column(
                    "id",
                    "string",
                    "Pengenal tetap catatan (cv-...), juga jangkarnya di halaman.",
                    required=True,
                ),
                Column(
                    "sifat",
                    "string",
                    "angka tidak cocok, perlu diperiksa, catatan, atau kebijakan laporan.",
                ),
                Column(
                    "asal",
                    "string",
                    "diterbitkan sebagaimana tercetak (terdaftar di diterima.yml); baru (angka "
                    "tidak cocok yang belum ditinjau: laporan tidak terbit); tidak menahan terbit "
                    "(perlu diperiksa dan catatan).",
                    enum=ASAL,
                ),
                Column("alasan_diterima", "string", "Alasan di diterima.yml; kosong bila tidak."),
                Column("kode", "string", "Kode masalah (lihat panduan editor)."),
                Column("judul_kode", "string", "Arti kode masalah."),
                Column("tempat", "string", "Tabel atau bagian dokumen tempat angka tertulis."),
                Column("perihal", "string", "Apa yang diperiksa, dengan label data."),
                Column("kalimat", "string", "Catatan dalam satu kalimat, seperti di halaman."),
                Column(
                    "tertulis",
                    "number",
                    "Angka sebagaimana tercetak; kosong bila tidak terbaca sebagai angka.",
                    unit="menurut perihal",
                ),
                Column("tertulis_teks", "string", "Angka sebagaimana tercetak, teksnya."),
                Column(
                    "hasil_hitung",
                    "number",
                    "Angka hasil hitung dari data.",
                    unit="menurut perihal",
                ),
                Column("hasil_hitung_teks", "string", "Hasil hitung seperti ditampilkan."),
                Column(
                    "selisih",
                    "number",
                    "Hasil hitung dikurangi tertulis; kosong bila tidak ada.",
                    unit="menurut perihal",
                ),
                Column("selisih_teks", "string", "Selisih seperti ditampilkan."),
                Column("berkas", "string", "Berkas data tempat angka itu diisi."),
                Column("baris", "integer", "Baris di berkas data itu; 0 bila tidak ada."),
                Column("isian", "string", "Jalur isian di berkas data."),
                Column(
                    "sebab",
                    "string",
                    "Pengenal sebab bersama (sb-...) bila satu kekeliruan menjelaskan beberapa "
                    "catatan; kosong bila tidak.",
                ),
                Column("sebab_kalimat", "string", "Sebab bersama itu dalam satu kalimat."),
            ),
            ("laporan", "id"),
        ),
    )
}


# ---------------------------------------------------------------- figures for machines


def machine(f: Fact) -> object:
    """A named figure as the site shows it, for a CSV cell: None when not available."""
    v = f.value
    if v is None or isinstance(v, NA):
        return None
    if f.kind == "persen":
        assert isinstance(v, Decimal)
        return round_shown(v, 2, f.bounds | PERCENT_BOUNDS)
    if f.kind == "desimal":
        assert isinstance(v, Decimal)
        q = round_shown(v, f.places)
        return q.quantize(Decimal(1)) if f.trim and q == q.to_integral_value() else q
    if f.kind == "uang":
        return _money(v)
    return v


def _money(v: object) -> object:
    """Whole rupiah as an integer; sen, where the document prints them, at two decimals
    as the site shows them (1.234,50 is 1234.50)."""
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else round_half_up(v, 2)
    return v


def cell(v: object) -> str:
    """A value as CSV text: a dot for decimals, no thousands separator, never a float."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, float):
        raise TypeError("a float is never written: figures are Decimal or int")
    return str(v)


# ---------------------------------------------------------------- one report's rows


def slice_of(h: Computed, facts: Mapping[str, Fact], findings: list[dict[str, object]]) -> Rows:
    """One report's rows of every resource, from its pass: `h`, its named figures and its
    verification records (`verification.records`)."""
    rid = h.report.id
    rows: Rows = {
        "laporan": [_laporan(h, facts)],
        "indikator": [{"laporan": rid, **r} for r in _indicators(h, facts)],
        "anggaran": [{"laporan": rid, **r} for r in _budget(h)],
        "pegawai": [{"laporan": rid, **r} for r in _staff(h)],
        "catatan": [{"laporan": rid, **_finding(f)} for f in findings],
    }
    return rows


def _laporan(h: Computed, facts: Mapping[str, Fact]) -> Row:
    lap = h.report.laporan
    mean = facts.get("kinerja.rata_rata")
    return {
        "laporan": lap.id,
        "judul": lap.judul,
        "jenis_dokumen": lap.jenis_dokumen,
        "instansi": lap.instansi,
        "pemerintah": lap.pemerintah,
        "tingkat": lap.tingkat,
        "wilayah": lap.wilayah,
        "tahun": lap.tahun,
        "status": lap.status,
        "rata_rata_capaian": machine(mean) if mean else None,
        "kategori": h.kategori,
        "cakupan": h.cakupan,
    }


def _indicators(h: Computed, facts: Mapping[str, Fact]) -> Iterator[Row]:
    kinerja = h.report.kinerja
    sasaran = kinerja.sasaran_strategis if kinerja else ""
    for i, (r, parent) in enumerate(h.in_order(), start=1):
        ind = r.indikator

        def fig(name: str, ind_id: str = ind.id) -> object:
            f = facts.get(f"indikator.{ind_id}.{name}")
            return machine(f) if f is not None else None

        dasar = ind.tahun_dasar
        yield {
            "id": ind.id,
            "urutan": i,
            "tingkat": "sub indikator" if parent else "indikator",
            "induk": parent,
            "sasaran_strategis": sasaran,
            "nama": ind.nama,
            "satuan": ind.satuan,
            "dinilai": ind.dinilai,
            "tahun_dasar": dasar if isinstance(dasar, Decimal) else None,
            "target": fig("target"),
            "realisasi": fig("realisasi"),
            "aturan": ind.aturan.jenis,
            "capaian": fig("capaian") if ind.dinilai else None,
            "capaian_mentah": fig("capaian_mentah") if ind.dinilai else None,
            "kategori": r.kategori,
            "status": _indicator_status(r),
            "keterangan": _indicator_reason(r),
        }


def _indicator_status(r: IndikatorResult) -> str:
    if r.belum_diisi:
        return "belum diisi"
    if not r.indikator.dinilai:
        return "tidak dinilai"
    if r.capaian is None:
        return "NA"
    return "kebijakan laporan" if r.catatan else "dihitung"


def _indicator_reason(r: IndikatorResult) -> str:
    """Why a value is NA or a policy decided the capaian, as the site says it."""
    if r.catatan or r.na:
        return r.catatan or r.na
    reasons = []
    for name, v in (("target", r.indikator.target), ("realisasi", r.indikator.realisasi)):
        if isinstance(v, NA):
            why = v.alasan or r.indikator.alasan_na
            reasons.append(f"{name} {v.teks}" + (f": {why}" if why else ""))
    return "; ".join(reasons)


def _budget(h: Computed) -> Iterator[Row]:
    for sid, s in h.sumber.items():
        name = s.sumber.nama
        yield {
            "urutan": sid,
            "tingkat": "sumber dana",
            "induk": "",
            "sumber_dana": name,
            "kode": sid,
            "nama": name,
            **_amounts(s, any(p.belum_diisi for p in s.program)),
            "fisik": None,
        }
        for i, p in enumerate(s.program, start=1):
            yield from _lines(p, f"{sid}.{i}", sid, 0, name)


def _lines(p: PosResult, at: str, parent: str, depth: int, sumber: str) -> Iterator[Row]:
    fisik = p.pos.fisik
    yield {
        "urutan": at,
        "tingkat": level(depth),
        "induk": parent,
        "sumber_dana": sumber,
        "kode": p.pos.id,
        "nama": p.pos.nama,
        **_amounts(p, p.belum_diisi),
        "fisik": fisik if isinstance(fisik, Decimal) else None,
    }
    for i, c in enumerate(p.anak, start=1):
        yield from _lines(c, f"{at}.{i}", at, depth + 1, sumber)


def _amounts(line: PosResult | SumberResult, pending: bool) -> Row:
    pagu, real = line.pagu, line.realisasi
    persen = line.persen
    if pending:
        status = "belum diisi"
    elif real is None:
        status = "realisasi tidak tercetak"
    elif persen is None:
        status = "pagu 0"
    else:
        status = "dihitung"
    sisa = None if pagu is None or real is None else pagu - real
    return {
        "pagu": _money(pagu),
        "realisasi": _money(real),
        "sisa": _money(sisa),
        "serapan": None if persen is None else machine(Fact(persen, "persen")),
        "status": status,
    }


def _staff(h: Computed) -> Iterator[Row]:
    for kid, k in h.komposisi.items():
        kom = k.komposisi
        sub = max(1, len(kom.sub_kolom))
        for bi, row in enumerate(kom.baris, start=1):
            for ci, v in enumerate(row.nilai, start=1):
                col = (ci - 1) // sub
                pending = isinstance(v, NA)  # in pegawai.yml, only a value still to fill
                yield {
                    "komposisi": kid,
                    "judul_baris": kom.judul_baris,
                    "no_baris": bi,
                    "baris": row.label,
                    "kelompok": row.kelompok,
                    "no_kolom": ci,
                    "kolom": kom.kolom[col] if col < len(kom.kolom) else "",
                    "sub_kolom": kom.sub_kolom[(ci - 1) % sub] if kom.sub_kolom else "",
                    "nilai": None if pending else v,
                    "status": "belum diisi" if pending else "terisi",
                }


def _finding(f: dict[str, object]) -> Row:
    """A verification record (`verification.as_record`) as a row; `asal` is what the page
    says under the note."""
    code = str(f["kode"])
    if f["diterima"]:
        asal = "diterbitkan sebagaimana tercetak"
    elif CODES[code].severity == "error":
        asal = "baru"
    else:
        asal = "tidak menahan terbit"
    sebab = f.get("sebab")
    keys = ("id", "sifat", "alasan_diterima", "kode", "judul_kode", "tempat", "perihal")
    more = ("tertulis", "tertulis_teks", "hasil_hitung", "hasil_hitung_teks", "selisih")
    rest = ("selisih_teks", "berkas", "baris", "isian")
    return {
        **{k: f.get(k) for k in (*keys, "kalimat", *more, *rest)},
        "asal": asal,
        "sebab": sebab.get("id") if isinstance(sebab, dict) else None,
        "sebab_kalimat": sebab.get("kalimat") if isinstance(sebab, dict) else None,
    }


# ---------------------------------------------------------------- the package


def write_package(rows: Mapping[str, Iterable[Row]], title: str) -> dict[str, bytes]:
    """The CSV file of every resource (UTF-8 without BOM, a header row, a comma between
    columns) and `datapackage.json` describing every column; file name -> bytes."""
    out: dict[str, bytes] = {}
    for name, resource in RESOURCES.items():
        out[resource.path] = _csv(resource, rows.get(name, []))
    out[DESCRIPTOR] = descriptor(title).encode("utf-8")
    return out


def descriptor(title: str) -> str:
    package = {
        "name": PACKAGE_NAME,
        "title": title,
        "description": (
            "Angka laporan kinerja instansi pemerintah yang dihitung dari data: indikator, "
            "anggaran, komposisi pegawai dan catatan verifikasi, satu baris per laporan di "
            "laporan.csv. Setiap baris menyebut laporannya di kolom laporan."
        ),
        "resources": [
            {
                "name": r.name,
                "title": r.title,
                "description": r.description,
                "path": r.path,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": r.schema(),
            }
            for r in RESOURCES.values()
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def _csv(resource: Resource, rows: Iterable[Row]) -> bytes:
    names = [c.name for c in resource.columns]
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        unknown = set(row) - set(names)
        if unknown:  # a column filled that the schema does not describe
            raise ValueError(f"{resource.name}: kolom tanpa keterangan: {sorted(unknown)}")
        writer.writerow([cell(row.get(n)) for n in names])
    return buf.getvalue().encode("utf-8")


def read_rows(files: Mapping[str, bytes] | Path) -> dict[str, list[dict[str, str]]]:
    """A package's rows as text, from its files or its folder; ValueError when a CSV's
    header is not its resource's columns."""
    out: dict[str, list[dict[str, str]]] = {}
    for name, resource in RESOURCES.items():
        data = (
            (files / resource.path).read_bytes()
            if isinstance(files, Path)
            else files.get(resource.path, b"")
        )
        reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
        header = next(reader, None)
        names = [c.name for c in resource.columns]
        if header != names:
            raise ValueError(f"{resource.path}: kolom {header} bukan {names}")
        out[name] = [dict(zip(names, r, strict=True)) for r in reader]
    return out


def merge(packages: Iterable[Mapping[str, bytes] | Path], title: str) -> dict[str, bytes]:
    """One package of every slice's rows, in the order given (same schema)."""
    rows: dict[str, list[Row]] = {name: [] for name in RESOURCES}
    for package in packages:
        for name, found in read_rows(package).items():
            rows[name].extend(found)
    return write_package(rows, title)


def slice_title(h: Computed) -> str:
    lap = h.report.laporan
    return f"Data terbuka: {lap.judul}, {lap.instansi}, {lap.tahun}"
