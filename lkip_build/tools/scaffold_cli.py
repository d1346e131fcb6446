"""`lkip new`'s arguments, help and output (Indonesian); the work is in scaffold.py."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lkip_build.problems import EXIT_OK, EXIT_UNREADABLE

NEW_DESCRIPTION = """\
Buat laporan baru sebagai draf (`status: draf`):

  lkip new --from data/<id> --year 2022
      laporan tahun 2022 dari laporan tahun sebelumnya: instansi, Renstra dan targetnya
      untuk tahun itu, aturan capaian, skala, kebijakan, tabel dan bab dibawa; realisasi,
      anggaran, harga, jumlah pegawai, baris daftar dan `tertulis` dikosongkan.
  lkip new --agency "Dinas ..." --level kota --year 2022
      laporan kosong untuk satu instansi.

Setiap nilai yang masih harus diisi ditulis `{belum_diisi: "petunjuk"}` dan tercantum,
dengan berkas dan barisnya, di halaman "Yang masih harus diisi". Folder yang sudah ada
tidak pernah ditimpa.
"""


def new_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="FOLDER",
        help="folder data laporan asal (data/<id>)",
    )
    p.add_argument("--year", type=int, required=True, metavar="TAHUN", help="tahun laporan baru")
    p.add_argument("--agency", metavar="INSTANSI", help="nama instansi (laporan kosong)")
    p.add_argument(
        "--level",
        choices=["nasional", "provinsi", "kabupaten", "kota"],
        metavar="TINGKAT",
        help="tingkat pemerintahan: nasional, provinsi, kabupaten, kota (laporan kosong)",
    )
    p.add_argument(
        "--jenis",
        default="LKIP",
        metavar="JENIS",
        help="jenis dokumen (laporan kosong; bawaan LKIP)",
    )
    p.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        metavar="FOLDER",
        help="folder repositori (laporan kosong)",
    )


def run_new(args: argparse.Namespace) -> int:
    from lkip_build.tools.scaffold import ScaffoldError, empty, from_report

    try:
        if args.source is not None:
            made = from_report(args.source, args.year)
        elif args.agency and args.level:
            made = empty(args.root, args.agency, args.level, args.year, args.jenis)
        else:
            print("tulis --from data/<id>, atau --agency dan --level", file=sys.stderr)
            return EXIT_UNREADABLE
    except ScaffoldError as exc:
        print(f"lkip new: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(f"Laporan baru (draf): data/{made.id}")
    for path in made.written:
        print(f"  ditulis  {path}")
    folder = (
        args.source.parent / made.id
        if args.source is not None
        else Path(args.root) / "data" / made.id
    )
    print(
        f"{_left_to_fill(folder)}. Daftarnya, dengan berkas, baris dan petunjuk: "
        f"`make check LAPORAN=data/{made.id} SEMUA=1`, atau halaman "
        '"Yang masih harus diisi" di pratinjau (`make serve`).'
    )
    return EXIT_OK


def _left_to_fill(folder: Path) -> str:
    """What is left to fill in the new draft, counted as `lkip check` and the to-do page
    count it (`problems.tally`): the one pipeline on the new report, no page written."""
    from lkip_build.problems import Collector, LkipError, guard, tally
    from lkip_build.publish import pipeline
    from lkip_build.tools.revisions import locate

    root, data, only = locate(folder)
    try:
        with guard(str(folder), Collector()):
            scope = pipeline.report(only) if only else pipeline.ALL
            found = pipeline.run(root, scope, data_dir=data, write_files=False).problems
            return tally(found) or "Tidak ada nilai yang belum diisi"
    except LkipError as exc:
        return tally(exc.problems) + " (dan ada masalah: jalankan `make check`)"
    return "Nilai yang belum diisi tidak bisa dihitung"
