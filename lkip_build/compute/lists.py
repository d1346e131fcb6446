"""Lists (daftar.yml): numeric cells, computed sum columns and column totals."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import cast

from lkip_build import model as m
from lkip_build.model import Location
from lkip_build.problems import Collector


@dataclass(frozen=True)
class DaftarResult:
    daftar: m.Daftar
    baris: list[dict[str, object]]  # numeric cells as int, computed columns added
    jumlah: dict[str, int]  # column totals of numeric and computed columns

    @property
    def banyak(self) -> int:
        return len(self.baris)


def compute_daftar(daftar: m.Daftar, problems: Collector) -> DaftarResult:
    from lkip_build.model.numbers import AngkaError, parse_int

    numbers = {k.kunci for k in daftar.kolom if k.jenis == "angka"}
    known = {k.kunci for k in daftar.kolom}
    order, _ = sum_order(daftar)
    rows: list[dict[str, object]] = []
    for i, raw in enumerate(daftar.baris):
        row: dict[str, object] = {}
        where = Location(daftar.lokasi.file, daftar.lokasi.line, f"daftar[{daftar.id}].baris[{i}]")
        for key, value in raw.items():
            if key not in known:
                close = difflib.get_close_matches(key, sorted(known), n=1)
                hint = f"; maksud Anda {close[0]!r}?" if close else ""
                problems.add("unknown-column", where, f"kolom {key!r} tidak ada di `kolom`{hint}")
                continue
            if key in numbers:
                if not isinstance(value, str):
                    problems.add(
                        "input-not-number",
                        where,
                        f"kolom angka {key!r} berisi daftar {value!r}; tulis satu angka",
                    )
                    row[key] = 0
                    continue
                try:
                    row[key] = parse_int(value)
                except AngkaError as exc:
                    problems.add("bad-number", where, f"{key}: {value!r}: {exc}")
                    row[key] = 0
            else:
                row[key] = value
        for key in numbers:
            row.setdefault(key, 0)
        for extra in order:
            total = 0
            for k in extra.dari:
                cell = row.get(k, 0)
                if isinstance(cell, int):
                    total += cell
                else:  # a text cell: kolom_jumlah sums numeric columns only
                    problems.add(
                        "input-not-number",
                        where,
                        f"kolom_jumlah {extra.kunci!r} menjumlahkan kolom teks {k!r}; "
                        "jumlahkan kolom angka saja",
                    )
            row[extra.kunci] = total
        rows.append(row)
    numeric = numbers | {k.kunci for k in daftar.kolom_jumlah}
    # cast: a numeric cell is an int by construction (parsed, defaulted to 0, or summed above)
    totals = {k: sum(cast(int, r[k]) for r in rows) for k in sorted(numeric)}  # stable order
    return DaftarResult(daftar, rows, totals)


def sum_order(daftar: m.Daftar) -> tuple[list[m.KolomJumlah], list[m.KolomJumlah]]:
    """The sum columns in the order they can be computed, each after the sum columns it
    adds up (so the order written never decides a total), and those that add up
    themselves, directly or through another sum column (validate refuses them)."""
    by_key = {k.kunci: k for k in daftar.kolom_jumlah}
    done: list[m.KolomJumlah] = []
    placed: set[str] = set()
    waiting = list(daftar.kolom_jumlah)
    while waiting:
        ready = [k for k in waiting if all(d in placed or d not in by_key for d in k.dari)]
        if not ready:
            return done + waiting, waiting
        for k in ready:
            done.append(k)
            placed.add(k.kunci)
        waiting = [k for k in waiting if k.kunci not in placed]
    return done, []
