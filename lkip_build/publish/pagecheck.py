"""A page checked at its source: rendered in process with the site's own Markdown
extensions, then every check that works on rendered output, each problem located at the
line of the chapter an editor opens.

The site generator (MkDocs, ProperDocs, Zensical) renders the same Markdown with the same
extensions (mkdocs.yml `markdown_extensions`), so what it would refuse is found here first,
by `lkip check` as by the build: executable HTML, a table that did not render, a figure
that differs from the computed one (safety.check_body), a link or an image that lands on
no file of the site, an anchor that no heading or element carries, an absolute link, and
a page that no navigation lists (what MkDocs' `validation:` settings make warnings, and
`strict` errors). The generator's own checks stay as a net behind these (hooks, assemble).

Locating: the checks see HTML; the editor has Markdown with markers. A problem is placed
on the first line of the source that holds what the HTML line holds (the tag as typed, the
link's address, the table's marker), or on the file when nothing matches.
"""

from __future__ import annotations

import ast
import difflib
import html
import os
import posixpath
import re
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown
import yaml

from lkip_build import cache
from lkip_build.model import Location
from lkip_build.present.markers import MARKER
from lkip_build.present.syntax import RAW_URL, page_dir
from lkip_build.present.table import Table
from lkip_build.problems import Problem, problem
from lkip_build.publish.safety import check_body

MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")  # what MkDocs always adds to a page's
# what the markers' Markdown needs (tables, `{: .class}`, `markdown="1"`, heading ids)
NEEDED = "markdown_extensions: [tables, attr_list, md_in_html, toc]\n"
TAG = re.compile(r"<[a-zA-Z][^<>]*>")


@dataclass(frozen=True)
class Site:
    """What a page's links may land on: every file of the site (src paths, site-wide:
    pages, generated files, content files) and the Markdown extensions it is rendered
    with. Rules are the same for every scope: a page may link to any report's pages."""

    files: frozenset[str]
    extensions: tuple[tuple[str, str], ...]  # (name, its config as canonical YAML)
    prefixes: frozenset[str] = frozenset()  # folders whose files are made elsewhere
    # the ids of each page rendered in this run (src -> ids): a link's #anchor on another
    # page is checked against them (a page outside the run's scope is not known)
    anchors: dict[str, frozenset[str]] = field(default_factory=dict)


def extensions(root: Path) -> tuple[tuple[str, str], ...]:
    """mkdocs.yml's `markdown_extensions`, in order, with their configs (the theme's
    Python tags are read as nothing: they name the theme's own functions)."""
    config = root / "mkdocs.yml"  # none (reports kept apart from a site): what markers need
    return _extensions(config.read_text(encoding="utf-8") if config.is_file() else NEEDED)


def site_url(root: Path) -> str:
    """mkdocs.yml's `site_url` (where the site is published), "" when it sets none: what
    the print view's cover and the PDF's links to the site are written from."""
    config = root / "mkdocs.yml"
    if not config.is_file():
        return ""
    url = _config(config.read_text(encoding="utf-8")).get("site_url")
    return url.strip() if isinstance(url, str) else ""


def mkdocs_config(root: Path) -> dict[str, Any]:
    """The repository's mkdocs.yml as data, `!ENV` resolved as MkDocs resolves it, and a
    `site_url` that resolves to nothing left out (what export and the units write)."""
    cfg = _config((root / "mkdocs.yml").read_text(encoding="utf-8"))
    if not cfg.get("site_url"):
        cfg.pop("site_url", None)
    return cfg


def _config(text: str) -> dict[str, Any]:
    """mkdocs.yml read as data (the theme's Python tags and `!ENV` read as nothing)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    Loader.add_constructor("!ENV", _env)
    Loader.add_multi_constructor("!", lambda *_: None)
    cfg = yaml.load(text, Loader=Loader) or {}
    return cfg if isinstance(cfg, dict) else {}


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """MkDocs' `!ENV NAME` and `!ENV [NAME, ..., default]`: the first variable set, else
    the default (the last item when it is not a name), else None."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    items = [str(x) for x in loader.construct_sequence(node)]  # type: ignore[arg-type]
    for name in items[:-1] if len(items) > 1 else items:
        if name in os.environ:
            return os.environ[name]
    return items[-1] if len(items) > 1 else None


@lru_cache(maxsize=8)
def _extensions(text: str) -> tuple[tuple[str, str], ...]:
    cfg = _config(text)
    out = []
    for item in cfg.get("markdown_extensions") or []:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        out.append((str(name), yaml.safe_dump(options or {}, sort_keys=True)))
    return tuple(out)


def render(text: str, exts: tuple[tuple[str, str], ...]) -> str:
    """The page's Markdown as the generator renders it (without the theme)."""
    names = [n for n, _ in exts]
    configs = {n: yaml.safe_load(c) or {} for n, c in exts}
    names += [n for n in MKDOCS_EXTENSIONS if n not in names]
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


class _Refs(HTMLParser):
    """Every link and image address, and every id, of a page body, with its HTML line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if a.get(name):
                self.ids.add(str(a[name]))
        url = a.get("href") if tag == "a" else a.get("src") if tag == "img" else None
        if url is not None:
            self.links.append((self.getpos()[0], url))
        for part in (a.get("srcset") or "").split(","):  # <img>, <source>: the phone charts
            if part.strip():
                self.links.append((self.getpos()[0], part.split()[0]))

    handle_startendtag = handle_starttag


@dataclass(frozen=True)
class Rendered:
    """What rendering a page tells the checks, kept by the page's content (a page is
    rendered again only when its Markdown changed): check_body's problems, every link and
    image address with its HTML line, every id, and the text of the HTML lines that
    problems and links are on (what `locate` looks for in the source)."""

    body: tuple[Problem, ...]
    links: tuple[tuple[int, str], ...]
    ids: frozenset[str]
    lines: dict[int, str]


def rendered(src: str, expanded: str, tables: dict[str, Table], site: Site) -> Rendered:
    html = render(expanded, site.extensions)
    body = check_body(html, f"content/{src}", tables)
    refs = _Refs()
    refs.feed(html)
    refs.close()
    html_lines = html.split("\n")
    wanted = {p.line for p in body} | {line for line, _ in refs.links}
    lines = {n: html_lines[n - 1] for n in wanted if 0 < n <= len(html_lines)}
    return Rendered(tuple(body), tuple(refs.links), frozenset(refs.ids), lines)


def render_once(
    src: str,
    expanded: str,
    tables: dict[str, Table],
    site: Site,
    memo: MutableMapping[str, Rendered] | None = None,
) -> Rendered:
    """The page rendered and read (`rendered`); with a `memo` (keyed by the Markdown, the
    extensions and the tables drawn), a page whose Markdown is unchanged is not rendered
    again."""
    anchors = [f"{a}\x1f{len(t.rows)}" for a, t in sorted(tables.items())]
    key = cache.key("page-render", [src, expanded, repr(site.extensions), *anchors])
    made = memo.get(key) if memo is not None else None
    if made is None:
        made = rendered(src, expanded, tables, site)
        if memo is not None:
            memo[key] = made
    return made


def check(
    src: str,
    source: str,
    expanded: str,
    tables: dict[str, Table],
    site: Site,
    in_nav: bool,
    memo: MutableMapping[str, Rendered] | None = None,
) -> list[Problem]:
    """The problems of page `src` (site-wide src path) whose editor's file is `source`
    (its text as typed: markers unexpanded) and whose Markdown is `expanded`; its links
    are checked against the site as it is now (`Site`), which costs nothing."""
    made = render_once(src, expanded, tables, site, memo)
    shown = f"content/{src}"
    found = [*made.body, *_links(src, shown, made, site, expanded)]
    if not in_nav:
        found.append(
            problem(
                "page-not-in-nav",
                Location(shown, 1),
                "halaman ini tidak ada di navigasi situs: daftarkan di `halaman` laporan.yml "
                "(atau pindahkan/hapus berkasnya)",
            )
        )
    return locate(found, made.lines, source, expanded)


def _raw(expanded: str) -> set[str]:
    """Every address typed in raw HTML in the page's Markdown, as the parser reads it."""
    out = set()
    for m in RAW_URL.finditer(expanded):  # the parser hands the address unescaped
        for part in html.unescape(m.group(2) if m.group(2) is not None else m.group(3)).split(","):
            if part.strip():
                out.add(part.split()[0])
    return out


def _report(src: str) -> str:
    return src.split("/", 1)[0] if "/" in src else ""


def _links(src: str, shown: str, refs: Rendered, site: Site, expanded: str) -> list[Problem]:
    """MkDocs' link validation (`validation.links`) on the rendered body, and the same for
    addresses typed in raw HTML, which no generator checks. A link in Markdown's syntax is
    the source's (the generator rewrites it for the page); an address in raw HTML is left
    as written, so it is relative to the page's URL (a folder, for a page not index.md)."""
    raw = _raw(expanded)
    found = []
    for line, url in refs.links:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("//"):
            continue
        path, anchor = unquote(parts.path), parts.fragment
        why = ""
        if path.startswith("/"):
            why = "alamat mutlak (diawali '/'): tulis alamat relatif dari halaman ini"
        elif not path:
            if anchor and anchor not in refs.ids:
                why = f"jangkar #{anchor} tidak ada di halaman ini"
        elif url in raw:
            target = posixpath.normpath(posixpath.join(page_dir(src), path))
            if target.endswith(".md"):  # the generator leaves it as typed: a source file
                why = (
                    f"alamat dalam HTML ke berkas {target!r}: di situs halaman itu beralamat "
                    f"{target.removesuffix('.md').removesuffix('index') + '/'!r}; atau pakai "
                    "tautan Markdown [teks](berkas.md)"
                )
            elif not any(_exists(t, site) for t in _served_as(target)):
                why = (
                    f"tujuan {target!r} tidak ada di situs (alamat dalam HTML dibaca dari "
                    f"alamat halaman {page_dir(src) + '/'!r}, bukan dari folder berkasnya)"
                )
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
            if target.startswith("../") or not _exists(target, site):
                why = f"tujuan {target!r} tidak ada di situs{_meant(target, src, site)}"
            elif target not in site.files and not posixpath.splitext(target)[1]:
                why = "tautan ke folder: tulis nama berkas halamannya (….md)"
            elif (
                anchor
                and _report(target) == _report(src)
                and anchor not in site.anchors.get(target, {anchor})
            ):
                # another report's page is not judged: a unit is built without it
                why = f"jangkar #{anchor} tidak ada di halaman {target!r}"
        if why:
            found.append(
                problem("html-link-broken", Location(shown, line), f"tautan {url!r}: {why}")
            )
    return found


def _meant(target: str, src: str, site: Site) -> str:
    """The file of the same folder a misspelt link probably meant, as the page writes it."""
    folder = posixpath.dirname(target)
    names = [posixpath.basename(f) for f in site.files if posixpath.dirname(f) == folder]
    close = difflib.get_close_matches(posixpath.basename(target), names, n=1)
    if not close:
        return ""
    shown = posixpath.relpath(posixpath.join(folder, close[0]), posixpath.dirname(src) or ".")
    return f"; maksud Anda {shown!r}?"


def _served_as(target: str) -> list[str]:
    """What a site path in raw HTML can be built from: a file, or the page whose URL it
    is (x.md is served at x/, x/index.md at x/; index.md is never at index/)."""
    out = [target, f"{target}/index.md"]
    if posixpath.basename(target) != "index":
        out.append(f"{target}.md")
    return out


def _exists(target: str, site: Site) -> bool:
    if target in site.files:
        return True
    return any(target.startswith(p) for p in site.prefixes)


def locate(
    found: Iterable[Problem], html_lines: dict[int, str], source: str, expanded: str = ""
) -> list[Problem]:
    """Each problem at its line of the source (see the module docstring): where the source
    holds what the HTML line holds (`html_lines`: line number -> text); else, where a
    marker wrote it, the marker's line. Two problems about the same text are placed on
    its first and second lines, not both on the first."""
    src_lines, exp_lines = source.split("\n"), expanded.split("\n")
    taken: dict[str, set[int]] = {}
    out = []
    for p in found:
        if p.code == "page-not-in-nav":
            out.append(p)
            continue
        line = 0
        for needle, kind in _needles(p, html_lines):
            seen = taken.setdefault(f"{p.code}\x1f{needle}", set())
            line = _find(needle, kind, src_lines, seen)
            if not line and expanded:
                made = _find(needle, kind, exp_lines, set())
                line = _source_line(made, src_lines, exp_lines) if made else 0
            if line:
                seen.add(line)
                break
        out.append(replace(p, line=line))
    return out


def _source_line(line: int, source: list[str], expanded: list[str]) -> int:
    """The source line an expanded line came from: the lines a marker did not touch are
    the same in both (front matter aside); the ones it wrote map to the marker's line
    (the first line of the region that is not blank)."""
    matcher = difflib.SequenceMatcher(None, source, expanded, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if not j1 <= line - 1 < j2:
            continue
        if tag == "equal":
            return i1 + (line - 1 - j1) + 1
        region = [k for k in range(i1, max(i2, i1 + 1)) if k < len(source) and source[k].strip()]
        before = [k for k in range(min(i1, len(source) - 1), -1, -1) if source[k].strip()]
        return (region or before or [0])[0] + 1
    return 0


QUOTED = re.compile(r"""^tautan ('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")


def _needles(p: Problem, html_lines: dict[int, str]) -> list[tuple[str, str]]:
    """What to look for in the source, most telling first, and how: "link" (an address:
    after a bracket, a quote or a space), "marker" (a table's id, in a marker naming it)
    or "text"."""
    out: list[tuple[str, str]] = []
    quoted = QUOTED.match(p.message)
    if p.code == "html-link-broken" and quoted:
        out.append((ast.literal_eval(quoted.group(1)), "link"))
    anchor = re.search(r"tabel-[\w-]+", p.message)
    if anchor:
        out.append((anchor.group(0).removeprefix("tabel-"), "marker"))
        # a numbered table's anchor is its number: the marker that wrote the anchor
        out.append((f'id="{anchor.group(0)}"', "text"))
    if p.line in html_lines:
        text = html_lines[p.line]
        out += [(tag, "text") for tag in TAG.findall(text)]
        plain = re.sub(r"<[^>]*>", "", text).strip()
        if len(plain) >= 8:
            out.append((plain, "text"))
    return out


def _find(needle: str, kind: str, lines: list[str], taken: set[int]) -> int:
    """The first line holding `needle` as `kind` says that no other problem took."""
    link = re.compile(r"(?:^|[(\"'<\s=])" + re.escape(needle) + r"(?:$|[)\"'>\s#?])")
    for i, text in enumerate(lines, 1):
        if i in taken or needle not in text:
            continue
        if kind == "marker" and not _marker_line(text, needle):
            continue
        if kind == "link" and not link.search(text):
            continue
        return i
    return 0


def _marker_line(text: str, ident: str) -> bool:
    """A bare id (a table's) is found only in a marker naming it."""
    return any(ident in m.group(0) for m in MARKER.finditer(text))


def nav_sources(nav: Any) -> set[str]:
    """Every page src a navigation lists."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return {s for v in nav.values() for s in nav_sources(v)}
    if isinstance(nav, list):
        return {s for v in nav for s in nav_sources(v)}
    return set()
