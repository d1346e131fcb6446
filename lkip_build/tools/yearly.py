"""`lkip diff` across two years of one agency: its indicators side by side, year on year.

Which reports are one agency's two years, and how their indicators are matched, is
`compute/years` (shared with the agency's page, present/tahunan): the same `pemerintah`,
`instansi` and kind of document, another `tahun`; indicators by id.

Such a pair is compared by indicator id (each indicator, then its sub-indicators): target,
realisasi and capaian of both years as the reports show them (their named figures,
`compute/facts`), then the mean capaian with its category and coverage, and each source of
funds' pagu, realisasi and absorption. An indicator whose name changed, one only in the
new year and one only in the old year is said so; nothing is "removed".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lkip_build.compute.facts import Fact, write_fact
from lkip_build.compute.years import match, two_years
from lkip_build.model import Laporan
from lkip_build.present import verification
from lkip_build.present.table import cell_text
from lkip_build.problems import Collector
from lkip_build.read.loader import load_file

if TYPE_CHECKING:
    from lkip_build.compute import Computed
    from lkip_build.tools.revisions import Side

FIGURES = (("Target", "target"), ("Realisasi", "realisasi"), ("Capaian", "capaian"))
_ARROW = "→"  # as diff.ARROW (diff imports this module)


def successors(gone: dict[str, Laporan], added: dict[str, Laporan]) -> list[tuple[str, str]]:
    """Each report only on the old side paired with a report of another year of the same
    agency only on the new side: the nearest later year, else the nearest earlier one."""
    out = []
    free = dict(added)
    for rid, lap in sorted(gone.items(), key=lambda kv: (kv[1].tahun, kv[0])):
        found = [(n, other) for n, other in free.items() if two_years(lap, other)]
        if found:
            n, _ = min(
                found,
                key=lambda c: (c[1].tahun < lap.tahun, abs(c[1].tahun - lap.tahun), c[0]),
            )
            out.append((rid, n))
            del free[n]
    return out


def counterpart(data_dir: Path, rid: str, other: Path) -> str:
    """The report of data_dir to compare with the report folder `other` (id `rid`): the
    same id when data_dir has it, else the same agency's report of the nearest year, else
    `rid` (the side then has no such report)."""
    if (data_dir / rid / "laporan.yml").is_file() or not data_dir.is_dir():
        return rid
    mine = _laporan(other / "laporan.yml")
    if mine is None:
        return rid
    found = {}
    for folder in sorted(p for p in data_dir.iterdir() if (p / "laporan.yml").is_file()):
        lap = _laporan(folder / "laporan.yml")
        if lap is not None and two_years(mine, lap):
            found[folder.name] = lap
    if not found:
        return rid
    return min(found, key=lambda n: (abs(found[n].tahun - mine.tahun), found[n].tahun, n))


def _laporan(path: Path) -> Laporan | None:
    lap = load_file(path, "laporan.yml", Laporan, Collector())
    return lap if isinstance(lap, Laporan) else None


@dataclass(frozen=True)
class Row:
    name: str  # the indicator ("ik-1 Cakupan ..."), or the summary figure
    figure: str  # "Target", "Realisasi", "Capaian"; "" in the summary
    before: str  # as the report shows it; "" when the figure is not in that year
    after: str


@dataclass
class YearOnYear:
    ids: tuple[str, str]
    years: tuple[int, int]
    indicators: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # renamed, new and absent indicators
    summary: list[Row] = field(default_factory=list)
    findings: str = ""  # the new year's verification notes, in one line


def compare(old: Side, new: Side, a: str, b: str) -> YearOnYear:
    """Report `a` of the old side against report `b` of the new side, year on year."""
    ha, hb = old.publication.by_id[a], new.publication.by_id[b]
    fa, fb = old.publication.facts[a], new.publication.facts[b]
    ya, yb = ha.report.laporan.tahun, hb.report.laporan.tahun
    out = YearOnYear((a, b), (ya, yb))
    names = [{r.indikator.id: r.indikator.nama for r, _ in h.in_order()} for h in (ha, hb)]
    for line in match(names):
        iid, (was, now) = line.id, line.names
        name = f"{iid} {line.nama}"
        if was is None:
            out.notes.append(f"{name}: indikator baru di {yb}; tidak ada di laporan {ya}")
        elif now is None:
            out.notes.append(f"{name}: tidak ada di laporan {yb}; baris {ya} saja")
        elif line.renamed():
            out.notes.append(f"{iid}: namanya berubah: {was} ({ya}) → {now} ({yb})")
        for label, key in FIGURES:
            x = _shown(fa, f"indikator.{iid}.{key}") if was is not None else ""
            y = _shown(fb, f"indikator.{iid}.{key}") if now is not None else ""
            if x or y:
                out.indicators.append(Row(name, label, x, y))
    out.summary = list(_summary(ha, hb, fa, fb))
    out.findings = verification.summary(new.publication.findings[b])
    return out


def _shown(facts: dict[str, Fact], name: str) -> str:
    f = facts.get(name)
    return "" if f is None else write_fact(f)


def _summary(ha: Computed, hb: Computed, fa: dict[str, Fact], fb: dict[str, Fact]) -> Iterator[Row]:
    """The mean capaian, its category and what it covers; each source of funds."""
    for label, key in (
        ("Rata-rata capaian", "kinerja.rata_rata"),
        ("Kategori", "kinerja.kategori"),
    ):
        x, y = _shown(fa, key), _shown(fb, key)
        if x or y:
            yield Row(label, "", x, y)
    if ha.cakupan or hb.cakupan:
        yield Row(
            "Cakupan rata-rata",
            "",
            ha.cakupan or "semua indikator",
            hb.cakupan or "semua indikator",
        )
    names = {sid: s.sumber.nama for sid, s in ha.sumber.items()}
    names.update({sid: s.sumber.nama for sid, s in hb.sumber.items()})
    for sid, nama in names.items():
        for label, key in (
            ("Pagu", "pagu"),
            ("Realisasi anggaran", "realisasi"),
            ("Serapan", "persen"),
        ):
            x, y = _shown(fa, f"anggaran.{sid}.{key}"), _shown(fb, f"anggaran.{sid}.{key}")
            if x or y:
                yield Row(f"{label} {nama}", "", x, y)


def markdown(y: YearOnYear) -> list[str]:
    """The year-on-year part of a report's section in the review comment."""
    (a, b), (ya, yb) = y.ids, y.years
    out = [
        f"Tahun ke tahun: laporan `{a}` ({ya}) {_ARROW} `{b}` ({yb}), instansi yang sama; "
        f"indikator dicocokkan menurut id. Catatan verifikasi {yb}: {y.findings}.\n"
    ]
    if y.indicators:
        rows = []
        last = ""
        for r in y.indicators:
            name = "" if r.name == last else cell_text(r.name)
            last = r.name
            rows.append(f"| {name} | {r.figure} | {_cell(r.before)} | {_cell(r.after)} |")
        head = f"| Indikator | Angka | {ya} | {yb} |\n| :-- | :-- | --: | --: |\n"
        out.append("#### Indikator kinerja\n\n" + head + "\n".join(rows) + "\n")
    if y.notes:
        out.append("\n".join(f"- {cell_text(n)}" for n in y.notes) + "\n")
    if y.summary:
        rows = [
            f"| {cell_text(r.name)} | {_cell(r.before)} | {_cell(r.after)} |" for r in y.summary
        ]
        head = f"| Angka | {ya} | {yb} |\n| :-- | --: | --: |\n"
        out.append("#### Rata-rata capaian dan anggaran\n\n" + head + "\n".join(rows) + "\n")
    return out


def _cell(text: str) -> str:
    return cell_text(text) or "—"
