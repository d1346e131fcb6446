"""The whole portal's open data: every report's slice (`<id>/unduh/data-terbuka/`, written
by its unit) concatenated into `data-terbuka/` at the site's root, one Frictionless Data
Package of the same schema (present/opendata.py)."""

from __future__ import annotations

from pathlib import Path

from lkip_build.present import opendata

TITLE = "Data terbuka semua laporan di portal ini"


def slice_folder(site: Path, rid: str) -> Path:
    return site / rid / "unduh" / opendata.FOLDER


def merge_site(site: Path, report_ids: list[str]) -> None:
    """Write `site/data-terbuka/` from the slices of `report_ids`, in that order.
    FileNotFoundError when a report's slice is missing: the portal's package never leaves a
    report out silently."""
    folders = [slice_folder(site, rid) for rid in report_ids]
    for folder in folders:
        if not (folder / opendata.DESCRIPTOR).is_file():
            raise FileNotFoundError(f"{folder}: data terbuka laporan ini tidak ada")
    out = site / opendata.FOLDER
    out.mkdir(parents=True, exist_ok=True)
    for name, data in opendata.merge(folders, TITLE).items():
        (out / name).write_bytes(data)
