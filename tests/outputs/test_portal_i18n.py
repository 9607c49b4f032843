"""Every interface string of the theme goes through gettext and has an English translation."""
from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

THEME = Path(__file__).resolve().parents[2] / "theme"
HAN = re.compile(r"[\u4e00-\u9fff]")


def _portal_templates() -> list[Path]:
    return [p for p in sorted((THEME / "templates").rglob("*.html"))]


def _msgids() -> set[str]:
    options = {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}
    return {m[1] if isinstance(m[1], str) else m[1][0]
            for path in _portal_templates() for m in extract_from_file("jinja2", str(path), options=options)}


def test_every_string_has_an_english_translation() -> None:
    with open(THEME / "translations/en/LC_MESSAGES/messages.po", "rb") as fh:
        catalog = read_po(fh)
    missing = sorted(i for i in _msgids() if not (catalog.get(i) and catalog.get(i).string))
    assert missing == [], missing


def test_portal_templates_have_no_untranslated_chinese() -> None:
    # Chinese text outside {{ _('…') }} in the portal's templates would escape translation.
    for path in _portal_templates():
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"_\('(?:[^'\\]|\\.)*'", "", text)
        text = re.sub(r'_\("(?:[^"\\]|\\.)*"', "", text)
        # Data values in template logic (role names compared with the record) are not UI text.
        text = re.sub(r"'(执法辅助人员|全程|关键环节|已更正|撤销)'", "", text)
        assert not HAN.search(text), (path.name, HAN.search(text) and text[max(0, HAN.search(text).start() - 40):][:80])


def test_attachment_type_and_size_in_english() -> None:
    # A guide's 示范文本 link is followed by its type and size: Chinese brackets in Chinese,
    # "(DOCX, 2 KB)" in English.
    import jinja2

    from gongshi.outputs.portal.i18n import translations
    template = "{{ _('（%(type)s，%(size)s）', type='DOCX', size='2 KB') }}"
    out = {}
    for lang in ("zh", "en"):
        env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
        env.install_gettext_translations(translations(str(THEME), lang), newstyle=True)
        out[lang] = env.from_string(template).render()
    assert out == {"zh": "（DOCX，2 KB）", "en": " (DOCX, 2 KB)"}
    assert "（%(type)s，%(size)s）" in (THEME / "templates/gongshi_guide.html").read_text(encoding="utf-8")


def test_literal_translations_are_made_once_and_equal_gettexts() -> None:
    """portal/i18n.StaticGettext: `{{ _('字面') }}` compiled to its translation gives exactly what
    gettext gives on every render; a translation with `%` stays a gettext call."""
    import jinja2

    from gongshi.outputs.portal import i18n
    root = Path(__file__).resolve().parents[2]
    source = "<p>{{ _('执法决定') }}|{{ _(\"撤销公告\") }}|{{ _('执法决定') ~ '!' }}|{{ _('%(n)s 条', n=3) }}</p>"
    outputs = []
    for static in (True, False):
        env = jinja2.Environment(autoescape=True)
        i18n.install(env, {"THEME": str(root / "theme"), "GONGSHI_LANG": "en"})
        if not static:
            env.extensions.pop(f"{i18n.StaticGettext.__module__}.StaticGettext")
        outputs.append(env.from_string(source).render())
    assert outputs[0] == outputs[1]
    assert "Enforcement decisions" in outputs[0] or "decision" in outputs[0].lower()
    env = jinja2.Environment(autoescape=True)
    i18n.install(env, {"THEME": str(root / "theme"), "GONGSHI_LANG": "en"})
    compiled = i18n.StaticGettext(env).preprocess(source, None).split("|")
    assert "_(" not in compiled[0] + compiled[1] and all("_(" in part for part in compiled[2:])


def test_search_script_takes_its_words_from_the_page() -> None:
    """search.js writes no interface text of its own: every word it shows is a key of the
    translated block the search pages include (partials/search_words.html, #search-messages),
    and every key there is used."""
    script = (THEME / "static/js/search.js").read_text(encoding="utf-8")
    for template in ("templates/search.html", "federation/search.html"):
        assert '{% include "partials/search_words.html" %}' in (THEME / template).read_text(encoding="utf-8")
    page = (THEME / "templates/partials/search_words.html").read_text(encoding="utf-8")
    block = page.split('id="search-messages">', 1)[1].split("</script>", 1)[0]
    declared = set(re.findall(r'^\s*"(\w+)":', block, flags=re.M))
    used = set(re.findall(r'WORDS\.(\w+)|words\("(\w+)"', script))
    used = {a or b for a, b in used}
    assert declared == used, (sorted(declared - used), sorted(used - declared))
    code = re.sub(r"//[^\n]*", "", script)
    strings = re.findall(r'"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`', code)
    assert [s for s in strings if HAN.search(s)] == []
