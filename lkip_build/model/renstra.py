"""renstra.yml: the plans of Bab II (tujuan, sasaran and their indicators with yearly
targets; misi, strategi and arah kebijakan; the IKU of each urusan).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkip_build.model.common import Node, Target


@dataclass(frozen=True, kw_only=True)
class IndikatorRencana(Node):
    """An indicator with yearly targets (Renstra, RPJMD, IKU tables)."""

    id: str = ""
    """Pengenal indikator rencana (boleh kosong)."""
    nama: str
    """Nama indikator sebagaimana tercetak."""
    satuan: str = ""
    """Satuan, misalnya %."""
    kondisi_awal: Target | None = None
    """Kondisi awal: angka dengan koma desimal, atau NA."""
    target: dict[int, Target] = field(default_factory=dict)
    """Target per tahun: tahun -> nilai, misalnya {2021: "44,32"}."""
    kondisi_akhir: Target | None = None
    """Kondisi akhir periode: angka atau NA."""
    rumus: str = ""
    """Rumus indikator sebagai teks."""
    sub: list[IndikatorRencana] = field(default_factory=list)
    """Sub indikator."""
    indikator_kinerja: str = ""  # id of the measured indicator in indikator.yml
    """id indikator di indikator.yml bila indikator ini diukur capaiannya."""


@dataclass(frozen=True, kw_only=True)
class SasaranRenstra(Node):
    sasaran: str
    """Sasaran Renstra."""
    indikator: list[IndikatorRencana] = field(default_factory=list)
    """Indikator sasaran ini."""


@dataclass(frozen=True, kw_only=True)
class TujuanRenstra(Node):
    tujuan: str
    """Tujuan Renstra."""
    sasaran: list[SasaranRenstra]
    """Sasaran tujuan ini."""


@dataclass(frozen=True, kw_only=True)
class Strategi(Node):
    strategi: str
    """Strategi."""
    arah_kebijakan: list[str] = field(default_factory=list)
    """Arah kebijakan strategi ini."""


@dataclass(frozen=True, kw_only=True)
class SasaranStrategi(Node):
    sasaran: str
    """Sasaran."""
    strategi: list[Strategi]
    """Strategi untuk sasaran ini."""


@dataclass(frozen=True, kw_only=True)
class TujuanStrategi(Node):
    tujuan: str
    """Tujuan."""
    sasaran: list[SasaranStrategi]
    """Sasaran tujuan ini."""


@dataclass(frozen=True, kw_only=True)
class MisiStrategi(Node):
    misi: str
    """Misi."""
    tujuan: list[TujuanStrategi]
    """Tujuan misi ini."""


@dataclass(frozen=True, kw_only=True)
class Urusan(Node):
    """IKU of one urusan (Tabel 2.4 perindustrian, 2.5 perdagangan)."""

    id: str
    """Pengenal urusan (dipakai di tabel.yml)."""
    nama: str
    """Nama urusan, sebagaimana tercetak."""
    tahun_kondisi_awal: int
    """Tahun kondisi awal IKU."""
    indikator: list[IndikatorRencana]
    """IKU urusan ini."""


@dataclass(frozen=True, kw_only=True)
class Renstra(Node):
    """renstra.yml."""

    periode: str
    """Periode Renstra, misalnya 2018-2023."""
    tahun_target: list[int]
    """Tahun-tahun target, misalnya [2021, 2022, 2023]."""
    tujuan: list[TujuanRenstra] = field(default_factory=list)
    """Tujuan, sasaran dan indikatornya."""
    strategi: list[MisiStrategi] = field(default_factory=list)
    """Misi, tujuan, sasaran, strategi dan arah kebijakan."""
    urusan: list[Urusan] = field(default_factory=list)
    """IKU per urusan."""
