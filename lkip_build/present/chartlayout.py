"""One bar-chart layout for every chart, drawn for two widths (desktop and phone).

Each row is the item's full name, wrapped onto as many lines as it needs (never cut with
"…"), then its bar(s) with the value written right of the bar end. Rows are laid out here
in pixels (y is a 1:1 pixel scale), so a name has the whole chart width, not a narrow
left column: the phone variant (340 px, shown at its own size) keeps every text at 12 px.

Reference lines (a mean, category thresholds) are labelled above the rows, each label on
its own line, so a label never meets another label or a bar's value. A reference line
never crosses a text: it is drawn in pieces that stop short of every text in its way (a
name, a value, another line's label, its own), measured with Liberation Sans' advance
widths (the font vl-convert draws with; tests/test_charts.py checks the drawn SVG).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

FONT = "Helvetica, Arial, sans-serif"
Rows = list[dict[str, object]]
Enc = dict[str, object]
CHAR = 0.58  # a generous average glyph width (em) of Liberation Sans / Arial, for wrapping
# Advance widths (1/1000 em) of Liberation Sans, metric-compatible with Arial/Helvetica:
# where a text ends, so a reference line can stop short of it. Other characters: 1 em.
_WIDTHS = """
278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278
556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556 1015
667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667
778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333
556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556
556 333 500 278 556 500 722 500 500 500 334 260 334 584
278 549 549 500
"""
_ADVANCE = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
        "abcdefghijklmnopqrstuvwxyz{|}~\u00b7\u2265\u2264\u2002",
        map(int, _WIDTHS.split()),
        strict=True,
    )
)
HALO = 2  # px of white outline around every text (strokeWidth 4)


@dataclass(frozen=True)
class Lebar:
    """A variant: the chart's outer width and its text size (px)."""

    akhiran: str  # file-name suffix: "" (wide) or "-sempit"
    lebar: int
    font: int
    kolom_legenda: int


LEBAR = Lebar("", 640, 13, 4)
SEMPIT = Lebar("-sempit", 340, 12, 2)
VARIANTS = (LEBAR, SEMPIT)


@dataclass(frozen=True)
class Batang:
    jenis: str  # the colour class (a category, "Pagu", "naik")
    x0: float  # bar from x0 to x1, in the x scale's units (lengths only, never read)
    x1: float | None  # None: no bar (a value the document does not give)
    label: str = ""  # what the reader reads, formatted exactly


@dataclass(frozen=True)
class Baris:
    nama: str
    batang: list[Batang]


@dataclass(frozen=True)
class Garis:
    x: float
    label: str


@dataclass(frozen=True)
class Sumbu:
    judul: str
    values: list[float]
    labels: list[str]


@dataclass(frozen=True)
class Tata:
    """What a chart shows, independent of its width."""

    judul: str
    baris: list[Baris]
    sumbu: Sumbu
    warna: dict[str, str]  # jenis -> colour, in legend order
    judul_legenda: str | None = None
    garis: list[Garis] = field(default_factory=list)


def wrap(text: str, width_px: float, font: int) -> list[str]:
    """`text` on as many lines as fit `width_px`; every word kept."""
    per_line = max(int(width_px / (font * CHAR)), 8)
    return textwrap.wrap(text, per_line, break_long_words=False) or [""]


def text_width(text: str, font: float) -> float:
    """The advance width of `text` at `font` px, in px."""
    return sum(_ADVANCE.get(ch, 1000) for ch in text) * font / 1000


def _top(y: float, font: int) -> tuple[float, float]:
    """From where to where a text hanging from `y` (baseline "top") reaches: the renderer
    puts its baseline 3/4 em below `y`, and accents rise above the em."""
    return y - font * 0.25, y + font * 1.1


def _segments(
    x: float, top: float, bottom: float, boxes: list[tuple[float, float, float, float]]
) -> list[tuple[float, float]]:
    """The pieces of a vertical line at `x` from `top` to `bottom` that keep clear of
    every box (x0, x1, y0, y1) it would cross, by a pixel and a half beyond each halo."""
    gap = HALO + 1.5
    blocked = sorted((y0 - gap, y1 + gap) for x0, x1, y0, y1 in boxes if x0 - gap < x < x1 + gap)
    out, y = [], top
    for b0, b1 in blocked:
        if b0 > y:
            out.append((y, min(b0, bottom)))
        y = max(y, b1)
        if y >= bottom:
            break
    if bottom > y:
        out.append((y, bottom))
    return [(a, b) for a, b in out if b - a >= 2]


def _label_room(text: str, font: int) -> float:
    return len(text) * font * CHAR + 8


def _domain(t: Tata, plot: int, font: int) -> tuple[float, float]:
    """The x range, wide enough that each value label fits right of its bar."""
    lo = min([0.0, *t.sumbu.values, *(b.x0 for r in t.baris for b in r.batang)])
    hi = max([*t.sumbu.values, *(b.x1 or 0.0 for r in t.baris for b in r.batang)])
    for r in t.baris:
        for b in r.batang:
            end = max(b.x0, b.x1 or b.x0)
            free = plot - _label_room(b.label, font)
            if b.label and free > 0 and end > lo:
                hi = max(hi, lo + (end - lo) * plot / free)
    return lo, max(hi, lo + 1)  # all values zero: still a scale


def spec(t: Tata, v: Lebar) -> dict[str, object]:
    """The Vega-Lite spec of `t` at width `v`."""
    f = v.font
    line = f + 4
    plot = v.lebar - 24
    lo, hi = _domain(t, plot, f)
    names: list[dict[str, object]] = []
    marks: list[dict[str, object]] = []  # the reference lines' labels
    values: list[dict[str, object]] = []
    bars: list[dict[str, object]] = []

    def px(value: float) -> float:
        return (value - lo) / (hi - lo) * plot

    boxes: list[tuple[float, float, float, float]] = []  # every text: x0, x1, y0, y1 (px)
    for i, g in enumerate(t.garis):
        # beside the line, to its right unless it would run off the chart
        right = px(g.x) + _label_room(g.label, f) > plot
        text = f"{g.label} " if right else f" {g.label}"
        marks.append({"x": g.x, "y": i * line, "t": text, "a": "right" if right else "left"})
        w = text_width(text, f)
        x0 = px(g.x) - w if right else px(g.x)
        boxes.append((x0, x0 + w, *_top(i * line, f)))
    y = float(len(t.garis) * line + 6)  # the rows start below those labels
    for r in t.baris:
        for text_line in wrap(r.nama, plot, f):
            names.append({"y": y, "t": text_line})
            boxes.append((0.0, text_width(text_line, f), *_top(y, f)))
            y += line
        for b in r.batang:
            if b.x1 is not None:
                bars.append({"x0": b.x0, "x1": b.x1, "y0": y, "y1": y + f + 2, "jenis": b.jenis})
            end = max(b.x0, b.x1 if b.x1 is not None else b.x0, 0.0)
            values.append({"x": end, "y": y + (f + 2) / 2, "t": b.label})
            if b.label:
                mid = y + (f + 2) / 2
                x0 = px(end) + 4  # the text layer's dx
                boxes.append((x0, x0 + text_width(b.label, f), mid - f * 0.7, mid + f * 0.65))
            y += f + 5
        y += 8
    height = int(y)
    ys: Enc = {
        "type": "quantitative",
        "scale": {"domain": [0, height], "range": [0, height]},
        "axis": None,
    }
    xs: Enc = {"type": "quantitative", "scale": {"domain": [lo, hi], "nice": False, "zero": False}}
    layers: list[object] = []
    if t.garis:
        # each line starts under its own label, which stands just beside it, and stops
        # short of every text in its way
        rules: Rows = [
            {"x": g.x, "y0": a, "y1": b}
            for i, g in enumerate(t.garis)
            for a, b in _segments(px(g.x), i * line, height, boxes)
        ]
        layers.append(_rules(rules, ys, xs))
    layers.append(_bars(bars, t, v, ys, xs))
    x: Enc = {"field": "x", **xs}
    for halo in (True, False):
        layers.append(_text(names, {"value": 0}, "left", "top", 0, f, halo, ys))
        layers.append(_text(values, x, "left", "middle", 4, f, halo, ys))
        for side in ("left", "right"):
            here = [m for m in marks if m["a"] == side]
            if here:
                layers.append(_text(here, x, side, "top", 0, f, halo, ys))
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": wrap(t.judul, plot, f + 2), "fontSize": f + 2, "anchor": "start"},
        "width": plot,
        "height": height,
        "background": "white",
        "config": {"font": FONT, "view": {"stroke": None}},
        "layer": layers,
    }


def _axis(t: Tata, f: int) -> dict[str, object]:
    expr = "''"
    for value, label in reversed(list(zip(t.sumbu.values, t.sumbu.labels, strict=True))):
        expr = f"datum.value === {value} ? '{label}' : {expr}"
    return {
        "title": t.sumbu.judul,
        "values": t.sumbu.values,
        "labelExpr": expr,
        "labelFontSize": f,
        "titleFontSize": f,
        "labelFlush": False,
        "grid": True,
        "gridColor": "#e6e6e6",
    }


def _bars(bars: Rows, t: Tata, v: Lebar, ys: Enc, xs: Enc) -> dict[str, object]:
    f = v.font
    return {
        "data": {"values": bars},
        "mark": {"type": "rect"},
        "encoding": {
            "x": {"field": "x0", **xs, "axis": _axis(t, f)},
            "x2": {"field": "x1"},
            "y": {"field": "y0", **ys},
            "y2": {"field": "y1"},
            "color": {
                "field": "jenis",
                "type": "nominal",
                "title": t.judul_legenda,
                "scale": {"domain": list(t.warna), "range": list(t.warna.values())},
                "legend": {
                    "orient": "bottom",
                    "columns": v.kolom_legenda,
                    "labelFontSize": f,
                    "titleFontSize": f,
                    "symbolType": "square",
                },
            },
        },
    }


def _rules(rules: Rows, ys: Enc, xs: Enc) -> dict[str, object]:
    return {
        "data": {"values": rules},
        "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#333"},
        "encoding": {
            "x": {"field": "x", **xs},
            "y": {"field": "y0", **ys},
            "y2": {"field": "y1"},
        },
    }


def _text(
    data: Rows, x: Enc, align: str, baseline: str, dx: int, f: int, halo: bool, ys: Enc
) -> dict[str, object]:
    """A text layer; the halo layer is the same text outlined in white, drawn below."""
    mark: dict[str, object] = {
        "type": "text",
        "align": align,
        "baseline": baseline,
        "fontSize": f,
        "dx": dx,
    }
    if halo:
        mark.update(stroke="white", strokeWidth=4, strokeJoin="round", color="white")
    else:
        mark.update(color="#1a1a1a")
    return {
        "data": {"values": data},
        "mark": mark,
        "encoding": {"x": x, "y": {"field": "y", **ys}, "text": {"field": "t"}},
    }
