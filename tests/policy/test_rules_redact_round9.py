"""Round 9 of the detectors other than names (issue 20, part 4): each class fixed, stopped or kept
public on sentences of this file's own (not the corpus rows it was tuned on), exact findings."""
from __future__ import annotations

import pytest
from leakcases import assert_public, assert_stopped

from gongshi.policy import detectors as d

STOPPED = [
    # A private vehicle beside the new public ones: a person's, whatever the dot.
    ("当事人韩某某驾驶其私家车赣C·7P318运送散装白酒。", d.PLATE, "赣C·7P318", "赣C·***18"),
    ("执法人员发现当事人个人所有的货车（闽D·5K271）停放在仓库门口。", d.PLATE, "闽D·5K271", "闽D·***71"),
    ("车辆（晋A·3Q882）登记所有人为陶某某，系当事人本人。", d.PLATE, "晋A·3Q882", "晋A·***82"),
    # Health said whole (round 9): a faculty failing with an adverb between, a measure said how high,
    # a stroke and what it left, an organ's function, a disability's category and grade, a stage
    # said after, a course's cycle, hearsay of a ward, a fever with its temperature, an unknown
    # condition by more endings, a recovering addict, an operation counted, a drinker, what an
    # examination found, an injury done to a body part and its grade, an organ's growth.
    ("当事人的母亲听力越来越差，电话通知无法送达。", d.HEALTH, "母亲听力越来越差", None),
    ("答：我那阵子血糖高到二十多，天天头晕。", d.HEALTH, "血糖高到二十多，天天头晕", None),
    ("当事人于2021年中风后右侧肢体活动不便，常年卧床。", d.HEALTH, "2021年中风后右侧肢体活动不便，常年卧床", None),
    ("送达时受送达人叶某某肾功能衰竭，正在县医院透析。", d.HEALTH, "肾功能衰竭，正在县医院透析", None),
    ("当事人之女系残疾人，残疾类别为智力，等级二级。", d.HEALTH, "系残疾人，残疾类别为智力，等级二级", None),
    ("当事人罹患鼻咽癌，已是晚期，无力缴纳罚款。", d.HEALTH, "罹患鼻咽癌，已是晚期", None),
    ("当事人妻子刚做完放疗第二个疗程，需人照顾。", d.HEALTH, "妻子刚做完放疗第二个疗程，需人照顾", None),
    ("证人称当事人的哥哥去年进过精神病院。", d.HEALTH, "去年进过精神病院", None),
    ("答：那天我发高烧到40度，没法开门营业。", d.HEALTH, "我发高烧到40度", None),
    ("当事人检查当日因阑尾穿孔被送往医院。", d.HEALTH, "当日因阑尾穿孔被送往医院", None),
    ("当事人系社区戒毒康复人员，按时到社区报到。", d.HEALTH, "戒毒康复人员", None),
    ("当事人于去年做过两次腰椎手术，至今无法正常行走。", d.HEALTH, "去年做过两次腰椎手术，至今无法正常行走", None),
    ("当事人自述嗜酒多年，手抖得厉害。", d.HEALTH, "嗜酒多年，手抖得厉害", None),
    ("当事人之子在入职体检时发现乙肝表面抗原阳性。", d.HEALTH, "体检时发现乙肝表面抗原阳性", None),
    ("当事人孕检时查出胎儿畸形，已引产。", d.HEALTH, "孕检时查出胎儿畸形，已引产", None),
    ("当事人左腿被机器割断，经鉴定为五级伤残。", d.HEALTH, "左腿被机器割断，经鉴定为五级伤残", None),
    ("当事人之父胆囊息肉，下月手术。", d.HEALTH, "胆囊息肉，下月手术", None),
    # Classes tune11 showed, on new sentences: a person named by a condition with its grade, symptoms
    # that appeared and a result in the next clause, what a drug offence led to, a daily medicine by
    # a brand name, a limb missing, an operation by its name after 行.
    ("当事人祝某系听力残疾人（二级），由手语翻译陪同。", d.HEALTH, "系听力残疾人（二级）", None),
    ("当事人柏某近日出现咳嗽、低热症状，后经检测为甲型流感病毒阳性。", d.HEALTH, "出现咳嗽、低热症状，后经检测为甲型流感病毒阳性", None),
    ("当事人于2023年因贩毒被强制隔离戒毒两年。", d.HEALTH, "2023年因贩毒被强制隔离戒毒两年", None),
    ("当事人称其患有甲亢，每天吃赛治，心慌手抖。", d.HEALTH, "其患有甲亢，每天吃赛治，心慌手抖", None),
    ("当事人之母左下肢缺失，常年坐轮椅。", d.HEALTH, "左下肢缺失，常年坐轮椅", None),
    ("当事人提交的出院记录显示：入院诊断为冠心病，行冠脉造影术。", d.HEALTH, "入院诊断为冠心病，行冠脉造影术", None),
    ("当事人租住在顺德区大良街道新桂路5号2楼203房间。", d.ADDRESS, "顺德区大良街道新桂路5号2楼203房间", "顺德区大良街道新桂路*号*楼***房间"),
    ("当事人在合肥市包河区望湖城16号楼2单元5楼西户居住。", d.ADDRESS, "合肥市包河区望湖城16号楼2单元5楼西户", "合肥市包河区望湖城**号楼*单元*楼西户"),
    # Classes tune9b showed (a second batch of fresh rows), on new sentences: a type with 系 before it,
    # a numeral inside an unknown name, from birth, a bite with no body part, a value without its
    # unit, a reaction, a low mood, a certificate held, a viral load.
    ("受送达人系先天性白内障，由其女儿代收。", d.HEALTH, "系先天性白内障", None),
    ("当事人曾做过第三腰椎滑脱复位手术，不能久站。", d.HEALTH, "曾做过第三腰椎滑脱复位手术，不能久站", None),
    ("当事人于前日被蛇咬伤，正在县医院治疗。", d.HEALTH, "被蛇咬伤，正在县医院治疗", None),
    ("答：我有糖尿病，血糖达到二十，手脚都麻。", d.HEALTH, "我有糖尿病，血糖达到二十", None),
    ("当事人称其对青霉素过敏，昨日输液后起了红疹。", d.HEALTH, "其对青霉素过敏，昨日输液后起了红疹", None),
    ("当事人丈夫去世后情绪低落，有轻生念头，由其女儿陪同接受询问。", d.HEALTH, "情绪低落，有轻生念头", None),
    ("当事人系持证的视力一级残疾人，由其家属陪同。", d.HEALTH, "持证的视力一级残疾人", None),
    ("体检报告记载从业人员邱某乙肝病毒DNA定量为5.1×10^3 IU/mL。", d.HEALTH, "乙肝病毒DNA定量为5.1×10^3 IU/mL", None),
    # Classes tune9c showed, on new sentences: a clinical document's colon, an unknown condition with
    # what it does, a metastasis, an infection of a body part, a value in Chinese units, a cleft lip.
    ("当事人提交的出院小结记载：2型糖尿病伴酮症酸中毒，好转出院。", d.HEALTH, "2型糖尿病伴酮症酸中毒，好转出院", None),
    ("当事人称其当时痛风性关节炎发作，下不了床。", d.HEALTH, "其当时痛风性关节炎发作，下不了床", None),
    ("当事人之父肺癌脑转移，在市肿瘤医院治疗。", d.HEALTH, "肺癌脑转移，在市肿瘤医院治疗", None),
    ("当事人之子尿路感染，高烧不退。", d.HEALTH, "尿路感染，高烧不退", None),
    ("经鉴定，当事人血液中乙醇浓度为92毫克/100毫升。", d.HEALTH, "血液中乙醇浓度为92毫克/100毫升", None),
    ("当事人系先天性兔唇，说话不清，询问以书面进行。", d.HEALTH, "系先天性兔唇，说话不清", None),
    # Classes tune9d showed, on new sentences: a spine's curve and its correction, a condition that comes
    # back (一到春天就犯), an organ's treatment counted, compulsory treatment, a biopsy, a rash, a
    # faculty measured low, a pregnancy's reaction.
    ("当事人之子脊柱侧弯，正在医院矫正。", d.HEALTH, "脊柱侧弯，正在医院矫正", None),
    ("答：我有鼻炎，一到春天就犯。", d.HEALTH, "我有鼻炎，一到春天就犯", None),
    ("当事人每周做两次肝透析。", d.HEALTH, "每周做两次肝透析", None),
    ("当事人系精神分裂症患者，曾被强制医疗。", d.HEALTH, "系精神分裂症患者，曾被强制医疗", None),
    ("当事人称其腋下淋巴结肿大，正在做活检。", d.HEALTH, "淋巴结肿大，正在做活检", None),
    ("答：我爸患了湿疹，痒得睡不着。", d.HEALTH, "我爸患了湿疹，痒得睡不着", None),
    ("当事人右眼视力只有0.05，看不清文书。", d.HEALTH, "右眼视力只有0.05，看不清", None),
    ("当事人妻子怀孕两个月，妊娠反应严重。", d.HEALTH, "妻子怀孕两个月，妊娠反应严重", None),
    # Classes tune9e showed, on new sentences: a pain by its name and a fit that starts, hair lost, a stage
    # before (…前期), an organ operated and partly removed, a hard ear said plainly, a document's number
    # with its province, what the home is in brackets.
    ("答：我有腰痛，一犯起来就直不起腰。", d.HEALTH, "我有腰痛，一犯起来就直不起腰", None),
    ("答：我前年做了放疗，头发都掉光了。", d.HEALTH, "我前年做了放疗，头发都掉光了", None),
    ("当事人系产妇，处于产褥期。", d.HEALTH, "系产妇，处于产褥期", None),
    ("当事人于体检时被诊断为高血压前期。", d.HEALTH, "被诊断为高血压前期", None),
    ("答：我母亲去年肝癌开刀，肝切除了一半。", d.HEALTH, "我母亲去年肝癌开刀，肝切除了一半", None),
    ("答：我耳朵有点背，你说大声点。", d.HEALTH, "我耳朵有点背", None),
    ("当事人机动车驾驶证档案编号为皖A1234567。", d.OTHER_ID, "皖A1234567", "皖A12***67"),
    ("当事人租住在解放路15号二楼（出租屋）。", d.ADDRESS, "解放路15号二楼（出租屋）", "解放路**号*楼（出租屋）"),
    # Classes tune9f showed, on new sentences: a sudden attack of an unknown pain, a gland's growth and
    # the nights, what an accident left and the pain after.
    ("答：我那天突发胆绞痛，被送到急诊。", d.HEALTH, "我那天突发胆绞痛，被送到急诊", None),
    ("当事人陈述其前列腺炎，一晚上起夜多次。", d.HEALTH, "其前列腺炎，一晚上起夜多次", None),
    ("当事人因工伤落下腰椎骨折后遗症，经常腰痛。", d.HEALTH, "因工伤落下腰椎骨折后遗症，经常腰痛", None),
    # Classes tune9g showed, on new sentences: breath, a weak ear, a legal finding of capacity, the whole
    # body's injuries, an IQ, too much of a medicine, not healed, other measures high, the back or a knee
    # said plainly, living on a device, a drug history and its detention, a sprain, a body's sample.
    ("答：我有慢性支气管炎，走几步就喘。", d.HEALTH, "我有慢性支气管炎，走几步就喘", None),
    ("当事人自述右耳弱听，左耳失聪。", d.HEALTH, "右耳弱听，左耳失聪", None),
    ("当事人之女经鉴定为无民事行为能力人，由当事人监护。", d.HEALTH, "鉴定为无民事行为能力人", None),
    ("当事人在斗殴中全身多处擦伤，鼻骨骨折。", d.HEALTH, "全身多处擦伤，鼻骨骨折", None),
    ("当事人之子智力残疾，智商只有45。", d.HEALTH, "智力残疾，智商只有45", None),
    ("当事人于当晚服用降压药过量，被送医抢救。", d.HEALTH, "服用降压药过量，被送医抢救", None),
    ("当事人系高龄产妇，产后伤口至今未愈。", d.HEALTH, "系高龄产妇，产后伤口至今未愈", None),
    ("体检报告显示当事人尿酸偏高，需复查。", d.HEALTH, "尿酸偏高，需复查", None),
    ("答：我膝盖不好，每周去做理疗。", d.HEALTH, "我膝盖不好，每周去做理疗", None),
    ("当事人夜里靠制氧机睡觉，白天起不来。", d.HEALTH, "夜里靠制氧机睡觉，白天起不来", None),
    ("当事人曾因吸毒被强制隔离戒毒。", d.HEALTH, "曾因吸毒被强制隔离戒毒", None),
    ("当事人手腕扭伤，打了石膏。", d.HEALTH, "手腕扭伤，打了石膏", None),
    ("经检测，当事人体内检出甲基苯丙胺成分。", d.HEALTH, "体内检出甲基苯丙胺成分", None),
    # Classes tune9h showed, on new sentences: a low fever and a cause not found, pre-eclampsia, years
    # ago before the condition, found to have a growth, skin that itches, an artificial eye, disfigurement.
    ("答：我这几个月一直有低热，查不出原因。", d.HEALTH, "一直有低热，查不出原因", None),
    ("当事人称其妻有先兆子痫，在医院住院观察。", d.HEALTH, "其妻有先兆子痫，在医院住院观察", None),
    ("当事人三年前脑梗，现在说话含糊。", d.HEALTH, "三年前脑梗，现在说话含糊", None),
    ("答：去年我被查出肺上有结节。", d.HEALTH, "我被查出肺上有结节", None),
    ("当事人之女患有湿疹，皮肤瘙痒红肿。", d.HEALTH, "患有湿疹，皮肤瘙痒红肿", None),
    ("当事人小时候受伤，一只眼是义眼。", d.HEALTH, "小时候受伤，一只眼是义眼", None),
    ("当事人因烫伤面部毁容。", d.HEALTH, "因烫伤面部毁容", None),
    # Addresses: a home in someone's native place, the part of a yard one lives in.
    ("问：你现在住哪？答：住在他老家，河南省淮阳县城关镇东关村18号。", d.ADDRESS, "河南省淮阳县城关镇东关村18号",
     "河南省淮阳县城关镇东关村**号"),
    ("当事人现住叶县昆阳镇文化路9号院内东厢房。", d.ADDRESS, "叶县昆阳镇文化路9号院内东厢房", "叶县昆阳镇文化路*号院内东厢房"),
    # tune9i: a private owner said after the plate outweighs a company's word before it; a fit of nerves.
    ("当事人开着单位的车（号牌豫C·8H532），该车系其个人所有。", d.PLATE, "豫C·8H532", "豫C·***32"),
    ("当事人说这辆车是公司的，号牌湘A·6F218，登记所有人为王某某。", d.PLATE, "湘A·6F218", "湘A·***18"),
    ("答：我有胃溃疡，一吃凉的就胃疼。", d.HEALTH, "我有胃溃疡，一吃凉的就胃疼", None),
    # tune9j: a house's sub-number, a weight said low, poisoning by an unknown cause.
    ("当事人住厦门市湖里区金山街道39号之二。", d.ADDRESS, "厦门市湖里区金山街道39号之二", "厦门市湖里区金山街道**号之*"),
    ("当事人之女体重只有28公斤，在医院治疗。", d.HEALTH, "体重只有28公斤，在医院治疗", None),
    ("当事人之父因煤气中毒住院。", d.HEALTH, "因煤气中毒住院", None),
    # tune9k: a disorder after its name, a walking aid and its verb, incapacity from illness, the mind's
    # wound, a count before 因, any operation on a joint and the time after, a recurring unknown name
    # ending in a known word, a condition ending its clause after the person.
    ("当事人之母罹患焦虑障碍，经治疗病情好转。", d.HEALTH, "罹患焦虑障碍，经治疗病情好转", None),
    ("当事人腿脚不好，出行需借助助行器。", d.HEALTH, "腿脚不好，出行需借助助行器", None),
    ("当事人提交的证明载明其因病丧失劳动能力，无法经营。", d.HEALTH, "其因病丧失劳动能力", None),
    ("当事人在事故后有严重的心理创伤，不愿与人交流。", d.HEALTH, "有严重的心理创伤，不愿与人交流", None),
    ("当事人两次因癫痫发作被送医。", d.HEALTH, "两次因癫痫发作被送医", None),
    ("当事人陈述其髋关节置换术后，不能久坐。", d.HEALTH, "其髋关节置换术后，不能久坐", None),
    ("当事人之女患反复发作的支气管炎，需要定期输液。", d.HEALTH, "患反复发作的支气管炎，需要定期输液", None),
    ("当事人之妻卵巢囊肿，月经不调，正在服药。", d.HEALTH, "卵巢囊肿，月经不调，正在服药", None),
    # tune9l: diagnosed by a doctor and a dose a day, a limb that is a prosthesis, a relative by 之 and an
    # unknown growth ending its clause, injections counted, talking nonsense, an organ removed and stitches.
    ("当事人于2024年5月被医生诊断为焦虑状态，开了舍曲林，每天一片。", d.HEALTH, "被医生诊断为焦虑状态，开了舍曲林，每天一片", None),
    ("答：我一只手是假肢，拿不了重物。", d.HEALTH, "我一只手是假肢，拿不了重物", None),  # (round 10: with what the body cannot do)
    ("当事人之母胆囊结石，做过手术。", d.HEALTH, "胆囊结石，做过手术", None),
    ("答：我每天要打两针胰岛素。", d.HEALTH, "我每天要打两针胰岛素", None),
    ("当事人之子精神不正常，经常胡言乱语。", d.HEALTH, "精神不正常，经常胡言乱语", None),
    ("答：我上周做了胆囊切除，刚拆线。", d.HEALTH, "做了胆囊切除，刚拆线", None),
    # A person's ID with a wrong check digit after a person's label: still an ID (the code labels
    # are one list now; none of them stands here).
    ("当事人身份证号码341522198506120031（末位有误）。", d.ID, "341522198506120031", "341522********0031"),
]

PUBLIC = [
    # Vehicles of the state: named before the plate, in brackets after it, or a police plate.
    "区应急管理局执法车辆辽B·E3620到场处置。",
    "执法人员乘坐公务用车（号牌陕A·N0562）赴现场检查。",
    "当日检查使用的车辆为吉C·R1192（执法用车）。",
    "市场监管所巡查车（黔A·L6630，单位所有）停于路边。",
    "随行警车 湘A·0815警 负责现场秩序。",
    # An organisation named as the registered owner after the plate.
    "涉事冷藏车（号牌青A·F2351，登记所有人为该公司）未配备温度记录设备。",
    "罐车宁A·61258号属银川某危险品运输有限公司所有。",
    "号牌号码琼B·7T330，所有人：三亚海岸旅游客运有限公司。",
    # tune11's look-alike classes on new sentences: data missing (not a limb), a state body's car whose
    # clause before says so, a company's car in an answer, an officer's certificate, a code label before
    # a card's shape, a flat in a listing, a group of others described by a symptom.
    "该单位的货物资料缺失，包装破损。",
    "该车系县自然资源局所有的执法用车，号牌为皖P·A7712。",
    "问：这车是谁的？答：这车是公司的，车牌苏F·3M119。",
    "执法人员出示执法证（证号：34130020231578）。",
    "当事人电梯设备代码：3110340100201904568。",
    "当事人发布的房源“翠湖花园3栋1单元801室”未标明价格。",
    "当事人未对出现发热症状的顾客进行登记。",
    # tune9b's look-alike classes on new sentences: a commission by its short name, a leased truck
    # whose 车主 is the company, harm (职业病危害), a reaction caused to a client, patients a hospital keeps.
    "县发改委联系电话：0553—3121456。",
    "当事人使用的冷藏车（号牌冀F·2K913）系向保定某冷链物流有限公司租用，车主为该公司。",
    "当事人未告知劳动者职业病危害因素。",
    "当事人为顾客注射玻尿酸致其过敏。",
    "当事人未按规定为住院病人建立护理记录。",
    # tune9c's look-alike classes on new sentences: counted among, a hazard, an area for a group, a crowd.
    "当事人系康复医院，收治的脑瘫患儿中有3名未签订协议。",
    "当事人生产的取暖器存在烫伤风险。",
    "该病房内设有失智老人专用床位。",
    "当事人的商场人流密集，未设置疏散指示标志。",
    # tune9d's look-alike classes on new sentences: lists of conditions sharing what follows the last
    # item (a group served, beds, a warning), and 有 of things.
    "当事人诊所为哮喘、慢阻肺患者建立了随访档案。",
    "当事人医院有偏瘫、截瘫、脑瘫康复床位50张。",
    "该商品标注：孕妇、哺乳期妇女、婴幼儿禁用。",
    "当事人有违法所得，其有营业执照。",
    # tune9e's look-alike classes on new sentences: a body's records of a group, a group served, each of
    # a count, an ear's back.
    "当事人医院的脑梗、脑出血患者随访档案不全。",
    "当事人药店为慢病患者建立用药档案。",
    "当事人的敬老院中有失能、半失能老人各5名。",
    "当事人对这个问题的背景不了解，耳朵背后有纹身。",
    # tune9f's look-alike classes on new sentences: customers' reactions (患者/顾客 is no verb of having),
    # a negative finding, a company's own vehicle.
    "当事人药店接待的顾客出现过敏反应后，当事人未报告。",
    "该检测机构出具的诊断证明书记载：受检人员检测结果阴性。",
    "当事人的货车（号牌冀B·3T662）系公司自有，不属于个人。",
    # tune9g's look-alike classes on new sentences: a law's capacity, others' drug use, a rate, a claim, a
    # business, devices a body keeps or sells, an injury caused or a hazard.
    "依据《民法典》，无民事行为能力人由其监护人代理实施民事法律行为。",
    "当事人容留他人吸毒，违法所得2000元。",
    "本院2023年剖宫产率为38.5%。",
    "当事人销售的护膝宣称对膝盖不好的人有效。",
    "当事人的理疗店未取得医疗机构执业许可证。",
    "当事人康复中心配备了呼吸机、制氧机等设备。",
    "当事人销售的制氧机未取得医疗器械注册证。",
    "当事人造成对方全身多处擦伤。",
    "该商品可能导致使用者多处擦伤。",
    # tune9h's look-alike classes on new sentences: a count by the group's noun, a device given to others.
    "当事人医院收治先兆子痫产妇8人。",
    "当事人给听障儿童配发的助听器质量不合格。",
    "当事人为残疾人提供的假肢价格高于市场价。",
    # tune9i's look-alikes: a denied private owner, a hospital's own 住址.
    "执法车辆（号牌闽A·K5521）不属于个人所有。",
    "某县中医院住址：某县中山路9号。",
    # tune9j's look-alikes: records for a group, confirmed cases, a graded group served.
    "本局检查发现3家养老院未为失智老人建档。",
    "当事人未按规定上报已确诊的食物中毒病例。",
    "县残联为二级肢体残疾人配发了轮椅。",
    # tune9k's look-alikes: a body's records of a group after 的, a body's stock of devices, a district's
    # people, a test arranged for staff (a known word inside an unknown name after 为 stays the test's).
    "当事人诊所未按规定对糖尿病患者的用药记录进行保存。",
    "当事人的康复中心配备了助行器、轮椅等器具。",
    "本局对辖区内严重精神障碍患者的监护情况进行了检查。",
    "当事人为员工办理艾滋病检测。",
    # An operation done to patients or others (为患者做了…切除): the offence, nobody's health.
    "当事人诊所为患者做了阑尾切除，未取得资质。",
    "当事人非法为他人做了包皮切除，收费800元。",
    # The person before an unknown condition that ends its clause is a person, not our office (我局…).
    "我局对食源性疾病，开展了监测。",
    "某某诊所治疗皮肤病，未取得许可。",
    # Codes by the one list of code labels (round 9: a product's model number with an ID's shape, a
    # certificate's number with a mobile's; each was in only one of the two lists before).
    "产品型号341522198506120031，共20台。",
    "证书号码13905641234",
    # Health words of nobody (round 9): a statistic's change, a facility and its machines, a disease
    # as a topic, a warning naming several groups, a body's own 住址, a screening offered, a claim,
    # a hazard.
    "依据规定，本市2023年结核病报告发病数较上年下降6.5%。",
    "本院血液透析室现有透析机12台。",
    "县疾控中心专家就艾滋病传播途径进行了讲解。",
    "该药品说明书注明：孕妇及哺乳期妇女不宜使用。",
    "当事人为县人民医院，该院住址：某县解放路12号。",
    "当事人在体检中心为受检者开展甲状腺结节筛查。",
    "该保健品宣称可以改善肝功能受损。",
    "当事人销售的电锯缺少防护罩，可能导致使用者手指被割断。",
    "当事人在场地内组织肢体活动不便的老人做康复操。",
    # An office's landline by its department, written with an em dash.
    "联系科室：执法稽查科，联系电话：0731—84226510。",
]


@pytest.mark.parametrize("text,kind,found,mask", STOPPED)
def test_stopped(text: str, kind: str, found: str, mask: str | None) -> None:
    assert_stopped(text, kind, found, mask)


@pytest.mark.parametrize("text", PUBLIC)
def test_stays_public(text: str) -> None:
    assert_public(text)
