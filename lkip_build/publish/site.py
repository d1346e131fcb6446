"""The whole publication: the one validation pass over every report, and what a site needs
from it (navigation, generated pages, headers). Expanding pages is in `expansion`.

This is the API the site generator's adapter (hooks/) calls; it knows nothing of MkDocs.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import MutableMapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from lkip_build import model as m
from lkip_build.audit import audit
from lkip_build.audit.acceptance import Review, review
from lkip_build.compute import Computed, compute_report
from lkip_build.compute.facts import Fact, collect_facts
from lkip_build.model import Location
from lkip_build.present import draft, verification
from lkip_build.present.expansion import Expansion, expand_all
from lkip_build.present.markers import CETAK

# body and FRONT_MATTER are imported from here too (export.py): re-exported
from lkip_build.present.page import FRONT_MATTER as FRONT_MATTER
from lkip_build.present.page import body as body
from lkip_build.present.portal import Row, order, row_of
from lkip_build.present.table import Table
from lkip_build.present.tables import TableError, render
from lkip_build.problems import Collector, Problem, guard, tally
from lkip_build.publish import printview
from lkip_build.read.report import inputs_digest, load_report, report_folders, shown_path
from lkip_build.read.validate import check_references, check_rules


@dataclass(frozen=True)
class Publication:
    """Every report, loaded, checked, computed, drawn and audited: the result of `prepare`.

    Frozen: expanding the pages returns an `Expansion` (expansion.py) and leaves this as it
    is, so there is no order of calls to remember beyond "prepare, then expand".
    """

    root: Path
    hasil: list[Computed]
    tables: dict[str, dict[str, Table]]  # report id -> table id -> the drawn table
    facts: dict[str, dict[str, Fact]]
    findings: dict[str, list[Problem]]
    problems: list[Problem]  # warnings of the validation pass (errors stopped it)
    pdf: bool = False  # this build writes each report's PDF (the adapter decides)
    site_url: str = ""  # where the site is published (mkdocs.yml), "" when it does not say
    # report id -> digest of its files, when prepared with a memo (live preview): what
    # expand_pages' memo keys each report's pages by
    inputs: dict[str, str] = field(default_factory=dict)
    # the preview only (`keep_going`): reports whose data stopped at an error, shown from
    # their last good save (`stale`) or not at all (`absent`); their problems are in
    # `problems`, and they block as ever
    stale: frozenset[str] = frozenset()
    absent: frozenset[str] = frozenset()
    # the home unit's: every report's portal row, read from the report units' manifests
    # (publish/units.py) instead of computed from passes it does not have
    given_rows: tuple[Row, ...] | None = None

    @cached_property
    def rows(self) -> list[Row]:
        """Every report's portal row (present/portal.py): the given ones, or one per pass."""
        if self.given_rows is not None:
            return list(self.given_rows)
        return [
            row_of(h, self.findings.get(h.report.id, []), self.facts.get(h.report.id))
            for h in self.hasil
        ]

    @cached_property
    def by_id(self) -> dict[str, Computed]:
        return {h.report.id: h for h in self.hasil}

    @cached_property
    def disputes(self) -> dict[str, dict[str, str]]:
        """Per report, the named figures the data disagrees about (see `disputes`)."""
        return {
            rid: disputes(h, self.findings.get(rid, []), self.reviews[rid].ids)
            for rid, h in self.by_id.items()
        }

    def with_pdf(self, pdf: bool) -> Publication:
        return replace(self, pdf=pdf)

    def with_site_url(self, site_url: str) -> Publication:
        return replace(self, site_url=site_url)

    def expand_pages(
        self,
        pages: dict[str, str],
        write_files: bool = True,
        memo: MutableMapping | None = None,
        defer_charts: bool = False,
        reports: set[str] | None = None,
        keep_going: bool = False,
    ) -> Expansion:
        """Every page's markers expanded, all problems at once (see expansion.expand_all);
        without write_files, charts are specified but not drawn and no download is written
        (what `lkip check` needs: the same problems, in a fraction of the time). With a
        `memo` (live preview), a report whose files and pages are unchanged is not expanded
        again; with `defer_charts`, its charts finish later (`Expansion.finish_charts`).
        `reports`: the reports whose pages are all here (default: every report); another
        report's missing pages and tables are not its problem. With `keep_going` (the
        preview), errors do not stop it: they are `Expansion.errors`."""
        return expand_all(self, pages, write_files, memo, defer_charts, reports, keep_going)

    @cached_property
    def reviews(self) -> dict[str, Review]:
        """Per report, its notes against its diterima.yml: their ids, the notes published as
        printed, the new inconsistencies (`acceptance.review`)."""
        return {
            rid: review(self.by_id[rid].report.diterima, found)
            for rid, found in self.findings.items()
        }

    def summaries(self, problems: list[Problem] | None = None) -> list[str]:
        """One line per report for the build's log: its verification notes and, for a
        draft, what is left to fill among `problems` (the run's: chapters' paragraphs too),
        counted as everywhere else (`problems.tally`)."""
        out = []
        for rid, found in sorted(self.findings.items()):
            new = len(self.reviews[rid].new(found))
            state = f"{new} baru, memblokir" if new else "semua diterima atau tidak memblokir"
            out.append(f"lkip: {rid}: {verification.summary(found)} ({state})")
            if draft.is_draft(self.by_id[rid]):
                mine = [p for p in problems or self.problems if p.file.split("/")[1:2] == [rid]]
                left = tally(mine) or "semua sudah diisi"
                out.append(f"lkip: {rid}: DRAF, {left} ({draft.TITLE})")
        return out

    def generated(
        self, sources: dict[str, str], memo: dict[str, str] | None = None
    ) -> tuple[dict[str, str], dict[str, str]]:
        """Pages and files every report gets: its verification page, the findings' JSON and
        a print view holding the whole report in reading order, its verification notes last
        (printview.markdown). With a `memo` (live preview), an unchanged report's findings'
        JSON is not written again, and the print view is a note: it repeats every chapter
        (a third of a rebuild) and, like the PDF, is made by `make site`, not by the
        preview."""
        pages, files = {}, {}
        kept: dict[str, str] = {}
        for rid, found in sorted(self.findings.items()):
            src = f"{rid}/{verification.PAGE}"
            if src not in sources:
                pages[src] = verification.SOURCE
            key = self.inputs.get(rid, "")
            known = memo.get(key) if memo is not None and key else None
            files[f"{rid}/{verification.JSON}"] = kept[key or rid] = (
                known if known is not None else verification.as_json(found, self.reviews[rid])
            )
            lap = self.by_id[rid].report.laporan
            pages[f"{rid}/{CETAK}"] = printview.markdown(
                lap, sources, self.site_url, preview=memo is not None
            )
            if draft.is_draft(self.by_id[rid]):
                todo = draft.pending(self.by_id[rid], self.problems, sources)
                pages[f"{rid}/{draft.PAGE}"] = draft.todo_page(self.by_id[rid], todo)
        if memo is not None:  # only what the reports are now
            memo.clear()
            memo.update(kept)
        return pages, files

    def nav(self, top: list[str] | None = None) -> list[object]:
        """Home first and the other top-level pages (`top`), then one section per report
        with its pages in reading order."""
        nav: list[object] = [{"Beranda": "index.md"}]
        nav += sorted(s for s in top or [] if s != "index.md")
        rows = {r.id: r for r in self.rows}
        for h in sorted(self.hasil, key=lambda h: order(rows[h.report.id])):
            lap = h.report.laporan
            # the theme writes nav titles into HTML unescaped: escape text that comes from YAML
            title = html.escape(
                f"{lap.jenis_dokumen} {lap.tahun} {lap.singkatan_instansi or lap.instansi}"
            )
            pages: list[object] = [
                {html.escape(p.judul): f"{lap.id}/{p.file}"} for p in lap.halaman
            ]
            if not any(p.file == verification.PAGE for p in lap.halaman):
                pages.append({verification.TITLE: f"{lap.id}/{verification.PAGE}"})
            pages.append({"Versi Cetak": f"{lap.id}/{CETAK}"})
            if draft.is_draft(h):
                pages.insert(0, {draft.TITLE: f"{lap.id}/{draft.PAGE}"})
            nav.append({title: pages})
        return nav

    def header(self, src: str) -> str:
        """The line above a report page's header: document, year and agency (escaped)."""
        h = self.by_id.get(src.split("/", 1)[0]) if "/" in src else None
        if h is None:
            return ""
        lap = h.report.laporan
        return draft.header(h, html.escape(f"{lap.jenis_dokumen} {lap.tahun} · {lap.instansi}"))


@dataclass(frozen=True)
class Prepared:
    """One report through the pass, on its own: what `prepare` keeps of it. It depends only
    on the report's files, so `prepare` can take it from a memo keyed by their digest."""

    computed: Computed | None  # None when the report stopped at an error
    tables: dict[str, Table]
    facts: dict[str, Fact]
    findings: list[Problem]
    problems: list[Problem]


def prepare(
    root: Path,
    data_dir: Path | None = None,
    only: str | set[str] | None = None,
    memo: MutableMapping[str, Prepared] | None = None,
    last_good: MutableMapping[str, tuple[str, Prepared]] | None = None,
) -> Publication:
    """The one validation pass: load, check, compute, draw every table and audit every
    report under data/. Each report goes as far as its own data allows, so the problems of
    every report come at once; LkipError lists them when any is an error. Warnings travel
    on in `Publication.problems`. With a `memo` (live preview), a report whose files are
    byte for byte the ones seen before is not loaded again. With `last_good` (the live
    preview: each report's last pass that went through, by report id), a report that
    stops at an error does not stop the others: it is shown from its last good pass, or
    left out, and its problems travel on (`Publication.stale`, `absent`)."""
    data_dir = data_dir or root / "data"
    problems = Collector()
    folders = report_folders(data_dir, only)
    if not folders:
        problems.add("no-reports", Location(shown_path(data_dir, root)), "tidak ada folder laporan")
    done: dict[str, Prepared] = {}
    stale: set[str] = set()
    absent: set[str] = set()
    for folder in folders:
        key = inputs_digest(folder, root) if memo is not None else ""
        prepared = memo.get(key) if memo is not None else None
        if prepared is None:
            prepared = prepare_report(folder, root)
        problems.extend(prepared.problems)
        done[key or folder.name] = prepared
        if last_good is None:
            continue
        if prepared.computed is not None:
            last_good[folder.name] = (key, prepared)
        elif folder.name in last_good:
            stale.add(folder.name)
        else:
            absent.add(folder.name)
    if memo is not None:  # only what the data is now: the memo never grows past it
        memo.clear()
        memo.update(done)
    if last_good is None:
        problems.raise_if_any()
    else:  # reports removed since are forgotten
        for name in set(last_good) - {f.name for f in folders}:
            del last_good[name]
        # under its own inputs' key: the expansion memo knows its pages by it
        done.update({"lama:" + last_good[name][0]: last_good[name][1] for name in sorted(stale)})
    ready = {k: p for k, p in done.items() if p.computed is not None}
    hasil = [p.computed for p in ready.values() if p.computed is not None]
    ids = [h.report.id for h in hasil]
    return Publication(
        root,
        hasil,
        dict(zip(ids, (p.tables for p in ready.values()), strict=True)),
        dict(zip(ids, (p.facts for p in ready.values()), strict=True)),
        dict(zip(ids, (p.findings for p in ready.values()), strict=True)),
        problems.problems,
        inputs=dict(zip(ids, ready, strict=True)) if memo is not None else {},
        stale=frozenset(stale),
        absent=frozenset(absent),
    )


def prepare_report(folder: Path, root: Path) -> Prepared:
    """One report: load and check, compute, draw, collect figures, audit; it stops after
    the first stage with an error, and an object that failed to load is not reported again by
    every reference to it."""
    problems = Collector()
    stopped = Prepared(None, {}, {}, [], problems.problems)
    r = load_report(folder, root, problems)
    if r is None:
        return stopped
    # references are checked even when a file had errors: they are problems of their own
    with guard(r.folder, problems):
        check_references(r, problems)
        check_rules(r, problems)
    if problems.errors:
        return stopped
    with guard(r.folder, problems):
        h = compute_report(r, problems)
    if problems.errors:
        return stopped
    tables: dict[str, Table] = {}
    facts: dict[str, Fact] = {}
    findings: list[Problem] = []
    with guard(f"{r.folder}/tabel.yml", problems):
        tables = draw_tables(h, problems)
    with guard(r.folder, problems):
        facts = collect_facts(h)
        check_names(h, facts, problems)
    with guard(r.folder, problems):
        findings = audit(h)
    if problems.errors:
        return stopped
    return Prepared(h, tables, facts, findings, problems.problems)


def draw_tables(h: Computed, problems: Collector) -> dict[str, Table]:
    """Every table of tabel.yml, drawn once; one that does not fit its data is a problem
    located at its tabel.yml line, found by `lkip check` before any page is built."""
    out: dict[str, Table] = {}
    for t in h.report.tabel.tabel if h.report.tabel else []:
        try:
            out[t.id] = render(t, h)
        except TableError as exc:
            problems.add("table-error", t.lokasi, f"tabel {t.id!r}: {exc}")
    return out


def check_names(h: Computed, facts: dict[str, Fact], problems: Collector) -> None:
    """Names that refer to computed figures (`sama_dengan`, both sides of `sama`) must
    exist."""

    def known(name: str, k: m.Komposisi, path: str) -> None:
        if name in facts:
            return
        hint = difflib.get_close_matches(name, list(facts), n=1)
        extra = f"; maksud Anda {hint[0]!r}?" if hint else ""
        problems.add(
            "unknown-ref",
            Location(k.lokasi.file, k.lokasi.line, f"komposisi[{k.id}].{path}"),
            f"nilai {name!r} tidak ada{extra}",
        )

    for k in h.report.pegawai.komposisi if h.report.pegawai else []:
        if k.sama_dengan:
            known(k.sama_dengan, k, "sama_dengan")
        for key, name in (k.sama or {}).items():
            known(f"pegawai.{k.id}.{key}", k, f"sama.{key}")
            known(name, k, f"sama.{key}")


def read_pages(content: Path, publication: Publication) -> dict[str, str]:
    """The chapters under content/ of the loaded reports (and the home page), as the site
    generator hands them over: src path -> Markdown."""
    if not content.is_dir():
        return {}
    out = {}
    for path in sorted(content.rglob("*.md")):
        src = path.relative_to(content).as_posix()
        head = src.split("/", 1)[0]
        if "/" not in src or head in publication.by_id:
            out[src] = path.read_text(encoding="utf-8-sig")
    return out


def disputes(h: Computed, findings: list[Problem], ids: list[str]) -> dict[str, str]:
    """Named figures two parts of the data disagree about (a staff table's total beside the
    total it must equal; a table's number beside the one the prose cites, `tabel.ID`), each
    with the link to its finding on the verification page: every display of them carries a
    mark, so a page never states 70 under a table saying 71 without saying why."""
    out: dict[str, str] = {}
    for k in h.report.pegawai.komposisi if h.report.pegawai else []:
        if not k.sama_dengan:
            continue
        field = f"{k.id}.total"
        for i, t in enumerate(findings):
            if t.code == "same-quantity-mismatch" and t.field == field:
                href = f"{verification.PAGE}#{ids[i]}"
                out.setdefault(f"pegawai.{k.id}.total", href)
                out.setdefault(k.sama_dengan, href)
                break
    for k in h.report.pegawai.komposisi if h.report.pegawai else []:
        for key, name in (k.sama or {}).items():
            for i, t in enumerate(findings):
                if t.code == "same-quantity-mismatch" and t.field == f"{k.id}.{key}":
                    href = f"{verification.PAGE}#{ids[i]}"
                    out.setdefault(f"pegawai.{k.id}.{key}", href)
                    out.setdefault(name, href)
                    break
    for i, t in enumerate(findings):  # a table the prose cites by another number
        if t.code == "table-reference-mismatch" and t.field.endswith(".rujukan"):
            out.setdefault(t.field.removesuffix(".rujukan"), f"{verification.PAGE}#{ids[i]}")
    return out
