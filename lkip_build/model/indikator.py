"""indikator.yml: the indicators measured in Bab III, each with its target, how its
realisasi is obtained (`Rumus`, its inputs `Masukan`) and how capaian follows (`Aturan`, a
step scale of `Langkah`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal

from lkip_build.model.common import NA, Node, Rentang, Target, Tertulis


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
      rasio        realisasi = a / b x faktor (100 by default: a percentage; 1.000 or
                   100.000 for a rate "per 1.000 kelahiran hidup", named in `satuan`)
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
    faktor: Decimal = Decimal(100)
    """Pengali rumus rasio: 100 (bawaan, persen), 1.000 atau 100.000 untuk angka per 1.000 atau
    per 100.000 (sebut di `satuan`), 1 untuk perbandingan biasa."""
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


RuleKind = Literal["rasio", "selisih", "kebalikan", "pengurangan", "dasar", "skala"]


@dataclass(frozen=True, kw_only=True)
class RumusTertulis(Node):
    """The capaian formula as the document states it in words ("realisasi dibagi target"),
    and the rule those words mean; the audit compares it with the rule applied."""

    di: str
    """Tempat rumus itu dinyatakan: bab dan paragrafnya."""
    teks: str
    """Rumus sebagaimana tertulis, misalnya realisasi dibagi target dikali 100 %."""
    jenis: RuleKind
    """Aturan yang dimaksud kalimat itu: rasio, selisih, kebalikan, pengurangan, dasar atau
    skala."""


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

    jenis: RuleKind = "rasio"
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
    # the rule as the document's prose states it: audited against `jenis`, the rule its
    # printed figures follow (formula-stated-differs when they differ)
    rumus_tertulis: RumusTertulis | None = None
    """Rumus capaian sebagaimana dinyatakan kalimat dokumen: di, teks, jenis."""


@dataclass(frozen=True, kw_only=True)
class Indikator(Node):
    """An indicator measured in Bab III (Tabel 3.2 and its own section)."""

    id: str
    """Pengenal indikator (dipakai penanda dan tabel)."""
    nama: str
    """Nama indikator sebagaimana tercetak."""
    satuan: str = "%"
    """Satuan, bawaan %."""
    # decimals as printed ("0,320"): target and realisasi are shown, and realisasi is
    # published (so capaian computed), at this many; None: the report's desimal_realisasi
    desimal: Annotated[int, Rentang(0, 6)] | None = None
    """Banyak desimal target dan realisasi sebagaimana tercetak (0 sampai 6, misalnya 3 untuk
    0,320); realisasi dibulatkan ke sini sebelum capaian dihitung. Kosong: desimal_realisasi
    laporan."""
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
