"""Writes design2.tsv: the name detector's author's own sentences for each class of miss and false
alarm that round 2 of issue 20 fixed (the classes were read off the burned heldout.tsv).

Frames (the slot, written by hand, several per class) times names drawn from surnames and given
characters that heldout.tsv does not use together, with a fixed seed: 100+ rows per class, to
check that a fix holds for the class and not for the held-out rows. Not independent of the
detector (its author wrote it), so its figures say little about unseen text; a regression set.
Run: .venv/bin/python tests/data/names/make_design2.py
"""
from __future__ import annotations

import random
from pathlib import Path

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
                "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
                "洪赖贝禚璩眭谯昝亓蔺冼禤邝覃莫岑")
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容", "令狐", "长孙", "尉迟"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国红梅志飞鹏辉斌宇浩凯晨倩雪琳"
             "婷玲欣怡佳慧晓峰亮波宁林海鑫瑶子涵梓轩思源雨泽博文嘉俊振东春燕德胜福贵翠萍凤金荣")
WORDLIKE = ["江南", "夏天", "白雪", "金星", "马力", "高峰", "海洋", "文明", "向阳", "常青", "黎明",
            "方圆", "林海", "石磊", "武艺", "程序", "钟声", "宁静", "冯雪", "桂林"]
DOTTED = ["艾力•买买提", "阿不都·热合曼", "古丽娜尔·吐尔逊", "麦麦提·艾力", "努尔·阿不拉",
          "热依拉·买买提", "阿依古丽·托乎提", "买合木提·沙吾提", "吐尔孙·依明", "帕提古丽·阿吾提",
          "依力哈木·艾山", "库尔班·吐拉克", "阿力甫·买提", "米日古丽·依明", "阿布来提·提", "再努尔·卡德尔"]
MONGOL = ["格日勒图", "那日苏", "巴特尔", "额尔敦巴图", "呼斯楞", "阿拉腾", "哈斯巴根", "道尔吉",
          "乌日根", "宝音图", "斯琴图", "毕力格图", "苏布德", "朝鲁门", "其勒格尔", "特古斯"]
PLACES = ["南阳市卧龙区", "宿松县", "合肥市蜀山区", "黑龙江省绥化市", "寿县", "临沂市兰山区", "赤峰市",
          "喀什市", "广西桂平市", "湖南省邵阳县", "四川省凉山州", "巢湖市"]
MASKED = ["陶某某", "陈某", "王××", "刘**", "欧阳某", "李某甲", "赵某某", "孙×"]


def name(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.1:
        return rng.choice(COMPOUND) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    if r < 0.2:
        return rng.choice(WORDLIKE)
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


# Each class: frames with {n} (a name) and optional {m} (a second name), {p} (a place), {k} (a
# masked name), {d} (a dotted name), {g} (a Mongolian name).
NAMED = {
    "role-after-word": [
        "另一员工{n}的证言与上述陈述基本一致。", "一名叫{n}的男子在店内购买了该商品。",
        "当事人与其妻{n}共同经营该店。", "当事人称该货物系其亲戚{n}存放在店内。",
        "秦某在询问中陈述：“店是我和我哥{n}一起开的。”", "由其授权的{n}在送达回证上签字。",
        "接到{n}的举报电话后，执法人员赶赴现场。", "处罚对象：{n}；违法行为：无证经营。",
        "其女婿{n}负责店内收银。", "由当事人安排的{n}在现场负责看管。", "其邻居{n}证实火是当日点燃的。",
        "另一名店员{n}称其不知情。", "一名叫{n}的女子向本局举报。", "当事人与其夫{n}均在场。",
        "当事人委托其表妹{n}代为签收。", "经查，当事人的爱人{n}系该店实际经营者。",
    ],
    "predicate-and-description": [
        "经核实，{n}名下登记的两辆货车未按期检验。", "户主{n}家中存放的烟花爆竹超过规定数量。",
        "{n}，{p}人，系该公司仓库管理员。", "被检查单位陪同人员：{n}（保管员）。",
        "村委会主任{n}出具证明，证实该场所位于村内。", "当事人之子{n}当日在店内帮忙。",
        "公示：{n}申请的个体工商户设立登记已核准。", "经当事人{n}确认，执法人员对涉案物品予以查封。",
        "店主{n}当天不在店内。", "{n}，{p}人，现住该村，系涉案车辆驾驶人。",
        "执法人员对{n}（收银员）制作了询问笔录。", "{n}名下的营业执照已被吊销。",
    ],
    "lists": [
        "委托代理人{k}、{n}到场参加听证。", "当事人共收取{n}、{k}等12名消费者的货款。",
        "股东{n}、{m}各持股50%，二人系兄弟关系。", "经查明，当事人在家中为{n}等人输液治疗。",
        "证人{k}、{n}均证实当事人在店内销售香烟。", "当事人向{n}等人出售了该批白酒。",
        "执法人员依法对{k}、{n}分别制作了询问笔录。", "合伙人{n}、{m}共同出资经营该店。",
    ],
    "dotted": [
        "{n}和{d}系合伙关系，二人共同经营该店。", "{d}供述，其从他人处购得该批香烟。",
        "经当事人{d}确认，执法人员对库存商品予以查封。", "{d}出具了情况说明。",
        "{n}与{d}均在场。", "当事人{d}提出听证申请。",
    ],
    "surname-and-mongol": [
        "其邻居{r}证实火是当日点燃的。", "{g}在现场检查笔录上签名。", "{g}出具的《情况说明》称其不知情。",
        "执法人员依法对{n}、{r}二人分别制作了询问笔录。", "当事人{r}于2023年5月在其店内销售过期食品。",
        "证人{g}证实当事人多次销售。", "{r}称其不知道该产品已过期。",
    ],
}
CLEAN = {
    "function-surname-and-noun": [
        "原经营者{k}已于2022年将该店转让给{k2}，但双方均未办理变更登记。",
        "该公司负责人{k}称，涉案产品系从外地购进，但无法提供供货商的资质证明。",
        "证人证言证明当事人曾多次上门推销该产品。", "当事人之妻{k}到场后表示，丈夫常年在外务工。",
        "经查，当事人曾因同类违法行为受到处罚，但未改正。", "双方当事人和解，但和解协议未履行。",
        "当事人都已按期缴纳罚款，但未提交整改报告。", "当事人向社会公开承诺，但未兑现。",
        "当事人曾经营该店，但于2021年停业。", "经营者{k}常年不在店内，但营业执照登记在其名下。",
        "涉案产品已全部召回，但部分已被消费者食用。", "当事人曾多次被责令改正，但拒不改正。",
        "检查时当事人门头招牌未按规定设置。", "当事人门面房未取得规划许可。", "当事人店招字体过大。",
        "当事人于是将该批货物转移。", "执法人员多次上门，但当事人均不在场。",
    ],
}


def main() -> None:
    rng = random.Random(20261207)
    rows = []
    for cls, frames in NAMED.items():
        for k in range(120):
            f = frames[k % len(frames)]
            n, m = name(rng), name(rng)
            while m == n:
                m = name(rng)
            d = rng.choice(DOTTED)
            g = rng.choice(MONGOL)
            r = rng.choice("禚璩眭谯昝亓洪赖贝蔺") + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            if "{d}" in f and "{n}" in f:
                n = rng.choice(COMPOUND) + rng.choice(GIVEN)  # 诸葛飞和艾力•库尔班
            text = f.format(n=n, m=m, p=rng.choice(PLACES), k=rng.choice(MASKED), d=d, g=g, r=r)
            want = [x for x, key in ((n, "{n}"), (m, "{m}"), (d, "{d}"), (g, "{g}"), (r, "{r}")) if key in f]
            want.sort(key=text.index)
            rows.append((f"{cls}-{k:03d}", "|".join(want), text))
    for cls, frames in CLEAN.items():
        seen = set()
        k = 0
        while k < 120:
            f = frames[k % len(frames)]
            text = f.format(k=rng.choice(MASKED), k2=rng.choice(MASKED))
            if text in seen and k >= len(frames):
                # vary a frame without masks by a count or a date
                text = text.replace("2022年", f"{rng.randint(2015, 2025)}年") + ("" if rng.random() < 0.5 else "")
            seen.add(text)
            rows.append((f"{cls}-{k:03d}", "", text))
            k += 1
    out = Path(__file__).with_name("design2.tsv")
    out.write_text("id\tplanted\ttext\n" + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{out}: {len(rows)} rows")


if __name__ == "__main__":
    main()
