"""What the tests that follow an EDITING.md walkthrough share (test_guide_tahun_berikutnya,
test_guide_impor): the section's fenced blocks in order, a `# berkas:` / `# ganti:` /
`# dengan:` block applied as the replacement it shows, a copy of the repository with the
`.venv/bin/` tools the guide calls, and a `sh` block run there as the editor would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.S | re.M)


def steps(section: str) -> list[tuple[str, str]]:
    """(language, text) of every fenced block of EDITING.md's `section` ("## ..."), in order."""
    guide = (ROOT / "EDITING.md").read_text(encoding="utf-8")
    start = guide.index(f"\n{section}\n")
    end = guide.index("\n## ", start + len(section))
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(guide[start:end])]


def replace(root: Path, block: str) -> None:
    """Apply a `# berkas:` block: its `# ganti:` text must be in the file exactly once."""
    head, rest = block.split("\n", 1)
    path = root / head.removeprefix("# berkas:").strip()
    old, new = rest.removeprefix("# ganti:\n").split("# dengan:\n")
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name}: {old!r} ada {text.count(old)} kali"
    path.write_text(text.replace(old, new), encoding="utf-8")


def repo(tmp: Path) -> Path:
    """The reports, the hooks and mkdocs.yml copied to `tmp`, with `.venv/bin/lkip` and
    `.venv/bin/mkdocs` running this interpreter."""
    for name in ("data", "content", "hooks", "overrides"):
        shutil.copytree(ROOT / name, tmp / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    bin_ = tmp / ".venv" / "bin"
    bin_.mkdir(parents=True)
    for name, module in (("lkip", "lkip_build.cli"), ("mkdocs", "mkdocs")):
        (bin_ / name).write_text(f'#!/bin/sh\nexec "{sys.executable}" -m {module} "$@"\n')
        (bin_ / name).chmod(0o755)
    return tmp


def run(root: Path, block: str) -> subprocess.CompletedProcess[str]:
    """A `sh` block in the copy (bash, stopping at the first failing command); it must
    succeed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LKIP_PDF": "0", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        ["bash", "-e", "-c", block], cwd=root, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{block}\n{done.stdout[-2000:]}{done.stderr[-2000:]}"
    return done
