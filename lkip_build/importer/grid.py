"""A table's rows as columns with roles: each column's header (its parent header above it,
when a header cell spans several columns) and the role its words give it; each row's
number ("1.", "II", "1.1", "a."), its label and its value cells by column.

Rows are aligned by position when they have as many cells as the header; otherwise their
trailing cells are aligned to the header's trailing value columns (converters drop or add
empty cells in the label part, never among the figures). A row holding only figures after
a row holding only a label is the label's continuation (a long name that wrapped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkip_build.importer import vocabulary as vocab
from lkip_build.importer.cells import clean, is_value
from lkip_build.importer.source import Row, Table

NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXL]+\.?|[a-zA-Z][.)])$")
INLINE_NUMBER = re.compile(r"^(?P<nomor>[a-z][.)]|\d+(?:\.\d+)*[.)]|[IVXL]+\.?)\s+(?P<rest>\S.*)$")
VALUE_ROLES = {
    "tahun_dasar",
    "target",
    "realisasi",
    "capaian",
    "pagu",
    "persen",
    "fisik",
    "sisa",
    "selisih",
    "jumlah",
}


@dataclass
class Column:
    index: int
    own: str
    parent: str
    role: str

    @property
    def header(self) -> str:
        if self.parent and self.own and self.parent != self.own:
            return f"{self.parent} {self.own}"
        return self.own or self.parent


@dataclass
class GridRow:
    line: int
    nomor: str
    label: str
    cells: dict[int, str] = field(default_factory=dict)  # column index -> cell as printed
    lines: list[int] = field(default_factory=list)

    def get(self, col: Column | None) -> str:
        return self.cells.get(col.index, "") if col is not None else ""

    @property
    def has_values(self) -> bool:
        return any(is_value(v) for v in self.cells.values() if v)


@dataclass
class Grid:
    table: Table
    columns: list[Column]
    rows: list[GridRow]
    head_lines: list[int]

    def find(self, *roles: str) -> Column | None:
        for r in roles:
            for c in self.columns:
                if c.role == r:
                    return c
        return None

    def all(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    @property
    def words(self) -> str:
        caption = self.table.caption
        heads = " ".join(c.header for c in self.columns)
        return f"{caption.judul if caption else ''} {heads}"


def grid(table: Table) -> Grid:
    head: list[Row] = []
    for row in table.rows:
        first = clean(row.cells[0]) if row.cells else ""
        if any(is_value(c) for c in row.cells if c) or (
            head and NUMBERING.match(first) and not re.fullmatch(r"(19|20)\d\d", first)
        ):
            break
        head.append(row)
    if len(head) == len(table.rows):  # words only: the first row is the header
        head = table.rows[:1]
    width = max(
        (len(_trimmed(r.cells)) for r in head), default=max(len(r.cells) for r in table.rows)
    )
    columns = _columns([r.cells[:width] for r in head], width)
    rows: list[GridRow] = []
    first_value = min((c.index for c in columns if c.role in VALUE_ROLES), default=width)
    for row in table.rows[len(head) :]:
        if head and [clean(c).lower() for c in row.filled] == [
            clean(c).lower() for c in head[0].filled
        ]:
            continue  # the header printed again inside the table
        g = _row(row.line, row.cells, columns, width, first_value)
        prev = rows[-1] if rows else None
        if (
            prev is not None
            and not g.label
            and not g.nomor
            and not prev.has_values
            and g.has_values
        ):
            prev.cells.update({k: v for k, v in g.cells.items() if v})
            prev.lines.append(row.line)
            continue
        rows.append(g)
    _join_wrapped(rows)
    return Grid(table, columns, rows, [r.line for r in head])


def _join_wrapped(rows: list[GridRow]) -> None:
    """A label alone (no number, no figures) between two full rows is the end of the
    name above it, wrapped onto its own line by a page or a narrow column."""
    i = 1
    while i < len(rows):
        row, prev = rows[i], rows[i - 1]
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if (
            row.label
            and not row.nomor
            and not row.has_values
            and prev.has_values
            and (nxt is None or nxt.nomor)
            and not vocab.is_total(row.label)
            and not vocab.MEAN_ROW.match(row.label)
        ):
            prev.label = f"{prev.label} {row.label}".replace("/ ", "/")
            prev.lines.append(row.line)
            del rows[i]
            continue
        i += 1


def _trimmed(cells: list[str]) -> list[str]:
    out = list(cells)
    while out and not clean(out[-1]):
        out.pop()
    return out


def _columns(head: list[list[str]], width: int) -> list[Column]:
    grid_ = [[clean(c) for c in r] + [""] * (width - len(r)) for r in head]
    own = ["" for _ in range(width)]
    parent = ["" for _ in range(width)]
    for r, row in enumerate(grid_):
        below = grid_[r + 1 :]
        for i, cell in enumerate(row):
            if not cell:
                continue
            spans = [i]
            j = i + 1
            while j < width and not row[j] and any(b[j] for b in below):
                spans.append(j)
                j += 1
            for k in spans:
                if any(b[k] for b in below):
                    parent[k] = f"{parent[k]} {cell}".strip()
                else:
                    own[k] = f"{own[k]} {cell}".strip()
    out = []
    for i in range(width):
        kind = vocab.role(own[i]) if own[i] else ""
        if kind in ("", "lain") and parent[i]:
            kind = vocab.role(f"{parent[i]} {own[i]}")
        out.append(Column(i, own[i], parent[i], kind))
    return out


def _row(
    line: int, cells: list[str], columns: list[Column], width: int, first_value: int
) -> GridRow:
    cells = [clean(c) for c in cells]
    while len(cells) > width and not cells[-1]:
        cells.pop()
    if len(cells) == width or first_value >= width:  # a list: every cell where it stands
        placed = dict(enumerate(cells[:width]))
        if len(cells) > width:
            placed[width - 1] = " ".join(c for c in cells[width - 1 :] if c)
    else:
        tail = width - first_value
        lead = cells[: max(0, len(cells) - tail)] if len(cells) > tail else []
        values = cells[len(lead) :]
        placed = {first_value + tail - len(values) + k: v for k, v in enumerate(values)}
        # the leading cells fill the label columns from the left
        filled = [c for c in lead if c]
        for k, v in enumerate(filled[:first_value]):
            placed[k] = v
        if first_value and len(filled) > first_value:
            placed[first_value - 1] = " ".join(filled[first_value - 1 :])
    nomor = ""
    label_parts: list[str] = []
    for col in columns:
        text = placed.get(col.index, "")
        if not text or col.role in VALUE_ROLES or col.role == "satuan":
            continue
        if not nomor and not label_parts and col.role in ("no", "") and NUMBERING.match(text):
            nomor = text
            continue
        if col.role == "no" and not NUMBERING.match(text) and INLINE_NUMBER.match(text):
            m = INLINE_NUMBER.match(text)
            assert m is not None
            nomor, text = nomor or m["nomor"], m["rest"]
        if first_value >= width and label_parts:
            continue  # a list's or a composition's label is its first text column
        if is_value(text):
            continue
        label_parts.append(text)
    label = " ".join(label_parts)
    m = INLINE_NUMBER.match(label)
    if (
        m
        and not nomor
        and (m["nomor"][0].isdigit() or m["nomor"][0].islower() or len(m["rest"]) > 12)
    ):
        nomor, label = m["nomor"], m["rest"]
    return GridRow(line, nomor, label, {c.index: placed.get(c.index, "") for c in columns}, [line])


def level_of(nomor: str, styles: list[str]) -> int:
    """The depth a row number gives, by the order its style first appeared in the table
    ("I" then "1" then "1.1": 0, 1, 2)."""
    style = numbering_style(nomor)
    if style not in styles:
        styles.append(style)
    return styles.index(style)


def numbering_style(nomor: str) -> str:
    n = nomor.rstrip(".)")
    if re.fullmatch(r"[IVXL]+", n):
        return "roman"
    if re.fullmatch(r"[A-Z]", n):
        return "upper"
    if re.fullmatch(r"[a-z]", n):
        return "lower"
    if re.fullmatch(r"\d+", n):
        return "arabic"
    return f"arabic{n.count('.')}"
