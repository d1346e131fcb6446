"""One agency's years: which reports are one agency's, and its indicators matched by id.

Two reports are **one agency's two years** when their laporan.yml say so: the same
`pemerintah` and the same `instansi` (compared without case and repeated spaces), the same
kind of document (`KIND`: LKIP, LAKIP, LKjIP and LKj are one performance report under four
names, Renja and RKT one annual plan) and another `tahun`. The id is not asked: it is a
folder name (`lkip new` makes the new one from last year's by the year alone, but an
editor may name a folder otherwise), and `singkatan_instansi`, `wilayah` and `tingkat`
follow from the reports compared.

Indicators are matched across years by id (`match`), never by name: an id whose name
changed is one indicator renamed (`Matched.renamed`), an id missing in a year is new or
no longer reported, and the reader is told both (`lkip diff`: tools/yearly; the agency's
page: present/tahunan).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lkip_build.model import Laporan

# one kind of document under its several names
KIND = {"LAKIP": "LKIP", "LKjIP": "LKIP", "LKj": "LKIP", "RKT": "Renja"}


def norm(text: str) -> str:
    """A name as two years compare it: without case and repeated spaces."""
    return " ".join(text.split()).casefold()


def agency_of(pemerintah: str, instansi: str, jenis_dokumen: str) -> tuple[str, str, str]:
    """Who publishes which kind of document, from laporan.yml's three fields."""
    return (norm(pemerintah), norm(instansi), KIND.get(jenis_dokumen, jenis_dokumen))


def agency(lap: Laporan) -> tuple[str, str, str]:
    """Who publishes which kind of document: what two years of one agency share."""
    return agency_of(lap.pemerintah, lap.instansi, lap.jenis_dokumen)


def two_years(a: Laporan, b: Laporan) -> bool:
    """The two reports are two years of one agency (see the module's rule)."""
    return agency(a) == agency(b) and a.tahun != b.tahun


@dataclass(frozen=True)
class Matched:
    """One indicator id across the years compared: its name in each year, None where that
    year's report has no indicator of this id."""

    id: str
    names: tuple[str | None, ...]

    @property
    def nama(self) -> str:
        """The newest name it has."""
        return next(n for n in reversed(self.names) if n is not None)

    @property
    def absent(self) -> list[int]:
        """The positions of the years without it."""
        return [i for i, n in enumerate(self.names) if n is None]

    @property
    def new(self) -> bool:
        """Not in the first year: added in a later one (and in none before)."""
        return self.names[0] is None

    def renamed(self) -> list[tuple[int, int]]:
        """Each (earlier, later) pair of positions, consecutive among the years that have it,
        whose names differ (without case and repeated spaces)."""
        present = [i for i, n in enumerate(self.names) if n is not None]
        return [
            (i, j)
            for i, j in pairwise(present)
            if norm(self.names[i] or "") != norm(self.names[j] or "")
        ]


def match(years: Sequence[Mapping[str, str]]) -> list[Matched]:
    """Indicators of several years (oldest first; each: id -> name, in the report's order)
    matched by id: the oldest year's in its order, then each id a later year adds, where
    that year lists it."""
    order: list[str] = []
    seen: set[str] = set()
    for names in years:
        for iid in names:
            if iid not in seen:
                seen.add(iid)
                order.append(iid)
    return [Matched(iid, tuple(names.get(iid) for names in years)) for iid in order]
