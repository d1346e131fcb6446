"""The pipeline's scope: which pages a run expands and checks, read from content/ without
loading anything else (`lkip check` keys its cache by them before any site module loads).
See publish/pipeline.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lkip_build.model.common import Location
from lkip_build.present.syntax import CROSS_REPORT, HOME_FOLDERS, MARKER
from lkip_build.problems import Collector


@dataclass(frozen=True)
class Scope:
    """Which pages a run expands and checks: one report's (`only`), every report's
    (`reports` without `only`), and the top-level pages (`home`)."""

    only: str | None = None
    reports: bool = True
    home: bool = True

    def has(self, src: str) -> bool:
        if "/" not in src or src.split("/", 1)[0] in HOME_FOLDERS:
            return self.home
        return self.reports and (self.only is None or src.startswith(self.only + "/"))


ALL = Scope()
HOME = Scope(reports=False)


def report(rid: str) -> Scope:
    return Scope(only=rid, home=False)


# what MkDocs reads as a page (Markdown's suffixes)
PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


def belongs(src: str, scope: Scope, ids: set[str]) -> bool:
    """Whether the file at `src` (under content/) is in scope: a file at the top or in a
    folder that is no report's (`ids`) is the home page's, every path meets it there."""
    head = src.split("/", 1)[0]
    if "/" not in src or head not in ids:
        return scope.home
    return head == scope.only if scope.only is not None else scope.reports


def report_ids(data_dir: Path) -> set[str]:
    return {p.name for p in data_dir.iterdir() if p.is_dir()} if data_dir.is_dir() else set()


def walk(content: Path, scope: Scope) -> list[Path]:
    """The paths under content/ a run in `scope` may hold, in order: a report's own folder
    for one report's scope (what is elsewhere is the home page's or another report's: a
    unit of `make site` never walks the whole of content/ for it, which cost 0,4 s a unit at
    2.000 reports), else all of content/."""
    if scope.only is not None and not scope.home:
        content = content / scope.only
    return sorted(content.rglob("*")) if content.is_dir() else []


def read_pages(content: Path, scope: Scope, data_dir: Path) -> dict[str, str]:
    """Every page under content/ in scope, as typed: src -> text. Pages in a folder that
    is not a report belong to the home page's scope (the checks say what is wrong with
    them), so every path meets them. LkipError lists every page that is not UTF-8."""
    if not content.is_dir():
        return {}
    ids = report_ids(data_dir)
    out, unreadable = {}, Collector()
    for path in walk(content, scope):
        src = path.relative_to(content).as_posix()
        if path.suffix not in PAGE_SUFFIXES or not path.is_file() or src.startswith("assets/"):
            continue
        if belongs(src, scope, ids):
            try:
                out[src] = path.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError as exc:
                where = Location(f"content/{src}", path.read_bytes()[: exc.start].count(b"\n") + 1)
                unreadable.add("not-utf8", where, f"bukan UTF-8 (bita {exc.start})")
    unreadable.raise_if_any()
    return out


def named_reports(pages: dict[str, str]) -> set[str] | None:
    """The other reports the pages in scope show figures of (None: every report)."""
    out: set[str] = set()
    for text in pages.values():
        for m in MARKER.finditer(text):
            if m.group(1) not in CROSS_REPORT:
                continue
            args = m.group(2).split()
            if m.group(1) == "sorotan" and args:
                out.add(args[0])
            elif m.group(1) == "daftar-laporan":
                return None
    return out
