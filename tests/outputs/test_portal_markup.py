"""Markdown fields: the plain-text fast path equals python-markdown + nh3, and HTML is sanitized."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongshi.outputs.portal.markup import fast_markdown, render_markdown, slow_markdown

# Plain characters, the ones that could start Markdown syntax, and whitespace of every kind.
ALPHABET = st.sampled_from(list("执法决定公示罚款，。；：、（）《》“”‘’！？…—0123456789abcXYZ%")
                           + list(" \n\t\r*_-#>.1)[]<&\"'`=+|~!\u3000\u00a0"))


@settings(max_examples=3000, deadline=None)
@given(st.text(ALPHABET, max_size=60))
def test_fast_path_equals_python_markdown(text: str) -> None:
    fast = fast_markdown(text)
    if fast is not None:
        assert fast == slow_markdown(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("执法决定公示，。0123abc% ")), min_size=1, max_size=20),
                max_size=6))
def test_fast_path_taken_for_plain_paragraphs(paras: list[str]) -> None:
    text = "\n\n".join(p.strip() for p in paras if p.strip())
    fast = fast_markdown(text)
    assert fast is not None
    assert fast == slow_markdown(text)


def test_demo_facts_take_the_fast_path() -> None:
    text = "经查，当事人于2025年4月18日在霍邱县花园镇未取得食品经营许可从事食品经营活动。\n\n上述事实有现场检查笔录证实。"
    assert fast_markdown(text) == slow_markdown(text)


def test_markdown_is_sanitized() -> None:
    html = render_markdown("__重点__<script>alert(1)</script>\n\n[链接](javascript:alert(1)) <img src=http://x/y.png>")
    assert "<strong>重点</strong>" in html
    assert "<script" not in html and "javascript:" not in html and "<img" not in html


def test_markdown_lists_and_links() -> None:
    html = render_markdown("- 甲\n- 乙\n\n[法规](https://flk.npc.gov.cn/)")
    assert "<ul>" in html and "<li>甲</li>" in html
    assert 'href="https://flk.npc.gov.cn/"' in html and 'rel="noopener noreferrer"' in html


def test_unclosed_brackets_go_to_the_linear_parser(monkeypatch) -> None:
    """72 kB of unclosed `[a` (python-markdown: minutes, quadratic) is rendered by markdown-it-py,
    sanitised the same; a record with a few links stays with python-markdown (the demo's HTML
    unchanged). Checked by the route taken, not by a clock."""
    from gongshi.outputs.portal import markup
    text = "[a" * 36000
    links = "经查，当事人[某某公司](https://example.org/)销售过期食品。\n\n" * 20
    assert markup.costly(text) and not markup.costly(links)
    expected_links = slow_markdown(links)

    def refuse(t: str) -> str:
        raise AssertionError("python-markdown called on a costly text")
    monkeypatch.setattr(markup, "slow_markdown", lambda t: refuse(t) if markup.costly(t) else expected_links)
    html = markup.render_markdown(text)
    assert html.startswith("<p>[a[a") and html.count("[") == 36000
    assert markup.render_markdown(links) == expected_links
    dangerous = "[a" * 2000 + "<script>alert(1)</script>[x](javascript:alert(1))"
    html = markup.render_markdown(dangerous)
    assert markup.costly(dangerous) and "<script" not in html and "href" not in html
