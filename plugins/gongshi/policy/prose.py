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

Round 5 (issue 20): a vocabulary only knows the words it was given, and fresh text kept naming
others; so more of health data is found by its slot, whatever it is called: a medicine after a
verb of taking by a person (a kept table of names, clinical.py, or the name's ending), a value
with a clinical unit after a body's sample, an operation after 行, an addiction, a pregnancy by
what is carried. A finding covers the verb that says someone has it (患有…, 长期服用…), and what one
statement says of one person (…，每周三次血液透析) is one finding, as a reader marks it.

Round 6 (issue 20): a finding still stopped short of what a reader marks (患有肺结核 found, the
rest of the statement, …，正在定点医院接受抗结核治疗, not). It now runs on (_goes_on) through the rest
of its clause and up to three more that carry a treatment, a hospital, a course, what the body
does or another condition, and ends before the case's own words (罚款, 申请, 由其…代…) or another
person (其丈夫; 其 alone is the same person); it starts at its verb (系, 行, 查出, 突发, 因…致, 吃了…过量的)
and the hospital it was done in. Plain speech without 患 (血糖高, 肾不好, 脑子有点问题, 打胰岛素), a
hospital that says what it treats with a stay there (在精神卫生中心治疗过两年, _WARD), an
operation after 行, and a body said by shape (_PLAIN: 血糖一直很高, 一只眼睛看不见, 肺上有阴影, 腿上装了
钢板) are found too.

Works on the normalised view (see normalise.py): digits are ASCII, Chinese numerals digits.
"""
from __future__ import annotations

import bisect
from gongshi.runtime import lazyre as re  # patterns compiled on first use (runtime/lazyre.py)
from typing import Iterator

from gongshi.policy import clinical, owners

ADDRESS = "address"
HEALTH = "health"

# What a test finds in a person, health data only as a positive result (尿检吗啡类呈阳性): on its
# own the word is a substance seized or a test done, not anyone's health.
TESTED = frozenset("吗啡 甲基苯丙胺 苯丙胺 氯胺酮 海洛因 大麻 冰毒 毒品 阿片 美沙酮 尿检 尿液检测 "
                   "血液检测 血检 吸毒检测 毒品检测 抗体检测 核酸 核酸检测 结核菌涂片 痰涂片 涂片 结核菌素 结核菌素试验".split())  # (round 8: 核酸检测结果为阳性)
# A medicine that says what it treats: health data only when someone takes it (服用, 注射 …), not
# when it is sold, or given to others (为多名糖尿病患者注射胰岛素).
MEDICINES = frozenset("抗抑郁药 抗抑郁药物 抗精神病药 抗精神病药物 降压药 降糖药 胰岛素 抗病毒药物 抗癫痫药 抗凝药 安眠药 抗结核药 止痛药 "
                      "精神类药物 抗结核药物 抗凝药物 降压药物 降糖药物 抗癫痫药物 安眠药物 抗焦虑药 抗焦虑药物".split())
_TAKING = re.compile(r"(?:服用|服药|口服|在用|注射|使用|依赖|吃|打)(?:了|过)?(?:\d+个?多?(?:年|月|周|天)的?)?[^，,。；;]{0,4}\Z")  # (round 6: 吃降压药, 打胰岛素)
_GIVING = re.compile(r"(?:为|给|向|帮|替|对)[^，,。；;]{0,12}\Z")
# A sense or a faculty and how it fails (听力不好, 行动不便).
# (round 5: an organ or the mind, said plainly: 心脏不好, 精神不正常, 脑子有问题)
FAILING = frozenset([a + b for a in ("听力", "视力", "记忆力", "记性", "腿脚", "行动", "行走", "说话", "语言", "活动", "肢体活动")
                     for b in ("不好", "不佳", "较差", "很差", "极差", "下降", "减退", "受损", "不便", "困难", "不利索")]
                    + [a + b for a in ("心脏", "肝脏", "肾脏", "眼睛", "耳朵", "脑子", "脑袋", "精神", "智力", "神志", "身体",
                                 "肾", "肝", "胃", "肺", "腰", "腰椎", "颈椎", "膝盖")
                       for b in ("不好", "不太好", "不正常", "有问题", "有毛病", "异常", "失常", "受损",
                                 "有点问题", "有些问题", "有点毛病", "不太正常", "不太灵光", "不灵光", "受过伤", "受了伤")])  # (round 6)
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
    "大三阳 小三阳 大3阳 小3阳 核酸阳性 核酸检测阳性 透析 化疗 放疗 身孕 重病 大病 绝症 病危 病重 "
    # plain words for a condition, as a clerk writes them
    "视障 听障 视力障碍 听力障碍 言语障碍 认知障碍 残障人士 失智 智力低下 精神失常 坐轮椅 瘫痪在床 卧床不起 半身不遂 "
    "聋子 哑巴 瞎子 截肢 有孕在身 身怀六甲 怀有身孕 产妇 骨折 白内障 青光眼 弱视 耳聋 痛风 胃溃疡 胃病 肺炎 肾结石 "
    "胆结石 甲亢 心律失常 脑萎缩 腰椎间盘突出 颈椎病 类风湿 风湿病 关节炎 支气管炎 肺纤维化 器官移植 肾移植 肝移植 "
    "心脏搭桥 心脏支架 血栓 肝损伤 贫血 孕产妇 卧病在床 坐月子 新冠 精神分裂 慢性病 住院 "
    # a result said of someone
    "血糖偏高 血糖升高 血压偏高 血压升高 转氨酶升高 血脂偏高 抑郁倾向 唐氏儿 "
    # round 3 (issue 20): more conditions, addictions, injuries, pregnancy stages and treatments
    "肾炎 慢性肾炎 肾功能衰竭 肝功能异常 心力衰竭 心衰 冠状动脉粥样硬化 动脉硬化 脑血栓 脑动脉瘤 抑郁 焦虑 "
    "精神分裂 妄想症 躁狂症 人格障碍 多动症 阿斯伯格 酒精依赖 酒精成瘾 酒精中毒 毒瘾 药物成瘾 药物滥用 "
    "双目失明 单眼失明 左眼失明 右眼失明 双耳失聪 高位截瘫 半身瘫痪 肢体缺失 伤残 残障 "
    "烧伤 烫伤 脑震荡 颅脑损伤 颅内出血 软组织挫伤 骨裂 韧带撕裂 脱臼 粉碎性骨折 "
    "孕早期 孕中期 孕晚期 先兆流产 剖宫产 剖腹产 产后 哺乳 "
    "血液透析 腹膜透析 康复治疗 心理治疗 精神科治疗 住院治疗 靶向治疗 "
    "发育迟缓 智力发育迟缓 发育迟滞 精神发育迟滞 语言发育迟缓 失语 失语症 "
    "近视 高度近视 远视 散光 色盲 色弱 精神状态异常 精神状态不稳定 神志不清 意识不清 精神恍惚 "
    "伤口 外伤 创伤 皮肤破损 吸毒史 受伤 轮椅使用者 "

    "艾滋病病毒 梅毒螺旋体 幽门螺杆菌 "
    # round 5: self-harm, and devices in or on a body (said with a verb of having: 心脏装有起搏器)
    "抽搐 昏迷 休克 晕厥 中暑 营养不良 耳背 口齿不清 骨质疏松 吸毒人员 戒毒人员 顺产 自杀未遂 自杀倾向 自残 割腕 起搏器 心脏起搏器 人工耳蜗 假肢 义肢 助听器 胰岛素泵 "
    # round 6: plain speech with no 患 (血糖高, 脑子有点问题 in FAILING), an abortion, a fall
    "血糖高 血压高 血脂高 低血糖 高血糖 失眠 失眠症 人流手术 人工流产 引产 堕胎 打胎 摔断 摔伤 跌伤 视网膜脱落 视网膜病变 "
    "羊角风 羊癫疯 孕吐 "
    # round 8: what was done to a body part (右手三根手指被机器轧断: found only with the body before it)
    "轧断 压断 砸断 夹断 绞断 锯断 砸伤 压伤 夹伤 轧伤 咬伤 "
    # round 9: more of them (左手三根手指被切断)
    "切断 割断 砍断 碾断 撞断 割伤 砍伤 刺伤 扎伤 "
    # round 8: a combined result, a long-term disability of old age, occupational lung disease, polio
    "乙肝大三阳 乙肝小三阳 失能 半失能 瘫在床上 尘肺病 尘肺 矽肺 小儿麻痹 小儿麻痹症 脊髓灰质炎 "
    # round 9: speech and continence, the drinker, delusions, the unborn child, a recovering addict
    "口吃 言语不清 说话不清 吐字不清 失禁 大小便失禁 尿失禁 大便失禁 小便失禁 酗酒 嗜酒 妄想 被害妄想 幻听 幻觉 "
    "胎儿异常 胎儿畸形 胎停 胎位不正 戒毒康复人员 社区戒毒人员 社区康复人员 服农药 服毒 吞药 "
    "强制隔离戒毒 戒毒治疗 孕周 缺失 缺损 萎缩 畸形 坏死 怀胎 甲减 过敏 早产 轻生 轻生念头 厌世 情绪低落 "
    "侧弯 妊娠反应 肿大 带状疱疹 产褥期 前列腺增生 前列腺炎 弱听 吸毒 扭伤 擦伤 制氧机 子痫 先兆子痫 低烧 低热 假眼 义眼 毁容 助行器 丧失劳动能力 劳动能力丧失 "
    "限制民事行为能力人 无民事行为能力人 限制民事行为能力 无民事行为能力 "
    "感染 呼吸机 唇腭裂 唇裂 腭裂 兔唇 糖尿病足 "
    # round 10: a pregnancy's stage as a scan reports it, an arrhythmia, delirium, a lesion, hospital
    # care said by what is given (鼻饲, 吸着氧), a wound stitched, a carrier of typhoid, pneumoconiosis's
    # short name, poisoning by drinking pesticide, the early-born child, a long stay in bed
    "早孕 中孕 房颤 心房颤动 早搏 谵妄 震颤谵妄 肿物 裂伤 鼻饲 鼻饲管 胃管 "
    "高烧不退 高热不退 发烧不退 心脏监测仪 "
    "呼吸暂停 睡眠呼吸暂停 拐杖 拄拐 试管婴儿 鼓膜穿孔 卧床 厌食症 伤寒沙门菌 沙门菌 带菌者 早产儿 不孕不育 神经病 输液 "
    # a drug test: a result only when 阳性 follows (吗啡类呈阳性), else the seized substance
    # and a medicine that says what it treats, taken by someone (当事人长期服用降压药)
    "".split()) | TESTED | MEDICINES | FAILING, key=len, reverse=True)
# Case-blind only where it matters (HIV): re.IGNORECASE makes this alternation 6x slower.
_Node = dict[str, "_Node"]


def _trie(words: list[str]) -> str:
    """One regex for `words`, their common beginnings written once (乙肝(?:表面抗原阳性)?…): Python's
    engine tries the branches of a plain alternation one by one, a trie only the branch that
    fits. A longer word is preferred to its own beginning, as in the length-sorted alternation."""
    root: _Node = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: _Node) -> str:
        branches = [re.escape(c) + emit(node[c]) for c in sorted(node) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body
    return emit(root)


# The vocabulary as one pattern: a trie behind a lookahead on the words' first characters, so the
# engine passes most positions at once (a plain alternation of 200 words tried each in turn cost
# a third more once the plain words were added). Longest word first, as the sorted list was.
# Round 5: two shapes a word list cannot hold, tried before it (the trie would stop at 海洛因):
# - an addiction, what is taken and how it holds (吸食冰毒成瘾, 海洛因吸食史, 有毒品使用史): the
#   substance alone is a seizure (TESTED), its habit is someone's health;
# - a pregnancy by what is carried (怀有双胞胎, 怀了二胎, 怀着孩子), and 宫内/宫外孕.
_DRUGS = "冰毒|海洛因|大麻|K粉|氯胺酮|摇头丸|甲基苯丙胺|苯丙胺|吗啡|鸦片|可卡因|毒品|麻古|芬太尼|笑气|杜冷丁"
_HABIT = (rf"(?:吸食|注射|服食)?(?:{_DRUGS})(?:成瘾|上瘾|(?:吸食|使用|滥用|注射)?史)|吸食[^，,。；;\d]{{1,6}}?(?:成瘾|上瘾)"
          rf"|(?:吸食过?|服食过?|吸过|吸了)(?:{_DRUGS})"  # (someone's use: not 容留他人吸食…, see _OTHERS_USE)
          rf"|(?:尿液|血液|毛发|尿样|血样)(?:{_DRUGS}|甲基安非他明|安非他明|[、和及])+(?:检测|检验)?(?:结果)?均?呈?阳性"
          r"|(?:美沙酮|药物|戒毒药物|戒毒)维持治疗|美沙酮(?:替代)?治疗"
          # (a drug found in a body's sample: 尿液中检出氯胺酮成分)
          rf"|(?:(?:尿液|血液|毛发|尿样|血样)中|体内)(?:检出|检测出|查出)(?:{_DRUGS}|安非他明|甲基安非他明)类?(?:成分|代谢物)?"
          # (round 8) a birth said plainly (刚生了孩子, 生完二胎)
          r"|生(?:了|完|下)(?:[1一]个)?(?:孩子|小孩|宝宝|[1-3一二两双]胎|男孩|女孩|儿子|女儿)"
          r"|怀[有了着上]?(?:双胞胎|[3三]胞胎|多胞胎|龙凤胎|[2-9二三]胎|头胎|孩子|小孩|宝宝)|宫[内外]孕")  # (the view reads 二胎 as 2胎)
_HABIT_FIRST = "吸注服怀宫美药尿血毛体生戒"  # the first characters of _HABIT's shapes (besides the drugs')
# Round 6: the plainest speech of a body, shapes a word list cannot hold either: a measure and how it
# stands with an adverb between (血糖一直很高, 血压有点高), a sense that fails (耳朵基本听不见了, 一只眼睛
# 看不见), something grown in an organ (肝上长了个瘤子, 肺上有阴影), a device put in a body (心脏装了
# 支架, 腿上装了钢板); each begins with a character the vocabulary's words begin with already.
_PLAIN = (r"(?:血[压糖脂]|转氨酶|尿酸|胆固醇|肌酐)(?:[1一]直|有点|有些|比较|偏|很|特别|还|也|太|总是|老是|经常)*(?:(?:偏高|很高|高(?!压)|偏低|低(?!压))(?:(?:到|至|达|有)\d+(?:[百十]\d*)?多?)?|控制不好|控制不住|控制不佳|不稳定?|不正常)(?![\u4e00-\u9fff]{0,2}(?:人群|患者|的人|者|等))"
          # (round 9) a faculty or an organ's function that fails, an adverb between (听力也不好, 肝功能受损)
          r"|(?:听力|视力|记忆力|认知能力|肝功能|肾功能|心功能|肺功能|心肺功能)(?:也|都|[1一]直|有点|有些|很|越来越|比较|明显|严重|已经|已|逐渐)*"
          r"(?:不好|不太好|不行|不佳|较差|很差|差|下降|减退|衰退|受损|损害|异常|不全|衰竭|丧失)(?:(?:至|到)\d+(?:\.\d+)?)?"
          # (round 9) a fever said with its temperature (发烧39度), a disability's category (残疾类别为肢体)
          r"|耳朵(?:有点|有些|很|也)?背(?!景|后|面)|体重(?:只有|仅有?|不到|才)\d+(?:\.\d+)?\s*(?:公斤|斤|千克|kg)|(?:视力|听力)(?:只有|仅有?|不到|才)\d+(?:\.\d+)?|(?:发高?烧|高烧|高热)(?:到|至|达)?\d{2}(?:\.\d)?\s*(?:度|℃)|残疾(?:类别|类型|种类)(?:为|是|[：:])?(?:肢体|视力|听力|言语|智力|精神|多重)(?:残疾)?"
          r"|(?:耳朵|眼睛|双眼|双耳|[左右][眼耳])(?:基本|几乎|完全|都|已经|有点|也)*(?:听不见|听不清|看不见|看不清|聋了|瞎了)了?"
          r"|(?:肝|肺|胃|肾|脑|乳房|甲状腺)(?:上|里|部)?(?:长了?个?|有个?|发现)(?:瘤子|肿瘤|肿块|结节|阴影|包块|囊肿)"
          # (round 9) and named without a verb, an organ's nodule or polyp (甲状腺结节, 胆囊息肉)
          r"|(?:甲状腺|乳腺|胆囊|肾|肝|肺|子宫|卵巢)(?:结节|息肉|囊肿|肿块|结石)"
          # (round 9) symptoms that appeared in someone (出现发热、腹泻症状)
          r"|出现[^，,。；;]{1,10}?症状"
          # (round 9) an abortion said by the verb before it (刚做完人流), not a crowd (人流密集)
          r"|(?<=做完|做了|做过)人流(?!密|量)"
          # (round 9) an operation on an organ and the time after it (心脏手术术后): said of a body
          r"|(?:心脏|肝脏?|肺部?|胃|肾脏?|脑部?|腰椎|颈椎|眼睛|眼部|乳腺|甲状腺|子宫|髋关节|膝关节)(?:搭桥|支架|置换|移植|切除)?(?:手术|术)术?后"
          r"|(?:心脏|心|腿上?|手臂|腰上?|骨头|眼睛)(?:里|上)?(?:装了|装有|放了|植入了?|安了|做过|做了|搭了)(?:\d+个)?"
          r"(?:支架|钢板|钢钉|起搏器|人工关节|搭桥|手术)"  # (round 8: 眼睛做过手术)
          # (round 10) measures of a body said with their value and no clinical unit: sight (裸眼视力0.3,
          # 左眼视力下降至0.1: the eye and 裸眼 as its kind, _SEVERITY), hearing lost in decibels, a heart's
          # rate; an organ removed (左肾已于2019年摘除); a heart or another organ that fails with an adverb
          # between (心脏一直有毛病)
          r"|(?:肝功能)?(?:指标)?(?:谷丙|谷草)?(?:转氨酶|肌酐|尿酸|胆固醇)值?(?:达到|高达|达|升至|升到)\d+(?:\.\d+)?(?:百\d*)?多?"
          r"(?:\s*(?:[μu]mol/[lL]|mmol/[lL]|I?U/[lL]|mg/d[lL]))?"
          r"|血压(?:的)?(?:高压|低压|收缩压|舒张压)(?:有|达到?|为|是|在)?\d+(?:百\d*)?多?"
          r"|视力(?:下降至|降至|下降到|降到|只有|仅为?|为|是)?[0-5]\.\d{1,2}"
          r"|听力(?:损失|下降|减退)(?:约|达)?\d{2,3}\s*(?:分贝|dB|db)"
          r"|心率(?:为|达|高达|每分钟|快至)*\d{2,3}次?(?:/分|每分钟)?"
          r"|(?:[左右双]侧?)?(?:肾脏?|肝脏?|脾脏?|胆囊|子宫|卵巢|乳房|甲状腺|肺叶|眼球)(?:已经?|已于|于|被)?(?:\d{4}年)?(?:\d{1,2}月)?(?:摘除|切除)(?!术)了?"
          r"|(?:心脏|肝脏|肾脏|脑子|眼睛|耳朵|胃|腰)(?:[1一]直|也|都|老是|总是|早就|向来)+(?:不好|有毛病|有问题|不行)")
_PLAIN_FIRST = "血耳眼双左右肝肺胃肾脑乳甲心腿手腰骨听视记认发高残胆子卵出转尿肌体膝髋颈脾"
# (round 10) Shapes whose first characters are everywhere (人, 结, 病, 神) or that are rare: behind a
# lookahead of their own, so the many shapes of _PLAIN are not tried at every 人 or 结 — an abortion
# after its verb (做完人流), tuberculosis after a verb of having had it (得过结核), a limp (一瘸一拐),
# consciousness that comes and goes, metal left in a limb, what an examination found (心电图提示房颤).
_RARE = (r"(?<=做完|做了|做过)人流(?!密|量)|换(?:过|了)(?:肾|肝|心脏|角膜|骨髓|关节)|住(?:过|了)(?:\d+次|[1一]回)?院|(?<=得过|患过|有过|得了|患了)结核(?![性病菌杆])|(?<=[1一])瘸[1一]拐"
         r"|神志(?:时清时不清|不清|模糊|恍惚)|(?:腿|手臂|胳膊|腰)上?(?:的|里的)(?:钢板|钢钉|支架|假体)"
         r"|(?:心电图|脑电图|CT|B超|彩超|核磁共振?|胃镜|肠镜|活检|病理)(?:检查)?(?:提示|显示|发现|查出|结果为|示)[^，,。；;]{1,12}")
_RARE_FIRST = "换住人结瘸神腿手胳腰心脑CB彩核胃肠活病"
_DISEASE = ("(?=[" + "".join(sorted({w[0] for w in DISEASES} | {"h", "K"} | set(_HABIT_FIRST) | set(_PLAIN_FIRST) | set(_RARE_FIRST))) + "])(?:"
            + "(?=[" + "".join(sorted({w[0] for w in _DRUGS.split("|")} | set(_HABIT_FIRST) | set(_PLAIN_FIRST))) + "])(?:"
            + _PLAIN + "|" + _HABIT + ")|"
            + "(?=[" + _RARE_FIRST + "])(?:" + _RARE + ")|"
            + _trie([w for w in DISEASES if w != "HIV"]) + r"|[Hh][Ii][Vv]|孕(?=\d{1,2}\s*[周月]))")  # 孕28周
# What a condition may carry after it, inside the finding.
# A certified grade (视力残疾一级: 1级 in the view) or how long (怀孕五个月) belongs to it too.
# A test and its result may stand between (新冠病毒核酸检测结果阳性, 吗啡类呈阳性); a duration may be
# approximate (怀孕约五个月).
_RESULT = (r"(?:(?:骨|肝|肺|脑|淋巴结?)?转移|强阳性|阳性|带菌者?|妇女|晚期|早期|中期|末期|患者|病人|病患|患儿|人士|使用者|携带者|感染者|感染|病史|史|后遗症|综合征|综合症|术后|切除术|手术|"
           r"根治术|介入术|摘除术|修复术|微创手术)")  # (round 6: 乳腺癌根治术)
# (round 5: the marker's short name in brackets and a confirmation may stand between too, 乙肝表面
# 抗原（HBsAg）阳性, HIV抗体确证阳性; and a stay counts in days or years, 住院治疗12天)
_AFTER = (rf"(?:人(?![员民数口群次士]))?(?:症|障碍)?类?(?:病毒|毒品|{_DRUGS}|甲基安非他明|安非他明)?类?(?:表面抗原|抗体|抗原|核酸)?(?:[(（][A-Za-z0-9-]{{2,10}}[)）]|-?Ig[MGAE])?"
          rf"(?:(?:检测|检验|确证|复检|初筛|试验){{0,2}}(?:结果)?(?:为|呈|显示为?)?{_RESULT}(?:患者|病人|患儿)?|检测)?"
          r"(?:(?:(?:等级|级别)(?:为|是)?)?[1-4]级|(?:约|近|已满?|已经满?|满|大约|将近|达)?\d{1,2}个?(?:多|余)?(?:月|周|天|日|年)(?:余|多)?)?")
# How bad it is, said after it (吸毒成瘾严重), and a gloss in brackets (视力残疾一级（双目失明）):
# part of what is said, not needed to say it.
# (round 5: and how much of the body a burn covers, 烧伤面积约15%)
_TRAIL = (r"(?:严重|较重|加重|恶化|复发|急性发作|发作)?(?:\d[子女])?(?:[(（][^()（）\n。；;，,]{1,12}[)）])?"
          r"(?:[，,]?(?:烧伤|烫伤)?面积(?:约|达|为)?\d+(?:\.\d+)?%)?")
_CONDITION = re.compile(rf"(?P<core>(?:{_DISEASE}){_AFTER}){_TRAIL}")
# Conditions that name a person or a result: enough without a verb.
_SAID_OF_SOMEONE = re.compile(r"(?:烧伤|烫伤|骨折|挫伤|人|妇|阳性|晚期|末期|患者|病人|病患|患儿|使用者|携带者|感染者|病史|后遗症|怀孕|失明|失聪|聋哑|哺乳期|孕期|"
                              r"级|月|周|余|多|视障|听障|失智|轮椅|在床|不起|不遂|聋子|哑巴|瞎子|身孕|在身|六甲|产妇|月子|偏高|升高|"
                              r"人士|成瘾|上瘾|吸食史|使用史|滥用史|注射史|胎|孩子|小孩|宝宝|未遂|倾向|割腕|自残|宫[内外]孕|产|\d[子女]|"
                              r"外伤|创伤|损伤|发作|毒人员|不好|不太好|不正常|有问题|有毛病|失常|耳背|问题|毛病|灵光|糖高|压高|脂高|"
                              r"术后|[高低]|[0-9]|分贝|dB|db|次/分|每分钟|摘除了?|切除了?|拐杖|[1一]拐|毛病|不行|不好|"
                              r"不见了?|不清了?|聋了|瞎了|瘤子|肿瘤|肿块|结节|阴影|包块|囊肿|支架|钢板|钢钉|起搏器|人工关节|搭桥)\Z")
# How bad or what type, before the condition: part of what is said (重度抑郁症, 2型糖尿病).
# Also the type (甲型病毒性肝炎), the kinds of a combined disability (听力言语残疾), the body part of
# an injury (左下肢截肢, 右手食指骨折) and the way a treatment is given (血液透析), in any order.
_BODY = (r"(?:[左右双单]?侧?(?:第[\d、,和至-]{1,8})?(?:[髋膝肩踝肘腕]关节|脑部|颅脑|头|脑|骨盆|盆骨|颅骨|鼻骨|脊椎|尾椎|全身多处|全身|多处|上肢|下肢|四肢|肢体|脊柱|颈部|淋巴结|肺部|呼吸道|尿路|泌尿系|肠道|手指|食指|拇指|中指|无名指|小指|脚趾|小腿|大腿|前臂|上臂|手掌|手腕|手|脚|足|腿|臂|"
         r"手部|足部|脚部|腿部|臂部|眼部|耳部|体内|头皮|支气管|气管|眼|耳|膝|踝|腕|肘|肩|髋|肋骨|腰椎|颈椎|胸椎|股骨颈|股骨头|股骨|胫腓骨|胫骨|腓骨|尺桡骨|尺骨|桡骨|锁骨|头部|面部|胸部|腹部|腰部|背部|鼓膜)(?:第\d+(?:节|根|块|颗)|以下|以上)?)")
# (round 5: a verb of having is no part of the type: 患慢性…, 为偏执型… )
_SEVERITY = re.compile(r"(?:裸眼|矫正|重度|中度|轻度|极重度|严重的?|[1一][只侧]|(?:(?![患为是有因称]|系(?!统))[\u4e00-\u9fff]){1,6}[性型]|宫内|宫外|晚期|早期|中期|末期|高危|先兆|高龄|心理|反复发作的?|[12]型|[甲乙丙丁戊][型类]|"
                       # (round 9) a grade of injury runs to ten (9级伤残)
                       rf"肢体|视力|听力|言语|智力|精神|多重|(?:10|[1-9])级|{_BODY}|[及和、](?={_BODY})|"
                       # (round 5: a burn's degree, Ⅱ度 = II度 in the view, 深Ⅱ度; the sample a result is of)
                       r"深?(?:I{1,3}|IV|[1-4一二三四])度|(?:尿液|血液|血清|尿样)(?:检测|检验|化验)?|人工|药物|"
                       r"(?:怀有|怀了|有)?(?:约|近)?\d{1,2}个?(?:多|余)?(?:月|周)的?)+\Z")
# A condition the vocabulary does not know, by its name's ending, after a verb of having (因, 为,
# 系, 患, 做完 …) and a person named before it in the clause (_PERSON_WORD).
# (round 5: an operation by its kind, …切除术/移植术/置换术, after 行 as clinical notes write it:
# 于2023年3月行子宫切除术)
_PROCEDURE = "根治术|介入术|消融术|结扎术|切开术|切除术|摘除术|移植术|置换术|修补术|成形术|搭桥术|造口术|造瘘术|引流术|植入术|矫正术|复位术|固定术"
_UNKNOWN_ENDS = ("症", "炎", "癌", "瘤", "综合征", "手术", "伤", "病", "出血", "衰竭", "结石", "穿孔", "梗死", "梗塞", "变性", "坏死", "全切", "切除", "疹", "痛", "中毒", "曲张", "狭窄", "积液", "溃疡", *_PROCEDURE.split("|"))
_UNKNOWN = re.compile(r"(?:因|为|系|患(?![者方])|(?<=[人其她他妻夫子女爸妈我])查出(?:了|有)?|做完|做了|做过|接受了?|行|自幼|从小|先天|突发|突患|(?<=[我他她其人])有)(?:\d+次)?"
                      rf"([\u4e00-\u9fff][\u4e00-\u9fff\d]{{0,8}}?(?:{_PROCEDURE}|症|炎|癌|瘤变|瘤|综合征|手术|出血|衰竭|结石|穿孔|梗死|梗塞|变性|坏死|全切|切除(?!术)|疹|痛(?![快苦心])|中毒|伤(?![害人者残亡])|"
                      r"病(?![例房区床人毒菌虫害情况因历种死]))(?!(?!住院)[\u4e00-\u9fff]?[药苗剂械品店院科防物商企]))")  # (…炎住院: a stay, no hospital's name)
# Not a condition someone has: one caused (致人受伤), a service done to others (为患者实施手术).
# What an unknown condition may carry after its name, inside the finding (…癌术后, …炎病史).
# (round 9) …or with what it does right after its name, no verb before (其当时胰腺炎发作, 胆囊炎复发住院).
_UNKNOWN_DOES = re.compile(r"(?:其|我(?![局委所队厅市县区省国司部办院校店们])|他(?![人们])|她(?!们)|当事人|本人|"
                           r"(?<=[\u4e00-\u9fff])某某?(?![省市州盟县区旗镇乡村街路巷道医公单局所中学])|父亲|母亲|妻子|丈夫|儿子|女儿|老伴|之[父母妻夫子女兄弟姐妹])"
                           r"(?:当时|那时|那段时间|近期|最近|又|再次|突然|[1一]直)?"
                           r"((?:(?![的对在为是有和与及、])[\u4e00-\u9fff]){1,6}?(?:炎|症|病|癌|瘤|结石|囊肿|息肉|增生|出血|曲张|狭窄|积液|溃疡))(?=发作|复发|加重|恶化|住院|入院|[,，])")
# (literals first: the pattern above may start at any character, so it runs only where one of these is)
_DOES = re.compile(r"发作|复发|加重|恶化|住院|入院|(?:[炎症病癌瘤]|结石|囊肿|息肉|增生|出血|曲张|狭窄|积液|溃疡)[,，]")  # (round 10: 静脉曲张, …狭窄)
_UNKNOWN_TAIL = re.compile(rf"(?:{_PROCEDURE}|手术)?(?:术后|晚期|早期|中期|末期|患者|病人|病史|后遗症)?")
_NOT_VERB_BEFORE_XING = set("进执施实举履运银发盛流通旅步")  # 进行, 执行, 银行: 行 is no clinical verb there
_NOT_HAD = re.compile(r"致|造成|导致|引起|实施|进行|开展|施行|提供|[甲乙丙]类|传染病|^(?:患者|顾客|他人|消费者|病人|客户|多名|多位|群众)")
_PERSON_WORD = re.compile(r"当事人|本人|其|我(?![局委所队厅市县区省国司部办院校店们])|他(?![人们])|她(?!们)|[\u4e00-\u9fff]某(?!某*(?:[省市州盟县区旗镇乡村街路巷道]|医院|皮肤病|人民|中心|公司|单位|局|所|学校|司法|鉴定|社区|部队))|父亲|母亲|妻子|丈夫|儿子|女儿|孩子|员工|店员|从业人员|厨师|驾驶员|证人|"
                          r"申请人|家属|投诉人|举报人|(?<![问])答(?=[：:])")
# A body part right before a condition (头部受伤) says it is someone's body; but an injury an
# offender caused to an unnamed victim (致对方面部软组织挫伤) is the offence as published.
_CAUSED = re.compile(r"(?:致|造成|导致|致使)(?:对方|他人|受害人|被害人|被侵害人|路人|行人|人|多人|\d+人|\d+名[^，,。；;]{0,4})"
                     r"[^，,。；;]{0,2}\Z")
# (round 9) and one caused to a client the clause names (为患者注射青霉素致其过敏): 其 is the client.
_CAUSED_TO_CLIENT = re.compile(r"(?:为|给|替|向)[^，,。；;]{0,6}?(?:患者|顾客|消费者|病人|客户|他人|就诊者)[^，,。；;]{0,14}?"
                               r"(?:致|造成|导致|致使)其?[^，,。；;]{0,2}\Z")
_BODY_BEFORE = re.compile(rf"{_BODY}\Z")
# (round 9) What a body part is missing or how it is misshapen: a condition only with the body part
# before it (双上肢缺失, 左腿萎缩), not of data or goods (资料缺失, 包装破损).
# (round 9) Devices a body wears or lives on: someone's only when nobody gives them to others.
_EQUIPPED = re.compile(r"(?:设有|配备了?|配有|购置了?|销售|出售|采购|提供)[^，,。；;]{0,4}\Z")  # a body's stock
# (round 10) Treatments a person receives, not one given to others (为患者进行静脉输液, 为顾客打针输液).
GIVEN = frozenset("输液 鼻饲 鼻饲管 胃管".split())
DEVICES = frozenset("心脏监测仪 助行器 助听器 人工耳蜗 起搏器 心脏起搏器 假肢 义肢 胰岛素泵 呼吸机 制氧机 假眼 义眼".split())
ON_BODY = frozenset("缺失 缺损 萎缩 畸形 坏死 感染 侧弯 肿大 扭伤 擦伤".split())
INJURED = frozenset("轧断 压断 砸断 夹断 绞断 锯断 砸伤 压伤 夹伤 轧伤 咬伤 切断 割断 砍断 碾断 撞断 割伤 砍伤 刺伤 扎伤".split())
_ALLERGEN = re.compile(r"(?:当事人|本人|其|我|他|她|[\u4e00-\u9fff]某某?)[^，,。；;]{0,4}?(对[^，,。；;]{1,8})\Z")
_PASSIVE = re.compile(r"被[^，,。；;被]{0,4}\Z")
_BODY_DONE_TO = re.compile(rf"{_BODY}[^，,。；;]{{0,10}}?(?:被|遭|让)[^，,。；;被]{{0,8}}\Z")
# Conditions said one after the other of the same person (糖尿病及高血压) are one finding, and so
# is one the vocabulary does not know, by the ending of its name (焦虑症和失眠症).
_CHAINED = re.compile(r"(?:[和及与、]|以及|并|伴有|伴|合并)[\u4e00-\u9fff]{1,6}?(?:症|病变|病|炎|癌|瘤|综合征|障碍)")
_AND = re.compile(r"(?:[及和与、并]|以及|伴|伴有|合并|并发|并伴有|后)?")  # (中风后失语)
# A positive result of a sample, goods or an animal (1批次检出非洲猪瘟病毒核酸阳性): nobody's health.
_NOT_PERSON = re.compile(r"样品|样本|批次|检品|产品|食品|商品|货物|生猪|猪|牛|羊|禽|鸡|鸭|鹅|犬|动物|肉|水产|冷链|外包装|环境|"
                         r"蔬菜|水果|饲料")
# A verb that says someone has a condition, whatever the condition is called: its object (up to
# the clause's end) is health data even when no word of the vocabulary is in it.
# A diagnosis denied (未发现患有…, 没有患…) says nothing about anyone's health.
_DENIED = re.compile(r"(?:未|没有|没|无|不|未发现|未见)[^，,。；;]{0,2}\Z")
_DIAGNOSED = re.compile(r"患有|患上|罹患|身患|确诊为|确诊患有|确诊|被诊断为|诊断为|诊断出|(?<=[人其某者妻夫子女母父我他她])患(?![者方])")
# (not 确诊病例, 确诊患者, 确诊人数: the cases counted, nobody named)
_OBJECT = re.compile(r"(?!病例|患者|病人|人数|人员|者|率|标准|依据|证明|报告|书)[^，,。；;、：:（）()\n“”\"]{2,14}")
_OBJECT_TAIL = re.compile(r"(?:多年|已久|数年|等|等疾病|的病史|病史|史)\Z")
# A condition that names people as customers of a service (为孕妇提供…鉴定): nobody in particular.
_FOR_CUSTOMERS = re.compile(r"(?:为|向|给|对|针对|面向|帮助|招揽)(?:其|本院|本机构|该院|该机构)?(?:收住|收治|入住|就诊|护理|托养|接收)?的?(?:多名|多位|\d+名|\d+位|部分|其他|众多|这些|辖区内?|本地|社区|广大|入住的|"
                            r"就诊的|所有|全体)?\Z")
# (round 9) A condition before the group of others it describes (对出现发热症状的顾客…): customers,
# passengers and the public are never the party whose data the record holds.
_ANSWER = re.compile(r"(?<![问])答[：:]\s*\Z")
_WHEN_SAID = re.compile(r"(?:去年|前年|今年|上个?月|前几年|那几天|那段时间|最近|近期|平时|一直|现在|目前|已经|曾经?|\d{4}年(?:\d{1,2}月)?)*")
_COUNT_BEFORE = re.compile(r"(?:有|共|计|其中)\d+(?:名|人|位|例|户)(?:老人|人员|患者|职工|学生|儿童)?(?:是|为|系|属于?)?(?:长期|常年|一直)?\Z")
_RECORDS_AFTER = re.compile(r"的?[^，,。；;]{0,4}?(?:随访|管理|档案|登记|建档|记录|台账|监护情况)")
_GROUP_AFTER = re.compile(r"(?:以上|以下|以内|及以上)?的(?:女职工|职工|员工|劳动者|妇女|女性|从业人员|顾客|消费者|旅客|游客|乘客|群众|居民|人群|学生|儿童|就诊者|就诊人员|求职者|受检者)")
# (round 5) Counted people (收住残疾人38名), a warning on goods (孕妇和哺乳期妇女禁用), a test arranged
# for others (为从业人员办理乙肝检测): nobody in particular.
# (round 8: with 共/计/达/有 between, 严重精神障碍患者共1263人)
_COUNT_AFTER = re.compile(r"(?:老人|人员|儿童|妇女|职工|学生|群众|居民|孕妇|产妇|患者|病人|患儿|人)?(?:中|当中|里)?(?:各|共计|合计|总计|累计|共|计|达|有|约|近)?\d+\s*(?:名|人|位|例|户)")
_LABEL_AFTER = re.compile(r"[^，,。；;]{0,12}?(?:禁用|慎用|忌用|勿用|禁服|慎服|忌服|禁食|忌食|不宜|不适宜|不适用|避免|遵医嘱)")
_ARRANGED = re.compile(r"(?:办理|开展|组织|安排|提供|进行)[^，,。；;]{0,2}\Z")
_SERVICE_AFTER = re.compile(r"(?:[、和及与][^，,。；;]{1,6}?)?等?(?:老人|人员|儿童|患者|妇女|群体|人群|职工|员工)?(?:建立|建档|配发|配备|赠送|捐赠|分发|缴纳|发放|支付|办理|配备|安排|提供|进行|实施|开展|出售|销售|施行|鉴定|接生|检查|服务|推销|售卖|介绍|做|注射|输液|诊疗|"
                            r"治疗|看病|配药|开药|义诊|采取|隔离|收治|接诊|登记|管理)")
# Round 5: a medicine someone takes, by the slot rather than a list of quoted names: a verb of
# taking after a person (当事人每日服用…), then a name from the kept vocabulary (clinical.py:
# 奥氮平, 舍曲林) or, failing that, a name by its ending (氯氮平, 丙戊酸钠, …胶囊) followed by what it is
# for or the clause's end. Without a person before the verb (消费者服用该产品后), or in a rule, a
# claim or a service to others, nobody's health is said.
# (round 10) and said plainly: 吃 after a word that makes it a habit or an answer (一直在吃碳酸锂, 吃的是阿托伐他汀,
# 每晚要吃两片艾司唑仑, 靠吃速效救心丸), or what a doctor prescribed (医生给开的奥氮平); the name must still be
# a known medicine or have a medicine's ending, so 吃饭 and 小吃 say nothing.
_TAKE = re.compile(r"静脉注射|注射|服用|口服(?!液)|(?<=[在是直要靠常期身天晚日上再还都])吃(?:着|了|的是)?|吃的是|吃着|(?<=医生|大夫|医院)(?:给|帮)?我?开具?(?:的|了)")
_TAKE_HINT = re.compile(r"服|注射|吃|开具?[的了]")
# What stands between the verb of taking and the name (服用了…, 吃的是…, 吃两片…).
_TAKE_FILLER = re.compile(r"(?:了|过|着|的是|的)?(?:医生|大夫)?(?:给|帮)?(?:开的)?(?:各?\d+次)?(?:\d+|半)?[片粒颗支袋]?")
# Drugs others use, the offence as published (容留他人吸食毒品, 引诱多人吸食…): nobody's health here.
_OTHERS_USE = re.compile(r"(?:他人|多人|人员|容留|引诱|教唆|欺骗|强迫|提供)[^，,。；;]{0,4}\Z")
_DRUG_SHAPE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:平|汀|林|酮|嗪|唑|胺|素|醇|韦|仑|坦|酯|松|芬|泮|啶|利|针剂|酸钠|酸钾|酸锂|缓释片|肠溶片|片|胶囊|丸|"
                         r"注射液|颗粒|口服液)(?=控制|治疗|维持|缓解|稳定|等|期间|助眠|安眠|止痛|镇静|降压|降糖|抗凝|撑|才|后|时|每|[1一]天|[1一]日|\d|[和及、，,。；;（(]|\Z)")
_DRUG_REACH = 8
_DRUG_NAMES = frozenset(_DRUGS.split("|"))  # 注射海洛因: a habit, taken as a medicine is
# Who takes it, when it is not the person named (消费者服用后, 患者口服…): nobody in particular.
_OTHERS_TAKE = re.compile(r"(?:患者|顾客|他人|消费者|病人|客户|群众|购买者|使用者|儿童|老人|孕妇)[^，,。；;]{0,4}\Z")
_DRUG_FORM = re.compile(r"钠|钾|钙|盐|缓释片|肠溶片|片|胶囊|注射液|颗粒|口服液")
# Round 5: a measurement of a body, by its slot: what was sampled (血液, 尿液, 呼气, 血糖, 血压 …),
# then a value with a clinical unit (152mg/100ml, 16.8mmol/L, 170/105mmHg) within the clause.
# Goods have no blood (白酒甲醇含量0.8g/L), and a threshold is the law's, not anyone's value
# (血液酒精含量大于或者等于80mg/100ml的).
_MEASURE = re.compile(r"(?:DNA定量|病毒载量|DNA|静脉血|全血|血液|血清|血浆|尿液|尿样|呼气|空腹血糖|餐后血糖|血糖|血压|糖化血红蛋白|血红蛋白|血氧|"
                      r"血脂|胆固醇|甘油三酯|转氨酶|肌酐|尿酸|血钾|血钠|体温|血铅|血汞|眼压)"
                      r"[^，,。；;]{0,14}?(?<![\d.])\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?\s*"
                      r"(?:mg/100\s*m[lL]|mg/d[lL]|mmol/[lL]|[μu]mol/[lL]|[μu]g/[lL]|mmHg|ng/m[lL]|IU/m[lL]|U/[lL]|g/[lL]|°C|℃|毫克/100毫升|毫克/百毫升|毫摩尔/升|毫米汞柱)"
                      # (round 8) a share of the blood's haemoglobin, the one value given in percent
                      r"|糖化血红蛋白(?:[(（]?HbA1c[)）]?)?[^，,。；;\d]{0,4}\d+(?:\.\d+)?\s*%"
                      # (round 10) a urine test's pluses (尿蛋白3+, 尿潜血++)
                      r"|(?:尿蛋白|尿糖|尿潜血|潜血|尿酮体)[^，,。；;\d+]{0,4}(?:\d\+|\+{1,4})")
_UNITS = re.compile(r"mg/|mol/|mmHg|/m[lL]|U/[lL]|g/[lL]|°C|℃|糖化血红蛋白|毫克/|毫摩尔|毫米汞柱|尿蛋白|尿糖|潜血")
_THRESHOLD = re.compile(r"大于|等于|小于|低于|高于|超过|不足|不低于|不高于|≥|≤|[<>]|标准|阈值|以上|以下")  # how far after the verb a name may start (服用抗抑郁药舍曲林)


# (round 10) A claim's word that is part of a clinic's name (美沙酮维持治疗门诊, 康复治疗中心): where, not a claim.
_CLINIC_AFTER = re.compile(r"[^，,。；;]{0,3}?(?:门诊|医院|中心|科|机构|所)")


def _claim_before(before: str) -> bool:
    """Whether `before` holds an advertising claim's word (治疗, 功效 …) that is not a clinic's name."""
    return any(not _CLINIC_AFTER.match(before, m.end()) for m in _CLAIM.finditer(before))


def _animal_subject(text: str, at: int) -> bool:
    """(round 10) Whether the sentence's subject before `at` is a sample, goods or an animal named after
    the last person (当事人养殖场的生猪经检疫，体温40.5℃): the measure is the animal's."""
    animal = person = -1
    for m in _NOT_PERSON.finditer(text, 0, at):
        animal = m.start()
    if animal < 0:
        return False
    for m in _PERSON_WORD.finditer(text, 0, at):
        person = m.start()
    return animal > person


def _medicines(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the medicines named in text[start:end] right after a verb of taking: names of
    the kept vocabulary one after the other, else one name by its ending; None without one."""
    known = clinical.medicines() | _DRUG_NAMES
    lengths = sorted({len(w) for w in known}, reverse=True)
    first = last = reach = -1
    i = start
    while i < end and (first < 0 and i < start + _DRUG_REACH or i <= reach):
        hit = next((n for n in lengths if i + n <= end and text[i:i + n] in known), 0)
        if hit:
            first = i if first < 0 else first
            last = reach = i + hit
            i += hit
            if i < end and text[i] in "和及、与":  # (round 10) the next of a list (阿司匹林和氯吡格雷, …和吗替麦考酚酯)
                if any(text.startswith(w, i + 1) for w in known if text[i + 1:i + 2] == w[:1]):
                    i = reach = i + 1
                else:
                    shape = _DRUG_SHAPE.match(text, i + 1, end)
                    if shape:
                        last = shape.end()
                        break
        else:
            i += 1
    if first >= 0:
        form = _DRUG_FORM.match(text, last, end)  # 丙戊酸 + 钠, 奥氮平 + 片
        return first, form.end() if form else last
    shape = _DRUG_SHAPE.match(text, start, end)
    return shape.span() if shape else None


# The verb that says someone has or takes it, right before a condition (患有孤独症, 身患残疾, 感染猴痘
# 病毒, 装有起搏器, 服用氯氮平): part of what the finding shows and the mask hides, so that one
# finding covers the statement as a reader (and a held-out set's author) marks it; the verb is
# not what makes it personal, nothing more is flagged for it.
# (with the adverb that says when: 已怀孕七个月, 曾做过心脏搭桥手术, 正处于哺乳期)
_HAD_VERB = re.compile(rf"(?:[1一两2][条只根])?{_BODY}?(?:(?:去年|前年|今年|上个?月|前几年|近期|最近)(?:初|底|年初|年底|(?:\d{{1,2}}|十\d?)月份?)?|\d+次|\d+个?多?(?:年|月)前|小时候|当时|那时|那天|当天|当日|晚上|夜里|夜间|\d{{4}}年(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?)?因?(?:已经|已|曾经|曾|正在|正|长期|[1一]直|仍|刚刚?|生下来就|从小就?|天生就?|每[日天晚周](?:要|都|需要?)?)?(?:有过)?"
                       r"(?:(?:尿检|血检|尿液检测|血液检测|毛发检测)(?:结果)?(?:显示|为|呈)?|"  # (round 8: the sample's test, 尿检结果显示…呈阳性)
                       r"被?查出来?(?:患有|患了?)|被诊断出|被(?:医生|医院)(?:诊断为|诊断出|确诊为?)|要?打\d*针?|(?:孕检|产检|体检|复查|检查|B超)(?:时|中)?(?:发现|查出|显示)(?:为|有)?|(?:因[^，,。；;因]{1,6}?)?(?:患有|患上|得了|患了|患)|被?确诊患有|被诊断为|(?:入院|出院|门诊|临床)?诊断为|诊断出|被?确诊为|被?确诊|是|住院行|入院行|患有|患上|罹患|身患|患|感染了|感染|染上|得了|装有|装了|"
                       r"植入|安装了|戴着|佩戴|服用|口服|有点|有些|出现了?|进行了?|离不开|拄着?|(?:静脉)?注射|做过|做了|做完|接受了|接受|参加|处于|因患|因|有|"
                       # (round 6: 系聋哑人, 行…切除术, 查出宫颈癌, 因车祸致颅脑损伤, 因服用…, 做过两次…)
                       r"是(?:个|一个|一名|名)|留下了?|落下了?|被?鉴定为|(?:行动|行走|走路|出行)?(?:需|需要|要|得)?(?:借助|依靠|靠)|因病|系|(?<![进执施实举履运银发盛流通旅步])行|被?查出来?(?:有|了)?|持证的?|持有|检出|因?(?:突发|突患)|得过|吃了?|因[^，,。；;因]{1,6}?(?:致使|导致|致|被)|因服用|因过量服用|做"
                       # (round 10) stitched, sent to, an examination's conclusion; the medicine as the answer names it (吃的是…,
                       # 服用的是医生开的…, 医生给开的…) and its dose (吃2片)
                       r"|缝合了?|缝了|被决定|被责令|因[^，,。；;因]{1,6}?(?:轧伤|压伤|砸伤|工伤|事故|车祸|意外)|被送(?:往|至|去|进)?|(?:体检|检查|鉴定|化验)结论为)?"
                       r"(?:的是|着|了|(?:的是)?(?:医生|医院|大夫)?(?:给|帮)?我?开(?:的|了|具的|具了))?"
                       r"(?:过)?(?:为期\d+个?(?:年|月|周|天)的|\d+个?多?(?:年|月|周|天)的)?(?:过量的?|大量的?|各?\d+次|第\d+次|\d+[片粒颗支针])?\Z")


# (round 6) Where it was done, right before the verb (在妇幼保健院做了…, 在县中医院行…): part of what a
# reader marks.
_AT_HOSPITAL = re.compile(r"(?:在|于|到)[^，,。；;在于到]{0,10}?(?:医院|病院|保健院|卫生院|卫生中心|诊所|门诊|急诊|ICU)\Z")


# (round 6) A hospital that says what it treats, and a stay or a treatment there, of a person named
# in the sentence (曾在市精神卫生中心治疗过两年, 在戒毒所强制隔离戒毒): evidence of a condition with no
# word for it. Not a place of business (位于…肿瘤医院对面) nor a service to it (为…精神卫生中心提供).
_WARDS = "精神科|肿瘤科|感染科|精神病院|精神病医院|精神卫生中心|精神专科医院|肿瘤医院|传染病医院|结核病医院|胸科医院|戒毒所|戒毒中心"
_WARD_CUE = re.compile(_WARDS + "|医院|卫生院|诊所|血站|复查")
_WARD = re.compile(rf"(?:在|于|到|住进|送往|送至|送到|转入)[^，,。；;在于到]{{0,8}}?(?:{_WARDS})"
                   r"(?=[^，,。；;]{0,6}?(?:住|治疗|就诊|隔离|戒|关|化疗|放疗|手术|门诊|抢救|开具?|取药|配药|拿药|注射|打针|服药|吃药|复诊|复查))"
                   # (round 9) a stay said by the verb of going in alone (他前几年去过精神病院)
                   rf"|(?:去过|进过|住过|住进过?|关进过?|送进过?)[^，,。；;]{{0,8}}?(?:{_WARDS})"
                   # (round 10) any hospital, with a test or a treatment done there right after (每个月都要去医院抽一次血)
                   r"|(?:去|到|上)[^，,。；;去到上]{0,6}?(?:医院|卫生院|诊所|血站)[^，,。；;]{0,2}?(?:做[1一]?次?)?(?:抽[1一]?次?血|复查|透析|化疗|放疗|打针|输液|拿药|开药|取药|做检查|血浆置换)"
                   # (a re-examination of a body's function anywhere: 去省城复查一次甲状腺功能; not an inspection's 复查)
                   r"|(?:去|到|上)[^，,。；;去到上]{0,6}?复查[^，,。；;]{0,8}?(?:功能|指标|血常规|尿常规|血糖|血压|肝功|肾功|甲功|病情)")


# (round 8) Who has it, right before the verb or the condition (我有癫痫, 儿子有自闭症, 其子患有…,
# 我血糖高, 身上有残疾): a reader marks the statement from there.
_WHO_BEFORE = re.compile(r"(?:我(?![局委所队厅市县区省国司部办院校店们])|他|她|其(?:子|女|夫|妻|父|母|丈夫|妻子|儿子|女儿)?|本人|"
                         r"(?:我|他|她|其)?(?:儿子|女儿|孩子|老伴|爱人|妻子|丈夫|父亲|母亲|老婆|老公)|我爸|我妈|身上|身体)\Z")


_ITEM_BEFORE = re.compile(r"(?<=[:：\s])\d{1,2}[.、]\s?\Z")


# (round 9) An organ right before what is done to it or grows in it (肾透析, 肝移植, 肾肿瘤).
_ORGAN_TREATED = ("透析", "移植", "肿瘤", "瘤", "癌")
_ORGAN_BEFORE = re.compile(r"(?:肾|肝|肺|胃|脑|胰腺|胆囊|肠|膀胱|子宫|卵巢)\Z")


# (round 9) 为 as "is" after the person (其为晚期肺癌患者): not the 为 of a service to a group.
_COPULA = re.compile(r"(?:其|当事人|本人|我|他|她|[\u4e00-\u9fff]某某?)为\Z")


def _list_end(text: str, end: int, core: str) -> tuple[int, str]:
    """(round 9) Where a list of conditions that begins with the one ending at `end` ends
    (偏瘫、截瘫; 糖尿病、高血压患者), and the last item's core: what follows the list is said of every
    item. At most four more items."""
    for _ in range(4):
        if end >= len(text) or text[end] not in "、和及与":
            break
        item = _CONDITION.match(text, end + 1)
        if not item:
            break
        end, core = item.end(), item.group("core")
    return end, core


# (round 10) When, how often and how it must be done, before the verb or the hospital (每周需到县医院做两次
# 血液透析, 每天早晚各注射一次胰岛素, 那段时间在做放疗, 需终身服用…): the statement's subject side, which a
# reader marks with it; and the part of a body counted (右手三指因工伤截肢).
_WHEN_BEFORE = re.compile(r"(?:每隔\d*个?(?:天|周|月)|每个?[日天晚周月年]|每\d+个?(?:月|周|天|年)|每个?星期|[1一]天|隔天|定期|长期|终身|常年|平时|平常|目前|现在|仍然?|还|正在|在|需要?|要|得|必须|"
                          r"早上|晚上|中午|睡前|饭后|早晚|早中晚|各|都|已经|已|曾经?|刚刚?|靠|依靠|[1一]直|那段时间|那几天|这段时间|近期|最近|经常|按时|规律)+\Z")
_PART_BEFORE = re.compile(rf"{_BODY}\d+[根个只]?(?:手指|脚趾|指|趾)\Z")


def _with_verb(text: str, start: int) -> int:
    """`start` moved back over a verb of having or taking right before it (and the hospital it
    was done in, before the verb), over when and how often (round 10), and over who has it,
    right before that."""
    verb = _HAD_VERB.search(text, max(0, start - 12), start)
    start = verb.start() if verb else start
    at = _AT_HOSPITAL.search(text, max(0, start - 16), start)  # (round 10: a stay with no verb, 在县人民医院住院治疗)
    start = at.start() if at else start
    when = _WHEN_BEFORE.search(text, max(0, start - 10), start)
    start = when.start() if when else start
    part = _PART_BEFORE.search(text, max(0, start - 10), start)
    start = part.start() if part else start
    item = _ITEM_BEFORE.search(text, max(0, start - 4), start)  # (诊断：1.2型糖尿病: the list's number)
    start = item.start() if item else start
    who = _WHO_BEFORE.search(text, max(0, start - 5), start)
    return who.start() if who else start


# Round 6 (issue 20): what a statement goes on to say of the same person's condition, in the rest
# of its clause and the clauses after it (患有肺结核，正在…医院接受抗结核治疗; 行乳腺癌根治术，目前处于化疗期间;
# 因服用过量安眠药…被送至急诊洗胃): a reader marks it with the condition, so the finding covers it.
# A clause goes on when it carries a treatment, a hospital, a course, what the body does, or
# another condition, before anything about the case (罚款, 申请, 由其…代…) and with nobody else
# named; the finding then ends at the last such word.
_GOES_ON = re.compile(
    r"治疗|住院|出院|住过|住了|住进|就诊|就医|看病|门诊|复查|复诊|随访|医院|病院|卫生中心|保健院|卫生院|诊所|监护室|ICU|抢救|急诊|"
    # (round 9) a removed organ (切除了一侧肾脏), a stage said after (已是晚期), how often (每周3次), a
    # course's cycle (第3个疗程), what the body cannot do (无法正常行走), watched or on a drip
    r"切除了?(?:[1一左右双单]侧|部分|整个)?(?:肾脏|肝脏|脾脏|胆囊|子宫|卵巢|乳房|甲状腺|肺叶|胃|肾|肝|脾|肺)|"
    r"(?:已是|已到|已经是|到了|处于|属于?)(?:晚期|早期|中期|末期|[1-4]期)|(?:残疾|伤残)?等级(?:为|是)?(?:10|[1-9])级|每(?:周|天|日|月|晚|隔\d+天)\d+次|第?\d+个?(?:疗程|周期)|"
    r"(?:无法|不能|难以)(?:正常|独立|自主)?(?:行走|走路|站立|进食|吞咽|入睡|睡眠|自理|劳动)|观察|点滴|吊瓶|"
    r"(?:记忆力|视力|听力|智力|体力|认知能力|认知|理解能力|自理能力|反应)[^，,。；;]{0,4}?(?:减退|下降|衰退|丧失|差|不好|不行|不佳|障碍|迟钝)|"
    r"洗了?胃|手术|术后|治好|切除术|摘除术|切除|摘除|搭桥|支架|置换|移植|喷雾剂|吸氧|呼吸机|模糊|看不清|看不见|听不清|听不见|化疗|放疗|透析|输液|打针|康复|治愈|痊愈|发病期?|犯病|发作期?|病情|卧床|休养|静养|保胎|隔离|戒毒|戒酒|"
    r"照料|陪护|搀扶|不能干重活|干不了重活|不能干活|干不了活|[1一]瘸[1一]拐|拄拐|拐杖|做检查|变形|浮肿|水肿|腹水|溃烂|化脓|疼痛|钢板|石膏|自杀|脱离危险|送医|晕(?:倒|过去|厥)?了?|昏(?:迷|倒|过去)了?|"
    r"不能动|动不了|走不了路?|不能走路?|不能行走|下不了床|"
    # (round 8) care, the body, a birth, a fever, a course, a grade of injury
    r"离不开人|[需要]人照顾|照顾|不能从事[^，,。；;]{0,6}?(?:劳动|工作|活)|走丢|犯(?:过|了|起)?病|口吐白沫|大出血|出血|发(?:烧|热)(?:到|至)?(?:\d+(?:\.\d+)?度)?|高烧|咳嗽|"
    r"快生了|待产|临产|预产期|分娩|坐月子|排异|排斥反应|观察期|不利索|含糊|半边身子|生活不能自理|不能自理|手抖|拿不住|"
    r"(?:无法|不能|下不来|起不了)(?:下床|起床)|躺(?:在)?床上|(?:抬|举|站|坐|直)不起来?|不能久[站坐立行走]|不能从事|干不了|不出门|出不了门|"
    r"截[去掉除了](?:[^，,。；;]{0,8}(?:趾|指|肢|腿|脚|手|臂))?|喘不[上过]气|呼吸困难|胸闷|头晕|不[1一]样长|下不来|损伤程度|伤残等级|轻伤|重伤|轻微伤|伤残|住着|滴度|(?:记忆力|视力|听力|智力|体力)[^，,。；;]{0,3}?(?:减退|下降|衰退|丧失|差)|"
    r"休息|药(?:都|也|一直|还)?(?:吃|服|打)|(?:已经|已有|已)[\d十]+个?(?:多|余)?(?:年|月|周|天)|(?:不能|无法)(?:控制|辨认)[^，,。；;]{0,6}?行为|无法(?:正常)?(?:交流|沟通|说话)|钢钉|夹板|绷带|关过|切除术|摘除术|记不[清住得]|不记得|认不[出得]人|(?:视力|听力)\d+(?:\.\d+)?|证(?![人明])件?|期间|取药|拿药|开药|配药|"
    r"(?:吃着?|服用?|打了?着?|注射|用|开具?|取|配|拿)[^，,。；;]{0,10}(?:药|素|片|胶囊|钠|钾|林|平|嗪|唑|酮|雷|肼|仑|韦|酯|汀|芬|松)(?:抗病毒|控制|治疗|维持)?|"
    # (round 9) a tremor, training, a scan, a positive result, a medicine taken daily whatever its name
    # (每天吃优甲乐), an operation by its letters (行PCI术)
    # (a vaccine after a bite, a rash, what a body part has left, an illness that comes and goes, a value said
    # without its unit after the condition, 肌酐达到680; an oxygen bottle; an incubator)
    r"疫苗|疹子|皮疹|红疹|吊针|恢复|时好时坏|反反复复|保温箱|氧气瓶|制氧机|(?:[左右双]?(?:手|脚|腿|臂|眼|耳))[^，,。；;]{0,3}?(?:只有|只剩|没有了?)(?:\d+[根个只][\u4e00-\u9fff]{0,2})?|"
    r"(?:肌酐|血糖|血压|血红蛋白|转氨酶|尿酸|血小板|白细胞)值?(?:达到?|为|是|有|高达|只有)?\d+|视力(?:仅|只)(?:存|有|剩)?[^，,。；;]{1,4}|"
    r"(?:又|再)?犯了?\d+次|就犯|又犯|犯起来|[1一]犯|矫正后?(?:视力)?(?:为|是)?(?:\d+(?:\.\d+)?)?|强制医疗|强制治疗|活检|穿刺|(?:疼|痛)得[^，,。；;]{0,6}|睡不着|中毒|好转|"
    r"每(?:天|日|晚|周)\d+(?:片|粒|次|针|支)|走不快|走不动|自言自语|胡言乱语|拆线|缝了?\d*针|不愿(?:与人)?(?:交流|说话|出门|见人)|免疫力[^，,。；;]{0,3}(?:低|差|下降)|压迫|月经|病情|好转|心慌|心悸|脱屑|瘙痒|红肿|没查出|查不出|(?:就|会|直)喘|气喘|喘(?:得|不)|智商(?:只有|仅|不到|才)?\d+|未愈|未痊愈|没好|不见好|针灸|理疗|起不来|睡觉|被?(?:行政|强制|司法)?拘留|"
    # (round 10) what remains of an organ (现仅存右肾), oxygen breathed, a diet kept, faces not known, a limb
    # without strength, a birth just given, a value said after (INR维持在2.5, 出生时体重1.6公斤), a test turned
    # negative, an antenatal finding, a fit's course, stitches
    r"输注|输血|凝血因子|复吸|导尿管|输[^，,。；;]{0,3}血|打[^，,。；;]{0,6}针|[头胸腹腰背腿膝胃牙][^，,。；;]{0,4}?(?:痛|疼)|孩子(?:刚|才|刚刚|只有)?满?\d+个?多?(?:月|周|天)大?|喷雾剂|气雾剂|吸入剂|随身(?:带着|携带)[^，,。；;]{0,10}|看不太?清|听不太?清|握不住|抓不住|才能取出|取出来|"
    r"(?:空腹|餐后)?(?:血糖|血压)[^，,。；;\d]{0,4}?(?:\d+|十几|几十)|只有\d+岁?(?:孩子|小孩|儿童)的(?:理解能力|智力|智商)|理解能力|认知水平|智力水平|抽[^，,。；;]{0,3}血|"
    # (round 10) what a doctor said or did, a function checked, a body's support lost, a fit's words
    r"医生(?:不让|让|说|嘱咐|建议|要求|开具?)|(?:看|找)[^，,。；;]{0,4}医生|(?:肝|肾|心|肺)功能|血常规|尿常规|急救|认错人|颠[3三]倒[4四]|语无伦次|"
    r"(?:无法|不能|难以)自主(?:呼吸|排尿|排便|进食|翻身)|(?:无法|不能)(?:呼吸|排尿|排便|翻身)|穿刺|(?:还)?没有?取(?:出来?)?|未取出|"
    r"每(?:次|晚|天|日)(?:\d+|半)(?:片|粒|袋|支|毫升|ml|颗)|提不了|拿不了|搬不了|站不住|站不稳|弹力袜|支具|护具|内固定|外固定|弯不了腰|弯不下腰|走路[^，,。；;]{0,3}不稳|不让劳累|不能劳累|刚?满月|出月子|才停|停药|(?:去年|今年|前年|上个?月)?(?:又|再)?犯(?:了|过)\d+次|不能断药|断不了药|[1一](?:天|日)[1-9](?:次|片|粒|颗|支)|"
    r"(?:仅存|只剩|只有)(?:[左右]|[1一]个|[1一]侧|[1一]只)?(?:肾|肺|眼|耳)|吸着?氧|饮食控制|控制饮食|不认[得识]人|使不上劲|没有?力气|刚生产|生产[^，,。；;]{0,2}?(?:半个|\d+个?)(?:多)?(?:月|天|周)|"
    r"(?:INR|心率|血氧|眼压|体重|体温)[^，,。；;\d]{0,6}\d+(?:\.\d+)?(?:左右|公斤|斤|千克|kg|度|次)?|转阴|痰检|产检|胎盘|胎心|宫缩|发作起来[^，,。；;]{0,4}|会抽|共\d+针|"
    r"头发[^，,。；;]{0,3}掉|脱发|身体[^，,。；;]{0,3}虚|虚弱|开刀|动手术|开过刀|起夜|睡眠[^，,。；;]{0,3}差|[头胸腹腰背腿膝胃牙]部?(?:痛|疼)|"
    r"(?:胃|肝|肺|肾|脾|胆囊|子宫|甲状腺)被?切除了?(?:\d+分之\d+|[1一]半|大半|部分)?|"
    r"[左右]?(?:腿|脚|手|臂)比[左右]?(?:腿|脚|手|臂)?(?:短|长|细|粗)|震颤|颤抖|发抖|(?:康复)?训练|B超|彩超|CT|核磁|阳性|每(?:天|日|晚|周)都?(?:吃|服用?|打|注射|用)[\u4e00-\u9fff]{1,6}|行[A-Za-z\u4e00-\u9fff]{1,8}?术")
_STOP = re.compile(r"经查|查明|经核实|罚款|处罚|申请|请求|听证|签收|签字|笔录|委托|代为|代收|代签|代管|代理|无法(?![下起]床|(?:控制|辨认)|(?:正常|独立|自主)?(?:交流|沟通|说话|行走|走路|站立|进食|吞咽|入睡|睡眠|自理|劳动|呼吸|排尿|排便|翻身))|未能|由其|由他|经营|店|案(?!发)|调查|"
                   r"执行|整改|文书|决定书|家庭|经济|开销|期限|询问")
_GOES_TAIL = re.compile(r"[”」』]?(?:第\d+(?:天|周|次))?(?:助眠|安眠|止痛|镇静|降压|降糖|抗凝|撑着的?)?(?:第?\d+个?(?:疗程|周期))?(?:\d+(?:\.\d+)?(?:毫升|ml|mL|毫克|mg|克|片|粒|支|单位))?(?:过量)?(?:病|人员|谱系障碍)?(?:失代偿期|代偿期|[1-4]期|急性期|发病期|稳定期|恢复期|前期)?[了过着]?(?:已有|已经满?|已满?|满)?(?:\d+(?:\.\d+)?个?(?:多|余)?(?:次|天|日|周|月|年|星期)|小?[一二三四五六七八九十两半几数]+个?(?:多|余)?(?:次|天|日|周|月|年|星期)|[\d十]+(?:天|日|周|年|度)|多年)?(?:严重|较重|明显|很?厉害)?的?"
                        # (round 8) how long, said plainly (好几年了, 一段时间), a lived event (…未遂经历), a titre (仍为1:8)
                        r"(?:好几年|好多年|很多年|几年|多年|[1一]段时间|很久|很长时间)?了?(?:经历|行为|倾向|念头)?(?:[^，,。；;]{0,3}?\d+:\d+)?"
                        r"(?:[1-9一二三四五六七八九十]+级)?(?:去了|来了)?(?:状态)?")
_GOES_REACH = 3  # clauses
_CLAUSE_REST = 3  # characters
_REST = re.compile(r"[\u4e00-\u9fff]+")
_FEW_LEFT = re.compile(r"[\u4e00-\u9fff]{1,2}")
_GOES_CHARS = 30  # characters of a clause


# Someone other than the person the statement is about (其 alone is that person: 其承认曾吸食…;
# 其丈夫 is not).
_SOMEONE_ELSE = re.compile(r"其(?=[丈妻子女父母家亲儿兄弟姐妹配老])|(?!其)(?<!其)(?:" + _PERSON_WORD.pattern + ")")  # (round 9: 其本人 is the same)


def _tail(text: str, at: int, limit: int) -> int:
    tail = _GOES_TAIL.match(text, at, limit)
    return tail.end() if tail else at


def _goes_on(text: str, end: int, marks: list[int]) -> int:
    """`end` moved on over what the statement goes on to say of the same person's condition."""
    end = real = _tail(text, end, len(text))
    first = True
    for _ in range(_GOES_REACH + 1):
        k = bisect.bisect_left(marks, end)
        clause_end = marks[k] if k < len(marks) else len(text)
        if clause_end - end > _GOES_CHARS:
            clause_end = end + _GOES_CHARS  # (bounded: a long clause is not searched to its end each time)
        stop = _STOP.search(text, end, clause_end)
        limit = stop.start() if stop else clause_end
        last = end
        for m in _GOES_ON.finditer(text, end, limit):
            if _SOMEONE_ELSE.search(text, end, m.start()):
                break
            last = m.end()
        disease = _DISEASE_RE.search(text, last, limit)
        if disease and not _SOMEONE_ELSE.search(text, end, disease.start()):
            last = disease.end()
        if last > end or first and not stop and _FEW_LEFT.fullmatch(text, end, clause_end):
            # ((round 10) a clause the condition itself ends with little left in it: 靠拐杖|行走)
            end = real = _tail(text, last, limit)
            # (round 8) a clause that carries the condition is marked to its end when little is left
            # of it, and that little says nothing else (昏迷|不醒, 记不清|事情, 拿不住|筷子)
            if not stop and 0 < clause_end - end <= _CLAUSE_REST and _REST.fullmatch(text, end, clause_end):
                end = real = clause_end
        first = False
        if stop or end < clause_end or clause_end >= len(text) or text[clause_end] not in "，,":
            return real
        nxt = clause_end + 1
        nxt_end = min(marks[k + 1] if k + 1 < len(marks) else len(text), nxt + _GOES_CHARS)
        if not (_GOES_ON.search(text, nxt, nxt_end) or _DISEASE_RE.search(text, nxt, nxt_end)):
            return real
        end = nxt
    return real


# (round 9) What a clinical document states after its colon (出院诊断书显示：COPD急性加重期): its object is
# a diagnosis whatever it is called, as after 诊断为.
_RECORD = re.compile(r"(?:诊断书|诊断证明书?|出院诊断|入院诊断|出院小结|出院记录|病假条|病假单|病假证明|病历|门诊病历|病情证明|疾病证明|评定表|评定结论|鉴定书|鉴定意见书?|体检表|体检报告|检查报告)(?:上)?(?:显示|记载|载明|写明|为)?[：:]\s*")
_CASES = re.compile(r"病例|病人数|患者数|人数|例数")
_NEGATIVE = re.compile(r"阴性|正常|未见异常|无异常|未见明显|合格")
_DIAGNOSIS_LABEL = re.compile(r"(?:诊断|诊断结果|诊断意见|病名|疾病名称|病情|(?:诊断书|诊断证明书?|出院诊断|入院诊断|出院小结|出院记录|病假条|病假单|病假证明|病历|门诊病历|病情证明|疾病证明|评定表|评定结论|鉴定书|鉴定意见书?|体检表|体检报告|检查报告)(?:上)?(?:显示|记载|载明|写明|为)?)\Z")
_NEXT_CLAUSE = re.compile(r"[，,][^，,。；;：:]{0,6}")


def person_in_sentence(text: str, at: int) -> bool:
    """Whether a person is named in the sentence `text` before `at` (a medicine taken by someone)."""
    return _PERSON_WORD.search(text, max(0, at - _REACH), at) is not None


_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_CLAUSE_END = "，,：:"
_HAVING = re.compile(r"(?:患有|患上|患(?![者方])|罹患|身患|确诊为|确诊|诊断为|被诊断|诊断出|诊断|病史|携带|感染|检出|查出|显示|突发|突患|突然|"
                     r"结果为|系|为|是|有|因|得了|得过|伴有|合并|处于|属于|属|接受|进行|做过|做了|做完|正在|载明|记载|表明|证实|服用|服药|"
                     r"安装|植入|佩戴|戴着|戴有|装了|自述|自称|自诉|主诉|证载|载|做|鉴定为|靠|依靠|借助)"
                     r"[^，,。；;]{0,8}\Z")
_SUBJECT = re.compile(r"(?:当事人|本人|其|我(?![局委所队厅市县区省国司部办院校店们])|他(?![人们])|她(?!们)|老伴|爱人|该员工|该店员|该从业人员|该名|店员|员工|从业人员|驾驶员|经营者|举报人|证人|投诉人|"
                      r"申请人|丈夫|妻子|儿子|女儿|父亲|母亲|家属|之[父母妻夫子女]|(?:我|他|她|其)(?:爸|妈|爷爷|奶奶|外公|外婆)|[\u4e00-\u9fff]{1,2}某某?|(?<![问])答[：:]\s*)"
                      # (round 5: and what the person says of it, 当事人自称近期…)
                      r"(?:[^，,。；;]{0,2}|(?:自称|自述|称其?|声称|近期|最近|目前|现在|长期|一直|已经|已|曾|当时|那时|那段时间|那几天|那阵子|这段时间|平时|平常|近来|这几年|这些年|前几天|"
                      # (round 10) a year said by its name (去年, 前年), the hospital where (我那几天在县人民医院…), the
                      # adverbs before a date (曾于2021年被决定…)
                      r"去年|前年|今年|上个?月|仍|还|正在|在)*"
                      # (round 9) a date or a situation between (父亲2022年…, 当事人询问过程中…)
                      r"(?:(?:于|在)?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月(?:份)?|\d+个?(?:多)?(?:年|月)前|小时候|年轻时|早年|(?:于|在)?[^，,。；;]{1,6}?(?:过程中|期间|当天|当日|之后|以后|后|时)(?:发现|查出|显示|被|因|出现)?"
                      r"|(?:在|于|到|住进)[^，,。；;在于到]{1,10}?(?:医院|病院|保健院|卫生院|诊所|门诊|ICU|监护室))?(?:被决定|被|因|行)?)\Z")
# A quoted or paraphrased rule: nobody in particular.
# (and statistics of a whole area: 全县共有残疾人…1234人, 其中残疾职工8人; a service for a group: 为患有…的老年人提供)
_GENERIC = re.compile(r"不得|禁止|应当|的人员|的从业人员|的员工|的职工|规定的|是否|凡是|一律|等疾病|等传染病|全县|全市|全区|全省|全国|共有|"
                      r"其中[^，,。；;]{0,10}?\d+(?:人|名|位|例)|"
                      r"(?:多人|多名|\d+人|\d+名|部分|若干|不少人)[^，,。；;]{0,2}(?:患|确诊|感染|携带)|"
                      r"(?:为|向|给|针对|面向)[^，,。；;]{0,12}的(?:老年人|患者|病人|群众|消费者|顾客|儿童|学生|居民|人群|残疾人|孕妇|孕产妇|产妇|残障人士|失能老人)|"
                      # (round 5) a list of conditions naming a group (高血压、糖尿病等慢性病患者), and what
                      # the law says a government gives such people
                      r"等[^，,。；;]{0,8}?(?:患者|病人|人群|群体)|县级以上|各级人民政府|"
                      r"给予[^，,。；;]{0,8}(?:便利|优惠|照顾|扶持|补贴)|"
                      # (round 7) a statistic (…患者规范管理率达到92.6%) and a notice to a group
                      # (孕妇建档请携带身份证; 开展孕产妇免费产前检查, 欢迎辖区孕妇参加)
                      r"率[^，,。；;]{0,8}?\d+(?:\.\d+)?(?:%|‰|/\d+万?)|请(?:携带|持|凭|带上)|欢迎|"
                      # (round 9) a statistic's change (较上年下降4.2%), counts of an area (发病数, 新报告)
                      r"(?:下降|上升|增长|减少|增加|降低|提高)[^，,。；;]{0,6}?\d+(?:\.\d+)?\s*(?:%|个百分点)|发病数|发病人数|报告病例|新报告|累计报告|"
                      r"(?:死亡|患病|发病|治愈|死产|流产|剖宫产)率|占比|所占比例|构成比|"
                      r"开展[^，,。；;]{0,12}?(?:检查|筛查|随访|讲座|服务|义诊)")
# (round 8) Whose a condition is, by what the clause does with the group it names, when no one is
# named in it (_PERSON_WORD): a hazard of goods (存在使用者烫伤的风险, 可能导致消费者烧伤), a term
# defined (本文所称“残疾人”，是指…; “精神病人”一词), a register or a count (登记在册…患者, 在管…患者共86例),
# an entitlement or an instruction to a group (孕妇可凭…领取, 残疾人凭残疾人证可享受, 结核病病人应规范服药,
# 供哺乳期妇女使用的…). A clause that names a person (当事人…患有…, 其…) is read as before.
_NOTICE = re.compile(r"风险|隐患|可能导致|可能造成|可能引起|易导致|易造成|易引起|易引发|防(?:烫|烧|冻)伤|谨防|以免|警示|"
                     r"所称|[1一]词|是指|系指|指的是|登记在册|在册|在管|建档|"
                     r"可?凭[^，,。；;]{0,8}?(?:证|卡|册|手册|证明)|可(?:免费|享受|领取|申请|到|前往|拨打|咨询)|免费(?:领取|享受|提供|发放)|"
                     r"享受|供[^，,。；;]{0,10}?使用|应(?:规范|定期|按时|及时|主动|积极|到|在|遵医嘱)|"
                     r"(?:可能|容易|易|可|会)(?:被|致使?|导致|造成|引起|引发)|符合条件|符合规定|人数|例数|户数|人次|危险|为?方便|便于")


def _generic(text: str, start: int, end: int) -> bool:
    """Whether the clause text[start:end] names a condition of nobody in particular: a rule, a
    statistic, a service (_GENERIC), or a notice, a hazard or a definition with nobody named."""
    if _GENERIC.search(text, start, end):
        return True
    return _NOTICE.search(text, start, end) is not None and not _PERSON_WORD.search(text, start, end)


# (round 7) A sentence that quotes a law (根据《行政处罚法》第三十一条，精神病人…的，不予行政处罚)
# names conditions of nobody, unless a person is named in it (…，当事人患有精神分裂症).
# (round 8) Or begins with the law as its subject (《残疾人保障法》规定，…), or is a body's notice to
# the public (县疾控中心提醒：…, …保健院通知：…); and a person counts only when named before the
# condition: a 其 after it stands for the group the law names (对吸毒成瘾人员…责令其…; 精神障碍患者…，
# 其近亲属…).
_NAMED_PERSON = re.compile(r"当事人|本人|申请人|投诉人|举报人|证人|[\u4e00-\u9fff]某(?!某*(?:[省市州盟县区旗镇乡村街路巷道]|医院|人民|中心|公司|单位|局|所|学校))")
_LAW_CITED = re.compile(r"\s*(?:(?:根据|依据|依照|按照)[^，,。；;]{0,30}?(?:《[^》]{1,40}》|规定)|《[^》]{1,40}》(?:第[^，,。；;《》]{1,12}条)?(?:规定|明确)"
                        r"|《[^》]{1,40}》第[^，,。；;《》：:]{1,12}条(?:第[^，,。；;《》：:]{1,6}[款项])?[：:]"  # (round 10: 《…》第二十一条：…)
                        r"|[^，,。；;：:]{0,40}?(?:提醒|通知|提示|倡议|公告|告知|呼吁)[：:])")
# An advertising claim or a product: the word describes goods, not a person.
_CLAIM = re.compile(r"治疗|治愈|根治|预防|防治|功效|疗效|宣称|宣传|广告|缓解|辅助|改善|降低|主治|适用|适宜|适合|标注|标示|标称|"
                    r"人群|调理|专治|疗法|"
                    r"偏方|特效|药品|药物|保健(?!院|手册)|产品|用于|抗")  # (妇幼保健院 is where, 保健手册 a record: not a claim)
# A name the word is part of (a shop, a department, a body), or goods made for such people.
# (within the clause and with no verb between: "…阳性，该店仍安排…", "酒精中毒被送往医院" name no shop)
_NAME_AFTER = re.compile(r"(?:部|楼|大楼|病区|室|机(?!构)|仪|害)|[^，,。；;：:、被送往在到去入于住就从]{0,3}?(?:按摩|就业|保障|事业|福利|权益|补贴|津贴|设施|通道|车位|托养|辅具|医院|诊所|门诊|专科|研究所|研究院|协会|学会|学校|基金会|联合会|中心|店|公司|科|"
                         r"药|疫苗|试剂|检测试剂|评定|注射液|注射笔|针剂|制剂|筛查|防治|食品|用品|奶粉|专用|专柜|保健|服装|装|康复|眼镜|镜片|镜|"
                         r"照(?!顾|料|护|看)|写真|摄影|套餐|课程|瑜伽|传播|途径|知识|项目|宣传|科普|专区|区域|病房|床位|风险|隐患|危险)")  # (round 8: 孕妇照 is a photo studio's product)

# (我家在/其家在, not 家在 alone: 商家在…设立门店)
# (round 7) 户口在老家，…; a residence permit's registered address (居住证登记地址, not a company's
# 登记地址); 住在我姐家，就在…
_PERSON_LABELS = (r"(?:户口|户籍)(?:在|是)老家[，,]?|(?:居住证|暂住证|户口簿|户口本)(?:上的?)?登记的?(?:地址|住址)|"
                  r"住在[^，,。；;]{1,5}家[，,]\s*就?在|住在(?:我|他|她|其)?(?:的)?老家[，,：:]?|户口登记在|户口登记于|户口登记地|户籍登记在|户籍登记地|户口在|户籍在|"
                  r"其居住的|其租住的|居住的出租屋|居住的房屋|居住的房子|租住的房屋|租住的房子|出租屋|老家在|老家住在|老家位于|老家住址|原籍地址|家庭住址|家庭地址|我家住|我家就在|我家在|其家在|家就在|现住址|现住所|现居住地|现居住于|现居住在|现居地|现居于|现居|现住于|现住在|现住|"
                  r"居住地址|居住地|居住于|居住在|户籍地址|户籍所在地|户籍地|户口所在地|户籍|暂住地|暂住于|暂住在|暂住|"
                  r"租住于|租住在|租住|寄住|借住|家住|住在|住于|住址|出生地|"
                  # (round 5) other words for where one lives
                  r"经常居住地址|常住地址|常住住址|经常居住地|常住地|常住于|常住在|常居地|常居于|暂居于|暂居在|暂居|寄居于|寄居在|寄居|借居于|借居在|借居|"
                  r"定居于|定居在|居所地|居所")
_SHARED_LABELS = r"住所地|住所|送达地点|送达处所|联系地址|通讯地址|通信地址|送达地址|收货地址|地址"
# Words for a home that an address may follow, often in brackets (在其家中（霍邱县…88号）): weaker
# than a label (家中 also leads to what was found there: 在家中存放烟花爆竹12箱), so the address
# needs a house number after a road, village or estate.
_HOME_WORDS = r"家中|住处|住宅|寓所|自家|的家|亲戚家|朋友家|女儿家|儿子家|父母家|母亲家|父亲家|家人家"
_ADDRESS_LABEL = re.compile(rf"({_PERSON_LABELS}|{_SHARED_LABELS}|{_HOME_WORDS})(?:位于|[：:\s为是在于（(]){{0,3}}")
_PLACE_BEFORE = re.compile(r"[路街巷弄道村镇乡区苑园庄屯里城湾院寓厦]")
# The bare 住 of "当事人彭某某，住…" and "（住…）": after a comma, bracket or a sex/age word.
# Right after a masked name the bare 住 is the verb even before 宿/房/建 (钱某某住宿松县…).
_BARE = re.compile(r"(?:(?:(?<=[，,（(：:；;、\s男女人其])|^)住(?![宿房院建户所址在于处])|(?<=某)住(?![院所址在于处]))"
                   r"[：:\s]{0,2}")
_ADDRESS_BODY = re.compile(r"[^，,。；;：:\n）)（(]{2,60}")  # (not across a colon: 登记住所与…不一致：…)
# What a number in an address is the number of: a building, a house, a room, a village group.
_UNIT = "号楼|号院|号房|号|室|房间|房|栋|幢|座|单元|组|队|社|弄|巷|户|楼|层"  # (1801房, 1504号房: a room)
# The last character of a housing estate's name (小区, 花园, 苑 …), before its building and room.
_ESTATE_END = "区园苑寓村厦城府庭湾里院"
# A number that ends an address (a house, a group, a building, a room) or a 3-2-502.
# (round 5: a lettered block and its room, 金都花苑C座703)
_LETTERED = r"(?<![A-Za-z])[A-Za-z]\s*(?:座|栋|幢)\s*\d{2,4}(?![\d])(?:-\d{1,4}(?![\d]))?(?:\s*(?:号房|室|号|户|房))?"
_HOUSE = re.compile(rf"\d+\s*(?:{_UNIT})|\d{{1,3}}-\d{{1,2}}-\d{{2,4}}|{_LETTERED}")
# The numbers a mask hides: of a house, room, group (八十八号 too), or the number an address ends
# with; not the numeral in a place name (三元镇, 十八里铺).
_HIDDEN_NUMBER = re.compile(rf"[\d十百千]*\d\s*(?:{_UNIT})|\d+(?:-\d+)*\Z|\d+(?=-[A-Za-z])")
# Where an address ends: its last house, building, group or room number (a chain of them: 7栋1单元
# 1702室, 3组21号, 16-2-402), or a bare number that is no numeral of a place name (三十铺 reads
# 3十铺 in the view); else, after a person's label, the village group it ends with (双墩村杨院组).
_NUMBERED = rf"[\d十百千]*\d\s*(?:{_UNIT})"
_LAST_NUMBER = re.compile(rf"{_NUMBERED}(?:\s*(?:[内里]?\d+排\d+号|[\d十百千]*\d\s*(?:{_UNIT})|[东西南北中]单元|[东西南北中][户套间侧]|[左右](?:边|侧|手)|半?地下室|阁楼|车库|储藏室|-\d+|\d+"
                          # (round 9) the part of a yard one lives in (66号院内平房, 18号东厢房)
                          r"|[内里]?(?:平房|偏房|厢房|[东西南北]厢房|[东西南北]屋|小屋|后院|出租屋|出租房)|之\d(?!号)|附\d+号?))*"
                          rf"|{_LETTERED}"
                          rf"|\d{{1,3}}-[A-Za-z]\s*(?:室|号|户|房)"  # (round 6: 金皇公寓17-C室)
                          rf"|\d+(?:-\d+)+|(?<![\d十百千])\d{{2,}}(?![\d十百千\u4e00-\u9fff])")
_ADMIN = re.compile(r"[省市县区旗镇乡]")
_GROUP = re.compile(r"(?:村|庄|社区|居委会)[^，,。；;\d*]{1,6}?(?:组|队|社)(?![\u4e00-\u9fff])")  # (round 6: …红土村上庄社)
_BUSINESS = re.compile(r"本局|我局|本机关|本单位|政务|营业执照|执照|公司|有限|厂|商店|超市|商行|经营部|门市|合作社|企业|集团|协会|医院|诊所|药房|学校|中心|委员会|"
                       # (round 5) bodies named by their kind of house: 妇幼保健院, 卫生院, 养老院, 事务所 …
                       r"保健院|卫生院|卫生所|卫生室|疗养院|敬老院|养老院|福利院|幼儿园|研究院|设计院|事务所|加油站|旅行社|宾馆|酒店|"
                       r"饭店|会所|网吧|工作室|俱乐部|门诊部|"
                       r"[\u4e00-\u9fff]店(?![员主])")
_PLACE_OF_BUSINESS = re.compile(r"(?:经营场所|营业场所|经营地址|经营地|注册地址|注册地|登记住所|注册住所|登记地址|办公地址|办公场所|生产场所|生产地址|"
                                r"仓库|厂址|门面|门店|店面|商铺|铺面|厂房|办公室)[^，,。；;]{0,30}\Z")
# What a room is declared to be, right after it: an office or a place of business is no home.
_DECLARED_BUSINESS = re.compile(r"[^，,。；;]{0,6}?(?:办公场所|经营场所|营业场所|生产场所|办公室|门面|店面|仓库|厂房|本局|本机关)")
_ROOM = re.compile(r"\d{1,3}\s*(?:号楼|栋|幢|座)\s*(?:(?:\d{1,2}|[东西南北中])\s*单元\s*)?\d{3,4}\s*(?:号房|室|号|户|房)?"
                   r"|\d{1,2}\s*单元\s*\d{3,4}\s*(?:号房|室|号|户|房)?"
                   rf"|(?<=[{_ESTATE_END}街路巷道弄])\d{{1,3}}-\d{{1,2}}-\d{{3,4}}(?![-\d])(?:号房|室|号|户|房)?")
# A house number followed by the word for who lives there or for a home (…老街南头15号住户,
# …三组21号村民, …16-2-402的住处): an address without a label.
# (found from the word, then the number before it: numbers are common, these words are not)
_RESIDENT = re.compile(r"的?(?:自有|自家的?|自己的?|个人)?(?:住户|村民|居民|住处|住宅|住房|家中|家里|自家|寓所|租住|居住)")  # (round 8: 的自有住房)
_HOUSE_BEFORE = re.compile(rf"(?:{_NUMBERED}|\d+(?:-\d+)+)(?:[东西南北中][户套间侧]|[左右](?:边|侧|手))?\Z")


def _residents(n: str) -> Iterator[tuple[int, int]]:
    """Spans of the house numbers right before a word of _RESIDENT."""
    for m in _RESIDENT.finditer(n):
        house = _HOUSE_BEFORE.search(n, max(0, m.start() - 24), m.start())
        if house:
            yield house.start(), house.end()

# The place a room or a house number is in (怀远县荆山镇禹王路西侧禹都花园C区6幢…), part of the
# address, back to the word that leads to it (位于, 在, 住, 的, 系, 至 …), a masked name or a stop.
_PLACE_STOP = set("在于住的到至从与及、系是为其某")
_PLACE_REACH = 30


def _place_start(n: str, at: int) -> int:
    """Where the place before n[at] (a room, a house number) begins: Chinese characters, digits
    and letters back to a leading word, at most _PLACE_REACH characters."""
    i = at
    while i > 0 and at - i < _PLACE_REACH and n[i - 1] not in _PLACE_STOP and (
            "\u4e00" <= n[i - 1] <= "\u9fff" or n[i - 1].isalnum() or n[i - 1] == "-"):
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


# (round 7) After a person's own label (户籍地为…), an address may end in its village or community
# with no number, a county or town before it (…郸城县汲冢镇王楼村, …桃洪镇城西社区).
_VILLAGE_END = re.compile(r"(?<=[县区旗镇乡])(?:(?![县区旗镇乡])[\u4e00-\u9fff\d]){1,6}?(?:村|社区)\Z")  # (5站村: 五站村 in the view)


# (round 9) What the home is, in brackets right after the address (…33号3楼（出租屋）): part of it.
_HOME_BRACKET = re.compile(r"[(（](?:出租屋|出租房|租住房?|宿舍|平房|自建房|家中|住处|[^()（）\n]{1,12}?(?:第\d+户|\d+号|[东西南北]侧|隔壁|对面))[)）]")


def _body(n: str, start: int, bare: bool, weak: bool = False, person: bool = False) -> tuple[int, int] | None:
    """The address after a label, up to its last number; None when it has no number (bare 住:
    no house number; a word for a home: no house number after a place)."""
    body = _ADDRESS_BODY.match(n, start)
    if not body:
        return None
    text = body.group()
    house = _HOUSE.search(text) if bare or weak else None
    # (round 5) the bare 住 of an opening may end in a village group with no number (住…三十铺镇
    # 双河村大塘组, …朝阳村二队) when a county, town or township stands before it: a home, not a visit
    group = None
    if bare and not house:
        for group in _GROUP.finditer(text):
            pass
    village = group is not None and _ADMIN.search(text, 0, group.start()) is not None
    if (bare or weak) and not house and not village:
        return None
    if weak and house and not _PLACE_BEFORE.search(text, 0, house.start()):
        return None
    last = None
    for last in _LAST_NUMBER.finditer(text):
        pass
    if last is None and (not bare or village):
        for last in _GROUP.finditer(text):
            pass
    if last is None and person:
        last = _VILLAGE_END.search(text)
    if last is None:
        return None
    end = body.start() + last.end()
    bracket = _HOME_BRACKET.match(n, end) if last.end() == len(text) else None  # (round 9)
    return body.start(), bracket.end() if bracket else end


def _numbers(n: str, start: int, end: int) -> set[int]:
    """The characters to hide in the address n[start:end]: the digits of its numbers (see
    _HIDDEN_NUMBER), or, for an address that ends in a village group without a number
    (双墩村杨院组), the group's name (双墩村**组): a mask must hide something."""
    hidden = {i for m in _HIDDEN_NUMBER.finditer(n, start, end) for i in range(m.start(), m.end()) if n[i].isdigit()}
    if not hidden:
        group = None
        for group in _GROUP.finditer(n, start, end):
            pass
        if group:
            hidden = set(range(group.start() + 1, group.end() - 1))
    if not hidden:
        village = _VILLAGE_END.search(n, start, end)
        if village:  # 王楼村 -> **村, 城西社区 -> **社区
            hidden = set(range(village.start(), village.end() - (2 if n.endswith("社区", 0, end) else 1)))
    return hidden


# (round 9) A flat on sale or to let, as an agent advertises it (房源信息“…8栋2单元1502室”): no one's home.
_LISTING = re.compile(r"房源|楼盘|商品房|售楼|挂牌|二手房|新房")
# (round 9) A label right after a word that points back to a body (该院, 本公司, 该店的): its address.
_BODY_OWNS = re.compile(r"(?:(?:该|本)(?:院|医院|公司|店|单位|所|企业|校|学校|中心|厂|社|局|机构)|医院|卫生院|公司|学校|委员会|政府|局)的?\Z")


_RESTATED = re.compile(r"\s*(?:即|就是|也就是|位于)?[：:]?")
_PLACE_FIRST = re.compile(r"(?:(?![址地场所为是])[\u4e00-\u9fff]){1,5}?[省市县区旗镇乡]")  # (a clause that begins with the place)


def _addresses(n: str, organisation: bool) -> Iterator[tuple[str, int, int, set[int] | None]]:
    taken: list[tuple[int, int]] = []  # found, or a company's seat: rooms inside are not looked at again
    labels = sorted([(m.start(), m.end(), m.group(1)) for m in _ADDRESS_LABEL.finditer(n)]
                    + [(m.start(), m.end(), "住") for m in _BARE.finditer(n)])
    for start, end, label in labels:
        if taken and start < taken[-1][1]:
            continue  # inside the address found before (spans come in order)
        weak = re.fullmatch(_HOME_WORDS, label) is not None
        if weak and end - start == len(label):
            continue  # a word for a home leads to an address only by 位于, a colon or a bracket
        span = _body(n, end, label == "住", weak, person=not weak and label != "住"
                     and re.fullmatch(_SHARED_LABELS, label) is None)
        if span is None and not weak and not re.fullmatch(_SHARED_LABELS, label):
            # (round 5) a person's label, a word for the house, and the address in brackets after
            # it (租住于城中村民房（西湾村三巷18号二楼）): the bracket's address, with a house number
            # after a place, as for a word for a home
            body = _ADDRESS_BODY.match(n, end)
            at = body.end() if body else end
            if at < len(n) and n[at] in "（(":
                span = _body(n, at + 1, False, True)
        if span is None and label != "住":
            # (round 10) the home said first, its address in the next clause (送达地址：当事人母亲家，即东关
            # 街道…7号院内2排3号; 住在厂附近的城中村，东莞市长安镇…11号503房): after 即/就是/位于, or a place
            # with a county, district or town, and a house number after a place, as for a word for a home
            body = _ADDRESS_BODY.match(n, end)
            at = body.end() if body else end
            if at < len(n) and n[at] in "，,":
                lead = _RESTATED.match(n, at + 1)
                candidate = _body(n, lead.end(), False, True) if lead else None
                if candidate and lead and (lead.group() or _PLACE_FIRST.match(n, candidate[0])):
                    span = candidate
        if span is None:
            continue
        if _BODY_OWNS.search(n, max(0, start - 4), start):
            taken.append(span)
            continue  # (round 9) a body's own 住址 (该院住址为…): named by the word that points back to it
        if re.fullmatch(_SHARED_LABELS, label):
            before = n[_sentence_start(n, start):end]
            if _BUSINESS.search(before) or _PLACE_OF_BUSINESS.search(before) or organisation and _THE_PARTY.search(before) \
                    or owners.public(n, start, span[1], named_after=True):
                taken.append(span)
                continue  # a company's registered seat, its place of business
        taken.append(span)
        yield ADDRESS, span[0], span[1], _numbers(n, *span)
    starts = [s for s, _ in taken]
    rooms = sorted([*((m.start(), m.end()) for m in _ROOM.finditer(n)), *_residents(n)])
    done = -1
    for room, room_end in rooms:
        if room < done or _inside(taken, starts, room):
            continue
        if _PLACE_OF_BUSINESS.search(n, _sentence_start(n, room), room) or _DECLARED_BUSINESS.match(n, room_end) \
                or _LISTING.search(n, _sentence_start(n, room), room):
            continue
        start = _place_start(n, room)
        done = room_end
        yield ADDRESS, start, room_end, _numbers(n, start, room_end)


# (a short name with no one in it: quoted speech, “我有糖尿病”, is still someone's)
_QUOTED = re.compile(r"[“\"「『][^“”\"「」『』我你他她其，,。；;]{1,12}[”\"」』]")


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
        law = _LAW_CITED.match(text)
        if law:
            first = _DISEASE_RE.search(text, law.end())  # (not in the title: 根据《残疾人证》记载，申请人为…)
            # (a person named anywhere counts, 对怀孕五个月的当事人李某某…; a 其 or 他 only before it)
            if not _PERSON_WORD.search(text, 0, first.start() if first else len(text)) \
                    and not _NAMED_PERSON.search(text, law.end()):
                continue
        titles = _titles(text)
        title_starts = [s for s, _ in titles]
        quoted = [q.span() for q in _QUOTED.finditer(text)]
        # clause ends, once a sentence (not a ratio's colon, 滴度1:8, nor a diagnosis's label's,
        # 诊断：1.系统性红斑狼疮 2.…: what follows is what the label names)
        marks = [i for i, c in enumerate(text) if c in _CLAUSE_END
                 and not (c == ":" and (0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
                                        or _DIAGNOSIS_LABEL.search(text, max(0, i - 6), i)))]
        generic: dict[int, bool] = {}  # by clause start: a rule, not a person
        found: list[tuple[int, int]] = []
        spans: list[tuple[int, int]] = []  # what every pass found, merged and yielded at the end
        listed = -1  # (round 9) the end of a list whose items are all nobody's (偏瘫、截瘫康复床位)
        for m in _CONDITION.finditer(text):
            if m.start() < listed:
                continue
            if _inside(titles, title_starts, m.start()) or any(
                    a <= m.start() and m.end() <= b and b - a > m.end() - m.start() + 2 for a, b in quoted):
                continue  # a title, or a name in quotes the word is part of (“孕妇维生素”)
            k = bisect.bisect_left(marks, m.start())
            clause_start = marks[k - 1] + 1 if k else 0
            if clause_start not in generic:
                clause_end = marks[k] if k < len(marks) else len(text)
                generic[clause_start] = _generic(text, clause_start, clause_end)
            before = text[max(clause_start, m.start() - _REACH // 3):m.start()]
            if generic[clause_start] or _CLAIM.search(before) or _NAME_AFTER.match(text, m.end()) \
                    or _COUNT_AFTER.match(text, m.end()) or _LABEL_AFTER.match(text, m.end()) \
                    or m.group("core").endswith(("检测", "检验")) and _ARRANGED.search(before):
                continue
            if _COUNT_BEFORE.search(before):
                continue  # (round 10) a count of people before it (老人中有3名长期卧床): nobody named
            if _GROUP_AFTER.match(text, m.end()):
                continue  # (round 9) a condition that describes a group of others (出现发热症状的顾客)
            if _RECORDS_AFTER.match(text, m.end()) and not _SUBJECT.search(before):
                continue  # (round 9) a body's records of a group (…冠心病患者随访记录不全), nobody named
            # (round 9) the items of a list share what follows the last (偏瘫、截瘫康复床位, 为糖尿病、高血压患者…)
            last, last_core = _list_end(text, m.end(), m.group("core"))
            if last > m.end() and (_NAME_AFTER.match(text, last) or _COUNT_AFTER.match(text, last)
                                   or _LABEL_AFTER.match(text, last) or _GROUP_AFTER.match(text, last)):
                listed = last
                continue
            graded = _SEVERITY.search(before)  # (round 9) the group's grade between (为1级视力残疾人发放…)
            unranked = before[:len(before) - len(graded.group())] if graded else before
            if _FOR_CUSTOMERS.search(unranked) and (_SERVICE_AFTER.match(text, last) or last_core.endswith(("患者", "病人", "病患"))
                                                    and not _COPULA.search(unranked)):
                listed = last
                continue  # 为孕妇提供…: the people a service is for, nobody in particular
            core = m.group("core")
            if any(core.startswith(w) for w in TESTED) and not core.endswith(("阳性", "成瘾", "上瘾", "史", "治疗")):
                continue  # a substance or a test, no result (nor habit) said of anyone
            if core.startswith(("吸食", "服食", "吸过", "吸了", "吸毒")) and _OTHERS_USE.search(before):
                continue  # drugs others use: the offence
            severity = _SEVERITY.search(before)
            if not severity and core.startswith(_ORGAN_TREATED):
                severity = _ORGAN_BEFORE.search(before)  # (round 9) the organ treated or grown in (肾透析, 肾肿瘤)
            start = m.start() - (len(severity.group()) if severity else 0)
            plain = before[:len(before) - (len(severity.group()) if severity else 0)]  # who, before 右手食指
            person = _SUBJECT.search(plain) is not None or _ANSWER.search(text, max(0, clause_start - 3), clause_start) is not None \
                and _WHEN_SAID.fullmatch(plain) is not None  # (round 10) 答：去年住过两次院
            if core.endswith("阳性") and not person \
                    and _NOT_PERSON.search(text, max(0, m.start() - _REACH // 2), m.start()):
                continue  # a sample's or an animal's result
            if _CAUSED.search(plain) or _CAUSED_TO_CLIENT.search(plain):
                continue  # an injury the offender caused to others (致人受伤): the offence as published
            if (core in DEVICES or core in GIVEN) and (_GIVING.search(plain) or _EQUIPPED.search(plain)):
                continue  # (round 9) a device given or sold to others (为残疾人提供的助听器): no one wears it here
            if core in MEDICINES and (not _TAKING.search(plain) or _GIVING.search(plain)):
                continue  # a medicine nobody is said to take, or given to others
            # (round 8) or said to have happened, 中风了, 瘫了 (not 了解)
            # and a drug taken in the past tense, 吸过海洛因: someone's history, not a rule's
            said = _SAID_OF_SOMEONE.search(core) is not None or text.startswith("了", m.end()) \
                and not text.startswith("了解", m.end()) and person_in_sentence(text, m.start()) \
                or core.startswith(("吸过", "吸了", "吸食过", "服食过"))
            joined = bool(found) and _AND.fullmatch(text, found[-1][1], start) is not None
            near = bool(found) and start - found[-1][1] <= 3  # the same person's, said apart (…，高血压)
            # (round 5) and in the next clause, with no one else named between (患有2型糖尿病，长期注射
            # 胰岛素; 患尿毒症，每周三次血液透析): one statement of one person's health, one finding
            after = bool(found) and _NEXT_CLAUSE.fullmatch(text, found[-1][1], start) is not None \
                and not _PERSON_WORD.search(text, found[-1][1], start)
            taken = core in MEDICINES and person_in_sentence(text, m.start())
            # (round 5) a clause that begins with the condition, in a sentence about a person named
            # before it (当事人年事已高，骨质疏松，…): the topic goes on
            topic = start == clause_start and person_in_sentence(text, clause_start)
            body = severity is not None and _BODY_BEFORE.search(severity.group()) is not None
            if core in ON_BODY and not body:
                continue  # (round 9) 缺失 of a body part only
            if core in INJURED:
                # (round 8) an injury done to a body part named before it in the clause (右手三根手指被
                # 机器轧断): the finding starts at the body part; without one it is no one's (被夹伤的危险)
                # (round 9) or done to a person named before the passive, with no body part (当事人…被狗咬伤)
                part = _BODY_DONE_TO.search(plain)
                if not part:
                    part = _PASSIVE.search(plain)
                    if not part or not _PERSON_WORD.search(plain, 0, part.start()):
                        continue
                start = m.start() - len(before) + part.start()
                body = True
            # (round 6) an operation done, as clinical notes write it (行腰椎间盘突出手术), not 进行/执行
            done = plain.endswith("行") and (len(plain) < 2 or plain[-2] not in _NOT_VERB_BEFORE_XING) \
                and core.endswith("术")
            # (round 9) an allergy to what a person named before it reacts to (当事人称其对青霉素过敏): from 对
            allergen = _ALLERGEN.search(plain) if core.startswith("过敏") else None
            if allergen:
                start = m.start() - len(plain) + allergen.start(1)
            if said or _HAVING.search(plain) or person or joined or near or body or after or taken or topic or done \
                    or allergen:
                if joined or after:
                    found[-1] = (found[-1][0], m.end())
                else:
                    found.append((start, m.end()))
        for take in _TAKE.finditer(text) if _TAKE_HINT.search(text) else ():
            k = bisect.bisect_left(marks, take.start())
            clause_start = marks[k - 1] + 1 if k else 0
            clause_end = marks[k] if k < len(marks) else len(text)
            if clause_start not in generic:
                generic[clause_start] = _generic(text, clause_start, clause_end)
            before = text[max(clause_start, take.start() - _REACH // 3):take.start()]
            if generic[clause_start] or _inside(titles, title_starts, take.start()) or not person_in_sentence(text, take.start()) \
                    or _GIVING.search(before) or _claim_before(before) or _OTHERS_TAKE.search(before):
                continue
            filler = _TAKE_FILLER.match(text, take.end(), clause_end)
            span = _medicines(text, filler.end() if filler else take.end(), clause_end)
            if span is None or _CLAIM.search(text, *span) or _NAME_AFTER.match(text, span[1]):
                continue
            k = bisect.bisect_right([s for s, _ in found], span[0])
            if k and found[k - 1][1] >= span[0] - 1:  # right after a medicine the vocabulary knows (抗抑郁药舍曲林)
                found[k - 1] = (found[k - 1][0], max(found[k - 1][1], span[1]))
            elif not (k < len(found) and found[k][0] <= span[1]):
                found.insert(k, span)
        for value in _MEASURE.finditer(text) if _UNITS.search(text) else ():
            k = bisect.bisect_left(marks, value.start())
            clause_start = marks[k - 1] + 1 if k else 0
            if clause_start not in generic:
                clause_end = marks[k] if k < len(marks) else len(text)
                generic[clause_start] = _generic(text, clause_start, clause_end)
            if generic[clause_start] or _THRESHOLD.search(value.group()) or _THRESHOLD.match(text, value.end()) \
                    or _NOT_PERSON.search(text, clause_start, value.start()) or _animal_subject(text, value.start()):
                continue
            k = bisect.bisect_right([s for s, _ in found], value.start())
            if not (k and found[k - 1][1] > value.start() or k < len(found) and found[k][0] < value.end()):
                found.insert(k, value.span())
        for i, (start, end) in enumerate(found):
            limit = found[i + 1][0] if i + 1 < len(found) else len(text)
            more = _CHAINED.match(text, end)
            while more and more.end() <= limit:  # …和失眠症: a condition the vocabulary does not know
                end = more.end()
                found[i] = (start, end)
                more = _CHAINED.match(text, end)
            spans.append((start, end))
        # A condition the vocabulary does not know, by the ending of its name (阑尾炎, 阿尔兹海默症,
        # 腰伤, 心脏手术), right after a verb that says a person named before it has it.
        for u in _UNKNOWN_DOES.finditer(text) if _DOES.search(text) else ():  # (round 9) its person is part of the match
            if _DISEASE_RE.search(u.group(1)) or _NOT_HAD.search(u.group(1)) or _CLAIM.search(u.group(1)) \
                    or _inside(titles, title_starts, u.start()):
                continue
            found.append(u.span(1))
            spans.append(u.span(1))
        for u in _UNKNOWN.finditer(text):
            s0, e0 = u.span(1)
            if u.group().startswith("行") and u.start() and text[u.start() - 1] in _NOT_VERB_BEFORE_XING:
                continue  # 进行, 执行 …: not 行子宫切除术
            known = _DISEASE_RE.search(u.group(1))
            # (round 9) after 患, a known word that ends a longer name is the name's end (患反复发作的肾盂肾炎)
            if known and not (u.group().startswith("患") and known.end() == len(u.group(1)) and known.start() > 1) \
                    or _NOT_HAD.search(u.group(1)):
                continue  # the vocabulary found it (or decided it is nobody's); a cause or a service
            k = bisect.bisect_left(marks, u.start())
            clause_start = marks[k - 1] + 1 if k else 0
            if clause_start not in generic:
                clause_end = marks[k] if k < len(marks) else len(text)
                generic[clause_start] = _generic(text, clause_start, clause_end)
            before = text[max(clause_start, u.start() - _REACH // 3):u.start()]
            if generic[clause_start] or _inside(titles, title_starts, u.start()) or not _PERSON_WORD.search(before) \
                    or _CLAIM.search(before) or _CLAIM.search(u.group(1)) or _NAME_AFTER.match(text, e0):
                continue
            tail = _UNKNOWN_TAIL.match(text, e0)  # 甲状腺乳头状癌术后, 乳腺纤维瘤切除术
            e0 = tail.end() if tail else e0
            if u.group().startswith("为") and text.endswith(("患者", "病人", "病患"), s0, e0):
                continue  # (round 9) the group a body serves (为慢病患者提供…), not 为 as "is"
            found.append((s0, e0))
            spans.append((s0, e0))
        found.sort()
        # What a verb of diagnosis says someone has, when the vocabulary does not know its name.
        found_starts = [s for s, _ in found]  # in order and disjoint: found by one finditer
        for verb in [*_DIAGNOSED.finditer(text), *_RECORD.finditer(text)]:
            obj = _OBJECT.match(text, verb.end())
            if not obj or text.startswith("的", verb.end()) or _CASES.search(obj.group()):
                continue  # (round 9) 已确诊的…病例: cases counted, nobody named
            k = bisect.bisect_left(found_starts, obj.end())
            if k and found[k - 1][1] > obj.start():
                continue  # the vocabulary found it
            k = bisect.bisect_left(marks, verb.start())
            clause_start = marks[k - 1] + 1 if k else 0
            if clause_start not in generic:
                clause_end = marks[k] if k < len(marks) else len(text)
                generic[clause_start] = _generic(text, clause_start, clause_end)
            if _inside(titles, title_starts, verb.start()) or generic[clause_start] \
                    or _DENIED.search(text, max(clause_start, verb.start() - 4), verb.start()) \
                    or _CLAIM.search(text, max(clause_start, verb.start() - _REACH // 3), verb.start()):
                continue
            if _NEGATIVE.search(obj.group()):
                continue  # (round 9) a negative finding (…检测结果阴性, 未见异常): no condition
            end = obj.start() + len(_OBJECT_TAIL.sub("", obj.group()))
            if end - obj.start() >= 2:
                spans.append((obj.start(), end))
        for ward in _WARD.finditer(text) if _WARD_CUE.search(text) else ():
            k = bisect.bisect_left(marks, ward.start())
            clause_start = marks[k - 1] + 1 if k else 0
            if clause_start not in generic:
                clause_end = marks[k] if k < len(marks) else len(text)
                generic[clause_start] = _generic(text, clause_start, clause_end)
            before = text[max(clause_start, ward.start() - _REACH // 3):ward.start()]
            if generic[clause_start] or _inside(titles, title_starts, ward.start()) \
                    or not person_in_sentence(text, ward.start()) or _CLAIM.search(before) or _GIVING.search(before):
                continue
            spans.append(ward.span())
        # (round 5) What is said of one person's health in one statement is one finding, whichever
        # pass found its parts: conditions joined by 和/及/、 or said in the next clause with no one
        # else named between (血压170/105mmHg，诊断为高血压3级; …精神分裂症，长期服用奥氮平).
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            # (round 9) with what the previous one carries after it (慢性肾病4期，目前肌酐值为…)
            was = _tail(text, merged[-1][1], start) if merged and merged[-1][1] < start else start
            if merged and (start <= merged[-1][1] or _AND.fullmatch(text, merged[-1][1], start)
                           or _NEXT_CLAUSE.fullmatch(text, was, start)
                           and not _PERSON_WORD.search(text, was, start)):
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        out: list[tuple[int, int]] = []
        for start, end in merged:  # (round 6) with the verb, and what the statement goes on to say
            start = _with_verb(text, start)
            if out and start <= out[-1][1]:
                start, end = out[-1][0], max(out[-1][1], end)
                out.pop()
            out.append((start, _goes_on(text, end, marks)))
        for start, end in out:
            yield HEALTH, sentence.start() + start, sentence.start() + end, None


# Worth looking at all: a condition, or an address label or a room with a digit somewhere.
_ADDRESS_WORDS = "住|地址|户籍|户口|出生地|居|单元|栋|幢|号楼|座|村民|家中|家里|自家|寓所|家在|家就在|老家"
_ADDRESS_CUE = re.compile(_ADDRESS_WORDS + r"|\d-\d")
_DISEASE_RE = re.compile(_DISEASE)
_DIGIT = re.compile(r"\d")
_TAKE_OR_WARD = re.compile(rf"{_TAKE.pattern}|{_WARDS}|(?:医院|卫生院|诊所|血站)[^，,。；;]{{0,4}}?(?:抽|复查|透析|化疗|放疗|打针|输液|拿药|开药|取药|做检查|血浆置换)|复查[^，,。；;]{{0,8}}?(?:功能|指标|血常规|尿常规|血糖|血压|肝功|肾功|甲功|病情)")  # (one scan for both, round 6)




# For the detectors' test on the source text: a word without which prose.detect finds nothing.
# The lookahead on the words' first characters lets the engine skip most positions at once, so a
# word is cued by its rest when it begins with a character that ordinary enforcement text uses
# all the time (经诊断为 by 诊断为, 有孕在身 by 孕在身, 人类免疫缺陷病毒 by 类免疫缺陷病毒):
# the cue is still in every text the word is in.
# (and the round-3 words' 左眼失明, 高位截瘫, 酒精依赖, 海洛因, 美沙酮, 人格障碍, 粉碎性骨折, 行动不便,
# 意识不清, 发育迟缓, 高度近视, 记忆力减退, 降压药)
_COMMON_FIRST = set("人经有产中大食自放核结化关水不高活新小家流左右位酒海美格粉行意发度记降工营移造安止便社做")  # (round 5: 人工耳蜗 by
# 耳蜗, 营养不良 by 养不良 (经营), 移植术 by 植术 (移送), 造口术 by 口术 (制造))
# Two-character words whose first character is everywhere (抽搐: 抽检, 抽查): cued by the second.
_STRIP_TO_ONE = set("抽房")  # (round 10: 房颤 by 颤, 房 begins 房屋)


# (round 9) Endings of unknown conditions whose first character is everywhere (结果, 全县): a stone the
# vocabulary knows (胆结石, 肾结石) is cued by its own word; 全切 and 过敏 by their second character
# after the first (cues() below), so that 全 and 过 open no trie.
_ENDS_EVERYWHERE = ("结石", "全切")


def _cue(word: str) -> str:
    while len(word) > 2 and word[0] in _COMMON_FIRST:
        word = word[1:]
    return word[1:] if len(word) == 2 and word[0] in _STRIP_TO_ONE else word


# (a word with a digit, 大3阳 as the view reads 大三阳, is cued whole: 3阳 would pass at every 3)
_CUE_WORDS = sorted({w if any(c.isdigit() for c in w) else _cue(w) for w in DISEASES + _DIAGNOSED.pattern.split("|") if w not in ("HIV", "过敏")}
                    | set(_ADDRESS_WORDS.split("|")) | {_cue(w) for w in _UNKNOWN_ENDS if w not in _ENDS_EVERYWHERE} | {"孕"} | {_cue(w) for w in _WARDS.split("|")}
                    # (round 6: _PLAIN's shapes, by their measures and their ends)
                    # (round 9: a faculty or a function, a category, an organ's growth or operation, symptoms;
                    # by their organ, not 结节 or 息肉, whose first characters begin 结果 and 信息; a fever
                    # by 烧 and its degrees, below)
                    | {_cue(w) for w in ("诊断书", "诊断证明", "体检表", "体检报告", "病假条", "病假单", "病假证明", "病历", "病情证明", "出院诊断", "出院小结", "出院记录", "听力", "视力", "记忆力", "认知能力", "肝功能", "肾功能", "心功能", "肺功能", "残疾类",
                                         "残疾种类", "甲状腺", "乳腺", "胆囊", "肾结", "肝结", "肺结", "卵巢",
                                         "手术术后", "手术后", "术后", "症状", "耳朵", "氨酶", "尿酸", "胆固醇", "肌酐", "体重")}
                    | {"血压", "血糖", "血脂", "听不见", "听不清", "看不见", "看不清", "聋了", "瞎了", "瘤子", "肿块", "阴影",
                       "囊肿", "支架", "钢板", "钢钉", "搭桥"}
                    # (结节, 包块: by the organ they grow in, 结 and 包 begin 结果 and 包装)
                    | {o + w for o in ("肝", "肺", "胃", "肾", "脑", "乳房", "甲状腺") for w in ("上", "里", "部", "长", "有", "发现")}
                    # _HABIT's shapes, _TAKE's verbs and _MEASURE's units, each by a rare character
                    # (瘾, 胎, 怀: not 二胎 or 上瘾, whose first characters are everywhere)
                    # (round 10: _PLAIN's organ removed, crutch, sight and hearing values, a heart's rate, an
                    # examination's finding; a maintenance treatment; an abortion said by 人流 after its verb)
                    # (by a rare character where the word's first is everywhere: 持治疗 not 维持治疗, 吃 and 磁 and 贝
                    # by the character before them, below)
                    | {"摘除", "切除", "拐杖", "瘸", "视力", "心率", "心电图", "脑电图", "胃镜", "肠镜", "B超", "彩超",
                       "持治疗", "换过肾", "换了肾", "换过肝", "换了肝", "住过", "住了",
                       "院抽", "院复查", "院打针", "院输液", "院拿药", "院开药", "院取药", "院做检查", "生开", "生给开",
                       "夫开", "夫给开", "试管婴儿", "尿蛋白", "尿糖", "潜血", "血铅", "血汞", "眼压", "神志", "钢板", "钢钉", "卧床"}
                    | {"瘾", "吸食", "胎", "怀", "生了", "生完", "生下", "中检出", "内检出", "宫外", "宫内", "服用", "口服", "注射", "糖化血红蛋白", "毫克/", "毫摩尔", "毫米汞柱", "mg", "mol", "mmHg", "ml", "mL", "U/L", "g/L", "℃", "°C"})


_DEGREE = "[0-9０-９一二三四五六七八九十]"
_CUE_BUCKETS = 8


def cues(extra: tuple[str, ...] = ()) -> str:
    """The pattern of the cue words, with `extra` words of another detector in the same trie (one
    pass over a text costs less than two)."""
    every = set(_CUE_WORDS) | {_cue(w) for w in extra}
    # (round 10) a word that holds another cue word adds nothing to whether the pattern matches (睡眠呼吸暂停
    # and 呼吸暂停): dropped, its first character then opens no trie of its own
    words = sorted(w for w in every if not any(w[i:j] in every for i in range(len(w)) for j in range(i + 1, len(w) + 1)
                                                 if j - i < len(w)))
    first = sorted({w[0] for w in words} | {"h", "H", "患", "烧", "切", "敏", "吃", "磁", "贝", "复", "流", "核"} | set(_ESTATE_END))
    # (round 5: _DIAGNOSED's bare 患, but not the 隐患 of every safety inspection)
    # (round 9: a fever by 烧 and its degrees in any numerals, 发烧39度, 高烧三十九度)
    # (round 9) The trie's ~300 first characters are one alternation, and Python's engine tries its
    # branches one by one at every position the lookahead lets in: most of this pattern's time. So
    # the words go into _CUE_BUCKETS tries by their first character, each behind a lookahead of its
    # own characters (a position then costs a few class tests and one small trie), and the shapes
    # that are not words behind one of theirs. Whether the pattern matches is unchanged (it is only
    # ever searched for a yes or no); over the demo's realistic text it runs in ~55% of the time of
    # one trie (8 buckets; 4 and 16 close, 32 slower).
    heads = sorted({w[0] for w in words})
    size = -(-len(heads) // _CUE_BUCKETS)
    buckets = []
    for i in range(0, len(heads), size):
        chunk = heads[i:i + size]
        buckets.append("(?=[" + "".join(chunk) + "])(?:" + _trie([w for w in words if w[0] in chunk]) + ")")
    # (round 10: 吃 as a verb of taking, _TAKE, by the word before it; 核磁 and 分贝 by their second character)
    return ("(?=[" + "".join(first) + "])(?:" + "|".join(buckets) + f"|(?=[{_ESTATE_END}Hh患烧切敏吃磁贝复流核])(?:"
            + rf"[{_ESTATE_END}]\d|[Hh][Ii][Vv]|(?<!隐)患|烧(?:到|至|达)?{_DEGREE}|(?<=全)切|(?<=过)敏"
            + r"|(?<=[在是直要靠常期身天晚日上再还都])吃|吃(?:的是|着)|(?<=核)磁|(?<=分)贝|(?<=[去到上])复查|(?<=[完了过]人)流|(?<=[了过]结)核))")


CUES = cues()


def detect(n: str, organisation: bool = False) -> list[tuple[str, int, int, set[int] | None]]:
    """(kind, start, end, view indices to mask or None) of addresses and health data in `n`;
    `organisation`: the party is an organisation, whose 住所 is its registered seat."""
    # An address needs a number, or (after a person's label) the village group or (round 7) the
    # village or community it ends with.
    out = list(_addresses(n, organisation)) if (_DIGIT.search(n) or "组" in n or "村" in n or "社区" in n) \
        and _ADDRESS_CUE.search(n) else []
    if _DISEASE_RE.search(n) or _DIAGNOSED.search(n) or _UNKNOWN.search(n) or _TAKE_OR_WARD.search(n) \
            or _UNITS.search(n) or _RECORD.search(n) or _DOES.search(n) and _UNKNOWN_DOES.search(n):
        out.extend(_health(n))
    return out
