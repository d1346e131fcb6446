"""`lkip check`: findings one a line or as JSON, and an exit status CI can use."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from lkip_build.cli import main

from .conftest import FINDING_KEYS, ROOT


def test_check_a_report_folder(capsys) -> None:
    # the NTT report is a published document: its diterima.yml lists every mismatch it
    # prints, so `lkip check` exits 0 exactly as `make site` publishes it (one rule)
    assert main(["check", str(ROOT / "data" / "ntt-disperindag-lkip-2021")]) == 0
    captured = capsys.readouterr()
    summary = "0 kesalahan, 33 angka tidak cocok diterima (diterima.yml), 2 peringatan, 5 catatan"
    assert captured.err == summary + "\n"
    out = captured.out.splitlines()
    # the summary first, then each group under its heading, most serious first
    assert out[0] == summary + ":"
    heads = [line for line in out if not line.startswith(("  ", "data/"))]
    assert heads == [
        summary + ":",
        "Angka tidak cocok yang diterbitkan apa adanya (diterima.yml) (33):",
        "Peringatan (2):",
        "Catatan (5):",
    ]
    notes = [line for line in out if line.startswith("  ")]
    assert len(notes) == 40 and all(line.endswith("]") for line in notes)
    assert any(line.startswith("  data/ntt-disperindag-lkip-2021/anggaran.yml:") for line in notes)


def test_a_draft_lists_errors_first_and_counts_what_is_left(tmp_path: Path, capsys) -> None:
    """The fresh-draft trial: `lkip new` from 2021, two mistakes. The errors come first
    under a summary; the hundreds of values still to fill are one count per file, the
    same count `lkip new` said and the to-do page says."""
    for name in ("data/ntt-disperindag-lkip-2021", "content/ntt-disperindag-lkip-2021"):
        shutil.copytree(ROOT / name, tmp_path / name)
    assert (
        main(["new", "--from", str(tmp_path / "data/ntt-disperindag-lkip-2021"), "--year", "2022"])
        == 0
    )
    said = capsys.readouterr().out.splitlines()[-1]
    left = said.split(".", 1)[0]
    assert re.fullmatch(r"\d+ nilai dan \d+ paragraf belum diisi", left), said
    assert "make check LAPORAN=data/ntt-disperindag-lkip-2022 SEMUA=1" in said
    draft = tmp_path / "data/ntt-disperindag-lkip-2022"
    assert main(["check", str(draft)]) == 0  # a draft's pending values are warnings
    assert left in capsys.readouterr().err  # the same count
    path = draft / "indikator.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("target: 75  #", "target: 7x5  #", 1)  # mistake 1: a bad number
    broken = re.sub(
        r"(\n    )realisasi:(\n      jenis: rerata_sub)", r"\1realisai:\2", text, count=1
    )
    assert broken != text  # mistake 2: a misspelt key
    path.write_text(broken, encoding="utf-8")
    assert main(["check", str(draft)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert re.fullmatch(r"2 kesalahan, \d+ peringatan, \d+ catatan, \d+ nilai belum diisi:", err[0])
    assert err[1] == "Memblokir penerbitan (2):"
    assert [line.rsplit("[", 1)[1] for line in err[2:4]] == ["bad-number]", "unknown-field]"]
    assert "realisasi belum diisi" not in "\n".join(err)  # one root cause, one message
    per_file = err[err.index(next(x for x in err if x.startswith("Belum diisi"))) + 1 :]
    assert len(per_file) < 10 and per_file[-1].startswith("  daftar lengkapnya")
    assert main(["check", "--semua", str(draft)]) == 2
    assert len(capsys.readouterr().err.splitlines()) > 400  # every value, with its line


def test_check_json(capsys) -> None:
    main(["check", str(ROOT), "--json"])
    found = json.loads(capsys.readouterr().out)
    assert found and all(set(f) >= FINDING_KEYS for f in found)


def test_check_consistent_report_exits_zero(capsys) -> None:
    assert main(["check", str(ROOT / "data" / "lebak-disperindag-renja-2021")]) == 0


def test_check_bad_data_exits_two(make_report, capsys) -> None:
    data = make_report({"anggaran.yml": "tahun: 2021\nsumber: 1.5\n"})
    assert main(["check", str(data / "uji-2021")]) == 2
    err = capsys.readouterr().err
    assert "anggaran.yml:2: sumber:" in err and "[wrong-type]" in err


def test_check_not_a_report(tmp_path: Path, capsys) -> None:
    assert main(["check", str(tmp_path)]) == 2


def test_a_mismatch_no_diterima_lists_fails(make_report, capsys) -> None:
    budget = (
        "tahun: 2021\nsumber:\n  - id: apbd\n    nama: APBD\n    program:\n"
        "      - nama: A\n        pagu: 100\n        realisasi: 50\n"
        "        tertulis: [{di: Tabel 3.22, nilai: {persen: '60'}}]\n"
    )
    data = make_report({"anggaran.yml": budget})
    assert main(["check", str(data / "uji-2021")]) == 1
    assert re.search(r"\[stated-mismatch cv-[0-9a-f]{8} BARU\]$", capsys.readouterr().out, re.M)


def test_a_program_error_exits_three_naming_the_file(make_report, capsys, monkeypatch) -> None:
    from lkip_build import compute

    def boom(*args, **kwargs):
        raise ZeroDivisionError("simulated")

    monkeypatch.setattr(compute, "compute_pos", boom)
    budget = "tahun: 2021\nsumber:\n  - id: apbd\n    nama: APBD\n    program:\n      - {nama: A, pagu: 1, realisasi: 1}\n"
    data = make_report({"anggaran.yml": budget})
    assert main(["check", str(data / "uji-2021")]) == 3
    err = capsys.readouterr().err
    assert "data/uji-2021:" in err and "[internal-error]" in err and "Traceback" not in err


def test_help_is_indonesian(capsys) -> None:
    import pytest

    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "Status keluar" in out and "tampilkan bantuan" in out and "show this help" not in out


ARGPARSE_ENGLISH = (
    "usage:",
    "error:",
    "options",
    "positional arguments",
    "required",
    "invalid choice",
    "unrecognized",
    "show this help",
)


@pytest.mark.parametrize(
    "argv",
    [[], ["check"], ["chek", "x"], ["check", "--bogus", "."], ["--help"], ["check", "--help"]],
)
def test_usage_and_help_are_indonesian(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """argparse's own words (usage, headings, usage errors) are Indonesian too, not only ours."""
    with pytest.raises(SystemExit) as stop:
        main(argv)
    out = capsys.readouterr()
    text = out.out + out.err
    assert text.startswith("penggunaan: lkip")
    assert not [w for w in ARGPARSE_ENGLISH if w in text], text
    assert stop.value.code == (0 if "--help" in argv else 2)
    if "--help" in argv:
        assert "Status keluar" in text
    else:
        assert "galat:" in text


def test_a_closed_pipe_is_not_a_traceback() -> None:
    """`lkip check . | head`: the reader closed the pipe; no traceback. (`true` closes it
    before the first line is written, so the test does not depend on the pipe's size.)"""
    import subprocess
    import sys

    done = subprocess.run(
        f"'{sys.executable}' -m lkip_build.cli check . | true",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


def test_a_second_check_of_the_same_files_is_read_back_and_any_change_is_seen(
    make_report, capsys, monkeypatch, tmp_path: Path
) -> None:
    """`lkip check` keeps its result under a key of every file it reads and the program:
    the same files give the same answer without the pass; a data or chapter edit, anew."""
    from lkip_build import cli

    monkeypatch.setenv("LKIP_CACHE", str(tmp_path / "cache"))
    budget = "tahun: 2021\nsumber:\n  - id: apbd\n    nama: APBD\n    program:\n      - {nama: A, pagu: 100, realisasi: 50}\n"
    data = make_report({"anggaran.yml": budget})
    (tmp_path / "content" / "uji-2021").mkdir(parents=True)
    chapter = tmp_path / "content" / "uji-2021" / "index.md"
    chapter.write_text("# Uji\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    first = capsys.readouterr()

    def no_pass(path: Path):
        raise AssertionError("the pass ran again for the same files")

    monkeypatch.setattr(cli, "run_check", no_pass)
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr() == first
    monkeypatch.undo()
    monkeypatch.setenv("LKIP_CACHE", str(tmp_path / "cache"))
    assert main(["check", str(data / "uji-2021")]) == 0  # the one report, remembered too
    capsys.readouterr()
    chapter.write_text("# Uji\n\n<!-- lkip:nilai tidak.ada -->\n", encoding="utf-8")
    assert main(["check", str(data / "uji-2021")]) == 1  # its chapters are in its key
    assert "index.md:3: <!-- lkip:nilai tidak.ada -->" in capsys.readouterr().err
    assert main(["check", str(tmp_path)]) == 1
    assert "index.md:3: <!-- lkip:nilai tidak.ada -->" in capsys.readouterr().err
    chapter.write_text("# Uji\n", encoding="utf-8")
    stated = budget.replace(
        "realisasi: 50}", "realisasi: 50, tertulis: [{di: T, nilai: {persen: '60'}}]}"
    )
    (data / "uji-2021" / "anggaran.yml").write_text(stated, encoding="utf-8")
    main(["check", str(tmp_path)])
    assert re.search(r"\[stated-mismatch cv-[0-9a-f]{8} BARU\]$", capsys.readouterr().out, re.M)


def test_a_decimal_cut_in_a_flow_map_is_one_problem(make_report, capsys) -> None:
    """`{nilai: 1630,5}`: YAML cuts the number at its comma and reads '5' as a key. One
    problem at the line (yaml-comma-decimal), not also "kolom '5' tidak dikenal"."""
    data = make_report(
        {
            "indikator.yml": "sasaran_strategis: S\nindikator:\n  - id: ik-1\n    nama: C\n"
            "    target: 75\n    realisasi:\n      jenis: rasio\n"
            "      a: {nilai: 1600, uraian: berizin}\n      b: {nilai: 1630,5, uraian: semua}\n"
        }
    )
    assert main(["check", str(data / "uji-2021")]) == 2
    err = capsys.readouterr().err
    assert re.findall(r"\[([a-z-]+)\]$", err, re.M) == ["yaml-comma-decimal"], err
