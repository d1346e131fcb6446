"""What a citizen reads of a finding: the thing checked in words, the place, one sentence.

The editors' message (`Problem.message`) names fields and keys; the public page names what
was checked from the data itself (table titles, row labels, column headings, the names of
budget lines, indicators, goods, lists), never from text typed per finding.
"""

from __future__ import annotations

import re

from lkip_build import model as m
from lkip_build.compute import KomposisiResult, slug
from lkip_build.present.tables.budget import level

__all__ = ["level"]


def place(di: str) -> str:
    """Where a document prints a figure, as the subject of a sentence: "Bab 1.5 teks" ->
    "teks Bab 1.5", "Bab 3.3 teks APBN" -> "teks Bab 3.3 tentang APBN"; "" -> "dokumen"."""
    found = re.fullmatch(r"(Bab\s+\S+)\s+teks(?:\s+(.+))?", di.strip())
    if found:
        about = f" tentang {found.group(2)}" if found.group(2) else ""
        return f"teks {found.group(1)}{about}"
    return di.strip() or "dokumen"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(*parts: str) -> str:
    """Parts joined into sentences, each ending with one full stop."""
    out = []
    for p in parts:
        p = p.strip()
        if p:
            out.append(cap(p) + ("" if p.endswith((".", "?", "!")) else "."))
    return " ".join(out)


def said(perihal: str, *rest: str) -> str:
    """ "<what was checked>: <what the document and the data say>." and further sentences."""
    return sentence(f"{perihal}: {rest[0]}", *rest[1:])


def mismatch(
    perihal: str,
    where: str,
    text: str,
    shown: str,
    difference: str | None,
    cause: str,
    unreadable: bool,
) -> str:
    """A stated figure against the computed one. The sentence gives the size of the
    difference (its sign is in the finding's figures); a figure that cannot be read as a
    number as printed is said to be so, with no difference computed from a guess."""
    if unreadable:
        first = (
            f"{where} menulis {text}, yang tidak terbaca sebagai angka (pemisah ribuannya "
            f"tidak benar); hasil hitung dari data {shown}"
        )
    else:
        first = f"{where} menulis {text}, hasil hitung dari data {shown}"
        first += f" (selisih {difference.lstrip('-')})" if difference else ""
    return said(perihal, first, f"kemungkinan penyebab: {cause}" if cause else "")


# ---------------------------------------------------------------- staff (pegawai.yml)


def staff_row(kom: m.Komposisi, label: str) -> str:
    return f"Jumlah pegawai {kom.judul_baris} {label}"


def staff_total(kom: m.Komposisi) -> str:
    return f"Jumlah seluruh pegawai menurut {kom.judul_baris}"


def staff_figure(k: KomposisiResult, key: str) -> str:
    """A named staff figure (`kelompok.iv`, `baris.s1`, `persen.s1`, `kolom.asn-orang`,
    `sel.laki-laki.asn-orang`, `total`) in words, from the table's own labels."""
    kom = k.komposisi
    rows = {slug(r.label): r.label for r in kom.baris}
    groups = {slug(r.kelompok): r.kelompok for r in kom.baris if r.kelompok}
    cols = {slug(c): c for c in [*kom.kolom, *kom.sub_kolom]}
    head, _, rest = key.partition(".")
    if head == "total":
        return staff_total(kom)
    if head == "kelompok":
        return staff_row(kom, groups.get(rest, rest))
    if head == "baris":
        return staff_row(kom, rows.get(rest, rest))
    if head == "persen":
        return f"Persentase pegawai {kom.judul_baris} {rows.get(rest, rest)}"
    if head == "kolom":
        return f"Jumlah pegawai {cols.get(rest, rest)}"
    if head == "sel":
        row, _, col = rest.partition(".")
        return f"Jumlah pegawai {rows.get(row, row)}, {cols.get(col, col)}"
    return key


# ---------------------------------------------------------------- budget and indicators

BUDGET_KEYS = {
    "pagu": "pagu",
    "realisasi": "realisasi anggaran",
    "persen": "persentase realisasi keuangan",
    "sisa": "sisa anggaran",
    "fisik": "realisasi fisik",
    "terbilang_pagu": "pagu dalam huruf (terbilang)",
    "terbilang_realisasi": "realisasi anggaran dalam huruf (terbilang)",
}

INDICATOR_KEYS = {
    "target": "target",
    "realisasi": "realisasi",
    "capaian": "capaian",
    "capaian_mentah": "capaian sebelum dibatasi",
    "kategori": "kategori capaian",
    "klaim": "pernyataan tentang",
}


def budget_figure(key: str, of: str) -> str:
    return cap(f"{BUDGET_KEYS.get(key, key)} {of}")


def indicator(ind: m.Indikator) -> str:
    return f"indikator “{ind.nama}”"


def indicator_figure(ind: m.Indikator, key: str) -> str:
    """`target`, `realisasi`, ... of an indicator; `a` and `b` by their own description."""
    if key in ("a", "b"):
        rumus = ind.realisasi
        x = getattr(rumus, key, None) if isinstance(rumus, m.Rumus) else None
        what = x.uraian if isinstance(x, m.Masukan) and x.uraian else f"masukan {key} rumus"
        return cap(f"{what} ({indicator(ind)})")
    return cap(f"{INDICATOR_KEYS.get(key, key)} {indicator(ind)}")
