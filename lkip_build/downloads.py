"""Downloads: every table as CSV and XLSX, and one JSON bundle of a report's data.

Cells keep the values the page shows, as numbers: 13.519.650.516 becomes 13519650516 and
88,64 % becomes 88.64 (the column header says it is a percentage). CSV is for machines:
UTF-8 with a byte-order mark (so spreadsheet programs read the Indonesian text right),
commas between fields, a dot as decimal point, no thousands separators. Every file is
byte-identical across builds of the same data.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

from .table import Cell, Table

FIXED_TIME = dt.datetime(2000, 1, 1)  # workbook metadata: no build time in the file

Value = str | int | Decimal | None


def value_of(cell: str | list[str]) -> Value:
    """A cell's value for machines: the figure a typed cell carries (None when empty or NA),
    the text of a text cell. Nothing is parsed back from displayed text."""
    if isinstance(cell, Cell):
        if cell.value is None and cell.strip() not in ("", "-"):
            return str(cell)  # NA as printed ("NA", "n/a"): meaningful, not an empty cell
        return cell.value
    if isinstance(cell, list):
        return "; ".join(cell)
    return cell


def rows_of(table: Table) -> list[list[Value]]:
    return [[value_of(c) for c in row] for row in table.rows]


def as_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.header)
    for row in rows_of(table):
        writer.writerow(
            ["" if v is None else (format(v, "f") if isinstance(v, Decimal) else v) for v in row]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(table: Table) -> bytes:
    buffer = io.BytesIO()
    import xlsxwriter  # imported late: `lkip check` writes no file

    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    book.set_properties({"created": FIXED_TIME, "title": _title(table)})
    sheet = book.add_worksheet("Tabel")
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    whole = book.add_format({"num_format": "#,##0", "valign": "top"})
    decimal2 = book.add_format({"num_format": "#,##0.00", "valign": "top"})
    sheet.write(0, 0, _title(table), bold)
    for c, head in enumerate(table.header):
        sheet.write_string(2, c, head, bold)
    for r, row in enumerate(rows_of(table), start=3):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue  # an empty cell, not an empty string
            if isinstance(value, int):
                sheet.write_number(r, c, value, whole)
            elif isinstance(value, Decimal):
                sheet.write_number(r, c, float(value), decimal2)
            else:
                sheet.write_string(r, c, value, wrap)
    for c, head in enumerate(table.header):
        sheet.set_column(c, c, 14 if table.align[c] == "r" else max(8, min(48, len(head) + 4)))
    if table.sumber_data:
        sheet.write_string(len(table.rows) + 4, 0, f"Sumber Data: {table.sumber_data}")
    book.close()
    return buffer.getvalue()


def _title(table: Table) -> str:
    return table.title


def files_for(table: Table) -> dict[str, bytes]:
    """Download files of one table, by path under the report's folder."""
    return {
        f"unduh/{table.anchor}.csv": as_csv(table),
        f"unduh/{table.anchor}.xlsx": as_xlsx(table),
    }


def links(table: Table) -> str:
    """The Markdown line under a table (links relative to the page's source)."""
    return (
        f'<p class="lkip-unduh" markdown="span" data-search-exclude>Unduh tabel ini: '
        f"[CSV](unduh/{table.anchor}.csv) · [XLSX](unduh/{table.anchor}.xlsx)</p>"
    )


def _json_value(v: object) -> object:
    if isinstance(v, Decimal):
        return float(v) if v != v.to_integral_value() else int(v)
    return v


def bundle(
    report_id: str,
    meta: dict[str, object],
    sources: dict[str, str],
    tables: list[Table],
    values: dict[str, tuple[object, str, str]],
    findings: list[dict[str, object]],
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
                "kolom": t.header,
                "baris": [[_json_value(v) for v in row] for row in rows_of(t)],
            }
            for t in tables
        ],
        "nilai": {
            k: {"nilai": _json_value(v), "jenis": kind, "tampil": shown}
            for k, (v, kind, shown) in values.items()
        },
        "temuan": findings,
    }
    return (
        json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"
    ).encode("utf-8")


def read_sources(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yml"))}
