"""daftar.yml: the lists (Tabel 3.4 ...) shown as tables and counted or summed by the
inputs of a realisasi formula.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from lkip_build.model.common import Node


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
