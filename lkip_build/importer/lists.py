"""Every other table becomes a list (daftar.yml): its columns as printed, its rows as text.

Nothing a table holds is dropped: a table no other kind recognises is kept whole as a
list, every cell as printed (the "No" column is the list's own numbering and is left to
the site), so its words stay searchable and an editor can later give it a richer kind.
"""

from __future__ import annotations

from typing import Any

from lkip_build.importer import vocabulary as vocab
from lkip_build.importer.common import Placed, unique
from lkip_build.importer.grid import Grid
from lkip_build.importer.yamlout import V


def build(grids: list[Grid], taken: set[str]) -> tuple[dict[str, Any], list[Placed]]:
    lists, placed = [], []
    for grid in grids:
        cap = grid.table.caption
        title = cap.judul if cap and cap.judul else ""
        first = next((c for c in grid.columns if c.role != "no" and c.header), None)
        ident = unique(vocab.slug(title or (first.header if first else "daftar")), taken)
        keys: set[str] = set()
        cols = []
        for c in grid.columns:
            if c.role == "no":
                continue
            if not c.header and not any(r.cells.get(c.index) for r in grid.rows):
                continue
            kunci = unique(
                vocab.slug(c.header or f"kolom {c.index + 1}", 24).replace("-", "_"), keys
            )
            cols.append((c, kunci))
        rows = []
        for row in grid.rows:
            values = {k: row.cells.get(c.index, "") for c, k in cols}
            if row.nomor and cols and not values[cols[0][1]]:
                values[cols[0][1]] = row.nomor
            if any(values.values()):
                rows.append(
                    {k: V(v, row.line) if n == 0 else v for n, (k, v) in enumerate(values.items())}
                )
        lists.append(
            {
                "id": ident,
                "kolom": [{"kunci": k, "judul": c.header or k, "jenis": "teks"} for c, k in cols],
                "baris": rows,
            }
        )
        placed.append(Placed(grid, "daftar", [ident], ""))
    return {"daftar": lists}, placed
