"""A chapter page as the markers see it: its Markdown without front matter (`body`), the
marker syntax (`MARKER`), the context a marker is expanded in (`PageContext`), the error a
wrong use raises (`MarkerError`) and the checks every marker shares.

The marker modules (`markers`, `sitemarkers`, `sorotan`, `draft`) import these from here and
`markers` registers them all in `HANDLERS`, so none of them imports another's registry;
`markers` re-exports these names, and `publish.site` re-exports `body` and `FRONT_MATTER`.
"""

from __future__ import annotations

import difflib
import re
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lkip_build.compute import Computed
from lkip_build.compute.facts import Fact
from lkip_build.present.syntax import MARKER as MARKER
from lkip_build.present.table import Table

if TYPE_CHECKING:
    from lkip_build.audit.acceptance import Review
    from lkip_build.present.portal import Row

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:-{3}|\.{3})[ \t]*\n", re.S)


def body(text: str) -> str:
    """A page's Markdown without its YAML front matter (as the site generator sees it)."""
    return FRONT_MATTER.sub("", text, count=1)


@dataclass
class PageContext:
    """What a marker needs to know about the page it is on."""

    src: str  # path under content/, e.g. "ntt-disperindag-lkip-2021/bab-3-akuntabilitas-kinerja.md"
    hasil: Computed | None  # None on pages outside any report (the home page)
    facts: dict[str, Fact]
    table_pages: dict[str, str]  # table id -> src of the page that shows it (same report)
    rows: list[Row]  # every report's portal row (present/portal.py), in scope or not
    findings: list  # the report's audit findings (list[Problem])
    rendered: dict[str, Table] = field(default_factory=dict)  # anchor -> table, for checks
    files: dict[str, bytes] = field(default_factory=dict)  # path under the report -> content
    print_view: bool = False  # the whole report on one page: links stay inside it
    pdf: bool = False  # whether this build produces the report's PDF
    write_files: bool = True  # draw charts and write downloads (not for `lkip check`)
    pending: dict[str, Future[str]] = field(default_factory=dict)  # charts being drawn
    # named figures the data disagrees about -> the link to the finding (see site.disputes)
    disputes: dict[str, str] = field(default_factory=dict)
    drawn: dict[str, Table] = field(default_factory=dict)  # table id -> drawn by site.prepare
    review: Review | None = None  # the report's notes against its diterima.yml


class MarkerError(Exception):
    def __init__(self, code: str, message: str, shown: str = "", severity: str = ""):
        super().__init__(message)
        self.code = code
        self.shown = shown  # what the marker is replaced with all the same
        self.severity = severity  # overrides the code's (see draft.m_tulis_ulang)


def _need_report(page: PageContext) -> Computed:
    if page.hasil is None:
        raise MarkerError("marker-outside-report", "hanya bisa dipakai di halaman sebuah laporan")
    return page.hasil


def _hint(name: str, known: list[str]) -> str:
    """What a misspelt id probably meant ("; maksud Anda 'ik-1'?"), else the ids there are."""
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"; maksud Anda {close[0]!r}?"
    return f"; yang ada: {', '.join(known)}" if known else ""


def _args(args: list[str], count: int, usage: str) -> None:
    if len(args) != count:
        raise MarkerError("marker-arguments", f"penulisan yang benar: {usage}")
