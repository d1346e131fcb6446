"""How an imported draft compares with the same report entered by hand, value by value.

Both folders go through the one pass (`prepare_report`). The values compared are the
hand-entered inputs of the capaian, budget and staff tables: each indicator's target,
tahun dasar and realisasi (as the report shows it: the hand-entered realisasi may be a
formula, the imported one the printed figure), each budget line's pagu, realisasi and
fisik, each staff composition's cells. Each is `reproduced` (equal), `pending` (the draft
holds `belum_diisi` there), `wrong` (a different value) or `missing` (the draft has no
such value). A wrong value is `flagged` when the draft's own check reports a finding on
that indicator, budget line or composition, so an editor reviewing the findings meets it.
Counterparts are found by name (indicators, budget lines, rows) and by the printed table
number (staff compositions), never by position alone.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from lkip_build.compute.computed import Computed
from lkip_build.importer import vocabulary as vocab
from lkip_build.model.common import NA, BelumDiisi
from lkip_build.model.numbers import round_half_up
from lkip_build.problems import Problem
from lkip_build.publish.site import prepare_report


@dataclass
class Tally:
    reproduced: int = 0
    pending: int = 0
    wrong: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unflagged: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.reproduced + self.pending + len(self.wrong) + len(self.missing)

    @property
    def share(self) -> float:
        return self.reproduced / self.total if self.total else 1.0

    def add(self, other: Tally) -> None:
        self.reproduced += other.reproduced
        self.pending += other.pending
        self.wrong += other.wrong
        self.missing += other.missing
        self.unflagged += other.unflagged


@dataclass
class Comparison:
    tables: dict[str, Tally]  # "capaian", "anggaran", "pegawai" -> tally
    problems: list[Problem]  # the draft's own check

    @property
    def overall(self) -> Tally:
        t = Tally()
        for x in self.tables.values():
            t.add(x)
        return t

    def markdown(self) -> str:
        rows = [
            "| tabel | nilai | sama | belum diisi | salah (ditandai audit) | tidak ada |",
            "| --- | --: | --: | --: | --: | --: |",
        ]
        for name, t in [*self.tables.items(), ("semua", self.overall)]:
            flagged = len(t.wrong) - len(t.unflagged)
            rows.append(
                f"| {name} | {t.total} | {t.reproduced} ({t.share:.1%}) | {t.pending} | "
                f"{len(t.wrong)} ({flagged}) | {len(t.missing)} |"
            )
        return "\n".join(rows) + "\n"


def compare(hand: Path, hand_root: Path, draft: Path, draft_root: Path) -> Comparison:
    a = prepare_report(hand, hand_root)
    b = prepare_report(draft, draft_root)
    if a.computed is None:
        raise ValueError(f"{hand}: data tangan tidak lolos pemeriksaan")
    if b.computed is None:
        raise ValueError(
            f"{draft}: draf tidak lolos pemeriksaan: {[str(p) for p in b.problems][:5]}"
        )
    noted = " ".join(str(p) for p in [*b.problems, *b.findings])
    tables = {
        "capaian": _capaian(a.computed, b.computed, noted),
        "anggaran": _anggaran(a.computed, b.computed, noted),
        "pegawai": _pegawai(a.computed, b.computed, noted),
    }
    return Comparison(tables, [*b.problems, *b.findings])


def _best(name: str, candidates: dict[str, Any], floor: float = 0.8) -> Any:
    """The candidate named most like `name`; a name that holds the other whole (a
    flattened row's name carries its sasaran before it) is the same."""
    best, score = None, 0.0
    for cand_name, cand in candidates.items():
        a, b = vocab.norm(name), vocab.norm(cand_name)
        s = 1.0 if len(a) > 8 and len(b) > 8 and (a in b or b in a) else 0.0
        s = max(s, difflib.SequenceMatcher(None, a, b).ratio())
        if s > score:
            best, score = cand, s
    return best if score >= floor else None


def _judge(
    t: Tally, what: str, mine: Any, theirs: Any, pending: bool, noted: str, key: str
) -> None:
    if pending:
        t.pending += 1
    elif theirs is _ABSENT:
        t.missing.append(what)
    elif _same(mine, theirs):
        t.reproduced += 1
    else:
        t.wrong.append(f"{what}: data {mine!r}, impor {theirs!r}")
        if not key or key not in noted:
            t.unflagged.append(f"{what}: data {mine!r}, impor {theirs!r}")


_ABSENT = object()


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, NA) or a is None:
        return isinstance(b, NA) or b is None
    if isinstance(b, NA) or b is None:
        return False
    return Decimal(a) == Decimal(b)


def _capaian(a: Computed, b: Computed, noted: str) -> Tally:
    t = Tally()
    theirs = {r.indikator.nama: r for r in b.indikator.values()}
    for mine in a.indikator.values():
        ind = mine.indikator
        other = _best(ind.nama, theirs)
        for field_ in ("target", "tahun_dasar", "realisasi"):
            if field_ == "tahun_dasar" and ind.tahun_dasar is None:
                continue
            what = f"{ind.id}.{field_}"
            if other is None:
                _judge(t, what, None, _ABSENT, False, noted, "")
                continue
            if field_ == "realisasi":
                value_a = (
                    None if mine.realisasi is None else _shown(mine.realisasi_tepat, mine.desimal)
                )
                value_b = (
                    None if other.realisasi is None else _shown(other.realisasi_tepat, mine.desimal)
                )
                pend = other.belum_diisi and other.realisasi is None
                _judge(t, what, value_a, value_b, pend, noted, other.indikator.id)
            else:
                va = getattr(ind, field_)
                vb = getattr(other.indikator, field_)
                _judge(
                    t,
                    what,
                    va,
                    _ABSENT if vb is None else vb,
                    isinstance(vb, BelumDiisi),
                    noted,
                    other.indikator.id,
                )
    return t


def _shown(value: Decimal | None, places: int) -> Decimal | None:
    return None if value is None else round_half_up(value, places)


def _leaves(sumber: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}

    def walk(pos: Any, path: str) -> None:
        name = f"{path}/{pos.nama}" if path else pos.nama
        if pos.fisik is not None:
            out[f"{name}#fisik"] = pos
        if not pos.rincian:
            out[name] = pos
        for child in pos.rincian:
            walk(child, name)

    for prog in sumber.program:
        walk(prog, "")
    return out


def _anggaran(a: Computed, b: Computed, noted: str) -> Tally:
    t = Tally()
    if a.report.anggaran is None:
        return t
    theirs_sources = {s.id: s for s in b.report.anggaran.sumber} if b.report.anggaran else {}
    for src in a.report.anggaran.sumber:
        other_src = theirs_sources.get(src.id) or _best(
            src.nama, {s.nama: s for s in theirs_sources.values()}, 0.5
        )
        theirs = _leaves(other_src) if other_src else {}
        by_leaf = {k.rsplit("/", 1)[-1]: v for k, v in theirs.items()}
        for key, pos in _leaves(src).items():
            leaf = key.rsplit("/", 1)[-1]
            other = theirs.get(key) or _best(leaf, by_leaf, 0.85)
            fields = ("fisik",) if key.endswith("#fisik") else ("pagu", "realisasi")
            for field_ in fields:
                mine = getattr(pos, field_)
                if mine is None:
                    continue
                what = f"{src.id}/{key}.{field_}"
                vb = (
                    _ABSENT
                    if other is None or getattr(other, field_) is None
                    else getattr(other, field_)
                )
                _judge(t, what, mine, vb, isinstance(vb, BelumDiisi), noted, leaf)
    return t


def _pegawai(a: Computed, b: Computed, noted: str) -> Tally:
    t = Tally()
    if a.report.pegawai is None:
        return t
    shown_a = _shown_by_number(a)
    shown_b = _shown_by_number(b)
    theirs = {k.id: k for k in b.report.pegawai.komposisi} if b.report.pegawai else {}
    for k in a.report.pegawai.komposisi:
        nomor = next((n for n, ids in shown_a.items() if k.id in ids), None)
        other_id = next(iter(shown_b.get(nomor, [])), None) if nomor else None
        other = theirs.get(other_id) if other_id else None
        rows = {r.label: r for r in other.baris} if other else {}
        for row in k.baris:
            match = rows.get(row.label) or _best(row.label, rows, 0.9)
            for i, mine in enumerate(row.nilai):
                what = f"{k.id}.{row.label}[{i}]"
                if match is None or i >= len(match.nilai):
                    _judge(t, what, mine, _ABSENT, False, noted, "")
                    continue
                vb = match.nilai[i]
                _judge(
                    t, what, mine, vb, isinstance(vb, BelumDiisi), noted, other.id if other else ""
                )
    return t


def _shown_by_number(h: Computed) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for tab in h.report.tabel.tabel if h.report.tabel else []:
        if tab.jenis == "komposisi" and tab.nomor:
            out.setdefault(tab.nomor, []).extend(tab.sumber)
    return out
