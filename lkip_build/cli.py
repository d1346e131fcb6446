"""`lkip check PATH [--json]`: the build's whole validation pass, without the site generator.

PATH is a report's data folder (holding laporan.yml) or a repository (holding data/).
The pass is the build's own: load, check, compute, draw every table, audit, and, when the
repository's chapters are there (content/), expand every page's markers. So a problem
that stops the build is found here first, at the same line. The result is kept in the
content cache (`cache.Memo("check")`) under a key of every file the pass reads and of the
program: a second check of the same files prints the same lines without loading the pass.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from lkip_build.importer.cli import IMPORT_DESCRIPTION, import_arguments, run_import
from lkip_build.problems import (
    EXIT_INTERNAL,
    EXIT_UNREADABLE,
    Collector,
    LkipError,
    Problem,
    exit_status,
    grouped,
    guard,
    listing,
    summary,
)
from lkip_build.tools.arguments import Parser
from lkip_build.tools.scaffold_cli import NEW_DESCRIPTION, new_arguments, run_new

DESCRIPTION = """\
Periksa data laporan kinerja: membaca YAML, memeriksa rujukan, menghitung setiap angka,
menggambar setiap tabel, mengaudit angka tertulis, dan memeriksa penanda di bab.

Status keluar:
  0  tidak ada masalah yang menghentikan penerbitan
  1  data tidak konsisten: termasuk angka tertulis yang tidak cocok dengan hasil hitung dan
     tidak didaftar di diterima.yml laporannya, atau butir diterima.yml yang sudah basi
  2  data tidak bisa dibaca (YAML, kolom, angka), atau perintah salah tulis
  3  kesalahan program (laporkan ke pengembang)
"""


def run_check(path: Path) -> tuple[list[Problem], list[Problem]]:
    """(every problem and finding, the blocking ones), as the build would find them: the
    one pipeline with no writer (publish/pipeline.py)."""
    from lkip_build.publish import pipeline
    from lkip_build.tools.revisions import (
        locate,  # late: it reads YAML, which a remembered check skips
    )

    root, data, only = locate(path)
    collector = Collector()
    with guard(str(path), collector):
        # what the build or an earlier check did for these files comes from the cache
        scope = pipeline.report(only) if only else pipeline.ALL
        result = pipeline.run(root, scope, data_dir=data, write_files=False)
        return result.problems, result.blocking
    raise LkipError(collector.problems)


def _check_key(path: Path) -> str:
    """A key of everything `run_check(path)` reads: the report folders' files, every file
    under content/ by name (a page is checked against every file a link may land on) and
    the chapters in scope by their bytes, mkdocs.yml (its Markdown extensions) and the
    program (`cache.code_version`)."""
    from lkip_build import cache
    from lkip_build.publish import scope  # light: no site module (the check may be remembered)
    from lkip_build.tools.revisions import (
        locate,  # late: it reads YAML, which a remembered check skips
    )

    root, data, only = locate(path)
    parts: list[bytes | str] = [str(path.resolve()), cache.code_version()]
    content = root / "content"
    folders = [data]
    if only:  # the report's own files, and those of the reports its pages show
        pages = scope.read_pages(content, scope.report(only), data)
        named = scope.named_reports(pages)
        folders = [data] if named is None else [data / n for n in sorted({only, *named})]
    files = [f for d in folders if d.is_dir() for f in d.rglob("*") if f.is_file()]
    parts += sorted(scope.report_ids(data))  # every report's name: links may land in it
    every = [f for f in content.rglob("*") if f.is_file()] if content.is_dir() else []
    config = root / "mkdocs.yml"
    for f in sorted(files) + ([config] if config.is_file() else []):
        parts += [f.relative_to(root).as_posix(), f.read_bytes()]
    mine = content / only if only else content
    for f in sorted(every):  # other reports' files by name: a link needs them to exist
        parts.append(f.relative_to(root).as_posix())
        if f.suffix == ".md" and f.is_relative_to(mine):
            parts.append(f.read_bytes())
    return cache.key("check", parts)


def check(args: argparse.Namespace) -> int:
    from lkip_build import cache
    from lkip_build.tools.revisions import SideError

    if args.terima:
        return accept(args.path)
    try:
        # the same files under the same program: the same problems (no site module loaded)
        key, memo = _check_key(args.path), cache.Memo("check")
        if (done := memo.get(key)) is not None:
            every, blocking = done
        else:
            every, blocking = memo[key] = run_check(args.path)
    except SideError as exc:  # neither a report folder nor a repository
        print(exc, file=sys.stderr)
        return EXIT_UNREADABLE
    except LkipError as exc:
        print("\n".join(listing(exc.problems, every_pending=args.semua)), file=sys.stderr)
        return exc.exit_status or EXIT_INTERNAL
    if args.json:
        print(
            json.dumps([t.as_dict() for t in every], ensure_ascii=False, indent=2, sort_keys=True)
        )
    else:
        held = {id(t) for t in blocking}  # the same objects: one pickle in the memo
        ids = _note_ids(every)

        def shown(t: Problem) -> str:  # a verification note with its id, as diterima.yml has it
            if t.stage != "audit":
                return str(t)
            mark = " BARU" if id(t) in held else ""  # "[stated-mismatch cv-1a2b3c4d BARU]"
            return f"{str(t)[:-1]} {ids[id(t)]}{mark}]"

        if every:
            print("\n".join(listing(every, blocking, every_pending=args.semua, shown=shown)))
        _print_causes(every, ids)
        print(summary(every, blocking) if every else "tidak ada masalah", file=sys.stderr)
        unaccepted = [t for t in blocking if t.stage == "audit"]
        if unaccepted:
            # one command per report: `make terima` (lkip check --terima) takes one folder
            folders = sorted({t.file.rsplit("/", 1)[0] for t in unaccepted})
            commands = ", ".join(f"`make terima LAPORAN={f}`" for f in folders)
            print(
                f"{len(unaccepted)} angka tidak cocok belum diterima (BARU di atas). Bila "
                "data yang salah, perbaiki datanya; bila dokumen yang sudah terbit memang "
                "mencetaknya demikian, daftarkan di diterima.yml laporannya: "
                f"{commands}, lalu tinjau daftarnya",
                file=sys.stderr,
            )
    return exit_status(blocking)


def _print_causes(every: list[Problem], ids: dict[int, str]) -> None:
    """After the notes: each cause that explains several of a report's notes, with their ids
    ("sebab bersama sb-1a2b3c4d: <kalimat> (cv-…, cv-…)")."""
    for folder in dict.fromkeys(t.file.rsplit("/", 1)[0] for t in every if t.sebab):
        notes = [t for t in every if t.file.rsplit("/", 1)[0] == folder]
        for sebab, members in grouped(notes).items():
            named = ", ".join(ids[id(notes[i])] for i in members)
            print(f"{folder}: sebab bersama {sebab.id}: {sebab.kalimat} [{named}]")


def _note_ids(every: list[Problem]) -> dict[int, str]:
    """Each note's id as its report's review gives it (`-2` for a repeated one): the notes
    of a report come in its findings' order, so the ids are those of diterima.yml."""
    from lkip_build.audit.acceptance import identities

    reports: dict[str, list[Problem]] = {}
    for t in every:
        if t.stage == "audit":
            reports.setdefault(t.file.rsplit("/", 1)[0], []).append(t)
    return {
        id(t): ident
        for notes in reports.values()
        for t, ident in zip(notes, identities(notes), strict=True)
    }


def accept(path: Path) -> int:
    """`lkip check --terima FOLDER`: write the report's diterima.yml (tools/accept.py)."""
    from lkip_build.tools.accept import write
    from lkip_build.tools.revisions import SideError, locate

    try:
        root, data, only = locate(path)
    except SideError as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNREADABLE
    if only is None:
        print(
            f"{path}: --terima menulis diterima.yml satu laporan: sebut folder datanya "
            "(misalnya data/<id>), bukan repositori",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    collector = Collector()
    try:
        with guard(str(path), collector):
            listed, new, dropped = write(root, data, only)
            print(
                f"{path}/diterima.yml: {listed} catatan diterima ({new} baru, "
                f"{dropped} dihapus karena tidak muncul lagi); tinjau daftarnya",
                file=sys.stderr,
            )
            return 0
        raise LkipError(collector.problems)
    except LkipError as exc:
        print(exc.render(), file=sys.stderr)
        return exc.exit_status or EXIT_INTERNAL


EXPORT = """\
Tulis seluruh situs sebagai folder dokumen biasa (DIR/docs dan DIR/mkdocs.yml): setiap
penanda sudah diganti tabel dan angka, halaman verifikasi, versi cetak, unduhan dan grafik
sudah dibuat. Generator situs apa pun yang membaca Python-Markdown (MkDocs, ProperDocs,
Zensical) membangunnya tanpa hooks. Data yang ditolak build juga ditolak di sini.
"""


def export(args: argparse.Namespace) -> int:
    from lkip_build.publish.export import export as write

    collector = Collector()
    try:
        with guard(str(args.dir), collector):
            if args.akar:
                from lkip_build.publish.units import HOME, export_unit

                export_unit(Path(args.root).resolve(), args.dir, args.laporan or HOME)
                print(f"unit {args.laporan or HOME} ditulis ke {args.dir}", file=sys.stderr)
                return 0
            files = write(Path(args.root).resolve(), args.dir, only=args.laporan)
            print(f"{len(files)} berkas ditulis ke {args.dir}", file=sys.stderr)
            return 0
        raise LkipError(collector.problems)
    except LkipError as exc:
        print(exc.render(), file=sys.stderr)
        return exc.exit_status or EXIT_INTERNAL


DIFF_DESCRIPTION = """\
Bandingkan dua versi laporan: setiap angka turunan yang berubah (capaian, kategori,
rata-rata, jumlah, serapan) per halaman, dan catatan verifikasi yang baru atau selesai, sebagai
Markdown untuk komentar pull request. Setiap sisi adalah folder (repositori atau folder
data laporan) atau revisi git. Dua laporan satu instansi untuk dua tahun (pemerintah,
instansi dan jenis dokumen sama, tahun berbeda) dibandingkan tahun ke tahun: target,
realisasi dan capaian setiap indikator berdampingan.

Status keluar:
  0  perbandingan dicetak (juga bila ada angka yang berubah)
  2  salah satu sisi tidak bisa dibaca
  3  kesalahan program (laporkan ke pengembang)
"""


def diff(args: argparse.Namespace) -> int:
    from lkip_build.tools.diff import run_diff
    from lkip_build.tools.revisions import SideError

    try:
        print(run_diff(args.lama, args.baru, Path.cwd()), end="")
    except SideError as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNREADABLE
    except LkipError as exc:
        print(exc.render(), file=sys.stderr)
        return EXIT_INTERNAL if exc.exit_status == EXIT_INTERNAL else EXIT_UNREADABLE
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = Parser(prog="lkip", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True, title="perintah", metavar="PERINTAH")
    p = sub.add_parser("check", help="periksa dan audit data laporan", description=DESCRIPTION)
    p.add_argument("path", type=Path, help="folder data laporan, atau folder repositori")
    p.add_argument(
        "--json", action="store_true", help="cetak masalah dan catatan verifikasi sebagai JSON"
    )
    p.add_argument(
        "--semua",
        action="store_true",
        help="cantumkan setiap nilai yang belum diisi dengan baris dan petunjuknya (bawaan: "
        "satu jumlah per berkas)",
    )
    p.add_argument(
        "--terima",
        action="store_true",
        help="tulis diterima.yml laporan ini: setiap catatan verifikasinya sekarang diterbitkan "
        "apa adanya (untuk dokumen yang sudah terbit; tinjau daftarnya)",
    )
    p.set_defaults(run=check)
    p = sub.add_parser(
        "export", help="tulis situs sebagai folder dokumen biasa", description=EXPORT
    )
    p.add_argument("dir", type=Path, metavar="DIR", help="folder tujuan")
    p.add_argument("--root", default=".", help="folder repositori (bawaan: folder ini)")
    p.add_argument("--laporan", metavar="ID", help="hanya satu laporan (dan beranda)")
    p.add_argument(
        "--akar",
        action="store_true",
        help="satu unit terbitan: halaman laporan ID di akar situs (disajikan di /ID/); "
        "tanpa --laporan: beranda saja",
    )
    p.set_defaults(run=export)
    p = sub.add_parser(
        "diff",
        help="angka yang berubah antara dua versi, sebagai Markdown",
        description=DIFF_DESCRIPTION,
    )
    p.add_argument("lama", help="versi lama: folder, atau revisi git (HEAD~1, main, sha)")
    p.add_argument("baru", help="versi baru: folder, atau revisi git")
    p.set_defaults(run=diff)
    p = sub.add_parser(
        "new",
        help="buat laporan tahun berikutnya (atau laporan kosong) sebagai draf",
        description=NEW_DESCRIPTION,
    )
    new_arguments(p)
    p.set_defaults(run=run_new)
    p = sub.add_parser(
        "import",
        help="buat draf laporan dari laporan terbit (teks hasil konversi, atau PDF)",
        description=IMPORT_DESCRIPTION,
    )
    import_arguments(p)
    p.set_defaults(run=run_import)
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except BrokenPipeError:  # `lkip check . | head`: the reader has what it wanted
        sys.stderr = sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (closed at exit)
        return 0
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
