"""MkDocs adapter: MkDocs events into the one pipeline (lkip_build.publish.pipeline) and back.
The pipeline runs once per build (on_config: every page expanded and checked at its source
line, one decision about what blocks); MkDocs is the writer (on_files onwards). Package
errors become one PluginError. The preview's MkDocs machinery and state: lkip_preview.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lkip_preview as serve
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from lkip_build import cache
from lkip_build.present import pagemeta, regions
from lkip_build.problems import Collector, LkipError, guard
from lkip_build.publish import opendata_site, pdf, pipeline, portalsearch, preview

log = logging.getLogger("mkdocs.plugins.lkip")
_KEY = "_lkip"


def _boundary(shown: str, step: Callable[[], Any]) -> Any:
    """Package errors, and any other as `internal-error` at `shown`: one PluginError."""
    problems = Collector()
    try:
        with guard(shown, problems):
            return step()
    except LkipError as exc:
        raise PluginError(exc.render()) from None
    raise PluginError(LkipError(problems.problems).render())


# the preview's events are lkip_preview's own (MkDocs calls them with these keywords)
on_startup, on_shutdown, on_serve, on_env = (
    serve.start,
    serve.stop,
    serve.watch_saves,
    serve.templates,
)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    serve.rebuilding(config)
    root, options = Path(config.config_file_path).parent, serve.run_options(pdf.available())
    try:
        result = _boundary("data", lambda: pipeline.run(root, **options))
        if result.blocking and not serve.STATE:
            raise PluginError(LkipError(result.blocking).render())
    except PluginError as exc:
        if not serve.STATE:
            raise
        config[_KEY] = {"broken": str(exc)}  # every page shows it (serve.broken)
        return serve.broken_config(config, str(exc))
    config[_KEY] = {"result": result, "site_dir": config.site_dir}
    config.nav = config.nav or serve.remember_nav(result.nav)
    if serve.STATE:  # the preview shows the pages, and what would block on them
        serve.show_problems(result)
        return config
    for line in [*result.publication.summaries(result.problems), *map(str, result.blocking)]:
        log.info(line)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = config[_KEY]
    if "broken" in state:
        return serve.broken(files, config, state["broken"])
    result: pipeline.Result = state["result"]
    expansion = result.expansion
    downloads = _boundary("content", lambda: expansion.downloads(serve.memos().bundles))
    made: dict[str, str | bytes] = {**result.sources, **result.generated, **downloads}
    for src, content in made.items():  # the chapters are MkDocs' own already
        if src not in result.sources or files.get_file_from_path(src) is None:
            files.append(File.generated(config, src, content=content))
    serve.add_charts_being_drawn(files, config, expansion.drawing)
    # what on_page_markdown will be handed: the source without its front matter
    state["expanded"] = {
        src: (get_data(result.sources[src])[0], out)
        for src, out in expansion.pages.items()
        if src in result.sources
    }
    serve.mark_changed(files, config, result)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # every page's URL as the theme's search writes it (the home page's is "")
    config[_KEY]["pages"] = {f.page.url for f in files.documentation_pages() if f.page}
    for page in nav.pages:
        for side in ("previous_page", "next_page"):
            other = getattr(page, side)
            if other is not None and not pagemeta.linked(page.file.src_uri, other.file.src_uri):
                setattr(page, side, None)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "broken" in config[_KEY]:
        return preview.broken_page(config[_KEY]["broken"])
    src, pub = page.file.src_uri, config[_KEY]["result"].publication
    page.meta["lkip_header"] = pub.header(src)
    site = config.site_name, config.site_description or ""
    meta = pagemeta.page_meta(pub, src, *site, markdown)
    page.meta["lkip_title"], page.meta["description"] = meta.title, meta.description
    if (alone := serve.absent_page(src)) is not None:
        return alone  # a report never read in this preview: its problems alone
    source, out = config[_KEY]["expanded"].get(src, (None, None))
    if source == markdown and out is not None:
        return out
    # the page changed after on_files (a plugin, or a save under `mkdocs serve`)
    expansion = config[_KEY]["result"].expansion
    out, tables = _boundary(f"content/{src}", lambda: expansion.expand_one(src, markdown))
    config[_KEY].setdefault("tables", {})[src] = tables
    return out


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = regions.wrap_tables(html)
    config[_KEY].setdefault("bodies", {})[page.file.src_uri] = html
    serve.rendered(config[_KEY], page)  # for the tables' search entries
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The generator's HTML checked too: the net behind the pipeline's page checks."""
    if "broken" in config[_KEY]:
        return output
    src, state = page.file.src_uri, config[_KEY]
    body, tables = state.get("bodies", {}).get(src, ""), state.get("tables", {}).get(src)
    whole = None if serve.STATE else output  # the preview checks the body only
    check = state["result"].expansion.check_html
    found = _boundary(f"content/{src}", lambda: check(src, body, whole, tables))
    state.setdefault("html_problems", []).extend(found)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    state = config[_KEY]
    with serve.settled():
        if "broken" in state:
            return
        result: pipeline.Result = state["result"]
        serve.charts_drawn(result)
        serve.check_later(result)
        found = state.get("html_problems", [])
        if found and serve.STATE:
            log.info(f"lkip: {LkipError(found).render()}")  # the editor keeps working
        elif found:
            raise PluginError(LkipError(found).render())
        serve.add_tables_to_search(result, state)  # after the theme's search plugin wrote it
        site_dir = Path(state["site_dir"])
        ids = [h.report.id for h in result.publication.hasil]

        def portal() -> None:  # the portal's search and open data (ARCHITECTURE.md)
            records = portalsearch.site_records(
                site_dir, result.publication.rows, result.sources, result.expansion.rendered
            )
            portalsearch.write_index(site_dir, records)
            opendata_site.merge_site(site_dir, ids)

        if not serve.search_later(portal):
            _boundary("portal", portal)
        if result.publication.pdf:
            site = Path(state["site_dir"])
            made = _boundary("pdf", lambda: pdf.write_all(result.publication, site))
            log.info("\n".join(f"lkip: PDF {path}" for path in made))
        cache.prune()  # what no build used for a month (at most once a day)
