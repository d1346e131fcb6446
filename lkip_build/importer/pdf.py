"""The text `lkip import` reads: a converted text as it is, or a PDF read with pdfplumber.

A PDF becomes the same tab-separated text a converter writes (source.py's `tab` shape), so
one reader serves both. Page by page, top to bottom:
  - a table drawn with ruling lines on every side of its cells (pdfplumber's `lines`
    strategy: the borders of a Word table, or of an HTML table with cell borders) is
    written as one line per row, its cells joined by tabs. A cell's line breaks become
    spaces, a merged cell's covered cells are empty, rows and columns with no text are
    left out. A caption printed inside the first row ("Tabel ..."), or a "Sumber ..." in
    the last, is written as a text line before or after the rows. Not a table, read as
    text instead: a ruled box of one column (a framed paragraph), and lines that cut
    through words (a chart's grid);
  - every other word is text, in reading order, one line per paragraph (as a converter
    writes it), a blank line between paragraphs and around each table. Lines join into
    a paragraph unless the gap between them is wider than the document's usual line gap,
    the line before ended short (the next line's first word would have fitted on it;
    for centred lines, on either side), or the line starts a caption, a chapter, a
    numbered heading, a "Sumber" line, a page number or a bullet. So a caption printed
    above its table stays the text line right before it;
  - a running header or footer (a line at the top or bottom of a third of the pages,
    numbers aside: "Halaman 3 dari 60", a bare page number) is left out, so a table cut
    by a page break comes out as two parts that source.py joins again; a letter printed
    twice on itself (a faked bold, a label's halo) is read once.
Pages are separated by a blank line.

Not handled:
  - a table without ruling lines between its columns (only spacing, or only horizontal
    rules between rows, as many report styles and this site's own print view draw
    them): each row comes out as a text paragraph, its cells separated by single spaces
    (a wrapped cell's next line joined to the row), so the draft has no table there and
    keeps the caption and the rows as paragraphs of the chapter, for the editor to turn
    into data. Convert such a report with `pdftotext -layout` and import the text;
  - text in two or more columns side by side is read across the columns, line by line;
  - a paragraph running on to the next page is cut in two at the page break;
  - a scanned PDF (pages that are images, no text layer) is refused with a message, as
    is a PDF locked with a password or one pdfplumber cannot parse; a PDF scanned in
    part gives the text of its other pages, its scanned pages none, without a word.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lkip_build.importer.source import CAPTION, CHAPTER, HEADING, PAGE_NUMBER, SOURCE_LINE

if TYPE_CHECKING:
    from pdfplumber.page import Page
    from pdfplumber.table import Table as PdfTable

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
BULLET = re.compile(r"^([-•▪●◦*]|[a-z0-9]{1,2}[.)])\s")
EDGE = 0.1  # the top and bottom tenth of a page, where running headers and footers stand
GAP_FACTOR = 0.4  # a gap wider than the usual one by this part of a line height: new paragraph


class PdfError(Exception):
    """A source that cannot be read; the message is for the editor (Indonesian)."""


def text_of(path: Path) -> str:
    if not path.is_file():
        raise PdfError(f"{path}: berkas tidak ada")
    if path.suffix.lower() == ".pdf":
        return pdf_text(path)
    raw = path.read_bytes()
    if b"\x00" in raw[:65536]:  # no converted text holds a NUL: a binary file
        raise PdfError(f"{path}: bukan berkas teks atau PDF; ubah dulu menjadi teks")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def pdf_text(path: Path) -> str:
    """The PDF at `path` as tab-separated text; PdfError when it has none to give."""
    try:
        import pdfplumber
    except ImportError:
        raise PdfError(
            f"{path}: pustaka pdfplumber belum terpasang; jalankan `make setup`"
        ) from None
    # pdfminer logs what it works around in a font ("Could not get FontBBox ..."): noise
    # for an editor, and the text is read all the same
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(path) as pdf:
            pages = _pages(pdf.pages)
    except Exception as exc:  # pdfminer raises many types for broken or locked files
        raise PdfError(_unreadable(path, exc)) from None
    text = "\n\n".join(p for p in pages if p)
    if not any(ch.isalpha() for ch in text):
        raise PdfError(f"PDF ini tidak memuat teks (hasil pindai?): {path}")
    # a page with no text (scanned) is said where it stands, never left out without a word
    return (
        "\n\n".join(
            p
            if any(ch.isalpha() for ch in p)
            else f"{SCANNED} halaman {n} tidak memuat teks "
            "(hasil pindai?): salin isinya dari dokumen -->"
            for n, p in enumerate(pages, 1)
        )
        + "\n"
    )


SCANNED = "<!-- catatan impor:"


def _unreadable(path: Path, exc: Exception) -> str:
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    if "password" in type(cause).__name__.lower() or "encrypt" in type(cause).__name__.lower():
        return f"PDF ini terkunci kata sandi: {path}; buka kuncinya lalu impor lagi"
    detail = f"{type(cause).__name__}: {cause}".rstrip(": ")
    return f"PDF ini rusak atau tidak bisa dibaca: {path} ({detail})"


@dataclass
class _Line:
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    first: float  # the width of its first word and a space after it

    @property
    def height(self) -> float:
        return self.bottom - self.top


Item = tuple[float, _Line | list[list[str]]]  # a text line or a table's rows, by its top


def _pages(pages: list[Page]) -> list[str]:
    """Each page's text. What tells a paragraph's lines apart is the document's: its usual
    line spacing, and the margins of every page of one size (not of one page: a cover's
    centred lines all end short of the right margin, its lines are all far apart)."""
    read = [(page.width, page.height, _page_items(page)) for page in pages]
    furniture = _furniture(read)
    read = [
        (width, height, [(top, i) for top, i in items if not _in(furniture, i, height)])
        for width, height, items in read
    ]
    margins: dict[float, tuple[float, float]] = {}
    gaps = []
    for width, _, items in read:
        lines = [i for _, i in items if isinstance(i, _Line)]
        left, right = margins.get(width, (width, 0.0))
        margins[width] = (
            min([left, *(line.x0 for line in lines)]),
            max([right, *(line.x1 for line in lines)]),
        )
        for (_, a), (_, b) in itertools.pairwise(items):
            if isinstance(a, _Line) and isinstance(b, _Line) and b.top >= a.bottom:
                gaps.append(_gap(a, b))
    # the lower quartile: most gaps are between two lines of one paragraph
    usual = sorted(gaps)[len(gaps) // 4] if gaps else 0.0
    return [_page_text(items, margins[width], usual) for width, _, items in read]


def _furniture(read: list[tuple[float, float, list[Item]]]) -> set[str]:
    """Running headers and footers ("Halaman 3 dari 60", the report's title): a line at
    the top or the bottom of a page whose text, its numbers aside, recurs there on a third
    of the pages or more (three at least). Left in, they would part a table continued on
    the next page from its first part."""
    seen: Counter[str] = Counter()
    for _, height, items in read:
        seen.update({_pattern(i) for _, i in items if isinstance(i, _Line) and _edge(i, height)})
    least = max(3, len(read) / 3)
    return {text for text, n in seen.items() if n >= least}


def _in(furniture: set[str], item: _Line | list[list[str]], height: float) -> bool:
    return isinstance(item, _Line) and _edge(item, height) and _pattern(item) in furniture


def _edge(line: _Line, height: float) -> bool:
    return line.top < EDGE * height or line.bottom > (1 - EDGE) * height


def _pattern(line: _Line) -> str:
    return re.sub(r"\d+", "#", line.text)


def _page_items(page: Page) -> list[Item]:
    once = _once(page.chars)
    clean = page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) in once)
    found = clean.find_tables(TABLE_SETTINGS)
    words = clean.extract_words() if found else []
    tables = [(t.bbox, rows) for t in found if _whole(t, words) and (rows := _rows(t))]
    boxes = [bbox for bbox, _ in tables]

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    items: list[Item] = []
    for d in clean.filter(outside).extract_text_lines():
        chars = list(itertools.dropwhile(lambda c: not c["text"].strip(), d["chars"]))
        if d["text"].strip() and chars:
            line = _Line(
                d["top"], d["bottom"], d["x0"], d["x1"], " ".join(d["text"].split()), _first(chars)
            )
            items.append((line.top, line))
    items += [(bbox[1], rows) for bbox, rows in tables]
    return sorted(items, key=lambda item: item[0])


def _first(chars: list[dict[str, Any]]) -> float:
    """The width of a line's first word (up to a space, or a gap wider than a fifth of
    the font size: not every PDF prints its spaces) and of a space after it."""
    end = chars[0]["x1"]
    for a, b in itertools.pairwise(chars):
        if not b["text"].strip() or b["x0"] - a["x1"] > 0.2 * a["size"]:
            break
        end = b["x1"]
    return end - chars[0]["x0"] + 0.25 * chars[0]["size"]


def _page_text(items: list[Item], margins: tuple[float, float], usual: float) -> str:
    out: list[str] = []
    paragraph: list[_Line] = []
    for _, item in items:
        if isinstance(item, _Line):
            if paragraph and not _joins(paragraph[-1], item, margins, usual):
                out.append(_joined(paragraph))
                paragraph = []
            paragraph.append(item)
            continue
        if paragraph:
            out.append(_joined(paragraph))
            paragraph = []
        out += _table_lines(item)
    if paragraph:
        out.append(_joined(paragraph))
    return "\n\n".join(p for p in out if p)


def _once(chars: list[dict[str, Any]]) -> set[int]:
    """The chars to read: a letter printed again on itself (a bold faked by printing twice,
    a label's halo) is read once. pdfplumber's own dedupe_chars takes quadratic time."""
    seen: set[tuple[str, int, int]] = set()
    keep = set()
    for char in chars:
        # the glyph's origin, where it is drawn: its box (top) can differ between copies
        # when the font gives no bounding box
        x, y = char["matrix"][4:6]
        key = (char["text"], round(x), round(y))
        if key not in seen:
            seen.add(key)
            keep.add(id(char))
    return keep


def _whole(table: PdfTable, words: list[dict[str, Any]]) -> bool:
    """No word crosses the table's rules: lines that cut through words are a chart's grid
    or a drawing, not a table's borders."""
    crossed = 0
    left, top, right, bottom = table.bbox
    for word in words:
        x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        if not (left <= x <= right and top <= y <= bottom):
            continue
        for x0, y0, x1, y1 in table.cells:
            if x0 <= x <= x1 and y0 <= y <= y1:
                crossed += word["x0"] < x0 - 1 or word["x1"] > x1 + 1
                break
    return crossed <= 1


def _rows(table: PdfTable) -> list[list[str]]:
    """The table's rows of cell texts, or none when it is no table: fewer than two columns
    hold text (a framed paragraph, or a box whose inner rules are missing). Rows and
    columns with no text are left out."""
    rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
    rows = [row for row in rows if any(row)]
    filled = sorted({n for row in rows for n, cell in enumerate(row) if cell})
    # a column empty in every row (a stray rule at the table's side) is no column: left
    # in, it would shift the cells of a part continued on the next page
    return [[row[n] for n in filled] for row in rows] if len(filled) >= 2 else []


def _table_lines(rows: list[list[str]]) -> list[str]:
    """The table as paragraphs of the output: its rows as one block of tab-separated lines,
    a caption in its first row and a source in its last written as text around it."""
    before: list[str] = []
    after: list[str] = []
    if rows and _single(rows[0], CAPTION):
        before.append(_single(rows.pop(0), CAPTION))
    if rows and _single(rows[-1], SOURCE_LINE):
        after.append(_single(rows.pop(), SOURCE_LINE))
    body = "\n".join("\t".join(row) for row in rows)
    return [*before, body, *after]


def _single(row: list[str], pattern: re.Pattern[str]) -> str:
    """The row's one filled cell when it matches `pattern` ("" otherwise)."""
    filled = [c for c in row if c]
    return filled[0] if len(filled) == 1 and pattern.match(filled[0]) else ""


def _gap(a: _Line, b: _Line) -> float:
    """The space between two lines, in line heights."""
    return (b.top - a.bottom) / max(min(a.height, b.height), 1.0)


def _starts_block(text: str) -> bool:
    return any(p.match(text) for p in (CAPTION, CHAPTER, HEADING, SOURCE_LINE, PAGE_NUMBER, BULLET))


def _joins(prev: _Line, line: _Line, margins: tuple[float, float], usual: float) -> bool:
    """Whether `line` continues the paragraph whose last line is `prev`: close below it,
    not the start of a block, and its first word would not have fitted on `prev`."""
    if _gap(prev, line) > usual + GAP_FACTOR:
        return False
    if _starts_block(line.text) or PAGE_NUMBER.match(prev.text):
        return False
    left, right = margins
    char = (line.x1 - line.x0) / max(len(line.text), 1)
    centred = abs(prev.x0 - line.x0) > 1 and abs(prev.x1 + prev.x0 - line.x1 - line.x0) < char
    if centred:  # a cover, a title: the line before could have grown on both sides
        return prev.x1 - prev.x0 + line.first > right - left
    return prev.x1 + line.first > right - 1


def _joined(lines: list[_Line]) -> str:
    text = lines[0].text
    for line in lines[1:]:
        # a word broken at a hyphen ("rata-" / "rata") joins without a space
        text += line.text if text.endswith("-") and not text.endswith(" -") else " " + line.text
    return text
