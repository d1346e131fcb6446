"""Figures in the imported prose that are data become named figures (`lkip:nilai`).

After the draft's data is written, the draft goes through the pass once (`prepare_report`)
and its named figures (`compute/facts`) are known. An amount of rupiah or a count of
people (a figure followed by "orang") in a paragraph is replaced by the marker of the one
named figure whose value it prints, so the prose follows the data from then on. The one
figure: among the names that print the same value, those of a table the paragraph cites
("... Tabel 2.3 di atas ...") are preferred; when more than one is still left, or none,
the figure stays as typed (the check's wording audit reads it). A percentage is never
replaced: the document's own (81,44 %) may differ from what lkip computes, which is what
the audit is for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lkip_build.compute.facts import Fact, write_fact
from lkip_build.importer.source import CAPTION

MONEY = re.compile(r"(?P<pre>Rp\.?\s?)(?P<num>\d{1,3}(?:\.\d{3})+)(?=(?:,-|,00)?\b|,-)")
PEOPLE = re.compile(r"(?<![\d.,])(?P<num>\d{1,3}(?:\.\d{3})*)(?=\s+orang\b)")
CITED = re.compile(r"\b(?:Tabel|Table)\s+(?P<nomor>[0-9IVXLC]+(?:[.\-][0-9]+)*)", re.I)
MARKER = re.compile(r"<!--.*?-->", re.S)


def facts_of(root: Path, rid: str) -> dict[str, Fact]:
    """The draft's named figures, or none when it does not go through the pass yet."""
    from lkip_build.publish.site import prepare_report

    done = prepare_report(root / "data" / rid, root)
    return done.facts if done.computed is not None else {}


def name_figures(
    text: str, facts: dict[str, Fact], tables: dict[str, list[str]]
) -> tuple[str, int]:
    """The chapter with each figure that is exactly one named figure replaced by its
    marker; `tables` maps a printed table number to the data ids it shows."""
    by_value: dict[tuple[str, str], list[str]] = {}
    for name, fact in facts.items():
        if fact.kind in ("uang", "angka") and fact.value is not None:
            by_value.setdefault((fact.kind, write_fact(fact)), []).append(name)
    count = 0
    out = []
    for para in text.split("\n\n"):
        if para.lstrip().startswith(("#", "<!--")) or (CAPTION.match(para) and len(para) < 200):
            out.append(para)
            continue
        cited = [i for m in CITED.finditer(para) for i in tables.get(m["nomor"].rstrip("."), [])]

        def one(kind: str, shown: str, cited: list[str] = cited) -> str:
            names = by_value.get((kind, shown), [])
            near = [n for n in names if any(f".{i}." in f".{n}." for i in cited)]
            pick = near if near else names
            return pick[0] if len(pick) == 1 else ""

        def marker(kind: str) -> Callable[[re.Match[str]], str]:
            def replace(found: re.Match[str]) -> str:
                nonlocal count
                name = one(kind, found["num"])
                if not name:
                    return found.group(0)
                count += 1
                return f"{found.groupdict().get('pre') or ''}<!-- lkip:nilai {name} -->"

            return replace

        parts = MARKER.split(para)
        kept = MARKER.findall(para)
        done = [PEOPLE.sub(marker("angka"), MONEY.sub(marker("uang"), p)) for p in parts]
        merged = done[0] + "".join(k + d for k, d in zip(kept, done[1:], strict=True))
        out.append(merged)
    return "\n\n".join(out), count
