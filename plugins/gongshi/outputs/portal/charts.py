"""Bar charts drawn at build time as inline SVG for the statistics report (no chart library)."""
from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

BAR_H = 22
GAP = 8
FONT = 13
PLOT_W = 220
VALUE_W = 70


def _fmt(value: float | str) -> str:
    return value if isinstance(value, str) else f"{value:,.0f}"


def _num(value: float | str) -> float:
    """A count, or 0 for a cell withheld as text ("<3" in an annual snapshot: a stub bar)."""
    return 0 if isinstance(value, str) else value


def bar_chart(rows: Sequence[tuple[str, float | str]], title: str, ident: str) -> Markup:
    """A horizontal bar chart; zero rows keep their label and show 0. The table beside it is
    the accessible version, so the chart's text is a summary title only."""
    top = max([_num(v) for _, v in rows] + [0])
    # Room for the longest label: CJK glyphs are about one em wide, ASCII about half.
    label_w = 12 + int(max([sum(FONT if ord(c) >= 0x2E80 else FONT * 0.6 for c in label)
                            for label, _ in rows] + [40]))
    height = len(rows) * (BAR_H + GAP) + GAP
    width = label_w + PLOT_W + VALUE_W
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" role="img" '
           f'aria-labelledby="{ident}-t" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{ident}-t">{escape(title)}</title>']
    for i, (label, value) in enumerate(rows):
        y = GAP + i * (BAR_H + GAP)
        w = 0 if top == 0 else max(2 if value else 0, round(PLOT_W * _num(value) / top))
        out.append(f'<text class="ch-label" x="{label_w - 8}" y="{y + 16}">{escape(label)}</text>')
        out.append(f'<rect class="ch-bar" x="{label_w}" y="{y}" width="{w}" height="{BAR_H}"/>')
        out.append(f'<text class="ch-value" x="{label_w + w + 6}" y="{y + 16}">{_fmt(value)}</text>')
    out.append("</svg>")
    return Markup("".join(out))
