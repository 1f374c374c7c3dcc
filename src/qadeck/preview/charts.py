"""Bar charts drawn as inline SVG: no script, no library, nothing loaded from the network.

One chart shape serves both of the page's charts: horizontal bars, each split into the counts of
its series (cards per topic stacked by difficulty; cards per source, one series).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

ROW = 22
LABEL_WIDTH = 180
BAR_WIDTH = 260
COUNT_WIDTH = 48


@dataclass(frozen=True)
class Bar:
    label: str
    #: One count per series, in the chart's series order.
    counts: tuple[int, ...]


def bar_chart(title: str, bars: Sequence[Bar], series: Sequence[str]) -> str:
    """An ``<svg>`` with one stacked bar per entry; each series part has class ``s-<series>``.

    Widths are in the SVG's own units and it scales to its container, so it reads at phone width.
    """
    top = max((sum(b.counts) for b in bars), default=0) or 1
    width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH
    height = ROW * max(len(bars), 1) + (ROW if len(series) > 1 else 0)
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for row, bar in enumerate(bars):
        y = row * ROW
        label = bar.label if len(bar.label) <= 26 else bar.label[:25] + "…"
        parts.append(f'<text class="label" x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">'
                     f'<title>{escape(bar.label)}</title>{escape(label)}</text>')
        x = float(LABEL_WIDTH)
        for name, count in zip(series, bar.counts):
            if count:
                w = BAR_WIDTH * count / top
                parts.append(f'<rect class="s-{escape(name)}" x="{x:.1f}" y="{y + 3}" '
                             f'width="{w:.1f}" height="{ROW - 6}"><title>{escape(bar.label)}: '
                             f'{count} {escape(name)}</title></rect>')
                x += w
        parts.append(f'<text class="count" x="{x + 4:.1f}" y="{y + 15}">{sum(bar.counts)}</text>')
    if len(series) > 1:
        y = len(bars) * ROW + 4
        for i, name in enumerate(series):
            x = LABEL_WIDTH + i * 80
            parts.append(f'<rect class="s-{escape(name)}" x="{x}" y="{y}" width="12" height="12"/>'
                         f'<text class="legend" x="{x + 16}" y="{y + 11}">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
