"""`lkip new`: next year's report scaffolded from this year's, or an empty one.

From a report (`--from data/<id> --year 2022`): what the new year shares is carried over
(the agency, the Renstra with its target for the new year, the indicators and their rules,
scale, policy, tables, chapters, and last year's realisasi as each indicator's
`tahun_dasar`, as last year's pass computed it); what belongs to last year is emptied: realisations,
budgets, prices, staff counts, list rows and every `tertulis` block. Each emptied value is
written `{belum_diisi: "petunjuk"}` (never left empty, which stays `missing-value`), and
the report gets `status: draf`. The YAML is rewritten at text level (yamledit), so the
editors' comments and layout stay. Chapters are copied with their markers; a paragraph that
states a year or a number of last year's report is preceded by `<!-- lkip:tulis-ulang -->`
(listed on the to-do page; an error once the report is final), and a heading that names
the year gets the new year and the same marker. Nothing is overwritten: an existing
folder is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lkip_build.compute.indicators import IndikatorResult
from lkip_build.model import Laporan, Renstra
from lkip_build.model.numbers import format_decimal
from lkip_build.problems import Collector, pending
from lkip_build.publish.site import prepare_report
from lkip_build.read.loader import load_file
from lkip_build.read.report import FILES, load_report
from lkip_build.read.yamlread import YNode
from lkip_build.tools import scaffold_files as files
from lkip_build.tools.scaffold_data import NOT_CARRIED, REWRITERS, Ctx, LastYear, text_of
from lkip_build.tools.yamledit import Editor, drop_tertulis, value


class ScaffoldError(Exception):
    """A scaffold that cannot be made; the message is for the editor (Indonesian)."""


@dataclass
class Scaffolded:
    id: str
    written: list[str]
    pending: int  # values still to fill in the data (the chapters' paragraphs not counted)


def new_id(old_id: str, old: int, year: int) -> str:
    if not re.search(rf"\b{old}\b", old_id):
        raise ScaffoldError(
            f"id {old_id!r} tidak memuat tahun {old}: id laporan baru tidak bisa dibuat"
        )
    return re.sub(rf"\b{old}\b", str(year), old_id)


def from_report(source: Path, year: int) -> Scaffolded:
    """Scaffold data/<new-id>/ and content/<new-id>/ beside `source` (data/<id>)."""
    source = source.resolve()
    if not (source / "laporan.yml").is_file():
        raise ScaffoldError(f"{source}: bukan folder laporan (tidak ada laporan.yml)")
    root = source.parent.parent
    lap = _laporan(source / "laporan.yml")
    if year <= lap.tahun:
        raise ScaffoldError(f"--year {year} harus sesudah tahun laporan asal ({lap.tahun})")
    ctx = Ctx(lap.tahun, year, lap.id, new_id(lap.id, lap.tahun, year))
    target = source.parent / ctx.new_id
    chapters_from = root / "content" / lap.id
    chapters_to = root / "content" / ctx.new_id
    for folder in (target, chapters_to):
        if folder.exists():
            raise ScaffoldError(
                f"{_shown(folder, root)} sudah ada; laporan tidak ditimpa. Hapus atau "
                "pindahkan folder itu dulu bila memang ingin membuat ulang"
            )
    _renstra_targets(source / "renstra.yml", ctx)
    ctx.last = last_year(source, root)
    written = []
    target.mkdir(parents=True)
    for name in FILES:
        if (source / name).is_file() and name not in NOT_CARRIED:
            text = rewrite(source / name, name, ctx)
            (target / name).write_text(text, encoding="utf-8")
            written.append(_shown(target / name, root))
    if chapters_from.is_dir():
        chapters_to.mkdir(parents=True)
        for md in sorted(chapters_from.glob("*.md")):
            text = files.chapter(md.read_text(encoding="utf-8-sig"), ctx.old, ctx.year)
            (chapters_to / md.name).write_text(text, encoding="utf-8")
            written.append(_shown(chapters_to / md.name, root))
    return Scaffolded(ctx.new_id, written, _count_pending(target, root))


def empty(root: Path, agency: str, level: str, year: int, jenis: str = "LKIP") -> Scaffolded:
    """An empty report for an agency: laporan.yml, one indicator, its table and pages."""
    rid = f"{files.slug(agency)}-{jenis.lower()}-{year}"
    target, chapters = root / "data" / rid, root / "content" / rid
    for folder in (target, chapters):
        if folder.exists():
            raise ScaffoldError(f"{_shown(folder, root)} sudah ada; laporan tidak ditimpa")
    written = []
    for path, text in files.empty_report(rid, agency, level, year, jenis).items():
        out = root / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        written.append(path)
    return Scaffolded(rid, written, _count_pending(target, root))


def rewrite(path: Path, name: str, ctx: Ctx) -> str:
    """One file of last year's report, rewritten for the new year (comments kept)."""
    ed = Editor(path, name)
    if ed.tree is None:
        raise ScaffoldError(
            f"{name} tidak bisa dibaca; jalankan `make check LAPORAN={path.parent.as_posix()}`"
        )
    drop_tertulis(ed, ed.tree)
    fn = REWRITERS.get(name)
    if fn is not None:
        fn(ed, ed.tree, ctx)
    return ed.result()


def _laporan(path: Path) -> Laporan:
    problems = Collector()
    lap = load_file(path, "laporan.yml", Laporan, problems)
    if not isinstance(lap, Laporan):
        raise ScaffoldError(
            "laporan.yml laporan asal tidak bisa dibaca; jalankan "
            f"`make check LAPORAN={path.parent.as_posix()}` dulu"
        )
    return lap


def _renstra_targets(path: Path, ctx: Ctx) -> None:
    """Each measured indicator's Renstra target for the new year, as the Renstra writes it."""
    if not path.is_file():
        return
    ed = Editor(path, "renstra.yml")
    problems = Collector()
    renstra = load_file(path, "renstra.yml", Renstra, problems)
    ctx.periode = renstra.periode if isinstance(renstra, Renstra) else ""
    for node in files.plan_indicators(ed.tree):
        linked = text_of(node, "indikator_kinerja")
        year = next(
            (
                v
                for k, v in (value(node, "target") or YNode("map", 0)).pairs
                if k.text == str(ctx.year)
            ),
            None,
        )
        if linked and year is not None and year.kind == "scalar":
            ctx.targets.setdefault(linked, year.text)


def last_year(source: Path, root: Path) -> dict[str, LastYear] | None:
    """Every indicator of last year's report as its pass (`site.prepare_report`, the
    build's own) computed it; None when that report stops at an error."""
    computed = prepare_report(source, root).computed
    if computed is None:
        return None
    return {iid: _last(r) for iid, r in computed.indikator.items()}


def _last(r: IndikatorResult) -> LastYear:
    rule = r.indikator.aturan.jenis
    if r.realisasi is None:
        return LastYear("", "belum diisi" if r.belum_diisi else "NA", rule)
    # exact: the published Decimal at its own places, written as an editor types it
    places = max(0, -int(r.realisasi.as_tuple().exponent))
    return LastYear(format_decimal(r.realisasi, places, trim=True), "", rule)


def _count_pending(folder: Path, root: Path) -> int:
    problems = Collector()
    load_report(folder, root, problems)
    return len(pending(problems.problems))  # the data's values only: no chapter is read


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
