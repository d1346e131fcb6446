"""Charts from the computed data, rendered at build time to SVG.

Vega-Lite specs rendered by vl-convert-python: a declarative spec is data we can test and
read, and vl-convert draws it to static SVG without a browser or JavaScript on the page,
so charts show in print, in the PDF and with scripts off. Labels are formatted here, the
Indonesian way, so the chart says exactly what the tables say.

Colours follow the category a figure earns, never its raw direction: a lower-is-better
indicator that met its target is green, and a price that fell is shown as good.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from .compute import Computed, SumberResult
from .compute.prices import HargaResult
from .numbers import format_decimal, format_pct
from .skala import bands_of
from .tables import rp

# Category colours (colour-blind safe, dark enough for white gaps); words are always shown too.
WARNA_KATEGORI = ["#1b7837", "#5aae61", "#e08214", "#b2182b"]
BAIK, BURUK, NETRAL = "#1b7837", "#b2182b", "#4d4d4d"
FONT = "Helvetica, Arial, sans-serif"


@dataclass(frozen=True)
class Grafik:
    name: str  # file name under grafik/
    judul: str
    alt: str  # the text alternative: what the chart shows, in a sentence or two
    spec: dict[str, object]

    def svg(self) -> str:
        import vl_convert  # imported late: only a build that draws charts needs it

        return vl_convert.vegalite_to_svg(self.spec)


class GrafikError(Exception):
    pass


def _base(title: str, values: list[dict[str, object]], height: int) -> dict[str, object]:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": title, "font": FONT, "fontSize": 14, "anchor": "start"},
        "width": 520,
        "height": height,
        "background": "white",
        "config": {
            "font": FONT,
            "axis": {"labelFontSize": 11, "titleFontSize": 11, "labelLimit": 260},
        },
        "data": {"values": values},
    }


def capaian(h: Computed) -> Grafik:
    if not h.utama:
        raise GrafikError("laporan ini tidak punya indikator")
    bands = bands_of(h.report.laporan.skala_capaian)  # a preset's name is its bands
    names = [b.kategori for b in bands]
    values = _capaian_values(h)
    thresholds = [
        {"x": float(b.batas_bawah), "label": f"{format_decimal(b.batas_bawah, 0)} %"}
        for b in bands
        if b.batas_bawah is not None
    ]
    order = [v["indikator"] for v in values]
    spec = _base("Capaian per indikator (target = 100 %)", values, 28 * len(values))
    spec["layer"] = [
        {
            "mark": {"type": "bar", "height": 18},
            "encoding": {
                "y": {"field": "indikator", "type": "nominal", "sort": order, "title": None},
                "x": {
                    "field": "capaian",
                    "type": "quantitative",
                    "title": "Capaian (%)",
                    "scale": {"domain": [0, 130]},
                },
                "color": {
                    "field": "kategori",
                    "type": "nominal",
                    "title": "Kategori",
                    "scale": {"domain": names, "range": WARNA_KATEGORI[: len(names)]},
                    "legend": {"orient": "bottom"},
                },
            },
        },
        _labels("indikator", "capaian", order),
        {
            "data": {"values": thresholds},
            "mark": {"type": "rule", "strokeDash": [3, 3], "color": "#666"},
            "encoding": {"x": {"field": "x", "type": "quantitative"}},
        },
    ]
    alt = _capaian_alt(h, values)
    return Grafik("capaian", "Capaian kinerja per indikator dan kategorinya", alt, spec)


def _capaian_values(h: Computed) -> list[dict[str, object]]:
    """One bar per main indicator with a capaian, numbered as the report lists them."""
    values: list[dict[str, object]] = []
    for i, r in enumerate(h.utama, start=1):
        if r.capaian is None:
            continue
        values.append(
            {
                "indikator": f"{i}. {_short(r.indikator.nama)}",
                "capaian": float(r.capaian),
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
        raise GrafikError(f"sumber dana {sumber!r} tidak ada di anggaran.yml")
    values, order = _anggaran_values(s)
    spec = _base(
        f"Pagu dan realisasi per program, {s.sumber.nama} (Rp)", values, 44 * len(s.program)
    )
    spec["encoding"] = {
        "y": {"field": "program", "type": "nominal", "sort": order, "title": None},
        "yOffset": {"field": "jenis", "sort": ["Pagu", "Realisasi"]},
        "x": {"field": "rp", "type": "quantitative", "title": "Rupiah", "axis": {"format": ".2s"}},
    }
    spec["layer"] = [
        {
            "mark": {"type": "bar", "height": 14},
            "encoding": {
                "color": {
                    "field": "jenis",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": ["Pagu", "Realisasi"], "range": ["#9ecae1", "#08519c"]},
                    "legend": {"orient": "bottom"},
                }
            },
        },
        {
            "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 10, "color": "#222"},
            "encoding": {"text": {"field": "label"}},
        },
    ]
    # cast: _base puts a dict under "config"
    cast(dict[str, object], spec["config"])["locale"] = {
        "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}
    }
    return Grafik(
        f"anggaran-{sumber}",
        f"Pagu dan realisasi anggaran per program ({s.sumber.nama})",
        _anggaran_alt(s),
        spec,
    )


def _anggaran_values(s: SumberResult) -> tuple[list[dict[str, object]], list[str]]:
    """Two bars per programme (pagu, realisasi) and the programmes' order."""
    values: list[dict[str, object]] = []
    order = []
    for i, p in enumerate(s.program, start=1):
        name = f"{i}. {_short(p.pos.nama.removeprefix('Program '))}"
        order.append(name)
        pct = "-" if p.persen is None else f"{format_pct(p.persen)} %"
        if p.realisasi is None:
            pct = "realisasi n/a"  # no bar: the document prints no realisasi here
        # bar lengths only (the figures a reader reads are the labels, formatted exactly)
        real = _bar(p.realisasi)
        values.append({"program": name, "jenis": "Pagu", "rp": _bar(p.pagu), "label": ""})
        values.append({"program": name, "jenis": "Realisasi", "rp": real, "label": pct})
    return values, order


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
        raise GrafikError(f"kelompok harga {kelompok!r} tidak ada di harga.yml")
    values = []
    known = [b for b in g.barang if b.selisih is not None]  # a draft's prices to fill: no bar
    for b in sorted(known, key=lambda x: x.persen or Decimal(0), reverse=True):
        pct = b.persen or Decimal(0)
        arah = "naik" if pct > 0 else ("turun" if pct < 0 else "tetap")
        values.append(
            {
                "barang": b.barang.nama,
                "persen": float(pct),
                "x_label": float(max(pct, Decimal(0))),  # falls: label right of zero, off the bar
                "arah": arah,
                "label": f"{format_pct(pct)} % ({arah})",
            }
        )
    order = [v["barang"] for v in values]
    spec = _base(
        f"Perubahan harga {g.kelompok.nama} {g.kelompok.tahun_lalu}-{g.kelompok.tahun_kini}",
        values,
        20 * len(values),
    )
    layers: list[object] = [
        {
            "mark": {"type": "bar", "height": 14},
            "encoding": {
                "y": {"field": "barang", "type": "nominal", "sort": order, "title": None},
                "x": {"field": "persen", "type": "quantitative", "title": "Perubahan harga (%)"},
                # a price rise is bad for the reader, a fall is good: colour by that, not by sign
                "color": {
                    "field": "arah",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": ["naik", "tetap", "turun"], "range": [BURUK, NETRAL, BAIK]},
                    "legend": {"orient": "bottom"},
                },
            },
        },
        _labels("barang", "x_label", order),
    ]
    spec["layer"] = layers
    if g.rata_rata is not None:
        layers.append(
            {
                "data": {"values": [{"x": float(g.rata_rata)}]},
                "mark": {"type": "rule", "strokeDash": [4, 2], "color": "#222"},
                "encoding": {"x": {"field": "x", "type": "quantitative"}},
            }
        )
    alt = _harga_alt(g, values)
    return Grafik(f"harga-{kelompok}", f"Perubahan harga {g.kelompok.nama} per barang", alt, spec)


def _labels(y: str, x: str, order: list[object]) -> dict[str, object]:
    """The layer that writes each bar's value and words just right of the bar."""
    return {
        "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 10, "color": "#222"},
        "encoding": {
            "y": {"field": y, "type": "nominal", "sort": order},
            "x": {"field": x, "type": "quantitative"},
            "text": {"field": "label"},
        },
    }


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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


def _bar(amount: int | Decimal | None) -> int | None:
    """A bar's length in rupiah; None (no bar) for an amount not known."""
    return None if amount is None else int(amount)
