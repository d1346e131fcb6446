"""What a page says about itself outside its body: the browser tab and search-result title
(<title>), the meta description, and which pages its previous/next links may point to.

Each is computed from the report's identity (laporan.yml: judul, jenis_dokumen, tahun,
instansi, singkatan_instansi) and the page's own name in `halaman`, so two reports' pages
never share a title, and no page is called "Sampul". The print view's title names the whole
report: Chromium writes it as the PDF's document title. Everything returned is HTML-escaped
(the theme writes these into the page as they are).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lkip_build.present import verification
from lkip_build.present.markers import CETAK

if TYPE_CHECKING:
    from lkip_build.model import Laporan
    from lkip_build.publish.site import Publication

PRINT_TITLE = "Versi Cetak"
START = "index.md"


@dataclass(frozen=True)
class PageMeta:
    title: str  # escaped, for <title>
    description: str  # escaped, for <meta name="description">


HEADING = re.compile(r"^# (.+)$", re.M)  # a page's first heading


def report_name(lap: Laporan) -> str:
    """Document, year and agency, short: "LKIP 2021 Disperindag NTT"."""
    return f"{lap.jenis_dokumen} {lap.tahun} {lap.singkatan_instansi or lap.instansi}"


def report_title(lap: Laporan) -> str:
    """The report's own title with its year and agency: what the start page, the print view
    and the PDF are called ("… (LKIP) Tahun 2021 — Disperindag NTT")."""
    year = "" if str(lap.tahun) in lap.judul else f" {lap.tahun}"
    return f"{lap.judul}{year} — {lap.singkatan_instansi or lap.instansi}"


def page_name(lap: Laporan, file: str) -> str:
    """A report page's name as the reader knows it: its `halaman` judul, or the name of a
    page the build adds (verification notes, print view)."""
    if file == CETAK:
        return PRINT_TITLE
    for p in lap.halaman:
        if p.file == file:
            return p.judul
    return verification.TITLE if file == verification.PAGE else file.removesuffix(".md")


def page_meta(
    pub: Publication, src: str, site_name: str, site_description: str, markdown: str = ""
) -> PageMeta:
    """Title and description of the page built from content/`src`. The home page keeps the
    site's own name and description; another page outside a report (the search page, an
    agency's page) its heading (from its `markdown`), the site's name only on the home page."""
    h = pub.by_id.get(src.split("/", 1)[0]) if "/" in src else None
    if h is None:
        heading = HEADING.search(markdown) if src != START else None
        if heading is None:
            return PageMeta(html.escape(site_name), html.escape(site_description))
        name = heading.group(1).strip()
        return PageMeta(html.escape(name), html.escape(f"{name}. {site_description}"))
    lap = h.report.laporan
    file = src.split("/", 1)[1]
    whole = f"{lap.judul}, {lap.instansi}"
    if file == START:
        title = report_title(lap)
        about = f"{whole}: halaman awal laporan."
    elif file == CETAK:
        title = f"{lap.judul} — {lap.instansi}"
        about = f"{whole}: seluruh laporan dalam satu halaman, untuk dicetak atau disimpan."
    else:
        name = page_name(lap, file)
        title = f"{name} — {report_name(lap)}"
        about = f"{name}, {whole}."
    description = f"{about} Setiap angka turunan dihitung dari data laporan."
    return PageMeta(html.escape(title), html.escape(description))


def report_of(src: str | None) -> str | None:
    """The report a page belongs to (its folder), None for pages outside every report."""
    return src.split("/", 1)[0] if src and "/" in src else None


def linked(here: str, other: str | None) -> bool:
    """Previous/next links stay within one report, in the order of its navigation: the last
    page of one report does not lead into the next agency's, nor the home page into a report."""
    return other is not None and report_of(here) is not None and report_of(here) == report_of(other)
