"""Charts drawn on the server as SVG, with real axes, for the dashboard's patient page.

Each chart is a bar or line chart over time: the x axis carries dates, the y axis
whole-number ticks (a count or score axis never shows 1.5 sessions), an optional target
line, and the chart names itself (`role="img"` with a title and a description) for a
screen reader. The page puts a table of the same values next to each chart, which is the
chart's full text alternative. Colours are the dashboard stylesheet's, with at least 3:1
contrast against the page for the marks and 4.5:1 for the text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

WIDTH = 640
HEIGHT = 240
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
MAX_TICKS = 6
DATE_TICKS = 5


@dataclass(frozen=True)
class Point:
    day: date
    value: float


@dataclass(frozen=True)
class Chart:
    """What to draw: points in time order, the y axis' top (None: from the data) and label."""

    chart_id: str
    title: str
    description: str
    points: Sequence[Point]
    y_label: str
    bars: bool = False
    y_max: float | None = None
    target: float | None = None
    ticks: Sequence[int] = ()  # the y axis' ticks, when a scale has its own (0-48 by 12)
    first: date | None = None  # the x axis' days; None: those of the points
    last: date | None = None


def whole_ticks(top: float) -> list[int]:
    """Whole-number ticks from 0 to at least `top`, in steps of 1, 2, 5, 10, 20, ..."""
    top = max(math.ceil(top), 1)
    step = 1
    for scale in (1, 10, 100, 1000):
        for base in (1, 2, 5):
            step = base * scale
            if top / step <= MAX_TICKS - 1:
                return list(range(0, math.ceil(top / step) * step + 1, step))
    return list(range(0, top + step, step))


def short_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def svg(chart: Chart) -> Markup:
    """The chart as inline SVG markup."""
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    values = [point.value for point in chart.points]
    top = chart.y_max if chart.y_max is not None else max([*values, chart.target or 0, 1])
    ticks = list(chart.ticks) or whole_ticks(top)
    y_top = ticks[-1]
    days = [point.day for point in chart.points]
    first = chart.first or (min(days) if days else date.today())
    last = chart.last or (max(days) if days else first)
    span = max((last - first).days, 1)

    def x_of(day: date) -> float:
        if not chart.bars and first == last:
            return LEFT + plot_width / 2
        slots = span + (7 if chart.bars else 0)
        return LEFT + plot_width * ((day - first).days + (3.5 if chart.bars else 0)) / slots

    def y_of(value: float) -> float:
        return TOP + plot_height * (1 - value / y_top)

    title_id = f"{chart.chart_id}-title"
    description_id = f"{chart.chart_id}-description"
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {description_id}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(chart.title)}</title>',
        f'<desc id="{description_id}">{escape(chart.description)}</desc>',
    ]
    for tick in ticks:
        y = y_of(tick)
        parts.append(
            f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>'
        )
    parts.append(
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_height}"/>'
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_height}" x2="{WIDTH - RIGHT}" '
        f'y2="{TOP + plot_height}"/>'
        f'<text class="label" x="12" y="{TOP + plot_height / 2:.1f}" text-anchor="middle" '
        f'transform="rotate(-90 12 {TOP + plot_height / 2:.1f})">{escape(chart.y_label)}</text>'
    )
    shown = _date_ticks(first, last)
    for day in shown:
        # The first and last dates stand inside the plot's ends, never cut by the edge.
        anchor = "start" if day == first and len(shown) > 1 else "middle"
        anchor = "end" if day == last and len(shown) > 1 else anchor
        parts.append(
            f'<text class="tick" x="{x_of(day):.1f}" y="{HEIGHT - BOTTOM + 18}" '
            f'text-anchor="{anchor}">{escape(short_day(day))}</text>'
        )
    if chart.bars:
        width = max(plot_width * 5 / (span + 7), 2)
        for point in chart.points:
            y = y_of(point.value)
            parts.append(
                f'<rect class="bar" x="{x_of(point.day) - width / 2:.1f}" y="{y:.1f}" '
                f'width="{width:.1f}" height="{TOP + plot_height - y:.1f}"/>'
            )
    elif chart.points:
        path = " ".join(f"{x_of(point.day):.1f},{y_of(point.value):.1f}" for point in chart.points)
        parts.append(f'<polyline class="line" points="{path}"/>')
        parts.extend(
            f'<circle class="dot" cx="{x_of(point.day):.1f}" cy="{y_of(point.value):.1f}" r="3"/>'
            for point in chart.points
        )
    if chart.target is not None:
        y = y_of(chart.target)
        parts.append(
            f'<line class="target" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _date_ticks(first: date, last: date) -> list[date]:
    """Up to DATE_TICKS days spread evenly from the first to the last, both included."""
    if first == last:
        return [first]
    count = min(DATE_TICKS, (last - first).days + 1)
    step = (last - first) / (count - 1)
    return sorted({first + step * index for index in range(count)})
