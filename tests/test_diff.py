"""`lkip diff OLD NEW`: the figures a reader sees that change, and nothing else.

Golden values are the document's (NTT LKIP 2021: Tabel 3.2, 3.18, 3.22, 3.23) and hand
arithmetic on them; the changed copies are the repository's data with one input edited.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from lkip_build.cli import main
from lkip_build.tools.diff import compare, markdown
from lkip_build.tools.revisions import read_side

from .conftest import ROOT

NTT = "ntt-disperindag-lkip-2021"
IK8 = "Persentase Penurunan Pelanggaran Ijin Usaha Industri"
T32 = "Tabel 3.2 Capaian Kinerja Tahun 2021"
RINGKASAN = "Capaian Kinerja Tahun 2021"  # the executive summary's unnumbered copy of 3.2
T318 = "Tabel 3.18 Pencapaian Kinerja Indikator 8"


def copy_repo(dest: Path) -> Path:
    """What a side needs: the reports' data and chapters."""
    for part in ("data", "content"):
        shutil.copytree(ROOT / part, dest / part)
    return dest


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def changes(old: Path, new: Path) -> dict[tuple[str, str], tuple[str, str]]:
    diffs = compare(read_side("lama", old), read_side("baru", new))
    return {(c.page, c.name): (c.before, c.after) for d in diffs for c in d.changes}


def test_one_realisation_changed_names_its_capaian_mean_and_category(tmp_path) -> None:
    # ik-8: 4 of 35 industries compliant (Tabel 3.18) -> 10 of 35: realisasi 10/35 = 28,57,
    # capaian 28,57/50 = 57,14 %; the mean of the nine capaian 81,44 % + (57,14 - 22,86)/9
    # = 85,25 % crosses 85: Sangat Berhasil (Tabel 3.1)
    new = copy_repo(tmp_path / "baru")
    edit(
        new / "data" / NTT / "indikator.yml",
        "      a:\n        nilai: 4\n",
        "      a:\n        nilai: 10\n",
    )
    found = changes(ROOT, new)
    bab3, ringkasan, bab4 = "Bab III Akuntabilitas Kinerja", "Ringkasan Eksekutif", "Bab IV Penutup"
    realisasi, capaian = ("11,43", "28,57"), ("22,86 %", "57,14 %")
    mean, category = ("81,44 %", "85,25 %"), ("Berhasil", "Sangat Berhasil")
    assert found == {
        (bab3, f"{T32} · {IK8} · Realisasi"): realisasi,
        (bab3, f"{T32} · {IK8} · Capaian"): capaian,
        (bab3, f"{T32} · Rata-rata capaian · Capaian"): mean,
        (bab3, f"{T32} · Kategori · Capaian"): category,
        (bab3, f"{T318} · {IK8} · Realisasi"): realisasi,
        (bab3, f"{T318} · {IK8} · Capaian"): capaian,
        (bab3, "nilai kinerja.rata_rata"): mean,
        (bab3, "nilai kinerja.kategori"): category,
        (ringkasan, f"{RINGKASAN} · {IK8} · Realisasi"): realisasi,
        (ringkasan, f"{RINGKASAN} · {IK8} · Capaian"): capaian,
        (ringkasan, f"{RINGKASAN} · Rata-rata capaian · Capaian"): mean,
        (ringkasan, f"{RINGKASAN} · Kategori · Capaian"): category,
        (ringkasan, "nilai kinerja.kategori"): category,
        (bab4, "nilai kinerja.rata_rata"): mean,
        (bab4, "nilai kinerja.kategori"): category,
    }


def test_the_edited_value_is_data_changed_not_a_figure_and_findings_are_added(tmp_path) -> None:
    new = copy_repo(tmp_path / "baru")
    edit(
        new / "data" / NTT / "indikator.yml",
        "      a:\n        nilai: 4\n",
        "      a:\n        nilai: 10\n",
    )
    (d,) = [d for d in compare(read_side("lama", ROOT), read_side("baru", new)) if not d.empty]
    assert d.inputs == [
        f"`data/{NTT}/indikator.yml:219` `indikator[ik-8].realisasi.a.nilai`: 4 → 10"
    ]
    # the document still prints 11,43 and 22,86 for ik-8 and 81,44 for the mean: each place
    # it prints them now disagrees with the data (Tabel 3.2, Ringkasan, 3.18, Bab 3.2 teks)
    assert {(p.table, p.code) for p in d.added} >= {
        ("Tabel 3.2", "stated-mismatch"),
        ("Tabel 3.18", "stated-mismatch"),
    }
    assert not d.resolved
    assert all(p.file == f"data/{NTT}/indikator.yml" for p in d.added)


def test_budget_realisation_changes_the_leaf_its_parents_totals_and_absorption(tmp_path) -> None:
    # Tabel 3.23: Administrasi Keuangan Perangkat Daerah 8.826.729.272 of 9.047.316.520;
    # 100.000.000 less: the line 96,46 %, its programme 11.536.085.122 (97,80 -> 96,96 %),
    # APBD 13.057.342.972 of 13.519.650.516 = 96,58 % (was 97,32 %)
    new = copy_repo(tmp_path / "baru")
    edit(
        new / "data" / NTT / "anggaran.yml",
        "realisasi: 8.826.729.272",
        "realisasi: 8.726.729.272",
    )
    found = changes(ROOT, new)
    page = "Bab III Akuntabilitas Kinerja"
    t322 = "Tabel 3.22 Alokasi dan Realisasi Anggaran Program/Kegiatan APBD TA 2021"
    t323 = "Tabel 3.23 Rincian Realisasi Belanja APBD TA 2021"
    prog = "Program Penunjang Urusan Pemerintah Daerah Provinsi"
    total = ("13.157.342.972", "13.057.342.972")
    assert found == {
        (page, f"{t322} · {prog} · Realisasi (Rp)"): ("11.636.085.122", "11.536.085.122"),
        (page, f"{t322} · {prog} · Keuangan (%)"): ("97,80", "96,96"),
        (page, f"{t322} · Total · Realisasi (Rp)"): total,
        (page, f"{t322} · Total · Keuangan (%)"): ("97,32", "96,58"),
        (page, f"{t323} · Total anggaran tahun 2021 · Realisasi (Rp)"): total,
        (page, f"{t323} · Total anggaran tahun 2021 · Keuangan (%)"): ("97,32", "96,58"),
        (page, f"{t323} · {prog} · Realisasi (Rp)"): ("11.636.085.122", "11.536.085.122"),
        (page, f"{t323} · {prog} · Keuangan (%)"): ("97,80", "96,96"),
        (page, f"{t323} · Administrasi Keuangan Perangkat Daerah · Keuangan (%)"): (
            "97,56",
            "96,46",
        ),
        (page, "nilai anggaran.apbd.persen"): ("97,32 %", "96,58 %"),
        (page, "nilai anggaran.apbd.realisasi"): total,
    }


def test_identical_sides_say_no_figure_changed(capsys) -> None:
    assert main(["diff", str(ROOT), str(ROOT)]) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1] == "Tidak ada angka yang berubah."
    assert "|" not in out


def test_a_report_folder_side_compares_that_report_only(tmp_path) -> None:
    new = copy_repo(tmp_path / "baru")
    edit(
        new / "data" / NTT / "indikator.yml",
        "      a:\n        nilai: 4\n",
        "      a:\n        nilai: 10\n",
    )
    diffs = compare(read_side("lama", ROOT, NTT), read_side("baru", new / "data" / NTT))
    assert [d.rid for d in diffs] == [NTT]


def test_added_report_is_said_once(tmp_path) -> None:
    old = copy_repo(tmp_path / "lama")
    shutil.rmtree(old / "data" / "lebak-disperindag-renja-2021")
    text = markdown("lama", "baru", compare(read_side("lama", old), read_side("baru", ROOT)))
    assert (
        "(`lebak-disperindag-renja-2021`)\n\nLaporan baru; catatan verifikasi: 0 angka tidak cocok"
        in text
    )
    assert text.count("lebak-disperindag-renja-2021") == 1


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=uji", "-c", "user.email=uji@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_git_revisions_as_sides(tmp_path, monkeypatch, capsys) -> None:
    repo = copy_repo(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "satu")
    edit(
        repo / "data" / NTT / "indikator.yml",
        "      a:\n        nilai: 4\n",
        "      a:\n        nilai: 10\n",
    )
    git(repo, "commit", "-qam", "dua")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    monkeypatch.chdir(repo)
    assert main(["diff", "HEAD~1", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Perubahan angka: `HEAD~1` → `HEAD`")
    assert f"| {T32} · Rata-rata capaian · Capaian | 81,44 % | 85,25 % |" in out
    assert list(scratch.iterdir()) == []  # the unpacked revisions are removed
    # a revision against the working folder: the same change
    git(repo, "reset", "-q", "--hard", "HEAD~1")
    assert main(["diff", "main", "."]) == 0
    assert capsys.readouterr().out.strip().endswith("Tidak ada angka yang berubah.")


def test_unknown_revision_exits_two(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "bukan-revisi", str(ROOT)]) == 2
    assert "bukan folder" in capsys.readouterr().err


def test_unreadable_side_exits_two_with_the_located_problem(tmp_path, capsys) -> None:
    new = copy_repo(tmp_path / "baru")
    edit(new / "data" / NTT / "indikator.yml", "    target: 16,67\n", "    target: enam belas\n")
    assert main(["diff", str(ROOT), str(new)]) == 2
    err = capsys.readouterr().err
    assert f"data/{NTT}/indikator.yml:94: indikator[2].target:" in err


@pytest.mark.parametrize("args", [["diff"], ["diff", "."]])
def test_diff_needs_two_sides(args, capsys) -> None:
    with pytest.raises(SystemExit):
        main(args)


def test_revision_without_reports_exits_two_naming_it(tmp_path, monkeypatch, capsys) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "README.md").write_text("awal\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "awal")
    copy_repo(repo)
    monkeypatch.chdir(repo)
    assert main(["diff", "HEAD", "."]) == 2
    assert capsys.readouterr().err.startswith("HEAD: bukan folder laporan")
