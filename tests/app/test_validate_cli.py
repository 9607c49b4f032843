"""`gongshi validate`: output shapes, exit codes, --lang, --strict, grouping by file."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CASES, DATA, ROOT
from gongshi.model import dataset
from gongshi.cli import main

_SCRIPT = Path(sys.executable).parent / "gongshi"  # the installed entry point, as a clerk runs it
GONGSHI = [str(_SCRIPT)] if _SCRIPT.exists() else [
    sys.executable, "-c", "import sys; from gongshi.cli import main; sys.exit(main())"]
AS_OF = ["--as-of", "2024-05-20"]
FIELDS = ["severity", "rule", "file", "line", "column", "message", "hint"]


@pytest.fixture(autouse=True)
def _no_parse_cache_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """`main()` installs the parse cache for the whole process; undo it after each test."""
    monkeypatch.setattr(dataset, "RUNNER", None)

DECISION = """\
doc_no: 霍市监罚〔2024〕{n}号
category: 行政处罚
item: 340000-CF-001
party:
  type: 法人
  name: 霍邱县福源食品有限公司
  credit_code: 91341522MA2N0ABCDX
  legal_representative: 李某
facts: 经查，当事人销售超过保质期的饼干，货值金额共计人民币320元。
result: 罚款人民币伍仟元整。
penalty: {{kinds: [罚款], fine: 5000}}
decided: {decided}
published: {published}
officers: [o-0003, o-0004]
major: false
status: 有效
violation_type: 销售超过保质期的食品
basis: [{{title: 中华人民共和国食品安全法, article: 第一百二十四条}}]
"""


@pytest.fixture()
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the case base in tmp_path/data, with tmp_path as the current directory."""
    root = tmp_path / "data"
    shutil.copytree(CASES / "_base", root)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GONGSHI_CACHE", "0")
    return root


def decision(root: Path, n: int, decided: str = "2024-03-05", published: str = "2024-03-08") -> Path:
    path = root / "agencies" / "demo" / "decisions" / decided[:4] / f"cf-{decided[:4]}-{n:04d}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DECISION.format(n=n, decided=decided, published=published), encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    """The real command in a subprocess: exit code, stdout, stderr."""
    env = dict(os.environ, GONGSHI_CACHE="0", PYTHONPATH=str(ROOT / "plugins"))
    p = subprocess.run([*GONGSHI, *args], capture_output=True, text=True, env=env, timeout=120)
    return p.returncode, p.stdout, p.stderr


def test_demo_data_exits_0() -> None:
    code, out, err = run("validate", str(DATA), "--as-of", "2026-11-22", "-o", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert [f for f in doc["findings"] if f["severity"] == "error"] == []


def test_json_shape_and_relative_file(data: Path) -> None:
    bad = decision(data, 1)
    bad.write_text(bad.read_text(encoding="utf-8").replace("decided: 2024-03-05", "decided: 2024-3-5"),
                   encoding="utf-8")
    code, out, err = run("validate", "data", *AS_OF, "-o", "json")
    assert code == 1 and err == ""
    doc = json.loads(out)
    assert list(doc) == ["findings"]
    [f] = [f for f in doc["findings"] if f["rule"] == "R-FORMAT"]
    assert list(f) == FIELDS
    assert f == {"severity": "error", "rule": "R-FORMAT", "file": "data/agencies/demo/decisions/2024/cf-2024-0001.yml",
                 "line": 12, "column": 10, "message": "“decided”应为 YYYY-MM-DD 格式的日期，而不是“2024-3-5”",
                 "hint": "例如 2024-03-05（月、日补足两位）"}


def test_json_file_paths(data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (data / "agencies" / "demo" / "notes.yml").write_text("a: 1\n", encoding="utf-8")
    monkeypatch.chdir(data / "agencies")
    assert main(["validate", "..", *AS_OF, "-o", "json"]) == 1
    [f] = json.loads(capsys.readouterr().out)["findings"]
    assert f["file"] == "demo/notes.yml" and f["line"] == 1 and f["column"] == 1


def test_exit_0_when_only_warnings_and_strict_turns_them_into_errors(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    decision(data, 1, published="2024-04-10")  # late: an R-DEADLINE warning, not an error
    assert main(["validate", "data", *AS_OF, "-o", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert findings and {f["severity"] for f in findings} == {"warning"}
    assert main(["validate", "data", *AS_OF, "-o", "json", "--strict"]) == 1
    strict = json.loads(capsys.readouterr().out)["findings"]
    assert {f["severity"] for f in strict} == {"error"}
    assert [(f["rule"], f["line"]) for f in strict] == [(f["rule"], f["line"]) for f in findings]


def test_clean_data_exits_0(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    decision(data, 1)
    assert main(["validate", "data", *AS_OF]) == 0
    assert capsys.readouterr().out.strip() == "共 0 个错误，0 个警告。"
    assert main(["validate", "data", *AS_OF, "--lang", "en", "-o", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"findings": []}


def test_lang_en(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = decision(data, 1)
    path.write_text(path.read_text(encoding="utf-8").replace("major: false", "major: yes"), encoding="utf-8")
    assert main(["validate", "data", *AS_OF, "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "error R-FORMAT 'major' must be true or false, not 'yes'" in out
    assert "  hint: write true or false (unquoted; not yes/no/on/off)" in out
    assert out.rstrip().endswith("1 error(s), 0 warning(s).")
    assert main(["validate", "data", *AS_OF]) == 1
    out = capsys.readouterr().out
    assert "error R-FORMAT “major”应为 true 或 false，而不是“yes”" in out and "  提示: " in out


def test_text_output_groups_findings_by_file(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = decision(data, 1)
    a.write_text(a.read_text(encoding="utf-8").replace("major: false", "major: yes")
                 .replace("status: 有效", "status: 有效的"), encoding="utf-8")
    (data / "agencies" / "demo" / "notes.yml").write_text("a: 1\n", encoding="utf-8")
    b = decision(data, 2)
    b.write_text(b.read_text(encoding="utf-8").replace("officers: [o-0003, o-0004]", "officers: [o-0003, o-0999]"),
                 encoding="utf-8")
    assert main(["validate", "data", *AS_OF]) == 1
    lines = capsys.readouterr().out.splitlines()
    pa, pb = "data/agencies/demo/decisions/2024/cf-2024-0001.yml", "data/agencies/demo/decisions/2024/cf-2024-0002.yml"
    pn = "data/agencies/demo/notes.yml"
    # A group: the file's path on a line of its own, then `path:line:col: severity rule message`
    # lines each followed by its hint, then a blank line; files in path order.
    groups = "\n".join(lines).split("\n\n")
    assert [g.splitlines()[0] for g in groups[:-1]] == [pa, pb, pn]
    assert groups[0].splitlines()[1:] == [
        f"{pa}:15:8: error R-FORMAT “major”应为 true 或 false，而不是“yes”",
        "  提示: 只写 true 或 false（不加引号，不用 yes/no/是/否）",
        f"{pa}:16:9: error R-FORMAT “status”的值“有效的”不在允许范围内，您是否想写“有效”？",
        "  提示: 允许的值：有效、已撤销、已更正"]
    assert groups[1].splitlines()[1] == f"{pb}:14:20: error R-REF 人员编号“o-0999”在本主体的 officers.yml 中不存在"
    assert groups[2].splitlines()[1].startswith(f"{pn}:1:1: error R-FORMAT 文件位置不对")
    assert groups[-1] == "共 4 个错误，0 个警告。"


@pytest.mark.parametrize("args", [
    ["validate", "data", "--as-of", "2024-5-20"],
    ["validate", "data", "--as-of", "2024-02-30"],
    ["validate", "data", "-o", "xml"],
    ["validate", "data", "--lang", "fr"],
    ["validate", "data", "--no-such-option"],
    ["validate", "no-such-folder"],
    ["no-such-command"],
])
def test_bad_usage_exits_2(data: Path, args: list[str]) -> None:
    code, out, err = run(*args)
    assert code == 2, (out, err)
    assert "Traceback" not in err and err.strip()


def test_no_traceback_for_garbage(data: Path) -> None:
    (data / "agencies" / "demo" / "items.yml").write_bytes(bytes(range(256)) * 4)
    (data / "site.yml").write_bytes(b"\xff\xfe" + "名称: 平台".encode("utf-16-le"))
    decision(data, 1).write_bytes("doc_no: 霍市监罚〔2024〕1号\nparty: [\n".encode("gb18030"))
    code, out, err = run("validate", "data", *AS_OF)
    assert code == 1 and "Traceback" not in out + err and err == ""
    assert "文件不是 UTF-8 编码" in out and "UTF-16" in out and "GBK/GB18030" in out


def test_a_repeated_message_is_one_line_in_text_and_every_finding_in_json(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 21, item 6: six decisions without officers (as an import writes them) are one grouped
    line with the count, the places and a bulk hint; the single error keeps its own lines; -o json
    still lists each finding."""
    for n in range(1, 7):
        p = decision(data, n)
        p.write_text(p.read_text(encoding="utf-8").replace("officers: [o-0003, o-0004]\n", ""), encoding="utf-8")
    one = decision(data, 7)
    one.write_text(one.read_text(encoding="utf-8").replace("major: false", "major: yes"), encoding="utf-8")
    assert main(["validate", "data", *AS_OF, "--lang", "en"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    folder = "data/agencies/demo/decisions/2024"
    grouped = [ln for ln in lines if "R-TWO" in ln]
    assert grouped == [
        "warning R-TWO ×6 only 0 enforcement officer(s) acted; at least two must (6 times in 6 file(s): "
        + ", ".join(f"{folder}/cf-2024-{n:04d}.yml:1" for n in range(1, 7)) + ")"]
    hint = lines[lines.index(grouped[0]) + 1]
    assert hint.startswith("  hint: none of these decisions names its officers") and "import --update" in hint
    assert f"{folder}/cf-2024-0007.yml:15:8: error R-FORMAT 'major' must be true or false, not 'yes'" in lines
    assert lines[-1] == "1 error(s), 6 warning(s)."
    assert main(["validate", "data", *AS_OF, "-o", "json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert sum(f["rule"] == "R-TWO" for f in found) == 6


def test_a_file_or_folder_inside_the_data_shows_only_its_findings(tmp_path: Path, capsys: Any) -> None:
    """`gongshi validate FILE` checks the whole data folder (references need it) and shows the
    findings of that file; a folder inside it, those below it."""
    from gongshi.cli import main
    late = DATA / "agencies" / "safety" / "decisions" / "2024" / "cf-2024-0006.yml"
    assert main(["validate", str(late), "--as-of", "2026-11-22", "-o", "json"]) == 0
    files = {f["file"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert files and all(f.endswith("cf-2024-0006.yml") for f in files)
    assert main(["validate", str(DATA / "agencies" / "market"), "--as-of", "2026-11-22", "-o", "json"]) == 0
    assert all("/agencies/market/" in f["file"] for f in json.loads(capsys.readouterr().out)["findings"])
    stray = tmp_path / "x.yml"
    stray.write_text("a: 1\n", encoding="utf-8")
    assert main(["validate", str(stray)]) == 2
