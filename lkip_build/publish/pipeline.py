"""The one pipeline, from a repository to what a reader is shown, for every caller.

    load → validate → compute → draw → audit     site.prepare (per report, memoised)
    → expand                                     Publication.expand_pages (every page)
    → render and check every page                pagecheck (in process, at source lines)
    → decide what blocks                         `blocking` (here, once)
    → write                                      the writer's

Its parameters are the scope and the writer; the steps and their rules are the same for
every caller, like Sphinx's builders (the "dummy" builder checks everything, writes nothing):

- scope (`Scope`): every report and the home page (`ALL`: `lkip check .`, `mkdocs build`,
  the preview, `lkip export`, `lkip diff`), one report (`report(ID)`: `lkip check
  data/ID`, its publishing unit), the home page (`HOME`: its unit). A page may show and
  link any report's figures and pages in every scope: the reports its markers name are
  prepared with it (`CROSS_REPORT`), and its links are checked against every report's
  pages (`pagecheck.Site`).
- writer: none (`lkip check`: `write_files=False`, charts specified and not drawn); the
  MkDocs hook (hooks/lkip.py hands MkDocs `Result.sources` and `Result.expansion`); a
  plain docs folder (publish/export.py: `lkip export`, the units of `make site`, any
  generator: MkDocs, ProperDocs, Zensical). Only who turns Markdown into HTML differs.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lkip_build import cache
from lkip_build.audit import ERROR
from lkip_build.present import draft, opendata, portal, verification
from lkip_build.present.expansion import Expansion
from lkip_build.present.markers import CETAK
from lkip_build.present.portal import Row
from lkip_build.present.syntax import AGENCY_DIR
from lkip_build.problems import LkipError, Problem
from lkip_build.publish import pagecheck, printview
from lkip_build.publish.scope import ALL as ALL
from lkip_build.publish.scope import HOME as HOME
from lkip_build.publish.scope import Scope as Scope
from lkip_build.publish.scope import named_reports as named_reports
from lkip_build.publish.scope import read_pages as read_pages
from lkip_build.publish.scope import report as report
from lkip_build.publish.scope import report_ids
from lkip_build.publish.site import Publication, prepare

PDF_SUFFIX = ".pdf"


@dataclass
class Memos:
    """What a run may take from earlier runs, by content: the content cache's by default,
    the live preview's own (kept in memory across rebuilds) under `mkdocs serve`."""

    prepared: MutableMapping[str, Any] = field(default_factory=lambda: cache.Memo("prepared"))
    expansion: MutableMapping[str, Any] = field(default_factory=lambda: cache.Memo("expansion"))
    bundles: MutableMapping[str, Any] = field(default_factory=lambda: cache.Memo("bundles"))
    rendered: MutableMapping[str, Any] = field(default_factory=lambda: cache.Memo("page-render"))
    findings_json: dict[str, str] | None = None  # the preview's: unchanged JSON not rewritten
    # the preview's: each report's last pass that went through (`site.prepare`)
    last_good: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    """A run: the pass, every page in scope (as typed, generated ones too) and the files
    made beside them, their expansion, and every problem, with the ones that block."""

    publication: Publication
    scope: Scope
    sources: dict[str, str]  # src -> Markdown as typed (front matter kept)
    generated: dict[str, str]  # src -> text of a generated file (the findings' JSON)
    expansion: Expansion
    nav: list[object]
    problems: list[Problem]  # in order: the pass's warnings, a draft's to-do, findings, pages
    blocking: list[Problem]
    root: Path = Path()
    outside: dict[str, str] = field(default_factory=dict)  # pages of no report (home's scope)
    rendered: MutableMapping[str, Any] = field(default_factory=dict)  # pagecheck's memo
    data_dir: Path = Path()

    def of_report(self, rid: str) -> tuple[list[Problem], list[Problem]]:
        """A report's problems and the ones of them that block (its data and chapters)."""
        mine = (f"data/{rid}/", f"content/{rid}/", f"{self.publication_folder(rid)}/")
        found = [p for p in self.problems if p.file.startswith(mine)]
        return found, [p for p in self.blocking if p.file.startswith(mine)]

    def publication_folder(self, rid: str) -> str:
        h = self.publication.by_id.get(rid)
        return h.report.folder if h is not None else f"data/{rid}"

    def raise_if_blocked(self) -> None:
        if self.blocking:
            raise LkipError(self.blocking)

    def page_problems(self) -> list[Problem]:
        """Every page in scope rendered and checked (pagecheck); all of them block."""
        pages = {**self.sources, **self.outside}
        return _check_pages(
            self.root,
            self.data_dir,
            pages,
            self.generated,
            self.expansion,
            self.nav,
            self.rendered,
        )


def run(
    root: Path,
    scope: Scope = ALL,
    *,
    data_dir: Path | None = None,
    write_files: bool = True,
    pdf: bool = False,
    memos: Memos | None = None,
    defer_charts: bool = False,
    check_pages: bool = True,
    defer_checks: bool = False,
    keep_going: bool = False,
    rows: list[Row] | None = None,
) -> Result:
    """The pipeline (module docstring). LkipError when the pass or the expansion stops
    (every problem found so far); what blocks after that is `Result.blocking`. Without
    `check_pages` (`lkip diff`) no page is checked; with `defer_checks` (the preview,
    which serves the page first) they are `Result.page_problems()`, to call later. With
    `keep_going` (the preview) a report's errors do not stop the run: that report is shown
    from its last good pass (or left out) and a chapter's marker error in its place; what
    blocks is decided as ever (`blocking`), the preview shows it instead of stopping.
    With `rows` (the home unit of `make site`: every report's portal row, from the report
    units' manifests) the home page's scope is expanded from them and no report is read."""
    memos = memos or Memos()
    data_dir = data_dir or root / "data"
    content = root / "content"
    typed = read_pages(content, scope, data_dir)
    # a report's scope prepares the reports its pages name too (every other scope: all)
    others = named_reports(typed) if scope.only is not None else None
    only: set[str] | None = None if others is None else {scope.only or "", *others}
    last_good = memos.last_good if keep_going else None
    if rows is not None and scope == HOME:
        publication = Publication(root, [], {}, {}, {}, [], given_rows=tuple(rows))
    else:
        publication = prepare(root, data_dir, only=only, memo=memos.prepared, last_good=last_good)
    publication = publication.with_pdf(pdf).with_site_url(pagecheck.site_url(root))
    sources = {
        s: t
        for s, t in typed.items()
        if "/" not in s or s.split("/")[0] in _ids(scope, publication)
    }
    # pages of no report: checked (page-not-in-nav, page-outside-report), unless no page is
    outside = {
        s: t
        for s, t in typed.items()
        if s not in sources and check_pages and s.split("/")[0] not in publication.absent
    }
    pages, generated = publication.generated(
        {s: t for s, t in sources.items() if "/" in s}, memo=memos.findings_json
    )
    pages = {s: t for s, t in pages.items() if scope.has(s)}
    generated = {s: t for s, t in generated.items() if scope.has(s)}
    if scope.home and "index.md" in sources:  # made from the rows: the home page's table,
        generated.update(portal.row_pages(publication.rows))  # page by page, and each
        sources.update(portal.agency_pages(publication.rows))  # agency's years side by side
    sources.update(pages)
    expansion = publication.expand_pages(
        {**sources, **outside},
        write_files,
        memo=memos.expansion,
        defer_charts=defer_charts,
        # without content/ (a data folder checked on its own) the data alone is checked
        reports=_ids(scope, publication) if content.is_dir() else set(),
        keep_going=keep_going,
    )
    # the print view links inside itself: to its chapters, tables and notes
    expansion = printview.resolve(expansion, sources, pagecheck.extensions(root))
    nav = publication.nav([s for s in sources if "/" not in s or s.startswith(AGENCY_DIR + "/")])
    problems = [p for p in publication.problems if _in_scope(p, scope, publication)]
    problems += expansion.errors  # keep_going only: otherwise the expansion stopped
    problems += [
        p
        for h in publication.hasil
        if scope.has(f"{h.report.id}/")
        for p in draft.rewrite_items(h, sources)
    ]
    problems += [
        t
        for rid in sorted(publication.findings)
        if scope.has(f"{rid}/")
        for t in [*publication.findings[rid], *publication.reviews[rid].problems]
    ]
    result = Result(
        publication,
        scope,
        sources,
        generated,
        expansion,
        nav,
        problems,
        blocking(problems, publication),
        root,
        outside,
        memos.rendered,
        data_dir,
    )
    if not check_pages or defer_checks or not content.is_dir():
        return result
    problems += result.page_problems()
    return replace(result, problems=problems, blocking=blocking(problems, publication))


def _in_scope(p: Problem, scope: Scope, publication: Publication) -> bool:
    """A warning of the pass about a report in scope (another report prepared for the
    figures its pages show is that report's business)."""
    if scope.only is None or scope.only not in publication.by_id:
        return True
    return p.file.startswith(publication.by_id[scope.only].report.folder + "/")


def _ids(scope: Scope, publication: Publication) -> set[str]:
    if not scope.reports:
        return set()
    return {scope.only} if scope.only else set(publication.by_id)


def blocking(problems: list[Problem], publication: Publication) -> list[Problem]:
    """What stops publication, decided once for every path: every error, except a note a
    report's diterima.yml lists (a published document's own inconsistency, shown as it is
    printed). A new inconsistency blocks in every report, historical or new."""
    accepted = {
        id(t)
        for rid, found in publication.findings.items()
        for i, t in enumerate(found)
        if publication.reviews[rid].entry(i) is not None
    }
    return [p for p in problems if p.severity == ERROR and id(p) not in accepted]


def _check_pages(
    root: Path,
    data_dir: Path,
    sources: dict[str, str],
    generated: dict[str, str],
    expansion: Expansion,
    nav: list[object],
    memo: MutableMapping[str, Any],
) -> list[Problem]:
    """Every page in scope rendered and checked (pagecheck), the print view's problems
    left to the chapters it repeats. What the memo keeps in memory is only what the pages
    are now (the preview's memo lives across saves)."""
    site = _site(root, data_dir, expansion, generated)
    listed = pagecheck.nav_sources(nav)
    found: list[Problem] = []
    used: dict[str, Any] = {}
    seen = _Seen(memo, used)
    pages = {
        src: markdown
        for src, markdown in expansion.pages.items()
        if src in sources and not src.endswith("/" + CETAK)
    }
    # every page rendered first: a link's anchor on another page is checked against it
    for src, markdown in pages.items():
        made = pagecheck.render_once(src, markdown, expansion.rendered.get(src, {}), site, seen)
        site.anchors[src] = made.ids
    for src, markdown in pages.items():
        drawn = expansion.rendered.get(src, {})
        found += pagecheck.check(src, sources[src], markdown, drawn, site, src in listed, seen)
    memo.clear()  # only what the pages are now (a cache.Memo forgets memory, not disk)
    memo.update(used)
    return found


class _Seen(dict):
    """The memo as `check` sees it, noting the entries this run used."""

    def __init__(self, memo: MutableMapping[str, Any], used: dict[str, Any]) -> None:
        super().__init__()
        self.memo, self.used = memo, used

    def get(self, key: str, default: Any = None) -> Any:
        value = self.memo.get(key, default)
        if value is not None:
            self.used[key] = value
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self.memo[key] = self.used[key] = value


def _site(
    root: Path, data_dir: Path, expansion: Expansion, generated: dict[str, str]
) -> pagecheck.Site:
    """Every file of the whole site a link may land on, whatever the scope: content/,
    every report's generated pages and files (their downloads and charts by folder)."""
    content = root / "content"
    files = {p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file()}
    prefixes = set()
    for rid in sorted(report_ids(data_dir)):
        files.update(
            f"{rid}/{name}"
            for name in (verification.PAGE, verification.JSON, CETAK, draft.PAGE, rid + PDF_SUFFIX)
        )
        prefixes.update({f"{rid}/unduh/", f"{rid}/grafik/"})
    files.update(generated)
    files.update(expansion.pages)  # generated pages too (the agencies' pages)
    prefixes.add(f"{opendata.FOLDER}/")  # the portal's open data, made at assembly
    for src, made in expansion.files.items():
        files.update(f"{src.split('/', 1)[0]}/{path}" for path in made)
    return pagecheck.Site(frozenset(files), pagecheck.extensions(root), frozenset(prefixes))
