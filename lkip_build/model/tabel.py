"""tabel.yml: the report's tables, each a numbered view (nomor, judul) on the data."""

from __future__ import annotations

from dataclasses import dataclass, field

from lkip_build.model.common import Node, Tertulis


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
    # how the prose cites this table, as printed ({rujukan: "Tabel 19", judul: ...}): audited
    # against nomor and judul; the page writes the reference from them (lkip:rujukan)
    tertulis: list[Tertulis] = field(default_factory=list)
    """Rujukan ke tabel ini sebagaimana tercetak di kalimat dokumen: {di, nilai: {rujukan,
    judul}}; diperiksa terhadap nomor dan judul."""


@dataclass(frozen=True, kw_only=True)
class DaftarTabel(Node):
    """tabel.yml."""

    tabel: list[Tabel]
    """Tabel laporan, nomor dan judul sebagaimana di dokumen."""
