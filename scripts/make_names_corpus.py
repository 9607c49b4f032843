"""Write tests/data/names/corpus.tsv: labelled sentences for the person-name detector.

Why a generated corpus: no public corpus of Chinese penalty decisions with *unmasked* names may be
kept in a repository, so the test data is synthetic. To keep it honest:

* half of the rows plant one or more unmasked full names of natural persons in varied roles and
  positions (sentence start, after a role cue, without a cue, in lists joined by 、, followed by
  （男，1980年生）, compound and rare surnames, given names of one and two characters);
* the other half carry only look-alikes that must not be flagged: masked names (张某某, 欧阳某,
  王某甲), business names (马记面馆, 李四华水果店), place names beginning with a surname character
  (王家湾村, 李集镇, 周口市), laws in 《》, products (老干妈, 王老吉), officers' titles and words that
  begin with a surname character (周边, 金额, 高度, 陈列);
* most templates are shared by both halves (the same sentence shape with a name or with a
  look-alike in the slot), so a detector cannot tell the halves apart by shape;
* more than 60 sentences are hand-written (HAND_NAMED, HAND_CLEAN) so the data is not only
  templates.

Deterministic: a seeded RNG, so rerunning the script rewrites the same file.
Run: .venv/bin/python scripts/make_names_corpus.py [--out PATH] [--seed N]
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "names" / "corpus.tsv"
N_TEMPLATED = 150  # per half; the hand-written rows come on top

COMMON = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶"
          "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
          "顾毛郝龚邵万钱严覃武戴莫孔汤")
RARE = "禤佘亓芮郦蔺逯阚冼詹邝滕訾鄢昝庹揭晏扈仉谯蒯宓仝糜靳岑郜缪甄"
COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯",
            "司徒", "端木", "南宫", "长孙", "宇文")
GIVEN1 = "伟芳娜敏静丽强磊军洋勇艳杰涛超霞刚兵斌鹏辉玲婷宇浩凯琳颖倩蕾坤锋燕萍亮"
GIVEN2 = ("秀英", "建华", "建国", "志强", "桂英", "玉兰", "海燕", "晓东", "文博", "子涵", "浩然", "欣怡",
          "雨萱", "俊杰", "国庆", "红梅", "春生", "德凯", "光明", "娜娜", "思远", "一鸣", "佳琪", "嘉怡",
          "宏伟", "立新", "永刚", "凤英", "淑珍", "金凤", "翠花", "四华", "学军", "丽娟", "振华", "晓燕",
          "志刚", "春兰", "家豪", "梦瑶", "鑫磊", "雪梅", "海波", "卫东", "建平", "玉梅", "美玲", "德明",
          "长江", "秋菊", "少华", "爱民", "书香", "天佑", "若曦", "梓轩", "宁远", "朝阳", "满仓", "来福")

MASKED = ("张某", "张某某", "欧阳某", "王某甲", "李某乙", "刘某", "陈某某", "赵某", "黄某某", "周某",
          "司马某", "孙某某", "彭某某", "马某丙", "于某", "高某", "林某某", "禤某", "万某某", "金某")
BUSINESS = ("马记面馆", "李四华水果店", "张三丰餐饮店", "王家湾村李记小卖部", "周口市高新区金鑫超市",
            "黄河路陈记烧烤店", "刘家饺子馆", "杨氏牛肉汤馆", "老王烟酒店", "赵记五金商行",
            "周口市万家福商贸有限公司", "孙二娘土菜馆", "钱塘江海鲜大排档", "宋城家具厂",
            "何家村卫生室", "马店镇为民大药房", "高新区林业服务站", "石桥镇金龙加油站")
PLACES = ("王家湾村", "李集镇", "周口市川汇区", "高新区", "马店镇", "张庄村", "黄河路", "金水区",
          "石桥镇", "江北新区", "方山县", "万家乡", "高桥镇", "杨柳村", "朱家角镇", "陈家沟",
          "孙庄村", "赵集镇", "刘湾村", "宋河镇", "周口市", "霍邱县", "林州市", "高新区长江路")
PRODUCTS = ("老干妈辣椒酱", "王老吉凉茶", "周黑鸭卤味", "李锦记酱油", "张小泉剪刀", "马应龙软膏",
            "杨国福麻辣烫底料", "金龙鱼食用油", "白象方便面", "黄金叶香烟", "江小白白酒",
            "康师傅方便面", "散装白酒", "过期面包", "预包装食品", "不合格电线", "假冒化肥", "燃气灶具")
LAWS = ("中华人民共和国食品安全法", "中华人民共和国产品质量法", "中华人民共和国行政处罚法",
        "中华人民共和国安全生产法", "中华人民共和国药品管理法", "中华人民共和国广告法",
        "中华人民共和国价格法", "中华人民共和国消费者权益保护法", "河南省食品小作坊小经营店和食品摊贩管理条例",
        "中华人民共和国道路运输条例", "中华人民共和国森林法")
EVIDENCE = ("营业执照复印件", "进货单据", "现场照片", "销售记录", "检验报告", "视听资料", "当事人的陈述")
WITNESS_CUES = ("证人", "店员", "员工", "驾驶员", "举报人", "投诉人", "收银员", "厨师", "保管员", "安全员",
                "现场负责人", "委托代理人", "代理人", "负责人", "经营者", "法定代表人", "股东", "业主")


def person(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.06:
        return rng.choice(("张三", "李四华", "王五", "赵六"))
    if r < 0.20:
        sur = rng.choice(COMPOUND)
    elif r < 0.34:
        sur = rng.choice(RARE)
    else:
        sur = rng.choice(COMMON)
    given = rng.choice(GIVEN1) if rng.random() < 0.35 else rng.choice(GIVEN2)
    if len(sur) == 2 and len(given) == 1 and rng.random() < 0.5:
        given = rng.choice(GIVEN2)
    return sur + given


def fill(rng: random.Random, text: str) -> str:
    """Fill the look-alike slots shared by both halves."""
    year = rng.randint(2021, 2025)
    subs = {
        "{DATE}": f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        "{YEAR}": str(rng.randint(1955, 2002)),
        "{AMT}": f"{rng.choice((1, 2, 3, 5, 8, 12, 30, 50))}{rng.choice(('000', '500', '200', '0000'))}",
        "{N}": "第" + rng.choice(("三十", "五十五", "一百二十四", "三十四", "二十八", "九十七")) + "条",
        "{PLACE}": rng.choice(PLACES), "{PLACE2}": rng.choice(PLACES),
        "{PROD}": rng.choice(PRODUCTS), "{LAW}": rng.choice(LAWS), "{EVID}": rng.choice(EVIDENCE),
        "{GENDER}": rng.choice("男女"), "{BIZ}": rng.choice(BUSINESS),
        "{CUE}": rng.choice(WITNESS_CUES),
    }
    for k, v in subs.items():
        text = text.replace(k, v)
    for mask in rng.sample(MASKED, text.count("{MASK}")):
        text = text.replace("{MASK}", mask, 1)
    return text


# Templates shared by both halves. {P} is a person slot: a full name in the named half, a masked
# name in the clean half. {Q} is a party slot: a full name, or a masked or business name.
# {P2} is a second person in a list.
SHARED = (
    "经查，当事人{Q}于{DATE}在其位于{PLACE}的经营场所销售{PROD}，货值金额{AMT}元。",
    "{Q}于{DATE}在{PLACE}销售{PROD}，违反了《{LAW}》{N}的规定。",
    "证人{P}证实，当事人长期在{PLACE}周边摆摊销售{PROD}。",
    "店员{P}称其不知道所售{PROD}已超过保质期。",
    "当事人的员工{P}在收银时未按规定向消费者出具购货凭证。",
    "驾驶员{P}驾驶豫P·{AMT}号货车运输{PROD}途经{PLACE}时被执法人员查获。",
    "举报人{P}反映{PLACE}有商户销售{PROD}，本局于{DATE}立案调查。",
    "委托代理人{P}（{GENDER}，{YEAR}年生）代为陈述申辩。",
    "法定代表人：{P}，职务：执行董事兼总经理。",
    "{P}（{GENDER}，汉族，{YEAR}年3月生，住{PLACE}）系本案当事人。",
    "经营者{P}对上述违法事实无异议，并在现场检查笔录上签字确认。",
    "负责人{P}在现场检查笔录上签字，涉案金额共计{AMT}元。",
    "投诉人{P}于{DATE}向本局投诉称，其在{PLACE}购买的{PROD}存在质量问题。",
    "以上事实有现场检查笔录、对{P}的询问笔录、{EVID}等证据证实。",
    "当事人雇佣的{P}、{P2}两人未取得健康证明即从事接触直接入口食品的工作。",
    "{P}作为实际经营者，负责店内{PROD}的采购和销售。",
    "据{P}陈述，涉案{PROD}购自{PLACE}一家批发部。",
    "当事人系个体工商户，经营者为{P}，经营场所位于{PLACE}。",
    "{PLACE}村民{P}向执法人员提供了购货凭证。",
    "执法人员依法向{P}送达了《行政处罚告知书》，告知其陈述、申辩的权利。",
    "当事人将未销售完的{PROD}交由{P}保管，保管期间未作任何登记。",
    "厨师{P}未持有有效健康证明从事接触直接入口食品的工作。",
    "经询问，{P}承认其明知{PROD}系假冒产品仍予以销售。",
    "收银员{P}、{P2}当场出示了收款记录，金额合计人民币{AMT}元。",
    "罚款人民币{AMT}元，由{P}于收到本决定书之日起十五日内缴纳。",
    "现场负责人{P}拒绝在笔录上签字，执法人员进行了全程录像。",
    "当事人{Q}，{GENDER}，{YEAR}年生，身份证号码：4127**********0012。",
    "股东{P}持有该公司百分之六十的股权，系实际控制人。",
    "另查明，{P}曾于2019年因同类违法行为受到行政处罚。",
    "{P}、{P2}和{MASK}共同出资经营{BIZ}。",
    "本局执法人员在{PLACE}检查时，{P}正在店内加工{PROD}。",
    "当事人{Q}在规定期限内未提出陈述、申辩意见，也未要求听证。",
    "个体工商户{Q}未按规定公示营业执照，本局责令其立即改正。",
    "{CUE}{P}的陈述与现场检查情况一致。",
    "安全员{P}未对{PLACE}仓库的燃气灶具进行日常检查。",
    "执法人员向{P}出示了执法证件，并告知其有申请回避的权利。",
)
# Clean-only templates: look-alikes in cue positions and in the body, no person at all.
CLEAN_ONLY = (
    "当事人高度重视，立即下架全部{PROD}并主动退还货款。",
    "当事人陈列的{PROD}未标明生产日期和保质期。",
    "当事人向执法人员提交了进货票据和供货商的营业执照复印件。",
    "当事人曾因销售过期食品于2022年被本局处以罚款。",
    "执法人员在{PLACE}周边开展专项检查时，发现{BIZ}销售{PROD}。",
    "根据《{LAW}》{N}的规定，本局决定对当事人罚款人民币{AMT}元。",
    "{PLACE}林业站工作人员配合执法人员进行了现场勘验。",
    "该批{PROD}的外包装为朱红色，与备案样品不一致。",
    "经局长办公会议集体讨论，决定给予当事人从轻处罚。",
    "当事人{BIZ}的经营场所位于{PLACE}，营业面积约一百平方米。",
    "违法所得金额为{AMT}元，货值金额合计{AMT}元。",
    "执法人员{MASK}、{MASK}出示执法证件后对{BIZ}进行了检查。",
    "黄金饰品的标签未标明材质和重量，方便面的标签未标明生产者名称。",
    "当事人在{PLACE}江河沿岸非法采砂，石油类物质泄漏至河道。",
    "程序合法，证据确凿，适用依据正确，罚款{AMT}万元。",
    "当事人万家乡{BIZ}于{DATE}取得营业执照。",
    "法定代表人{MASK}授权委托{MASK}全权办理本案有关事宜。",
    "经营者{MASK}称上述{PROD}系从{PLACE}购进。",
    "石材加工场所未设置防尘设施，高温作业未采取降温措施。",
    "当事人{BIZ}法定代表人{MASK}到本局接受询问。",
)

HAND_NAMED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("经查，当事人张三于2024年3月在其经营场所销售超过保质期的牛奶。", ("张三",)),
    ("证人王五证实，当事人多次在夜间向未成年人销售香烟。", ("王五",)),
    ("店员李四华称，店内的冷柜由老板每周检查一次。", ("李四华",)),
    ("欧阳娜娜（女，1990年生）系该店的实际经营者。", ("欧阳娜娜",)),
    ("当事人彭某某的妻子郑秀兰在店内负责收银。", ("郑秀兰",)),
    ("司马光明与当事人签订了房屋租赁合同，约定租期三年。", ("司马光明",)),
    ("以上事实有刘德凯的证人证言、现场照片等证据证实。", ("刘德凯",)),
    ("**当事人**：孙丽娟，女，汉族，1982年5月生。", ("孙丽娟",)),
    ("驾驶员韦建军未按规定随车携带道路运输证。", ("韦建军",)),
    ("举报人冼志刚提供了购物小票和现场视频。", ("冼志刚",)),
    ("经营者为亓秀梅，经营范围为预包装食品零售。", ("亓秀梅",)),
    ("委托代理人：上官婉儿，河南某律师事务所律师。", ("上官婉儿",)),
    ("询问笔录记载，郭海涛承认曾两次购进无合格证的鸡蛋。", ("郭海涛",)),
    ("店内仅有员工周志明、吴晓燕二人，均无健康证明。", ("周志明", "吴晓燕")),
    ("法定代表人田国强在询问中表示愿意主动整改。", ("田国强",)),
    ("当事人的岳父蔺长生在现场阻碍执法人员检查。", ("蔺长生",)),
    ("负责人邝美华称该批货物由她本人验收。", ("邝美华",)),
    ("诸葛一鸣（男，1985年生）系涉案车辆的所有人。", ("诸葛一鸣",)),
    ("本案由执法人员陈某、李某办理，证人钟丽萍在场见证。", ("钟丽萍",)),
    ("当事人于2023年8月雇佣谯明远从事屠宰工作。", ("谯明远",)),
    ("杜晓峰、邵丽华、詹文斌三人系该作坊的合伙人。", ("杜晓峰", "邵丽华", "詹文斌")),
    ("投诉人訾玉兰称，购买的电饭煲使用一周即损坏。", ("訾玉兰",)),
    ("经查，熊伟于2024年1月起在马店镇租用民房生产食用油。", ("熊伟",)),
    ("厨师长庹志勇未按规定留样。", ("庹志勇",)),
    ("该公司股东慕容雪于2022年退出经营。", ("慕容雪",)),
    ("收银员揭晓梅向执法人员提供了收银系统的销售记录。", ("揭晓梅",)),
    ("当事人称货物系其表弟阚建新从外地运来。", ("阚建新",)),
    ("执法人员对仓库保管员糜小军进行了询问。", ("糜小军",)),
    ("当事人黎明辉（男，汉族，1978年10月生）对违法事实供认不讳。", ("黎明辉",)),
    ("鄢春花系该药店的质量负责人，未在岗履职。", ("鄢春花",)),
    ("宇文浩、端木蓉作为证人分别接受了询问。", ("宇文浩", "端木蓉")),
    ("据业主贺建平介绍，该商铺已转租他人。", ("贺建平",)),
    ("安全员宓立新在检查记录上签字，但检查项目均为空白。", ("宓立新",)),
    ("当事人：滕飞，男，1995年生，住周口市川汇区。", ("滕飞",)),
)
HAND_CLEAN: tuple[str, ...] = (
    "经查，当事人张某于2024年3月在其经营场所销售超过保质期的牛奶。",
    "证人王某证实，当事人多次在夜间向未成年人销售香烟。",
    "当事人彭某某在王家湾村经营马记面馆，未办理食品经营许可证。",
    "当事人的行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。",
    "当事人销售的老干妈辣椒酱系从周口市某批发市场购进。",
    "执法人员在周边商户走访时，发现李集镇有多家商店销售过期食品。",
    "林业部门认定涉案林地面积为0.8公顷，立木蓄积量十二立方米。",
    "当事人高度重视，积极配合调查，如实陈述违法事实。",
    "涉案金额共计人民币壹万贰仟元整。",
    "当事人所在的周口市高新区已纳入重点监管区域。",
    "李四华水果店的经营者系欧阳某，营业执照登记于2019年。",
    "张三丰餐饮店未公示食品经营许可证，本局责令改正。",
    "方便面、火腿肠等预包装食品未标注生产日期。",
    "处罚程序符合《中华人民共和国行政处罚法》的规定。",
    "当事人共销售石油液化气钢瓶十二只，违法所得三万元。",
    "黄金首饰的标签中未标明金含量。",
    "执法人员：王某甲、李某乙，执法证号：41000012、41000013。",
    "局长、副局长及法制审核人员参加了集体讨论。",
    "当事人在江河沿岸倾倒建筑垃圾，造成水体污染。",
    "涉案产品外包装印有朱红色的“福”字图案。",
    "欧阳某（男，1980年生）系该店的实际经营者。",
    "当事人万某某的妻子郑某在店内负责收银。",
    "司马某与当事人签订了房屋租赁合同，约定租期三年。",
    "以上事实有现场检查笔录、询问笔录、现场照片等证据证实。",
    "**当事人**：周口市马记面馆（个体工商户），经营者：马某。",
    "驾驶员未按规定随车携带道路运输证。",
    "举报人提供了购物小票和现场视频，要求对其身份保密。",
    "经营者为金某，经营范围为预包装食品零售。",
    "委托代理人：上官某，河南某律师事务所律师。",
    "询问笔录记载，当事人承认曾两次购进无合格证的鸡蛋。",
    "店内仅有员工二人，均无健康证明。",
    "法定代表人在询问中表示愿意主动整改。",
    "负责人称该批货物由其本人验收，周某某在场。",
    "王老吉凉茶和周黑鸭卤味均系从正规渠道购进。",
    "当事人于2023年8月雇佣他人从事屠宰工作。",
    "投诉人称，购买的电饭煲使用一周即损坏。",
    "经查，熊某于2024年1月起在马店镇租用民房生产食用油。",
    "当事人称货物系其表弟从外地运来，金额不详。",
    "收银员向执法人员提供了收银系统的销售记录。",
    "万元以上的罚款应当经法制审核。",
    "石桥镇政府和高桥镇政府配合开展了联合执法。",
    "孔雀牌电线电缆的导体电阻不合格。",
    "当事人：周口市川汇区张记熟食店，统一社会信用代码：92411602MA9XXXXXX。",
    "钱塘江海鲜大排档未按规定建立进货查验记录。",
    "当事人的违法行为轻微并及时改正，没有造成危害后果。",
    "金额较大，情节较重，依法应当从重处罚。",
    "江小白白酒、康师傅方便面等商品均未明码标价。",
    "当事人陈述、申辩的理由不成立，本局不予采纳。",
    "何家村卫生室未按规定处置医疗废物。",
    "宋城家具厂的喷漆车间未设置通风设施。",
    "当事人向执法人员提交了书面情况说明。",
    "石材、钢材等建筑材料堆放在消防通道内。",
    "马应龙软膏和云南白药气雾剂均无进货凭证。",
    "当事人曾因未按规定明码标价受到警告处罚。",
    "明码标价是经营者的法定义务。",
    "杨柳村村民委员会出具了证明材料。",
    "当事人白某甲、白某乙系兄弟关系。",
    "陈家沟景区管理处未按规定设置安全警示标志。",
    "高新区管委会对本案线索进行了移送。",
    "时间：2024年3月5日上午10时，地点：当事人经营场所。",
    "常年在此经营的个体工商户共计十二户。",
    "江北新区市场监管所工作人员全程参与。",
)


def _named_row(rng: random.Random, tpl: str) -> tuple[str, tuple[str, ...]]:
    names = []
    text = fill(rng, tpl)
    for slot in ("{Q}", "{P}", "{P2}"):
        if slot in text:
            name = person(rng)
            while name in names:
                name = person(rng)
            names.append(name)
            text = text.replace(slot, name)
    return text, tuple(names)


def _clean_row(rng: random.Random, tpl: str) -> str:
    text = fill(rng, tpl)
    used: set[str] = set()
    for slot in ("{Q}", "{P}", "{P2}"):
        while slot in text:
            if slot == "{Q}" and rng.random() < 0.5:
                filler = rng.choice(BUSINESS)
            else:
                filler = rng.choice([m for m in MASKED if m not in used])
            used.add(filler)
            text = text.replace(slot, filler, 1)
    return text


def build(seed: int = 20240601) -> list[tuple[str, str, tuple[str, ...]]]:
    """Rows of (id, sentence, names); names is empty for a clean sentence."""
    rng = random.Random(seed)
    rows: list[tuple[str, str, tuple[str, ...]]] = []
    for i in range(N_TEMPLATED + len(HAND_CLEAN) - len(HAND_NAMED)):
        text, names = _named_row(rng, SHARED[i % len(SHARED)])
        rows.append((f"t-named-{i:03d}", text, names))
    for i, (text, names) in enumerate(HAND_NAMED):
        rows.append((f"h-named-{i:03d}", text, names))
    for i in range(N_TEMPLATED):
        # Three shared templates for every clean-only one, so shapes overlap across halves.
        tpl = CLEAN_ONLY[(i // 4) % len(CLEAN_ONLY)] if i % 4 == 3 else SHARED[(i * 7) % len(SHARED)]
        rows.append((f"t-clean-{i:03d}", _clean_row(rng, tpl), ()))
    for i, text in enumerate(HAND_CLEAN):
        rows.append((f"h-clean-{i:03d}", text, ()))
    for rid, text, names in rows:
        assert "{" not in text and "\t" not in text, (rid, text)
        for name in names:
            assert name in text, (rid, name)
    return rows


def write(path: Path, rows: list[tuple[str, str, tuple[str, ...]]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["id\tnames\tsentence"]
    lines += [f"{rid}\t{'|'.join(names)}\t{text}" for rid, text, names in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--seed", type=int, default=20240601)
    args = ap.parse_args()
    rows = build(args.seed)
    write(args.out, rows)
    named = sum(1 for r in rows if r[2])
    print(f"{args.out}: {len(rows)} rows, {named} with names, {len(rows) - named} clean")


if __name__ == "__main__":
    main()
