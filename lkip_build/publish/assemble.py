"""After a unit's plain generator build: our work on its HTML, then the units put together.

`finish` does to the built unit what the MkDocs hooks do during a build of the repository
(hooks/lkip.py): every table outside a region wrapped in one (regions.wrap_tables), each
page's checks (safety.check_page: check_body on its content, scan_chrome on the theme
around it: nothing executable, every table figure the computed one; a page that passed
before is not parsed again), the drawn tables into the
unit's search index (searchindex) and its PDF. It also checks that every link inside the
unit lands on a file, and writes down the links that leave it (MANIFEST), which
`assemble` checks once every unit is in place.

`assemble` puts the home unit at the root and each report's unit under <id>/. The theme's
files (`assets/`) are the same bytes in every unit (one theme, one content/assets): one
copy is kept, at the root, and each report page's URLs into its own `assets/` point one
folder up. A unit whose assets differ keeps its own.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

from lkip_build.model import Location
from lkip_build.present import portal, regions, searchindex
from lkip_build.present.table import Table
from lkip_build.problems import LkipError, Problem, problem
from lkip_build.publish import opendata_site, pdf, portalsearch
from lkip_build.publish.safety import check_page
from lkip_build.publish.units import ARTICLE as ARTICLE
from lkip_build.publish.units import HOME, MANIFEST, Unit, page_file, split_page

URL = re.compile(r"""((?:href|src|srcset)=")([^"]*)(")|("search":\s*")([^"]+)(")""")
DROPPED = ("404.html", "sitemap.xml", "sitemap.xml.gz", MANIFEST, portalsearch.FRAGMENT)


def check_built(
    site: Path, expected: dict[str, dict[str, Table]], shown: dict[str, str]
) -> list[Problem]:
    """Each built page of `expected` (src -> anchor -> table) checked as the hooks check it,
    its tables wrapped first (the file is rewritten with them)."""
    found: list[Problem] = []
    for src, tables in sorted(expected.items()):
        path = site / page_file(src)
        where = shown.get(src, src)
        if not path.is_file():
            found.append(problem("html-table-missing", Location(where), "halaman tidak dibangun"))
            continue
        page = path.read_text(encoding="utf-8")
        start, end = split_page(page)
        content = regions.wrap_tables(page[start:end])
        page = page[:start] + content + page[end:]
        path.write_text(page, encoding="utf-8")
        found += check_page(content, page[:start] + page[end:], where, tables)
    return found


def _urls(page: str) -> list[str]:
    out = []
    for m in URL.finditer(page):
        value = m.group(2) if m.group(1) else m.group(5)
        if m.group(1) == 'srcset="':
            out += [part.split()[0] for part in value.split(",") if part.strip()]
        else:
            out.append(value)
    return out


def links(site: Path, name: str) -> tuple[list[Problem], list[str]]:
    """Every relative link of the unit's pages: one inside the unit must land on a file;
    the ones that leave it, as paths of the assembled site, for `assemble` to check."""
    prefix = "" if name == HOME else name + "/"
    broken: list[Problem] = []
    leaving: set[str] = set()
    for path in sorted(site.rglob("*.html")):
        here = path.parent.relative_to(site).as_posix()
        for url in _urls(path.read_text(encoding="utf-8")):
            target = unquote(url.split("#", 1)[0].split("?", 1)[0])  # a%20b.pdf is "a b.pdf"
            if not target or ":" in target or target.startswith("/"):
                continue
            inside = posixpath.normpath(posixpath.join(here, target))
            if inside.startswith("..") or (name == HOME and not _exists(site, inside)):
                leaving.add(posixpath.normpath(prefix + inside))
            elif not _exists(site, inside):
                shown = f"{prefix}{path.relative_to(site).as_posix()}"
                broken.append(
                    problem("html-link-broken", Location(shown), f"tautan {url!r} tidak ada")
                )
    return broken, sorted(leaving)


def _exists(site: Path, rel: str) -> bool:
    target = site / rel
    return target.is_file() or (target / "index.html").is_file()


def finish(unit: Unit, site: Path) -> None:
    """Our steps on the built unit (module docstring); LkipError lists every problem."""
    found = check_built(site, unit.rendered, unit.shown)
    if found:
        raise LkipError(found)
    if unit.publication.pdf and unit.name != HOME:
        page = site / "cetak" / "index.html"
        if page.is_file():
            url = pdf.view_url(unit.publication.site_url, unit.name)
            pdf.write(page, site / f"{unit.name}.pdf", url)  # before the links: pages link to it
    broken, leaving = links(site, unit.name)
    if broken:
        raise LkipError(broken)
    indexed = _indexed(site)
    urls = {src: searchindex_url(src) for src in unit.rendered if searchindex_url(src) in indexed}
    searchindex.add_tables(site, searchindex.table_entries(unit.rendered, urls))
    prefix = "" if unit.name == HOME else unit.name + "/"
    records = portalsearch.unit_records(site, prefix, unit.pages, unit.rendered, unit.row)
    portalsearch.write_fragment(site, records)
    manifest: dict[str, object] = {"unit": unit.name, "links": leaving}
    if unit.row is not None:  # what the home unit is built from (units.rows_in)
        manifest["row"] = portal.to_json(unit.row)
    (site / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def searchindex_url(src: str) -> str:
    """A page's location as the theme writes it in the search index."""
    from lkip_build.publish.units import url_of

    return url_of(src)


def _indexed(site: Path) -> set[str]:
    found = searchindex.index_file(site)
    if found is None:
        return set()
    docs = json.loads(found[0].read_text(encoding="utf-8"))[found[1]]
    return {str(d["location"]).split("#", 1)[0] for d in docs}


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def assemble(parts: Path, site: Path) -> list[str]:
    """The home unit at `site`'s root and every report's unit under <id>/ (units built into
    parts/<name>/); returns the units placed. LkipError when a link between units
    lands nowhere."""
    home = parts / HOME
    shutil.copytree(home, site, ignore=shutil.ignore_patterns(MANIFEST, portalsearch.FRAGMENT))
    shared = _digest(site / "assets") if (site / "assets").is_dir() else None
    placed, leaving = [HOME], _leaving(home, HOME)
    for unit in sorted(p for p in parts.iterdir() if p.is_dir() and p.name != HOME):
        if unit.name.startswith("."):
            continue
        target = site / unit.name
        skip = list(DROPPED)
        share = (unit / "assets").is_dir() and _digest(unit / "assets") == shared
        if share:
            skip.append("assets")
        shutil.copytree(
            unit,
            target,
            ignore=lambda d, n, top=str(unit), s=skip: [x for x in n if x in s] if d == top else [],
        )
        if share:
            _point_up(target, unit.name)
        placed.append(unit.name)
        leaving += _leaving(unit, unit.name)
    # the portal's open data: every report's slice in one package (before the links to it
    # are checked)
    opendata_site.merge_site(site, [name for name in placed if name != HOME])
    missing = [
        problem("html-link-broken", Location(f"{name}/{MANIFEST}"), f"tautan ke {rel!r} tidak ada")
        for name, rel in leaving
        if not _exists(site, rel)
    ]
    if missing:
        raise LkipError(missing)
    # the portal's one search: every unit's records in one chunked index (portalsearch)
    portalsearch.write_index(site, (portalsearch.read_fragment(parts / n) for n in placed))
    return placed


def _leaving(unit: Path, name: str) -> list[tuple[str, str]]:
    path = unit / MANIFEST
    if not path.is_file():
        return []
    return [(name, rel) for rel in json.loads(path.read_text(encoding="utf-8"))["links"]]


def _point_up(target: Path, name: str) -> None:
    """Each page's URLs into the unit's own assets/ pointed at the root's (same bytes)."""
    for path in target.rglob("*.html"):
        here = path.parent.relative_to(target).as_posix()
        text = path.read_text(encoding="utf-8")

        def fix(m: re.Match[str], here: str = here) -> str:
            head, value, tail = (
                (m.group(1), m.group(2), m.group(3))
                if m.group(1)
                else (m.group(4), m.group(5), m.group(6))
            )
            if ":" in value or value.startswith("/"):
                return m.group(0)
            inside = posixpath.normpath(posixpath.join(here, value))
            if not inside.startswith("assets/"):
                return m.group(0)
            new = posixpath.relpath(inside, posixpath.join(name, here) if here != "." else name)
            return head + new + tail

        fixed = URL.sub(fix, text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
