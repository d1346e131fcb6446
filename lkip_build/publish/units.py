"""The unit of publishing: one report as a self-contained site, or the home page.

`make site` (scripts/build_site.py) and CI build every unit on its own, in parallel, and put
them together (assemble.py). A report's unit is `lkip export` of that report with its pages
at the docs root: the site works when served under /<id>/, its search index holds only
its pages, and its navigation is a "Beranda" link to "../" plus its own pages. So a page's
bytes, and the search a reader downloads, do not grow with the number of reports. The home
unit holds the top-level pages (content/index.md: the portal table, every report's
headline figures, which is the light index across reports) with links into the reports as
plain URLs ("<id>/").

A link that leaves its unit (the home page into a report, a report to another report) is
written as the URL it will have in the assembled site; the generator cannot see the other
unit, so it leaves such a link alone (`unrecognized_links: info`) and assemble.py checks
that it lands on a file. Everything else is checked by the generator, strictly, as today.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from lkip_build.model import Location
from lkip_build.present import portal
from lkip_build.present.markers import CETAK
from lkip_build.present.portal import Row
from lkip_build.present.syntax import outside_code, page_dir, rebase, rebase_raw
from lkip_build.present.table import Table
from lkip_build.problems import Collector, LkipError, Problem, problem
from lkip_build.publish import export, pagecheck, pipeline
from lkip_build.publish.pagecheck import nav_sources
from lkip_build.publish.site import Publication

HOME = "beranda"  # the unit of the top-level pages; its site is the root of the whole
NAV_REPORTS = 50  # the home page's navigation lists the reports up to this many
MANIFEST = ".lkip-unit.json"  # what a built unit tells the assembly (removed there)
# a Markdown link's address (with its query or fragment, and title in either quotes)
LINK = re.compile(r"""(\]\(\s*<?)([^)\s>#?]+)([?#][^)\s>]*)?(>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\))""")
# a link reference definition: `[name]: address "title"`
REFERENCE = re.compile(r"""^( {0,3}\[[^\]]+\]:[ \t]*<?)([^\s>#?]+)([?#][^\s>]*)?(>?.*)$""", re.M)


@dataclass(frozen=True)
class Unit:
    """An exported unit: what the checks of its built HTML need."""

    name: str  # a report id, or HOME
    publication: Publication
    rendered: dict[str, dict[str, Table]]  # src in the unit's docs -> anchor -> table drawn
    shown: dict[str, str]  # src in the unit's docs -> the file an editor opens (content/...)
    row: Row | None = None  # a report unit's portal row, for its manifest (the home's input)
    pages: tuple[str, ...] = ()  # src in the unit's docs of every page but the print view


ARTICLE = '<article class="md-content__inner md-typeset">'  # where a built page's content starts


def page_file(src: str) -> str:
    """The HTML file a page is built into (use_directory_urls)."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def split_page(page: str) -> tuple[int, int]:
    """Where the page's content is: from the theme's <article> to its last </article>
    (everything the page's Markdown made is in between, whatever it closes early)."""
    start = page.find(ARTICLE)
    end = page.rfind("</article>")
    if start < 0 or end < start:
        return 0, 0
    return start + len(ARTICLE), end


def url_of(src: str) -> str:
    """A page's directory URL from its src (use_directory_urls): "a/b.md" -> "a/b/"."""
    folder = page_dir(src)
    return folder + "/" if folder else ""


def relative_url(here: str, target: str) -> str:
    """The URL of `target` (a src, site-wide) from the page built from `here`."""
    start, end = url_of(here), url_of(target)
    rel = posixpath.relpath(end or ".", start or ".")
    return "./" if rel == "." else rel + "/"


def outside_links(markdown: str, src: str, folder: str) -> str:
    """Links to pages outside `folder` (a report id; "" for the home) written as their URL
    in the assembled site, relative to the page built from `src` (site-wide path)."""

    def fix(m: re.Match[str]) -> str:
        path = m.group(2)
        if ":" in path or path.startswith("/"):
            return m.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
        inside = target.startswith(folder + "/") if folder else "/" not in target
        if target.startswith("../"):
            return m.group(0)
        if inside:  # from the unit's own folder (a link may leave the folder and come back)
            here = posixpath.dirname(src.removeprefix(folder + "/")) if folder else ""
            rel = posixpath.relpath(
                target.removeprefix(folder + "/") if folder else target, here or "."
            )
            return m.group(1) + rel + (m.group(3) or "") + m.group(4)
        if folder and target.startswith("assets/"):
            # content/assets is copied into every unit: the unit's own copy
            here = posixpath.dirname(src.removeprefix(folder + "/")) or "."
            return m.group(1) + posixpath.relpath(target, here) + (m.group(3) or "") + m.group(4)
        if not path.endswith(".md"):
            return m.group(0)
        return m.group(1) + relative_url(src, target) + (m.group(3) or "") + m.group(4)

    return outside_code(markdown, lambda text: REFERENCE.sub(fix, LINK.sub(fix, text)))


def for_source(markdown: str, src: str) -> str:
    """Relative URLs written for the page built from `src` (raw HTML addresses, and the
    folder links `outside_links` writes) rewritten relative to `src`'s folder, where
    Zensical resolves them; the same on an index page, whose URL is its folder."""
    page, folder = page_dir(src), posixpath.dirname(src)
    if page == folder:
        return markdown

    def link(m: re.Match[str]) -> str:
        path = m.group(2)
        if not path.endswith("/"):
            return m.group(0)
        return m.group(1) + rebase(path + (m.group(3) or ""), page, folder) + m.group(4)

    folders = outside_code(markdown, lambda text: REFERENCE.sub(link, LINK.sub(link, text)))
    return rebase_raw(folders, page, folder)


def export_unit(
    root: Path,
    out: Path,
    name: str,
    pdf: bool = False,
    generator: str = "mkdocs",
    rows: list[Row] | None = None,
) -> Unit:
    """Write the unit `name` (a report id, or HOME) as a docs folder and mkdocs.yml under
    `out`: the pipeline with that scope and the docs-folder writer (export.py), refusing
    what every other path refuses. The home unit's markers expand against every report.
    For Zensical (`generator`), which resolves every relative URL against the page's
    source file where MkDocs leaves raw HTML as written (relative to the page's URL), the
    URLs written for the built page are rewritten for the source (`for_source`). The
    home unit is expanded from `rows` (every report's portal row, `rows_in`) when given,
    else from every report's pass."""
    if name != HOME and not (root / "data" / name).is_dir():
        problems = Collector()
        problems.add("no-reports", _where(root, name), f"tidak ada laporan {name!r} di data/")
        raise LkipError(problems.problems)
    scope = pipeline.HOME if name == HOME else pipeline.report(name)
    result = pipeline.run(root, scope, pdf=pdf and name != HOME, rows=rows)
    result.raise_if_blocked()
    prefix = "" if name == HOME else name + "/"
    written = {}
    for src, data in export.docs_files(result, root).items():
        if src.endswith(".md"):
            text = outside_links(data.decode("utf-8"), src, name if prefix else "")
            if generator == "zensical":
                text = for_source(text, src.removeprefix(prefix))
            data = text.encode("utf-8")
        written[src.removeprefix(prefix)] = data
    _write(root, out, written)
    _config(root, out, _nav(result, name), name)
    rendered = {
        s.removeprefix(prefix): t for s, t in result.expansion.rendered.items() if scope.has(s)
    }
    shown = {s: f"content/{prefix}{s}" for s in rendered}
    row = next((r for r in result.publication.rows if r.id == name), None)
    pages = tuple(sorted(s for s in written if s.endswith(".md") and s != CETAK))
    return Unit(name, result.publication, rendered, shown, row, pages)


def rows_in(parts: Path, ids: list[str]) -> list[Row] | None:
    """The portal rows of the report units `ids` built into `parts` (their manifests), or
    None when one of them is not there (the home unit then reads every report's pass:
    a row is never left out)."""
    rows = []
    for rid in ids:
        path = parts / rid / MANIFEST
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if not data.get("row"):
            return None
        rows.append(portal.from_json(data["row"]))
    return rows


def _nav(result: pipeline.Result, name: str) -> list[object]:
    """The unit's nav: a report's own pages after a "Beranda" link to "../"; the home
    unit's top-level pages and one link per report's start page (up to NAV_REPORTS)."""
    sections = [e for e in result.nav[1:] if isinstance(e, dict)]
    if name != HOME:
        prefix = name + "/"
        mine = [e for e in sections if all(s.startswith(prefix) for s in nav_sources(e))]
        return [{"Beranda": "../"}, *(_strip(e, name + "/") for e in mine)]
    nav: list[object] = [{"Beranda": "index.md"}]
    nav += [e for e in result.nav[1:] if isinstance(e, str)]
    rows = sorted(result.publication.rows, key=portal.order)
    if len(rows) <= NAV_REPORTS:  # beyond, the portal table is the way in
        nav.append({"Laporan": [{r.title: f"{r.id}/"} for r in rows]})
    return nav


DOC_FILE = re.compile(r"^Doc file '([^']+)'")


def generator_problems(name: str, warnings: list[str], generator: str = "MkDocs") -> list[Problem]:
    """The generator's warnings on the unit `name` as problems at the page they name; the
    print view's are left out when another page has them (it repeats every chapter)."""
    folder = "content" if name == HOME else f"content/{name}"
    out = []
    for w in warnings:
        m = DOC_FILE.match(w)
        if m and m.group(1) == CETAK and len(warnings) > 1:
            continue
        where = Location(f"{folder}/{m.group(1)}" if m else folder)
        out.append(problem("site-build-warning", where, f"{generator}: {w}"))
    return out


def _where(root: Path, name: str) -> Location:
    return Location(f"data/{name}")


def _strip(nav: object, prefix: str) -> object:
    if isinstance(nav, str):
        return nav.removeprefix(prefix)
    if isinstance(nav, dict):
        return {k: _strip(v, prefix) for k, v in nav.items()}
    if isinstance(nav, list):
        return [_strip(v, prefix) for v in nav]
    return nav


def _write(root: Path, out: Path, written: dict[str, bytes]) -> None:
    export.write_docs(root, out, written)


def _config(root: Path, out: Path, nav: list[object], name: str) -> None:
    """The repository's mkdocs.yml for the unit: the unit's nav, no hooks; served under
    /<id>/ (site_url too, when the repository sets one); links that leave the unit are
    left to assemble.py (see the module docstring)."""
    cfg = pagecheck.mkdocs_config(root)
    cfg.pop("hooks", None)
    cfg.pop("watch", None)
    cfg.update(docs_dir=export.DOCS, site_dir="site", nav=nav)
    if cfg.get("site_url") and name != HOME:
        cfg["site_url"] = cfg["site_url"].rstrip("/") + f"/{name}/"
    validation = cfg.setdefault("validation", {})
    validation.setdefault("links", {})["unrecognized_links"] = "info"
    # the nav's one entry that is not a file of the unit: "Beranda" -> "../"
    validation.setdefault("nav", {})["not_found"] = "info"
    note = "# Dibuat oleh build_site.py (satu unit): jangan diubah.\n"
    text = note + yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False)
    (out / "mkdocs.yml").write_text(text, encoding="utf-8")
