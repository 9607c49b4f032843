"""Interface language: every template string goes through gettext (jinja2.ext.i18n).

The templates are written in Chinese (the source language); another language is one
`theme/translations/<lang>/LC_MESSAGES/messages.po` file, read with Babel at build time so
no compiled .mo file has to be kept in git. Settings: GONGSHI_LANG (default DEFAULT_LANG, zh).
"""
from __future__ import annotations

import functools
import gettext
import io
import os
import re
from typing import Any

from jinja2.ext import Extension

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

SOURCE_LANG = "zh"
HTML_LANG = {"zh": "zh-CN", "en": "en"}


def language(settings: dict[str, Any]) -> str:
    """The interface language of a build: GONGSHI_LANG, else DEFAULT_LANG, else zh."""
    lang = str(settings.get("GONGSHI_LANG") or settings.get("DEFAULT_LANG") or SOURCE_LANG)
    return lang.split("-")[0].split("_")[0].lower()


def catalog_path(theme: str, lang: str) -> str:
    return os.path.join(theme, "translations", lang, "LC_MESSAGES", "messages.po")


@functools.lru_cache(maxsize=8)
def translations(theme: str, lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang`; the source language (or a missing catalog) is identity."""
    path = catalog_path(theme, lang)
    if lang == SOURCE_LANG or not os.path.exists(path):
        return gettext.NullTranslations()
    with open(path, "rb") as fh:
        catalog = read_po(fh, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


# `{{ _('字面') }}`: a whole expression that only translates a literal (about 20 on every page).
_LITERAL = re.compile(r"""\{\{ _\((?:'([^'\\{}%#]*)'|"([^"\\{}%#]*)")\) \}\}""")


class StaticGettext(Extension):
    """Translates `{{ _('字面') }}` once, when a template is compiled, instead of on every page
    (a tenth of the rendering time of 100,000 pages went to these calls). The language is fixed
    for an environment (`install` clears its compiled templates when it changes), and the text
    is exactly what gettext would give at render time: a translation holding `%`, braces or `#`
    (formatting, template syntax) is left to gettext."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        t = getattr(self.environment, "gongshi_translations", None)
        if t is None:
            return source

        def translated(m: re.Match[str]) -> str:
            text = t.gettext(m.group(1) if m.group(1) is not None else m.group(2))
            return m.group(0) if set(text) & set("%{}#") else str(text)
        return _LITERAL.sub(translated, source)


def install(env: Any, settings: dict[str, Any]) -> None:
    """Give a Jinja environment gettext for the build's language (idempotent)."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    if f"{StaticGettext.__module__}.StaticGettext" not in env.extensions:
        env.add_extension(StaticGettext)
    lang = language(settings)
    t = translations(os.path.abspath(settings["THEME"]), lang)
    if getattr(env, "gongshi_translations", None) is not t:
        if env.cache is not None:
            env.cache.clear()  # templates compiled with another language's literals
        env.gongshi_translations = t
    env.install_gettext_translations(t, newstyle=True)
    env.globals["HTML_LANG"] = HTML_LANG.get(lang, lang)


def on_generator_init(generator: Any) -> None:
    # Every generator (Pelican's articles and pages too) renders the same translated theme.
    install(generator.env, generator.settings)

