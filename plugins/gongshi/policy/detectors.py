"""Personal-data detectors of the redaction gate (R-REDACT) and the masks that hide them.

Pure text in, matches out: no records, no files. Every detector reads the reader's view of
the text (`normalise.view`: NFKC, Chinese numerals as digits, no zero-width characters,
Markdown and HTML reduced to what is seen, percent-escapes decoded), and every match is
mapped back to the exact characters of the source, so its line and column are the source's
and its mask replaces only the characters that spell the number.

Numbers may be written with separators between any digits (spaces, line breaks, tabs, dots,
slashes, dashes), but with one kind of separator only: a clerk who hides an ID writes it
`3415.2219.8506…` or `3415 2219 …`, while public figures that happen to stand side by side
(`1399-01-01 1.00元`) mix them. Checksums (ID, card), province and birth date keep the rest
of the false alarms out.
"""
from __future__ import annotations

import bisect
import datetime as dt
from gongshi.runtime import lazyre as re  # patterns compiled on first use (runtime/lazyre.py)
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from gongshi.runtime.checksums import id_valid, luhn_valid, uscc_valid
from gongshi.policy import owners, prose
from gongshi.policy.normalise import INVISIBLE, INVISIBLE_CLASS, View, like, needs_slow_path, view

ID = "id"
ID15 = "id15"
RESIDENCE = "residence"      # 港澳台居民居住证, 外国人永久居留身份证: an ID's shape, another region
OTHER_ID = "other_id"        # 香港/台湾身份证, a labelled identity document of any shape
MOBILE = "mobile"
LANDLINE = "landline"
CARD = "card"
ACCOUNT = "account"
PASSPORT = "passport"
EMAIL = "email"
PLATE = "plate"
ADDRESS = prose.ADDRESS
HEALTH = prose.HEALTH
NAME = "name"
PERSON_ID = "person_id"      # any identifier in a natural person's code field
HANDLE = "handle"            # a WeChat, Alipay or QQ account after its label: a person's, payments go to it
HIDDEN = "hidden"            # an invisible or text-direction character: the reader sees other text
CREDIT_CODE = "credit_code"  # not personal data: reported only when its checksum is wrong

# The number-like kinds: what the output scan refuses in a published byte (checks/outscan.py) and
# what a finding's quoted text is masked for (checks/scrub.py); one set, so the two never differ.
NUMBER_KINDS = frozenset({ID, ID15, RESIDENCE, OTHER_ID, MOBILE, LANDLINE, CARD, ACCOUNT, PASSPORT, EMAIL, PLATE})

WHAT = {ID: ("身份证号码", "resident ID number"), ID15: ("15 位身份证号码", "15-digit resident ID number"),
        MOBILE: ("手机号码", "mobile number"), LANDLINE: ("固定电话号码", "landline number"),
        CARD: ("银行卡号", "bank card number"), ACCOUNT: ("银行账号", "bank account number"),
        PASSPORT: ("护照或通行证号码", "passport or travel-permit number"),
        RESIDENCE: ("居住证或永久居留身份证号码", "residence-permit or permanent-residence ID number"),
        OTHER_ID: ("身份证件号码", "identity document number"),
        HIDDEN: ("不可见字符或文字方向控制字符", "invisible or text-direction character"),
        EMAIL: ("电子邮箱", "e-mail address"), PLATE: ("机动车号牌", "vehicle plate"),
        ADDRESS: ("自然人的住址", "natural person's home address"),
        HEALTH: ("自然人的健康信息", "natural person's health data"),
        NAME: ("自然人姓名", "natural person's name"),
        HANDLE: ("微信、支付宝或 QQ 账号", "WeChat, Alipay or QQ account"),
        PERSON_ID: ("自然人的身份证件号码", "natural person's identity number"),
        CREDIT_CODE: ("统一社会信用代码", "unified social credit code")}

# A separator people put between digit groups: at most two of one kind, one kind per number
# (、 too: a record of interview writes a number read out in groups as 341503、195403、…).
_SEP = r"[ \t\r\n./\\\-_·、]{0,2}"
_BRACKETS = "[](){}【】〔〕"
_OPENING, _CLOSING = "[({【〔", "])}】〕"
_SEP_CLASSES = (frozenset(" \t\r\n"), frozenset("."), frozenset("/\\"), frozenset("-_"), frozenset("·"),
                frozenset("、"), frozenset("，,"), frozenset(_BRACKETS))
# A resident ID's groups may also stand between commas (341503，195403，152059): its check digit,
# province and birth date keep lists of figures out; numbers without such a check do not take them
# (13,956,432,108 is an amount).
# And between brackets (330106【19870603】2247, [5001031980][08307189], {340104}{19900307}{1235}):
# the brackets of a number written in groups are part of what the mask covers.
_ID_SEP = r"[ \t\r\n./\\\-_·、，,\[\](){}【】〔〕]{0,2}"
# Not inside a longer run of digits (a code, an amount); letters may touch (ID341522…).
_B = r"(?<![0-9])(?<!\d\.)"
_E = r"(?![0-9]|\.\d)"  # nor the integer part of an amount (… 0.00元)
# Numbers with no or a weak check (15-digit IDs, landlines, cards) do not touch letters either: a
# licence number (JY1572551504…) runs into the figures written after it.
_BL = _B + r"(?<![A-Za-z])"
# Every start position is tried (lookahead), since a near miss must not hide a real number.
# (the check character X is sometimes typed as the multiplication sign ×)
ID_RE = re.compile(rf"(?={_B}([1-9](?:{_ID_SEP}\d){{16}}{_ID_SEP}[\dXx×]){_E})")
ID15_RE = re.compile(rf"(?={_BL}([1-9](?:{_SEP}\d){{14}}){_E})")
# The network prefix may stand in brackets, as an area code does: (139)5643 2108; and so may the
# country code ((+86)13865902217). (round 7) Commas only in a mobile's own grouping, 3-4-4
# (一三八，三七一二，零零六九 reads 138,3712,0069): amounts group their digits by three.
MOBILE_RE = re.compile(rf"(?={_B}((?:(?:\+|00)?86{_SEP}|\(\+?86\) ?)?(?:(?:\(1[3-9]\d\) ?\d|1{_SEP}[3-9](?:{_SEP}\d){{2}})"
                       rf"(?:{_SEP}\d){{7}}|(?<!\d,)1[3-9]\d,\d{{4}},\d{{4}}(?!,\d))){_E})")
LANDLINE_RE = re.compile(rf"(?={_BL}(?<!-)((?:\(0[1-9]\d{{1,2}}\)|0[1-9]\d{{1,2}}|(?:\+|00)86{_SEP}[1-9]\d{{1,2}})"
                         rf"{_SEP}[2-9](?:{_SEP}\d){{6,7}}){_E})")
CARD_RE = re.compile(rf"(?={_BL}([3-6](?:{_SEP}\d){{15,18}}))")  # Luhn passes one number in ten
# The @ and the dot spelled out, or put in brackets of any kind: (at), [at], （艾特）, [.], 【点】.
_OPEN, _CLOSE = r"[(\[{<【]\s*", r"\s*[)\]}>】]"
# (round 5: (a) for the @, and a dot with spaces around it as a number read out is written,
# 1847362950 @ qq . com)
EMAIL_AT = rf"(?:\s{{0,2}}@\s{{0,2}}|\s*(?:{_OPEN}(?:at|a|艾特|@){_CLOSE}|\bat\b|艾特)\s*)"
EMAIL_DOT = rf"(?:\s{{0,2}}\.\s{{0,2}}|。|\s*(?:{_OPEN}(?:dot|点|\.){_CLOSE}|\bdot\b|点)\s*)"
_TLD = r"(?:com|cn|net|org|edu|gov|info|biz|io|me|cc|top|xyz|co|hk|tw|mo)"
EMAIL_RE = re.compile(rf"(?<![A-Za-z0-9._%+@*-])([A-Za-z0-9._%+-]+){EMAIL_AT}([A-Za-z0-9-]+(?:{EMAIL_DOT}[A-Za-z0-9-]+)*)"
                      rf"{EMAIL_DOT}([A-Za-z]{{2,}})(?![A-Za-z0-9])", re.I)
_PROVINCE = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
# The serial may be spaced or dotted character by character (皖 n 7 q 2 1 5): one kind of
# separator, as for numbers (checked in _plates).
# (not right after a letter or digit: 梯11皖A05678(18) is a lift's registration code)
PLATE_RE = re.compile(rf"(?<![0-9A-Za-z])[{_PROVINCE}][ ·-]?[A-HJ-NP-Za-hj-np-z][ ·-]{{0,2}}"
                      r"(?:[A-HJ-NP-Za-hj-np-z0-9][ ·-]?){4,5}[A-HJ-NP-Za-hj-np-z0-9挂学警港澳](?![0-9A-Za-z])")
# A bank account or a passport / travel permit after its label: labelled, any number is one.
ACCOUNT_RE = re.compile(rf"(?:银行账号|银行帐号|银行账户|银行帐户|开户账号|收款账号|账号|帐号|账户|帐户|卡号|存折|"
                        rf"(银行卡|借记卡|信用卡|储蓄卡))"
                        rf"[^0-9\n。；;]{{0,16}}?(?<![0-9])(\d(?:{_SEP}\d){{7,29}}){_E}")  # (round 10: 16, a bank's branch between)
# (round 10) A number of 12 digits or more right after a bank's name (当事人名下中国农业银行6228…账户, 退款至…支行
# 6227 0016 …): an account whoever's it is, a card's Luhn check or not; whose, owners.public decides.
# (after round 10) and after a bank's short name and a card's brand (建行龙卡6236…, 工行牡丹卡, 农行卡).
BANK_NAMED_RE = re.compile(rf"(?:银行|支行|分行|信用社|农商行|储蓄所|营业部|[工农中建交招]行|邮储)"
                           rf"(?:开立|开设|开户|办理)?的?(?:账户|账号|银行卡|[\u4e00-\u9fff]{{0,2}}卡)?[\s：:为]{{0,2}}(?<![0-9])(\d(?:{_SEP}\d){{11,22}}){_E}")
# Any label of a travel or identity document (证件号 covers 证件号码, 身份证件号码, 有效证件号码, and
# 证照号码; not an officer's 执法证件, public); an English "No." may stand between it and the number.
# (round 5: up to 18 characters after the label, an ID's length, and after 身份证号/公民身份号码
# too: a permanent-residence or resident ID with a mistyped check digit is still someone's number)
PASSPORT_RE = re.compile(rf"(?:护照|通行证|旅行证|台胞证|回乡证|居留证|居留许可|停留许可|签证|passport|(?<!执法)(?:证件|证照)(?:号|编号)|"
                         rf"身份证号|公民身份号码|身份号码)"
                         rf"[^0-9A-Za-z\n。；;]{{0,10}}?(?:(?:No|Number)\.?[^0-9A-Za-z\n。；;]{{0,3}})?"
                         rf"(?<![0-9A-Za-z])([A-Za-z]{{1,2}}{_SEP}\d(?:{_SEP}\d){{6,9}}|\d(?:{_SEP}\d){{7,16}}(?:{_SEP}[\dXx])?|[A-Za-z]{{3}}\d{{12}}){_E}", re.I)
# Other identity documents after their label: any code of six or more digits (a disability
# certificate is an ID and two digits, its X inside then: 41010219650312402X43; social security,
# driving licence and residence cards).
# A label is a document's name and what of it is numbered (卡号, 档案编号, 编码 …): social security
# and medical insurance numbers, a driver's file number (驾驶人…（档案编号…）), a person's
# professional certificates and health certificate. Military documents number as 海字第20190358号
# (or 皖民残字第012345号)
# (陆字第… reads 6字第… in the view: a financial numeral).
_DOCUMENTS = (r"残疾人证|残疾证|残疾军人证|军人证|(?:社会保障|社会保险|社保|医保|医疗保险|参保)(?:个人)?(?:卡|号码|编号|号|账号)|"
              r"驾驶(?:证|执照|人|员)[^。；;\n]{0,12}?档案(?:编号|号)|驾驶证|驾驶执照|军官证|士兵证|学生证|居住证|暂住证|"
              r"出生医学证明|澳门居民身份证|澳门身份证|澳門身份證|香港(?:永久性)?居民身份证|香港身份证|香港身份證|"
              r"台湾居民身份证|台湾身份证|台灣身份證|警官证|健康证|(?<!执法)(?:执业证书|执业证|资格证书|资格证)|导游证|"
              r"船员证|海员证|船员服务簿|就业失业登记证|就业创业证|失业证|户口簿|户口本|工作证|退役军人证|优待证|结婚证|离婚证|学号|学籍号|准考证|考生号")
DOCUMENT_RE = re.compile(rf"(?:{_DOCUMENTS})书?(?:[，,]\s*(?=证号|号码|编号|卡号))?(?:档案编号|档案号|卡号|证号|证书编号|编号|编码|号码|号)?[^0-9A-Za-z\n。；;，,]{{0,4}}?"
                         r"(?<![0-9A-Za-z])((?:[\u4e00-\u9fff]|(?<![0-9])[0-9])[\u4e00-\u9fff]{0,3}字第?\d{6,12}号|"
                         rf"[{_PROVINCE}]?[A-Za-z]{{0,3}}\d(?:{_SEP}\d){{5,21}}(?:[Xx]\d{{0,2}})?(?:[(（][\dA][)）])?)(?![0-9A-Za-z])")
# A WeChat, Alipay or QQ account (or another platform's: 抖音号, 淘宝账号) after its label: a WeChat ID (a letter, then 6–20 letters, digits,
# _ or -) or a number; not an office's public account (公众号, 官方, 小程序, a QQ group).
# (round 7) and an Alipay user number, 2088 and twelve digits, after 支付宝（用户号 or 支付宝用户ID
HANDLE_RE = re.compile(r"(?:(?:微信|支付宝|QQ|qq|[Ww][Ee][Cc]hat|WECHAT|[Aa]lipay|ALIPAY)(?:号码|账号|帐号|账户|帐户|ID|id|号)?|"
                       r"(?:抖音|快手|淘宝|闲鱼|微博|小红书|钉钉|京东|拼多多|美团)(?:号码|账号|帐号|ID|id|号))[：:\s为是（(]{0,3}"
                       r"(?:用户(?:号|ID|id)[：:\s为是]{0,2})?"
                       r"(?<![0-9A-Za-z_.@-])([A-Za-z][A-Za-z0-9_-]{5,19}|2088\d{12}|[1-9]\d{6,11})(?![0-9A-Za-z_@.-])")
_HANDLE_HINT = re.compile(r"(?i:wechat|alipay)|微信|支付宝|QQ|qq|抖音|快手|淘宝|闲鱼|微博|小红书|钉钉|京东|拼多多|美团")
# On the source, a handle is cued by its label's words (in the trie of prose's cues: one pass) or,
# for a QQ number, by its seven or more digits like every number.
_HANDLE_WORDS = ("WeChat", "Wechat", "wechat", "WECHAT", "Alipay", "alipay", "ALIPAY", "微信", "支付宝", "抖音", "快手", "淘宝", "闲鱼", "微博", "小红书", "钉钉", "京东", "拼多多", "美团")
_PUBLIC_HANDLE = re.compile(r"公众|官方|服务号|订阅号|小程序|视频号|群")
# A phone number without its area code (7 or 8 digits, a local number) after its label: alone,
# seven digits are too common (amounts, batch numbers) to be read as a phone.
LOCAL_RE = re.compile(rf"(?:电话|座机|固话|宅电|传真|手机|联系方式|联系号码|小灵通|tel|phone)(?:号码|号)?[^0-9A-Za-z\n。；;，,]{{0,4}}?"
                      rf"(?<![0-9])(?<![0-9][ \-])([2-9]\d{{2,3}}[ \-]?\d{{4}}){_E}", re.I)
# Hong Kong identity card: one or two letters, six digits, the check character in brackets;
# Taiwan's: a letter, 1 or 2 (sex), eight digits. Both carry a check character.
HKID_RE = re.compile(r"(?<![A-Za-z0-9])([A-Z]{1,2})(\d{6})[(（]([0-9A])[)）]")
TWID_RE = re.compile(r"(?<![A-Za-z0-9])([A-Z])([12]\d{8})(?![0-9A-Za-z])")
# The foreigners' permanent-residence ID card before 2023: the nationality (three letters), the
# issuing province, the birth date (YYMMDD), a sequence number and a check digit, 15 in all.
_FOREIGNER = re.compile(r"永久居留|外国人|外籍|国籍|居留")
FOREIGN_OLD_RE = re.compile(r"(?<![A-Za-z0-9])([A-Z]{3})(\d{2})(\d{6})(\d{4})(?![0-9A-Za-z])")
# Registration authority (1-9, A, N, Y) and organisation type (1-9) first, then the region.
USCC_RE = re.compile(r"(?<![0-9A-Za-z*])[1-9ANY][1-9]\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z*])")
# What each family needs before it is worth running (most fields have none of it): seven
# digits close together for every number, an @ or a spelled-out at for an e-mail, a province
# and a letter for a plate. Addresses and health data have their own cues (prose.py).
_NUMBER = re.compile(rf"\d(?:{_ID_SEP}\d){{6}}")
_AT = re.compile(r"@|\bat\b|艾特|#|[(\[{<【]\s*a\s*[)\]}>】]", re.I)
# A '#' for the '@' (请把#换成@) only before a mail provider's name: # is common enough.
_PROVIDERS = r"(?:163|126|qq|sina|sohu|gmail|hotmail|outlook|yahoo|foxmail|aliyun|139|189|yeah|21cn|tom|live|icloud)"
EMAIL_HASH_RE = re.compile(rf"(?<![A-Za-z0-9._%+@*-])([A-Za-z0-9._%+-]+)\s?#\s?({_PROVIDERS}{EMAIL_DOT})(com|cn|net)"
                           r"(?![A-Za-z0-9])", re.I)
# A name written with spaces (lu xin 1987 @ qq.com), only right after a mailbox's label and before a
# provider's domain: a name alone cannot tell where prose ends.
# (or letter by letter: z h a n g @ 1 6 3 . c o m)
_SPACED_PROVIDERS = "(?:" + "|".join(" ?".join(p) for p in _PROVIDERS[3:-1].split("|")) + ")"
EMAIL_SPACED_RE = re.compile(rf"(?:邮箱|邮件|邮址|e-?mail|mail)[^A-Za-z0-9\n。；;]{{0,6}}?(?<![A-Za-z0-9._%+-])"
                             rf"((?:[A-Za-z0-9._%+-]+ ){{1,24}}[A-Za-z0-9._%+-]+) ?@ ?({_SPACED_PROVIDERS} ?\. ?)"
                             r"(c ?o ?m|c ?n|n ?e ?t)(?![A-Za-z0-9])", re.I)
_HK_HINT = re.compile(r"\d{6}[(（]")
_PLATE_HINT = re.compile(rf"[{_PROVINCE}][ ·-]?[A-Za-z]")
# An 18-character code right after these words is a credit code even if it looks like an ID.
_CODE_LABEL = re.compile(r"(信用代码|社会信用|注册号|USCC)[^0-9A-Za-z]{0,6}\Z")
# A 15-digit number after these words is a business registration or licence number (the old
# 工商注册号 is region + 9 digits, and often reads as a birth date), not an old 15-digit ID.
_REGISTRATION_LABEL = re.compile(r"(注册号|执照号|执照编号|营业执照|登记号|许可证号|许可证编号|备案号|编号|代码)"
                                 r"[^0-9A-Za-z]{0,6}\Z")

PROVINCES = frozenset({11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44,
                       45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82})
# Residence permits of Hong Kong, Macao and Taiwan residents (GB 11643 numbers with these
# region codes) and the foreigners' permanent-residence ID card of 2023 (9, the province, a
# country code; birth date and check digit where an ID has them).
PERMIT_REGIONS = frozenset({81, 82, 83})


@dataclass(frozen=True)
class Match:
    """One piece of personal data in a text: kind, source span, its source text and its mask.

    `mask` is the source span as it should read once masked; None: it cannot be masked
    automatically (a diagnosis, a bad credit code) and the hint says what to do.
    """

    kind: str
    start: int
    end: int
    text: str
    mask: str | None


_COUNTRY = re.compile(rf"(?:\+|00)?86{_SEP}(?=1)")


# (round 5: and an area code before a dash or a space, 0371-6789 5432: the number's own groups
# are what must use one kind)
_AREA = re.compile(r"\(0\d{2,3}\)\s?|^0\d{2,3}[-\s]")


def _one_separator_kind(number: str) -> bool:
    number = _COUNTRY.sub("", number, count=1)  # +86 139-… : the country code stands apart
    number = _AREA.sub("", number, count=1)  # (0564) 602-1234: and so does an area code in brackets or before a dash
    used = {c for c in number if not (c.isdigit() or c in "Xx+()")}
    return sum(1 for cls in _SEP_CLASSES if used & cls) <= 1


def digits(text: str) -> str:
    """Only the digits (and a trailing X) of a number in the view."""
    return "".join(c for c in text if c.isdigit() or c in "Xx×").upper().replace("×", "X")


def masked(v: View, start: int, end: int, head: int, tail: int) -> tuple[int, int, str, str]:
    """(source start, source end, source text, mask) of view[start:end] with every digit but
    the first `head` and last `tail` replaced by *, one * for each digit as written (a digit
    written as an entity or a Chinese numeral becomes one *)."""
    text = v.text[start:end]
    total = sum(1 for c in text if c.isdigit() or c in "Xx×")
    hidden: set[int] = set()
    seen = 0
    for i, c in enumerate(text):
        if c.isdigit() or c in "Xx×":
            if head <= seen < total - tail:
                hidden.add(v.origin(start + i))
            seen += 1
    return _masked_source(v, start, end, hidden)


def _masked_source(v: View, start: int, end: int, hidden: set[int]) -> tuple[int, int, str, str]:
    s, e = v.span(start, end)
    out: list[str] = []
    skip_to = s
    # The first view character each source character produced (the view is the source itself
    # on the fast path).
    first: dict[int, int] = {}
    if v.starts is not None:
        for i in range(end - 1, start - 1, -1):
            first[v.origin(i)] = i
    for p in range(s, e):
        if p < skip_to:
            continue
        if v.source[p] in INVISIBLE:
            continue  # the mask is what the reader should see: no invisible characters left
        if p in hidden:
            out.append("*")
            # An entity or escape that spelled one digit is replaced whole.
            j = p if v.starts is None else first.get(p, start)
            skip_to = v.span(j, j + 1)[1]
        else:
            out.append(v.source[p])
    return s, e, v.source[s:e], "".join(out)


def _birth_ok(yyyymmdd: str) -> bool:
    try:
        day = dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return dt.date(1890, 1, 1) <= day <= dt.date(2099, 12, 31)


def id_shaped(number: str) -> bool:
    """Whether 18 digits look like a resident ID, a residence permit or a permanent-residence
    ID: a province (or 9 and a province) and a real birth date."""
    return len(number) == 18 and number[:17].isdigit() and _birth_ok(number[6:14]) and (
        int(number[:2]) in PROVINCES | PERMIT_REGIONS or number[0] == "9" and int(number[1:3]) in PROVINCES)


def _permit(number: str) -> bool:
    return int(number[:2]) in PERMIT_REGIONS or number[0] == "9"


def _labelled_code(norm: str, start: int) -> bool:
    return _CODE_LABEL.search(norm, max(0, start - 12), start) is not None


_SEP_CHARS = frozenset(" \t\r\n./\\-_·、")


# A whole date right before the gap (2023-06-18 0553-5821943): a number of its own, complete; what
# follows it starts anew (round 8).
_DATE_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d{2}([-./])\d{1,2}\1\d{1,2}[ \t]{1,2}\Z")


def _continues(v: View, start: int) -> bool:
    """Whether `start` follows a digit and a separator or two: the candidate would carry on a
    number written before it (2000-01-13 12315 …), as an obfuscated number never does (it
    follows its label: 电话 139 1234 5678). Not when what stands before is whole: a date
    (2023-06-18 0553-5821943), or a number masked in the source (0564-***2000 0564-6021287: the
    view drops the stars, the source shows a masked number ended there)."""
    n = v.text
    if _DATE_BEFORE.search(n, max(0, start - 14), start):
        return False
    i = start - 1
    if i < 0 or n[i] not in _SEP_CHARS:
        return False
    i -= 1
    if i >= 0 and n[i] in _SEP_CHARS:
        i -= 1
    if i < 0 or not n[i].isdigit():
        return False
    # A whole number before it (seven digits or more in a row, a mask's * counted as the digits
    # it hides: a mobile, a local number) is a list of numbers (电话13912345678 0564-6021234, and
    # after redact --write masked the first, 139****5678 0564-6021234), not one number carried on.
    run = 0
    while i >= 0 and (n[i].isdigit() or n[i] in "*＊") and run < 7:
        run += 1
        i -= 1
    if run < 7 and v.starts is not None:
        a, b = v.span(max(i, 0), start)  # (from the character before the run: the stars stand there)
        return "*" not in v.source[a:b] and "＊" not in v.source[a:b]
    return run < 7


def _candidates(rx: re.Pattern[str], v: View, checked: bool = False) -> Iterator[tuple[int, int, str]]:
    """Spans of a number pattern; one kind of separator a number. Without a strong check digit
    (`checked`), a number written with separators must not carry on a number before it."""
    for m in rx.finditer(v.text):
        raw = m.group(1)
        if not _one_separator_kind(raw):
            continue
        if not checked and not raw.isdigit() and _continues(v, m.start(1)):
            continue
        yield m.start(1), m.end(1), raw


def _ids(v: View) -> Iterator[Match]:
    n = v.text
    for s, e, raw in _candidates(ID_RE, v, checked=True):
        number = digits(raw)
        # A wrong check digit is a typo in a person's number, still read as one (the region, the
        # birth date and the sequence say who it is), unless the label before it names another
        # kind of number (订单号341522198506120031: an order's, which only the check digit tells).
        if id_shaped(number) and (id_valid(number) or not _OTHER_NUMBER.search(n, max(0, s - 10), s)) \
                and not (uscc_valid(number) and _labelled_code(n, s)):
            if 0 < s and e < len(n) and n[s - 1] in _OPENING and n[e] == _CLOSING[_OPENING.index(n[s - 1])]:
                s, e = s - 1, e + 1  # the brackets of its first and last group
            yield Match(RESIDENCE if _permit(number) else ID, *masked(v, s, e, 6, 4))
    for s, e, raw in _candidates(ID15_RE, v):
        number = digits(raw)
        if int(number[:2]) in PROVINCES and _birth_ok("19" + number[6:12]) and not _registration(n, s):
            yield Match(ID15, *masked(v, s, e, 6, 3))


# Labels of numbers that are no one's identity (an order's, a batch's, a case's, a document's): one
# fact for two uses (round 9: they were two lists that had drifted apart). With one just before,
# an ID's shape needs its check digit right as well (_OTHER_NUMBER: 订单号341522198506120031 is an
# order's, which only the check digit tells), and a number is that code, not a phone or an account
# (_CODE_BEFORE: 批号13901234567, 工单编号…).
_CODE_LABELS = (r"(?:(?:订单|运单|快递|物流|单|流水|批|批次|编|序列|条形?|货|合同|发票|凭证|票据|案|注册|登记|备案|"
                r"许可证?|证书|产品|设备|出厂|型|序|文|缴款|识别|追溯)(?:号码|编号|号|码)|批次|代码)")
_OTHER_NUMBER = re.compile(rf"{_CODE_LABELS}[^0-9\n。；;]{{0,3}}$")


def _registration(n: str, start: int) -> bool:
    before = n[max(0, start - 14):start]
    return "身份" not in before and _REGISTRATION_LABEL.search(before) is not None


# A unit of money or quantity right after a number (人民币13956432108元, 13956432108件): an
# amount, not a phone.
_QUANTITY = re.compile(r"\s?(?:元|万元|亿元|美元|港元|角|分|吨|千克|公斤|克|斤|件|个|箱|瓶|袋|盒|包|条|只|头|台|套|株|份|"
                       r"平方米|立方米|米|升|毫升|人|次|kg|g|t|m)(?![A-Za-z])")


# A number right after the label of a code is that code (批号13901234567, 工单编号…), not a phone.
_CODE_BEFORE = re.compile(rf"{_CODE_LABELS}[^0-9A-Za-z\n]{{0,4}}\Z")


def _code(n: str, start: int) -> bool:
    return _CODE_BEFORE.search(n, max(0, start - 12), start) is not None


def _mask_inside(v: View, rx: re.Pattern[str], start: int, end: int) -> bool:
    """Whether a candidate is a masked number's remains read with the digits after it (the
    view drops *: 0564-***2000 0564… reads as one landline). Read with each * as the digit it
    hid, the same pattern then finds a shorter number where the candidate starts: the masked
    one. Stars put among digits that are all still there (1**30**00000000, 1***3912345678) hid
    none: read as digits they make no number, and the candidate stands."""
    a, b = v.span(start, end)
    src = v.source[a:b]
    if "*" not in src and "＊" not in src:
        return False
    alt = view(src.replace("*", "5").replace("＊", "5")).text
    m = rx.match(alt)
    return m is not None and m.end(1) < len(alt)


def _phones(v: View) -> Iterator[Match]:
    last: Match | None = None
    for s, e, raw in _candidates(MOBILE_RE, v):
        if _QUANTITY.match(v.text, e) or _code(v.text, s) or _mask_inside(v, MOBILE_RE, s, e):
            continue
        m = Match(MOBILE, *masked(v, s, e, len(digits(raw)) - 8, 4))  # country code + network prefix kept
        # (round 7) a list of mobiles (18903716542、15093218874): one finding, one statement
        if last is not None and v.source[last.end:m.start] == "、" and m.mask is not None and last.mask is not None:
            last = Match(MOBILE, last.start, m.end, v.source[last.start:m.end], last.mask + "、" + m.mask)
            continue
        if last is not None:
            yield last
        last = m
    if last is not None:
        yield last
    for s, e, raw in _candidates(LANDLINE_RE, v):
        if owners.public(v.text, s, e) or _QUANTITY.match(v.text, e) or _code(v.text, s) or _mask_inside(v, LANDLINE_RE, s, e):
            continue
        area = re.match(rf"(?:\+|00)86{_SEP}[1-9]\d{{1,2}}|\(?0\d{{2,3}}", raw)  # country and area code kept
        yield Match(LANDLINE, *masked(v, s, e, len(digits(area.group())) if area else 0, 4))


def _cards(v: View) -> Iterator[Match]:
    n = v.text
    for s, e, raw in _candidates(CARD_RE, v):
        # The greedy match may have swallowed a following number; try every end that stops
        # before a separator, longest first.
        ends = [i + 1 for i in range(s, e) if n[i].isdigit() and (i + 1 == len(n) or not n[i + 1].isdigit())]
        if _code(n, s):
            continue  # (round 9) a number after a code's label is that code (设备代码：3110330100201804567)
        for end in reversed(ends):
            number = digits(n[s:end])
            # An ID-shaped 18-digit number with a wrong check digit is not personal data.
            if 16 <= len(number) <= 19 and luhn_valid(number) and not id_shaped(number) \
                    and not uscc_valid(number):
                if owners.public(n, s, end):
                    break
                yield Match(CARD, *masked(v, s, end, 4, 4))
                break


_HK_LETTERS = {c: 10 + i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
# Taiwan: each first letter stands for a two-digit area number (A=10 … Z=33, in this order).
_TW_LETTERS = {c: n for n, c in enumerate("ABCDEFGHJKLMNPQRSTUVXYWZIO", 10)}


def hkid_valid(letters: str, digits6: str, check: str) -> bool:
    """The check character of a Hong Kong identity card (weights 9…2 over space/letters and digits)."""
    values = ([36] if len(letters) == 1 else []) + [_HK_LETTERS[c] for c in letters] + [int(c) for c in digits6]
    rest = -sum(w * x for w, x in zip(range(9, 1, -1), values)) % 11
    return check == ("A" if rest == 10 else str(rest))


def twid_valid(letter: str, digits9: str) -> bool:
    """The check digit of a Taiwan identity card (area number of the letter, weights 1 9 8 … 1 1)."""
    area = _TW_LETTERS[letter]
    values = [area // 10, area % 10] + [int(c) for c in digits9]
    return sum(w * x for w, x in zip((1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1), values)) % 10 == 0


def _regional(v: View) -> Iterator[Match]:
    """Hong Kong and Taiwan identity cards, known by their check characters."""
    for m in HKID_RE.finditer(v.text):
        if hkid_valid(m.group(1), m.group(2), m.group(3)):
            yield Match(OTHER_ID, *masked(v, m.start(), m.end(), 1, 0))
    for m in TWID_RE.finditer(v.text):
        if twid_valid(m.group(1), m.group(2)):
            yield Match(OTHER_ID, *masked(v, m.start(), m.end(), 2, 2))
    for m in FOREIGN_OLD_RE.finditer(v.text):
        # No published check-digit rule: the issuing province, a real birth date (either
        # century) and a word of foreigners or residence before it keep product codes
        # (SKU：ABC341905120011) out.
        if int(m.group(2)) in PROVINCES and (_birth_ok("19" + m.group(3)) or _birth_ok("20" + m.group(3))) \
                and _FOREIGNER.search(v.text, max(0, m.start() - 30), m.start()):
            yield Match(RESIDENCE, *masked(v, m.start(), m.end(), 2, 2))


# The officer's own certificate right before a document label (执法证件（证件号：440300231578）): public,
# as the officers' names and numbers are (the schema's disclosed fields).
_OFFICERS = re.compile(r"执法(?:证件?|证号|工作证)[（(：:\s]{0,2}\Z")
_MOBILE_DIGITS = re.compile(r"(?:0{0,2}86)?1[3-9]\d{9}")


def _labelled(v: View) -> Iterator[Match]:
    # Documents first: a 卡号 of a social security card is the card's, not a bank account.
    for m in DOCUMENT_RE.finditer(v.text):
        if not _one_separator_kind(m.group(1)):
            continue
        hk, tw = HKID_RE.fullmatch(m.group(1)), TWID_RE.fullmatch(m.group(1))
        if hk and hkid_valid(*hk.groups()) or tw and twid_valid(*tw.groups()):
            continue  # _regional masks it as a Hong Kong or Taiwan card
        yield Match(OTHER_ID, *masked(v, m.start(1), m.end(1), 2, 2))
    for m in ACCOUNT_RE.finditer(v.text):
        if _MOBILE_DIGITS.fullmatch(digits(m.group(2))):
            continue  # 账户预留手机号+86-176…: the phone detector reports it, country code and all
        number = m.group(2)
        if m.group(1) and 16 <= len(digits(number)) <= 19 and luhn_valid(digits(number)):
            continue  # after 银行卡, 信用卡 …: the card detector reports it as a card
        if _code(v.text, m.start(2)):
            continue  # 账户，缴款凭证号：3400…: the number after the nearer label is that code
        if _one_separator_kind(number) and not owners.public(v.text, m.start(2), m.end(2)):
            yield Match(ACCOUNT, *masked(v, m.start(2), m.end(2), 4, 4))
    for m in BANK_NAMED_RE.finditer(v.text):
        number = digits(m.group(1))
        if 16 <= len(number) <= 19 and luhn_valid(number):
            continue  # a card's number: the card detector reports it as a card
        if _one_separator_kind(m.group(1)) and not id_shaped(number) and not uscc_valid(number) \
                and not owners.public(v.text, m.start(1), m.end(1)):
            yield Match(ACCOUNT, *masked(v, m.start(1), m.end(1), 4, 4))
    for m in PASSPORT_RE.finditer(v.text):
        if _OFFICERS.search(v.text, max(0, m.start() - 8), m.start()):
            continue  # (round 9) an officer's certificate, public: 执法证件（证件号：…）
        if _one_separator_kind(m.group(1)):
            # Only digits are hidden: the letters of a passport (E, EA, C) stay as written.
            yield Match(PASSPORT, *masked(v, m.start(1), m.end(1), 1, 2))
    for m in LOCAL_RE.finditer(v.text):
        if owners.public(v.text, m.start(1), m.end(1)) or _QUANTITY.match(v.text, m.end(1)) \
                or _SERVICE_NUMBER.match(v.text, m.start(1)):
            continue
        yield Match(LANDLINE, *masked(v, m.start(1), m.end(1), 0, 4))


# (round 10) A 400 or 800 number (400-6688-520, 4008-123-456): a nationwide service number that only
# a business can rent, never a person's phone; its first seven digits look like a local number.
_SERVICE_NUMBER = re.compile(r"[48]00(?:[ \-]?\d){7}(?!\d)")


def _handles(v: View) -> Iterator[Match]:
    for m in HANDLE_RE.finditer(v.text):
        if _PUBLIC_HANDLE.search(m.group(), 0, m.start(1) - m.start()) or owners.public(v.text, m.start(1), m.end(1)) \
                or _QUANTITY.match(v.text, m.end(1)):
            continue  # an office's account, or a count (粉丝数为12345678人)
        # The first and last character stay, as in a masked e-mail.
        s, e = v.span(m.start(1), m.end(1))
        yield Match(HANDLE, *_masked_source(v, m.start(1), m.end(1), set(range(s + 1, e - 1))))


def _emails(v: View) -> Iterator[Match]:
    spaced = [m for m in EMAIL_SPACED_RE.finditer(v.text)]
    for k, m in enumerate([*spaced, *EMAIL_RE.finditer(v.text), *EMAIL_HASH_RE.finditer(v.text)]):
        if k < len(spaced):  # (not `m.re is EMAIL_SPACED_RE`: that is a pattern compiled on first use)
            s, e = v.span(m.start(1), m.end())
            yield Match(EMAIL, s, e, v.source[s:e], v.source[s] + "***" + re.sub(r"\s", "", v.source[v.span(m.end(1), m.end(1))[0]:e]))
            continue
        spelled = "@" not in m.group() or "。" in m.group() or not re.search(r"\.[A-Za-z]{2,}\Z", m.group())
        if spelled and not re.fullmatch(_TLD, m.group(3), re.I):
            continue  # "look at it dot com" is prose, not an address
        s, e = v.span(m.start(), m.end())
        local = v.source[s:v.origin(m.end(1))]  # with what the view dropped (a mask's ***)
        if "*" in local or "某" in local:
            continue  # already masked
        if re.search(r"\.gov(?:\.cn)?\Z", v.text[m.start(2):m.end()], re.I) or owners.public(v.text, m.start(), m.end()):
            continue  # an office's or a company's mailbox: published on purpose
        # The first character of the name, then *** whatever its length: z***@example.com.
        yield Match(EMAIL, s, e, v.source[s:e], v.source[s] + "***" + v.source[v.span(m.end(1), m.end(1))[0]:e])


# Plates listed one after another (浙B9G327、浙B9G331): one owner for the list.
# (round 10) and a range of them (苏N·A2736至苏N·A2758): a fleet.
_PLATE_LIST = re.compile(r"\s*(?:[、，,和及与至到~～—]|以及)\s*")


def _plates(v: View) -> Iterator[Match]:
    plates = [m for m in PLATE_RE.finditer(v.text)
              if any(c.isdigit() for c in re.sub(r"[ ·-]", "", m.group())[2:])
              and len({c for c in m.group()[2:] if c in " ·-"}) <= 1]
    # (round 8) an organisation's vehicles, said in the plates' clause before the first or after
    # the last of a list (…公司所属的两辆…车（浙B9G327、浙B9G331）, （皖C72B15、皖C73K28）均为…公司所有)
    public: set[int] = set()
    i = 0
    while i < len(plates):
        j = i
        while j + 1 < len(plates) and _PLATE_LIST.fullmatch(v.text, plates[j].end(), plates[j + 1].start()):
            j += 1
        if owners.vehicle_of_organisation(v.text, plates[i].start(), plates[j].end()):
            public.update(range(i, j + 1))
        i = j + 1
    for k, m in enumerate(plates):
        if k in public:
            continue
        if owners.named_owner(v.text, m.end() + (v.text[m.end():m.end() + 1] == "号")):
            continue  # a company's vehicle, its owner in brackets after it (round 5)
        chars = [i for i in range(m.start(), m.end()) if v.text[i] not in " ·-"]
        hidden = {v.origin(i) for i in chars[2:-2]}
        yield Match(PLATE, *_masked_source(v, m.start(), m.end(), hidden))


def _codes(v: View) -> Iterator[Match]:
    for m in USCC_RE.finditer(v.text):
        code = m.group().upper()
        if not code.isdigit() and not uscc_valid(code):
            s, e = v.span(m.start(), m.end())
            yield Match(CREDIT_CODE, s, e, v.source[s:e], None)


def _prose(v: View, organisation: bool) -> Iterator[Match]:
    for kind, start, end, hide in prose.detect(v.text, organisation):
        if hide is None:
            s, e = v.span(start, end)
            yield Match(kind, s, e, v.source[s:e], None)
        else:
            yield Match(kind, *_masked_source(v, start, end, {v.origin(i) for i in hide}))


# Order matters where spans overlap: the earlier detector wins (an ID is not also a card).
# Each family runs only when its cue is in the view.
NUMBERS: list[Callable[[View], Iterable[Match]]] = [_ids, _labelled, _cards, _phones, _regional, _codes]


def quiet(text: str) -> bool:
    """Whether nothing in `text` could be personal data for any detector, even once normalised:
    one pass of a few patterns over the source. The gate asks this of a whole record's text at
    once, and looks field by field only when it is not quiet."""
    return not any(cue.search(text) for cue in _cues()) and not needs_slow_path(text)


def organisation_code(text: str) -> bool:
    # A whole field that is a well-formed credit code with a letter is an organisation's,
    # never a person's number (an ID is digits with at most a final X).
    return len(text) == 18 and uscc_valid(text) and not text[:17].isdigit()


def detect(text: str, allow: Iterable[str] = (), disclosed: Iterable[str] = (), organisation: bool = False,
           prose: bool = True) -> list[Match]:
    """Every piece of personal data in `text` (and malformed credit codes), in order.

    Where matches overlap the earlier detector wins; strings on the allow list, and anything
    inside one of them, are public, and so are the kinds a field `disclosed` by law (an
    office's phone, an officer's certificate). `organisation`: the text is about an
    organisation (a decision whose party is not a natural person), so the party's 住所 is its
    registered seat, not a home. `prose` False: not the prose detectors (addresses, health),
    for a caller that keeps only the other kinds (the output scan): they run last and a match of
    theirs never displaces another's, so the other matches are the same.
    """
    return list(_detect(text, tuple(allow), frozenset(disclosed), organisation, prose))


# Records repeat their short texts (a result, a law's title, an officer id) thousands of times:
# the answer for a text is the same every time.
@lru_cache(maxsize=None)
def _cues() -> tuple[re.Pattern[str], ...]:
    """The cues above, on the source text: digits, separators, @ and letters as the view will
    read them, so most texts are let go without building a view at all. Separate patterns:
    one alternation of them all is several times slower in Python's engine."""
    digit, sep = like("0123456789"), like(" \t\r\n./\\-_·、，," + _BRACKETS)
    letter = like("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    return (re.compile(rf"{digit}(?:{sep}{{0,2}}{digit}){{6}}"), re.compile(f"(?=[{like('@')[1:-1]}{like('Aa')[1:-1]}艾(（\\[【<])(?:{like('@')}|{like('Aa')}{like('Tt')}|艾特|[(（\\[【<]\\s*{like('Aa')}\\s*[)）\\]】>])"),
            re.compile(rf"[{_PROVINCE}]{sep}?{letter}"), re.compile(prose.cues(_HANDLE_WORDS + ("字第",))), re.compile(rf"{digit}{{6}}[(（]"),
            re.compile("[#＃]"))


@lru_cache(maxsize=1 << 16)
def _detect(text: str, allow: tuple[str, ...], skip: frozenset[str], organisation: bool,
            prose_too: bool = True) -> tuple[Match, ...]:
    if quiet(text) or organisation_code(text):
        return ()  # nothing any detector looks for, even once normalised
    v = view(text)
    n = v.text
    found: list[Match] = []
    # E-mails first: the name of one may be a mobile or an ID (13805642211@139.com), masked whole.
    if _AT.search(n):
        found += _emails(v)
    if _NUMBER.search(n):
        found += [m for detector in NUMBERS for m in detector(v)]
    elif _HK_HINT.search(n):
        found += _regional(v)
    elif "字第" in n:
        found += _labelled(v)  # 皖民残字第012345号: a document's number may have six digits
    if _HANDLE_HINT.search(n):
        found += _handles(v)
    if _PLATE_HINT.search(n):
        found += _plates(v)
    if prose_too:
        found += _prose(v, organisation)  # prose.detect looks for its own cues first
    hidden = _hidden(text)
    if not found:
        return tuple(hidden)
    allowed = _allowed_spans(text, v, allow)
    out: list[Match] = []
    # The spans taken so far, sorted and disjoint: a new match overlaps one only if it overlaps
    # its neighbour on the left or on the right (a text of thousands of matches stays fast).
    starts: list[int] = []
    ends: list[int] = []
    for m in found:
        if m.kind in skip or any(s <= m.start and m.end <= e for s, e in allowed):
            continue
        k = bisect.bisect_left(starts, m.start)
        if (k and ends[k - 1] > m.start) or (k < len(starts) and starts[k] < m.end):
            continue
        starts.insert(k, m.start)
        ends.insert(k, m.end)
        out.append(m)
    # An invisible character is reported even inside another match (whose mask drops it):
    # after it, so that `redact --write` applies the enclosing mask first.
    return tuple(sorted(out + hidden, key=lambda m: (m.start, m.kind == HIDDEN)))


_HIDDEN_RE = re.compile(INVISIBLE_CLASS + "+")


def _hidden(text: str) -> list[Match]:
    """Each run of invisible or text-direction characters: an error of its own (they are never
    silently dropped: a reader sees other text than the file holds, e.g. a number stored reversed
    between U+202E and U+202C), masked by deleting them."""
    if not needs_slow_path(text):
        return []
    return [Match(HIDDEN, m.start(), m.end(), m.group(), "") for m in _HIDDEN_RE.finditer(text)]


def _allowed_spans(text: str, v: View, allow: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for a in allow:
        if not a:
            continue
        needle = view(a).text
        i = v.text.find(needle)
        while i >= 0:
            spans.append(v.span(i, i + len(needle)))
            i = v.text.find(needle, i + 1)
    return spans


# Courts keep the surname and replace the given name with 某 (two-character surnames kept whole).
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 端木 西门 南宫 独孤 轩辕 "
    "呼延 澹台 公冶 太史 申屠 闻人 赫连 万俟 钟离 宗政 濮阳 淳于 单于 拓跋 百里 东郭 南门 羊舌 微生".split())
_HAN = re.compile(r"[\u4e00-\u9fff]+\Z")


def surname(name: str) -> str:
    """The surname of a Chinese name (two characters for a compound surname)."""
    return name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[:1]


def name_masked(name: str) -> bool:
    """Whether a name is already masked: surname + 某 or 某某 (张某, 张某某, 欧阳某)."""
    name = name.strip()
    family = surname(name)
    rest = name[len(family):]
    return bool(family) and "某" not in family and rest in ("某", "某某")


def mask_name(name: str) -> str | None:
    """张三丰 -> 张某某, 张三 -> 张某; None when `name` is not a plain Chinese name."""
    name = name.strip()
    if not (2 <= len(name) <= 5 and _HAN.match(name)):
        return None
    family = surname(name)
    return family + "某" * min(2, len(name) - len(family))
