"""A converted report read into blocks: headings, paragraphs and tables, each with its line.

Three shapes of converted text are read, line by line:
  tab     cells separated by tabs (a Word document saved as text, most converters);
  pipe    Markdown pipe tables (`| a | b |`, the `|---|` rule skipped);
  layout  `pdftotext -layout`: columns separated by runs of two or more spaces.
A table is a run of table lines; its caption is a "Tabel <nomor> <judul>" line up to a few
lines before it (the title may continue on the next lines), its source the "Sumber ..."
line after it. A table cut by a page break (the same header printed again, no caption in
between) is joined to the one before. A block of contents lines (captions or headings with
page numbers) is the document's own table of contents, which the site writes itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CAPTION = re.compile(
    r"^\s*(?P<label>Tabel|Table|TABEL)\s*[;:]?\s*(?P<nomor>[0-9IVXLC]+(?:[.\-][0-9]+)*)\.?"
    r"(?:\s*[:.\-]\s*|\s+|(?=[A-Z])|$)(?P<judul>.*)$"
)
SOURCE_LINE = re.compile(r"^\s*Sumber(?:\s+Data)?\s*:\s*(?P<teks>.+)$", re.I)
CHAPTER = re.compile(r"^\s*(?:BAB|Bab)\s+(?P<nomor>[IVX]+|\d+)\b[\s.:]*(?P<judul>.*)$")
HEADING = re.compile(r"^\s*(?P<nomor>\d+(?:\.\d+){1,3})\.?\s+(?P<judul>[A-Z].{0,110})$")
APPENDIX = re.compile(r"^\s*(LAMPIRAN|DAFTAR ISI|DAFTAR TABEL|DAFTAR GAMBAR)\s*$")
PAGE_NUMBER = re.compile(r"^\s*(\d{1,3}|[ivx]{1,5})\s*$")
PIPE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")
LAYOUT_GAP = re.compile(r"\S(?: ?\S)*")


@dataclass
class Row:
    line: int  # 1-based line of the source
    cells: list[str]

    @property
    def filled(self) -> list[str]:
        return [c for c in self.cells if c]


@dataclass
class Caption:
    line: int
    label: str
    nomor: str
    judul: str


@dataclass
class Table:
    line: int
    rows: list[Row]
    caption: Caption | None = None
    sumber_data: str = ""
    end: int = 0  # last source line of the table (its source line included)
    parts: int = 1  # pieces joined across page breaks
    loose: bool = False  # read from flattened text: its column boundaries are a reading


@dataclass
class Text:
    line: int
    kind: str  # "chapter", "heading", "paragraph", "toc"
    text: str
    nomor: str = ""
    judul: str = ""


Block = Table | Text


@dataclass
class Source:
    name: str
    lines: list[str]
    shape: str
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was seen but not read as a table

    def line(self, number: int) -> str:
        return self.lines[number - 1].strip() if 0 < number <= len(self.lines) else ""


def shape_of(lines: list[str]) -> str:
    """tab, pipe or layout: the way this text writes its tables."""
    tabbed = sum(1 for line in lines if "\t" in line.strip("\n"))
    piped = sum(1 for line in lines if line.strip().startswith("|") and line.count("|") >= 3)
    if piped > tabbed:
        return "pipe"
    if tabbed:
        return "tab"
    gapped = sum(1 for line in lines if len(_layout_cells(line)) >= 3)
    return "layout" if gapped >= 2 else "tab"


def _layout_cells(line: str) -> list[str]:
    return [m.group(0) for m in LAYOUT_GAP.finditer(line.replace("\t", "  "))]


def cells_of(line: str, shape: str) -> list[str] | None:
    """The cells of a table line, or None when the line is not one."""
    if shape == "pipe":
        s = line.strip()
        if not (s.startswith("|") and s.count("|") >= 2) or PIPE_RULE.fullmatch(s):
            return None
        return [c.strip() for c in s.strip("|").split("|")]
    if shape == "layout":
        found = _layout_cells(line)
        return found if len(found) >= 2 else None
    if "\t" not in line.rstrip("\n") or not line.strip():
        return None
    return [c.strip() for c in line.rstrip("\n").split("\t")]


def read(text: str, name: str = "") -> Source:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    source = Source(name, lines, shape_of(lines))
    source.blocks = _blocks(source)
    return source


def _blocks(source: Source) -> list[Block]:
    out: list[Block] = []
    lines, shape = source.lines, source.shape
    i = 0
    paragraph: list[tuple[int, str]] = []

    def flush() -> None:
        if paragraph:
            out.append(Text(paragraph[0][0], "paragraph", " ".join(t for _, t in paragraph)))
            paragraph.clear()

    while i < len(lines):
        raw = lines[i]
        if PIPE_RULE.fullmatch(raw.strip()) and shape == "pipe" and raw.strip():
            i += 1
            continue
        cells = cells_of(raw, shape)
        if cells is not None and len([c for c in cells if c]) >= 1 and (shape != "pipe" or cells):
            flush()
            rows = []
            while i < len(lines):
                c = cells_of(lines[i], shape)
                if c is None:
                    if (
                        shape == "pipe"
                        and PIPE_RULE.fullmatch(lines[i].strip())
                        and lines[i].strip()
                    ):
                        i += 1
                        continue
                    break
                rows.append(Row(i + 1, c))
                i += 1
            out.append(Table(rows[0].line, rows, end=rows[-1].line))
            continue
        s = raw.strip()
        if not s:
            flush()
        elif shape == "layout" and paragraph and not _starts_block(s):
            paragraph.append((i + 1, s))
        else:
            flush()
            chapter, heading = CHAPTER.match(s), HEADING.match(s)
            if chapter and len(s) < 90 and _chapter_line(s, chapter["judul"]):
                out.append(Text(i + 1, "chapter", s, chapter["nomor"], chapter["judul"].strip()))
            elif APPENDIX.match(s):
                out.append(Text(i + 1, "chapter", s, "", s))
            elif heading and not s.endswith((".", ",", ";", ":")):
                out.append(Text(i + 1, "heading", s, heading["nomor"], heading["judul"].strip()))
            elif shape == "layout":
                paragraph.append((i + 1, s))
            else:
                out.append(Text(i + 1, "paragraph", s))
        i += 1
    flush()
    if not any(isinstance(b, Table) for b in out):
        out = _loose(out, source.notes)
    return _captioned(_toc(out), source)


# A flattened table (a document-sharing site's text: cells joined by single spaces, a
# row's name wrapped over lines): a header naming at least two value columns, then lines
# ending in exactly as many figures as the header names. Anything else stays text.
LOOSE_ROLES = (
    ("target", r"\btarget\b"),
    ("realisasi", r"\brealisasi\b"),
    ("capaian", r"\bcapaian\b"),
    ("pagu", r"\bpagu\b"),
)
LOOSE_VALUE = r"(?:[+-]?\d[\d.,]*\s?%?|n/a|N/A|NA|-)"
LOOSE_ROW = re.compile(rf"^(?P<name>.*?)\s*(?P<values>(?:{LOOSE_VALUE}\s+)*{LOOSE_VALUE})$")


def _loose(blocks: list[Block], notes: list[str]) -> list[Block]:
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        roles, used = _loose_header(blocks, i)
        if not roles:
            out.append(blocks[i])
            i += 1
            continue
        j = i + used
        rows: list[Row] = []
        name: list[str] = []
        misses = 0
        while j < len(blocks) and misses < 6:
            b = blocks[j]
            if not isinstance(b, Text) or b.kind != "paragraph" or CAPTION.match(b.text):
                break
            m = LOOSE_ROW.match(b.text)
            values = re.findall(LOOSE_VALUE, m["values"]) if m else []
            if m and len(values) == len(roles):
                head = " ".join([*name, m["name"]]).strip()
                unit = ""
                if head.split() and re.fullmatch(r"%|[A-Za-z]+/[A-Za-z]+|persen", head.split()[-1]):
                    unit, head = head.split()[-1], " ".join(head.split()[:-1])
                rows.append(Row(b.line, [head, unit, *(v.strip() for v in values)]))
                name, misses = [], 0
            elif len(b.text) < 160:
                name.append(b.text)
                misses += 1
            else:
                break
            j += 1
        if not rows:
            notes.append(
                f"baris {blocks[i].line}: judul kolom ({', '.join(roles)}) tanpa baris yang "
                "terbaca pasti: angkanya tetap teks di bab; isi datanya dari dokumen"
            )
        if rows:
            header = Row(blocks[i].line, ["Indikator", "Satuan", *[r.capitalize() for r in roles]])
            out.append(Table(rows[0].line, [header, *rows], end=rows[-1].line, loose=True))
            i = j
        else:
            out.extend(blocks[i : i + used])
            i += used
    return out


def _loose_header(blocks: list[Block], i: int) -> tuple[list[str], int]:
    """The value columns a header names, in order, over up to 5 short lines from `i` (a
    caption is not a header: its title may name Target and Realisasi too)."""
    text, used = "", 0
    best: tuple[list[str], int] = ([], 0)
    for b in blocks[i : i + 5]:
        if not isinstance(b, Text) or b.kind != "paragraph" or len(b.text) > 160:
            break
        if CAPTION.match(b.text) or (LOOSE_ROW.match(b.text) and _loose_values(b.text) >= 2):
            break
        text, used = f"{text} {b.text.lower()}", used + 1
        found = sorted(
            (m.start(), role) for role, pat in LOOSE_ROLES for m in [re.search(pat, text)] if m
        )
        roles = [r for _, r in found]
        if len(roles) >= 2 and "realisasi" in roles and len(roles) > len(best[0]):
            best = (roles, used)
    return best


def _loose_values(text: str) -> int:
    m = LOOSE_ROW.match(text)
    return len(re.findall(LOOSE_VALUE, m["values"])) if m else 0


def _chapter_line(s: str, judul: str) -> bool:
    """ "BAB III AKUNTABILITAS KINERJA", "BAB I", or a title-case "Bab I Pendahuluan" (a
    print view's heading), never a sentence ("Bab ini menguraikan ...")."""
    if s.split()[0] == "BAB":
        return True
    return (
        len(s) < 60 and not s.endswith((".", ",", ";", ":")) and (not judul or judul[0].isupper())
    )


def _starts_block(s: str) -> bool:
    return bool(CAPTION.match(s) or CHAPTER.match(s) or HEADING.match(s) or s[:2] in ("- ", "* "))


def _toc(blocks: list[Block]) -> list[Block]:
    """Tables of contents (rows that are captions, chapters or headings with a page
    number) are the document's own: marked, not read as data."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table):
            firsts = [r.filled[0] for r in block.rows if r.filled]
            listed = sum(
                1
                for f in firsts
                if CAPTION.match(f)
                or CHAPTER.match(f)
                or HEADING.match(f)
                or APPENDIX.match(f)
                or f.isupper()
            )
            paged = sum(1 for r in block.rows if r.filled and PAGE_NUMBER.match(r.filled[-1]))
            if firsts and listed >= 0.6 * len(firsts) and paged >= 0.5 * len(firsts):
                out.append(Text(block.line, "toc", "", judul=str(block.end)))
                continue
        out.append(block)
    # a lone table row that is a caption with a page number belongs to the contents too
    return out


def _captioned(blocks: list[Block], source: Source) -> list[Block]:
    """Attach each table's caption (before it) and source line (after it); join a table
    continued after a page break; keep the caption's lines out of the text."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, Text) and block.kind == "paragraph" and CAPTION.match(block.text):
            m = CAPTION.match(block.text)
            assert m is not None
            judul = m["judul"].strip()
            j = i + 1
            title_lines: list[str] = []
            while j < len(blocks) and j <= i + 3:
                nxt = blocks[j]
                if isinstance(nxt, Table):
                    break
                if (
                    isinstance(nxt, Text)
                    and nxt.kind == "paragraph"
                    and len(nxt.text) < 140
                    and not nxt.text.endswith((".", ":"))
                ):
                    title_lines.append(nxt.text)
                    j += 1
                    continue
                break
            if j < len(blocks) and isinstance(blocks[j], Table) and not _mentions(block.text):
                table = blocks[j]
                assert isinstance(table, Table)
                table.caption = Caption(
                    block.line, m["label"], m["nomor"], " ".join([judul, *title_lines]).strip()
                )
                out.append(table)
                i = j + 1
                continue
        if isinstance(block, Table):
            prev = out[-1] if out else None
            if isinstance(prev, Table) and _continues(prev, block, source):
                header = len(_header_rows(prev))
                prev.rows.extend(block.rows[header:])
                prev.end = block.end
                prev.parts += 1
                i += 1
                continue
            out.append(block)
            i += 1
            continue
        if (
            isinstance(block, Text)
            and block.kind == "paragraph"
            and SOURCE_LINE.match(block.text)
            and out
            and isinstance(out[-1], Table)
            and not out[-1].sumber_data
        ):
            m = SOURCE_LINE.match(block.text)
            assert m is not None
            out[-1].sumber_data = m["teks"].strip()
            out[-1].end = block.line
            i += 1
            continue
        out.append(block)
        i += 1
    return out


def _mentions(text: str) -> bool:
    """'Tabel 1.1 di atas, terlihat bahwa ...': a sentence citing a table, not a caption."""
    m = CAPTION.match(text)
    return (
        bool(
            m
            and re.match(
                r"\s*(di atas|diatas|di bawah|berikut|menunjukkan|terlihat)", m["judul"], re.I
            )
        )
        or len(text) > 250
    )


def _header_rows(table: Table) -> list[Row]:
    from lkip_build.importer.cells import is_value

    head = []
    for row in table.rows:
        if any(is_value(c) for c in row.cells if c):
            break
        head.append(row)
    return head


def _signature(rows: list[Row]) -> str:
    return "|".join(" ".join(r.filled).lower() for r in rows)


def _continues(prev: Table, block: Table, source: Source) -> bool:
    """The same header printed again right after a table, nothing but blank lines or a
    page number between: one table cut by a page break."""
    between = [source.line(n) for n in range(prev.end + 1, block.line)]
    if any(b and not PAGE_NUMBER.match(b) for b in between):
        return False
    head = _header_rows(prev)
    again = block.rows[: len(head)]
    return bool(head) and _signature(again) == _signature(head)
