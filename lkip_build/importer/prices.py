"""Price tables (harga of two years per item) become harga.yml.

A table is one when its caption or headers say "harga" and two of its columns are headed
by years: the earlier year's price is `harga_lalu`, the later's `harga_kini`, both inputs
in whole rupiah; the printed difference and percentage go to `tertulis`. A mean row is
the group's stated mean (`tertulis.rata_rata`).
"""

from __future__ import annotations

import re
from typing import Any

from lkip_build.importer import cells
from lkip_build.importer import vocabulary as vocab
from lkip_build.importer.common import Notes, Placed, number_input, unique
from lkip_build.importer.grid import Column, Grid
from lkip_build.importer.yamlout import V

YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _years(grid: Grid) -> list[tuple[int, Column]]:
    found = []
    for c in grid.columns:
        m = YEAR.search(c.header)
        if m and c.role in ("lain", "") and not re.search(r"selisih|persen|%", c.header, re.I):
            found.append((int(m.group(1)), c))
    return sorted(found, key=lambda x: x[0])


def is_price(grid: Grid) -> bool:
    return bool(vocab.PRICE.search(grid.words)) and len(_years(grid)) == 2 and not grid.find("pagu")


def build(grids: list[Grid], notes: Notes) -> tuple[dict[str, Any], list[Placed]]:
    taken: set[str] = set()
    groups, placed = [], []
    for grid in grids:
        (lalu, col_lalu), (kini, col_kini) = _years(grid)
        label = grid.find("label") or grid.find("indikator")
        title = grid.table.caption.judul if grid.table.caption else (label.header if label else "")
        ident = unique(vocab.slug(label.header if label else title or "harga"), taken)
        group: dict[str, Any] = {
            "id": ident,
            "nama": V(label.header if label else title, grid.table.line),
            "tahun_lalu": lalu,
            "tahun_kini": kini,
        }
        items = []
        stated: dict[str, str] = {}
        for row in grid.rows:
            if vocab.MEAN_ROW.match(row.label) or vocab.is_total(row.label, row.nomor):
                shown = row.get(grid.find("persen"))
                if shown:
                    stated["rata_rata"] = shown
                continue
            item: dict[str, Any] = {"nama": V(row.label, row.line)}
            satuan = row.get(grid.find("satuan"))
            item["satuan"] = (
                V(satuan, row.line) if satuan else notes.pend(f"satuan {row.label}", row.line)
            )
            for key, col, year in (("harga_lalu", col_lalu, lalu), ("harga_kini", col_kini, kini)):
                text = row.get(col)
                what = f"harga {year} {row.label}"
                if cells.read(text).kind in ("na", "dash"):  # a price is never NA: to fill
                    item[key] = notes.pend(f"{what}: tidak tercetak", row.line, text)
                else:
                    item[key] = number_input(text, row.line, what, notes, money=True)
            printed = {
                k: row.get(grid.find(k)) for k in ("selisih", "persen") if row.get(grid.find(k))
            }
            if printed:
                item["tertulis"] = printed
            items.append(item)
        group["barang"] = items
        if stated:
            group["tertulis"] = stated
        groups.append(group)
        placed.append(Placed(grid, "harga", [ident], ""))
    return {"kelompok": groups}, placed
