"""What every recognised table shares: where it is (`di`), the import's notes, and the
value written for one printed cell (an input, or a value still to fill)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from lkip_build.importer import cells
from lkip_build.importer import vocabulary as vocab
from lkip_build.importer.grid import Grid
from lkip_build.importer.yamlout import V, pending
from lkip_build.model.numbers import format_decimal


@dataclass
class Placed:
    """A recognised table: the data it became and how tabel.yml shows it."""

    grid: Grid
    kind: str  # tabel.yml jenis
    sumber: list[str]
    id: str


@dataclass
class Notes:
    """What the import says to the editor: values still to fill and rows not mapped."""

    pending: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)

    def pend(self, hint: str, line: int, cell: str = "") -> V:
        where = f"baris {line}: " if line else ""
        self.pending.append(f"{where}{hint}" + (f" ({cell!r})" if cell else ""))
        return pending(hint, line, cell)


def where(grid: Grid, section: str) -> str:
    """How `tertulis` names this table: its caption's label and number, else the section
    it is printed in."""
    cap = grid.table.caption
    if cap is not None:
        return f"{cap.label} {cap.nomor}"
    return section or f"tabel tanpa nomor (baris {grid.table.line})"


def number_input(text: str, line: int, what: str, notes: Notes, money: bool = False) -> Any:
    """One printed cell as an input: a figure (as a quoted Indonesian string, or a bare
    whole number), NA as printed, or a value still to fill with the cell beside it."""
    v = cells.read(text, money=money)
    if v.kind == "number" and v.exact is not None:
        return V(written(v.exact), line)
    if v.kind in ("na", "dash"):
        return V(v.printed, line)
    if v.kind == "empty":
        return notes.pend(f"{what}: sel kosong", line)
    if v.kind == "unreadable":
        return notes.pend(f"{what}: tidak terbaca, {v.why}", line, v.printed)
    return notes.pend(f"{what}: bukan angka", line, v.printed)


def written(value: Decimal) -> str | int:
    if value == value.to_integral_value() and abs(value) < 1000:
        return int(value)
    exponent = value.as_tuple().exponent  # the decimals as printed: 44,32 -> 2
    return format_decimal(value, -exponent if isinstance(exponent, int) and exponent < 0 else 0)


def similar(a: str, b: str) -> float:
    x, y = vocab.norm(a), vocab.norm(b)
    return difflib.SequenceMatcher(None, x, y).ratio()


def places(printed: str) -> int:
    m = re.search(r",(\d+)", printed)
    return len(m.group(1)) if m else 0


def unique(base: str, taken: set[str]) -> str:
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident
