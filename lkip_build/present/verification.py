"""The public verification page ("Catatan Verifikasi Data") and its JSON, from the findings.

A citizen reads each note as one sentence (`Problem.kalimat`, made by the audit from the
data's own labels), grouped by the chapter and then by the table or paragraph it concerns,
with a link to it; codes, files, lines and field paths are folded into "Rincian untuk
penyunting". Within a chapter the notes are ranked by what is at stake (`stake`: rupiah of
the budget first, then percentage points, then persons). Each note's anchor is its stable
id (`audit.acceptance`), and it says whether the document prints it so (listed in
diterima.yml) or it is new. The JSON has Indonesian keys and numbers as numbers beside
their texts.

Words: the public never reads "temuan" for these notes (in government it means what BPK or
the Inspektorat find): they are "catatan verifikasi", and an error is "angka tidak cocok".
"""

from __future__ import annotations

import html
import re
from decimal import Decimal
from typing import TYPE_CHECKING

from lkip_build.codes import CODES
from lkip_build.compute import Computed
from lkip_build.present.downloads import exact_json
from lkip_build.present.table import cell_text
from lkip_build.present.tables import anchors, label
from lkip_build.problems import ERROR, INFO, WARNING, Problem, grouped

if TYPE_CHECKING:
    from lkip_build.audit.acceptance import Review
    from lkip_build.model import CatatanDiterima

PAGE = "catatan-verifikasi.md"
JSON = "catatan-verifikasi/catatan.json"
TITLE = "Catatan Verifikasi Data"
SOURCE = f"# {TITLE}\n\n<!-- lkip:catatan-verifikasi -->\n"  # the page every report gets
OTHER = "Lainnya"
_LABEL = {ERROR: "Angka tidak cocok", WARNING: "Perlu diperiksa", INFO: "Catatan"}
_LABEL_OF_CODE = {"policy-applied": "Kebijakan laporan"}


def _label(t: Problem) -> str:
    return _LABEL_OF_CODE.get(t.code, _LABEL[t.severity])


def verdict(found: list[Problem], review: Review) -> str:
    """The sentence after the counts: right for no notes, for notes without a mismatch, for
    a published document's own mismatches and for a report new mismatches hold back."""
    if not found:
        return "Tidak ada catatan: semua angka yang tertulis cocok dengan hasil hitung."
    if not any(t.severity == ERROR for t in found):
        return (
            "Tidak ada angka tertulis yang bertentangan dengan hasil hitung; hal yang perlu "
            "diperiksa dan catatan ditampilkan di bawah."
        )
    new = len(review.new(found))
    if new:
        return (
            f"Laporan ini belum boleh terbit: {new} angka tidak cocok belum ditinjau "
            "(ditandai **Baru**)."
        )
    return (
        "Dokumen ini sudah terbit; angka yang tidak cocok di dalamnya ditampilkan di bawah "
        "sebagaimana tercetak, dan tabel di situs ini menampilkan angka hasil hitung dari data."
    )


def summary(found: list[Problem]) -> str:
    n = {s: sum(1 for t in found if t.severity == s) for s in (ERROR, WARNING, INFO)}
    return f"{n[ERROR]} angka tidak cocok, {n[WARNING]} perlu diperiksa, {n[INFO]} catatan"


# ---------------------------------------------------------------- what is at stake

# the order notes are ranked in, within a chapter
MONEY, PERCENT, PERSONS, OTHERS = range(4)
_PERCENT_FIELDS = ("persen", "capaian", "rata_rata", "serapan", "rumus_tertulis")


def stake(t: Problem) -> tuple[int, Decimal]:
    """What a note puts at stake, for ranking: its kind (budget rupiah, percentage points,
    persons, anything else) and the size of its difference (0 when there is none to give)."""
    name = t.file.rsplit("/", 1)[-1]
    last = t.field.rsplit(".", 1)[-1]
    size = abs(t.angka.selisih) if t.angka and t.angka.selisih is not None else Decimal(0)
    if any(last.startswith(f) for f in _PERCENT_FIELDS) or (t.stated or "").endswith("%"):
        return PERCENT, size
    if name == "anggaran.yml":
        return MONEY, size
    if name == "pegawai.yml":
        return PERSONS, size
    return OTHERS, size


def money(found: list[Problem]) -> int:
    """How many mismatches concern the budget's rupiah (the cards say so)."""
    return sum(1 for t in found if t.severity == ERROR and stake(t)[0] == MONEY)


# ---------------------------------------------------------------- the findings' JSON


def _number(v: Decimal | None) -> Decimal | None:
    """A figure as an exact JSON number, with the decimals it was read or shown with
    (55,00 -> 55.00; 1.100 -> 1100): `downloads.exact_json` writes it digit for digit."""
    return v


def as_record(t: Problem, ident: str, entry: CatatanDiterima | None) -> dict[str, object]:
    """One note for machines, Indonesian keys; `selisih` is hasil_hitung - tertulis."""
    a = t.angka
    return {
        "id": ident,
        "sifat": _label(t).lower(),
        "diterima": entry is not None,
        "alasan_diterima": entry.alasan if entry else None,
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
        "sebab": (
            {"id": t.sebab.id, "kode": t.sebab.kode, "kalimat": t.sebab.kalimat}
            if t.sebab
            else None
        ),
    }


def records(found: list[Problem], review: Review) -> list[dict[str, object]]:
    return [as_record(t, review.ids[i], review.entry(i)) for i, t in enumerate(found)]


def as_json(found: list[Problem], review: Review) -> str:
    """Stable JSON: two builds of the same data give the same bytes."""
    return exact_json(records(found, review), indent=2)


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
        '<details class="lkip-rincian" data-search-exclude>'
        "<summary>Rincian untuk penyunting</summary>"
        f"<ul>{body}</ul></details>"
    )


def _code_spans(text: str) -> str:
    """`name` in a code's judul (escaped already) as <code>name</code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", text)


def _finding(t: Problem, ident: str, entry: CatatanDiterima | None) -> str:
    """One note: its kind and its sentence, whether the document prints it so or it is
    new, then the folded details (raw HTML, one block: nothing in it is Markdown)."""
    e = html.escape
    kind = _label(t)
    cause = (
        f'<p class="lkip-sebab-rujukan">Satu sebab dengan catatan lain: '
        f'<a href="#{e(t.sebab.id)}">lihat sebabnya</a>.</p>'
        if t.sebab
        else ""
    )
    if entry is not None:
        origin = f'<p class="lkip-asal">Diterbitkan sebagaimana tercetak: {e(entry.alasan)}</p>'
    elif t.severity == ERROR:
        origin = (
            '<p class="lkip-asal lkip-baru"><strong>Baru</strong>: belum ditinjau; laporan '
            "tidak terbit selama angka ini tidak cocok.</p>"
        )
    else:
        origin = ""
    return (
        f'<div class="lkip-temuan lkip-temuan-{t.severity}" id="{e(ident)}">'
        f"<p><strong>{e(kind)}.</strong> {e(t.kalimat or t.message)}</p>"
        f"{cause}{origin}{_details(t)}</div>"
    )


def _causes(found: list[Problem], review: Review) -> list[str]:
    """One mistake shown in several places: each cause with the notes it explains, linked
    (before the chapters, so a reader sees one mistake as one)."""
    groups = grouped(found)
    if not groups:
        return []
    e = html.escape
    out = [
        "## Satu sebab, beberapa catatan",
        "",
        "Satu kekeliruan di dokumen sering tampak di beberapa tempat. Catatan berikut "
        "dikelompokkan menurut kekeliruan yang menjelaskan semuanya.",
        "",
    ]
    for sebab, members in groups.items():
        items = "".join(
            f'<li><a href="#{e(review.ids[i])}">{e(found[i].perihal or found[i].field)}</a> '
            f"({e(found[i].table or 'dokumen')}; {e(_label(found[i]).lower())})</li>"
            for i in members
        )
        out += [
            f'<div class="lkip-sebab" id="{e(sebab.id)}"><p>{e(sebab.kalimat)}</p>'
            f"<ul>{items}</ul></div>",
            "",
        ]
    return out


def _place_order(place: str, numbered: set[str]) -> tuple[int, tuple[int, ...], str]:
    """Tables first, by number (3.2 before 3.10), then paragraphs by name."""
    if place in numbered:
        return (0, tuple(int(x) for x in re.findall(r"\d+", place)), place)
    return (1, (), place)


_SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


def _weight(t: Problem) -> tuple[int, int, Decimal]:
    """Mismatches first, then what to check, then notes; each by what is at stake."""
    kind, size = stake(t)
    return _SEVERITY_ORDER[t.severity], kind, -size


def page_markdown(
    h: Computed, found: list[Problem], review: Review, table_pages: dict[str, str]
) -> str:
    """The body of the verification page of one report."""
    lap = h.report.laporan
    n_money = money(found)
    on_money = f" ({n_money} menyangkut anggaran)" if n_money else ""
    out = [  # the verdict first: it is what a reader came for
        f"**Ringkasan:** {summary(found)}{on_money}. " + verdict(found, review),
        "",
        f"Setiap angka yang **tertulis** di dokumen {cell_text(lap.judul)} dibandingkan dengan "
        "angka yang **dihitung** dari datanya. Angka dengan dua desimal cocok bila hasil "
        "hitung, dibulatkan, sama dengan angka itu. Satu pengecualian: angka yang belum sampai "
        "100 % tidak ditulis 100 % (99,9986 % ditulis 99,99 %), begitu pula 0 % dan batas "
        "kategori. Di setiap bab, angka tidak cocok didahulukan: yang menyangkut rupiah "
        "anggaran, lalu persentase, lalu jumlah orang, masing-masing dari selisih terbesar.",
        "",
        f"Catatan ini dalam format JSON: [catatan.json]({JSON}).",
        "",
    ]
    out += _causes(found, review)
    numbered = {label(t) for t in (h.report.tabel.tabel if h.report.tabel else []) if t.nomor}
    chapters: dict[int, dict[str, list[int]]] = {}
    for i, t in enumerate(found):
        chapters.setdefault(_page_of(t.table, h, table_pages), {}).setdefault(t.table, []).append(i)
    pages = lap.halaman
    for page in sorted(chapters):
        title = pages[page].judul if page < len(pages) else OTHER
        out += [f"## {cell_text(title)}", ""]
        places = chapters[page]
        for notes in places.values():
            notes.sort(key=lambda i: (_weight(found[i]), i))
        order = sorted(
            places, key=lambda p: (_weight(found[places[p][0]]), _place_order(p, numbered))
        )
        for place in order:
            out += [_heading(place, h, table_pages, page), ""]
            for i in places[place]:
                out += [_finding(found[i], review.ids[i], review.entry(i)), ""]
    return "\n".join(out) + "\n"
