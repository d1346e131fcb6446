"""One cause for several notes: the diagnosis across findings.

A single mistake in a document often shows in several places: a row total misprinted is
carried into the table's total, into a percentage of it and into the sentence that quotes
it; two programme budgets swapped give two mismatches; a row left out of a list shows in
its count, in its sums and in a formula that counts it. Each such note is true, but read
one by one they look like several errors. This module groups them under the one cause
(`problems.Sebab`) that explains them all.

Two sources of causes:
- the domain checks know what follows from what, and say so while they audit
  (`Auditor.link(sebab, keys)`: a printed figure's consequences, a list's missing row);
- two patterns need no domain knowledge and are found here among the findings themselves:
  two sibling figures (field paths that differ in one segment, in the same table) whose
  printed values are each other's computed ones (`rows-swapped`), or whose differences
  cancel exactly, so that their sum is right (`moved-between-rows`). Each is named only
  when the pair is unique, as the diagnosis names one explanation or none.

A cause groups only notes that occur, and only when at least two do; two causes that name
one note are one cause (both sentences kept, in the order the checks said them, unless the
second adds no note to the first). Grouping
changes no note's code, text or id (`acceptance`): a figure that is right against another
printed figure is recorded by the check itself as a consequence (`stated-consequence`),
not here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal

from lkip_build.audit.wording import place, sentence
from lkip_build.model.numbers import format_decimal
from lkip_build.problems import Problem, Sebab, grouped

Key = tuple[str, str, str]  # (code, table, field): how a check names a note it links

KODE = (
    "rows-swapped",
    "moved-between-rows",
    "printed-row-total",
    "printed-figures",
    "list-row-missing",
    "mean-of-printed",
    "words-only",
)


def key(p: Problem) -> Key:
    return (p.code, p.table, p.field)


def assign(found: list[Problem], links: Sequence[tuple[Sebab, Sequence[Key]]]) -> list[Problem]:
    """The notes with their causes: those the checks linked, then the patterns. Two links
    that share a note are one cause, said in both their sentences (a misprinted row that
    also explains a column another table counts differently)."""
    index: dict[Key, list[int]] = {}
    for i, p in enumerate(found):
        index.setdefault(key(p), []).append(i)
    groups: list[tuple[list[Sebab], set[int]]] = []
    of: dict[int, int] = {}  # note -> its group
    for sebab, keys in [*links, *_patterns(found)]:
        members = {i for k in keys for i in index.get(k, ())}
        if not members:
            continue
        joined = sorted({of[i] for i in members if i in of})
        if not joined and len(members) < 2:
            continue
        if not joined:
            groups.append(([sebab], set()))
            joined = [len(groups) - 1]
        first = joined[0]
        for g in joined[1:]:  # the link bridges groups: one cause
            groups[first][0].extend(s for s in groups[g][0] if s not in groups[first][0])
            groups[first][1].update(groups[g][1])
            for i in groups[g][1]:
                of[i] = first
            groups[g] = ([], set())
        # a link that adds no note to its group adds no sentence (it says it again)
        if sebab not in groups[first][0] and not members <= groups[first][1]:
            groups[first][0].append(sebab)
        groups[first][1].update(members)
        for i in members:
            of[i] = first
    cause = [
        Sebab(said[0].kode, " ".join(s.kalimat for s in said)) if said else None
        for said, _ in groups
    ]
    return [replace(p, sebab=cause[of[i]]) if i in of else p for i, p in enumerate(found)]


def groups(found: Sequence[Problem]) -> dict[Sebab, list[int]]:
    """Each cause and the indices of its notes (`problems.grouped`)."""
    return grouped(found)


# ---------------------------------------------------------------- patterns among findings


def _mismatches(found: Sequence[Problem]) -> list[Problem]:
    return [
        p
        for p in found
        if p.code == "stated-mismatch"
        and p.angka is not None
        and p.angka.tertulis is not None
        and p.angka.hitung is not None
    ]


def _siblings(a: Problem, b: Problem) -> bool:
    """Two figures of the same kind side by side: the same file and table, field paths
    that differ in exactly one segment ("x.p-1.pagu" and "x.p-2.pagu")."""
    if a.file != b.file or a.table != b.table or a.field == b.field:
        return False
    x, y = a.field.split("."), b.field.split(".")
    return len(x) == len(y) and sum(u != v for u, v in zip(x, y, strict=True)) == 1


def _patterns(found: Sequence[Problem]) -> Iterable[tuple[Sebab, list[Key]]]:
    notes = _mismatches(found)
    pairs = [(a, b) for i, a in enumerate(notes) for b in notes[i + 1 :] if _siblings(a, b)]
    yield from _unique(pairs, _swapped, _swap_cause)
    taken = {id(p) for pair in pairs if _swapped(*pair) for p in pair}
    rest = [(a, b) for a, b in pairs if id(a) not in taken and id(b) not in taken]
    # a move is named only between two figures that have no other mismatched sibling
    degree: dict[int, int] = {}
    for a, b in rest:
        degree[id(a)] = degree.get(id(a), 0) + 1
        degree[id(b)] = degree.get(id(b), 0) + 1
    lone = [(a, b) for a, b in rest if degree[id(a)] == degree[id(b)] == 1]
    yield from _unique(lone, _cancelling, _move_cause)


def _unique(pairs, holds, cause):  # type: ignore[no-untyped-def]
    """The pairs for which `holds`, each note in one such pair only."""
    found = [(a, b) for a, b in pairs if holds(a, b)]
    count: dict[int, int] = {}
    for a, b in found:
        count[id(a)] = count.get(id(a), 0) + 1
        count[id(b)] = count.get(id(b), 0) + 1
    for a, b in found:
        if count[id(a)] == count[id(b)] == 1:
            yield cause(a, b), [key(a), key(b)]


def _swapped(a: Problem, b: Problem) -> bool:
    assert a.angka is not None and b.angka is not None
    return a.angka.tertulis == b.angka.hitung and b.angka.tertulis == a.angka.hitung


def _cancelling(a: Problem, b: Problem) -> bool:
    assert a.angka is not None and b.angka is not None
    da = a.angka.hitung - a.angka.tertulis  # type: ignore[operator]
    db = b.angka.hitung - b.angka.tertulis  # type: ignore[operator]
    return da != 0 and da == -db


def _what(p: Problem) -> str:
    text = p.perihal or p.field
    return text[:1].lower() + text[1:]


def _swap_cause(a: Problem, b: Problem) -> Sebab:
    return Sebab(
        "rows-swapped",
        sentence(
            f"{a.perihal or a.field} dan {_what(b)} tertukar: {place(a.table)} menulis "
            f"{a.stated} dan {b.stated}, sedangkan data memberi {a.computed} dan {b.computed}"
        ),
    )


def _move_cause(a: Problem, b: Problem) -> Sebab:
    assert a.angka is not None and b.angka is not None
    # `less`: printed below what the data gives; the difference went to `more`
    less, more = (a, b) if a.angka.hitung > a.angka.tertulis else (b, a)  # type: ignore[operator]
    assert less.angka is not None and more.angka is not None
    moved = less.angka.hitung - less.angka.tertulis  # type: ignore[operator]
    both = less.angka.tertulis + more.angka.tertulis  # type: ignore[operator]
    return Sebab(
        "moved-between-rows",
        sentence(
            f"{less.perihal or less.field} dan {_what(more)}: {place(a.table)} menulis "
            f"{less.stated} dan {more.stated}, data memberi {less.computed} dan "
            f"{more.computed}. Jumlah keduanya sama ({_plain(both)}): {_plain(moved)} dihitung "
            f"pada yang kedua, padahal menurut data termasuk yang pertama"
        ),
    )


def _plain(v: Decimal) -> str:
    exponent = v.as_tuple().exponent
    return format_decimal(v, max(0, -int(exponent)))
