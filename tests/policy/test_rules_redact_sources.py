"""The detectors other than names, at the source (issue 20): what got through before and is
stopped now, what must stay public, and the tuning and held-out figures of scripts/eval_leaks.py."""
from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

import pytest
from leakcases import assert_public, assert_stopped

from conftest import ROOT
from gongshi.policy import detectors as d
from gongshi.policy.normalise import BIDI, INVISIBLE, view

LEAKS = ROOT / "tests" / "data" / "leaks"
sys.path.insert(0, str(ROOT / "scripts"))


@pytest.mark.parametrize("text,kind,found,mask", [
    # Addresses: the bare 住 of the opening, （住…）, 居住于, rooms with their estate.
    ("当事人彭某某，住霍邱县城关镇淮河路88号，无证经营。", d.ADDRESS, "霍邱县城关镇淮河路88号", "霍邱县城关镇淮河路**号"),
    ("当事人陈某某（住叶集区三元镇解放街17号）", d.ADDRESS, "叶集区三元镇解放街17号", "叶集区三元镇解放街**号"),
    ("当事人居住于金安区望城街道皋城路205号。", d.ADDRESS, "金安区望城街道皋城路205号", "金安区望城街道皋城路***号"),
    ("户籍地：寿县正阳关镇老街31号", d.ADDRESS, "寿县正阳关镇老街31号", "寿县正阳关镇老街**号"),
    ("当事人在淮河新村5幢1单元201内生产糕点", d.ADDRESS, "淮河新村5幢1单元201", "淮河新村*幢*单元***"),
    ("当事人家住幸福家园3-2-502", d.ADDRESS, "幸福家园3-2-502", "幸福家园*-*-***"),
    ("当事人吴某某，住淮河路八十八号。", d.ADDRESS, "淮河路八十八号", "淮河路*十*号"),
    # Health in plain words.
    ("当事人系聋哑人，由其亲属陪同。", d.HEALTH, "系聋哑人", None),  # with 系 (round 6)
    ("因当事人为孕妇，依法从轻处罚。", d.HEALTH, "孕妇", None),
    ("该员工体检结果显示乙肝表面抗原阳性。", d.HEALTH, "乙肝表面抗原阳性", None),
    ("当事人癌症晚期，申请分期缴纳。", d.HEALTH, "癌症晚期", None),
    ("当事人患精神分裂症多年。", d.HEALTH, "患精神分裂症多年", None),  # the verb too (round 5), how long (6)
    # Round 5 (tune5.tsv's classes, new sentences): a finding covers the verb of having or taking
    # and its adverb; an operation after 行; a medicine in the taking slot, known (喹硫平, 奥司他韦,
    # from the kept table) or by its ending; an addiction; a pregnancy by what is carried; devices
    # in a body; a measured value of a body; people named by a condition with 人士.
    ("当事人钱某某患有克罗恩病，常年在外地就医。", d.HEALTH, "患有克罗恩病，常年在外地就医", None),  # and what goes on (round 6)
    ("经查，当事人于2022年10月行胆囊切除术，术后一直休养。", d.HEALTH, "2022年10月行胆囊切除术，术后一直休养", None),  # when too (round 9)
    # how often too (round 9), and what it is taken for (round 10: 助眠, as fresh sets mark it)
    ("当事人每晚服用喹硫平助眠，次日精神不振。", d.HEALTH, "每晚服用喹硫平助眠", None),
    ("当事人长期口服奥司他韦，自称身体虚弱。", d.HEALTH, "长期口服奥司他韦，自称身体虚弱", None),  # weakness goes on (round 9)
    ("当事人自述一直服用丙戊酸钠，已有五年。", d.HEALTH, "一直服用丙戊酸钠，已有五年", None),
    ("当事人每天服用帕利哌酮控制病情。", d.HEALTH, "每天服用帕利哌酮控制病情", None),  # not in the table: by its ending
    ("当事人已怀了二胎，预产期在下月。", d.HEALTH, "已怀了二胎，预产期在下月", None),
    ("当事人有冰毒吸食史，曾两次被强制戒毒。", d.HEALTH, "有冰毒吸食史，曾两次被强制戒毒", None),
    ("当事人吸食K粉成瘾，已送社区戒毒。", d.HEALTH, "吸食K粉成瘾，已送社区戒毒", None),
    ("当事人左耳植入人工耳蜗，询问时须大声说话。", d.HEALTH, "左耳植入人工耳蜗", None),
    ("当事人呼气酒精含量为45mg/100ml，属饮酒后驾驶。", d.HEALTH, "呼气酒精含量为45mg/100ml", None),
    ("经抽血化验，当事人餐后血糖为14.2mmol/L。", d.HEALTH, "餐后血糖为14.2mmol/L", None),
    ("当事人是一名听障人士，由手语翻译陪同。", d.HEALTH, "听障人士", None),
    ("当事人曾多次自残，情绪不稳定。", d.HEALTH, "自残", None),
    ("当事人患尿毒症，每周两次血液透析。", d.HEALTH, "患尿毒症，每周两次血液透析", None),  # one statement
    ("当事人患有躁郁症，长期服用碳酸锂。", d.HEALTH, "患有躁郁症，长期服用碳酸锂", None),  # …with its medicine
    ("当事人于上月行甲状腺结节切除术，尚在休养。", d.HEALTH, "上月行甲状腺结节切除术，尚在休养", None),
    ("当事人因急性阑尾炎住院治疗10天。", d.HEALTH, "因急性阑尾炎住院治疗10天", None),
    ("该员工体检报告显示丙肝抗体（HCV）阳性。", d.HEALTH, "丙肝抗体（HCV）阳性", None),
    ("当事人双手及面部深二度烧伤，烧伤面积约20%。", d.HEALTH, "双手及面部深二度烧伤，烧伤面积约20%", None),
    # (round 10) with the hospital it happened in, as a stay or an operation there is marked
    ("当事人于2023年1月在县医院顺产一子。", d.HEALTH, "在县医院顺产一子", None),
    ("经检测，当事人毛发中检出甲基苯丙胺成分。", d.HEALTH, "毛发中检出甲基苯丙胺成分", None),
    ("当事人供述其静脉注射吗啡已有两年。", d.HEALTH, "其静脉注射吗啡已有两年", None),
    ("当事人正在注射促红素。", d.HEALTH, "正在注射促红素", None),
    ("当事人在事故中骨盆骨折。", d.HEALTH, "骨盆骨折", None),
    ("该员工体检为乙肝小三阳。", d.HEALTH, "乙肝小三阳", None),
    ("当事人自述肝脏有问题，需长期休养。", d.HEALTH, "肝脏有问题，需长期休养", None),  # an organ that fails, said plainly
    ("当事人年过七旬，口齿不清，由其女儿代为陈述。", d.HEALTH, "口齿不清", None),  # the topic goes on
    ("当事人自称近期焦虑发作，无法入睡。", d.HEALTH, "近期焦虑发作，无法入睡", None),  # what the person says of it
    ("当事人到场时体温39.2℃。", d.HEALTH, "体温39.2℃", None),
    ("当事人左腿有残疾，行走不便。", d.HEALTH, "左腿有残疾，行走不便", None),
    ("当事人系戒毒人员。", d.HEALTH, "系戒毒人员", None),
    ("当事人吸食海洛因后驾驶车辆。", d.HEALTH, "吸食海洛因", None),  # someone's own use
    ("当事人在车间突然晕厥。", d.HEALTH, "晕厥", None),
    # Round 6 (issue 20): the finding runs on through what the statement goes on to say of the same
    # person (treatment, hospital, course, the body), up to the case's own words or another person;
    # plain speech with no 患; a hospital that says what it treats; operations after 行/做了.
    ("当事人称其患有肺结核，正在定点医院接受抗结核治疗，请求延期缴纳罚款。", d.HEALTH,
     "其患有肺结核，正在定点医院接受抗结核治疗", None),
    ("当事人因中风后遗症导致左侧肢体偏瘫，委托其子参加听证。", d.HEALTH, "因中风后遗症导致左侧肢体偏瘫", None),
    ("当事人于2024年1月在市人民医院行胃癌根治术，目前处于化疗期间，申请延期。", d.HEALTH,
     "在市人民医院行胃癌根治术，目前处于化疗期间", None),
    ("当事人因服用过量安眠药被送至急诊洗胃，未能到场。", d.HEALTH, "因服用过量安眠药被送至急诊洗胃", None),
    ("答：我血糖高，打胰岛素的，那天低血糖晕倒了。", d.HEALTH, "我血糖高，打胰岛素的，那天低血糖晕倒了", None),
    ("证人称：“他脑子有点问题，在精神病院住过半年。”", d.HEALTH, "他脑子有点问题，在精神病院住过半年", None),
    ("当事人曾在市精神卫生中心治疗过两年。", d.HEALTH, "曾在市精神卫生中心治疗过两年", None),
    ("答：我那时在妇幼保健院做了人流手术。", d.HEALTH, "在妇幼保健院做了人流手术", None),
    ("当事人于2023年在县医院行腰椎间盘突出手术，术后卧床三个月，店铺由他人代管。", d.HEALTH,
     "在县医院行腰椎间盘突出手术，术后卧床三个月", None),
    ("答：我上个月在县医院做了阑尾切除手术。", d.HEALTH, "在县医院做了阑尾切除手术", None),
    ("答：我肾不好，每周去医院透析两次，店里是我媳妇管。", d.HEALTH, "我肾不好，每周去医院透析两次", None),
    # the plainest speech of a body, by shape (_PLAIN): a measure with an adverb, a failing sense,
    # something grown in an organ, a device put in a body
    ("答：我血糖一直很高，每天都要打针。", d.HEALTH, "我血糖一直很高，每天都要打针", None),
    ("据调查，当事人一只眼睛看不见，无法驾驶车辆。", d.HEALTH, "一只眼睛看不见", None),
    ("答：我肺上有阴影，在医院做检查，所以没按时来。", d.HEALTH, "我肺上有阴影，在医院做检查", None),
    ("答：我腿上装了钢板，走路一瘸一拐。", d.HEALTH, "我腿上装了钢板，走路一瘸一拐", None),
    # Round 5 addresses: the bare 住 ending in a village group, other words for where one lives,
    # the address in brackets after a word for the house, a lettered block, the side of a floor.
    ("当事人（住霍邱县花园镇大兴村梁庄组）擅自占用耕地建房。", d.ADDRESS, "霍邱县花园镇大兴村梁庄组", "霍邱县花园镇大兴村**组"),
    ("当事人寄居于叶集区三元镇新街社区12号楼3单元402室。", d.ADDRESS, "叶集区三元镇新街社区12号楼3单元402室",
     "叶集区三元镇新街社区**号楼*单元***室"),
    ("当事人常住地为城关镇东湖花园D座1107室。", d.ADDRESS, "城关镇东湖花园D座1107室", "城关镇东湖花园D座****室"),
    ("当事人居住在其租住的民房（城西村后街19号三楼）内。", d.ADDRESS, "城西村后街19号三楼", "城西村后街**号*楼"),
    ("当事人家住凤凰城小区6栋2单元5楼西户。", d.ADDRESS, "凤凰城小区6栋2单元5楼西户", "凤凰城小区*栋*单元*楼西户"),
    # Round 6 addresses: the north-west's village group (…村上庄社, …村2社), the side of a floor
    # (5楼右边, 3楼左手), a room with a letter (17-C室), 其居住的 as a label.
    ("当事人户籍地为靖远县东湾镇大坝村下湾社，现在外地。", d.ADDRESS, "靖远县东湾镇大坝村下湾社", "靖远县东湾镇大坝村**社"),
    ("当事人家住南湖小区3栋1单元2楼右侧。", d.ADDRESS, "南湖小区3栋1单元2楼右侧", "南湖小区*栋*单元*楼右侧"),
    ("当事人在其居住的锦绣华庭12-B室内存放烟花爆竹。", d.ADDRESS, "锦绣华庭12-B室", "锦绣华庭**-B室"),
    ("当事人暂居于城关镇解放路27号地下室。", d.ADDRESS, "城关镇解放路27号地下室", "城关镇解放路**号地下室"),
    # Round 5 e-mails and phones: (a) for the @, a dot with spaces, an area code apart.
    ("当事人邮箱：liuqiang(a)126.com", d.EMAIL, "liuqiang(a)126.com", "l***(a)126.com"),
    ("当事人口述邮箱 5839201746 @ qq . com", d.EMAIL, "5839201746 @ qq . com", "5*** @ qq . com"),
    ("当事人家中电话0564-6021 2345。", d.LANDLINE, "0564-6021 2345", "0564-**** 2345"),
    # An ID whose check digit is wrong: still someone's number, read and masked as an ID
    # (detectors._ids: only another number's label, 订单号 …, asks for the check digit).
    ("当事人证件号码：341522198003150011", d.ID, "341522198003150011", "341522********0011"),
    ("当事人身份证号：341522 19800315 0011", d.ID, "341522 19800315 0011", "341522 ******** 0011"),
    # Other identity documents.
    ("台湾居民居住证号码830000199201300049", d.RESIDENCE, "830000199201300049", "830000********0049"),
    ("港澳居民居住证810000198005120317", d.RESIDENCE, "810000198005120317", "810000********0317"),
    ("外国人永久居留身份证931156198503150012", d.RESIDENCE, "931156198503150012", "931156********0012"),
    ("证件号：G1234567（护照）", d.PASSPORT, "G1234567", "G1****67"),
    ("身份证件号码EA1234567", d.PASSPORT, "EA1234567", "EA1****67"),
    ("香港身份证A123456(3)", d.OTHER_ID, "A123456(3)", "A1*****(*)"),
    ("台湾身份证A123456789", d.OTHER_ID, "A123456789", "A12*****89"),
    ("残疾人证号34152219850612003642", d.OTHER_ID, "34152219850612003642", "34****************42"),
    ("家庭电话6021234", d.LANDLINE, "6021234", "***1234"),
    ("联系电话 6201 2345", d.LANDLINE, "6201 2345", "**** 2345"),
    ("电话+86-564-6021234", d.LANDLINE, "+86-564-6021234", "+86-564-***1234"),
    # E-mails in autolinks, attributes, with spaces, with # for @.
    ("联系邮箱<x.y@163.com>", d.EMAIL, "x.y@163.com", "x***@163.com"),
    ('<a href="mailto:zw@qq.com">来信</a>', d.EMAIL, "zw@qq.com", "z***@qq.com"),
    ('<span title="liming88@126.com">邮箱</span>', d.EMAIL, "liming88@126.com", "l***@126.com"),
    ('<img alt="liu.bo@yahoo.com.cn" src="a.png">', d.EMAIL, "liu.bo@yahoo.com.cn", "l***@yahoo.com.cn"),
    ("邮箱 huqiang @ 139.com", d.EMAIL, "huqiang @ 139.com", "h*** @ 139.com"),
    ("邮箱：zhangsan#163.com（#换成@）", d.EMAIL, "zhangsan#163.com", "z***#163.com"),
])
def test_stopped_at_the_source(text: str, kind: str, found: str, mask: str | None) -> None:
    assert_stopped(text, kind, found, mask)


@pytest.mark.parametrize("text", [
    "霍邱县某某商贸有限公司，住所：霍邱县城关镇淮河路88号，法定代表人李某。",
    "当事人经营场所位于霍邱县城关镇银河大厦3栋502室。",
    "某某大厦3栋502室为本局临时办公场所。",
    "本局办公地址：霍邱县城关镇政务大道1号。",
    "经查，光明盲人按摩店未办理营业执照。",
    "依据《残疾人保障法》第三十八条、《艾滋病防治条例》第三十八条的规定。",
    "当事人在广告中宣称其产品能治疗糖尿病、高血压。",
    "患有痢疾、伤寒等消化道传染病的人员，不得从事接触直接入口食品的工作。",
    "当事人销售的孕妇奶粉、乙肝疫苗和糖尿病人专用食品。",
    "县人民医院肿瘤科主任出具了鉴定意见。",
    "服务热线400-888-1234，投诉电话12315。",
    "霍邱县三元镇人民政府；第十八里铺村委会。",
    "第3-2-5项检查结果合格。",
    "住房和城乡建设局会同本局开展检查。",
    "货号E12345678的商品",
    "<a href=\"https://www.samr.gov.cn/\" title=\"国家市场监督管理总局\">总局</a>",
    # Round 5 look-alikes: goods, a law's threshold, a warning label, a test arranged for staff,
    # counted people, a fund, a body's seat, a company's registered seat, a drink's content,
    # gases used at work.
    "当事人销售的助听器未取得医疗器械注册证。",
    "根据《道路交通安全法》，血液酒精含量大于或者等于80mg/100ml的，属于醉酒驾驶。",
    "当事人销售的“喹硫平片”未凭处方销售。",
    "当事人在产品标签上标注“孕妇及哺乳期妇女慎用”。",
    "当事人未设置孕妇和哺乳期妇女禁用的警示标识。",
    "当事人未按规定为员工办理艾滋病检测，违反有关规定。",
    "该养老院收住失能老人25名，其中残疾人12名。",
    "当事人未按规定安排残疾人就业，也未缴纳残疾人就业保障金。",
    "当事人未对高血压、糖尿病等慢性病患者开展随访。",
    "当事人霍邱县城关镇卫生院，地址：霍邱县城关镇红星路18号。",
    "当事人注册住所为霍邱县经济开发区创业路5号，实际经营地与之不符。",
    "经检测，该批次饮料中维生素C含量为12mg/100ml，低于标示值。",
    "当事人使用氧气、乙炔进行切割作业，未取得特种作业证。",
    "当事人为孕妇、老年人提供上门体检服务，未取得执业许可。",
    "当事人未按规定对受伤的员工进行工伤认定申报。",
    "当事人在诊所内非法行医，为患者注射青霉素致其过敏。",
    "执法人员对当事人进行了呼气酒精含量检测，结果为0mg/100ml，未饮酒。",
    "当事人的美容院为顾客注射玻尿酸，未取得医疗美容资质。",
    "该批次自来水余氯含量为0.8mg/L，符合标准。",
    "当事人为吸毒人员提供场所，违反《禁毒法》。",
    "当事人公司车辆皖N12345号（公司名下营运车辆）已年检。",
    "当事人销售的体温计示值误差超标。",
    "当事人容留他人吸食冰毒。",  # others' use: the offence
    "经查，当事人先后引诱3人吸食K粉。",
    "当事人未对患有皮肤病的从业人员调离岗位的制度进行公示。",
    "当事人的养老院未按规定为入住的失智老人配备护理员。",
    "当事人未对就诊的发热病人测量体温并登记。",
    "当事人的产品说明书未标注禁忌症，包装上标注“身体不适者慎用”。",
    "执法人员依法进行了现场检查，未发现违法行为。",
    # Round 6 look-alikes: crowds, our office, hospitals as places and customers, claims, hazards.
    "当事人在人流密集的车站广场违规设置摊点，影响通行。",
    "我局执法人员在市肿瘤医院门口查获无证经营的流动摊贩一名。",
    "当事人经营的诊所擅自开展人流手术，违法所得2万元。",
    "当事人在宣传单上称其产品能治疗失眠、降血压、降血糖。",
    "当事人向戒毒所供应的食品中检出防腐剂超标。",
    "当事人所售儿童玩具存在划伤、摔伤等安全隐患。",
    "当事人未经批准，在其诊所内为多名患者做了白内障手术。",
    "当事人经营场所位于市肿瘤医院对面的临街商铺，面积约30平方米。",
    "当事人向医院精神科病房供应的餐食被检出大肠菌群超标。",
    "答：我吃了午饭就回店里了，没看到有人来送货。",
    "当事人所在的红星村农民专业合作社未按规定公示年度报告。",
    "当事人经营场所位于商业街12号楼3楼右侧，面积约80平方米。",
    "当事人销售的型号为17-C的电动车未取得强制性产品认证。",
    "当事人销售的血压计示值误差超过允许误差，不合格。",
    "当事人的仓库内存放的钢板未按规定堆放，存在安全隐患。",
    "答：我们店的支架都是从厂家直接进的货，有合格证。",
    "当事人在其药店门口摆放“免费测血糖”的招牌招揽顾客。",
])
def test_stays_public(text: str) -> None:
    assert_public(text)


def test_the_partys_seat_in_a_decision_about_an_organisation() -> None:
    text = "当事人住所：霍邱县城关镇淮河路88号。"
    assert [m.kind for m in d.detect(text)] == [d.ADDRESS]  # a natural person's 住所 is a home
    assert d.detect(text, organisation=True) == []          # a company's is its registered seat
    employee = "该公司员工王某某，住址：霍邱县城关镇东湖路66号。"
    assert [m.kind for m in d.detect(employee, organisation=True)] == [d.ADDRESS]


@pytest.mark.parametrize("char", sorted(INVISIBLE))
def test_every_invisible_character_is_a_finding(char: str) -> None:
    [m] = [m for m in d.detect(f"经查{char}当事人无证经营。") if m.kind == d.HIDDEN]
    assert (m.start, m.end, m.text, m.mask) == (2, 3, char, "")


def test_a_number_shown_reversed_is_read_as_shown() -> None:
    stored = "\u202e" + "341522198506120036"[::-1] + "\u202c"
    assert view(stored).text == "341522198506120036"
    found = d.detect(f"当事人身份证号{stored}。")
    assert [m.kind for m in found] == [d.HIDDEN, d.ID, d.HIDDEN]
    assert BIDI <= INVISIBLE


def test_attribute_values_are_read_apart_from_the_text() -> None:
    # The tag still vanishes from the text, so an ID split by one is whole …
    assert [m.kind for m in d.detect('3415<span class="x">22</span>198506120036')] == [d.ID]
    # … and a value does not run into the text around it.
    assert d.detect('<a title="1391234">5678</a>') == []


def test_quiet_never_hides_a_finding() -> None:
    """The cheap test on the source text lets nothing through that the detectors would find."""
    rows = [r["text"] for name in ("tune.tsv", "tune2.tsv", "heldout.tsv", "heldout3.tsv", "tune3.tsv",
                                   "heldout5.tsv", "tune5.tsv", "tune5b.tsv", "tune5c.tsv", "tune5d.tsv", "tune5e.tsv", "tune5f.tsv")
            for r in _rows(LEAKS / name)]
    for text in rows:
        if d.quiet(text):
            assert list(d._detect.__wrapped__(text, (), frozenset(), False)) == [], text


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("name,size", [("tune.tsv", 100), ("tune2.tsv", 75), ("tune5.tsv", 200)])
def test_tuning_set_is_large_enough_and_well_formed(name: str, size: int) -> None:
    rows = _rows(LEAKS / name)
    assert len(rows) >= size
    for r in rows:
        assert (r["class"] == "clean") == (r["secret"] == "") and r["secret"] in r["text"], r["id"]


# (rows, caught) per class; for clean, (rows, flagged). The held-out figures were measured once,
# at the end of issue 20's first round, and reported as they came (main before it: address 9,
# email 13, health 7, id_card 20, other_id 9, phone 19, bank 17, plate 17 caught; clean 7 flagged),
# then 19, 18, 16, 20, 18, 22, 17, 17 caught and 7 flagged. The set is spent since: the second
# round (detectors3) tuned on its misses, so these are tuning figures now, like tune2.tsv's (the
# second round's own sentences; main before it: address 21/29, health 5/26, id_card 11/14,
# other_id 17/21, phone 14/16, email 9/11, bank 9/10, plate 8/9; clean 28/141 flagged).
TUNE = {"address": (25, 25), "bank": (5, 5), "email": (13, 13), "health": (25, 25), "id_card": (8, 8),
        "other_id": (15, 15), "phone": (15, 15), "plate": (5, 5), "clean": (40, 0)}
HELDOUT = {"address": (23, 23), "bank": (17, 17), "email": (18, 18), "health": (22, 22), "id_card": (21, 21),
           "other_id": (18, 18), "phone": (24, 24), "plate": (17, 17), "clean": (63, 0)}
TUNE2 = {"address": (29, 29), "bank": (10, 10), "email": (11, 11), "health": (26, 26), "id_card": (14, 14),
         "other_id": (21, 21), "phone": (16, 16), "plate": (9, 9), "clean": (141, 0)}
HELDOUT_SHA256 = "07326e7c153d34677f3eb72b8beda1c9c0c3e490184492229738208439b9726f"
# A third set (heldout3.tsv), written by a person who had seen neither the detectors nor the
# earlier sets, frozen before the second round was merged and measured once after it (before
# it, main gave address 22, bank 23, email 22, health 12, id_card 23, other_id 18, phone 24,
# plate 25 caught of 25 each; 6 of 60 clean flagged). Once measured, the second round gave
# address 23, bank 23, email 23, health 14, id_card 23, other_id 18, phone 24, plate 25 caught
# and 2 of 60 clean flagged: those are its held-out figures. The set is spent since: the third
# round (detectors4) tuned on its misses, so the figures below are tuning figures, like tune3.tsv's
# (the third round's own sentences, written before it changed anything: address 1/3, bank 0/3,
# email 0/3, health 0/9, id_card 0/3, other_id 1/7, phone 1/2, plate 1/1; clean 2/15 flagged; its
# second batch, written after the first fixes, 30/37 caught and 3/23 flagged before the next; its
# third, after the second fixes, 20/31 and 0/17; a fourth, of look-alikes only, 3/20 flagged; a
# fifth, 6/16 caught; a sixth, 2/3 caught and 2/20 flagged; a seventh, 13/16 and 0/8; an eighth,
# 12/19 and 1/10).
HELDOUT3 = {"address": (25, 25), "bank": (25, 25), "email": (25, 25), "health": (25, 25), "id_card": (25, 25),
            "other_id": (25, 25), "phone": (25, 25), "plate": (25, 25), "clean": (60, 0)}
TUNE3 = {"address": (22, 22), "bank": (12, 12), "email": (11, 11), "health": (55, 55), "id_card": (8, 8),
         "other_id": (31, 31), "phone": (10, 10), "plate": (4, 4), "clean": (108, 0)}
# A fifth set (heldout5.tsv, 30 rows a class and 60 clean), written by yet another person who had
# seen neither the detectors nor the earlier sets, frozen while the third round was under way,
# never opened by its author, and measured once after it was merged (the second round's
# detectors on the same file: address 22, bank 29, email 26, health 4, id_card 29, other_id 23,
# phone 26, plate 30 caught; 2 of 60 clean flagged). "Caught" needs one finding that covers the
# whole secret; counting any finding that overlaps it (the record is refused either way, only
# the suggested mask falls short): address 26, health 26, id_card 29, other_id 29, phone 28,
# email 28, bank 30, plate 30 = 226 of 240.
# Round 5 (detectors5) tuned on its misses too, so it is spent: before it address 25, health 9
# caught and 1 of 60 clean flagged (the figures above), after it these.
# (round 9: health 28 -> 29, an unknown condition said with what it does after the person)
HELDOUT5 = {"address": (30, 28), "bank": (30, 30), "email": (30, 29), "health": (30, 29), "id_card": (30, 29),
            "other_id": (30, 29), "phone": (30, 28), "plate": (30, 30), "clean": (60, 0)}
# Round 5's own rows (tune5.tsv, 215 rows written before any change: 44 health in plain and
# clinical words, 26 addresses in every residence form, 66 look-alikes), measured once before
# any change: address 20/26, bank 12/12, email 10/10, health 28/44, id_card 14/14, other_id
# 15/16, phone 14/14, plate 13/13 caught (126/149) and 8 of 66 clean flagged (12.1%). Secrets
# there include the verb of having or taking (患有孤独症, 服用氯氮平) as a reader marks it, which is
# why a finding now covers that verb. After round 5:
TUNE5 = {"address": (26, 26), "bank": (12, 12), "email": (10, 10), "health": (44, 44), "id_card": (14, 14),
         "other_id": (16, 16), "phone": (14, 14), "plate": (13, 13), "clean": (66, 0)}
# Its second batch (tune5b.tsv, 80 rows written after the first fixes, without looking at the
# patterns: 30 health, 10 addresses, 40 look-alikes), measured once before the next: address
# 10/10, health 24/30 caught, 1 of 40 clean flagged. After:
TUNE5B = {"address": (10, 10), "health": (30, 30), "clean": (40, 0)}
# A third batch (tune5c.tsv, 68 rows of every class, written after the second fixes), measured once
# before the next: address 6/6, health 15/20, id_card 0/2 (labelled IDs whose check digit is
# wrong), the rest all caught; 0 of 30 clean flagged. After:
TUNE5C = {"address": (6, 6), "bank": (1, 1), "email": (2, 2), "health": (20, 20), "id_card": (2, 2),
          "other_id": (2, 2), "phone": (3, 3), "plate": (2, 2), "clean": (30, 0)}
# A fourth (tune5d.tsv, 51 rows of the number-like kinds in unusual forms and their look-alikes),
# measured once before the next change: all 36 caught (one card row corrected first: it had 20
# digits), 1 of 15 clean flagged (a company's plate with its owner in brackets). After:
TUNE5D = {"bank": (5, 5), "email": (5, 5), "id_card": (6, 6), "other_id": (7, 7), "phone": (8, 8),
          "plate": (5, 5), "clean": (15, 0)}
# A fifth (tune5e.tsv, 60 rows: 30 health in the plainest words, 10 addresses, 20 look-alikes),
# measured once before the next change: address 10/10, health 15/30 (!), 0 of 20 clean flagged:
# plain speech about a body (心脏不好, 耳背, 骨质疏松 in a clause of its own) is where the gate
# generalises least. After:
# (round 8: 26 -> 27, the rest of a clause that carries the condition taken into the span)
TUNE5E = {"address": (10, 10), "health": (30, 27), "clean": (20, 0)}
# A sixth (tune5f.tsv, 30 health rows and 15 look-alikes dense with condition words), measured
# once before the next change, the best estimate of unseen health text after this round:
# health 23/30, 3 of 15 clean flagged (患有皮肤病的从业人员, 为入住的失智老人配备…, 一名聋哑人员). After:
# (round 9: 27 -> 29, 患有尿失禁 as one word of the vocabulary with its kind, an injury done to a person
# named before the passive with no body part)
TUNE5F = {"health": (30, 29), "clean": (15, 1)}
# A sixth set (heldout6.tsv: health 50, address 40, id_card 25, other_id 25, phone 25, email 15,
# bank 20, plate 20, 80 clean), written by yet another person who had seen neither the detectors
# nor the earlier sets, frozen before round 5 was merged and never opened by its author; main
# before round 5: address 36, bank 20, email 14, health 7, id_card 3, other_id 22, phone 23,
# plate 20 caught (145/220), 0 of 80 clean flagged; any overlapping finding: 184/220. Round 5 as
# merged, measured once: health 14, id_card 23, other_id 24, the rest as before (174/220), 0 of 80
# flagged; any overlapping finding 207/220. Its id_card rows mostly carry a wrong check digit: the
# figure before prompted reading such an ID as a typo'd ID unless another number's label stands
# before it (detectors._OTHER_NUMBER), so that class is no longer unseen (25/25; 176/220 in all,
# 209/220 overlapping). Spent since.
# Round 6 (detectors6) tuned on its misses: health 14 -> 47 caught whole (the rest as above),
# still 0 of 80 clean flagged; the misses left begin with the speaker (我有癫痫病, 其子患有…) or
# run on into the speaker's own words (…，那天低血糖晕过去了).
# Addresses: 36 -> 39 of 40 (…村上庄社, 5楼右边, 其居住的…17-C室; left: a group and a house
# number in two clauses, 东风村三组，门牌号是东风路47号). Round 7: phones 23 -> 24 (mobiles
# joined by 、 are one finding), e-mails 14 -> 15 (an online shop's mailbox is its keeper's),
# other documents 24 -> 25.
# Round 8: health 47 -> 50 whole (who has it, 我/其子, taken into the finding; 孤独症谱系障碍).
HELDOUT6 = {"address": (40, 39), "bank": (20, 20), "email": (15, 15), "health": (50, 50), "id_card": (25, 25),
            "other_id": (25, 25), "phone": (25, 24), "plate": (20, 20), "clean": (80, 0)}
# Round 6's own rows (tune6.tsv: 25 health whose secret runs on through treatment, hospitals,
# operations and plain speech, 14 look-alikes), written before any change and measured once:
# health 0/25 caught whole (19/25 touched by a finding), 0 of 14 clean flagged. After:
TUNE6 = {"health": (25, 25), "clean": (14, 0)}
# Its second batch (tune6b.tsv: 20 health, 20 look-alikes built to trip the new rules), written
# after the first fixes and measured once before the next: health 8/20 (main 3/20), 1 of 20 clean
# flagged (main the same row). After:
TUNE6B = {"health": (20, 20), "clean": (20, 1)}
# A third (tune6c.tsv: 5 health, 15 look-alikes on the new cues), after the second fixes, measured
# once before the next: health 3/5 (main 0/5), 0 of 15 flagged. After:
TUNE6C = {"health": (5, 5), "clean": (15, 0)}
# A fourth (tune6d.tsv: 8 addresses in those forms, 8 look-alikes: a 合作社 and a 旅行社 in a
# village, 17-C as a model, a shop's 3楼右侧), written after the address fix was coded: main gives
# address 0/8, 0 of 8 flagged; the fix as first written 6/8 (a numbered group, 大滩村二社, read 2社
# in the view, was not a unit yet). After:
TUNE6D = {"address": (8, 8), "clean": (8, 0)}
# A fifth (tune6e.tsv: 12 health in the plainest speech, 10 look-alikes), after the address fix,
# measured once before the next: health 2/12 (main 1/12), 0 of 10 flagged: a body said plainly is
# still where the gate generalises least. After:
# (round 10: 12/12, the last row's course said after it now carried)
TUNE6E = {"health": (12, 12), "clean": (10, 0)}
# An eighth set (heldout8.tsv: health 60 in every register, address 30, id_card 15, other_id 15,
# phone 15, email 10, bank 10, plate 10, 75 look-alikes of health and organisations' numbers),
# written by one more person who had read neither the detectors nor the earlier sets, frozen
# before round 6 was merged and never opened by its author; main before round 6 (round 5):
# health 8, address 23 caught whole (97/165 in all; 144/165 touched), 10 of 75 clean flagged;
# the session's start (before round 5): health 2, 76/165, 121 touched, 12 of 75 flagged. Round 6,
# measured once: health 18/60 whole (52/60 touched), the rest as before (107/165; 146 touched),
# 10 of 75 flagged (an organisation's phone after its address, 5; conditions named by a law, a
# statistic or a notice to a group, 5). Spent since. Round 7 tuned on it (read, not held out):
# an organisation's premises as owners (车间, 卫生院, 本店主营) and 某市 no person, then a law's
# quoted text, a statistic and a notice to a group as nobody's health: 0 of 75 flagged; phones
# 12 -> 15 ((+86), 3-4-4 with commas, mobiles joined by 、 as one finding), e-mails 8 -> 10,
# other documents 12 -> 15 (Hong Kong cards and 社会保险 numbers by their labels), bank 9 -> 10,
# addresses 23 -> 27 (户籍地为…村, 户口在老家，…, 暂住证登记地址, 住在我姐家，就在…).
# Round 8 tuned its health rows (read, not held out) for the whole statement: who has it before the
# verb (我有癫痫, 儿子有…), more verbs (是, 被确诊为, 因长期酗酒患有, 尿检结果显示…), what the statement
# goes on to say (care, a fever, a birth, a course, a grade of injury, 截去…脚趾, a titre 1:8, a
# duration said plainly), ribs and joints as body parts, 糖化血红蛋白9.2%, 某 before a place or a
# body no person, the rest of a clause that carries the condition when little of it is left
# (昏迷|不醒), a condition said with 了 (中风了), a drug in the past tense (吸过冰毒), 生下来就是…, a
# diagnosis's label's colon no clause end (诊断：1.…), 关过, …切除术; a birth said plainly (生完孩子):
# health 18 -> 49 of 60 whole; then an injury done to a body part named before it (…手指被冲床压断):
# 50.
# Round 9 (mechanisms for other sets' rows, not tuned on this one): 50 -> 53, a coma's 状态, an operation's
# 切除术 after the bare verb, the work one can no longer do.
# (round 10: address 28 — an address restated in the next clause; health 54 — a prescription in an answer)
HELDOUT8 = {"address": (30, 28), "bank": (10, 10), "email": (10, 10), "health": (60, 54), "id_card": (15, 15),
            "other_id": (15, 15), "phone": (15, 15), "plate": (10, 10), "clean": (75, 0)}
# Round 7's own rows (tune7.tsv: organisations' landlines and conditions named by laws, statistics
# and notices, 16 look-alikes, with persons' phones and health close to them, 9): main 9/9 caught,
# 10 of 16 flagged; after that fix 0 of 16. Then its rows of the misses (the 3-4-4 phone in Chinese
# numerals with commas, (+86), two phones joined by 、, Hong Kong cards by their label, 社保/医保
# 个人编号, 支付宝用户号, online shops' e-mails, 户籍地为/登记地址为/户口在老家, and 10 look-alikes),
# measured once before fixing them: 12/26 caught, 0 of 26 flagged. After:
TUNE7 = {"address": (4, 4), "bank": (2, 2), "email": (2, 2), "health": (4, 4), "other_id": (4, 4),
         "phone": (10, 10), "clean": (26, 0)}
# A ninth set (heldout9.tsv: 100 look-alikes, most of them organisations' numbers and addresses,
# company vehicles, conditions in laws, statistics, notices and product hazards; 120 planted),
# written by one more person who had read neither the detectors nor the earlier sets, frozen
# before round 7 was merged and never opened by its author; main before round 7: 113/120 caught
# whole (114 touched), 26 of 100 clean flagged; round 7, measured once: 115/120 (116 touched),
# 23 of 100 flagged. Round 7 took the eighth set's false alarms from 10 to 0 and this set's only
# from 26 to 23: the same classes written other ways (a company's truck before its plate, 《…法》
# 规定, 烫伤 as a product's hazard, a clinic's phone in brackets) were not covered. Spent since.
# Round 8 tuned on it (read, not held out): whose a number is by more kinds of bodies (…所, 小学,
# 法院, 保健院, a number one is told to dial) and a company's representative (法定代表人黄某) no
# owner; a company's vehicle said in the plate's own clause (…有限公司名下货车（…）, 登记在…公司名下):
# 23 -> 12 of 100 flagged; then whose a condition is, with nobody named in its clause: a hazard of
# goods, a term defined, a register or a count, an entitlement or instruction to a group, a
# sentence with a law as its subject or a body's notice (a 其 after the condition is the group's):
# 12 -> 0 of 100, no planted row of any corpus lost. Its two address misses by their forms:
# 常住地址：…, a house number before 的自有住房.
HELDOUT9 = {"address": (20, 20), "bank": (10, 10), "email": (10, 10), "health": (35, 35), "id_card": (10, 10),
            "other_id": (10, 10), "phone": (15, 15), "plate": (10, 10), "clean": (100, 0)}
# Round 8's own rows (tune8.tsv), each batch measured once before the fixes it led to. Batch 1
# (46 rows: organisations' numbers and vehicles, conditions of laws, notices, statistics and
# product hazards, 25 look-alikes; persons' phones after a date and after a masked number;
# health said whole, 15): main 13/21 caught, 18 of 25 flagged; after the owners' and the
# generic-clause fixes 15/21, 0 of 25. Batch 2 (34 rows: the same classes written other ways,
# 20 look-alikes, and persons' data right beside the new exclusions, 14): main 12/14, 11 of 20
# flagged; the branch before its fixes 13/14, 6 of 20; after: 14/14, 0 of 20. Batch 3 (33 rows:
# health said whole in every register, 15, look-alikes dense with the run-on's words and the
# generic clauses, 15, a driver named before a company's truck), after the health-whole fixes:
# main 8/18, 6 of 15 flagged; the branch before its fixes 14/18, 0 of 15; after: 18/18, 0 of 15.
# Batch 4 (24 rows: an office's number by its label, a credit code in the clause, a licence's
# 经营者, accounts, persons' numbers beside companies, addresses as heldout9's two misses were
# written): main 7/9, 5 of 15 flagged; the branch before its fixes 7/9, 2 of 15; after: 9/9, 0 of 15.
# Batch 5 (24 rows: health in written statements, records and answers, 10; look-alikes of
# hospitals, insurance, labels and statistics, 12): main 7/12, 1 of 12 flagged; the branch before
# its fixes 10/12, 0 of 12 (记不清事情, 昏迷不醒 left out of the span); after: 12/12, 0 of 12.
# Batch 6 (10 rows: heldout8's last health forms written anew, 6, and look-alikes of them, 4),
# written after the fixes heldout8 led to: main 2/6, the branch before those fixes 3/6, with them
# 4/6 (吸过海洛因 at a clause's start, 诊断：1.2型… lost its item number); after: 6/6, 0 of 4.
# Batch 7 (20 rows: look-alikes dense with 了, 是, 吸过 and conditions, 15; births and injuries
# said plainly, 5): main 3/5, 2 of 15 flagged; the branch before its fixes 3/5, 1 of 15 (手足口病了
# of an area: 了 now needs a person in the sentence); after (生了孩子 as a birth, 钢钉 as the
# course): 5/5, 0 of 15.
# Batch 8 (15 rows: a business known by its credit code or licence in the clause, offices' labels,
# a driving school's car, 10; persons' numbers beside them, 5): main and the branch before its
# fixes 4/5, 4 of 10 flagged; after (信用代码/营业执照 as the business, 驾校 as a vehicle's owner, an
# employer in brackets after a person's name no owner: 证人张某某（某超市收银员）的联系电话): 5/5, 0 of 10.
# Batch 9 (20 rows: health in statements and expert findings, 10; look-alikes of laws, statistics,
# services and hazards, 10): main and the branch before its fixes 6/10, 2 of 10 flagged; after (被查出
# 患有, 今年初, 不能控制…行为, 无法正常交流, an injury done to a body part 被…轧断, 为方便…, 为…职工缴纳):
# 10/10, 0 of 10.
# Batch 10 (20 rows, every class): main 7/10, 2 of 10 flagged; the branch before its fixes 7/10,
# 1 of 10 (孕妇照 a studio's product); after (a duration in the next clause, 已经三个多月, and after a
# medicine, 已有两年; 眼睛做过手术): 10/10, 0 of 10.
# Batch 11 (16 rows: persons' health right beside the new exclusions, 10; look-alikes, 6): main 5/10,
# 3 of 6 flagged; the branch before its fixes 6/10, 0 of 6 (a law's sentence that names the party
# after the condition, 对怀孕五个月的当事人李某某…, was let go: a person named anywhere in it now counts,
# only a 其 or 他 after the condition does not); after (十余年, 残疾等级为二级): 9/10, 0 of 6. Left:
# 系残疾人，享受最低生活保障 (the writer marked the allowance too; the finding stops at 残疾人).
# Batch 12 (10 rows: persons named by other nouns, 户主, 村民, 营业员, beside notice, hazard and
# entitlement words, 6; look-alikes, 4), a recall check of those rules, no fix after it: 6/6, 0 of 4
# (main the same).
TUNE8 = {"address": (3, 3), "bank": (1, 1), "email": (1, 1), "health": (92, 91), "phone": (20, 20), "plate": (9, 9),
         "clean": (146, 0)}
# A tenth set (heldout10.tsv: 125 look-alikes made hard on purpose, organisations' numbers,
# government and company fleets, conditions of laws, statistics and hazards, 15-18 digit case and
# batch numbers; 175 planted, health 50), written by one more person who had read neither the
# detectors nor the earlier sets, frozen before round 8 was merged and measured once on main
# before (155/175 caught whole, 171 touched, health 31/50 whole, 12 of 125 clean flagged) and once
# after round 8 (160/175 whole, 171 touched, health 36/50 whole and 47/50 touched, 8 of 125
# flagged). What was still flagged: government and company vehicles whose plate is written with
# a middle dot beside 执法车辆/公务用车/登记所有人为该公司 (6), a statistic of 艾滋病病毒感染者, an
# office's landline with an em dash. Health not caught whole: a course or a grade in the next
# words (化疗第四周期, 言语不清), Q&A (发烧39度…打点滴), hearsay (去过精神病院). Spent since.
# Round 9 tuned on it (spent): vehicles of the state and owners said after the plate, an office's
# department (8 -> 0 flagged); health said whole by mechanisms (a course's cycle, a faculty failing
# with adverbs, a fever with its temperature, a disability's category, hearsay of a ward, 强阳性,
# IgM, 高危/早期, organs before growths), 36 -> 49; 住在我老家，… as an address, 29 -> 30; then (tune9c's
# fixes) a course that goes on after a fever in an answer (发烧39度…打点滴…下不了床): 50.
HELDOUT10 = {"address": (30, 30), "bank": (15, 15), "email": (10, 10), "health": (50, 50), "id_card": (15, 15),
             "other_id": (20, 20), "phone": (20, 20), "plate": (15, 15), "clean": (125, 0)}
# An eleventh set (heldout11.tsv: the same brief as heldout10, 175 planted, 125 look-alikes), written
# by one more person who had read neither the detectors nor the earlier sets, frozen at 22:13 UTC
# before round 9 was merged and measured once on main before it (7a509d0: 156/175 caught whole,
# 165 touched, health 36/50 whole and 44/50 touched, 6 of 125 clean flagged) and once after it
# (61fd5da: 159/175 whole, 165 touched, health 39/50 whole, 3 of 125 flagged). Not caught whole:
# addresses at a place of service (送达地点：…8楼15号), in an answer (住在…城中村，…503房) and by a
# village's group and house (住本村二组（村委会东侧第三户）); bank cards after a bank's name with no
# label (中国建设银行…支行 6227 …); health said by its treatment (美沙酮维持治疗, 服用了佐匹克隆片助眠,
# 一直在吃碳酸锂, 住院治疗 in an answer, 强制隔离戒毒), by a measure (裸眼视力0.3) or only in part
# (系肺癌晚期患者, 右手三指因工伤截肢, 支架植入术). Still flagged: a company's 400 number, a school bus
# and a driving school's car whose plates are written with a middle dot. Spent since. Round 10 tuned on
# it (with tune12, tune12b and tune12c): all caught whole, none flagged.
HELDOUT11 = {"address": (30, 30), "bank": (15, 15), "email": (10, 10), "health": (50, 50), "id_card": (15, 15),
             "other_id": (20, 20), "phone": (20, 20), "plate": (15, 15), "clean": (125, 0)}
# A twelfth set (heldout12.tsv: the same brief, 175 planted, 125 look-alikes), written by one more
# person who had read neither the detectors nor the earlier sets, frozen at 00:45 UTC on 2026-12-08
# before round 10 was merged and measured once on main before it (7fc0a2a: 167/175 caught whole,
# 170 touched, health 46/50 whole, 3 of 125 clean flagged) and once after it (369b8a2: 166/175
# whole, 170 touched, health 45/50, 4 of 125 flagged): round 10 carried nothing to fresh text. Not
# caught whole: health whose person stands far before it (…在执法人员到场前新冠病毒抗原自测阳性), an
# operation in an answer (我在县人民医院做阑尾炎手术), 确诊为甲型病毒性肝炎, 行宫外孕手术 with its date,
# 右肾切除术后需定期复查 only in part; an address after 送达地址（当事人住所）, a Hong Kong flat's letter
# (6楼B室); bank cards after a card's brand with no label (农商行卡, 建行龙卡). Flagged: a company's
# registered address after 送达地点, an agency's contact address, a shop in a flat (商住楼一层商铺), an
# agency's duty mobile said to be no person's. Spent since: a bank's short name and a card's brand
# before the number (建行龙卡, 农商行卡: 农商行 named the bank, not the owner) are read since (15/15).
HELDOUT12 = {"address": (30, 28), "bank": (15, 15), "email": (10, 10), "health": (50, 45), "id_card": (15, 15),
             "other_id": (20, 20), "phone": (20, 20), "plate": (15, 15), "clean": (125, 4)}
# Round 9's own rows (tune9.tsv: 70 health in plain and clinical words, 60 hard look-alikes: fleets
# and government plates with ·, offices' phones with em dashes, statistics, laws, product hazards;
# 33 numbers and addresses), written before the round's changes and measured once on main: 81/103
# whole (health 49/70), 16 of 60 flagged. After: all caught, none flagged.
TUNE9 = {"address": (7, 7), "bank": (3, 3), "email": (3, 3), "health": (70, 70), "id_card": (3, 3),
         "other_id": (6, 6), "phone": (6, 6), "plate": (5, 5), "clean": (60, 0)}
# An eleventh set (tune11.tsv, 300 rows by an independent writer who had not read the code: 175
# planted, health 50; 125 look-alikes), measured once on main before round 9 tuned on it, the best
# estimate of unseen text: 153/175 whole, 170 touched, health 33/50 whole, 12 of 125 flagged; with
# round 9's changes made before it arrived (from tune9 and the spent sets): 156/175, 170 touched,
# health 35/50, 6 of 125 flagged. Then tuned on (spent): all caught whole, none flagged.
# Round 9's second batch (tune9b.tsv: 35 health, 25 look-alikes), written after the tune11 fixes and
# measured once before the changes it led to: main 17/35 whole, 7 of 25 flagged; the branch 17/35, 4
# of 25 — fresh wording of health still escaped the first fixes half the time. After: 34/35, 0 of 25
# (left: a child in an incubator said after the mother's 早产, another person named).
TUNE9B = {"health": (35, 34), "clean": (25, 0)}
# Round 9's third batch (tune9c.tsv: 25 health in other registers, 15 look-alikes), measured once
# before the changes it led to: main 14/25 whole, 6 of 15 flagged; the branch 14/25 (18 touched), 3 of
# 15. After (a clinical document's colon, an unknown condition with what it does, 转移, 感染 of a body
# part, 人流 after its verb, units in Chinese, times said plainly, counted among, hazards): 24/25, 0.
TUNE9C = {"health": (25, 25), "clean": (15, 0)}  # (round 10: 25, a course said after a stay)
# Round 9's fourth batch (tune9d.tsv: 15 health, 10 addresses and numbers, 15 look-alikes), measured
# once before the changes it led to: main 17/25 whole (health 7/15), 4 of 15 flagged; the branch 17/25
# (health 7/15, 12 touched), 2 of 15 — the whole statement is what fresh wording still escapes. After
# (a list's items share what follows the last, an organ before its treatment, a condition that comes
# back, a biopsy, a faculty measured low, a rash, 我患了, 有 after a person): 25/25, 0 of 15.
TUNE9D = {"address": (5, 5), "health": (15, 15), "other_id": (2, 2), "phone": (3, 3), "clean": (15, 0)}
# Round 9's fifth batch (tune9e.tsv: 20 health, 5 numbers and addresses, 15 look-alikes close to the
# round's new exclusions), measured once before the changes it led to: main 12/25 whole (health 9/20),
# 5 of 15 flagged; the branch 14/25 (health 11/20, 16 touched), 3 of 15. After: 25/25, 0 of 15.
TUNE9E = {"address": (3, 3), "health": (20, 20), "other_id": (1, 1), "phone": (1, 1), "clean": (15, 0)}
# Round 9's sixth batch (tune9f.tsv: 30 look-alikes dense with the round's new triggers, 10 health),
# measured once before the changes it led to: main 4/10 whole, 3 of 30 flagged; the branch 7/10, 4 of
# 30. After: 10/10, 1 of 30 (an employee's office line with an extension, 张某某（电话…转8002）: the
# person's word is nearer; the corpora hold persons' own lines with extensions, so it stays flagged).
TUNE9F = {"health": (10, 10), "clean": (30, 1)}
# Round 9's seventh batch (tune9g.tsv: 20 health, 5 numbers and addresses, 15 look-alikes), measured
# once before the changes it led to: main 10/25 whole (health 5/20), 2 of 15 flagged; the branch 12/25
# (health 7/20, 14 touched), 1 of 15. After: 25/25, 0 of 15.
TUNE9G = {"address": (2, 2), "health": (20, 20), "other_id": (1, 1), "phone": (1, 1), "plate": (1, 1), "clean": (15, 0)}
# Round 9's eighth batch (tune9h.tsv: 18 health, 12 look-alikes), measured once before the changes it
# led to: main 9/18 whole, 2 of 12 flagged; the branch 11/18 (14 touched), 2 of 12. After: 18/18, 0 of 12.
TUNE9H = {"health": (18, 18), "clean": (12, 0)}
# Round 9's ninth batch (tune9i.tsv: persons' numbers and plates right beside the round's new public
# rules, 10; health, 5; look-alikes, 10), measured once before the changes it led to: main 13/15 whole,
# 3 of 10 flagged; the branch 13/15 (a private car in a company's clause passed: a private owner said
# after the plate now outweighs), 1 of 10. After: 15/15, 0 of 10.
TUNE9I = {"address": (2, 2), "bank": (1, 1), "health": (5, 5), "other_id": (1, 1), "phone": (2, 2), "plate": (4, 4),
          "clean": (10, 0)}
# Round 9's tenth batch (tune9j.tsv: 8 addresses, 7 health, 8 look-alikes), measured once before the
# changes it led to: main and the branch 12/15 whole, 4 of 8 flagged. After: 15/15, 1 of 8 (a staff
# housing block's own address, 家属楼的地址为…67号院, left: no room in it, but whose it is the text
# does not say).
TUNE9J = {"address": (8, 8), "health": (7, 7), "clean": (8, 1)}
# Round 9's eleventh batch (tune9k.tsv: 15 health in formal and reported speech, 10 look-alikes),
# measured once before the changes it led to: main 3/15 whole (12 touched), 2 of 10 flagged; the branch
# 4/15 (12 touched), 2 of 10. After: 14/15, 0 of 10 (left: a prognosis, 被医生告知只剩半年时间).
TUNE9K = {"health": (15, 14), "clean": (10, 0)}
# Round 9's twelfth batch (tune9l.tsv: 10 health, 5 look-alikes), measured once before the changes it
# led to: main and the branch 1/10 whole (6 touched), 0 of 5 flagged. After: 9/10, 0 of 5 (left: 得过结核
# — 结核 as a word of its own would cut 结核性胸膜炎 short). Round 10: 10/10, 结核 only after a verb of
# having had it (得过结核), never before 性.
TUNE9L = {"health": (10, 10), "clean": (5, 0)}
TUNE11 = {"address": (30, 30), "bank": (15, 15), "email": (10, 10), "health": (50, 50), "id_card": (15, 15),
          "other_id": (20, 20), "phone": (20, 20), "plate": (15, 15), "clean": (125, 0)}
# Round 10. A twelfth set (tune12.tsv: 300 rows by an independent writer who had not read the code,
# the brief of tune11), measured once on main before round 10 changed anything, the best estimate of
# unseen text: 168/175 whole, 171 touched, health 44/50 whole (46 touched), 4 of 125 flagged (a
# statistic's share, a law's article after its colon, a class of workers by a pregnancy's threshold, a
# fleet's plate range). Then tuned on: all caught whole, none flagged.
TUNE12 = {"address": (30, 30), "bank": (15, 15), "email": (10, 10), "health": (50, 50), "id_card": (15, 15),
          "other_id": (20, 20), "phone": (20, 20), "plate": (15, 15), "clean": (125, 0)}
# Round 10's own rows (tune12b.tsv: 60 health by treatment, medication, measure and course in
# witnesses' and clerks' words, each secret the whole statement from its subject side to the end of its
# course; 18 addresses and numbers; 42 look-alikes: school and fleet plates with ·, 400/800 numbers,
# statistics and laws naming diseases and drugs, a product's dosage), measured once on main before the
# changes: 38/78 whole (health 22/60 whole, 41 touched), 5 of 42 flagged. After: 77/78, 0 of 42 (left:
# an address at a place of work, 住在其工作的建材市场B区18号门面后面的隔间, found up to 18号).
TUNE12B = {"address": (8, 7), "bank": (2, 2), "email": (1, 1), "health": (60, 60), "id_card": (1, 1), "other_id": (1, 1),
           "phone": (3, 3), "plate": (2, 2), "clean": (42, 0)}
# Round 10's second batch (tune12c.tsv: 35 health, 5 numbers and addresses, 25 look-alikes), written
# after the first fixes and measured once before the changes it led to: the branch 17/40 whole (health
# 12/35 whole, 25 touched), 1 of 25 flagged; main 17/40 (health 12/35, 24 touched), 3 of 25 — the
# first fixes carried almost nothing to fresh wording when the secret is the whole statement. After:
# 39/40, 0 of 25 (left: 因低血糖晕倒在店内, where it happened).
TUNE12C = {"address": (2, 2), "bank": (1, 1), "health": (35, 34), "phone": (1, 1), "plate": (1, 1), "clean": (25, 0)}
# Round 10's third batch (tune12d.tsv: 35 health in fresh wording, 20 look-alikes), written after every
# change before it and measured once before the changes it led to: the branch 19/35 whole (29 touched), 1
# of 20 flagged; main 16/35 (28 touched), 2 of 20 — about half of fresh health wording caught whole, nine
# in ten touched. After (unknown conditions by more endings, an answer's stays, a systolic value, a
# function re-examined, a transplant said plainly, a count before a condition): 35/35, 0 of 20.
TUNE12D = {"health": (35, 35), "clean": (20, 0)}
# Round 10's fourth batch (tune12e.tsv: 22 health, 8 look-alikes), written after every change before it
# and measured once: the branch 11/22 whole (15 touched), 0 of 8 flagged; main 10/22 (15), 0 of 8. After
# (a blood station's treatment, every other day, years of a medicine, a fever that does not go down, a
# value said how high, a lesion found, a parent said plainly, a monitor worn, a birth's month): 21/22, 0
# of 8 (left: 说是腱鞘炎犯了, a condition that flares with nobody named before it).
TUNE12E = {"health": (22, 21), "clean": (8, 0)}
FROZEN = {"heldout.tsv": HELDOUT_SHA256,
          "heldout10.tsv": "f8493b0aec78c699ef637c163feacbe4ce6d679f300852660aabe3a53ef70f7f",
          "heldout11.tsv": "a3e58efb1b6fcd8866f0b68ec8fc87e479608db27f77c767e0c9f7ddcff9a507",
          "heldout12.tsv": "a00898869c37e3059c3fc2be97774d8eeff35a9dc720b8c35a8f70a29d5c94f1",
          "tune11.tsv": "5e8c66f9d7aa942c2c90639c68c4f60e8efa26ac47bde84c965dd8133d3f78ca",  # its before-figures are of this file
          "tune12.tsv": "86e22f73d738da005f4eb08fbfd74e28529bf3957068ddbbfb65b14d807ef343",  # (as its writer delivered it: its before-figures are of this file)
          "heldout9.tsv": "c5c10f5ae0b329962f04957d1b6d3dd1586351ce8e3468c5692026d3ba6bf8f8",
          "heldout8.tsv": "dac3b81da5f413090d058c3e5219a56413875057d34d4bf246627c8268d6a39a",
          "heldout6.tsv": "13e0c2d002a72861b3a02f061634785ac51bf54ff6b47793224a5ccc277cd490",
          "heldout3.tsv": "e6cfe77bde6fab80f231550582770b65a6008f2ab9894e39a76e74465b9d6d53",
          "heldout5.tsv": "cbe76f7a13f9342b1208f4e165bff344a96508a959fe57be1149531f9b6438df"}


@pytest.mark.parametrize("name,figures", [("tune.tsv", TUNE), ("heldout.tsv", HELDOUT), ("tune2.tsv", TUNE2),
                                          ("heldout3.tsv", HELDOUT3), ("tune3.tsv", TUNE3),
                                          ("heldout5.tsv", HELDOUT5), ("tune5.tsv", TUNE5),
                                          ("tune5b.tsv", TUNE5B), ("tune5c.tsv", TUNE5C),
                                          ("tune5d.tsv", TUNE5D), ("tune5e.tsv", TUNE5E),
                                          ("tune5f.tsv", TUNE5F), ("heldout6.tsv", HELDOUT6),
                                          ("tune6.tsv", TUNE6), ("tune6b.tsv", TUNE6B), ("tune6c.tsv", TUNE6C),
                                          ("tune6d.tsv", TUNE6D), ("tune6e.tsv", TUNE6E),
                                          ("heldout8.tsv", HELDOUT8), ("tune7.tsv", TUNE7),
                                          ("heldout9.tsv", HELDOUT9), ("tune8.tsv", TUNE8),
                                          ("heldout10.tsv", HELDOUT10), ("heldout11.tsv", HELDOUT11), ("heldout12.tsv", HELDOUT12), ("tune9.tsv", TUNE9),
                                          ("tune9b.tsv", TUNE9B), ("tune9c.tsv", TUNE9C), ("tune9d.tsv", TUNE9D),
                                          ("tune9e.tsv", TUNE9E), ("tune9f.tsv", TUNE9F),
                                          ("tune9g.tsv", TUNE9G), ("tune9h.tsv", TUNE9H),
                                          ("tune9i.tsv", TUNE9I), ("tune9j.tsv", TUNE9J),
                                          ("tune9k.tsv", TUNE9K), ("tune9l.tsv", TUNE9L),
                                          ("tune11.tsv", TUNE11), ("tune12.tsv", TUNE12),
                                          ("tune12b.tsv", TUNE12B), ("tune12c.tsv", TUNE12C),
                                          ("tune12d.tsv", TUNE12D), ("tune12e.tsv", TUNE12E)])
def test_eval_leaks_figures(name: str, figures: dict[str, tuple[int, int]]) -> None:
    """The figures scripts/eval_leaks.py prints (and the report gives) for both corpora."""
    import eval_leaks
    path = LEAKS / name
    if name in FROZEN:  # frozen: the figures are only worth anything on that file
        assert hashlib.sha256(path.read_bytes()).hexdigest() == FROZEN[name]
    result = eval_leaks.measure(path)
    assert {cls: (t.rows, t.hits) for cls, t in result.items()} == figures


def test_bounded_work_on_72_kB() -> None:
    """Thousands of matches or cues in one long sentence stay linear (before: two minutes for
    72 kB of 乙肝, and de-duplication of overlapping matches quadratic). Eight times the text
    must take about eight times as long, not sixty-four: compared on the same machine at the
    same moment, not against a clock."""
    import time

    def seconds(text: str) -> float:
        d._detect.cache_clear()
        start = time.perf_counter()
        d.detect(text)
        return time.perf_counter() - start
    for unit in ["乙肝", "当事人患有乙肝", "3栋502室", "残疾人证号1234567", "\u202e1", "住址1"]:
        short, long = (unit * 5000)[:9000], (unit * 40000)[:72000]
        assert seconds(long) < 24 * seconds(short) + 1.0, unit


def _permit(seed: int) -> str:
    from gongshi.runtime.checksums import id_check_char
    region = ("810000", "820000", "830000", f"9{31 + seed % 3}1{seed % 900 + 100:03d}"[:6])[seed % 4]
    first = f"{region}{1950 + seed % 60}{1 + seed % 12:02d}{1 + seed % 28:02d}{seed % 1000:03d}"
    return first + id_check_char(first)


def _hkid(seed: int) -> str:
    letter, six = "ABCDEGHKMPRZ"[seed % 12], f"{seed % 10**6:06d}"
    check = next(c for c in "0123456789A" if d.hkid_valid(letter, six, c))
    return f"{letter}{six}({check})"


def _twid(seed: int) -> str:
    letter, body = "ABCDEFGHJKLMNPQRSTUVXYWZIO"[seed % 26], f"{1 + seed % 2}{seed % 10**7:07d}"
    return f"{letter}{body}" + next(c for c in "0123456789" if d.twid_valid(letter, body + c))


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FULL = str.maketrans("0123456789", "０１２３４５６７８９")
documents = st.one_of(
    st.integers(0, 10**6).map(lambda s: (d.RESIDENCE, _permit(s))),
    st.integers(0, 10**6).map(lambda s: (d.RESIDENCE, _permit(s).translate(FULL))),
    st.integers(0, 10**6).map(lambda s: (d.OTHER_ID, _hkid(s))),
    st.integers(0, 10**6).map(lambda s: (d.OTHER_ID, _twid(s))),
    st.integers(2000000, 9999999).map(lambda n: (d.LANDLINE, f"家庭电话{n}")),
    st.from_regex(r"[a-z]{2,8}@(qq|163|126)\.com", fullmatch=True).map(lambda e: (d.EMAIL, f"<{e}>")),
    st.from_regex(r"[a-z]{2,8}@(qq|163|126)\.com", fullmatch=True).map(lambda e: (d.EMAIL, f'<a title="{e}">x</a>')),
)
fillers = st.sampled_from(["经查，", "当事人", "。", " ", "罚款人民币5000元", "霍市监罚〔2024〕15号，"])


@settings(max_examples=100, deadline=None)
@given(fillers, documents, fillers)
def test_documents_anywhere_are_found_and_their_masks_are_quiet(before: str, doc: tuple[str, str], after: str) -> None:
    kind, text = doc
    whole = before + text + after
    found = [m for m in d.detect(whole) if m.kind == kind]
    assert found and found[0].text in text, (whole, d.detect(whole))
    masked = whole
    for m in sorted((m for m in d.detect(whole) if m.mask is not None), key=lambda m: -m.start):
        masked = masked[:m.start] + (m.mask or "") + masked[m.end:]
    assert [m for m in d.detect(masked) if m.kind != d.CREDIT_CODE] == [], masked
