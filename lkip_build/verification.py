"""The public verification page ("Catatan Verifikasi Data") and its JSON, from the findings."""

from __future__ import annotations

import json
import re

from .compute import Computed
from .problems import ERROR, INFO, WARNING, Problem
from .table import cell_text
from .tables import anchors, label

PAGE = "catatan-verifikasi.md"
JSON = "catatan-verifikasi/temuan.json"
TITLE = "Catatan Verifikasi Data"
_LABEL = {ERROR: "Tidak konsisten", WARNING: "Perlu diperiksa", INFO: "Catatan"}
_LABEL_OF_CODE = {"policy-applied": "Kebijakan laporan"}


def _label(t: Problem) -> str:
    return _LABEL_OF_CODE.get(t.code, _LABEL[t.severity])


def _verdict(found: list[Problem], blocking: bool) -> str:
    """The sentence after the summary: true for 0 findings, for blocking and for not."""
    if not any(t.severity == ERROR for t in found):
        return "Tidak ada angka tertulis yang bertentangan dengan hasil hitung."
    if blocking:
        return "Laporan ini belum boleh terbit selama ada temuan tidak konsisten."
    return (
        "Dokumen ini sudah terbit; temuan diterbitkan apa adanya, dan tabel di situs ini "
        "menampilkan angka hasil hitung."
    )


def anchor_of(index: int) -> str:
    """The id of a finding's row: its place in the report's sorted findings."""
    return f"temuan-{index + 1}"


def summary(found: list[Problem]) -> str:
    n = {s: sum(1 for t in found if t.severity == s) for s in (ERROR, WARNING, INFO)}
    return f"{n[ERROR]} tidak konsisten, {n[WARNING]} perlu diperiksa, {n[INFO]} catatan"


def as_json(found: list[Problem]) -> str:
    """Stable, sorted JSON: two builds of the same data give the same bytes."""
    return (
        json.dumps([t.as_dict() for t in found], ensure_ascii=False, indent=2, sort_keys=True)
        + "\n"
    )


_ROMAN_OF = {str(i): r for i, r in enumerate(["", "I", "II", "III", "IV", "V", "VI", "VII"]) if r}


def _words(text: str) -> list[str]:
    """'Bab 3.2 teks' -> ['bab', 'iii', ...]: a chapter named by number or numeral alike."""
    out = []
    for w in re.split(r"[\s:.]+", text.lower()):
        out.append(_ROMAN_OF.get(w, w).lower())
    return [w for w in out if w]


def chapters(h: Computed, table_pages: dict[str, str]) -> dict[str, tuple[int, str]]:
    """Where each place a finding names belongs: a numbered table -> the page it is on;
    other places ("Ringkasan Eksekutif", "Bab 3.2 teks") -> the page whose title starts
    with the same words. Values: (reading order, page title)."""
    lap = h.report.laporan
    order = {p.file: (i, p.judul) for i, p in enumerate(lap.halaman)}
    out: dict[str, tuple[int, str]] = {}
    for t in h.report.tabel.tabel if h.report.tabel else []:
        src = table_pages.get(t.id)
        if t.nomor and src and src.rsplit("/", 1)[-1] in order:
            out[label(t)] = order[src.rsplit("/", 1)[-1]]
    return out


def _matched(words: list[str], title: list[str]) -> int:
    """How many leading words of a place match a page title; an acronym ("PK") matches the
    initials of as many title words ("Perjanjian Kinerja")."""
    i = j = 0
    while i < len(words) and j < len(title):
        w = words[i]
        if w == title[j]:
            j += 1
        elif len(w) > 1 and "".join(t[0] for t in title[j : j + len(w)]) == w:
            j += len(w)
        else:
            break
        i += 1
    return i


def _chapter(place: str, known: dict[str, tuple[int, str]], h: Computed) -> tuple[int, str]:
    if place in known:
        return known[place]
    words = _words(place)
    best: tuple[int, int, str] | None = None
    for i, p in enumerate(h.report.laporan.halaman):
        title = _words(p.judul)
        score = _matched(words, title)
        need = 2 if title[:1] == ["bab"] else 1  # "Bab III", not any "Bab"
        if score >= need and (best is None or score > best[0]):
            best = (score, i, p.judul)
    if best is not None:
        return best[1], best[2]
    return (len(h.report.laporan.halaman), "Lainnya")


def page_markdown(h: Computed, found: list[Problem], table_pages: dict[str, str]) -> str:
    """The body of the verification page of one report."""
    lap = h.report.laporan
    blocking = lap.kebijakan.temuan_memblokir
    out = [
        f"Setiap angka yang **tertulis** di dokumen {cell_text(lap.judul)} dibandingkan dengan "
        "angka yang **dihitung** dari datanya. Angka tertulis dengan dua desimal dianggap cocok "
        "bila nilai tepatnya, dibulatkan, menjadi angka itu. Persentase yang belum tepat "
        "mencapai 0 % atau 100 % (atau batas sebuah kategori) tidak pernah ditampilkan sebagai "
        "batas itu: 99,9986 % ditampilkan 99,99 %.",
        "",
        f"**Ringkasan:** {summary(found)}. " + _verdict(found, blocking),
        "",
        "Data temuan dalam format JSON: [temuan.json](catatan-verifikasi/temuan.json).",
        "",
    ]
    if not found:
        out.append("Tidak ada temuan: semua angka yang tertulis cocok dengan hasil hitung.")
        return "\n".join(out) + "\n"
    numbered = {label(t): t for t in (h.report.tabel.tabel if h.report.tabel else []) if t.nomor}
    places = anchors(h.report.tabel)
    known = chapters(h, table_pages)
    index = {id(t): i for i, t in enumerate(found)}  # anchors follow the findings' order
    groups: dict[tuple[int, str], list[Problem]] = {}
    for t in found:
        groups.setdefault(_chapter(t.table, known, h), []).append(t)
    for key in sorted(groups):
        chapter = key[1]
        out += [f"## {cell_text(chapter)}", ""]
        out.append("| Tempat | Yang diperiksa | Tertulis | Hasil hitung | Selisih | Keterangan |")
        out.append("| :-- | :-- | --: | --: | --: | :-- |")
        for t in sorted(groups[key], key=lambda x: (x.table, x.field)):
            place = cell_text(t.table)
            tab = numbered.get(t.table)
            src = table_pages.get(tab.id) if tab is not None else None
            if tab is not None and src:
                rel = src.rsplit("/", 1)[-1]
                place = f"[{place}]({rel}#{places[tab.id]})"
            out.append(
                "| "
                + " | ".join(
                    [
                        f'<a id="{anchor_of(index[id(t)])}"></a>{place}',
                        cell_text(t.field),
                        cell_text(t.stated or "-"),
                        cell_text(t.computed or "-"),
                        cell_text(t.difference or "-"),
                        f"**{_label(t)}**: {cell_text(t.message)} "
                        f"<small>({cell_text(t.file)}:{t.line}, `{t.code}`)</small>",
                    ]
                )
                + " |"
            )
        out.append("")
    return "\n".join(out) + "\n"
