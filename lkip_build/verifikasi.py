"""The public verification page ("Catatan Verifikasi Data") and its JSON, from the findings."""

from __future__ import annotations

import json
import re

from .compute import Hasil
from .problems import ERROR, INFO, WARNING, Problem
from .table import cell_text
from .tables import anchor

PAGE = "catatan-verifikasi.md"
JSON = "catatan-verifikasi/temuan.json"
TITLE = "Catatan Verifikasi Data"
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V"}
_LABEL = {ERROR: "Tidak konsisten", WARNING: "Perlu diperiksa", INFO: "Kebijakan laporan"}


def summary(found: list[Problem]) -> str:
    n = {s: sum(1 for t in found if t.severity == s) for s in (ERROR, WARNING, INFO)}
    return f"{n[ERROR]} tidak konsisten, {n[WARNING]} perlu diperiksa, {n[INFO]} kebijakan laporan"


def as_json(found: list[Problem]) -> str:
    """Stable, sorted JSON: two builds of the same data give the same bytes."""
    return (
        json.dumps([t.as_dict() for t in found], ensure_ascii=False, indent=2, sort_keys=True)
        + "\n"
    )


def _chapter(table: str) -> str:
    m = re.match(r"(?:Tabel|Bab)\s+(\d)", table)
    if m:
        return f"Bab {_ROMAN.get(m.group(1), m.group(1))}"
    if table.lower().startswith("lampiran"):
        return "Lampiran"
    return table


def _order(chapter: str) -> tuple[int, str]:
    order = ["Ringkasan Eksekutif", "Bab I", "Bab II", "Bab III", "Bab IV", "Lampiran"]
    return (order.index(chapter) if chapter in order else len(order), chapter)


def page_markdown(h: Hasil, found: list[Problem], table_pages: dict[str, str]) -> str:
    """The body of the verification page of one report."""
    lap = h.report.laporan
    blocking = lap.kebijakan.temuan_memblokir
    out = [
        f"Halaman ini dibuat otomatis saat build: setiap angka yang **tertulis** di dokumen "
        f"{cell_text(lap.judul)} dibandingkan dengan angka yang **dihitung** dari datanya. "
        "Pembulatan dihormati: angka tertulis dengan dua desimal dianggap cocok bila nilai "
        "tepatnya dapat dibulatkan ke angka itu.",
        "",
        f"**Ringkasan:** {summary(found)}. "
        + (
            "Laporan ini belum boleh terbit selama ada temuan tidak konsisten."
            if blocking
            else "Dokumen ini sudah terbit; temuan diterbitkan apa adanya, dan tabel di situs "
            "ini menampilkan angka hasil hitung."
        ),
        "",
        "Data temuan dalam format JSON: [temuan.json](catatan-verifikasi/temuan.json).",
        "",
    ]
    if not found:
        out.append("Tidak ada temuan: semua angka yang tertulis cocok dengan hasil hitung.")
        return "\n".join(out) + "\n"
    numbered = {t.nomor: t for t in (h.report.tabel.tabel if h.report.tabel else []) if t.nomor}
    groups: dict[str, list[Problem]] = {}
    for t in found:
        groups.setdefault(_chapter(t.table), []).append(t)
    for chapter in sorted(groups, key=_order):
        out += [f"## {cell_text(chapter)}", ""]
        out.append("| Tempat | Yang diperiksa | Tertulis | Hasil hitung | Selisih | Keterangan |")
        out.append("| :-- | :-- | --: | --: | --: | :-- |")
        for t in sorted(groups[chapter], key=lambda x: (x.table, x.field)):
            place = cell_text(t.table)
            m = re.fullmatch(r"Tabel (\d+\.\d+)", t.table)
            if m and m.group(1) in numbered:
                tab = numbered[m.group(1)]
                src = table_pages.get(tab.id)
                if src:
                    rel = src.rsplit("/", 1)[-1]
                    place = f"[{place}]({rel}#{anchor(tab.nomor, tab.id)})"
            out.append(
                "| "
                + " | ".join(
                    [
                        place,
                        cell_text(t.field),
                        cell_text(t.stated or "-"),
                        cell_text(t.computed or "-"),
                        cell_text(t.difference or "-"),
                        f"**{_LABEL[t.severity]}**: {cell_text(t.message)} "
                        f"<small>({cell_text(t.file)}:{t.line}, `{t.code}`)</small>",
                    ]
                )
                + " |"
            )
        out.append("")
    return "\n".join(out) + "\n"
