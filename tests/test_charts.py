"""The charts as readers get them: rupiah in Indonesian units, full names, labelled
reference lines, text legible on a phone, and the same bytes with and without the cache.

Golden figures are the NTT seed's (Tabel 2.3 / 3.24: APBD pagu 13.519.650.516, APBN pagu
2.194.960.000, realisasi 2.033.972.202; Ekspor 19.987.900; price means 12,76 % and 26,77 %).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from lkip_build import cache
from lkip_build.present import chartlayout, chartrender, charts
from lkip_build.present.satuan import judul_sumbu, rupiah_singkat, satuan_untuk, ticks

ROOT = Path(__file__).resolve().parent.parent
SEED = "ntt-disperindag-lkip-2021"

# Widths a chart is shown at (CSS px), measured in Chromium on the built site and checked
# again by tests/browser/test_charts.py: the content column of a 360 px phone, and the
# narrowest column that still gets the wide variant (a 601 px window).
PHONE_COLUMN = 328
WIDE_MIN_COLUMN = 569
MIN_TEXT_PX = 11


@pytest.mark.parametrize(
    ("rupiah", "shown"),
    [
        (13_519_650_516, "Rp 13,5 M"),  # APBD pagu
        (2_194_960_000, "Rp 2,2 M"),  # APBN pagu
        (2_033_972_202, "Rp 2,0 M"),  # APBN realisasi: the decimal stays (not "Rp 2 M")
        (19_987_900, "Rp 20,0 jt"),  # Pengembangan Ekspor: 19,9879 half-up
        (8_444_000, "Rp 8,4 jt"),
        (999, "Rp 999"),
        (1_000, "Rp 1,0 rb"),
        (999_999, "Rp 999,9 rb"),  # never "1.000,0 rb": that is 1 juta, not reached
        (1_000_000, "Rp 1,0 jt"),
        (999_950_000, "Rp 999,9 jt"),  # half-up would reach 1.000,0 jt = 1 miliar
        (999_949_999, "Rp 999,9 jt"),
        (1_000_000_000, "Rp 1,0 M"),
        (999_999_999_999, "Rp 999,9 M"),
        (1_000_000_000_000, "Rp 1,0 T"),
        (1_250_000, "Rp 1,3 jt"),  # half-up, not half-even (1,2)
        (2_450_000_000, "Rp 2,5 M"),
        (1_249_999, "Rp 1,2 jt"),
        (0, "Rp 0"),
    ],
)
def test_rupiah_in_indonesian_units(rupiah: int, shown: str) -> None:
    assert rupiah_singkat(rupiah) == shown


def test_an_axis_has_one_unit_named_in_its_title() -> None:
    # APBD: the largest programme pagu is 11.897.548.816 -> miliar
    unit, values, labels = ticks(11_897_548_816, 5)
    assert unit.nama == "miliar" and judul_sumbu(unit) == "Rupiah (miliar)"
    assert values[-1] >= 11_897_548_816 and labels[0] == "0"
    assert all(re.fullmatch(r"\d+(,\d+)?", x) for x in labels), labels
    assert labels[1] == "2,5"
    # APBN: the largest pagu 982.700.000 is juta, the axis reaches 1 miliar: one unit
    unit, values, labels = ticks(982_700_000, 5)
    assert judul_sumbu(unit) == "Rupiah (miliar)"
    assert labels == ["0", "0,2", "0,4", "0,6", "0,8", "1"]
    assert satuan_untuk(999_999).nama == "ribu" and satuan_untuk(12).nama == "rupiah"


@pytest.fixture(scope="module")
def ntt_charts() -> list[charts.Grafik]:
    from lkip_build.publish.site import prepare

    h = prepare(ROOT).by_id[SEED]
    return [
        charts.capaian(h),
        charts.anggaran(h, "apbd"),
        charts.anggaran(h, "apbn"),
        charts.harga(h, "bahan-pokok"),
        charts.harga(h, "barang-penting"),
    ]


def _texts(spec: dict) -> list[str]:
    """Every text a spec writes: its title lines and each text layer's strings."""
    title = spec["title"]["text"]
    out = list(title) if isinstance(title, list) else [title]
    for layer in spec["layer"]:
        if layer["mark"]["type"] == "text":
            out += [d["t"] for d in layer["data"]["values"]]
    return out


def test_names_are_whole_and_every_line_is_labelled(ntt_charts) -> None:
    capaian, apbd, _, pokok, penting = ntt_charts
    for g in ntt_charts:
        for v in g.variants():
            texts = _texts(v.spec)
            assert not any("…" in t for t in texts), v.name
            assert v.spec["layer"][-1]["mark"]["type"] == "text"
    for v in capaian.variants():
        text = " ".join(_texts(v.spec))
        # Tabel 3.3 of the seed: the longest indicator name, whole
        assert (
            "Persentase Pelaku usaha yang melakukan pengujian dan sertifikasi mutu produk "
            "(Target 2023 = 34 Pelaku Usaha)"
        ) in text
        for band in ("Sangat Berhasil ≥ 85 %", "Berhasil ≥ 75 %", "Cukup Berhasil ≥ 55 %"):
            assert band in text
    assert "Penunjang Urusan Pemerintah Daerah Provinsi" in " ".join(_texts(apbd.spec))
    assert "rata-rata 12,76 %" in " ".join(_texts(pokok.spec))
    assert "rata-rata 26,77 %" in " ".join(_texts(penting.sempit.spec))  # type: ignore[union-attr]


def test_no_axis_speaks_si(ntt_charts) -> None:
    for g in ntt_charts:
        for v in g.variants():
            assert "format" not in str(v.spec), v.name  # no d3 ".2s" (1,0G / 900M)
    apbd = ntt_charts[1]
    bars = next(x for x in apbd.spec["layer"] if x["mark"]["type"] == "rect")
    assert bars["encoding"]["x"]["axis"]["title"] == "Rupiah (miliar)"


def _svg_texts(svg: str) -> tuple[float, list[float]]:
    root = ET.fromstring(svg)
    width = float(root.get("width", "0"))
    view = root.get("viewBox")
    if view:
        assert float(view.split()[2]) == width  # drawn at its own size, no inner scaling
    sizes = []
    for el in root.iter("{http://www.w3.org/2000/svg}text"):
        size = el.get("font-size")
        assert size and size.endswith("px"), ET.tostring(el)[:200]
        sizes.append(float(size[:-2]))
    return width, sizes


@pytest.fixture(scope="module")
def drawn(ntt_charts, tmp_path_factory) -> dict[str, str]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LKIP_CACHE", str(tmp_path_factory.mktemp("svg-cache")))
        return {v.name: v.svg() for g in ntt_charts for v in g.variants()}


def test_text_is_legible_where_each_variant_is_shown(drawn) -> None:
    assert len(drawn) == 10
    for name, svg in drawn.items():
        width, sizes = _svg_texts(svg)
        column = PHONE_COLUMN if name.endswith(chartlayout.SEMPIT.akhiran) else WIDE_MIN_COLUMN
        scale = min(1.0, column / width)
        assert sizes, name
        smallest = min(sizes) * scale
        assert smallest >= MIN_TEXT_PX, f"{name}: {smallest:.1f} px at {column} px ({width} wide)"
        if name.endswith("-sempit"):
            # the brief's rule too: shown scaled to fit a 360 px screen
            assert min(sizes) * min(1.0, 360 / width) >= MIN_TEXT_PX


def test_same_bytes_with_and_without_the_cache(ntt_charts, drawn, tmp_path, monkeypatch) -> None:
    import vl_convert

    monkeypatch.setenv("LKIP_CACHE", "0")
    for g in ntt_charts:
        for v in g.variants():
            assert v.svg() == drawn[v.name], v.name
    # warm: every chart comes from the cache, vl-convert is not asked
    cold = tmp_path / "cache"
    monkeypatch.setenv("LKIP_CACHE", str(cold))
    first = {v.name: v.svg() for g in ntt_charts for v in g.variants()}
    assert len(list((cold / "svg").rglob("*"))) >= 10

    def refuse(*a, **k):
        raise AssertionError("drawn again, not read from the cache")

    monkeypatch.setattr(vl_convert, "vegalite_to_svg", refuse)
    assert {v.name: v.svg() for g in ntt_charts for v in g.variants()} == first == drawn


def test_the_key_is_the_spec_and_the_renderer() -> None:
    a = {"mark": "bar", "width": 10}
    assert chartrender.canonical(a) == chartrender.canonical({"width": 10, "mark": "bar"})
    parts = [chartrender.canonical(a), chartrender.version(), chartrender.FONTS]
    assert "vl-convert-python" in parts[1]
    other = [chartrender.canonical({**a, "width": 11}), *parts[1:]]
    assert cache.key("svg", parts) != cache.key("svg", other)


def test_the_engine_measures_with_its_own_fonts_and_leaves_the_environment(monkeypatch) -> None:
    import os

    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    monkeypatch.setenv("LKIP_CACHE", "0")
    svg = chartrender.draw({"mark": "text", "encoding": {"text": {"value": "x"}}})
    assert svg.startswith("<svg") and "FONTCONFIG_FILE" not in os.environ


def test_the_figure_serves_the_phone_variant(ntt_charts) -> None:
    g = ntt_charts[0]
    chapter = charts.figure(g, f"{SEED}/bab-3-akuntabilitas-kinerja.md")
    assert '<source media="(max-width: 600px)" srcset="../grafik/capaian-sempit.svg">' in chapter
    assert "(grafik/capaian.svg)</picture>" in chapter and "<figcaption>Grafik: " in chapter
    home = charts.figure(g, f"{SEED}/index.md")  # index.md is the folder's own page
    assert 'srcset="grafik/capaian-sempit.svg"' in home


def test_the_previews_helper_processes_draw_the_same_bytes(ntt_charts, drawn, monkeypatch) -> None:
    """Under `make serve` charts are drawn in helper processes (one engine each, started
    ahead): the SVGs are the ones drawn here, and none is drawn in this process."""
    import vl_convert

    monkeypatch.setenv("LKIP_CACHE", "0")
    chartrender.warm_up(processes=2)
    try:

        def here(*a, **k):
            raise AssertionError("drawn in the preview's own process")

        monkeypatch.setattr(vl_convert, "vegalite_to_svg", here)
        futures = {v.name: chartrender.submit(v.svg) for g in ntt_charts for v in g.variants()}
        assert {name: f.result() for name, f in futures.items()} == drawn
    finally:
        chartrender.stop_helpers()
    assert chartrender._helpers is None


# ---------------------------------------------------------------- reference lines and labels

LIBERATION = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
SVG_NS = "{http://www.w3.org/2000/svg}"


class _Font:
    """Advance widths and vertical extent of a TrueType font, read from its own tables
    (head, hhea, hmtx, cmap format 4): the font vl-convert draws the charts with."""

    def __init__(self, path: Path) -> None:
        import struct

        data = path.read_bytes()
        tables = {}
        for i in range(struct.unpack(">H", data[4:6])[0]):
            tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
            tables[tag.decode()] = offset
        self.em = struct.unpack(">H", data[tables["head"] + 18 : tables["head"] + 20])[0]
        hhea = tables["hhea"]
        self.ascent, self.descent = struct.unpack(">hh", data[hhea + 4 : hhea + 8])
        metrics = struct.unpack(">H", data[hhea + 34 : hhea + 36])[0]
        hmtx = tables["hmtx"]
        self.advance = [
            struct.unpack(">H", data[hmtx + 4 * g : hmtx + 4 * g + 2])[0] for g in range(metrics)
        ]
        cmap = tables["cmap"]
        count = struct.unpack(">H", data[cmap + 2 : cmap + 4])[0]
        records = [
            struct.unpack(">HHI", data[cmap + 4 + 8 * i : cmap + 12 + 8 * i]) for i in range(count)
        ]
        sub = cmap + next(off for plat, enc, off in records if (plat, enc) in ((3, 1), (0, 3)))
        assert struct.unpack(">H", data[sub : sub + 2])[0] == 4
        segs = struct.unpack(">H", data[sub + 6 : sub + 8])[0] // 2

        def array(start: int, fmt: str = "H") -> list[int]:
            return list(struct.unpack(f">{segs}{fmt}", data[start : start + 2 * segs]))

        ends = array(sub + 14)
        starts = array(sub + 16 + 2 * segs)
        deltas = array(sub + 16 + 4 * segs, "h")
        range_at = sub + 16 + 6 * segs
        ranges = array(range_at)
        self._glyph = {}
        for i in range(segs):
            for c in range(starts[i], min(ends[i], 0x2FFF) + 1):
                if ranges[i] == 0:
                    g = (c + deltas[i]) & 0xFFFF
                else:
                    at = range_at + 2 * i + ranges[i] + 2 * (c - starts[i])
                    g = struct.unpack(">H", data[at : at + 2])[0]
                    g = (g + deltas[i]) & 0xFFFF if g else 0
                self._glyph[c] = g

    def width(self, text: str, size: float) -> float:
        advances = [
            self.advance[min(self._glyph.get(ord(ch), 0), len(self.advance) - 1)] for ch in text
        ]
        return sum(advances) * size / self.em


def _geometry(
    svg: str, font: _Font
) -> tuple[list[tuple[float, float, float]], list[tuple[str, tuple[float, float, float, float]]]]:
    """The reference lines (x, y0, y1) and every text's box (x0, x1, y0, y1) of a drawn
    chart, in the SVG's own coordinates: the text's advance width along its anchor, its
    font's ascent above the baseline and descent below, and its white halo around."""
    rules: list[tuple[float, float, float]] = []
    texts: list[tuple[str, tuple[float, float, float, float]]] = []

    def shift(el: ET.Element) -> tuple[float, float]:
        m = re.fullmatch(
            r"translate\(([-\d.e]+),([-\d.e]+)\)", el.get("transform", "translate(0,0)")
        )
        assert m, el.get("transform")
        return float(m.group(1)), float(m.group(2))

    def walk(el: ET.Element, ox: float, oy: float, kind: str) -> None:
        dx, dy = shift(el) if el.get("transform") else (0.0, 0.0)
        x, y = ox + dx, oy + dy
        kind = el.get("class", kind) if el.tag == f"{SVG_NS}g" else kind
        if el.tag == f"{SVG_NS}line" and kind.startswith("mark-rule role-mark"):
            assert float(el.get("x2", "0")) == 0  # vertical
            rules.append((x, y, y + float(el.get("y2", "0"))))
        if el.tag == f"{SVG_NS}text":
            size = float(el.get("font-size", "0px")[:-2])
            w = font.width(el.text or "", size)
            x0 = {"start": x, "middle": x - w / 2, "end": x - w}[el.get("text-anchor", "start")]
            halo = chartlayout.HALO
            top = y - font.ascent * size / font.em - halo
            bottom = y - font.descent * size / font.em + halo
            texts.append((el.text or "", (x0 - halo, x0 + w + halo, top, bottom)))
        for child in el:
            walk(child, x, y, kind)

    walk(ET.fromstring(svg), 0.0, 0.0, "")
    return rules, texts


def crossings(svg: str, font: _Font) -> list[str]:
    """Each text a reference line runs through (a 1 px line touching the box's inside)."""
    rules, texts = _geometry(svg, font)
    return [
        f"line at x={x:.1f} ({y0:.0f}-{y1:.0f}) crosses {text!r}"
        for x, y0, y1 in rules
        for text, (bx0, bx1, by0, by1) in texts
        if bx0 < x + 0.5 and x - 0.5 < bx1 and by0 < max(y0, y1) and min(y0, y1) < by1
    ]


def test_no_reference_line_crosses_a_label(drawn) -> None:
    """In the drawn SVG of every NTT chart, wide and narrow: each piece of a reference line
    (the category thresholds, the mean price change) keeps clear of every text, measured
    with Liberation Sans' own metrics, halo included."""
    if not LIBERATION.is_file():
        pytest.skip(f"{LIBERATION} is missing (apt-get install fonts-liberation)")
    font = _Font(LIBERATION)
    assert font.width("0", 12) == pytest.approx(556 * 12 / 1000, abs=0.01)  # Arial's digits
    lines = 0
    for name, svg in drawn.items():
        rules, texts = _geometry(svg, font)
        assert texts, name
        lines += len({x for x, _, _ in rules})
        assert not crossings(svg, font), (name, crossings(svg, font))
    assert lines == 2 * (3 + 0 + 0 + 1 + 1)  # 55/75/85 % on capaian, each price chart's mean


def test_the_check_sees_a_line_through_a_label() -> None:
    """The check can fail: a line drawn whole from top to bottom, as before, crosses."""
    if not LIBERATION.is_file():
        pytest.skip(f"{LIBERATION} is missing (apt-get install fonts-liberation)")
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g transform="translate(9,24)">'
        '<g class="mark-rule role-mark layer_0_marks"><line transform="translate(40,0)" x2="0" y2="100"/></g>'
        '<g class="mark-text role-mark"><text text-anchor="start" transform="translate(0,50)" '
        'font-size="12px">Persentase Kenaikan Harga</text></g></g></svg>'
    )
    assert crossings(svg, _Font(LIBERATION)) == [
        "line at x=49.0 (24-124) crosses 'Persentase Kenaikan Harga'"
    ]
