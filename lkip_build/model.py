"""The data model of a report: frozen dataclasses whose field names are the YAML keys.

Only inputs live here. Every derived figure (capaian, totals, means, absorption,
terbilang) is computed in `compute`; what a published document *states* about a
derived figure is recorded in `tertulis` fields and only read by the audit.

One module on purpose, though long: the loader resolves every class's type hints in this
module's namespace (`typing.get_type_hints(cls, vars(model))`), so a class of any file may
name a class of another, and the guide's test finds every YAML field here.

The string under each field is its Indonesian description, written once: the JSON Schema
that editors read (`python -m lkip_build.schema`) shows it on hover and in completion.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal


@dataclass(frozen=True)
class Location:
    """Where a value came from: file, line (1-based) and field path."""

    file: str = ""
    line: int = 0
    path: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}" if self.path else where


NOWHERE = Location()


# How documents write "not available"; each is read as NA, never an empty value.
NA_SPELLINGS = ("NA", "N/A", "n/a", "na", "-", "belum tersedia", "tidak tersedia")


@dataclass(frozen=True)
class NA:
    """A value the document gives as not available ("NA", "n/a", "-", "belum tersedia").

    `teks` keeps the spelling as written (shown to readers), `alasan` the reason. Every NA
    is equal to every other: what differs is only how it is written.
    """

    teks: str = field(default="NA", compare=False)
    alasan: str = field(default="", compare=False)

    def __repr__(self) -> str:
        return "NA"

    def __hash__(self) -> int:
        return hash("NA")


NA_VALUE = NA()


@dataclass(frozen=True)
class BelumDiisi(NA):
    """A value still to be filled, written `{belum_diisi: petunjuk}` (a draft's to-do item).

    Computed as NA (capaian not computed, left out of means, never a report's NA policy) and
    shown as "belum diisi"; `alasan` holds the petunjuk. In a final report it is an error.
    """

    teks: str = field(default="belum diisi", compare=False)

    def __repr__(self) -> str:
        return "belum diisi"


@dataclass(frozen=True)
class Rentang:
    """A field's allowed range (inclusive), checked by the loader: Annotated[int, Rentang(0, 6)]."""

    bawah: int | None = None
    atas: int | None = None


# A target or baseline: an Indonesian decimal ("44,32") or NA.
Target = Decimal | NA
# Money: whole rupiah, or a Decimal where the document prints non-zero sen ("1.234,50").
Uang = int | Decimal


@dataclass(frozen=True, kw_only=True)
class Node:
    """Base of every model object: carries its source location (not a YAML key)."""

    lokasi: Location = field(default=NOWHERE, compare=False, repr=False)


# ---------------------------------------------------------------- stated figures


@dataclass(frozen=True, kw_only=True)
class Tertulis(Node):
    """A figure as a published document states it, kept only to audit that document.

    `di` names where it is stated ("Tabel 3.22", "Bab 3.3 paragraf APBN"); the other
    keys are the figure's name and its value exactly as written ("97,32", "13.157.342.97").
    """

    di: str
    """Tempat angka itu dinyatakan di dokumen, misalnya nomor tabelnya, atau bab dan paragrafnya."""
    nilai: dict[str, str]
    """Nama angka -> nilainya persis seperti tercetak, misalnya {persen: "97,32"}."""


# ---------------------------------------------------------------- the report


@dataclass(frozen=True, kw_only=True)
class Kategori(Node):
    """One band of a category scale, as the document prints it.

    With only lower bounds on every band (the NTT form "X >= 85", "75 <= X < 85", ...),
    each band reaches up to the next band's lower bound, in any order. A band with
    `batas_atas` states its upper bound itself ("76 % <= X <= 90 %"); the scale may then
    have gaps, and a value in a gap is an error, never a guessed category.
    """

    batas_bawah: Decimal | None = None  # None: no lower bound
    """Batas bawah pita (persen); kosongkan untuk pita terbawah."""
    batas_atas: Decimal | None = None  # None: up to the next band, or no upper bound
    """Batas atas pita bila dokumen mencetaknya ("76 % <= X <= 90 %"); tanpa ini pita mencapai
    batas bawah pita di atasnya."""
    bawah_inklusif: bool = True  # "<=" (True) or "<" (False) at the lower bound
    """ya: batas bawah ikut (<=); tidak: tidak ikut (<). Bawaan ya."""
    atas_inklusif: bool = False  # "<=" (True) or "<" (False) at the upper bound
    """ya: batas atas ikut (<=); tidak: tidak ikut (<). Bawaan tidak."""
    kategori: str
    """Nama kategori sebagaimana tercetak, misalnya Sangat Berhasil."""


@dataclass(frozen=True, kw_only=True)
class Penandatangan(Node):
    nama: str
    """Nama penandatangan."""
    jabatan: str
    """Jabatan penandatangan."""
    pangkat: str = ""
    """Pangkat dan golongan."""
    nip: str = ""
    """NIP penandatangan (beri tanda kutip agar tetap teks)."""


@dataclass(frozen=True, kw_only=True)
class Halaman(Node):
    """One page of the report, in reading order (its Markdown file under content/<id>/)."""

    file: str
    """Berkas Markdown halaman ini di content/<id>/, misalnya bab-1.md."""
    judul: str
    """Judul halaman di menu."""
    cetak: bool = True  # part of the print view and PDF (`tidak` for a page of links)
    """tidak untuk halaman yang hanya berisi tautan: tidak masuk versi cetak dan PDF. Bawaan ya."""


@dataclass(frozen=True, kw_only=True)
class Kebijakan(Node):
    """Policies the report states for its own calculations."""

    # Capaian given to an indicator whose target is NA (NTT: 100); None: capaian is NA,
    # shown as "n/a" with its reason and left out of the mean, which says so.
    capaian_target_na: Decimal | None = None
    """Capaian indikator yang targetnya NA (misalnya 100); tanpa ini capaiannya NA dan tidak
    masuk rata-rata."""
    alasan_target_na: str = ""
    """Alasan kebijakan capaian untuk target NA, sebagaimana dinyatakan laporan."""
    # The same for an indicator whose realisasi (or an input of its formula) is NA.
    capaian_realisasi_na: Decimal | None = None
    """Capaian indikator yang realisasinya (atau masukan rumusnya) NA; tanpa ini capaiannya NA."""
    alasan_realisasi_na: str = ""
    """Alasan kebijakan capaian untuk realisasi NA."""
    # Realisasi of an indicator is published with this many decimals, and capaian is
    # computed from the published realisasi (as the report does: 1,08 / 1,12 = 96,43 %).
    desimal_realisasi: Annotated[int, Rentang(0, 6)] = 2
    """Banyak desimal realisasi yang dipublikasikan (0 sampai 6, bawaan 2); capaian dihitung
    dari realisasi yang dipublikasikan."""
    # An audit finding fails a strict build (new report) or is only published (historic one).
    temuan_memblokir: bool = True
    """ya: temuan audit menghentikan build (laporan baru); tidak: temuan hanya diterbitkan
    (dokumen historis)."""


@dataclass(frozen=True, kw_only=True)
class Laporan(Node):
    """laporan.yml: who publishes which document for which year."""

    id: str
    """Pengenal laporan, sama dengan nama foldernya di data/."""
    jenis_dokumen: Literal["LKIP", "LAKIP", "LKjIP", "LKj", "Renja", "Renstra", "RKT", "PK"]
    """Jenis dokumen: LKIP, LAKIP, LKjIP, LKj, Renja, Renstra, RKT atau PK."""
    judul: str
    """Judul dokumen."""
    instansi: str
    """Nama instansi yang menerbitkan laporan."""
    singkatan_instansi: str = ""
    """Singkatan nama instansi (untuk menu)."""
    pemerintah: str  # "Pemerintah Provinsi Nusa Tenggara Timur"
    """Pemerintahnya, misalnya "Pemerintah Provinsi ..."."""
    # nasional: a kementerian or lembaga; the others are local governments
    tingkat: Literal["nasional", "provinsi", "kabupaten", "kota"]
    """nasional (kementerian/lembaga), provinsi, kabupaten atau kota; beranda mengelompokkan
    laporan menurut tingkat."""
    wilayah: str
    """Nama wilayah."""
    tahun: int
    """Tahun laporan, misalnya 2021."""
    tempat: str = ""
    """Tempat penandatanganan."""
    tanggal: str = ""
    """Tanggal penandatanganan sebagai teks, misalnya Januari 2022."""
    kepala: Penandatangan | None = None
    """Kepala instansi yang menandatangani: nama, jabatan, pangkat, nip."""
    periode_renstra: str = ""
    """Periode Renstra, misalnya 2018-2023."""
    # the bands as printed, or the name of a preset (see `skala.PRESETS`)
    skala_capaian: list[Kategori] | str = field(default_factory=list)
    """Skala kategori capaian sebagaimana tercetak (daftar pita), atau nama skala bawaan:
    permenpan-4, lima-pita, permendagri-86, enam-pita."""
    kebijakan: Kebijakan = field(default_factory=Kebijakan)
    """Kebijakan perhitungan yang dinyatakan laporan (NA, desimal, temuan)."""
    halaman: list[Halaman] = field(default_factory=list)
    """Urutan halaman laporan: file, judul, cetak."""
    keterangan: str = ""
    """Catatan singkat di beranda."""
    status: Literal["draf", "final"] = "final"
    """draf: nilai belum_diisi dan paragraf tulis-ulang hanya peringatan, tercantum di halaman
    Yang masih harus diisi; final (bawaan): setiap nilai belum_diisi adalah kesalahan."""


# ---------------------------------------------------------------- staff (Tabel 1.1-1.4)


@dataclass(frozen=True, kw_only=True)
class BarisKomposisi(Node):
    label: str
    """Label baris, misalnya Laki-laki atau S1."""
    kelompok: str = ""  # rows with the same kelompok are summed ("IV" for IV a..IV c)
    """Baris dengan kelompok yang sama dijumlah (misalnya IV untuk IV a sampai IV c)."""
    nilai: list[int | NA]  # NA: still to fill in a draft (`{belum_diisi: ...}`)
    """Bilangan baris ini, sebanyak kolom x sub kolom, urut kolom; {belum_diisi: ...} dalam draf."""
    tertulis: dict[str, str] = field(default_factory=dict)  # e.g. {jumlah: "4"}
    """Angka baris sebagaimana tercetak, misalnya {jumlah: "4"}."""


@dataclass(frozen=True, kw_only=True)
class Komposisi(Node):
    """A staff cross table: rows (gender, education, rank...) by columns (units [x L/P])."""

    id: str
    """Pengenal tabel komposisi (dipakai di tabel.yml)."""
    judul_baris: str
    """Judul kolom pertama (misalnya Jenis Kelamin)."""
    kolom: list[str]
    """Kolom tabel (unit kerja atau kelompok pegawai)."""
    sub_kolom: list[str] = field(default_factory=list)  # ["L", "P"] or empty
    """Sub kolom setiap kolom, misalnya [L, P]; boleh kosong."""
    baris: list[BarisKomposisi]
    """Baris tabel: label, kelompok, nilai, tertulis."""
    # Stated column totals as the document prints them, in column order, and its grand total.
    tertulis_total: list[str] = field(default_factory=list)
    """Total setiap kolom sebagaimana tercetak, urut kolom."""
    tertulis_jumlah: str = ""
    """Total keseluruhan sebagaimana tercetak."""
    # A named figure (see fakta) this table's grand total must equal, e.g. the ASN count of
    # another table: "pegawai.jenis-kelamin.kolom.asn-orang".
    sama_dengan: str = ""
    """Nama nilai yang harus sama dengan total tabel ini, misalnya pegawai.jenis-
    kelamin.kolom.asn-orang."""
    # Figures the text states about this table; keys: total, kolom.<slug>, baris.<slug>,
    # kelompok.<slug>, persen.<slug>, sel.<baris-slug>.<kolom-slug>.
    tertulis: list[Tertulis] = field(default_factory=list)
    """Angka tentang tabel ini yang disebut teks (total, kolom.<slug>, baris.<slug>, ...)."""


@dataclass(frozen=True, kw_only=True)
class Pegawai(Node):
    """pegawai.yml."""

    komposisi: list[Komposisi]
    """Tabel komposisi pegawai."""


# ---------------------------------------------------------------- plans (Bab II)


@dataclass(frozen=True, kw_only=True)
class IndikatorRencana(Node):
    """An indicator with yearly targets (Renstra, RPJMD, IKU tables)."""

    id: str = ""
    """Pengenal indikator rencana (boleh kosong)."""
    nama: str
    """Nama indikator sebagaimana tercetak."""
    satuan: str = ""
    """Satuan, misalnya %."""
    kondisi_awal: Target | None = None
    """Kondisi awal: angka dengan koma desimal, atau NA."""
    target: dict[int, Target] = field(default_factory=dict)
    """Target per tahun: tahun -> nilai, misalnya {2021: "44,32"}."""
    kondisi_akhir: Target | None = None
    """Kondisi akhir periode: angka atau NA."""
    rumus: str = ""
    """Rumus indikator sebagai teks."""
    sub: list[IndikatorRencana] = field(default_factory=list)
    """Sub indikator."""
    indikator_kinerja: str = ""  # id of the measured indicator in indikator.yml
    """id indikator di indikator.yml bila indikator ini diukur capaiannya."""


@dataclass(frozen=True, kw_only=True)
class SasaranRenstra(Node):
    sasaran: str
    """Sasaran Renstra."""
    indikator: list[IndikatorRencana] = field(default_factory=list)
    """Indikator sasaran ini."""


@dataclass(frozen=True, kw_only=True)
class TujuanRenstra(Node):
    tujuan: str
    """Tujuan Renstra."""
    sasaran: list[SasaranRenstra]
    """Sasaran tujuan ini."""


@dataclass(frozen=True, kw_only=True)
class Strategi(Node):
    strategi: str
    """Strategi."""
    arah_kebijakan: list[str] = field(default_factory=list)
    """Arah kebijakan strategi ini."""


@dataclass(frozen=True, kw_only=True)
class SasaranStrategi(Node):
    sasaran: str
    """Sasaran."""
    strategi: list[Strategi]
    """Strategi untuk sasaran ini."""


@dataclass(frozen=True, kw_only=True)
class TujuanStrategi(Node):
    tujuan: str
    """Tujuan."""
    sasaran: list[SasaranStrategi]
    """Sasaran tujuan ini."""


@dataclass(frozen=True, kw_only=True)
class MisiStrategi(Node):
    misi: str
    """Misi."""
    tujuan: list[TujuanStrategi]
    """Tujuan misi ini."""


@dataclass(frozen=True, kw_only=True)
class Urusan(Node):
    """IKU of one urusan (Tabel 2.4 perindustrian, 2.5 perdagangan)."""

    id: str
    """Pengenal urusan (dipakai di tabel.yml)."""
    nama: str
    """Nama urusan, sebagaimana tercetak."""
    tahun_kondisi_awal: int
    """Tahun kondisi awal IKU."""
    indikator: list[IndikatorRencana]
    """IKU urusan ini."""


@dataclass(frozen=True, kw_only=True)
class Renstra(Node):
    """renstra.yml."""

    periode: str
    """Periode Renstra, misalnya 2018-2023."""
    tahun_target: list[int]
    """Tahun-tahun target, misalnya [2021, 2022, 2023]."""
    tujuan: list[TujuanRenstra] = field(default_factory=list)
    """Tujuan, sasaran dan indikatornya."""
    strategi: list[MisiStrategi] = field(default_factory=list)
    """Misi, tujuan, sasaran, strategi dan arah kebijakan."""
    urusan: list[Urusan] = field(default_factory=list)
    """IKU per urusan."""


# ---------------------------------------------------------------- Perjanjian Kinerja


@dataclass(frozen=True, kw_only=True)
class IndikatorPK(Node):
    nama: str
    """Nama indikator sebagaimana tercetak."""
    realisasi_lalu: Target | None = None
    """Realisasi tahun lalu: angka atau NA."""
    target: Target | None = None
    """Target: angka atau NA."""
    indikator_kinerja: str = ""  # id in indikator.yml when Bab III measures it
    """id indikator di indikator.yml bila indikator ini diukur capaiannya."""
    sub: list[IndikatorPK] = field(default_factory=list)
    """Sub indikator."""
    tertulis: list[Tertulis] = field(default_factory=list)
    """Angka indikator ini sebagaimana tercetak."""


@dataclass(frozen=True, kw_only=True)
class SasaranPK(Node):
    sasaran: str
    """Sasaran strategis."""
    indikator: list[IndikatorPK]
    """Indikator sasaran ini."""
    outcome: str = ""
    """Outcome."""
    benefit: str = ""
    """Benefit."""
    impact: str = ""
    """Impact."""


@dataclass(frozen=True, kw_only=True)
class IndikatorProgram(Node):
    nama: str
    """Nama indikator program atau kegiatan."""
    satuan: str = ""
    """Satuan."""
    target: Target | None = None
    """Target: angka atau NA."""
    indikator_kinerja: str = ""  # id in indikator.yml when it is a measured indicator
    """id indikator di indikator.yml bila indikator ini diukur capaiannya."""


@dataclass(frozen=True, kw_only=True)
class SubKegiatanRencana(Node):
    nama: str
    """Nama sub kegiatan."""
    indikator: list[IndikatorProgram] = field(default_factory=list)
    """Indikator sub kegiatan."""


@dataclass(frozen=True, kw_only=True)
class KegiatanRencana(Node):
    nama: str
    """Nama kegiatan."""
    indikator: list[IndikatorProgram] = field(default_factory=list)
    """Indikator kegiatan."""
    sub_kegiatan: list[SubKegiatanRencana] = field(default_factory=list)
    """Sub kegiatan."""


@dataclass(frozen=True, kw_only=True)
class ProgramRencana(Node):
    nama: str
    """Nama program."""
    program_anggaran: str = ""  # id of the programme in anggaran.yml
    """id program di anggaran.yml."""
    indikator: list[IndikatorProgram] = field(default_factory=list)
    """Indikator program."""
    kegiatan: list[KegiatanRencana] = field(default_factory=list)
    """Kegiatan program."""
    kegiatan_pendukung: list[str] = field(default_factory=list)
    """Kegiatan pendukung (teks)."""


@dataclass(frozen=True, kw_only=True)
class SasaranProgram(Node):
    sasaran: str
    """Sasaran."""
    program: list[ProgramRencana]
    """Program untuk sasaran ini."""


@dataclass(frozen=True, kw_only=True)
class PerjanjianKinerja(Node):
    """perjanjian.yml: the signed agreement (Tabel 2.6, the PK appendix) and Tabel 2.7."""

    judul: str
    """Judul Perjanjian Kinerja."""
    tanggal: str
    """Tanggal penandatanganan sebagai teks."""
    pihak_pertama: Penandatangan
    """Pihak pertama: nama, jabatan, pangkat, nip."""
    pihak_kedua: Penandatangan
    """Pihak kedua: nama, jabatan, pangkat, nip."""
    sasaran: list[SasaranPK]
    """Sasaran dan indikatornya."""
    pendapatan: Uang | NA | None = None  # "PENDAPATAN PERUBAHAN" of the appendix, whole rupiah
    """Pendapatan perubahan pada lampiran, rupiah utuh."""
    program: list[SasaranProgram] = field(default_factory=list)
    """Program dan kegiatan per sasaran."""


# ---------------------------------------------------------------- indicators (Bab III)


@dataclass(frozen=True, kw_only=True)
class Masukan(Node):
    """One input of a realisasi formula: a number, or a count/sum over a list (daftar).

    With `daftar` and no `nilai` the value is computed from the list; with both, `nilai`
    is what the document states and the audit checks it against the list.
    """

    nilai: Decimal | NA | None = None  # NA: the document gives no value (with a reason)
    """Nilai masukan: angka, atau NA dengan alasan; tanpa nilai dihitung dari daftar."""
    uraian: str = ""
    """Arti masukan ini dalam kata-kata."""
    daftar: str = ""
    """id daftar di daftar.yml: nilainya banyak baris daftar itu."""
    jumlah: str = ""  # sum this numeric column of the list instead of counting rows
    """Jumlahkan kolom angka ini dari daftar, bukan menghitung baris."""
    unik: str = ""  # count distinct values of this column instead of rows
    """Hitung nilai berbeda kolom ini dari daftar."""


@dataclass(frozen=True, kw_only=True)
class Rumus(Node):
    """How realisasi is obtained.

    jenis:
      langsung     realisasi = a
      rasio        realisasi = a / b x 100
      pertumbuhan  realisasi = (a - b) / b x 100   (a this year, b last year)
      rerata_harga realisasi = mean price change of the items of `kelompok` (harga.yml)
      rerata_sub   realisasi = mean of the sub-indicators' realisasi
      skor         realisasi = konstanta + a x pengali / pembagi, a score with declared
                   ranges ("50 % + E x 50/20": konstanta 50, pengali 50, pembagi 20,
                   rentang_a [0, 20], rentang [50, 100]); outside them is a finding
      triwulan     realisasi from the quarterly values by `agregasi`: jumlah (sum),
                   terakhir (the last quarter filled, NA quarters skipped), rata_rata
    """

    jenis: Literal[
        "langsung", "rasio", "pertumbuhan", "rerata_harga", "rerata_sub", "skor", "triwulan"
    ]
    """Cara menghitung realisasi: langsung, rasio, pertumbuhan, rerata_harga, rerata_sub, skor
    atau triwulan."""
    a: Masukan | None = None
    """Masukan a: angka, NA, atau pemetaan (nilai, daftar, ...)."""
    b: Masukan | None = None
    """Masukan b: angka, NA, atau pemetaan."""
    konstanta: Decimal = Decimal(0)
    """Konstanta rumus skor ("50 % + E x 50/20": 50)."""
    pengali: Decimal = Decimal(1)
    """Pengali rumus skor (contoh: 50)."""
    pembagi: Decimal = Decimal(1)
    """Pembagi rumus skor (contoh: 20)."""
    rentang_a: list[Decimal] = field(default_factory=list)  # [lowest, highest] a may take
    """[terendah, tertinggi] yang boleh untuk masukan a (rumus skor)."""
    rentang: list[Decimal] = field(default_factory=list)  # [lowest, highest] of the result
    """[terendah, tertinggi] hasil rumus skor."""
    triwulan: list[Decimal | NA] = field(default_factory=list)
    """Nilai per triwulan (NA boleh), digabung menurut agregasi."""
    agregasi: Literal["jumlah", "terakhir", "rata_rata"] = "jumlah"
    """Penggabungan triwulan: jumlah, terakhir (triwulan terakhir yang terisi) atau rata_rata."""
    kelompok: str = ""
    """id kelompok harga di harga.yml (rumus rerata_harga)."""
    uraian: str = ""  # the formula in words, as the report writes it
    """Rumus dalam kata-kata, seperti ditulis laporan."""
    uraian_a: str = ""
    """Label masukan a (tabel pertumbuhan)."""
    uraian_b: str = ""
    """Label masukan b (tabel pertumbuhan)."""
    tahun_a: str = ""
    """Tahun masukan a (label tabel pertumbuhan)."""
    tahun_b: str = ""
    """Tahun masukan b (label tabel pertumbuhan)."""


@dataclass(frozen=True, kw_only=True)
class Langkah(Node):
    """A step of a step scale (Tabel 3.7): X <= `batas_atas` gives `capaian`."""

    batas_atas: Decimal | None = None  # None: the last step, no upper bound
    """Realisasi sampai nilai ini mendapat capaian langkah ini; kosong untuk langkah terakhir."""
    capaian: Decimal
    """Capaian untuk langkah ini."""
    kategori: str = ""
    """Kategori langkah ini sebagaimana tercetak."""


@dataclass(frozen=True, kw_only=True)
class Aturan(Node):
    """How capaian is obtained from target and realisasi; a property of each indicator.

    jenis (T target, R realisasi, B the baseline `tahun_dasar`):
      rasio        R / T x 100              (higher is better)
      selisih      (2T - R) / T x 100       (lower is better)
      kebalikan    T / R x 100              (lower is better)
      pengurangan  (T - R) / T x 100        (lower is better; R = T gives 0)
      dasar        (B - R) / (B - T) x 100  (lower is better, against the baseline)
      skala        the step of `skala` that realisasi falls in
    `batas` caps the result (none, 100, 110, 120, 150, 200 are in use); None leaves it
    uncapped. `lantai` floors it (0 by default); None leaves negative results. A raw
    result above `tandai_di_atas` is a finding (some reports flag instead of capping).
    """

    jenis: Literal["rasio", "selisih", "kebalikan", "pengurangan", "dasar", "skala"] = "rasio"
    """Cara menghitung capaian: rasio, selisih, kebalikan, pengurangan, dasar atau skala."""
    batas: Decimal | None = Decimal(100)
    """Batas atas capaian (bawaan 100; null = tanpa batas)."""
    lantai: Decimal | None = Decimal(0)
    """Batas bawah capaian (bawaan 0; null = boleh negatif)."""
    tandai_di_atas: Decimal | None = None
    """Capaian mentah di atas nilai ini menjadi temuan perlu verifikasi."""
    skala: list[Langkah] = field(default_factory=list)
    """Langkah skala (jenis skala): batas_atas, capaian, kategori."""
    judul_skala: str = ""
    """Judul tabel skala indikator ini."""


@dataclass(frozen=True, kw_only=True)
class Indikator(Node):
    """An indicator measured in Bab III (Tabel 3.2 and its own section)."""

    id: str
    """Pengenal indikator (dipakai penanda dan tabel)."""
    nama: str
    """Nama indikator sebagaimana tercetak."""
    satuan: str = "%"
    """Satuan, bawaan %."""
    tahun_dasar: Target | None = None
    """Nilai tahun dasar (aturan dasar): angka atau NA."""
    target: Target
    """Target: angka dengan koma desimal, NA, atau {na: alasan}."""
    realisasi: Rumus | NA  # NA: the document prints no realisasi ("n/a", with a reason)
    """Rumus realisasi (jenis, a, b, ...), atau NA bila dokumen tidak mencetak realisasi."""
    alasan_na: str = ""  # why the target or realisasi is NA, when not given inline
    """Alasan target atau realisasi NA bila tidak ditulis di nilainya."""
    aturan: Aturan = field(default_factory=Aturan)
    """Cara menghitung capaian dari target dan realisasi."""
    sub: list[Indikator] = field(default_factory=list)
    """Sub indikator."""
    dinilai: bool = True  # False for sub-indicators that have no capaian of their own
    """tidak bila indikator ini tidak punya capaian sendiri. Bawaan ya."""
    tertulis: list[Tertulis] = field(default_factory=list)
    """Angka indikator ini sebagaimana tercetak di dokumen."""


@dataclass(frozen=True, kw_only=True)
class Kinerja(Node):
    """indikator.yml."""

    sasaran_strategis: str
    """Sasaran strategis yang diukur."""
    indikator: list[Indikator]
    """Indikator kinerja yang diukur capaiannya."""
    tertulis: list[Tertulis] = field(default_factory=list)  # e.g. the stated mean
    """Angka sebagaimana tercetak, misalnya rata-rata capaian."""


# ---------------------------------------------------------------- prices (Tabel 3.5, 3.6)


@dataclass(frozen=True, kw_only=True)
class Barang(Node):
    nama: str
    """Nama barang."""
    satuan: str
    """Satuan, misalnya Rp/kg."""
    harga_lalu: Uang
    """Harga tahun lalu, rupiah."""
    harga_kini: Uang | NA  # NA: still to fill in a draft (`{belum_diisi: ...}`)
    """Harga tahun ini, rupiah; {belum_diisi: ...} dalam draf."""
    tertulis: dict[str, str] = field(default_factory=dict)  # selisih, persen as printed
    """Selisih dan persen sebagaimana tercetak."""


@dataclass(frozen=True, kw_only=True)
class KelompokHarga(Node):
    id: str
    """Pengenal kelompok harga (dipakai rumus rerata_harga dan tabel)."""
    nama: str
    """Nama kelompok, misalnya barang kebutuhan pokok."""
    tahun_lalu: int
    """Tahun pembanding."""
    tahun_kini: int
    """Tahun laporan."""
    barang: list[Barang]
    """Barang kelompok ini."""
    # Prices are yearly means rounded to the rupiah: the audit widens its intervals by 0,5.
    harga_dibulatkan: bool = True
    """ya bila harga adalah rata-rata yang dibulatkan ke rupiah (audit memberi toleransi).
    Bawaan ya."""
    tertulis: dict[str, str] = field(default_factory=dict)  # rata_rata as printed
    """Rata-rata sebagaimana tercetak, misalnya {rata_rata: "2,15"}."""


@dataclass(frozen=True, kw_only=True)
class Harga(Node):
    """harga.yml."""

    kelompok: list[KelompokHarga]
    """Kelompok harga barang."""


# ---------------------------------------------------------------- lists (Tabel 3.4 ...)


@dataclass(frozen=True, kw_only=True)
class Kolom(Node):
    kunci: str
    """Kunci kolom di setiap baris."""
    judul: str
    """Judul kolom sebagaimana tercetak."""
    jenis: Literal["teks", "angka"] = "teks"
    """teks atau angka."""


@dataclass(frozen=True, kw_only=True)
class KolomJumlah(Node):
    """A computed column: the sum of other numeric columns of the same row."""

    kunci: str
    """Kunci kolom hitung."""
    judul: str
    """Judul kolom hitung."""
    dari: list[str]
    """Kunci kolom angka yang dijumlah."""


@dataclass(frozen=True, kw_only=True)
class Daftar(Node):
    id: str
    """Pengenal daftar (dipakai masukan rumus dan tabel)."""
    kolom: list[Kolom]
    """Kolom daftar: kunci, judul, jenis."""
    kolom_jumlah: list[KolomJumlah] = field(default_factory=list)
    """Kolom hitung: jumlah kolom angka lain pada baris yang sama."""
    baris_jumlah: bool = False  # add a total row summing numeric columns
    """ya untuk menambah baris total. Bawaan tidak."""
    baris: list[dict[str, str | list[str]]]
    """Baris daftar: kunci -> teks (daftar teks untuk sel berisi beberapa baris)."""
    tertulis: dict[str, str] = field(default_factory=dict)
    """Angka sebagaimana tercetak, misalnya nomor_terakhir atau jumlah.<kolom>."""


@dataclass(frozen=True, kw_only=True)
class KumpulanDaftar(Node):
    """daftar.yml."""

    daftar: list[Daftar]
    """Daftar (tabel data yang dihitung atau dirujuk rumus)."""


# ---------------------------------------------------------------- budget (Tabel 2.3, 3.22-3.24)


@dataclass(frozen=True, kw_only=True)
class PosAnggaran(Node):
    """A programme, kegiatan or sub kegiatan. A leaf carries pagu and realisasi;
    a parent's amounts are the sums of its children."""

    id: str = ""
    """Pengenal pos (untuk program)."""
    nama: str
    """Nama program, kegiatan atau sub kegiatan."""
    pagu: Uang | NA | None = None  # NA: still to fill in a draft (`{belum_diisi: ...}`)
    """Pagu, rupiah; hanya pada pos tanpa rincian; {belum_diisi: ...} dalam draf."""
    # NA: the document prints no realisasi for this line (it may print it for the parent)
    realisasi: Uang | NA | None = None
    """Realisasi, rupiah, atau NA bila dokumen tidak mencetaknya; hanya pada pos tanpa rincian."""
    fisik: Decimal | NA | None = None  # physical progress %, an input (Tabel 3.22)
    """Realisasi fisik (%), masukan."""
    rincian: list[PosAnggaran] = field(default_factory=list)
    """Pos anak; pagu dan realisasi induk dijumlah otomatis."""
    tertulis: list[Tertulis] = field(default_factory=list)
    """Angka pos ini sebagaimana tercetak."""


@dataclass(frozen=True, kw_only=True)
class SumberDana(Node):
    id: str
    """Pengenal sumber dana (dipakai tabel)."""
    nama: str  # "APBD", "APBN (Dana Dekonsentrasi)"
    """Nama sumber dana, misalnya APBD."""
    program: list[PosAnggaran]
    """Program yang dibiayai."""
    tertulis: list[Tertulis] = field(default_factory=list)
    """Angka sumber dana ini sebagaimana tercetak."""
    # what the percentage of a parent line and of the total is: the ratio of the summed
    # amounts (rasio_jumlah), or the mean of its rows' percentages (rerata_baris), as the
    # document computes it; the table says which
    persen_induk: Literal["rasio_jumlah", "rerata_baris"] = "rasio_jumlah"
    """Persen baris induk dan total: rasio_jumlah (bawaan) atau rerata_baris."""


@dataclass(frozen=True, kw_only=True)
class Anggaran(Node):
    """anggaran.yml."""

    tahun: int
    """Tahun anggaran."""
    sumber: list[SumberDana]
    """Sumber dana: APBD, APBN, ..."""


# ---------------------------------------------------------------- tables (tabel.yml)


@dataclass(frozen=True, kw_only=True)
class Tabel(Node):
    """A table of the report: a numbered view (nomor, judul) on the data.

    `jenis` picks the renderer; `sumber` names the data it shows (ids, comma-free list).
    A table without `nomor` is unnumbered and left out of the Daftar Tabel.
    """

    id: str
    """Pengenal tabel, dipakai penanda di bab."""
    nomor: str = ""  # as printed: "3.2", "III.5", "19"; a number used twice is warned
    """Nomor sebagaimana tercetak (3.2, III.5, 19); kosong = tabel tanpa nomor."""
    label: str = "Tabel"  # the word before the number
    """Kata sebelum nomor, bawaan Tabel."""
    judul: str
    """Judul tabel."""
    jenis: str
    """Cara menampilkan (lihat EDITING.md), misalnya capaian atau anggaran-program."""
    sumber: list[str] = field(default_factory=list)
    """id data yang ditampilkan."""
    sumber_data: str = ""
    """Catatan Sumber Data di bawah tabel."""
    catatan: list[str] = field(default_factory=list)
    """Catatan di bawah tabel."""
    # layout as printed: rename a column (default header -> printed header), and the
    # columns shown, in order (default headers; empty: every column of the kind)
    judul_kolom: dict[str, str] = field(default_factory=dict)
    """Ganti judul kolom: judul bawaan -> judul tercetak."""
    kolom: list[str] = field(default_factory=list)
    """Kolom yang ditampilkan, urut, dengan judul bawaannya; kosong = semua."""


@dataclass(frozen=True, kw_only=True)
class DaftarTabel(Node):
    """tabel.yml."""

    tabel: list[Tabel]
    """Tabel laporan, nomor dan judul sebagaimana di dokumen."""
