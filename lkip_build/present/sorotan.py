"""A report's headline figures ("sorotan"): the mean capaian and its category, how many
indicators fall in each category, each source of funds' pagu, realisasi and serapan, and
the number of verification findings. Shown as compact cards by `<!-- lkip:sorotan -->` at
the top of a report's start page, in its Ringkasan Eksekutif and on the home page, and read
by the home page's table of reports (`sitemarkers.m_daftar_laporan`).

Every figure comes from `Computed` through the named figures of `facts` (the same values
and formats prose gets); a report without indicators or without a budget says "tidak ada
data" instead of leaving a hole, and a mean that is NA is written "n/a" with what it covers.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from lkip_build.compute import Computed
from lkip_build.compute import skala as skala_mod
from lkip_build.compute.facts import Fact, collect_facts, write_fact
from lkip_build.present.table import cell_text
from lkip_build.present.verification import money, summary

NO_DATA = "tidak ada data"
# the levels of government, in the order reports are listed (here and in sitemarkers)
TINGKAT = {
    "nasional": "Kementerian dan Lembaga",
    "provinsi": "Provinsi",
    "kabupaten": "Kabupaten",
    "kota": "Kota",
}


@dataclass(frozen=True)
class Anggaran:
    """One source of funds as its headline shows it (written figures)."""

    nama: str
    pagu: str
    realisasi: str
    serapan: str  # "97,32 %", "n/a" without realisasi, "-" with pagu 0


@dataclass(frozen=True)
class Sorotan:
    """The headline figures of one report, written the Indonesian way."""

    rata_rata: str  # "81,44 %", "n/a", or "" when the report has no indicators
    kategori: str
    cakupan: str  # what the mean covers when some capaian is NA
    jumlah_indikator: int
    per_kategori: list[tuple[str, int]]  # in the scale's order; NA capaian last
    anggaran: list[Anggaran]
    catatan: int  # the verification notes (never "temuan": that is what auditors find)
    rincian_catatan: str  # "33 angka tidak cocok, 2 perlu diperiksa, 1 catatan"
    uang: int  # how many of the mismatches concern the budget's rupiah


def headline(h: Computed, findings: list, facts: dict[str, Fact] | None = None) -> Sorotan:
    """The headline of one report, from its computed results and named figures (`facts`:
    the ones its pass collected, `Publication.facts`; collected here when not given)."""
    f = collect_facts(h) if facts is None else facts
    mean = write_fact(f["kinerja.rata_rata"]) if "kinerja.rata_rata" in f else ""
    per: dict[str, int] = {}
    if h.dinilai:
        bands = skala_mod.resolve(h.report.laporan.skala_capaian)
        per = {b.kategori: 0 for b in bands}
        for r in h.dinilai:
            if r.capaian is None:
                name = "tanpa capaian (n/a)"
            else:  # a report without a category scale gives a capaian and no category
                name = r.kategori or "dengan capaian (tanpa skala kategori)"
            per[name] = per.get(name, 0) + 1
    anggaran = [
        Anggaran(
            s.sumber.nama,
            write_fact(f[f"anggaran.{sid}.pagu"], "rp"),
            write_fact(f[f"anggaran.{sid}.realisasi"], "rp"),
            write_fact(f[f"anggaran.{sid}.persen"]),
        )
        for sid, s in h.sumber.items()
    ]
    return Sorotan(
        mean,
        h.kategori,
        h.cakupan,
        len(h.dinilai),
        list(per.items()),
        anggaran,
        len(findings),
        summary(findings),
        money(findings),
    )


def _card(judul: str, angka: str, rinci: str = "", cls: str = "") -> str:
    """One card as one paragraph: search shows the paragraph that matched, so the words a
    reader types ("serapan") come back with their figure."""
    extra = f" lkip-kartu-{cls}" if cls else ""
    parts = [
        f'<span class="lkip-kartu-judul">{judul}</span>',
        f'<span class="lkip-kartu-angka">{angka}</span>',
    ]
    if rinci:
        parts.append(f'<span class="lkip-kartu-rinci">{rinci}</span>')
    return f'<p class="lkip-kartu{extra}" markdown="span">' + " ".join(parts) + "</p>"


def cards(s: Sorotan, kosong: bool, dokumen: str, instansi: str, link: str, home: str = "") -> str:
    """The cards as Markdown-in-HTML (a link stays a Markdown link, checked by the build);
    shown outside its report (`home`: the link to its start page), they name the report
    (`dokumen`: its kind and year, "LKIP 2021"). `kosong`: `nothing_to_check`."""
    e = html.escape
    out = []
    if home:
        name = cell_text(f"{dokumen} {instansi}")
        link_home = f"Sorotan: [{name}]({home})"
        out.append(f'<div class="lkip-sorotan-laporan" markdown="span">{link_home}</div>')
    if s.rata_rata:
        rinci = f"rata-rata capaian {s.jumlah_indikator} indikator kinerja"
        rinci = f"{e(s.kategori)} · {rinci}" if s.kategori else rinci
        if s.cakupan:
            rinci += f" ({e(s.cakupan)})"
        out.append(_card("Capaian kinerja", e(s.rata_rata), rinci, "capaian"))
        items = " · ".join(f"{e(k)} <strong>{n}</strong>" for k, n in s.per_kategori)
        out.append(_card("Indikator per kategori capaian", str(s.jumlah_indikator), items))
    else:
        out.append(
            _card("Capaian kinerja", NO_DATA, "Dokumen ini tidak memuat indikator.", "kosong")
        )
    for a in s.anggaran:
        rinci = f"Realisasi anggaran {e(a.realisasi)} dari pagu {e(a.pagu)}"
        out.append(_card(f"Serapan anggaran {e(a.nama)}", e(a.serapan), rinci, "serapan"))
    if not s.anggaran:
        out.append(
            _card("Serapan anggaran", NO_DATA, "Dokumen ini tidak memuat anggaran.", "kosong")
        )
    if kosong:
        # no figure to check is not a clean audit
        nothing = "Dokumen ini tidak memuat angka yang bisa diperiksa."
        out.append(_card("Catatan verifikasi data", NO_DATA, nothing, "kosong"))
    else:
        out.append(_note_card(s, link))
    title = e(f"Sorotan {dokumen}")
    return (
        f'\n<div class="lkip-sorotan" role="group" aria-label="{title}" markdown="1">\n'
        + "\n".join(out)
        + "\n</div>\n"
    )


def nothing_to_check(h: Computed, s: Sorotan) -> bool:
    """No note because the report holds no figure the audit could check (no indicator,
    budget, staff table, list or price): not a clean audit, and never shown as "0"."""
    r = h.report
    return not s.catatan and not (s.rata_rata or s.anggaran or r.pegawai or r.daftar or r.harga)


def _note_card(s: Sorotan, link: str) -> str:
    return _card(
        "Catatan verifikasi data",
        str(s.catatan),
        f"{s.rincian_catatan}"
        + (f", {s.uang} di antaranya menyangkut anggaran" if s.uang else "")
        + f": [lihat catatan verifikasi]({link})",
    )
