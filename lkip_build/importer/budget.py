"""Budget tables (a Pagu column) become anggaran.yml: sources of funds, programmes,
kegiatan and sub kegiatan.

A table is cut into segments by its section rows that name a source of funds ("A. DANA
APBD"); a segment with none takes the source its caption names, else one the editor
fills in. Row numbers give the depth, by the order their styles first appear ("I", then
"1", then "1.1"). The segment with realisasi and the deepest tree gives the inputs: pagu
and realisasi on its leaves ("-" is nil, written 0 as the rest of lkip reads it), fisik
where printed; every printed sum and percentage (a parent's pagu and realisasi, a
serapan, the total row) goes to `tertulis`. Every other table of the same source adds its
figures to the programme they name (matched by name, or by the same pagu) as `tertulis`,
its fisik as an input; a row that matches no programme is listed, never added twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lkip_build.importer import cells
from lkip_build.importer import vocabulary as vocab
from lkip_build.importer.common import Notes, Placed, number_input, similar, where
from lkip_build.importer.grid import Grid, GridRow, level_of
from lkip_build.importer.yamlout import V

FIGURES = ("pagu", "realisasi", "persen", "sisa")


@dataclass
class Pos:
    nama: str
    line: int
    row: GridRow | None
    level: int
    children: list[Pos] = field(default_factory=list)
    tertulis: list[dict[str, Any]] = field(default_factory=list)
    fisik: Any = None


@dataclass
class Segment:
    grid: Grid
    fund: tuple[str, str] | None
    line: int
    roots: list[Pos] = field(default_factory=list)
    total: GridRow | None = None

    @property
    def depth(self) -> int:
        def d(p: Pos) -> int:
            return 1 + max((d(c) for c in p.children), default=0)

        return max((d(r) for r in self.roots), default=0)

    @property
    def size(self) -> int:
        def n(p: Pos) -> int:
            return 1 + sum(n(c) for c in p.children)

        return sum(n(r) for r in self.roots)


def is_budget(grid: Grid) -> bool:
    return grid.find("pagu") is not None


def segments(grid: Grid, context: str) -> list[Segment]:
    fund = vocab.fund_of(grid.table.caption.judul if grid.table.caption else "") or vocab.fund_of(
        context
    )
    out = [Segment(grid, fund, grid.table.line)]
    styles: list[str] = []
    stack: list[Pos] = []
    for row in grid.rows:
        named = vocab.fund_of(row.label)
        if named and not row.has_values and (row.nomor or len(row.label) < 40):
            out.append(Segment(grid, named, row.line))
            styles, stack = [], []
            continue
        if vocab.is_total(row.label, row.nomor):
            out[-1].total = row
            continue
        if not row.label:
            continue
        level = level_of(row.nomor, styles) if row.nomor else (stack[-1].level if stack else 0)
        pos = Pos(row.label, row.line, row, level)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else out[-1].roots).append(pos)
        stack.append(pos)
    return [s for s in out if s.roots or s.total]


def build(
    grids: list[Grid],
    contexts: dict[int, str],
    sections: dict[int, str],
    year: int | None,
    notes: Notes,
) -> tuple[dict[str, Any], list[Placed]]:
    segs = [s for g in grids for s in segments(g, contexts.get(g.table.line, ""))]
    by_fund: dict[str, list[Segment]] = {}
    names: dict[str, str] = {}
    for s in segs:
        key = s.fund[0] if s.fund else "anggaran"
        by_fund.setdefault(key, []).append(s)
        names[key] = s.fund[1] if s.fund else ""
    sources = []
    fund_of_grid: dict[int, list[str]] = {}
    for key, group in by_fund.items():
        primary = max(group, key=lambda s: (s.grid.find("realisasi") is not None, s.depth, s.size))
        for s in group:
            fund_of_grid.setdefault(id(s.grid), []).append(key)
        source: dict[str, Any] = {"id": key}
        source["nama"] = names[key] or notes.pend(
            "nama sumber dana (mis. APBD, APBN)", primary.line
        )
        tertulis: list[dict[str, Any]] = []
        for s in [primary, *[x for x in group if x is not primary]]:
            di = where(s.grid, sections.get(s.grid.table.line, ""))
            if s.total is not None:
                figures = _figures(s.grid, s.total)
                if figures:
                    tertulis.append({"di": V(di, s.total.line), "nilai": figures})
            if s is primary:
                continue
            for pos in _walk(s.roots):
                target = _match(primary.roots, pos, s.grid)
                if target is None:
                    notes.unmapped.append(
                        f"baris {pos.line}: {pos.nama!r} ({di}) tidak cocok dengan pos mana pun di "
                        f"{where(primary.grid, '')}: angkanya tidak diimpor"
                    )
                    continue
                figures = _figures(s.grid, pos.row) if pos.row else {}
                if figures:
                    target.tertulis.append({"di": V(di, pos.line), "nilai": figures})
                fisik = pos.row.get(s.grid.find("fisik")) if pos.row else ""
                if fisik and target.fisik is None:
                    target.fisik = number_input(fisik, pos.line, f"fisik {pos.nama}", notes)
        source["program"] = [
            _emit(
                p,
                primary.grid,
                where(primary.grid, sections.get(primary.grid.table.line, "")),
                notes,
            )
            for p in primary.roots
        ]
        if tertulis:
            source["tertulis"] = tertulis
        sources.append(source)
    placed = []
    for g in grids:
        keys = fund_of_grid.get(id(g), [])
        detailed = any(s.grid is g and s.depth > 1 for group in by_fund.values() for s in group)
        kind = (
            "pagu-sumber"
            if g.find("realisasi") is None
            else ("anggaran-rinci" if detailed else "anggaran-program")
        )
        placed.append(Placed(g, kind, keys, ""))
    data: dict[str, Any] = {
        "tahun": year or notes.pend("tahun anggaran", grids[0].table.line),
        "sumber": sources,
    }
    return data, placed


def _walk(roots: list[Pos]) -> list[Pos]:
    return [p for r in roots for p in (r,)]


def _match(roots: list[Pos], pos: Pos, grid: Grid) -> Pos | None:
    """The programme of the detailed table this row of another table names."""
    best, score = None, 0.0
    for cand in roots:
        s = similar(_bare(cand.nama), _bare(pos.nama))
        if s > score:
            best, score = cand, s
    if best is not None and score >= 0.75:
        return best
    pagu = cells.read(pos.row.get(grid.find("pagu")), money=True).exact if pos.row else None
    for cand in roots:
        if (
            pagu is not None
            and _pagu(cand) == pagu
            and similar(_bare(cand.nama), _bare(pos.nama)) >= 0.3
        ):
            return cand
    return None


def _bare(name: str) -> str:
    n = vocab.norm(name)
    return n.removeprefix("program ").strip()


def _pagu(pos: Pos) -> Any:
    if pos.row is None:
        return None
    grid_pagu = [v for k, v in pos.row.cells.items() if v]
    for v in grid_pagu:
        r = cells.read(v, money=True)
        if r.exact is not None and r.exact > 999:
            return r.exact
    return None


def _figures(grid: Grid, row: GridRow) -> dict[str, str]:
    out = {}
    for role in FIGURES:
        shown = row.get(grid.find(role))
        if shown:
            out[role] = (
                shown.removeprefix("Rp.").removeprefix("Rp").strip().removesuffix(",-").strip()
            )
    fisik = row.get(grid.find("fisik"))
    if fisik:
        out["fisik"] = fisik
    return out


def _emit(pos: Pos, grid: Grid, di: str, notes: Notes) -> dict[str, Any]:
    out: dict[str, Any] = {"nama": V(pos.nama, pos.line)}
    row = pos.row
    assert row is not None
    figures = _figures(grid, row)
    if pos.children:
        tertulis = {k: v for k, v in figures.items() if k != "fisik"}
        if tertulis:
            pos.tertulis.insert(0, {"di": V(di, pos.line), "nilai": tertulis})
    else:
        for role in ("pagu", "realisasi"):
            col = grid.find(role)
            if col is None:
                continue
            text = row.get(col)
            if cells.read(text).kind == "dash":
                out[role] = V(0, pos.line, "tercetak '-'")
            else:
                out[role] = number_input(text, pos.line, f"{role} {pos.nama}", notes, money=True)
        rest = {k: v for k, v in figures.items() if k in ("persen", "sisa")}
        if rest:
            pos.tertulis.insert(0, {"di": V(di, pos.line), "nilai": rest})
    fisik = row.get(grid.find("fisik"))
    if fisik and pos.fisik is None:
        pos.fisik = number_input(fisik, pos.line, f"fisik {pos.nama}", notes)
    if pos.fisik is not None:
        out["fisik"] = pos.fisik
    if pos.children:
        out["rincian"] = [_emit(c, grid, di, notes) for c in pos.children]
    if pos.tertulis:
        out["tertulis"] = pos.tertulis
    return out
