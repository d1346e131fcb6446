"""`lkip check PATH [--json]`: the audit from the command line.

PATH is a report's data folder (holding laporan.yml) or a repository (holding data/).
Exit status: 0 when no finding is an error, 1 when one is, 2 when the data cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .audit import ERROR, Temuan, audit
from .compute import hitung
from .problems import Collector, LkipError
from .report import load_report
from .site import prepare
from .validate import check_references


def _findings(path: Path) -> dict[str, list[Temuan]]:
    path = path.resolve()
    if (path / "laporan.yml").exists():
        root = path.parent.parent if path.parent.name == "data" else path.parent
        problems = Collector()
        report = load_report(path, root, problems)
        if report is not None:
            check_references(report, problems)
        problems.raise_if_any()
        assert report is not None
        h = hitung(report, problems)
        problems.raise_if_any()
        return {report.id: audit(h)}
    if (path / "data").is_dir():
        return prepare(path).temuan
    raise LkipError([])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lkip", description="Periksa data laporan kinerja.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="audit: cari angka yang tidak konsisten")
    check.add_argument("path", type=Path, help="folder data laporan, atau folder repositori")
    check.add_argument("--json", action="store_true", help="cetak temuan sebagai JSON")
    args = parser.parse_args(argv)
    try:
        found = _findings(args.path)
    except LkipError as exc:
        if not exc.problems:
            print(
                f"{args.path}: bukan folder laporan (laporan.yml) atau repositori (data/)",
                file=sys.stderr,
            )
        else:
            print(exc.render(), file=sys.stderr)
        return 2
    every = [t for rid in sorted(found) for t in found[rid]]
    if args.json:
        print(
            json.dumps([t.as_dict() for t in every], ensure_ascii=False, indent=2, sort_keys=True)
        )
    else:
        for t in every:
            print(t)
        errors = sum(1 for t in every if t.severity == ERROR)
        print(f"{len(every)} temuan, {errors} tidak konsisten", file=sys.stderr)
    return 1 if any(t.severity == ERROR for t in every) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
