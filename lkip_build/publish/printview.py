"""The print view (`<id>/cetak/`): the whole report on one page, for paper and the PDF.

What it holds (`markdown`): a cover (the government, the title, the agency, the year and,
when mkdocs.yml sets `site_url`, the report's address on the site), every page of
`halaman` that is printed (`cetak`), in reading order, each in a block whose id is
`anchor(file)`, and last the report's verification notes (its verification page), so that
every mark on a figure and every count of notes refers to a note in the same document.

Its links (`inside`, on the expanded page): a link to a page it holds becomes an anchor in
it: the page's start, a table, a note, a cause or a heading. Headings of every chapter
share one page here, so a title two chapters repeat has another id here than on its
chapter (`_Headings` finds the one it has here). A link to what the print view does not
hold (a download, the start page of links, another report) stays a link to the site; the
PDF writes it as an absolute URL on `site_url`, or keeps its text without the link when
there is none (pdf.for_paper): a relative path means nothing in a downloaded file.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from lkip_build.present import verification
from lkip_build.present.markers import CETAK
from lkip_build.present.page import body
from lkip_build.present.syntax import RAW_URL, outside_code, page_dir, rebase_raw
from lkip_build.publish import pagecheck

if TYPE_CHECKING:
    from lkip_build import model as m
    from lkip_build.present.expansion import Expansion

PREVIEW = (
    "Pratinjau (`make serve`) tidak membuat ulang versi cetak dan PDF setiap kali berkas "
    "disimpan; `make site` membuatnya lengkap."
)
# the print view repeats every page: keep it out of search results
FRONT_MATTER = "---\nsearch:\n  exclude: true\n---\n\n"
NOTES = "lkip-cetak-catatan"  # the class of the verification notes' block
COVER = "cetak-sampul"  # the cover's id: where a link to the print view itself goes

# a Markdown link's address (a fragment alone too), with its title in either quotes
INLINE = re.compile(r"""(\]\(\s*<?)([^)\s>]*)(>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\))""")
# a link reference definition: `[name]: address "title"`
REFERENCE = re.compile(r"""^( {0,3}\[[^\]]+\]:[ \t]*<?)([^\s>]+)(.*)$""", re.M)
# an id written in raw HTML (tables, notes, causes, the blocks): the same on every page
RAW_ID = re.compile(r"""<[a-zA-Z][^<>]*?\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")
HEADING_ID = re.compile(r"""<h[1-6]\b[^>]*?\sid="([^"]*)\"""")


def anchor(file: str) -> str:
    """The id of a printed page's block in the print view: `cetak-` and its file's name."""
    return "cetak-" + re.sub(r"[^a-z0-9]+", "-", file.removesuffix(".md").lower()).strip("-")


def report_url(site_url: str, rid: str) -> str:
    """The report's address on the published site; "" when mkdocs.yml sets no `site_url`."""
    return f"{site_url.rstrip('/')}/{rid}/" if site_url else ""


def printed(lap: m.Laporan, sources: dict[str, str]) -> dict[str, str]:
    """The pages the print view holds, in order (src -> Markdown as typed): every printed
    page of `halaman`, then the verification page (typed, or the one every report gets),
    whatever its place in `halaman`."""
    rid = lap.id
    out = {
        f"{rid}/{p.file}": sources[f"{rid}/{p.file}"]
        for p in lap.halaman
        if p.cetak and p.file != verification.PAGE and f"{rid}/{p.file}" in sources
    }
    notes = f"{rid}/{verification.PAGE}"
    out[notes] = sources.get(notes, verification.SOURCE)
    return out


def markdown(lap: m.Laporan, sources: dict[str, str], site_url: str, preview: bool) -> str:
    """The print view's Markdown, markers unexpanded (see the module docstring); in the
    live preview (`preview`) its cover and a note: it repeats every chapter (a third of a
    rebuild) and, like the PDF, is made by `make site`."""
    e = html.escape
    address = report_url(site_url, lap.id)
    where = (
        f'<p class="lkip-alamat">Versi daring: <a href="{e(address)}">{e(address)}</a></p>\n'
        if address
        else ""
    )
    cover = (
        f"# {e(lap.judul)}\n\n"
        '<p class="lkip-web-saja">Versi cetak: seluruh laporan dalam satu halaman, '
        "untuk dicetak atau disimpan sebagai PDF.</p>\n\n"
        f'<div class="lkip-sampul" id="{COVER}">\n'
        f"<p>{e(lap.pemerintah.upper())}</p>\n<p>{e(lap.judul.upper())}</p>\n"
        f"<p>{e(lap.instansi.upper())}</p>\n<p>TAHUN {lap.tahun}</p>\n{where}</div>\n\n"
    )
    if preview:
        return FRONT_MATTER + cover + PREVIEW
    # a page's raw HTML addresses are read from its URL: from the print view's they must be
    # written again (an image typed on index.md, say)
    view = page_dir(f"{lap.id}/{CETAK}")
    blocks = []
    for src, text in printed(lap, sources).items():
        part = rebase_raw(body(text), page_dir(src), view)
        kind = f"lkip-bab {NOTES}" if src.endswith("/" + verification.PAGE) else "lkip-bab"
        ident = anchor(src.split("/", 1)[1])
        blocks.append(f'<div class="{kind}" id="{ident}" markdown="1">\n\n{part}\n\n</div>')
    return FRONT_MATTER + cover + "\n\n".join(blocks)


def resolve(
    expansion: Expansion, sources: dict[str, str], extensions: tuple[tuple[str, str], ...]
) -> Expansion:
    """The expansion with every report's print view linking inside itself (`inside`);
    `sources` are the pages in scope (src -> Markdown as typed, generated ones too)."""
    pages = dict(expansion.pages)
    for h in expansion.publication.hasil:
        lap = h.report.laporan
        src = f"{lap.id}/{CETAK}"
        if src in pages:
            chapters = {s: anchor(s.split("/", 1)[1]) for s in printed(lap, sources)}
            chapters[src] = COVER
            pages[src] = inside(pages[src], lap.id, chapters, pages, extensions)
    return replace(expansion, pages=pages)


def inside(
    text: str,
    rid: str,
    chapters: dict[str, str],
    pages: dict[str, str],
    extensions: tuple[tuple[str, str], ...],
) -> str:
    """The expanded print view `text` of report `rid` with each link to a page it holds
    (`chapters`: src -> the id of its block; the print view's own src -> its cover)
    written as an anchor in it; `pages` are the pages' own expanded Markdown (where a
    heading's id on its page is read)."""
    ids = {a or b for a, b in RAW_ID.findall(text)}
    headings = _Headings(text, chapters, pages, extensions)

    def page_of(path: str, raw: bool) -> str:
        if not raw:  # Markdown: a source file, read from the print view's folder
            return posixpath.normpath(posixpath.join(rid, path))
        # raw HTML: a URL, read from the print view's own (a page's is its folder)
        target = posixpath.normpath(posixpath.join(page_dir(f"{rid}/{CETAK}"), path))
        found = [s for s in (f"{target}.md", f"{target}/index.md") if s in chapters]
        return found[0] if found else target

    def address(url: str, here: str, raw: bool) -> str:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("/"):
            return url
        path, frag = unquote(parts.path), parts.fragment
        src = page_of(path, raw) if path else here
        if src not in chapters:
            return url  # not in the print view: a link to the site
        if not frag:
            return f"#{chapters[src]}" if path else url
        if frag in ids:
            return f"#{frag}"
        return "#" + headings.of(src).get(frag, frag)

    def links(piece: str, here: str) -> str:
        def markdown_link(mt: re.Match[str]) -> str:
            return mt.group(1) + address(mt.group(2), here, False) + mt.group(3)

        def raw_link(mt: re.Match[str]) -> str:
            if not mt.group(1).startswith("href"):
                return mt.group(0)  # an image's address: nothing to follow
            value = html.unescape(mt.group(2) if mt.group(2) is not None else mt.group(3))
            new = address(value, here, True)
            if new == value:
                return mt.group(0)  # as typed, escapes and all
            quote = '"' if mt.group(2) is not None else "'"
            return f"{mt.group(1)}{quote}{html.escape(new)}{quote}"

        def change(part: str) -> str:
            part = REFERENCE.sub(markdown_link, INLINE.sub(markdown_link, part))
            return RAW_URL.sub(raw_link, part)

        return outside_code(piece, change)

    # the page in pieces: the cover, then each printed page's block (whose links to "#…"
    # are its own)
    cuts = sorted((text.find(f'id="{a}"'), src) for src, a in chapters.items())
    starts = [(text.rfind("<div", 0, pos), src) for pos, src in cuts if pos >= 0]
    out, last, here = [], 0, ""
    for pos, src in starts:
        out.append(links(text[last:pos], here))
        last, here = pos, src
    out.append(links(text[last:], here))
    return "".join(out)


class _Headings:
    """The id each heading of a printed page has in the print view, by the id it has on
    its own page (the toc extension makes a repeated title's id unique within one page:
    `latar-belakang`, then `latar-belakang_1`). Rendered only when a link needs it."""

    def __init__(
        self,
        text: str,
        chapters: dict[str, str],
        pages: dict[str, str],
        extensions: tuple[tuple[str, str], ...],
    ) -> None:
        self.text, self.chapters, self.pages, self.extensions = text, chapters, pages, extensions
        self.maps: dict[str, dict[str, str]] = {}

    @cached_property
    def here(self) -> dict[str, list[str]]:
        """Each printed page's heading ids in the print view, in order."""
        made = pagecheck.render(self.text, self.extensions)
        starts = sorted((made.find(f' id="{a}"'), src) for src, a in self.chapters.items())
        out: dict[str, list[str]] = {src: [] for src in self.chapters}
        for h in HEADING_ID.finditer(made):
            owner = [src for pos, src in starts if 0 <= pos < h.start()]
            if owner:
                out[owner[-1]].append(h.group(1))
        return out

    def of(self, src: str) -> dict[str, str]:
        if src not in self.maps:
            own = HEADING_ID.findall(pagecheck.render(self.pages.get(src, ""), self.extensions))
            there = self.here.get(src, [])
            # the same Markdown, so the same headings; if not, the ids are left as they are
            self.maps[src] = dict(zip(own, there, strict=True)) if len(own) == len(there) else {}
        return self.maps[src]
