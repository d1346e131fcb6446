"""anggaran.yml: the budget by source of funds, programme, kegiatan and sub kegiatan
(Tabel 2.3, 3.22-3.24); a parent's amounts are the sums of its children.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from lkip_build.model.common import NA, Node, Tertulis, Uang


@dataclass(frozen=True, kw_only=True)
class VersiPagu(Node):
    """One version of a pagu as the document prints it (DIPA awal, setelah penghematan,
    murni, perubahan), earliest first; the last is the pagu in force."""

    nama: str
    """Nama versi sebagaimana tercetak, misalnya DIPA awal (12 November 2020)."""
    pagu: Uang
    """Pagu versi ini, rupiah."""
    tertulis: list[Tertulis] = field(default_factory=list)
    """Angka versi ini sebagaimana tercetak: pagu, selisih (dari versi sebelumnya)."""


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
    versi_pagu: list[VersiPagu] = field(default_factory=list)
    """Versi pagu pos ini, paling awal dulu; yang terakhir sama dengan pagu yang berlaku."""
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
    versi_pagu: list[VersiPagu] = field(default_factory=list)
    """Versi pagu sumber dana ini (DIPA awal, setelah penghematan, ...), paling awal dulu;
    yang terakhir sama dengan jumlah pagu programnya."""
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
