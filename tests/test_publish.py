"""Reproducible and atomic publishing (scripts/build_site.py, run by `make site`)."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, tiny_site

SCRIPT = ROOT / "scripts" / "build_site.py"

# what a repository copy for a build leaves out: tools, earlier builds, caches (a copied
# content cache would let a build take charts and PDFs it did not make)
COPY_IGNORE = shutil.ignore_patterns(
    ".venv",
    ".git",
    "site",
    ".builds",
    ".cache",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "node_modules",
)


def publish(root: Path, epoch: str = "1700000000") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, str(SCRIPT)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def same_tree(a: Path, b: Path) -> bool:
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or cmp.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(a / d, b / d) for d in cmp.common_dirs)


def test_two_builds_of_the_same_commit_are_identical(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(
        ROOT,
        root,
        ignore=COPY_IGNORE,
    )
    assert publish(root).returncode == 0
    first = (root / "site").resolve()
    kept = tmp_path / "first"
    shutil.copytree(first, kept)
    assert publish(root).returncode == 0
    assert (root / "site").resolve() != first  # a fresh folder each time
    assert same_tree(kept, (root / "site").resolve())


def test_a_failed_build_keeps_the_last_good_site(tmp_path: Path) -> None:
    tiny_site(tmp_path, "# Uji\n\nTahun <!-- lkip:nilai laporan.tahun -->.\n")
    assert publish(tmp_path).returncode == 0
    good = (tmp_path / "site").resolve()
    page = good / "uji-2021" / "index.html"
    before = page.read_bytes()
    (tmp_path / "content" / "uji-2021" / "index.md").write_text(
        "# Uji\n\n<script>alert(1)</script>\n", encoding="utf-8"
    )
    result = publish(tmp_path)
    assert result.returncode != 0
    assert (tmp_path / "site").resolve() == good
    assert page.read_bytes() == before
    assert [p for p in (tmp_path / ".builds").iterdir()] == [good]  # the failed folder is gone


def test_links_and_anchors_are_validated() -> None:
    from lkip_build.publish.pagecheck import mkdocs_config

    config = mkdocs_config(ROOT)
    links = config["validation"]["links"]
    assert config["strict"] is True
    assert links["not_found"] == links["anchors"] == "warn"  # a warning fails a strict build
