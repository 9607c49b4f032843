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
