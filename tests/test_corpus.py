"""The corpus: other agencies' published reports, entered as an editor would.

Each `tests/corpus/<id>/` holds `SOURCE.md` (the fragment as published, with its address),
`data/<id>/` and `content/<id>/` (the report as data), and `expect.txt`: the findings the
audit must report, one `<file>:<line> <code>` a line (none: the document is consistent).
Every report is checked with `lkip check` and all of them are built together, strict, as
one site.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from lkip_build.cli import main

sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
import build_site

from .conftest import ROOT, articles, build

CORPUS = Path(__file__).parent / "corpus"
REPORTS = sorted(p for p in CORPUS.iterdir() if (p / "data").is_dir())
# "... [code]", or for a verification note "... [code cv-1a2b3c4d]" (its id, and BARU)
LINE = re.compile(r"data/([^/]+)/([^:\s]+?)(?::(\d+))?: .*\[([a-z0-9-]+)(?: cv-[^\]]*)?\]\s*$")


def expected(folder: Path) -> set[tuple[str, int, str]]:
    out = set()
    for line in (folder / "expect.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            where, code = line.split()
            name, _, number = where.partition(":")
            out.add((name, int(number or 0), code))
    return out


def test_the_corpus_spans_the_country() -> None:
    """Issue 8: a kementerian or lembaga, a kota, a kabupaten, a province other than NTT."""
    levels = set()
    for folder in REPORTS:
        laporan = next((folder / "data").glob("*/laporan.yml")).read_text(encoding="utf-8")
        levels.add(re.search(r"^tingkat: (\w+)", laporan, re.M).group(1))  # type: ignore[union-attr]
        assert "http" in (folder / "SOURCE.md").read_text(encoding="utf-8")
    assert len(REPORTS) >= 6
    assert {"nasional", "provinsi", "kabupaten", "kota"} <= levels


@pytest.mark.parametrize("folder", REPORTS, ids=[p.name for p in REPORTS])
def test_findings_are_the_documents(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = next((folder / "data").iterdir())
    main(["check", str(data)])
    out = capsys.readouterr()
    found = set()
    for line in (out.out + out.err).splitlines():
        m = LINE.search(line)
        if m:
            found.add((m.group(2), int(m.group(3) or 0), m.group(4)))
    assert found == expected(folder), out.out + out.err


def test_the_corpus_builds_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every corpus report at once through the three paths: `lkip check` passes, the hook
    build is strict and `make site` (a unit per report, assembled) publishes the same
    main content on every page."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "content" / "assets", tmp_path / "content" / "assets")
    shutil.copy(ROOT / "content" / "index.md", tmp_path / "content" / "index.md")
    for folder in REPORTS:
        shutil.copytree(folder / "data", tmp_path / "data", dirs_exist_ok=True)
        shutil.copytree(folder / "content", tmp_path / "content", dirs_exist_ok=True)
    result = build(tmp_path / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    for folder in REPORTS:
        rid = next((folder / "data").iterdir()).name
        assert f'href="{rid}/"' in home, rid
    assert main(["check", str(tmp_path)]) == 0, capsys.readouterr()
    monkeypatch.setenv("LKIP_PDF", "0")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_site.main([], root=tmp_path) == 0, capsys.readouterr().err
    hooked, assembled = articles(tmp_path / "out"), articles(tmp_path / "site")
    assert set(hooked) == set(assembled) and len(hooked) > 30
    for page, content in hooked.items():
        assert assembled[page] == content, page
