"""Checks on the built HTML: nothing executable but the theme's own, and every number right.

Editors write Markdown (which may carry raw HTML) and YAML (always escaped when rendered);
the HTML that comes out is read back here, after the site generator has done its work, so
that no path from input to page is trusted blindly.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from html.parser import HTMLParser

from lkip_build import cache
from lkip_build.model import Location
from lkip_build.present.table import MARK_CLASS, Cell, Table
from lkip_build.problems import Problem, problem

# Elements that run code, load other documents or change how the page is read.
FORBIDDEN_TAGS = {
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "meta",
    "link",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "style",
    "portal",
    "foreignobject",
}
URL_ATTRS = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "cite",
    "srcset",
}
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)
# The theme's page chrome uses these; inside a page's content they are still refused.
THEME_TAGS = {"meta", "link", "form", "input", "label", "button", "style"}
# The theme's own scripts: its bundle, its JSON config and three small inline scripts
# (Zensical writes the root pages' as "./assets/...");
# and ours, named one by one (content/assets, reviewed like code).
THEME_SCRIPT_SRC = re.compile(
    r"^(\./)?(\.\./)*assets/(javascripts/(bundle|workers/search)\.[0-9a-f]+\.min|lkip-daftar|lkip-cari|lkip-portal)\.js$"
)
THEME_INLINE = (
    "__md_scope=",
    "var palette=__md_get(",
    "var target=document.getElementById(location.hash",
)
NOT_A_NUMBER = re.compile(r"\b(nan|NaN|inf|Infinity|None|undefined)\b")


def _url(value: str) -> str:
    """A URL as a browser reads its scheme: tabs, newlines and controls removed."""
    return re.sub(r"[\x00-\x20]", "", value)


class _Scanner(HTMLParser):
    def __init__(self, theme: bool):
        super().__init__(convert_charrefs=True)
        self.theme = theme  # scanning a whole page: the theme's own chrome is allowed
        self.found: list[tuple[int, str]] = []
        self._script: tuple[int, dict[str, str | None]] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = dict(attrs)
        if tag == "script" and self.theme:
            self._script = (line, values)
            self._script_text = []
        elif tag in FORBIDDEN_TAGS and not (self.theme and tag in THEME_TAGS):
            self.found.append((line, f"elemen <{tag}> tidak diizinkan"))
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self.found.append(
                    (line, f"atribut {name}= (kode JavaScript) tidak diizinkan pada <{tag}>")
                )
            elif name in ("srcdoc", "formaction"):
                self.found.append((line, f"atribut {name}= tidak diizinkan pada <{tag}>"))
            elif name in URL_ATTRS and value and BAD_SCHEME.match(_url(value)):
                if not (tag == "img" and _url(value).lower().startswith("data:image/")):
                    self.found.append(
                        (line, f"tautan {value.strip()[:30]!r} pada <{tag}> tidak diizinkan")
                    )
            elif (
                name == "style"
                and value
                and re.search(r"expression\s*\(|url\s*\(\s*['\"]?\s*javascript:", value, re.I)
            ):
                self.found.append((line, f"atribut style berisi kode pada <{tag}>"))

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            line, attrs = self._script
            body = "".join(self._script_text).strip()
            self._script = None
            src = attrs.get("src")
            ok = (
                (src is not None and THEME_SCRIPT_SRC.match(src) and not body)
                or (attrs.get("id") == "__config" and attrs.get("type") == "application/json")
                or (src is None and body.startswith(THEME_INLINE))
            )
            if not ok:
                self.found.append((line, "elemen <script> yang bukan milik tema"))


def scan_html(html: str, source: str, *, whole_page: bool = False) -> list[Problem]:
    """Problems for anything executable in `html` (a page body, or a whole page)."""
    scanner = _Scanner(theme=whole_page)
    scanner.feed(html)
    scanner.close()
    return [
        problem("unsafe-html", Location(source, line), message) for line, message in scanner.found
    ]


# ---------------------------------------------------------------- numbers in the HTML


class _Tables(HTMLParser):
    """Collects the cells of each table that follows an element with id="tabel-..."."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self._anchor: str | None = None
        self._current: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self._marked = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "sup" and dict(attrs).get("class") == MARK_CLASS:
            self._marked = True  # a mark on a disputed figure is not part of the figure
        ident = dict(attrs).get("id") or ""
        if ident.startswith("tabel-"):
            self._anchor = ident
        if tag == "table" and self._anchor:
            self._current = []
            self.tables[self._anchor] = self._current
            self._anchor = None
        elif tag == "tr" and self._current is not None:
            self._current.append([])
        elif tag in ("td", "th") and self._current is not None:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._marked:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup":
            self._marked = False
        if tag in ("td", "th") and self._cell is not None and self._current:
            self._current[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._current = None


class _Both(HTMLParser):
    """The body's two checks in one parse: what is executable, and the tables' figures."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scanner, self.tables = _Scanner(theme=False), _Tables()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scanner.lineno = self.lineno  # the scanner reports the line it is on
        self.scanner.handle_starttag(tag, attrs)
        self.tables.handle_starttag(tag, attrs)

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.scanner.handle_data(data)
        self.tables.handle_data(data)

    def handle_endtag(self, tag: str) -> None:
        self.scanner.lineno = self.lineno
        self.scanner.handle_endtag(tag)
        self.tables.handle_endtag(tag)


def check_body(html: str, source: str, expected: dict[str, Table]) -> list[Problem]:
    """A page body's checks in one parse: `scan_html` and `check_tables` together."""
    both = _Both()
    both.feed(html)
    both.close()
    found = [
        problem("unsafe-html", Location(source, line), message)
        for line, message in both.scanner.found
    ]
    return found + _compare_tables(both.tables, source, expected)


def check_page(
    body: str, chrome: str | None, source: str, expected: dict[str, Table]
) -> list[Problem]:
    """A built page's checks: its body (`check_body`) and, when given, the theme's part
    around it (`scan_chrome`). A page byte for byte one that passed, with the same tables
    expected, under this program, passes without a parse (`cache.passed`)."""

    def check() -> list[Problem]:
        found = check_body(body, source, expected)
        return found + (scan_chrome(chrome, source) if chrome is not None else [])

    parts: list[bytes | str] = [source, body, "" if chrome is None else "\0" + chrome]
    return cache.passed("html-check", [*parts, *_expected_parts(expected)], check)


def _expected_parts(expected: dict[str, Table]) -> list[str]:
    """What the checks read of the tables expected, as text: the same tables give the same
    parts whether drawn now or read back from the cache (a pickle of them would not: it
    follows which equal strings happen to be one object)."""
    out: list[str] = []
    for anchor, table in sorted(expected.items()):
        out += [anchor, str(len(table.rows))]
        rows: list[Sequence[str | list[str]]] = [table.header, *table.rows]
        for row in rows:
            out.append("\x1f".join(("#" if isinstance(c, Cell) else "-") + str(c) for c in row))
    return out


def check_tables(html: str, source: str, expected: dict[str, Table]) -> list[Problem]:
    """Every figure of each rendered table must appear in the HTML exactly as the
    computation wrote it (typed cells: compared as text, never parsed back); a table that
    went missing is a problem too, and so is a figure written as `nan`, `None` ... (the
    editor's own words are not read: "nan" is Indonesian too, "Ranah Minang nan elok")."""
    parser = _Tables()
    parser.feed(html)
    parser.close()
    return _compare_tables(parser, source, expected)


def _compare_tables(parser: _Tables, source: str, expected: dict[str, Table]) -> list[Problem]:
    problems: list[Problem] = []
    for anchor, table in expected.items():
        got = parser.tables.get(anchor)
        if got is None:
            problems.append(
                problem(
                    "html-table-missing", Location(source), f"tabel #{anchor} tidak ada di HTML"
                )
            )
            continue
        want: list[Sequence[str | list[str]]] = [table.header, *table.rows]
        if len(got) != len(want):
            problems.append(
                problem(
                    "html-number-mismatch",
                    Location(source),
                    f"#{anchor}: {len(got)} baris di HTML, seharusnya {len(want)}",
                )
            )
            continue
        for r, (row_got, row_want) in enumerate(zip(got, want, strict=True)):
            for c, cell in enumerate(row_want):
                if not isinstance(cell, Cell):
                    continue  # text: escaped, never a figure; figures are typed cells
                want_text = " ".join(cell.split())
                for m in NOT_A_NUMBER.finditer(want_text):
                    problems.append(
                        problem(
                            "html-not-a-number",
                            Location(source),
                            f"#{anchor} baris {r} kolom {c}: teks {m.group(0)!r} di tempat angka",
                        )
                    )
                seen = row_got[c] if c < len(row_got) else None
                if seen != want_text:
                    problems.append(
                        problem(
                            "html-number-mismatch",
                            Location(source),
                            f"#{anchor} baris {r} kolom {c}: HTML menampilkan "
                            f"{seen if seen is not None else '(tidak ada)'!r}, "
                            f"hasil hitung {want_text!r}",
                        )
                    )
    return problems


@functools.lru_cache(maxsize=64)
def _chrome_found(chrome: str) -> tuple[tuple[int, str], ...]:
    scanner = _Scanner(theme=True)
    scanner.feed(chrome)
    scanner.close()
    return tuple(scanner.found)


def scan_chrome(chrome: str, source: str) -> list[Problem]:
    """`scan_html` of a whole page without its body (the theme's header, navigation and
    footer); pages whose chrome is the same text are scanned once."""
    return [
        problem("unsafe-html", Location(source, line), message)
        for line, message in _chrome_found(chrome)
    ]
