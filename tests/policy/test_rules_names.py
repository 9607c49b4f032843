"""gongshi.policy.names: unmasked full names of natural persons in free text.

The corpora (tests/data/names/, README there): corpus.tsv (the project's templated one),
tune.tsv (written by someone who had not read the detector; tuned on), design.tsv and design2.tsv
(the detector's author's own look-alikes and slots), heldout.tsv (held out in round 1, tuned on
since). The frozen held-out set is measured once, by
tests/policy/test_names_heldout.py. scripts/eval_names.py prints the same figures and compares models.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

import namecorpus
from gongshi.policy.names import name_matches, person_names

DATA = Path(__file__).parents[1] / "data" / "names"
CORPUS = DATA / "corpus.tsv"


def rows(path: Path = CORPUS) -> list[tuple[str, str, tuple[str, ...]]]:
    return namecorpus.rows(path)


def measure(path: Path) -> tuple[float, float]:
    """(recall, clean flagged) as scripts/eval_names.py counts them (namecorpus.count)."""
    c = namecorpus.count(path)
    return c.found / c.planted, c.flagged / c.clean


def _names(text: str) -> list[str]:
    return [text[a:b] for a, b in person_names(text)]


def test_corpus_is_balanced_and_large_enough() -> None:
    got = rows()
    named = [r for r in got if r[2]]
    assert len(got) >= 320
    assert abs(len(named) - (len(got) - len(named))) <= len(got) // 10
    assert sum(1 for r in got if r[0].startswith("h-")) >= 60


# Measured 2026-12-07 (scripts/eval_names.py --gate --corpus …): corpus and tune 1.000 / 0.000,
# design 0.968 / 0.013 (曾国藩 and 杜鹃 missed; 毛重与净含量 flagged). Round 2: heldout.tsv (burned
# as a held-out, now tuned on) 1.000 / 0.000; design2.tsv (the classes round 2 fixed, 100+ rows
# each, tests/data/names/make_design2.py) 0.991 / 0.009 (common words as names the tagger does not
# read as names missed: 对方圆罚款, 决定书（马力）; lists of herbs outside the lexicon with no cue
# flagged: 抽检的金果榄、冯木不合格); design.tsv 1.000 / 0.013.
# Round 3 (names by design: a name's shape as the default): corpus, tune and heldout 1.000 / 0.000;
# design 1.000 / 0.013; design2 0.990 / 0.002; heldout2.tsv (spent, tuned on) 0.986 / 0.006;
# tune3.tsv (the round-3 author's own sentences per class) 0.987 / 0.006 (诸葛亮的雕像: a famous
# name is reported). design2 lost one row to a false-alarm fix: 联系了雇主程序。 reads as
# 联系方式。 does (a common word whose given character names seldom use, ending the sentence after
# a role), and the false alarm is the commoner text.
# Round 4 (the classes heldout3.tsv showed): corpus, tune and heldout 1.000 / 0.000; design
# 1.000 / 0.013; design2 0.990 / 0.002; heldout2 0.988 / 0.006; tune3 0.987 / 0.006; tune4.tsv
# (the round-4 author's own sentences per class) 0.991 / 0.000 (黄鹂未经许可… missed);
# heldout3.tsv (spent) is pinned in test_names_heldout3.py: 0.983 / 0.000.
# Round 5 (generalisation: list items, kin and naming words, offences only a person commits,
# word lists, idioms): corpus, tune, heldout, tune4 1.000 / 0.000; design 1.000 / 0.013; design2
# 0.990 / 0.002; heldout2 0.988 / 0.006; heldout3 0.989 / 0.000; tune3 0.987 / 0.006; tune5.tsv
# (the round-5 author's own four batches, each measured once before the changes it prompted; the
# fourth after the last change) 0.955 / 0.024; heldout4.tsv (spent) is pinned in test_names_heldout4.py: 0.956 / 0.007.
@pytest.mark.parametrize(("name", "min_recall", "max_flagged"), [
    ("corpus.tsv", 0.99, 0.01),
    ("tune.tsv", 0.99, 0.01),
    ("design.tsv", 0.98, 0.02),
    ("heldout.tsv", 0.99, 0.01),
    ("design2.tsv", 0.985, 0.015),
    ("heldout2.tsv", 0.98, 0.01),
    ("tune3.tsv", 0.98, 0.01),
    ("tune4.tsv", 0.98, 0.01),
    ("tune5.tsv", 0.945, 0.03),
    ("tune6.tsv", 0.96, 0.03),
    # round 8: two writers who had not read the detector, measured once on main first (1.000 /
    # 0.020 and 0.982 / 0.040), then tuned and trained on (1.000 / 0.013 and 0.982 / 0.013)
    ("tune11k.tsv", 0.99, 0.02),
    ("tune11m.tsv", 0.98, 0.02),
    # round 9: one more writer who had not read the detector, measured once on main first (0.964 /
    # 0.033, 160/166 and 5/150), then tuned and trained on (162/166 = 0.976, 1/150)
    ("tune12b.tsv", 0.975, 0.01),
])
def test_recall_and_false_alarms(name: str, min_recall: float, max_flagged: float) -> None:
    recall, flagged = measure(DATA / name)
    assert recall >= min_recall
    assert flagged <= max_flagged


@pytest.mark.parametrize(("text", "names"), [
    ("经查，当事人张三于2024年3月在其经营场所销售过期食品。", ["张三"]),
    ("证人王五证实当事人多次销售。", ["王五"]),
    ("店员李四华称其不知情。", ["李四华"]),
    ("欧阳娜娜（女，1990年生）系该店负责人。", ["欧阳娜娜"]),
    ("收银员禤丽娟、冼志刚当场出示了收款记录。", ["禤丽娟", "冼志刚"]),
    ("**当事人**：孙丽娟，女，汉族，1982年5月生。", ["孙丽娟"]),
    ("当事人彭某某的妻子郑秀兰\n在店内负责收银。", ["郑秀兰"]),
    ("当事人张某某在店内销售。", []),
    ("罚款人民币伍仟元整。", []),  # financial numerals, not 伍某
    ("当事人霍邱县天和商行未按规定建立台账。", []),  # a shop, not 商某
    ("罚款 <b>陆佰</b> 元", []),
    ("当事人王某甲、欧阳某到场。", []),
    ("当事人在王家湾村经营。", []),
    ("当事人马记面馆未公示许可证。", []),
    ("李四华水果店未明码标价。", []),
    ("违反了《中华人民共和国食品安全法》第三十四条的规定。", []),
    ("当事人销售老干妈辣椒酱和王老吉凉茶。", []),
    ("执法人员在周边巡查，局长到场，涉案金额三万元。", []),
    ("当事人高度重视，立即下架全部商品。", []),
    ("", []),
    # names by their slot, including names that are common words
    ("厨师江山未佩戴口罩。", ["江山"]),
    ("本机关依法向文明送达了告知书。", ["文明"]),
    ("经核实，向前已于2022年3月完成整改。", ["向前"]),
    ("保洁员李红梅在清洗时未佩戴防护用品。", ["李红梅"]),  # a role by its ending
    ("执法人员向钟霞出示了执法证件。", ["钟霞"]),  # 向 is the preposition here
    ("检查时该公司生产负责人聂红英、质量负责人廖平均不在岗。", ["聂红英", "廖平"]),
    ("该店共有李水生等14名从业人员未取得健康证明。", ["李水生"]),
    ("当事人雇佣的范强、东方晓燕两人未取得健康证明。", ["范强", "东方晓燕"]),
    ("许可证持有人：白天明；许可证编号：JY49419622677103", ["白天明"]),
    ("| 序号 | 姓名 | 违法行为 |\n|---|---|---|\n| 1 | 詹三毛 | 无证经营 |", ["詹三毛"]),
    # middle dots of every kind: one name; minority names without a surname
    ("委托阿力木江·吐尔逊全权办理陈述申辩事宜。", ["阿力木江·吐尔逊"]),
    ("检查时驻店药师阿依古丽・托合提不在岗。", ["阿依古丽・托合提"]),
    ("当事人吐尔洪•艾则孜、柯国华均为同一施工队成员。", ["吐尔洪•艾则孜", "柯国华"]),
    ("被处罚人乌兰其其格已于2023年6月12日履行完毕。", ["乌兰其其格"]),
    ("当事人曹兴旺之女次仁卓玛于2022年8月15日到本局。", ["曹兴旺", "次仁卓玛"]),
    # public look-alikes: masks of any length, businesses, places, brands, titles, roles, words
    ("证人欧阳某证实，阿某·某某、王×、刘**、古某•某某均在场。", []),
    ("当事人在人民路开设的“周大福珠宝专柜”销售不合格饰品。", []),
    ("周大福珠宝专柜销售的黄金饰品含金量不足。", []),
    ("行政相对人名称：苗家酸汤鱼；经营者：茅某", []),
    ("其在陈家沟购买的酱油存在质量问题。", []),
    ("抽检样品：花生油；标称生产企业：包头宏发包装材料经营部。", []),
    ("申请人：柯某某　申请事项：个体诊所设置审批", []),
    ("执法人员向当事人宣读了权利义务。", []),
    ("黄金周期间，景区周边11家餐饮单位接受了检查。", []),
    ("杨树林带内违规堆放的木料已责令清理。", []),
    ("钱款已全部退还消费者。", []),
    ("双随机抽查结果：检查对象：骆驼户外用品店。", []),
    ("已公示的决定中当事人信息均已隐去。", []),
    ("当事人（男，蒙古族，1959年3月生）未取得许可证。", []),
    ("申请人于2021年6月18日提交烟花爆竹经营（零售）许可申请。", []),  # the demo data
    # round 2 (issue 20): the classes the burned held-out set showed, in sentences of their own
    ("另一员工邱雅琴的证言与上述陈述一致。", ["邱雅琴"]),  # a role after a word (一员)
    ("当事人称该批货物系其亲戚洪志刚存放。", ["洪志刚"]),  # kin; 洪 a surname now
    ("经核实，贝丽娟名下登记的货车未年检。", ["贝丽娟"]),  # 名下
    ("冷德明，寿县人，系该店店员。", ["冷德明"]),  # a birthplace
    ("陪同人员：龚雪（保管员）、詹志勇（收银员）。", ["龚雪", "詹志勇"]),  # a job in brackets
    ("委托代理人陶某某、叶芳华到场。", ["叶芳华"]),  # listed with a masked name
    ("股东江南、桂平各持股50%。", ["江南", "桂平"]),  # place words after a role
    ("一名叫黎明的男子在店内购买了白酒。", ["黎明"]),  # a naming word
    ("吴敏和艾力•买买提系合伙关系。", ["吴敏", "艾力•买买提"]),  # a dotted name's left end
    ("买合木提·沙吾提出具了情况说明。", ["买合木提·沙吾提"]),  # ... and its right end
    ("证人陶某某、任嘉均证实当事人在店内销售。", ["任嘉"]),  # an adverb before the predicate
    ("经营者李向东销售过期食品。", ["李向东"]),  # 向 as a given character
    ("格日勒图在现场检查笔录上签名。", ["格日勒图"]),  # a Mongolian one-part name
    ("原经营者梁某某已将该店转让给卢××，但双方均未办理变更登记。", []),
    ("证人证言证明当事人曾多次上门推销该产品。", []),
    ("当事人之妻郑某到场后表示，丈夫常年在外务工。", []),
    ("当事人门头招牌未经审批擅自设置。", []),
    ("当事人向社会公开承诺，但未兑现。", []),
    ("经双方确认，涉案金额为2000元。", []),
    ("该法人单位未按规定报送年度报告。", []),
    ("当事人钱和物均已退还。", []),
    # round 3 (issue 20): names by shape wherever they stand, the full surname list, romanised
    # names, names without a surname, titles, quotes; courtesies and goods are no names
    ("闫振山当着执法人员的面将生猪运离。", ["闫振山"]),  # no cue: the shape
    ("该批口罩系受侯德兵委托代为销售。", ["侯德兵"]),
    ("据店员反映，王芳每天下午来店里对账。", ["王芳"]),  # two characters by shape
    ("殳晓东、毋志刚二人合伙经营网店。", ["殳晓东", "毋志刚"]),  # rare surnames
    ("经小军经营的渔具店销售电鱼器。", ["经小军"]),  # a surname that is mostly a word
    ("经比对，朱某某提供的票据不一致。", []),
    ("沙文华（回族）在西宁市经营餐馆。", ["沙文华"]),  # a people's name in brackets
    ("代收人：温振兴（其父）", ["温振兴"]),
    ("张李明轩（未成年人）由其母陪同接受询问。", ["张李明轩"]),  # two parents' surnames
    ("姓名（拼音）：ZHANG Lihua　国籍：中国", ["ZHANG Lihua"]),
    ("外籍教师David Wilson（美国籍）兼职授课。", ["David Wilson"]),
    ("SGS Testing出具的检验报告显示不合格。", []),
    ("阿苏拉则，男，彝族，1991年出生。", ["阿苏拉则"]),  # no surname: a run of syllables
    ("被处罚人阿不都热依木（维吾尔族）经营烤肉摊。", ["阿不都热依木"]),
    ("关于注销韦国强道路运输从业资格证的公告", ["韦国强"]),  # a title
    ("被许可人“黄海明”的信用代码填报有误。", ["黄海明"]),  # a quoted name after a role
    ("当事人销售的标称“王守义”牌十三香无许可证编号。", []),
    ("白雪经营的冷冻品商店内有过期冻品。", ["白雪"]),  # a sentence's subject jieba knows as a name
    ("投诉人孙女士反映其购买的茶叶有质量问题。", []),  # a surname and a courtesy: no full name
    ("李先生：您的申请已收悉。", []),
    ("市场内销售的李子、杨梅、黄桃均已完成快检。", []),  # goods after a goods verb
    ("当事人销售的马应龙软膏未标明保质期。", []),  # a brand before its goods
    ("王*华二人均未取得健康证明。", []),  # the end of a masked name
    ("据监控显示，当事人于黎明时分倾倒废弃物。", []),
    # tables on lines of their own: the header's cell above decides (户主: names, 品名: goods)
    ("| 户主 | 面积 |\n|---|---|\n| 江山 | 120 |\n| 高峰 | 80 |", ["江山", "高峰"]),
    ("| 序号 | 当事人 | 品名 |\n|---|---|---|\n| 1 | 王某 | 白酒 |\n| 2 | 李某 | 黄芪 |", []),
    ("| 姓名 | 职务 |\n|---|---|\n| 扎西顿珠 | 店员 |\n| LIU Wei | 经理 |", ["扎西顿珠", "LIU Wei"]),
    ("| 当事人 | 事由 |\n|---|---|\n| 周口市金鑫商贸有限公司 | 未年报 |", []),
    # round 4: the classes heldout3.tsv showed, in sentences of their own (tune4.tsv has more)
    ("讲解员次仁旺堆向游客推销藏药丸。", ["次仁旺堆"]),  # two minority parts, a role no list names
    ("经营者戢红梅对违法事实无异议。", ["戢红梅"]),  # a surname no list holds
    ("当事人陈黄美玲未按规定公示营业执照。", ["陈黄美玲"]),  # two surnames
    ("当事人向前进在未取得许可证的情况下经营。", ["向前进"]),  # an era's given name
    ("寄件人填写的是“Wang Jianguo”。", ["Wang Jianguo"]),
    ("越南籍女工黎氏秋无证件在厂内打工。", ["黎氏秋"]),
    ("日本籍工程师中村健太负责安装。", ["中村健太"]),
    ("7|雷鸣|男|个体|占道经营|罚款200元", ["雷鸣"]),
    ("证人王万里证实当事人多次销售。", ["王万里"]),  # 万 and 元 are given characters too …
    ("没收违法所得陆万元，并处罚款伍万元整。", []),  # … but not in an amount
    ("当事人于中秋节前后集中销售月饼。", []),
    ("其微信名为“阳光明媚”。", []),  # a nickname
    ("车主张女士反映车辆漏油。", []),
    ("当事人将农药交给植保员冉某某使用。", []),
    ("经查明，2023年3月至11月期间，当事人销售甲醇。", []),
    # round 5: the classes heldout4.tsv and the round's own batches showed, in new sentences
    ("法国籍厨师Pierre Lefèvre在后厨操作。", ["Pierre Lefèvre"]),  # Latin-1 letters; a nationality in the clause
    ("韩国籍留学生Park Ji-hoon未办理登记。", ["Park Ji-hoon"]),  # a hyphenated given name
    ("据“Nguyen Van Hung”陈述，货物系其带入。", ["Nguyen Van Hung"]),  # a predicate past the quote
    ("（三）“鲁国栋”签名的收货单", ["鲁国栋"]),  # a quoted string that signs is a person
    ("从“老李商行”处购进白酒。", []),  # … a quoted shop is still blanked
    ("社区回访时，钱桂芳阿姨说楼道已清理。", ["钱桂芳"]),  # a kin courtesy after a full name
    ("高原饮酒后驾驶小型汽车。", ["高原"]),  # offences only a person commits
    ("金星伙同他人盗窃电缆。", ["金星"]),
    ("田园擅自在基本农田上建房。", ["田园"]),  # an act of one's own will at a clause's head
    ("驾驶员邵建新、操文海未取得从业资格。", ["邵建新", "操文海"]),  # a list's item next to a found name
    ("公告送达：伍志成、巫丽华、逯国强：", ["伍志成", "巫丽华", "逯国强"]),
    ("其妻子丽娟在店内帮忙。", ["丽娟"]),  # a given name alone after a kin word
    ("其儿子小刚在外地上学。", ["小刚"]),
    ("其儿子小学毕业后在店内帮忙。", []),  # … not a word
    ("店主叫海生，平时一个人看店。", ["海生"]),  # … or after a naming word
    ("其雇用的护林员吐尔洪•买买提在林区巡查时吸烟。", ["吐尔洪•买买提"]),  # a dotted name stops at a role
    ("努尔江.阿不都热依木称其不知情。", ["努尔江.阿不都热依木"]),  # an ASCII full stop as the dot
    ("麦麦提·艾力和阿依努尔·吐尔逊均系该厂员工。", ["麦麦提·艾力", "阿依努尔·吐尔逊"]),  # two, joined by 和
    ("村干部向东证实，该房屋系违法建设。", ["向东"]),  # a cadre is a role
    ("此项工作任重道远，不可松懈。", []),  # an idiom's head
    ("安然无恙，无人员受伤。", []),
    ("东方红大道两侧禁止摆摊。", []),  # a word across the candidate's start
    ("他把楼道里的杂物清走了。", []),  # a noun and a localiser
    ("李总表示将配合调查。", []),  # surname + 总: a courtesy
    ("查获的卷烟有中华、玉溪、南京、白沙四种。", []),  # a list of dictionary words is a list of things
    ("砍伐的松木、杉木、柏木已扣押。", []),
    ("当事人雇佣高峰、金山、石林从事作业。", ["高峰", "金山", "石林"]),  # … unless a role stands before it
    ("经查，樊春生所经营的汽修店未办理排污登记。", ["樊春生"]),  # 所 before a verb is no 研究所
    ("查处违法停车12起，其中林涛驾驶的轿车违停三次。", ["林涛"]),  # 其中 introduces a subject
    ("该银行卡的实际持有人为詹俊。", ["詹俊"]),  # a person's noun and 为 is a label
    ("富贵因涉嫌非法经营被立案调查。", ["富贵"]),  # a word as a subject doing what only a person does
    ("明显系该公司所为。", []),  # … not an adverb before 系
    ("汛期应加强巡查。", []),  # a frequent verb after a surname character in running text
    ("西门先生反映情况。", []),  # a compound surname and a courtesy
    ("商海中拼搏的企业家。", []),  # a noun and a localiser
    # round 6: the classes heldout6.tsv showed, in sentences of my own
    ("收货人郑家乐（Cheng Ka Lok）当场签收。", ["郑家乐", "Cheng Ka Lok"]),  # a romanised gloss after a found name
    ("当事人黎某某（LE VAN TAM）未申报。", ["LE VAN TAM"]),  # … and after a masked one
    ("产品外包装标注“蓝海”（BLUE OCEAN）字样。", []),  # … not after a brand
    ("证人贡保才让证实货物系当事人所有。", ["贡保才让"]),  # Amdo name parts without a dot
    ("当事人：马尕麦乃，男，东乡族，从事牛羊贩运。", ["马尕麦乃"]),  # a surname and three given characters
    ("执法人员询问了小区门卫汤德全。", ["汤德全"]),  # a trade's noun ending in 卫
    ("货船船长袁志勇未持有效证书。", ["袁志勇"]),  # … and in 长
    ("该单位保卫科长期无人值守。", []),  # … not a verb's 卫, nor 长期
    ("问：你知道贺文斌住在哪里吗？", ["贺文斌"]),  # a verb of an interview that takes a person
    ("本机关依法向苗春生公告送达处罚决定书。", ["苗春生"]),  # 向 … 公告送达
    ("问：你知道那个仓库是谁的吗？", []),  # … not a demonstrative
    ("当事人受裴丽丽指使，伪造了检验报告。", ["裴丽丽"]),  # a passive's agent; a doubled given character
    ("当事人聘用未取得资格证书的华玉林从事电工作业。", ["华玉林"]),  # a hiring verb's object after its description
    ("问：你是不是汪洋本人？", ["汪洋"]),  # 是 ending 不是 is still a slot
    ("| 5 | 安宁 | 420**********1111 | 酒后驾驶 |", ["安宁"]),  # a row that holds a masked ID
    ("| 检查内容 | 依据 | 处理意见 |", []),  # a header row's common words
    ("当事人于案发后将账本销毁。", []),  # 于 before an event and a time word
    ("经营者应如实记录进货信息。", []),  # 应 the modal
    ("由检查人员签字或盖章确认。", []),  # a word joined to a verb
    # round 8: the classes heldout8.tsv showed, in sentences of my own
    ("当事人陳志偉于2024年3月在店内销售假冒商品。", ["陳志偉"]),  # a surname in traditional script
    ("证人歐陽明德证实上述事实。", ["歐陽明德"]),  # … a compound one
    ("香港居民張家豪持回乡证入境。", ["張家豪"]),
    ("店内张贴“主治医师陆文斌坐诊”的广告。", ["陆文斌"]),  # a quoted phrase: a title before a surname
    ("海报上写着“国家级非遗传承人邓秀兰亲制”。", ["邓秀兰"]),
    ("包装上印有“中国营养学会推荐”字样。", []),  # … an endorsement by a body
    ("包装上标注“张小泉剪刀官方推荐”。", []),  # … by a brand
    ("店内张贴“王老吉”广告。", []),  # a short quote stays a brand
    ("当事人：“李宁”体育用品某经营部，负责人：李某。", []),  # a quote after a role, a trade name after it
    ("被许可人“黄海明”经营的店铺未公示。", ["黄海明"]),  # … not a verb of running it
    ("当事人：宝音图养殖专业合作社，负责人：宝某。", []),  # a minority name's part running into a business
    ("当事人：巴特尔，男，蒙古族。", ["巴特尔"]),
    ("该公司雇用的日籍员工已离职。", []),  # a Yi name's part (的日) before 籍: a nationality
    # round 9: the classes heldout11.tsv showed, in sentences of my own
    ("据查，CHAN TAI MAN（陈大文）系该公司股东。", ["CHAN TAI MAN", "陈大文"]),  # a rendering: the Latin half by the Han
    ("购买人MARIA GARCIA（玛丽亚）称其不知情。", ["MARIA GARCIA", "玛丽亚"]),  # … the Han half by the Latin
    ("当事人JOHN LEE（英国籍）称对此不知情。", ["JOHN LEE"]),  # a nationality in brackets is none
    ("查获YAMAHA（雅马哈）摩托车一辆。", []),  # a brand and its rendering, neither a person's
    ("违章建筑系承租人马建军所建。", ["马建军"]),  # 所 the particle before a single verb
    ("该研究所建于1990年。", []),  # … not a 研究所
    # round 9: look-alikes tune12b.tsv showed, in sentences of my own
    ("当事人：王建华砂锅（人民路店），负责人：王某。", []),  # a brand with its branch in brackets
    ("被检查人：孙丽娟（丽娟美发店） 检查结果：合格", ["孙丽娟"]),  # … not a person's own shop after her name
    ("该店招牌字号为“幸福超市”，经营者为刘某。", []),  # a common word labelling a quoted value
    ("区市场监督管理局执法人员在检查中发现问题。", []),  # a district's body (区 is a surname too)
    ("当事人区永健，男，在店内销售处方药。", ["区永健"]),  # … and a surname
    ("车辆在南二环辅路被查获。", []),  # a ring road: numerals and 环
    ("秋月：本机关拟对你作出罚款决定，你有权陈述申辩。", ["秋月"]),  # a notice's salutation
    ("时间：2024年3月5日上午，请你准时到场。", []),  # … not a label
    ("当事人黄何丽珍（澳门居民）未按规定申报。", ["黄何丽珍"]),  # two surnames before a bracket
    ("当事人李明华（某公司法定代表人）称不知情。", ["李明华"]),  # … one surname
    ("马丽见义勇为驾驶员奖励", ["马丽"]),  # the CRF's span stops where an idiom starts
    # after round 9: spans heldout12.tsv showed starting one character early, in sentences of my own
    ("法定代表人江波，男，汉族。", ["江波"]),  # 代表人|江波, not 人江波
    ("执法人员将告知书送达柯南本人。", ["柯南"]),  # 送达|柯南, not 达柯南
    ("已送达夏雨本人签收。", ["夏雨"]),
    ("由当事人之母许桂兰代为签收。", ["许桂兰"]),  # 之母|许桂兰, not 母许桂兰 (two surnames)
    ("其母陈淑华到场并签字。", ["陈淑华"]),
    ("股东端木天佑持有该公司股权。", ["端木天佑"]),  # 东端 is a word by chance: a compound surname
])
def test_exact_spans(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_no_name_in_the_demo_data() -> None:
    """The demo decisions' free text (names masked there, as in real data) is clean: the false
    alarms of running text, where tune.tsv has single sentences."""
    import yaml

    root = Path(__file__).resolve().parents[2] / "data"
    found = []
    for path in sorted(root.glob("agencies/*/decisions/**/*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key in ("title", "facts", "result"):
            text = doc.get(key)
            if isinstance(text, str) and person_names(text):
                found.append((path.name, key, _names(text)))
    assert found == []


def test_public_strings_are_no_names() -> None:
    """The record's own organisation party (a shop named after its owner) is public text. Any
    other shop's name carries the person's name once it is found as a person's (round 3)."""
    text = "当事人李四华水果店未明码标价，李四华称不知情。"
    assert _names(text) == ["李四华", "李四华"]
    assert person_names(text, public=["李四华水果店"]) == [(text.rindex("李四华"), text.rindex("李四华") + 3)]
    assert person_names("经营者：冼勇", public=["冼勇"]) == []


def test_name_matches_masks_and_skips_what_is_taken_or_allowed() -> None:
    text = "委托阿力木江·吐尔逊全权办理，证人王五证实，欧阳娜娜（女）到场。"
    got = [(m.text, m.mask) for m in name_matches(text)]
    assert got == [("阿力木江·吐尔逊", "阿某·某某"), ("王五", "王某"), ("欧阳娜娜", "欧阳某某")]
    i = text.index("王五")
    assert [m.text for m in name_matches(text, allow=["证人王五"], taken=[(i - 1, i + 1)])] == [
        "阿力木江·吐尔逊", "欧阳娜娜"]
    assert [m.text for m in name_matches(text, allow=["王五"])] == ["阿力木江·吐尔逊", "欧阳娜娜"]


def test_without_the_given_name_table_more_is_flagged_never_less(monkeypatch: pytest.MonkeyPatch) -> None:
    """givenchars.py fails closed: without ngender's table a weak candidate is not refused."""
    from gongshi.policy import givenchars

    assert givenchars.uses("丽") and givenchars.uses("款") == 230
    assert _names("钱款已全部退还消费者。") == []
    monkeypatch.setattr(givenchars, "uses", lambda ch: None)
    assert _names("钱款已全部退还消费者。") == ["钱款"]


def test_no_crash_on_any_short_text() -> None:
    """A text that is only a name, or ends right after one, is read to its end (round 3 raised
    IndexError on 李秀兰 alone); and random short texts of the detector's own characters."""
    import random

    assert _names("李秀兰") == ["李秀兰"] and _names("（李秀兰") == ["李秀兰"] and _names("李") == []
    rnd = random.Random(20)
    alphabet = list("李王张欧阳某*、，。（）()|男女族 \n的在称证实当事人元万伍陆那里氏田中阿卜杜·格桑曲珍Li Xm“”《》12年秀兰建设向于")
    for _ in range(3000):
        person_names("".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 14))))


def test_spans_index_the_original_text() -> None:
    text = "经查：\n\n当事人张三于2024年3月……证人王五证实。"
    assert [(a, b) for a, b in person_names(text)] == [(text.index("张三"), text.index("张三") + 2),
                                                        (text.index("王五"), text.index("王五") + 2)]


def test_importing_does_not_load_jieba() -> None:
    import subprocess
    import sys

    code = ("import sys; import gongshi.policy.names as n; "
            "print('jieba' in sys.modules, n._dictionary.cache_info().currsize + n._tagger.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "0"]


def test_lexicon_answers_as_jieba(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cached lexicon gives jieba's frequency and tag for every word the detector may ask
    about (every word of one or two characters, and longer ones from the threshold up)."""
    from gongshi.policy import lexicon, names

    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(tmp_path))
    built = lexicon.load(20)
    cached = lexicon.load(20)  # from the file just written
    assert built is not None and cached is not None and cached.words == built.words
    assert list(tmp_path.glob("gongshi-lexicon-*.pickle"))
    freq, tags = names._dictionary(), names._tagger().word_tag_tab
    for word in set(freq) | set(tags) | {"", "张", "张三丰", "法人"}:
        f = freq.get(word) or 0
        if len(word) <= 2 or f >= 20:
            assert (cached.freq(word), cached.tag(word)) == (f, tags.get(word, "")), word
        else:
            assert (cached.freq(word), cached.tag(word)) == (0, ""), word
    assert 20 <= min(names._COMMON, names._WORD)


def test_lexicon_refuses_planted_classes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import pickle

    from gongshi.policy import lexicon

    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(tmp_path))
    path = lexicon.dict_file()
    assert path is not None
    cache = lexicon._cache_path(path, os.stat(path), 20)
    with open(cache, "wb") as fh:
        fh.write(lexicon.FORMAT + pickle.dumps((os.system, ("echo planted",))))
    got = lexicon.load(20)  # refused, parsed again from dict.txt
    assert got is not None and got.freq("周边") > 200


def test_detector_with_lexicon_is_detector_with_jieba(tmp_path: Path) -> None:
    """person_names over the corpus: the same spans with the cached lexicon as with jieba's
    tables (jieba loaded first makes names.py ask jieba)."""
    import subprocess
    import sys

    code = ("import sys, json{pre}; from gongshi.policy import names; "
            "rows = [l.split('\\t')[2] for l in open(sys.argv[1], encoding='utf-8').read().splitlines()[1:]]; "
            "print(type(names._words()).__name__, json.dumps([names.person_names(t) for t in rows]))")
    env = {**__import__("os").environ, "GONGSHI_CACHE_DIR": str(tmp_path)}
    outs = [subprocess.run([sys.executable, "-c", code.format(pre=pre), str(CORPUS)], capture_output=True,
                           text=True, check=True, env=env).stdout.split(" ", 1) for pre in ("", ", jieba")]
    assert [o[0] for o in outs] == ["Lexicon", "_JiebaWords"]
    assert outs[0][1] == outs[1][1]


def test_no_name_in_the_benchmark_generators_text(tmp_path: Path) -> None:
    """The synthetic archive that `gongshi bench` and the federation benchmark build holds no
    unmasked name either: a false alarm there makes every benchmark build refuse to publish (a
    round-4 detector read 鑫达商行|扬尘 as the name 商行扬 in 2 of 100,000 decisions)."""
    import yaml

    from gongshi_tools.synth import generate

    generate(str(tmp_path), decisions=4000, seed=7)
    found = []
    for path in sorted(tmp_path.glob("agencies/*/decisions/**/*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        party = doc.get("party") or {}
        public = [party["name"]] if party.get("type") != "自然人" and party.get("name") else []
        for key in ("title", "facts", "result"):
            text = doc.get(key)
            if isinstance(text, str) and person_names(text, public):
                found.append((path.name, key, [text[a:b] for a, b in person_names(text, public)]))
    assert found == []
    assert _names("霍邱县石店镇鑫达商行扬尘污染防治监督检查结果") == []


def _calls(text: str) -> int:
    """Python and C function calls `person_names` makes on `text`: a count of work that, unlike
    a clock, does not depend on what else the machine is doing."""
    n = 0

    def count(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal n
        if event in ("call", "c_call"):
            n += 1
    sys.setprofile(count)
    try:
        person_names(text)
    finally:
        sys.setprofile(None)
    return n


@pytest.mark.parametrize("unit", ["张三丰、", "诸葛亮和", "|江海燕|", "|姓名|江海燕|", "当事人王小明称", "王芳、李强",
                                  "黄芪、", "阿力木江·吐尔逊、"])
def test_work_grows_linearly_with_the_text(unit: str) -> None:
    """Eight times the text is about eight times the work, not sixty-four (a list of 2,000 names
    took seconds and 9 kB of them minutes, when each name was compared with every other)."""
    person_names(unit * 3)  # jieba and the caches loaded before counting
    # Both end with the same part of a unit: cut at different places (1,500 and 12,000 characters),
    # the long one's last clause can take another path (jieba's tagger on a half name), a constant
    # that weighed as growth once the lexicon's lookups were memoised (no calls left to dilute it).
    n, tail = 1500 // len(unit), unit[:1500 % len(unit)]
    short, long = unit * n + tail, unit * (8 * n) + tail
    assert _calls(long) <= 10 * _calls(short), unit
