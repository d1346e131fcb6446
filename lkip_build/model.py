"""The data model of a report: frozen dataclasses whose field names are the YAML keys.

Only inputs live here. Every derived figure (capaian, totals, means, absorption,
terbilang) is computed in `compute`; what a published document *states* about a
derived figure is recorded in `tertulis` fields and only read by the audit.

One module on purpose, though long: the loader resolves every class's type hints in this
module's namespace (`typing.get_type_hints(cls, vars(model))`), so a class of any file may
name a class of another, and the guide's test finds every YAML field here.
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
    nilai: dict[str, str]


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
    batas_atas: Decimal | None = None  # None: up to the next band, or no upper bound
    bawah_inklusif: bool = True  # "<=" (True) or "<" (False) at the lower bound
    atas_inklusif: bool = False  # "<=" (True) or "<" (False) at the upper bound
    kategori: str


@dataclass(frozen=True, kw_only=True)
class Penandatangan(Node):
    nama: str
    jabatan: str
    pangkat: str = ""
    nip: str = ""


@dataclass(frozen=True, kw_only=True)
class Halaman(Node):
    """One page of the report, in reading order (its Markdown file under content/<id>/)."""

    file: str
    judul: str
    cetak: bool = True  # part of the print view and PDF (`tidak` for a page of links)


@dataclass(frozen=True, kw_only=True)
class Kebijakan(Node):
    """Policies the report states for its own calculations."""

    # Capaian given to an indicator whose target is NA (NTT: 100); None: capaian is NA,
    # shown as "n/a" with its reason and left out of the mean, which says so.
    capaian_target_na: Decimal | None = None
    alasan_target_na: str = ""
    # The same for an indicator whose realisasi (or an input of its formula) is NA.
    capaian_realisasi_na: Decimal | None = None
    alasan_realisasi_na: str = ""
    # Realisasi of an indicator is published with this many decimals, and capaian is
    # computed from the published realisasi (as the report does: 1,08 / 1,12 = 96,43 %).
    desimal_realisasi: Annotated[int, Rentang(0, 6)] = 2
    # An audit finding fails a strict build (new report) or is only published (historic one).
    temuan_memblokir: bool = True


@dataclass(frozen=True, kw_only=True)
class Laporan(Node):
    """laporan.yml: who publishes which document for which year."""

    id: str
    jenis_dokumen: Literal["LKIP", "LAKIP", "LKjIP", "LKj", "Renja", "Renstra", "RKT", "PK"]
    judul: str
    instansi: str
    singkatan_instansi: str = ""
    pemerintah: str  # "Pemerintah Provinsi Nusa Tenggara Timur"
    # nasional: a kementerian or lembaga; the others are local governments
    tingkat: Literal["nasional", "provinsi", "kabupaten", "kota"]
    wilayah: str
    tahun: int
    tempat: str = ""
    tanggal: str = ""
    kepala: Penandatangan | None = None
    periode_renstra: str = ""
    # the bands as printed, or the name of a preset (see `skala.PRESETS`)
    skala_capaian: list[Kategori] | str = field(default_factory=list)
    kebijakan: Kebijakan = field(default_factory=Kebijakan)
    halaman: list[Halaman] = field(default_factory=list)
    keterangan: str = ""
    # draf: values still to fill (`{belum_diisi: ...}`) are warnings, listed on a to-do
    # page, and every page says it is a draft; final: each of them is an error
    status: Literal["draf", "final"] = "final"


# ---------------------------------------------------------------- staff (Tabel 1.1-1.4)


@dataclass(frozen=True, kw_only=True)
class BarisKomposisi(Node):
    label: str
    kelompok: str = ""  # rows with the same kelompok are summed ("IV" for IV a..IV c)
    nilai: list[int | NA]  # NA: still to fill in a draft (`{belum_diisi: ...}`)
    tertulis: dict[str, str] = field(default_factory=dict)  # e.g. {jumlah: "4"}


@dataclass(frozen=True, kw_only=True)
class Komposisi(Node):
    """A staff cross table: rows (gender, education, rank...) by columns (units [x L/P])."""

    id: str
    judul_baris: str
    kolom: list[str]
    sub_kolom: list[str] = field(default_factory=list)  # ["L", "P"] or empty
    baris: list[BarisKomposisi]
    # Stated column totals as the document prints them, in column order, and its grand total.
    tertulis_total: list[str] = field(default_factory=list)
    tertulis_jumlah: str = ""
    # A named figure (see fakta) this table's grand total must equal, e.g. the ASN count of
    # another table: "pegawai.jenis-kelamin.kolom.asn-orang".
    sama_dengan: str = ""
    # Figures the text states about this table; keys: total, kolom.<slug>, baris.<slug>,
    # kelompok.<slug>, persen.<slug>, sel.<baris-slug>.<kolom-slug>.
    tertulis: list[Tertulis] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Pegawai(Node):
    """pegawai.yml."""

    komposisi: list[Komposisi]


# ---------------------------------------------------------------- plans (Bab II)


@dataclass(frozen=True, kw_only=True)
class IndikatorRencana(Node):
    """An indicator with yearly targets (Renstra, RPJMD, IKU tables)."""

    id: str = ""
    nama: str
    satuan: str = ""
    kondisi_awal: Target | None = None
    target: dict[int, Target] = field(default_factory=dict)
    kondisi_akhir: Target | None = None
    rumus: str = ""
    sub: list[IndikatorRencana] = field(default_factory=list)
    indikator_kinerja: str = ""  # id of the measured indicator in indikator.yml


@dataclass(frozen=True, kw_only=True)
class SasaranRenstra(Node):
    sasaran: str
    indikator: list[IndikatorRencana] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class TujuanRenstra(Node):
    tujuan: str
    sasaran: list[SasaranRenstra]


@dataclass(frozen=True, kw_only=True)
class Strategi(Node):
    strategi: str
    arah_kebijakan: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class SasaranStrategi(Node):
    sasaran: str
    strategi: list[Strategi]


@dataclass(frozen=True, kw_only=True)
class TujuanStrategi(Node):
    tujuan: str
    sasaran: list[SasaranStrategi]


@dataclass(frozen=True, kw_only=True)
class MisiStrategi(Node):
    misi: str
    tujuan: list[TujuanStrategi]


@dataclass(frozen=True, kw_only=True)
class Urusan(Node):
    """IKU of one urusan (Tabel 2.4 perindustrian, 2.5 perdagangan)."""

    id: str
    nama: str
    tahun_kondisi_awal: int
    indikator: list[IndikatorRencana]


@dataclass(frozen=True, kw_only=True)
class Renstra(Node):
    """renstra.yml."""

    periode: str
    tahun_target: list[int]
    tujuan: list[TujuanRenstra] = field(default_factory=list)
    strategi: list[MisiStrategi] = field(default_factory=list)
    urusan: list[Urusan] = field(default_factory=list)


# ---------------------------------------------------------------- Perjanjian Kinerja


@dataclass(frozen=True, kw_only=True)
class IndikatorPK(Node):
    nama: str
    realisasi_lalu: Target | None = None
    target: Target | None = None
    indikator_kinerja: str = ""  # id in indikator.yml when Bab III measures it
    sub: list[IndikatorPK] = field(default_factory=list)
    tertulis: list[Tertulis] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class SasaranPK(Node):
    sasaran: str
    indikator: list[IndikatorPK]
    outcome: str = ""
    benefit: str = ""
    impact: str = ""


@dataclass(frozen=True, kw_only=True)
class IndikatorProgram(Node):
    nama: str
    satuan: str = ""
    target: Target | None = None
    indikator_kinerja: str = ""  # id in indikator.yml when it is a measured indicator


@dataclass(frozen=True, kw_only=True)
class SubKegiatanRencana(Node):
    nama: str
    indikator: list[IndikatorProgram] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class KegiatanRencana(Node):
    nama: str
    indikator: list[IndikatorProgram] = field(default_factory=list)
    sub_kegiatan: list[SubKegiatanRencana] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class ProgramRencana(Node):
    nama: str
    program_anggaran: str = ""  # id of the programme in anggaran.yml
    indikator: list[IndikatorProgram] = field(default_factory=list)
    kegiatan: list[KegiatanRencana] = field(default_factory=list)
    kegiatan_pendukung: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class SasaranProgram(Node):
    sasaran: str
    program: list[ProgramRencana]


@dataclass(frozen=True, kw_only=True)
class PerjanjianKinerja(Node):
    """perjanjian.yml: the signed agreement (Tabel 2.6, the PK appendix) and Tabel 2.7."""

    judul: str
    tanggal: str
    pihak_pertama: Penandatangan
    pihak_kedua: Penandatangan
    sasaran: list[SasaranPK]
    pendapatan: Uang | NA | None = None  # "PENDAPATAN PERUBAHAN" of the appendix, whole rupiah
    program: list[SasaranProgram] = field(default_factory=list)


# ---------------------------------------------------------------- indicators (Bab III)


@dataclass(frozen=True, kw_only=True)
class Masukan(Node):
    """One input of a realisasi formula: a number, or a count/sum over a list (daftar).

    With `daftar` and no `nilai` the value is computed from the list; with both, `nilai`
    is what the document states and the audit checks it against the list.
    """

    nilai: Decimal | NA | None = None  # NA: the document gives no value (with a reason)
    uraian: str = ""
    daftar: str = ""
    jumlah: str = ""  # sum this numeric column of the list instead of counting rows
    unik: str = ""  # count distinct values of this column instead of rows


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
    a: Masukan | None = None
    b: Masukan | None = None
    konstanta: Decimal = Decimal(0)
    pengali: Decimal = Decimal(1)
    pembagi: Decimal = Decimal(1)
    rentang_a: list[Decimal] = field(default_factory=list)  # [lowest, highest] a may take
    rentang: list[Decimal] = field(default_factory=list)  # [lowest, highest] of the result
    triwulan: list[Decimal | NA] = field(default_factory=list)
    agregasi: Literal["jumlah", "terakhir", "rata_rata"] = "jumlah"
    kelompok: str = ""
    uraian: str = ""  # the formula in words, as the report writes it
    uraian_a: str = ""
    uraian_b: str = ""
    tahun_a: str = ""
    tahun_b: str = ""


@dataclass(frozen=True, kw_only=True)
class Langkah(Node):
    """A step of a step scale (Tabel 3.7): X <= `batas_atas` gives `capaian`."""

    batas_atas: Decimal | None = None  # None: the last step, no upper bound
    capaian: Decimal
    kategori: str = ""


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
    batas: Decimal | None = Decimal(100)
    lantai: Decimal | None = Decimal(0)
    tandai_di_atas: Decimal | None = None
    skala: list[Langkah] = field(default_factory=list)
    judul_skala: str = ""


@dataclass(frozen=True, kw_only=True)
class Indikator(Node):
    """An indicator measured in Bab III (Tabel 3.2 and its own section)."""

    id: str
    nama: str
    satuan: str = "%"
    tahun_dasar: Target | None = None
    target: Target
    realisasi: Rumus | NA  # NA: the document prints no realisasi ("n/a", with a reason)
    alasan_na: str = ""  # why the target or realisasi is NA, when not given inline
    aturan: Aturan = field(default_factory=Aturan)
    sub: list[Indikator] = field(default_factory=list)
    dinilai: bool = True  # False for sub-indicators that have no capaian of their own
    tertulis: list[Tertulis] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Kinerja(Node):
    """indikator.yml."""

    sasaran_strategis: str
    indikator: list[Indikator]
    tertulis: list[Tertulis] = field(default_factory=list)  # e.g. the stated mean


# ---------------------------------------------------------------- prices (Tabel 3.5, 3.6)


@dataclass(frozen=True, kw_only=True)
class Barang(Node):
    nama: str
    satuan: str
    harga_lalu: Uang
    harga_kini: Uang | NA  # NA: still to fill in a draft (`{belum_diisi: ...}`)
    tertulis: dict[str, str] = field(default_factory=dict)  # selisih, persen as printed


@dataclass(frozen=True, kw_only=True)
class KelompokHarga(Node):
    id: str
    nama: str
    tahun_lalu: int
    tahun_kini: int
    barang: list[Barang]
    # Prices are yearly means rounded to the rupiah: the audit widens its intervals by 0,5.
    harga_dibulatkan: bool = True
    tertulis: dict[str, str] = field(default_factory=dict)  # rata_rata as printed


@dataclass(frozen=True, kw_only=True)
class Harga(Node):
    """harga.yml."""

    kelompok: list[KelompokHarga]


# ---------------------------------------------------------------- lists (Tabel 3.4 ...)


@dataclass(frozen=True, kw_only=True)
class Kolom(Node):
    kunci: str
    judul: str
    jenis: Literal["teks", "angka"] = "teks"


@dataclass(frozen=True, kw_only=True)
class KolomJumlah(Node):
    """A computed column: the sum of other numeric columns of the same row."""

    kunci: str
    judul: str
    dari: list[str]


@dataclass(frozen=True, kw_only=True)
class Daftar(Node):
    id: str
    kolom: list[Kolom]
    kolom_jumlah: list[KolomJumlah] = field(default_factory=list)
    baris_jumlah: bool = False  # add a total row summing numeric columns
    baris: list[dict[str, str | list[str]]]
    tertulis: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class KumpulanDaftar(Node):
    """daftar.yml."""

    daftar: list[Daftar]


# ---------------------------------------------------------------- budget (Tabel 2.3, 3.22-3.24)


@dataclass(frozen=True, kw_only=True)
class PosAnggaran(Node):
    """A programme, kegiatan or sub kegiatan. A leaf carries pagu and realisasi;
    a parent's amounts are the sums of its children."""

    id: str = ""
    nama: str
    pagu: Uang | NA | None = None  # NA: still to fill in a draft (`{belum_diisi: ...}`)
    # NA: the document prints no realisasi for this line (it may print it for the parent)
    realisasi: Uang | NA | None = None
    fisik: Decimal | NA | None = None  # physical progress %, an input (Tabel 3.22)
    rincian: list[PosAnggaran] = field(default_factory=list)
    tertulis: list[Tertulis] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class SumberDana(Node):
    id: str
    nama: str  # "APBD", "APBN (Dana Dekonsentrasi)"
    program: list[PosAnggaran]
    tertulis: list[Tertulis] = field(default_factory=list)
    # what the percentage of a parent line and of the total is: the ratio of the summed
    # amounts (rasio_jumlah), or the mean of its rows' percentages (rerata_baris), as the
    # document computes it; the table says which
    persen_induk: Literal["rasio_jumlah", "rerata_baris"] = "rasio_jumlah"


@dataclass(frozen=True, kw_only=True)
class Anggaran(Node):
    """anggaran.yml."""

    tahun: int
    sumber: list[SumberDana]


# ---------------------------------------------------------------- tables (tabel.yml)


@dataclass(frozen=True, kw_only=True)
class Tabel(Node):
    """A table of the report: a numbered view (nomor, judul) on the data.

    `jenis` picks the renderer; `sumber` names the data it shows (ids, comma-free list).
    A table without `nomor` is unnumbered and left out of the Daftar Tabel.
    """

    id: str
    nomor: str = ""  # as printed: "3.2", "III.5", "19"; a number used twice is warned
    label: str = "Tabel"  # the word before the number
    judul: str
    jenis: str
    sumber: list[str] = field(default_factory=list)
    sumber_data: str = ""
    catatan: list[str] = field(default_factory=list)
    # layout as printed: rename a column (default header -> printed header), and the
    # columns shown, in order (default headers; empty: every column of the kind)
    judul_kolom: dict[str, str] = field(default_factory=dict)
    kolom: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class DaftarTabel(Node):
    """tabel.yml."""

    tabel: list[Tabel]
