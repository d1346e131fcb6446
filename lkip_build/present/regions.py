"""Every table is a named region a keyboard can reach, whoever wrote it.

Report tables (`lkip:tabel`) come wrapped by `markers.m_tabel`. A table typed in Markdown
or written by a generated page (the verification page) is wrapped here, in the page's
HTML, the same way: on a phone it scrolls sideways inside a box that takes focus
(axe: scrollable-region-focusable), named after the section it stands in, with the
column naming its rows kept in sight (`data-kunci`, lkip.css).
"""

from __future__ import annotations

import html
import zlib
from dataclasses import dataclass
from html.parser import HTMLParser

from lkip_build import cache

REGION = "lkip-tabel"


@dataclass
class _Found:
    start: int  # offset of "<table"
    label: str  # the heading it stands under
    th: str | None = None  # its first header cell
    end: int | None = None  # offset after "</table>"


class _Tables(HTMLParser):
    """Where each table outside a region starts and ends, and what names it."""

    def __init__(self, page_html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = [0]
        for line in page_html.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.found: list[_Found] = []
        self._divs: list[bool] = []  # for each open <div>: is it a region
        self._heading: list[str] | None = None
        self._headerlink = 0
        self._last_heading = ""
        self._depth = 0  # open tables
        self._th: list[str] | None = None

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div":
            self._divs.append(REGION in classes)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = []
        elif tag == "a" and "headerlink" in classes:
            self._headerlink += 1
        elif tag == "table":
            self._depth += 1
            if self._depth == 1 and not any(self._divs):
                self.found.append(_Found(self._offset(), self._last_heading))
        elif tag == "th" and self._depth == 1 and self.found and self.found[-1].th is None:
            self._th = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._divs:
            self._divs.pop()
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading is not None:
            self._last_heading = " ".join("".join(self._heading).split())
            self._heading = None
        elif tag == "a" and self._headerlink:
            self._headerlink -= 1
        elif tag == "th" and self._th is not None:
            self.found[-1].th = "".join(self._th).strip()
            self._th = None
        elif tag == "table" and self._depth:
            self._depth -= 1
            # the table opened last outside a region (one inside never gets an entry)
            if self._depth == 0 and self.found and self.found[-1].end is None:
                self.found[-1].end = self._offset() + len("</table>")

    def handle_data(self, data: str) -> None:
        if self._heading is not None and not self._headerlink:
            self._heading.append(data)
        if self._th is not None:
            self._th.append(data)


def wrap_tables(page_html: str) -> str:
    """`page_html` with every table that is not in a region wrapped in one (from the cache
    when this program wrapped the same HTML before)."""
    made = cache.cached(
        "regions",
        [cache.code_version(), page_html],
        lambda: zlib.compress(_wrap(page_html).encode(), 1),  # HTML: a fifth of its size
    )
    return zlib.decompress(made).decode()


def _wrap(page_html: str) -> str:
    parser = _Tables(page_html)
    parser.feed(page_html)
    parser.close()
    out = page_html
    for t in reversed(parser.found):
        if t.end is None:
            continue
        start, end = t.start, t.end
        label = f"Tabel: {t.label}" if t.label else "Tabel"
        key = 2 if (t.th or "").rstrip(".").lower() == "no" else 1
        head = (
            f'<div class="{REGION}" tabindex="0" role="region" data-kunci="{key}" '
            f'aria-label="{html.escape(label)}">'
        )
        out = out[:start] + head + out[start:end] + "</div>" + out[end:]
    return out
