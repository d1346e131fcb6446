"""`lkip new`: next year's report scaffolded from this year's, or an empty one.

From a report (`--from data/<id> --year 2022`): what the new year shares is carried over
(the agency, the Renstra with its target for the new year, the indicators and their rules,
scale, policy, tables, chapters); what belongs to last year is emptied: realisations,
budgets, prices, staff counts, list rows and every `tertulis` block. Each emptied value is
written `{belum_diisi: "petunjuk"}` (never left empty, which stays `missing-value`), and
the report gets `status: draf`. The YAML is rewritten at text level (yamledit), so the
editors' comments and layout stay. Chapters are copied with their markers; a paragraph that
states a year or a number of last year's report is preceded by `<!-- lkip:tulis-ulang -->`
(listed on the to-do page; an error once the report is final), and headings get the new
year. Nothing is overwritten: an existing folder is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import scaffold_files as files
from .loader import load_file
from .model import Laporan, Renstra
from .problems import Collector
from .report import FILES, load_report
from .yamledit import Editor, drop_tertulis, entry, items, pending, shift_years, value
from .yamlread import YNode


class ScaffoldError(Exception):
    """A scaffold that cannot be made; the message is for the editor (Indonesian)."""


@dataclass
class Ctx:
    old: int  # last year's report year
    year: int  # the new report's year
    old_id: str
    new_id: str
    targets: dict[str, str] = field(default_factory=dict)  # indicator id -> Renstra text
    periode: str = ""


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
    written = []
    target.mkdir(parents=True)
    for name in FILES:
        if (source / name).is_file():
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
        raise ScaffoldError(f"{name} tidak bisa dibaca; jalankan `lkip check` pada laporan asal")
    drop_tertulis(ed, ed.tree)
    fn = REWRITERS.get(name)
    if fn is not None:
        fn(ed, ed.tree, ctx)
    return ed.result()


def _laporan_yml(ed: Editor, tree: YNode, ctx: Ctx) -> None:
    _set(ed, tree, "id", ctx.new_id)
    _shift_line(ed, tree, "judul", ctx)
    _set(ed, tree, "tanggal", pending(f"tanggal laporan (mis. Januari {ctx.year + 1})"))
    policy = entry(value(tree, "kebijakan"), "temuan_memblokir")
    if policy is not None:  # last year's was published as it was; this one is not yet
        above = policy[0].line - 1
        if ed.line(above).lstrip().startswith("#"):
            ed.dropped.add(above)
        ed.set(policy[0], "ya", "laporan baru: temuan audit menghentikan build")
    status = entry(tree, "status")
    if status is not None:
        ed.set(status[0], "draf")
    found = entry(tree, "tahun")
    if found is not None:
        ed.set(found[0], str(ctx.year))
        if status is None:
            ed.insert_after(
                found[0].line,
                "# draf: nilai `belum_diisi` masih boleh (daftarnya di halaman Yang masih\n"
                "# harus diisi); tulis `final` setelah semuanya terisi.\nstatus: draf",
            )


def _indikator_yml(ed: Editor, tree: YNode, ctx: Ctx) -> None:
    for ind in items(tree, "indikator"):
        _indikator(ed, ind, ctx)


def _indikator(ed: Editor, ind: YNode, ctx: Ctx) -> None:
    iid = _text(ind, "id")
    if iid in ctx.targets:
        _set(ed, ind, "target", ctx.targets[iid], f"Renstra {ctx.periode}, target {ctx.year}")
    else:
        _set(ed, ind, "target", pending(f"target {ctx.year} {iid} (Perjanjian Kinerja)"))
    rumus = value(ind, "realisasi")
    if rumus is not None and rumus.kind == "scalar":
        _set(ed, ind, "realisasi", pending(f"realisasi {ctx.year} {iid}: rumus, atau NA"))
    elif rumus is not None:
        for key in ("uraian", "uraian_a", "uraian_b", "tahun_a", "tahun_b"):
            _shift_line(ed, rumus, key, ctx)
        last_a = value(value(rumus, "a"), "nilai") or value(rumus, "a")
        for side in ("a", "b"):
            if (
                side == "b"
                and _text(rumus, "jenis") == "pertumbuhan"
                and _carry(ed, rumus, last_a, ctx)
            ):
                continue  # growth over last year: b is last year's a, true and known
            _masukan(ed, rumus, side, f"{iid}.{side}", ctx)
        tw = entry(rumus, "triwulan")
        if tw is not None:
            hints = [pending(f"triwulan {i + 1} {ctx.year} {iid}") for i in range(4)]
            ed.set_flow_list(tw[0], hints[: max(1, len(tw[1].items))])
    for sub in items(ind, "sub"):
        _indikator(ed, sub, ctx)


def _masukan(ed: Editor, rumus: YNode, side: str, name: str, ctx: Ctx) -> None:
    found = entry(rumus, side)
    if found is None:
        return
    key, node = found
    if node.kind == "scalar":
        ed.set(key, pending(f"{name} tahun {ctx.year}"))
        return
    _shift_line(ed, node, "uraian", ctx)
    daftar = _text(node, "daftar")
    uraian = shift_years(_text(node, "uraian"), ctx.old, ctx.year)
    hint = f"{name}: {uraian}" if uraian else f"{name} tahun {ctx.year}"
    if daftar:  # counted from a list whose rows are emptied: never a count of 0
        hint = f"isi baris daftar {daftar!r} (daftar.yml), lalu hapus baris ini"
    if entry(node, "nilai") is not None:
        _set(ed, node, "nilai", pending(hint))
    else:
        indent = " " * (ed.line(node.line).index(node.pairs[0][0].text))
        ed.insert_after(key.line, f"{indent}nilai: {pending(hint)}")


def _carry(ed: Editor, rumus: YNode, last_a: YNode | None, ctx: Ctx) -> bool:
    """`b` of a growth formula is last year's `a`: written from last year's report."""
    found = entry(rumus, "b")
    if found is None or last_a is None or last_a.kind != "scalar" or not last_a.text:
        return False
    key, node = found
    where = key if node.kind == "scalar" else (entry(node, "nilai") or (None, None))[0]
    if where is None:
        return False
    _shift_line(ed, node, "uraian", ctx)
    return ed.set(where, last_a.text, f"a laporan {ctx.old}")


def _perjanjian_yml(ed: Editor, tree: YNode, ctx: Ctx) -> None:
    _shift_line(ed, tree, "judul", ctx)
    _set(ed, tree, "tanggal", pending(f"tanggal penandatanganan Perjanjian Kinerja {ctx.year}"))
    _set(ed, tree, "pendapatan", pending(f"pendapatan {ctx.year} (lampiran PK)"))
    for sasaran in items(tree, "sasaran"):
        for ind in items(sasaran, "indikator"):
            _pk_indikator(ed, ind, ctx)
    for sasaran in items(tree, "program"):
        for prog in items(sasaran, "program"):
            for node in files.program_indicators(prog):
                _target(ed, node, ctx, "program/kegiatan")


def _pk_indikator(ed: Editor, ind: YNode, ctx: Ctx) -> None:
    _target(ed, ind, ctx, "Perjanjian Kinerja")
    _set(ed, ind, "realisasi_lalu", pending(f"realisasi {ctx.old} (laporan {ctx.old_id})"))
    for sub in items(ind, "sub"):
        _pk_indikator(ed, sub, ctx)


def _target(ed: Editor, node: YNode, ctx: Ctx, what: str) -> None:
    linked = _text(node, "indikator_kinerja")
    if linked in ctx.targets:
        _set(ed, node, "target", ctx.targets[linked], f"Renstra, target {ctx.year}")
    else:
        nama = files.short(_text(node, "nama"), 50)
        _set(ed, node, "target", pending(f"target {ctx.year} ({what}): {nama}"))


def _anggaran_yml(ed: Editor, tree: YNode, ctx: Ctx) -> None:
    _set(ed, tree, "tahun", str(ctx.year))
    for sumber in items(tree, "sumber"):
        for pos in items(sumber, "program"):
            _pos(ed, pos, ctx)


def _pos(ed: Editor, pos: YNode, ctx: Ctx) -> None:
    nama = files.short(_text(pos, "nama"))
    for key, what in (("pagu", "pagu"), ("realisasi", "realisasi"), ("fisik", "fisik (%)")):
        _set(ed, pos, key, pending(f"{what} {ctx.year}: {nama}"))
    for child in items(pos, "rincian"):
        _pos(ed, child, ctx)


def _harga_yml(ed: Editor, tree: YNode, ctx: Ctx) -> None:
    for group in items(tree, "kelompok"):
        _set(ed, group, "tahun_lalu", _text(group, "tahun_kini") or str(ctx.old))
        _set(ed, group, "tahun_kini", str(ctx.year))
        for b in items(group, "barang"):
            kini = _text(b, "harga_kini")
            if kini:  # last year's prices are this year's "previous year": true, carried
                _set(ed, b, "harga_lalu", kini, f"harga {ctx.old}")
            nama = f"{_text(b, 'nama')} ({_text(b, 'satuan')})"
            _set(ed, b, "harga_kini", pending(f"harga rata-rata {ctx.year}: {nama}"))


def _pegawai_yml(ed: Editor, tree: YNode, ctx: Ctx) -> None:
    for k in items(tree, "komposisi"):
        kolom = [c.text for c in items(k, "kolom")]
        sub = [c.text for c in items(k, "sub_kolom")] or [""]
        labels = [f"{c} {s}".strip() for c in kolom for s in sub]
        for row in items(k, "baris"):
            found = entry(row, "nilai")
            if found is None:
                continue
            label = _text(row, "label")
            hints = [pending(f"{label}, {c}") for c in labels[: len(found[1].items)]]
            if not ed.set_flow_list(found[0], hints):
                for node, hint in zip(found[1].items, hints, strict=False):
                    ed.set_item(node, hint)


def _daftar_yml(ed: Editor, tree: YNode, ctx: Ctx) -> None:
    for d in items(tree, "daftar"):
        found = entry(d, "baris")
        if found is not None:
            ed.drop(found[0])
            indent = " " * ed.line(found[0].line).index("baris")
            ed.insert_after(
                found[0].line, f"{indent}baris: []  # belum diisi: baris daftar tahun {ctx.year}"
            )


def _tabel_yml(ed: Editor, tree: YNode, ctx: Ctx) -> None:
    for t in items(tree, "tabel"):
        for key in ("judul", "sumber_data"):
            _shift_line(ed, t, key, ctx)
        for node in items(t, "catatan"):
            ed.replaced[node.line] = shift_years(ed.line(node.line), ctx.old, ctx.year)
        for k, _ in (value(t, "judul_kolom") or YNode("map", 0)).pairs:
            ed.replaced[k.line] = shift_years(ed.line(k.line), ctx.old, ctx.year)


REWRITERS = {
    "laporan.yml": _laporan_yml,
    "indikator.yml": _indikator_yml,
    "perjanjian.yml": _perjanjian_yml,
    "anggaran.yml": _anggaran_yml,
    "harga.yml": _harga_yml,
    "pegawai.yml": _pegawai_yml,
    "daftar.yml": _daftar_yml,
    "tabel.yml": _tabel_yml,
}


def _set(ed: Editor, node: YNode, key: str, new: str, comment: str = "") -> None:
    found = entry(node, key)
    if found is not None:
        ed.set(found[0], new, comment)


def _shift_line(ed: Editor, node: YNode, key: str, ctx: Ctx) -> None:
    found = entry(node, key)
    if found is not None and found[1].kind == "scalar":
        n = found[0].line
        ed.replaced[n] = shift_years(ed.line(n), ctx.old, ctx.year)


def _text(node: YNode, key: str) -> str:
    found = value(node, key)
    return found.text if found is not None and found.kind == "scalar" else ""


def _laporan(path: Path) -> Laporan:
    problems = Collector()
    lap = load_file(path, "laporan.yml", Laporan, problems)
    if not isinstance(lap, Laporan):
        raise ScaffoldError(
            "laporan.yml laporan asal tidak bisa dibaca; jalankan `lkip check` padanya dulu"
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
        linked = _text(node, "indikator_kinerja")
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


def _count_pending(folder: Path, root: Path) -> int:
    problems = Collector()
    load_report(folder, root, problems)
    return sum(p.code == "value-pending" for p in problems.problems)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
