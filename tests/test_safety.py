"""No script reaches a reader: injection payloads in chapters fail the build (or are
neutralised); the same payloads in YAML text are always escaped."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from lkip_build.present.table import Cell, Table, cell_text
from lkip_build.publish.safety import check_tables, scan_html

from .conftest import build, tiny_site

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "payloads" / "html-injection.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line
]
EXTENSIONS = ["tables", "attr_list", "md_in_html", "toc"]  # as in mkdocs.yml

# An oracle independent of the scanner: plain regexes over the HTML a browser would get.
ORACLE = re.compile(
    r"<\s*(script|iframe|object|embed|base|meta|link|form|style|button|input|textarea|select)\b"
    r"|\son[a-z]+\s*="
    r"|(href|src|action|formaction|data|xlink:href)\s*=\s*[\"']?\s*(j\s*a\s*v\s*a|&#|vbscript|data:text)",
    re.I,
)


def executable(html: str) -> bool:
    """True when a real tag (not escaped text) matches the oracle: its name, an attribute
    name (quoted values set aside, since escaped text may sit inside them) or a URL."""
    for tag in re.findall(r"<[a-zA-Z](?:[^>\"']|\"[^\"]*\"|'[^']*')*>", html):
        names_only = re.sub(r"\"[^\"]*\"|'[^']*'", '""', tag)
        if ORACLE.search(names_only) or ORACLE.search(tag.split('aria-label="')[0]):
            return True
    return False


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_a_chapter_is_caught(payload: str) -> None:
    for text in (payload, f"Paragraf dengan {payload} di tengah.", f"| a |\n| - |\n| {payload} |"):
        html = markdown.markdown(text, extensions=EXTENSIONS)
        if executable(html):
            assert scan_html(html, "content/x.md"), html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_yaml_text_is_escaped(payload: str) -> None:
    table = Table(
        ["Nama", "Alamat"],
        [[payload, [payload, payload]]],
        "ll",
        nomor="1.1",
        judul=payload,
        anchor="tabel-1-1",
        sumber_data=payload,
        catatan=(payload,),
    )
    html = markdown.markdown(table.as_markdown(), extensions=EXTENSIONS)
    assert not executable(html), html
    assert not scan_html(html, "content/x.md")
    assert cell_text(payload).count("<") == 0 or "<br>" in cell_text([payload, payload])


def test_the_scanner_allows_plain_content() -> None:
    html = markdown.markdown(
        "# Judul\n\nTeks [tautan](bab-1.md) dan ![gambar](a.png)\n\n| a |\n| - |\n| 1 |\n",
        extensions=EXTENSIONS,
    )
    assert scan_html(html, "x") == []


def test_payloads_in_a_real_build(tmp_path: Path) -> None:
    page = "# Uji\n\n" + "\n\n".join(PAYLOADS) + "\n"
    result = build(tiny_site(tmp_path, page), tmp_path / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.count("content/uji-2021/index.md:") >= len(PAYLOADS) // 2
    assert "[unsafe-html]" in result.stderr


def test_payloads_in_yaml_in_a_real_build(tmp_path: Path) -> None:
    rows = "\n".join(f"      - nama: {payload!r}" for payload in PAYLOADS)
    daftar = f"daftar:\n  - id: d\n    kolom:\n      - kunci: nama\n        judul: Nama\n    baris:\n{rows}\n"
    titles = "\n".join(
        f"  - id: t{i}\n    judul: {p!r}\n    jenis: daftar\n    sumber: [d]"
        for i, p in enumerate(PAYLOADS[:5])
    )
    page = "# Uji\n\n" + "\n\n".join(f"<!-- lkip:tabel t{i} -->" for i in range(5)) + "\n"
    config = tiny_site(tmp_path, page, {"daftar.yml": daftar, "tabel.yml": f"tabel:\n{titles}\n"})
    result = build(config, tmp_path / "out")
    assert result.returncode == 0, result.stderr  # escaped, so the HTML checks pass
    html = (tmp_path / "out" / "uji-2021" / "index.html").read_text(encoding="utf-8")
    body = html[html.index("<article") : html.index("</article>")]
    assert not executable(body)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_numbers_read_back_from_the_html() -> None:
    """Figures are typed cells: the HTML must show each as the computation wrote it."""
    from decimal import Decimal

    from lkip_build.present.tables import pct, rp

    table = Table(
        ["No", "Pagu"],
        [["1.", rp(13_519_650_516)], ["", pct(Decimal("97.3202"))]],
        "lr",
        nomor="3.22",
        judul="T",
        anchor="tabel-3-22",
    )
    html = markdown.markdown(table.as_markdown(), extensions=EXTENSIONS)
    assert check_tables(html, "x", {"tabel-3-22": table}) == []
    broken = html.replace("13.519.650.516", "13.519.650.51")
    assert [p.code for p in check_tables(broken, "x", {"tabel-3-22": table})] == [
        "html-number-mismatch"
    ]
    rounded = html.replace("97,32", "97,3")  # the same number, not the same figure shown
    assert [p.code for p in check_tables(rounded, "x", {"tabel-3-22": table})] == [
        "html-number-mismatch"
    ]
    # the editor's words are not figures ("nan" is Indonesian: "Ranah Minang nan elok")
    assert check_tables("<p>Ranah Minang nan elok, None</p>", "x", {}) == []
    nan = Cell("nan", None, "uang")  # a figure the computation wrote as "nan"
    broken_figure = Table(["No", "Pagu"], [["1.", nan]], "lr", judul="T", anchor="tabel-n")
    html_nan = markdown.markdown(broken_figure.as_markdown(), extensions=EXTENSIONS)
    assert [p.code for p in check_tables(html_nan, "x", {"tabel-n": broken_figure})] == [
        "html-not-a-number"
    ]
    assert [p.code for p in check_tables("<p></p>", "x", {"tabel-3-22": table})] == [
        "html-table-missing"
    ]


def test_one_parse_of_the_body_finds_what_the_two_checks_find() -> None:
    """check_body is scan_html + check_tables in one parse: the same problems, same lines."""
    from lkip_build.publish.safety import check_body

    html = '<p>a</p>\n<p onclick="x()">b</p>\n<p>nilai nan</p>\n<script>alert(1)</script>'
    assert check_body(html, "x", {}) == scan_html(html, "x") + check_tables(html, "x", {})
    assert [p.line for p in check_body(html, "x", {}) if p.code == "unsafe-html"] == [2, 4]
