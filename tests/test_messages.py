"""The full message list an editor reads for a set of broken reports, as `lkip check` prints
it. Each breakage below is made on a copy of the NTT data or chapters, and the expected
list is written from the breakage (file, line, field path, the bad value, the code and the
words of the hint), not from our output: a message that loses one of them, a problem that
is reported twice or not at all, or one in English, fails."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

RID = "ntt-disperindag-lkip-2021"
DATA, CONTENT = f"data/{RID}", f"content/{RID}"

# (file, old text, new text): what an editor mistypes
BREAKS = {
    "english-number-and-misspelt-key": [
        (f"{DATA}/indikator.yml", "        nilai: 39\n", "        nilai: 39.5,0\n"),
        (
            f"{DATA}/anggaran.yml",
            "            realisasi: 111.514.950\n",
            "            realisasi: 111.514.950\n            realisai: 1\n",
        ),
        (f"{DATA}/laporan.yml", "tingkat: provinsi\n", "tingkat: propinsi\n"),
    ],
    "unknown-figure-in-a-chapter": [
        (
            f"{CONTENT}/bab-3-akuntabilitas-kinerja.md",
            "lkip:nilai kinerja.rata_rata",
            "lkip:nilai kinerja.rata_rata_capaian",
        ),
    ],
}

# one row per problem, in the order printed (laporan.yml first, then the files in the order
# report.FILES reads them): file:line, field path, the bad value as the
# editor typed it, the code, and words the hint must carry
EXPECTED = {
    "english-number-and-misspelt-key": [
        (f"{DATA}/laporan.yml:8", "tingkat", "propinsi", "bad-choice", ["provinsi"]),
        (
            f"{DATA}/indikator.yml:15",
            "indikator[0].realisasi.a.nilai",
            "39.5,0",
            "bad-number",
            ["44,32"],
        ),
        (f"{DATA}/anggaran.yml:19", "realisai", "realisai", "unknown-field", ["realisasi"]),
    ],
    "unknown-figure-in-a-chapter": [
        (
            f"{CONTENT}/bab-3-akuntabilitas-kinerja.md:23",
            "kinerja.rata_rata_capaian",
            "kinerja.rata_rata_capaian",
            "unknown-value",
            ["kinerja.rata_rata"],
        ),
    ],
}
ENGLISH = re.compile(r"\b(expected|invalid|unknown field|not found|must be|missing)\b", re.I)


def broken_copy(tmp_path: Path, case: str) -> Path:
    for name in (DATA, CONTENT, "content/index.md"):
        src, dst = ROOT / name, tmp_path / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dst)
    for name, old, new in BREAKS[case]:
        path = tmp_path / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_the_full_message_list(tmp_path: Path, case: str) -> None:
    repo = broken_copy(tmp_path, case)
    done = subprocess.run(
        [sys.executable, "-m", "lkip_build.cli", "check", "."],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line.strip() for line in done.stderr.splitlines() if line.startswith("  ")]
    expected = EXPECTED[case]
    assert done.returncode in (1, 2), done.stderr
    assert re.match(rf"{len(expected)} kesalahan, ", done.stderr), done.stderr
    assert len(lines) == len(expected), done.stderr
    for line, (where, field, value, code, hints) in zip(lines, expected, strict=True):
        assert line.startswith(f"{where}: "), line
        assert field in line and value in line, line
        assert line.endswith(f"[{code}]"), line
        for hint in hints:
            assert hint in line.split(value, 1)[1], line  # the hint comes after the value
        assert not ENGLISH.search(line), line
