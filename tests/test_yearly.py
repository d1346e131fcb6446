"""`lkip diff` across two years of one agency, and between folders of two repositories.

Golden values: the 2021 side is the seed's (lkip-ntt-disperindag-2021: Tabel 3.2 for target,
realisasi and capaian, its mean 81,44 % "Berhasil"; Tabel 3.22 for the APBD, 13.519.650.516
and 13.157.342.972, 97,32 %); the 2022 targets are the seed's Tabel 2.5 column 2022; the 2022
realisations are the values the test fills in, with their arithmetic by hand.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from lkip_build.cli import main
from lkip_build.model import Laporan
from lkip_build.problems import Collector
from lkip_build.read.loader import load_file
from lkip_build.tools import scaffold, yearly
from tests.conftest import ROOT

NTT = "ntt-disperindag-lkip-2021"
NEW = "ntt-disperindag-lkip-2022"
IK3 = "ik-3 Persentase Peningkatan Jumlah Komoditas Ekspor"
IK7 = "ik-7 Pertumbuhan industri pengolahan dengan memanfaatkan teknologi industri"
IK1 = "ik-1 Cakupan Penerapan Sistem Perijinan Usaha dan Investasi berbasis Online"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def draft_2022(root: Path) -> Path:
    """A repository with NTT 2021 and its 2022 draft made by `lkip new`, two values filled
    in as EDITING.md's guide fills them: 8 export commodities (ik-3), 1.630 industries
    (ik-7)."""
    for part in ("data", "content"):
        shutil.copytree(ROOT / part, root / part)
    scaffold.from_report(root / "data" / NTT, 2022)
    indikator = root / "data" / NEW / "indikator.yml"
    edit(indikator, 'nilai: {belum_diisi: "ik-3.a: komoditas ekspor tahun 2022"}', "nilai: 8")
    edit(indikator, 'nilai: {belum_diisi: "ik-7.a: pelaku industri tahun 2022"}', "nilai: 1.630")
    return root


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return draft_2022(tmp_path_factory.mktemp("repo"))


def diff(capsys: pytest.CaptureFixture[str], old: Path | str, new: Path | str) -> str:
    assert main(["diff", str(old), str(new)]) == 0
    return capsys.readouterr().out


def rows(markdown: str, heading: str) -> dict[tuple[str, ...], tuple[str, str]]:
    """The table under `#### heading`: (name[, figure]) -> (older year, newer year); a row
    whose first cell is empty continues the indicator above it."""
    part = markdown.split(f"#### {heading}\n\n", 1)[1].split("\n\n", 1)[0]
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    name = ""
    for line in part.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        name = cells[0] or name
        key = (name, *cells[1:-2])
        out[key] = (cells[-2], cells[-1])
    return out


def test_next_years_draft_against_last_years_report_year_on_year(repo: Path, capsys) -> None:
    out = diff(capsys, repo / "data" / NTT, repo / "data" / NEW)
    assert "dihapus" not in out and "Laporan baru" not in out
    assert "1 laporan dibandingkan tahun ke tahun." in out
    assert f"Tahun ke tahun: laporan `{NTT}` (2021) → `{NEW}` (2022)" in out
    found = rows(out, "Indikator kinerja")
    # ik-3: (8 - 7) / 7 = 14,29 % against 28,57: 14,29 / 28,57 = 50,02 %;
    # ik-7: (1.630 - 1.593) / 1.593 = 2,32 % against 2,24: 103,6 %, capped at 100 %
    assert found[(IK3, "Target")] == ("16,67", "28,57")
    assert found[(IK3, "Realisasi")] == ("16,67", "14,29")
    assert found[(IK3, "Capaian")] == ("100,00 %", "50,02 %")
    assert found[(IK7, "Target")] == ("1,12", "2,24")
    assert found[(IK7, "Realisasi")] == ("1,08", "2,32")
    assert found[(IK7, "Capaian")] == ("96,43 %", "100,00 %")
    assert found[(IK1, "Target")] == ("50", "75")
    assert found[(IK1, "Realisasi")] == ("44,32", "belum diisi")
    assert found[(IK1, "Capaian")] == ("88,64 %", "belum diisi")
    # every indicator and sub-indicator of Tabel 3.2, in its order, each once
    names = list(dict.fromkeys(k[0].split(" ", 1)[0] for k in found))
    assert names == ["ik-1", "ik-2", "ik-2a", "ik-2b", *(f"ik-{i}" for i in range(3, 10))]
    summary = rows(out, "Rata-rata capaian dan anggaran")
    # the mean of the two capaian filled: (50,0175 + 100) / 2 = 75,01 %: Berhasil
    assert summary[("Rata-rata capaian",)] == ("81,44 %", "75,01 %")
    assert summary[("Kategori",)] == ("Berhasil", "Berhasil")
    assert summary[("Pagu APBD",)] == ("13.519.650.516", "belum diisi")
    assert summary[("Realisasi anggaran APBD",)] == ("13.157.342.972", "belum diisi")
    assert summary[("Serapan APBD",)] == ("97,32 %", "belum diisi")


def test_a_report_replaced_by_next_years_is_compared_not_removed(
    repo: Path, tmp_path: Path, capsys
) -> None:
    new = tmp_path / "baru"
    for part in ("data", "content"):
        shutil.copytree(repo / part, new / part)
        shutil.rmtree(new / part / NTT)
    out = diff(capsys, ROOT, new)
    assert "dihapus" not in out and "Laporan baru" not in out
    assert out.count("\n### ") == 1  # the Renja of Lebak did not change
    assert rows(out, "Indikator kinerja")[(IK3, "Realisasi")] == ("16,67", "14,29")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=uji", "-c", "user.email=uji@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_between_revisions_where_next_years_report_replaced_last_years(
    repo: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    work = tmp_path / "repo"
    for part in ("data", "content"):
        shutil.copytree(ROOT / part, work / part)
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, "commit", "-qm", "2021")
    for part in ("data", "content"):
        git(work, "rm", "-rq", f"{part}/{NTT}")
        shutil.copytree(repo / part / NEW, work / part / NEW)
    git(work, "add", "-A")
    git(work, "commit", "-qm", "2022")
    monkeypatch.chdir(work)
    out = diff(capsys, "HEAD~1", "HEAD")
    assert "dihapus" not in out
    assert rows(out, "Indikator kinerja")[(IK7, "Capaian")] == ("96,43 %", "100,00 %")
    # a revision against one report folder: the revision's report of the same agency
    out = diff(capsys, "HEAD~1", f"data/{NEW}")
    assert rows(out, "Indikator kinerja")[(IK7, "Realisasi")] == ("1,08", "2,32")


def test_a_renamed_new_and_absent_indicator_are_said_so(repo: Path, tmp_path: Path, capsys) -> None:
    root = tmp_path / "repo"
    shutil.copytree(repo / "data", root / "data")
    for f in (root / "data" / NEW).glob("*.yml"):  # ik-9 is ik-10 in 2022, everywhere
        f.write_text(f.read_text(encoding="utf-8").replace("ik-9", "ik-10"), encoding="utf-8")
    indikator = root / "data" / NEW / "indikator.yml"
    edit(
        indikator,
        "nama: Persentase Penurunan Pelanggaran Ijin Usaha Industri",
        "nama: Persentase Pelaku Industri yang Taat Legalitas",
    )
    out = diff(capsys, root / "data" / NTT, root / "data" / NEW)
    assert (
        "- ik-10 Kesesuaian data informasi industri dalam mendukung SIINas: indikator baru di 2022; tidak ada di laporan 2021"
        in out
    )
    assert (
        "- ik-9 Kesesuaian data informasi industri dalam mendukung SIINas: tidak ada di laporan 2022; baris 2021 saja"
        in out
    )
    assert (
        "- ik-8: namanya berubah: Persentase Penurunan Pelanggaran Ijin Usaha Industri (2021) → "
        "Persentase Pelaku Industri yang Taat Legalitas (2022)"
    ) in out
    found = rows(out, "Indikator kinerja")
    assert found[
        ("ik-9 Kesesuaian data informasi industri dalam mendukung SIINas", "Realisasi")
    ] == ("32,31", "—")
    assert "dihapus" not in out


def test_two_report_folders_of_two_repositories_one_without_chapters(
    tmp_path: Path, capsys
) -> None:
    a, b = tmp_path / "a" / "data" / NTT, tmp_path / "b" / "data" / NTT
    shutil.copytree(ROOT / "data" / NTT, a)
    shutil.copytree(ROOT / "content", tmp_path / "a" / "content")
    shutil.copytree(ROOT / "data" / NTT, b)  # a copied data folder, no content/
    assert diff(capsys, a, b).strip().endswith("Tidak ada angka yang berubah.")
    # ik-8: 10 of 35 compliant instead of 4 (Tabel 3.18): 28,57 and 57,14 %, as test_diff
    edit(b / "indikator.yml", "      a:\n        nilai: 4\n", "      a:\n        nilai: 10\n")
    out = diff(capsys, a, b)
    assert "Satu sisi tidak punya bab (content/)" in out
    found = rows(out, "Tabel")
    ik8 = "Persentase Penurunan Pelanggaran Ijin Usaha Industri"
    assert found[(f"Tabel 3.2 Capaian Kinerja Tahun 2021 · {ik8} · Realisasi",)] == (
        "11,43",
        "28,57",
    )
    assert found[("Tabel 3.2 Capaian Kinerja Tahun 2021 · Rata-rata capaian · Capaian",)] == (
        "81,44 %",
        "85,25 %",
    )
    assert all("—" not in pair for pair in found.values())  # nothing listed as gone
    assert len(found) == 10


def test_next_years_folder_of_another_repository(repo: Path, tmp_path: Path, capsys) -> None:
    b = tmp_path / "lain" / "data" / NEW
    shutil.copytree(repo / "data" / NEW, b)  # only the data, in another place
    out = diff(capsys, ROOT / "data" / NTT, b)
    assert "dihapus" not in out
    assert rows(out, "Indikator kinerja")[(IK3, "Capaian")] == ("100,00 %", "50,02 %")


def laporan() -> Laporan:
    lap = load_file(ROOT / "data" / NTT / "laporan.yml", "laporan.yml", Laporan, Collector())
    assert isinstance(lap, Laporan)
    return lap


def test_the_rule_for_one_agency_two_years() -> None:
    lap = laporan()
    nxt = replace(lap, id=NEW, tahun=2022)
    assert yearly.two_years(lap, nxt)
    assert not yearly.two_years(lap, replace(nxt, tahun=2021))  # the same year: versions
    # case and spaces are not the agency; the names of one kind of document neither
    spaced = replace(
        nxt, instansi="  dinas perindustrian dan  PERDAGANGAN Provinsi Nusa Tenggara Timur"
    )
    assert yearly.two_years(lap, replace(spaced, jenis_dokumen="LKjIP"))
    assert not yearly.two_years(lap, replace(nxt, jenis_dokumen="Renja"))
    assert not yearly.two_years(lap, replace(nxt, pemerintah="Pemerintah Kota Kupang"))
    assert not yearly.two_years(lap, replace(nxt, instansi="Dinas Koperasi"))
    # the old side's report goes with the nearest later year of the same agency
    later = {"b-2023": replace(nxt, tahun=2023), "a-2022": nxt, "c": replace(nxt, instansi="X")}
    assert yearly.successors({NTT: lap}, later) == [(NTT, "a-2022")]
    assert yearly.successors({NTT: lap}, {"c": later["c"]}) == []
