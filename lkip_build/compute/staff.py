"""Staff cross tables: row, column, group and grand totals."""

from __future__ import annotations

from dataclasses import dataclass

from .. import model as m
from ..problems import Collector


@dataclass(frozen=True)
class KomposisiResult:
    komposisi: m.Komposisi
    jumlah_baris: list[int]
    jumlah_kolom: list[int]  # per value column (unit x sub column)
    total: int
    kelompok: dict[str, int]

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
    rows = [list(r.nilai) + [0] * (width - len(r.nilai)) for r in k.baris]
    rows = [r[:width] for r in rows]
    kelompok: dict[str, int] = {}
    for r, values in zip(k.baris, rows, strict=True):
        if r.kelompok:
            kelompok[r.kelompok] = kelompok.get(r.kelompok, 0) + sum(values)
    return KomposisiResult(
        komposisi=k,
        jumlah_baris=[sum(r) for r in rows],
        jumlah_kolom=[sum(r[c] for r in rows) for c in range(width)],
        total=sum(sum(r) for r in rows),
        kelompok=kelompok,
    )
