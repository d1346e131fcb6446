"""Capaian tables (Indikator, Target, Realisasi, Capaian) become indikator.yml.

The table with the most rows (a captioned one first) gives the indicators: target,
tahun dasar and realisasi as inputs (`jenis: langsung`, the printed realisasi), the
printed target, realisasi and capaian in `tertulis`. A lettered row ("a.", "b.") under a
numbered one is its sub-indicator, not assessed on its own when its capaian cell is empty.
A parent whose printed realisasi is exactly the mean of its subs' (rounded as printed) is
`rerata_sub`: computed, not typed. Every other capaian table (the summary's copy, the
one-row table of each indicator's own section) adds its figures to the matching
indicator's `tertulis`, so the audit compares every copy; a row matching none is a new
indicator. A "rata-rata" row is the stated mean. A realisasi column of another year than
the report's (a Perjanjian Kinerja's "Realisasi 2020") makes no capaian table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from lkip_build.importer import cells
from lkip_build.importer import vocabulary as vocab
from lkip_build.importer.common import (
    Notes,
    Placed,
    number_input,
    places,
    similar,
    where,
)
from lkip_build.importer.grid import INLINE_NUMBER, Column, Grid, GridRow, numbering_style
from lkip_build.importer.yamlout import V
from lkip_build.model.numbers import round_half_up

YEAR = re.compile(r"\b(19|20)\d\d\b")


def is_capaian(grid: Grid, year: int | None) -> bool:
    real = grid.find("realisasi")
    if grid.find("pagu") or real is None or grid.find("target") is None:
        return False
    if _name_column(grid) is None:
        return False
    years = {int(y.group(0)) for y in YEAR.finditer(real.header)}
    return not years or year is None or years == {year}


def _name_column(grid: Grid) -> Column | None:
    return grid.find("indikator") or grid.find("label") or grid.find("sasaran")


@dataclass
class Ind:
    id: str
    nama: str
    line: int
    data: dict[str, Any]
    sub: list[Ind] = field(default_factory=list)
    printed_realisasi: str = ""


def build(
    grids: list[Grid],
    sections: dict[int, str],
    notes: Notes,
    stated_sasaran: tuple[int, str] | None = None,
) -> tuple[dict[str, Any], list[Placed]]:
    ordered = sorted(grids, key=lambda g: (g.table.caption is None, -len(g.rows)))
    primary = ordered[0]
    inds: list[Ind] = []
    stated: list[dict[str, Any]] = []
    placed: list[Placed] = []
    for grid in [primary, *[g for g in grids if g is not primary]]:
        di = where(grid, sections.get(grid.table.line, ""))
        touched: list[str] = []
        parent: Ind | None = None
        for row in grid.rows:
            if vocab.MEAN_ROW.match(row.label):
                shown = row.get(grid.find("capaian")) or _last(row)
                if shown:
                    stated.append({"di": V(di, row.line), "nilai": {"rata_rata": shown}})
                continue
            if vocab.is_total(row.label, row.nomor):
                notes.unmapped.append(
                    f"baris {row.line}: baris jumlah tabel capaian dilewati ({row.label})"
                )
                continue
            name = _name(grid, row)
            if not name:
                notes.unmapped.append(f"baris {row.line}: baris tanpa nama indikator dilewati")
                continue
            name = re.sub(r"\s*\((%|persen)\)\s*$", "", name)
            is_sub = parent is not None and numbering_style(row.nomor) == "lower"
            found = _match(inds, name)
            figures = _printed(grid, row)
            if found is not None and grid is not primary:
                found.data.setdefault("tertulis", []).append(
                    {"di": V(di, row.line), "nilai": figures}
                )
                touched.append(found.id)
                if not is_sub:
                    parent = found
                continue
            ind = _indicator(grid, row, name, di, figures, notes)
            if is_sub and parent is not None:
                ind.id = f"{parent.id}{chr(ord('a') + len(parent.sub))}"
                if grid.find("capaian") is not None and not row.get(grid.find("capaian")):
                    ind.data["dinilai"] = V("tidak", row.line, "baris tanpa capaian sendiri")
                parent.sub.append(ind)
            else:
                ind.id = f"ik-{len(inds) + 1}"
                inds.append(ind)
                parent = ind
            touched.append(ind.id)
        kind = "capaian-indikator" if len(touched) == 1 else "capaian"
        placed.append(Placed(grid, kind, touched[:1] if kind == "capaian-indikator" else [], ""))
    for ind in inds:
        _mean_of_subs(ind)
    data: dict[str, Any] = {
        "sasaran_strategis": _sasaran(grids, stated_sasaran, notes),
        "indikator": [_emit(i) for i in inds],
    }
    if stated:
        data["tertulis"] = stated
    return data, placed


def _name(grid: Grid, row: GridRow) -> str:
    """The indicator's name: its own column when the table also has a sasaran column,
    else the row's label, without an inline number ("a. Barang ...")."""
    if grid.find("sasaran") is not None and grid.find("indikator") is not None:
        text = row.get(grid.find("indikator"))
        m = INLINE_NUMBER.match(text)
        if m:
            row.nomor, text = row.nomor or m["nomor"], m["rest"]
        return text
    return row.label


def _last(row: GridRow) -> str:
    filled = [v for _, v in sorted(row.cells.items()) if v]
    return filled[-1] if filled else ""


def _printed(grid: Grid, row: GridRow) -> dict[str, str]:
    out = {}
    for role in ("target", "realisasi", "capaian"):
        shown = row.get(grid.find(role))
        if shown:
            out[role] = shown
    return out


def _match(inds: list[Ind], name: str) -> Ind | None:
    best, score = None, 0.0
    for ind in [i for top in inds for i in (top, *top.sub)]:
        s = similar(ind.nama, name)
        if s > score:
            best, score = ind, s
    return best if score >= 0.85 else None


def _confirmed(figures: dict[str, str]) -> bool:
    """A row of a flattened table whose columns are certain: its printed capaian is its
    realisasi over its target (or the reverse), rounded as printed."""
    t, r, c = (cells.read(figures.get(k, "")).exact for k in ("target", "realisasi", "capaian"))
    if t is None or r is None or c is None or not t or not r:
        return False
    shown = places(figures["capaian"])
    return c in (round_half_up(r / t * 100, shown), round_half_up(t / r * 100, shown))


def _indicator(
    grid: Grid, row: GridRow, name: str, di: str, figures: dict[str, str], notes: Notes
) -> Ind:
    data: dict[str, Any] = {}
    line = row.line
    satuan = row.get(grid.find("satuan"))
    if satuan:
        data["satuan"] = V(satuan, line)
    if grid.table.loose and not _confirmed(figures):
        # columns read from flattened text and not confirmed by the row's own capaian:
        # every figure is to fill, with what was read beside it
        for role in ("target", "realisasi"):
            shown = row.get(grid.find(role))
            hint = f"{role} {name}: teks tanpa batas kolom, terbaca {shown!r}; periksa"
            todo = notes.pend(hint, line, _source_line(row))
            data[role] = todo if role == "target" else {"jenis": "langsung", "a": todo}
        return Ind("", name, line, data)
    base = grid.find("tahun_dasar")
    if base is not None and row.get(base):
        data["tahun_dasar"] = number_input(row.get(base), line, f"tahun dasar {name}", notes)
    data["target"] = number_input(row.get(grid.find("target")), line, f"target {name}", notes)
    real = row.get(grid.find("realisasi"))
    value = cells.read(real)
    if value.kind in ("na", "dash"):
        data["realisasi"] = V(value.printed, line)
    else:
        data["realisasi"] = {
            "jenis": "langsung",
            "a": {"nilai": number_input(real, line, f"realisasi {name}", notes)}
            if value.kind == "number"
            else number_input(real, line, f"realisasi {name}", notes),
        }
    if figures:
        data["tertulis"] = [{"di": V(di, line), "nilai": figures}]
    return Ind("", name, line, data, printed_realisasi=real if value.kind == "number" else "")


def _source_line(row: GridRow) -> str:
    return " ".join(v for _, v in sorted(row.cells.items()) if v)


def _mean_of_subs(ind: Ind) -> None:
    """A parent's realisasi that is exactly the mean of its subs' is computed (rerata_sub)."""
    subs = [cells.read(s.printed_realisasi) for s in ind.sub]
    if not subs or not ind.printed_realisasi or any(s.exact is None for s in subs):
        return
    mean = sum((s.exact for s in subs if s.exact is not None), Decimal(0)) / len(subs)
    printed = cells.read(ind.printed_realisasi).exact
    if printed is not None and round_half_up(mean, places(ind.printed_realisasi)) == printed:
        ind.data["realisasi"] = {
            "jenis": V("rerata_sub", ind.line, "realisasi tercetak = rata-rata sub indikatornya"),
        }


def _emit(ind: Ind) -> dict[str, Any]:
    out: dict[str, Any] = {"id": ind.id, "nama": V(ind.nama, ind.line)}
    order = ("satuan", "tahun_dasar", "target", "dinilai", "realisasi", "tertulis")
    out.update({k: ind.data[k] for k in order if k in ind.data})
    if ind.sub:
        out["sub"] = [_emit(s) for s in ind.sub]
    return out


def _sasaran(grids: list[Grid], stated: tuple[int, str] | None, notes: Notes) -> Any:
    for grid in grids:
        col = grid.find("sasaran")
        for row in grid.rows:
            if col is not None and row.get(col):
                return V(row.get(col), row.line, "tebakan: kolom sasaran tabel capaian; periksa")
    if stated is not None:
        return V(stated[1], stated[0], "tebakan: teks di bawah 'Sasaran Strategis'; periksa")
    return notes.pend("sasaran strategis yang diukur (teks bab III atau Perjanjian Kinerja)", 0)
