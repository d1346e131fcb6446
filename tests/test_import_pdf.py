"""`lkip import` of a PDF: a report printed by Chromium from HTML with ruled tables (one
of them running on to the next page, under Chromium's own running header and footer)
reads as the tab-separated text a converter writes, and its draft passes `lkip check`; a
PDF with no text, a locked one and a broken one are refused with a message, never a
traceback.

The figures below are typed into the HTML by hand; every printed capaian and percentage is
the half-up result of its row (72,5 / 80 = 90,625 %, printed 90,63 %), so `lkip check`
finds no mismatch when the importer read them right."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from lkip_build.cli import main
from lkip_build.importer import draft
from lkip_build.importer.pdf import PdfError, text_of
from lkip_build.publish import pdf as publish_pdf

from .conftest import ROOT

needs_chromium = pytest.mark.skipif(
    publish_pdf.chromium() is None and not os.environ.get("LKIP_REQUIRE_BROWSER"),
    reason="Chromium (Debian package chromium) is not installed",
)

INDIKATOR = [  # nama, satuan, target, realisasi, capaian as printed
    ("Persentase industri kecil yang dibina", "%", "80", "72,5", "90,63 %"),
    ("Pertumbuhan wirausaha baru", "orang", "120", "111", "92,50 %"),
    ("Indeks kepuasan masyarakat", "indeks", "3,50", "3,15", "90,00 %"),
]
PROGRAM = [  # nama, pagu, realisasi, persen as printed
    ("Program Penunjang Urusan Pemerintahan Daerah", "1.250.000.000", "1.187.500.000", "95,00"),
    ("Program Pengembangan Industri", "875.000.000", "790.125.000", "90,30"),
]
TOTAL = ("2.125.000.000", "1.977.625.000", "93,06")  # 1.977.625.000 / 2.125.000.000 = 93,0647 %

HTML = """\
<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>LKjIP Dinas Contoh 2022</title><style>
body {{ font-family: sans-serif; font-size: 11pt; }}
table {{ border-collapse: collapse; margin: 8pt 0; }}
td, th {{ border: 1px solid black; padding: 3pt 6pt; }}
.sampul {{ page-break-after: always; text-align: center; }}
.garis td, .garis th {{ border-width: 1px 0; }}
</style></head><body>
<div class="sampul">
<p>PEMERINTAH KABUPATEN CONTOH</p>
<p>LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)</p>
<p>DINAS CONTOH KABUPATEN CONTOH TAHUN 2022</p>
</div>
<h1>BAB III AKUNTABILITAS KINERJA</h1>
<p>Capaian kinerja Dinas Contoh tahun 2022 diukur dengan membandingkan target dan realisasi
setiap indikator kinerja utama sebagaimana tercantum dalam Perjanjian Kinerja, sehingga
paragraf ini terbagi atas beberapa baris pada halaman cetak.</p>
<p>Tabel 3.1 Capaian Kinerja Tahun 2022</p>
<table>
<tr><th>No</th><th>Indikator Kinerja</th><th>Satuan</th><th>Target</th><th>Realisasi</th>
<th>Capaian</th></tr>
{indikator}
</table>
<p>Sumber: Dinas Contoh, 2023</p>
<p>Realisasi anggaran tahun 2022 disajikan pada tabel berikut.</p>
<p>Tabel 3.2 Realisasi Anggaran APBD Tahun 2022</p>
<table>
<tr><th>No</th><th>Program</th><th>Pagu (Rp)</th><th>Realisasi (Rp)</th><th>%</th></tr>
{program}
<tr><td></td><td>Jumlah</td><td>{total[0]}</td><td>{total[1]}</td><td>{total[2]}</td></tr>
</table>
<p>Tabel 3.3 Daftar Pelaku Usaha Binaan</p>
<table>
<thead><tr><th>No</th><th>Nama Usaha</th><th>Kecamatan</th></tr></thead>
{usaha}
</table>
<p>Tabel 3.4 Kunjungan Pameran</p>
<table class="garis">
<tr><th>Bulan</th><th>Pengunjung</th></tr>
<tr><td>Maret</td><td>1.240</td></tr>
</table>
</body></html>
"""
USAHA = 45  # rows: the list runs on to the next page, its header printed again there


def _row(n: int, cells: tuple[str, ...]) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in (str(n), *cells)) + "</tr>"


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report printed to PDF by Chromium, as the site prints its own."""
    if publish_pdf.chromium() is None:
        pytest.fail("Chromium required (LKIP_REQUIRE_BROWSER is set) but not installed")
    folder = tmp_path_factory.mktemp("pdfimport")
    page = folder / "laporan.html"
    page.write_text(
        HTML.format(
            indikator="\n".join(_row(n, r) for n, r in enumerate(INDIKATOR, 1)),
            program="\n".join(_row(n, r) for n, r in enumerate(PROGRAM, 1)),
            total=TOTAL,
            usaha="\n".join(_row(n, (f"Usaha Contoh {n}", "Kota")) for n in range(1, USAHA + 1)),
        ),
        encoding="utf-8",
    )
    out = folder / "laporan.pdf"
    exe = publish_pdf.chromium() or "chromium"
    # with Chromium's running header and footer (date, title, address, "1/3") on every page
    flags = [f for f in publish_pdf.FLAGS if f != "--no-pdf-header-footer"]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(publish_pdf, "FLAGS", flags)
        out.write_bytes(publish_pdf._print(exe, page, folder / "tmp.pdf", out))
    return out


@needs_chromium
def test_ruled_tables_become_tab_rows_after_their_caption(report_pdf: Path) -> None:
    lines = text_of(report_pdf).split("\n")
    header = "No\tIndikator Kinerja\tSatuan\tTarget\tRealisasi\tCapaian"
    assert header in lines
    at = lines.index(header)
    assert lines[at - 2 : at] == ["Tabel 3.1 Capaian Kinerja Tahun 2022", ""]
    assert lines[at + 1 : at + 4] == ["\t".join((str(n), *r)) for n, r in enumerate(INDIKATOR, 1)]
    assert lines[at + 4 : at + 6] == ["", "Sumber: Dinas Contoh, 2023"]
    assert "\t".join(("", "Jumlah", *TOTAL)) in lines
    # the running header and footer are left out; the list's two parts, one after the other
    assert not [line for line in lines if "LKjIP Dinas Contoh 2022" in line or "/3" in line]
    head = "No\tNama Usaha\tKecamatan"
    assert lines.count(head) == 2
    rows = [line for line in lines if line.endswith("\tKota")]
    assert rows == [f"{n}\tUsaha Contoh {n}\tKota" for n in range(1, USAHA + 1)]
    # rules between rows only: no table, its rows text
    assert "Maret 1.240" in lines
    # the wrapped paragraph is one line, the cover's centred lines stay apart
    assert any(line.startswith("Capaian kinerja") and "halaman cetak." in line for line in lines)
    assert "PEMERINTAH KABUPATEN CONTOH" in lines


@needs_chromium
def test_draft_from_pdf_has_the_typed_figures(report_pdf: Path) -> None:
    files = draft.make(text_of(report_pdf), "uji", "x.pdf").files
    indikator = yaml.safe_load(files["data/uji/indikator.yml"])["indikator"]
    assert [(i["nama"], i["satuan"]) for i in indikator] == [r[:2] for r in INDIKATOR]
    assert [str(i["target"]) for i in indikator] == [r[2] for r in INDIKATOR]
    assert [str(i["realisasi"]["a"]["nilai"]) for i in indikator] == [r[3] for r in INDIKATOR]
    assert [i["tertulis"][0]["nilai"]["capaian"] for i in indikator] == [r[4] for r in INDIKATOR]
    (sumber,) = yaml.safe_load(files["data/uji/anggaran.yml"])["sumber"]
    assert sumber["nama"] == "APBD"
    assert [(p["nama"], p["pagu"], p["realisasi"]) for p in sumber["program"]] == [
        r[:3] for r in PROGRAM
    ]
    tabel = yaml.safe_load(files["data/uji/tabel.yml"])["tabel"]
    assert [(t["nomor"], t["jenis"]) for t in tabel] == [
        ("3.1", "capaian"),
        ("3.2", "anggaran-program"),
        ("3.3", "daftar"),
    ]
    # the list cut by the page break is one table again
    (daftar,) = yaml.safe_load(files["data/uji/daftar.yml"])["daftar"]
    assert [b["nama_usaha"] for b in daftar["baris"]] == [
        f"Usaha Contoh {n}" for n in range(1, USAHA + 1)
    ]


@needs_chromium
def test_lkip_check_finds_no_error_in_the_draft(
    report_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(report_pdf), "--id", "uji"]) == 0
    out = capsys.readouterr().out
    assert "capaian" in out and "Tabel 3.1" in out and "Tabel 3.2" in out
    assert main(["check", "data/uji"]) == 0
    out = capsys.readouterr().out
    assert "0 kesalahan" in out  # the printed capaian, percentages and the total all agree


def _blank_pdf(path: Path, password: str = "") -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    with path.open("wb") as f:
        writer.write(f)
    return path


def _broken_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\nbukan PDF\n")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_blank_pdf, "PDF ini tidak memuat teks (hasil pindai?)"),
        (lambda p: _blank_pdf(p, "rahasia"), "PDF ini terkunci kata sandi"),
        (_broken_pdf, "PDF ini rusak"),
    ],
    ids=["pindai", "terkunci", "rusak"],
)
def test_unreadable_pdf_is_refused_with_a_message(
    make: Callable[[Path], Path], message: str, tmp_path: Path
) -> None:
    source = make(tmp_path / "laporan.pdf")
    with pytest.raises(PdfError, match=re.escape(message)):
        text_of(source)
    done = subprocess.run(
        [sys.executable, "-m", "lkip_build.cli", "import", str(source), "--id", "uji"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"lkip import: {message}") and str(source) in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "data").exists()


def test_without_pdfplumber_the_message_says_make_setup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(PdfError, match="make setup"):
        text_of(_blank_pdf(tmp_path / "laporan.pdf"))


def test_text_sources_are_read_as_before(tmp_path: Path) -> None:
    source = tmp_path / "laporan.txt"
    source.write_text("a\tb\n", encoding="utf-8")
    assert text_of(source) == "a\tb\n"
