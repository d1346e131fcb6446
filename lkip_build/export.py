"""`lkip export DIR`: the publication as a plain docs folder that any Python-Markdown site
generator builds without our hooks (MkDocs, ProperDocs, Zensical).

What the hooks do at build time is done here once, to files: every page's markers
expanded (front matter kept, plus what the hooks would put in the page's meta), the
generated pages (verification, print view), the findings' JSON, every download and chart,
the theme override and the assets; and a `mkdocs.yml` that is the repository's own with
the computed `nav`, the docs folder `docs/` and no `hooks:`. The same pass as the build
runs first, so an export of data the build would refuse is refused with the same problems.
The one thing a plain generator does not do is our check of its HTML against the tables;
the build (`make site`) keeps doing that.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from . import pagemeta
from .problems import LkipError
from .site import Publication, prepare, read_pages

DOCS = "docs"


def export(root: Path, out: Path, only: str | None = None) -> list[str]:
    """Write the docs folder and mkdocs.yml under `out`; returns the files written, relative
    to `out`. `only` limits it to one report (and the home page)."""
    publication = prepare(root, only=only)
    blocking = publication.blocking()
    if blocking:
        raise LkipError(blocking)
    sources = read_pages(root / "content", publication)
    pages, extra = publication.generated(sources)
    sources.update(pages)
    expansion = publication.expand_pages(sources)
    docs = out / DOCS
    site = site_identity(root)
    written: dict[str, bytes] = {}
    for src, markdown in expansion.pages.items():
        text = with_meta(publication, src, sources[src], markdown, site)
        written[src] = text.encode("utf-8")
    for src, text in extra.items():
        written[src] = text.encode("utf-8")
    written.update(expansion.downloads())
    for src, data in sorted(written.items()):
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    files = [f"{DOCS}/{src}" for src in sorted(written)]
    files += _copy_tree(root / "content" / "assets", docs / "assets", out)
    files += _copy_tree(root / "overrides", out / "overrides", out)
    (out / "mkdocs.yml").write_text(config(root, publication), encoding="utf-8")
    return [*files, "mkdocs.yml"]


def site_identity(root: Path) -> tuple[str, str]:
    """The site's name and description (mkdocs.yml): the home page's <title> and meta."""
    cfg = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    return str(cfg.get("site_name") or ""), str(cfg.get("site_description") or "")


def with_meta(
    publication: Publication, src: str, source: str, markdown: str, site: tuple[str, str]
) -> str:
    """The expanded page with its front matter: the source's own keys, and the ones the
    hooks set at build time (on_page_markdown: the header line above a report page, the
    page's <title> and meta description, pagemeta.page_meta)."""
    meta: dict[str, Any] = {}
    match = _front_matter(source)
    if match:
        meta.update(yaml.safe_load(match) or {})
    header = publication.header(src)
    if header:
        meta["lkip_header"] = header
    about = pagemeta.page_meta(publication, src, *site)
    meta["lkip_title"], meta["description"] = about.title, about.description
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
    return f"---\n{head}---\n\n{markdown}"


def _front_matter(text: str) -> str | None:
    from .site import FRONT_MATTER

    m = FRONT_MATTER.match(text)
    if not m:
        return None
    return m.group(0).split("\n", 1)[1].rsplit("\n", 2)[0]


def config(root: Path, publication: Publication) -> str:
    """The repository's mkdocs.yml for the exported folder: same theme, plugins and
    extensions, the computed nav, and no hooks (their work is in the files)."""
    cfg = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    cfg.pop("hooks", None)
    cfg.pop("watch", None)
    cfg["docs_dir"] = DOCS
    cfg["site_dir"] = "site"
    cfg["nav"] = publication.nav()
    note = (
        "# Dibuat oleh `lkip export`: jangan diubah; ubah data/ dan content/ lalu ekspor ulang.\n"
    )
    return note + yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False)


def _copy_tree(source: Path, target: Path, out: Path) -> list[str]:
    if not source.is_dir():
        return []
    shutil.copytree(source, target, dirs_exist_ok=True)
    return sorted(p.relative_to(out).as_posix() for p in target.rglob("*") if p.is_file())
