"""A small chart of percentages per year, drawn by hand as inline SVG (no library, no
script): for each year a group of horizontal bars, one per series (the agency's page: the
mean capaian and each source of funds' absorption), each labelled with its figure as the
report writes it. A figure the year does not have is its words ("belum diisi", "n/a",
"tidak ada data") where the bar would start.

Accessible: `role="img"`, an `aria-label` and a `<title>` naming the chart, and a `<desc>`
saying every figure, year by year. Its text is measured with Liberation Sans' advance
widths (`chartlayout.text_width`), as the drawn charts are.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from decimal import Decimal

from lkip_build.model.numbers import format_int
from lkip_build.present.chartlayout import text_width

WIDTH = 360  # one width for phones and screens: its text stays 12 px on a phone
FONT = 12
PAD = 8
BAR = 16  # a bar's height
GAP = 4  # between the bars of a year
GROUP = 12  # between years
COLOURS = ("#08519c", "#e08214", "#1b7837", "#762a83", "#4d4d4d")
INK, FAINT, GRID = "#1a1a1a", "#595959", "#d9d9d9"
STEPS = (10, 25, 50, 100, 250, 500, 1000)


@dataclass(frozen=True)
class Series:
    """One series: its name and, per year, the figure as written and its exact value
    (None when the year has no number for it: the text says why)."""

    name: str
    points: list[tuple[str, Decimal | None]]


def chart(title: str, years: list[str], series: list[Series]) -> str:
    """The chart as one raw-HTML block of Markdown (a `<figure>`, no blank line in it)."""
    values = [v for s in series for _, v in s.points if v is not None]
    lo, hi, step = _scale(values)
    legend, legend_h = _legend(series)
    left = PAD + max(text_width(y, FONT) for y in years) + 10
    room = max((text_width(t, FONT) for s in series for t, _ in s.points), default=0) + 8
    plot = WIDTH - left - PAD - room
    top = PAD + legend_h + 6
    group_h = len(series) * (BAR + GAP) - GAP
    bottom = top + len(years) * (group_h + GROUP) - GROUP
    height = int(bottom + 6 + FONT + PAD)

    def x(v: Decimal) -> float:
        return left + float((v - lo) / (hi - lo)) * plot

    parts = [f'<rect width="{WIDTH}" height="{height}" fill="#fff"/>', *legend]
    tick = lo
    while tick <= hi:
        parts.append(_line(x(tick), top - 4, x(tick), bottom + 2, GRID))
        parts.append(_text(x(tick), bottom + 4 + FONT, f"{format_int(int(tick))} %", "middle"))
        tick += step
    zero = x(max(lo, Decimal(0)))
    for i, year in enumerate(years):
        y0 = top + i * (group_h + GROUP)
        parts.append(_text(PAD, y0 + group_h / 2 + FONT / 3, year, weight="bold"))
        for k, s in enumerate(series):
            text, v = s.points[i]
            y = y0 + k * (BAR + GAP)
            if v is None:
                parts.append(_text(zero + 4, y + BAR - 4, text, fill=FAINT, italic=True, halo=True))
                continue
            a, b = sorted((zero, x(v)))
            colour = COLOURS[k % len(COLOURS)]
            parts.append(
                f'<rect x="{a:.1f}" y="{y:.1f}" width="{max(b - a, 1):.1f}" height="{BAR}" '
                f'fill="{colour}"/>'
            )
            parts.append(_text(max(b, zero) + 4, y + BAR - 4, text, halo=True))
    label = html.escape(title)
    desc = html.escape(_description(years, series))
    return (
        '<figure class="lkip-grafik lkip-tahunan">'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{label}" '
        f'font-family="Liberation Sans, Arial, sans-serif" font-size="{FONT}">'
        f"<title>{label}</title><desc>{desc}</desc>" + "".join(parts) + "</svg>"
        f"<figcaption>{label}</figcaption></figure>\n"
    )


def _scale(values: list[Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    """From 0 (or below, for a negative figure) to 100 % (or beyond, for a figure above
    it), in round steps: at most 8 of them."""
    lo, hi = min([Decimal(0), *values]), max([Decimal(100), *values])
    step = next((Decimal(s) for s in STEPS if (hi - lo) / s <= 8), Decimal(STEPS[-1]))
    lo = (lo / step).to_integral_value(rounding="ROUND_FLOOR") * step
    hi = (hi / step).to_integral_value(rounding="ROUND_CEILING") * step
    return lo, hi, step


def _legend(series: list[Series]) -> tuple[list[str], int]:
    """A swatch and a name per series, in rows that fit the width."""
    out, x, y = [], float(PAD), PAD
    for k, s in enumerate(series):
        w = 14 + text_width(s.name, FONT) + 16
        if x > PAD and x + w > WIDTH - PAD:
            x, y = float(PAD), y + FONT + 8
        colour = COLOURS[k % len(COLOURS)]
        out.append(f'<rect x="{x:.1f}" y="{y}" width="10" height="10" fill="{colour}"/>')
        out.append(_text(x + 14, y + 10, s.name))
        x += w
    return out, y + FONT - PAD + 4


def _line(x1: float, y1: float, x2: float, y2: float, colour: str) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}"/>'


def _text(
    x: float,
    y: float,
    text: str,
    anchor: str = "start",
    fill: str = INK,
    weight: str = "",
    italic: bool = False,
    halo: bool = False,
) -> str:
    extra = f' font-weight="{weight}"' if weight else ""
    # a white edge keeps a label read where a grid line passes behind it
    extra += ' stroke="#fff" stroke-width="3" paint-order="stroke"' if halo else ""
    extra += ' font-style="italic"' if italic else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}"{extra}>'
        f"{html.escape(text)}</text>"
    )


def _description(years: list[str], series: list[Series]) -> str:
    """Every figure in words, year by year, for a screen reader."""
    return "; ".join(
        f"{year}: " + ", ".join(f"{s.name} {s.points[i][0]}" for s in series)
        for i, year in enumerate(years)
    )
