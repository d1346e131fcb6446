"""Drawing chart specs to SVG with vl-convert: cached by content, in the background.

Fonts. vl-convert measures text (label widths decide the layout) with the Liberation Sans
it carries inside, but it also loads the system's fonts, and with those it opens and maps
the font file again for every text it measures (~5.500 times per chart; see ARCHITECTURE).
Its font database reads FONTCONFIG_FILE once, when the engine starts: we start it with a
fontconfig file that lists only an empty folder, so it measures with its own fonts only.
The SVG is byte-identical (Liberation Sans is also what the system would pick for
"Helvetica, Arial, sans-serif"), 3-10 times faster, and no longer depends on the fonts of
the machine that builds it, so the cache key needs only the spec and vl-convert's version.

Cache: cache.cached("svg", canonical spec JSON + vl-convert version + font mode). Output
is the same bytes with and without it (tests/test_charts.py).

Background: `submit` starts a drawing on a thread pool and returns its future, so the
markers of the rest of the build are expanded while charts are drawn (vl-convert releases
the GIL while it draws). vl-convert 1.9 draws one chart at a time per process, so threads
do not draw two at once; processes would, but each pays the engine's start (~0,5 s),
more than the ten NTT charts take in all (measurements in ARCHITECTURE.md). The live
preview is the exception: it pays that start once, at its beginning (`warm_up`), and then
draws in one helper process per core, so a save's changed charts are drawn side by side
and vl-convert (which holds the GIL while it converts) no longer slows the preview's own
process: a save that redraws NTT's budget charts went from 0,8-0,9 s to 0,7 s.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from lkip_build import cache

FONTS = "embedded-liberation-sans"  # what the measuring engine sees (part of the cache key)
_lock = threading.Lock()
_started = False
_pool: ThreadPoolExecutor | None = None
_helpers: ProcessPoolExecutor | None = None  # the preview's drawing processes (warm_up)


def _start_engine() -> None:
    """Start vl-convert's engine once, seeing only its own fonts (the module docstring)."""
    global _started
    with _lock:
        if _started:
            return
        import vl_convert  # imported late: only a build that draws charts needs it

        empty = Path(tempfile.mkdtemp(prefix="lkip-fonts-"))
        conf = empty / "fonts.conf"
        conf.write_text(f"<?xml version='1.0'?>\n<fontconfig><dir>{empty}</dir></fontconfig>\n")
        before = os.environ.get("FONTCONFIG_FILE")
        os.environ["FONTCONFIG_FILE"] = str(conf)
        try:  # a text mark makes the engine load its font database now
            vl_convert.vegalite_to_svg({"mark": "text", "encoding": {"text": {"value": "a"}}})
        finally:
            if before is None:
                del os.environ["FONTCONFIG_FILE"]
            else:
                os.environ["FONTCONFIG_FILE"] = before  # Chromium (the PDFs) sees the system's
            shutil.rmtree(empty, ignore_errors=True)  # read once, at the engine's start
        _started = True


@functools.lru_cache(maxsize=1)
def version() -> str:
    from importlib.metadata import version as installed

    import vl_convert

    return (
        f"vl-convert-python {installed('vl-convert-python')} {vl_convert.get_vegalite_versions()}"
    )


def warm_up(processes: int | None = None) -> None:
    """The live preview, at its start: `processes` helper processes (default: one per
    core), each starting its own engine in the background. Then a save's changed charts are
    drawn side by side, one per core (one engine draws one chart at a time), without the
    engine's start (~0,5 s), and their drawing no longer holds the preview's own process.
    The SVG is the same bytes: the helpers start their engine as `_start_engine` does."""
    global _helpers
    count = processes or os.cpu_count() or 1
    with _lock:
        if _helpers is not None:
            return
        spawn = multiprocessing.get_context("spawn")  # a fork would copy the lock it holds
        _helpers = ProcessPoolExecutor(count, mp_context=spawn, initializer=_helper_start)
    for _ in range(count):  # each submission starts a process, and its engine
        _helpers.submit(version)


def _helper_start() -> None:
    """A helper's start: Ctrl-C in the editor's terminal reaches the whole process group,
    and the preview, not each helper, answers it (on_shutdown stops them, without a
    traceback from each); a helper whose preview was killed ends too."""
    from lkip_build.publish.reaper import follow_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    follow_parent()
    _start_engine()


def stop_helpers() -> None:
    """The helper processes of `warm_up` stopped (the preview's end); drawing goes on here."""
    global _helpers
    with _lock:
        helpers, _helpers = _helpers, None
    if helpers is not None:
        helpers.shutdown(wait=True, cancel_futures=True)


def _draw_here(spec: dict[str, object]) -> bytes:
    import vl_convert

    _start_engine()
    return vl_convert.vegalite_to_svg(spec).encode("utf-8")


def canonical(spec: dict[str, object]) -> str:
    return json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def draw(spec: dict[str, object]) -> str:
    """The SVG of a Vega-Lite spec: from the cache when the same spec was drawn before."""

    def make() -> bytes:
        if _helpers is not None:
            try:
                return _helpers.submit(_draw_here, spec).result()
            except BrokenProcessPool:
                pass  # a helper was killed: drawn here
        return _draw_here(spec)

    return cache.cached("svg", [canonical(spec), version(), FONTS], make).decode("utf-8")


def submit(make: Callable[[], str]) -> Future[str]:
    """`make()` started in the background (a chart's drawing); its result is the SVG."""
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(
                max_workers=os.cpu_count() or 1, thread_name_prefix="lkip-svg"
            )
    return _pool.submit(make)
