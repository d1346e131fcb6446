"""Any generator: ProperDocs (the continuation of MkDocs 1.x) builds the repository with its
hooks, and Zensical (Material's successor, which runs no hooks) builds `lkip export`'s
folder, each with the same tables and figures as our MkDocs build."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lkip_build.cli import main

from .conftest import ROOT

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LKIP_PDF": "0"}


def tables(page: Path) -> list[list[str]]:
    """Each table of a built page as the text of its cells, in order: what a reader reads,
    whatever markup the generator puts around it."""
    out = []
    for table in re.findall(r"<table\b.*?</table>", page.read_text(encoding="utf-8"), re.S):
        cells = re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", table, re.S)
        out.append([" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in cells])
    return out


def pages(site: Path) -> list[str]:
    """Every built page of our MkDocs build that shows a table (the print view too)."""
    found = [p.relative_to(site).as_posix() for p in sorted(site.rglob("index.html"))]
    found = [p for p in found if tables(site / p)]
    assert len(found) >= 8, found  # NTT: chapters, lampiran, daftar tabel, verifikasi, cetak
    return found


def run(tool: str, *args: str, cwd: Path) -> None:
    exe = shutil.which(tool, path=str(BIN)) or shutil.which(tool)
    if exe is None:
        pytest.skip(f"{tool} is not installed (pip install -e '.[test]')")
    result = subprocess.run(
        [exe, *args], cwd=cwd, env=ENV, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    assert main(["export", str(out), "--root", str(ROOT)]) == 0
    return out


def test_export_is_plain_markdown(exported: Path) -> None:
    """No marker is left for a generator to trip on, and no hook is asked for."""
    config = (exported / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in config
    for page in (exported / "docs").rglob("*.md"):
        assert "<!-- lkip:" not in page.read_text(encoding="utf-8"), page
    assert (exported / "docs/ntt-disperindag-lkip-2021/catatan-verifikasi/catatan.json").exists()


def charts(site: Path, page: str) -> list[str]:
    """The charts a page shows, each checked to exist in the built site."""
    here = (site / page).parent
    found = re.findall(r'src="([^"]+\.svg)"', (site / page).read_text(encoding="utf-8"))
    for src in found:
        assert (here / src).resolve().is_file(), (page, src)
    return found


def test_zensical_builds_the_export_with_the_same_tables(repo_site: Path, exported: Path) -> None:
    run("zensical", "build", "--clean", cwd=exported)
    drawn = 0
    for page in pages(repo_site):
        assert tables(exported / "site" / page) == tables(repo_site / page), page
        assert charts(exported / "site", page) == charts(repo_site, page), page
        drawn += len(charts(repo_site, page))
    assert drawn >= 5  # NTT's capaian, APBD, APBN and price charts


def test_mkdocs_builds_the_export_with_the_same_tables(repo_site: Path, exported: Path) -> None:
    run("mkdocs", "build", "--strict", "-d", "site-mkdocs", cwd=exported)
    for page in pages(repo_site):
        assert tables(exported / "site-mkdocs" / page) == tables(repo_site / page), page


def test_properdocs_builds_the_repository(repo_site: Path, tmp_path: Path) -> None:
    run("properdocs", "build", "--strict", "-d", str(tmp_path / "site"), cwd=ROOT)
    for page in pages(repo_site):
        assert tables(tmp_path / "site" / page) == tables(repo_site / page), page
