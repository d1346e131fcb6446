"""A report is a folder of YAML files under data/; this module finds and loads them."""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from lkip_build import model as m
from lkip_build.model import Location
from lkip_build.problems import ERROR, Collector, guard
from lkip_build.read.loader import load_file

# file name -> (attribute of Report, model class); only laporan.yml is required.
FILES: dict[str, tuple[str, type]] = {
    "laporan.yml": ("laporan", m.Laporan),
    "pegawai.yml": ("pegawai", m.Pegawai),
    "renstra.yml": ("renstra", m.Renstra),
    "perjanjian.yml": ("perjanjian", m.PerjanjianKinerja),
    "indikator.yml": ("kinerja", m.Kinerja),
    "harga.yml": ("harga", m.Harga),
    "daftar.yml": ("daftar", m.KumpulanDaftar),
    "anggaran.yml": ("anggaran", m.Anggaran),
    "tabel.yml": ("tabel", m.DaftarTabel),
    "turunan.yml": ("turunan", m.KumpulanTurunan),
    "diterima.yml": ("diterima", m.Diterima),
}


@dataclass(frozen=True)
class Report:
    folder: str  # as shown in messages, e.g. "data/ntt-disperindag-lkip-2021"
    laporan: m.Laporan
    pegawai: m.Pegawai | None = None
    renstra: m.Renstra | None = None
    perjanjian: m.PerjanjianKinerja | None = None
    kinerja: m.Kinerja | None = None
    turunan: m.KumpulanTurunan | None = None
    harga: m.Harga | None = None
    daftar: m.KumpulanDaftar | None = None
    anggaran: m.Anggaran | None = None
    tabel: m.DaftarTabel | None = field(default=None)
    diterima: m.Diterima | None = None
    # attributes whose file is there but could not be read: its problems are reported, and
    # references into it are not reported again as dangling
    unreadable: frozenset[str] = frozenset()

    @property
    def id(self) -> str:
        return self.laporan.id

    def indicators(self) -> Iterator[m.Indikator]:
        """Every indicator of indikator.yml, each followed by its sub-indicators."""

        def walk(items: list[m.Indikator]) -> Iterator[m.Indikator]:
            for ind in items:
                yield ind
                yield from walk(ind.sub)

        return walk(self.kinerja.indikator if self.kinerja else [])


def load_report(folder: Path, root: Path, problems: Collector) -> Report | None:
    """Load every file of one report folder, recording all problems."""
    shown_folder = shown_path(folder, root)
    parts: dict[str, object] = {}
    first = len(problems.problems)
    for name, (attr, cls) in FILES.items():
        path = folder / name
        if not path.exists():
            if name == "laporan.yml":
                problems.add(
                    "missing-file", Location(f"{shown_folder}/{name}"), "berkas wajib tidak ada"
                )
            continue
        with guard(f"{shown_folder}/{name}", problems):
            parts[attr] = load_file(path, f"{shown_folder}/{name}", cls, problems)
    for path in sorted(folder.glob("*.y*ml")):
        if path.name not in FILES:
            hint = difflib.get_close_matches(path.name, list(FILES), n=1)
            known = f"maksud Anda {hint[0]!r}?" if hint else f"yang dikenal: {', '.join(FILES)}"
            problems.add(
                "unknown-file",
                Location(f"{shown_folder}/{path.name}"),
                f"berkas tidak dikenal; {known}",
            )
    laporan = parts.get("laporan")
    if not isinstance(laporan, m.Laporan):
        return None
    if laporan.id != folder.name:
        problems.add(
            "id-folder-mismatch",
            laporan.lokasi.__class__(laporan.lokasi.file, laporan.lokasi.line, "id"),
            f"id {laporan.id!r} harus sama dengan nama folder {folder.name!r}",
        )
    if laporan.status == "final":
        _pending_are_errors(problems, first)
    broken = frozenset(k for k, v in parts.items() if v is None)
    # parts maps each Report field to what load_file made of its file: an instance of the class
    # FILES names for it, or None. mypy cannot type a dict per key, and a TypedDict would
    # repeat Report's fields, so the per-field types are not checked here.
    return Report(folder=shown_folder, unreadable=broken, **parts)  # type: ignore[arg-type]


def _pending_are_errors(problems: Collector, first: int) -> None:
    """In a final report every value still to fill is an error (in a draft, a warning)."""
    for i in range(first, len(problems.problems)):
        p = problems.problems[i]
        if p.code == "value-pending":
            problems.problems[i] = replace(
                p, severity=ERROR, message=p.message + " (laporan berstatus final)"
            )


def report_folders(data_dir: Path, only: str | set[str] | None = None) -> list[Path]:
    """The report folders under data_dir (each should hold a laporan.yml), or only one (or
    only those of a set of ids)."""
    folders = sorted(p for p in data_dir.iterdir() if p.is_dir()) if data_dir.is_dir() else []
    names = {only} if isinstance(only, str) else only
    return [f for f in folders if names is None or f.name in names]


def inputs_digest(folder: Path, root: Path) -> str:
    """A digest of everything a report's pass reads: its folder (as shown) and the name and
    bytes of each of its files. Two equal digests mean the same results."""
    digest = hashlib.sha256(shown_path(folder, root).encode())
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            digest.update(f"\0{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def load_reports(
    data_dir: Path, root: Path, only: str | None = None
) -> tuple[list[Report], Collector]:
    """Load every report folder under data_dir, or only one (the loader's tests use it)."""
    problems = Collector()
    folders = report_folders(data_dir, only)
    if not folders:
        problems.add("no-reports", Location(shown_path(data_dir, root)), "tidak ada folder laporan")
    reports = [r for f in folders if (r := load_report(f, root, problems)) is not None]
    return reports, problems


def shown_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
