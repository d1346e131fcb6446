"""The portal's one search over every report: Pagefind's static, chunked index.

Each unit writes its search fragment (`FRAGMENT`, beside its manifest) when it is finished:
one record per section of prose (a page split at its headings), one per row of every drawn
table (its name, its key figures as the excerpt, every cell searchable) and one per report
(its portal row). Records carry the report's filters: tingkat, wilayah, instansi, tahun,
jenis dokumen, and what the result is (`bagian`: Laporan, Halaman, Tabel). Assembly hands
every unit's fragment to Pagefind (`write_index`), which writes `pagefind/` at the root of
the site: a reader's query downloads the index chunks of its words and the fragments of the
results it shows, whatever the number of reports. A report rebuilt writes its fragment
again; no other unit is read, parsed or built for it.

The theme's own search (one per unit, Material's lunr) still answers inside a report;
this one answers across the portal from its search page (`cari/`), linked from every
page's header, and needs no theme: assets/lkip-portal.js uses Pagefind's JS API.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import re
import subprocess
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import cbor2

from lkip_build.present.markers import CETAK
from lkip_build.present.portal import Row
from lkip_build.present.sorotan import NO_DATA, TINGKAT
from lkip_build.present.table import Table
from lkip_build.publish.units import page_file, split_page, url_of

FRAGMENT = ".lkip-cari.json"  # a unit's records (removed at assembly, like its manifest)
INDEX_DIR = "pagefind"
# No stemming: Pagefind's Indonesian stemmer (Snowball) takes prefixes off ("ber-", "me-"),
# so "beras" (rice) was found as a stray "b."; a language it has no stemmer for is indexed
# word for word, and Pagefind matches what is typed as a prefix ("bera" finds "beras").
LANGUAGE = "und"
HEADINGS = ("h1", "h2", "h3")
SKIPPED = ("script", "style", "table", "nav", "svg")  # tables: a record per row instead
# the controls around a table (its phone toggles, its download links), a note's details for
# editors: not what the page says (Zensical drops `data-search-exclude`, keeps classes)
SKIPPED_CLASSES = frozenset(
    {"lkip-kolom-buka", "lkip-kolom-tutup", "lkip-unduh", "headerlink", "lkip-rincian"}
)
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
SPACE = re.compile(r"\s+")


@dataclass
class _Section:
    anchor: str
    heading: str
    words: list[str] = field(default_factory=list)


class _Sections(HTMLParser):
    """A page's content as sections of text, one per heading with an id; what carries
    `data-search-exclude` (repeated cards, the preview's panel, tables) is left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections = [_Section("", "")]
        self.skip: list[str] = []  # the open elements being skipped, outermost first
        self.heading: str | None = None
        self.heading_words: list[str] = []
        self.title = ""  # the page's first h1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        names = dict(attrs)
        classes = set((names.get("class") or "").split())
        if (
            self.skip
            or tag in SKIPPED
            or "data-search-exclude" in names
            or classes & SKIPPED_CLASSES
        ):
            self.skip.append(tag)
            return
        if tag in HEADINGS:
            self.heading = names.get("id") or ""
            self.heading_words = []

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.skip:
            if tag in self.skip:  # an unclosed element inside closes with its parent
                del self.skip[self.skip.index(tag) :]
            return
        if tag in HEADINGS and self.heading is not None:
            text = SPACE.sub(" ", " ".join(self.heading_words)).replace("¶", "").strip()
            if tag == "h1" and not self.title:
                self.title = text
            self.sections.append(_Section(self.heading, text))
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.heading is not None:
            self.heading_words.append(data)
        else:
            self.sections[-1].words.append(data)


def filters(row: Row) -> dict[str, list[str]]:
    return {
        "tingkat": [TINGKAT[row.tingkat]],
        "wilayah": [row.wilayah],
        "instansi": [row.instansi],
        "tahun": [str(row.tahun)],
        "dokumen": [row.jenis_dokumen],
    }


def _cell(cell: str | list[str]) -> str:
    return " ".join(cell) if isinstance(cell, list) else str(cell)


def table_records(table: Table, url: str, where: str) -> Iterator[dict[str, Any]]:
    """One record per row of a drawn table: the row's name as its title, its key figures
    (or every other cell) as what a result shows, every cell with its header as text."""
    key = table.key_column - 1
    shown = table.key_figures or tuple(i for i in range(len(table.header)) if i != key)
    for i, row in enumerate(table.rows):
        name = _cell(row[key]).strip()
        if not name:
            continue
        cells = [
            (_cell(h).strip(), _cell(c).strip()) for h, c in zip(table.header, row, strict=True)
        ]
        figures = " · ".join(f"{cells[c][0]} {cells[c][1]}" for c in shown if cells[c][1])
        text = ". ".join(f"{h}: {c}" for h, c in cells if c) + f". {table.title}"
        # a URL of its own (Pagefind keeps one record per URL): assets/lkip-portal.js
        # marks the row `baris` (0-based, tbody) of the table at the anchor
        yield {
            "url": f"{url}?baris={i}" + (f"#{table.anchor}" if table.anchor else ""),
            "content": text,
            "meta": {"title": name, "tabel": table.title, "baris": figures, "laporan": where},
            "bagian": "Tabel",
        }


def page_records(html_text: str, url: str, where: str) -> tuple[str, list[dict[str, Any]]]:
    """The page's title (its first h1) and one record per section of a built page's
    content (its `<article>`), each at its heading's anchor: Pagefind keeps one record
    per URL, and the page's own URL is its report's record (`report_record`). Text before
    the first heading goes with the first section."""
    parser = _Sections()
    parser.feed(html_text)
    parser.close()
    title = parser.title
    out = []
    carried = ""
    for i, s in enumerate(parser.sections):
        text = SPACE.sub(" ", " ".join([carried, *s.words])).strip()
        if not s.anchor and i + 1 < len(parser.sections):
            carried = text
            continue
        carried = ""
        if not text:
            continue
        heading = s.heading if s.heading and s.heading != title else ""
        out.append(
            {
                "url": f"{url}#{s.anchor}" if s.anchor else url,
                "content": f"{heading} {text}" if heading else text,
                "meta": {"title": f"{title} › {heading}" if heading else title, "laporan": where},
                "bagian": "Halaman",
            }
        )
    return title, out


def report_record(row: Row) -> dict[str, Any]:
    """The report itself: its portal row as a result (and what a filter lists)."""
    s = row.sorotan
    serapan = "; ".join(f"{a.nama} {a.serapan}" for a in s.anggaran) or NO_DATA
    figures = f"Rata-rata capaian {s.rata_rata or NO_DATA} · Serapan anggaran {serapan}"
    words = (row.instansi, row.keterangan, row.pemerintah, row.wilayah, TINGKAT[row.tingkat])
    text = " ".join((*words, row.jenis_dokumen, str(row.tahun), figures))
    return {
        "url": f"{row.id}/",
        "content": text,
        "meta": {
            "title": f"{row.jenis_dokumen} {row.tahun} · {row.instansi}",
            "baris": figures,
            "laporan": f"{TINGKAT[row.tingkat]} · {row.wilayah}",
        },
        "bagian": "Laporan",
    }


def unit_records(
    site: Path,
    prefix: str,
    pages: Iterable[str],
    rendered: Mapping[str, Mapping[str, Table]],
    row: Row | None,
) -> list[dict[str, Any]]:
    """Every record of a built unit (`site`), its URLs under `prefix` ("<id>/" or "" for
    the home): each page of `pages` (its src in the unit) and each table drawn on it
    (`rendered`: page src -> anchor -> table), the report's row first."""
    where = f"{row.jenis_dokumen} {row.tahun} · {row.instansi}" if row else ""
    out = [report_record(row)] if row else []
    for src in sorted(pages):
        path = site / page_file(src)
        if not path.is_file():
            continue
        page = path.read_text(encoding="utf-8")
        start, end = split_page(page)
        url = prefix + url_of(src)
        title, records = page_records(page[start:end], url, where)
        out += records
        for table in rendered.get(src, {}).values():
            out += table_records(table, url, f"{title} · {where}" if where else title)
    tags = filters(row) if row else {}
    for r in out:
        r["filters"] = {**tags, "bagian": [r.pop("bagian")]}
    return out


def write_fragment(site: Path, records: list[dict[str, Any]]) -> None:
    text = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    (site / FRAGMENT).write_text(text + "\n", encoding="utf-8")


def read_fragment(unit: Path) -> list[dict[str, Any]]:
    path = unit / FRAGMENT
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []


def executable() -> Path:
    import pagefind_bin  # type: ignore[import-untyped]

    return Path(pagefind_bin.get_executable())


class _Service:
    """Pagefind's indexing service (`pagefind --service`): requests as base64 JSON, each
    followed by a comma, on its stdin; responses the same on its stdout. Requests are
    written without waiting (a reader thread collects the responses), so records go in at
    the binary's own pace."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [str(executable()), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.sent = 0
        self.responses: list[dict[str, Any]] = []
        self.done = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        stdout = self.process.stdout
        assert isinstance(stdout, io.BufferedReader)
        buffer = b""
        while chunk := stdout.read1(1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            with self.done:
                self.responses += [json.loads(base64.b64decode(m)) for m in messages if m]
                self.done.notify_all()
        with self.done:
            self.done.notify_all()

    def send(self, payload: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.sent += 1
        message = {"message_id": self.sent, "payload": payload}
        self.process.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")

    def wait(self) -> list[dict[str, Any]]:
        """Every response so far (one per request); RuntimeError on Pagefind's errors."""
        assert self.process.stdin is not None
        self.process.stdin.flush()
        with self.done:
            while len(self.responses) < self.sent and self.reader.is_alive():
                self.done.wait(1)
        errors = [r["payload"] for r in self.responses if r["payload"].get("type") == "Error"]
        if errors or len(self.responses) < self.sent:
            raise RuntimeError(f"Pagefind: {errors[:3] or 'berhenti sebelum selesai'}")
        return self.responses

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)


def write_index(site: Path, fragments: Iterable[list[dict[str, Any]]]) -> int:
    """The portal's index from every unit's records, written to site/pagefind/; the
    number of records. The records' URLs are relative to the site's root."""
    service = _Service()
    try:
        service.send({"type": "NewIndex", "config": {"force_language": LANGUAGE}})
        index = service.wait()[0]["payload"]["index_id"]
        count = 0
        for records in fragments:
            for r in records:
                record = {"sort": None, **r, "language": LANGUAGE}
                service.send({"type": "AddRecord", "index_id": index, **record})
                count += 1
        out = (site / INDEX_DIR).resolve()
        service.send({"type": "WriteFiles", "index_id": index, "output_path": str(out)})
        service.wait()
        # it answers before its files are all on disk, and a service told to stop leaves
        # the rest unwritten (a 64 KiB cut of its WebAssembly, an empty entry file were
        # seen): wait, while it runs, until every file is whole
        deadline = time.monotonic() + WRITE_WAIT
        while not complete(out, count):
            if time.monotonic() > deadline:
                raise RuntimeError(f"Pagefind: indeks di {out} tidak lengkap")
            time.sleep(0.05)
    finally:
        service.close()
    settle(site / INDEX_DIR)
    return count


WRITE_WAIT = 120.0  # seconds Pagefind gets to finish writing its files


def complete(index: Path, count: int) -> bool:
    """Whether Pagefind's index under `index` is whole: its entry names a metadata file
    for `count` records, and every index file is a whole gzip stream (a cut one fails its
    length and checksum)."""
    try:
        entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
        languages = entry["languages"].values()
        if sum(lang["page_count"] for lang in languages) != count:
            return False
        for lang in languages:
            if not (index / f"pagefind.{lang['hash']}.pf_meta").is_file():
                return False
        for path in index.rglob("*"):
            if path.is_file() and path.suffix.startswith((".pf_", ".pagefind")):
                gzip.decompress(path.read_bytes())
            elif path.is_file() and not path.stat().st_size:
                return False
    except (OSError, ValueError, KeyError, EOFError, gzip.BadGzipFile):
        return False
    return len(list((index / "fragment").iterdir())) >= count


def site_records(
    site: Path, rows: list[Row], pages: Iterable[str], rendered: Mapping[str, Mapping[str, Table]]
) -> Iterator[list[dict[str, Any]]]:
    """The records of a site built in one piece (the hook build, the preview), unit by
    unit as `make site` makes them: the home's pages, then each report's (`pages`: src
    under content/; the print view repeats every chapter and is left out)."""
    by_id = {r.id: r for r in rows}
    groups: dict[str, list[str]] = {}
    for src in pages:
        groups.setdefault(src.split("/", 1)[0] if "/" in src else "", []).append(src)
    for head in sorted(groups):
        if head and head not in by_id:
            continue  # a report the preview could not read (its panel says why)
        prefix = f"{head}/" if head else ""
        mine = [s.removeprefix(prefix) for s in groups[head] if s != prefix + CETAK]
        tables = {
            s.removeprefix(prefix): t
            for s, t in rendered.items()
            if (s.startswith(prefix) if head else "/" not in s)
        }
        yield unit_records(site / head if head else site, prefix, mine, tables, by_id.get(head))


SIGNATURE = b"pagefind_dcd"  # the start of every Pagefind index file, once unzipped


def _read_cbor(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: bukan berkas indeks Pagefind")
    return cbor2.loads(data[len(SIGNATURE) :])


def _write_cbor(folder: Path, prefix: str, digits: int, suffix: str, value: Any) -> str:
    """`value` as a Pagefind file named by its content (as Pagefind names its files); the
    name without its suffix."""
    data = SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def settle(index: Path) -> None:
    """Pagefind's output made the same bytes for the same records: it writes each filter's
    values, and the list of filters, in hash-map order, which changes from run to run.
    The filter files are written again with their values sorted and named by their
    content, and the metadata that lists them (and the entry file that names it) with
    them; every other file of Pagefind's is already the same from run to run."""
    entry_path = index / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = index / f"pagefind.{language['hash']}.pf_meta"
        meta = _read_cbor(meta_path)
        renamed: list[list[str]] = []
        for name, old in meta[3]:
            path = index / "filter" / f"{old}.pf_filter"
            title, values = _read_cbor(path)
            path.unlink()
            prefix = old.split("_", 1)[0] + "_"
            new = _write_cbor(path.parent, prefix, 7, ".pf_filter", [title, sorted(values)])
            renamed.append([name, new])
        meta[3] = sorted(renamed)
        meta_path.unlink()
        prefix = language["hash"].split("_", 1)[0] + "_"
        language["hash"] = _write_cbor(index, f"pagefind.{prefix}", 11, ".pf_meta", meta)
        language["hash"] = language["hash"].removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
