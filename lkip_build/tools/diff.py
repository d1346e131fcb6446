"""`lkip diff OLD NEW`: every figure a reader sees that changes, as Markdown for a review.

Both sides go through the build's one pass (revisions.read_side); then, per report and per
page, every drawn table's cells (named table title · row label · column heading) and every
named figure a chapter writes (`lkip:nilai NAME`) are compared by their shown text, and the
verification notes by their stable id (added, resolved; changed when one about the same
field replaces another). A figure that
only echoes a value the editor typed (the changed YAML scalar itself, shown in a table) is
not a derived figure: it is listed once under "Data yang diubah" instead.

Which report is compared with which: the same id on both sides; a report only on the old
side with the next year's report of the same agency only on the new side (`yearly`: year
on year, never "removed"); and the two reports named when both sides are report folders
(or one is, and the other side holds its id or the same agency's report of another year,
`yearly.counterpart`), whatever their ids. When one side of a report has no chapters (a
data folder copied without content/), both sides are compared table by table, without
pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from lkip_build.audit.acceptance import identities, identity
from lkip_build.compute import years
from lkip_build.compute.facts import write_fact
from lkip_build.model.numbers import AngkaError, parse_decimal
from lkip_build.present import verification
from lkip_build.present.markers import CETAK
from lkip_build.present.table import NUMERIC_KINDS, Cell, Table, cell_text
from lkip_build.problems import Problem
from lkip_build.tools import yearly
from lkip_build.tools.revisions import Side, locate, materialise, read_side

if TYPE_CHECKING:
    from lkip_build.compute import Computed

NILAI = "lkip:nilai"
UNPLACED = "Tabel yang tidak dipasang di halaman"
TABLES = "Tabel"  # the page of every figure when a side has no chapters
MAX_INPUTS = 20  # changed YAML scalars listed before "dan N lainnya"
ARROW = "→"


@dataclass(frozen=True)
class Change:
    page: str  # page title (or a section such as "Nilai bernama")
    name: str  # the figure in words: "Tabel 3.2 Capaian Kinerja · <indikator> · Capaian"
    before: str  # the shown text, "" when the figure is not on that side
    after: str
    before_value: object = field(default=None, compare=False, repr=False)
    after_value: object = field(default=None, compare=False, repr=False)


@dataclass
class ReportDiff:
    rid: str
    title: str
    status: str = ""  # "baru" / "dihapus" for a report on one side only
    note: str = ""  # how the two were compared, when not as one report's two versions
    yearly: yearly.YearOnYear | None = None  # two years of one agency
    inputs: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    added: list[Problem] = field(default_factory=list)
    resolved: list[Problem] = field(default_factory=list)
    changed: list[tuple[Problem, Problem]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.status
            or self.yearly
            or self.changes
            or self.added
            or self.resolved
            or self.changed
        )


def compare(old: Side, new: Side, pair: tuple[str, str] | None = None) -> list[ReportDiff]:
    """Per report (by id, in order), what changed between the two sides; `pair`: the old
    side's report and the new side's to compare whatever their ids (both named)."""
    olds, news = old.publication.by_id, new.publication.by_id
    matched = [(rid, rid) for rid in olds if rid in news]
    if pair is not None and pair[0] != pair[1] and pair[0] in olds and pair[1] in news:
        matched = [m for m in matched if pair[0] not in m and pair[1] not in m] + [pair]
    taken = {a for a, _ in matched} | {b for _, b in matched}
    gone = {r: olds[r].report.laporan for r in olds if r not in taken}
    added = {r: news[r].report.laporan for r in news if r not in taken}
    matched += yearly.successors(gone, added)
    taken = {a for a, _ in matched} | {b for _, b in matched}
    out = []
    for a, b in matched:
        out.append(_pair(old, new, a, b))
    for rid in olds:
        if rid not in taken:
            out.append(_one(olds[rid], rid, "dihapus"))
    for rid in news:
        if rid not in taken:  # its findings, in one line: what a reviewer checks first
            found = new.publication.findings[rid]
            summary = verification.summary(found)
            out.append(_one(news[rid], rid, f"baru; catatan verifikasi: {summary}"))
    return sorted(out, key=lambda d: d.rid)


def _one(h: Computed, rid: str, status: str) -> ReportDiff:
    lap = h.report.laporan
    return ReportDiff(rid, f"{lap.jenis_dokumen} {lap.tahun} {lap.instansi}", status)


def _pair(old: Side, new: Side, a: str, b: str) -> ReportDiff:
    """Report `a` of the old side against report `b` of the new side."""
    la, lb = old.publication.by_id[a].report.laporan, new.publication.by_id[b].report.laporan
    d = _one(new.publication.by_id[b], b, "")
    if years.two_years(la, lb):
        d.yearly = yearly.compare(old, new, a, b)
        return d
    notes = []
    if a != b:
        other = "" if years.agency(la) == years.agency(lb) else ", instansi atau dokumen lain"
        notes.append(f"Dibandingkan dengan laporan `{a}` (id lain{other}).")
    paged = _chapters(old, a) and _chapters(new, b)
    if not paged:
        notes.append(
            "Satu sisi tidak punya bab (content/): angka dibandingkan per tabel, tanpa "
            "halaman dan tanpa nilai di teks bab."
        )
    d.note = " ".join(notes)
    echoes = _inputs(old, new, a, b, d)
    d.changes = [
        c for c in _figures(old, new, a, b, paged) if c.before != c.after and not _echo(c, echoes)
    ]
    _findings(_moved(old, a, new, b), new.publication.findings[b], d)
    return d


def _moved(old: Side, a: str, new: Side, b: str) -> list[Problem]:
    """The old side's notes as if its report were in the new one's folder: a note's id
    names its data file, which would otherwise make every note of another id new."""
    fa = old.publication.by_id[a].report.folder + "/"
    fb = new.publication.by_id[b].report.folder + "/"
    found = old.publication.findings[a]
    if fa == fb:
        return found
    return [replace(p, file=fb + p.file[len(fa) :]) if p.file.startswith(fa) else p for p in found]


# a figure as compared: its shown text and, for a number, its value (to recognise an echo)
Shown = tuple[str, object]


def _figures(old: Side, new: Side, a: str, b: str, paged: bool) -> Iterator[Change]:
    x, y = dict(_shown(old, a, paged)), dict(_shown(new, b, paged))
    for key in list(x) + [k for k in y if k not in x]:
        before, after = x.get(key, ("", None)), y.get(key, ("", None))
        yield Change(key[0], key[1], before[0], after[0], before[1], after[1])


def _chapters(side: Side, rid: str) -> bool:
    """The report has chapters on this side (a data folder may be copied without them)."""
    return any(src.startswith(rid + "/") for src in side.sources)


def _shown(side: Side, rid: str, paged: bool = True) -> Iterator[tuple[tuple[str, str], Shown]]:
    """((page, figure name), (text, value)) for every figure of one report on one side;
    without `paged`, every table once under one page, whatever the chapters place."""
    pub = side.publication
    if not paged:
        for table in pub.tables.get(rid, {}).values():
            for name, cell in cells(table):
                yield (TABLES, name), cell
        return
    h = pub.by_id[rid]
    titles = {f"{rid}/{p.file}": p.judul for p in h.report.laporan.halaman}
    placed: set[str] = set()
    rendered = side.expansion.rendered if side.expansion else {}
    for src, drawn in sorted(rendered.items()):
        if not src.startswith(rid + "/") or src.endswith("/" + CETAK):
            continue
        page = titles.get(src, src.split("/", 1)[1])
        for table in drawn.values():
            placed.add(table.anchor)
            for name, cell in cells(table):
                yield (page, name), cell
    for table in pub.tables.get(rid, {}).values():
        if table.anchor not in placed:
            for name, cell in cells(table):
                yield (UNPLACED, name), cell
    facts = pub.facts[rid]
    for src, text in sorted(side.sources.items()):
        if src.startswith(rid + "/"):
            page = titles.get(src, src.split("/", 1)[1])
            for name in sorted(_named(text)):
                if name in facts:
                    f = facts[name]
                    yield (page, f"nilai {name}"), (write_fact(f), f.value)


def _named(text: str) -> set[str]:
    out = set()
    for part in text.split(NILAI)[1:]:
        words = part.split()
        if words and words[0] != "-->":
            out.add(words[0])
    return out


def cells(table: Table) -> Iterator[tuple[str, Shown]]:
    """Every cell of a drawn table but its row label, named in words; a repeated name gets
    its occurrence so two equal labels stay two figures."""
    seen: dict[str, int] = {}
    main = table.main_column - 1
    for row in table.rows:
        # the row's name: its main text column, else its first text that is not a number
        words = [
            (c, _text(x))
            for c, x in enumerate(row)
            if _text(x) and not (isinstance(x, Cell) and x.kind in NUMERIC_KINDS)
        ]
        label_col, label = (
            (main, _text(row[main])) if _text(row[main]) else (words or [(-1, "")])[0]
        )
        for c, cell in enumerate(row):
            if c == label_col:
                continue
            name = f"{table.title} · {label} · {table.header[c]}"
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:
                name += f" ({seen[name]})"
            value = cell.value if isinstance(cell, Cell) else None
            yield name, (_text(cell), value)


def _text(cell: str | list[str]) -> str:
    return "; ".join(cell) if isinstance(cell, list) else " ".join(str(cell).split())


def _inputs(old: Side, new: Side, ra: str, rb: str, d: ReportDiff) -> set[tuple[object, object]]:
    """The report's changed YAML scalars, listed in `d.inputs`; their (before, after) pairs
    as text and as numbers, which a figure merely echoing one of them has too. Files are
    matched by their name in the report's folder (the two folders may differ)."""
    fa = old.publication.by_id[ra].report.folder + "/"
    fb = new.publication.by_id[rb].report.folder + "/"
    a = {(k[0][len(fa) :], k[1]): v for k, v in old.scalars.items() if k[0].startswith(fa)}
    b = {(k[0][len(fb) :], k[1]): v for k, v in new.scalars.items() if k[0].startswith(fb)}
    pairs: set[tuple[object, object]] = set()
    for key in list(a) + [k for k in b if k not in a]:
        before, after = a.get(key, ("", 0))[0], b.get(key, ("", 0))[0]
        if before == after:
            continue
        line = b.get(key, a.get(key, ("", 0)))[1]
        shown = (fb if key in b else fa) + key[0]
        d.inputs.append(
            f"`{shown}:{line}` `{key[1]}`: {before or '(tidak ada)'} {ARROW} {after or '(dihapus)'}"
        )
        pairs.add((before, after))
        pairs.add((_number(before), _number(after)))
    return pairs


def _number(text: str) -> object:
    try:
        return parse_decimal(text)
    except (AngkaError, ValueError):
        return text


def _echo(c: Change, pairs: set[tuple[object, object]]) -> bool:
    values = (c.before_value, c.after_value)
    if (c.before, c.after) in pairs:
        return True
    return all(isinstance(v, int | Decimal) for v in values) and values in pairs


def _findings(old: list[Problem], new: list[Problem], d: ReportDiff) -> None:
    """Notes by their stable id (`acceptance.identities`): a note whose figure changed is
    another note; one about the same thing on both sides is listed as changed."""
    a = dict(zip(identities(old), old, strict=True))
    b = dict(zip(identities(new), new, strict=True))
    added = {k: p for k, p in b.items() if k not in a}
    resolved = {k: p for k, p in a.items() if k not in b}

    def about(p: Problem) -> tuple[str, str, str, str]:
        return (p.code, p.file, p.table, p.field)

    gone = {about(p): k for k, p in resolved.items()}
    for k, p in list(added.items()):
        was = gone.pop(about(p), None)
        if was is not None:
            d.changed.append((resolved.pop(was), p))
            del added[k]
    d.added = list(added.values())
    d.resolved = list(resolved.values())


def markdown(old: str, new: str, diffs: list[ReportDiff]) -> str:
    """The review comment: a summary line, then per report the changed data, per page a
    table "Angka | Sebelum | Sesudah", and the findings added, resolved and changed."""
    shown = [d for d in diffs if not d.empty]
    head = f"## Perubahan angka: `{old}` {ARROW} `{new}`\n\n"
    if not shown:
        return head + "Tidak ada angka yang berubah.\n"
    n = sum(len(d.changes) for d in shown)
    k = sum(1 for d in shown if d.changes)
    years = sum(1 for d in shown if d.yearly)
    new_reports = sum(1 for d in shown if d.status.startswith("baru"))
    gone = sum(1 for d in shown if d.status == "dihapus")
    added = sum(len(d.added) for d in shown)
    resolved = sum(len(d.resolved) for d in shown)
    versions = any(not (d.status or d.yearly) for d in shown)  # one report's two versions
    parts = [f"{n} angka berubah" + (f" di {k} laporan" if k else "")] if n or not years else []
    parts += [f"{years} laporan dibandingkan tahun ke tahun"] if years else []
    parts += [f"{new_reports} laporan baru"] if new_reports else []
    parts += [f"{gone} laporan dihapus"] if gone else []
    if versions or not years:
        parts.append(f"{added} catatan verifikasi baru, {resolved} selesai")
    out = [head + "; ".join(parts) + ".\n"]
    for d in shown:
        out.append(f"### {cell_text(d.title)} (`{d.rid}`)\n")
        if d.status:
            out.append(f"Laporan {d.status}.\n")
            continue
        if d.yearly is not None:
            out += yearly.markdown(d.yearly)
            continue
        if d.note:
            out.append(d.note + "\n")
        out += _report_md(d)
    return "\n".join(out)


def _report_md(d: ReportDiff) -> list[str]:
    out = []
    if d.inputs:
        more = len(d.inputs) - MAX_INPUTS
        lines = [f"- {i}" for i in d.inputs[:MAX_INPUTS]]
        lines += [f"- dan {more} lainnya"] if more > 0 else []
        out.append("Data yang diubah:\n\n" + "\n".join(lines) + "\n")
    pages: dict[str, list[Change]] = {}
    for c in d.changes:
        pages.setdefault(c.page, []).append(c)
    for page, changes in pages.items():
        rows = [
            f"| {cell_text(c.name)} | {cell_text(c.before) or '—'} | {cell_text(c.after) or '—'} |"
            for c in changes
        ]
        table = "| Angka | Sebelum | Sesudah |\n| :-- | --: | --: |\n" + "\n".join(rows)
        out.append(f"#### {cell_text(page)}\n\n{table}\n")
    if d.added or d.resolved or d.changed:
        lines = [f"- baru: {_finding(p)}" for p in d.added]
        lines += [f"- selesai: {_finding(p)}" for p in d.resolved]
        lines += [f"- berubah: {_finding(b)} (sebelumnya: {a.message})" for a, b in d.changed]
        out.append("#### Catatan verifikasi\n\n" + "\n".join(lines) + "\n")
    return out


def _finding(p: Problem) -> str:
    table = f"[{p.table}] " if p.table else ""
    return f"`{identity(p)}` `{p.file}:{p.line}` {cell_text(table + p.message)} `{p.code}`"


def run_diff(old: str, new: str, cwd: Path) -> str:
    """The Markdown of `lkip diff OLD NEW`; SideError or LkipError when a side cannot be
    read. A report data folder on either side limits both to that report (on the other
    side: the same id, else the same agency's report of another year), and the two are
    compared whatever their ids."""
    with materialise(old, cwd) as a, materialise(new, cwd) as b:
        (_, data_a, ida), (_, data_b, idb) = locate(a, old), locate(b, new)
        if ida and not idb:
            idb = yearly.counterpart(data_b, ida, data_a / ida)
        elif idb and not ida:
            ida = yearly.counterpart(data_a, idb, data_b / idb)
        before = read_side(old, a, ida)
        after = read_side(new, b, idb)
        pair = (ida, idb) if ida and idb else None
        return markdown(old, new, compare(before, after, pair))
