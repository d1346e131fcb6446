"""MkDocs adapter: only translates between MkDocs events and `lkip_build`.

Load, check, compute and audit the data once per build (on_config); add each report's
verification page and findings JSON, and expand every page's markers up front (on_files),
so that all problems are reported together; hand each page its expansion
(on_page_markdown). Package errors become PluginError: one clean message, no traceback.
Findings that block publication are logged as warnings, so `--strict` stops the build.
State lives on the build's config object: `mkdocs serve` keeps this module alive across
rebuilds. The one exception is the live preview's memory (`_PREVIEW`, filled only under
`mkdocs serve`): every entry is keyed by the content it was made from, so it cannot go
stale. A save reloads only the report whose files changed (site.prepare's memo), and only
pages whose Markdown, header or navigation changed are rendered again (`mkdocs serve
--dirty`, which `make serve` uses), the system's file events tell it of a save
(`on_serve`), and the pages are rendered while their charts are drawn (`_Drawn`).
Under `mkdocs serve` a broken save does not stop the server: every page shows the
problems, in Indonesian, until the next good save.
The package's results are frozen: the Publication (on_config) and the Expansion of the
pages (on_files) are stored and only read afterwards; under serve, on_post_build puts the
charts drawn meanwhile into the Expansion (`finish_charts`).
"""

from __future__ import annotations

import functools
import gc
import html
import inspect
import logging
import os
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from lkip_build import cache, chartrender, pagemeta, pdf, preview, regions, searchindex
from lkip_build.problems import Collector, LkipError, guard
from lkip_build.site import Publication, prepare

log = logging.getLogger("mkdocs.plugins.lkip")
T = TypeVar("T")
_KEY = "_lkip"
_PREVIEW: dict[str, Any] = {}  # only under `mkdocs serve`; see the module docstring


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


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns on every --dirty build, which stops a strict preview; we tell it which
    pages changed, so the warning's concern (stale pages) is ours, and handled."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _memo(name: str, kind: str) -> cache.Memo:
    """The memo of `kind`: the preview's, kept in memory across rebuilds, or the build's; on
    disk in the content cache either way (memory only when the cache is off)."""
    return _PREVIEW[name] if _PREVIEW else cache.Memo(kind)


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        _PREVIEW.update(json={}, handed={}, dirty=dirty)
        _PREVIEW.update(
            memo=cache.Memo("prepared"),
            pages=cache.Memo("expansion"),
            bundles=cache.Memo("bundles"),
        )
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)
        chartrender.warm_up()


def on_shutdown() -> None:
    chartrender.stop_helpers()
    preview.stop_settling()


def on_serve(server: Any, config: MkDocsConfig, builder: Callable[[], None]) -> Any:
    """The preview hears a save from the system (inotify, FSEvents, ...), not by MkDocs'
    polling every 0,5 s, which was half of the time from save to page. Only writes, new,
    moved and deleted files count: the system also reports a file being opened or read,
    and every rebuild reads the data, so a rebuild would start the next one for ever (a
    browser reloading five times a second). `LKIP_WATCH=polling` keeps the polling (a
    folder the system does not report changes in: some network or container mounts).
    MkDocs 1.x is frozen, so its watcher's attributes stay as they are; if they are not
    there, or watchdog cannot filter events (before 4.0), the polling stays."""
    if os.environ.get("LKIP_WATCH") == "polling":
        return server
    paths = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    if not isinstance(paths, dict) or not isinstance(refs, dict) or server.observer.is_alive():
        return server
    import watchdog.observers.api

    schedule = watchdog.observers.api.BaseObserver.schedule
    if "event_filter" not in inspect.signature(schedule).parameters:
        return server
    watched = list(paths)
    paths.clear()
    refs.clear()
    server.observer = _saves_observer()
    for path in watched:
        server.watch(path)
    if isinstance(getattr(server, "build_delay", None), float):
        # MkDocs waits for 0,1 s without a file event before it rebuilds (a save can be
        # several events). The system reports a save's events within milliseconds of each
        # other; 0,05 s is a twentieth of the time from save to page. A slower burst (a
        # large checkout) is two rebuilds, the second of what came last.
        server.build_delay = 0.05
    return server


def _saves_observer() -> Any:
    """The system's watcher, told of what changes a file, not of a file being read."""
    import watchdog.observers
    from watchdog import events

    saves = [
        events.FileCreatedEvent,
        events.FileModifiedEvent,
        events.FileClosedEvent,  # closed after writing
        events.FileMovedEvent,
        events.FileDeletedEvent,
        events.FileAttribEvent,  # `touch`
    ]

    class SavesOnly(watchdog.observers.Observer):  # type: ignore[misc, valid-type]
        def schedule(self, handler: Any, path: Any, **options: Any) -> Any:
            options["event_filter"] = options.get("event_filter") or saves
            return super().schedule(handler, path, **options)

    return SavesOnly()


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's compiled templates, kept in memory across preview rebuilds (MkDocs makes
    a new template environment per build and compiled Material's templates anew: about a
    third of a rebuild). Jinja keys each entry by the template's source checksum."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if _PREVIEW:
        env.bytecode_cache = _PREVIEW.setdefault("templates", _CompiledTemplates())
    elif (where := cache.folder()) is not None:
        # the theme's templates compiled once, not on every build (Jinja keys an entry by
        # the template's name and source checksum, and its format by the Python version)
        (where / "jinja").mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(where / "jinja"))
    return env


def _theme_listed_once(config: MkDocsConfig) -> None:
    """The preview lists the theme's files once, not on every save: MkDocs walks and filters
    Material's 14.510 files (its icons) before each rebuild, 0,06 to 0,09 s. A theme folder
    inside the project (`overrides/`) is walked again each time, so a file added there
    still shows; the installed theme does not change while the preview runs."""
    theme = config.theme
    make_env = theme.get_env
    root = Path(config.config_file_path).parent.resolve()
    inside = [d for d in theme.dirs if Path(d).resolve().is_relative_to(root)]

    def get_env() -> jinja2.Environment:
        env = make_env()
        listed = env.list_templates

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            key = repr((theme.dirs, sorted(theme.static_templates), extensions, _walked(inside)))
            known = _PREVIEW.setdefault("theme_files", {})
            if key not in known:
                known.clear()
                known[key] = listed(extensions=extensions, filter_func=filter_func)
            return list(known[key])

        env.list_templates = list_templates  # type: ignore[method-assign]
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


def _walked(folders: list[str]) -> list[tuple[str, list[str]]]:
    return [(top, sorted(names)) for d in folders for top, _, names in os.walk(d)]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    if _PREVIEW:
        preview.rebuilding()
        _theme_listed_once(config)
        # the theme's own merge of a dirty rebuild's entries keeps one page's right only
        # (the first rendered; the home page's "" stands for every page): `_post_build`
        # merges them (searchindex.merged), from the entries of this rebuild alone
        search = config.plugins.get("material/search")
        if search is not None and hasattr(search, "search_index_prev"):
            search.search_index_prev = None
    # a report whose files and pages this program saw before comes from the cache
    memo = _memo("memo", "prepared")
    try:
        publication = _boundary("data", lambda: prepare(root, memo=memo))
    except PluginError as exc:
        if not _PREVIEW:
            raise
        # not an error record: under `strict` that would stop the server; every page shows it
        log.info(f"lkip: data belum bisa ditampilkan\n{exc}")
        config[_KEY] = {"broken": str(exc)}
        config.nav = config.nav or _PREVIEW.get("nav")
        return config
    publication = publication.with_pdf(pdf.available() and not _PREVIEW)
    config[_KEY] = {"publication": publication, "expanded": {}}
    if not config.nav:
        config.nav = publication.nav()
        if _PREVIEW:
            _PREVIEW["nav"] = config.nav
    for line in publication.summaries():
        log.info(line)
    for finding in publication.blocking():
        log.warning(str(finding))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if "broken" in config[_KEY]:
        # the generated pages the navigation names, so that they show the problems too
        for src in _nav_sources(config.nav):
            if files.get_file_from_path(src) is None:
                files.append(File.generated(config, src, content=config[_KEY]["broken"]))
        _mark_changed(files, config, {})
        return files
    publication = _publication(config)
    sources = {f.src_uri: f.content_string for f in files.documentation_pages()}
    pages, extra = publication.generated(sources, memo=_PREVIEW.get("json"))
    for src, text in {**pages, **extra}.items():
        files.append(File.generated(config, src, content=text))
    sources.update(pages)
    pages_memo = _memo("pages", "expansion")
    # the preview renders the pages while their charts are drawn (_Drawn)
    defer = bool(_PREVIEW)
    expansion = _boundary(
        "content", lambda: publication.expand_pages(sources, memo=pages_memo, defer_charts=defer)
    )
    bundles = _memo("bundles", "bundles")
    for src, content in _boundary("content", lambda: expansion.downloads(bundles)).items():
        files.append(File.generated(config, src, content=content))
    for page, drawing in expansion.drawing.items():
        for path, svg in drawing.items():
            files.append(_Drawn.of(config, f"{page.split('/', 1)[0]}/{path}", svg))
    config[_KEY]["expansion"] = expansion
    # what on_page_markdown will be handed: the source without its front matter
    config[_KEY]["expanded"] = {
        src: (get_data(sources[src])[0], out) for src, out in expansion.pages.items()
    }
    _mark_changed(files, config, expansion.pages)
    if not _PREVIEW:
        # the publication and expansion live until the build ends: kept out of the cyclic
        # collector, which otherwise scans them again and again as pages are rendered
        # (at 20 reports the HTML checks took 4 s of collections, 0,24 s without)
        gc.freeze()
    return files


class _Drawn(File):
    """A chart's SVG still being drawn (the preview): MkDocs asks for its bytes when it
    copies the files, after it has rendered every page's Markdown, so drawing and rendering
    overlap. Always written: it is only made for a report whose data changed."""

    svg: Future[str]

    @classmethod
    def of(cls, config: MkDocsConfig, src: str, svg: Future[str]) -> _Drawn:
        f = cls.generated(config, src, content=b"")
        assert isinstance(f, _Drawn)
        f.svg = svg
        return f

    @property
    def _content(self) -> bytes:
        try:
            return self.svg.result().encode("utf-8")
        except Exception as exc:  # the build would have said it at on_files: say it here
            log.info(f"lkip: grafik {self.src_uri} tidak bisa digambar: {exc}")
            text = html.escape(f"Grafik tidak bisa digambar: {exc}")
            return (
                f'<svg xmlns="http://www.w3.org/2000/svg"><text y="20">{text}</text></svg>'.encode()
            )

    @_content.setter
    def _content(self, value: object) -> None:
        pass  # File.generated sets it; the bytes are the drawing's

    def is_modified(self) -> bool:
        return True


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # every page's URL as the theme's search writes it (the home page's is "")
    config[_KEY]["pages"] = {f.page.url for f in files.documentation_pages() if f.page}
    for page in nav.pages:
        for side in ("previous_page", "next_page"):
            other = getattr(page, side)
            if other is not None and not pagemeta.linked(page.file.src_uri, other.file.src_uri):
                setattr(page, side, None)
    return nav


def _meta(publication: Publication, src: str, config: MkDocsConfig) -> pagemeta.PageMeta:
    return pagemeta.page_meta(publication, src, config.site_name, config.site_description or "")


def _nav_sources(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [src for v in nav.values() for src in _nav_sources(v)]
    if isinstance(nav, list):
        return [src for v in nav for src in _nav_sources(v)]
    return []


def _mark_changed(files: Files, config: MkDocsConfig, pages: dict[str, str]) -> None:
    """Live preview with --dirty: MkDocs renders again only the pages this says changed
    (what each page is handed, its header, title and description and the navigation,
    against the last build)."""
    if not _PREVIEW.get("dirty"):
        return
    state = config[_KEY]
    publication = state.get("publication")
    nav = preview.fingerprint(repr(config.nav))  # once: at 20 reports its text is 30 KB
    for f in files.documentation_pages():
        src = f.src_uri
        changed = _changed(
            src,
            state.get("broken") or pages.get(src, f.content_string),
            publication.header(src) if publication else "",
            repr(_meta(publication, src, config)) if publication else "",
            nav,
        )
        f.is_modified = (lambda c: lambda: c)(changed)  # type: ignore[method-assign]
    for f in files:  # generated files (downloads, charts, JSON): written again only if new
        if (
            f.generated_by is not None
            and not f.is_documentation_page()
            and not isinstance(f, _Drawn)
        ):
            changed = _changed(f.dest_uri, f.content_bytes)
            f.is_modified = (lambda c: lambda: c)(changed)  # type: ignore[method-assign]


def _changed(key: str, *parts: str | bytes) -> bool:
    """Whether what `key` is handed differs from the last rebuild's. A report taken from
    the memo hands back the very text and bytes objects of the last rebuild (kept alive
    here): those are known unchanged without hashing them again (12 MB at 20 reports)."""
    last = _PREVIEW["handed"].get(key)
    if last is not None and last[0][0] is parts[0] and last[0][1:] == parts[1:]:
        return False
    made = preview.fingerprint(*parts)
    _PREVIEW["handed"][key] = (parts, made)
    return last is None or last[1] != made


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "broken" in config[_KEY]:
        return preview.broken_page(config[_KEY]["broken"])
    src = page.file.src_uri
    page.meta["lkip_header"] = _publication(config).header(src)
    meta = _meta(_publication(config), src, config)
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
    html = regions.wrap_tables(html)
    config[_KEY].setdefault("bodies", {})[page.file.src_uri] = html
    config[_KEY].setdefault("rendered", set()).add(page.url)
    if not (page.meta.get("search") or {}).get("exclude"):  # the pages search indexes
        config[_KEY].setdefault("urls", {})[page.file.src_uri] = page.url
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if "broken" in config[_KEY]:
        return output
    src = page.file.src_uri
    body = config[_KEY].get("bodies", {}).get(src, "")
    expansion = config[_KEY]["expansion"]
    tables = config[_KEY].get("tables", {}).get(src)
    # the preview checks the body only: the theme's chrome is the build's to check, once
    whole = None if _PREVIEW else output
    found = _boundary(f"content/{src}", lambda: expansion.check_html(src, body, whole, tables))
    config[_KEY].setdefault("html_problems", []).extend(found)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    try:
        _post_build(config)
    finally:
        if _PREVIEW:
            preview.settle()  # what the preview remembers, out of the collector's scans


def _post_build(config: MkDocsConfig) -> None:
    if "broken" in config[_KEY]:
        return
    if _PREVIEW:  # the charts are written: their reports' expansion is remembered whole
        config[_KEY]["expansion"].finish_charts(_PREVIEW["pages"])
    found = config[_KEY].get("html_problems", [])
    if found and _PREVIEW:
        # the pages are there and the editor keeps working (an error record stops serve)
        log.info(f"lkip: {LkipError(found).render()}")
    elif found:
        raise PluginError(LkipError(found).render())
    if not _PREVIEW:
        cache.prune()  # what no build used for a month (at most once a day)
    # after the theme's search plugin wrote its index (hooks run after plugins)
    drawn = {**config[_KEY]["expansion"].rendered, **config[_KEY].get("tables", {})}
    urls, merge = config[_KEY].get("urls", {}), None
    if _PREVIEW:  # this rebuild rendered some pages only: the rest as the last rebuilds left it
        urls = _PREVIEW.setdefault("urls", {})
        urls.update(config[_KEY].get("urls", {}))
        pages = config[_KEY]["pages"]
        for src in [s for s in urls if urls[s] not in pages]:
            del urls[src]
        kept, rendered = _PREVIEW.setdefault("search", {}), config[_KEY].get("rendered", set())
        merge = functools.partial(searchindex.merged, kept, rendered=rendered, pages=pages)
    memo = _PREVIEW.setdefault("table_entries", {}) if _PREVIEW else None
    entries = searchindex.table_entries(drawn, urls, memo)
    searchindex.add_tables(Path(config.site_dir), entries, merge)
    publication = _publication(config)
    if publication.pdf:
        try:
            for path in pdf.write_all(publication, Path(config.site_dir)):
                log.info(f"lkip: PDF {path}")
        except LkipError as exc:
            raise PluginError(exc.render()) from None
