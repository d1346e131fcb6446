"""The live preview's MkDocs machinery (`make serve`, i.e. `mkdocs serve --dirty`).

hooks/lkip.py only translates MkDocs events into the pipeline; what the preview needs of
MkDocs beyond that lives here, each piece with the MkDocs (or watchdog, Jinja, Material)
internal it relies on named, and tests/test_mkdocs_internals.py checking every one of them,
so a MkDocs or ProperDocs update that changes one fails a test, not an editor's preview:

- `watch_saves`: the system's file watcher instead of MkDocs' polling (LiveReloadServer
  `_watched_paths`, `_watch_refs`, `observer`, `build_delay`; watchdog's `event_filter`);
- `Templates`: the theme's compiled templates kept across rebuilds (Jinja's
  `BytecodeCache`, the env MkDocs hands `on_env`);
- `theme_listed_once`: the theme's files listed once (`Theme.get_env`, `Theme.dirs`,
  `Theme.static_templates`, Jinja's `list_templates`);
- `Drawn`: a chart's bytes asked for when MkDocs copies files (`File.generated`,
  `File._content`, `File.is_modified`);
- `mark_changed`: only changed pages rendered again (`File.is_modified` under --dirty);
- the dirty build's warning filtered (its message text, logger `mkdocs.commands.build`);
- the search plugin's own merge switched off (Material's `search_index_prev`);
- MkDocs' link and navigation validation lowered to info under the preview, where the
  pipeline has said each problem at its source line (`config.validation`).

State: `STATE`, filled only under `mkdocs serve`; every entry keyed by what it was made
from (ARCHITECTURE.md, "Where state lives").
"""

from __future__ import annotations

import gc
import html
import inspect
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from lkip_build import cache
from lkip_build.present import chartrender, pagemeta
from lkip_build.problems import PENDING, listing, summary
from lkip_build.publish import pipeline, preview

log = logging.getLogger("mkdocs.plugins.lkip")
STATE: dict[str, Any] = {}  # only under `mkdocs serve`
_THEME_FILES: dict[str, list[str]] = {}  # the theme's listing, by what it was listed from
DIRTY_WARNING = "A 'dirty' build is being performed"
VALIDATION = {  # MkDocs' `validation:` settings the pipeline's page checks cover
    "links": ("not_found", "anchors", "absolute_links", "unrecognized_links"),
    "nav": ("omitted_files",),
}


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns on every --dirty build, which stops a strict preview; we tell it which
    pages changed, so the warning's concern (stale pages) is ours, and handled."""
    return not record.getMessage().startswith(DIRTY_WARNING)


def start(command: str, dirty: bool) -> None:
    """on_startup: only `mkdocs serve` is a preview."""
    if command != "serve":
        return
    STATE.update(json={}, handed={}, dirty=dirty)
    _stop_on_signals()
    STATE["memos"] = pipeline.Memos(findings_json=STATE["json"])
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)
    chartrender.warm_up()


def _stop_on_signals() -> None:
    """Ctrl-C and SIGTERM both stop the preview the way MkDocs stops on Ctrl-C (its
    KeyboardInterrupt path: on_shutdown, the chart helpers shut down, no traceback). A
    preview started with SIGINT ignored (`make serve &`, nohup, a shell that ignores it)
    inherits the ignoring, and Python then never raises KeyboardInterrupt: it is undone.
    SIGTERM's default ends the process at once, leaving the helpers' semaphores behind
    ("leaked semaphore" warnings)."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def stop() -> None:
    """on_shutdown."""
    if "checker" in STATE:
        STATE["checker"].shutdown(wait=False, cancel_futures=True)
    chartrender.stop_helpers()
    preview.stop_settling()


def run_options(pdf: bool) -> dict[str, Any]:
    """How the pipeline runs for MkDocs: the preview serves the pages before their charts
    are drawn (`Drawn`) and before they are checked (`check_later`), and makes no PDF."""
    live = bool(STATE)
    return {
        "memos": memos(),
        "pdf": pdf and not live,
        "defer_charts": live,
        "defer_checks": live,
        "keep_going": live,
    }


def show_problems(result: pipeline.Result) -> None:
    """The preview goes on where the build stops: each report whose problems block
    publication gets a panel on its own pages (a report never read: the panel alone), the
    other reports are served as they are; the terminal says the summary and what changed
    since the last save (the first time: every problem, pending values counted per file)."""
    pub, pages = result.publication, result.expansion.pages
    panels: dict[str, str] = {}
    for rid in sorted({*pub.by_id, *pub.absent}):
        found, held = result.of_report(rid)
        if held:
            panels[rid] = preview.panel(listing(found, held), rid in pub.stale, rid in pub.absent)
    for src in list(pages):
        box = panels.get(src.split("/", 1)[0]) if "/" in src else None
        if box is not None:
            pages[src] = preview.with_panel(pages[src], box)
    STATE["panels"] = {rid: panels[rid] for rid in pub.absent if rid in panels}
    said = {str(p) for p in result.problems}
    last = STATE.get("said")
    STATE["said"] = said
    if last is None:  # each report in a line, then what blocks, report by report
        for line in pub.summaries(result.problems):
            log.info(line)
        for rid in panels:
            found, held = result.of_report(rid)
            log.info(f"lkip: {rid}: belum bisa diterbitkan\n" + "\n".join(listing(found, held)))
        return
    # what is left to fill is in the summary's count: a report read again lists none
    new = [p for p in result.problems if str(p) not in last and p.code != PENDING]
    log.info(
        f"lkip: {summary(result.problems, result.blocking)}; sejak simpanan terakhir: "
        f"{len(new)} baru, {len(last - said)} selesai"
    )
    for p in new:
        log.info(f"  baru: {p}")


def absent_page(src: str) -> str | None:
    """The page of a report never read in this preview: its panel alone, or None."""
    box = STATE.get("panels", {}).get(src.split("/", 1)[0]) if "/" in src else None
    return preview.absent_page(box) if box is not None else None


def add_charts_being_drawn(
    files: Files, config: MkDocsConfig, drawing: dict[str, dict[str, Future[str]]]
) -> None:
    for page, charts in drawing.items():
        for path, svg in charts.items():
            files.append(Drawn.of(config, f"{page.split('/', 1)[0]}/{path}", svg))


def memos() -> pipeline.Memos:
    """The preview's memos (in memory across rebuilds), or the build's (the cache's)."""
    return STATE["memos"] if STATE else pipeline.Memos()


def rebuilding(config: MkDocsConfig) -> None:
    """A rebuild starts. Every build: an anchor on another report's page is not judged by
    MkDocs either (a unit is built without that page, so no path can judge it alike).
    The preview only: the theme listed once; the theme's own merge of a dirty rebuild's
    search entries kept one page right only (the home page's "" stands for every page),
    so the hook merges them (searchindex.merged)."""
    config.validation.links.anchors = logging.INFO  # the page checks judge a report's own
    if not STATE:
        return
    preview.rebuilding()
    theme_listed_once(config)
    # the pipeline says a page's broken links and pages outside the navigation at the
    # chapter's line; MkDocs' own warning would repeat it and, strict, stop the server
    for group, kinds in VALIDATION.items():
        for kind in kinds:
            setattr(getattr(config.validation, group), kind, logging.INFO)
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index_prev"):
        search.search_index_prev = None


def broken_config(config: MkDocsConfig, message: str) -> MkDocsConfig:
    """A broken save: said in the log (an info record: an error one stops a strict server),
    and the last good navigation kept, so every page shows the problems."""
    log.info(f"lkip: data belum bisa ditampilkan\n{message}")
    config.nav = config.nav or STATE.get("nav")
    return config


def remember_nav(nav: list[object]) -> list[object]:
    if STATE:
        STATE["nav"] = nav
    return nav


def check_later(result: pipeline.Result, idle: float = 0.5) -> None:
    """The preview serves a save's pages first and checks them after, in a thread, once
    the browser has had `idle` seconds to fetch the page (the check holds the
    interpreter while it renders): rendering each changed page a second time before
    serving was a third of the time from save to page. A newer save's check replaces a
    waiting one. The problems are the ones `lkip check` says, at the same lines."""
    if not STATE:
        return
    worker = STATE.setdefault("checker", ThreadPoolExecutor(1, thread_name_prefix="lkip-cek"))
    turn = STATE["turn"] = STATE.get("turn", 0) + 1

    def check() -> None:
        time.sleep(idle)
        if STATE.get("turn") != turn:
            return  # a newer save came meanwhile: its check says what is now
        try:
            found = result.page_problems()
        except Exception as exc:  # the build would say it; the preview keeps serving
            log.info(f"lkip: halaman tidak bisa diperiksa: {exc}")
            return
        for problem in found:
            log.info(str(problem))

    worker.submit(check)


def search_later(write: Callable[[], object], idle: float = 1.0) -> bool:
    """Under the preview, the portal's search index (portalsearch) is written after the
    save's pages are served, in the checker's thread (it takes about 0,3 s a report, which
    a save would otherwise wait for); a newer save's index replaces a waiting one. False
    outside the preview: the build writes it in line."""
    if not STATE:
        return False
    worker = STATE.setdefault("checker", ThreadPoolExecutor(1, thread_name_prefix="lkip-cek"))
    turn = STATE.get("turn", 0)

    def index() -> None:
        time.sleep(idle)
        if STATE.get("turn") != turn:
            return
        try:
            write()
        except Exception as exc:  # the build would say it; the preview keeps serving
            log.info(f"lkip: indeks pencarian portal tidak bisa ditulis: {exc}")

    worker.submit(index)
    return True


def charts_drawn(result: pipeline.Result) -> None:
    """The preview's charts are written: their reports' expansion is remembered whole."""
    if STATE:
        result.expansion.finish_charts(STATE["memos"].expansion)


@contextmanager
def settled() -> Iterator[None]:
    """After a rebuild, whatever happened in it: what the preview remembers, out of the
    cyclic collector's scans (preview.settle)."""
    try:
        yield
    finally:
        if STATE:
            preview.settle()


def watch_saves(server: Any, config: Any = None, builder: Any = None) -> Any:
    """The preview hears a save from the system (inotify, FSEvents, ...), not by MkDocs'
    polling every 0,5 s, which was half of the time from save to page. Only writes, new,
    moved and deleted files count: the system also reports a file being opened or read,
    and every rebuild reads the data, so a rebuild would start the next one for ever.
    `LKIP_WATCH=polling` keeps the polling. If MkDocs' watcher attributes are not there,
    or watchdog cannot filter events (before 4.0), the polling stays."""
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
        # a save's events come within milliseconds; 0,05 s is a twentieth of save-to-page
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


class Templates(jinja2.BytecodeCache):
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


def templates(env: jinja2.Environment, config: Any = None, files: Any = None) -> jinja2.Environment:
    """Compiled templates kept: in memory (preview) or in the content cache (builds)."""
    if STATE:
        env.bytecode_cache = STATE.setdefault("templates", Templates())
    elif (where := cache.folder()) is not None:
        (where / "jinja").mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(where / "jinja"))
    return env


def theme_listed_once(config: MkDocsConfig) -> None:
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
            known = _THEME_FILES
            if key not in known:
                known.clear()
                known[key] = listed(extensions=extensions, filter_func=filter_func)
            return list(known[key])

        env.list_templates = list_templates  # type: ignore[method-assign]
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


def _walked(folders: list[str]) -> list[tuple[str, list[str]]]:
    return [(top, sorted(names)) for d in folders for top, _, names in os.walk(d)]


class Drawn(File):
    """A chart's SVG still being drawn (the preview): MkDocs asks for its bytes when it
    copies the files, after it has rendered every page's Markdown, so drawing and rendering
    overlap. Always written: it is only made for a report whose data changed."""

    svg: Future[str]

    @classmethod
    def of(cls, config: MkDocsConfig, src: str, svg: Future[str]) -> Drawn:
        f = cls.generated(config, src, content=b"")
        assert isinstance(f, Drawn)
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


def broken(files: Files, config: MkDocsConfig, message: str) -> Files:
    """A broken save: the generated pages the navigation names exist too, so that every
    page shows the problems (`preview.broken_page`) until a good save."""
    for src in sorted(pipeline.pagecheck.nav_sources(config.nav)):
        if files.get_file_from_path(src) is None:
            files.append(File.generated(config, src, content=message))
    mark_changed(files, config, None, message)
    return files


def rendered(state: dict[str, Any], page: Any) -> None:
    """A page rendered, and its URL if search indexes it (for the tables' entries)."""
    state.setdefault("rendered", set()).add(page.url)
    if not (page.meta.get("search") or {}).get("exclude"):
        state.setdefault("urls", {})[page.file.src_uri] = page.url


def mark_changed(
    files: Files, config: MkDocsConfig, result: pipeline.Result | None, broken: str = ""
) -> None:
    """With --dirty MkDocs renders again only the pages this says changed: what each page
    is handed (its Markdown, header, title and description; the problems while `broken`)
    and the navigation, against the last build; generated files are written again only if
    new."""
    if not STATE:
        # a build keeps the pass till its end: out of the cyclic collector's scans (at 20
        # reports the HTML checks took 4 s of collections, 0,24 s without)
        gc.freeze()
    if not STATE.get("dirty"):
        return
    nav = preview.fingerprint(repr(config.nav))  # once: at 20 reports its text is 30 KB
    for f in files.documentation_pages():
        src = f.src_uri
        handed: tuple[str, ...] = (broken, "", "")
        if result is not None:
            pub, pages = result.publication, result.expansion.pages
            shown = pages.get(src, absent_page(src) or f.content_string)
            site = config.site_name, config.site_description or ""
            meta = pagemeta.page_meta(pub, src, *site, shown)
            handed = (shown, pub.header(src), repr(meta))
        changed = _changed(src, *handed, nav)
        f.is_modified = (lambda c: lambda: c)(changed)  # type: ignore[method-assign]
    for f in files:
        generated = f.generated_by is not None and not f.is_documentation_page()
        if generated and not isinstance(f, Drawn):
            changed = _changed(f.dest_uri, f.content_bytes)
            f.is_modified = (lambda c: lambda: c)(changed)  # type: ignore[method-assign]


def _changed(key: str, *parts: str | bytes) -> bool:
    """Whether what `key` is handed differs from the last rebuild's. A report taken from
    the memo hands back the very text and bytes objects of the last rebuild (kept alive
    here): those are known unchanged without hashing them again (12 MB at 20 reports)."""
    last = STATE["handed"].get(key)
    if last is not None and last[0][0] is parts[0] and last[0][1:] == parts[1:]:
        return False
    made = preview.fingerprint(*parts)
    STATE["handed"][key] = (parts, made)
    return last is None or last[1] != made


def add_tables_to_search(result: pipeline.Result, state: dict[str, Any]) -> None:
    """Every drawn table into the search index the theme wrote, as an entry of its own.
    Under serve this rebuild rendered some pages only: the rest as the last rebuilds left
    them (searchindex.merged: the theme's own merge kept one page right only)."""
    from functools import partial

    from lkip_build.present import searchindex

    drawn = {**result.expansion.rendered, **state.get("tables", {})}
    urls, merge, memo = state.get("urls", {}), None, None
    if STATE:
        urls = STATE.setdefault("urls", {})
        urls.update(state.get("urls", {}))
        pages = state["pages"]
        for src in [s for s in urls if urls[s] not in pages]:
            del urls[src]
        kept, rendered = STATE.setdefault("search", {}), state.get("rendered", set())
        merge = partial(searchindex.merged, kept, rendered=rendered, pages=pages)
        memo = STATE.setdefault("table_entries", {})
    entries = searchindex.table_entries(drawn, urls, memo)
    searchindex.add_tables(Path(state["site_dir"]), entries, merge)
