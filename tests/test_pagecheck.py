"""publish/pagecheck.py: a page rendered in process and checked as the built page is, each
problem at the line of the chapter an editor opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkip_build.publish import pagecheck

from .conftest import ROOT

SITE = pagecheck.Site(
    frozenset({"r/index.md", "r/bab-1.md", "r/gambar/foto.png", "lain/index.md", "index.md"}),
    pagecheck.extensions(ROOT),
    frozenset({"r/unduh/"}),
    {"r/index.md": frozenset({"sampul", "tabel-1-1"})},  # lain/index.md: not rendered here
)


def problems(text: str, src: str = "r/bab-1.md", expanded: str | None = None, nav: bool = True):
    found = pagecheck.check(src, text, text if expanded is None else expanded, {}, SITE, nav)
    return [(p.code, p.line) for p in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# A\n\nLihat [bab](index.md).\n", []),
        ("# A\n\nLihat [bab](bab-9.md).\n", [("html-link-broken", 3)]),
        ("# A\n\n![foto](gambar/foto.png)\n", []),  # Markdown: from the file's folder
        ("# A\n\n![foto](foto.png)\n", [("html-link-broken", 3)]),
        # raw HTML: from the page's address, r/bab-1/ (one folder deeper than the file)
        ('# A\n\n<img src="../gambar/foto.png" alt="f">\n', []),
        ('# A\n\n<img src="gambar/foto.png" alt="f">\n', [("html-link-broken", 3)]),
        ('# A\n\n<a href="../../lain/">lain</a>\n', []),
        ('# A\n\n<source srcset="../unduh/a.svg">\n', []),
        ('# A\n\n<source srcset="unduh/a.svg">\n', [("html-link-broken", 3)]),
        ("# A\n\n[atas](#a)\n", []),
        ("# A\n\n[sampul](index.md#sampul) [tabel](index.md#tabel-1-1)\n", []),
        ("# A\n\n[sampul](index.md#tidak-ada)\n", [("html-link-broken", 3)]),
        ("# A\n\n[lain](../lain/index.md#apa-saja)\n", []),  # not known: not judged
        ("# A\n\n\n[atas](#tidak-ada)\n", [("html-link-broken", 4)]),
        ("# A\n\n[data](/data.csv)\n", [("html-link-broken", 3)]),
        ("# A\n\n[folder](../lain/)\n", [("html-link-broken", 3)]),
        ("# A\n\n[luar](https://example.org/x) [surel](mailto:a@b.id)\n", []),
        ("# A\n\nteks\n\n<script>alert(1)</script>\n", [("unsafe-html", 5)]),
        # the review's cases: raw HTML in single quotes, an escaped query, a raw .md address
        ("# A\n\n<a href='../index/'>awal</a>\n", [("html-link-broken", 3)]),
        ("# A\n\n<a href='../'>awal</a>\n", []),
        ('# A\n\n<a href="../?a=1&amp;b=2">awal</a>\n', []),
        ('# A\n\n<a href="index.md">awal</a>\n', [("html-link-broken", 3)]),
        # the same broken address twice, after a good one holding it: each at its own line
        (
            "# A\n\n[data](gambar/foto.png)\n\n[lama](foto.png)\n\n[lama lagi](foto.png)\n",
            [("html-link-broken", 5), ("html-link-broken", 7)],
        ),
        ("# A\n\nLihat [jumat](jum'at.md).\n", [("html-link-broken", 3)]),
        (
            '# A\n\nLihat <img src="../gambar/foto.png" onerror="alert(1)"> ini.\n',
            [("unsafe-html", 3)],
        ),
    ],
)
def test_links_images_and_html_are_checked_where_the_editor_wrote_them(text, expected) -> None:
    assert problems(text) == expected


def test_a_page_no_navigation_lists_is_refused_at_its_first_line() -> None:
    assert problems("# A\n", nav=False) == [("page-not-in-nav", 1)]


def test_what_a_marker_wrote_is_placed_on_the_marker_line() -> None:
    source = "---\njudul: x\n---\n# A\n\nTeks.\n\n<!-- lkip:contoh -->\n\nAkhir.\n"
    expanded = "# A\n\nTeks.\n\n| a |\n| - |\n| [b](bab-9.md) |\n\nAkhir.\n"
    assert problems(source, expanded=expanded) == [("html-link-broken", 8)]


def test_the_extensions_are_the_sites_own(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "markdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    names = [n for n, _ in pagecheck.extensions(tmp_path)]
    assert names == ["attr_list", "toc", "pymdownx.emoji"]
    assert [n for n, _ in pagecheck.extensions(tmp_path / "tidak-ada")] == [
        "tables",
        "attr_list",
        "md_in_html",
        "toc",
    ]
