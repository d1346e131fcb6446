"""What `lkip new` writes besides the rewritten YAML: chapters carried as templates, the
files of an empty report, and the walks over plan trees that scaffold.py needs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkip_build.read.yamlread import YNode
from lkip_build.tools.yamledit import items, pending, shift_years

REWRITE = "<!-- lkip:tulis-ulang -->"
MARKERS = re.compile(r"<!--.*?-->", re.S)
# what makes a paragraph last year's: a year, a decimal, a thousands figure, a percentage
FIGURE = re.compile(r"\b(?:19|20)\d\d\b|\d+,\d+|\b\d{1,3}(?:\.\d{3})+\b|\d\s*%")


def chapter(text: str, old: int, year: int) -> str:
    """A chapter as a template: markers kept (they bind the new year's figures), and each
    paragraph that states a year or a figure of its own preceded by
    `<!-- lkip:tulis-ulang -->` (it was true of last year's report only). A heading that
    names last year (or the year before) is moved to the new year and marked too: the
    move is a guess ("Lampiran: Perjanjian Kinerja 2021" is right as 2022, a law of 2021
    is not), and nothing with a year is published unread."""
    years = re.compile(rf"\b(?:{old - 1}|{old})\b")
    front = re.match(r"\A-{3}[ \t]*\n.*?\n(?:-{3}|\.{3})[ \t]*\n", text, re.S)
    head = front.group(0) if front else ""
    blocks = re.split(r"(\n[ \t]*\n)", text[len(head) :])
    out = []
    fence = False
    for block in blocks:
        if not block.strip() or fence or block.lstrip().startswith("```"):
            fence ^= block.count("```") % 2 == 1
            out.append(block)
        elif block.lstrip().startswith("#"):
            moved = shift_years(block, old, year)
            out.append(f"{REWRITE}\n{moved}" if years.search(MARKERS.sub("", block)) else moved)
        elif FIGURE.search(MARKERS.sub("", block)):
            out.append(f"{REWRITE}\n{block}")
        else:
            out.append(block)
    return head + "".join(out)


def plan_indicators(tree: YNode | None) -> Iterator[YNode]:
    """Every indicator of a Renstra tree (tujuan > sasaran > indikator, urusan > indikator)."""
    for tujuan in items(tree, "tujuan"):
        for sasaran in items(tujuan, "sasaran"):
            yield from _with_sub(items(sasaran, "indikator"))
    for urusan in items(tree, "urusan"):
        yield from _with_sub(items(urusan, "indikator"))


def _with_sub(nodes: Iterator[YNode]) -> Iterator[YNode]:
    for node in nodes:
        yield node
        yield from _with_sub(items(node, "sub"))


def program_indicators(prog: YNode) -> Iterator[YNode]:
    """The indicators of a planned programme, its kegiatan and their sub kegiatan."""
    yield from items(prog, "indikator")
    for keg in items(prog, "kegiatan"):
        yield from items(keg, "indikator")
        for sub in items(keg, "sub_kegiatan"):
            yield from items(sub, "indikator")


def short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def empty_report(rid: str, agency: str, level: str, year: int, jenis: str) -> dict[str, str]:
    """The files of an empty report (path under the repository -> text)."""
    q = _quote
    laporan = f"""\
# Identitas laporan (dibuat dengan `lkip new`): isi setiap nilai `belum_diisi`.
id: {rid}
jenis_dokumen: {jenis}
judul: {q(f"Laporan Kinerja Instansi Pemerintah ({jenis}) Tahun {year}")}
instansi: {q(agency)}
pemerintah: {pending(f"nama pemerintah daerah, mis. Pemerintah {level.capitalize()} ...")}
tingkat: {level}
wilayah: {pending("nama wilayah")}
tahun: {year}
# draf: nilai `belum_diisi` masih boleh (daftarnya di halaman Yang masih harus diisi);
# tulis `final` setelah semuanya terisi.
status: draf
tanggal: {pending(f"tanggal laporan, mis. Januari {year + 1}")}
periode_renstra: {pending("periode Renstra, mis. 2021-2026")}
# Skala capaian bawaan (empat kategori, lihat EDITING.md); tulis pitanya bila lain.
skala_capaian: permenpan-4

halaman:
  - file: index.md
    judul: Sampul
  - file: capaian-kinerja.md
    judul: Capaian Kinerja
"""
    indikator = f"""\
# Indikator kinerja yang diukur. Tambahkan satu butir per indikator.
sasaran_strategis: {pending("sasaran strategis dari Renstra")}

indikator:
  - id: ik-1
    nama: {pending("nama indikator kinerja utama")}
    target: {pending(f"target {year} dari Perjanjian Kinerja")}
    realisasi:
      jenis: rasio
      a: {pending(f"pembilang (jumlah yang tercapai) tahun {year}")}
      b: {pending(f"penyebut (jumlah seluruhnya) tahun {year}")}
"""
    return {
        f"data/{rid}/laporan.yml": laporan,
        f"data/{rid}/indikator.yml": indikator,
        f"data/{rid}/tabel.yml": TABEL,
        f"content/{rid}/index.md": f"# {agency}\n\nLaporan Kinerja Tahun {year}.\n",
        f"content/{rid}/capaian-kinerja.md": BAB3.format(rewrite=REWRITE, year=year),
    }


TABEL = """\
# Tabel laporan: nomor dan judul sebagaimana di dokumen.
tabel:
  - id: capaian-kinerja
    nomor: "3.1"
    judul: Capaian Kinerja
    jenis: capaian
"""

BAB3 = """\
# Capaian Kinerja

{rewrite}
Tuliskan pengantar capaian kinerja tahun {year}.

<!-- lkip:tabel capaian-kinerja -->

Rata-rata capaian kinerja: **<!-- lkip:nilai kinerja.rata_rata -->**.
"""


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
