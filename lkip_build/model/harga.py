"""harga.yml: the price groups (Tabel 3.5, 3.6) a `rerata_harga` realisasi is the mean
price change of.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkip_build.model.common import NA, Node, Uang


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
