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

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import cache, export
from .expansion import page_context
from .markers import CETAK, expand
from .model import Location
from .problems import Collector, LkipError, Problem, problem
from .site import Publication, body, prepare, read_pages
from .table import Table

HOME = "beranda"  # the unit of the top-level pages; its site is the root of the whole
NAV_REPORTS = 50  # the home page's navigation lists the reports up to this many
MANIFEST = ".lkip-unit.json"  # what a built unit tells the assembly (removed there)
LINK = re.compile(r"(\]\(\s*<?)([^)\s>#]+)(#[^)\s>]*)?(>?(?:\s+\"[^\"]*\")?\s*\))")


@dataclass(frozen=True)
class Unit:
    """An exported unit: what the checks of its built HTML need."""

    name: str  # a report id, or HOME
    publication: Publication
    rendered: dict[str, dict[str, Table]]  # src in the unit's docs -> anchor -> table drawn
    shown: dict[str, str]  # src in the unit's docs -> the file an editor opens (content/...)


def url_of(src: str) -> str:
    """A page's directory URL from its src (use_directory_urls): "a/b.md" -> "a/b/"."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return stem + "/"


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
        if inside or target.startswith("../"):
            return m.group(0)
        if folder and target.startswith("assets/"):
            # content/assets is copied into every unit: the unit's own copy
            here = posixpath.dirname(src.removeprefix(folder + "/")) or "."
            return m.group(1) + posixpath.relpath(target, here) + (m.group(3) or "") + m.group(4)
        if not path.endswith(".md"):
            return m.group(0)
        return m.group(1) + relative_url(src, target) + (m.group(3) or "") + m.group(4)

    return LINK.sub(fix, markdown)


def export_unit(root: Path, out: Path, name: str, pdf: bool = False) -> Unit:
    """Write the unit `name` (a report id, or HOME) as a docs folder and mkdocs.yml under
    `out`, as `lkip export` does; the same pass first, refusing what the build refuses."""
    if name == HOME:
        return _export_home(root, out)
    publication = prepare(root, only=name, memo=cache.Memo("prepared")).with_pdf(pdf)
    if name not in publication.by_id:
        problems = Collector()
        problems.add("no-reports", _where(root, name), f"tidak ada laporan {name!r} di data/")
        raise LkipError(problems.problems)
    blocking = publication.blocking()
    if blocking:
        raise LkipError(blocking)
    prefix = name + "/"
    sources = {
        s: t for s, t in read_pages(root / "content", publication).items() if s.startswith(prefix)
    }
    pages, extra = publication.generated(sources)
    sources.update(pages)
    expansion = publication.expand_pages(sources, memo=cache.Memo("expansion"))
    site = export.site_identity(root)
    written: dict[str, bytes] = {}
    for src, markdown in expansion.pages.items():
        text = export.with_meta(publication, src, sources[src], markdown, site)
        written[src] = outside_links(text, src, name).encode("utf-8")
    written.update({s: t.encode("utf-8") for s, t in extra.items()})
    written.update(expansion.downloads(cache.Memo("bundles")))
    _write(root, out, {s.removeprefix(prefix): d for s, d in written.items()})
    nav: list[object] = [{"Beranda": "../"}]
    nav += [_strip(entry, prefix) for entry in publication.nav()[1:]]
    _config(root, out, nav, name)
    rendered = {s.removeprefix(prefix): t for s, t in expansion.rendered.items()}
    return Unit(name, publication, rendered, {s: f"content/{prefix}{s}" for s in rendered})


def _export_home(root: Path, out: Path) -> Unit:
    """The top-level pages, their markers expanded against every report (the portal table
    and the headline cards need each report's figures)."""
    publication = prepare(root, memo=cache.Memo("prepared"))  # every report's, from the cache
    sources = {s: t for s, t in read_pages(root / "content", publication).items() if "/" not in s}
    problems = Collector()
    site = export.site_identity(root)
    written: dict[str, bytes] = {}
    rendered: dict[str, dict[str, Table]] = {}
    for src, text in sorted(sources.items()):
        page = page_context(publication, {}, src)
        markdown = expand(body(text), page, problems)
        rendered[src] = page.rendered
        markdown = export.with_meta(publication, src, text, markdown, site)
        written[src] = outside_links(markdown, src, "").encode("utf-8")
    problems.raise_if_any()
    _write(root, out, written)
    nav: list[object] = [{"Beranda": "index.md"}]
    nav += [s for s in sorted(sources) if s != "index.md"]
    reports = [entry for entry in publication.nav()[1:] if isinstance(entry, dict)]
    if len(reports) <= NAV_REPORTS:  # beyond, the portal table is the way in
        nav.append(
            {
                "Laporan": [
                    {title: f"{_first(pages)}" for title, pages in r.items()} for r in reports
                ]
            }
        )
    _config(root, out, nav, HOME)
    return Unit(HOME, publication, rendered, {s: f"content/{s}" for s in rendered})


DOC_FILE = re.compile(r"^Doc file '([^']+)'")


def generator_problems(name: str, warnings: list[str]) -> list[Problem]:
    """The generator's warnings on the unit `name` as problems at the page they name; the
    print view's are left out when another page has them (it repeats every chapter)."""
    folder = "content" if name == HOME else f"content/{name}"
    out = []
    for w in warnings:
        m = DOC_FILE.match(w)
        if m and m.group(1) == CETAK and len(warnings) > 1:
            continue
        where = Location(f"{folder}/{m.group(1)}" if m else folder)
        out.append(problem("site-build-warning", where, f"MkDocs: {w}"))
    return out


def _where(root: Path, name: str) -> Location:
    return Location(f"data/{name}")


def _first(pages: object) -> str:
    """The URL of a report's start page from the home page: "<id>/"."""
    first = pages[0] if isinstance(pages, list) and pages else ""
    src = next(iter(first.values())) if isinstance(first, dict) else str(first)
    return src.split("/", 1)[0] + "/"


def _strip(nav: object, prefix: str) -> object:
    if isinstance(nav, str):
        return nav.removeprefix(prefix)
    if isinstance(nav, dict):
        return {k: _strip(v, prefix) for k, v in nav.items()}
    if isinstance(nav, list):
        return [_strip(v, prefix) for v in nav]
    return nav


def _write(root: Path, out: Path, written: dict[str, bytes]) -> None:
    docs = out / export.DOCS
    for src, data in sorted(written.items()):
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    export._copy_tree(root / "content" / "assets", docs / "assets", out)
    export._copy_tree(root / "overrides", out / "overrides", out)


def _config(root: Path, out: Path, nav: list[object], name: str) -> None:
    """The repository's mkdocs.yml for the unit: the unit's nav, no hooks; served under
    /<id>/ (site_url too, when the repository sets one); links that leave the unit are
    left to assemble.py (see the module docstring)."""
    cfg = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
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
