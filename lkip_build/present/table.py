"""A table is data with an `as_markdown()`: no site generator types here."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from decimal import Decimal

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]{}#+!|~"})

NUMERIC_KINDS = frozenset({"angka", "uang", "persen", "desimal"})
# a row number as the documents print it: "1.", "12", "A.", "IV", "1.2.3"
_NUMBERING = re.compile(r"(\d+|[A-Z]|[IVXLC]+)(\.\d+)*\.?")


class Cell(str):
    """A table cell as shown, carrying the value it shows and its kind.

    It is the text a reader sees (so every writer of Markdown treats it as a string), and
    the number behind it: CSV, XLSX and the HTML read-back use `value`, never parse the
    text. `value` is the figure as displayed (rounded as shown), None for an empty or NA
    cell ("-", "n/a").
    """

    value: int | Decimal | None
    kind: str
    fakta: str  # the named figure it shows (facts), where one does: marks follow it
    tanda: str  # a note mark after the figure ("*": a policy decided it), for downloads

    def __new__(
        cls, text: str, value: int | Decimal | None, kind: str, fakta: str = "", tanda: str = ""
    ) -> Cell:
        cell = super().__new__(cls, text)
        cell.value = value
        cell.kind = kind
        cell.fakta = fakta
        cell.tanda = tanda
        return cell

    def __reduce__(self) -> tuple[object, ...]:  # keep value and kind through copies
        return (Cell, (str(self), self.value, self.kind, self.fakta, self.tanda))

    def with_suffix(self, suffix: str) -> Cell:
        """The same figure with a unit after it ("88,64 %")."""
        return Cell(str(self) + suffix, self.value, self.kind, self.fakta, self.tanda)

    def marked(self, tanda: str) -> Cell:
        """The same figure with a note mark after it ("100,00 %*"): shown on the page, its
        own column in downloads."""
        return Cell(str(self) + tanda, self.value, self.kind, self.fakta, self.tanda + tanda)

    def named(self, fakta: str) -> Cell:
        return Cell(str(self), self.value, self.kind, fakta, self.tanda)


MARK_CLASS = "lkip-tanda"


MARK_SYMBOL = "≠"
MARK_NAME = "angka tidak cocok, lihat catatan verifikasi"


def mark(href: str) -> str:
    """The mark on a figure the data disagrees about, linking to its note: a symbol after
    the figure, with a name screen readers say and a tooltip, never words inside the
    sentence (`lkip-sr` is visually hidden by lkip.css)."""
    return (
        f' <sup class="{MARK_CLASS}">[<span aria-hidden="true">{MARK_SYMBOL}</span>'
        f'<span class="lkip-sr">{MARK_NAME}</span>]({href} "{MARK_NAME.capitalize()}")</sup>'
    )


def cell_text(value: str | list[str]) -> str:
    """Escape text for a Markdown table cell: HTML, Markdown syntax and the pipe."""
    if isinstance(value, list):
        # several items: a bullet each, so lines that wrap do not read as one item; the
        # space after <br> keeps the words apart in the search index, which drops <br>
        items = [cell_text(v) for v in value]
        return "<br> ".join(f"• {v}" for v in items) if len(items) > 1 else "".join(items)
    text = " ".join(str(value).split())  # a newline would end the table row
    return html.escape(text, quote=False).translate(_MD_SPECIAL)


@dataclass(frozen=True)
class Table:
    """Header, rows of cell texts (plain, escaped on output) and per-column alignment."""

    header: list[str]
    rows: list[list[str | list[str]]]
    align: str  # one letter per column: l, r or c
    strong: frozenset[int] = field(default_factory=frozenset)  # bold rows (totals, programmes)
    nomor: str = ""
    judul: str = ""
    anchor: str = ""
    sumber_data: str = ""
    catatan: tuple[str, ...] = ()
    label: str = "Tabel"
    # summary rows (totals, means and their category): on a phone their label stays in
    # sight next to their value (lkip.css, tests/browser/test_phone.py)
    ringkasan: frozenset[int] = field(default_factory=frozenset)
    # each row's level in a hierarchy ("program", "kegiatan", "sub kegiatan"), for
    # downloads; empty for a flat table. The page shows the level by indentation.
    tingkat: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """ "Tabel 3.2 Capaian Kinerja" (the judul alone for an unnumbered table)."""
        return f"{self.label} {self.nomor} {self.judul}" if self.nomor else self.judul

    def __post_init__(self) -> None:
        width = len(self.header)
        if len(self.align) != width or any(len(r) != width for r in self.rows):
            raise ValueError(
                f"table {self.anchor or self.judul!r}: rows and header differ in width"
            )

    @property
    def main_column(self) -> int:
        """The text column with the longest cells (1-based), given room on wide screens."""

        def mean_length(c: int) -> float:
            cells = [r[c] for r in self.rows]
            return sum(len(" ".join(x) if isinstance(x, list) else x) for x in cells) / max(
                1, len(cells)
            )

        text = [c for c, a in enumerate(self.align) if a == "l"] or [0]
        return max(text, key=mean_length) + 1

    @property
    def key_column(self) -> int:
        """The column that names each row (1-based): the first text column that is not a
        row number ("No"). It stays in sight when the table scrolls sideways on a phone."""

        def numbering(c: int) -> bool:
            if self.header[c].strip().rstrip(".").lower() == "no":
                return True
            cells = [" ".join(x) if isinstance(x, list) else x for x in (r[c] for r in self.rows)]
            return any(cells) and all(not x or _NUMBERING.fullmatch(x.strip()) for x in cells)

        text = [c for c, a in enumerate(self.align) if a == "l" and not numbering(c)]
        return (text[0] if text else 0) + 1

    @property
    def key_length(self) -> int:
        """The longest text of the key column, in characters (an item of a list counts
        alone): a column of short labels is not given a long column's room."""
        c = self.key_column - 1
        items = [x for r in self.rows for x in (r[c] if isinstance(r[c], list) else [r[c]])]
        return max((len(x) for x in items), default=0)

    def phone_attributes(self) -> str:
        """What lkip.css and the phone test read on the table's region: the key column, its
        longest text and the summary rows (tbody row indices)."""
        rows = " ".join(map(str, sorted(self.ringkasan)))
        return (
            f'data-kunci="{self.key_column}" data-ringkasan="{rows}" '
            f'style="--lkip-panjang-kunci: {self.key_length}ch"'
        )

    def as_markdown(self, marks: dict[str, str] | None = None) -> str:
        """The table in Markdown; `marks` (named figure -> link) marks the cells showing a
        figure the data disagrees about."""
        marks = marks or {}
        out = []
        if self.judul:
            label = (
                f"<strong>{html.escape(self.label)} {html.escape(self.nomor)}</strong> "
                if self.nomor
                else ""
            )
            ident = f' id="{self.anchor}"' if self.anchor else ""
            out += [f'<p class="lkip-judul-tabel"{ident}>{label}{html.escape(self.judul)}</p>', ""]
        out.append("| " + " | ".join(cell_text(h) for h in self.header) + " |")
        rule = {"l": ":--", "r": "--:", "c": ":-:"}
        out.append("| " + " | ".join(rule[a] for a in self.align) + " |")
        for i, row in enumerate(self.rows):
            cells = [
                cell_text(c)
                + (mark(marks[c.fakta]) if isinstance(c, Cell) and c.fakta in marks else "")
                for c in row
            ]
            if i in self.strong:
                cells = [f"**{c}**" if c else c for c in cells]
            out.append("| " + " | ".join(cells) + " |")
        notes = [f"Sumber Data: {self.sumber_data}"] if self.sumber_data else []
        notes += list(self.catatan)
        if notes:
            out.append("")
            out.append('<div class="lkip-catatan-tabel" markdown="1">')
            out.append("")
            out += [f"{cell_text(n)}  " for n in notes]
            out.append("")
            out.append("</div>")
        return "\n".join(out) + "\n"
