"""Personal data written in words, not numbers: home addresses and health data of persons.

These are found by the phrases enforcement writing puts around them, not by a checksum:
- A home address follows its label (住址, 家庭住址, 户籍地, 家住, 住所 of a person) or goes
  down to a unit and room (3单元401室). Only an address with a house number is personal:
  "住霍邱县城关镇" is a place. A company's 住所 (its registered seat, public in its licence)
  is not a home: 住所 counts only when no business name stands just before it. Offices'
  addresses are declared public in the schema (agency and guide fields).
- Health data is a diagnosis from a vocabulary, attributed to someone (当事人, 其, 该员工,
  a masked name) by a verb of having or diagnosing (患有, 确诊, 诊断为, 携带). A quoted rule
  ("患有…疾病的人员，不得从事…") names no one and is not flagged.

Works on the normalised view (see normalise.py): digits are ASCII, Chinese numerals digits.
"""
from __future__ import annotations

import re
from typing import Iterator

ADDRESS = "address"
HEALTH = "health"

DISEASES = sorted(set(
    "艾滋病 HIV 人类免疫缺陷病毒 乙肝 乙型肝炎 丙肝 丙型肝炎 甲肝 甲型肝炎 戊肝 戊型肝炎 病毒性肝炎 肝炎 肝硬化 "
    "肺结核 活动性肺结核 结核病 梅毒 淋病 尖锐湿疣 性病 精神分裂症 精神病 精神障碍 抑郁症 焦虑症 双相情感障碍 "
    "癫痫 癌症 肺癌 肝癌 胃癌 乳腺癌 肠癌 宫颈癌 白血病 淋巴瘤 恶性肿瘤 肿瘤 糖尿病 高血压 冠心病 心脏病 "
    "尿毒症 肾衰竭 脑梗 脑梗塞 脑出血 中风 偏瘫 瘫痪 残疾 智力障碍 智力残疾 阿尔茨海默病 老年痴呆 痴呆 自闭症 "
    "孤独症 红斑狼疮 帕金森 伤寒 副伤寒 痢疾 霍乱 化脓性皮肤病 渗出性皮肤病 新冠肺炎 新型冠状病毒感染 "
    "怀孕 妊娠 流产 不孕 吸毒成瘾 药物依赖".split()), key=len, reverse=True)
# Case-blind only where it matters (HIV): re.IGNORECASE makes this alternation 6x slower.
_DISEASE = "|".join("[Hh][Ii][Vv]" if d == "HIV" else re.escape(d) for d in DISEASES)

_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_HAVING = re.compile(rf"(?:患有|患|罹患|确诊为|确诊|诊断为|被诊断|诊断出|病史|携带|系|为|有)[^，。；;]{{0,12}}?({_DISEASE})")
_SUBJECT = re.compile(r"当事人|本人|其|该员工|该店员|该从业人员|该名|患者|店员|员工|从业人员|驾驶员|经营者|举报人|证人|"
                      r"投诉人|申请人|[\u4e00-\u9fff]{1,2}某")
# A quoted or paraphrased rule: nobody in particular.
_GENERIC = re.compile(r"《|规定的|不得|禁止|应当|的人员|是否")

_ADDRESS_LABEL = re.compile(r"(家庭住址|家庭地址|现住址|居住地址|住址|户籍地址|户籍所在地|户籍地|居住地|现住|家住|住所地|住所)"
                            r"[：:\s为是在于]{0,3}")
_ADDRESS_BODY = re.compile(r"[^，,。；;\n）)（(]{2,60}")
_BUSINESS = re.compile(r"(公司|有限|厂|店|中心|合作社|企业|集团|协会|医院|学校|超市|商行|经营部|门市|馆|所|站|社|局|委员会)"
                       r"[^，,。；;]{0,3}[，,\s]*$")
_ROOM = re.compile(r"\d+(?:号楼|栋|幢|座|号院)?[-\s]?\d*单元[-\s]?\d+(?:室|号|户)")


def _addresses(n: str) -> Iterator[tuple[str, int, int, set[int] | None]]:
    taken: list[tuple[int, int]] = []
    for m in _ADDRESS_LABEL.finditer(n):
        if m.group(1).startswith("住所") and _BUSINESS.search(n, max(0, m.start() - 30), m.start()):
            continue  # a company's registered seat
        body = _ADDRESS_BODY.match(n, m.end())
        if not body or not any(c.isdigit() for c in body.group()):
            continue  # no house number: a place, not a home
        hide = {i for i in range(body.start(), body.end()) if n[i].isdigit()}
        taken.append((body.start(), body.end()))
        yield ADDRESS, body.start(), body.end(), hide
    for m in _ROOM.finditer(n):
        if any(s <= m.start() < e for s, e in taken):
            continue
        yield ADDRESS, m.start(), m.end(), {i for i in range(m.start(), m.end()) if n[i].isdigit()}


def _health(n: str) -> Iterator[tuple[str, int, int, set[int] | None]]:
    for sentence in _SENTENCE.finditer(n):
        text = sentence.group()
        if _GENERIC.search(text) or not _SUBJECT.search(text):
            continue
        for m in _HAVING.finditer(text):
            yield HEALTH, sentence.start() + m.start(1), sentence.start() + m.end(1), None


# Worth looking at all: a diagnosis, or an address label or a unit with a digit somewhere.
_ADDRESS_CUE = re.compile(r"住址|住所|地址|户籍|居住|现住|家住|单元")
_DISEASE_RE = re.compile(_DISEASE)
_DIGIT = re.compile(r"\d")


# For the detectors' test on the source text: a word without which prose.detect finds nothing.
# The lookahead on the words' first characters lets the engine skip most positions at once.
_FIRST = sorted({w[0] for w in DISEASES + ["住", "地", "户", "居", "现", "家", "单"]} | {"h"})
CUES = "(?=[" + "".join(_FIRST) + "])(?:" + _ADDRESS_CUE.pattern + "|" + _DISEASE + ")"


def detect(n: str) -> list[tuple[str, int, int, set[int] | None]]:
    """(kind, start, end, view indices to mask or None) of addresses and health data in `n`."""
    out = list(_addresses(n)) if _ADDRESS_CUE.search(n) and _DIGIT.search(n) else []
    if _DISEASE_RE.search(n):
        out.extend(_health(n))
    return out
