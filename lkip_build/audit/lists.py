"""Lists: stated counts and column totals against the rows."""

from __future__ import annotations

from typing import cast

from .recorder import Auditor


def lists(a: Auditor) -> None:
    for d in a.h.daftar.values():
        table = a.table_of("daftar", d.daftar.id)
        for key, text in d.daftar.tertulis.items():
            field = f"{d.daftar.id}.{key}"
            if key in ("nomor_terakhir", "jumlah"):
                a.number(
                    d.daftar.lokasi,
                    table,
                    field,
                    text,
                    d.banyak,
                    integer=True,
                    what="banyak baris",
                )
            elif key.startswith("jumlah."):
                col = key.split(".", 1)[1]
                a.number(
                    d.daftar.lokasi,
                    table,
                    field,
                    text,
                    d.jumlah.get(col),
                    integer=True,
                    what=f"jumlah {col}",
                )
            elif key.startswith("total."):
                i = int(key.split(".", 1)[1]) - 1
                totals = [k.kunci for k in d.daftar.kolom_jumlah]
                value = d.baris[i].get(totals[0]) if totals and 0 <= i < len(d.baris) else None
                a.number(
                    d.daftar.lokasi,
                    table,
                    field,
                    text,
                    cast(int | None, value),  # compute_daftar makes kolom_jumlah cells ints
                    integer=True,
                    what=f"total baris {i + 1}",
                )
