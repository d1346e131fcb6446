"""MkDocs adapter: only translates between MkDocs events and `lkip_build`.

Load, check, compute and audit the data once per build (on_config); add each report's
verification page and findings JSON, and expand every page's markers up front (on_files),
so that all problems are reported together; hand each page its expansion
(on_page_markdown). Package errors become PluginError: one clean message, no traceback.
Findings that block publication are logged as warnings, so `--strict` stops the build.
State lives on the build's config object, never at import time: `mkdocs serve` keeps this
module alive across rebuilds. The package's results are frozen: the Publication (on_config)
and the Expansion of the pages (on_files) are stored and only read afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from lkip_build import pagemeta, pdf
from lkip_build.problems import Collector, LkipError, guard
from lkip_build.site import Publication, prepare

log = logging.getLogger("mkdocs.plugins.lkip")
T = TypeVar("T")
_KEY = "_lkip"


def _publication(config: MkDocsConfig) -> Publication:
    return config[_KEY]["publication"]


def _boundary(shown: str, step: Callable[[], T]) -> T:
    """Every package error, and any other exception as an `internal-error` naming what was
    being processed, becomes one PluginError: the build shows what `lkip check` shows."""
    problems = Collector()
    try:
        with guard(shown, problems):
            return step()
    except LkipError as exc:
        raise PluginError(exc.render()) from None
    raise PluginError(LkipError(problems.problems).render())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    publication = _boundary("data", lambda: prepare(root)).with_pdf(pdf.available())
    config[_KEY] = {"publication": publication, "expanded": {}}
    if not config.nav:
        config.nav = publication.nav()
    for line in publication.summaries():
        log.info(line)
    for finding in publication.blocking():
        log.warning(str(finding))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    publication = _publication(config)
    sources = {f.src_uri: f.content_string for f in files.documentation_pages()}
    pages, extra = publication.generated(sources)
    for src, text in {**pages, **extra}.items():
        files.append(File.generated(config, src, content=text))
    sources.update(pages)
    expansion = _boundary("content", lambda: publication.expand_pages(sources))
    for src, content in _boundary("content", expansion.downloads).items():
        files.append(File.generated(config, src, content=content))
    config[_KEY]["expansion"] = expansion
    # what on_page_markdown will be handed: the source without its front matter
    config[_KEY]["expanded"] = {
        src: (get_data(sources[src])[0], out) for src, out in expansion.pages.items()
    }
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    for page in nav.pages:
        for side in ("previous_page", "next_page"):
            other = getattr(page, side)
            if other is not None and not pagemeta.linked(page.file.src_uri, other.file.src_uri):
                setattr(page, side, None)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    page.meta["lkip_header"] = _publication(config).header(src)
    meta = pagemeta.page_meta(
        _publication(config), src, config.site_name, config.site_description or ""
    )
    page.meta["lkip_title"], page.meta["description"] = meta.title, meta.description
    source, out = config[_KEY]["expanded"].get(src, (None, None))
    if source == markdown and out is not None:
        return out
    # the page changed after on_files (a plugin, or a save under `mkdocs serve`)
    expansion = config[_KEY]["expansion"]
    out, tables = _boundary(f"content/{src}", lambda: expansion.expand_one(src, markdown))
    config[_KEY].setdefault("tables", {})[src] = tables
    return out


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    config[_KEY].setdefault("bodies", {})[page.file.src_uri] = html
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    src = page.file.src_uri
    body = config[_KEY].get("bodies", {}).get(src, "")
    expansion = config[_KEY]["expansion"]
    tables = config[_KEY].get("tables", {}).get(src)
    found = _boundary(f"content/{src}", lambda: expansion.check_html(src, body, output, tables))
    config[_KEY].setdefault("html_problems", []).extend(found)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    found = config[_KEY].get("html_problems", [])
    if found:
        raise PluginError(LkipError(found).render())
    publication = _publication(config)
    if publication.pdf:
        try:
            for path in pdf.write_all(publication, Path(config.site_dir)):
                log.info(f"lkip: PDF {path}")
        except LkipError as exc:
            raise PluginError(exc.render()) from None
