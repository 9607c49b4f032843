"""Flowcharts drawn at build time: YAML steps -> layered layout -> inline SVG (R-FLOW).

No client-side diagram library: the SVG is static markup styled by the theme's CSS, and the
same steps are also given as an ordered list (`step_list`) for screen readers and print.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

FONT = 14          # px, CJK glyphs are about one em wide
COND_FONT = 12     # px, conditions on arrows
LINE = 20
PAD_X, PAD_Y = 12, 8
MAX_UNITS = 10     # wrap labels after about ten CJK characters
GAP_X, GAP_Y = 28, 56
MARGIN = 12
BACK_STEP = 14     # spacing of the lanes that carry edges back up the chart


@dataclass
class Node:
    """One step, placed."""

    id: str
    label: str
    index: int
    lines: list[str] = field(default_factory=list)
    layer: int = 0
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str
    label: str


def _units(ch: str) -> float:
    return 0.55 if ord(ch) < 0x2E80 else 1.0


def wrap(label: str, limit: float = MAX_UNITS) -> list[str]:
    """Split a label into lines of at most `limit` CJK-character widths."""
    lines, cur, width = [], "", 0.0
    for ch in label:
        u = _units(ch)
        if cur and width + u > limit:
            lines.append(cur)
            cur, width = "", 0.0
        cur += ch
        width += u
    return lines + [cur] if cur else lines or [""]


def text_width(text: str) -> float:
    return sum(_units(c) for c in text) * FONT


def edges_of(steps: list[dict[str, Any]]) -> list[Edge]:
    """Every arrow, plain (`next: [id]`) or conditional (`next: [{to, label}]`), to a known step."""
    known = {s["id"] for s in steps}
    out: list[Edge] = []
    for s in steps:
        for nxt in s.get("next") or []:
            dst, label = (nxt.get("to"), nxt.get("label") or "") if isinstance(nxt, dict) else (nxt, "")
            if dst in known:
                out.append(Edge(s["id"], dst, label))
    return out


def _back_edges(nodes: dict[str, Node], edges: list[Edge]) -> set[Edge]:
    """Edges that close a cycle (found by depth-first search in step order)."""
    out_edges: dict[str, list[Edge]] = {n: [] for n in nodes}
    for e in edges:
        out_edges[e.src].append(e)
    state: dict[str, int] = {}
    back: set[Edge] = set()
    for root in nodes:
        if root in state:
            continue
        stack = [(root, iter(out_edges[root]))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            e = next(it, None)
            if e is None:
                state[node] = 2
                stack.pop()
            elif state.get(e.dst) == 1:
                back.add(e)
            elif e.dst not in state:
                state[e.dst] = 1
                stack.append((e.dst, iter(out_edges[e.dst])))
    return back


def layout(steps: list[dict[str, Any]]) -> tuple[dict[str, Node], list[Edge], set[Edge], float, float]:
    """Place steps in layers (longest path over the forward edges); returns nodes, edges, size."""
    nodes = {s["id"]: Node(s["id"], str(s.get("label", "")), i) for i, s in enumerate(steps)}
    edges = edges_of(steps)
    back = _back_edges(nodes, edges)
    forward = [e for e in edges if e not in back and e.src != e.dst]
    # Relax layers until stable: the forward graph is acyclic, so |nodes| rounds suffice.
    for _ in range(len(nodes)):
        changed = False
        for e in forward:
            if nodes[e.dst].layer < nodes[e.src].layer + 1:
                nodes[e.dst].layer = nodes[e.src].layer + 1
                changed = True
        if not changed:
            break
    for n in nodes.values():
        n.lines = wrap(n.label)
        n.w = max(text_width(line) for line in n.lines) + 2 * PAD_X
        n.h = LINE * len(n.lines) + 2 * PAD_Y
    layers: dict[int, list[Node]] = {}
    for n in sorted(nodes.values(), key=lambda n: (n.layer, n.index)):
        layers.setdefault(n.layer, []).append(n)
    width = max(sum(n.w for n in row) + GAP_X * (len(row) - 1) for row in layers.values())
    y = MARGIN
    for depth in sorted(layers):
        row = layers[depth]
        row_w = sum(n.w for n in row) + GAP_X * (len(row) - 1)
        x = MARGIN + (width - row_w) / 2
        row_h = max(n.h for n in row)
        for n in row:
            n.x, n.y = x, y + (row_h - n.h) / 2
            x += n.w + GAP_X
        y += row_h + GAP_Y
    lanes = len(back) + sum(1 for e in edges if e.src == e.dst and e not in back)
    # Conditions on the upward lanes are written beside the last lane: leave room for them.
    side = max([text_width(e.label) * COND_FONT / FONT for e in edges if e in back or e.src == e.dst] + [0])
    extra = lanes * BACK_STEP + 8 + side + 4 if lanes else 0
    return nodes, edges, back, width + 2 * MARGIN + extra, y - GAP_Y + MARGIN


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _label(x: float, y: float, text: str) -> str:
    return f'<text class="fc-cond" x="{_num(x)}" y="{_num(y)}">{escape(text)}</text>'


def render_svg(steps: list[dict[str, Any]], title: str, ident: str) -> Markup:
    """The flowchart as an inline SVG element; `ident` makes its ids unique on the page."""
    nodes, edges, back, width, height = layout(steps)
    inner_right = max(n.x + n.w for n in nodes.values())
    out = [f'<svg class="flowchart" viewBox="0 0 {_num(width)} {_num(height)}" width="{_num(width)}" '
           f'role="img" aria-labelledby="{ident}-t" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{ident}-t">{escape(title)}</title>',
           f'<defs><marker id="{ident}-a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
           'markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker></defs>']
    lane = 0
    for e in edges:
        a, b = nodes[e.src], nodes[e.dst]
        if e in back or e.src == e.dst:
            lane += 1
            lx = inner_right + 8 + lane * BACK_STEP
            sy, ty = a.y + a.h / 2, b.y + b.h / 2 - 4
            d = (f"M{_num(a.x + a.w)} {_num(sy)}H{_num(lx)}V{_num(ty)}H{_num(b.x + b.w)}")
            out.append(f'<path class="fc-edge fc-back" d="{d}" marker-end="url(#{ident}-a)"/>')
            if e.label:
                out.append(_label(lx + 2, (sy + ty) / 2, e.label).replace('class="fc-cond"',
                                                                          'class="fc-cond fc-side"'))
            continue
        sx, sy = a.x + a.w / 2, a.y + a.h
        tx, ty = b.x + b.w / 2, b.y
        out.append(f'<path class="fc-edge" d="M{_num(sx)} {_num(sy)}L{_num(tx)} {_num(ty)}" '
                   f'marker-end="url(#{ident}-a)"/>')
        if e.label:
            out.append(_label((sx + tx) / 2 + 4, (sy + ty) / 2 + 4, e.label))
    for n in sorted(nodes.values(), key=lambda n: n.index):
        out.append(f'<g class="fc-node"><rect x="{_num(n.x)}" y="{_num(n.y)}" width="{_num(n.w)}" '
                   f'height="{_num(n.h)}" rx="6"/>')
        for i, line in enumerate(n.lines):
            ty = n.y + PAD_Y + LINE * i + 15
            out.append(f'<text x="{_num(n.x + n.w / 2)}" y="{_num(ty)}">{escape(line)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return Markup("\n".join(out))


def step_list(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The steps in order with their numbered successors, for the text version."""
    number = {s["id"]: i + 1 for i, s in enumerate(steps)}
    label = {s["id"]: str(s.get("label", "")) for s in steps}
    edges = edges_of(steps)
    out = []
    for i, s in enumerate(steps):
        nxt = [{"n": number[e.dst], "label": label[e.dst], "cond": e.label}
               for e in edges if e.src == s["id"]]
        out.append({"n": i + 1, "id": s["id"], "label": label[s["id"]], "next": nxt})
    return out
