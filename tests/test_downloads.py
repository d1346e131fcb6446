"""What readers take away: each table as CSV and XLSX (numbers as numbers, '-' cells empty,
a BOM), and each report's JSON bundle. Expected figures are the seed's (Tabel 3.22, 3.24)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import pytest

from lkip_build.present import charts, downloads
from lkip_build.present.table import Table
from lkip_build.publish.site import prepare, read_pages

from .conftest import ROOT, Built, publish

SEED = "ntt-disperindag-lkip-2021"
NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


@pytest.fixture(scope="module")
def seed():
    # the charts' SVG (vl-convert, slow) is test_markers'; the data files are checked here
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(charts.Grafik, "svg", lambda self: "<svg></svg>")
        pub = Built(prepare(ROOT), None)
        sources = read_pages(ROOT / "content", pub)
        sources.update(pub.generated(sources)[0])
        pub.expand_pages(sources)
        return pub, pub.downloads()


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())  # a BOM: spreadsheets read UTF-8 text right
    text = data.decode("utf-8")[1:]
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline="")))


def read_xlsx(data: bytes) -> dict[tuple[int, int], object]:
    """(row, column) from 0 -> a float for a number cell, a str for a text cell."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ElementTree.fromstring(z.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['x']}}}t")) for si in root]
        sheet = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    out: dict[tuple[int, int], object] = {}
    for c in sheet.iter(f"{{{NS['x']}}}c"):
        letters, digits = re.fullmatch(r"([A-Z]+)(\d+)", c.get("r")).groups()
        col = 0
        for ch in letters:
            col = col * 26 + ord(ch) - 64
        v = c.find("x:v", NS)
        if v is None:
            continue
        key = (int(digits) - 1, col - 1)
        out[key] = shared[int(v.text)] if c.get("t") == "s" else float(v.text)
    return out


# Tabel 3.24 of the seed
APBN = [
    ("Program Nilai Tambah dan Daya Saing Industri", 982_700_000, 968_060_100),
    ("Program Pengembangan Perdagangan Dalam Negeri", 727_377_000, 607_020_102),
    ("Program Peningkatan Perdagangan Luar Negeri", 484_883_000, 458_892_000),
]


def pct(part: int, whole: int) -> str:
    """part / whole x 100 with two decimals, half-up, as a machine writes it ("98.51")."""
    q = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    return f"{q:f}"


def test_csv_of_tabel_3_24_has_numbers_as_numbers(seed) -> None:
    _, files = seed
    rows = read_csv(files[f"{SEED}/unduh/tabel-3-24.csv"])
    assert rows[0] == ["No", "Program", "Pagu (Rp)", "Realisasi (Rp)", "Keuangan (%)"]
    for row, (name, pagu, real) in zip(rows[1:], APBN, strict=False):
        assert row[1:] == [name, str(pagu), str(real), pct(real, pagu)]
    pagu = sum(p for _, p, _ in APBN)
    real = sum(r for _, _, r in APBN)
    assert rows[-1] == ["", "Total", str(pagu), str(real), pct(real, pagu)]
    assert rows[-1][2:] == ["2194960000", "2033972202", "92.67"]  # Tabel 3.24's total


def test_dash_cells_are_empty_and_zero_is_a_number(seed) -> None:
    _, files = seed
    rows = read_csv(files[f"{SEED}/unduh/tabel-3-22.csv"])
    header = rows[0]
    assert header == ["No", "Program", "Pagu (Rp)", "Realisasi (Rp)", "Fisik (%)", "Keuangan (%)"]
    # Tabel 3.22 row 3: pagu 0 after refocusing, fisik 0 (a percentage: 0,00 on the page, as
    # every percentage), no absorption ('-' on the page)
    (row,) = [r for r in rows if r[1] == "Program Peningkatan Sarana Distribusi Perdagangan"]
    assert row[2:] == ["0", "0", "0.00", ""]
    total = rows[-1]
    assert total[1:] == ["Total", "13519650516", "13157342972", "", "97.32"]
    assert all("." not in c or re.fullmatch(r"\d+\.\d+", c) for r in rows[1:] for c in r[2:])


def test_xlsx_of_tabel_3_24_has_number_cells(seed) -> None:
    _, files = seed
    cells = read_xlsx(files[f"{SEED}/unduh/tabel-3-24.xlsx"])
    assert (
        cells[(0, 0)] == "Tabel 3.24 Alokasi dan Realisasi Anggaran Program/Kegiatan APBN TA 2021"
    )
    assert [cells[(2, c)] for c in range(5)] == [
        "No",
        "Program",
        "Pagu (Rp)",
        "Realisasi (Rp)",
        "Keuangan (%)",
    ]
    for r, (name, pagu, real) in enumerate(APBN, start=3):
        assert cells[(r, 1)] == name
        assert cells[(r, 2)] == pagu and isinstance(cells[(r, 2)], float)
        assert cells[(r, 3)] == real
        assert cells[(r, 4)] == pytest.approx(float(pct(real, pagu)))
    assert cells[(6, 2)] == 2_194_960_000 and cells[(6, 4)] == pytest.approx(92.67)
    assert cells.get((6, 0), "") == ""  # the total row has no number


def test_xlsx_leaves_dash_cells_empty(seed) -> None:
    _, files = seed
    cells = read_xlsx(files[f"{SEED}/unduh/tabel-3-22.xlsx"])
    (r,) = [
        k[0] for k, v in cells.items() if v == "Program Peningkatan Sarana Distribusi Perdagangan"
    ]
    assert cells[(r, 2)] == 0 and cells[(r, 4)] == 0  # pagu 0, fisik 0
    assert (r, 5) not in cells  # keuangan '-'


def test_every_table_on_a_page_has_both_files(seed) -> None:
    pub, files = seed
    anchors = {a for tables in pub.rendered.values() for a in tables}
    for a in anchors:
        assert f"{SEED}/unduh/{a}.csv" in files or any(k.endswith(f"/unduh/{a}.csv") for k in files)
        assert any(k.endswith(f"/unduh/{a}.xlsx") for k in files)


def small_table() -> Table:
    """Figures are typed cells (what the renderers make); text cells stay text."""
    from decimal import Decimal

    from lkip_build.present.tables import pct, rp
    from lkip_build.present.tables.cells import n

    return Table(
        ["No", "Nama", "Jumlah", "Persen"],
        [
            ["1.", "Satu, dua", n(1500), pct(Decimal("88.6364")).with_suffix(" %")],
            ["2.", "=1+1", n(0), pct(Decimal("99.9999")).with_suffix(" %").marked("*")],
            ["3.", ["a", "b"], rp(None), pct(Decimal("-7.37"))],
        ],
        "llrr",
        nomor="9.9",
        judul="Uji",
        anchor="tabel-9-9",
    )


def test_csv_cells_of_every_sort() -> None:
    rows = read_csv(downloads.as_csv(small_table()))
    assert rows == [
        ["No", "Nama", "Jumlah", "Persen", "Persen (tanda)"],
        ["1.", "Satu, dua", "1500", "88.64", ""],  # quoted comma kept; thousands dot gone
        ["2.", "=1+1", "", "99.99", "*"],  # '-' empty; the mark its own column; never 100
        ["3.", "a; b", "n/a", "-7.37", ""],  # an n/a stays text
    ]


def test_xlsx_cells_of_every_sort() -> None:
    cells = read_xlsx(downloads.as_xlsx(small_table()))
    assert cells[(3, 2)] == 1500.0 and cells[(3, 3)] == pytest.approx(88.64)
    assert cells[(4, 1)] == "=1+1"  # text, never a formula
    assert (4, 2) not in cells
    assert cells[(5, 2)] == "n/a" and cells[(5, 3)] == pytest.approx(-7.37)


def test_files_are_the_same_bytes_every_time() -> None:
    t = small_table()
    assert downloads.as_xlsx(t) == downloads.as_xlsx(t)
    assert downloads.files_for(t) == downloads.files_for(t)
    assert set(downloads.files_for(t)) == {"unduh/tabel-9-9.csv", "unduh/tabel-9-9.xlsx"}


# ---------------------------------------------------------------- the JSON bundle


def test_the_bundle_of_the_seed(seed) -> None:
    pub, files = seed
    data = json.loads(files[f"{SEED}/unduh/{SEED}-data.json"])
    assert data["laporan"] == SEED
    assert data["identitas"]["tahun"] == 2021 and data["identitas"]["tingkat"] == "provinsi"
    folder = ROOT / "data" / SEED
    assert data["sumber_yaml"] == {
        p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yml"))
    }
    by_id = {t["id"]: t for t in data["tabel"]}
    t324 = by_id["tabel-3-24"]
    assert t324["nomor"] == "3.24"
    assert t324["baris"][-1] == ["", "Total", 2_194_960_000, 2_033_972_202, 92.67]
    t32 = by_id["tabel-3-2"]
    rows = {r[1]: r for r in t32["baris"]}
    assert rows["Rata-rata capaian"][t32["kolom"].index("Capaian")] == 81.44  # Tabel 3.2
    # tables in the order of tabel.yml
    assert [t["id"] for t in data["tabel"]][:3] == ["tabel-1-1", "tabel-1-2", "tabel-1-3"]
    nilai = data["nilai"]
    assert nilai["anggaran.apbd.pagu"] == {
        "nilai": 13_519_650_516,
        "jenis": "uang",
        "tampil": "13.519.650.516",
    }
    assert nilai["kinerja.rata_rata"]["tampil"] == "81,44 %"
    assert nilai["indikator.ik-5.target"] == {"nilai": "NA", "jenis": "teks", "tampil": "NA"}
    assert len(data["catatan_verifikasi"]) == len(pub.findings[SEED]) > 0
    assert data["catatan_verifikasi"][0].keys() >= {
        "kode",
        "berkas",
        "baris",
        "tertulis",
        "hasil_hitung",
    }


def test_the_bundle_holds_every_figure_and_every_table_shown(seed) -> None:
    pub, files = seed
    data = json.loads(files[f"{SEED}/unduh/{SEED}-data.json"])
    assert set(data["nilai"]) == set(pub.facts[SEED])
    shown = {
        a for src, tables in pub.rendered.items() if src.startswith(SEED + "/") for a in tables
    }
    assert {t["id"] for t in data["tabel"]} == shown


def test_the_bundle_is_the_same_bytes_every_time(seed, monkeypatch) -> None:
    _, files = seed
    monkeypatch.setattr(charts.Grafik, "svg", lambda self: "<svg></svg>")
    pub = Built(prepare(ROOT), None)
    sources = read_pages(ROOT / "content", pub)
    sources.update(pub.generated(sources)[0])
    pub.expand_pages(sources)
    again = pub.downloads()
    assert again[f"{SEED}/unduh/{SEED}-data.json"] == files[f"{SEED}/unduh/{SEED}-data.json"]


def test_a_report_without_tables_has_a_bundle_too(tmp_path: Path) -> None:
    pub, _ = publish(tmp_path)
    files = pub.downloads()
    data = json.loads(files["uji-2021/unduh/uji-2021-data.json"])
    assert data["tabel"] == [] and data["catatan_verifikasi"] == []
    assert data["nilai"]["laporan.tahun"] == {"nilai": 2021, "jenis": "teks", "tampil": "2021"}
    assert list(data["sumber_yaml"]) == ["laporan.yml"]


# ---------------------------------------------------------------- columns for machines


def test_the_budget_tree_has_a_level_column_not_indentation(seed) -> None:
    """Tabel 3.23 shows program > kegiatan > sub kegiatan by indentation; its CSV says it."""
    _, files = seed
    rows = read_csv(files[f"{SEED}/unduh/tabel-3-23.csv"])
    assert rows[0][:3] == ["No", "Tingkat", "Program/Kegiatan/Sub Kegiatan"]
    assert not any("\u2003" in c or c != c.strip() for r in rows for c in r)
    by_name = {r[2]: r for r in rows[1:]}
    assert by_name["Total anggaran tahun 2021"][1] == "total"
    assert by_name["Program Penunjang Urusan Pemerintah Daerah Provinsi"][:2] == ["I", "program"]
    assert by_name["Administrasi Keuangan Perangkat Daerah"][:2] == ["2", "kegiatan"]
    assert {r[1] for r in rows[1:]} == {"total", "program", "kegiatan", "sub kegiatan"}
    # a sub kegiatan's number is its kegiatan's and its own ("1.1")
    assert all(re.fullmatch(r"\d+\.\d+", r[0]) for r in rows[1:] if r[1] == "sub kegiatan")
    cells = read_xlsx(files[f"{SEED}/unduh/tabel-3-23.xlsx"])
    assert cells[(2, 1)] == "Tingkat" and cells[(4, 1)] == "program"


def test_a_policy_mark_is_its_own_column(seed) -> None:
    """Tabel 3.2: indicator 5's capaian is 100,00 %* (target NA, 100 % by the report's
    policy); the CSV keeps the value and puts the mark beside it."""
    _, files = seed
    rows = read_csv(files[f"{SEED}/unduh/tabel-3-2.csv"])
    head = rows[0]
    capaian, mark = head.index("Capaian"), head.index("Capaian (tanda)")
    assert mark == capaian + 1
    (ik5,) = [r for r in rows if r[0] == "5."]
    assert (ik5[capaian], ik5[mark]) == ("100.00", "*")
    assert [r[0] for r in rows[1:] if r[mark]] == ["5."]  # no other capaian is marked
    (mean,) = [r for r in rows if r[1] == "Rata-rata capaian"]
    assert mean[capaian] == "81.44"


def test_a_figure_with_a_finding_names_it_in_its_own_column(seed) -> None:
    """Tabel 1.1's ASN total (71) and Tabel 1.2's total (70) are the finding that the two
    tables disagree; their rows name it by its anchor on the verification page."""
    pub, files = seed
    rows = read_csv(files[f"{SEED}/unduh/tabel-1-2.csv"])
    assert rows[0][-1] == "Catatan verifikasi"
    marked = [r for r in rows[1:] if r[-1]]
    assert len(marked) == 1 and marked[0][-2] == "70"  # the total row
    # its grand total (70 against Tabel 1.1's 71) and its Sekretariat (24) and Bidang PSDI
    # (7) column totals, which Tabel 1.3 counts otherwise (`sama`)
    anchors = marked[0][-1].split("; ")
    ids = pub.reviews[SEED].ids
    found = [t for i, t in enumerate(pub.findings[SEED]) if ids[i] in anchors]
    assert len(found) == len(anchors) == 3
    assert {t.code for t in found} == {"same-quantity-mismatch"}
    assert {(t.table, t.field) for t in found} == {
        ("Tabel 1.2", "pendidikan.total"),
        ("Tabel 1.3", "golongan.kolom.sekretariat"),
        ("Tabel 1.3", "golongan.kolom.bid-psdi"),
    }
    # a table without any finding has no such column
    assert "Catatan verifikasi" not in read_csv(files[f"{SEED}/unduh/tabel-3-24.csv"])[0]


def test_fisik_is_a_percentage_with_two_decimals(seed) -> None:
    _, files = seed
    rows = read_csv(files[f"{SEED}/unduh/tabel-3-22.csv"])
    fisik = rows[0].index("Fisik (%)")
    assert [r[fisik] for r in rows[1:3]] == ["100.00", "100.00"]


def test_the_bundles_findings_are_in_indonesian_with_numbers(seed) -> None:
    pub, files = seed
    text = files[f"{SEED}/unduh/{SEED}-data.json"].decode()
    found = json.loads(text)["catatan_verifikasi"]
    assert len(found) == len(pub.findings[SEED]) == 40
    (iv,) = [f for f in found if f["isian"] == "jabatan.kelompok.struktural"]
    assert (iv["tertulis"], iv["tertulis_teks"], iv["hasil_hitung"], iv["selisih"]) == (
        20,
        "20",
        21,
        1,
    )
    assert iv["perihal"] == "Jumlah pegawai Jabatan/ Eselon struktural"
    assert iv["sebab"]["kode"] == "moved-between-rows" and iv["sebab"]["id"].startswith("sb-")
    (lost,) = [f for f in found if f["tertulis_teks"] == "13.157.342.97"]
    assert lost["tertulis"] is None and lost["tertulis_terbaca"] is False
    assert lost["selisih"] is None and lost["hasil_hitung"] == 13_157_342_972
    (persen,) = [f for f in found if f["tertulis_teks"] == "99,82"]
    assert (persen["tertulis"], persen["hasil_hitung"]) == (99.82, 98.82)
    assert '"tertulis": 99.82,' in text  # exact, as written: no float noise
    english = {"code", "severity", "file", "line", "stated", "computed", "difference"}
    assert not english & set(found[0])


def test_exact_json_writes_every_digit() -> None:
    """A float would turn 123.456.789.012.345.678 rupiah into ...680 and 0,1 + 0,2 into
    0.30000000000000004; the JSON numbers are the Decimals' own digits."""
    data = {"a": Decimal("123456789012345678"), "b": [Decimal("0.1") + Decimal("0.2")]}
    text = downloads.exact_json(data)
    assert '"a": 123456789012345678' in text and "0.3\n" in text
    assert json.loads(text, parse_int=int, parse_float=Decimal) == {
        "a": 123456789012345678,
        "b": [Decimal("0.3")],
    }
    # a text that looks like the marker stays a text
    tricky = {"t": "\u0000angka:1", "u": "\u0000angka\u0000:2", "n": Decimal("5")}
    assert json.loads(downloads.exact_json(tricky)) == {
        "t": "\u0000angka:1",
        "u": "\u0000angka\u0000:2",
        "n": 5,
    }


def test_xlsx_bytes_are_the_same_from_the_cache(
    seed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workbooks are cached by content: cold, warm and uncached give the same bytes, and a
    changed cell is a different workbook."""
    table = next(t for t in seed[0].tables["ntt-disperindag-lkip-2021"].values() if t.rows)
    monkeypatch.setenv("LKIP_CACHE", "0")
    uncached = downloads.as_xlsx(table)
    monkeypatch.setenv("LKIP_CACHE", str(tmp_path))
    assert downloads.as_xlsx(table) == uncached  # cold: made and stored
    assert list(tmp_path.glob("xlsx/*/*"))
    assert downloads.as_xlsx(table) == uncached  # warm: read back
    changed = Table(table.header, [[*table.rows[0][:-1], "x"], *table.rows[1:]], table.align)
    assert downloads.as_xlsx(changed) != uncached
