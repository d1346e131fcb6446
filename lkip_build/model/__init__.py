"""The data model of a report: frozen dataclasses whose field names are the YAML keys.

Only inputs live here. Every derived figure (capaian, totals, means, absorption,
terbilang) is computed in `compute`; what a published document *states* about a
derived figure is recorded in `tertulis` fields and only read by the audit.

One module per data file (`laporan`, `pegawai`, `renstra`, `perjanjian`, `indikator`,
`harga`, `daftar`, `anggaran`, `tabel`, `diterima`), beside `common` (what they all use:
Location, NA, the value types, the base class `Node`, `Tertulis`). This package
re-exports every name of them: code imports the model from here (`from lkip_build import
model as m`), not from the module that defines a class. (`numbers`, Indonesian numbers,
is a module of its own.)

The loader and the schema resolve each class's type hints in the module that defines it
(`typing.get_type_hints(cls)`), so every module imports each name its annotations use.

The string under each field is its Indonesian description, written once: the JSON Schema
that editors read (`python -m lkip_build.tools.schema`) shows it on hover and in completion;
the schema reads it from the source of the module that defines the class.
"""

from __future__ import annotations

from lkip_build.model.anggaran import Anggaran, PosAnggaran, SumberDana, VersiPagu
from lkip_build.model.common import (
    NA,
    NA_SPELLINGS,
    NA_VALUE,
    NOWHERE,
    BelumDiisi,
    Location,
    Node,
    Rentang,
    Target,
    Tertulis,
    Uang,
)
from lkip_build.model.daftar import Daftar, Kolom, KolomJumlah, KumpulanDaftar
from lkip_build.model.diterima import CatatanDiterima, Diterima
from lkip_build.model.harga import Barang, Harga, KelompokHarga
from lkip_build.model.indikator import (
    Aturan,
    Indikator,
    Kinerja,
    Langkah,
    Masukan,
    Rumus,
    RumusTertulis,
)
from lkip_build.model.laporan import Halaman, Kategori, Kebijakan, Laporan, Penandatangan
from lkip_build.model.pegawai import BarisKomposisi, Komposisi, Pegawai
from lkip_build.model.perjanjian import (
    IndikatorPK,
    IndikatorProgram,
    KegiatanRencana,
    PerjanjianKinerja,
    ProgramRencana,
    SasaranPK,
    SasaranProgram,
    SubKegiatanRencana,
)
from lkip_build.model.renstra import (
    IndikatorRencana,
    MisiStrategi,
    Renstra,
    SasaranRenstra,
    SasaranStrategi,
    Strategi,
    TujuanRenstra,
    TujuanStrategi,
    Urusan,
)
from lkip_build.model.tabel import DaftarTabel, Tabel
from lkip_build.model.turunan import KumpulanTurunan, Turunan

__all__ = [
    "NA",
    "NA_SPELLINGS",
    "NA_VALUE",
    "NOWHERE",
    "Anggaran",
    "Aturan",
    "Barang",
    "BarisKomposisi",
    "BelumDiisi",
    "CatatanDiterima",
    "Daftar",
    "DaftarTabel",
    "Diterima",
    "Halaman",
    "Harga",
    "Indikator",
    "IndikatorPK",
    "IndikatorProgram",
    "IndikatorRencana",
    "Kategori",
    "Kebijakan",
    "KegiatanRencana",
    "KelompokHarga",
    "Kinerja",
    "Kolom",
    "KolomJumlah",
    "Komposisi",
    "KumpulanDaftar",
    "KumpulanTurunan",
    "Langkah",
    "Laporan",
    "Location",
    "Masukan",
    "MisiStrategi",
    "Node",
    "Pegawai",
    "Penandatangan",
    "PerjanjianKinerja",
    "PosAnggaran",
    "ProgramRencana",
    "Renstra",
    "Rentang",
    "Rumus",
    "RumusTertulis",
    "SasaranPK",
    "SasaranProgram",
    "SasaranRenstra",
    "SasaranStrategi",
    "Strategi",
    "SubKegiatanRencana",
    "SumberDana",
    "Tabel",
    "Target",
    "Tertulis",
    "TujuanRenstra",
    "TujuanStrategi",
    "Turunan",
    "Uang",
    "Urusan",
    "VersiPagu",
]
