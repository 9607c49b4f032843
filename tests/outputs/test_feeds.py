"""Feeds (issue 6): well-formed RSS and Atom, stable ids, right dates, only public records."""
from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import feedparser
import pytest

from conftest import DATA, DEMO_AS_OF, ROOT
from gongshi.checks.pipeline import validate
from gongshi.outputs.feeds import entries
from gongshi.outputs.feeds.render import render
from gongshi.publication.text import plain_text, xml_safe
from gongshi.model.kinds import Record
from gongshi.publication import publish
from gongshi.publication import view
from gongshi.policy.visibility import visibility

BASE = "https://zfgs.example.gov.cn"  # data/site.yml's url; pelicanconf's SITEURL is ""


@pytest.fixture(scope="module")
def public() -> entries.Publication:
    ds = validate(str(DATA), DEMO_AS_OF)
    return publish(ds, DEMO_AS_OF)


def _raw(rec, ds=None):  # the validated record behind a public view (tests only)
    ds = ds or validate(str(DATA), DEMO_AS_OF)
    return next(r for r in ds.of(rec.kind) if r.uid == rec.uid)


def feed_files(site: Path) -> list[Path]:
    return sorted((site / "feeds").rglob("*.xml"))


def parse(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    return parsed


def day(struct: object) -> dt.date:
    # Entries are dated at midnight in China, which feedparser gives back in UTC.
    return (dt.datetime(*struct[:6]) + dt.timedelta(hours=8)).date()  # type: ignore[index]


def test_every_feed_is_written_in_both_formats(demo_site: Path, public: entries.Publication) -> None:
    names = {p.relative_to(demo_site).as_posix() for p in feed_files(demo_site)}
    scopes = ["all", "revocations"] + [f"agency/{a}" for a in public.agencies] + [
        f"category/{c}" for c in entries.CATEGORY_SLUGS.values()]
    for scope in scopes:
        assert {f"feeds/{scope}.atom.xml", f"feeds/{scope}.rss.xml"} <= names
    assert (demo_site / "feeds" / "index.html").is_file()


def test_feeds_parse_with_unique_ids_and_right_dates(demo_site: Path, public: entries.Publication) -> None:
    by_id = {entries.tag_uri("zfgs.example.gov.cn", r): r for r in public.decisions}
    for path in feed_files(demo_site):
        parsed = parse(path)
        ids = [e.id for e in parsed.entries]
        assert len(ids) == len(set(ids)), path
        assert len(ids) <= entries.LIMIT
        atom = path.name.endswith(".atom.xml")
        assert parsed.version == ("atom10" if atom else "rss20"), path
        for e in parsed.entries:
            assert e.id.startswith("tag:zfgs.example.gov.cn,"), e.id
            assert e.link.startswith(BASE + "/"), e.link
            rec = by_id.get(e.id)
            if rec is None:
                continue  # a correction or revocation entry, checked below
            assert day(e.published_parsed) == rec.data["published"]
            if atom:
                assert day(e.updated_parsed) == entries.updated_of(rec)
            assert e.title.startswith(rec.data["doc_no"])


def test_each_feed_is_the_newest_fifty_public_decisions_of_its_scope(demo_site: Path,
                                                                     public: entries.Publication) -> None:
    ranked = sorted((entries.decision_entry(r, "", BASE) for r in public.decisions),
                    key=entries.Entry.order)
    scopes = {"all": ranked}
    for slug in public.agencies:
        scopes[f"agency/{slug}"] = [e for e in ranked if e.agency == slug]
    for cat, word in entries.CATEGORY_SLUGS.items():
        scopes[f"category/{word}"] = [e for e in ranked if e.category == cat]
    for scope, want in scopes.items():
        for fmt in ("atom", "rss"):
            got = [e.id for e in parse(demo_site / "feeds" / f"{scope}.{fmt}.xml").entries]
            assert got == [e.id for e in want[:entries.LIMIT]], scope


def test_no_hidden_record_in_any_feed(demo_site: Path, public: entries.Publication) -> None:
    public_ids = {entries.tag_uri("zfgs.example.gov.cn", r) for r in public.decisions}
    notice_ids = {entries.tag_uri("zfgs.example.gov.cn", r) for r in public.notices}
    assert notice_ids and public_ids.isdisjoint(notice_ids)
    for path in feed_files(demo_site):
        for e in parse(path).entries:
            record_id = "/".join(e.id.split("/")[:2])  # tag:…:agency/slug without a suffix
            if path.name.startswith("revocations."):
                assert record_id in public_ids or (record_id in notice_ids and "/revocation/" in e.id)
            else:
                assert e.id in public_ids, (path, e.id)


def test_revocation_notice_has_doc_no_date_and_reason_only(demo_site: Path, public: entries.Publication) -> None:
    rec = public.notices[0]
    parsed = parse(demo_site / "feeds" / "revocations.atom.xml")
    found = [e for e in parsed.entries if e.id.startswith(entries.tag_uri("zfgs.example.gov.cn", rec) + "/revocation/")]
    assert len(found) == 1
    day_, reason = rec.revocation.date, rec.revocation.reason
    text = found[0].summary
    assert rec.data["doc_no"] in text and day_.isoformat() in text and reason in text
    raw = _raw(rec)
    assert raw.data["party"]["name"] not in text + found[0].title
    assert raw.data["result"] not in text


def test_feeds_are_deterministic(public: entries.Publication) -> None:
    a = [render(f, fmt, BASE, "x") for f in entries.plan(public, BASE) for fmt in ("atom", "rss")]
    b = [render(f, fmt, BASE, "x") for f in entries.plan(public, BASE) for fmt in ("atom", "rss")]
    assert a == b
    assert b"lastBuildDate" in b[1] and str(DEMO_AS_OF.year).encode() in b[1]


def test_correction_moves_updated_but_keeps_the_id(public: entries.Publication) -> None:
    rec = next(r for r in public.decisions if r.history)
    entry = entries.decision_entry(rec, "x", BASE)
    assert entry.updated == max(h["date"] for h in rec.history)
    assert entry.id == f"tag:zfgs.example.gov.cn,{rec.data['published'].year}:{rec.agency}/{rec.slug}"
    before = entries.decision_entry(view(_raw(rec), rec.data["published"]), "x", BASE)
    assert before.updated == rec.data["published"] and before.id == entry.id


def test_control_characters_never_reach_feedgen(public: entries.Publication) -> None:
    rec = public.decisions[0]
    dirty = dict(rec.data, result="罚款\x0b人民币\x00五万元", facts="经查\x1f，**当事人**……")
    clone = view(Record(rec.kind, rec.file, dirty, rec.agency, rec.slug, None, rec.year), DEMO_AS_OF)
    feed = entries.Feed("all", "t\x0c", "s", "feeds/all", "index.html",
                        [entries.decision_entry(clone, "机关\x08", BASE)], DEMO_AS_OF)
    for fmt in ("atom", "rss"):
        xml = render(feed, fmt, BASE, "站")
        assert b"CDATA" not in xml
        parsed = feedparser.parse(xml)
        assert parsed.bozo == 0
        assert "罚款人民币五万元" in parsed.entries[0].summary


def test_plain_text_strips_markdown() -> None:
    assert plain_text("# 标题\n\n__经查__，[链接](http://x)\n\n- 一\n- 二") == "标题\n经查，链接\n一\n二"
    assert plain_text("**139****1234**") == "**139****1234**"  # `*` is the mask character, kept
    assert xml_safe("a\x0bb\tc") == "ab\tc"


def test_site_url_prefers_absolute_siteurl() -> None:
    assert entries.site_url({"SITEURL": "https://a.example/"}, {"url": "https://b.example"}) == "https://a.example"
    assert entries.site_url({"SITEURL": ""}, {"url": "https://b.example/"}) == "https://b.example"


@pytest.mark.slow
def test_expired_decision_leaves_every_feed(tmp_path: Path, public: entries.Publication) -> None:
    """Build as of the day after a window ends: the decision is in no feed any more."""
    from gongshi.app.build import build
    last = min((v.last_day, uid) for uid, v in public.status.items() if v.public and v.last_day)
    rec = next(r for r in public.decisions if r.uid == last[1])
    assert visibility(_raw(rec), last[0], public.policy).public
    after = last[0] + dt.timedelta(days=1)
    out = tmp_path / "out"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        ds = build(str(DATA), str(out), after, settings_file=str(ROOT / "publishconf.py"))
    finally:
        os.chdir(cwd)
    assert ds.report.ok
    tag = entries.tag_uri("zfgs.example.gov.cn", rec)
    for path in feed_files(out):
        xml = path.read_text(encoding="utf-8")
        assert tag not in xml and rec.data["doc_no"] not in xml, path
    shutil.rmtree(out)


def test_every_feed_link_is_a_page_of_the_site(demo_site: Path) -> None:
    for path in feed_files(demo_site):
        parsed = parse(path)
        links = [parsed.feed.link] + [e.link for e in parsed.entries]
        for link in links:
            assert link.startswith(BASE + "/"), link
            assert (demo_site / link[len(BASE) + 1:]).is_file(), (path.name, link)


def test_pages_announce_the_feeds(demo_site: Path) -> None:
    page = (demo_site / "feeds" / "index.html").read_text(encoding="utf-8")
    for path in feed_files(demo_site):
        assert f'/{path.relative_to(demo_site).as_posix()}"' in page
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert 'rel="alternate" type="application/atom+xml" href="/feeds/all.atom.xml"' in home


def test_withdrawn_and_revoked_decisions_leave_every_feed() -> None:
    """Withdraw one decision and revoke another: both leave every decision feed at once;
    the revoked one is a notice (doc_no, date, reason) in the revocations feed."""
    ds = validate(str(DATA), DEMO_AS_OF)
    before = publish(ds, DEMO_AS_OF)
    gone, revoked = _raw(before.decisions[0], ds), _raw(before.decisions[1], ds)
    gone.data = dict(gone.data, withdrawn={"date": DEMO_AS_OF, "reason": "决定被撤销"})
    revoked.data = dict(revoked.data, status="已撤销", history=[
        *(revoked.data.get("history") or []), {"date": DEMO_AS_OF, "action": "撤销", "note": "经复议撤销"}])
    after = publish(ds, DEMO_AS_OF)
    feeds = entries.plan(after, BASE)
    gone, revoked = view(gone, DEMO_AS_OF), view(revoked, DEMO_AS_OF)
    for rec in (gone, revoked):
        tag = entries.tag_uri("zfgs.example.gov.cn", rec)
        for feed in feeds:
            ids = [e.id for e in feed.entries]
            assert tag not in ids, feed.scope
            if feed.scope != "revocations":
                assert not any(i.startswith(tag + "/") for i in ids)
    notices = [e for e in feeds[-1].entries if e.uid == revoked.uid]
    assert [e.id for e in notices] == [entries.tag_uri("zfgs.example.gov.cn", revoked, "revocation",
                                                        DEMO_AS_OF.isoformat())]
    assert notices[0].summary == f"{revoked.data['doc_no']}已于{DEMO_AS_OF.isoformat()}撤销。撤销原因：经复议撤销"
    assert not any(e.uid == gone.uid for e in feeds[-1].entries)
    # The next newest decision moves up; nothing else changes order.
    assert [e.uid for e in feeds[0].entries[:3]] == [r.uid for r in sorted(
        after.decisions, key=lambda r: (-entries.updated_of(r).toordinal(), r.agency, r.slug))[:3]]


def test_an_empty_feed_is_dated_by_the_newest_content_not_the_build_day(public: entries.Publication) -> None:
    feeds = entries.plan(public, BASE)
    empty = [f for f in feeds if not f.entries]
    assert empty, "the demo has categories without decisions"
    newest = max(f.updated for f in feeds if f.entries)
    assert newest < DEMO_AS_OF
    assert all(f.updated == newest for f in empty)
