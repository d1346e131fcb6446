"""The public verification page ("Catatan Verifikasi Data") and its JSON, from the findings.

A citizen reads each finding as one sentence (`Problem.kalimat`, made by the audit from the
data's own labels), grouped by the chapter and then by the table or paragraph it concerns,
with a link to it; codes, files, lines and field paths are folded into "Rincian untuk
penyunting". The JSON has Indonesian keys and numbers as numbers beside their texts.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal

from lkip_build.codes import CODES
from lkip_build.compute import Computed
from lkip_build.present.downloads import exact_json
from lkip_build.present.table import cell_text
from lkip_build.present.tables import anchors, label
from lkip_build.problems import ERROR, INFO, WARNING, Problem

PAGE = "catatan-verifikasi.md"
JSON = "catatan-verifikasi/temuan.json"
TITLE = "Catatan Verifikasi Data"
OTHER = "Lainnya"
_LABEL = {ERROR: "Tidak konsisten", WARNING: "Perlu diperiksa", INFO: "Catatan"}
_LABEL_OF_CODE = {"policy-applied": "Kebijakan laporan"}


def _label(t: Problem) -> str:
    return _LABEL_OF_CODE.get(t.code, _LABEL[t.severity])


def verdict(found: list[Problem], blocking: bool) -> str:
    """The sentence after the counts: right for no findings, for findings without an
    inconsistency, for a published document's findings and for a report they hold back."""
    if not found:
        return "Tidak ada temuan: semua angka yang tertulis cocok dengan hasil hitung."
    if not any(t.severity == ERROR for t in found):
        return (
            "Tidak ada angka tertulis yang bertentangan dengan hasil hitung; hal yang perlu "
            "diperiksa dan catatan ditampilkan di bawah."
        )
    if blocking:
        return "Laporan ini belum boleh terbit selama ada temuan yang tidak konsisten."
    return (
        "Dokumen ini sudah terbit; temuannya ditampilkan di bawah apa adanya, dan tabel di "
        "situs ini menampilkan angka hasil hitung dari data."
    )


def anchor_of(index: int) -> str:
    """The id of a finding: its place in the report's sorted findings."""
    return f"temuan-{index + 1}"


def summary(found: list[Problem]) -> str:
    n = {s: sum(1 for t in found if t.severity == s) for s in (ERROR, WARNING, INFO)}
    return f"{n[ERROR]} tidak konsisten, {n[WARNING]} perlu diperiksa, {n[INFO]} catatan"


# ---------------------------------------------------------------- the findings' JSON


def _number(v: Decimal | None) -> Decimal | None:
    """A figure as an exact JSON number, with the decimals it was read or shown with
    (55,00 -> 55.00; 1.100 -> 1100): `downloads.exact_json` writes it digit for digit."""
    return v


def as_record(t: Problem, index: int) -> dict[str, object]:
    """One finding for machines, Indonesian keys; `selisih` is hasil_hitung - tertulis."""
    a = t.angka
    return {
        "nomor": index + 1,
        "jangkar": anchor_of(index),
        "sifat": _label(t).lower(),
        "kode": t.code,
        "judul_kode": CODES[t.code].judul,
        "tempat": t.table,
        "perihal": t.perihal,
        "kalimat": t.kalimat or t.message,
        "tertulis": _number(a.tertulis) if a else None,
        "tertulis_teks": t.stated,
        "tertulis_terbaca": bool(a and a.tertulis is not None),
        "hasil_hitung": _number(a.hitung) if a else None,
        "hasil_hitung_teks": t.computed,
        "selisih": _number(a.selisih) if a else None,
        "selisih_teks": t.difference,
        "berkas": t.file,
        "baris": t.line,
        "isian": t.field,
        "pesan": t.message,
    }


def records(found: list[Problem]) -> list[dict[str, object]]:
    return [as_record(t, i) for i, t in enumerate(found)]


def as_json(found: list[Problem]) -> str:
    """Stable JSON: two builds of the same data give the same bytes."""
    return exact_json(records(found), indent=2)


# ---------------------------------------------------------------- where a finding belongs

_ROMAN_OF = {str(i): r for i, r in enumerate(["", "I", "II", "III", "IV", "V", "VI", "VII"]) if r}


def _words(text: str) -> list[str]:
    """'Bab 3.2 teks' -> ['bab', 'iii', ...]: a chapter named by number or numeral alike."""
    out = []
    for w in re.split(r"[\s:.]+", text.lower()):
        out.append(_ROMAN_OF.get(w, w).lower())
    return [w for w in out if w]


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


def _page_of(place: str, h: Computed, table_pages: dict[str, str]) -> int:
    """The index in laporan.yml's halaman of the page a place belongs to: a numbered table
    -> the page it is on; other places ("Ringkasan Eksekutif", "Bab 3.2 teks") -> the page
    whose title starts with the same words; len(halaman) when none does."""
    pages = h.report.laporan.halaman
    files = [p.file for p in pages]
    for t in h.report.tabel.tabel if h.report.tabel else []:
        src = table_pages.get(t.id)
        if t.nomor and label(t) == place and src and src.rsplit("/", 1)[-1] in files:
            return files.index(src.rsplit("/", 1)[-1])
    words = _words(place)
    best: tuple[int, int] | None = None
    for i, p in enumerate(pages):
        title = _words(p.judul)
        score = _matched(words, title)
        need = 2 if title[:1] == ["bab"] else 1  # "Bab III", not any "Bab"
        if score >= need and (best is None or score > best[0]):
            best = (score, i)
    return best[1] if best is not None else len(pages)


def _heading(place: str, h: Computed, table_pages: dict[str, str], page: int) -> str:
    """A group's heading: the table's number and title linked to the table, or the
    paragraph's place linked to its page."""
    for t in h.report.tabel.tabel if h.report.tabel else []:
        src = table_pages.get(t.id)
        if t.nomor and label(t) == place and src:
            where = f"{src.rsplit('/', 1)[-1]}#{anchors(h.report.tabel)[t.id]}"
            return f"### [{cell_text(label(t))} {cell_text(t.judul)}]({where})"
    text = cell_text(_place_title(place) or "Tanpa tempat")
    pages = h.report.laporan.halaman
    if page < len(pages):
        return f"### [{text}]({pages[page].file})"
    return f"### {text}"


def _place_title(place: str) -> str:
    found = re.fullmatch(r"(Bab\s+\S+)\s+teks(?:\s+(.+))?", place.strip())
    if found:
        return f"Teks {found.group(1)}" + (f" tentang {found.group(2)}" if found.group(2) else "")
    return place


# ---------------------------------------------------------------- the page


def _details(t: Problem) -> str:
    """The editors' part of a finding, folded: code, file and line, field path, message."""
    e = html.escape
    spec = CODES[t.code]
    where = f"{t.file}:{t.line}" if t.line else t.file
    items = [
        f"Berkas: <code>{e(where)}</code>",
        f"Isian data: <code>{e(t.field)}</code>" if t.field else "",
        f"Kode: <code>{e(t.code)}</code> ({_code_spans(e(spec.judul))})",
        f"Pesan: {e(t.message)}",
        f"Saran: {e(spec.saran)}",
    ]
    body = "".join(f"<li>{i}</li>" for i in items if i)
    # for editors: kept out of search, which a citizen uses (file paths and codes)
    return (
        "<details data-search-exclude><summary>Rincian untuk penyunting</summary>"
        f"<ul>{body}</ul></details>"
    )


def _code_spans(text: str) -> str:
    """`name` in a code's judul (escaped already) as <code>name</code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", text)


def _finding(t: Problem, index: int) -> str:
    """One finding: its kind and its sentence, then the folded details (raw HTML, one
    block: nothing in it is Markdown)."""
    e = html.escape
    kind = _label(t)
    return (
        f'<div class="lkip-temuan lkip-temuan-{t.severity}" id="{anchor_of(index)}">'
        f"<p><strong>{e(kind)}.</strong> {e(t.kalimat or t.message)}</p>"
        f"{_details(t)}</div>"
    )


def _place_order(place: str, numbered: set[str]) -> tuple[int, tuple[int, ...], str]:
    """Tables first, by number (3.2 before 3.10), then paragraphs by name."""
    if place in numbered:
        return (0, tuple(int(x) for x in re.findall(r"\d+", place)), place)
    return (1, (), place)


def page_markdown(h: Computed, found: list[Problem], table_pages: dict[str, str]) -> str:
    """The body of the verification page of one report."""
    lap = h.report.laporan
    out = [  # the verdict first: it is what a reader came for
        f"**Ringkasan:** {summary(found)}. " + verdict(found, lap.kebijakan.temuan_memblokir),
        "",
        f"Setiap angka yang **tertulis** di dokumen {cell_text(lap.judul)} dibandingkan dengan "
        "angka yang **dihitung** dari datanya. Angka dengan dua desimal cocok bila hasil "
        "hitung, dibulatkan, sama dengan angka itu. Satu pengecualian: angka yang belum sampai "
        "100 % tidak ditulis 100 % (99,9986 % ditulis 99,99 %), begitu pula 0 % dan batas "
        "kategori.",
        "",
        "Data temuan dalam format JSON: [temuan.json](catatan-verifikasi/temuan.json).",
        "",
    ]
    numbered = {label(t) for t in (h.report.tabel.tabel if h.report.tabel else []) if t.nomor}
    chapters: dict[int, dict[str, list[int]]] = {}
    for i, t in enumerate(found):  # anchors follow the findings' order
        chapters.setdefault(_page_of(t.table, h, table_pages), {}).setdefault(t.table, []).append(i)
    pages = lap.halaman
    for page in sorted(chapters):
        title = pages[page].judul if page < len(pages) else OTHER
        out += [f"## {cell_text(title)}", ""]
        for place in sorted(chapters[page], key=lambda p: _place_order(p, numbered)):
            out += [_heading(place, h, table_pages, page), ""]
            for i in chapters[page][place]:
                out += [_finding(found[i], i), ""]
    return "\n".join(out) + "\n"
