"""An agency's years side by side ("tahunan"): each indicator's target, realisasi and
capaian per year, the mean capaian and each source of funds' absorption per year, as
tables and a chart, each year's column linked to that year's report.

Two steps, so that a page of several reports needs none of their passes:
- `figures(h, facts)`: one report's figures as JSON-able data (the row its unit writes):
  every figure both as the report writes it (`write_fact`, the same text as its tables and
  prose) and as its exact number in a string (never a float);
- `agency_page(entries)`: the Markdown of the agency's page from those rows, one per year.

Which reports are one agency's years and how indicators are matched across them is
`compute/years` (shared with `lkip diff`): by id, a renamed indicator said so, one new or
no longer reported said so; never silently joined or left out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import Literal, NotRequired, TypedDict

from lkip_build.compute.common import slug
from lkip_build.compute.computed import Computed
from lkip_build.compute.facts import Fact, write_fact
from lkip_build.compute.years import Matched, agency, agency_of, match
from lkip_build.model import Laporan
from lkip_build.present.table import cell_text
from lkip_build.present.trendchart import Series, chart

ABSENT = "—"  # an indicator or a source of funds the year's report does not have
NO_DATA = "tidak ada data"
Key = Literal["target", "realisasi", "capaian"]
FIGURES: tuple[tuple[str, Key], ...] = (
    ("Target", "target"),
    ("Realisasi", "realisasi"),
    ("Capaian", "capaian"),
)
BUDGET: tuple[tuple[str, Literal["pagu", "realisasi", "serapan"]], ...] = (
    ("Pagu", "pagu"),
    ("Realisasi anggaran", "realisasi"),
    ("Serapan anggaran", "serapan"),
)
CHART = "Rata-rata capaian dan serapan anggaran per tahun"


class Angka(TypedDict):
    """One figure: as the report writes it, and its exact number (None: NA, text, none)."""

    teks: str
    angka: str | None


class IndikatorAngka(TypedDict):
    id: str
    nama: str
    satuan: str
    induk: str | None  # the indicator it is a sub-indicator of
    target: Angka | None  # None: the report has no such figure (a capaian not assessed)
    realisasi: Angka | None
    capaian: Angka | None


class SumberAngka(TypedDict):
    id: str
    nama: str
    pagu: Angka | None
    realisasi: Angka | None
    serapan: Angka | None


class Figures(TypedDict):
    """One report's figures for its agency's page (JSON: str, int, list, dict, None)."""

    indikator: list[IndikatorAngka]
    rata_rata: Angka | None  # None: the report has no indicators
    kategori: str
    cakupan: str  # what the mean covers when some capaian is NA; "" when all
    anggaran: list[SumberAngka]


class Identitas(TypedDict):
    """laporan.yml's identity as the agency's page needs it (JSON)."""

    instansi: str
    pemerintah: str
    tahun: int
    jenis_dokumen: str
    wilayah: NotRequired[str]
    tingkat: NotRequired[str]
    status: NotRequired[str]  # "draf" or "final" (laporan.yml's default)


def figures(h: Computed, facts: Mapping[str, Fact]) -> Figures:
    """One report's figures, from its computed results through its named figures (the
    values and writing its tables and prose get)."""
    rows: list[IndikatorAngka] = [
        {
            "id": r.indikator.id,
            "nama": r.indikator.nama,
            "satuan": r.indikator.satuan,
            "induk": parent or None,
            "target": _angka(facts, f"indikator.{r.indikator.id}.target"),
            "realisasi": _angka(facts, f"indikator.{r.indikator.id}.realisasi"),
            # a sub-indicator without a capaian of its own has none, even in a draft
            "capaian": (
                _angka(facts, f"indikator.{r.indikator.id}.capaian")
                if r.indikator.dinilai
                else None
            ),
        }
        for r, parent in h.in_order()
    ]
    sources: list[SumberAngka] = [
        {
            "id": sid,
            "nama": s.sumber.nama,
            "pagu": _angka(facts, f"anggaran.{sid}.pagu", "rp"),
            "realisasi": _angka(facts, f"anggaran.{sid}.realisasi", "rp"),
            "serapan": _angka(facts, f"anggaran.{sid}.persen"),
        }
        for sid, s in h.sumber.items()
    ]
    kategori = facts.get("kinerja.kategori")
    return {
        "indikator": rows,
        "rata_rata": _angka(facts, "kinerja.rata_rata"),
        "kategori": write_fact(kategori) if kategori is not None else "",
        "cakupan": h.cakupan,
        "anggaran": sources,
    }


def _angka(facts: Mapping[str, Fact], name: str, fmt: str = "") -> Angka | None:
    f = facts.get(name)
    if f is None:
        return None
    v = f.value
    if isinstance(v, Decimal):
        exact: str | None = format(v, "f")
    elif isinstance(v, int) and not isinstance(v, bool):
        exact = str(v)
    else:  # NA, belum diisi, a text target, none ("-": a serapan without pagu)
        exact = None
    return {"teks": write_fact(f, fmt), "angka": exact}


def identitas(lap: Laporan) -> Identitas:
    """What the agency's page needs of a report's laporan.yml (JSON)."""
    return {
        "instansi": lap.instansi,
        "pemerintah": lap.pemerintah,
        "wilayah": lap.wilayah,
        "tingkat": lap.tingkat,
        "tahun": lap.tahun,
        "jenis_dokumen": lap.jenis_dokumen,
        "status": lap.status,
    }


def agency_key(laporan: Laporan | Mapping[str, object]) -> str:
    """One agency's reports share this key whatever their year (`compute/years.agency`:
    pemerintah, instansi, kind of document); a Laporan or its `identitas`."""
    if isinstance(laporan, Laporan):
        parts = agency(laporan)
    else:
        parts = agency_of(
            str(laporan["pemerintah"]), str(laporan["instansi"]), str(laporan["jenis_dokumen"])
        )
    return json.dumps(list(parts), ensure_ascii=False)


def agency_slug(laporan: Laporan | Mapping[str, object]) -> str:
    """The agency page's URL name: its agency and kind of document readable, then 8 hex of
    its key, so that two agencies whose names differ only in what a URL drops (case,
    punctuation, letters beyond ASCII, the government) never share a page."""
    key = agency_key(laporan)
    _, instansi, kind = json.loads(key)  # the government: in the digest only
    words = slug(f"{instansi} {kind}")[:80].rstrip("-") or "instansi"
    return f"{words}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"


@dataclass(frozen=True)
class Entry:
    """One year of the agency: a report's id, identity, figures and the link to its start
    page relative to the agency's page (the caller knows where both are)."""

    id: str
    laporan: Identitas
    figures: Figures
    link: str


def agency_page(entries: Sequence[Entry]) -> str:
    """The Markdown of the agency's page: its years side by side, oldest first."""
    if not entries:
        raise ValueError("an agency page needs one report at least")
    if len({agency_key(e.laporan) for e in entries}) > 1:
        raise ValueError("the reports are not one agency's: " + ", ".join(e.id for e in entries))
    years = sorted(entries, key=lambda e: (e.laporan["tahun"], e.id))
    heads = _heads(years)
    last = years[-1].laporan
    span = _span([e.laporan["tahun"] for e in years])
    out = [
        f"# {cell_text(last['instansi'])}: kinerja {span}\n",
        f"{cell_text(last['pemerintah'])} · {last['jenis_dokumen']} {span} · "
        f"{len(years)} laporan.\n",
        "Setiap angka dihitung dari data laporan tahunnya sendiri, dan judul setiap kolom "
        "tahun menautkan ke laporan itu. Indikator dicocokkan menurut id; indikator yang "
        "namanya berubah, yang baru dan yang tidak ada di laporan suatu tahun disebut di bawah "
        "tabel.\n",
        *_drafts(years, heads),
        *_indicator_part(years, heads),
        *_summary_part(years, heads),
        "## Grafik\n",
        chart(CHART, [h for h, _ in heads], _series(years)),
        "## Sumber\n",
        "\n".join(_source(e) for e in years) + "\n",
    ]
    return "\n".join(out)


def _source(e: Entry) -> str:
    """A year's report, linked: what every figure of its column comes from."""
    lap = e.laporan
    name = cell_text(f"{lap['jenis_dokumen']} {lap['tahun']} {lap['instansi']}")
    return f"- [{name}]({e.link}) (`{e.id}`)" + (", draf" if lap.get("status") == "draf" else "")


def _drafts(years: Sequence[Entry], heads: list[tuple[str, str]]) -> list[str]:
    drafts = [
        name for e, (name, _) in zip(years, heads, strict=True) if e.laporan.get("status") == "draf"
    ]
    if not drafts:
        return []
    return [
        f"Laporan {', '.join(drafts)} masih draf: angka yang belum diisi tertulis "
        '"belum diisi" dan tidak masuk rata-rata.\n'
    ]


def _span(tahun: list[int]) -> str:
    return str(tahun[0]) if tahun[0] == tahun[-1] else f"{tahun[0]}–{tahun[-1]}"


def _heads(years: Sequence[Entry]) -> list[tuple[str, str]]:
    """Each year's name (its id beside it when two reports share a year) and its link."""
    count: dict[int, int] = {}
    for e in years:
        count[e.laporan["tahun"]] = count.get(e.laporan["tahun"], 0) + 1
    out = []
    for e in years:
        y = e.laporan["tahun"]
        name = f"{y} ({e.id})" if count[y] > 1 else str(y)
        out.append((name, e.link))
    return out


def _indicator_part(years: Sequence[Entry], heads: list[tuple[str, str]]) -> list[str]:
    """The table of indicators, one row each, and the notes on the ids it matched."""
    rows = [{r["id"]: r for r in e.figures["indikator"]} for e in years]
    lines = match([{iid: r["nama"] for iid, r in by_id.items()} for by_id in rows])
    if not lines:
        return ["## Indikator kinerja\n", "Laporan-laporan ini tidak memuat indikator.\n"]
    head = ["Indikator", "Satuan"] + [
        f"{label} [{cell_text(name)}]({link})" for name, link in heads for label, _ in FIGURES
    ]
    table = [
        "| " + " | ".join(head) + " |",
        "| :-- | :-- |" + " --: |" * (len(FIGURES) * len(years)),
    ]
    notes: list[str] = []
    for line in lines:
        found = [by_id.get(line.id) for by_id in rows]
        units = [r["satuan"] for r in found if r is not None]
        cells = [f"{line.id} {line.nama}", units[-1]]
        for r in found:
            for _, key in FIGURES:
                cells.append(ABSENT if r is None else _text(r[key]))
        table.append("| " + " | ".join(cell_text(c) for c in cells) + " |")
        notes += _notes(line, [h for h, _ in heads], units)
    out = ["## Indikator kinerja\n", "\n".join(table) + "\n"]
    if notes:
        out.append("\n".join(f"- {cell_text(n)}" for n in notes) + "\n")
    return out


def _notes(line: Matched, names: list[str], units: list[str]) -> list[str]:
    """What the reader must know of one matched id: the years without it (new in a later
    year, or no longer reported), a new name, a unit that changed."""
    out = []
    first = line.names.index(next(n for n in line.names if n is not None))
    before = names[:first]
    after = [names[i] for i in line.absent if i > first]
    if before:
        out.append(
            f"{line.id} {line.nama}: indikator baru di {names[first]}; "
            f"tidak ada di laporan {', '.join(before)}"
        )
    if after:
        out.append(f"{line.id} {line.nama}: tidak ada di laporan {', '.join(after)}")
    for i, j in line.renamed():
        out.append(
            f"{line.id}: namanya berubah: {line.names[i]} ({names[i]}) → "
            f"{line.names[j]} ({names[j]})"
        )
    changed = [(a, b) for a, b in pairwise(units) if a != b]
    if changed:
        out.append(f"{line.id}: satuannya berubah: " + ", ".join(f"{a} → {b}" for a, b in changed))
    return out


def _text(a: Angka | None) -> str:
    return "" if a is None else a["teks"]


def _summary_part(years: Sequence[Entry], heads: list[tuple[str, str]]) -> list[str]:
    """The mean capaian, its category and what it covers; each source of funds."""
    names = [h for h, _ in heads]
    rows: list[tuple[str, list[str]]] = [
        ("Rata-rata capaian", [_text(e.figures["rata_rata"]) or NO_DATA for e in years]),
        ("Kategori", [e.figures["kategori"] if e.figures["rata_rata"] else "" for e in years]),
    ]
    if any(e.figures["cakupan"] for e in years):
        rows.append(
            (
                "Cakupan rata-rata",
                [
                    e.figures["cakupan"] or ("semua indikator" if e.figures["rata_rata"] else "")
                    for e in years
                ],
            )
        )
    by_year = [{s["id"]: s for s in e.figures["anggaran"]} for e in years]
    notes = []
    for line in match([{sid: s["nama"] for sid, s in by_id.items()} for by_id in by_year]):
        for label, key in BUDGET:
            cells = [
                ABSENT if s is None else _text(s[key])
                for s in (by_id.get(line.id) for by_id in by_year)
            ]
            rows.append((f"{label} {line.nama}", cells))
        if line.absent:
            absent = ", ".join(names[i] for i in line.absent)
            notes.append(f"Sumber dana {line.nama}: tidak ada di laporan {absent}")
        for i, j in line.renamed():
            notes.append(
                f"Sumber dana {line.id}: namanya berubah: {line.names[i]} ({names[i]}) → "
                f"{line.names[j]} ({names[j]})"
            )
    if not any(e.figures["anggaran"] for e in years):
        rows.append(("Serapan anggaran", [NO_DATA for _ in years]))
    head = "| Angka | " + " | ".join(f"[{cell_text(n)}]({link})" for n, link in heads) + " |"
    table = [head, "| :-- |" + " --: |" * len(years)]
    table += ["| " + " | ".join(cell_text(c) for c in (n, *cells)) + " |" for n, cells in rows]
    out = ["## Rata-rata capaian dan serapan anggaran\n", "\n".join(table) + "\n"]
    if notes:
        out.append("\n".join(f"- {cell_text(n)}" for n in notes) + "\n")
    return out


def _series(years: Sequence[Entry]) -> list[Series]:
    """The chart's series: the mean capaian, then each source of funds' absorption."""
    out = [Series("Rata-rata capaian", [_point(e.figures["rata_rata"]) for e in years])]
    by_year = [{s["id"]: s for s in e.figures["anggaran"]} for e in years]
    for line in match([{sid: s["nama"] for sid, s in by_id.items()} for by_id in by_year]):
        points = [
            _point(None if s is None else s["serapan"])
            for s in (by_id.get(line.id) for by_id in by_year)
        ]
        out.append(Series(f"Serapan anggaran {line.nama}", points))
    return out


def _point(a: Angka | None) -> tuple[str, Decimal | None]:
    if a is None:
        return NO_DATA, None
    return a["teks"], None if a["angka"] is None else Decimal(a["angka"])
