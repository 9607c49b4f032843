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
from typing import Any

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


def install(env: Any, settings: dict[str, Any]) -> None:
    """Give a Jinja environment gettext for the build's language (idempotent)."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    lang = language(settings)
    env.install_gettext_translations(translations(os.path.abspath(settings["THEME"]), lang),
                                     newstyle=True)
    env.globals["HTML_LANG"] = HTML_LANG.get(lang, lang)


def on_generator_init(generator: Any) -> None:
    # Every generator (Pelican's articles and pages too) renders the same translated theme.
    install(generator.env, generator.settings)

