"""`lkip new`: how each file of last year's report is rewritten for the new year.

One rewriter per file of `report.FILES` (in `REWRITERS`; a file without one is copied,
its `tertulis` blocks dropped; one in `NOT_CARRIED` is not written: last year's accepted
notes are last year's document's, diterima.yml). Each edits values where they are written
(`yamledit.Editor`), so comments and layout stay; what belongs to last year becomes
`{belum_diisi: "petunjuk"}`, what is still true is carried (the Renstra target for the
new year, last year's prices as `harga_lalu`, last year's `a` as a growth formula's `b`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkip_build.read.yamlread import YNode
from lkip_build.tools import scaffold_files as files
from lkip_build.tools.yamledit import Editor, entry, items, pending, shift_years, value


@dataclass
class Ctx:
    old: int  # last year's report year
    year: int  # the new report's year
    old_id: str
    new_id: str
    targets: dict[str, str] = field(default_factory=dict)  # indicator id -> Renstra text
    periode: str = ""


def _laporan_yml(ed: Editor, tree: YNode, ctx: Ctx) -> None:
    _set(ed, tree, "id", ctx.new_id)
    _shift_line(ed, tree, "judul", ctx)
    _set(ed, tree, "tanggal", pending(f"tanggal laporan (mis. Januari {ctx.year + 1})"))
    policy = entry(value(tree, "kebijakan"), "temuan_memblokir")
    if policy is not None:  # retired (validate: policy-retired): not carried into a new year
        above = policy[0].line - 1
        if ed.line(above).lstrip().startswith("#"):
            ed.dropped.add(above)
        ed.dropped.add(policy[0].line)
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
    iid = text_of(ind, "id")
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
                and text_of(rumus, "jenis") == "pertumbuhan"
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
    daftar = text_of(node, "daftar")
    uraian = shift_years(text_of(node, "uraian"), ctx.old, ctx.year)
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
    linked = text_of(node, "indikator_kinerja")
    if linked in ctx.targets:
        _set(ed, node, "target", ctx.targets[linked], f"Renstra, target {ctx.year}")
    else:
        nama = files.short(text_of(node, "nama"), 50)
        _set(ed, node, "target", pending(f"target {ctx.year} ({what}): {nama}"))


def _anggaran_yml(ed: Editor, tree: YNode, ctx: Ctx) -> None:
    _set(ed, tree, "tahun", str(ctx.year))
    for sumber in items(tree, "sumber"):
        for pos in items(sumber, "program"):
            _pos(ed, pos, ctx)


def _pos(ed: Editor, pos: YNode, ctx: Ctx) -> None:
    nama = files.short(text_of(pos, "nama"))
    for key, what in (("pagu", "pagu"), ("realisasi", "realisasi"), ("fisik", "fisik (%)")):
        _set(ed, pos, key, pending(f"{what} {ctx.year}: {nama}"))
    for child in items(pos, "rincian"):
        _pos(ed, child, ctx)


def _harga_yml(ed: Editor, tree: YNode, ctx: Ctx) -> None:
    for group in items(tree, "kelompok"):
        _set(ed, group, "tahun_lalu", text_of(group, "tahun_kini") or str(ctx.old))
        _set(ed, group, "tahun_kini", str(ctx.year))
        for b in items(group, "barang"):
            kini = text_of(b, "harga_kini")
            if kini:  # last year's prices are this year's "previous year": true, carried
                _set(ed, b, "harga_lalu", kini, f"harga {ctx.old}")
            nama = f"{text_of(b, 'nama')} ({text_of(b, 'satuan')})"
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
            label = text_of(row, "label")
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


NOT_CARRIED = {"diterima.yml"}  # the notes last year's published document prints

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


def text_of(node: YNode, key: str) -> str:
    found = value(node, key)
    return found.text if found is not None and found.kind == "scalar" else ""
