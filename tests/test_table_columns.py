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
