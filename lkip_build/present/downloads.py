"""Downloads: every table as CSV and XLSX, and one JSON bundle of a report's data.

Cells keep the values the page shows, as numbers: 13.519.650.516 becomes 13519650516 and
88,64 % becomes 88.64 (the column header says it is a percentage; the value is the one
shown, exactly: a Decimal, never a float on the way). CSV is for machines: UTF-8 with a
byte-order mark (so spreadsheet programs read the Indonesian text right), commas between
fields, a dot as decimal point, no thousands separators. What the page shows by layout or
marks has its own column: a budget line's level ("Tingkat": program, kegiatan, sub
kegiatan) instead of indentation, a note mark ("*": a policy decided the figure) in
"<kolom> (tanda)", and the verification notes a row's figures have in "Catatan verifikasi"
(their ids). Every file is
byte-identical across builds of the same data.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from lkip_build import cache
from lkip_build.present.table import Cell, Table
from lkip_build.present.tables.budget import INDENT

FIXED_TIME = dt.datetime(2000, 1, 1)  # workbook metadata: no build time in the file

Value = str | int | Decimal | None


def value_of(cell: str | list[str]) -> Value:
    """A cell's value for machines: the figure a typed cell carries (None when empty or NA),
    the text of a text cell. Nothing is parsed back from displayed text."""
    if isinstance(cell, Cell):
        text = str(cell).removesuffix(cell.tanda)  # the mark has its own column
        if cell.value is None and text.strip() not in ("", "-"):
            return text  # NA as printed ("NA", "n/a"): meaningful, not an empty cell
        return cell.value
    if isinstance(cell, list):
        return "; ".join(cell)
    return cell.lstrip(INDENT)  # the level has its own column


LEVEL = "Tingkat"
FINDINGS = "Catatan verifikasi"


def columns(
    table: Table, marks: Mapping[str, str] | None = None
) -> tuple[list[str], list[list[Value]]]:
    """The header and rows for machines: the values, and beside them what the page shows by
    layout or marks (level, note marks, findings: see the module docstring)."""
    header: list[str] = []
    cols: list[list[Value]] = []
    for c, head in enumerate(table.header):
        header.append(head)
        cols.append([value_of(row[c]) for row in table.rows])
        marked = [_tanda(row[c]) for row in table.rows]
        if any(marked):
            header.append(f"{head} (tanda)")
            cols.append([m or None for m in marked])
        if c == 0 and table.tingkat:  # after the number, before the name
            header.append(LEVEL)
            cols.append(list(table.tingkat))
    found = [_findings(row, marks or {}) for row in table.rows]
    if any(found):
        header.append(FINDINGS)
        cols.append([f or None for f in found])
    return header, [list(r) for r in zip(*cols, strict=True)] if cols else []


def _tanda(cell: str | list[str]) -> str:
    return cell.tanda if isinstance(cell, Cell) else ""


def _findings(row: list[str | list[str]], marks: Mapping[str, str]) -> str:
    """The findings (their anchors on the verification page) the row's figures have."""
    out = []
    for c in row:
        if isinstance(c, Cell) and c.fakta in marks:
            anchor = marks[c.fakta].rsplit("#", 1)[-1]
            if anchor not in out:
                out.append(anchor)
    return "; ".join(out)


def rows_of(table: Table) -> list[list[Value]]:
    return columns(table)[1]


def as_csv(table: Table, marks: Mapping[str, str] | None = None) -> bytes:
    header, rows = columns(table, marks)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            ["" if v is None else (format(v, "f") if isinstance(v, Decimal) else v) for v in row]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(table: Table, marks: Mapping[str, str] | None = None) -> bytes:
    """The table as a workbook with real number cells; cached by content (zipping it is
    most of a live-preview rebuild's download cost), so the bytes are the same either way."""
    header, rows = columns(table, marks)
    import xlsxwriter  # imported late: `lkip check` writes no file

    numeric = sorted(h for h, a in zip(table.header, table.align, strict=True) if a == "r")
    inputs = repr((header, rows, _title(table), numeric, table.sumber_data, len(table.rows)))
    parts = [inputs, xlsxwriter.__version__, _WRITER_CODE]
    return cache.cached("xlsx", parts, lambda: _xlsx(table, header, rows))


_WRITER_CODE = Path(__file__).read_bytes()  # a change to this writer is a new cache key


def _xlsx(table: Table, header: list[str], rows: list[list[Value]]) -> bytes:
    buffer = io.BytesIO()
    import xlsxwriter

    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    book.set_properties({"created": FIXED_TIME, "title": _title(table)})
    sheet = book.add_worksheet("Tabel")
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    whole = book.add_format({"num_format": "#,##0", "valign": "top"})
    decimal2 = book.add_format({"num_format": "#,##0.00", "valign": "top"})
    sheet.write(0, 0, _title(table), bold)
    for c, head in enumerate(header):
        sheet.write_string(2, c, head, bold)
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue  # an empty cell, not an empty string
            if isinstance(value, int):
                sheet.write_number(r, c, value, whole)
            elif isinstance(value, Decimal):  # a spreadsheet number is a float: 2 decimals fit
                sheet.write_number(r, c, float(value), decimal2)
            else:
                sheet.write_string(r, c, value, wrap)
    numeric = {h for h, a in zip(table.header, table.align, strict=True) if a == "r"}
    for c, head in enumerate(header):
        sheet.set_column(c, c, 14 if head in numeric else max(8, min(48, len(head) + 4)))
    if table.sumber_data:
        sheet.write_string(len(table.rows) + 4, 0, f"Sumber Data: {table.sumber_data}")
    book.close()
    return buffer.getvalue()


def _title(table: Table) -> str:
    return table.title


def files_for(table: Table, marks: Mapping[str, str] | None = None) -> dict[str, bytes]:
    """Download files of one table, by path under the report's folder; `marks` (named
    figure -> link to its note) fill the "Catatan verifikasi" column."""
    return {
        f"unduh/{table.anchor}.csv": as_csv(table, marks),
        f"unduh/{table.anchor}.xlsx": as_xlsx(table, marks),
    }


def links(table: Table) -> str:
    """The Markdown line under a table (links relative to the page's source)."""
    return (
        f'<p class="lkip-unduh" markdown="span" data-search-exclude>Unduh tabel ini: '
        f"[lembar kerja Excel (XLSX)](unduh/{table.anchor}.xlsx) · "
        f"[teks berpisah koma (CSV)](unduh/{table.anchor}.csv)</p>"
    )


def _json_value(v: object) -> object:
    if isinstance(v, Decimal) and v == v.to_integral_value():
        return int(v)
    return v


def exact_json(data: object, indent: int = 1) -> str:
    """JSON with every Decimal written as its exact number (98.82, never 98.8199999; an
    amount of 18 digits keeps every digit, which a float would not), keys sorted: the same
    data gives the same bytes."""
    plain = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    token = "\x00angka"
    while json.dumps(token)[1:-1] in plain:  # a token no text of the data holds
        token += "\x00"

    def mark(v: object) -> object:
        if isinstance(v, Decimal):
            return f"{token}:{format(v, 'f')}"
        if isinstance(v, dict):
            return {k: mark(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [mark(x) for x in v]
        return v

    text = json.dumps(mark(data), ensure_ascii=False, indent=indent, sort_keys=True, default=str)
    quoted = re.escape(json.dumps(token)[:-1])  # '"\u0000angka', its closing quote off
    return re.sub(quoted + r':(-?[0-9.]+)"', r"\1", text) + "\n"


def bundle(
    report_id: str,
    meta: dict[str, object],
    sources: dict[str, str],
    tables: list[Table],
    values: dict[str, tuple[object, str, str]],
    findings: list[dict[str, object]],
    marks: Mapping[str, str] | None = None,
) -> bytes:
    """One JSON file with the source YAML, every computed table, the named figures and the
    audit's findings."""
    data = {
        "laporan": report_id,
        "identitas": meta,
        "sumber_yaml": sources,
        "tabel": [
            {
                "nomor": t.nomor,
                "judul": t.judul,
                "id": t.anchor,
                "kolom": columns(t, marks)[0],
                "baris": [[_json_value(v) for v in row] for row in columns(t, marks)[1]],
                "catatan": list(t.catatan),
            }
            for t in tables
        ],
        "nilai": {
            k: {"nilai": _json_value(v), "jenis": kind, "tampil": shown}
            for k, (v, kind, shown) in values.items()
        },
        "catatan_verifikasi": findings,
    }
    return exact_json(data).encode("utf-8")


def read_sources(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yml"))}
