"""What a table tells a phone: the column that names its rows and its summary rows.

Golden values are the source document's (seeds/lkip-ntt-disperindag-2021.txt): the rows
it prints as totals and means, with the figure they end in.
"""

from __future__ import annotations

import re

import pytest

from lkip_build.compute import compute_report
from lkip_build.present.regions import wrap_tables
from lkip_build.present.table import Table
from lkip_build.present.tables import render
from lkip_build.problems import Collector

from .conftest import ROOT, built

NTT = "ntt-disperindag-lkip-2021"
# Summary rows as the document prints them (seed lines 35/678, 258, 923, 1194): the
# table, its label (case as the site writes it) and the figure the row ends in.
GOLDEN = [
    ("tabel-3-2", "Rata-rata capaian", "81,44 %"),
    ("tabel-1-4", "Jumlah", "71"),
    ("tabel-3-11", "Total", "160"),
    ("tabel-3-23", "Total anggaran tahun 2021", "97,32"),
]
# "Total anggaran tahun 2021" sums up; "Jumlah Industri Pengolahan Hasil ..." names a row
LOOKS_LIKE_A_SUMMARY = re.compile(r"(jumlah|total|rata-rata)(\s+\S+){0,3}:?", re.I)


@pytest.fixture(scope="module")
def ntt_tables() -> dict[str, Table]:
    from lkip_build.read.report import load_reports

    reports, _ = load_reports(ROOT / "data", ROOT, only=NTT)
    (report,) = reports
    assert report.tabel is not None
    h = compute_report(report, Collector())
    return {t.anchor: t for t in (render(x, h) for x in report.tabel.tabel)}


def _summaries(t: Table) -> list[tuple[str, str]]:
    k = t.key_column - 1
    return [(str(t.rows[i][k]), str(t.rows[i][-1])) for i in sorted(t.ringkasan)]


@pytest.mark.parametrize(("anchor", "label", "value"), GOLDEN)
def test_the_documents_summary_rows_are_marked(
    ntt_tables: dict[str, Table], anchor: str, label: str, value: str
) -> None:
    assert (label, value) in _summaries(ntt_tables[anchor]), _summaries(ntt_tables[anchor])


def test_every_row_that_reads_as_a_total_is_marked(ntt_tables: dict[str, Table]) -> None:
    """A renderer that adds a total or a mean says so (it is what a phone test follows)."""
    missed = [
        (a, t.rows[i][t.key_column - 1])
        for a, t in ntt_tables.items()
        for i, row in enumerate(t.rows)
        if i not in t.ringkasan and LOOKS_LIKE_A_SUMMARY.fullmatch(str(row[t.key_column - 1]))
    ]
    assert not missed, missed
    assert sum(len(t.ringkasan) for t in ntt_tables.values()) >= 15


def test_the_key_column_is_the_name_not_the_number(ntt_tables: dict[str, Table]) -> None:
    keys = {a: t.header[t.key_column - 1] for a, t in ntt_tables.items()}
    assert keys["tabel-3-2"] == "Indikator Kinerja"
    assert keys["tabel-3-1"] == "Skala Pencapaian Kinerja"
    assert keys["tabel-3-23"] == "Program/Kegiatan/Sub Kegiatan"
    assert keys["tabel-1-3"] == "Golongan"
    assert all(k.strip(".").lower() != "no" for k in keys.values()), keys


def test_a_numbering_column_without_a_no_header_is_not_the_key() -> None:
    t = Table(["#", "Uraian", "Nilai"], [["I", "Satu", "1"], ["1.2", "Dua", "2"]], "llr")
    assert t.key_column == 2
    assert Table(["Uraian", "Nilai"], [["Satu", "1"]], "lr").key_column == 1
    assert Table(["A", "B"], [["x", ["panjang sekali", "y"]]], "ll").key_length == 1
    assert Table(["A", "B"], [["x", ["panjang sekali", "y"]]], "ll").key_column == 1


def test_the_region_carries_key_and_summary_rows() -> None:
    """The page says which column names the rows and which rows sum up (the browser test
    and lkip.css read these)."""
    out = built(ROOT).expand_one(f"{NTT}/uji.md", "<!-- lkip:tabel capaian-kinerja -->")
    head = re.search(r'<div class="lkip-tabel[^>]*>', out)
    assert head, out[:300]
    assert 'data-kunci="2"' in head.group(0)
    assert 'data-ringkasan="11 12"' in head.group(0)  # 9 indicators + 2 sub-rows, then these
    assert 'style="--lkip-panjang-kunci: ' in head.group(0)


def test_other_tables_are_wrapped_once_as_named_regions() -> None:
    page = (
        '<h2 id="a">Bab I<a class="headerlink" href="#a">¶</a></h2>\n'
        "<table><thead><tr><th>No</th><th>Nama</th></tr></thead></table>\n"
        '<div class="lkip-tabel" role="region"><table><tr><td>1</td></tr></table></div>\n'
        "<table><tr><th>Tempat</th></tr><tr><td><table><tr><td>x</td></tr></table></td></tr>"
        "</table>"
    )
    out = wrap_tables(page)
    assert out.count('class="lkip-tabel"') == 3  # two wrapped, the region left alone
    assert out.count('<div class="lkip-tabel" tabindex="0" role="region"') == 2
    assert 'data-kunci="2" aria-label="Tabel: Bab I"><table><thead>' in out
    assert 'data-kunci="1" aria-label="Tabel: Bab I"><table><tr><th>Tempat' in out
    assert out.endswith("</table></td></tr></table></div>")
    assert wrap_tables(out) == out


# ---------------------------------------------------------------- phone-first

# The figures each NTT table is read for, as the document's headers name them (seed:
# Tabel 3.2's Target/Realisasi/Capaian, Tabel 3.22's Pagu/Realisasi/Keuangan).
KEY_FIGURES = {
    "tabel-3-2": ["Target", "Realisasi", "Capaian"],
    "tabel-3-3": ["Target", "Realisasi", "Capaian"],
    "tabel-3-22": ["Pagu (Rp)", "Realisasi (Rp)", "Keuangan (%)"],
    "tabel-3-23": ["Pagu Anggaran (Rp)", "Realisasi (Rp)", "Keuangan (%)"],
    "tabel-2-3": ["Pagu 2021 (Rp)"],
    "tabel-1-1": ["ASN (orang)", "Pegawai Honor (orang)", "Jumlah"],
    "tabel-1-3": ["Jumlah"],
    "tabel-3-5": ["Tahun 2020 (Rp)", "Tahun 2021 (Rp)", "Selisih Harga (Rp)", "Persentase (%)"],
    "tabel-3-11": ["Sesuai Standar", "Tidak Sesuai", "Total"],
}


@pytest.mark.parametrize(("anchor", "headers"), KEY_FIGURES.items())
def test_each_kind_names_its_key_figures(
    ntt_tables: dict[str, Table], anchor: str, headers: list[str]
) -> None:
    t = ntt_tables[anchor]
    assert [t.header[c] for c in t.key_figures] == headers


def test_every_table_with_figures_has_key_figures(ntt_tables: dict[str, Table]) -> None:
    """A table with a right-aligned column is read for its figures: a phone shows them."""
    missing = [a for a, t in ntt_tables.items() if "r" in t.align and not t.phone_figures]
    assert not missing, missing


def test_a_column_of_one_value_is_folded_from_the_cells(ntt_tables: dict[str, Table]) -> None:
    t = ntt_tables["tabel-3-2"]
    assert [(t.header[c], v) for c, v in t.folded] == [("Satuan", "%"), ("Tahun Dasar 2020", "NA")]
    block = t.phone_block()
    assert "Tahun Dasar 2020: NA untuk semua baris" in block
    assert "Tampilkan semua kolom</span>" in block  # both hidden columns are in the note
    assert "<div" not in block  # a nested div would end the table's exclusion from search
    # a one-row table: its unit beside the figures ("untuk semua baris" would mislead)
    one = ntt_tables["tabel-3-3"]
    assert "Satuan: %</p>" in one.phone_block()
    # a figure that is NA in every row is folded too, while another stays
    pk = ntt_tables["tabel-2-6"]
    assert [pk.header[c] for c, _ in pk.folded] == ["Realisasi 2020"]
    assert [pk.header[c] for c in pk.phone_figures] == ["Indikator Kinerja", "Target 2021"]
    assert "(Outcome, Benefit, Impact)" in pk.phone_block()


def test_folding_reads_the_cells_not_the_kind() -> None:
    rows: list[list[str | list[str]]] = [
        ["1.", "Satu", "kg", "NA", "10"],
        ["2.", "Dua", "kg", "3", "20"],
        ["", "Jumlah", "", "", "30"],
    ]
    t = Table(
        ["No", "Uraian", "Satuan", "Dasar", "Nilai"],
        rows,
        "lllrr",
        ringkasan=frozenset({2}),
        key_figures=(4,),
    )
    assert t.folded == [(2, "kg")]  # Dasar differs; the summary row's empty cells do not count
    assert 'data-angka="5" data-lipat="3"' in t.phone_attributes()
    assert "Satuan: kg untuk semua baris" in t.phone_block()
    assert "Tampilkan semua kolom (Dasar)" in t.phone_block()
    alone = Table(["No", "Uraian"], [["1.", "x"], ["2.", "y"]], "ll")
    assert (
        alone.folded == []
        and alone.phone_block() == ""
        and "data-angka" not in alone.phone_attributes()
    )
    # a summary row holding another value in that column keeps it as a column
    other = Table(
        ["No", "Uraian", "Satuan", "Nilai"],
        [["1.", "a", "kg", "1"], ["2.", "b", "kg", "2"], ["", "Jumlah", "ton", "3"]],
        "lllr",
        ringkasan=frozenset({2}),
        key_figures=(3,),
    )
    assert other.folded == []


def test_tabel_yml_columns_carry_the_key_figures(ntt_tables: dict[str, Table]) -> None:
    """`kolom` in tabel.yml may leave out or reorder columns: the key figures follow."""
    from dataclasses import replace

    from lkip_build.compute import compute_report
    from lkip_build.read.report import load_reports

    reports, _ = load_reports(ROOT / "data", ROOT, only=NTT)
    (report,) = reports
    assert report.tabel is not None
    h = compute_report(report, Collector())
    t32 = next(x for x in report.tabel.tabel if x.nomor == "3.2")
    drawn = render(replace(t32, kolom=["Indikator Kinerja", "Capaian", "Satuan", "Target"]), h)
    assert [drawn.header[c] for c in drawn.key_figures] == ["Capaian", "Target"]


def test_the_stylesheet_places_every_column_a_table_names() -> None:
    """lkip.css has one rule per column number up to PHONE_COLUMNS for key figures and
    folded columns; a table beyond it scrolls (no data-angka)."""
    from lkip_build.present.table import PHONE_COLUMNS

    css = (ROOT / "content" / "assets" / "lkip.css").read_text(encoding="utf-8")
    for attr in ("data-angka", "data-lipat"):
        pairs = re.findall(attr + r'~="(\d+)"\] table :nth-child\((\d+)\)', css)
        numbers = {int(a) for a, b in pairs if a == b}
        assert numbers == set(range(1, PHONE_COLUMNS + 1)), (attr, sorted(numbers))
    wide = Table(
        [f"k{i}" for i in range(PHONE_COLUMNS + 2)],
        [["x"] * (PHONE_COLUMNS + 2)],
        "l" * (PHONE_COLUMNS + 1) + "r",
        key_figures=(PHONE_COLUMNS + 1,),
    )
    assert wide.phone_figures == () and "data-angka" not in wide.phone_attributes()
