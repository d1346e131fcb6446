"""`lkip new`: how each file of last year's report is rewritten for the new year.

One rewriter per file of `report.FILES` (in `REWRITERS`; a file without one is copied,
its `tertulis` blocks dropped; one in `NOT_CARRIED` is not written: last year's accepted
notes are last year's document's, diterima.yml). Each edits values where they are written
(`yamledit.Editor`), so comments and layout stay; what belongs to last year becomes
`{belum_diisi: "petunjuk"}`, what is still true is carried (the Renstra target for the
new year, last year's prices as `harga_lalu`, last year's `a` as a growth formula's `b`,
last year's computed realisasi as `tahun_dasar`). A free text of laporan.yml that names
last year (a page's title in `halaman`, `keterangan`) becomes a value to fill: it would
be published with the old year otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkip_build.read.yamlread import YNode
from lkip_build.tools import scaffold_files as files
from lkip_build.tools.yamledit import Editor, entry, items, pending, shift_years, value


@dataclass(frozen=True)
class LastYear:
    """One indicator of last year's report, as its pass computed it."""

    realisasi: str  # the published realisasi as YAML writes it ("44,32"); "" when none
    why: str  # why there is none ("NA", "belum diisi")
    rule: str  # its capaian rule (`aturan.jenis`)


@dataclass
class Ctx:
    old: int  # last year's report year
    year: int  # the new report's year
    old_id: str
    new_id: str
    targets: dict[str, str] = field(default_factory=dict)  # indicator id -> Renstra text
    periode: str = ""
    # indicator id -> last year's figures; None: last year's report could not be computed
    last: dict[str, LastYear] | None = None

    def names_old_year(self, text: str) -> bool:
        """The text names last year's report year or the year before it (shift_years')."""
        return re.search(rf"\b(?:{self.old - 1}|{self.old})\b", text) is not None


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
    _rewrite_text(ed, tree, "keterangan", ctx, "keterangan beranda")
    for page in items(tree, "halaman"):
        _rewrite_text(ed, page, "judul", ctx, "judul halaman")
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
    _tahun_dasar(ed, ind, iid, ctx)
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


def _tahun_dasar(ed: Editor, ind: YNode, iid: str, ctx: Ctx) -> None:
    """`tahun_dasar` is the value of the year before the report's year (Tabel 3.2's "Tahun
    Dasar <tahun - 1>"): last year's realisasi as last year's pass published it, exact, with
    a comment saying so; NA (with why) when last year had none. Under the `dasar` rule it
    is also the rule's B, which an agency may take from its Renstra instead: to fill."""
    last = ctx.last.get(iid) if ctx.last is not None else None
    source = f"laporan {ctx.old_id}"
    if ctx.last is None or last is None:
        text, note = "NA", f"realisasi {ctx.old} tidak terhitung: `lkip check` {source}"
    elif last.rule == "dasar":
        shown = last.realisasi or "NA"
        text = pending(
            f"tahun_dasar {iid} (B aturan dasar): realisasi {ctx.old} = {shown} ({source}), "
            "atau kondisi awal Renstra"
        )
        note = ""
    elif last.realisasi:
        text, note = last.realisasi, f"realisasi {ctx.old}, dihitung dari {source}"
    else:
        text, note = "NA", f"realisasi {ctx.old} {last.why} di {source}"
    found = entry(ind, "tahun_dasar")
    if found is not None:
        ed.set(found[0], text, note, own=True)
        return
    key = entry(ind, "id")
    if key is not None:  # insert it under the id, at the mapping's indentation
        indent = " " * ed.line(key[0].line).index(f"{key[0].text}:")
        ed.insert_after(
            key[0].line, f"{indent}tahun_dasar: {text}" + (f"  # {note}" if note else "")
        )


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
    # the agreement prints last year's realisasi as known when it was signed, which may
    # precede last year's report: to fill, with what that report computed as a hint
    last = (ctx.last or {}).get(text_of(ind, "indikator_kinerja"))
    computed = f"; laporan itu menghitung {last.realisasi}" if last and last.realisasi else ""
    hint = f"realisasi {ctx.old} (laporan {ctx.old_id}{computed})"
    _set(ed, ind, "realisasi_lalu", pending(hint))
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


def _rewrite_text(ed: Editor, node: YNode, key: str, ctx: Ctx, what: str) -> None:
    """A free text that names last year becomes a value to fill, its hint the text with
    the years moved (`shift_years`), so the old year is never published unnoticed."""
    found = entry(node, key)
    if found is None or found[1].kind != "scalar" or not ctx.names_old_year(found[1].text):
        return
    text = " ".join(found[1].text.split())
    new = pending(f"{what} {ctx.year}, mis. {files.short(shift_years(text, ctx.old, ctx.year))}")
    if not ed.set(found[0], new):  # a block scalar: the block goes, the value on the key
        indent = " " * ed.line(found[0].line).index(f"{key}:")
        ed.drop(found[0])
        ed.insert_after(found[0].line, f"{indent}{key}: {new}")


def _shift_line(ed: Editor, node: YNode, key: str, ctx: Ctx) -> None:
    found = entry(node, key)
    if found is not None and found[1].kind == "scalar":
        n = found[0].line
        ed.replaced[n] = shift_years(ed.line(n), ctx.old, ctx.year)


def text_of(node: YNode, key: str) -> str:
    found = value(node, key)
    return found.text if found is not None and found.kind == "scalar" else ""
