"""Derived figures (turunan.yml): each with its inputs, its result at the decimals the
document prints, and its band."""

from __future__ import annotations

from decimal import Decimal

from lkip_build import model as m
from lkip_build.compute import Computed
from lkip_build.compute.facts import Fact, collect_facts, write_fact
from lkip_build.compute.turunan import operand
from lkip_build.model import NA
from lkip_build.model.numbers import format_decimal, round_half_up
from lkip_build.present.table import Cell, Table
from lkip_build.present.tables.cells import TableError, dec, pct, rp

RUMUS = {"bagi": "a / b", "kurang": "a − b"}


def turunan(t: m.Tabel, h: Computed) -> Table:
    """One row per derived figure named in `sumber` (all of turunan.yml when empty)."""
    ids = t.sumber or list(h.turunan)
    missing = [i for i in ids if i not in h.turunan]
    if missing:
        raise TableError(f"angka turunan {', '.join(map(repr, missing))} tidak ada di turunan.yml")
    results = [h.turunan[i] for i in ids]
    banded = any(r.turunan.kategori for r in results)
    facts = collect_facts(h)
    header = ["No", "Uraian", "Rumus", "a", "b", "Hasil", *(["Kategori"] if banded else [])]
    rows: list[list[str | list[str]]] = []
    for i, r in enumerate(results):
        x = r.turunan
        rumus = RUMUS[x.rumus] + (
            f" × {dec(x.faktor)}" if x.rumus == "bagi" and x.faktor != 1 else ""
        )
        if r.nilai is None:
            hasil = Cell("n/a", None, "desimal")
        else:
            q = round_half_up(r.nilai, x.desimal)
            hasil = Cell(format_decimal(r.nilai, x.desimal), q, "desimal")
        row: list[str | list[str]] = [
            f"{i + 1}.",
            x.nama,
            rumus,
            _input(x.a, facts),
            _input(x.b, facts),
            hasil,
        ]
        if banded:
            row.append((r.kategori or "-") if x.kategori else "")  # "-": n/a, or in no band
        rows.append(row)
    notes = tuple(f"{r.turunan.nama}: {r.na}." for r in results if r.nilai is None and r.na)
    align = "lllrrr" + ("l" if banded else "")
    return Table(header, rows, align, catatan=notes, key_figures=tuple(range(5, len(header))))


def _input(text: str, facts: dict[str, Fact]) -> Cell | str:
    """An input as its figure is written elsewhere on the site (a percentage, rupiah, a
    derived figure at its decimals), or the number written in turunan.yml."""
    x = operand(text)
    if isinstance(x, Decimal):
        return dec(x, max(2, -int(x.as_tuple().exponent)))
    f = facts[x]  # compute refused an unknown name: the table is not drawn without it
    v = f.value
    if isinstance(v, NA) or v is None:
        return Cell(write_fact(f), None, "desimal")
    if f.kind == "persen":
        assert isinstance(v, Decimal)
        return pct(v, f.bounds).with_suffix(" %")
    if f.kind == "uang":
        assert isinstance(v, int | Decimal)
        return rp(v)
    assert isinstance(v, int | Decimal)
    shown = write_fact(f)
    return Cell(shown, round_half_up(Decimal(v), f.places), "desimal")
