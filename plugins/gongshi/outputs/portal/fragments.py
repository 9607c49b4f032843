"""Fragment cache: the chrome every page repeats (header, menus, footer, feed links) is rendered
once per distinct input and reused, which keeps 100,000 decision pages cheap to render.

Also the one place that sets up every generator's Jinja environment for the theme: the
`fragment` global and autoescaping."""
from __future__ import annotations

import re
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

# Context keys a fragment may read; they are the same for every page of one build.
SHARED = ("SITEURL", "SITENAME", "gongshi", "gongshi_feeds", "HTML_LANG")


# A telephone number inside a phone field's text: digits with optional '+', hyphens, spaces
# or a bracketed area code, 5 to 15 digits in all ("12315", "0564-6021234", "(0564) 602 1234",
# "+86 564 6021234"); an extension after "转" stays text.
_PHONE = re.compile(r"(?<![0-9A-Za-z+])(?:\+|\()?\d[\d() \-]*\d(?![0-9A-Za-z])")


def phone_links(value: Any) -> Markup:
    """A phone field's text, escaped, with every telephone number in it a `tel:` link (the href
    keeps only '+' and digits), so a phone number can be tapped to call."""
    text = "" if value is None else str(value)
    out, at = [], 0
    for m in _PHONE.finditer(text):
        digits = re.sub(r"[^\d+]", "", m.group())
        if not 5 <= len(digits.lstrip("+")) <= 15:
            continue
        out += [escape(text[at:m.start()]), Markup('<a href="tel:%s">%s</a>') % (digits, m.group())]
        at = m.end()
    out.append(escape(text[at:]))
    return Markup("").join(out)


def _key(value: Any) -> Any:
    # Records are keyed by their identity in the dataset (agency slug, kind), not by content.
    uid = getattr(value, "uid", None)
    return uid if uid is not None else value


@pass_context
def fragment(context: Context, name: str, **kwargs: Any) -> Markup:
    """Render partial template `name` with `kwargs` (and the build-wide keys), memoized."""
    env = context.environment
    cache: dict[Any, Markup] = env.globals.setdefault("_fragment_cache", {})  # type: ignore[assignment]
    key = (name, tuple(sorted((k, _key(v)) for k, v in kwargs.items())))
    html = cache.get(key)
    if html is None:
        shared = {k: context.get(k) for k in SHARED if k in context}
        html = cache[key] = Markup(env.get_template(name).render(shared, **kwargs))
    return html


def on_generator_init(generator: Any) -> None:
    # Pelican's own generators (notices, Markdown pages) and the other outputs render base.html too.
    generator.env.globals.setdefault("fragment", fragment)
    generator.env.filters.setdefault("phone", phone_links)  # the footer's 联系我们 telephone, on every page
    # Record fields are agencies' text: escape everything unless it is Markup (sanitized Markdown,
    # build-time SVG, JSON-LD). Pelican leaves autoescape off by default.
    generator.env.autoescape = True

