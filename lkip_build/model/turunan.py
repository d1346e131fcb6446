"""turunan.yml: figures a document derives from other figures (an efficiency index = capaian
divided by serapan, its difference from 1, a net figure), each with its domain and bands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal

from lkip_build.model.common import Node, Rentang, Tertulis
from lkip_build.model.laporan import Kategori


@dataclass(frozen=True, kw_only=True)
class Turunan(Node):
    """One derived figure: `a` and `b` are named figures (the names of `lkip:nilai`, another
    derived figure's `turunan.ID` too) or numbers; `rumus` bagi is a / b x faktor, kurang
    a - b. Its decimals are as printed; outside `rentang`, or in no band of `kategori`, is a
    finding."""

    id: str
    """Pengenal angka turunan (dipakai tabel, penanda dan angka turunan lain)."""
    nama: str
    """Nama angka turunan sebagaimana tercetak, misalnya Indeks Efisiensi."""
    rumus: Literal["bagi", "kurang"]
    """bagi: a / b x faktor; kurang: a - b."""
    a: str
    """Nama angka (seperti pada penanda nilai, misalnya indikator.ik-1.capaian atau
    turunan.ie-1) atau sebuah bilangan."""
    b: str
    """Nama angka atau sebuah bilangan, seperti a."""
    faktor: Decimal = Decimal(1)
    """Pengali rumus bagi: 1 (bawaan), 100 untuk persen."""
    satuan: str = ""
    """Satuan hasilnya, bila ada."""
    desimal: Annotated[int, Rentang(0, 6)] = 2
    """Banyak desimal hasil sebagaimana tercetak (0 sampai 6, bawaan 2)."""
    rentang: list[Decimal] = field(default_factory=list)
    """[terendah, tertinggi] yang mungkin bagi hasilnya; di luar itu menjadi catatan."""
    kategori: list[Kategori] = field(default_factory=list)
    """Pita kategori hasil (batas_bawah, batas_atas, kategori), seperti skala_capaian."""
    tertulis: list[Tertulis] = field(default_factory=list)
    """Angka ini sebagaimana tercetak: hasil, kategori, a, b."""


@dataclass(frozen=True, kw_only=True)
class KumpulanTurunan(Node):
    """turunan.yml."""

    turunan: list[Turunan]
    """Angka turunan laporan, dihitung setelah angka lain."""
