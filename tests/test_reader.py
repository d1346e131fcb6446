"""What a public reader takes away: downloads, charts, the print view and the PDF."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from lkip_build import model as m
from lkip_build.compute import compute_report
from lkip_build.present import charts
from lkip_build.problems import Collector
from lkip_build.read.report import Report

from .conftest import ROOT, build, model_laporan

SEED = "ntt-disperindag-lkip-2021"


@pytest.fixture
def site(repo_site: Path) -> Path:
    return repo_site


def page_html(site: Path, page: str) -> str:
    return (site / SEED / page / "index.html").read_text(encoding="utf-8")


def test_every_numbered_table_has_working_csv_and_xlsx(site: Path) -> None:
    tables = re.findall(r'href="[^"#]*#(tabel-\d+-\d+)"', page_html(site, "daftar-tabel"))
    assert len(tables) == 35
    for anchor in tables:
        csv_file = site / SEED / "unduh" / f"{anchor}.csv"
        xlsx_file = site / SEED / "unduh" / f"{anchor}.xlsx"
        rows = list(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
        assert len(rows) >= 2 and all(rows[0]), anchor
        with zipfile.ZipFile(xlsx_file) as book:
            assert "xl/worksheets/sheet1.xml" in book.namelist()
    # the links are under the tables, relative to the page
    bab3 = page_html(site, "bab-3-akuntabilitas-kinerja")
    assert 'href="../unduh/tabel-3-22.csv"' in bab3 and 'href="../unduh/tabel-3-22.xlsx"' in bab3


def test_numbers_are_numbers_in_the_downloads(site: Path) -> None:
    rows = list(
        csv.reader(
            io.StringIO((site / SEED / "unduh" / "tabel-3-22.csv").read_text(encoding="utf-8-sig"))
        )
    )
    total = rows[-1]
    assert total[1:4] == ["Total", "13519650516", "13157342972"] and total[-1] == "97.32"
    with zipfile.ZipFile(site / SEED / "unduh" / "tabel-3-22.xlsx") as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert re.search(r'<c r="C4"[^>]*><v>11897548816</v></c>', sheet)  # a number cell, not text


def test_the_data_bundle(site: Path) -> None:
    data = json.loads((site / SEED / "unduh" / f"{SEED}-data.json").read_text(encoding="utf-8"))
    assert set(data["sumber_yaml"]) >= {"laporan.yml", "anggaran.yml", "indikator.yml"}
    by_id = {t["id"]: t for t in data["tabel"]}
    t32 = by_id["tabel-3-2"]
    assert t32["baris"][-2][t32["kolom"].index("Capaian")] == 81.44
    assert data["nilai"]["anggaran.apbd.pagu"]["nilai"] == 13519650516
    assert data["catatan_verifikasi"] and "kode" in data["catatan_verifikasi"][0]


def test_charts_have_a_title_and_a_text_alternative(site: Path) -> None:
    bab3 = page_html(site, "bab-3-akuntabilitas-kinerja")
    figures = re.findall(
        r'<figure class="lkip-grafik">\s*<picture><source media="\(max-width: 600px\)" '
        r'srcset="[^"]+-sempit\.svg"><img alt="([^"]+)" src="([^"]+)" /></picture>\s*'
        r"<figcaption>([^<]+)</figcaption>",
        bab3,
    )
    assert len(figures) == 5
    for alt, src, caption in figures:
        assert len(alt) > 40 and caption.startswith("Grafik: ")
        svg = (
            (site / SEED / "bab-3-akuntabilitas-kinerja" / src)
            .resolve()
            .read_text(encoding="utf-8")
        )
        assert svg.startswith("<svg") and "<script" not in svg
    assert "Rata-rata 81,44 % (Berhasil)" in figures[0][0]


def _lower_is_better_met() -> charts.Grafik:
    ind = m.Indikator(
        id="x",
        nama="Inflasi",
        target=Decimal(10),
        aturan=m.Aturan(jenis="kebalikan"),
        realisasi=m.Rumus(jenis="langsung", a=m.Masukan(nilai=Decimal(8))),
    )
    lap = model_laporan(None, ((85, "Sangat Berhasil"), (None, "Belum Berhasil")))
    h = compute_report(
        Report(folder="x", laporan=lap, kinerja=m.Kinerja(sasaran_strategis="x", indikator=[ind])),
        Collector(),
    )
    return charts.capaian(h)


def test_colours_follow_the_category_not_the_direction() -> None:
    chart = _lower_is_better_met()  # realisasi 8 below target 10, lower is better: met
    assert chart.data[0]["kategori"] == "Sangat Berhasil"
    assert chart.warna["Sangat Berhasil"] == charts.WARNA_KATEGORI[0]  # green
    bars = next(x for x in chart.spec["layer"] if x["mark"]["type"] == "rect")  # type: ignore[union-attr,index]
    scale = bars["encoding"]["color"]["scale"]
    assert scale["range"][scale["domain"].index("Sangat Berhasil")] == charts.WARNA_KATEGORI[0]


def test_a_price_fall_is_shown_as_good(site: Path) -> None:
    from lkip_build.publish.site import prepare

    h = prepare(ROOT).by_id[SEED]
    chart = charts.harga(h, "bahan-pokok")
    colour = chart.warna
    assert colour["turun"] == charts.BAIK and colour["naik"] == charts.BURUK
    beras = next(v for v in chart.data if v["barang"] == "Beras")
    assert beras["arah"] == "turun"


def test_print_view_holds_the_whole_report_in_order(site: Path) -> None:
    raw = page_html(site, "cetak")
    anchors = re.findall(r'id="(tabel-\d+-\d+)"', raw)
    assert len(anchors) == 35 and len(set(anchors)) == 35
    body = raw[raw.index("<article") :]
    order = [
        body.index(h)
        for h in (
            "Ringkasan Eksekutif",
            "Daftar Tabel",
            "Bab I Pendahuluan",
            "Bab IV Penutup",
            "Lembar Verifikasi",
        )
    ]
    assert order == sorted(order)
    assert 'href="#tabel-3-2"' in raw  # Daftar Tabel links inside the page
    # the print view starts with the report's title: no front matter or stray text before it
    text = " ".join(re.sub(r"<[^>]+>", " ", body[: body.index("lkip-sampul")]).split())
    assert text.startswith("Laporan Kinerja Instansi Pemerintah (LKIP) Tahun 2021"), text[:120]
    assert "search:" not in re.sub(r"<[^>]+>", " ", body)
    assert "@media print" in (ROOT / "content" / "assets" / "lkip.css").read_text(encoding="utf-8")


@pytest.mark.skipif(
    shutil.which("chromium") is None, reason="Chromium (Debian package chromium) is not installed"
)
def test_the_pdf_exists_opens_and_is_linked(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = build(ROOT / "mkdocs.yml", out, pdf=True)
    assert result.returncode == 0, result.stderr
    pdf = (out / SEED / f"{SEED}.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 20
    assert f'href="{SEED}.pdf"'.encode() in (out / SEED / "index.html").read_bytes()
