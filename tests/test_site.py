"""The whole site, built as CI and editors build it: strict, from this repository's data."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from lkip_build.cli import main

from .conftest import PUBLIC_FINDING_KEYS, ROOT, build, tiny_site

SEED = "ntt-disperindag-lkip-2021"


@pytest.fixture
def site(repo_site: Path) -> Path:
    return repo_site


def text_of(site: Path, page: str) -> str:
    raw = (site / page / "index.html").read_text(encoding="utf-8")
    body = raw[raw.find("<article") : raw.find("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def rows_of(site: Path, page: str, anchor: str) -> list[list[str]]:
    """The cells of the table that follows the caption with id `anchor`."""
    raw = (site / page / "index.html").read_text(encoding="utf-8")
    start = raw.index(f'id="{anchor}"')
    table = raw[raw.index("<table", start) : raw.index("</table>", start)]
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", tr, re.S)
        rows.append([" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in cells])
    return rows


def test_capaian_of_tabel_3_2_in_the_html(site: Path) -> None:
    rows = rows_of(site, f"{SEED}/bab-3-akuntabilitas-kinerja", "tabel-3-2")
    by_no = {r[0]: r for r in rows if r[0]}
    capaian = [by_no[f"{i}."][6].rstrip("*").replace(" %", "") for i in range(1, 10)]
    # Golden values: Tabel 3.2 of the seed (88,64; 75; 100; 100; 100; 50; 96,43; 22,86; 100).
    assert capaian == [
        "88,64",
        "75,00",
        "100,00",
        "100,00",
        "100,00",
        "50,00",
        "96,43",
        "22,86",
        "100,00",
    ]
    mean = next(r for r in rows if r[1] == "Rata-rata capaian")
    kategori = next(r for r in rows if r[1] == "Kategori")
    assert (mean[6], kategori[6]) == ("81,44 %", "Berhasil")


def test_price_means_in_the_html(site: Path) -> None:
    page = f"{SEED}/bab-3-akuntabilitas-kinerja"
    for anchor, mean in (("tabel-3-5", "12,76"), ("tabel-3-6", "26,77")):
        assert rows_of(site, page, anchor)[-1][-1] == mean
    assert [
        "2.",
        "Persentase Kenaikan Harga setiap tahun",
        "%",
        "NA",
        "10",
        "19,77",
        "75,00 %",
    ] in rows_of(site, page, "tabel-3-2")


def test_budget_totals_in_the_html(site: Path) -> None:
    page = f"{SEED}/bab-3-akuntabilitas-kinerja"
    assert rows_of(site, page, "tabel-3-22")[-1] == [
        "",
        "Total",
        "13.519.650.516",
        "13.157.342.972",
        "",
        "97,32",
    ]
    assert rows_of(site, page, "tabel-3-24")[-1] == [
        "",
        "Total",
        "2.194.960.000",
        "2.033.972.202",
        "92,67",
    ]
    text = text_of(site, page)
    assert (
        "Rp13.519.650.516 (Tiga Belas Miliar Lima Ratus Sembilan Belas Juta Enam Ratus Lima Puluh Ribu Lima Ratus Enam Belas Rupiah)"
        in text
    )
    assert "Rp2.194.960.000" in text and "92,67 %" in text


def test_figures_in_prose_come_from_the_data(site: Path) -> None:
    summary = text_of(site, f"{SEED}/ringkasan-eksekutif")
    assert "Berhasil" in summary and "81,44 %" in summary
    bab3 = text_of(site, f"{SEED}/bab-3-akuntabilitas-kinerja")
    assert "39 pelaku usaha dari 88" in bab3
    assert "179,39 %" in bab3 or "179,40 %" in bab3  # the raw ratio the report mentions (179 %)


def test_every_numbered_table_is_listed_and_linked(site: Path) -> None:
    raw = (site / SEED / "daftar-tabel" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"[^>]*>Tabel (\d+\.\d+)<', raw)
    numbers = [n for _, n in links]
    expected = (
        [f"1.{i}" for i in range(1, 5)]
        + [f"2.{i}" for i in range(1, 8)]
        + [f"3.{i}" for i in range(1, 25)]
    )
    assert numbers == expected  # the seed's Daftar Tabel, in order
    for href, number in links:
        page, _, frag = href.partition("#")
        target = (site / SEED / "daftar-tabel" / page / "index.html").resolve()
        assert f'id="{frag}"' in target.read_text(encoding="utf-8"), number


def test_home_lists_reports_by_agency_level_and_year(site: Path) -> None:
    home = text_of(site, ".")
    assert "Dinas Perindustrian dan Perdagangan Provinsi Nusa Tenggara Timur" in home
    # ordered by level (in the order of government), then agency, then year
    assert home.index("Provinsi Nusa Tenggara Timur 2021 LKIP") < home.index(
        "Kabupaten Lebak, Banten 2021 Renja"
    )
    assert home.index("Nusa Tenggara Timur") < home.index("Lebak")
    assert (site / "lebak-disperindag-renja-2021" / "halaman-79" / "index.html").exists()


def test_tiny_site_builds(tmp_path: Path) -> None:
    config = tiny_site(tmp_path, "# Uji\n\nTahun <!-- lkip:nilai laporan.tahun -->.\n")
    result = build(config, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "Tahun 2021." in text_of(tmp_path / "out", "uji-2021")


def test_bad_data_fails_with_every_problem_and_no_traceback(tmp_path: Path) -> None:
    budget = "tahun: 2021\nsumber:\n  - id: apbd\n    nama: APBD\n    program:\n      - nama: A\n        pagu: 1.5\n        realisasi: 1,0\n"
    config = tiny_site(tmp_path, "# Uji\n", {"anggaran.yml": budget})
    result = build(config, tmp_path / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "data/uji-2021/anggaran.yml:7: sumber[0].program[0].pagu:" in result.stderr
    assert "data/uji-2021/anggaran.yml:8: sumber[0].program[0].realisasi:" in result.stderr
    assert "[bad-number]" in result.stderr


def test_unknown_marker_fails_naming_page_and_marker(tmp_path: Path) -> None:
    page = "# Uji\n\n<!-- lkip:tabell x -->\n\n<!-- lkip:nilai kinerja.rata -->\n\n<!-- lkip tabel -->\n"
    config = tiny_site(tmp_path, page)
    result = build(config, tmp_path / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "content/uji-2021/index.md:3:" in result.stderr and "[marker-unknown]" in result.stderr
    # once: not again for the generated print view, which repeats the chapter
    assert result.stderr.count("[marker-unknown]") == 1
    assert "content/uji-2021/index.md:5:" in result.stderr and "[unknown-value]" in result.stderr
    assert "content/uji-2021/index.md:7:" in result.stderr and "[marker-malformed]" in result.stderr


def test_verification_page_and_json(site: Path) -> None:
    import json

    page = f"{SEED}/catatan-verifikasi"
    text = text_of(site, page)
    assert "Catatan Verifikasi Data" in text
    for figure in ("2.126.308.000", "13.157.342.97", "484.883.000"):
        assert figure in text
    raw = (site / page / "index.html").read_text(encoding="utf-8")
    assert 'href="../bab-3-akuntabilitas-kinerja/#tabel-3-22"' in raw  # findings link to the table
    found = json.loads((site / page / "catatan.json").read_text(encoding="utf-8"))
    assert set(found[0]) == PUBLIC_FINDING_KEYS
    assert any(
        f["tempat"] == "Bab 3.3 teks APBN"
        and f["tertulis_teks"] == "2.126.308.000"
        and f["tertulis"] == 2_126_308_000
        for f in found
    )


def _ids(page: Path) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', page.read_text(encoding="utf-8")))


@pytest.mark.parametrize("rid", [SEED, "lebak-disperindag-renja-2021"])
def test_every_link_of_the_verification_page_and_to_it_exists(site: Path, rid: str) -> None:
    """The groups link to their tables (and paragraphs to their pages); the marks on
    disputed figures link to findings: every target file and id is in the built site."""
    from urllib.parse import urlsplit

    page = site / rid / "catatan-verifikasi" / "index.html"
    raw = page.read_text(encoding="utf-8")
    article = raw[raw.index("<article") : raw.index("</article>")]
    hrefs = re.findall(r'href="([^"]+)"', article)
    internal = [h for h in hrefs if not h.startswith(("http", "mailto:"))]
    for href in internal:
        parts = urlsplit(href)
        target = (page.parent / parts.path).resolve() if parts.path else page
        if target.is_dir():
            target = target / "index.html"
        assert target.is_file(), href
        if parts.fragment and target.suffix == ".html":
            assert parts.fragment in _ids(target), href
    found = json.loads((page.parent / "catatan.json").read_text(encoding="utf-8"))
    ids = _ids(page)
    assert all(f["id"] in ids for f in found)
    # every mark on a chapter page points at a finding that is on this page
    for other in (site / rid).glob("*/index.html"):
        for anchor in re.findall(
            r'catatan-verifikasi/#(cv-[0-9a-f]{8})"', other.read_text("utf-8")
        ):
            assert anchor in ids, (other, anchor)
    if rid == SEED:
        assert any("#tabel-3-22" in h for h in internal) and len(found) == 40


STATED_WRONG = """\
tahun: 2021
sumber:
  - id: apbd
    nama: APBD
    program:
      - nama: A
        pagu: 100
        realisasi: 50
        tertulis:
          - di: Tabel 1.1
            nilai: {persen: "55,00"}
"""


def test_findings_block_a_new_report(tmp_path: Path) -> None:
    config = tiny_site(tmp_path, "# Uji\n", {"anggaran.yml": STATED_WRONG})
    result = build(config, tmp_path / "out")
    # refused at once, before any page is written (pipeline.blocking, one decision)
    assert result.returncode != 0 and not (tmp_path / "out" / "uji-2021").exists()
    assert "ERROR" in result.stderr and "[stated-mismatch]" in result.stderr
    assert "data/uji-2021/anggaran.yml:10:" in result.stderr


def test_findings_are_published_for_a_historical_report(tmp_path: Path) -> None:
    config = tiny_site(tmp_path, "# Uji\n", {"anggaran.yml": STATED_WRONG})
    # the document prints it so: its note is listed in diterima.yml (`make terima`)
    assert main(["check", "--terima", str(tmp_path / "data" / "uji-2021")]) == 0
    result = build(config, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "lkip: uji-2021: 1 angka tidak cocok" in result.stderr
    assert "55,00" in text_of(tmp_path / "out", "uji-2021/catatan-verifikasi")


def test_a_figure_the_data_disagrees_about_is_marked_where_it_is_shown(site: Path) -> None:
    """Issue 8: Tabel 1.2 sums to 70 ASN while Tabel 1.1 says 71. The sentence '... dari
    total 70 aparatur' and both tables' totals carry a mark linking to the finding."""
    raw = (site / SEED / "bab-1-pendahuluan" / "index.html").read_text(encoding="utf-8")
    sentence = raw[raw.index("dari total") : raw.index("aparatur atau")]
    assert "70" in sentence and 'class="lkip-tanda"' in sentence
    link = re.search(
        r'lkip-tanda"><a href="\.\./catatan-verifikasi/#(cv-[0-9a-f]{8})" '
        r'title="Angka tidak cocok, lihat catatan verifikasi"><span aria-hidden="true">≠</span>'
        r'<span class="lkip-sr">angka tidak cocok, lihat catatan verifikasi</span></a>',
        sentence,
    )
    assert link is not None
    verification = (site / SEED / "catatan-verifikasi" / "index.html").read_text(encoding="utf-8")
    finding = verification[verification.index(f'id="{link.group(1)}"') :]
    assert "same-quantity-mismatch" in finding[: finding.index("</details>")]
    table_1_1 = raw[
        raw.index('id="tabel-1-1"') : raw.index("</table>", raw.index('id="tabel-1-1"'))
    ]
    table_1_2 = raw[
        raw.index('id="tabel-1-2"') : raw.index("</table>", raw.index('id="tabel-1-2"'))
    ]
    assert table_1_1.count('class="lkip-tanda"') == 1  # the ASN column total, 71
    # the grand total, 70, and the Sekretariat (24) and Bidang PSDI (7) column totals, which
    # Tabel 1.3 and 1.4 count otherwise (`sama` links)
    assert table_1_2.count('class="lkip-tanda"') == 3


def test_prepare_memo_reuses_only_unchanged_reports(tmp_path: Path) -> None:
    """Live preview: a report whose files are byte for byte the same is not loaded again;
    one changed byte and it is, with the figures of the new bytes."""
    import shutil

    from lkip_build.publish.site import prepare

    for rid in ("ntt-disperindag-lkip-2021", "lebak-disperindag-renja-2021"):
        shutil.copytree(ROOT / "data" / rid, tmp_path / "data" / rid)
    memo: dict = {}
    first = prepare(tmp_path, memo=memo)
    assert len(memo) == 2
    again = prepare(tmp_path, memo=memo)
    assert again.by_id["ntt-disperindag-lkip-2021"] is first.by_id["ntt-disperindag-lkip-2021"]
    budget = tmp_path / "data" / "ntt-disperindag-lkip-2021" / "anggaran.yml"
    budget.write_text(budget.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = prepare(tmp_path, memo=memo)
    assert (
        changed.by_id["ntt-disperindag-lkip-2021"] is not first.by_id["ntt-disperindag-lkip-2021"]
    )
    assert (
        changed.by_id["lebak-disperindag-renja-2021"] is first.by_id["lebak-disperindag-renja-2021"]
    )
    assert changed.findings == prepare(tmp_path).findings


def _expand(root: Path, memo: dict, pages_memo: dict):
    """The preview's pass with its two memos: prepare, then expand every page."""
    from lkip_build.publish.site import prepare, read_pages

    pub = prepare(root, memo=memo)
    sources = read_pages(root / "content", pub)
    sources.update(pub.generated(sources)[0])
    return pub.expand_pages(sources, write_files=False, memo=pages_memo)


def test_expansion_memo_reuses_only_unchanged_reports(tmp_path: Path) -> None:
    """Live preview: a report whose files and pages are unchanged is not expanded again;
    its pages' Markdown is the same as a fresh expansion's."""
    import shutil

    for rid in ("ntt-disperindag-lkip-2021", "lebak-disperindag-renja-2021"):
        shutil.copytree(ROOT / "data" / rid, tmp_path / "data" / rid)
        shutil.copytree(ROOT / "content" / rid, tmp_path / "content" / rid)
    shutil.copy(ROOT / "content" / "index.md", tmp_path / "content" / "index.md")

    memo: dict = {}
    pages_memo: dict = {}
    first = _expand(tmp_path, memo, pages_memo)
    ntt = "ntt-disperindag-lkip-2021/bab-3-akuntabilitas-kinerja.md"
    lebak = "lebak-disperindag-renja-2021/index.md"
    chapter = tmp_path / "content" / "lebak-disperindag-renja-2021" / "index.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nTambahan.\n", encoding="utf-8")
    again = _expand(tmp_path, memo, pages_memo)
    assert again.rendered[ntt] is first.rendered[ntt]  # taken from the memo
    assert again.pages[lebak] != first.pages[lebak] and "Tambahan." in again.pages[lebak]
    assert again.pages == _expand(tmp_path, {}, {}).pages  # the same as without any memo
    # Lebak's data changes: NTT's pages (its own cards included) are still the memo's
    budget = tmp_path / "data" / "lebak-disperindag-renja-2021" / "laporan.yml"
    budget.write_text(budget.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    third = _expand(tmp_path, memo, pages_memo)
    assert third.rendered[ntt] is first.rendered[ntt]


def test_a_page_showing_another_reports_figures_follows_that_report(tmp_path: Path) -> None:
    """The memo keys a report's pages by its own files; a page with another report's cards
    (`sorotan ID`) or the portal table is expanded again when any report changes, so a
    cached page never shows another report's old figures."""
    import shutil

    ntt, lebak = "ntt-disperindag-lkip-2021", "lebak-disperindag-renja-2021"
    for rid in (ntt, lebak):
        shutil.copytree(ROOT / "data" / rid, tmp_path / "data" / rid)
        shutil.copytree(ROOT / "content" / rid, tmp_path / "content" / rid)
    shutil.copy(ROOT / "content" / "index.md", tmp_path / "content" / "index.md")
    page = tmp_path / "content" / lebak / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n<!-- lkip:sorotan {ntt} -->\n")

    memo: dict = {}
    pages_memo: dict = {}
    before = _expand(tmp_path, memo, pages_memo).pages[f"{lebak}/index.md"]
    budget = tmp_path / "data" / ntt / "anggaran.yml"
    text = budget.read_text(encoding="utf-8")
    budget.write_text(text.replace("realisasi: 111.514.950", "realisasi: 1.514.950", 1))
    after = _expand(tmp_path, memo, pages_memo).pages[f"{lebak}/index.md"]
    assert after != before
    assert after == _expand(tmp_path, {}, {}).pages[f"{lebak}/index.md"]


def _ntt_copy(tmp_path: Path) -> tuple[Any, dict[str, str]]:
    """NTT's report copied under tmp_path, through the pass: (publication, every page)."""
    import shutil

    from lkip_build.publish.site import prepare, read_pages

    rid = "ntt-disperindag-lkip-2021"
    shutil.copytree(ROOT / "data" / rid, tmp_path / "data" / rid)
    shutil.copytree(ROOT / "content" / rid, tmp_path / "content" / rid)
    pub = prepare(tmp_path, memo={})
    sources = read_pages(tmp_path / "content", pub)
    sources.update(pub.generated(sources)[0])
    return pub, sources


def test_deferred_charts_are_remembered_only_once_drawn(tmp_path: Path) -> None:
    """The preview's `defer_charts`: the pages are there at once, their charts are left
    drawing, and the report's memo entry is written only when `finish_charts` has them."""
    rid = "ntt-disperindag-lkip-2021"
    pub, sources = _ntt_copy(tmp_path)
    whole = pub.expand_pages(sources)
    pages_memo: dict = {}
    deferred = pub.expand_pages(sources, memo=pages_memo, defer_charts=True)
    chapter = f"{rid}/bab-3-akuntabilitas-kinerja.md"
    assert "grafik/anggaran-apbd.svg" in deferred.drawing[chapter]
    assert "grafik/anggaran-apbd.svg" not in deferred.files[chapter]
    assert pages_memo == {} and deferred.pages == whole.pages
    deferred.finish_charts(pages_memo)
    assert deferred.drawing == {} and deferred.files == whole.files
    (entry,) = pages_memo.values()
    assert entry[chapter][2] == whole.files[chapter]


def test_a_chart_that_failed_to_draw_leaves_its_report_unremembered(tmp_path: Path) -> None:
    """A drawing that failed in the preview (its place said so) must not be remembered as
    the report's expansion: the next rebuild expands and draws it again."""
    from concurrent.futures import Future

    rid = "ntt-disperindag-lkip-2021"
    pub, sources = _ntt_copy(tmp_path)
    pages_memo: dict = {}
    deferred = pub.expand_pages(sources, memo=pages_memo, defer_charts=True)
    broken: Future[str] = Future()
    broken.set_exception(RuntimeError("mesin grafik mati"))
    chapter = f"{rid}/bab-3-akuntabilitas-kinerja.md"
    deferred.drawing[chapter]["grafik/anggaran-apbd.svg"] = broken
    deferred.finish_charts(pages_memo)
    assert pages_memo == {} and deferred.drawing == {}
    assert "grafik/anggaran-apbd.svg" not in deferred.files[chapter]
