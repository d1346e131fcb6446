"""`lkip import`'s arguments, help and output (Indonesian); the work is in draft.py."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from lkip_build.problems import EXIT_OK, EXIT_UNREADABLE

IMPORT_DESCRIPTION = """\
Buat draf laporan (`status: draf`) dari laporan yang sudah terbit:

  lkip import laporan.txt --id dinas-x-lkjip-2021
      teks hasil konversi PDF atau Word: tabel dengan tab, tabel pipa (| a | b |), atau
      keluaran `pdftotext -layout`.
  lkip import laporan.pdf --id dinas-x-lkjip-2021
      PDF langsung (pdfplumber): tabel bergaris dibaca per sel, teks lainnya per halaman.

Yang ditulis: data/ID/ (laporan.yml dengan identitas dari sampul, ditandai 'tebakan';
indikator, anggaran, pegawai, harga dan daftar dari tabel yang dikenali; tabel.yml dengan
nomor dan judul tabel sebagaimana tercetak) dan content/ID/ (bab-bab dengan setiap tabel
diganti penandanya). Setiap nilai diberi komentar baris sumbernya. Angka turunan dokumen
(capaian, jumlah, persen, rata-rata) masuk `tertulis`, dibandingkan `lkip check` dengan
hasil hitung. Sel yang tidak terbaca pasti ditulis `{belum_diisi: ...}` dengan teks
tercetaknya. Folder yang sudah ada tidak pernah ditimpa.
"""


def import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("sumber", type=Path, metavar="SUMBER", help="berkas teks (.txt, .md) atau PDF")
    p.add_argument("--id", required=True, metavar="ID", help="id laporan baru (nama foldernya)")
    p.add_argument(
        "--root", type=Path, default=Path("."), metavar="FOLDER", help="folder repositori"
    )
    p.add_argument("--tahun", type=int, metavar="TAHUN", help="tahun laporan (bawaan: dari sampul)")
    p.add_argument(
        "--tingkat",
        choices=["nasional", "provinsi", "kabupaten", "kota"],
        metavar="TINGKAT",
        help="nasional, provinsi, kabupaten atau kota (bawaan: dari sampul)",
    )
    p.add_argument("--jenis", metavar="JENIS", help="LKIP, LAKIP, LKjIP, LKj (bawaan: dari sampul)")
    p.add_argument("--instansi", metavar="NAMA", help="nama instansi (bawaan: dari sampul)")


def run_import(args: argparse.Namespace) -> int:
    from lkip_build.importer.draft import DraftError, Identity, make
    from lkip_build.importer.pdf import PdfError, text_of

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", args.id):
        print("lkip import: --id hanya huruf kecil, angka dan '-'", file=sys.stderr)
        return EXIT_UNREADABLE
    root: Path = args.root
    targets = [root / "data" / args.id, root / "content" / args.id]
    existing = [str(t) for t in targets if t.exists()]
    if existing:
        print(f"lkip import: sudah ada, tidak ditimpa: {', '.join(existing)}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        text = text_of(args.sumber)
        given = Identity(args.instansi or "", args.tingkat or "", args.tahun, args.jenis or "")
        draft = make(text, args.id, args.sumber.name, given)
    except (PdfError, DraftError) as exc:
        print(f"lkip import: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    for rel, content in draft.files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    named = _name_figures(root, args.id, draft.shows)
    print(f"Draf laporan: data/{args.id} dan content/{args.id} ({len(draft.files)} berkas)")
    kinds: dict[str, list[str]] = {}
    for di, kind, _ in draft.tables:
        kinds.setdefault(kind, []).append(di)
    for kind, where in kinds.items():
        print(f"  {kind:<18} {len(where):>3} tabel: {', '.join(where)}")
    if not draft.tables:
        print(
            "Tidak ada tabel yang dikenali: teksnya menjadi bab, datanya belum ada. Tabel "
            "tanpa garis kolom di PDF terbaca sebagai teks; ubah dulu dengan "
            "`pdftotext -layout` atau Simpan Sebagai Teks dari Word, lalu impor teksnya."
        )
    print(f"Angka di bab yang kini penanda nilai data (lkip:nilai): {named}")
    print(f"Nilai belum diisi (tidak terbaca pasti): {len(draft.notes.pending)}")
    for line in draft.notes.pending:
        print(f"  {line}")
    if draft.notes.unmapped:
        print(f"Baris yang tidak menjadi data ({len(draft.notes.unmapped)}; juga di laporan.yml):")
        for line in draft.notes.unmapped:
            print(f"  {line}")
    print(
        f"Berikutnya: `lkip check data/{args.id}` membandingkan setiap angka tercetak dengan "
        "hasil hitung; tinjau nilai bertanda 'tebakan' di laporan.yml."
    )
    return EXIT_OK


def _name_figures(root: Path, rid: str, shows: dict[str, list[str]]) -> int:
    """The written chapters with the prose's figures that are data made markers."""
    from lkip_build.importer.prose import facts_of, name_figures

    facts = facts_of(root, rid)
    count = 0
    for page in sorted((root / "content" / rid).glob("*.md")):
        text, n = name_figures(page.read_text(encoding="utf-8"), facts, shows)
        if n:
            page.write_text(text, encoding="utf-8")
            count += n
    return count
