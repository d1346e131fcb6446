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
more than the ten NTT charts take in all (measurements in ARCHITECTURE.md).
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from . import cache

FONTS = "embedded-liberation-sans"  # what the measuring engine sees (part of the cache key)
_lock = threading.Lock()
_started = False
_pool: ThreadPoolExecutor | None = None


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


def warm_up() -> None:
    """Start the engine in the background (the live preview, at its start): the first save
    that changes a chart then costs its drawing (~0,15 s), not the engine's start too
    (~0,5 s)."""

    def start() -> str:
        _start_engine()
        return version()

    submit(start)


def canonical(spec: dict[str, object]) -> str:
    return json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def draw(spec: dict[str, object]) -> str:
    """The SVG of a Vega-Lite spec: from the cache when the same spec was drawn before."""

    def make() -> bytes:
        import vl_convert

        _start_engine()
        return vl_convert.vegalite_to_svg(spec).encode("utf-8")

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
