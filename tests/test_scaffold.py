"""`lkip new`, values still to fill (`{belum_diisi: ...}`), draft status and the to-do page."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from lkip_build import model as m
from lkip_build.cli import main, run_check
from lkip_build.present import draft
from lkip_build.problems import ERROR, WARNING, Collector
from lkip_build.publish.site import prepare, read_pages
from lkip_build.read.loader import load_file
from lkip_build.read.report import load_report
from lkip_build.tools import scaffold
from lkip_build.tools.yamledit import shift_years
from tests.conftest import ROOT, build, codes

NTT = "ntt-disperindag-lkip-2021"
NEW = "ntt-disperindag-lkip-2022"


def repo_copy(tmp: Path, reports: tuple[str, ...] = (NTT,)) -> Path:
    """A repository with only the given reports, their chapters and the site machinery."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, tmp / name)
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, tmp / name)
    (tmp / "content" / "assets").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "index.md", tmp / "content" / "index.md")
    shutil.copy(ROOT / "content" / "assets" / "lkip.css", tmp / "content" / "assets")
    for rid in reports:
        shutil.copytree(ROOT / "data" / rid, tmp / "data" / rid)
        shutil.copytree(ROOT / "content" / rid, tmp / "content" / rid)
    return tmp


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = repo_copy(tmp_path_factory.mktemp("repo"))
    scaffold.from_report(root / "data" / NTT, 2022)
    return root


def pending_of(problems: list) -> list:
    return [p for p in problems if p.code == "value-pending"]


# ------------------------------------------------------------------ the loader


def load(tmp_path: Path, cls: type, text: str):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    problems = Collector()
    return load_file(path, "x.yml", cls, problems), problems


def test_a_pending_value_is_read_wherever_a_scalar_goes(tmp_path: Path) -> None:
    pos, problems = load(
        tmp_path,
        m.PosAnggaran,
        'nama: Program\npagu: {belum_diisi: "pagu 2022"}\nrealisasi: {belum_diisi: x}\n',
    )
    assert isinstance(pos.pagu, m.BelumDiisi) and pos.pagu.alasan == "pagu 2022"
    assert isinstance(pos.realisasi, m.BelumDiisi)
    assert codes(problems) == ["value-pending", "value-pending"]
    assert [p.line for p in problems.problems] == [2, 3]
    assert problems.problems[0].severity == WARNING  # a draft's to-do item
    row, problems = load(
        tmp_path, m.BarisKomposisi, "label: L\nnilai: [3, {belum_diisi: jumlah P}]\n"
    )
    assert row.nilai[0] == 3 and isinstance(row.nilai[1], m.BelumDiisi)
    pen, problems = load(tmp_path, m.Penandatangan, "nama: {belum_diisi: nama}\njabatan: K\n")
    assert pen.nama == "(belum diisi: nama)"  # text: a visible placeholder
    masukan, _ = load(tmp_path, m.Rumus, "jenis: rasio\na: {belum_diisi: pembilang}\n")
    assert isinstance(masukan.a.nilai, m.BelumDiisi)


def test_a_pending_value_needs_its_petunjuk_and_a_field_that_can_wait(tmp_path: Path) -> None:
    _, problems = load(tmp_path, m.PosAnggaran, "nama: P\npagu: {belum_diisi: }\n")
    assert codes(problems) == ["wrong-type"]
    lap = (ROOT / "data" / NTT / "laporan.yml").read_text(encoding="utf-8")
    _, problems = load(tmp_path, m.Laporan, lap.replace("tahun: 2021", "tahun: {belum_diisi: t}"))
    assert codes(problems) == ["wrong-type"]  # the year decides the report: never pending
    _, problems = load(tmp_path, m.PosAnggaran, "nama: P\npagu:\n")
    assert codes(problems) == ["missing-value"]  # empty stays an error


# ------------------------------------------------------------------ scaffold from NTT


def test_the_new_report_is_a_draft_that_builds_strict_listing_what_to_fill(
    scaffolded: Path,
) -> None:
    every, blocking = run_check(scaffolded / "data" / NEW)
    assert blocking == []
    todo = pending_of(every)
    assert todo and all(p.severity == WARNING for p in todo)
    files = {p.file.split("/")[-1] for p in todo}
    assert {"indikator.yml", "anggaran.yml", "perjanjian.yml", "harga.yml"} <= files
    assert any(p.file.startswith(f"content/{NEW}/") for p in todo)  # paragraphs to rewrite
    publication = prepare(scaffolded, only=NEW)
    sources = read_pages(scaffolded / "content", publication)
    pages, _ = publication.generated(sources)
    page = pages[f"{NEW}/{draft.PAGE}"]
    for p in todo:
        assert f"`{p.file}:{p.line}`" in page
    values = sum(1 for p in todo if not p.file.endswith(".md"))
    assert f"{values} nilai dan {len(todo) - values} paragraf belum diisi" in page
    assert publication.header(f"{NEW}/index.md").startswith("DRAF — belum final · ")
    assert f"{NEW}/{draft.PAGE}" in str(publication.nav())


def test_a_strict_build_of_the_scaffold(scaffolded: Path, tmp_path: Path) -> None:
    done = build(scaffolded / "mkdocs.yml", tmp_path / "site")
    assert done.returncode == 0, done.stderr[-3000:]
    html = (tmp_path / "site" / NEW / "bab-3-akuntabilitas-kinerja" / "index.html").read_text()
    assert "DRAF — belum final" in html
    assert "belum diisi" in html
    todo = (tmp_path / "site" / NEW / "yang-masih-harus-diisi" / "index.html").read_text()
    assert "indikator.yml:" in todo
    # the start page's list of pages, which names last year's appendix, is flagged
    start = (tmp_path / "site" / NEW / "index.html").read_text()
    flag = start.rindex("Belum ditulis ulang:", 0, start.index("Perjanjian Kinerja 2021"))
    assert "<h2" not in start[flag : start.index("Perjanjian Kinerja 2021")]


def test_final_turns_each_pending_value_into_an_error(scaffolded: Path, tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(scaffolded, root)
    every, _ = run_check(root / "data" / NEW)
    in_data = [p for p in pending_of(every) if p.file.startswith("data/")]
    laporan = root / "data" / NEW / "laporan.yml"
    laporan.write_text(
        laporan.read_text(encoding="utf-8").replace("status: draf", "status: final"),
        encoding="utf-8",
    )
    problems = Collector()
    load_report(root / "data" / NEW, root, problems)
    errors = [p for p in problems.problems if p.severity == ERROR]
    assert [(p.file, p.line, p.field) for p in errors] == [
        (p.file, p.line, p.field) for p in in_data
    ]
    assert {p.code for p in errors} == {"value-pending"}
    assert main(["check", str(root / "data" / NEW)]) == 1


def test_renstra_targets_for_the_new_year_are_carried(scaffolded: Path) -> None:
    problems = Collector()
    new = load_report(scaffolded / "data" / NEW, scaffolded, problems)
    old = load_report(ROOT / "data" / NTT, ROOT, problems)
    assert new is not None and old is not None and new.kinerja and old.renstra
    target = {}
    for ind in new.kinerja.indikator:
        target[ind.id] = ind.target
        target.update({s.id: s.target for s in ind.sub})
    # Tabel 2.5 of the LKIP 2021 (seed), column 2022
    seed = {"ik-1": "75", "ik-2": "10", "ik-2a": "10", "ik-2b": "10", "ik-3": "28.57"}
    seed.update({"ik-4": "55.7", "ik-5": "44.12", "ik-6": "70"})
    for iid, value in seed.items():
        assert target[iid] == Decimal(value), iid
    # and every linked Renstra indicator, against the data's 2022 column
    linked = [
        i
        for u in old.renstra.urusan
        for i in [*u.indikator, *(s for x in u.indikator for s in x.sub)]
    ]
    for i in linked:
        if i.indikator_kinerja and 2022 in i.target:
            assert target[i.indikator_kinerja] == i.target[2022], i.indikator_kinerja
    assert new.laporan.tahun == 2022 and new.laporan.status == "draf"
    assert new.laporan.skala_capaian == old.laporan.skala_capaian
    assert new.laporan.kebijakan.capaian_target_na == old.laporan.kebijakan.capaian_target_na


def test_last_years_figures_are_gone_and_comments_stay(scaffolded: Path) -> None:
    text = (scaffolded / "data" / NEW / "indikator.yml").read_text(encoding="utf-8")
    source = (ROOT / "data" / NTT / "indikator.yml").read_text(encoding="utf-8")
    assert "tertulis:" not in text
    # ik-1's realisasi 2021 (Tabel 3.2: 44,32) stays only as the base year, said so
    carried = [line.strip() for line in text.splitlines() if "44,32" in line]
    assert carried == [f"tahun_dasar: 44,32  # realisasi 2021, dihitung dari laporan {NTT}"]
    head = [line for line in source.splitlines() if line.startswith("#")]
    assert head and all(line in text for line in head)
    anggaran = (scaffolded / "data" / NEW / "anggaran.yml").read_text(encoding="utf-8")
    assert "135.971.220" not in anggaran and "tahun: 2022" in anggaran
    harga = (scaffolded / "data" / NEW / "harga.yml").read_text(encoding="utf-8")
    # last year's prices are the new year's "previous year" prices
    assert "harga_lalu: 10.143  # harga 2021" in harga and "tahun_lalu: 2021" in harga
    bab3 = (scaffolded / "content" / NEW / "bab-3-akuntabilitas-kinerja.md").read_text()
    assert "## 3.1 Capaian Kinerja Tahun 2022" in bab3
    assert "<!-- lkip:tabel capaian-kinerja -->" in bab3
    assert "<!-- lkip:tulis-ulang -->\nPada tahun 2021, UPTD PSMB" in bab3


def test_a_pending_target_never_takes_the_na_policy(scaffolded: Path) -> None:
    """NTT gives an NA target a capaian of 100 %; a target still to fill gets none."""
    publication = prepare(scaffolded, only=NEW)
    h = publication.by_id[NEW]
    assert h.report.laporan.kebijakan.capaian_target_na == 100
    assert all(r.capaian is None and r.belum_diisi for r in h.utama)
    assert h.rata_rata is None and "9 belum diisi" in h.cakupan


def test_nothing_is_overwritten(scaffolded: Path) -> None:
    with pytest.raises(scaffold.ScaffoldError, match="sudah ada; laporan tidak ditimpa"):
        scaffold.from_report(scaffolded / "data" / NTT, 2022)
    assert main(["new", "--from", str(scaffolded / "data" / NTT), "--year", "2022"]) == 2


def test_a_new_id_replaces_the_year() -> None:
    assert scaffold.new_id(NTT, 2021, 2022) == NEW
    with pytest.raises(scaffold.ScaffoldError, match="tidak memuat tahun 2021"):
        scaffold.new_id("ntt-disperindag", 2021, 2022)
    assert shift_years("tahun 2021 dan 2020", 2021, 2022) == "tahun 2022 dan 2021"


def test_an_empty_report_builds(tmp_path: Path) -> None:
    root = repo_copy(tmp_path, ())
    made = scaffold.empty(root, "Dinas Perdagangan Kota Kupang", "kota", 2022)
    assert made.id == "dinas-perdagangan-kota-kupang-lkip-2022" and made.pending > 0
    every, blocking = run_check(root)
    assert blocking == [] and len(pending_of(every)) == made.pending + 1  # + its paragraph
    done = build(root / "mkdocs.yml", tmp_path / "site")
    assert done.returncode == 0, done.stderr[-3000:]


# ------------------------------------------------------------------ last year carried and flagged

# Tabel 3.2 of the LKIP 2021 (seed), column Realisasi: each indicator's and sub-indicator's
# realisasi 2021, the base year of 2022 ("Tahun Dasar 2021")
REALISASI_2021 = {
    "ik-1": "44.32",
    "ik-2": "19.77",
    "ik-2a": "12.76",
    "ik-2b": "26.77",
    "ik-3": "16.67",
    "ik-4": "98.13",
    "ik-5": "8.82",
    "ik-6": "20",
    "ik-7": "1.08",
    "ik-8": "11.43",
    "ik-9": "32.31",
}


def indicators(report) -> dict:
    out = {}
    for ind in report.kinerja.indikator:
        out[ind.id] = ind
        out.update({s.id: s for s in ind.sub})
    return out


def test_the_base_year_is_last_years_realisasi_said_where_it_came_from(scaffolded: Path) -> None:
    problems = Collector()
    new = load_report(scaffolded / "data" / NEW, scaffolded, problems)
    assert new is not None and new.kinerja is not None
    base = {iid: ind.tahun_dasar for iid, ind in indicators(new).items()}
    assert base == {iid: Decimal(v) for iid, v in REALISASI_2021.items()}
    text = (scaffolded / "data" / NEW / "indikator.yml").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if "tahun_dasar:" in line]
    assert len(lines) == 11
    assert all(line.endswith(f"# realisasi 2021, dihitung dari laporan {NTT}") for line in lines)
    # the column "Tahun Dasar 2021" of the 2022 Tabel 3.2 shows them
    table = prepare(scaffolded, only=NEW).tables[NEW]["capaian-kinerja"]
    column = table.header.index("Tahun Dasar 2021")
    assert [str(row[column]) for row in table.rows[:3]] == ["44,32", "19,77", "12,76"]


def test_a_base_year_without_last_years_realisasi_stays_na_and_says_why(tmp_path: Path) -> None:
    root = repo_copy(tmp_path)
    indikator = root / "data" / NTT / "indikator.yml"
    text = indikator.read_text(encoding="utf-8")
    # ik-8's realisasi 2021 not available; ik-6 measured against a base (aturan dasar)
    text = text.replace("      a:\n        nilai: 4\n", "      a:\n        nilai: NA\n", 1)
    ik6 = "  - id: ik-6\n    nama: Persentase Peningkatan Transaksi Produk Lokal di dalam wilayah NTT\n"
    assert text.count(ik6) == 1
    text = text.replace(ik6, ik6 + "    aturan: {jenis: dasar}\n").replace(
        ik6 + "    aturan: {jenis: dasar}\n    tahun_dasar: NA\n",
        ik6 + "    aturan: {jenis: dasar}\n    tahun_dasar: 30\n",
    )
    indikator.write_text(text, encoding="utf-8")
    scaffold.from_report(root / "data" / NTT, 2022)
    new = (root / "data" / NEW / "indikator.yml").read_text(encoding="utf-8")
    lines = [line.strip() for line in new.splitlines() if "tahun_dasar:" in line]
    assert f"tahun_dasar: NA  # realisasi 2021 NA di laporan {NTT}" in lines
    assert (
        'tahun_dasar: {belum_diisi: "tahun_dasar ik-6 (B aturan dasar): realisasi 2021 = 20 '
        f'(laporan {NTT}), atau kondisi awal Renstra"}}'
    ) in lines


def test_carried_texts_naming_last_year_are_flagged(tmp_path: Path) -> None:
    root = repo_copy(tmp_path)
    source = root / "data" / NTT / "laporan.yml"
    text = source.read_text(encoding="utf-8")
    old = '    judul: "Lampiran: Perjanjian Kinerja"\n'
    assert text.count(old) == 1
    source.write_text(text.replace(old, '    judul: "Lampiran: Perjanjian Kinerja 2021"\n'))
    scaffold.from_report(root / "data" / NTT, 2022)
    laporan = (root / "data" / NEW / "laporan.yml").read_text(encoding="utf-8")
    assert (
        '    judul: {belum_diisi: "judul halaman 2022, mis. Lampiran: Perjanjian Kinerja 2022"}\n'
    ) in laporan
    every, blocking = run_check(root / "data" / NEW)
    assert blocking == []
    line = laporan[: laporan.index("Perjanjian Kinerja 2022")].count("\n") + 1
    assert any(p.file == f"data/{NEW}/laporan.yml" and p.line == line for p in pending_of(every))
    # every block of every chapter that still names 2021 or 2020 is flagged to rewrite
    flag = draft.REWRITE
    for md in sorted((root / "content" / NEW).glob("*.md")):
        blocks = re.split(r"\n[ \t]*\n", md.read_text(encoding="utf-8"))
        fence = False
        for block in blocks:
            if block.lstrip().startswith("```") or fence:
                fence ^= block.count("```") % 2 == 1
                continue
            plain = re.sub(r"<!--.*?-->", "", block, flags=re.S)
            if re.search(r"\b(2020|2021)\b", plain):
                assert flag.match(block), f"{md.name}: {block[:80]!r}"
    lampiran = (root / "content" / NEW / "lampiran-perjanjian-kinerja.md").read_text()
    assert lampiran.startswith("<!-- lkip:tulis-ulang -->\n# Lampiran: Perjanjian Kinerja 2022\n")
