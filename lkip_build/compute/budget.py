"""Budgets: a line's amounts (leaves typed, parents summed), absorption, NA realisasi."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from lkip_build import model as m
from lkip_build.compute.common import mean, persen
from lkip_build.model import NA, BelumDiisi
from lkip_build.model.numbers import format_decimal
from lkip_build.problems import Collector


@dataclass(frozen=True)
class PosResult:
    pos: m.PosAnggaran
    pagu: int | Decimal | None  # None: still to fill (a draft), here and above
    realisasi: int | Decimal | None  # None: the document prints none (NA), here and below
    anak: list[PosResult] = field(default_factory=list)
    induk: str = "rasio_jumlah"  # how a parent's percentage is made (SumberDana.persen_induk)

    @property
    def persen(self) -> Decimal | None:
        if self.realisasi is None or self.pagu is None:
            return None
        if self.anak and self.induk == "rerata_baris":
            return _mean_of([a.persen for a in self.anak])
        return persen(self.realisasi, self.pagu)

    @property
    def belum_diisi(self) -> bool:
        """A value of this line, or of a line under it, is still to fill (a draft)."""
        own = isinstance(self.pos.pagu, BelumDiisi) or isinstance(self.pos.realisasi, BelumDiisi)
        return own or any(a.belum_diisi for a in self.anak)

    @property
    def sisa(self) -> int | Decimal | None:
        if self.realisasi is None or self.pagu is None:
            return None
        return self.pagu - self.realisasi


def _sum(values: list[int | Decimal | None]) -> int | Decimal | None:
    """A total of amounts, or None when any of them is not available: never a partial sum."""
    amounts = [v for v in values if v is not None]
    if len(amounts) < len(values):
        return None
    return sum(amounts, 0)


@dataclass(frozen=True)
class SumberResult:
    sumber: m.SumberDana
    program: list[PosResult]

    @property
    def pagu(self) -> int | Decimal | None:
        return _sum([p.pagu for p in self.program])

    @property
    def realisasi(self) -> int | Decimal | None:
        return _sum([p.realisasi for p in self.program])

    @property
    def persen(self) -> Decimal | None:
        if self.realisasi is None or self.pagu is None:
            return None
        if self.sumber.persen_induk == "rerata_baris":
            return _mean_of([p.persen for p in self.program])
        return persen(self.realisasi, self.pagu)


def _mean_of(values: list[Decimal | None]) -> Decimal | None:
    """The mean of the rows' percentages (rows without one, pagu 0, are not rows of it)."""
    known = [v for v in values if v is not None]
    return mean(known) if known else None


def compute_pos(pos: m.PosAnggaran, problems: Collector, induk: str = "rasio_jumlah") -> PosResult:
    """A line's amounts: a leaf's as typed, a parent's the sums of its children. Realisasi
    may be given at the level the document prints it: on a parent whose children give none
    (NA); a missing realisasi is an error, never a silent 0."""
    for name in ("pagu", "realisasi"):
        value = getattr(pos, name)
        if isinstance(value, int | Decimal) and value < 0:
            shown = format_decimal(Decimal(value), 2, trim=True)
            problems.add("negative-amount", pos.lokasi, f"{name} tidak boleh negatif: {shown}")
    own = None if isinstance(pos.realisasi, NA) else pos.realisasi
    if pos.rincian:
        anak = [compute_pos(c, problems, induk) for c in pos.rincian]
        children = _sum([a.realisasi for a in anak])
        typed_over_children = own is not None and any(a.realisasi is not None for a in anak)
        if pos.pagu is not None or typed_over_children:
            problems.add(
                "derived-amount-typed",
                pos.lokasi,
                f"{pos.nama!r} punya rincian: pagu/realisasinya dihitung dari rincian; "
                "hapus angkanya (catat angka dokumen di `tertulis`)",
            )
        realisasi = own if own is not None and children is None else children
        return PosResult(pos, _sum([a.pagu for a in anak]), realisasi, anak, induk)
    # a leaf without pagu or realisasi was refused by validate.check_rules
    pagu = None if isinstance(pos.pagu, NA) else (pos.pagu or 0)
    return PosResult(pos, pagu, own)
