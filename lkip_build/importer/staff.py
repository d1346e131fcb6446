"""Staff compositions (komposisi pegawai) become pegawai.yml.

A table is one when its caption or headers use the words of staffing (pegawai, ASN,
pendidikan, golongan, jabatan, eselon, jenis kelamin) and every figure is a whole count
or "-". The first text column is the row label; the columns after it are counted, split
into L/P sub columns when the second header row says so. A Jumlah column and a total row
are sums: they go to `tertulis` (as printed) for the audit, never as counts. A total row
that cannot be read cell by cell ("S2 = 11") is listed and left out.
"""

from __future__ import annotations

from typing import Any

from lkip_build.importer import cells
from lkip_build.importer import vocabulary as vocab
from lkip_build.importer.common import Notes, Placed, unique
from lkip_build.importer.grid import Column, Grid
from lkip_build.importer.yamlout import V


def is_staff(grid: Grid) -> bool:
    if not vocab.STAFF.search(grid.words) or grid.find("pagu", "target", "realisasi"):
        return False
    counted = _counted(grid)
    if not counted:
        return False
    for row in grid.rows:
        if vocab.is_total(row.label, row.nomor):
            continue
        for col in counted:
            v = cells.read(row.get(col))
            if v.kind == "number" and cells.whole(v) is None:
                return False
            if v.kind == "text":
                return False
    return True


def _label(grid: Grid) -> Column:
    for c in grid.columns:
        if c.role not in ("no", "") and not cells.is_value(c.header):
            return c
    return grid.columns[0]


def _counted(grid: Grid) -> list[Column]:
    label = _label(grid)
    return [
        c
        for c in grid.columns
        if c.index > label.index and c.role != "jumlah" and (c.own or c.parent)
    ]


def build(grids: list[Grid], notes: Notes) -> tuple[dict[str, Any], list[Placed]]:
    taken: set[str] = set()
    out = []
    placed = []
    for grid in grids:
        label = _label(grid)
        counted = _counted(grid)
        total_col = grid.find("jumlah")
        ident = unique(vocab.slug(label.header or "komposisi"), taken)
        item: dict[str, Any] = {
            "id": ident,
            "judul_baris": V(
                label.header, grid.head_lines[0] if grid.head_lines else grid.table.line
            ),
        }
        sexes = [vocab.norm(c.own) for c in counted]
        if counted and all(s in vocab.SEX_COLUMNS for s in sexes) and len(counted) % 2 == 0:
            item["kolom"] = [c.parent for c in counted[::2]]
            item["sub_kolom"] = [c.own for c in counted[:2]]
        else:
            item["kolom"] = [c.header for c in counted]
        rows = []
        for row in grid.rows:
            if vocab.is_total(row.label, row.nomor):
                shown = [row.get(c) for c in counted]
                readable = all(cells.read(s).kind in ("number", "dash", "empty") for s in shown)
                if readable and any(shown):
                    item["tertulis_total"] = V(shown, row.line)
                    if total_col is not None and row.get(total_col):
                        item["tertulis_jumlah"] = V(row.get(total_col), row.line)
                else:
                    notes.unmapped.append(
                        f"baris {row.line}: baris jumlah {row.label!r} tidak terbaca per kolom, "
                        "tidak diimpor (jumlahnya dihitung dari baris)"
                    )
                continue
            values: list[Any] = []
            for c in counted:
                v = cells.read(row.get(c))
                if v.kind == "number" and cells.whole(v) is not None:
                    values.append(cells.whole(v))
                elif v.kind == "dash":
                    values.append("-")
                else:
                    values.append(notes.pend(f"{row.label}, {c.header}", row.line, v.printed))
            entry: dict[str, Any] = {"label": V(row.label, row.line), "nilai": values}
            if total_col is not None and row.get(total_col):
                entry["tertulis"] = {"jumlah": row.get(total_col)}
            rows.append(entry)
        item["baris"] = rows
        out.append(item)
        placed.append(Placed(grid, "komposisi", [ident], ""))
    return {"komposisi": out}, placed
