"""pegawai.yml: the staff composition tables (rows by units, as Tabel 1.1-1.4 print them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lkip_build.model.common import NA, Node, Tertulis


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
    # This table's figures that count the same group as figures elsewhere (the same units,
    # the same sex): own figure name -> named figure. None: never written (lkip check may
    # suggest links by matching labels); {} when the editor declines them.
    sama: dict[str, str] | None = None
    """Angka tabel ini yang menghitung kelompok yang sama dengan angka lain, misalnya
    kolom.sekretariat: pegawai.golongan.kolom.sekretariat (nama angka tabel ini: nama
    nilai lain). Tulis {} bila tabel-tabel yang labelnya mirip tidak menghitung pegawai
    yang sama."""
    # Figures the text states about this table; keys: total, kolom.<slug>, baris.<slug>,
    # kelompok.<slug>, persen.<slug>, sel.<baris-slug>.<kolom-slug>.
    tertulis: list[Tertulis] = field(default_factory=list)
    """Angka tentang tabel ini yang disebut teks (total, kolom.<slug>, baris.<slug>, ...)."""


@dataclass(frozen=True, kw_only=True)
class Pegawai(Node):
    """pegawai.yml."""

    komposisi: list[Komposisi]
    """Tabel komposisi pegawai."""
