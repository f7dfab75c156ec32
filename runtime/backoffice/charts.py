"""Bar charts as geometry (no HTML, no JS): the template draws the SVG from these numbers.

Two shapes are enough for the reports: horizontal stacked bars (on time / late per officer or
step) and vertical grouped bars (submitted / issued / rejected per month)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: str
    value: int
    label: str


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    #: (x, y, text, anchor) for category labels and axis values
    labels: list[tuple[float, float, str, str]] = field(default_factory=list)
    series: tuple[str, ...] = ()


LABEL_WIDTH = 260
ROW = 22
BAR = 14


def stacked_rows(
    rows: Sequence[tuple[str, Sequence[int]]], series: tuple[str, ...], width: int = 640
) -> Chart:
    """One horizontal bar per row, its segments stacked in `series` order, scaled to the
    largest row total; each row shows its label on the left and its total on the right."""
    biggest = max((sum(values) for _, values in rows), default=0) or 1
    scale = (width - LABEL_WIDTH - 40) / biggest
    chart = Chart(width, ROW * len(rows) + 8, series=series)
    for i, (label, values) in enumerate(rows):
        y = 4 + i * ROW
        x = float(LABEL_WIDTH)
        for name, value in zip(series, values, strict=True):
            if value:
                chart.bars.append(Bar(x, y, value * scale, BAR, name, value, label))
                x += value * scale
        chart.labels.append((LABEL_WIDTH - 6, y + BAR - 3, _clip(label), "end"))
        chart.labels.append((x + 4, y + BAR - 3, str(sum(values)), "start"))
    return chart


def grouped_columns(
    groups: Sequence[tuple[str, Sequence[int]]], series: tuple[str, ...], height: int = 200
) -> Chart:
    """Vertical bars grouped per category (e.g. a month), one bar per series, on a common scale;
    the category label sits under each group and each bar's value above it."""
    biggest = max((v for _, values in groups for v in values), default=0) or 1
    plot = height - 36
    group_width = BAR * len(series) + 16
    chart = Chart(max(group_width * len(groups) + 16, 200), height, series=series)
    for i, (label, values) in enumerate(groups):
        x = 8 + i * group_width
        for j, (name, value) in enumerate(zip(series, values, strict=True)):
            bar_height = plot * value / biggest
            y = 16 + plot - bar_height
            chart.bars.append(Bar(x + j * BAR, y, BAR - 2, bar_height, name, value, label))
            if value:
                chart.labels.append((x + j * BAR + (BAR - 2) / 2, y - 2, str(value), "middle"))
        chart.labels.append((x + group_width / 2 - 8, height - 6, label, "middle"))
    return chart


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
