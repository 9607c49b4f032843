"""The publication layer: one revocation definition for every output, projections that fail
on non-public fields, and the declared hooks (model/hookspecs.py)."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest

from conftest import DATA, DEMO_AS_OF, ROOT
from gongshi.model import hookspecs as hooks
from gongshi.checks.pipeline import validate
from gongshi.outputs.feeds import entries
from gongshi.outputs.opendata import tables
from gongshi.outputs.portal.pages_decisions import plan as decision_pages
from gongshi.publication import NonPublicField, publish
from gongshi.policy.visibility import revoked_on, visibility

BASE = "https://zfgs.example.gov.cn"


def _revoke(history: list, **extra) -> tuple:
    ds = validate(str(DATA), DEMO_AS_OF)
    rec = publish(ds, DEMO_AS_OF).decisions[0]
    raw = next(r for r in ds.of("decision") if r.uid == rec.uid)
    raw.data = {**raw.data, "status": "已撤销", "history": history, **extra}
    return ds, raw


def _every_output_date(ds, raw) -> set:
    pub = publish(ds, DEMO_AS_OF)
    notice = next(v for v in pub.notices if v.uid == raw.uid)
    page = next(p for p in decision_pages(pub, BASE) if p.template == "gongshi_notice" and p.ctx["rec"] is notice)
    feed = next(e for f in entries.plan(pub, BASE) for e in f.entries if e.uid == raw.uid)
    row = next(r for r in tables.publish(pub, tables.NOTICE, BASE) if r["slug"] == raw.slug)
    return {page.ctx["notice"].date, feed.updated, dt.date.fromisoformat(row["date"])}


def test_two_revocations_take_the_day_the_decision_went_offline() -> None:
    first, second = DEMO_AS_OF - dt.timedelta(days=30), DEMO_AS_OF - dt.timedelta(days=3)
    ds, raw = _revoke([{"date": first, "action": "撤销", "note": "复议撤销"},
                       {"date": second, "action": "撤销", "note": "再次撤销"}])
    assert revoked_on(raw) == first and not visibility(raw, first, ds.policy).public
    assert _every_output_date(ds, raw) == {first}


def test_status_revoked_with_a_future_withdrawal_shows_no_future_day() -> None:
    ds, raw = _revoke([], withdrawn={"date": DEMO_AS_OF + dt.timedelta(days=90), "reason": "撤销"})
    dates = _every_output_date(ds, raw)
    assert dates == {revoked_on(raw)} and max(dates) <= DEMO_AS_OF


def test_templates_cannot_reach_a_non_public_field() -> None:
    pub = publish(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)
    env = jinja2.Environment(autoescape=True)
    rec, notice = pub.decisions[0], pub.notices[0]
    assert env.from_string("{{ d.doc_no }}").render(d=rec.data) == rec.data["doc_no"]
    assert env.from_string("{{ d.remark }}").render(d=rec.data) in ("", rec.data.get("remark", ""))
    for source, value in (("{{ d.party.minor }}", rec.data), ("{{ d.withdrawn }}", rec.data),
                          ("{{ d.party.name }}", notice.data), ("{{ d.maintainers }}", pub.agencies[rec.agency].data)):
        with pytest.raises(NonPublicField):
            env.from_string(source).render(d=value)
    with pytest.raises(NonPublicField):
        rec.data["party"].get("minor")


def test_every_portal_template_renders_from_projections(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The golden build renders every portal template (each is asked for by name), and each
    record reaches them only as a projection: a template that reads a field its kind does not
    declare public fails the build instead of printing it."""
    spec = __import__("importlib.util").util.spec_from_file_location("ug", ROOT / "scripts" / "update_golden.py")
    module = __import__("importlib.util").util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rendered: set[str] = set()
    get_template = jinja2.Environment.get_template

    def spy(self: jinja2.Environment, name: Any, *args: Any, **kwargs: Any) -> jinja2.Template:
        rendered.add(str(name))
        return get_template(self, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "get_template", spy)
    monkeypatch.setenv("GONGSHI_WORKERS", "1")  # in this process, where the spy listens
    assert module.build_golden(tmp_path / "site")
    templates = {p.name for p in (ROOT / "theme" / "templates").glob("gongshi_*.html")}
    assert templates and templates <= rendered, sorted(templates - rendered)
    # A projection refuses a non-public field, whatever template asks for it.
    rec = publish(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF).decisions[0]
    with pytest.raises(NonPublicField):
        jinja2.Environment().from_string("{{ r.data.party.minor }}").render(r=rec)


def test_builtin_checks_come_from_the_hooks_in_order() -> None:
    names = [f"{c.__module__}.{c.__name__}" for c in hooks.checks()]
    # The kinds plugin first (each kind's own checks, in kind order), then the rule modules.
    assert names[:3] == ["gongshi.model.kinds.site.rule_settings", "gongshi.model.kinds.plan.plan_years",
                         "gongshi.model.kinds.discretion.discretion_bands"]
    assert names[3] == "gongshi.checks.refs.references" and names[-1] == "gongshi.checks.catalogue.catalogue_contact"
    extra = lambda ds, as_of: []  # noqa: E731
    assert hooks.checks([extra])[-1] is extra


def test_a_check_from_an_entry_point_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sitecheck.py").write_text(
        "from gongshi.checks import check\nfrom gongshi.model.findings import Msg\n"
        "M = Msg('R-FORMAT', '本地规则', 'local rule', '', '')\n"
        "@check\ndef local(ds, as_of):\n    yield M(ds.root + '/site.yml', 1, 1)\n", encoding="utf-8")
    dist = tmp_path / "sitecheck-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: sitecheck\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[gongshi.checks]\nlocal = sitecheck\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert any(c.__name__ == "local" for c in hooks.checks())
    ds = validate(str(DATA), DEMO_AS_OF)
    assert any(f.message('en') == 'local rule' for f in ds.report)


def test_outputs_setting_adds_a_generator() -> None:
    classes = hooks.outputs({hooks.OUTPUTS_SETTING: ["gongshi.outputs.search.page:SearchPageGenerator", dict]})
    assert [c.__name__ for c in classes][:2] == ["ProvenanceGenerator", "PortalGenerator"]
    assert classes[-1] is dict and len(classes) == len(hooks.BUILTIN_OUTPUTS) + 1


def test_nothing_registers_at_import_time() -> None:
    code = ("import sys; sys.path.insert(0, 'plugins')\n"
            "from pelican import signals\n"
            "import gongshi.app.plugin, gongshi.outputs, gongshi.outputs.portal.generator, gongshi.outputs.feeds.generator, "
            "gongshi.outputs.opendata.generator, gongshi.outputs.search.page, gongshi_tools.pagefind, gongshi.outputs.portal.fragments, gongshi.checks.redaction\n"
            "from gongshi.model import hookspecs\n"
            "names = ('get_generators', 'generator_init', 'finalized', 'content_written')\n"
            "before = [len(getattr(signals, n).receivers) for n in names]\n"
            "assert before == [0, 0, 0, 0], before\n"
            "gongshi.app.plugin.register()\n"
            "after = [len(getattr(signals, n).receivers) for n in names]\n"
            "assert after == [1, 3, 1, 0], after\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_every_hook_is_documented() -> None:
    doc = hooks.__doc__ or ""
    for name in ("checks(", "outputs(", "publish(", hooks.CHECK_GROUP, hooks.OUTPUT_GROUP, hooks.OUTPUTS_SETTING,
                 "content_written", "RELATIVE_URLS", "generator_init", "finalized", "PLUGINS", "site_plugins"):
        assert name in doc, name
    from gongshi.app import plugin
    for fn in (hooks.checks, hooks.outputs, plugin.connect, hooks.checks_of, hooks.resolve):
        assert fn.__doc__, fn.__name__



def test_the_sites_own_pelican_plugins_see_every_portal_page(tmp_path: Path) -> None:
    """PLUGINS from pelicanconf.py run beside gongshi (build.site_plugins): Pelican's own sitemap
    plugin lists every page of the portal's sitemap.xml. In a subprocess: a Pelican plugin's
    receivers stay connected for the life of the process."""
    from gongshi.app.build import site_plugins
    assert site_plugins(None) == ["gongshi"]
    assert site_plugins(["pelican.plugins.sitemap"]) == ["pelican.plugins.sitemap", "gongshi"]
    assert site_plugins(["gongshi", "x"]) == ["gongshi", "x"]
    conf = tmp_path / "pelicanconf.py"
    conf.write_text(f"exec(open({str(ROOT / 'pelicanconf.py')!r}, encoding='utf-8').read())\n"
                    f"THEME = {str(ROOT / 'theme')!r}\nPATH = {str(tmp_path / 'no-content')!r}\n"
                    f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                    "PLUGINS = ['pelican.plugins.sitemap']  # gongshi is added by the build\n"
                    "SITEMAP = {'format': 'txt'}  # sitemap.txt: the portal writes its own sitemap.xml\n",
                    encoding="utf-8")
    (tmp_path / "no-content").mkdir()
    out = tmp_path / "site"
    code = ("import sys, datetime as dt; sys.path.insert(0, 'plugins')\n"
            "from gongshi.app.build import build\n"
            f"ds = build({str(ROOT / 'tests' / 'cases' / '_base')!r}, {str(out)!r}, dt.date.fromisoformat({DEMO_AS_OF.isoformat()!r}), "
            f"settings_file={str(conf)!r}, incremental=False)\n"
            "assert ds.report.ok\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=600)
    import re
    portal = re.findall(r"<loc>[a-z]+://[^/]+/([^<]*)</loc>", (out / "sitemap.xml").read_text(encoding="utf-8"))
    pages = {re.sub(r"(?:^|(?<=/))index\.html$", "", u) for u in portal if u.endswith(".html")}
    listed = {line.lstrip("/") for line in (out / "sitemap.txt").read_text(encoding="utf-8").splitlines()}
    assert len(pages) > 10
    assert pages - listed == set()
