"""The rules of the seed, each as data: capaian, categories, means, budget totals, staff totals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lkip_build import model as m
from lkip_build.angka import format_decimal, parse_decimal
from lkip_build.compute import hitung, hitung_komposisi, hitung_pos, kategori_skala, slug
from lkip_build.problems import Collector
from lkip_build.report import load_reports

from .conftest import ROOT, codes, model_laporan

D = Decimal
SEED = "ntt-disperindag-lkip-2021"


@pytest.fixture(scope="module")
def ntt():
    reports, problems = load_reports(ROOT / "data", ROOT)
    assert not problems.problems, problems.problems
    report = next(r for r in reports if r.id == SEED)
    c = Collector()
    h = hitung(report, c)
    assert not c.problems, c.problems
    return h


def two(v: Decimal | None) -> str:
    assert v is not None
    return format_decimal(v)


# Golden values: Tabel 3.2 of the seed.
@pytest.mark.parametrize(
    ("iid", "realisasi", "capaian"),
    [
        ("ik-1", "44,32", "88,64"),
        ("ik-2", "19,77", "75,00"),
        ("ik-3", "16,67", "100,00"),
        ("ik-4", "98,13", "100,00"),
        ("ik-5", "8,82", "100,00"),
        ("ik-6", "20,00", "50,00"),
        ("ik-7", "1,08", "96,43"),
        ("ik-8", "11,43", "22,86"),
        ("ik-9", "32,31", "100,00"),
    ],
)
def test_capaian_of_tabel_3_2(ntt, iid: str, realisasi: str, capaian: str) -> None:
    r = ntt.indikator[iid]
    assert two(r.realisasi) == realisasi
    assert two(r.capaian) == capaian


def test_mean_and_category(ntt) -> None:
    assert two(ntt.rata_rata) == "81,44"
    assert ntt.kategori == "Berhasil"


def test_raw_ratios_the_text_mentions(ntt) -> None:
    assert format_decimal(ntt.indikator["ik-4"].capaian_mentah, 0) == "179"
    assert format_decimal(ntt.indikator["ik-9"].capaian_mentah, 0) == "323"


def test_target_na_policy_is_visible(ntt) -> None:
    assert "kebijakan" in ntt.indikator["ik-5"].catatan
    assert ntt.indikator["ik-1"].catatan == ""


def test_price_means(ntt) -> None:
    assert two(ntt.harga["bahan-pokok"].rata_rata) == "12,76"
    assert two(ntt.harga["barang-penting"].rata_rata) == "26,77"
    assert two(ntt.indikator["ik-2"].realisasi) == "19,77"
    assert len(ntt.harga["bahan-pokok"].barang) == 23
    assert len(ntt.harga["barang-penting"].barang) == 9


def test_budget_totals(ntt) -> None:
    apbd, apbn = ntt.sumber["apbd"], ntt.sumber["apbn"]
    assert (apbd.pagu, apbd.realisasi, two(apbd.persen)) == (13519650516, 13157342972, "97,32")
    assert (apbn.pagu, apbn.realisasi, two(apbn.persen)) == (2194960000, 2033972202, "92,67")


def test_budget_programme_percentages(ntt) -> None:
    # Tabel 3.22, Keu % column (all consistent in the seed).
    got = [two(p.persen) if p.persen is not None else "-" for p in ntt.sumber["apbd"].program]
    assert got == [
        "97,80",
        "95,94",
        "-",
        "99,80",
        "100,00",
        "98,06",
        "89,66",
        "88,46",
        "96,29",
        "99,62",
    ]


def test_staff_totals(ntt) -> None:
    k = ntt.komposisi
    assert k["jenis-kelamin"].jumlah_kolom == [71, 66]
    assert k["golongan"].total == 73  # the cells; the seed prints 71 (an audit finding)
    assert k["jabatan"].total == 71


# ---------------------------------------------------------------- rules as data


def indikator(target, aturan: m.Aturan, realisasi: str) -> m.Indikator:
    return m.Indikator(
        id="x",
        nama="x",
        target=target,
        aturan=aturan,
        realisasi=m.Rumus(jenis="langsung", a=m.Masukan(nilai=parse_decimal(realisasi))),
    )


HUNDRED = D(100)


def run(ind: m.Indikator, policy: Decimal | None = HUNDRED):
    from lkip_build.report import Report

    report = Report(
        folder="x",
        laporan=model_laporan(policy),
        kinerja=m.Kinerja(sasaran_strategis="x", indikator=[ind]),
    )
    c = Collector()
    h = hitung(report, c)
    return h, c


STEPS = [
    m.Langkah(batas_atas=D(10), capaian=D(100)),
    m.Langkah(batas_atas=D(30), capaian=D(75)),
    m.Langkah(batas_atas=D(100), capaian=D(50)),
    m.Langkah(capaian=D(25)),
]


@pytest.mark.parametrize(
    ("target", "aturan", "realisasi", "capaian"),
    [
        (D(50), m.Aturan(), "44,32", "88,64"),
        (D("54.7"), m.Aturan(), "98,13", "100,00"),  # capped, as the seed: "tetap dihitung 100 %"
        (D("54.7"), m.Aturan(batas=D(120)), "98,13", "120,00"),  # another agency's cap
        (D("54.7"), m.Aturan(batas=None), "98,13", "179,40"),  # uncapped
        (
            D(10),
            m.Aturan(jenis="selisih"),
            "8",
            "120,00",
        ),  # (2t - r) / t, capped at 100 -> see below
        (D(10), m.Aturan(jenis="selisih", batas=None), "12", "80,00"),
        (D(10), m.Aturan(jenis="kebalikan", batas=None), "12,5", "80,00"),
        (D(10), m.Aturan(jenis="kebalikan"), "8", "100,00"),
        (D(10), m.Aturan(jenis="skala", batas=None, skala=STEPS), "10", "100,00"),
        (D(10), m.Aturan(jenis="skala", batas=None, skala=STEPS), "10,01", "75,00"),
        (D(10), m.Aturan(jenis="skala", batas=None, skala=STEPS), "19,77", "75,00"),
        (D(10), m.Aturan(jenis="skala", batas=None, skala=STEPS), "30", "75,00"),
        (D(10), m.Aturan(jenis="skala", batas=None, skala=STEPS), "100,5", "25,00"),
        (m.NA_VALUE, m.Aturan(), "8,82", "100,00"),
        (D(10), m.Aturan(jenis="selisih"), "25", "0,00"),  # never below zero
    ],
)
def test_capaian_rules(target, aturan: m.Aturan, realisasi: str, capaian: str) -> None:
    if aturan.jenis == "selisih" and realisasi == "8":
        capaian = "100,00"  # (20 - 8) / 10 = 120 %, capped at the default 100
    h, c = run(indikator(target, aturan, realisasi))
    assert not c.problems
    assert two(h.indikator["x"].capaian) == capaian


@pytest.mark.parametrize(
    ("target", "policy", "code"),
    [
        (D(0), D(100), "target-not-positive"),
        (D(-5), D(100), "target-not-positive"),
        (m.NA_VALUE, None, "target-na-no-policy"),
    ],
)
def test_capaian_impossible_is_a_problem(target, policy, code: str) -> None:
    _, c = run(indikator(target, m.Aturan(), "5"), policy)
    assert codes(c) == [code]


def test_ratio_with_zero_denominator() -> None:
    ind = m.Indikator(
        id="x",
        nama="x",
        target=D(10),
        realisasi=m.Rumus(jenis="rasio", a=m.Masukan(nilai=D(1)), b=m.Masukan(nilai=D(0))),
    )
    _, c = run(ind)
    assert codes(c) == ["division-by-zero"]


@pytest.mark.parametrize(
    ("value", "kategori"),
    [
        (D(85), "Sangat Berhasil"),
        (D("84.99"), "Berhasil"),
        (D(75), "Berhasil"),
        (D("74.99"), "Cukup Berhasil"),
        (D(55), "Cukup Berhasil"),
        (D("54.99"), "Belum Berhasil"),
        (D(0), "Belum Berhasil"),
    ],
)
def test_category_scale_of_tabel_3_1(ntt, value: Decimal, kategori: str) -> None:
    assert kategori_skala(value, ntt.report.laporan.skala_capaian) == kategori


def test_budget_sums_and_zero_pagu() -> None:
    tree = m.PosAnggaran(
        nama="P",
        rincian=[
            m.PosAnggaran(nama="a", pagu=100, realisasi=90),
            m.PosAnggaran(nama="b", rincian=[m.PosAnggaran(nama="b1", pagu=0, realisasi=0)]),
        ],
    )
    c = Collector()
    h = hitung_pos(tree, c)
    assert not c.problems
    assert (h.pagu, h.realisasi, h.persen) == (100, 90, D(90))
    assert h.anak[1].persen is None  # pagu 0: no absorption, not a division by zero


def test_parent_amount_typed_is_refused() -> None:
    tree = m.PosAnggaran(nama="P", pagu=5, rincian=[m.PosAnggaran(nama="a", pagu=5, realisasi=5)])
    c = Collector()
    hitung_pos(tree, c)
    assert codes(c) == ["derived-amount-typed"]


def test_negative_money_is_refused() -> None:
    c = Collector()
    hitung_pos(m.PosAnggaran(nama="a", pagu=-5, realisasi=0), c)
    assert codes(c) == ["negative-amount"]


def test_staff_cross_table() -> None:
    k = m.Komposisi(
        id="k",
        judul_baris="G",
        kolom=["A", "B"],
        sub_kolom=["L", "P"],
        baris=[
            m.BarisKomposisi(label="IV a", kelompok="IV", nilai=[1, 0, 2, 1]),
            m.BarisKomposisi(label="IV b", kelompok="IV", nilai=[0, 1, 0, 0]),
            m.BarisKomposisi(label="III", nilai=[1, 1, 1]),
        ],
    )
    c = Collector()
    h = hitung_komposisi(k, c)
    assert codes(c) == ["row-length"]
    assert h.jumlah_baris == [4, 1, 3]
    assert h.jumlah_kolom == [2, 2, 3, 1]
    assert h.total == 8
    assert h.kelompok == {"IV": 5}


@pytest.mark.parametrize(
    ("text", "s"),
    [("ASN (orang)", "asn-orang"), ("Laki-laki", "laki-laki"), ("IV c", "iv-c"), ("  S2 ", "s2")],
)
def test_slug(text: str, s: str) -> None:
    assert slug(text) == s


def test_seed_data_loads_without_problems(root: Path) -> None:
    reports, problems = load_reports(root / "data", root)
    assert not problems.problems
    assert {r.id for r in reports} == {SEED, "lebak-disperindag-renja-2021"}
