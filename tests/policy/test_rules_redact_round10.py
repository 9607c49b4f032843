"""Round 10 of the detectors other than names (issue 20, part 4): each class fixed, stopped or kept
public on sentences of this file's own (not the corpus rows it was tuned on: tune12, tune12b,
tune12c, heldout11), exact findings.

Health is found by mechanism, not by quoted strings: a person (or an answer's speaker) owns a
condition, a treatment, a medicine, a measure or a course, and the finding runs from the subject
side (who, when, how often, where) to the end of the course. Look-alikes: vehicles only an
organisation runs, a fleet by its range, a 400/800 number, statistics, a law's article, a class of
workers, a medicine or a dose as goods, an animal's temperature, treatments given to others.
"""
from __future__ import annotations

import pytest
from leakcases import assert_public, assert_stopped

from gongshi.policy import detectors as d

STOPPED = [
    # Health by its treatment, its medicine and its course, in witnesses' and clerks' words: when, how
    # often and where before the verb (每周要到市医院做三次透析), 吃 as a verb of taking (早上吃…，晚上再吃…,
    # 一直在吃…, 吃的是…), a prescription (大夫给开的…), a list of medicines, the n-th course, a maintenance
    # treatment, what the course goes on to say (不能断药, 每晚半片, 防止排异, 头发都掉光了).
    ('当事人的姐姐每周要到市医院做三次透析，由当事人接送。', d.HEALTH, '每周要到市医院做三次透析', None),
    ('答：我每天早上吃一片左甲状腺素钠，晚上再吃降压药。', d.HEALTH, '我每天早上吃一片左甲状腺素钠，晚上再吃降压药', None),
    ('当事人称其女儿一直在吃丙戊酸钠，不能断药。', d.HEALTH, '其女儿一直在吃丙戊酸钠，不能断药', None),
    ('证人马某某说，当事人平时吃的是舍曲林，一天两片。', d.HEALTH, '平时吃的是舍曲林，一天两片', None),
    ('问：你吃什么药？答：大夫给开的喹硫平，每晚半片。', d.HEALTH, '大夫给开的喹硫平，每晚半片', None),
    ('当事人长期服用他克莫司和吗替麦考酚酯，防止排异。', d.HEALTH, '长期服用他克莫司和吗替麦考酚酯，防止排异', None),
    ('当事人陈述其父亲正在做第四次化疗，头发都掉光了。', d.HEALTH, '其父亲正在做第四次化疗，头发都掉光了', None),
    ('当事人于2020年起接受美沙酮维持治疗，每天到门诊服药。', d.HEALTH, '接受美沙酮维持治疗，每天到门诊服药', None),
    # Health by a measure: sight with its value and its kind (裸眼, 矫正后), hearing lost in decibels, a
    # heart's rate, an organ removed and what is left, a urine test's pluses, blood lead.
    ('当事人的体检报告显示其裸眼视力0.2，矫正后0.6。', d.HEALTH, '其裸眼视力0.2，矫正后0.6', None),
    ('经鉴定，受害人右耳听力损失65分贝，构成轻伤。', d.HEALTH, '右耳听力损失65分贝，构成轻伤', None),
    ('当事人送医时心率每分钟150次，诊断为室上性心动过速。', d.HEALTH, '心率每分钟150次，诊断为室上性心动过速', None),
    ('当事人称其左肾已于2018年切除，现只剩一个肾。', d.HEALTH, '其左肾已于2018年切除，现只剩一个肾', None),
    ('当事人尿常规检查显示尿糖++。', d.HEALTH, '检查显示尿糖++', None),
    ('当事人的体检报告显示其血铅含量为380μg/L。', d.HEALTH, '其血铅含量为380μg/L', None),
    # A stay named by its hospital with the person before it, a sick note's colon, a scan's early
    # pregnancy, an operation in a month said in words, a finger lost in an accident, a sample's drug,
    # a stay in bed and feeding by tube, an injured brain in hearsay, IVF, metal left in an arm.
    ('答：我那几天在镇卫生院住院，店里没人。', d.HEALTH, '我那几天在镇卫生院住院', None),
    ('当事人的病假条写明：急性腰扭伤，建议休息一周。', d.HEALTH, '急性腰扭伤，建议休息一周', None),
    ('当事人出示的B超报告显示宫内早孕约7周。', d.HEALTH, '宫内早孕约7周', None),
    ('当事人去年五月做过开胸手术，现在还不能干重活。', d.HEALTH, '去年五月做过开胸手术，现在还不能干重活', None),
    ('当事人右手二指因机器轧伤截肢，由其左手捺印。', d.HEALTH, '右手二指因机器轧伤截肢', None),
    ('当事人的尿液检测氯胺酮呈阳性。', d.HEALTH, '尿液检测氯胺酮呈阳性', None),
    ('当事人之母卧床两年，靠鼻饲管进食。', d.HEALTH, '卧床两年，靠鼻饲管进食', None),
    ('证人称当事人的儿子“脑子受过伤，说话颠三倒四”。', d.HEALTH, '脑子受过伤，说话颠三倒四”', None),
    ('当事人称其妻子在做试管婴儿，每天都要打针。', d.HEALTH, '其妻子在做试管婴儿，每天都要打针', None),
    ('答：我胳膊上的钢钉还没取，提不了重物。', d.HEALTH, '我胳膊上的钢钉还没取，提不了重物', None),
    # Classes tune12d showed (a third batch), on new sentences: an unknown condition by more endings with
    # its person and a comma, an answer's stay counted, a systolic value, a function re-examined anywhere,
    # a transplant said plainly, a limb cut above a joint, an assessment form's colon.
    ('当事人称其双下肢静脉曲张，每天要穿弹力袜。', d.HEALTH, '其双下肢静脉曲张，每天要穿弹力袜', None),
    ('答：前年住过一次院，是因为肺炎。', d.HEALTH, '前年住过一次院，是因为肺炎', None),
    ('答：我血压高压一百七，头晕得站不住。', d.HEALTH, '我血压高压一百七，头晕得站不住', None),
    ('证人称当事人每两个月要去市里复查一次肝功能。', d.HEALTH, '每两个月要去市里复查一次肝功能', None),
    ('答：我前年换过肾，每天都要吃抗排异药。', d.HEALTH, '我前年换过肾，每天都要吃抗排异药', None),
    ('经核实，当事人左腿膝关节以上截肢。', d.HEALTH, '左腿膝关节以上截肢', None),
    ('当事人持有的残疾评定表载明：右眼视力残疾二级。', d.HEALTH, '右眼视力残疾二级', None),
    # Classes tune12e showed (a fourth batch), on new sentences: a fever that does not go down and a stay
    # counted in weeks, a liver value said how high, a parent said plainly, every other day, years of a
    # medicine and its stop, a lesion found by an examination.
    ('答：我女儿前年高烧不退，在县医院住了两个星期。', d.HEALTH, '我女儿前年高烧不退，在县医院住了两个星期', None),
    ('当事人的化验单显示其转氨酶升至二百多。', d.HEALTH, '其转氨酶升至二百多', None),
    ('答：我妈去年中风过一次，走路有点不稳。', d.HEALTH, '我妈去年中风过一次，走路有点不稳', None),
    ('当事人丈夫每隔两天要去医院做一次透析。', d.HEALTH, '丈夫每隔两天要去医院做一次透析', None),
    ('当事人称其吃了三年的降压药，最近才停。', d.HEALTH, '其吃了三年的降压药，最近才停', None),
    ('当事人之妻查出乳腺导管内瘤变，下月手术。', d.HEALTH, '查出乳腺导管内瘤变，下月手术', None),
    # Addresses: the home said first and its address restated after 即, a yard's rows, a lettered
    # block's room after a dash, where in a village a house stands in brackets.
    ('当事人住在其表哥家，即城南街道和平路9号院内3排5号。', d.ADDRESS, '城南街道和平路9号院内3排5号', '城南街道和平路*号院内3排*号'),
    ('送达地点：当事人父亲家，即五里墩街道长江西路100号2栋301室。', d.ADDRESS, '五里墩街道长江西路100号2栋301室', '五里墩街道长江西路***号*栋***室'),
    ('当事人现居住于蜀山区潜山路金域华府C座12-3。', d.ADDRESS, '蜀山区潜山路金域华府C座12-3', '蜀山区潜山路金域华府C座**-*'),
    ('证人孙某，住本村五组（村委会西侧第二户）。', d.ADDRESS, '本村五组（村委会西侧第二户）', '本村*组（村委会西侧第*户）'),
    # An account by the bank's name before it, a card's check digit or not.
    ('当事人将货款转入其本人在中国银行合肥三里庵支行开立的6013 8209 0012 3456 789账户。', d.ACCOUNT, '6013 8209 0012 3456 789', '6013 **** **** ***6 789'),
    ('资金来自当事人名下的邮储银行6210985800012345678账户。', d.ACCOUNT, '6210985800012345678', '6210***********5678'),
    # (after round 10, from heldout12's misses, in sentences of my own) a bank's short name and a
    # card's brand before the number; 农商行 names the bank, not the number's owner.
    ('货款都打到了我个人的农商行卡6230 5200 0011 2233 445里。', d.ACCOUNT, '6230 5200 0011 2233 445', '6230 **** **** ***3 445'),
    ('当事人用其本人的建行龙卡6217 0012 3400 5678 901收取货款。', d.ACCOUNT, '6217 0012 3400 5678 901', '6217 **** **** ***8 901'),
    ('退款转入了当事人的工行牡丹卡6222 0200 1234 5678 90。', d.ACCOUNT, '6222 0200 1234 5678 90', '6222 **** **** **78 90'),
]

PUBLIC = [
    '当事人血站未按规定对献血者进行血浆置换登记。',
    '经查，当事人查出问题后未整改。',
    '该福利院收住的儿童中有5名长期卧床。',
    '当事人公司执法人员到现场复查整改情况。',
    '当事人运输公司的校车（号牌皖K·X2231）未按规定年检。',
    '某公交公司12路公交车（浙A·B3321）驾驶员未按规定进站。',
    '当事人公司名下营运客车共5辆，号牌为苏A·K1101至苏A·K1105。',
    '（某运输有限公司）所属半挂牵引车鲁B·7G221超限运输。',
    '当事人网店页面标注的客服电话：400-820-3366。',
    '本产品全国服务热线800-828-0123（免费）。',
    '2024年全县报告梅毒病例较上年下降5.1%，其中男性占比61%。',
    '《母婴保健法》第十八条：胎儿患严重遗传性疾病的，医师应当向夫妻双方说明情况。',
    '当事人违反规定，安排怀孕6个月以上的女职工从事夜班劳动。',
    '当事人诊所库存胰岛素注射笔12支、降压药30盒。',
    '当事人的养殖场内一头奶牛体温41℃，疑似患病。',
    '当事人药店销售的“速效救心丸”每瓶60粒，每次服用4粒。',
    '当事人在宣传单上写明“本品每日2次，每次1袋，连服3个月”。',
    '当事人医院未按规定对住院患者进行心电图检查。',
    '当事人在门诊为顾客输液时未核对处方。',
    '当事人驾驶培训学校的教练车（苏B·1203学）未按规定安装监控。',
    '当事人公司的营运车辆：皖A·T5521、皖A·T5522，均为公司所有。',
    '当事人公司在中国银行开立的基本存款账户6013820900123456789用于收取货款。',
    '当事人医院康复科为患者开展针灸理疗服务。',
    '当事人在农商行开立的一般存款账户6230520000112233445用于缴纳税款。',  # 一般存款 read in the view too
    '经集中行动查获卷烟120条，案值6800元。',
]


@pytest.mark.parametrize("text,kind,found,mask", STOPPED)
def test_stopped(text: str, kind: str, found: str, mask: str | None) -> None:
    assert_stopped(text, kind, found, mask)


@pytest.mark.parametrize("text", PUBLIC)
def test_stays_public(text: str) -> None:
    assert_public(text)
