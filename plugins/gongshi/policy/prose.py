"""Personal data written in words, not numbers: home addresses and health data of persons.

These are found by the phrases enforcement writing puts around them, not by a checksum.

Addresses. A home address follows a label (住址, 家庭住址, 户籍地, 现住, 居住于, 暂住, 家住,
联系地址 …) or the bare 住 of the standard opening "当事人彭某某，住霍邱县…88号" / "（住…）",
or goes down to a building and room without one (3栋502室, 5幢1单元201, 小区3-2-502). Only
an address with a number is personal ("住霍邱县城关镇" is a place); the bare 住 needs a house
number proper (12号, 502室, 3栋). A company's 住所 or 经营场所 is its registered seat or place
of business, public in its licence: the labels a company uses too (住所, 联系地址, 送达地址 …)
count only when no business name stands earlier in the sentence, and a room after
经营场所/注册地址/办公地址 is not a home. Offices' addresses are declared public in the
schema (agency and guide fields). The finding covers the address up to its last number; its
mask hides the digits.

Health data is a condition from a vocabulary (diseases, disabilities, pregnancy, test results
such as 乙肝表面抗原阳性) said of someone. Words that name a person by a condition (聋哑人,
孕妇, 盲人, 乙肝病毒携带者) or are a result (…阳性, 癌症晚期) are enough on their own; other
conditions need a verb of having or finding (患有, 确诊, 诊断为, 携带, 因, 系 …) or a person
(当事人, 该员工, a masked name) right before them. Not personal, hence not flagged:
- a title in 《》 (《残疾人保障法》, 《艾滋病防治条例》);
- a name or product the word is part of: a shop or body (光明盲人按摩店, 肿瘤科, 癌症中心),
  goods (孕妇奶粉, 乙肝疫苗, 糖尿病人专用食品): decided so because such a name says nothing
  about any one person, and naming the shop is what the decision is for;
- a quoted or paraphrased rule (患有…的人员，不得从事…): nobody in particular;
- an advertising claim (宣称能治疗糖尿病): the claim is the offence, not anyone's health.

Works on the normalised view (see normalise.py): digits are ASCII, Chinese numerals digits.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterator

ADDRESS = "address"
HEALTH = "health"

DISEASES = sorted(set(
    "艾滋病 艾滋 HIV 人类免疫缺陷病毒 乙肝 乙型肝炎 丙肝 丙型肝炎 甲肝 甲型肝炎 戊肝 戊型肝炎 病毒性肝炎 肝炎 肝硬化 "
    "肺结核 活动性肺结核 结核病 梅毒 淋病 尖锐湿疣 性病 精神分裂症 精神病 精神障碍 精神疾病 精神异常 抑郁症 焦虑症 "
    "双相情感障碍 躁郁症 强迫症 癫痫 癌症 肺癌 肝癌 胃癌 乳腺癌 肠癌 结肠癌 直肠癌 宫颈癌 卵巢癌 食道癌 食管癌 鼻咽癌 "
    "胰腺癌 甲状腺癌 前列腺癌 膀胱癌 肾癌 骨癌 血癌 淋巴癌 白血病 淋巴瘤 恶性肿瘤 肿瘤 脑瘤 糖尿病 高血压 冠心病 "
    "心脏病 先天性心脏病 心肌梗死 心梗 哮喘 慢阻肺 肺气肿 尿毒症 肾衰竭 肾病 脑梗 脑梗塞 脑梗死 脑出血 脑溢血 "
    "中风 偏瘫 瘫痪 截瘫 脑瘫 残疾 智力障碍 智力残疾 视力残疾 听力残疾 言语残疾 肢体残疾 精神残疾 多重残疾 "
    "阿尔茨海默病 阿尔茨海默症 老年痴呆 痴呆 自闭症 孤独症 唐氏综合征 血友病 地中海贫血 红斑狼疮 帕金森 帕金森病 "
    "伤寒 副伤寒 痢疾 霍乱 化脓性皮肤病 渗出性皮肤病 新冠肺炎 新型冠状病毒感染 手足口病 水痘 麻疹 猴痘 狂犬病 "
    "怀孕 妊娠 流产 不孕 不育 孕期 哺乳期 吸毒成瘾 药物依赖 聋哑 失聪 失明 聋人 哑人 智障 "
    "聋哑人 盲人 孕妇 残疾人 植物人 精神病人 精神病患者 病毒携带者 乙肝病毒携带者 乙肝表面抗原阳性 "
    "大三阳 小三阳 核酸阳性 核酸检测阳性 透析 化疗 放疗 身孕 重病 大病 绝症 病危 病重".split()), key=len, reverse=True)
# Case-blind only where it matters (HIV): re.IGNORECASE makes this alternation 6x slower.
_DISEASE = "|".join("[Hh][Ii][Vv]" if d == "HIV" else re.escape(d) for d in DISEASES)
# What a condition may carry after it, inside the finding.
_AFTER = r"(?:病毒)?(?:表面抗原)?(?:阳性|晚期|早期|中期|末期|患者|病人|携带者|感染者|病史|后遗症)?"
_CONDITION = re.compile(rf"(?:{_DISEASE}){_AFTER}")
# Conditions that name a person or a result: enough without a verb.
_SAID_OF_SOMEONE = re.compile(r"(?:人|妇|阳性|晚期|末期|患者|病人|携带者|感染者|病史|后遗症|怀孕|失明|失聪|聋哑|哺乳期|孕期)\Z")

_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_CLAUSE_END = "，,：:"
_HAVING = re.compile(r"(?:患有|患上|患|罹患|身患|确诊为|确诊|诊断为|被诊断|诊断出|诊断|病史|携带|感染|检出|查出|显示|"
                     r"结果为|系|为|是|有|因|得了|伴有|合并|处于|属于|属)[^，,。；;]{0,8}\Z")
_SUBJECT = re.compile(r"(?:当事人|本人|其|该员工|该店员|该从业人员|该名|店员|员工|从业人员|驾驶员|经营者|举报人|证人|投诉人|"
                      r"申请人|丈夫|妻子|儿子|女儿|父亲|母亲|家属|[\u4e00-\u9fff]{1,2}某某?)[^，,。；;]{0,2}\Z")
# A quoted or paraphrased rule: nobody in particular.
_GENERIC = re.compile(r"不得|禁止|应当|的人员|规定的|是否|凡是|一律|等疾病|等传染病")
# An advertising claim or a product: the word describes goods, not a person.
_CLAIM = re.compile(r"治疗|治愈|根治|预防|防治|功效|疗效|宣称|宣传|广告|缓解|辅助|改善|降低|主治|适用|适宜|调理|专治|疗法|"
                    r"偏方|特效|药品|药物|保健|产品|用于|抗")
# A name the word is part of (a shop, a department, a body), or goods made for such people.
_NAME_AFTER = re.compile(r".{0,3}?(?:按摩|医院|诊所|门诊|专科|研究所|研究院|协会|学会|学校|基金会|联合会|中心|店|公司|科|"
                         r"药|疫苗|试剂|检测试剂|筛查|防治|食品|用品|奶粉|专用|专柜|保健|服装|装|康复)")

_PERSON_LABELS = (r"家庭住址|家庭地址|现住址|现住所|现居住地|现居住于|现居住在|现居地|现居于|现居|现住于|现住在|现住|"
                  r"居住地址|居住地|居住于|居住在|户籍地址|户籍所在地|户籍地|户口所在地|户籍|暂住地|暂住于|暂住在|暂住|"
                  r"租住于|租住在|租住|寄住|借住|家住|住在|住于|住址|出生地")
_SHARED_LABELS = r"住所地|住所|联系地址|通讯地址|通信地址|送达地址|收货地址|地址"
_ADDRESS_LABEL = re.compile(rf"({_PERSON_LABELS}|{_SHARED_LABELS})[：:\s为是在于]{{0,3}}")
# The bare 住 of "当事人彭某某，住…" and "（住…）": after a comma, bracket or a sex/age word.
_BARE = re.compile(r"(?:(?<=[，,（(：:；;、\s男女人其某])|^)住(?![宿房院建户所址在于处])[：:\s]{0,2}")
_ADDRESS_BODY = re.compile(r"[^，,。；;\n）)（(]{2,60}")
# What a number in an address is the number of: a building, a house, a room, a village group.
_UNIT = "号楼|号院|号|室|栋|幢|座|单元|组|弄|巷|户|楼|层"
# The last character of a housing estate's name (小区, 花园, 苑 …), before its building and room.
_ESTATE_END = "区园苑寓村厦城府庭湾里院"
# A number that ends an address (a house, a group, a building, a room) or a 3-2-502.
_HOUSE = re.compile(rf"\d+\s*(?:{_UNIT})|\d{{1,3}}-\d{{1,2}}-\d{{2,4}}")
# The numbers a mask hides: of a house, room, group (八十八号 too), or the number an address ends
# with; not the numeral in a place name (三元镇, 十八里铺).
_HIDDEN_NUMBER = re.compile(rf"[\d十百千]*\d\s*(?:{_UNIT})|\d+(?:-\d+)*\Z")
_LAST_NUMBER = re.compile(rf"\d+(?:\s*(?:{_UNIT}|-\d+)+)?")
_BUSINESS = re.compile(r"本局|我局|本机关|本单位|政务|公司|有限|厂|商店|超市|商行|经营部|门市|合作社|企业|集团|协会|医院|诊所|药房|学校|中心|委员会|"
                       r"[\u4e00-\u9fff]店(?![员主])")
_PLACE_OF_BUSINESS = re.compile(r"(?:经营场所|营业场所|经营地址|经营地|注册地址|注册地|办公地址|办公场所|生产场所|生产地址|"
                                r"仓库|厂址)[^，,。；;]{0,30}\Z")
# What a room is declared to be, right after it: an office or a place of business is no home.
_DECLARED_BUSINESS = re.compile(r"[^，,。；;]{0,6}?(?:办公场所|经营场所|营业场所|生产场所|办公室|门面|店面|仓库|厂房|本局|本机关)")
_ROOM = re.compile(r"\d{1,3}\s*(?:号楼|栋|幢|座)\s*(?:\d{1,2}\s*单元\s*)?\d{3,4}\s*(?:室|号|户)?"
                   r"|\d{1,2}\s*单元\s*\d{3,4}\s*(?:室|号|户)?"
                   rf"|(?<=[{_ESTATE_END}])\d{{1,3}}-\d{{1,2}}-\d{{3,4}}(?![-\d])")

# The housing estate a room is in (淮河新村5幢…), part of the address; not what leads to it.
_ESTATE = re.compile(r"(?:小区|新村|花园|家园|公寓|大厦|广场|苑|城|府|庭|湾|里|院|村)\Z")
_ESTATE_STOP = set("在于住的到至从和与及、")


def _estate_start(n: str, at: int) -> int:
    """Where the name of the estate ending at `at` begins (at: none), up to a word that leads to it."""
    m = _ESTATE.search(n, max(0, at - 4), at)
    if not m:
        return at
    i = m.start()
    while i > 0 and at - i < 12 and "\u4e00" <= n[i - 1] <= "\u9fff" and n[i - 1] not in _ESTATE_STOP:
        i -= 1
    return i


# The party itself, with no person named between it and the label (当事人住所, 当事人的住所地).
_THE_PARTY = re.compile(r"(?:当事人|该公司|该企业|该单位)[的之]?[：:，,\s]*(?:住所地|住所|联系地址|通讯地址|通信地址|送达地址|地址)"
                        r"[：:\s为是在于]{0,3}\Z")


# How far back the context of an address or a condition is read: enough for the phrases around
# them, and a bound on the work (a 72 kB sentence of labels must not take quadratic time).
_REACH = 80


def _sentence_start(n: str, at: int) -> int:
    """Where the sentence around `at` starts, looking back at most _REACH characters."""
    low = max(0, at - _REACH)
    return max(max(n.rfind(c, low, at) for c in "。；;！!？?\n") + 1, low)


def _inside(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    """Whether `at` is inside one of `spans` (sorted, not overlapping; `starts` their starts)."""
    k = bisect.bisect_right(starts, at) - 1
    return k >= 0 and at < spans[k][1]


def _body(n: str, start: int, bare: bool) -> tuple[int, int] | None:
    """The address after a label, up to its last number; None when it has no number (bare 住:
    no house number)."""
    body = _ADDRESS_BODY.match(n, start)
    if not body:
        return None
    text = body.group()
    if not (_HOUSE.search(text) if bare else any(c.isdigit() for c in text)):
        return None
    last = None
    for last in _LAST_NUMBER.finditer(text):
        pass
    end = body.start() + last.end() if last else body.end()
    return body.start(), end


def _numbers(n: str, start: int, end: int) -> set[int]:
    """The digits to hide in the address n[start:end] (see _HIDDEN_NUMBER)."""
    return {i for m in _HIDDEN_NUMBER.finditer(n, start, end) for i in range(m.start(), m.end()) if n[i].isdigit()}


def _addresses(n: str, organisation: bool) -> Iterator[tuple[str, int, int, set[int] | None]]:
    taken: list[tuple[int, int]] = []  # found, or a company's seat: rooms inside are not looked at again
    labels = sorted([(m.start(), m.end(), m.group(1)) for m in _ADDRESS_LABEL.finditer(n)]
                    + [(m.start(), m.end(), "住") for m in _BARE.finditer(n)])
    for start, end, label in labels:
        if taken and start < taken[-1][1]:
            continue  # inside the address found before (spans come in order)
        span = _body(n, end, label == "住")
        if span is None:
            continue
        if re.fullmatch(_SHARED_LABELS, label):
            before = n[_sentence_start(n, start):end]
            if _BUSINESS.search(before) or _PLACE_OF_BUSINESS.search(before) or organisation and _THE_PARTY.search(before):
                taken.append(span)
                continue  # a company's registered seat, its place of business
        taken.append(span)
        yield ADDRESS, span[0], span[1], _numbers(n, *span)
    starts = [s for s, _ in taken]
    for m in _ROOM.finditer(n):
        if _inside(taken, starts, m.start()):
            continue
        if _PLACE_OF_BUSINESS.search(n, _sentence_start(n, m.start()), m.start()) \
                or _DECLARED_BUSINESS.match(n, m.end()):
            continue
        start = _estate_start(n, m.start())
        yield ADDRESS, start, m.end(), _numbers(n, start, m.end())


def _titles(sentence: str) -> list[tuple[int, int]]:
    """Spans of 《…》 titles in a sentence (an unclosed 《 runs to its end)."""
    spans, depth, start = [], 0, 0
    for i, c in enumerate(sentence):
        if c == "《":
            if depth == 0:
                start = i
            depth += 1
        elif c == "》" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth:
        spans.append((start, len(sentence)))
    return spans


def _health(n: str) -> Iterator[tuple[str, int, int, set[int] | None]]:
    for sentence in _SENTENCE.finditer(n):
        text = sentence.group()
        titles = _titles(text)
        title_starts = [s for s, _ in titles]
        marks = [i for i, c in enumerate(text) if c in _CLAUSE_END]  # clause ends, once a sentence
        generic: dict[int, bool] = {}  # by clause start: a rule, not a person
        last = -10  # the end of the last condition found: one right after it is said of the same person
        for m in _CONDITION.finditer(text):
            if _inside(titles, title_starts, m.start()):
                continue
            k = bisect.bisect_left(marks, m.start())
            clause_start = marks[k - 1] + 1 if k else 0
            if clause_start not in generic:
                clause_end = marks[k] if k < len(marks) else len(text)
                generic[clause_start] = _GENERIC.search(text, clause_start, clause_end) is not None
            before = text[max(clause_start, m.start() - _REACH // 3):m.start()]
            if generic[clause_start] or _CLAIM.search(before) or _NAME_AFTER.match(text, m.end()):
                continue
            said = _SAID_OF_SOMEONE.search(m.group()) is not None
            if said or _HAVING.search(before) or _SUBJECT.search(before) or m.start() - last <= 3:
                last = m.end()
                yield HEALTH, sentence.start() + m.start(), sentence.start() + m.end(), None


# Worth looking at all: a condition, or an address label or a room with a digit somewhere.
_ADDRESS_WORDS = "住|地址|户籍|居|单元|栋|幢|号楼|座"
_ADDRESS_CUE = re.compile(_ADDRESS_WORDS + r"|\d-\d")
_DISEASE_RE = re.compile(_DISEASE)
_DIGIT = re.compile(r"\d")


# For the detectors' test on the source text: a word without which prose.detect finds nothing.
# The lookahead on the words' first characters lets the engine skip most positions at once.
_FIRST = sorted({w[0] for w in DISEASES + _ADDRESS_WORDS.split("|")} | {"h"} | set(_ESTATE_END))
CUES = "(?=[" + "".join(_FIRST) + "])(?:" + _ADDRESS_WORDS + rf"|[{_ESTATE_END}]\d" + "|" + _DISEASE + ")"


def detect(n: str, organisation: bool = False) -> list[tuple[str, int, int, set[int] | None]]:
    """(kind, start, end, view indices to mask or None) of addresses and health data in `n`;
    `organisation`: the party is an organisation, whose 住所 is its registered seat."""
    out = list(_addresses(n, organisation)) if _DIGIT.search(n) and (_ADDRESS_CUE.search(n)) else []
    if _DISEASE_RE.search(n):
        out.extend(_health(n))
    return out
