"""The docs-folder writer of the pipeline: `lkip export DIR`, and each publishing unit of
`make site` (units.py). The publication as a plain docs folder that any Python-Markdown site
generator builds without our hooks (MkDocs, ProperDocs, Zensical).

The pipeline has run (publish/pipeline.py: the same pass, expansion, page checks and
decision about what blocks as `lkip check` and the hook build); this writes its result to
files: every page's Markdown expanded (front matter kept, plus what the hooks would put in
the page's meta), the generated pages (verification, print view), the findings' JSON,
every download and chart, every other file beside the chapters (images, documents), the
theme override and the assets; and a `mkdocs.yml` that is the repository's own with the
computed `nav`, the docs folder `docs/` and no `hooks:`. The generator's HTML is checked
again by `make site` (assemble.py), as the net behind the pipeline's page checks.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from lkip_build.present import pagemeta
from lkip_build.publish import pagecheck, pipeline
from lkip_build.publish.scope import PAGE_SUFFIXES, belongs, report_ids, walk
from lkip_build.publish.site import FRONT_MATTER, Publication

DOCS = "docs"


def export(root: Path, out: Path, only: str | None = None) -> list[str]:
    """Write the docs folder and mkdocs.yml under `out`; returns the files written, relative
    to `out`. `only` limits it to one report (and the home page)."""
    scope = pipeline.ALL if only is None else pipeline.Scope(only=only)
    result = pipeline.run(root, scope)
    result.raise_if_blocked()
    files = write_docs(root, out, docs_files(result, root))
    (out / "mkdocs.yml").write_text(config(root, result.nav), encoding="utf-8")
    return [*files, "mkdocs.yml"]


def docs_files(result: pipeline.Result, root: Path) -> dict[str, bytes]:
    """The writer's files (site-wide src -> bytes): every page in scope expanded with its
    front matter, the generated files, the downloads and charts of the reports in scope,
    and every other file in scope beside the pages (images, documents; at the top of
    content/ or in a folder that is no report's: the home page's)."""
    site = site_identity(root)
    pub, scope = result.publication, result.scope
    written: dict[str, bytes] = {}
    for src, text in result.sources.items():
        markdown = result.expansion.pages[src]
        written[src] = with_meta(pub, src, text, markdown, site).encode("utf-8")
    written.update({s: t.encode("utf-8") for s, t in result.generated.items()})
    ids = {h.report.id for h in pub.hasil if scope.has(f"{h.report.id}/")}
    for src, data in result.expansion.downloads(pipeline.Memos().bundles, only=ids).items():
        if scope.has(src):
            written[src] = data
    content, ids = root / "content", report_ids(root / "data")
    for path in walk(content, scope):
        src = path.relative_to(content).as_posix()
        beside = not src.startswith("assets/") and path.suffix not in PAGE_SUFFIXES
        if beside and path.is_file() and belongs(src, scope, ids):
            written[src] = path.read_bytes()
    return written


def write_docs(root: Path, out: Path, written: dict[str, bytes]) -> list[str]:
    """`written` under out/docs, with the theme's assets and overrides; the files, from out."""
    docs = out / DOCS
    for src, data in sorted(written.items()):
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    files = [f"{DOCS}/{src}" for src in sorted(written)]
    files += _copy_tree(root / "content" / "assets", docs / "assets", out)
    files += _copy_tree(root / "overrides", out / "overrides", out)
    return files


def site_identity(root: Path) -> tuple[str, str]:
    """The site's name and description (mkdocs.yml): the home page's <title> and meta."""
    cfg = pagecheck.mkdocs_config(root)
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
    about = pagemeta.page_meta(publication, src, *site, markdown)
    meta["lkip_title"], meta["description"] = about.title, about.description
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
    return f"---\n{head}---\n\n{markdown}"


def _front_matter(text: str) -> str | None:
    m = FRONT_MATTER.match(text)
    if not m:
        return None
    return m.group(0).split("\n", 1)[1].rsplit("\n", 2)[0]


def config(root: Path, nav: list[object]) -> str:
    """The repository's mkdocs.yml for the exported folder: same theme, plugins and
    extensions, the computed nav, and no hooks (their work is in the files)."""
    cfg = pagecheck.mkdocs_config(root)
    cfg.pop("hooks", None)
    cfg.pop("watch", None)
    cfg["docs_dir"] = DOCS
    cfg["site_dir"] = "site"
    cfg["nav"] = nav
    note = (
        "# Dibuat oleh `lkip export`: jangan diubah; ubah data/ dan content/ lalu ekspor ulang.\n"
    )
    return note + yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False)


def _copy_tree(source: Path, target: Path, out: Path) -> list[str]:
    if not source.is_dir():
        return []
    shutil.copytree(source, target, dirs_exist_ok=True)
    return sorted(p.relative_to(out).as_posix() for p in target.rglob("*") if p.is_file())
