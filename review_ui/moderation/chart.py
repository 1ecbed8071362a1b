"""A small stacked bar chart as inline SVG, rendered on the server.

No JavaScript library and no inline CSS (the CSP forbids it): colours are SVG
presentation attributes, and every bar carries a ``<title>`` for hover and screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from review_ui.moderation.stats import Day

WIDTH, HEIGHT = 640, 220
LEFT, BOTTOM, TOP = 36, 28, 12
COLOURS = {"passed": "#0b5cad", "spam": "#b00020", "waiting": "#9a9aa6"}


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str
    title: str


@dataclass(frozen=True)
class Tick:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    rects: list[Rect]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    baseline: float


def _nice_max(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000):
        if value <= step * 4:
            return step * 4
    return value


def daily_chart(days: list[Day]) -> Chart:
    """Bars per day: handed over (blue), spam (red), still waiting (grey)."""
    top = _nice_max(max((d.received for d in days), default=0) or 1)
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    slot = plot_w / max(len(days), 1)
    bar_w = max(slot * 0.75, 1.0)
    rects: list[Rect] = []
    x_ticks: list[Tick] = []
    label_every = max(1, round(len(days) / 8))
    for i, day in enumerate(days):
        x = LEFT + i * slot + (slot - bar_w) / 2
        y = TOP + plot_h
        when = f"{day.day.day}. {day.day.month}."
        for part in ("passed", "spam", "waiting"):
            count = getattr(day, part)
            if not count:
                continue
            h = plot_h * count / top
            y -= h
            names = {"passed": "předáno", "spam": "spam", "waiting": "čeká"}
            rects.append(Rect(round(x, 1), round(y, 1), round(bar_w, 1), round(h, 1),
                              COLOURS[part], f"{when}: {names[part]} {count}"))
        if (len(days) - 1 - i) % label_every == 0:  # counted from today, so today is labelled
            x_ticks.append(Tick(round(x + bar_w / 2, 1), HEIGHT - 8, when))
    y_ticks = [Tick(LEFT - 6, round(TOP + plot_h - plot_h * v / top + 4, 1), str(v))
               for v in (0, top // 2, top)]
    return Chart(WIDTH, HEIGHT, rects, x_ticks, y_ticks, TOP + plot_h)
