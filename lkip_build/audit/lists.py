"""Lists: stated counts and column totals against the rows."""

from __future__ import annotations

from typing import cast

from lkip_build.audit.recorder import Auditor


def lists(a: Auditor) -> None:
    for d in a.h.daftar.values():
        table = a.table_of("daftar", d.daftar.id)
        name = f"daftar “{a.title_of('daftar', d.daftar.id)}”"
        columns = {c.kunci: c.judul for c in d.daftar.kolom}
        columns.update({c.kunci: c.judul for c in d.daftar.kolom_jumlah})
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
                    perihal=f"Banyaknya baris {name}",
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
                    perihal=f"Jumlah kolom “{columns.get(col, col)}” {name}",
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
                    perihal=f"Total baris ke-{i + 1} {name}",
                )
