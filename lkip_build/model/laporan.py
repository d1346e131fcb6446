"""laporan.yml: who publishes which document for which year, and how it computes.

`Laporan` and what it holds: the category scale as printed (`Kategori`), the signatory
(`Penandatangan`, which the Perjanjian Kinerja uses too), the pages in reading order
(`Halaman`) and the policies the report states for its own calculations (`Kebijakan`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal

from lkip_build.model.common import Node, Rentang


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
    # Retired: it let every new inconsistency through. diterima.yml lists, one by one, the
    # notes a published document's own inconsistencies make (validate: `policy-retired`).
    temuan_memblokir: bool | None = None
    """Tidak dipakai lagi: hapus. Catatan yang diterbitkan apa adanya didaftar di diterima.yml."""


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
    """Kebijakan perhitungan yang dinyatakan laporan (NA, desimal)."""
    halaman: list[Halaman] = field(default_factory=list)
    """Urutan halaman laporan: file, judul, cetak."""
    keterangan: str = ""
    """Catatan singkat di beranda."""
    status: Literal["draf", "final"] = "final"
    """draf: nilai belum_diisi dan paragraf tulis-ulang hanya peringatan, tercantum di halaman
    Yang masih harus diisi; final (bawaan): setiap nilai belum_diisi adalah kesalahan."""
