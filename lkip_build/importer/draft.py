"""`lkip import`: a converted report becomes a draft report folder (`status: draf`).

The flow: `source.read` cuts the text into blocks; each table becomes a `grid` (columns
with roles, rows with numbers and labels) and is recognised, in this order, as a capaian
table, a budget, a staff composition, a price table, or else a list; each kind's module
writes its data file; tabel.yml names every table as printed; the chapters keep every
paragraph and heading, with each table replaced by its marker; laporan.yml holds the
identity guessed from the cover, each guess marked for review. Every value carries its
source line as a comment; a value the importer cannot read is `{belum_diisi: ...}` with
the printed cell beside it, and a row it cannot place is listed (`Draft.notes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lkip_build.importer import budget, indicators, lists, prices, staff
from lkip_build.importer import vocabulary as vocab
from lkip_build.importer.common import Notes, Placed, unique
from lkip_build.importer.grid import Grid, grid
from lkip_build.importer.source import Source, Table, Text, read
from lkip_build.importer.yamlout import V, dump

FRONT = re.compile(
    r"^(RINGKASAN EKSEKUTIF|IKHTISAR EKSEKUTIF|EXECUTIVE SUMMARY|KATA PENGANTAR|PENGANTAR)$"
)
CONTENTS = re.compile(r"^DAFTAR (ISI|TABEL|GAMBAR|GRAFIK|LAMPIRAN)$")
YEAR = re.compile(r"\b(20\d\d|19\d\d)\b")
KIND_WORDS = re.compile(r"\b(LKjIP|LAKIP|LKIP|LKj)\b", re.I)
PLACE_DATE = re.compile(
    r"^(?P<tempat>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?),\s*(?P<tanggal>(?:\d{1,2}\s+)?"
    r"(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|"
    r"Desember)\s+(?:19|20)\d\d)$"
)
SMALL = {"dan", "di", "ke", "dari", "pada", "untuk", "yang", "atau", "dengan", "dalam", "serta"}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


class DraftError(Exception):
    """An import that cannot be made; the message is for the editor (Indonesian)."""


@dataclass
class Identity:
    """What the editor may state on the command line instead of the importer's guess."""

    instansi: str = ""
    tingkat: str = ""
    tahun: int | None = None
    jenis: str = ""


@dataclass
class Draft:
    id: str
    files: dict[str, str]  # path under the repository -> text
    notes: Notes
    tables: list[tuple[str, str, str]] = field(default_factory=list)  # (di, jenis, id)
    shows: dict[str, list[str]] = field(default_factory=dict)  # printed number -> data ids


def title(text: str) -> str:
    """ALL CAPS as a title ("BAB III AKUNTABILITAS KINERJA" -> "Bab III Akuntabilitas
    Kinerja"); acronyms (NTT, APBD, LKIP) and mixed case stay as printed."""
    if not text.isupper():
        return text
    words = []
    for n, w in enumerate(text.split()):
        bare = w.strip("(),.:;")
        if (
            bare.rstrip(".") in ROMAN
            or bare in vocab.ACRONYMS
            or w.startswith("(")
            or not re.search(r"[AEIOU]", bare)
        ):
            words.append(w)
        elif n and w.lower() in SMALL:
            words.append(w.lower())
        else:
            words.append(
                w.capitalize() if "/" not in w else "/".join(p.capitalize() for p in w.split("/"))
            )
    return " ".join(words)


def make(text: str, rid: str, name: str = "", given: Identity | None = None) -> Draft:
    source = read(text, name)
    notes = Notes()
    notes.unmapped += source.notes
    ident = _identity(source, rid, given or Identity(), notes)
    year = ident["tahun"].value if isinstance(ident["tahun"], V) else ident["tahun"]
    sections, contexts = _sections(source)
    grids = [grid(b) for b in source.blocks if isinstance(b, Table)]
    kinds: dict[str, list[Grid]] = {
        "capaian": [],
        "anggaran": [],
        "pegawai": [],
        "harga": [],
        "daftar": [],
    }
    for g in grids:
        if not g.rows:
            kinds["daftar"].append(g)
        elif indicators.is_capaian(g, year):
            kinds["capaian"].append(g)
        elif budget.is_budget(g):
            kinds["anggaran"].append(g)
        elif staff.is_staff(g):
            kinds["pegawai"].append(g)
        elif prices.is_price(g):
            kinds["harga"].append(g)
        else:
            kinds["daftar"].append(g)
    files: dict[str, Any] = {}
    placed: list[Placed] = []
    taken: set[str] = set()
    if kinds["capaian"]:
        files["indikator"], p = indicators.build(
            kinds["capaian"], sections, notes, _stated_sasaran(source)
        )
        placed += p
    if kinds["anggaran"]:
        files["anggaran"], p = budget.build(kinds["anggaran"], contexts, sections, year, notes)
        placed += p
    if kinds["pegawai"]:
        files["pegawai"], p = staff.build(kinds["pegawai"], notes)
        placed += p
    if kinds["harga"]:
        files["harga"], p = prices.build(kinds["harga"], notes)
        placed += p
    if kinds["daftar"]:
        files["daftar"], p = lists.build(kinds["daftar"], taken)
        placed += p
    table_ids = _table_ids(placed)
    pages, chapters = _chapters(source, table_ids, sections)
    ident["halaman"] = pages
    head = (
        f"Diimpor dengan `lkip import` dari {name or 'teks'}: "
        "setiap nilai bertanda baris sumbernya.\n"
        "Nilai `belum_diisi` tidak terbaca pasti: isi dari dokumen, lalu `lkip check`."
    )
    out = {f"data/{rid}/laporan.yml": dump(ident, _laporan_head(name, notes))}
    for key, data in files.items():
        out[f"data/{rid}/{key}.yml"] = dump(data, head)
    out[f"data/{rid}/tabel.yml"] = dump(
        {"tabel": [_tabel(p, table_ids[id(p.grid.table)], sections) for p in placed]},
        "Tabel laporan sebagaimana tercetak (nomor dan judul), diimpor dengan `lkip import`.",
    )
    out.update({f"content/{rid}/{f}": t for f, t in chapters.items()})
    draft = Draft(rid, out, notes)
    draft.tables = [(_di(p), p.kind, table_ids[id(p.grid.table)]) for p in placed]
    for shown in placed:
        if shown.grid.table.caption is not None:
            draft.shows.setdefault(shown.grid.table.caption.nomor, []).extend(shown.sumber)
    return draft


SASARAN = re.compile(r"^SASARAN STRATEGIS\s*:?\s*(?P<teks>.*)$", re.I)


def _stated_sasaran(source: Source) -> tuple[int, str] | None:
    """The sasaran strategis as a chapter states it: after a "Sasaran Strategis:" label,
    on its line or the next."""
    texts = [b for b in source.blocks if isinstance(b, Text) and b.kind == "paragraph"]
    for n, b in enumerate(texts):
        m = SASARAN.match(b.text.strip())
        if not m:
            continue
        if m["teks"].strip():
            return b.line, m["teks"].strip()
        nxt = texts[n + 1] if n + 1 < len(texts) else None
        if nxt is not None and len(nxt.text) < 200 and not nxt.text.endswith(":"):
            return nxt.line, nxt.text.strip()
    return None


def _di(p: Placed) -> str:
    cap = p.grid.table.caption
    return f"{cap.label} {cap.nomor}" if cap else f"tabel baris {p.grid.table.line}"


def _laporan_head(name: str, notes: Notes) -> str:
    lines = [
        f"Identitas laporan, diimpor dengan `lkip import` dari {name or 'teks'}.",
        "Nilai bertanda 'tebakan' dibaca dari sampul: periksa; `belum_diisi`: isi.",
    ]
    if notes.unmapped:
        lines.append("Catatan impor (baris sumber yang tidak menjadi data; lihat teksnya):")
        lines += [f"  {u}" for u in notes.unmapped]
    return "\n".join(lines)


# ---------------------------------------------------------------- identity


def _cover(source: Source) -> list[tuple[int, str]]:
    out = []
    for b in source.blocks:
        if isinstance(b, Text) and b.kind == "chapter":
            break
        if isinstance(b, Text) and b.kind == "paragraph" and len(b.text) < 160:
            out.append((b.line, b.text))
    return out[:40]


def _identity(source: Source, rid: str, given: Identity, notes: Notes) -> dict[str, Any]:
    cover = _cover(source)
    guess = "tebakan dari sampul; periksa"
    out: dict[str, Any] = {}
    jenis = given.jenis
    jenis_line = 0
    for line, text in cover:
        m = KIND_WORDS.search(text)
        if m and not jenis:
            found = m.group(1).upper()
            jenis = {"LKJIP": "LKjIP", "LKJ": "LKj"}.get(found, found)
            jenis_line = line
    if not jenis:
        for line, text in cover:
            for kind, pattern in vocab.KINDS.items():
                if re.search(pattern, text, re.I):
                    jenis, jenis_line = kind, line
                    break
            if jenis:
                break
    agency_line, agency = 0, given.instansi
    gov_line, gov = 0, ""
    for line, text in cover:
        bare = re.sub(
            r"\s+(TAHUN|Tahun)(\s+ANGGARAN|\s+Anggaran)?\s+(19|20)\d\d\s*$", "", text
        ).strip()
        if not agency and vocab.AGENCY.match(bare):
            agency_line, agency = line, title(bare)
        if not gov and re.match(r"^PEMERINTAH\b|^Pemerintah\b|^KEMENTERIAN\b|^Kementerian\b", bare):
            gov_line, gov = line, title(bare)
    year = given.tahun
    year_line = 0
    if year is None:
        for line, text in cover:
            m = YEAR.search(text)
            if m and re.search(r"tahun", text, re.I):
                year, year_line = int(m.group(1)), line
                break
    level = given.tingkat
    level_line = gov_line or agency_line
    if not level:
        for lvl, pattern in vocab.LEVELS:
            if re.search(pattern, f"{gov} {agency}", re.I):
                level = lvl
                break
    missing = [
        opt
        for opt, value in (("--tahun", year), ("--tingkat", level), ("--jenis", jenis))
        if not value
    ]
    if missing:
        raise DraftError(
            "sampul tidak menyebut " + ", ".join(missing) + ": tulis sebagai pilihan, mis. "
            "--tahun 2021 --tingkat provinsi --jenis LKjIP"
        )
    out["id"] = rid
    out["jenis_dokumen"] = V(jenis, jenis_line, "" if given.jenis else guess)
    kind_title = next((t for line, t in cover if line == jenis_line), "")
    judul = (
        title(re.sub(r"\s+(TAHUN|Tahun).*$", "", kind_title))
        if kind_title
        else f"Laporan Kinerja ({jenis})"
    )
    out["judul"] = V(f"{judul} Tahun {year}", jenis_line, guess)
    out["instansi"] = (
        V(agency, agency_line, "" if given.instansi else guess)
        if agency
        else notes.pend("nama instansi", 0)
    )
    out["pemerintah"] = (
        V(gov, gov_line, guess)
        if gov
        else notes.pend("pemerintah (mis. Pemerintah Provinsi ...)", 0)
    )
    out["tingkat"] = V(level, level_line, "" if given.tingkat else guess)
    region = re.sub(r"^(Pemerintah|PEMERINTAH)\s+", "", gov)
    if level == "provinsi":
        region = re.sub(r"^Provinsi\s+", "", region)
    out["wilayah"] = (
        V(region, gov_line, guess)
        if gov and level != "nasional"
        else (V("Nasional", 0, guess) if level == "nasional" else notes.pend("wilayah", 0))
    )
    out["tahun"] = V(year, year_line, "" if given.tahun else guess)
    for line, text in [(b.line, b.text) for b in source.blocks if isinstance(b, Text)]:
        m = PLACE_DATE.match(text)
        if m:
            out["tempat"] = V(m["tempat"], line, guess)
            out["tanggal"] = V(m["tanggal"], line, guess)
            break
    out["status"] = "draf"
    out["skala_capaian"] = V("permenpan-4", 0, "skala bawaan: ganti dengan skala dokumen bila lain")
    return out


# ---------------------------------------------------------------- sections and chapters


def _sections(source: Source) -> tuple[dict[int, str], dict[int, str]]:
    """For each table: the section it is printed in (named in `tertulis` when it has no
    caption) and the paragraph just before it (where a budget table's source is named)."""
    sections: dict[int, str] = {}
    contexts: dict[int, str] = {}
    current, last_text = "", ""
    for b in source.blocks:
        if isinstance(b, Text) and b.kind in ("chapter", "heading", "front"):
            current = title(b.judul or b.text)
        if isinstance(b, Text) and b.kind == "paragraph":
            if FRONT.match(b.text.strip()):
                current = title(b.text.strip())
            last_text = f"{last_text[-400:]} {b.text}"
        if isinstance(b, Table):
            sections[b.line] = current
            contexts[b.line] = last_text
            last_text = ""
    return sections, contexts


def _table_ids(placed: list[Placed]) -> dict[int, str]:
    taken: set[str] = set()
    out = {}
    for p in placed:
        if p.kind == "capaian-indikator" and p.sumber:
            base = f"capaian-{p.sumber[0]}"
        elif p.kind == "capaian":
            base = "capaian-kinerja"
        elif p.kind in ("anggaran-program", "anggaran-rinci"):
            base = f"anggaran-{'-'.join(p.sumber)}-{p.kind.split('-')[1]}"
        elif p.kind == "pagu-sumber":
            base = "pagu-anggaran"
        elif p.kind == "komposisi":
            base = f"pegawai-{p.sumber[0]}"
        elif p.kind == "harga":
            base = f"harga-{p.sumber[0]}"
        else:
            base = p.sumber[0] if p.sumber else "tabel"
        out[id(p.grid.table)] = unique(base, taken)
    return out


def _tabel(p: Placed, ident: str, sections: dict[int, str]) -> dict[str, Any]:
    cap = p.grid.table.caption
    entry: dict[str, Any] = {"id": ident}
    line = cap.line if cap else p.grid.table.line
    if cap is not None:
        entry["nomor"] = V(cap.nomor, line)
        if cap.label != "Tabel":
            entry["label"] = cap.label
    judul = cap.judul if cap and cap.judul else sections.get(p.grid.table.line, "") or ident
    entry["judul"] = V(judul, line)
    entry["jenis"] = p.kind
    if p.sumber:
        entry["sumber"] = p.sumber
    if p.grid.table.sumber_data:
        entry["sumber_data"] = V(p.grid.table.sumber_data, p.grid.table.end)
    return entry


def _chapter_starts(source: Source) -> set[int]:
    """The blocks that open a chapter: "BAB I" and the front and back sections, but not a
    list of chapters (a Sistematika Penulisan: another chapter line a few blocks later)
    nor a line of the table of contents."""
    blocks = source.blocks
    starts = set()
    for i, b in enumerate(blocks):
        if not isinstance(b, Text):
            continue
        text = b.text.strip()
        if b.kind == "chapter" and not CONTENTS.match(text):
            window = [
                x for x in blocks[i + 1 : i + 4] if not (isinstance(x, Text) and x.kind == "toc")
            ]
            listed = any(isinstance(x, Text) and x.kind == "chapter" for x in window)
            prev = blocks[i - 1] if i else None
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            # a chapter line between two parts of the contents is one of its lines
            in_toc = (
                isinstance(prev, Text)
                and prev.kind == "toc"
                and isinstance(nxt, Text)
                and (nxt.kind in ("toc", "chapter") or bool(CONTENTS.match(nxt.text.strip())))
            )
            if not listed and not in_toc:
                starts.add(i)
        elif b.kind == "paragraph" and FRONT.match(text):
            starts.add(i)
    return starts


def _chapters(
    source: Source, table_ids: dict[int, str], sections: dict[int, str]
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    starts = _chapter_starts(source)
    pages: list[tuple[str, str, list[str]]] = [("index.md", "Sampul", [])]
    blocks = source.blocks
    skip: set[int] = set()
    taken = {"index"}
    for i, b in enumerate(blocks):
        if i in skip:
            continue
        if i in starts and isinstance(b, Text):
            judul = b.judul if b.kind == "chapter" else b.text.strip()
            if b.kind == "chapter" and (not judul or not b.nomor):
                # the title printed on the lines after "BAB IV" or "LAMPIRAN"
                more = []
                for k in range(i + 1, min(i + 3, len(blocks))):
                    nxt = blocks[k]
                    if not (
                        isinstance(nxt, Text)
                        and nxt.kind == "paragraph"
                        and nxt.text.isupper()
                        and len(nxt.text) < 80
                    ):
                        break
                    more.append(nxt.text.strip())
                    skip.add(k)
                    if b.nomor:
                        break
                judul = " ".join([judul, *more]).strip() if not b.nomor else " ".join(more) or judul
            if b.kind == "chapter" and b.nomor:
                number = ROMAN.get(b.nomor) or (int(b.nomor) if b.nomor.isdigit() else 0)
                heading = f"Bab {b.nomor} {title(judul)}".strip()
                stem = f"bab-{number}-{vocab.slug(judul, 30)}".rstrip("-")
            else:
                heading = title(judul)
                stem = vocab.slug(judul, 40)
            name = f"{_unique_stem(stem, taken)}.md"
            pages.append((name, heading, [f"# {heading}", ""]))
            continue
        body = pages[-1][2]
        if isinstance(b, Table):
            ident = table_ids.get(id(b), "")
            body += [f"<!-- lkip:tabel {ident} -->" if ident else "", ""]
        elif b.kind == "toc":
            body += [
                f"<!-- catatan impor: daftar isi dokumen (baris {b.line}-{b.judul}) tidak diimpor; "
                "situs membuat daftarnya sendiri -->",
                "",
            ]
        elif b.kind == "heading":
            depth = min(b.nomor.count(".") + 2, 4)
            body += [f"{'#' * depth} {title(b.text)}", ""]
        elif b.kind == "chapter" or CONTENTS.match(b.text.strip()):
            if re.match(r"^DAFTAR TABEL$", b.text.strip()):
                body += ["<!-- lkip:daftar-tabel -->", ""]
            else:
                body += [f"**{title(b.text)}**", ""]
        else:
            body += [b.text, ""]
    files = {}
    halaman = []
    for name, heading, body in pages:
        text = "\n".join(body).strip() + "\n" if body else ""
        if name == "index.md":
            text = f"# Sampul\n\n{text}" if text.strip() else "# Sampul\n"
        files[name] = text
        halaman.append({"file": name, "judul": heading})
    return halaman, files


def _unique_stem(stem: str, taken: set[str]) -> str:
    return unique(stem or "bab", taken)
