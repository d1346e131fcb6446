"""Prices: each item's change and the group mean, with the prices' own rounding as spread."""

from __future__ import annotations

from decimal import Decimal

from lkip_build.audit.recorder import Auditor
from lkip_build.compute import HUNDRED, slug
from lkip_build.model import NA


def prices(a: Auditor) -> None:
    for g in a.h.harga.values():
        k = g.kelompok
        table = a.table_of("harga", k.id)
        half = Decimal("0.5") if k.harga_dibulatkan else Decimal(0)
        lows, highs = [], []
        for b in g.barang:
            if isinstance(b.barang.harga_kini, NA) or b.selisih is None:
                continue  # still to fill (a draft): nothing to compare
            p0, p1 = Decimal(b.barang.harga_lalu), Decimal(b.barang.harga_kini)
            lo = (p1 - half - (p0 + half)) * HUNDRED / (p0 + half)
            hi = (p1 + half - (p0 - half)) * HUNDRED / (p0 - half)
            lows.append(lo)
            highs.append(hi)
            for key, text in b.barang.tertulis.items():
                field = f"{k.id}.{slug(b.barang.nama)}.{key}"
                if key == "selisih":
                    a.number(
                        b.barang.lokasi,
                        table,
                        field,
                        text,
                        b.selisih,
                        integer=True,
                        spread=(b.selisih - 2 * half, b.selisih + 2 * half),
                        what=f"selisih {b.barang.nama}",
                        perihal=f"Selisih harga {b.barang.nama} ({k.nama})",
                    )
                elif key == "persen":
                    a.number(
                        b.barang.lokasi,
                        table,
                        field,
                        text,
                        b.persen,
                        spread=(lo, hi),
                        what=f"persentase {b.barang.nama}",
                        perihal=f"Persentase perubahan harga {b.barang.nama} ({k.nama})",
                    )
        n = Decimal(len(g.barang))
        for key, text in k.tertulis.items():
            if key == "rata_rata":
                a.number(
                    k.lokasi,
                    table,
                    f"{k.id}.rata_rata",
                    text,
                    g.rata_rata,
                    spread=(sum(lows) / n, sum(highs) / n),
                    what="rata-rata",
                    perihal=f"Rata-rata perubahan harga {k.nama}",
                )
