"""EDITING.md's path "Menerbitkan laporan yang sudah terbit" works as written: every shell
block of it runs, in order, in a fresh git copy of the repository, and every output the
guide shows (a `text` block after a command block) is what the commands print.

A block whose first line is `# lkip-panduan: lewati` is skipped (it needs the internet or
GitHub, or runs until stopped, like `make serve`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import ROOT

SECTION = "Menerbitkan laporan yang sudah terbit"
SKIP = "# lkip-panduan: lewati"
FENCE = re.compile(r"^( *)```(\w+)\n(.*?)^\1```$", re.M | re.S)
COPIED = ("data", "content", "lkip_build", "scripts", "tests/corpus", "hooks", "overrides")
FILES = (".pre-commit-config.yaml", "Makefile", "pyproject.toml", "mkdocs.yml")


def section(text: str, title: str) -> str:
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else None]


def blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced block, in order, dedented."""
    return [(m.group(2), textwrap.dedent(m.group(3))) for m in FENCE.finditer(text)]


def steps() -> list[tuple[str, list[str]]]:
    """(commands, the outputs the guide shows after them) for every block that runs."""
    out: list[tuple[str, list[str]]] = []
    for lang, body in blocks(section((ROOT / "EDITING.md").read_text(encoding="utf-8"), SECTION)):
        if lang == "sh" and not body.startswith(SKIP):
            out.append((body, []))
        elif lang == "text" and out:
            out[-1][1].extend(line for line in body.splitlines() if line.strip())
    return out


def test_the_section_is_a_path_with_commands_and_skips() -> None:
    text = section((ROOT / "EDITING.md").read_text(encoding="utf-8"), SECTION)
    langs = [lang for lang, _ in blocks(text)]
    assert langs.count("sh") >= 6
    skipped = [body for lang, body in blocks(text) if lang == "sh" and body.startswith(SKIP)]
    assert any("make serve" in b for b in skipped)  # the one command that never ends
    assert all(b.split("\n", 1)[0].strip() != SKIP for b in skipped)  # each says why
    for step in (
        "lkip check",
        "lkip check --terima",
        "diterima.yml",
        "make serve",
        "lkip diff",
        "pull request",
    ):
        assert step in text, step


def shim(path: Path, target: str) -> None:
    """`.venv/bin/<name>` as the guide calls it: this test's interpreter and its tools."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'#!/bin/sh\nexec {target} "$@"\n', encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """What an editor has after `git clone` and `make setup`: the repository on main, its
    `.venv/bin/` tools (here: this interpreter's), nothing else."""
    repo = tmp_path / "lkip"
    for part in COPIED:
        shutil.copytree(ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.rmtree(repo / "data" / "kota-banda-aceh-bappeda-lkjip-2021", ignore_errors=True)
    for name in FILES:
        shutil.copy(ROOT / name, repo / name)
    bin_ = Path(sys.executable).parent
    shim(repo / ".venv" / "bin" / "python", sys.executable)
    shim(repo / ".venv" / "bin" / "lkip", f'"{sys.executable}" -m lkip_build.cli')
    shim(repo / ".venv" / "bin" / "pre-commit", f'"{bin_ / "pre-commit"}"')
    (repo / ".gitignore").write_text(".venv/\n", encoding="utf-8")
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "awal"], cwd=repo, check=True)
    return repo


def test_the_guide_runs_from_start_to_finish(clone: Path, tmp_path: Path) -> None:
    env = {
        "PATH": f"{clone / '.venv' / 'bin'}:/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),  # pre-commit's own cache, not the user's
        "PYTHONPATH": str(clone),  # the copy's lkip_build
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "NO_MKDOCS_2_WARNING": "1",
        "LKIP_CACHE": "0",
    }
    ran = steps()
    assert ran
    for commands, shown in ran:
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", commands],
            cwd=clone,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        said = done.stdout + done.stderr
        assert done.returncode == 0, f"{commands}\n{said}"
        for line in shown:
            assert line.strip() in said, f"the guide shows {line!r} after:\n{commands}\n{said}"
    # the commit went through the pre-commit hook, which checked the new report
    log = subprocess.run(
        ["git", "log", "--format=%s", "-1"], cwd=clone, capture_output=True, text=True, check=True
    )
    assert log.stdout.strip() == "Terbitkan LKjIP 2021 Bappeda Kota Banda Aceh"
    assert (clone / ".git" / "hooks" / "pre-commit").exists()
