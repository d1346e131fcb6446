"""perjanjian.yml: the signed Perjanjian Kinerja (Tabel 2.6, the PK appendix) and the
programmes, kegiatan and sub kegiatan with their indicators (Tabel 2.7).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkip_build.model.common import NA, Node, Target, Tertulis, Uang
from lkip_build.model.laporan import Penandatangan


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
