"""The verification page ("Catatan Verifikasi Data") and its JSON: findings grouped by the
page a table is on, a report without findings, and the findings file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lkip_build.present import charts, verification
from lkip_build.publish.site import prepare, read_pages
from lkip_build.tools import accept

from .conftest import LAPORAN, PUBLIC_FINDING_KEYS, ROOT, Built, publish

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


def laporan() -> str:
    return LAPORAN.format(id=RID).split("halaman:")[0] + HALAMAN


def published(root: Path, files: dict[str, str], pages: dict[str, str]):
    """A published document: its notes listed in diterima.yml (`lkip check --terima`)."""
    publish(root, files, pages, laporan())
    accept.write(root, root / "data", RID)
    return publish(root, files, pages, laporan())


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
    pub, out = published(
        tmp_path_factory.mktemp("verifikasi"),
        {"anggaran.yml": ANGGARAN, "tabel.yml": TABEL},
        PAGES,
    )
    return pub, out[f"{RID}/{verification.PAGE}"]


def sections(page: str) -> dict[str, dict[str, list[str]]]:
    """Chapter heading -> group heading (a table or paragraph, with its link) -> the
    findings under it (one HTML block each)."""
    out: dict[str, dict[str, list[str]]] = {}
    chapter = group = ""
    for line in page.splitlines():
        if line.startswith("## "):
            chapter, group = line[3:], ""
            out[chapter] = {}
        elif line.startswith("### "):
            group = line[4:]
            out[chapter][group] = []
        elif line.startswith('<div class="lkip-temuan'):
            assert chapter and group, line
            out[chapter][group].append(line)
    return out


def findings_of(page: str) -> list[str]:
    return [f for groups in sections(page).values() for fs in groups.values() for f in fs]


def test_findings_are_grouped_by_page_then_by_table_or_paragraph(grouped) -> None:
    _, page = grouped
    got = sections(page)
    # reading order of laporan.yml's halaman; the unplaced "Lampiran PK" comes last
    assert list(got) == [
        "Bab II Perencanaan Kinerja",
        "Bab III Akuntabilitas Kinerja",
        "Lainnya",
    ]
    # the table's group: its number and title, linked to its anchor on the page it is on
    assert list(got["Bab II Perencanaan Kinerja"]) == [
        "[Tabel 3.22 Anggaran APBD](anggaran.md#tabel-3-22)"
    ]
    bab2 = got["Bab II Perencanaan Kinerja"]["[Tabel 3.22 Anggaran APBD](anggaran.md#tabel-3-22)"]
    assert len(bab2) == 2  # persen 50,00 vs 55,00 and pagu 1.000 vs 1.100, both Tabel 3.22
    # ranked by what is at stake: the budget's rupiah before percentage points
    assert "Pagu program" in bab2[0] and "Persentase realisasi" in bab2[1]
    assert any(
        "Persentase realisasi keuangan program “Program Satu” (APBD): Tabel 3.22 menulis "
        "55,00, hasil hitung dari data 50,00 (selisih 5,00)." in f
        for f in bab2
    )
    assert any(
        "Pagu program “Program Satu” (APBD): Tabel 3.22 menulis 1.100, hasil hitung dari data "
        "1.000 (selisih 100)." in f
        for f in bab2
    )
    # a paragraph's group: its place in words, linked to the page it matches
    ((head, (bab3,)),) = got["Bab III Akuntabilitas Kinerja"].items()
    assert head == "[Teks Bab III](bab-3.md)"
    assert "teks Bab III menulis 600, hasil hitung dari data 500 (selisih 100)." in bab3
    ((head, (other,)),) = got["Lainnya"].items()
    assert head == "Lampiran PK"  # no page to link to
    assert "Lampiran PK menulis 900, hasil hitung dari data 1.000" in other


def test_a_correct_stated_figure_is_no_finding(grouped) -> None:
    pub, page = grouped
    assert "Ringkasan Eksekutif" not in sections(page)  # pagu stated 1.000: correct
    assert len(pub.findings[RID]) == 4


def test_each_finding_has_its_anchor_and_folds_what_editors_need(grouped) -> None:
    pub, page = grouped
    found = findings_of(page)
    assert len(found) == len(pub.findings[RID])
    ids = sorted(re.search(r'id="(cv-[0-9a-f]{8})"', f).group(1) for f in found)
    assert ids == sorted(pub.reviews[RID].ids)
    for f in found:
        shown, details = f.split('<details class="lkip-rincian" data-search-exclude>')
        assert shown.count("<strong>Angka tidak cocok.</strong>") == 1
        assert "Diterbitkan sebagaimana tercetak: tercetak demikian di dokumen" in shown
        # the sentence a citizen reads names no file, line, code or field path
        for internal in ("data/uji-2021", ".yml", "stated-mismatch", "p1.", "apbd/"):
            assert internal not in shown, (internal, shown)
        assert "<summary>Rincian untuk penyunting</summary>" in details
        assert re.search(r"<code>data/uji-2021/anggaran\.yml:\d+</code>", details), details
        assert "<code>stated-mismatch</code>" in details
        assert re.search(r"<code>apbd(/p1)?\.(persen|pagu|realisasi)</code>", details), details


def test_no_english_and_no_build_on_the_page(grouped) -> None:
    _, page = grouped
    public = re.sub(r"<details[ >].*?</details>", "", page)  # what a citizen reads unfolded
    public = re.sub(r"<[^>]*>|\]\([^)]*\)", "", public)  # tags and link targets are not read
    for word in ("build", "error", "warning", "mismatch", "finding", "temuan"):
        assert word not in public.lower(), word


# ---------------------------------------------------------------- the summary, three cases


def test_findings_of_a_published_document_are_shown_not_refused(grouped) -> None:
    _, page = grouped
    assert (
        "**Ringkasan:** 4 angka tidak cocok, 0 perlu diperiksa, 0 catatan (3 menyangkut "
        "anggaran). Dokumen ini sudah terbit; angka yang tidak cocok di dalamnya ditampilkan "
        "di bawah sebagaimana tercetak" in page
    )
    assert "belum boleh terbit" not in page


def test_a_new_report_is_held_back_by_its_findings(tmp_path: Path) -> None:
    pub, _ = publish(tmp_path, {"anggaran.yml": ANGGARAN, "tabel.yml": TABEL}, PAGES, laporan())
    page = pub.expand_one(f"{RID}/{verification.PAGE}", "<!-- lkip:catatan-verifikasi -->")
    assert (
        "**Ringkasan:** 4 angka tidak cocok, 0 perlu diperiksa, 0 catatan (3 menyangkut "
        "anggaran). Laporan ini belum boleh terbit: 4 angka tidak cocok belum ditinjau "
        "(ditandai **Baru**)." in page
    )
    assert "sudah terbit" not in page and page.count("<strong>Baru</strong>: belum ditinjau") == 4
    assert len(pub.reviews[RID].new(pub.findings[RID])) == 4


def test_a_report_with_no_findings(tmp_path: Path) -> None:
    """Lebak's case: a new mismatch would block its publication, and it has none."""
    good = ANGGARAN.split("        tertulis:")[0]
    pub, out = publish(tmp_path, {"anggaran.yml": good, "tabel.yml": TABEL}, PAGES, laporan())
    page = out[f"{RID}/{verification.PAGE}"]
    assert pub.findings[RID] == []
    assert (
        "**Ringkasan:** 0 angka tidak cocok, 0 perlu diperiksa, 0 catatan. Tidak ada catatan: "
        "semua angka yang tertulis cocok dengan hasil hitung." in page
    )
    assert "terbit" not in page
    assert "## " not in page and "lkip-temuan" not in page
    _, files = pub.generated(read_pages(tmp_path / "content", pub))
    assert files[f"{RID}/{verification.JSON}"] == "[]\n"


def test_a_report_with_warnings_only(tmp_path: Path) -> None:
    pages = {
        **PAGES,
        "anggaran.md": "# Bab II\n",
        "bab-3.md": "# Bab III\n\n<!-- lkip:tabel apbd -->\n",
    }
    pub, out = publish(
        tmp_path, {"anggaran.yml": BUDGET_OVER, "tabel.yml": TABEL}, pages, laporan()
    )
    assert [t.code for t in pub.findings[RID]] == ["realisasi-over-pagu"]  # a warning
    page = out[f"{RID}/{verification.PAGE}"]
    assert "0 angka tidak cocok, 1 perlu diperiksa, 0 catatan. Tidak ada angka tertulis " in page
    assert "terbit" not in page
    assert (
        "<strong>Perlu diperiksa.</strong> Realisasi anggaran program “Program Satu” (APBD): "
        "120, melebihi pagunya 100.</p>" in page
    )


def test_the_json_holds_every_finding_with_its_fields(grouped, tmp_path: Path) -> None:
    pub, _ = grouped
    _, files = pub.generated({})
    text = files[f"{RID}/{verification.JSON}"]
    found = json.loads(text)
    assert len(found) == 4
    for i, f in enumerate(found):
        assert set(f) == PUBLIC_FINDING_KEYS
        assert f["id"] == pub.reviews[RID].ids[i]
        assert f["diterima"] is True and f["alasan_diterima"] == "tercetak demikian di dokumen"
        assert f["kode"] == "stated-mismatch" and f["sifat"] == "angka tidak cocok"
        assert f["berkas"] == "data/uji-2021/anggaran.yml" and f["baris"] > 0
        assert f["tertulis_terbaca"] is True
        # numbers as numbers; selisih is hasil_hitung - tertulis
        assert f["selisih"] == pytest.approx(f["hasil_hitung"] - f["tertulis"])
    got = {(f["tempat"], f["tertulis"], f["tertulis_teks"], f["hasil_hitung"]) for f in found}
    assert got == {
        ("Tabel 3.22", 55.0, "55,00", 50.0),
        ("Tabel 3.22", 1100, "1.100", 1000),
        ("Bab III teks", 600, "600", 500),
        ("Lampiran PK", 900, "900", 1000),
    }
    assert all(isinstance(f["tertulis"], int) for f in found if "," not in f["tertulis_teks"])
    # exact: the percentage keeps its two decimals as written in the JSON text
    assert '"tertulis": 55.00' in text and '"hasil_hitung": 50.00' in text
    # stable: sorted keys, the same bytes for the same findings
    assert text == verification.as_json(list(pub.findings[RID]), pub.reviews[RID])


def test_an_editors_own_verification_page_is_kept(tmp_path: Path) -> None:
    pages = {**PAGES, "catatan-verifikasi.md": "# Catatan\n\nSendiri.\n"}
    _, out = publish(tmp_path, {"anggaran.yml": ANGGARAN, "tabel.yml": TABEL}, pages, laporan())
    assert out[f"{RID}/{verification.PAGE}"] == "# Catatan\n\nSendiri.\n"


@pytest.mark.parametrize(
    ("code", "severity", "label"),
    [
        ("stated-mismatch", "error", "Angka tidak cocok"),
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


def test_every_finding_of_the_seed_is_shown_once(seed) -> None:
    pub, page = seed
    assert len(findings_of(page)) == len(pub.findings[SEED]) == 40


def test_the_seeds_budget_findings_are_on_the_page_of_bab_iii(seed) -> None:
    _, page = seed
    got = sections(page)["Bab III Akuntabilitas Kinerja"]
    t322 = [g for g in got if g.startswith("[Tabel 3.22 ")]
    assert t322 == [
        "[Tabel 3.22 Alokasi dan Realisasi Anggaran Program/Kegiatan APBD TA 2021]"
        "(bab-3-akuntabilitas-kinerja.md#tabel-3-22)"
    ]
    # Tabel 3.22 prints the APBD total realisasi as 13.157.342.97 (13.157.342.972 computed):
    # unreadable as printed, so no difference is given
    (total,) = got[t322[0]]
    assert "menulis 13.157.342.97, yang tidak terbaca sebagai angka" in total
    assert "selisih" not in total.split("<details")[0]
    # Bab 3.3 states the APBN pagu as 2.126.308.000 where Tabel 3.24 sums to 2.194.960.000
    paragraph = got["[Teks Bab 3.3 tentang APBN](bab-3-akuntabilitas-kinerja.md)"]
    assert any(
        "menulis 2.126.308.000, hasil hitung dari data 2.194.960.000" in f for f in paragraph
    )
    # Tabel 3.2 is on the page of Bab III: the policy note of indicator 5 (target NA) is there
    (policy,) = got[
        "[Tabel 3.2 Capaian Kinerja Tahun 2021](bab-3-akuntabilitas-kinerja.md#tabel-3-2)"
    ]
    assert (
        "<strong>Kebijakan laporan.</strong> Capaian indikator “Persentase Pelaku usaha" in policy
    )


def test_within_a_chapter_what_is_at_stake_comes_first(seed) -> None:
    """Bab III: the budget tables (rupiah) before the indicator tables (counts of rows),
    each group's heaviest note deciding."""
    _, page = seed
    got = sections(page)["Bab III Akuntabilitas Kinerja"]
    numbers = [re.match(r"\[Tabel ([\d.]+) ", g).group(1) for g in got if g.startswith("[Tabel")]
    # Rp first (a lost digit, then sub kegiatan %), then counts by their difference (35
    # stated, 6 listed; 39 against 38), the policy note (not a mismatch) last
    assert numbers == ["3.22", "3.23", "3.19", "3.4", "3.2"]
    # and the swap of Rp242.494.000 between two programmes leads Bab II
    bab2 = sections(page)["Bab II Perencanaan Kinerja"]
    first = next(iter(bab2.values()))[0]
    assert "242.494.000" in first
