"""Lists and prices: rows of a daftar, price changes with their mean."""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from lkip_build import model as m
from lkip_build.compute import Computed
from lkip_build.model import NA
from lkip_build.present.table import Cell, Table
from lkip_build.present.tables.cells import _one, n, pct, rp


def daftar(t: m.Tabel, h: Computed) -> Table:
    d = _one(t, h.daftar, "daftar.yml")
    cols = [(k.kunci, k.judul, k.jenis == "angka") for k in d.daftar.kolom]
    cols += [(k.kunci, k.judul, True) for k in d.daftar.kolom_jumlah]
    header = ["No", *[c[1] for c in cols]]
    rows: list[list[str | list[str]]] = []
    for i, row in enumerate(d.baris):
        cells: list[str | list[str]] = []
        for key, _, numeric in cols:
            v = row.get(key, "")
            if numeric:
                # cast: compute_daftar makes every numeric and kolom_jumlah cell an int
                cells.append(n(cast(int, v)))
            elif isinstance(v, list):
                cells.append([str(x) for x in v])
            else:
                cells.append(str(v) if v != "" else "-")
        rows.append([f"{i + 1}.", *cells])
    if not d.baris and h.report.laporan.status == "draf":  # rows still to fill (`baris: []`)
        rows.append(["", "belum diisi", *([""] * (len(cols) - 1))])
    strong: frozenset[int] = frozenset()
    if d.daftar.baris_jumlah:
        total: list[str | list[str]] = [
            "",
            *[(n(d.jumlah[k]) if num else "") for k, _, num in cols],
        ]
        total[1] = total[1] or "Total"
        rows.append(total)
        strong = frozenset({len(rows) - 1})
    align = "l" + "".join("r" if c[2] else "l" for c in cols)
    figures = tuple(c for c, a in enumerate(align) if a == "r")  # the counts and their sums
    return Table(header, rows, align, strong, ringkasan=strong, key_figures=figures)


def harga(t: m.Tabel, h: Computed) -> Table:
    g = _one(t, h.harga, "harga.yml")
    k = g.kelompok
    header = [
        "No",
        k.nama,
        "Satuan",
        f"Tahun {k.tahun_lalu} (Rp)",
        f"Tahun {k.tahun_kini} (Rp)",
        "Selisih Harga (Rp)",
        "Persentase (%)",
    ]
    rows: list[list[str | list[str]]] = []
    for i, b in enumerate(g.barang):
        rows.append(
            [
                str(i + 1),
                b.barang.nama,
                b.barang.satuan,
                rp(b.barang.harga_lalu),
                _price(b.barang.harga_kini),
                _change(b.selisih),
                pct(b.persen),
            ]
        )
    rows.append(["", "Rata-rata", "", "", "", "", pct(g.rata_rata)])
    mean = frozenset({len(rows) - 1})
    return Table(header, rows, "lllrrrr", mean, ringkasan=mean, key_figures=(3, 4, 5, 6))


def _change(selisih: int | Decimal | None) -> Cell:
    """A price change: '-' for none, "belum diisi" while this year's price is to fill."""
    if selisih is None:
        return Cell("belum diisi", None, "uang")
    return rp(selisih) if selisih else Cell("-", None, "uang")


def _price(v: int | Decimal | NA) -> Cell:
    return Cell(v.teks, None, "uang") if isinstance(v, NA) else rp(v)
