"""Flowcharts drawn at build time: YAML steps -> layered layout -> inline SVG (R-FLOW).

No client-side diagram library: the SVG is static markup styled by the theme's CSS, and the
same steps are also given as an ordered list (`step_list`) for screen readers and print.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Callable
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
                out.append(Edge(s["id"], str(dst), label))
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
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state.get(nxt.dst) == 1:
                back.add(nxt)
            elif nxt.dst not in state:
                state[nxt.dst] = 1
                stack.append((nxt.dst, iter(out_edges[nxt.dst])))
    return back


Box = tuple[float, float, float, float]          # x, y, width, height
Segment = tuple[float, float, float, float]      # x1, y1, x2, y2 (horizontal, vertical or in a gap)
BAND = 24          # room above the first / below the last layer when a routed edge needs it
PORT_STEP = 7      # spacing of routed edges that share a gap


@dataclass
class Route:
    """One drawn arrow: its polyline, whether it goes around (dashed) and its label's place."""

    edge: Edge
    points: list[tuple[float, float]]
    around: bool
    label_at: tuple[float, float] | None = None    # text baseline start
    label_box: Box | None = None

    def segments(self) -> list[Segment]:
        return [(*a, *b) for a, b in zip(self.points, self.points[1:])]


@dataclass
class Geometry:
    nodes: dict[str, Node]
    routes: list[Route]
    width: float
    height: float


def _place_layers(steps: list[dict[str, Any]]) -> tuple[dict[str, Node], list[Edge], set[Edge]]:
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
    return nodes, edges, back


def layout(steps: list[dict[str, Any]]) -> tuple[dict[str, Node], list[Edge], set[Edge], float, float]:
    """Place steps in layers (longest path over the forward edges); returns nodes, edges, size."""
    g = geometry(steps)
    back = {r.edge for r in g.routes if r.around and
            (r.edge.src == r.edge.dst or g.nodes[r.edge.dst].layer <= g.nodes[r.edge.src].layer)}
    return g.nodes, [r.edge for r in g.routes], back, g.width, g.height


def _hits(seg: Segment, box: Box) -> bool:
    """Does the segment pass through the inside of the box (touching its border does not count)?"""
    x1, y1, x2, y2 = seg
    bx, by, bw, bh = box
    # Liang-Barsky clipping against the open box.
    t0, t1 = 0.0, 1.0
    dx, dy = x2 - x1, y2 - y1
    for p, q in ((-dx, x1 - bx), (dx, bx + bw - x1), (-dy, y1 - by), (dy, by + bh - y1)):
        if p == 0:
            if q <= 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
    return t1 - t0 > 1e-6


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _label_size(text: str) -> tuple[float, float]:
    return text_width(text) * COND_FONT / FONT + 4, COND_FONT + 4


def overlaps(g: Geometry) -> list[str]:
    """Every place where an arrow passes under a step or a label, or labels cover steps or each other."""
    out = []
    boxes = {n.id: (n.x, n.y, n.w, n.h) for n in g.nodes.values()}
    for r in g.routes:
        for seg in r.segments():
            for nid, box in boxes.items():
                if _hits(seg, box):
                    out.append(f"{r.edge.src}->{r.edge.dst} under step {nid}")
            for o in g.routes:
                if o is not r and o.label_box and _hits(seg, o.label_box):
                    out.append(f"{r.edge.src}->{r.edge.dst} under label {o.edge.label!r}")
        if r.label_box:
            for nid, box in boxes.items():
                if _overlap(r.label_box, box):
                    out.append(f"label {r.edge.label!r} over step {nid}")
            for o in g.routes:
                if o is not r and o.label_box and _overlap(r.label_box, o.label_box):
                    out.append(f"label {r.edge.label!r} over label {o.edge.label!r}")
            x, y, w, h = r.label_box
            if x < 0 or y < 0 or x + w > g.width or y + h > g.height:
                out.append(f"label {r.edge.label!r} outside the drawing")
    return out


def geometry(steps: list[dict[str, Any]]) -> Geometry:
    """The drawing with the smallest gaps between layers at which every label finds a free place."""
    for extra in (0, 16, 40, 80, 160):
        g, placed = _geometry(steps, extra)
        if placed:
            break
    return g


def _geometry(steps: list[dict[str, Any]], extra: float) -> tuple[Geometry, bool]:
    """Steps in layers, arrows between adjacent layers drawn through the gap between them, and
    arrows that skip a layer, go back up or loop drawn around the chart on lanes to its right
    (dashed). Every label is put where it covers no step, no other arrow and no other label."""
    nodes, edges, back = _place_layers(steps)
    layers: dict[int, list[Node]] = {}
    for n in sorted(nodes.values(), key=lambda n: (n.layer, n.index)):
        layers.setdefault(n.layer, []).append(n)
    depth = max(layers) if layers else 0
    around = [e for e in edges if e in back or e.src == e.dst or nodes[e.dst].layer != nodes[e.src].layer + 1]
    rightmost = {row[-1].id for row in layers.values()}

    # Where each routed edge leaves and enters: the right side of a step that is rightmost in its
    # layer, else through the gap above or below (gap k lies below layer k-1 and above layer k).
    def side(n: Node, going_down: bool, leaving: bool) -> tuple[str, int]:
        if n.id in rightmost:
            return "right", -1
        below = going_down if leaving else not going_down
        return ("bottom", n.layer + 1) if below else ("top", n.layer)

    plans = []
    for e in around:
        a, b = nodes[e.src], nodes[e.dst]
        down = b.layer > a.layer
        plans.append((e, side(a, down, True), side(b, down, False)))
    gap_use: dict[int, int] = {}
    for _, out_s, in_s in plans:
        for kind, gap in (out_s, in_s):
            if kind != "right":
                gap_use[gap] = gap_use.get(gap, 0) + 1
    top_band = BAND + PORT_STEP * gap_use.get(0, 0) if gap_use.get(0) else 0
    bottom_band = BAND + PORT_STEP * gap_use.get(depth + 1, 0) if gap_use.get(depth + 1) else 0
    gap_h = {k: extra + max(GAP_Y, 2 * COND_FONT + PORT_STEP * (gap_use.get(k, 0) + 2)) for k in range(1, depth + 1)}

    width = max(sum(n.w for n in row) + GAP_X * (len(row) - 1) for row in layers.values())
    row_top: dict[int, float] = {}
    row_bottom: dict[int, float] = {}
    y: float = MARGIN + top_band
    for k in sorted(layers):
        row = layers[k]
        row_w = sum(n.w for n in row) + GAP_X * (len(row) - 1)
        x = MARGIN + (width - row_w) / 2
        row_h = max(n.h for n in row)
        row_top[k], row_bottom[k] = y, y + row_h
        for n in row:
            n.x, n.y = x, y + (row_h - n.h) / 2
            x += n.w + GAP_X
        y += row_h + gap_h.get(k + 1, GAP_Y)
    height = (row_bottom[depth] if layers else MARGIN) + bottom_band + MARGIN
    inner_right = MARGIN + width

    def gap_span(gap: int) -> tuple[float, float]:
        top = row_bottom[gap - 1] if gap - 1 in row_bottom else MARGIN
        bottom = row_top[gap] if gap in row_top else height - MARGIN
        return top, bottom

    routes: list[Route] = []
    # Routed edges first: each gets its own lane right of the chart and its own track in a gap.
    side_ports: dict[str, list[tuple[Edge, str]]] = {}
    for e, out_s, in_s in plans:
        if out_s[0] == "right":
            side_ports.setdefault(e.src, []).append((e, "out"))
        if in_s[0] == "right":
            side_ports.setdefault(e.dst, []).append((e, "in"))
    gap_track: dict[int, int] = {}
    gap_port: dict[str, int] = {}
    lane_x = inner_right + 8
    for e, out_s, in_s in plans:
        lane_x += BACK_STEP
        pts: list[tuple[float, float]] = []
        for end, (kind, gap) in (("out", out_s), ("in", in_s)):
            n = nodes[e.src if end == "out" else e.dst]
            if kind == "right":
                ports = side_ports[n.id]
                i = ports.index((e, end))
                py = n.y + n.h * (i + 1) / (len(ports) + 1)
                leg = [(n.x + n.w, py), (lane_x, py)]
            else:
                j = gap_port.get(n.id, 0)
                gap_port[n.id] = j + 1
                px = n.x + n.w - PAD_X - 6 * j
                t = gap_track.get(gap, 0)
                gap_track[gap] = t + 1
                top, bottom = gap_span(gap)
                gy = (top + 4 + PORT_STEP * (t + 1)) if kind == "bottom" else (bottom - 4 - PORT_STEP * (t + 1))
                ny = n.y + n.h if kind == "bottom" else n.y
                leg = [(px, ny), (px, gy), (lane_x, gy)]
            pts += leg if end == "out" else leg[::-1]
        routes.append(Route(e, pts, True))
    for e in edges:
        if e in around:
            continue
        a, b = nodes[e.src], nodes[e.dst]
        sx, sy, tx, ty = a.x + a.w / 2, a.y + a.h, b.x + b.w / 2, b.y
        y1, y2 = row_bottom[a.layer], row_top[b.layer]
        pts = [(sx, sy)] + ([(sx, y1)] if y1 > sy else []) + ([(tx, y2)] if ty > y2 else []) + [(tx, ty)]
        routes.append(Route(e, pts, False))
    order = {e: i for i, e in enumerate(edges)}
    routes.sort(key=lambda r: order[r.edge])

    # Labels: routed ones beside their lane, right of all lanes; the others beside their arrow.
    label_x = lane_x + 6
    taken: list[Box] = []
    boxes = [(n.x, n.y, n.w, n.h) for n in nodes.values()]
    all_segments = [(r, seg) for r in routes for seg in r.segments()]

    def free(box: Box, own: Route) -> bool:
        return (not any(_overlap(box, b) for b in boxes + taken)
                and not any(_hits(seg, box) for r, seg in all_segments if r is not own))

    extra_w = 0.0
    placed = True
    for r in routes:
        if not r.edge.label:
            continue
        w, h = _label_size(r.edge.label)
        cands: list[tuple[float, float]] = []
        if r.around:
            ys = [p[1] for p in r.points]
            mid = (min(ys) + max(ys)) / 2
            cands = [(label_x, mid + d * h) for d in (0, 1, -1, 2, -2, 3, -3, 4, -4)]
            extra_w = max(extra_w, w + 6)
        else:
            (x1, y1), (x2, y2) = max(zip(r.points, r.points[1:]), key=lambda s: abs(s[1][1] - s[0][1]))
            for frac in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9):
                cx, cy = x1 + (x2 - x1) * frac, y1 + (y2 - y1) * frac
                for dx, dy in ((4, h / 2), (-w - 4, h / 2), (-w / 2, -4), (-w / 2, h + 2), (10, h / 2), (-w - 10, h / 2)):
                    cands.append((cx + dx, cy + dy))
        best = None
        for lx, ly in cands:
            box = (lx, ly - h + 3, w, h)
            if box[0] >= 0 and box[1] >= 0 and free(box, r):
                best = (lx, ly)
                break
        across = False
        if best is None and not r.around:
            found = _nearest_free(r, w, h, inner_right, lambda box: free(box, r))
            best, across = (found[0], found[1]) if found else (None, False)
        placed = placed and best is not None and not across  # across its own arrow: try wider gaps first
        lx, ly = best or cands[0]
        r.label_at, r.label_box = (lx, ly), (lx, ly - h + 3, w, h)
        taken.append(r.label_box)
    total_w = max([label_x + extra_w if extra_w else lane_x + (8 if plans else 0), inner_right]
                  + [r.label_box[0] + r.label_box[2] for r in routes if r.label_box]) + MARGIN
    height = max([height] + [r.label_box[1] + r.label_box[3] + 2 for r in routes if r.label_box])
    return Geometry(nodes, routes, total_w, height), placed


def _nearest_free(r: Route, w: float, h: float, right: float,
                  free: Callable[[Box], bool]) -> tuple[tuple[float, float], bool] | None:
    """When no place beside the arrow's middle is free (two arrows crossing in an X between the
    same layers leave no room there): the free place nearest to the arrow, searched on a 4 px grid
    over the gap it crosses, beside its own arrow if it can be (the second value: it lies across it)."""
    (x1, y1), (x2, y2) = max(zip(r.points, r.points[1:]), key=lambda s: abs(s[1][1] - s[0][1]))
    top, bottom = min(y1, y2), max(y1, y2)
    best: tuple[bool, float, float, float] | None = None
    y = top + 2.0
    while y + h <= bottom - 2:
        x = 0.0
        while x + w <= right:
            box = (x, y, w, h)
            # beside its own arrow rather than across it, then as near as can be
            score = (any(_hits(seg, box) for seg in r.segments()), _distance((x + w / 2, y + h / 2), (x1, y1, x2, y2)))
            if (best is None or score < best[:2]) and free(box):
                best = (*score, x, y)
            x += 4
        y += 4
    return None if best is None else ((best[2], best[3] + h - 3), best[0])


def _distance(p: tuple[float, float], seg: Segment) -> float:
    """From a point to a segment."""
    px, py = p
    x1, y1, x2, y2 = seg
    dx, dy = x2 - x1, y2 - y1
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)))
    return float(((px - x1 - t * dx) ** 2 + (py - y1 - t * dy) ** 2) ** 0.5)


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _label(x: float, y: float, text: str) -> str:
    return f'<text class="fc-cond" x="{_num(x)}" y="{_num(y)}">{escape(text)}</text>'


def render_svg(steps: list[dict[str, Any]], title: str, ident: str) -> Markup:
    """The flowchart as an inline SVG element; `ident` makes its ids unique on the page."""
    g = geometry(steps)
    out = [f'<svg class="flowchart" viewBox="0 0 {_num(g.width)} {_num(g.height)}" width="{_num(g.width)}" '
           f'role="img" aria-labelledby="{ident}-t" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{ident}-t">{escape(title)}</title>',
           f'<defs><marker id="{ident}-a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
           'markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker></defs>']
    for r in g.routes:
        (x0, y0), rest = r.points[0], r.points[1:]
        d = f"M{_num(x0)} {_num(y0)}" + "".join(f"L{_num(x)} {_num(y)}" for x, y in rest)
        cls = "fc-edge fc-back" if r.around else "fc-edge"
        out.append(f'<path class="{cls}" d="{d}" marker-end="url(#{ident}-a)"/>')
    for r in g.routes:
        if r.label_at:
            text = _label(*r.label_at, r.edge.label)
            out.append(text.replace('class="fc-cond"', 'class="fc-cond fc-side"') if r.around else text)
    for n in sorted(g.nodes.values(), key=lambda n: n.index):
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
