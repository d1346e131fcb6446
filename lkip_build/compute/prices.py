"""Price monitoring: each good's change and the group's mean change."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkip_build import model as m
from lkip_build.compute.common import mean, persen
from lkip_build.model import NA
from lkip_build.problems import Collector


@dataclass(frozen=True)
class BarangResult:
    barang: m.Barang
    selisih: int | Decimal | None  # exact sen where a price has them; None: still to fill
    persen: Decimal | None


@dataclass(frozen=True)
class HargaResult:
    kelompok: m.KelompokHarga
    barang: list[BarangResult]
    rata_rata: Decimal | None  # None: a price is still to fill (never a partial mean)


def compute_harga(k: m.KelompokHarga, problems: Collector) -> HargaResult | None:
    items = []
    for b in k.barang:
        if b.harga_lalu <= 0:
            problems.add("price-zero", b.lokasi, f"harga {k.tahun_lalu} harus lebih dari 0")
        if isinstance(b.harga_kini, NA):
            items.append(BarangResult(b, None, None))
            continue
        change = b.harga_kini - b.harga_lalu
        items.append(BarangResult(b, change, persen(change, b.harga_lalu)))
    if not items:
        problems.add("empty-group", k.lokasi, f"kelompok harga {k.id!r} tidak berisi barang")
        return None
    if any(i.selisih is None for i in items):
        return HargaResult(k, items, None)
    values = [i.persen for i in items if i.persen is not None]
    return HargaResult(k, items, mean(values) if values else None)
