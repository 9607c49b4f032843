"""Whose a number or an address is, read from the words around it: an office's, a company's or a
public account's (published on purpose), or a person's.

Enforcement texts print the agency's own hotline, fax, address and mailbox (本局执法监督电话,
本局举报邮箱, 行政复议机关…地址), the party company's phone and seat, and the public accounts a fine
is paid into (非税收入汇缴结算户, 公司基本存款账户). These have the shape of personal data and are
not: a gate that flags them teaches clerks to put everything on the allow list. So the words of
the number's statement (back to 。 or a line break, at most 60 characters) decide: the word of an
organisation nearest before the number (本局, 机关, 政府, 公司, 有限, X店, 对公, 结算户 …) makes it
public unless a person's word stands nearer (当事人, 本人, 家庭, 其, a masked name 王某某,
投诉人): "当事人公司的基本存款账户" is the company's, "公司员工王某某的电话" the employee's. A number
followed by its owner in brackets (…（霍邱县应急管理局办公室）, （单位账户）) or by an
organisation's name (…1号霍邱县市场监督管理局法制科) is that owner's.

A fax is an office's unless a person's word stands nearer. Used for landlines, accounts, cards and e-mails (detectors.py) and for the shared address labels
(地址, 联系地址, 住所: prose.py). Mobiles are never an office's: an officer's own mobile is
personal too, and a company's number that is published is its landline. A vehicle plate is a
company's only when the owner is named in brackets right after it (皖N12345（公司名下营运车辆）):
the nearest word is not enough there, since a driver is often named with the firm he works for.
"""
from __future__ import annotations

from gongshi.runtime import lazyre as re  # patterns compiled on first use (runtime/lazyre.py)

ORGANISATION = re.compile(r"本局|我局|本机关|本单位|单位|机关|政府|政务|官方|[^结布格当]局|委员会|办公室|中心|窗口|大厅|热线|"
                          r"公司|有限|企业|集团|厂|商店|超市|(?<!农)商行|经营部|门市|合作社|协会|医院|诊所|药房|学校|"
                          # (round 7) an organisation's premises and bodies named by what they are
                          # (该企业生产车间位于…, 某镇卫生院, 门诊部, 养殖场的场部); 本店主营 is the
                          # shop's, 店主 its keeper
                          r"卫生院|卫生室|门诊|车间|仓库|厂房|[殖宰牧农林]场|场部|"
                          r"[\u4e00-\u9fff]店(?!员|主(?!营))|对公|基本存款|[一1]般存款|结算户|汇缴|非税|国库|财政|罚没款|指定账户|缴款|"
                          r"(?:监督|投诉|举报|咨询|服务|值班|办公|客服)(?:电话|专线|热线|邮箱|信箱)|传真|"
                          # (round 8) more bodies by the kind of name they end in: schools, courts,
                          # clinics and institutes, offices named …所 by their kind (监督所, 派出所: not 住所, 所用), stations and
                          # halls; and a number the public is told to dial (可拨打…, 致电…)
                          r"[小中大]学(?![生历])|学院|幼儿园|法院|检察院|保健院|研究院|设计院|疗养院|养老院|敬老院|福利院|"
                          r"(?:监督|管理|派出|事务|研究|卫生|戒毒|拘留|看守|收容|托儿|交易|招待|供电|财政|司法|税务|工商|检测|检验|监测|服务|"
                          r"防治|救助|设计|律师|会计|保健|医疗)所|(?:加油|收费|服务|检查|工作|管理|监测|防疫|卫生|派出|"
                          r"检验|救助)站|[图博展]馆|体育馆|[残妇侨文科]联|工会|联合会|商会|学会|拨打|致电|"
                          # (round 8) a credit code or a licence in the clause: the party is a business
                          r"信用代码|营业执照|执照|"
                          # (round 9) an office's department (联系科室：法规科，联系电话：0571—…; 财务科, 办公室)
                          r"科室|[\u4e00-\u9fff]{2}科(?![技学研普目])|"
                          # (round 9) a commission by its short name (县卫健委, 发改委), not 委托
                          r"(?<=[\u4e00-\u9fff])委(?![托屈婉])")
# (after round 10) [一1]般存款: the detectors read the view, where 一 is the digit 1 (一三九… is a
# number), so 一般存款 never matched there. 农商行 is a bank (a rural commercial bank), where an account is held, not its owner
# (转账到我个人的农商行卡6231…): a bank's name never made a number public (银行 is not listed either).
# (round 7) An online shop on a platform (网店, 淘宝店铺, 微店) is a person's: its registered mailbox
# is the keeper's own, not a company's published one.
# (round 8) 某 before an organisation's kind is a masked body (某医院, 某公司, 某银行), and a masked name
# that fills a business's role (法定代表人刘某, 负责人王某某, a shop's 经营者王某) is the business speaking in
# its own description:
# neither makes the number after it a person's.
PERSON = re.compile(r"网店|微店|(?:淘宝|拼多多|抖音|快手|闲鱼)店铺?|当事人|本人|个人|私人|家庭|家中|家里|住宅|宅电|其(?![他它中余])|"
                    r"某(?!某*(?:[省市州盟县区旗镇乡村街路巷道号]|医院|公司|单位|局|所|中心|学校|企业|店|厂|银行|支行|分行))|"
                    r"先生|女士|证人|举报人|投诉人|申请人|代理人|户名")
# The owner after the number: in brackets; after an address also an organisation's name right
# after it (…人民路1号霍邱县市场监督管理局法制科; not after an e-mail: …@aliyun.com向我局发送).
_AFTER = re.compile(r"\s*[(（]([^)）\n]{1,24})[)）]")
_NAME_AFTER = re.compile(r"[\u4e00-\u9fff]{2,20}?(?:局|公司|委员会|政府|法院|检察院|中心|办公室|大厅)")
_REACH = 60
# The role a masked name fills in an organisation's own description (法定代表人刘某, 负责人：欧阳某某).
_DESCRIBED = re.compile(r"某*[(（][^()（）]{1,20}[)）]")
_REPRESENTATIVE = re.compile(r"(?:法定代表人|法人代表|负责人|法定代表|经营者)[：:\s为是]{0,2}[\u4e00-\u9fff]{1,2}\Z")


def named_owner(n: str, end: int, named_after: bool = False) -> bool:
    """Whether an organisation is named as the owner right after n[:end], in brackets (…（单位账户）,
    皖N12345（公司名下营运车辆）) or, with `named_after`, by its name."""
    after = _AFTER.match(n, end) or (_NAME_AFTER.match(n, end) if named_after else None)
    return bool(after and ORGANISATION.search(after.group()) and not PERSON.search(after.group()))


def public(n: str, start: int, end: int, named_after: bool = False) -> bool:
    """Whether what stands at n[start:end] belongs to an organisation (see the module docstring);
    `named_after`: an organisation's name right after it names the owner too (addresses)."""
    if named_owner(n, end, named_after):
        return True
    low = max(0, start - _REACH)
    low = max(low, max(n.rfind(c, low, start) for c in "。\n！!？?") + 1)
    org = person = -1
    for m in ORGANISATION.finditer(n, low, start):
        org = m.end()
    if org < 0:
        return False
    for m in PERSON.finditer(n, low, start):
        if m.start() < person:
            continue  # inside the description of the person before
        if not (m.group() == "某" and _REPRESENTATIVE.search(n, max(low, m.start() - 9), m.start())):
            person = m.end()
            # (round 8) a person's description in brackets right after the name (证人张某某（某超市收银员）):
            # the employer named there does not own the number, the person does
            described = _DESCRIBED.match(n, person, start)
            person = described.end() if described else person
    return org > person


# (round 8) A vehicle an organisation owns, said in the plate's own clause: the company's name (or
# its kind, 有限公司, 合作社, 车队) with what makes it the owner, 名下, 所属, 的 …, and a vehicle
# (…有限公司名下重型厢式货车（浙E5T286）, …公司所属的两辆危险货物运输车（…、…）), or after the plate
# 登记在/系/为…公司名下/的自有车辆. Nobody named in the clause before the plate, nor in what follows
# it: a driver, a masked name or a private owner (李某某驾驶某物流有限公司的货车, 为其个人所有) makes
# it a person's again.
_FIRM = r"(?:公司|有限|集团|企业|合作社|车队|[运输物流客货]站|(?<![个体])户|驾校|学校|医院|机关|单位|(?<![结布格当])局)"
_VEHICLE_BEFORE = re.compile(rf"{_FIRM}[)）]?(?:名下|所属|所有|自有|拥有)?的?[^，,。；;（()）]{{0,12}}?(?:车|车辆)(?:(?:共|计|共计|约)?\d+辆)?[（(：:]?\s*\Z")
_VEHICLE_AFTER = re.compile(rf"\s*[）)]?[^，,。；;]{{0,4}}?(?:登记在|属于|归属于|挂靠在|为|系|是)[^，,。；;]{{0,24}}?{_FIRM}"
                            r"(?:名下|所有|所属|自有|的自有|的营运|的运输|的车辆|的)")
# ((round 10) not the 驾驶 of a driving school's name, 某驾驶培训有限公司)
_DRIVER = re.compile(r"驾驶员|驾驶人|司机|车主|驾驶(?!培训|学校|员?培训)|个人|私人|私家|其|"
                     rf"某(?!某*(?:[省市州盟县区旗镇乡村街路巷道号]|[\u4e00-\u9fff]{{0,8}}?{_FIRM}))")


# (round 9) A vehicle of the state by what it is: an enforcement or official car named right before
# its plate (执法车辆皖K·A1203, 公务用车（号牌鲁A·G2719）, 执法人员驾驶公务用车…: the officer drives it, the
# plate is not his) or in the brackets after it (苏A·J7351（公务用车）, （粤B·A0J92，单位自有）); and a
# police plate (…警), which only the police carry.
# (round 10) and what only an organisation runs: a school bus (校车), a bus line's bus (公交车). Not a
# driving school's training car (教练车, plate …学) by itself: coaches often own the car they attach to
# a school, so it is the school's only when its clause names the school (…驾驶培训有限公司的教练车, 驾校的).
_OFFICIAL = r"(?:执法|公务|公用|警用|执勤|巡逻|巡查|值勤|单位)(?:用车|车辆|车)|公车|警车|校车|公交车|公交大巴"
_OFFICIAL_BEFORE = re.compile(rf"(?:{_OFFICIAL})[（(]?\s*(?:(?:号牌|车牌)(?:号码|号)?[：:\s为是]{{0,2}})?\Z")
_OFFICIAL_AFTER = re.compile(rf"\s*[（(][^）)]{{0,12}}?(?:{_OFFICIAL}|单位(?:自有|所有)|公务)")
# (round 9) The registered owner said after the plate, in its clause or the next one and across a
# bracket's comma (（号牌沪A·R8H17，登记所有人为该公司）, 号牌号码桂C·88K10，所有人：…客运有限公司,
# 鲁B·7H398号的登记所有人为…运输有限公司, 沪D·K8812号属…快递有限公司): an organisation's, unless a
# person stands there (所有人为李某某).
_OWNER_AFTER = re.compile(rf"[号）)]?(?:[^。；;]{{0,30}}?[，,])?(?:\s*(?:号牌|车牌)?)?[^。；;]{{0,6}}?(?:(?:登记|行驶证)?所有人|车主|属于?|归属|行驶证上?登记(?:的|在)?)"
                          rf"(?:为|是|系|：|:)?\s*[^，,。；;]{{0,24}}?{_FIRM}")
# The plate's own word before it (车辆（号牌…）, 货车鲁B·7H398): what the before-clause pattern reads.
_PLATE_WORD = re.compile(r"[（(]?\s*(?:号牌|车牌)(?:号码|号)?[：:\s为是]{0,2}\Z")


# (round 9) A vehicle said to be an organisation's in a clause of its own (这辆车是公司的, 该车系…局所有).
_OWN_CLAUSE = re.compile(rf"车[^，,。；;]{{0,4}}?(?:是|系|为|属于?|归)[^，,。；;]{{0,20}}?{_FIRM}(?:名下|所有|所属|的)?\Z")


_PRIVATE = re.compile(rf"个人|私人|私家|(?<![\u4e00-\u9fff])其|某(?!某*(?:[省市州盟县区旗镇乡村街路巷道号]|[\u4e00-\u9fff]{{0,8}}?{_FIRM}))")


# (round 9) A private owner said right after the plate (（…）系其个人所有, 登记所有人为当事人本人,
# 所有人为李某某), not denied (不属于个人所有).
_PRIVATE_OWNER = re.compile(r"[号）)]?[^。；;]{0,10}?(?:(?<!不属于)(?<!不是)(?<!并非)(?<!非)(?:个人|私人|本人)所有|私家车|"
                            rf"(?:登记)?所有人(?:为|是|：|:)\s*(?:当事人|其|本人|[\u4e00-\u9fff]{{1,2}}某(?!某*[\u4e00-\u9fff]{{0,10}}?{_FIRM})))")


def vehicle_of_organisation(n: str, start: int, end: int) -> bool:
    """Whether the plate n[start:end] is said, in its own clause, to be an organisation's vehicle
    with no person named between the two (see above), or is a vehicle of the state."""
    if _PRIVATE_OWNER.match(n, end):
        return False  # (round 9) said to be a person's right after, whatever came before (…系其个人所有)
    if n.startswith("警", end - 1) or _OFFICIAL_BEFORE.search(n, max(0, start - 16), start) \
            or _OFFICIAL_AFTER.match(n, end):
        return True
    low = max(0, start - 40)
    low = max(low, max(n.rfind(c, low, start) for c in "，,。；;\n") + 1)
    if _DRIVER.search(n, low, start):
        return False  # (李某某驾驶某物流有限公司的货车（…）: the driver is named in the clause)
    word = _PLATE_WORD.search(n, low, start)
    if _VEHICLE_BEFORE.search(n, low, word.start() if word else start):
        return True
    if word and word.start() == low and low and n[low - 1] in "，,":
        # (round 9) a clause that only gives the plate (…垃圾清运车，号牌为豫A·F6231; 这辆车是公司的，号牌…):
        # the vehicle and its owner are the clause before
        prev = max(max(n.rfind(c, max(0, low - 41), low - 1) for c in "，,。；;\n") + 1, max(0, low - 41))
        if not _DRIVER.search(n, prev, low - 1) and (_VEHICLE_BEFORE.search(n, prev, low - 1) or _OWN_CLAUSE.search(n, prev, low - 1)):
            return True
    after = _VEHICLE_AFTER.match(n, end)
    if after:
        return not _DRIVER.search(after.group())
    # (round 9) the owner's word names the owner (车主为该公司): only a private owner there makes it a person's
    owner = _OWNER_AFTER.match(n, end)
    return bool(owner and not _PRIVATE.search(owner.group()))
