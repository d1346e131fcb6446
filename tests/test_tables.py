"""Rendered tables as golden Markdown: input and expected output side by side.

The expected values are the seed's own (Tabel 1.1 and 3.24 of the LKIP), typed from the
document, not produced by the code under test.
"""

from __future__ import annotations

from lkip_build.compute import compute_report
from lkip_build.present.table import Table, cell_text
from lkip_build.present.tables import render
from lkip_build.problems import Collector
from lkip_build.read.report import load_reports

from .conftest import ROOT

TABEL = """\
tabel:
  - id: t
    nomor: "1.1"
    judul: Komposisi Pegawai Berdasarkan Jenis Kelamin
    jenis: komposisi
    sumber: [jenis-kelamin]
    sumber_data: Dinas Uji
  - id: apbn
    nomor: "3.24"
    judul: Alokasi dan Realisasi Anggaran APBN
    jenis: anggaran-program
    sumber: [apbn]
"""

PEGAWAI = """\
komposisi:
  - id: jenis-kelamin
    judul_baris: Jenis Kelamin
    kolom: [ASN (orang), Pegawai Honor (orang)]
    baris:
      - label: Laki-laki
        nilai: [40, 31]
      - label: Perempuan
        nilai: [31, 35]
"""

ANGGARAN = """\
tahun: 2021
sumber:
  - id: apbn
    nama: APBN
    program:
      - nama: Program Nilai Tambah dan Daya Saing Industri
        pagu: 982.700.000
        realisasi: 968.060.100
      - nama: Program Pengembangan Perdagangan Dalam Negeri
        pagu: 727.377.000
        realisasi: 607.020.102
      - nama: Program Peningkatan Perdagangan Luar Negeri
        pagu: 484.883.000
        realisasi: 458.892.000
"""

TWO_SPACES = "  "  # a Markdown line break after each note

GOLDEN_1_1 = f"""\
<p class="lkip-judul-tabel" id="tabel-1-1"><strong>Tabel 1.1</strong> Komposisi Pegawai Berdasarkan Jenis Kelamin</p>

| No | Jenis Kelamin | ASN (orang) | Pegawai Honor (orang) | Jumlah |
| :-- | :-- | --: | --: | --: |
| 1 | Laki-laki | 40 | 31 | 71 |
| 2 | Perempuan | 31 | 35 | 66 |
|  | **Jumlah** | **71** | **66** | **137** |

<div class="lkip-catatan-tabel" markdown="1">

Sumber Data: Dinas Uji{TWO_SPACES}

</div>
"""

GOLDEN_3_24 = f"""\
<p class="lkip-judul-tabel" id="tabel-3-24"><strong>Tabel 3.24</strong> Alokasi dan Realisasi Anggaran APBN</p>

| No | Program | Pagu (Rp) | Realisasi (Rp) | Keuangan (%) |
| :-- | :-- | --: | --: | --: |
| 1. | Program Nilai Tambah dan Daya Saing Industri | 982.700.000 | 968.060.100 | 98,51 |
| 2. | Program Pengembangan Perdagangan Dalam Negeri | 727.377.000 | 607.020.102 | 83,45 |
| 3. | Program Peningkatan Perdagangan Luar Negeri | 484.883.000 | 458.892.000 | 94,64 |
|  | **Total** | **2.194.960.000** | **2.033.972.202** | **92,67** |

<div class="lkip-catatan-tabel" markdown="1">

Persentase total dan baris induk: jumlah realisasi / jumlah pagu × 100 %.{TWO_SPACES}

</div>
"""


def computed(make_report):
    data = make_report({"tabel.yml": TABEL, "pegawai.yml": PEGAWAI, "anggaran.yml": ANGGARAN})
    reports, problems = load_reports(data, data.parent)
    assert not problems.problems
    c = Collector()
    h = compute_report(reports[0], c)
    assert not c.problems
    return h, {t.id: t for t in reports[0].tabel.tabel}


def test_staff_table_golden(make_report) -> None:
    h, tables = computed(make_report)
    assert render(tables["t"], h).as_markdown() == GOLDEN_1_1


def test_budget_table_golden(make_report) -> None:
    h, tables = computed(make_report)
    assert render(tables["apbn"], h).as_markdown() == GOLDEN_3_24


def test_cells_are_escaped() -> None:
    assert cell_text("a | b") == "a \\| b"
    assert cell_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert cell_text("*tebal* _miring_") == "\\*tebal\\* \\_miring\\_"
    assert cell_text(["baris 1", "baris 2"]) == "• baris 1<br> • baris 2"
    assert cell_text(["satu"]) == "satu"
    assert cell_text("dua\nbaris") == "dua baris"


def test_table_width_must_agree() -> None:
    import pytest

    with pytest.raises(ValueError):
        Table(["a", "b"], [["1"]], "ll")


def test_pagu_zero_shows_no_percentage(make_report) -> None:
    budget = ANGGARAN.replace(
        "pagu: 484.883.000\n        realisasi: 458.892.000", "pagu: 0\n        realisasi: 0"
    )
    data = make_report({"tabel.yml": TABEL, "anggaran.yml": budget})
    reports, _ = load_reports(data, data.parent)
    h = compute_report(reports[0], Collector())
    md = render(next(t for t in reports[0].tabel.tabel if t.id == "apbn"), h).as_markdown()
    assert "| 3. | Program Peningkatan Perdagangan Luar Negeri | 0 | 0 | - |" in md


def test_a_capaian_the_document_did_not_print_is_marked() -> None:
    """The Dinkes Sulteng LKIP 2019 (corpus) prints target and realisasi but no capaian:
    the editor chose the rule, so each capaian the site computed is marked † with a note,
    never shown exactly like a printed one. NTT prints every capaian it assesses: none."""
    from lkip_build.present.tables.indicators import UNPRINTED
    from lkip_build.publish.site import prepare

    corpus = ROOT / "tests" / "corpus" / "prov-sulteng-dinkes-lkip-2019"
    pub = prepare(corpus, corpus / "data")
    (tables,) = pub.tables.values()
    marked = [t for t in tables.values() if UNPRINTED in t.catatan]
    assert marked, [t.catatan for t in tables.values()]
    cells = [str(c) for t in marked for row in t.rows for c in row]
    assert any(c.endswith("%†") or "†" in c for c in cells), cells
    ntt = prepare(ROOT, only="ntt-disperindag-lkip-2021")
    assert not any(UNPRINTED in t.catatan for t in ntt.tables["ntt-disperindag-lkip-2021"].values())
