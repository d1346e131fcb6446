"""Derived figures of derived figures (turunan.yml): computed last, from the report's named
figures (`facts`), each after the derived figures it names; a name that is unknown, not a
number, or part of a cycle is a problem, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkip_build import model as m
from lkip_build.compute import skala as skala_mod
from lkip_build.model import NA, Location
from lkip_build.model.numbers import AngkaError, format_decimal, parse_decimal
from lkip_build.problems import Collector

PREFIX = "turunan."


@dataclass(frozen=True)
class TurunanResult:
    turunan: m.Turunan
    a: Decimal | None  # the inputs' values (None: NA, see `na`)
    b: Decimal | None
    nilai: Decimal | None  # exact, rounded only where it is shown
    kategori: str = ""
    na: str = ""  # why the result is not available
    out_of_domain: str = ""  # why it lies outside its declared range or bands, or ""


def operand(text: str) -> Decimal | str:
    """A number written as such ("1", "0,5"), or the name of a figure."""
    try:
        return parse_decimal(text.strip())
    except AngkaError:
        return text.strip()


def order(items: list[m.Turunan], problems: Collector) -> list[m.Turunan]:
    """Each derived figure after those it names; one in a cycle is reported, not computed."""
    by_id = {t.id: t for t in items}
    done: list[m.Turunan] = []
    state: dict[str, str] = {}

    def visit(t: m.Turunan, path: list[str]) -> bool:
        if state.get(t.id) in ("done", "failed"):
            return state[t.id] == "done"
        if state.get(t.id) == "open":
            cycle = " -> ".join([*path[path.index(t.id) :], t.id])
            problems.add(
                "derived-reference",
                Location(t.lokasi.file, t.lokasi.line, f"{t.lokasi.path}.a"),
                f"{t.id}: angka turunan merujuk dirinya sendiri ({cycle})",
            )
            return False
        state[t.id] = "open"
        ok = True
        for x in (t.a, t.b):
            name = operand(x)
            if isinstance(name, str) and name.startswith(PREFIX):
                dep = by_id.get(name.removeprefix(PREFIX))
                if dep is not None:
                    ok = visit(dep, [*path, t.id]) and ok
        state[t.id] = "done" if ok else "failed"  # one that names a failed one is not computed
        if ok:
            done.append(t)
        return ok

    for t in items:
        visit(t, [])
    return done  # each once: visit() returns at once for one already visited


def compute_turunan(
    items: list[m.Turunan], values: dict[str, object], problems: Collector
) -> dict[str, TurunanResult]:
    """Every derived figure; `values` maps each named figure to its value (a Decimal, an int,
    NA, text) and gets each result as it is computed, for the ones that name it."""
    out: dict[str, TurunanResult] = {}
    for t in order(items, problems):
        inputs = [_input(t, key, values, problems) for key in ("a", "b")]
        if any(x is None for x in inputs):
            continue  # a problem was recorded
        a, b = inputs
        if isinstance(a, NA) or isinstance(b, NA):
            na = next(x for x in (a, b) if isinstance(x, NA))
            r = TurunanResult(t, None, None, None, na=na.alasan or "masukan tidak tersedia")
        else:
            assert isinstance(a, Decimal) and isinstance(b, Decimal)
            computed = _result(t, a, b, problems)
            if computed is None:
                continue
            r = computed
        out[t.id] = r
        values[PREFIX + t.id] = NA(teks="n/a", alasan=r.na) if r.nilai is None else r.nilai
    return out


def _input(
    t: m.Turunan, key: str, values: dict[str, object], problems: Collector
) -> Decimal | NA | None:
    text = getattr(t, key)
    x = operand(text)
    if isinstance(x, Decimal):
        return x
    where = Location(t.lokasi.file, t.lokasi.line, f"{t.lokasi.path}.{key}")
    if x not in values:
        import difflib

        hint = difflib.get_close_matches(x, [k for k in values if "." in k], n=1)
        extra = f"; maksud Anda {hint[0]!r}?" if hint else ""
        problems.add(
            "derived-reference", where, f"{t.id}: angka {x!r} tidak ada di laporan ini{extra}"
        )
        return None
    v = values[x]
    if isinstance(v, NA):
        return v
    if isinstance(v, bool) or not isinstance(v, int | Decimal):
        problems.add("derived-reference", where, f"{t.id}: {x!r} bukan angka ({v!r})")
        return None
    return Decimal(v)


def _result(t: m.Turunan, a: Decimal, b: Decimal, problems: Collector) -> TurunanResult | None:
    if t.rumus == "bagi":
        if b == 0:
            problems.add(
                "division-by-zero",
                Location(t.lokasi.file, t.lokasi.line, f"{t.lokasi.path}.b"),
                f"{t.id}: pembagi {t.b} bernilai 0, angka turunan tidak bisa dihitung",
            )
            return None
        value = a / b * t.faktor
    else:
        value = a - b
    outside = []
    if len(t.rentang) == 2 and not t.rentang[0] <= value <= t.rentang[1]:
        lo, hi = (format_decimal(v, t.desimal, trim=True) for v in t.rentang)
        outside.append(f"hasil {format_decimal(value, t.desimal)} di luar rentang {lo}–{hi}")
    kategori = ""
    if t.kategori:
        band = skala_mod.classify(value, skala_mod.resolve(t.kategori))
        if band is None:
            outside.append(
                f"hasil {format_decimal(value, t.desimal)} tidak masuk pita kategori mana pun"
            )
        else:
            kategori = band.kategori
    return TurunanResult(t, a, b, value, kategori, out_of_domain="; ".join(outside))
