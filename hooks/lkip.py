"""MkDocs adapter: only translates between MkDocs events and `lkip_build`.

Load, check, compute and audit the data once per build (on_config); add each report's
verification page and findings JSON, and expand every page's markers up front (on_files),
so that all problems are reported together; hand each page its expansion
(on_page_markdown). Package errors become PluginError: one clean message, no traceback.
Findings that block publication are logged as warnings, so `--strict` stops the build.
State lives on the build's config object, never at import time: `mkdocs serve` keeps this
module alive across rebuilds.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from lkip_build import pdf
from lkip_build.problems import LkipError
from lkip_build.site import Publication, prepare

log = logging.getLogger("mkdocs.plugins.lkip")
_KEY = "_lkip"


def _publication(config: MkDocsConfig) -> Publication:
    return config[_KEY]["publication"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        publication = prepare(root)
    except LkipError as exc:
        raise PluginError(exc.render()) from None
    config[_KEY] = {"publication": publication, "expanded": {}}
    publication.pdf = pdf.available()
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
    try:
        expanded = publication.expand_pages(sources)
    except LkipError as exc:
        raise PluginError(exc.render()) from None
    for src, content in publication.downloads().items():
        files.append(File.generated(config, src, content=content))
    # what on_page_markdown will be handed: the source without its front matter
    config[_KEY]["expanded"] = {
        src: (get_data(sources[src])[0], out) for src, out in expanded.items()
    }
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    page.meta["lkip_header"] = _publication(config).header(page.file.src_uri)
    source, out = config[_KEY]["expanded"].get(page.file.src_uri, (None, None))
    if source == markdown and out is not None:
        return out
    try:
        return _publication(config).expand_one(page.file.src_uri, markdown)
    except LkipError as exc:
        raise PluginError(exc.render()) from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    config[_KEY].setdefault("bodies", {})[page.file.src_uri] = html
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    body = config[_KEY].get("bodies", {}).get(page.file.src_uri, "")
    found = _publication(config).check_html(page.file.src_uri, body, output)
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
