"""A server-rendered SVG bar chart: no JavaScript, no inline style (CSP), accessible.

Colours and sizes are SVG presentation attributes, which the CSP's ``style-src 'self'``
allows (they are not CSS). The chart carries a ``<title>``/``<desc>`` and the page shows
the same figures as a table for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 260
_LEFT, _BOTTOM, _TOP = 36, 40, 16
BAR = "#0b5cad"
AXIS = "#5a5a66"


def axis_ticks(largest: int) -> list[int]:
    """Four equal steps from 0 whose last tick is at or above ``largest``, so the axis
    always covers the tallest bar (5 → 0, 2, 4, 6, 8)."""
    step = max(1, -(-largest // 4))
    return [step * i for i in range(5)]


def bar_chart(labels: Sequence[str], values: Sequence[int], title: str) -> Markup:
    if len(labels) != len(values):
        raise ValueError("one value per label")
    ticks = axis_ticks(max([*values, 1]))
    top = ticks[-1]
    plot_w, plot_h = WIDTH - _LEFT - 8, HEIGHT - _BOTTOM - _TOP
    slot = plot_w / max(len(values), 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'class="chart" role="img" aria-labelledby="chart-title chart-desc">',
             f'<title id="chart-title">{escape(title)}</title>',
             '<desc id="chart-desc">'
             + escape(", ".join(f"{label}: {value}" for label, value in zip(labels, values,
                                                                            strict=True)))
             + "</desc>"]
    for tick in ticks:
        y = _TOP + plot_h - plot_h * tick / top
        parts.append(f'<line x1="{_LEFT}" x2="{WIDTH - 8}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#d4d4dc" stroke-width="1"/>')
        parts.append(f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
                     f'fill="{AXIS}">{tick}</text>')
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        h = plot_h * value / top
        x = _LEFT + i * slot + slot * 0.15
        parts.append(f'<rect x="{x:.1f}" y="{_TOP + plot_h - h:.1f}" width="{slot * 0.7:.1f}" '
                     f'height="{h:.1f}" fill="{BAR}" rx="2"><title>{escape(label)}: {value}'
                     f'</title></rect>')
        parts.append(f'<text x="{x + slot * 0.35:.1f}" y="{HEIGHT - _BOTTOM + 16}" '
                     f'text-anchor="middle" font-size="11" fill="{AXIS}">{escape(label)}</text>')
    parts.append(f'<line x1="{_LEFT}" x2="{WIDTH - 8}" y1="{_TOP + plot_h}" y2="{_TOP + plot_h}" '
                 f'stroke="{AXIS}" stroke-width="1"/></svg>')
    return Markup("".join(parts))  # noqa: S704 - every label and title is escaped above
