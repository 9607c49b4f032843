"""The subscribe page of each agency: its feed addresses, and each as a QR code for a phone.

A newsroom or a citizen at a desk points a phone at the code instead of typing a long URL; the
code is inline SVG made at build time by segno (a kept, pure-Python QR library), so the page
loads nothing from elsewhere and prints. The codes are deterministic: same address, same bytes.
"""
from __future__ import annotations

from dataclasses import dataclass

import segno
from markupsafe import Markup

from gongshi.outputs.feeds.entries import FORMATS, Feed


@dataclass(frozen=True)
class Address:
    """One feed address of a subscribe page, with its QR code."""

    format: str      # Atom, RSS 2.0
    url: str         # absolute
    href: str        # site-relative
    mime: str
    qr: Markup       # inline <svg>


def qr_svg(url: str, label: str) -> Markup:
    """`url` as an inline SVG QR code (error correction M, 3 px modules, quiet zone 4 as the
    standard asks), titled for screen readers."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=3, border=4, title=label, svgclass="qr", lineclass=None)
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))


def page_path(feed: Feed) -> str:
    """feeds/agency/<slug>.html, beside the agency's feed files."""
    return f"{feed.stem}.html"


def addresses(feed: Feed, base: str, names: dict[str, str]) -> list[Address]:
    """The feed's Atom and RSS addresses with their codes."""
    out = []
    for fmt, mime in FORMATS.items():
        url = f"{base}/{feed.href(fmt)}"
        out.append(Address(names[fmt], url, feed.href(fmt), mime, qr_svg(url, f"{feed.title}（{names[fmt]}）的二维码")))
    return out
