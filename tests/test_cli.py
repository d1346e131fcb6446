"""`lkip check`: findings one a line or as JSON, and an exit status CI can use."""

from __future__ import annotations

import json
from pathlib import Path

from lkip_build.cli import main

from .conftest import FINDING_KEYS, ROOT


def test_check_a_report_folder(capsys) -> None:
    assert main(["check", str(ROOT / "data" / "ntt-disperindag-lkip-2021")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("data/ntt-disperindag-lkip-2021/anggaran.yml:") for line in out)
    assert all(line.endswith("]") for line in out)


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
