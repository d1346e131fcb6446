"""Staff tables that count the same groups: links suggested by matching labels.

A report often counts its staff in several tables (by sex, education, rank, position),
each broken down by the same units ("Sekretariat", "Bidang PSDI" in one table, "Bid PSDI"
in the next) or the same sex ("L", "P" sub-columns beside a table of "Laki-laki",
"Perempuan"). The same group must have the same count in every table; the audit compares
the figures a komposisi's `sama` links (`audit/staff._same_groups`). Which figures are the
same group is the editor's call, written in the data: this module only finds candidates,
and says what to write (`same-group-suggested`), for a table whose `sama` was never written.

Labels match when their words match in order, each word equal or one the abbreviation of
the other ("Bid" and "Bidang", "Pengemb" and "Pengembangan": a prefix of 3 letters or
more); a one-letter label matches the one label that starts with it ("L" and
"Laki-laki"). A pairing is suggested only when every label finds exactly one partner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lkip_build import model as m
from lkip_build.compute.common import slug
from lkip_build.problems import Collector


def _words(label: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", label.lower().replace("-", ""))


def _word_match(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) >= 3 and long.startswith(short))


def same_label(x: str, y: str) -> bool:
    """Whether two labels name the same group (module docstring)."""
    a, b = _words(x), _words(y)
    if len(a) == len(b) == 1 and min(len(a[0]), len(b[0])) == 1:
        short, long = sorted((a[0], b[0]), key=len)
        return long.startswith(short)
    return len(a) == len(b) > 0 and all(_word_match(u, v) for u, v in zip(a, b, strict=True))


def pairing(xs: Sequence[str], ys: Sequence[str]) -> list[int] | None:
    """For each label of `xs` the index of its one partner in `ys`, or None when a label
    has none or several, or two labels share one."""
    if not xs or len(xs) != len(ys):
        return None
    out = []
    for x in xs:
        found = [j for j, y in enumerate(ys) if same_label(x, y)]
        if len(found) != 1:
            return None
        out.append(found[0])
    return out if len(set(out)) == len(out) else None


def candidates(pegawai: m.Pegawai) -> dict[str, dict[str, str]]:
    """Per komposisi whose `sama` was never written: the links its labels suggest, to
    tables before it (the first whose units match; the sexes of the table its total
    equals)."""
    tables = pegawai.komposisi
    out: dict[str, dict[str, str]] = {}
    for i, a in enumerate(tables):
        if a.sama is not None:
            continue
        links: dict[str, str] = {}
        for b in tables[:i]:
            found = pairing(a.kolom, b.kolom)
            if found is not None:
                for x, j in zip(a.kolom, found, strict=True):
                    links[f"kolom.{slug(x)}"] = f"pegawai.{b.id}.kolom.{slug(b.kolom[j])}"
                break
        total = a.sama_dengan.split(".")  # pegawai.<table>.kolom.<column>
        base = next((t for t in tables[:i] if total[1:2] == [t.id]), None)
        if base is not None and len(total) == 4 and total[2] == "kolom" and not base.sub_kolom:
            found = pairing(a.sub_kolom, [r.label for r in base.baris])
            for x, j in zip(a.sub_kolom, found or [], strict=False):
                row = slug(base.baris[j].label)
                links[f"kolom.{slug(x)}"] = f"pegawai.{base.id}.sel.{row}.{total[3]}"
        if links:
            out[a.id] = links
    return out


def suggest(pegawai: m.Pegawai | None, problems: Collector) -> None:
    """A note per table with candidate links, with the YAML to confirm them."""
    if pegawai is None:
        return
    for kid, links in candidates(pegawai).items():
        k = next(t for t in pegawai.komposisi if t.id == kid)
        others = sorted({name.split(".")[1] for name in links.values()})
        body = ", ".join(f"{key}: {name}" for key, name in links.items())
        problems.add(
            "same-group-suggested",
            m.Location(k.lokasi.file, k.lokasi.line, f"komposisi[{kid}].sama"),
            f"label tabel {kid!r} cocok dengan tabel {', '.join(map(repr, others))}: bila "
            "tabel-tabel itu menghitung pegawai yang sama, tulis `sama: {" + body + "}` di "
            "komposisi ini agar setiap kelompok dibandingkan; bila tidak, tulis `sama: {}`",
        )
