"""Every marker of `markers.HANDLERS`: what it writes, and the located problem of a wrong use.

Expected figures are the seed's (LKIP 2021 NTT: Tabel 3.2, 3.7, 3.17, Bab 3.3) or are worked
out by hand below from DOMAIN.md's formulas; none is captured from the code under test.
"""

from __future__ import annotations

import re
import typing
from decimal import Decimal
from pathlib import Path

import pytest

from lkip_build import model as m
from lkip_build.codes import CODES
from lkip_build.compute import capaian
from lkip_build.present import markers
from lkip_build.problems import LkipError

from .conftest import LAPORAN, ROOT, built, publish, write

SEED = "ntt-disperindag-lkip-2021"
PAGE = "content/uji-2021/index.md"
POLICY = (
    "kebijakan:\n  capaian_target_na: 100\n  capaian_realisasi_na: 0\n"
    "  alasan_target_na: target belum ditetapkan\n"
)


def test_every_handler_is_tested_here() -> None:
    """A new marker must get its tests in this module."""
    tested = {
        "tabel",
        "nilai",
        "rumus",
        "rumus-capaian",
        "penandatangan",
        "daftar-tabel",
        "daftar-laporan",
        "catatan-verifikasi",
        "grafik",
        "unduhan",
        "sorotan",  # and in test_sorotan.py
        "tulis-ulang",
        "rujukan",
    }
    assert set(markers.HANDLERS) == tested


# ---------------------------------------------------------------- the real report


@pytest.fixture(scope="module")
def ntt():
    """The NTT report with every chapter expanded (so tables know their pages)."""
    return built(ROOT)


def one(pub, text: str, src: str = f"{SEED}/uji-penanda.md") -> str:
    return pub.expand_one(src, text)


def strip_tags(s: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", s).split())


def test_tabel_writes_number_title_anchor_rows_and_download_links(ntt) -> None:
    src = f"{SEED}/uji-penanda.md"
    out = one(ntt, "<!-- lkip:tabel anggaran-apbn-program -->", src)
    assert '<p class="lkip-judul-tabel" id="tabel-3-24"><strong>Tabel 3.24</strong>' in out
    assert "Alokasi dan Realisasi Anggaran Program/Kegiatan APBN TA 2021" in out
    # Tabel 3.24 of the seed: total 2.194.960.000 / 2.033.972.202 / 92,67
    assert "| **Total** | **2.194.960.000** | **2.033.972.202** | **92,67** |" in out
    assert "(CSV)](unduh/tabel-3-24.csv)" in out and "(XLSX)](unduh/tabel-3-24.xlsx)" in out
    assert "[lembar kerja Excel (XLSX)]" in out  # plain words, the format in brackets
    files = ntt.page_files[src]
    assert set(files) == {"unduh/tabel-3-24.csv", "unduh/tabel-3-24.xlsx"}
    assert ntt.rendered[src]["tabel-3-24"].nomor == "3.24"


def test_nilai_writes_figures_in_each_format(ntt) -> None:
    text = (
        "<!-- lkip:nilai laporan.tahun -->|"
        "<!-- lkip:nilai anggaran.apbd.pagu -->|"
        "<!-- lkip:nilai anggaran.apbd.pagu rp -->|"
        "<!-- lkip:nilai anggaran.apbd.pagu terbilang -->|"
        "<!-- lkip:nilai kinerja.rata_rata -->|"
        "<!-- lkip:nilai kinerja.rata_rata angka -->|"
        "<!-- lkip:nilai kinerja.kategori -->|"
        "<!-- lkip:nilai kinerja.jumlah_indikator terbilang -->"
    )
    assert one(ntt, text).split("|") == [
        "2021",
        "13.519.650.516",
        "Rp13.519.650.516",
        # Bab 2.2 and 3.3 of the seed
        "Tiga Belas Miliar Lima Ratus Sembilan Belas Juta Enam Ratus Lima Puluh Ribu "
        "Lima Ratus Enam Belas Rupiah",
        "81,44 %",
        "81,44",
        "Berhasil",
        "sembilan",
    ]


def test_nilai_escapes_text_from_the_data(tmp_path: Path) -> None:
    laporan = LAPORAN.format(id="uji-2021").replace("wilayah: Uji", "wilayah: '<b>Uji</b> & Co'")
    _, out = publish(
        tmp_path, pages={"index.md": "<!-- lkip:nilai laporan.wilayah -->\n"}, laporan=laporan
    )
    assert out["uji-2021/index.md"].strip() == "&lt;b&gt;Uji&lt;/b&gt; &amp; Co"


@pytest.mark.parametrize(
    ("iid", "expected"),
    [
        # Bab 3.2 of the seed: 39 of 88 = 44,32 %; (7 - 6) / 6 = 16,67 %;
        # (1.593 - 1.576) / 1.576 = 1,08 %; mean of the two group means 12,76 and 26,77 = 19,77
        (
            "ik-1",
            "(39 pelaku usaha yang telah terintegrasi) / (88 total semua pelaku usaha) × 100 %"
            " = 44,32 %",
        ),
        ("ik-3", "(7 − 6) / 6 komoditas ekspor tahun 2020 × 100 % = 16,67 %"),
        ("ik-7", "(1.593 − 1.576) / 1.576 pelaku industri tahun 2020 × 100 % = 1,08 %"),
        ("ik-2", "(12,76 + 26,77) / 2 = 19,77 %"),
        ("ik-8", "(4 pelaku industri yang taat legalitas) / (35 pelaku industri yang diawasi)"),
    ],
)
def test_rumus_of_the_seed(ntt, iid: str, expected: str) -> None:
    out = strip_tags(one(ntt, f"<!-- lkip:rumus {iid} -->"))
    assert expected in out


FORMULAS = """\
sasaran_strategis: S
indikator:
  - id: langsung
    nama: Langsung
    satuan: pelaku usaha
    target: 40
    realisasi: {jenis: langsung, a: 20}
  - id: skor
    nama: Skor efisiensi
    target: 60
    realisasi:
      jenis: skor
      konstanta: 50
      pengali: 50
      pembagi: 20
      a: {nilai: 10, uraian: E}
  - id: tw-jumlah
    nama: Triwulan jumlah
    satuan: unit
    target: 8
    realisasi: {jenis: triwulan, agregasi: jumlah, triwulan: [1, 2, 3, 4]}
  - id: tw-terakhir
    nama: Triwulan terakhir
    satuan: ""
    target: 8
    realisasi:
      jenis: triwulan
      agregasi: terakhir
      triwulan: [5, 7, NA]
    alasan_na: triwulan IV belum dilaporkan
  - id: tw-rata
    nama: Triwulan rata-rata
    target: 8
    realisasi: {jenis: triwulan, agregasi: rata_rata, triwulan: [2, 4]}
  - id: harga
    nama: Kenaikan harga
    target: 10
    realisasi: {jenis: rerata_harga, kelompok: pokok, uraian: rata-rata kenaikan harga}
  - id: tanpa
    nama: Tanpa realisasi
    target: 10
    realisasi: {na: data BPS belum terbit}
"""

HARGA = """\
kelompok:
  - id: pokok
    nama: Bahan pokok
    tahun_lalu: 2020
    tahun_kini: 2021
    barang:
      - {nama: Beras, satuan: kg, harga_lalu: 10.000, harga_kini: 11.000}
      - {nama: Gula, satuan: kg, harga_lalu: 12.000, harga_kini: 12.600}
"""


@pytest.fixture(scope="module")
def formulas(tmp_path_factory):
    pub, _ = publish(
        tmp_path_factory.mktemp("rumus"), {"indikator.yml": FORMULAS, "harga.yml": HARGA}
    )
    return pub


@pytest.mark.parametrize(
    ("iid", "expected"),
    [
        ("langsung", "20 = 20,00 pelaku usaha"),
        ("skor", "50 + 10 E × 50 / 20 = 75,00 %"),  # 50 + 10 x 50 / 20 = 75
        ("tw-jumlah", "jumlah triwulan (1 + 2 + 3 + 4) = 10,00 unit"),
        ("tw-terakhir", "triwulan terakhir (5; 7; NA) = 7,00"),  # the last filled quarter: 7
        ("tw-rata", "rata-rata triwulan (2 + 4) = 3,00 %"),
        # (11.000 - 10.000) / 10.000 = 10 %, (12.600 - 12.000) / 12.000 = 5 %: mean 7,5
        ("harga", "rata-rata kenaikan harga = 7,50 %"),
        ("tanpa", "Tanpa realisasi = Realisasi NA (data BPS belum terbit)"),
    ],
)
def test_rumus_of_every_formula_kind(formulas, iid: str, expected: str) -> None:
    out = strip_tags(formulas.expand_one("uji-2021/index.md", f"<!-- lkip:rumus {iid} -->"))
    assert out == expected


def test_every_formula_kind_has_a_rumus_case() -> None:
    kinds = set(typing.get_args(typing.get_type_hints(m.Rumus)["jenis"]))
    # rasio, pertumbuhan and rerata_sub are the seed's (test_rumus_of_the_seed)
    assert kinds == {"rasio", "pertumbuhan", "rerata_sub"} | {
        "langsung",
        "skor",
        "triwulan",
        "rerata_harga",
    }


# ---------------------------------------------------------------- rumus-capaian, every rule

# id -> (indicator YAML, the text the page must show). T target, R realisasi, B baseline;
# each figure worked out by hand from DOMAIN.md's formulas.
RULE_CASES: dict[str, tuple[str, str]] = {
    # rasio: R / T x 100 = 44,32 / 50 x 100 = 88,64 (Tabel 3.2, indicator 1)
    "rasio": (
        "target: 50\n    realisasi: {jenis: rasio, a: 39, b: 88}",
        "Realisasi / Target × 100 % = 44,32 / 50 × 100 % = 88,64 %; capaian = 88,64 %",
    ),
    # above the cap: 32,31 / 10 = 323,10 %, reported as 100 % (Tabel 3.2, indicator 9)
    "rasio-dibatasi": (
        "target: 10\n    realisasi: {jenis: rasio, a: 21, b: 65}",
        "Realisasi / Target × 100 % = 32,31 / 10 × 100 % = 323,10 %; dibatasi 100 %; "
        "capaian = 100,00 %",
    ),
    # selisih: (2T - R) / T = (20 - 12) / 10 = 80
    "selisih": (
        "target: 10\n    realisasi: {jenis: langsung, a: 12}\n    aturan: {jenis: selisih}",
        "(2 × Target − Realisasi) / Target × 100 % = (2 × 10 − 12) / 10 × 100 % = 80,00 %; "
        "capaian = 80,00 %",
    ),
    # kebalikan: T / R = 10 / 8 = 125, capped at 120 as some agencies do
    "kebalikan": (
        "target: 10\n    realisasi: {jenis: langsung, a: 8}\n"
        "    aturan: {jenis: kebalikan, batas: 120}",
        "Target / Realisasi × 100 % = 10 / 8 × 100 % = 125,00 %; dibatasi 120 %; "
        "capaian = 120,00 %",
    ),
    # pengurangan: (T - R) / T = (10 - 4) / 10 = 60
    "pengurangan": (
        "target: 10\n    realisasi: {jenis: langsung, a: 4}\n    aturan: {jenis: pengurangan}",
        "(Target − Realisasi) / Target × 100 % = (10 − 4) / 10 × 100 % = 60,00 %; "
        "capaian = 60,00 %",
    ),
    # (10 - 12) / 10 = -20, floored at 0
    "pengurangan-lantai": (
        "target: 10\n    realisasi: {jenis: langsung, a: 12}\n    aturan: {jenis: pengurangan}",
        "(Target − Realisasi) / Target × 100 % = (10 − 12) / 10 × 100 % = -20,00 %; "
        "paling rendah 0 %; capaian = 0,00 %",
    ),
    # without a floor the negative result stands
    "pengurangan-tanpa-lantai": (
        "target: 10\n    realisasi: {jenis: langsung, a: 12}\n"
        "    aturan: {jenis: pengurangan, lantai: null}",
        "(Target − Realisasi) / Target × 100 % = (10 − 12) / 10 × 100 % = -20,00 %; "
        "capaian = -20,00 %",
    ),
    # dasar: (B - R) / (B - T) = (20 - 14) / (20 - 10) = 60
    "dasar": (
        "tahun_dasar: 20\n    target: 10\n    realisasi: {jenis: langsung, a: 14}\n"
        "    aturan: {jenis: dasar}",
        "(Tahun Dasar − Realisasi) / (Tahun Dasar − Target) × 100 % = (20 − 14) / (20 − 10) "
        "× 100 % = 60,00 %; capaian = 60,00 %",
    ),
    # skala: 19,77 lies in 10 < X <= 30, which gives 75 % (Tabel 3.7 and 3.8)
    "skala": (
        "target: 10\n    realisasi: {jenis: langsung, a: '19,77'}\n    aturan:\n"
        "      jenis: skala\n      judul_skala: Skala inflasi\n      skala:\n"
        "        - {batas_atas: 10, capaian: 100, kategori: Sangat Berhasil}\n"
        "        - {batas_atas: 30, capaian: 75, kategori: Berhasil}\n"
        "        - {batas_atas: 100, capaian: 50, kategori: Cukup Berhasil}\n"
        "        - {capaian: 25, kategori: Belum Berhasil}",
        "Skala inflasi = realisasi 19,77 masuk langkah X ≤ 30 %; capaian = 75,00 %",
    ),
    "skala-terakhir": (
        "target: 10\n    realisasi: {jenis: langsung, a: 150}\n    aturan:\n"
        "      jenis: skala\n      skala:\n"
        "        - {batas_atas: 10, capaian: 100}\n        - {capaian: 25}",
        "Skala = realisasi 150 masuk langkah terakhir; capaian = 25,00 %",
    ),
    "target-na": (
        "target: {na: belum ditetapkan}\n    realisasi: {jenis: langsung, a: 5}",
        "Target tidak tersedia; belum ditetapkan; capaian = n/a",
    ),
    "realisasi-na": (
        "target: 10\n    realisasi: {na: survei belum selesai}",
        "Realisasi tidak tersedia; survei belum selesai; capaian = n/a",
    ),
    "masukan-na": (
        "target: 10\n    realisasi: {jenis: rasio, a: {nilai: {na: BPS belum terbit}}, b: 3}",
        "Realisasi tidak tersedia; BPS belum terbit; capaian = n/a",
    ),
}
# the same NA cases under the report's policy (target NA -> 100 %, realisasi NA -> 0 %)
POLICY_CASES: dict[str, str] = {
    "target-na": "Target NA; kebijakan laporan; capaian = 100,00 %",
    "realisasi-na": "Realisasi NA; kebijakan laporan; capaian = 0,00 %",
    "masukan-na": "Realisasi NA; kebijakan laporan; capaian = 0,00 %",
}


def rule_report(root: Path, policy: bool):
    body = "".join(
        f"  - id: {iid}\n    nama: Indikator {iid}\n    {yaml}\n"
        for iid, (yaml, _) in RULE_CASES.items()
    )
    laporan = LAPORAN.format(id="uji-2021") + (POLICY if policy else "")
    page = "".join(f"<!-- lkip:rumus-capaian {iid} -->\n" for iid in RULE_CASES)
    return publish(
        root,
        {"indikator.yml": "sasaran_strategis: S\nindikator:\n" + body},
        {"index.md": page},
        laporan,
    )


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    _, out = rule_report(tmp_path_factory.mktemp("aturan"), policy=False)
    return dict(zip(RULE_CASES, rumus_lines(out["uji-2021/index.md"]), strict=True))


@pytest.fixture(scope="module")
def rules_policy(tmp_path_factory):
    _, out = rule_report(tmp_path_factory.mktemp("kebijakan"), policy=True)
    return dict(zip(RULE_CASES, rumus_lines(out["uji-2021/index.md"]), strict=True))


def rumus_lines(text: str) -> list[str]:
    return [strip_tags(x) for x in re.findall(r'<p class="lkip-rumus">(.*?)</p>', text)]


@pytest.mark.parametrize("iid", list(RULE_CASES))
def test_rumus_capaian_shows_the_rule_applied_with_its_numbers(rules, iid: str) -> None:
    assert rules[iid] == RULE_CASES[iid][1]


@pytest.mark.parametrize("iid", list(POLICY_CASES))
def test_rumus_capaian_under_the_reports_na_policy(rules_policy, iid: str) -> None:
    assert rules_policy[iid] == POLICY_CASES[iid]


@pytest.mark.parametrize("iid", [i for i in RULE_CASES if i not in POLICY_CASES])
def test_a_policy_for_na_changes_nothing_else(rules, rules_policy, iid: str) -> None:
    assert rules_policy[iid] == rules[iid]


def evaluate(formula: str) -> Decimal:
    """The numbers of a shown formula, evaluated independently: '(2 × 10 − 12) / 10'."""
    expr = formula.replace("× 100 %", "* 100").replace("×", "*").replace("−", "-")
    expr = re.sub(r"(?<=\d)\.(?=\d{3}(?!\d))", "", expr).replace(",", ".")
    assert re.fullmatch(r"[\d.\s()*/+-]+", expr), expr
    return Decimal(str(eval(expr)))  # digits and operators only (checked above)


@pytest.mark.parametrize("iid", [i for i in RULE_CASES if i.split("-")[0] in capaian.RULES])
def test_the_numbers_shown_give_the_result_shown(rules, iid: str) -> None:
    _, numbers, result, *_ = rules[iid].split(" = ")
    raw = Decimal(result.split(" %")[0].replace(".", "").replace(",", "."))
    assert abs(evaluate(numbers) - raw) <= Decimal("0.005")


def test_every_rule_kind_has_a_case() -> None:
    kinds = set(typing.get_args(typing.get_type_hints(m.Aturan)["jenis"]))
    assert kinds == set(capaian.RULES) | {"skala"}
    covered = {i.split("-")[0] for i in RULE_CASES}
    assert kinds <= covered


def test_rumus_capaian_of_the_seed(ntt) -> None:
    # Tabel 3.2: indicator 7, 1,08 / 1,12 = 96,43 % (from the published realisasi);
    # indicator 4, 98,13 / 54,7 = 179,40 % reported as 100 %; indicator 5, target NA -> 100 %
    assert strip_tags(one(ntt, "<!-- lkip:rumus-capaian ik-7 -->")) == (
        "Realisasi / Target × 100 % = 1,08 / 1,12 × 100 % = 96,43 %; capaian = 96,43 %"
    )
    assert "98,13 / 54,70 × 100 % = 179,40 %; dibatasi 100 %" in one(
        ntt, "<!-- lkip:rumus-capaian ik-4 -->"
    )
    five = strip_tags(one(ntt, "<!-- lkip:rumus-capaian ik-5 -->"))
    assert "Target NA" in five and five.endswith("capaian = 100,00 %")


# ---------------------------------------------------------------- the other markers


def test_penandatangan_of_the_seed(ntt) -> None:
    out = one(ntt, "<!-- lkip:penandatangan -->")
    lines = [strip_tags(x) for x in out.split("<br>")]
    assert lines[0] == "Kupang, Januari 2022"
    assert "Drs. Ec. M. NASIR ABDULLAH, MM" in lines
    assert lines[-1] == "NIP 19631016 199203 1 005"


def test_daftar_tabel_links_every_numbered_table_to_its_page(ntt) -> None:
    out = one(ntt, "<!-- lkip:daftar-tabel -->", f"{SEED}/daftar-tabel.md")
    rows = [r for r in out.splitlines() if r.startswith("| [")]
    assert len(rows) == 4 + 7 + 24  # Tabel 1.1-1.4, 2.1-2.7, 3.1-3.24 of the seed
    assert rows[0].startswith("| [Tabel 1.1](bab-1-pendahuluan.md#tabel-1-1) |")
    assert "| [Tabel 3.22](bab-3-akuntabilitas-kinerja.md#tabel-3-22) |" in out
    # an unnumbered table (the summary copy of Tabel 3.2) is not listed
    assert out.count("| Capaian Kinerja Tahun 2021 |") == 1


def test_rujukan_writes_the_number_from_the_data_and_links_the_table(ntt) -> None:
    out = one(ntt, "lihat <!-- lkip:rujukan anggaran-apbd-program -->.", f"{SEED}/uji.md")
    assert out == "lihat [Tabel 3.22](bab-3-akuntabilitas-kinerja.md#tabel-3-22)."
    here = one(ntt, "<!-- lkip:rujukan anggaran-apbd-program -->", f"{SEED}/bab-3-x.md")
    assert here == "[Tabel 3.22](bab-3-akuntabilitas-kinerja.md#tabel-3-22)"


def test_rujukan_cited_by_another_number_carries_the_mark(tmp_path: Path) -> None:
    """PRKOM (Badan POM) writes "Tabel 19" for its Tabel 28: the page writes Tabel 28, as
    the data numbers it, marked, linked to the note that says what the document prints."""
    files = dict(SMALL)
    files["tabel.yml"] = files["tabel.yml"].replace(
        "jenis: capaian}",
        "jenis: capaian,\n     tertulis: [{di: Bab III, nilai: {rujukan: Tabel 19}}]}",
    )
    pub, pages = publish(
        tmp_path, files, {"index.md": "# Uji\n\nLihat <!-- lkip:rujukan capaian -->." + TAIL}
    )
    (note,) = [t for t in pub.findings["uji-2021"] if t.code == "table-reference-mismatch"]
    ident = pub.reviews["uji-2021"].ids[pub.findings["uji-2021"].index(note)]
    out = pages["uji-2021/index.md"]
    assert "Lihat [Tabel 3.2](#tabel-3-2)" in out
    assert f"catatan-verifikasi.md#{ident}" in out.split("Lihat ", 1)[1].split("\n", 1)[0]
    assert 'menulis "Tabel 19"' in note.kalimat


def test_rujukan_to_an_unnumbered_table_is_refused(tmp_path: Path) -> None:
    files = dict(SMALL)
    files["tabel.yml"] += "  - {id: lain, judul: Lain, jenis: capaian}\n"
    page = "# Uji\n\n<!-- lkip:rujukan lain -->" + TAIL
    with pytest.raises(LkipError) as exc:
        publish(tmp_path, files, {"index.md": page})
    assert [(p.code, p.line) for p in exc.value.problems] == [("table-unnumbered", 3)]


def test_daftar_laporan_orders_by_level_agency_and_year(ntt) -> None:
    out = ntt.expand_one("index.md", "<!-- lkip:daftar-laporan -->")
    assert out.index("| Provinsi |") < out.index("| Kabupaten |")
    ntt_line = next(x for x in out.splitlines() if SEED in x)
    assert "| 2021 |" in ntt_line and f"({SEED}/index.md)" in ntt_line
    assert "| 81,44 %<br><small>Berhasil</small> |" in ntt_line  # Tabel 3.2, Bab 3.1


def test_catatan_verifikasi_marker_writes_the_findings(ntt) -> None:
    out = one(ntt, "<!-- lkip:catatan-verifikasi -->", f"{SEED}/catatan-verifikasi.md")
    assert "**Ringkasan:**" in out
    # Bab 3.3 of the seed states the APBN pagu as 2.126.308.000 (its table: 2.194.960.000)
    assert "2.126.308.000" in out and "2.194.960.000" in out


def test_grafik_draws_an_svg_with_a_text_alternative(ntt) -> None:
    src = f"{SEED}/uji-grafik.md"
    out = one(ntt, "<!-- lkip:grafik anggaran apbn -->", src)
    assert "![" in out and "(grafik/anggaran-apbn.svg)" in out
    assert "<figcaption>Grafik: Pagu dan realisasi anggaran per program" in out
    # Tabel 3.24: pagu 2.194.960.000, realisasi 2.033.972.202 (92,67 %), in the alt text
    assert "pagu 2.194.960.000 rupiah, realisasi 2.033.972.202 rupiah (92,67 %)" in out
    for name in ("anggaran-apbn.svg", "anggaran-apbn-sempit.svg"):  # wide, and for phones
        svg = ntt.page_files[src][f"grafik/{name}"].decode("utf-8")
        assert svg.lstrip().startswith("<svg") and "</svg>" in svg


def test_unduhan_links_the_print_view_and_the_data(ntt) -> None:
    out = one(ntt, "<!-- lkip:unduhan -->", f"{SEED}/index.md")
    assert "(cetak.md)" in out
    assert f"(unduh/{SEED}-data.json)" in out
    assert "(catatan-verifikasi/catatan.json)" in out
    assert ".pdf" not in out  # this build writes no PDF
    with_pdf = ntt.with_pdf(True)
    assert f'href="{SEED}.pdf"' in one(with_pdf, "<!-- lkip:unduhan -->", f"{SEED}/index.md")
    assert f'href="../{SEED}.pdf"' in one(with_pdf, "<!-- lkip:unduhan -->", f"{SEED}/bab.md")


# ---------------------------------------------------------------- wrong uses, located

SMALL = {
    "indikator.yml": """\
sasaran_strategis: S
indikator:
  - id: ik-1
    nama: Satu
    target: 50
    realisasi: {jenis: rasio, a: 39, b: 88}
    sub:
      - id: ik-1a
        nama: Sub
        target: 5
        dinilai: tidak
        realisasi: {jenis: langsung, a: 4}
""",
    "anggaran.yml": """\
tahun: 2021
sumber:
  - id: apbd
    nama: APBD
    program:
      - {id: p1, nama: Program Satu, pagu: 100, realisasi: 90}
""",
    "tabel.yml": """\
tabel:
  - {id: capaian, nomor: "3.2", judul: Capaian, jenis: capaian}
""",
}
TAIL = "\n\n<!-- lkip:tabel capaian -->\n"


@pytest.mark.parametrize(
    ("marker", "code", "message"),
    [
        ("<!-- lkip:tabel -->", "marker-arguments", "<!-- lkip:tabel ID -->"),
        ("<!-- lkip:tabel capaian-x -->", "unknown-table", "'capaian-x'"),
        ("<!-- lkip:nilai -->", "marker-arguments", "[rp|terbilang|angka]"),
        ("<!-- lkip:nilai laporan.tahun rp x -->", "marker-arguments", "NAMA"),
        ("<!-- lkip:nilai kinerja.rata-rata -->", "unknown-value", "'kinerja.rata_rata'?"),
        ("<!-- lkip:nilai kinerja.rata_rata rp -->", "bad-format", "pilihan: angka"),
        ("<!-- lkip:nilai laporan.tahun terbilang -->", "bad-format", "(tanpa format)"),
        ("<!-- lkip:nilai anggaran.apbd.pagu angka -->", "bad-format", "rp, terbilang"),
        ("<!-- lkip:rumus ik-9 -->", "unknown-indicator", "'ik-9'"),
        ("<!-- lkip:rumus -->", "marker-arguments", "<!-- lkip:rumus ID -->"),
        ("<!-- lkip:rumus-capaian ik-1a -->", "no-capaian", "'ik-1a' tidak dinilai"),
        ("<!-- lkip:rumus-capaian ik-1 ik-1a -->", "marker-arguments", "rumus-capaian ID"),
        ("<!-- lkip:penandatangan -->", "missing-field", "kepala"),
        ("<!-- lkip:penandatangan x -->", "marker-arguments", "penandatangan"),
        ("<!-- lkip:daftar-tabel 3 -->", "marker-arguments", "daftar-tabel"),
        ("<!-- lkip:rujukan -->", "marker-arguments", "<!-- lkip:rujukan ID -->"),
        ("<!-- lkip:rujukan capaian-x -->", "unknown-table", "'capaian-x'"),
        ("<!-- lkip:daftar-laporan x -->", "marker-arguments", "daftar-laporan"),
        ("<!-- lkip:catatan-verifikasi x -->", "marker-arguments", "catatan-verifikasi"),
        ("<!-- lkip:grafik -->", "marker-arguments", "capaian | anggaran SUMBER"),
        ("<!-- lkip:grafik peta -->", "marker-arguments", "harga KELOMPOK"),
        ("<!-- lkip:grafik anggaran -->", "marker-arguments", "anggaran SUMBER"),
        ("<!-- lkip:grafik capaian x -->", "marker-arguments", "capaian"),
        ("<!-- lkip:grafik anggaran apbn -->", "chart-error", "'apbn'"),
        ("<!-- lkip:grafik harga pokok -->", "chart-error", "'pokok'"),
        ("<!-- lkip:unduhan x -->", "marker-arguments", "unduhan"),
        ("<!-- lkip:sorotan a b -->", "marker-arguments", "sorotan [ID]"),
        ("<!-- lkip:sorotan uji-2020 -->", "unknown-report", "yang ada: uji-2021"),
        ("<!-- lkip:tabell capaian -->", "marker-unknown", "'tabell'"),
        ("<!-- lkip: tabel capaian -->", "marker-malformed", "lkip: tabel"),
        ("<!-- lkip:Tabel capaian -->", "marker-malformed", "lkip:Tabel"),
    ],
)
def test_a_wrong_use_is_one_located_problem(
    tmp_path: Path, marker: str, code: str, message: str
) -> None:
    page = "# Uji\n\n" + marker + TAIL
    with pytest.raises(LkipError) as exc:
        publish(tmp_path, SMALL, {"index.md": page})
    found = [(p.code, p.file, p.line) for p in exc.value.problems if p.severity == "error"]
    assert found == [(code, PAGE, 3)]
    assert code in CODES
    (p,) = [p for p in exc.value.problems if p.code == code]
    assert message in p.message


def test_report_markers_outside_a_report_are_located(tmp_path: Path) -> None:
    write(
        tmp_path / "content",
        {
            "index.md": "# Beranda\n\n<!-- lkip:daftar-laporan -->\n<!-- lkip:tabel capaian -->\n"
            "<!-- lkip:sorotan uji-2021 -->\n<!-- lkip:sorotan -->\n"  # both fine here
        },
    )
    with pytest.raises(LkipError) as exc:
        publish(tmp_path, SMALL, {"index.md": TAIL})
    assert [(p.code, p.file, p.line) for p in exc.value.problems] == [
        ("marker-outside-report", "content/index.md", 4),
    ]


def test_daftar_tabel_names_a_numbered_table_placed_nowhere(tmp_path: Path) -> None:
    files = dict(SMALL)
    files["tabel.yml"] += '  - {id: lain, nomor: "3.3", judul: Lain, jenis: capaian}\n'
    with pytest.raises(LkipError) as exc:
        publish(tmp_path, files, {"index.md": "# Uji\n\n<!-- lkip:daftar-tabel -->" + TAIL})
    found = sorted((p.code, p.file, p.line) for p in exc.value.problems)
    assert found == [
        ("table-not-placed", PAGE, 3),
        ("table-not-placed", "data/uji-2021/tabel.yml", 3),
    ]


def test_every_wrong_use_on_a_page_is_reported_at_once(tmp_path: Path) -> None:
    page = "<!-- lkip:tabel x -->\n<!-- lkip:nilai x -->\n<!-- lkip:rumus x -->\n" + TAIL
    with pytest.raises(LkipError) as exc:
        publish(tmp_path, SMALL, {"index.md": page})
    assert [(p.code, p.line) for p in exc.value.problems] == [
        ("unknown-table", 1),
        ("unknown-value", 2),
        ("unknown-indicator", 3),
    ]


def test_grafik_capaian_of_a_report(tmp_path: Path) -> None:
    pub, out = publish(tmp_path, SMALL, {"index.md": "<!-- lkip:grafik capaian -->" + TAIL})
    text = out["uji-2021/index.md"]
    # 39 / 88 = 44,32 %; 44,32 / 50 = 88,64 % -> Sangat Berhasil (>= 85)
    assert "Rata-rata 88,64 % (Sangat Berhasil)" in text
    assert pub.page_files["uji-2021/index.md"]["grafik/capaian.svg"].startswith(b"<svg")


def test_grafik_capaian_with_a_preset_scale(tmp_path: Path) -> None:
    laporan = re.sub(
        r"skala_capaian:\n(  .*\n)+",
        "skala_capaian: permenpan-4\n",
        LAPORAN.format(id="uji-2021"),
    )
    assert "permenpan-4" in laporan
    _, out = publish(tmp_path, SMALL, {"index.md": "<!-- lkip:grafik capaian -->" + TAIL}, laporan)
    assert "Rata-rata 88,64 % (Sangat Berhasil)" in out["uji-2021/index.md"]


def test_an_unclosed_marker_is_located(tmp_path: Path) -> None:
    page = "# Uji\n" + TAIL + "\nTahun <!-- lkip:nilai laporan.tahun\n\nteks berikutnya\n"
    with pytest.raises(LkipError) as exc:
        publish(tmp_path, SMALL, {"index.md": page})
    assert [(p.code, p.line) for p in exc.value.problems] == [("marker-malformed", 6)]


BESIDE_A_BOUND = {
    "indikator.yml": "sasaran_strategis: S\nindikator:\n  - id: x\n    nama: X\n"
    "    target: 47,06\n    realisasi: {jenis: langsung, a: 40}\n"
}


def test_rumus_capaian_shows_one_uncapped_value_once(tmp_path: Path) -> None:
    _, out = publish(tmp_path, BESIDE_A_BOUND, {"index.md": "<!-- lkip:rumus-capaian x -->\n"})
    line = strip_tags(out["uji-2021/index.md"])
    assert line == "Realisasi / Target × 100 % = 40 / 47,06 × 100 % = 84,99 %; capaian = 84,99 %"


def test_grafik_capaian_labels_read_as_in_the_table(tmp_path: Path) -> None:
    from lkip_build.present import charts

    pub, _ = publish(tmp_path, BESIDE_A_BOUND)
    g = charts.capaian(pub.by_id["uji-2021"])
    assert [v["label"] for v in g.data] == ["84,99 % · Berhasil"]
    assert "Rata-rata 84,99 % (Berhasil)" in g.alt


def test_realisasi_is_shown_at_the_decimals_it_is_published_with(tmp_path: Path) -> None:
    laporan = LAPORAN.format(id="uji-2021") + "kebijakan:\n  desimal_realisasi: 3\n"
    files = {
        "indikator.yml": "sasaran_strategis: S\nindikator:\n  - id: x\n    nama: X\n"
        "    target: 1\n    realisasi: {jenis: langsung, a: '0,125'}\n",
        "tabel.yml": 'tabel:\n  - {id: c, nomor: "3.2", judul: C, jenis: capaian}\n',
    }
    page = "<!-- lkip:tabel c -->\n\n<!-- lkip:rumus-capaian x -->\n"
    pub, out = publish(tmp_path, files, {"index.md": page}, laporan)
    row = pub.rendered["uji-2021/index.md"]["tabel-3-2"].rows[0]
    assert row[5:] == ["0,125", "12,50 %"]
    assert "0,125 / 1 × 100 % = 12,50 %" in out["uji-2021/index.md"]


NA_CAPAIAN = """\
sasaran_strategis: S
indikator:
  - id: x
    nama: Satu
    target: 50
    realisasi: {jenis: langsung, a: 40}
  - id: y
    nama: Dua
    target: 10
    realisasi: {na: survei belum selesai}
"""


def test_grafik_capaian_text_never_gives_an_na_capaian_as_zero(tmp_path: Path) -> None:
    from lkip_build.present import charts

    pub, _ = publish(tmp_path, {"indikator.yml": NA_CAPAIAN})
    alt = charts.capaian(pub.by_id["uji-2021"]).alt
    assert "Rata-rata 80,00 % (Berhasil)" in alt  # the one capaian: 40 / 50
    assert "Terendah: Satu, 80,00 % (Berhasil)" in alt
    assert not re.search(r"(?<![\d.])0,00 %", alt)


def test_tulis_ulang_marks_a_paragraph_and_reports_it_by_status(ntt) -> None:
    """A paragraph carried from last year: shown as such, a warning in a draft (the NTT
    report is final: an error there), at the marker's line."""
    from dataclasses import replace

    from lkip_build.problems import Collector

    page = ntt.expansion.context(f"{SEED}/uji.md")
    problems = Collector()
    out = markers.expand("Satu.\n\n<!-- lkip:tulis-ulang -->\nTahun 2021.\n", page, problems)
    assert "Belum ditulis ulang" in out and "tahun 2021" in out
    (p,) = problems.problems
    assert (p.code, p.severity, p.line) == ("value-pending", "error", 3)
    lap = replace(page.hasil.report.laporan, status="draf")
    page.hasil = replace(page.hasil, report=replace(page.hasil.report, laporan=lap))
    problems = Collector()
    markers.expand("<!-- lkip:tulis-ulang -->\n", page, problems)
    assert [p.severity for p in problems.problems] == ["warning"]
