"""Charts from the computed data, rendered at build time to SVG.

Vega-Lite specs rendered by vl-convert-python: a declarative spec is data we can test and
read, and vl-convert draws it to static SVG without a browser or JavaScript on the page,
so charts show in print, in the PDF and with scripts off. Labels are formatted here, the
Indonesian way, so the chart says exactly what the tables say; money axes use Indonesian
units (satuan.py). Each chart is drawn twice, in chartlayout's wide and phone widths.

Colours follow the category a figure earns, never its raw direction: a lower-is-better
indicator that met its target is green, and a price that fell is shown as good.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from lkip_build.compute import Computed, SumberResult
from lkip_build.compute.prices import HargaResult
from lkip_build.compute.skala import bands_of
from lkip_build.model.numbers import format_decimal, format_pct
from lkip_build.present import chartrender
from lkip_build.present.chartlayout import LEBAR, SEMPIT, Baris, Batang, Garis, Sumbu, Tata, spec
from lkip_build.present.page import _hint
from lkip_build.present.satuan import judul_sumbu, langkah, rupiah_singkat, ticks
from lkip_build.present.tables import rp

# Category colours (colour-blind safe, dark enough for white gaps); words are always shown too.
WARNA_KATEGORI = ["#1b7837", "#5aae61", "#e08214", "#b2182b"]
BAIK, BURUK, NETRAL = "#1b7837", "#b2182b", "#4d4d4d"
PAGU, REALISASI = "#9ecae1", "#08519c"


@dataclass(frozen=True)
class Grafik:
    name: str  # file name under grafik/, without .svg
    judul: str
    alt: str  # the text alternative: what the chart shows, in a sentence or two
    spec: dict[str, object]  # this variant's Vega-Lite spec
    data: list[dict[str, object]]  # the chart's items, as its labels and alt read them
    warna: dict[str, str]  # colour class -> colour
    sempit: Grafik | None = None  # the phone variant (name + "-sempit")

    def svg(self) -> str:
        return chartrender.draw(self.spec)

    def variants(self) -> list[Grafik]:
        return [self] if self.sempit is None else [self, self.sempit]


class GrafikError(Exception):
    pass


def _grafik(name: str, judul: str, alt: str, t: Tata, data: list[dict[str, object]]) -> Grafik:
    """The chart at both widths; the phone variant is the same chart, laid out for 340 px."""
    narrow = Grafik(name + SEMPIT.akhiran, judul, alt, spec(t, SEMPIT), data, t.warna)
    return Grafik(name + LEBAR.akhiran, judul, alt, spec(t, LEBAR), data, t.warna, narrow)


def _persen_sumbu(judul: str, lo: Decimal, hi: Decimal) -> Sumbu:
    values = langkah(lo, hi, 5)
    return Sumbu(judul, [float(v) for v in values], [format_decimal(v, 0) for v in values])


def capaian(h: Computed) -> Grafik:
    if not h.utama:
        raise GrafikError("laporan ini tidak punya indikator")
    bands = bands_of(h.report.laporan.skala_capaian)  # a preset's name is its bands
    names = [b.kategori for b in bands]
    values = _capaian_values(h)
    garis = [
        Garis(
            float(b.batas_bawah),
            f"{b.kategori} {'≥' if b.bawah_inklusif else '>'} "
            f"{format_decimal(b.batas_bawah, 2, trim=True)} %",
        )
        for b in bands
        if b.batas_bawah is not None
    ]
    top = max([Decimal(120), *(Decimal(str(v["capaian"])) for v in values)])
    t = Tata(
        "Capaian per indikator (target = 100 %)",
        [
            Baris(
                str(v["indikator"]),
                [Batang(str(v["kategori"]), 0.0, cast(float, v["capaian"]), str(v["label"]))],
            )
            for v in values
        ],
        _persen_sumbu("Capaian (%)", Decimal(0), top),
        dict(zip(names, WARNA_KATEGORI, strict=False)),
        "Kategori",
        sorted(garis, key=lambda g: g.x),
    )
    return _grafik(
        "capaian",
        "Capaian kinerja per indikator dan kategorinya",
        _capaian_alt(h, values),
        t,
        values,
    )


def _capaian_values(h: Computed) -> list[dict[str, object]]:
    """One bar per main indicator with a capaian, numbered as the report lists them."""
    values: list[dict[str, object]] = []
    for i, r in enumerate(h.utama, start=1):
        if r.capaian is None:
            continue
        values.append(
            {
                "indikator": f"{i}. {r.indikator.nama}",
                "capaian": float(r.capaian),  # bar length only; the label is exact
                "kategori": r.kategori,
                "label": f"{format_pct(r.capaian, r.batas)} % · {r.kategori}",
            }
        )
    return values


def _capaian_alt(h: Computed, values: list[dict[str, object]]) -> str:
    """The chart in words; an NA capaian is no 0 %, and no figure sits on a bound unreached."""
    scored = [r for r in h.utama if r.capaian is not None]
    mean = "n/a" if h.rata_rata is None else f"{format_pct(h.rata_rata, h.batas)} %"
    alt = f"Capaian {len(values)} indikator. Rata-rata {mean} ({h.kategori or '-'}). "
    if scored:
        lowest = min(scored, key=lambda r: r.capaian or Decimal(0))
        low = format_pct(lowest.capaian or Decimal(0), lowest.batas)
        alt += f"Terendah: {lowest.indikator.nama}, {low} % ({lowest.kategori}). "
    return alt + "; ".join(f"{v['indikator']}: {v['label']}" for v in values) + "."


def anggaran(h: Computed, sumber: str) -> Grafik:
    s = h.sumber.get(sumber)
    if s is None:
        raise GrafikError(
            f"sumber dana {sumber!r} tidak ada di anggaran.yml{_hint(sumber, [*h.sumber])}"
        )
    values = _anggaran_values(s)
    top = max([0, *(p.pagu or 0 for p in s.program), *(p.realisasi or 0 for p in s.program)])
    unit, tick_values, tick_labels = ticks(top, 5)
    baris = [
        Baris(
            str(v["program"]),
            [
                Batang("Pagu", 0.0, v["pagu"], str(v["label_pagu"])),  # type: ignore[arg-type]
                Batang("Realisasi", 0.0, v["realisasi"], str(v["label"])),  # type: ignore[arg-type]
            ],
        )
        for v in values
    ]
    t = Tata(
        f"Pagu dan realisasi per program, {s.sumber.nama}",
        baris,
        Sumbu(judul_sumbu(unit), [float(x) for x in tick_values], tick_labels),
        {"Pagu": PAGU, "Realisasi": REALISASI},
    )
    judul = f"Pagu dan realisasi anggaran per program, {s.sumber.nama}"
    return _grafik(f"anggaran-{sumber}", judul, _anggaran_alt(s), t, values)


def _anggaran_values(s: SumberResult) -> list[dict[str, object]]:
    """Per programme: pagu and realisasi (bar lengths) and their labels, exactly formatted."""
    values: list[dict[str, object]] = []
    for i, p in enumerate(s.program, start=1):
        pct = "" if p.persen is None else f" ({format_pct(p.persen)} %)"
        label = "realisasi n/a"  # no bar: the document prints no realisasi here
        if p.belum_diisi and p.realisasi is None:
            label = "realisasi belum diisi"  # a draft
        if p.realisasi is not None:
            label = rupiah_singkat(p.realisasi) + pct
        values.append(
            {
                "program": f"{i}. {p.pos.nama.removeprefix('Program ')}",
                "pagu": _bar(p.pagu),
                "realisasi": _bar(p.realisasi),
                "label_pagu": "belum diisi" if p.pagu is None else rupiah_singkat(p.pagu),
                "label": label,
            }
        )
    return values


def _anggaran_alt(s: SumberResult) -> str:
    total = "n/a" if s.persen is None else f"{format_pct(s.persen)} %"
    return (
        f"{s.sumber.nama}: pagu {rp(s.pagu)} rupiah, realisasi {rp(s.realisasi)} rupiah "
        f"({total}). "
        + "; ".join(
            f"{p.pos.nama}: pagu {rp(p.pagu)}, realisasi {rp(p.realisasi)}"
            + (f" ({format_pct(p.persen)} %)" if p.persen is not None else "")
            for p in s.program
        )
        + "."
    )


def harga(h: Computed, kelompok: str) -> Grafik:
    g = h.harga.get(kelompok)
    if g is None:
        raise GrafikError(
            f"kelompok harga {kelompok!r} tidak ada di harga.yml{_hint(kelompok, [*h.harga])}"
        )
    values = []
    known = [b for b in g.barang if b.selisih is not None]  # a draft's prices to fill: no bar
    for b in sorted(known, key=lambda x: x.persen or Decimal(0), reverse=True):
        pct = b.persen or Decimal(0)
        arah = "naik" if pct > 0 else ("turun" if pct < 0 else "tetap")
        values.append(
            {
                "barang": b.barang.nama,
                "persen": pct,
                "arah": arah,
                "label": f"{format_pct(pct)} % ({arah})",
            }
        )
    pcts = [Decimal(str(v["persen"])) for v in values]
    t = Tata(
        f"Perubahan harga {g.kelompok.nama} {g.kelompok.tahun_lalu}-{g.kelompok.tahun_kini}",
        [
            Baris(
                str(v["barang"]),
                [Batang(str(v["arah"]), min(0.0, float(p)), max(0.0, float(p)), str(v["label"]))],
            )
            for v, p in zip(values, pcts, strict=True)
        ],
        _persen_sumbu(
            "Perubahan harga (%)", min(pcts, default=Decimal(0)), max(pcts, default=Decimal(0))
        ),
        {"naik": BURUK, "tetap": NETRAL, "turun": BAIK},
        garis=[]
        if g.rata_rata is None  # a draft: this year's prices still to fill
        else [Garis(float(g.rata_rata), f"rata-rata {format_pct(g.rata_rata)} %")],
    )
    for v in values:
        v["persen"] = float(v["persen"])  # type: ignore[arg-type]
    alt = _harga_alt(g, values)
    judul = f"Perubahan harga {g.kelompok.nama} per barang"
    return _grafik(f"harga-{kelompok}", judul, alt, t, values)


def figure(g: Grafik, src: str) -> str:
    """The chart as a figure: its text alternative, caption, and on a phone (<= 600 px)
    the variant laid out for that width. The <img> is Markdown, so MkDocs resolves its
    path; <source> is raw HTML, so its URL is made here for the site's directory URLs
    (mkdocs.yml: use_directory_urls: true; a page other than index.md is one folder down)."""
    path = f"grafik/{g.name}.svg"
    alt = html.escape(g.alt).replace("[", "&#91;").replace("]", "&#93;")
    source = ""
    if g.sempit is not None:
        up = "" if src.rsplit("/", 1)[-1] in ("index.md", "README.md") else "../"
        source = f'<source media="(max-width: 600px)" srcset="{up}grafik/{g.sempit.name}.svg">'
    return (
        f'\n<figure class="lkip-grafik" markdown="span">\n'
        f"<picture>{source}![{alt}]({path})</picture>\n"
        f"<figcaption>Grafik: {html.escape(g.judul)}</figcaption>\n</figure>\n"
    )


# each kind takes the report and the marker's own arguments (a sumber, a kelompok)
KINDS: dict[str, Callable[..., Grafik]] = {"capaian": capaian, "anggaran": anggaran, "harga": harga}


def _harga_alt(g: HargaResult, values: list[dict[str, object]]) -> str:
    if g.rata_rata is None or not values:  # a draft: this year's prices still to fill
        return (
            f"Perubahan harga {g.kelompok.nama}: harga tahun {g.kelompok.tahun_kini} belum diisi."
        )
    rises = [v for v in values if v["arah"] == "naik"]
    return (
        f"Perubahan harga {len(values)} barang ({g.kelompok.nama}); "
        f"rata-rata {format_pct(g.rata_rata)} %. "
        f"{len(rises)} barang naik. Kenaikan terbesar: {values[0]['barang']} {values[0]['label']}; "
        f"terendah: {values[-1]['barang']} {values[-1]['label']}."
    )


def _bar(amount: int | Decimal | None) -> float | None:
    """A bar's length in rupiah; None (no bar) for an amount not known."""
    return None if amount is None else float(amount)
