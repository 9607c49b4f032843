"""Page cache: a rebuild re-renders only the portal pages whose inputs changed.

Every planned page gets a key: a hash of the code and theme (every plugin module, every theme
file, the settings file, library versions), the build-wide values templates read (site,
agencies, as-of, feeds, SITEURL, language) and the page's own context, records pickled with
their provenance entry. The manifest of the published build (`<parent>/.cache/pages/<name>.json`:
path -> key and the file's inode, size and mtime) lets a page whose key is unchanged be
hard-linked from the published site instead of rendered.

Fail closed, everywhere: a template that reads a context value the key does not cover (found
statically: undeclared names, `ps.`/`gongshi.` attributes, dynamic includes) is always
rendered; a context that cannot be pickled is rendered; a manifest that is missing, corrupt,
or describes files that have since changed means a full render. The manifest is removed
before the swap and written after it, so a build killed in between leaves none.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import pickle
import re
import sys
from importlib import metadata
from typing import Any

from jinja2 import Environment, meta

from gongshi.model.kinds import Record
from gongshi.publication import PublicRecord
from gongshi.outputs.portal.page import Page

log = logging.getLogger("gongshi.outputs.portal")

VERSION = 1
SETTING = "GONGSHI_PAGE_CACHE"  # {"published": final output folder, "settings_file": path}
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIBRARIES = ("pelican", "jinja2", "markupsafe", "markdown", "nh3", "babel")
# Build-wide context names whose values go into every key (build_key).
KEYED = ("SITEURL", "SITENAME", "HTML_LANG", "gongshi_feeds")
# Names bound to code (hashed with the package) or to values keyed elsewhere: `ps`/`gongshi`/
# `SITE` are the public set, of which only the attributes in PS_ATTRS are keyed;
# `gongshi_provenance` is keyed per record of the page's context.
CODE_NAMES = {"urls", "fragment", "decision_rows", "decision_crumbs", "decision_article",
              "decision_provenance", "_", "gettext", "ngettext", "pgettext", "npgettext", "range", "dict",
              "lipsum", "cycler", "joiner", "namespace", "ps", "gongshi", "SITE", "gongshi_provenance"}
PS_ATTRS = {"site", "as_of", "agencies"}
_DEFINED = re.compile(r"\b(ps|gongshi)\s+is\s+(not\s+)?defined(\s+and\s+\1\b)?")
_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_PS_USE = re.compile(r"\b(ps|gongshi)\b(\s*\.\s*(\w+))?")
# Pages that sum up the whole public set (counts, statistics, compliance): always rendered.
ALWAYS_RENDER = {"gongshi_index.html", "gongshi_stats_index.html", "gongshi_stats.html", "gongshi_compliance.html"}

_PENDING: dict[str, dict[str, Any]] = {}  # published folder -> manifest of the build in progress


def manifest_path(output: str) -> str:
    """<parent>/.cache/pages/<name>.json for an output folder."""
    output = os.path.abspath(output)
    return os.path.join(os.path.dirname(output), ".cache", "pages", os.path.basename(output) + ".json")


def _hash_tree(h: Any, folder: str, suffixes: tuple[str, ...] | None = None) -> None:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if suffixes is None or name.endswith(suffixes):
                path = os.path.join(root, name)
                h.update(os.path.relpath(path, folder).encode() + b"\0")
                with open(path, "rb") as fh:
                    h.update(hashlib.sha256(fh.read()).digest())


def code_key(theme: str, settings_file: str | None, overrides: list[str] | None = None) -> str:
    """Hash of the code that renders: plugin modules, theme files (and template overrides),
    settings file, libraries."""
    h = hashlib.sha256(f"v{VERSION} {sys.version}".encode())
    _hash_tree(h, _PACKAGE, (".py",))
    for folder in [theme, *(overrides or [])]:
        h.update(f"\0{folder}\0".encode())
        if os.path.isdir(folder):
            _hash_tree(h, folder)
    if settings_file and os.path.isfile(settings_file):
        with open(settings_file, "rb") as fh:
            h.update(fh.read())
    for lib in LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(f"{lib}={metadata.version(lib)}".encode())
    return h.hexdigest()


class _Pickler(pickle.Pickler):
    """Pickles a record (raw or its public view) as a hash of its identity, content and
    provenance (not its mtime).

    No memo (`fast`): the bytes must not depend on which values happen to be shared objects
    (records read through the parse cache share fewer strings than freshly parsed ones).
    """

    def __init__(self, buf: io.BytesIO, provenance: dict[str, Any], records: dict[int, tuple[Any, str]]) -> None:
        super().__init__(buf, protocol=5)
        self.fast = True
        self.provenance = provenance
        self.records = records

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, (Record, PublicRecord)):
            # Records are shared by many pages (an agency by all of its pages, a decision by its
            # page, its lists and its party's page): hashed once a build, not pickled whole on
            # every page (that was a fifth of a one-record rebuild). Views are frozen.
            known = self.records.get(id(obj))
            if known is None or known[0] is not obj:
                if isinstance(obj, Record):
                    state: Any = (obj.kind, obj.file, obj.data, obj.agency, obj.slug, obj.index, obj.year,
                                  self.provenance.get(obj.file))
                else:
                    state = ("view", obj.__reduce__()[1], self.provenance.get(obj.file))
                buf = io.BytesIO()
                _Pickler(buf, self.provenance, self.records).dump(state)
                known = self.records[id(obj)] = (obj, hashlib.sha256(buf.getvalue()).hexdigest())
            return (str, (known[1],))
        return NotImplemented


def digest(value: Any, provenance: dict[str, Any], records: dict[int, tuple[Any, str]] | None = None) -> bytes | None:
    """A pickle of `value` that differs whenever what a template could read differs; None when
    it cannot be pickled (the page is then rendered)."""
    buf = io.BytesIO()
    try:
        _Pickler(buf, provenance, {} if records is None else records).dump(value)
    except Exception:  # noqa: BLE001  (anything unpicklable, or a cycle: fail closed, render)
        return None
    return buf.getvalue()


class PageCache:
    """Keys of one build's pages and reuse from the published build's manifest."""

    def __init__(self, settings: dict[str, Any], context: dict[str, Any], env: Environment,
                 language: str) -> None:
        conf = settings.get(SETTING) or {}
        self.published = os.path.abspath(conf["published"])
        self.env = env
        self.context = context
        self.provenance: dict[str, Any] = context.get("gongshi_provenance") or {}
        self.records: dict[int, tuple[Any, str]] = {}  # id -> (record or view, hash), kept alive
        ps = context.get("gongshi")
        shared = {k: context.get(k) for k in KEYED}
        shared.update(ps_site=getattr(ps, "site", None), ps_as_of=getattr(ps, "as_of", None),
                      ps_agencies=getattr(ps, "agencies", None), language=language,
                      jinja=repr(sorted((settings.get("JINJA_ENVIRONMENT") or {}).items())))
        body = digest(shared, self.provenance)
        self.code = code_key(str(settings.get("THEME", "")), conf.get("settings_file"),
                             [str(d) for d in settings.get("THEME_TEMPLATES_OVERRIDES") or []])
        self.build = None if body is None else hashlib.sha256(self.code.encode() + body).hexdigest()
        self.cacheable: dict[str, frozenset[str] | None] = {}
        self.pending: dict[str, Any]
        _PENDING[self.published] = self.pending = {"code": self.code, "templates": self.cacheable, "pages": {}}
        self.previous = self._load()
        self.keys: dict[str, str] = self.pending["pages"]

    def _load(self) -> dict[str, list[Any]]:
        try:
            with open(manifest_path(self.published), encoding="utf-8") as fh:
                doc = json.load(fh)
            if doc.get("version") != VERSION or not isinstance(doc.get("pages"), dict):
                return {}
            if doc.get("code") == self.code and isinstance(doc.get("templates"), dict):
                # Template analysis depends only on the theme, which the code key covers.
                self.cacheable.update({k: None if v is None else frozenset(v) for k, v in doc["templates"].items()})
            pages: dict[str, list[Any]] = doc["pages"]
            return pages
        except (OSError, ValueError, AttributeError, TypeError):
            return {}  # missing or corrupt: a full render

    def _names(self, template: str) -> frozenset[str] | None:
        """Context names `template` (with what it extends, includes, imports) reads; None when
        it reads something the key cannot cover."""
        if template in self.cacheable:
            return self.cacheable[template]
        names: set[str] = set()
        todo, seen, ok = [template], set(), template not in ALWAYS_RENDER
        while todo and ok:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            try:
                source = self.env.loader.get_source(self.env, name)[0]  # type: ignore[union-attr]
            except Exception:  # noqa: BLE001  (`ignore missing` includes): nothing is read
                continue
            ast = self.env.parse(source)
            names |= meta.find_undeclared_variables(ast)
            for ref in meta.find_referenced_templates(ast):
                if ref is None:
                    ok = False  # a template chosen at render time: cannot be known here
                else:
                    todo.append(ref)
            for m in _PS_USE.finditer(_DEFINED.sub("", _COMMENT.sub("", source))):
                if m.group(3) not in PS_ATTRS:
                    ok = False
        self.cacheable[template] = frozenset(names) if ok else None
        return self.cacheable[template]

    def key_names(self, template: str) -> frozenset[str] | None:
        """What `template` reads (analysed once a build; the parent does it before forking, so
        the render workers share the analysis and the manifest records it)."""
        return self._names(self._template_name(template))

    def key(self, page: Page) -> str | None:
        """The page's key, or None when it must be rendered whatever the manifest says."""
        names = self._names(self._template_name(page.template))
        if names is None or self.build is None:
            return None
        for name in names - page.ctx.keys() - CODE_NAMES - set(KEYED):
            if name in self.context or name in self.env.globals:
                return None  # reads a build-wide value no key covers
        body = digest((page.path, page.template, page.ctx), self.provenance, self.records)
        return None if body is None else hashlib.sha256(self.build.encode() + body).hexdigest()

    @staticmethod
    def _template_name(name: str) -> str:
        return name if name.endswith(".html") else f"{name}.html"

    def settle(self, page: Page, output: str) -> tuple[str | None, bool]:
        """The page's key, and whether it was linked from the published site into `output`
        (else it is to be rendered). Pure per page, so render workers settle their own pages."""
        key = self.key(page)
        return key, key is not None and self._link(page.path, key, output)

    def record(self, keys: dict[str, str], rendered: int, pages: int) -> int:
        """The keys the build's pages settled on (for the manifest) and how many of its `pages`
        were `rendered` (logged); returns `rendered`."""
        self.keys.update(sorted(keys.items()))
        log.info("gongshi.outputs.portal: %d of %d pages reused from the published build", pages - rendered, pages)
        return rendered

    def _link(self, path: str, key: str, output: str) -> bool:
        entry = self.previous.get(path)
        if not isinstance(entry, list) or len(entry) != 4 or entry[0] != key:
            return False  # absent, changed, or not what commit() writes
        src = os.path.join(self.published, path)
        try:
            st = os.stat(src)
            if [st.st_ino, st.st_size, st.st_mtime_ns] != entry[1:]:
                return False  # the published file is not the one the manifest describes
            dst = os.path.join(output, path)
            try:
                os.link(src, dst)
            except OSError:
                with open(src, "rb") as fh, open(dst, "wb") as out:
                    out.write(fh.read())
        except OSError:
            return False
        return True


def forget(output: str) -> None:
    """Before the swap: the manifest stops describing the site (a kill now means a full render)."""
    with contextlib.suppress(OSError):
        os.remove(manifest_path(output))


def commit(output: str) -> None:
    """After the swap: record the keys of the build just published, with each file's stat."""
    output = os.path.abspath(output)
    pending = _PENDING.pop(output, None)
    if pending is None:
        return
    pages: dict[str, list[Any]] = {}
    for path, key in pending["pages"].items():
        try:
            st = os.stat(os.path.join(output, path))
        except OSError:
            continue
        pages[path] = [key, st.st_ino, st.st_size, st.st_mtime_ns]
    target = manifest_path(output)
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        tmp = f"{target}.tmp-{os.getpid()}"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"version": VERSION, "code": pending["code"], "pages": pages,
                       "templates": {k: None if v is None else sorted(v) for k, v in pending["templates"].items()}},
                      fh, separators=(",", ":"))
        os.replace(tmp, target)
    except OSError as exc:
        log.warning("gongshi.outputs.portal: page cache manifest not written (%s); the next build renders all", exc)


def discard(output: str) -> None:
    """A build that did not publish: drop its keys."""
    _PENDING.pop(os.path.abspath(output), None)
