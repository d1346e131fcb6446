"""The verification page ("Catatan Verifikasi Data") and its JSON: findings grouped by the
page a table is on, a report without findings, and the findings file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lkip_build import charts, verification
from lkip_build.site import prepare, read_pages

from .conftest import FINDING_KEYS, LAPORAN, ROOT, Built, publish

RID = "uji-2021"
SEED = "ntt-disperindag-lkip-2021"

HALAMAN = """\
halaman:
  - file: index.md
    judul: Sampul
  - file: ringkasan.md
    judul: Ringkasan Eksekutif
  - file: anggaran.md
    judul: Bab II Perencanaan Kinerja
  - file: bab-3.md
    judul: Bab III Akuntabilitas Kinerja
"""


def laporan(blocking: bool = False) -> str:
    head = LAPORAN.format(id=RID).split("halaman:")[0]
    policy = "" if blocking else "kebijakan:\n  temuan_memblokir: tidak\n"
    return head + policy + HALAMAN


# Tabel 3.22 is placed on the page of Bab II (not the chapter its number suggests): its
# findings go where the table is. Each stated figure below is wrong on purpose.
ANGGARAN = """\
tahun: 2021
sumber:
  - id: apbd
    nama: APBD
    program:
      - id: p1
        nama: Program Satu
        pagu: 1.000
        realisasi: 500
        tertulis:
          - di: Tabel 3.22
            nilai: {persen: "55,00", pagu: "1.100"}
          - di: Bab III teks
            nilai: {realisasi: "600"}
          - di: Ringkasan Eksekutif
            nilai: {pagu: "1.000"}
          - di: Lampiran PK
            nilai: {pagu: "900"}
"""
TABEL = """\
tabel:
  - {id: apbd, nomor: "3.22", judul: Anggaran APBD, jenis: anggaran-program, sumber: [apbd]}
"""
PAGES = {
    "index.md": "# Sampul\n",
    "ringkasan.md": "# Ringkasan\n",
    "anggaran.md": "# Bab II\n\n<!-- lkip:tabel apbd -->\n",
    "bab-3.md": "# Bab III\n",
}


@pytest.fixture(scope="module")
def grouped(tmp_path_factory):
    pub, out = publish(
        tmp_path_factory.mktemp("verifikasi"),
        {"anggaran.yml": ANGGARAN, "tabel.yml": TABEL},
        PAGES,
        laporan(),
    )
    return pub, out[f"{RID}/{verification.PAGE}"]


def sections(page: str) -> dict[str, list[str]]:
    """Heading -> the table rows under it."""
    out: dict[str, list[str]] = {}
    current = ""
    for line in page.splitlines():
        if line.startswith("## "):
            current = line[3:]
            out[current] = []
        elif line.startswith("| ") and current and not line.startswith(("| Tempat", "| :--")):
            out[current].append(line)
    return out


def test_findings_are_grouped_by_the_page_a_table_is_on(grouped) -> None:
    _, page = grouped
    got = sections(page)
    # reading order of laporan.yml's halaman; the unplaced "Lampiran PK" comes last
    assert list(got) == [
        "Bab II Perencanaan Kinerja",
        "Bab III Akuntabilitas Kinerja",
        "Lainnya",
    ]
    bab2 = got["Bab II Perencanaan Kinerja"]
    assert len(bab2) == 2  # persen 50,00 vs 55,00 and pagu 1.000 vs 1.100, both Tabel 3.22
    assert all("[Tabel 3.22](anggaran.md#tabel-3-22) |" in r for r in bab2)
    assert any("| 55,00 | 50,00 |" in r for r in bab2)
    assert any("| 1.100 | 1.000 |" in r for r in bab2)
    (bab3,) = got["Bab III Akuntabilitas Kinerja"]  # "Bab III teks" matches "Bab III ..."
    assert "| 600 | 500 |" in bab3
    (other,) = got["Lainnya"]
    assert "Lampiran PK |" in other and "| 900 | 1.000 |" in other


def test_a_correct_stated_figure_is_no_finding(grouped) -> None:
    pub, page = grouped
    assert "Ringkasan Eksekutif" not in sections(page)  # pagu stated 1.000: correct
    assert len(pub.findings[RID]) == 4


def test_each_finding_is_one_row_with_its_source_and_code(grouped) -> None:
    pub, page = grouped
    rows = [r for rows in sections(page).values() for r in rows]
    assert len(rows) == len(pub.findings[RID])
    for r in rows:
        assert re.search(r"\(data/uji-2021/anggaran\.yml:\d+, `stated-mismatch`\)", r), r
        assert "**Tidak konsisten**" in r


def test_the_summary_counts_and_says_what_a_finding_means(grouped, tmp_path: Path) -> None:
    _, page = grouped
    assert "**Ringkasan:** 4 tidak konsisten, 0 perlu diperiksa, 0 catatan." in page
    assert "Dokumen ini sudah terbit" in page


def test_a_new_report_is_held_back_by_its_findings(tmp_path: Path) -> None:
    pub, _ = publish(tmp_path, {"anggaran.yml": ANGGARAN, "tabel.yml": TABEL}, PAGES, laporan(True))
    page = pub.expand_one(f"{RID}/{verification.PAGE}", "<!-- lkip:catatan-verifikasi -->")
    assert "belum boleh terbit" in page
    assert len(pub.blocking()) == 4


def test_a_report_with_no_findings(tmp_path: Path) -> None:
    good = ANGGARAN.split("        tertulis:")[0]
    pub, out = publish(tmp_path, {"anggaran.yml": good, "tabel.yml": TABEL}, PAGES, laporan())
    page = out[f"{RID}/{verification.PAGE}"]
    assert pub.findings[RID] == []
    assert "**Ringkasan:** 0 tidak konsisten, 0 perlu diperiksa, 0 catatan." in page
    assert "Tidak ada temuan" in page
    assert "## " not in page and "| Tempat |" not in page
    _, files = pub.generated(read_pages(tmp_path / "content", pub))
    assert files[f"{RID}/{verification.JSON}"] == "[]\n"


def test_the_json_holds_every_finding_with_its_fields(grouped, tmp_path: Path) -> None:
    pub, _ = grouped
    _, files = pub.generated({})
    text = files[f"{RID}/{verification.JSON}"]
    found = json.loads(text)
    assert len(found) == 4
    for f in found:
        assert set(f) == FINDING_KEYS
        assert f["code"] == "stated-mismatch" and f["severity"] == "error"
        assert f["file"] == "data/uji-2021/anggaran.yml" and f["line"] > 0
    assert {(f["table"], f["stated"], f["computed"]) for f in found} == {
        ("Tabel 3.22", "55,00", "50,00"),
        ("Tabel 3.22", "1.100", "1.000"),
        ("Bab III teks", "600", "500"),
        ("Lampiran PK", "900", "1.000"),
    }
    # stable: sorted keys, the same bytes for the same findings
    assert text == verification.as_json(list(pub.findings[RID]))
    assert text == json.dumps(found, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_an_editors_own_verification_page_is_kept(tmp_path: Path) -> None:
    pages = {**PAGES, "catatan-verifikasi.md": "# Catatan\n\nSendiri.\n"}
    _, out = publish(tmp_path, {"anggaran.yml": ANGGARAN, "tabel.yml": TABEL}, pages, laporan())
    assert out[f"{RID}/{verification.PAGE}"] == "# Catatan\n\nSendiri.\n"


@pytest.mark.parametrize(
    ("code", "severity", "label"),
    [
        ("stated-mismatch", "error", "Tidak konsisten"),
        ("stated-unreadable", "warning", "Perlu diperiksa"),
        ("capaian-na", "info", "Catatan"),
        ("policy-applied", "info", "Kebijakan laporan"),
    ],
)
def test_labels(code: str, severity: str, label: str) -> None:
    from lkip_build.model import Location
    from lkip_build.problems import problem

    p = problem(code, Location("data/x/a.yml", 3), "pesan")
    assert p.severity == severity
    assert verification._label(p) == label


BUDGET_OVER = """\
tahun: 2021
sumber:
  - id: apbd
    nama: APBD
    program:
      - {id: p1, nama: Program Satu, pagu: 100, realisasi: 120}
"""


def test_a_budget_warning_goes_to_the_page_of_its_table(tmp_path: Path) -> None:
    tabel = TABEL
    pages = {
        **PAGES,
        "anggaran.md": "# Bab II\n",
        "bab-3.md": "# Bab III\n\n<!-- lkip:tabel apbd -->\n",
    }
    pub, out = publish(
        tmp_path, {"anggaran.yml": BUDGET_OVER, "tabel.yml": tabel}, pages, laporan()
    )
    assert [t.code for t in pub.findings[RID]] == ["realisasi-over-pagu"]
    got = sections(out[f"{RID}/{verification.PAGE}"])
    assert list(got) == ["Bab III Akuntabilitas Kinerja"]


# ---------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed():
    with pytest.MonkeyPatch.context() as mp:  # no chart drawing: not what is checked here
        mp.setattr(charts.Grafik, "svg", lambda self: "<svg></svg>")
        pub = Built(prepare(ROOT), None)
        sources = read_pages(ROOT / "content", pub)
        sources.update(pub.generated(sources)[0])
        out = pub.expand_pages(sources)
    return pub, out[f"{SEED}/{verification.PAGE}"]


def test_every_finding_of_the_seed_is_one_row(seed) -> None:
    pub, page = seed
    rows = [r for rows in sections(page).values() for r in rows]
    assert len(rows) == len(pub.findings[SEED]) > 0


def test_the_seeds_budget_findings_are_on_the_page_of_bab_iii(seed) -> None:
    _, page = seed
    got = sections(page)
    rows = got["Bab III Akuntabilitas Kinerja"]
    # Tabel 3.22 prints the APBD total realisasi as 13.157.342.97 (13.157.342.972 computed)
    assert any(
        "[Tabel 3.22](bab-3-akuntabilitas-kinerja.md#tabel-3-22) |" in r and "13.157.342.97 |" in r
        for r in rows
    )
    # Bab 3.3 states the APBN pagu as 2.126.308.000 where Tabel 3.24 sums to 2.194.960.000
    assert any("Bab 3.3 teks APBN" in r and "2.126.308.000" in r for r in rows)
    # Tabel 3.2 is on the page of Bab III: the policy note of indicator 5 (target NA) is there
    assert any("ik-5.capaian" in r and "**Kebijakan laporan**" in r for r in rows)
