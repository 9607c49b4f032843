"""gongshi.runtime.lazyre: patterns compiled on first use answer as compiled ones do."""
from __future__ import annotations

import re

from gongshi.runtime import lazyre


def test_not_compiled_until_used_then_the_compiled_methods() -> None:
    p = lazyre.compile(r"(\d+)元", re.I)
    assert isinstance(p, lazyre.LazyPattern) and "search" not in vars(p)
    assert p.pattern == r"(\d+)元"  # composing another pattern compiles nothing
    assert "search" not in vars(p)
    m = p.search("罚款500元")
    assert m is not None and m.group(1) == "500"
    assert isinstance(p.search.__self__, re.Pattern)  # later calls go straight to the compiled pattern
    assert p.flags & re.I and p.groups == 1


def test_every_method_answers_as_re() -> None:
    text = "张三 100元，李四 20元"
    lazy, real = lazyre.compile(r"(\d+)元"), re.compile(r"(\d+)元")
    assert [m.span() for m in lazy.finditer(text, 3)] == [m.span() for m in real.finditer(text, 3)]
    assert lazy.findall(text) == real.findall(text)
    assert lazy.sub("x", text) == real.sub("x", text) and lazy.subn("x", text, 1) == real.subn("x", text, 1)
    assert lazy.split(text) == real.split(text)
    assert lazyre.compile("李四").match(text, 8) is not None and lazyre.compile("张三").fullmatch("张三")
    assert lazyre.escape("a.b") == re.escape("a.b") and lazyre.findall is re.findall


PATTERNS = [(r"(?P<amount>\d+)\s*元", 0), (r"[\u4e00-\u9fff]{2,4}(?=（男|，女)", 0), (r"(?:^|(?<=[，。]))(?=(张|王|欧阳)[\u4e00-\u9fff])", 0),
            (r"e-?mail\s*:\s*(\S+)", int(re.I)), (r"^\s*\|.*\|\s*$", int(re.M))]
TEXT = "当事人张三（男，1980年生），罚款 500 元。\nE-MAIL: zs@example.com\n| 王五 | 女 |\n，欧阳娜娜，女"


def _fresh(monkeypatch, cache_dir) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("GONGSHI_CACHE", "1")
    monkeypatch.setattr(lazyre, "_codes", None)
    monkeypatch.setattr(lazyre, "_added", {})


def _same(p: re.Pattern[str], pattern: str, flags: int) -> None:
    q = re.compile(pattern, flags)
    assert (p.pattern, p.flags, p.groups, dict(p.groupindex)) == (q.pattern, q.flags, q.groups, dict(q.groupindex))
    assert [(m.span(), m.groups()) for m in p.finditer(TEXT)] == [(m.span(), m.groups()) for m in q.finditer(TEXT)]


def test_the_code_cache_builds_the_same_patterns(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _fresh(monkeypatch, tmp_path)
    for pattern, flags in PATTERNS:  # not in the file: re.compile's own, and the code kept
        _same(lazyre.compile(pattern, flags).compiled(), pattern, flags)  # type: ignore[attr-defined]
    lazyre.save()
    assert len(list(tmp_path.glob("gongshi-regex-*.pickle"))) == 1
    _fresh(monkeypatch, tmp_path)
    for pattern, flags in PATTERNS:  # from the file now
        _same(lazyre.compile(pattern, flags).compiled(), pattern, flags)  # type: ignore[attr-defined]
    assert lazyre._codes is not None and len(lazyre._codes) == len(PATTERNS) and not lazyre._added


def test_a_planted_or_torn_file_is_not_used(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pickle

    _fresh(monkeypatch, tmp_path)
    lazyre.compile("x").search("x")
    lazyre.save()
    (path,) = tmp_path.glob("gongshi-regex-*.pickle")
    planted = {("(a)", 0): (0, [], 0, {}, ())}
    for body in (lazyre._FORMAT + pickle.dumps(os_system_call()), lazyre._FORMAT + b"\x80\x05torn", lazyre._FORMAT + pickle.dumps(planted)):
        path.write_bytes(body)
        _fresh(monkeypatch, tmp_path)
        _same(lazyre.compile("(a)").compiled(), "(a)", 0)  # type: ignore[attr-defined]


class os_system_call:
    """An object whose unpickling would call os.system: the cache's unpickler refuses its class."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        import os
        return (os.system, ("echo planted > /dev/null",))


def test_no_file_when_caches_are_off(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _fresh(monkeypatch, tmp_path)
    monkeypatch.setenv("GONGSHI_CACHE", "0")
    _same(lazyre.compile(r"\d+").compiled(), r"\d+", 0)  # type: ignore[attr-defined]
    lazyre.save()
    assert not list(tmp_path.iterdir())


def test_old_code_does_not_pile_up(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _fresh(monkeypatch, tmp_path)
    monkeypatch.setattr(lazyre, "_FLOOR", 4)
    monkeypatch.setattr(lazyre, "_used", set())
    for k in range(6):  # an edited pattern, six versions over time
        lazyre.compile(f"version{k}").search("x")
    lazyre.save()
    _fresh(monkeypatch, tmp_path)
    monkeypatch.setattr(lazyre, "_used", set())
    lazyre.compile("today").search("x")
    lazyre.save()  # 7 in the file, more than twice the 1 used and the floor of 4: only it is kept
    _fresh(monkeypatch, tmp_path)
    assert list(lazyre._read(lazyre._cache_file())) == [("today", 0)]
