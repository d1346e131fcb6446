"""`lkip diff OLD NEW`: every figure a reader sees that changes, as Markdown for a review.

Both sides go through the build's one pass (revisions.read_side); then, per report and per
page, every drawn table's cells (named table title · row label · column heading) and every
named figure a chapter writes (`lkip:nilai NAME`) are compared by their shown text, and the
verification notes by their stable id (added, resolved; changed when one about the same
field replaces another). A figure that
only echoes a value the editor typed (the changed YAML scalar itself, shown in a table) is
not a derived figure: it is listed once under "Data yang diubah" instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lkip_build.audit.acceptance import identities, identity
from lkip_build.compute.facts import write_fact
from lkip_build.model.numbers import AngkaError, parse_decimal
from lkip_build.present import verification
from lkip_build.present.markers import CETAK
from lkip_build.present.table import NUMERIC_KINDS, Cell, Table, cell_text
from lkip_build.problems import Problem
from lkip_build.tools.revisions import Side, locate, materialise, read_side

NILAI = "lkip:nilai"
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
    inputs: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    added: list[Problem] = field(default_factory=list)
    resolved: list[Problem] = field(default_factory=list)
    changed: list[tuple[Problem, Problem]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.status or self.changes or self.added or self.resolved or self.changed)


def compare(old: Side, new: Side) -> list[ReportDiff]:
    """Per report (by id, in order), what changed between the two sides."""
    olds, news = old.publication.by_id, new.publication.by_id
    out = []
    for rid in sorted(set(olds) | set(news)):
        side = news.get(rid) or olds[rid]
        lap = side.report.laporan
        d = ReportDiff(rid, f"{lap.jenis_dokumen} {lap.tahun} {lap.instansi}")
        if rid not in news:
            d.status = "dihapus"
        elif rid not in olds:  # its findings, in one line: what a reviewer checks first
            found = new.publication.findings[rid]
            d.status = f"baru; catatan verifikasi: {verification.summary(found)}"
        else:
            echoes = _inputs(old, new, rid, d)
            d.changes = [
                c for c in _figures(old, new, rid) if c.before != c.after and not _echo(c, echoes)
            ]
            _findings(old.publication.findings[rid], new.publication.findings[rid], d)
        out.append(d)
    return out


# a figure as compared: its shown text and, for a number, its value (to recognise an echo)
Shown = tuple[str, object]


def _figures(old: Side, new: Side, rid: str) -> Iterator[Change]:
    a, b = dict(_shown(old, rid)), dict(_shown(new, rid))
    for key in list(a) + [k for k in b if k not in a]:
        before, after = a.get(key, ("", None)), b.get(key, ("", None))
        yield Change(key[0], key[1], before[0], after[0], before[1], after[1])


def _shown(side: Side, rid: str) -> Iterator[tuple[tuple[str, str], Shown]]:
    """((page, figure name), (text, value)) for every figure of one report on one side."""
    pub = side.publication
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
                yield ("Tabel yang tidak dipasang di halaman", name), cell
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


def _inputs(old: Side, new: Side, rid: str, d: ReportDiff) -> set[tuple[object, object]]:
    """The report's changed YAML scalars, listed in `d.inputs`; their (before, after) pairs
    as text and as numbers, which a figure merely echoing one of them has too."""
    folder = old.publication.by_id[rid].report.folder + "/"
    a = {k: v for k, v in old.scalars.items() if k[0].startswith(folder)}
    b = {k: v for k, v in new.scalars.items() if k[0].startswith(folder)}
    pairs: set[tuple[object, object]] = set()
    for key in list(a) + [k for k in b if k not in a]:
        before, after = a.get(key, ("", 0))[0], b.get(key, ("", 0))[0]
        if before == after:
            continue
        line = b.get(key, a.get(key, ("", 0)))[1]
        d.inputs.append(
            f"`{key[0]}:{line}` `{key[1]}`: {before or '(tidak ada)'} {ARROW} "
            f"{after or '(dihapus)'}"
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
    new_reports = sum(1 for d in shown if d.status.startswith("baru"))
    gone = sum(1 for d in shown if d.status == "dihapus")
    added = sum(len(d.added) for d in shown)
    resolved = sum(len(d.resolved) for d in shown)
    parts = [f"{n} angka berubah" + (f" di {k} laporan" if k else "")]
    parts += [f"{new_reports} laporan baru"] if new_reports else []
    parts += [f"{gone} laporan dihapus"] if gone else []
    parts.append(f"{added} catatan verifikasi baru, {resolved} selesai")
    out = [head + "; ".join(parts) + ".\n"]
    for d in shown:
        out.append(f"### {cell_text(d.title)} (`{d.rid}`)\n")
        if d.status:
            out.append(f"Laporan {d.status}.\n")
            continue
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
    read. A report data folder on either side limits both to that report."""
    with materialise(old, cwd) as a, materialise(new, cwd) as b:
        only = locate(a, old)[2] or locate(b, new)[2]
        before = read_side(old, a, only)
        after = read_side(new, b, only)
        return markdown(old, new, compare(before, after))
