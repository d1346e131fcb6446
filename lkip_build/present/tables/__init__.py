"""The report's tables: one spec per `jenis` in tabel.yml, drawn from computed data.

A kind is one `Kind`: the renderer (definition and computed report -> `Table`) and the data
its `sumber` ids name, which the validation pass checks before anything is drawn. A new kind
of table is one renderer in the module of its domain and one line in `KINDS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lkip_build import model as m
from lkip_build.compute import Computed
from lkip_build.present.table import Table
from lkip_build.present.tables import budget, derived, indicators, lists, plans, staff
from lkip_build.present.tables.cells import TableError, dec, pct, rp

__all__ = [
    "KINDS",
    "RENDERERS",
    "Kind",
    "TableError",
    "anchors",
    "dec",
    "label",
    "pct",
    "render",
    "rp",
]


@dataclass(frozen=True)
class Kind:
    render: Callable[[m.Tabel, Computed], Table]
    sumber: str | None  # what its `sumber` ids name (see validate.Ids); None: no sumber


KINDS: dict[str, Kind] = {
    "komposisi": Kind(staff.komposisi, "komposisi"),
    "renstra-tujuan": Kind(plans.renstra_tujuan, None),
    "strategi": Kind(plans.strategi, None),
    "iku": Kind(plans.iku, "urusan"),
    "perjanjian": Kind(plans.perjanjian, None),
    "program-kegiatan": Kind(plans.program_kegiatan, None),
    "pagu-sumber": Kind(budget.pagu_sumber, "sumber dana"),
    "skala-capaian": Kind(indicators.skala_capaian, None),
    "skala-indikator": Kind(indicators.skala_indikator, "indikator"),
    "capaian": Kind(indicators.capaian, None),
    "capaian-indikator": Kind(indicators.capaian_indikator, "indikator"),
    "pertumbuhan": Kind(indicators.pertumbuhan, "indikator"),
    "daftar": Kind(lists.daftar, "daftar"),
    "harga": Kind(lists.harga, "kelompok harga"),
    "anggaran-program": Kind(budget.anggaran_program, "sumber dana"),
    "anggaran-rinci": Kind(budget.anggaran_rinci, "sumber dana"),
    "anggaran-versi": Kind(budget.anggaran_versi, "sumber dana"),
    "turunan": Kind(derived.turunan, "turunan"),
}
RENDERERS: dict[str, Callable[[m.Tabel, Computed], Table]] = {k: v.render for k, v in KINDS.items()}


def anchors(tabel: m.DaftarTabel | None) -> dict[str, str]:
    """Each table's anchor: from its number ("tabel-3-2"), or from its id when it has no
    number or shares its number with another table (a document may print one twice)."""
    items = tabel.tabel if tabel else []
    count: dict[str, int] = {}
    for t in items:
        if t.nomor:
            count[t.nomor] = count.get(t.nomor, 0) + 1
    out = {}
    for t in items:
        slug = re.sub(r"[^a-z0-9]+", "-", t.nomor.lower()).strip("-")
        unique = t.nomor and count[t.nomor] == 1 and slug
        out[t.id] = f"tabel-{slug}" if unique else f"tabel-{t.id}"
    return out


def label(t: m.Tabel) -> str:
    """ "Tabel 3.2" as the document prints it ("" for an unnumbered table)."""
    return f"{t.label} {t.nomor}".strip() if t.nomor else ""


def render(t: m.Tabel, h: Computed) -> Table:
    """The table `t` with its caption, anchor and notes; TableError when it cannot be drawn."""
    fn = RENDERERS.get(t.jenis)
    if fn is None:
        raise TableError(f"jenis tabel {t.jenis!r} tidak dikenal; pilihan: {', '.join(RENDERERS)}")
    body = _layout(t, fn(t, h))
    return Table(
        body.header,
        body.rows,
        body.align,
        body.strong,
        nomor=t.nomor,
        judul=t.judul,
        anchor=anchors(h.report.tabel).get(t.id, f"tabel-{t.id}"),
        sumber_data=t.sumber_data,
        catatan=body.catatan + tuple(t.catatan),
        label=t.label,
        ringkasan=body.ringkasan,
        tingkat=body.tingkat,
        key_figures=body.key_figures,
    )


def _layout(t: m.Tabel, body: Table) -> Table:
    """The column set and headers tabel.yml asks for, applied to any kind of table."""
    unknown = [c for c in [*t.kolom, *t.judul_kolom] if c not in body.header]
    if unknown:
        raise TableError(
            f"kolom {', '.join(map(repr, unknown))} tidak ada di tabel jenis {t.jenis!r}; "
            f"kolomnya: {', '.join(body.header)}"
        )
    keep = [body.header.index(c) for c in t.kolom] if t.kolom else list(range(len(body.header)))
    header = [t.judul_kolom.get(body.header[i], body.header[i]) for i in keep]
    rows = [[row[i] for i in keep] for row in body.rows]
    align = "".join(body.align[i] for i in keep)
    return Table(
        header,
        rows,
        align,
        body.strong,
        catatan=body.catatan,
        ringkasan=body.ringkasan,
        tingkat=body.tingkat,
        # the key figures that tabel.yml keeps, where it puts them
        key_figures=tuple(sorted(keep.index(c) for c in body.key_figures if c in keep)),
    )
