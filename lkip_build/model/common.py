"""What every data file shares: where a value came from, NA, and the value types.

`Location` (file, line, field path) and `Node`, the base of every model class, which carries
it; NA as documents spell it, and `BelumDiisi`, a draft's value still to fill, which is
computed as NA; `Rentang`, a field's allowed range; the aliases `Target` (a decimal or NA)
and `Uang` (rupiah); and `Tertulis`, a figure as a document states it, which several data
files record for the audit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Location:
    """Where a value came from: file, line (1-based) and field path."""

    file: str = ""
    line: int = 0
    path: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}" if self.path else where


NOWHERE = Location()


# How documents write "not available"; each is read as NA, never an empty value.
NA_SPELLINGS = ("NA", "N/A", "n/a", "na", "-", "belum tersedia", "tidak tersedia")


@dataclass(frozen=True)
class NA:
    """A value the document gives as not available ("NA", "n/a", "-", "belum tersedia").

    `teks` keeps the spelling as written (shown to readers), `alasan` the reason. Every NA
    is equal to every other: what differs is only how it is written.
    """

    teks: str = field(default="NA", compare=False)
    alasan: str = field(default="", compare=False)

    def __repr__(self) -> str:
        return "NA"

    def __hash__(self) -> int:
        return hash("NA")


NA_VALUE = NA()


@dataclass(frozen=True)
class BelumDiisi(NA):
    """A value still to be filled, written `{belum_diisi: petunjuk}` (a draft's to-do item).

    Computed as NA (capaian not computed, left out of means, never a report's NA policy) and
    shown as "belum diisi"; `alasan` holds the petunjuk. In a final report it is an error.
    """

    teks: str = field(default="belum diisi", compare=False)

    def __repr__(self) -> str:
        return "belum diisi"


@dataclass(frozen=True)
class Rentang:
    """A field's allowed range (inclusive), checked by the loader: Annotated[int, Rentang(0, 6)]."""

    bawah: int | None = None
    atas: int | None = None


# A target or baseline: an Indonesian decimal ("44,32") or NA.
Target = Decimal | NA
# Money: whole rupiah, or a Decimal where the document prints non-zero sen ("1.234,50").
Uang = int | Decimal


@dataclass(frozen=True, kw_only=True)
class Node:
    """Base of every model object: carries its source location (not a YAML key)."""

    lokasi: Location = field(default=NOWHERE, compare=False, repr=False)


# ---------------------------------------------------------------- stated figures


@dataclass(frozen=True, kw_only=True)
class Tertulis(Node):
    """A figure as a published document states it, kept only to audit that document.

    `di` names where it is stated ("Tabel 3.22", "Bab 3.3 paragraf APBN"); the other
    keys are the figure's name and its value exactly as written ("97,32", "13.157.342.97").
    """

    di: str
    """Tempat angka itu dinyatakan di dokumen, misalnya nomor tabelnya, atau bab dan paragrafnya."""
    nilai: dict[str, str]
    """Nama angka -> nilainya persis seperti tercetak, misalnya {persen: "97,32"}."""
