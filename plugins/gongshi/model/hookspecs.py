"""The extension surface: every hook gongshi offers, in one module (Pelican's signals.py and
Datasette's hookspecs.py are the models). The hooks are pluggy hook specifications (`hookspec`,
the `Specs` class below); built-in parts are plugins registered through exactly these hooks
(`manager()`), and pluggy validates every implementation against its specification: an
implementation with an argument the specification does not have, or a `gongshi_*` function
that names no hook at all (a typo), is a `PluginError` naming the plugin, not a silent no-op.
Nothing registers at import time: `manager()` builds the registry when asked, and
`app/plugin.register()` (Pelican calls it) connects the Pelican side. This module declares; it
imports no other part of gongshi (it sits in the model layer, so a kind or a check can reach
it), and names the built-in modules as strings that `resolve()` loads.

Plugins, in the order their results are taken
=============================================

1. the built-ins: `gongshi.model.kinds` (every record kind, and the checks the kinds' own modules
   declare) and `Builtins` below (the rule modules' checks, the portal's outputs);
2. the entry points of the groups ``gongshi.checks`` (`CHECK_GROUP`) and ``gongshi.outputs``
   (`OUTPUT_GROUP`), sorted by name: a function, a module of `@check` functions, or a generator
   class, for a site that adds one check or one output;
3. pluggy plugins: the entry points of the group ``gongshi`` (`PLUGIN_GROUP`), a module (or
   object) implementing any of the hooks below with `@hookimpl`, as Datasette plugins do::

       # pyproject.toml of the site's package
       [project.entry-points.gongshi]
       mysite = "mysite.plugin"

       # mysite/plugin.py
       from gongshi.model.hookspecs import hookimpl

       @hookimpl
       def gongshi_kinds():
           return [PressReleaseKind]      # a RecordKind subclass (see model/kinds/plan.py)

Hooks, in the order a build runs them
=====================================

1. **Record kinds** — `gongshi_kinds()` returns RecordKind classes; `kinds()` collects them and
   `model/kinds.KINDS` is the registry every layer reads (by name, in registration order). One
   module per kind declares its files, schema and public face (`url`, `template`, `sections`,
   `table`, the `public` allow-list) and may declare `@check` functions of its own (taken
   through `gongshi_checks` of the built-in kinds plugin). Adding a kind is one module, its
   template and one line in the built-in list (or a plugin's `gongshi_kinds`): `gongshi new`,
   the public set, `gongshi schema` and `gongshi docs` derive from the declaration; see
   model/kinds/plan.py and model/kinds/discretion.py.

2. **Checks** — `gongshi_checks()` returns functions `(dataset, as_of) -> findings`;
   `checks(extra)` lists what validation runs, in this order:

   - the built-in kinds' own checks, then the rule modules `BUILTIN_CHECK_MODULES` in order (a
     module's checks in the order they are defined; a function is a check when decorated with
     `checks.check`, a marker that registers nothing: `checks_of()` takes the marked functions
     of a module the hook names);
   - then entry points of the group ``gongshi.checks``, sorted by name; an entry point names a
     check function or a module whose `@check` functions are taken; then pluggy plugins;
   - then the functions passed to `validate(..., extra_checks=[...])`.

   The pipeline (checks/pipeline.py) applies site.yml's `rules:` to every check's findings (a
   rule turned off or given another level; model/ruleset.py, where the locked rules are).

   A check may declare its **scope** as data (`scoped(...)`, an attribute like yamllint's rule
   `TYPE`), which lets `gongshi validate` re-check only what changed (checks/cache.py):

   - `scoped(RECORD)`: what it says about a decision file depends only on that file's records
     and the context (every record that is not a decision: site.yml, calendar.yml, agencies,
     officers, items, guides …, and --as-of); what it says about any other file depends on the
     context only. Findings on unchanged decision files are reused, and those on other files
     while no record file of the context changed.
   - `scoped(SUMMARY, reads=("doc_no", …))`: a cross-record rule that reads of each decision
     only the listed fields (and its agency, slug, year and path): it runs over slim decisions
     when one of those projections changed, else its previous findings are reused.
   - `scoped(CONTEXT)`: reads no decision, but files that are not records (Markdown pages,
     attachments): run over the context every time, never cached.
   - nothing declared (a site's check usually): run over the whole dataset every time, fail
     closed: a rule that cannot be checked incrementally is run, never skipped.

   A site adds a check by packaging it::

       # pyproject.toml of the site's package
       [project.entry-points."gongshi.checks"]
       local = "mysite.checks"          # a module with @check functions, or "mysite.checks:fn"

3. **Publication** — `publication.publish(dataset, as_of)` runs once per build, after the
   checks; every output reads its views (not a hook: the one way from records to outputs).

4. **Outputs** — `gongshi_outputs(settings)` returns the Pelican generator classes that write
   the site; `outputs(settings)` lists them in this order (Pelican runs generate_context of
   all, then generate_output of all):

   - `BUILTIN_OUTPUTS` in order (provenance first: it fills context the pages read; then portal,
     feeds, open data, the search page), then the dotted class names of the setting
     ``GONGSHI_OUTPUTS`` (`OUTPUTS_SETTING`);
   - then entry points of the group ``gongshi.outputs``, sorted by name; then pluggy plugins.

   A site adds an output with a Pelican generator that reads
   `gongshi.publication.inputs.inputs(self.settings).publication()`::

       # pelicanconf.py
       GONGSHI_OUTPUTS = ["mysite.outputs.PressKit"]

   Ordinary Pelican plugins see the whole site too. The build keeps the site's own ``PLUGINS``
   from pelicanconf.py, in their order, and adds ``"gongshi"`` when it is missing
   (`build.site_plugins`; without a PLUGINS setting only gongshi runs, not every installed
   namespace plugin)::

       # pelicanconf.py
       PLUGINS = ["pelican.plugins.sitemap"]   # + "gongshi", added by the build
       SITEMAP = {"format": "txt"}              # sitemap.txt: the portal writes sitemap.xml itself

   Every HTML page gongshi writes (portal, feeds page, open-data pages, search page) sends
   Pelican's ``content_written`` signal, as Pelican's writer does for its own pages (the signal
   carries the absolute path and the page's context).

5. **Pelican signals** — `SIGNALS` lists (signal name, receiver) pairs connected by
   `app/plugin.connect()`: ``generator_init`` (the theme's Jinja setup: autoescape, `fragment`, the
   interface language, the `search_token` filter), ``finalized`` (the search index over the
   finished site) and ``content_object_init`` (Markdown pages sanitised).

URLs: portal pages use ``{{ SITEURL }}/path``; with ``RELATIVE_URLS = True`` each page gets
SITEURL relative to its own folder, as Pelican's writer gives its own pages. Absolute links
(feeds, sitemap, JSON-LD, open data) use SITEURL when absolute, else site.yml's url.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

import pluggy

PROJECT = "gongshi"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

CHECK_GROUP = "gongshi.checks"
OUTPUT_GROUP = "gongshi.outputs"
PLUGIN_GROUP = "gongshi"
OUTPUTS_SETTING = "GONGSHI_OUTPUTS"

# The built-in plugins, registered first, in this order (module or "module:object" names).
BUILTIN_PLUGINS = [
    "gongshi.model.kinds",                  # every record kind, and the checks of the kinds' modules
    "gongshi.model.hookspecs:Builtins",     # the rule modules' checks and the portal's outputs
]

BUILTIN_CHECK_MODULES = [
    "gongshi.checks.refs",         # R-REFS: references between records (every kind's `ref=` fields)
    "gongshi.checks.annual",       # R-ANNUAL: the committed yearly statistics against a recount
    "gongshi.checks.deadline",     # R-DEADLINE
    "gongshi.checks.display",      # R-WINDOW
    "gongshi.checks.revocation",   # R-REVOKE: status agrees with the history of revocations and corrections
    "gongshi.checks.mandatory",    # R-DEC: the 双公示 standard's mandatory fields of each category
    "gongshi.checks.redaction",    # R-REDACT: records
    "gongshi.checks.pages",        # R-REDACT: content pages
    "gongshi.checks.roster",       # R-TWO, R-REVIEW, R-FIVEPCT
    "gongshi.checks.adjust",       # R-ADJUST
    "gongshi.checks.monthly",      # R-MONTHLY
    "gongshi.checks.reserved",     # R-FORMAT: agency folders that clash with site URLs
    "gongshi.checks.attachments",  # R-REF, R-FORMAT, R-REDACT: files a guide attaches
    "gongshi.checks.catalogue",    # R-CATALOG: what the open-data catalogue needs from site.yml
]

BUILTIN_OUTPUTS = [
    "gongshi.outputs.provenance:ProvenanceGenerator",  # first: context the pages read
    "gongshi.outputs.portal.generator:PortalGenerator",
    "gongshi.outputs.feeds.generator:FeedsGenerator",
    "gongshi.outputs.opendata.generator:OpenDataGenerator",
    "gongshi.outputs.search.page:SearchPageGenerator",
    "gongshi.outputs.bundle:BundleGenerator",  # after open data: its manifest hashes those files
]

# (Pelican signal, "module:function") connected by app/plugin.connect(), in this order.
SIGNALS = [
    ("generator_init", "gongshi.outputs.portal.fragments:on_generator_init"),
    ("generator_init", "gongshi.outputs.portal.i18n:on_generator_init"),
    ("generator_init", "gongshi.outputs.search.page:add_filters"),
    ("finalized", "gongshi.outputs.search.index:on_finalized"),
    ("content_object_init", "gongshi.outputs.portal.markup:on_content_object_init"),  # pages sanitised (issue 11)
]

Check = Callable[..., Iterable[Any]]

RECORD = "record"    # per decision file (plus the context): see the module docstring
SUMMARY = "summary"  # cross-record, over the declared fields of every decision
CONTEXT = "context"  # reads no decision, but files that are not records (pages, attachments)


@dataclass(frozen=True)
class Scope:
    """What a check's findings depend on (declared data, read by checks/cache.py).

    `file_input`, for a RECORD check, gives (dataset -> {absolute path: value}) an input of a
    file that is not in its bytes (the day git first saw it): a file whose value changed is
    checked again."""

    per: str
    reads: tuple[str, ...] = ()
    file_input: Callable[[Any], Mapping[str, object]] | None = None


def scoped(per: str, reads: tuple[str, ...] = (),
           file_input: Callable[[Any], Mapping[str, object]] | None = None) -> Callable[[Check], Check]:
    """Declare a check's scope (RECORD, SUMMARY or CONTEXT); see the module docstring."""
    if per not in (RECORD, SUMMARY, CONTEXT):
        raise ValueError(f"unknown check scope {per!r}")

    def mark(fn: Check) -> Check:
        fn.gongshi_scope = Scope(per, tuple(reads), file_input)  # type: ignore[attr-defined]
        return fn
    return mark


def scope_of(fn: Check) -> Scope | None:
    """A check's declared scope, None when it declares none (then it runs in full)."""
    found = getattr(fn, "gongshi_scope", None)
    return found if isinstance(found, Scope) else None


def check(fn: Check) -> Check:
    """Mark a function of (dataset, as_of) yielding findings as a check. Nothing is registered:
    `checks()` takes the marked functions of the modules it is given. (Here, not in checks/pipeline.py,
    so that a kind module can declare a check without importing the loader.)"""
    fn.gongshi_check = True  # type: ignore[attr-defined]
    return fn


def resolve(name: str) -> Any:
    """`module:attr` (or `module.attr`) -> the object; a plain module name -> the module."""
    if ":" in name:
        module, attr = name.split(":", 1)
    elif name.rsplit(".", 1)[-1][:1].isupper():
        module, attr = name.rsplit(".", 1)
    else:
        return importlib.import_module(name)
    obj: Any = importlib.import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


def checks_of(module: ModuleType) -> list[Check]:
    """The `@check` functions defined in `module`, in definition order; for a package, those of
    its submodules in the order the package imports them."""
    out: list[Check] = []
    for obj in vars(module).values():
        if isinstance(obj, ModuleType):
            if hasattr(module, "__path__") and obj.__name__.startswith(module.__name__ + "."):
                out += checks_of(obj)
        elif callable(obj) and getattr(obj, "gongshi_check", False) and getattr(obj, "__module__", None) == module.__name__:
            out.append(obj)
    return out


class PluginError(RuntimeError):
    """A plugin does not fit the hook specifications (pluggy's validation), or its hook failed
    to load; the message names the plugin and what to change."""


class Specs:
    """The hook specifications: what a plugin may implement (with `@hookimpl`, the same names and
    arguments or fewer). pluggy checks every implementation against these."""

    @hookspec
    def gongshi_kinds(self) -> Iterable[type]:  # type: ignore[empty-body]
        """Record kinds (RecordKind subclasses) this plugin declares."""

    @hookspec
    def gongshi_checks(self) -> Iterable[Check]:  # type: ignore[empty-body]
        """Check functions `(dataset, as_of) -> findings` this plugin adds (see `check`, `scoped`)."""

    @hookspec
    def gongshi_outputs(self, settings: Mapping[str, Any]) -> Iterable[type]:  # type: ignore[empty-body]
        """Pelican generator classes this plugin adds to the build (`settings`: Pelican's)."""


class Builtins:
    """The built-in rule modules and outputs, registered through the same hooks as any plugin."""

    @staticmethod
    @hookimpl
    def gongshi_checks() -> list[Check]:
        return [fn for name in BUILTIN_CHECK_MODULES for fn in checks_of(importlib.import_module(name))]

    @staticmethod
    @hookimpl
    def gongshi_outputs(settings: Mapping[str, Any]) -> list[type]:
        names = list(BUILTIN_OUTPUTS) + list(settings.get(OUTPUTS_SETTING) or [])
        return [resolve(n) if isinstance(n, str) else n for n in names]


class EntryPoints:
    """The single-function entry points (`gongshi.checks`, `gongshi.outputs`), as one plugin."""

    @staticmethod
    @hookimpl
    def gongshi_checks() -> list[Check]:
        out: list[Check] = []
        for ep in _entry_points(CHECK_GROUP):
            obj = ep.load()
            out += checks_of(obj) if isinstance(obj, ModuleType) else [obj]
        return out

    @staticmethod
    @hookimpl
    def gongshi_outputs(settings: Mapping[str, Any]) -> list[type]:
        return [ep.load() for ep in _entry_points(OUTPUT_GROUP)]


def manager() -> pluggy.PluginManager:
    """A plugin manager with the specifications, the built-ins, the entry-point adapters and the
    `gongshi` entry-point plugins registered, validated (`check_pending`). Built afresh on each
    call (cheap), so a plugin installed while a process runs is seen by the next call."""
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(Specs)
    name = ""
    try:
        for name in BUILTIN_PLUGINS:
            pm.register(resolve(name), name=name)
        name = "gongshi.checks / gongshi.outputs entry points"
        pm.register(EntryPoints, name="entry-points")
        name = f"entry points of the group {PLUGIN_GROUP!r}"
        pm.load_setuptools_entrypoints(PLUGIN_GROUP)
        name = "a registered plugin"
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"gongshi plugin {getattr(exc, 'plugin', None) or name!s}: {exc}; the hooks and their "
                          f"arguments are listed in gongshi/model/hookspecs.py (Specs)") from exc
    return pm


def _results(caller: Any, **kwargs: Any) -> list[Any]:
    """A hook's results, flattened, in registration order (pluggy calls the last registered
    first): built-ins first, then the entry points, then plugins."""
    return [item for result in reversed(caller(**kwargs)) for item in (result or ())]


def kinds() -> list[type]:
    """Every record kind the plugins declare (hook `gongshi_kinds`), built-ins first. Read
    through model/kinds.KINDS, which validates and keeps them."""
    return _results(manager().hook.gongshi_kinds)


def _entry_points(group: str) -> list[Any]:
    return sorted(entry_points(group=group), key=lambda ep: ep.name)


def checks(extra: Iterable[Check] = ()) -> list[Check]:
    """Every check validation runs (hook `gongshi_checks`): built-ins, then the `gongshi.checks`
    entry points and plugins, then `extra`; each function once."""
    out: list[Check] = _results(manager().hook.gongshi_checks) + list(extra)
    seen: set[int] = set()
    return [fn for fn in out if not (id(fn) in seen or seen.add(id(fn)))]  # type: ignore[func-returns-value]


def outputs(settings: Mapping[str, Any] | None = None) -> list[type]:
    """Every generator class of the build (hook `gongshi_outputs`): built-ins, GONGSHI_OUTPUTS,
    `gongshi.outputs` entry points, plugins; each class once."""
    return list(dict.fromkeys(_results(manager().hook.gongshi_outputs, settings=settings or {})))
