"""Named figures for prose (`facts`): their kinds, the formats rp/terbilang/angka, and NA
written as the document prints it.

Expected values are the seed's (LKIP 2021 NTT) or are computed here from its inputs.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lkip_build.compute.facts import FORMATS, Fact, collect_facts, write_fact
from lkip_build.model import NA
from lkip_build.publish.site import prepare

from .conftest import LAPORAN, ROOT, publish

SEED = "ntt-disperindag-lkip-2021"


@pytest.fixture(scope="module")
def facts() -> dict[str, Fact]:
    pub = prepare(ROOT)
    return pub.facts[SEED]


def shown(facts: dict[str, Fact], name: str, fmt: str = "") -> str:
    f = facts[name]
    assert fmt in FORMATS[f.kind], (name, f.kind, fmt)
    return write_fact(f, fmt)


APBD_PAGU, APBD_REAL = 13_519_650_516, 13_157_342_972  # Bab 3.3 / Tabel 3.23 of the seed


@pytest.mark.parametrize(
    ("name", "kind", "text"),
    [
        ("laporan.tahun", "teks", "2021"),
        ("laporan.wilayah", "teks", "Nusa Tenggara Timur"),
        ("kinerja.rata_rata", "persen", "81,44 %"),  # Tabel 3.2
        ("kinerja.kategori", "teks", "Berhasil"),
        ("kinerja.jumlah_indikator", "angka", "9"),
        ("indikator.ik-1.target", "desimal", "50"),
        ("indikator.ik-3.target", "desimal", "16,67"),
        ("indikator.ik-5.target", "teks", "NA"),  # printed NA
        ("indikator.ik-1.realisasi", "desimal", "44,32"),
        ("indikator.ik-1.a", "desimal", "39"),
        ("indikator.ik-1.b", "desimal", "88"),
        ("indikator.ik-1.capaian", "persen", "88,64 %"),
        ("indikator.ik-2.kategori", "teks", "Berhasil"),  # Tabel 3.8: 19,77 -> 75 % Berhasil
        ("indikator.ik-7.realisasi", "desimal", "1,08"),
        ("indikator.ik-7.capaian", "persen", "96,43 %"),
        ("harga.bahan-pokok.rata_rata", "persen", "12,76 %"),  # Tabel 3.5, 23 items
        ("harga.bahan-pokok.jumlah_barang", "angka", "23"),
        ("harga.barang-penting.rata_rata", "persen", "26,77 %"),  # Tabel 3.6, 9 items
        ("harga.barang-penting.jumlah_barang", "angka", "9"),
        ("anggaran.apbd.pagu", "uang", "13.519.650.516"),
        ("anggaran.apbd.realisasi", "uang", "13.157.342.972"),
        ("anggaran.apbd.persen", "persen", "97,32 %"),
        ("anggaran.apbn.pagu", "uang", "2.194.960.000"),  # Tabel 3.24
        ("anggaran.apbn.realisasi", "uang", "2.033.972.202"),
        ("anggaran.apbn.persen", "persen", "92,67 %"),
        ("anggaran.apbd.p-penunjang.pagu", "uang", "11.897.548.816"),  # Tabel 3.22 row 1
        ("anggaran.apbd.p-penunjang.persen", "persen", "97,80 %"),
        ("anggaran.apbd.p-sarana-distribusi.pagu", "uang", "0"),  # refocused: pagu 0
        ("anggaran.apbd.p-sarana-distribusi.persen", "persen", "-"),  # no division by 0
        ("perjanjian.pendapatan", "uang", "310.900.000"),  # PK appendix, part C
        # Tabel 3.4 lists 38 rows (its numbering skips 12), while the text says 39
        ("daftar.pelaku-usaha-oss.jumlah", "angka", "38"),
        ("daftar.siinas.jumlah", "angka", "21"),  # Tabel 3.21: 21 of 65
        ("daftar.hasil-pengawasan.total.sesuai", "angka", "157"),  # 157 of 160
        ("daftar.hasil-pengawasan.total.total", "angka", "160"),
        ("pegawai.jenis-kelamin.total", "angka", "137"),  # Tabel 1.1: 71 + 66
        ("pegawai.jenis-kelamin.kolom.asn-orang", "angka", "71"),
        ("pegawai.jenis-kelamin.kolom.pegawai-honor-orang", "angka", "66"),
        ("pegawai.jenis-kelamin.sel.laki-laki.asn-orang", "angka", "40"),
        ("pegawai.jenis-kelamin.baris.laki-laki", "angka", "71"),  # 40 + 31
    ],
)
def test_named_figures_of_the_seed(facts, name: str, kind: str, text: str) -> None:
    assert facts[name].kind == kind
    assert shown(facts, name) == text


def test_figures_computed_from_the_seeds_inputs(facts) -> None:
    # sisa = pagu - realisasi; the raw ratios of Bab 3.2 (179 %, 323 %); 71 of 137 men
    assert shown(facts, "anggaran.apbd.sisa") == f"{APBD_PAGU - APBD_REAL:,}".replace(",", ".")
    raw4 = Decimal("98.13") / Decimal("54.7") * 100  # 179,396...
    assert shown(facts, "indikator.ik-4.capaian_mentah") == "179,40 %"
    assert abs(facts["indikator.ik-4.capaian_mentah"].value - raw4) < Decimal("0.00001")
    assert shown(facts, "indikator.ik-9.capaian_mentah") == "323,10 %"  # 32,31 / 10
    share = Decimal(71) * 100 / 137
    assert shown(facts, "pegawai.jenis-kelamin.persen.laki-laki") == "51,82 %"
    assert abs(facts["pegawai.jenis-kelamin.persen.laki-laki"].value - share) < Decimal("1e-9")


@pytest.mark.parametrize(
    ("name", "fmt", "text"),
    [
        ("anggaran.apbd.pagu", "rp", "Rp13.519.650.516"),
        # Bab 2.2 and 3.3 of the seed
        (
            "anggaran.apbd.pagu",
            "terbilang",
            "Tiga Belas Miliar Lima Ratus Sembilan Belas Juta Enam Ratus Lima Puluh Ribu "
            "Lima Ratus Enam Belas Rupiah",
        ),
        (
            "anggaran.apbd.realisasi",
            "terbilang",
            "Tiga Belas Miliar Seratus Lima Puluh Tujuh Juta Tiga Ratus Empat Puluh Dua Ribu "
            "Sembilan Ratus Tujuh Puluh Dua Rupiah",
        ),
        (
            "anggaran.apbn.pagu",
            "terbilang",
            "Dua Miliar Seratus Sembilan Puluh Empat Juta Sembilan Ratus Enam Puluh Ribu Rupiah",
        ),
        ("anggaran.apbn.pagu", "rp", "Rp2.194.960.000"),
        ("perjanjian.pendapatan", "rp", "Rp310.900.000"),
        ("kinerja.rata_rata", "angka", "81,44"),
        ("anggaran.apbd.persen", "angka", "97,32"),
        ("kinerja.jumlah_indikator", "terbilang", "sembilan"),
        ("harga.bahan-pokok.jumlah_barang", "terbilang", "dua puluh tiga"),
        ("pegawai.jenis-kelamin.total", "terbilang", "seratus tiga puluh tujuh"),
    ],
)
def test_formats(facts, name: str, fmt: str, text: str) -> None:
    assert shown(facts, name, fmt) == text


def test_which_formats_each_kind_accepts() -> None:
    expected = {
        "uang": {"", "rp", "terbilang"},
        "persen": {"", "angka"},
        "angka": {"", "terbilang"},
        "desimal": {""},
        "teks": {""},
    }
    assert expected == FORMATS


@pytest.mark.parametrize(
    ("fact", "fmt", "text"),
    [
        (Fact(-1_500, "uang"), "", "-1.500"),
        (Fact(-1_500, "uang"), "rp", "-Rp1.500"),
        (Fact(-1_500, "uang"), "terbilang", "Minus Seribu Lima Ratus Rupiah"),
        (Fact(0, "uang"), "terbilang", "Nol Rupiah"),
        (Fact(Decimal("1234.50"), "uang"), "", "1.234,50"),  # exact sen kept
        (Fact(Decimal("1234.50"), "uang"), "rp", "Rp1.234,50"),
        (Fact(Decimal("1234.00"), "uang"), "rp", "Rp1.234"),  # zero sen: whole rupiah
        (Fact(Decimal("99.995"), "persen"), "", "99,99 %"),  # never rounded onto 100
        (Fact(Decimal("84.725"), "persen"), "angka", "84,73"),  # half-up, not half-even
        (Fact(Decimal("-7.375"), "persen"), "", "-7,38 %"),
        (Fact(Decimal("12.5"), "desimal"), "", "12,50"),
        (Fact(Decimal("12.00"), "desimal"), "", "12"),
        (Fact(Decimal("1593"), "desimal"), "", "1.593"),
        (Fact(1_001_000, "angka"), "terbilang", "satu juta seribu"),
        (Fact(None, "persen"), "", "-"),
        (Fact("<b>", "teks"), "", "<b>"),  # escaped by the marker, not here
    ],
)
def test_write_fact(fact: Fact, fmt: str, text: str) -> None:
    assert write_fact(fact, fmt) == text


def test_terbilang_of_an_amount_with_sen_is_words() -> None:
    text = write_fact(Fact(Decimal("1234.50"), "uang"), "terbilang")
    assert not any(c.isdigit() for c in text)
    assert text.startswith("Seribu Dua Ratus Tiga Puluh Empat Rupiah")


# ---------------------------------------------------------------- NA, as the document prints it

NA_REPORT = """\
sasaran_strategis: S
indikator:
  - id: t-na
    nama: Target n/a
    target: n/a
    alasan_na: belum ditetapkan
    realisasi: {jenis: langsung, a: 5}
  - id: t-belum
    nama: Target belum tersedia
    target: belum tersedia
    alasan_na: belum ditetapkan
    realisasi: {jenis: langsung, a: 5}
  - id: t-strip
    nama: Target strip
    target: "-"
    alasan_na: belum ditetapkan
    realisasi: {jenis: langsung, a: 5}
  - id: t-alasan
    nama: Target dengan alasan
    target: {na: belum ditetapkan}
    realisasi: {jenis: langsung, a: 5}
  - id: a-na
    nama: Masukan tidak tersedia
    target: 10
    realisasi: {jenis: rasio, a: tidak tersedia, b: 4}
    alasan_na: survei belum selesai
  - id: r-na
    nama: Realisasi belum tersedia
    target: 10
    realisasi: belum tersedia
    alasan_na: data BPS belum terbit
  - id: ok
    nama: Biasa
    target: 10
    realisasi: {jenis: langsung, a: 8}
"""
BUDGET_NA = """\
tahun: 2021
sumber:
  - id: apbd
    nama: APBD
    program:
      - id: p1
        nama: Program Satu
        rincian:
          - {nama: Kegiatan A, pagu: 1.000, realisasi: 900}
          - {nama: Kegiatan B, pagu: 500, realisasi: NA}
      - id: p2
        nama: Program Dua
        pagu: 2.000
        realisasi: 1.500
"""


@pytest.fixture(scope="module")
def na_facts(tmp_path_factory) -> dict[str, Fact]:
    pub, _ = publish(
        tmp_path_factory.mktemp("na"), {"indikator.yml": NA_REPORT, "anggaran.yml": BUDGET_NA}
    )
    return pub.facts["uji-2021"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("indikator.t-na.target", "n/a"),
        ("indikator.t-belum.target", "belum tersedia"),
        ("indikator.t-strip.target", "-"),
        ("indikator.t-alasan.target", "NA"),
        ("indikator.a-na.a", "tidak tersedia"),
        ("indikator.a-na.b", "4"),
        ("indikator.ok.capaian", "80,00 %"),
    ],
)
def test_na_is_written_as_printed(na_facts, name: str, text: str) -> None:
    assert shown(na_facts, name) == text


def test_an_na_realisasi_is_written_as_printed(na_facts) -> None:
    assert shown(na_facts, "indikator.r-na.realisasi") == "belum tersedia"


def test_na_capaian_without_a_policy_is_written_na(na_facts) -> None:
    # no policy in this report: capaian is NA, outside the mean (8 / 10 = 80 % only), and
    # prose that names it says "n/a", as the table does
    for iid in ("t-na", "t-belum", "t-strip", "t-alasan", "a-na", "r-na"):
        assert shown(na_facts, f"indikator.{iid}.capaian") == "n/a"
    assert shown(na_facts, "kinerja.rata_rata") == "80,00 %"
    assert shown(na_facts, "kinerja.jumlah_indikator") == "7"


def test_na_capaian_under_a_policy_is_the_policys(tmp_path: Path) -> None:
    laporan = LAPORAN.format(id="uji-2021") + "kebijakan:\n  capaian_target_na: 100\n"
    pub, _ = publish(tmp_path, {"indikator.yml": NA_REPORT}, laporan=laporan)
    f = pub.facts["uji-2021"]
    assert shown(f, "indikator.t-na.capaian") == "100,00 %"
    assert shown(f, "indikator.r-na.capaian") == "n/a"  # the policy is for targets only
    # (100 x 4 + 80) / 5 = 96
    assert shown(f, "kinerja.rata_rata") == "96,00 %"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("anggaran.apbd.realisasi", ""),
        ("anggaran.apbd.realisasi", "rp"),
        ("anggaran.apbd.realisasi", "terbilang"),
        ("anggaran.apbd.sisa", ""),
        ("anggaran.apbd.sisa", "rp"),
        ("anggaran.apbd.p1.realisasi", ""),
        ("anggaran.apbd.p1.realisasi", "terbilang"),
    ],
)
def test_an_amount_the_document_does_not_print_is_na_never_zero(
    na_facts, name: str, fmt: str
) -> None:
    assert shown(na_facts, name, fmt) == "n/a"


def test_amounts_next_to_an_na_one_are_unaffected(na_facts) -> None:
    assert shown(na_facts, "anggaran.apbd.pagu") == "3.500"  # 1.000 + 500 + 2.000
    assert shown(na_facts, "anggaran.apbd.p1.pagu") == "1.500"
    assert shown(na_facts, "anggaran.apbd.p2.persen") == "75,00 %"  # 1.500 / 2.000
    assert isinstance(na_facts["anggaran.apbd.realisasi"].value, NA)


@pytest.mark.parametrize("name", ["anggaran.apbd.persen", "anggaran.apbd.p1.persen"])
def test_the_absorption_of_an_na_amount_is_na(na_facts, name: str) -> None:
    assert shown(na_facts, name) == "n/a"


def test_collect_facts_names_every_indicator(na_facts) -> None:
    ids = {"t-na", "t-belum", "t-strip", "t-alasan", "a-na", "r-na", "ok"}
    assert {k.split(".")[1] for k in na_facts if k.startswith("indikator.")} == ids
    for iid in ids:
        assert f"indikator.{iid}.target" in na_facts
        assert f"indikator.{iid}.realisasi" in na_facts


def test_collect_facts_is_what_the_publication_holds(tmp_path: Path) -> None:
    pub, _ = publish(tmp_path, {"indikator.yml": NA_REPORT})
    h = pub.by_id["uji-2021"]
    assert collect_facts(h) == pub.facts["uji-2021"]


# 40 / 47,06 x 100 = 84,9978...: half-up gives 85,00, the lower bound of Sangat Berhasil,
# which this value has not reached (README: never shown as a boundary it has not reached).
BESIDE_A_BOUND = """\
sasaran_strategis: S
indikator:
  - id: x
    nama: X
    target: 47,06
    realisasi: {jenis: langsung, a: 40}
"""


@pytest.mark.parametrize("name", ["kinerja.rata_rata", "indikator.x.capaian"])
def test_a_percentage_beside_a_category_bound_reads_as_in_the_table(
    tmp_path: Path, name: str
) -> None:
    pub, _ = publish(tmp_path, {"indikator.yml": BESIDE_A_BOUND})
    f = pub.facts["uji-2021"]
    assert shown(f, "kinerja.kategori") == "Berhasil"
    assert shown(f, name) == "84,99 %"
