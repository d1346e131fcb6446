"""Publishing by units (scripts/build_site.py, lkip_build/units.py, lkip_build/assemble.py):
each report a self-contained site with only its own navigation and search, assembled under
one home page into the same site the hook build makes."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, articles, tiny_site
from .test_generators import pages, tables
from .test_publish import COPY_IGNORE, same_tree

NTT = "ntt-disperindag-lkip-2021"
LEBAK = "lebak-disperindag-renja-2021"


def IGNORE(folder: str, names: list[str]) -> set[str]:
    """What test_publish's copies leave out, and the tests and build output too."""
    return set(COPY_IGNORE(folder, names)) | {n for n in names if n in ("tests", "build")}


sys.path.insert(0, str(ROOT / "scripts"))  # the process pool's workers import it by name
import build_site  # noqa: E402


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory, monkeypatch_module) -> Path:
    root = tmp_path_factory.mktemp("units") / "repo"
    shutil.copytree(ROOT, root, ignore=IGNORE)
    return root


@pytest.fixture(scope="module")
def monkeypatch_module():  # type: ignore[no-untyped-def]
    mp = pytest.MonkeyPatch()
    mp.setenv("LKIP_PDF", "0")
    mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
    mp.setenv("LKIP_CACHE", str(ROOT / ".cache" / "lkip"))  # charts from the repository's cache
    yield mp
    mp.undo()


@pytest.fixture(scope="module")
def assembled(repo: Path) -> Path:
    assert build_site.main([], root=repo) == 0
    return (repo / "site").resolve()


def test_a_report_unit_has_only_its_own_pages_nav_and_search(repo: Path, tmp_path: Path) -> None:
    assert build_site.main(["--unit", NTT, "--out", str(tmp_path)], root=repo) == 0
    unit = tmp_path / NTT
    index = json.loads((unit / "search" / "search_index.json").read_text(encoding="utf-8"))
    where = {d["location"].split("#")[0] for d in index["docs"]}
    assert "bab-3-akuntabilitas-kinerja/" in where and "" in where  # its own pages...
    assert not any(".." in w or "lebak" in w for w in where)  # ...and nothing else
    assert any(d["title"].startswith("Tabel 3.2") for d in index["docs"])  # tables as entries
    for page in unit.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert LEBAK not in text, page  # no Lebak link in the navigation, nor anywhere
    home = (unit / "bab-1-pendahuluan" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./\.\./" class="md-nav__link">\s*(<[^>]*>\s*)*Beranda', home)


def test_the_assembled_site_is_the_hook_build_by_tables(repo_site: Path, assembled: Path) -> None:
    for page in pages(repo_site):
        assert tables(assembled / page) == tables(repo_site / page), page
    # and by every page's whole main content: text, tables, figures, links, marks
    hooked, units = articles(repo_site), articles(assembled)
    assert set(hooked) == set(units)
    for page, content in hooked.items():
        assert units[page] == content, page
    hook = _files(repo_site)
    units = _files(assembled)
    assert {f for f in units if not f.endswith("search/search_index.json")} == {
        f for f in hook if f != "search/search_index.json"
    }
    assert (
        f"{NTT}/search/search_index.json" in units and f"{LEBAK}/search/search_index.json" in units
    )


def test_zensical_publishes_the_portal_as_mkdocs_does(
    repo: Path, assembled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make site GENERATOR=zensical`: every unit built by Zensical, checked and assembled;
    page for page the same main content as the MkDocs units (links compared as the site
    paths they lead to), the tables in its search index, and no page or file missing."""
    with_mkdocs = articles(assembled, normal=True)
    monkeypatch.setenv("LKIP_GENERATOR", "zensical")
    assert build_site.main([], root=repo, site="site-zensical") == 0
    zensical = (repo / "site-zensical").resolve()
    by_zensical = articles(zensical, normal=True)
    assert set(by_zensical) == set(with_mkdocs)
    for page, content in with_mkdocs.items():
        assert by_zensical[page] == content, page
    index = json.loads((zensical / NTT / "search.json").read_text(encoding="utf-8"))
    assert any(i["title"].startswith("Tabel 3.2") for i in index["items"])
    # what differs, by design: the theme's files and the search index's name and form
    theme = ("assets/", "search/", "search.json", "sitemap.xml")
    kept = {f for f in _files(assembled) if not any(p in f for p in theme)}
    assert kept <= _files(zensical)


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


HREF = re.compile(r'(?:href|src)="([^"]*)"')


def test_every_link_of_the_assembled_site_lands_on_a_file(assembled: Path) -> None:
    checked = 0
    for page in assembled.rglob("*.html"):
        here = page.parent.relative_to(assembled).as_posix()
        for url in HREF.findall(page.read_text(encoding="utf-8")):
            path = url.split("#")[0].split("?")[0]
            if not path or ":" in path or path.startswith("/"):
                continue
            target = assembled / posixpath.normpath(posixpath.join(here, path))
            assert target.is_file() or (target / "index.html").is_file(), (page, url)
            checked += 1
    assert checked > 500
    home = (assembled / "index.html").read_text(encoding="utf-8")
    assert f'href="{NTT}/"' in home and f'href="{NTT}/catatan-verifikasi/"' in home
    assert f'<a href="{LEBAK}/" class="md-nav__link">' in home  # the home's nav: each report
    assert not (assembled / NTT / "assets").exists()  # one copy of the theme, at the root


def test_units_built_apart_and_assembled_are_the_same_bytes(
    repo: Path, assembled: Path, tmp_path: Path
) -> None:
    kept = tmp_path / "all"
    shutil.copytree(assembled, kept)
    parts = tmp_path / "parts"
    for i in (1, 2, 3):
        assert build_site.main(["--shard", f"{i}/3", "--out", str(parts)], root=repo) == 0
    assert sorted(p.name for p in parts.iterdir()) == sorted(["beranda", NTT, LEBAK])
    assert build_site.main(["--assemble", str(parts)], root=repo) == 0
    assert (repo / "site").resolve() != assembled
    assert same_tree(kept, (repo / "site").resolve())


def test_a_broken_report_fails_its_unit_with_located_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch_module
) -> None:
    tiny_site(
        tmp_path,
        "# Uji\n\nTahun <!-- lkip:nilai laporan.tahun_salah -->.\n\n[bab](tidak-ada.md)\n",
    )
    assert build_site.main([], root=tmp_path) != 0
    err = capsys.readouterr().err
    assert "content/uji-2021/index.md" in err and "laporan.tahun_salah" in err
    assert not (tmp_path / "site").exists()


def test_a_link_to_no_file_fails_its_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch_module
) -> None:
    tiny_site(tmp_path, '# Uji\n\n[bab](tidak-ada.md)\n\n<a href="hilang/">x</a>\n')
    out = tmp_path / "parts"
    assert build_site.main(["--unit", "uji-2021", "--out", str(out)], root=tmp_path) == 1
    err = capsys.readouterr().err
    # found by the pipeline's page checks, at the chapter's line, before MkDocs runs
    assert "content/uji-2021/index.md:" in err and "html-link-broken" in err
    assert "tidak-ada.md" in err
    assert not (out / "uji-2021").exists()
    page = tmp_path / "content" / "uji-2021" / "index.md"
    page.write_text('# Uji\n\n<a href="hilang/">x</a>\n', encoding="utf-8")
    assert build_site.main(["--unit", "uji-2021", "--out", str(out)], root=tmp_path) == 1
    err = capsys.readouterr().err
    # a raw HTML address too: at the chapter's line, not at the built page's
    assert "html-link-broken" in err and "content/uji-2021/index.md:3:" in err
    assert "'hilang/'" in err


def test_lkip_export_writes_one_unit(tmp_path: Path) -> None:
    from lkip_build.cli import main
    from lkip_build.publish.units import HOME

    assert build_site.HOME == HOME  # the script plans without importing the package
    args = ["export", str(tmp_path), "--root", str(ROOT), "--laporan", NTT, "--akar"]
    assert main(args) == 0
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["nav"][0] == {"Beranda": "../"} and "hooks" not in config
    assert "bab-1-pendahuluan.md" in json.dumps(config["nav"]) and LEBAK not in json.dumps(config)
    page = (tmp_path / "docs" / "bab-1-pendahuluan.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(page.split("---\n")[1])
    assert meta["lkip_title"] == "Bab I Pendahuluan — LKIP 2021 Disperindag NTT"
    assert meta["lkip_header"].startswith("LKIP 2021 · Dinas Perindustrian")
    assert (tmp_path / "docs" / "unduh" / f"{NTT}-data.json").is_file()


def test_a_page_that_closes_the_theme_article_early_is_still_checked_as_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch_module
) -> None:
    """The theme allows its own inline scripts in its chrome; a page must not pass one off
    as chrome by closing the theme's <article> itself."""
    page = '# Uji\n\n</div></article>\n<script>__md_scope=new URL(".",location);alert(1)</script>\n'
    tiny_site(tmp_path, page)
    out = tmp_path / "parts"
    assert build_site.main(["--unit", "uji-2021", "--out", str(out)], root=tmp_path) == 1
    err = capsys.readouterr().err
    assert "content/uji-2021/index.md" in err and "unsafe-html" in err


def test_links_that_leave_a_report_are_written_for_the_assembled_site() -> None:
    from lkip_build.publish.units import outside_links

    page = f"{NTT}/bab-1.md"
    text = (
        "[awal](index.md) [beranda](../index.md) [lain](../lebak/halaman-79.md#x) "
        "![logo](../assets/logo.png) [web](https://contoh.id/a.md)"
    )
    assert outside_links(text, page, NTT) == (
        "[awal](index.md) [beranda](../../) [lain](../../lebak/halaman-79/#x) "
        # a Markdown link to the unit's own copy, relative to the source file at its root
        "![logo](assets/logo.png) [web](https://contoh.id/a.md)"
    )
    assert outside_links("[a](lebak/index.md) [b](x.md)", "index.md", "") == (
        "[a](lebak/) [b](x.md)"
    )
