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
    print(
        f"{made.pending} nilai data belum diisi. Daftarnya, dengan berkas dan baris: "
        f'`lkip check data/{made.id}`, atau halaman "Yang masih harus diisi" situsnya.'
    )
    return EXIT_OK
