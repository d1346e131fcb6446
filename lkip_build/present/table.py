"""A table is data with an `as_markdown()`: no site generator types here."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from decimal import Decimal

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]{}#+!|~"})

NUMERIC_KINDS = frozenset({"angka", "uang", "persen", "desimal"})
# lkip.css places columns 1..PHONE_COLUMNS of a table on a phone (one rule per column)
PHONE_COLUMNS = 20
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
    # the columns a phone shows first, under the row's name (0-based, in printed order):
    # what the table is read for (target, realisasi, capaian; pagu, realisasi, serapan).
    # Set by each renderer; empty: the table scrolls sideways under its key column.
    key_figures: tuple[int, ...] = ()

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

    def _text(self, row: int, col: int) -> str:
        x = self.rows[row][col]
        return " ".join(x) if isinstance(x, list) else str(x)

    @property
    def folded(self) -> list[tuple[int, str]]:
        """The columns a phone folds into a note (0-based, with their one value): a column
        holding the same text in every row (summary rows aside, which are empty there or
        hold it too), e.g. a Tahun Dasar of NA everywhere. Never the row numbers or the key
        column; a key figure only over two rows or more and while another stays; a table
        of one row folds only beside its key figures."""
        body = [i for i in range(len(self.rows)) if i not in self.ringkasan]
        if not body or (len(body) == 1 and not self.key_figures):
            return []
        out = []
        for c in range(self.key_column, min(len(self.header), PHONE_COLUMNS)):
            if c in self.key_figures and len(body) == 1:
                continue
            values = {self._text(i, c) for i in body}
            value = values.pop() if len(values) == 1 else ""
            if value and all(self._text(i, c) in ("", value) for i in self.ringkasan):
                out.append((c, value))
        if self.key_figures and set(self.key_figures) <= {c for c, _ in out}:
            out = [(c, v) for c, v in out if c != self.key_figures[-1]]  # one figure stays
        return out

    @property
    def phone_figures(self) -> tuple[int, ...]:
        """The key figures a phone shows under each row's name (0-based): those lkip.css
        can place (one rule per column) that are not folded; none: the table scrolls."""
        if not self.key_figures or max(self.key_figures) >= PHONE_COLUMNS:
            return ()
        folded = {c for c, _ in self.folded}
        return tuple(c for c in self.key_figures if c not in folded)

    def phone_attributes(self) -> str:
        """What lkip.css and the phone test read on the table's region: the key column, its
        longest text, the summary rows (tbody row indices), the key figures shown and the
        folded columns (1-based)."""
        rows = " ".join(map(str, sorted(self.ringkasan)))
        out = f'data-kunci="{self.key_column}" data-ringkasan="{rows}" '
        style = f"--lkip-panjang-kunci: {self.key_length}ch"
        if self.phone_figures:
            out += f'data-angka="{" ".join(str(c + 1) for c in self.phone_figures)}" '
            style += f"; --lkip-angka: {len(self.phone_figures)}"
        if self.folded:
            out += f'data-lipat="{" ".join(str(c + 1) for c, _ in self.folded)}" '
        return out + f'style="{style}"'

    def phone_block(self) -> str:
        """What a phone shows above the table: a line for each folded column ("Tahun Dasar
        2020: NA untuk semua baris") and a toggle to the table as printed when a phone hides
        columns (lkip.css shows both on narrow screens only, never in print)."""
        folded = dict(self.folded)
        shown = set(range(self.key_column)) | set(self.phone_figures)
        hidden = (
            [c for c in range(len(self.header)) if c not in shown]
            if self.phone_figures
            else list(folded)
        )
        if not hidden:
            return ""
        every = " untuk semua baris" if len(self.rows) - len(self.ringkasan) > 1 else ""
        notes = "<br>".join(
            f"{html.escape(self.header[c])}: {html.escape(v)}{every}" for c, v in folded.items()
        )
        rest = [html.escape(self.header[c]) for c in hidden if c not in folded]
        also = f" ({', '.join(rest)})" if 0 < len(rest) <= 3 else ""
        also = f" ({len(rest)} kolom lagi)" if len(rest) > 3 else also
        # no <div>: the theme's search index would end the table's exclusion at its end
        return (f'<p class="lkip-ponsel lkip-lipat">{notes}</p>\n' if notes else "") + (
            '<details class="lkip-ponsel lkip-kolom"><summary>'
            f'<span class="lkip-kolom-buka">Tampilkan semua kolom{also}</span>'
            '<span class="lkip-kolom-tutup">Tampilkan kolom utama saja</span>'
            "</summary></details>"
        )

    def as_markdown(self, marks: dict[str, str] | None = None, phone: bool = False) -> str:
        """The table in Markdown; `marks` (named figure -> link) marks the cells showing a
        figure the data disagrees about; `phone`: with `phone_block` above the table."""
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
        block = self.phone_block() if phone else ""
        if block:
            out += [block, ""]
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
