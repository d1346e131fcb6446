"""Price monitoring: each good's change and the group's mean change."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .. import model as m
from ..problems import Collector
from .common import mean, persen


@dataclass(frozen=True)
class BarangResult:
    barang: m.Barang
    selisih: int | Decimal  # exact sen where a price has them
    persen: Decimal | None


@dataclass(frozen=True)
class HargaResult:
    kelompok: m.KelompokHarga
    barang: list[BarangResult]
    rata_rata: Decimal


def compute_harga(k: m.KelompokHarga, problems: Collector) -> HargaResult | None:
    items = []
    for b in k.barang:
        if b.harga_lalu <= 0:
            problems.add("price-zero", b.lokasi, f"harga {k.tahun_lalu} harus lebih dari 0")
        items.append(
            BarangResult(
                b, b.harga_kini - b.harga_lalu, persen(b.harga_kini - b.harga_lalu, b.harga_lalu)
            )
        )
    values = [i.persen for i in items if i.persen is not None]
    if not values:
        problems.add("empty-group", k.lokasi, f"kelompok harga {k.id!r} tidak berisi barang")
        return None
    return HargaResult(k, items, mean(values))
