"""diterima.yml: the verification notes a report publishes as they are.

A document that is already published keeps its own inconsistencies: the site shows them,
it does not correct them. Each such note is listed here by its id (the one shown on the
verification page, `cv-...`) with the reason it is published as printed. Every other
inconsistency stops `lkip check` and the build, and so does a listed note that no longer
occurs. `lkip check --terima` writes the list once, for the editor to review.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkip_build.model.common import Node


@dataclass(frozen=True, kw_only=True)
class CatatanDiterima(Node):
    id: str
    """Pengenal catatan verifikasi (cv-...), sebagaimana di halaman Catatan Verifikasi Data."""
    alasan: str
    """Mengapa catatan ini diterbitkan apa adanya, misalnya: tercetak demikian di dokumen."""
    perihal: str = ""
    """Apa yang diperiksa, dalam kata-kata (ditulis lkip check --terima; hanya untuk dibaca)."""


@dataclass(frozen=True, kw_only=True)
class Diterima(Node):
    """diterima.yml: the notes published as the document prints them."""

    catatan: list[CatatanDiterima] = field(default_factory=list)
    """Catatan verifikasi yang diterbitkan apa adanya: id dan alasan."""
