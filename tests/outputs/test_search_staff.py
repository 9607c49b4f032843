"""Staff search (`gongshi search`): every record, public or not, with the reason it is hidden;
field queries, filters, and an index brought up to date after a file is edited."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, DEMO_AS_OF

from gongshi.checks.pipeline import validate
from gongshi.cli import main
from gongshi.publication import Publication, publish
from gongshi.outputs.search.docno import normalise
from gongshi.app.staffsearch import SearchError, StaffIndex, parse, schema

AS_OF = DEMO_AS_OF.isoformat()


@pytest.fixture(scope="module")
def ps() -> Publication:
    return publish(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)


@pytest.fixture(scope="module")
def demo_index(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("whoosh"))
    StaffIndex(str(DATA), folder).refresh()
    return folder


def run(capsys: Any, *args: str) -> tuple[int, Any]:
    code = main(["search", *args, "--as-of", AS_OF, "-o", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else None


def hidden(ps: Publication, reason: str) -> Any:
    return next(r for r in validate(str(DATA), DEMO_AS_OF).of("decision")
                if ps.status[r.uid].reason == reason)


def test_document_number_finds_the_record(capsys: Any, demo_index: str, ps: Publication) -> None:
    rec = ps.decisions[5]
    code, out = run(capsys, rec.data["doc_no"], "--index", demo_index)
    assert code == 0 and out["total"] == 1
    assert out["hits"][0]["doc_no"] == rec.data["doc_no"] and out["hits"][0]["public"] is True
    # as a field query, with square brackets
    loose = rec.data["doc_no"].replace("〔", "[").replace("〕", "]")
    code, out = run(capsys, f"doc_no:{loose}", "--index", demo_index)
    assert [h["doc_no"] for h in out["hits"]] == [rec.data["doc_no"]]


@pytest.mark.parametrize("reason", ["embargo", "expired", "withdrawn", "minor", "revoked"])
def test_hidden_records_are_found_and_marked(capsys: Any, demo_index: str, ps: Publication,
                                             reason: str) -> None:
    rec = hidden(ps, reason)
    code, out = run(capsys, rec.data["doc_no"], "--index", demo_index)
    hit = out["hits"][0]
    assert code == 0 and hit["doc_no"] == rec.data["doc_no"]
    assert hit["public"] is False and hit["reason"] == reason
    assert os.path.abspath(os.path.join(DATA, hit["file"])) == os.path.abspath(rec.file)


def test_text_output_says_why_a_record_is_hidden(capsys: Any, demo_index: str, ps: Publication) -> None:
    rec = hidden(ps, "expired")
    assert main(["search", rec.data["doc_no"], "--index", demo_index, "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert "[未公开：公示期已届满]" in out and rec.data["doc_no"] in out
    assert main(["search", rec.data["doc_no"], "--index", demo_index, "--as-of", AS_OF, "--lang", "en"]) == 0
    assert "[not public: expired]" in capsys.readouterr().out


def test_party_field_and_filters(capsys: Any, demo_index: str, ps: Publication) -> None:
    rec = next(r for r in ps.decisions if r.data["party"]["type"] == "法人")
    name = rec.data["party"]["name"]
    code, out = run(capsys, f"party:{name}", "--index", demo_index, "--all")
    assert rec.data["doc_no"] in {h["doc_no"] for h in out["hits"]}
    assert all(h["kind"] == "decision" for h in out["hits"])
    code, every = run(capsys, "罚款", "--index", demo_index, "--all")
    code, market = run(capsys, "罚款", "--index", demo_index, "--all", "--agency", "market")
    assert 0 < market["total"] < every["total"]
    assert {h["agency"] for h in market["hits"]} == {"market"}
    code, dated = run(capsys, "罚款", "--index", demo_index, "--all", "--agency", "market",
                      "--category", "行政处罚", "--from", "2025-01-01", "--to", "2025-12-31")
    assert 0 < dated["total"] < market["total"]
    assert all(h["category"] == "行政处罚" and h["decided"].startswith("2025") for h in dated["hits"])


def test_limit_and_all(capsys: Any, demo_index: str) -> None:
    code, some = run(capsys, "霍邱县", "--index", demo_index)
    code, every = run(capsys, "霍邱县", "--index", demo_index, "--all")
    assert len(some["hits"]) == 20 < every["total"] == len(every["hits"])


def test_no_match_and_bad_input(capsys: Any, demo_index: str, tmp_path: Path) -> None:
    assert run(capsys, "没有这个词语啊", "--index", demo_index)[0] == 1
    assert main(["search", "x", "--data", str(tmp_path / "missing")]) == 2
    assert "does not exist" in capsys.readouterr().err
    with pytest.raises(SearchError):
        parse("   ", schema())


def test_index_follows_edits(data_copy: Path, tmp_path: Path) -> None:
    ix = StaffIndex(str(data_copy), str(tmp_path / "ix"))
    first = ix.refresh()
    assert first.rebuilt and first.added > 300
    assert ix.refresh().added == 0  # nothing changed: nothing re-read
    path = next(data_copy.glob("agencies/market/decisions/2025/cf-*.yml"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", "title: 独一无二标记词", 1), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    again = ix.refresh()
    assert (again.added, again.removed, again.rebuilt) == (1, 0, False)
    hits = ix.search("独一无二标记词", as_of=DEMO_AS_OF).hits
    assert [h.file for h in hits] == [path.relative_to(data_copy).as_posix()]
    path.unlink()
    gone = ix.refresh()
    assert gone.removed == 1 and ix.search("独一无二标记词", as_of=DEMO_AS_OF).total == 0


def test_default_index_lives_in_the_cache_folder(data_copy: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["search", "霍邱县", "--data", str(data_copy), "--as-of", AS_OF]) == 0
    assert list((tmp_path / ".cache" / "whoosh").glob("*/gongshi-manifest.json"))
    capsys.readouterr()


def test_normalise_document_numbers() -> None:
    assert normalise("霍市监罚〔2024〕15号") == normalise("霍市监罚[2024]015号") == "霍市监罚2024-15"
    assert normalise("霍市监罚（2024）15") == "霍市监罚2024-15"
    assert normalise("食品安全") is None


@pytest.mark.parametrize("q", ["过期食品", "保质期", "食品经营许可", "霍邱县万家超市", "排污"])
def test_staff_finds_at_least_what_the_public_page_finds(demo_index: str, q: str) -> None:
    # The public page's hits (search.js): documents holding every character of the query.
    from gongshi.app import plugin
    from gongshi.outputs.search.index import documents, fold
    docs = documents(plugin.publication({"GONGSHI_DATA": str(DATA), "GONGSHI_AS_OF": DEMO_AS_OF}))
    public = {d.doc_no for d in docs if d.kind == "decision" and all(c in fold(d.text()) for c in fold(q))}
    assert public, q
    found = StaffIndex(str(DATA), demo_index).search(q, as_of=DEMO_AS_OF, limit=None)
    assert public <= {h.doc_no for h in found.hits}, q
    assert any(not h.visibility.public and h.visibility.reason for h in found.hits) or q == "霍邱县万家超市"
