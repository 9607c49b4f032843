"""Issue 11: hostile and broken input gives findings, never a path escape, a stale cache,
live content in an output or an internal error."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
from pathlib import Path

import pytest

from conftest import CASES
from gongshi.model import dataset
from gongshi.checks.pipeline import validate
from gongshi.cli import main
from gongshi.model.paths import safe_walk

BASE = CASES / "_base"
AS_OF = dt.date(2026, 11, 22)
SECRET = "AKIA-HUNTER2-not-for-the-log"
DECISION = (CASES / "valid" / "decision-minimal.yml").read_text(encoding="utf-8")


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GONGSHI_CACHE", "0")
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    return data


def _secret_file(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secrets.env"
    secret.parent.mkdir()
    secret.write_text(f"doc_no: {SECRET}\nAWS_SECRET: {SECRET}\n", encoding="utf-8")
    return secret


def _validate(root: Path, capsys: pytest.CaptureFixture[str], fmt: str = "text") -> tuple[int, str]:
    code = main(["validate", str(root), "--as-of", "2026-11-22", "--lang", "en", "-o", fmt])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "internal error" not in err
    return code, out + err


def _rules(ds: dataset.Dataset) -> list[tuple[str, str]]:
    return [(f.rule, f.message("en")) for f in ds.report]


# --- paths -----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "json"])
def test_symlinked_decision_outside_is_refused_and_never_read(root: Path, tmp_path: Path, fmt: str,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    link = root / "agencies/demo/decisions/2024/cf-2024-0001.yml"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(_secret_file(tmp_path))
    code, out = _validate(root, capsys, fmt)
    assert code == 1
    assert "agencies/demo/decisions/2024/cf-2024-0001.yml" in out and "outside the data folder" in out
    assert SECRET not in out and "HUNTER2" not in out


def test_symlinked_agency_folder_outside_is_an_error(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    shutil.copytree(BASE / "agencies/demo", outside)
    (root / "agencies/other").symlink_to(outside, target_is_directory=True)
    ds = validate(str(root), AS_OF)
    assert ("R-FORMAT", "'agencies/other' is a link to something outside the data folder; it is not read") \
        in _rules(ds)


def test_symlink_inside_the_folder_is_followed(root: Path) -> None:
    target = root / "agencies/demo/decisions/2024"
    target.mkdir(parents=True)
    (target / "cf-2024-0001.yml").write_text(DECISION, encoding="utf-8")
    (root / "agencies/demo/decisions/2023").symlink_to(target, target_is_directory=True)
    files, findings = safe_walk(str(root))
    rels = [rel for _, rel, _ in files if rel.endswith("cf-2024-0001.yml")]
    assert len(rels) == 1  # one real folder, walked once
    assert findings == []


def test_dangling_and_looping_links(root: Path) -> None:
    (root / "agencies/demo/decisions").mkdir()
    (root / "agencies/demo/decisions/gone.yml").symlink_to(root / "nowhere.yml")
    (root / "loop.yml").symlink_to(root / "loop.yml")
    ds = validate(str(root), AS_OF)
    msgs = [m for r, m in _rules(ds)]
    assert any("'agencies/demo/decisions/gone.yml' is a link that cannot be resolved" in m for m in msgs)
    assert any("'loop.yml' is a link that cannot be resolved" in m for m in msgs)


def test_fifo_is_an_error_and_does_not_hang(root: Path) -> None:
    folder = root / "agencies/demo/decisions/2024"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "cf-2024-0009.yml")
    ds = validate(str(root), AS_OF)
    assert ("R-FORMAT", "'agencies/demo/decisions/2024/cf-2024-0009.yml' is not a regular file (a FIFO); "
            "it is not read") in _rules(ds)
    assert not ds.report.ok


def test_read_file_refuses_a_fifo(tmp_path: Path) -> None:
    from gongshi.model.yamlread import read_file
    fifo = tmp_path / "x.yml"
    os.mkfifo(fifo)
    tree, findings = read_file(str(fifo))
    assert tree is None and [f.rule for f in findings] == ["R-FORMAT"]


def test_device_is_an_error(root: Path) -> None:
    (root / "agencies/demo/decisions").mkdir()
    (root / "agencies/demo/decisions/null.yml").symlink_to("/dev/null")  # outside: refused as a link
    files, findings = safe_walk(str(root), within=("/dev",))  # allowed there: refused as a device
    assert [f.args.get("what_en") for f in findings] == ["a character device"]
    assert all(not rel.endswith("null.yml") for _, rel, _ in files)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_is_an_error_not_a_skip(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = root / "agencies/demo/decisions/2024"
    folder.mkdir(parents=True)
    (folder / "cf-2024-0001.yml").write_text(DECISION, encoding="utf-8")
    folder.chmod(0)
    try:
        code, out = _validate(root, capsys)
    finally:
        folder.chmod(stat.S_IRWXU)
    assert code == 1
    assert "cannot read the folder 'agencies/demo/decisions/2024'" in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_an_error(root: Path) -> None:
    path = root / "agencies/demo/officers.yml"
    path.chmod(0)
    try:
        ds = validate(str(root), AS_OF)
    finally:
        path.chmod(0o644)
    assert any(r == "R-FORMAT" and "cannot read the file" in m for r, m in _rules(ds))


def test_officers_folder_where_a_file_belongs(root: Path) -> None:
    (root / "agencies/demo/officers.yml").unlink()
    (root / "agencies/demo/officers.yml").mkdir()
    (root / "agencies/demo/officers.yml/a.yml").write_text("x: 1\n", encoding="utf-8")
    ds = validate(str(root), AS_OF)
    rules = _rules(ds)
    assert ("R-FORMAT", "'agencies/demo/officers.yml' is a folder, but a file belongs here") in rules
    assert not any("officer" in m and "not found" in m for _, m in rules), rules


def test_decisions_file_where_a_folder_belongs(root: Path) -> None:
    (root / "agencies/demo/decisions").write_text("oops\n", encoding="utf-8")
    ds = validate(str(root), AS_OF)
    assert ("R-FORMAT", "'agencies/demo/decisions' is a file, but a folder belongs here") in _rules(ds)


def test_safe_walk_for_content_pages(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages/a.md").write_text("# a\n", encoding="utf-8")
    (content / "pages/b.txt").write_text("b\n", encoding="utf-8")
    (content / "pages/leak.md").symlink_to(_secret_file(tmp_path))
    files, findings = safe_walk(str(content), suffixes=(".md",))
    assert [rel for _, rel, _ in files] == ["pages/a.md"]
    assert [f.args["rel"] for f in findings] == ["pages/leak.md"]


def test_folder_that_cannot_be_listed_is_an_error(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as chmod 000 for a user who is not root (tests may run as root)."""
    folder = root / "agencies/demo/decisions/2024"
    folder.mkdir(parents=True)
    (folder / "cf-2024-0001.yml").write_text(DECISION, encoding="utf-8")
    real = os.scandir

    def scandir(path: str):  # type: ignore[no-untyped-def]
        if os.path.abspath(path) == str(folder):
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr("gongshi.model.paths.os.scandir", scandir)
    ds = validate(str(root), AS_OF)
    assert ("R-FORMAT", "cannot read the folder 'agencies/demo/decisions/2024': Permission denied; none of its "
            "records would be published") in _rules(ds)
    assert not ds.report.ok


def test_file_that_cannot_be_opened_is_an_error(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: str) -> int:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr("gongshi.model.yamlread.open_regular", refuse)
    ds = validate(str(root), AS_OF)
    assert ("R-FORMAT", "cannot read the file: Permission denied") in _rules(ds)


# --- caches ----------------------------------------------------------------------------------

@pytest.fixture()
def cached(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    from gongshi.model import parsecache as cache
    monkeypatch.setenv("GONGSHI_CACHE", "1")
    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(tmp_path / "cache"))
    cache.install()
    yield cache
    cache.uninstall()


def _minor_edit(root: Path) -> Path:
    """A decision edited so that size and mtime stay the same (tar, rsync -t, cp -p)."""
    path = root / "agencies/demo/decisions/2024/cf-2024-0001.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DECISION, encoding="utf-8")
    for p in root.rglob("*.yml"):  # older than the racy window: cacheable
        st = p.stat()
        os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns - 60 * 10**9))
    return path


def test_parse_cache_proves_a_hit_by_content(root: Path, cached) -> None:  # type: ignore[no-untyped-def]
    path = _minor_edit(root)
    first = dataset.load(str(root))
    old = next(r for r in first.of("decision") if r.file == str(path))
    st = path.stat()
    data = path.read_bytes()
    old_value = old.data["result"]
    text = data.decode("utf-8")
    assert old_value in text and len(old_value) >= 2
    new_value = old_value[::-1]  # same characters, same bytes: same size
    path.write_bytes(text.replace(old_value, new_value, 1).encode("utf-8"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    second = dataset.load(str(root))
    assert cached.Stats.misses == 1
    rec = next(r for r in second.of("decision") if r.file == str(path))
    assert rec.data["result"] == new_value
    third = dataset.load(str(root))
    assert cached.Stats.misses == 0 and next(r for r in third.of("decision")
                                              if r.file == str(path)).data["result"] == new_value


def test_foreign_and_corrupt_shards_are_ignored(root: Path, cached, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pickle
    _minor_edit(root)
    dataset.load(str(root))
    shards = list((tmp_path / "cache").rglob("*.pickle"))
    assert shards
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (os.system, (f"touch {marker}",))

    head = shards[0].read_bytes().split(b"\n", 2)
    # A pickle without the header, one with the header and a foreign global, and torn bytes.
    for payload in (pickle.dumps({"x.yml": Evil()}), b"\n".join(head[:2]) + b"\n" + pickle.dumps({"x": Evil()}),
                    b"\n".join(head[:2]) + b"\n" + b"\x80\x05garbage"):
        for shard in shards:
            shard.write_bytes(payload)
        ds = dataset.load(str(root))
        assert cached.Stats.hits == 0 and not marker.exists()
        assert ds.report.ok or ds.report


def test_wrongly_shaped_entries_are_misses(root: Path, cached, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pickle
    _minor_edit(root)
    dataset.load(str(root))
    for shard in (tmp_path / "cache").rglob("*.pickle"):
        data = shard.read_bytes()
        head, body = data.split(b"\n", 2)[:2], data.split(b"\n", 2)[2]
        entries = pickle.loads(body)
        shard.write_bytes(b"\n".join(head) + b"\n" + pickle.dumps({k: ("bad",) for k in entries}))
    plain = dataset.load(str(root))
    assert cached.Stats.hits == 0 and plain.files == cached.Stats.misses


def test_locate_answers_from_the_current_bytes(tmp_path: Path) -> None:
    from gongshi.model.yamlread import locate
    path = tmp_path / "x.yml"
    path.write_text("a: 1\nbb: 2\n", encoding="utf-8")
    st = path.stat()
    assert locate(str(path), ["bb"]) == (2, 5)
    path.write_text("bb: 2\na: 1\n", encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert locate(str(path), ["bb"]) == (1, 5)


def test_staff_index_sees_a_same_size_same_mtime_edit(root: Path, tmp_path: Path) -> None:
    from gongshi.app.staffsearch import StaffIndex
    path = _minor_edit(root)
    index = StaffIndex(str(root), str(tmp_path / "whoosh"))
    index.refresh()
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "霍邱县" in text
    path.write_text(text.replace("霍邱县", "寿县县", 1), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    again = index.refresh()
    assert again.added >= 1 and not again.rebuilt


# --- outputs ---------------------------------------------------------------------------------

@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
                                  "\t=1+1", "\r=1+1"])
def test_csv_cells_that_start_a_formula_are_quoted(cell: str, tmp_path: Path) -> None:
    import csv
    from gongshi.outputs.opendata.files import Sink, csv_cell, write_csv
    assert csv_cell(cell) == "'" + cell
    sink = Sink(str(tmp_path / "a.csv"), "csv", ["doc_no", cell])
    sink.add(Sink.encode("csv", [cell, "霍市监罚〔2024〕1号"]))
    sink.close()
    write_csv(str(tmp_path / "b.csv"), [[cell, 5000]])
    for name in ("a.csv", "b.csv"):
        with open(tmp_path / name, encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                assert not any(isinstance(c, str) and c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in row)
    assert csv_cell(5000) == 5000 and csv_cell("霍邱县") == "霍邱县" and csv_cell("") == ""


def test_every_csv_of_the_open_data_goes_through_the_sink() -> None:
    """The generator writes CSV only through Sink (csv_cell): no other csv.writer in the package."""
    import gongshi
    package = Path(gongshi.__file__).parent
    writers = [p.relative_to(package).as_posix() for p in package.rglob("*.py")
               if "csv.writer(" in p.read_text(encoding="utf-8")]
    assert writers == ["outputs/opendata/files.py"]


def test_data_dictionary_says_what_the_quote_means() -> None:
    from gongshi.outputs.opendata.dictionary import CSV_NOTE
    template = (Path(__file__).parents[2] / "theme/templates/data_dictionary.html").read_text(encoding="utf-8")
    assert CSV_NOTE[0] in template and "OWASP" in CSV_NOTE[1]


@pytest.mark.parametrize("markdown", ["经查 <img src=x\nonerror=alert(1)> 事实", "<script>\nalert(1)\n</script>事实",
                                      "<a\nhref=\"javascript:alert(1)\">事实</a>", "<!-- <img src=x onerror=a> -->事实"])
def test_feed_text_has_no_tag_even_split_across_lines(markdown: str) -> None:
    from gongshi.publication.text import plain_text
    text = plain_text(markdown)
    assert "<" not in text and "onerror" not in text and "alert" not in text
    assert "事实" in text


def test_rss_description_escapes_text_that_looks_like_html() -> None:
    import datetime as dt_
    from gongshi.outputs.feeds.entries import Entry, Feed
    from gongshi.outputs.feeds.render import render
    fields = Entry.__dataclass_fields__
    values = {"id": "tag:x,2024:a", "title": "t", "link": "https://x/a", "published": dt_.date(2024, 3, 8),
              "updated": dt_.date(2024, 3, 8), "summary": "罚款 a &lt;img src=x onerror=alert(1)&gt; <b>",
              "author": "a", "agency": "demo", "slug": "a", "uid": "u", "category": None}
    entry = Entry(**{k: values.get(k, "") for k in fields})
    ffields = Feed.__dataclass_fields__
    fvalues = {"key": "all", "title": "t", "subtitle": "s", "page": "index.html", "updated": dt_.date(2024, 3, 8),
               "entries": [entry]}
    feed = Feed(**{k: fvalues.get(k, "") for k in ffields})
    rss = render(feed, "rss", "https://x", "site").decode("utf-8")
    # After XML decoding the description is HTML; text "<b>" must stay text: &amp;lt;b&amp;gt; in the XML.
    assert "&amp;lt;b&amp;gt;" in rss and "&lt;b&gt;" not in rss.replace("&amp;lt;b&amp;gt;", "")


@pytest.mark.parametrize("html", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                                  "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"//evil.example/x\">x</a>",
                                  "<a href=\" /\\evil.example\">x</a>", "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
                                  "<p onclick=\"alert(1)\">x</p>", "<iframe src=\"https://evil.example\"></iframe>"])
def test_record_and_page_sanitiser_refuse_active_content(html: str) -> None:
    from gongshi.outputs.portal.markup import sanitize, sanitize_page
    for out in (sanitize(html), sanitize_page(html)):
        low = out.lower()
        assert "<script" not in low and "onerror" not in low and "onclick" not in low and "onload" not in low
        assert "javascript:" not in low and "data:" not in low and "evil" not in low and "<iframe" not in low


def test_page_sanitiser_keeps_what_markdown_pages_need() -> None:
    from gongshi.outputs.portal.markup import sanitize_page
    html = ('<h2 id="gong-kai">公开什么</h2><p><a href="/pages/about.html">关于</a> <img alt="图" src="/img/a.png"></p>'
            '<table><thead><tr><th align="left">a</th></tr></thead></table>')
    out = sanitize_page(html)
    assert 'id="gong-kai"' in out and 'href="/pages/about.html"' in out and 'src="/img/a.png"' in out
    assert '<th align="left">' in out


def test_content_object_init_sanitises_pelican_content() -> None:
    from gongshi.outputs.portal.markup import on_content_object_init

    class Page:
        _content = "<p>x</p><script>alert(1)</script><img src=x onerror=alert(1)>"
        metadata = {"summary": "<a href=\"javascript:alert(1)\">s</a>"}

    page = Page()
    on_content_object_init(page)
    assert "script" not in page._content and "onerror" not in page._content
    assert "javascript" not in page.metadata["summary"]


def test_content_hook_is_connected() -> None:
    from gongshi.model import hookspecs as hooks
    assert ("content_object_init", "gongshi.outputs.portal.markup:on_content_object_init") in hooks.SIGNALS


def test_built_content_page_is_sanitised(root: Path, tmp_path: Path) -> None:
    """A Markdown page with a script, an event handler and hostile links is published harmless."""
    from gongshi.app.build import build
    content = tmp_path / "content" / "pages"
    content.mkdir(parents=True)
    (content / "evil.md").write_text(
        "Title: 说明\nSlug: evil\n\n正文<script>alert('x')</script>\n\n<img src=x\nonerror=alert(1)>\n\n"
        "[点我](javascript:alert(1)) [外站](//evil.example/p) <a href=\"data:text/html,x\">d</a>\n",
        encoding="utf-8")
    out = tmp_path / "output"
    cwd = os.getcwd()
    os.chdir(Path(__file__).parents[2])
    try:
        # The base's own findings (rules other work is changing) are not this test's business;
        # the hostile page must give none and be published harmless.
        ds = validate(str(root), AS_OF, content=str(content.parent))
        assert not [f for f in ds.report if "evil" in f.file], ds.report.to_text("en")
        ds.report.findings = []
        ds = build(str(root), str(out), AS_OF, settings_file="pelicanconf.py", content=str(content.parent),
                   dataset=ds)
    finally:
        os.chdir(cwd)
    assert ds.report.ok, ds.report.to_text("en")
    pages = [p for p in out.rglob("*.html") if "evil" in p.name or "evil" in p.parent.name]
    assert pages, sorted(str(p.relative_to(out)) for p in out.rglob("*.html"))[:50]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "正文" in html
        assert "alert" not in html and "onerror" not in html and "evil.example" not in html and "data:text" not in html


# --- line endings ----------------------------------------------------------------------------

@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_any_line_ending_gives_the_same_findings(root: Path, ending: str) -> None:
    path = root / "agencies/demo/decisions/2024/cf-2024-0001.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "\n".join(line for line in DECISION.splitlines() if not line.startswith("#"))
    path.write_bytes((body.replace("decided: 2024-03-05", "decided: 2024-3-5") + "\n").replace("\n", ending)
                     .encode("utf-8"))
    ds = validate(str(root), AS_OF)
    assert [(f.rule, f.line, f.column) for f in ds.report if f.file == str(path)] == [("R-FORMAT", 13, 10)]


def test_cr_only_file_with_personal_data(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Was an IndexError in the redaction locator (lines counted by '\\n' only, libyaml counts CR)."""
    path = root / "agencies/demo/decisions/2024/cf-2024-0001.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "\n".join(line for line in DECISION.splitlines() if not line.startswith("#"))
    body = body.replace("facts: 经查，", "facts: 经查，当事人身份证号110101199003074514，")
    path.write_bytes(body.replace("\n", "\r").encode("utf-8"))
    code, out = _validate(root, capsys)
    assert code == 1 and "R-REDACT" in out
