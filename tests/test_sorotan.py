"""Headline figures (`sorotan`) and the home page's table of reports.

The NTT figures are read from the seed document's own text (Tabel 3.2, Tabel 3.22's total,
Tabel 3.24's total), and the categories from its Tabel 3.1 scale as DOMAIN.md states it;
none is captured from the code under test.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from lkip_build.present.markers import PageContext
from lkip_build.present.portal import featured, m_daftar_laporan, row_of
from lkip_build.present.sorotan import NO_DATA, headline

from .conftest import ROOT, built, publish

NTT = "ntt-disperindag-lkip-2021"
LEBAK = "lebak-disperindag-renja-2021"
SEED = Path("/work/shared/seeds/lkip-ntt-disperindag-2021.txt")

# Copied from the seed document (line numbers of SEED): Tabel 3.2's capaian column and mean
# (lines 665-678, Bab 3.1 line 680: "Berhasil"), Tabel 3.22's total (line 1194) and
# Tabel 3.24's total (line 1294). `test_the_golden_figures_are_the_seeds` reads them back.
SEED_CAPAIAN = ["88,64", "75", "100", "100", "100", "50", "96,43", "22,86", "100"]
SEED_MEAN = "81,44 %"
SEED_LINES = {
    "apbd": "TOTAL ANGGARAN TAHUN 2021\t\t13.519.650.516\t13.157.342.972\t97,32",
    "apbn": "\tTotal\t2.194.960.000,-\t2.033.972.202,-\t92,67",
    "mean": "RATA-RATA CAPAIAN\t\t\t\t\t\t81,44 %",
}
APBD = ("Rp13.519.650.516", "Rp13.157.342.972", "97,32 %")
APBN = ("Rp2.194.960.000", "Rp2.033.972.202", "92,67 %")


def test_the_golden_figures_are_the_seeds() -> None:
    if not SEED.is_file():
        pytest.skip("the seed document is not on this machine")
    seed = SEED.read_text(encoding="utf-8")
    for line in SEED_LINES.values():
        assert line in seed
    start = seed.index("Tabel 3.2\nCapaian Kinerja Tahun 2021")
    block = seed[start : seed.index("RATA-RATA CAPAIAN", start)]
    printed = re.findall(r"^\d+\.\t.*\t([\d,]+) ?%$", block, re.M)
    assert printed == SEED_CAPAIAN
    for amount in (*APBD[:2], *APBN[:2]):
        assert amount.removeprefix("Rp") in seed


def _tabel_3_1(x: Decimal) -> str:
    """The seed's Tabel 3.1 (DOMAIN.md): X >= 85 Sangat Berhasil ... X < 55 Belum Berhasil."""
    if x >= 85:
        return "Sangat Berhasil"
    if x >= 75:
        return "Berhasil"
    return "Cukup Berhasil" if x >= 55 else "Belum Berhasil"


@pytest.fixture(scope="module")
def repo():
    return built(ROOT)


def test_ntt_headline_is_the_seeds_printed_figures(repo) -> None:
    s = headline(repo.by_id[NTT], repo.findings[NTT])
    assert (s.rata_rata, s.kategori) == (SEED_MEAN, "Berhasil")
    expected = {k: 0 for k in ("Sangat Berhasil", "Berhasil", "Cukup Berhasil", "Belum Berhasil")}
    for x in SEED_CAPAIAN:
        expected[_tabel_3_1(Decimal(x.replace(",", ".")))] += 1
    assert dict(s.per_kategori) == expected and s.jumlah_indikator == 9
    (a, n) = s.anggaran
    assert a.nama == "APBD" and n.nama.startswith("APBN")
    assert (a.pagu, a.realisasi, a.serapan) == APBD
    assert (n.pagu, n.realisasi, n.serapan) == APBN
    assert s.catatan == 40  # the notes `lkip check . --json` gives for NTT
    assert s.rincian_catatan == "33 angka tidak cocok, 2 perlu diperiksa, 5 catatan"
    # the budget's rupiah: Tabel 2.3's swap (2), Tabel 3.22's lost digit, the APBN text's
    # pagu and realisasi, and its realisasi in words (against the data and against its
    # digits); its pagu in words says the misprinted digits: a consequence, no mismatch
    assert s.uang == 7


def test_cards_on_start_page_ringkasan_and_home(repo) -> None:
    for src in (f"{NTT}/index.md", f"{NTT}/ringkasan-eksekutif.md", "index.md"):
        out = repo.pages[src]
        # the first thing under the title, before any paragraph of the page
        after_title = out[out.index("# ") :].split("\n\n", 2)
        assert after_title[1].lstrip().startswith('<div class="lkip-sorotan"'), src
        for words in ("Capaian kinerja", "Serapan anggaran APBD", "97,32 %", "92,67 %"):
            assert words in out, (src, words)
        assert "Realisasi anggaran Rp13.157.342.972 dari pagu Rp13.519.650.516" in out
    assert "[lihat catatan verifikasi](catatan-verifikasi.md)" in repo.pages[f"{NTT}/index.md"]
    home = repo.pages["index.md"]
    assert f"[lihat catatan verifikasi]({NTT}/catatan-verifikasi.md)" in home
    assert f"({NTT}/index.md)" in home.split('class="lkip-kartu')[0]  # names its report


def test_every_start_page_opens_with_its_headline(repo) -> None:
    for h in repo.hasil:
        text = (ROOT / "content" / h.report.id / "index.md").read_text(encoding="utf-8")
        first = re.search(r"<!--\s*lkip:([a-z-]+)", text)
        assert first and first.group(1) == "sorotan", h.report.id
        assert text.index("<!-- lkip:sorotan") < text.index("\n\n", text.index("# ")) + 3


def test_lebak_without_indicators_or_budget_says_so(repo) -> None:
    s = headline(repo.by_id[LEBAK], repo.findings[LEBAK])
    assert (s.rata_rata, s.anggaran, s.per_kategori, s.catatan) == ("", [], [], 0)
    out = repo.pages[f"{LEBAK}/index.md"]
    assert out.count(NO_DATA) == 3 and "Serapan anggaran" in out and "n/a" not in out
    # no figure to check is not a clean audit: the notes card does not say "0"
    assert "tidak memuat angka yang bisa diperiksa" in out


def test_the_featured_report_is_the_latest_complete_one(repo) -> None:
    """Stated rule, not sort order: final, with a mean and a budget, newest, most
    indicators assessed. A newer fragment or a newer draft never takes its place."""
    from dataclasses import replace

    ntt = repo.by_id[NTT]

    def variant(**laporan: object) -> object:
        lap = replace(ntt.report.laporan, **laporan)
        return replace(ntt, report=replace(ntt.report, laporan=lap))

    def row(h: object) -> object:
        return row_of(h, [])  # type: ignore[arg-type]

    newer = variant(tahun=ntt.report.laporan.tahun + 1)
    fragment = replace(newer, sumber={})  # one table of a report: no budget
    draft = variant(tahun=ntt.report.laporan.tahun + 1, status="draf")
    r_ntt, r_newer = row(ntt), row(newer)
    assert featured([row(fragment), r_ntt]) == r_ntt
    assert featured([row(draft), r_ntt]) == r_ntt
    assert featured([r_ntt, r_newer]) == r_newer
    fewer = replace(newer, utama=newer.utama[:1])
    assert featured([row(fewer), r_newer]) == r_newer


NA_REPORT = {
    "indikator.yml": """\
sasaran_strategis: S
indikator:
  - id: ik-1
    nama: Satu
    target: 1
    realisasi: {na: survei belum selesai}
""",
    "anggaran.yml": """\
tahun: 2021
sumber:
  - id: apbd
    nama: APBD
    program:
      - {id: p1, nama: Program Satu, pagu: 0, realisasi: 0}
""",
}


def test_a_mean_that_is_na_and_a_budget_of_zero(tmp_path: Path) -> None:
    pub, pages = publish(tmp_path, NA_REPORT, {"index.md": "# Uji\n\n<!-- lkip:sorotan -->\n"})
    s = headline(pub.by_id["uji-2021"], [])
    assert s.rata_rata == "n/a" and s.kategori == ""
    assert dict(s.per_kategori)["tanpa capaian (n/a)"] == 1
    assert s.anggaran[0].serapan == "-"  # pagu 0: no division
    assert "rata-rata 0 dari 1 indikator" in pages["uji-2021/index.md"]


# ---------------------------------------------------------------- the home page's table


def _rows(out: str) -> list[list[str]]:
    lines = [x for x in out.splitlines() if x.startswith("| ") and not x.startswith("| :")]
    return [[c.strip() for c in x.strip("|").split(" | ")] for x in lines[1:]]


def test_home_table_has_one_row_per_report(repo) -> None:
    out = repo.pages["index.md"]
    assert "| Instansi | Tingkat | Wilayah | Tahun | Jenis dokumen | Rata-rata capaian" in out
    ntt, lebak = _rows(out)  # provinsi before kabupaten
    assert ntt[1:5] == ["Provinsi", "Nusa Tenggara Timur", "2021", "LKIP"]
    assert ntt[5].startswith("81,44 %") and "Berhasil" in ntt[5]
    assert ntt[6] == "APBD 97,32 %<br>APBN (Dana Dekonsentrasi) 92,67 %"
    assert ntt[7] == f"[40]({NTT}/catatan-verifikasi.md)"
    assert lebak[1:5] == ["Kabupaten", "Lebak, Banten", "2021", "Renja"]
    assert lebak[5:7] == [NO_DATA, NO_DATA]


def many_reports(repo, n: int = 300) -> list:
    """n reports made from the two real ones: other ids, years and levels."""
    levels = ["nasional", "provinsi", "kabupaten", "kota"]
    out = []
    for i in range(n):
        h = repo.hasil[i % 2]
        lap = replace(
            h.report.laporan,
            id=f"laporan-{i:03d}",
            tahun=2018 + i % 5,
            tingkat=levels[i % 4],
            instansi=f"Dinas Uji {i:03d}",
        )
        out.append(replace(h, report=replace(h.report, laporan=lap)))
    return out


def home_context(reports: list) -> PageContext:
    return PageContext("index.md", None, {}, {}, [row_of(h, []) for h in reports], [])


def test_home_table_with_300_reports(repo) -> None:
    """The table holds the first page of rows; every row is in the JSON pages beside
    it, in the same order, none left out."""
    import json

    from lkip_build.present.portal import PAGE_ROWS, row_pages

    context = home_context(many_reports(repo))
    out = m_daftar_laporan([], context)
    first = _rows(out)
    assert len(first) == PAGE_ROWS and "300 laporan" in out
    assert 'data-halaman="3"' in out and 'data-baris="300"' in out
    pages = row_pages(context.rows)
    assert sorted(pages) == [f"daftar-laporan/{n}.json" for n in (1, 2, 3)]
    rows = [
        r["sel"] for n in (1, 2, 3) for r in json.loads(pages[f"daftar-laporan/{n}.json"])["baris"]
    ]
    assert len(rows) == 300 and len({r[0] for r in rows}) == 300
    assert [r[1:5] for r in rows[:PAGE_ROWS]] == [r[1:5] for r in first]
    order = ["Kementerian dan Lembaga", "Provinsi", "Kabupaten", "Kota"]
    assert [order.index(r[1]) for r in rows] == sorted(order.index(r[1]) for r in rows)
    assert {r[3] for r in rows} == {"2018", "2019", "2020", "2021", "2022"}


def test_home_page_shows_the_newest_report_with_figures(repo) -> None:
    def rows(hs: list) -> list:
        return [row_of(h, []) for h in hs]

    chosen = featured(rows(repo.hasil))
    assert chosen is not None and chosen.id == NTT  # Lebak (same year) has no figures
    later = many_reports(repo, 6)  # years 2018, 2019, ..., 2022, 2018
    with_figures = [h for h in later if h.rata_rata is not None]
    newest = max(with_figures, key=lambda h: h.report.laporan.tahun)
    # a newer report without figures (a Renja copy of 2022) is passed over
    assert any(h.report.laporan.tahun > newest.report.laporan.tahun for h in later)
    chosen = featured(rows(later))
    assert chosen is not None and chosen.id == newest.report.id
    assert featured([]) is None


def test_without_a_category_scale_a_capaian_is_not_counted_as_none(tmp_path: Path) -> None:
    """A report without skala_capaian gives each indicator a capaian and no category: the
    card counts it as having a capaian, never as "tanpa capaian (n/a)"."""
    from .conftest import LAPORAN

    head, _, tail = LAPORAN.format(id="uji-2021").partition("skala_capaian:")
    laporan = head + tail[tail.index("halaman:") :]
    scored = {
        "laporan.yml": laporan,
        "indikator.yml": "sasaran_strategis: S\nindikator:\n  - id: ik-1\n    nama: Satu\n"
        "    target: 80\n    realisasi: {jenis: langsung, a: 60}\n",
    }
    pub, _ = publish(tmp_path, scored, {"index.md": "# Uji\n\n<!-- lkip:sorotan -->\n"})
    s = headline(pub.by_id["uji-2021"], [])
    assert dict(s.per_kategori) == {"dengan capaian (tanpa skala kategori)": 1}
