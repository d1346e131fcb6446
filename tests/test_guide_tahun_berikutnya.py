"""EDITING.md's "Menyusun laporan tahun berikutnya", followed start to finish as written.

Every `sh` block of the section runs (bash, stop at the first failing command) in a copy of
the repository, and every `yaml` block that starts with `# berkas:` is applied as the
replacement it shows (its `# ganti:` text must be in the file exactly once). A `text` block
right after the `lkip diff` command is its output in part: each of its lines must be a line
the command wrote. So a guide that no longer matches what `lkip new` writes or `lkip diff`
says, or a command that no longer works, fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from lkip_build.publish.site import prepare
from tests.conftest import ROOT

SECTION = "## Menyusun laporan tahun berikutnya"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.S | re.M)


def steps() -> list[tuple[str, str]]:
    guide = (ROOT / "EDITING.md").read_text(encoding="utf-8")
    start = guide.index(SECTION)
    end = guide.index("\n## ", start + len(SECTION))
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(guide[start:end])]


def replace(root: Path, block: str) -> None:
    head, rest = block.split("\n", 1)
    path = root / head.removeprefix("# berkas:").strip()
    old, new = rest.removeprefix("# ganti:\n").split("# dengan:\n")
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name}: {old!r} ada {text.count(old)} kali"
    path.write_text(text.replace(old, new), encoding="utf-8")


def repo(tmp: Path) -> Path:
    for name in ("data", "content", "hooks", "overrides"):
        shutil.copytree(ROOT / name, tmp / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    bin_ = tmp / ".venv" / "bin"
    bin_.mkdir(parents=True)
    for name, module in (("lkip", "lkip_build.cli"), ("mkdocs", "mkdocs")):
        (bin_ / name).write_text(f'#!/bin/sh\nexec "{sys.executable}" -m {module} "$@"\n')
        (bin_ / name).chmod(0o755)
    return tmp


def test_the_guide_runs_start_to_finish(tmp_path: Path) -> None:
    root = repo(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LKIP_PDF": "0", "NO_MKDOCS_2_WARNING": "1"}
    ran = []
    found = steps()
    assert [kind for kind, _ in found].count("sh") >= 5
    compared = False
    for i, (kind, block) in enumerate(found):
        if kind == "text" and "lkip diff" in found[i - 1][1]:
            # the year-on-year comparison, as the guide shows it (values from the seed and
            # the guide's own figures), written by the command itself
            output = (root / "perbandingan.md").read_text(encoding="utf-8")
            assert "dihapus" not in output
            lines = set(output.splitlines())
            assert [line for line in block.splitlines() if line not in lines] == []
            compared = True
        elif kind == "sh":
            done = subprocess.run(
                ["bash", "-e", "-c", block],
                cwd=root,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == 0, f"{block}\n{done.stdout[-2000:]}{done.stderr[-2000:]}"
            ran.append(done.stdout)
        elif kind == "yaml" and block.startswith("# berkas:"):
            if "status: final" in block:
                filled = prepare(root, only="ntt-disperindag-lkip-2022")
                h = filled.by_id["ntt-disperindag-lkip-2022"]
                # the two indicators and the programme filled in are computed now
                assert h.indikator["ik-3"].capaian is not None
                assert h.indikator["ik-7"].capaian is not None
                program = h.sumber["apbd"].program[1]
                assert program.pos.id == "p-perizinan" and program.persen is not None
            replace(root, block)
    assert compared
    assert (root / "site" / "ntt-disperindag-lkip-2022" / "yang-masih-harus-diisi").is_dir()
    assert ran[-1].strip() == "status keluar: 1"
    final = (root / "hasil-periksa.txt").read_text(encoding="utf-8")
    assert "(laporan berstatus final) [value-pending]" in final
