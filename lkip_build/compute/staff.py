"""Staff cross tables: row, column, group and grand totals."""

from __future__ import annotations

from dataclasses import dataclass

from lkip_build import model as m
from lkip_build.model import NA
from lkip_build.problems import Collector

Count = int | None  # None: a value still to fill (a draft), in it or in what it sums


@dataclass(frozen=True)
class KomposisiResult:
    komposisi: m.Komposisi
    jumlah_baris: list[Count]
    jumlah_kolom: list[Count]  # per value column (unit x sub column)
    total: Count
    kelompok: dict[str, Count]

    @property
    def lebar(self) -> int:
        return len(self.komposisi.kolom) * max(1, len(self.komposisi.sub_kolom))


def compute_komposisi(k: m.Komposisi, problems: Collector) -> KomposisiResult:
    width = len(k.kolom) * max(1, len(k.sub_kolom))
    for row in k.baris:
        if len(row.nilai) != width:
            problems.add(
                "row-length",
                row.lokasi,
                f"baris {row.label!r} berisi {len(row.nilai)} nilai, seharusnya {width}",
            )
    rows: list[list[Count]] = [
        [None if isinstance(v, NA) else v for v in r.nilai] + [0] * (width - len(r.nilai))
        for r in k.baris
    ]
    rows = [r[:width] for r in rows]
    groups: dict[str, list[Count]] = {}
    for r, values in zip(k.baris, rows, strict=True):
        if r.kelompok:
            groups.setdefault(r.kelompok, []).extend(values)
    return KomposisiResult(
        komposisi=k,
        jumlah_baris=[total(r) for r in rows],
        jumlah_kolom=[total([r[c] for r in rows]) for c in range(width)],
        total=total([v for r in rows for v in r]),
        kelompok={name: total(values) for name, values in groups.items()},
    )


def total(values: list[Count]) -> Count:
    """A sum of counts, or None when any of them is still to fill: never a partial sum."""
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)
