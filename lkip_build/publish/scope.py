"""The pipeline's scope: which pages a run expands and checks, read from content/ without
loading anything else (`lkip check` keys its cache by them before any site module loads).
See publish/pipeline.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lkip_build.present.syntax import CROSS_REPORT, MARKER


@dataclass(frozen=True)
class Scope:
    """Which pages a run expands and checks: one report's (`only`), every report's
    (`reports` without `only`), and the top-level pages (`home`)."""

    only: str | None = None
    reports: bool = True
    home: bool = True

    def has(self, src: str) -> bool:
        if "/" not in src:
            return self.home
        return self.reports and (self.only is None or src.startswith(self.only + "/"))


ALL = Scope()
HOME = Scope(reports=False)


def report(rid: str) -> Scope:
    return Scope(only=rid, home=False)


def read_pages(content: Path, scope: Scope, data_dir: Path) -> dict[str, str]:
    """Every Markdown file under content/ in scope, as typed: src -> text. Pages in a
    folder that is not a report belong to the home page's scope (the checks say what is
    wrong with them), so every path meets them."""
    if not content.is_dir():
        return {}
    ids = {p.name for p in data_dir.iterdir() if p.is_dir()} if data_dir.is_dir() else set()
    out = {}
    for path in sorted(content.rglob("*.md")):
        src = path.relative_to(content).as_posix()
        if src.startswith("assets/"):
            continue
        head = src.split("/", 1)[0]
        if "/" not in src or head not in ids:  # the home page's, or no report's: home's
            keep = scope.home
        elif scope.only is not None:
            keep = head == scope.only
        else:
            keep = scope.reports
        if keep:
            out[src] = path.read_text(encoding="utf-8-sig")
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
