"""Bab I staff tables: a cross table of rows by units (and L/P), with its totals."""

from __future__ import annotations

from lkip_build import model as m
from lkip_build.compute import Computed, slug
from lkip_build.present.table import Table
from lkip_build.present.tables.cells import _one, n


def komposisi(t: m.Tabel, h: Computed) -> Table:
    k = _one(t, h.komposisi, "pegawai.yml")
    kom = k.komposisi
    if kom.sub_kolom:
        cols = [f"{c} {s}" for c in kom.kolom for s in kom.sub_kolom]
    else:
        cols = list(kom.kolom)
    header = ["No", kom.judul_baris, *cols, "Jumlah"]
    rows: list[list[str | list[str]]] = []
    for i, (row, row_total) in enumerate(zip(kom.baris, k.jumlah_baris, strict=True)):
        cells = [n(v) for v in row.nilai[: k.lebar]] + ["-"] * (k.lebar - len(row.nilai))
        rows.append([str(i + 1), row.label, *cells, n(row_total)])
    # the totals are named figures (facts) too: a disagreement about one marks its cell
    column_totals = [n(v) for v in k.jumlah_kolom]
    if not kom.sub_kolom:
        column_totals = [
            c.named(f"pegawai.{kom.id}.kolom.{slug(col)}")
            for c, col in zip(column_totals, kom.kolom, strict=True)
        ]
    total = n(k.total).named(f"pegawai.{kom.id}.total")
    rows.append(["", "Jumlah", *column_totals, total])
    last = frozenset({len(rows) - 1})
    # a phone shows every count beside the total while they fit (two columns), else the total
    figures = tuple(range(2, len(header))) if len(cols) <= 2 else (len(header) - 1,)
    align = "ll" + "r" * (len(cols) + 1)
    return Table(header, rows, align, last, ringkasan=last, key_figures=figures)
