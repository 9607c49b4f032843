"""Flowcharts: layered layout, conditional and backward edges, and the text version."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from gongshi.outputs.portal.flowchart_svg import layout, render_svg, step_list, wrap

STEPS = [
    {"id": "apply", "label": "申请人提交申请", "next": ["accept"]},
    {"id": "accept", "label": "窗口受理", "next": [{"to": "review", "label": "材料齐全"}, {"to": "apply", "label": "补正"}]},
    {"id": "review", "label": "审查", "next": ["decide", "ghost"]},
    {"id": "decide", "label": "作出决定并送达当事人，同时在平台公开决定信息", "next": []},
]


def test_layers_follow_the_forward_edges() -> None:
    nodes, edges, back, width, height = layout(STEPS)
    assert [nodes[s["id"]].layer for s in STEPS] == [0, 1, 2, 3]
    assert {(e.src, e.dst) for e in back} == {("accept", "apply")}
    assert ("review", "ghost") not in {(e.src, e.dst) for e in edges}  # unknown targets are dropped
    assert all(n.x >= 0 and n.x + n.w <= width and n.y + n.h <= height for n in nodes.values())


def test_branches_share_a_layer() -> None:
    steps = [{"id": "a", "label": "开始", "next": [{"to": "b", "label": "是"}, {"to": "c", "label": "否"}]},
             {"id": "b", "label": "甲", "next": ["d"]}, {"id": "c", "label": "乙", "next": ["d"]},
             {"id": "d", "label": "结束"}]
    nodes, *_ = layout(steps)
    assert nodes["b"].layer == nodes["c"].layer == 1 and nodes["d"].layer == 2
    assert nodes["b"].x + nodes["b"].w <= nodes["c"].x  # side by side, no overlap


def test_svg_is_well_formed_and_labelled() -> None:
    svg = str(render_svg(STEPS, "许可流程 <图>", "fc"))
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "fc-t"
    assert root.find(f"{ns}title").text == "许可流程 <图>"
    texts = "".join(t.text or "" for t in root.iter(f"{ns}text"))
    for label in ("窗口受理", "材料齐全", "补正"):
        assert label in texts
    assert len(root.findall(f"{ns}g")) == 4
    assert len(re.findall(r'class="fc-edge', svg)) == 4


def test_long_labels_wrap() -> None:
    label = "作出决定并送达当事人，同时在平台公开决定信息"
    lines = wrap(label)
    assert "".join(lines) == label and len(lines) == 3 and all(len(line) <= 10 for line in lines)
    assert wrap("ABCDEFGHIJKLMNOPQR") == ["ABCDEFGHIJKLMNOPQR"]  # ASCII is about half as wide


def test_text_version_numbers_every_successor() -> None:
    steps = step_list(STEPS)
    assert [s["n"] for s in steps] == [1, 2, 3, 4]
    assert steps[1]["next"] == [{"n": 3, "label": "审查", "cond": "材料齐全"},
                                {"n": 1, "label": "申请人提交申请", "cond": "补正"}]
    assert steps[3]["next"] == []


def test_self_loop_and_cycle_only_chart() -> None:
    steps = [{"id": "a", "label": "复核", "next": ["a", "b"]}, {"id": "b", "label": "退回", "next": ["a"]}]
    svg = str(render_svg(steps, "循环", "x"))
    ET.fromstring(svg)
    assert svg.count("fc-back") == 2


# Geometry: no arrow passes under a step or another arrow's label, no label covers a step or a
# label, on every flowchart of the demo and on generated ones.
from pathlib import Path  # noqa: E402

import yaml  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from gongshi.outputs.portal.flowchart_svg import geometry, overlaps  # noqa: E402

DEMO_CHARTS = sorted((Path(__file__).resolve().parents[2] / "data").glob("agencies/*/flowcharts/*.yml"))


def test_demo_flowcharts_have_no_overlaps() -> None:
    assert DEMO_CHARTS
    for path in DEMO_CHARTS:
        steps = yaml.safe_load(path.read_text(encoding="utf-8"))["steps"]
        assert overlaps(geometry(steps)) == [], path


def test_penalty_skip_edge_goes_around_the_hearing() -> None:
    steps = yaml.safe_load((DEMO_CHARTS[0].parent / "penalty.yml").read_text(encoding="utf-8"))["steps"]
    g = geometry(steps)
    skip = next(r for r in g.routes if r.edge.label == "未申请")
    assert skip.around and len(skip.points) > 2  # dashed, around the chart
    hearing = g.nodes["hearing"]
    assert all(not (hearing.x < x < hearing.x + hearing.w and hearing.y < y < hearing.y + hearing.h)
               for x, y in skip.points)
    svg = str(render_svg(steps, "t", "fc"))
    assert svg.count("fc-edge fc-back") == 1


def test_flowchart_generator_output_has_no_overlaps() -> None:
    from gongshi.outputs.portal.flowchart_svg import edges_of
    for steps in (STEPS, [{"id": "a", "label": "自环", "next": ["a", "b"]}, {"id": "b", "label": "乙", "next": ["a"]}]):
        assert overlaps(geometry(steps)) == [], steps
        assert len(geometry(steps).routes) == len(edges_of(steps))


LABELS = st.sampled_from(["受理", "审查", "作出决定并送达当事人", "组织听证", "补正材料", "公开", "AB", "七个工作日内公开决定"])
CONDS = st.sampled_from(["", "", "是", "否", "材料齐全", "申请听证", "未申请", "不予受理"])


@st.composite
def charts(draw: st.DrawFn) -> list[dict[str, object]]:
    n = draw(st.integers(2, 8))
    steps: list[dict[str, object]] = []
    for i in range(n):
        targets = draw(st.lists(st.integers(0, n - 1), max_size=3, unique=True))
        nxt = [{"to": f"s{t}", "label": draw(CONDS)} for t in targets]
        steps.append({"id": f"s{i}", "label": draw(LABELS), "next": nxt})
    return steps


@settings(max_examples=150, deadline=None)
@given(charts())
def test_generated_flowcharts_have_no_overlaps(steps: list[dict[str, object]]) -> None:
    assert overlaps(geometry(steps)) == []


def test_a_label_finds_room_where_two_arrows_cross() -> None:
    """Found by the property test above (issue 21): s1->s4 and s3->s0 cross in an X between the
    same two layers, and no place beside the middle of s1->s4 was free; its label covered s3->s4."""
    steps = [{"id": "s0", "label": "受理", "next": [{"to": "s0", "label": ""}]},
             {"id": "s1", "label": "受理", "next": [{"to": "s0", "label": ""}, {"to": "s4", "label": "材料齐全"},
                                                   {"to": "s1", "label": ""}]},
             {"id": "s2", "label": "受理", "next": [{"to": "s1", "label": ""}, {"to": "s3", "label": ""}]},
             {"id": "s3", "label": "受理", "next": [{"to": "s0", "label": ""}, {"to": "s4", "label": ""}]},
             {"id": "s4", "label": "受理", "next": []}]
    assert overlaps(geometry(steps)) == []
