"""Unmasked full names of natural persons in the free text of decisions.

A published decision must name a natural person only in masked form (张某, 欧阳某某, 阿某·某某).
The facts are written by hand, so a full name slips in: "经查，当事人张三于…", "证人王五证实…",
"委托阿力木江·吐尔逊全权办理…". `person_names` finds such names so the redaction gate can refuse
the record. It is recall-first: a name missed is published, a false alarm costs a clerk a look.

Why this design (figures: scripts/eval_names.py --gate on tests/data/names/*.tsv, README there).
Round 2 was measured once on a held-out set (heldout2.tsv) at recall 0.827 with 3.5% of clean
sentences flagged: its cues knew the slots its author had seen. Round 3 (issue 20, part 3)
inverts the default, so that a name nobody wrote a cue for is still found: a string with a
name's shape is a name unless evidence says it is something else. Measured once on a third
held-out set (heldout3.tsv) after round 3: 0.918 / 2.3%. Round 4 studied its 29 misses and 7 false
alarms by class: names whose shape no list held (a surname outside the lists, 操丽娟; two
surnames, 李邓秀英; minority names after a role no list names, 导游格桑曲珍; Uyghur names
without a dot; Vietnamese 阮氏香, Japanese 田中康介, pinyin Li Xiaoming; given names that are
words of an era, 向建设; a table's whole cell) and look-alikes (于国庆节期间, 微信名叫“平安喜乐”,
车主张女士, 植保员冉某某, 汤家岭, 经查明，2023年). Figures after round 4 (scripts/eval_names.py
--gate): heldout3.tsv, spent and tuned on, 0.983 / 0%; heldout2.tsv 0.988 / 0.6%; the
round-4 author's own sentences per class (tune4.tsv) 0.991 / 0% (its batches, each measured once
before the fixes they prompted: 77/106 found, 4/56 clean flagged); names planted at random into
the spent sets' frames (given characters of 5,000 uses or more) 0.983, against 0.976 before;
measured once on a fourth held-out set (heldout4.tsv, two more writers) after round 4: 0.876 / 2.7%
(round 3 on the same file: 0.865 / 2.7%), short of the 0.98 aimed at: rules tuned on studied
text carry to unseen text only a point or two a round (tests/policy/test_names_heldout4.py lists
what still passes). A famous person's name (诸葛亮的雕像) is
reported like any other: the detector cannot tell, a clerk can.

Round 5 aimed at generalisation, not at the spent sets' last misses. Its author wrote three
batches of sentences of their own (tune5.tsv), each measured once before the changes it
prompted; the first before any change: 0.983 recall, 3/117 clean flagged, the estimate of round
4 on unseen text by someone who had read this docstring (too kind: heldout4 gave 0.876). Later
batches tell what a round's fixes carry to text written after them: the second (after the first
fixes) 0.931 / 5.6% against main's 0.922 / 6.5%; the third (after the second fixes, names that
are words paired with the same words as things) 0.820 / 8.3%, exactly main's. So, again, rules
carry a point or two to unseen text. What was added, each a mechanism rather than a string:
structure (a list's item next to a found name is a name if it has a name's shape: 暴永刚、操卫东;
a list whose items are half or more dictionary words is a list of things: 卷烟：中华、玉溪、南京);
slots (a given name alone after a kin or naming word: 我老婆秀英, 老板叫国梁; a person's noun and
为/是: 实际使用人为涂俊; 其中 before a subject; a quoted string that signs or testifies: “俞家和”签字;
a kin courtesy after a name: 周玉兰大姐; offences only a person commits: 伙同, 饮酒后, 盗窃; at a
clause's head, a word doing what only a person does: 富强因涉嫌); readings (所 before a verb is
the particle, not 研究所: 巫春生所经营; a span that a longer dictionary word runs across is that
word's part: 安然无恙, 东方红大道; a noun and a localiser: 楼道里; surname + 总 is a courtesy;
Latin names with accents and hyphens, Peter Müller, Kim Min-jun; a dotted name stops at a list
joint or a role's noun and takes an ASCII full stop as its dot). jieba's tags proved weak
evidence for words (it tags 任重道远, 师生, 玉溪, 柏木 nr), so the new vetoes use the dictionary's
words, not its tags. Figures after round 5: heldout4.tsv (spent) 0.956 / 0.7%; tune5.tsv's first
three batches 0.950 / 2.8% (per batch 1.000 / 0.9%, 0.961 / 3.7%, 0.836 / 5.0%); every other
corpus as before or better. A fourth batch, written after the last change and measured once, not
tuned on: 49/51 = 0.961, 0/50 flagged (main: 0.882, 0/50), the round's best estimate of unseen
text, by a writer who knows the detector. A learned scorer over candidates was not tried (no time in the round);
the batches suggest the ceiling is evidence, not rules: a word that is a name, alone in a
clause with nothing personal around it (冷静在网吧内吸烟, 简单在其租住的), is out of reach of
both. Speed: about the same. Whole-process CPU time, paired with main's, medians of 7: the demo
decisions' text 40 times, 1.006x (0.98-1.15); the demo text and heldout4 and tune4 8 times, 1.024x
(0.93-1.07); load 4-5. In-process over the demo text alone, best of 5: 1.03-1.05x (the new passes
run only where a kin word, a list or a found name is).

Round 6 studied heldout6.tsv, measured once before and after round 5 at 0.949 / 1.7%: round 5
carried nothing to it. Its misses and false alarms, read by class, each fixed by a mechanism and
checked first on sentences of the round's own (tune6.tsv, written per class before the fix:
28/43 found, 6/28 clean flagged; a second batch written after the fixes and measured once before
any further change: 26/27, 1/20, main 14/27, 1/20). What was added: a romanised name in brackets
right after a found or a masked name is the same person's (阮文雄（NGUYEN VAN HUNG）, 阮某某（LE
VAN TAM）; the found names are known only at the end, so it is a pass over them); Amdo and Kham
name parts as Qinghai and Gansu write them (尕藏才让, 阿旺晋美, 更登加措: two parts are a shape); a
surname and three transliterated given characters before a person's description (the Salar,
Dongxiang and Bonan: 韩乙四夫，男，); trades' nouns ending in 卫 and 长 as roles (门卫, 船长; and
门卫|代福生: surname + suffix that make the noun are no name); slots (知道 X, 向 X 公告送达, 受 X
雇佣/指使, a hiring verb's object after its description: 雇佣无医师资格的康宁从事, 是 ending 不是:
你是不是方圆本人; a doubled given character, 多多; a headerless table row holding a masked ID, a
phone or a sex is a person's); look-alikes (于 before an event noun and a time word: 于案发当晚;
应 the modal before an adverb or a verb: 应准时; a word joined by 或/和 to a verb: 签名或盖章, though
jieba tags 盖章 nr; a common word in a table's header row: | 来源 |; 那 before a measure word).
Figures after round 6 (scripts/eval_names.py --gate): heldout6.tsv (spent) 347/350 = 0.991, 1/300
(its remaining misses: 欧阳春生|于 read as 欧阳春|生于, 张家明 before 住…张家湾, 万里 in a row: 万
is read as a numeral; its false alarm: 当事人利用|自建房, whose veto cost a word-name, 主播程序, in
design2); tune6.tsv 68/70, 1/48 (misses: 詹启明|巡山 read as a place, 受白露委托; flagged: 于开业前);
every other corpus identical to main's, span for span. Speed: in-process over the demo text, best
of 5, 0.416 s against main's 0.411 s (1.01x); with the held-out sets' text added (more names, more
work), 1.03-1.06x. 知道 is read where it stands, not as a role's last character: as a role, 道
(道路) added a tenth to the candidates and 6% to the time.

Round 7 tried what the issue asked for and rules never gave: a learned tagger as a second
opinion (namecrf.py: a character-level CRF, CRFsuite, ~360 kB, trained by
scripts/train_names_model.py on every labelled file here, all of them spent, and their clean
rows with the masked names written out). Its features are the rules' evidence (surname starts,
given-name frequency, jieba's dictionary words and tags, roles, prepositions and person
predicates around, masks, dots) weighed by the model instead of by hand. `person_names` asks it
only where the rules' candidates begin (a surname after a clause start, a role, a preposition;
a numbered list's item), in a window of a few characters (whole sentences cost a cold check 2.4
times the CPU; windows 1.18 times), and adds a span it marks with marginal probability 0.6 or
more that overlaps no rule name, begins with a surname or holds a dot, and passes the rules'
look-alike exceptions (masks, public and quoted strings, function words as given characters,
courtesies, goods, businesses and places, a trade name after a county, common function words,
a start inside a word; Latin stays the romanised reader's). So the CRF overrides a rule's
rejection of a candidate the rules themselves raised; it invents no others. Threshold,
augmentation and the combination were chosen by leave-one-set-out cross-validation
(scripts/loso_names.py: train on 13 files, measure on the 14th), the only figures tuned on:
pooled over the 14 files, rules alone 4525/4601 = 0.983 recall with 20/3381 = 0.6% of clean
rows flagged, the CRF alone 0.880 / 1.8%, both 4551/4601 = 0.989 / 70/3381 = 2.1%; on the
six held-out sets real writers wrote (heldout*.tsv) 0.980 / 0.4% → 0.987 / 0.7%; on heldout7,
the one the rules were never tuned on, 310 → 314 of 327, 4/250 flagged both. Most of the
added false alarms are design2.tsv's templated lists of herbs (柏子仁、杜鹃花: 37 of 468 rows),
text no other file resembles. What it catches: names that are words in a slot the rules
doubted (马力, 方圆, 向阳, 于是（男…）, 简明), a title that begins with a name (唐刚特种作业人员…),
numbered lists (1.王平，2.李军). The rules' own figures here are not unseen ones (they were tuned
on every file), so the gain on fresh text is the round's open question; the lead measures it
once on a fresh set. Selection rule, fixed before the final run: the highest recall on the
real writers' sets with pooled false alarms at most 2.5% (half a point under the target, for
the rules' own on fresh text), fewer false alarms breaking a tie (0.5 and 0.6 tied). Turn it
off with CRF_THRESHOLD = None (the rules alone, as round 6). The open question's answer,
measured once on a fresh set (heldout8.tsv: 900 rows by three writers, frozen before round 7 was
merged): 0.967 / 2.4% before, 0.975 / 2.4% after. Like a round of rules, the learned opinion
carried about a point to unseen text; recall is half a point short of 0.98. The set has
trained the model since (spent).

Round 8 aimed at the learned part's generalisation, measured by leave-one-set-out validation
over the same 15 files (scripts/loso_names.py --without tune11k.tsv --without tune11m.tsv: each
file measured by a model that never saw it; "gate" below is the union as person_names runs it,
CRF windows at 0.6). Tried: (1) augmentation (scripts/train_names_model.py --pool): every planted
row written once more with its names replaced, and every clean row with its masked names written
out, by names drawn with a fixed seed from a pool far larger than the files' (faker's zh_CN and
zh_TW surnames and given names read as data, every surname here, compound ones, given characters
by their use in names, one-character given names, given names that are ordinary words, dotted
minority names); (2) two features with it (the kind of surname, common, rare or traditional;
the use-in-names buckets of the two characters after a surname); (3) the decision: thresholds
0.4-0.9; a confident CRF span (≥ 0.95) counting as described, so that the look-alike exceptions
give way to it; a CRF span that holds a rules' span and more replacing it (龚立|和、). Figures:
round 7 (with this round's rules) 5056/5116 = 0.988 recall, 80/3831 = 2.1% flagged; (1)+(2) at
0.6: 5055, 92/3831, though the CRF alone learned to generalise (0.858 → 0.876 recall at 0.8,
1.3% → 1.2% flagged): the rules leave it little to add; (3) on round 7's model: 0.5 gives 5058 /
86, 0.7 5054 / 74; the confident span 5061 / 89 when it overrides every exception (but then
明显|系, 周大福珠宝 pass: the cases forbid it) and 5056 / 81 when it overrides only the function
words; widening 5054 / 80. None pays beyond noise, so the model is trained as in round 7 (now on
17 files) and read at 0.6 as before (validated again with the shipped code, every fold
retrained: 5055/5116 = 0.988, 83/3831 = 2.2%; the six real writers' held-out sets 2689/2728 =
0.986, 27/2250; design2.tsv's herb lists 35/468 and tune5.tsv 11/335 are the files over 3%); --pool stays in the trainer for the next round. The ceiling
is the slot, not the model: of heldout8's misses under validation, the CRF marked 公孙永和 and
群众范德胜 with 1.00 and the exceptions that stop 明显 and 周大福 stopped them; 员秋生 (a surname no
list holds) and 约翰逊·迈克尔·戴维 are never asked. What did pay are rules for classes heldout8.tsv
showed: surnames in traditional script (surnames.TRADITIONAL: 陳志偉, 歐陽明德), quoted phrases
that name someone (“非遗传人魏振华推荐”: a title before a surname, or an endorsement ending a quote
of six characters or more), and look-alikes the two new files showed (a quote after a role
followed by the rest of a trade name: 当事人：“杜康”白酒某经销部; a minority name's part running
into a business or before 籍). tune11k.tsv and tune11m.tsv, by two writers who had not read the
code, measured once on main before any change: 166/166, 3/150 flagged and 160/163, 6/150 (4.0%);
after round 8 (tuned and trained on): 166/166, 2/150 and 160/163, 2/150 (misses left: 网管|向前进, 船长|江河 read
across 长江, 田中一郎 after 日籍).

Round 9 tried word-level evidence (issue 20, part 3: round 8 concluded that the names still
missed depend on a slot neither the rules nor the character model see), each measured by
leave-one-set-out validation (scripts/loso_names.py; "gate" is person_names at its operating
point): (1) jieba's own segmentation as CRF features (namecrf.words, `--words`: the word's
position, tag, frequency band, the words before and after, the neighbouring verb or word itself,
learned rather than listed), trained fold by fold with and without them: on the eight folds both
had (corpus, design, design2, tune, tune11k, tune11m, heldout8, heldout11) the gate found 2856
against 2857 names, 52 against 53 clean rows flagged, the CRF alone 2583 against 2584, for 10-18%
of the gate's speed: off (namecrf.WORD_FEATURES); (2) the CRF asked after any verb of two
characters too (CRF_AFTER_VERBS; 送达|甘露): the same names, one more false alarm: off; (3) the
operating point, over the 18 spent files (each fold's model trained on the other 17): recall
5698 / 5697 / 5696 / 5695 / 5691 / 5688 of 5764 and flagged 100 / 96 / 92 / 83 / 77 / 73 of
4431 at marginal 0.3 / 0.4 / 0.5 / 0.6 / 0.7 / 0.8; a low threshold in a person's slot and a
higher one elsewhere (CRF_WEAK_SLOT_THRESHOLD) 0.3/0.6: 5695 / 78. The budget up to 3% buys at
most three names in 5,764, so the threshold stays 0.6 and one: the CRF does not hold the names
the gate misses at any confidence. What did pay are rules for classes heldout11.tsv and
tune12b.tsv (one more writer's 300 rows, measured once on main: 160/166, 5/150) showed, each by a
mechanism: a romanised name and its rendering in brackets are one person's, whichever half the
rules found (WONG KA MING（黄家明）, CHAN TAI MAN（陈大文）); 所 before a single verb ending a clause
is the particle, by jieba's tag (承租人谭志勇所建); a notice's salutation (夏天：…你有权…); two
surnames before a bracket (陈李美玲（香港永久性居民）); look-alikes by what stands around a found
span: a brand with its branch in brackets (杨国福麻辣烫（某某店）), a common word labelling a quoted
value (字号为“…”), a district's body (区卫生健康局), a ring road (南三环); a CRF span past two given
characters stops where a word of three or four characters starts (徐平|见义勇为). Leave-one-set-out
over the 18 spent files, round 8 → round 9: rules 5656 → 5658 of 5764 (0.981), 37 → 37 of 4431
clean rows flagged; the gate 5694 → 5696 (0.988), 83 → 83 (1.9%); the CRF alone 5066 (0.879),
53 (1.2%), the same models; with tune12b as a 19th fold (its model trained on the other 18): the
gate 5858/5930 = 0.988, 84/4581 = 1.8%, tune12b 162/166, 1/150 (rules alone 155). Per file the
gate ranges 0.960 (heldout7) to 1.000, flagged 0 to 6.2% (design2.tsv's templated herb lists;
tune5.tsv 3.3%; every real writer's held-out set 2.4% or less). tune12b.tsv after round 9 (tuned
and trained on): 162/166, 1/150. What it still misses: names that are words after a verb no cue
names (送达甘露), a Mongolian name before a verb's character (表哥巴特尔|开的) or of parts no list
holds (敖登格日乐), 万 as a surname before a weak predicate (驾驶员万里未按规定); it flags a
half-masked dotted name (买买提·某某: the writer counted it masked; the project's mask is 阿某·某某).

* A name's shape is the default (`_shaped`): a surname and two given characters that names use
  5,000 times or more (givenchars.py; 673 characters), or a single surname and one given
  character used 20,000 times or more in a name's slot, is a name wherever it stands
  (闫振山当着…, 受侯德兵委托, 王芳每天…) unless: a word spans its start or its end (高温|天气,
  刘洋接|受), its head is a common word (高度重视, 许可人), it is a dictionary word jieba does not
  tag as a person, a role holds its surname character (房东宇文琴), a business's or a place's
  suffix follows (张国强水果店, 李明华路, 宁德|白鹭餐饮管理股份有限公司), or a noun follows with no
  boundary, so it names goods (马应龙|软膏, 张小泉|剪刀) — except after an act done to a person
  (关于吊销郝建业食品经营许可证的决定). A name found as a person's is one wherever else it stands
  in the text (姜华汽车修理厂（经营者：姜华）).
* Round 4 widened the shapes: a compound surname that is no word (欧阳, 慕容, 司徒) and one or
  two given characters; two known minority name parts (格桑曲珍, 努尔曼古丽, 买买提江); two
  surnames before a found name's given characters (李邓秀英: widened from 邓秀英 when the slot
  before and the predicate after say so); any character before two given characters names use
  5,000 times or more after a role and before a verb, or before a personal description (操丽娟,
  保金花，女，: a surname no list holds); a table cell that holds only a name's shape (江海燕|…);
  Vietnamese women's names (a surname, 氏, a given character) and Japanese names whose surname is
  a word (田中康介) in a person's slot; 元 and 万 as given characters except in an amount. And
  a trade's noun ending in 师 or 工 is a role, as one ending in 员 or 人 was (美甲师王芳,
  维修工张伟; not after a verb: 加工|过程中).
* Where the shape is not enough (names that are words: 江山, 白雪, 许可), the slot decides:
  cues as boosters, below. A table's cell is read under its own column's header (户主, 当事人,
  姓名: a whole cell is a name, 江山 too; 品名: none).
* A name is recognised by design, not by a list of names: a surname (surnames.py: the ~500
  commonest single surnames, the whole Hundred Family Surnames, the Hui, Yi, Dai and Zhuang ones
  and the rare ones of the rankings, compound, Manchu and common Japanese ones), then one or two
  given characters (two surnames before them: 张李明轩); or a name written with a middle dot (any
  of · ・ • and look-alikes: one name, read outward from the dot); or, with no surname, a run of
  the syllables of Yi, Tibetan, Mongolian, Dai and Turkic names in a person's slot (阿苏拉则，男,
  经营者宝音德力格尔, 被处罚人阿不都热依木); or a romanised name: a Chinese one in passport form
  (ZHANG Lihua) anywhere, any other (David Wilson, KIM MINJUN) in a person's slot. Surnames that
  are mostly words (经, 能, 回, 代) need a role or a name's shape (经小军; not 经比|对).
* What makes such a string a person is its slot (namecues.py): a role, a label or a verb that
  takes a person before it (当事人, 负责人：, 之妻, 委托, 冒用), or a clause start or a
  preposition before it and a personal description or a person's predicate after it (（男，,
  于2024年, 陈述, 签字, 的询问笔录). So a name that is also a common word (江山, 高峰, 向前) is
  found in a person's slot, and the same word elsewhere (江山如画) is not.
* jieba's part-of-speech tagger is evidence, not the gatekeeper: at a clause start with nothing
  telling after, a candidate is a name when the tagger reads one there; it never vetoes a
  candidate that its slot already makes a name. (THULAC and Baidu LAC were measured too: better
  at names than jieba, but 30-100 MB, 10-100 times slower, and they tag masked names.)
* A surname with a courtesy (李先生, 孙女士, 王师傅, 刘总) is not reported: it names no one, and the
  practice of the decisions publishes it. This is a decision (issue 20), not an omission.
* Public look-alikes are exceptions: masked names of any surname length (欧阳某, 王×, 刘**,
  阿某·某某, and the end of one: 王*华二人), anything inside 《》 (laws, documents), short quoted
  strings (“周大福”, shop names and brands; not after a role or a naming word: 被许可人“黄海明”,
  姓名“罗家辉”误录为“罗家晖”), strings the caller knows to be public (the record's own organisation party, its
  places: `public`), and a candidate that runs into the end of a business or place name
  (周大福珠宝专柜, 李集镇, 王家湾村, 韩城恒达包装材料经营部). A family farm (张三家庭农场) is
  registered in the person's name, and is not such an exception. Words that stand where names
  stand and are none have lexicons of their own: parties and a party's nouns (双方, 单位, 门店:
  _COLLECTIVE) and goods listed like people (herbs jieba tags as names, 黄芪、党参、柴胡: _GOODS,
  with lists that end in 等中药材 or a weight, or follow a goods verb: 销售的李子、杨梅、黄桃).
* A name listed with a masked one is a person's (委托代理人陶某某、叶新民): masked names anchor
  lists though they are never reported.
* Speed: validation runs this over every free-text field of up to 100,000 records. A regular
  expression finds, in C, the surname characters that stand where a name can stand (after a
  clause start, a preposition or the last character of a role); word frequencies and tags come
  from lexicon.py's cache of jieba's dictionary (~35 ms instead of jieba's ~0.7 s), and jieba's
  tagger is loaded only when a candidate needs it, and runs on the short clause around it. The
  shapes are found by regular expressions over character classes built once from givenchars.py.
  Round 3 costs about a third of the speed: ~1.5 million characters a second on the demo
  decisions' text against ~2.3 million before, paired runs under the same load (the budget is 1
  million); round 4 costs about a seventh: ~1.34 million against ~1.55 million, paired runs, load 6-9.

The tagger is a parameter of `detect` so scripts/eval_names.py can measure other models under
the same cues; `person_names` uses jieba.
"""
from __future__ import annotations

from gongshi.runtime import lazyre as re  # patterns compiled on first use (runtime/lazyre.py)
import sys
from collections.abc import Callable, Iterable
from functools import lru_cache

from gongshi.policy import detectors as d
from gongshi.policy import givenchars, lexicon, namecrf
from gongshi.policy.namecues import (CLAUSE_START, ORG_SUFFIXES, PERSON_PREDICATE_RE, PERSON_SUFFIX, PREDICATE_RE,
                                     PREPOSITIONS, ROLES, STRONG_RIGHT)
from gongshi.policy.surnames import (COMPOUND, DOTS, JAPANESE, JAPANESE_WORDLIKE, MINORITY_PARTS, PINYIN, RUN_START, SINGLE, SYLLABLES, TRANSLIT,
                                     WORDLIKE)

Span = tuple[int, int]
Tagger = Callable[[str], list[Span]]

_MASK = set("某×xX＊*○〇Ｘ□■")
_HAN_LO, _HAN_HI = "\u3400", "\u9fff"
_FILL = "\x00"  # what blanked text (titles, quotes, public strings) becomes: no name, no cue
# Characters that cannot be a given name's: function words, numerals and money units (伍仟,
# 陆佰 and 万元 read as a surname and a given name), business markers (马记, 雷氏).
_NOT_GIVEN = set("的了在于与和及等是为被把将对向从由也都因已未曾不记氏牌某之其该此这那所罚族各每") | set(
    "零壹贰叁肆伍陆柒捌玖拾佰仟亿整角百千")
# 元 and 万 are money units (伍仟元, 5万元) and common given characters too (张元, 王万里: 52,892
# and 34,840 uses): refused only in an amount, after a numeral or a surname that is one (round 4).
_MONEY_GIVEN = set("元万")
_NUMERAL = set("0123456789０１２３４５６７８９.零一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟万")
# A given name ending in one of these is a place or a business: 李集镇, 周口市, 马店.
_PLACE_END = set("村镇乡县市区路街巷屯寨店馆厂司局行部社站场铺坊厅吧省州")
_ADMIN = set("县市区省州镇乡村旗盟")
# 陈家沟, 何家村, 马家湾: 家 and one of these is a place.
_PLACE_CHARS = _PLACE_END | set("沟湾庄坝岭堡营桥港岛山河湖口塘坪坡洼岗嘴集井园洞峪滩")
# Right of a name, these end it (the name is then a candidate of its own length).
_STOP = set("于在称证陈承系作的与和及等向对将把被为已未曾从自因所到说表提出签负拒持驾是也均都还就"
            "并亦即便不无有经之其由") | CLAUSE_START | set("0123456789")
_ADVERBS = set("均都也亦又还仍皆")
_LOCALIZER = set("里内外上下中旁边前后")
# Function words that names use often as their first given character (李向东, 张和平, 王为民,
# 陈其美: 20,000-36,000 uses each): allowed there, in a two-character given name only.
_SOFT_GIVEN = set("和向其为")
_STOP_WORDS = set("不未已曾在于是也都还就并亦即便无有经之其由均与和及的")  # function words, no name's end
_COMMON = 200  # jieba frequency from which a word is a common word (周边, 金额, 高峰)
_WORD = 20  # ... from which a string is a word at all (a boundary after a name)
# Tags of words that are no name even in a name's slot when nothing personal follows (高度重视).
_FUNCTION_TAGS = ("d", "c", "p", "r", "u", "m", "q", "f", "a", "ad", "v", "vn", "vd", "l", "i")
_ROLE_RE = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, ROLES), key=len, reverse=True)) + r")"
    r"(?:(?:[（(][^（）()\n]{1,8}[）)])?了?\s*(?:\*\*)?\s*(?:[：:]|为|是|系|即)?\s*(?:\*\*)?\s*)$")
_PREP_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, PREPOSITIONS), key=len, reverse=True)) + ")$")
# A trade's noun ends in these too (round 4: 美甲师王芳, 维修工张伟, 理发师刘洋; round 6: 门卫,
# 船长, 班长), though they are not PERSON_SUFFIX (施工, 加工, 保卫, 增长 are no people: the
# tagger's verb reading and what follows decide, as after any role).
_TRADE_SUFFIX = set("师工卫长")
_ROLE_LAST = {r[-1] for r in ROLES} | set("：:为是系即了* \u3000") | PERSON_SUFFIX | _TRADE_SUFFIX
_LEFT_OK = _ROLE_LAST | {p[-1] for p in PREPOSITIONS} | CLAUSE_START
_TITLE = re.compile(r"《[^《》\n]{0,80}》")
_LATIN_QUOTE = re.compile(r"[A-Za-z\u00c0-\u017f-]+(?: [A-Za-z\u00c0-\u017f-]+){1,3}")
_QUOTE_HINT = re.compile("[“「『‘\"]")
_QUOTE = re.compile(r"[“「『‘\"]([^“”「」『』‘’\"\n，。；：！？,;:!?]{1,14})[”」』’\"]")
# A character class first: the regular expression engine rejects most positions with one test.
_SURNAME_RE = re.compile(
    "(?=[" + "".join(sorted(SINGLE | {c[0] for c in COMPOUND + JAPANESE})) + "])(?:" + "|".join(JAPANESE + COMPOUND)
    + "|[" + "".join(sorted(SINGLE)) + "])"
)
# Masked names (彭某某), by far the commonest hit in real decisions, never reach Python code.
_GIVEN_AHEAD = "(?![" + re.escape("".join(sorted(_MASK))) + "])[\u3400-\u9fff](?![" + re.escape("".join(sorted(_MASK))) + "])"
_CANDIDATE_RE = re.compile(
    "(?:^|(?<=[" + re.escape("".join(sorted(_LEFT_OK))) + "]))(?=(" + _SURNAME_RE.pattern + ")" + _GIVEN_AHEAD + ")")
# A surname inside running text followed, within three characters, by what only follows a
# person: a description or a list (张三（男, 李四华等3人, 王五、赵六).
_TAIL_HINT_RE = re.compile(r"[、（(等之]|[，,][男女]")
_TAIL_RE = re.compile("(?=(" + _SURNAME_RE.pattern + ")" + _GIVEN_AHEAD + r"[^\W\d_]{0,2}?(?:、|[（(]|等|之[妻夫女子父母]|[，,]\s*[男女]))")
_MINORITY_RE = re.compile(
    "(?=[" + "".join(sorted({p[0] for p in MINORITY_PARTS})) + "])"
    "(?:" + "|".join(sorted(MINORITY_PARTS, key=len, reverse=True)) + "){1,4}(?:江|汗)?")
_DOT_RE = re.compile("[" + re.escape(DOTS) + "]")
# Round 5: an ASCII full stop between two Han characters is a hurried clerk's middle dot too
# (努尔兰.别克波拉提); Chinese text never ends a sentence with it between two Han characters.
_NAME_DOTS = DOTS + "."
_DOT_SCAN_RE = re.compile("[" + re.escape(_NAME_DOTS) + "]")
_ORG_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, ORG_SUFFIXES), key=len, reverse=True)) + ")")
_TABLE_HEAD = re.compile(r"姓名|名称|当事人|相对人|负责人|经营者|申请人|被处罚人|户主|业主|车主|店主|[人者员]\s*\|")
# A column of people: its header is a name's label or a person's noun (户主, 受送达人, 驾驶员, Name).
_PERSON_HEAD = re.compile(r"姓名|名字|当事人|相对人|负责人|经营者|申请人|被处罚人|户主|业主|车主|店主|船主|房主|代表人"
                          r"|[人者员]$|^name$|名称$", re.IGNORECASE)
_LIST_JOIN = set("、和与及")
# Words that read as a surname and a given name, stand where names stand (after a role, at a
# clause start) and take a person's predicates, and are never names: parties (双方均未, 对方称),
# and the nouns and adverbs of a party's description (当事人|单位未, 负责人|安全意识, 法人|单位).
# Goods that read as names and are listed where names are (该药店销售的黄芪、党参、柴胡均无批准文号):
# Chinese medicinal herbs (jieba tags 柴胡, 麦冬, 丁香 as person names) and foods. A candidate in
# a list (、) with one of these, or a list ending in 等 and a word for goods, is no name.
_GOODS = frozenset((
    "黄芪", "党参", "柴胡", "甘草", "麦冬", "田七", "白术", "杜仲", "常山", "白芷", "丁香", "金银花", "连翘",
    "薄荷", "当归", "何首乌", "黄连", "黄芩", "黄柏", "黄精", "白芍", "赤芍", "丹参", "苦参", "人参", "沙参",
    "玄参", "贝母", "川贝", "浙贝", "桔梗", "陈皮", "杏仁", "桃仁", "红花", "牛膝", "牛黄", "麝香", "冰片",
    "龙骨", "牡蛎", "石斛", "石膏", "花椒", "茯苓", "山药", "枸杞", "菊花", "金钱草", "车前草", "蒲公英",
    "甘松", "柏子仁", "钩藤", "秦艽", "羌活", "独活", "防风", "荆芥", "葛根", "升麻", "郁金", "姜黄", "莪术",
    "乌药", "乌梅", "木香", "沉香", "檀香", "藿香", "佩兰", "厚朴", "苍术", "细辛", "辛夷", "紫苏", "白及",
    "白果", "百合", "百部", "半夏", "夏枯草", "益母草", "鱼腥草", "马齿苋", "龙胆", "龙眼", "桂枝", "肉桂",
    "桂圆", "芦荟", "芦根", "竹叶", "石决明", "决明子", "杜衡", "雷丸", "蒲黄", "海马", "海龙", "海藻",
    "昆布", "金樱子", "吴茱萸", "山茱萸", "牛蒡", "马勃", "钟乳石", "朱砂", "雄黄", "明矾", "滑石",
    "龙井", "毛尖", "白茶", "红茶", "花茶", "普洱", "铁观音", "毛峰", "黄酱", "白糖", "冰糖", "红糖",
))
# A list right after one of these is a list of goods, not of people (雇佣的范强、东方晓燕 is people).
_GOODS_VERB = re.compile("(?:销售|出售|售卖|购进|购买|进货|采购|抽检|检测|送检|使用|生产|加工|经营|查获|扣押|"
                         "种植|养殖|储存|存放|陈列|批发|零售|运输|收购)的(?:[\u4e00-\u9fff]{0,2}[：:])?$")
_GOODS_WORD = "(?:中药材|药材|中药|饮片|商品|产品|食品|菜品|原料|物品|货物|茶叶|调料|香料|物资|药品)"
_GOODS_TAIL = re.compile("等" + _GOODS_WORD + "|均(?:系|为|属|是)" + _GOODS_WORD
                         + "|等[\u4e00-\u9fff]{0,3}(?:制品|用品|物品|产品|材料|器具|器材|药剂|饮料|食品)"
                         + r"|共计?\s*\d+(?:\.\d+)?\s*(?:千克|公斤|克|斤|吨|箱|袋|盒|瓶|包|件)")
_COLLECTIVE = frozenset((
    "双方", "对方", "各方", "多方", "三方", "全体", "全员", "全家", "众人", "有关方", "单位", "方面",
    "管理", "许可", "信息", "安全", "卫生", "文化", "全部", "包括", "应当", "应该", "明知", "明确",
    "和解", "常住", "于是", "同时", "经营", "费用", "金额", "余额", "余款", "货款", "时间",
    "时段", "平时", "平日", "全年", "全月", "全天", "车辆", "车间", "店面", "门面", "门店", "门头",
))
_NAMING_RE = re.compile(r"(?:名叫|叫做|名为|化名|曾用名|别名|又名|绰号|署名|真名|本名)[：:为是]?\s*$")

NONE, WEAK, STRONG, CELL = 0, 1, 2, 3  # CELL: a table cell, a name when it is the whole cell
_ROLE_WORDS = frozenset(ROLES)
# A role where a given name would start: 向|当事人, 对|负责人 are no names.
_ROLE_AT = re.compile("(?:" + "|".join(sorted((re.escape(r) for r in ROLES if len(r) > 1), key=len, reverse=True)) + ")")
# Right-side evidence, weakest first: nothing, a list joint (、), a boundary (punctuation, the
# end), what anything may do (在, 销售), what only a person does (陈述, 签字), a description.
# R_VERB: any verb of jieba's dictionary, or 的 (尹丽的店内): evidence for a string that is no
# dictionary word and whose characters are used in given names.
R_NONE, R_LIST, R_VERB, R_BOUNDARY, R_PRED, R_PERSON, R_STRONG = 0, 1, 2, 3, 4, 5, 6
# How often (givenchars.py) each given character must be used in names when the evidence is
# only a predicate any subject takes (钱款|已退还: 款 is used 230 times in 32 million), and when
# it is only a verb or jieba's tagger (双随机|抽查: 随 1,025 times).
_USES_PRED, _USES_WEAK = 300, 2000
# ... and when the candidate is a common word in a role's slot (当事人信息|均已: 息 364 uses;
# 承租人宁静|未经, 转租给温暖|用于: 静 150,046, 暖 1,025).
_USES_NAME = 1000
# ... and when that common word is followed only by a predicate any subject takes or the sentence's
# end (当事人陈述|为证: 述 3,972 uses; 联系方式。: 式 1,152; 申请人许可|提交: 可 20,900)
_USES_COMMON = 5000
# ... to read a three-character string whose head is a common word as a name (严明|辉: 辉 is used
# 313,000 times; 高度|重 is no name, 重 is used 3,000 times, and 重视 is a word anyway)
_USES_HEAD = 20000
# Verbs of an administrative act whose object is the person acted on (关于吊销郝建业食品经营许可证的
# 决定, 关于注销韦国强道路运输从业资格证的公告): a name's shape after one is no brand before goods.
_ACT_RE = re.compile("(?:吊销|注销|撤销|撤回|拆除|没收|查封|扣押|处罚|表彰|奖励|通报|约谈|传唤|关于对|对)$")
# The close of a list of evidence (…及当事人陈述为证, 以…为准): no predicate of what precedes.
_EVIDENCE_END = re.compile("(?:为|作为)(?:证|凭|准|依据)")
# A courtesy or a kinship title after a bare surname (李先生, 孙女士, 王师傅, 张老板, 刘总): the
# decision names no one by it, so it is not reported (issue 20: decided, documented here).
# (round 5: 总 before anything, 王总出差了, 赵总表示: 总 is used 2,699 times in given names, a courtesy far more)
_HONORIFIC_RE = re.compile("先生|女士|小姐|师傅|老师|同志|老板|总经理|经理|阿姨|大爷|大妈|大姐|大哥|老汉|医生|警官|律师|总")
_PREP_CHARS = set("向对由和与及给被把将同跟替经")
# Time words after 于: 当事人于当日 is no 于当.
_TIME_AFTER_YU = re.compile(r"于(?:当|同|次|今|去|前|近|本|上|下|[一二三四五六七八九十]+[月日年]"
                            r"|黎明|凌晨|清晨|傍晚|深夜|午夜|夜间|中午|晚间|早晨|[\u4e00-\u9fff]{2,3}(?:时分|时许|前后|期间|之际|前夕)"
                            r"|[\u4e00-\u9fff]{1,3}节(?:期间|前|后|当|假|日|[，,。；;]))")  # 于国庆节期间, 于中秋节前后


@lru_cache(maxsize=1)
def _dictionary():  # type: ignore[no-untyped-def]
    """jieba's word frequencies, loaded on first use (about half a second), never at import."""
    import logging
    import warnings

    with warnings.catch_warnings():  # jieba 0.42.1's regexes have invalid escapes (harmless)
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", SyntaxWarning)
        import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt.FREQ


@lru_cache(maxsize=1)
def _tagger():  # type: ignore[no-untyped-def]
    """jieba's part-of-speech tagger, loaded only when a tag is asked for (most texts never
    need one: another second saved on a validation that finds nothing to confirm)."""
    import warnings

    _dictionary()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", SyntaxWarning)
        import jieba.posseg
    return jieba.posseg.dt


def _jieba():  # type: ignore[no-untyped-def]
    """All three, for scripts/eval_names.py (load before timing)."""
    return _dictionary(), _tagger(), _words()


@lru_cache(maxsize=1)
def _words() -> lexicon.Lexicon | _JiebaWords:
    """jieba's word frequencies and tags, as the cues ask them: from lexicon.py's cache (~35 ms)
    instead of jieba (~0.7 s to import and load). When jieba is already loaded in this process
    (a site may have added words to it), or the cache cannot be had, jieba's own tables answer."""
    found = None if "jieba" in sys.modules else lexicon.load(min(_COMMON, _WORD))
    if found is not None:
        return found
    return _JiebaWords()


class _JiebaWords:
    """The same questions asked of jieba's loaded tables (the tagger only when a tag is asked)."""

    def freq(self, word: str) -> int:
        f: int = _dictionary().get(word) or 0
        return f

    def tag(self, word: str) -> str:
        t: str = _tagger().word_tag_tab.get(word, "")
        return t


# The detector asks the same few thousand short words again and again (~55 times a record): the
# answers are the lexicon's, fixed once _words() has chosen it, so a C-level cache answers the
# repeats without a Python call (5-8% of the detector's time on synthetic decisions' text).
@lru_cache(maxsize=1 << 16)
def _freq(word: str) -> int:
    """jieba's frequency of a word; a word longer than two characters is known from _WORD up
    (the lexicon keeps no rarer long word), so callers compare with _WORD or more."""
    return _words().freq(word) if len(word) > 1 else 0


@lru_cache(maxsize=1 << 16)
def _cfreq(word: str) -> int:
    """jieba's frequency of a word of any length, single characters too (_freq answers 0 for
    them, as the rules want): the CRF's segmentation (namecrf.words) weighs a character standing
    alone against the words it could join, as jieba does."""
    return _words().freq(word)


@lru_cache(maxsize=1 << 16)
def _tag(word: str) -> str:
    """jieba's dictionary tag of a word ('' when it is not in the dictionary); a word longer than
    two characters has one only from _WORD up, as in the lexicon."""
    if len(word) > 2 and _freq(word) < _WORD:
        return ""
    return _words().tag(word)


def jieba_tagger(clause: str) -> list[Span]:
    """Spans of the words jieba's part-of-speech tagger reads as person names (nr, nrfg, nrt)."""
    tagger = _tagger()
    out: list[Span] = []
    pos = 0
    for pair in tagger.cut(clause):
        word, flag = pair.word, pair.flag
        if flag.startswith("nr"):
            out.append((pos, pos + len(word)))
        pos += len(word)
    return out


def _han(ch: str) -> bool:
    return _HAN_LO <= ch <= _HAN_HI


def blank(text: str, public: Iterable[str] = ()) -> str:
    """`text` with what cannot hold a name to find blanked out, every offset kept: titles in
    《》, short quoted strings (brands, shop names: “周大福”), and the given public strings."""
    def fill(m: re.Match[str]) -> str:
        return m.group()[0] + _FILL * (len(m.group()) - 2) + m.group()[-1]
    if "《" in text:
        text = _TITLE.sub(fill, text)
    if _QUOTE_HINT.search(text):
        original = text

        def quote(m: re.Match[str]) -> str:
            if _LATIN_QUOTE.fullmatch(m.group(1)):
                return m.group()  # “Li Xiaoming”: the romanised-name reader judges it (round 4)
            named = _named_quote(original, m.start()) and not _brand_after(original, m.end())
            return m.group() if (named or _QUOTE_ACT.match(original, m.end())
                                 or _QUOTE_PHRASE.search(m.group(1))) else fill(m)
        text = _QUOTE.sub(quote, text)
    for p in public:
        p = p.strip()
        if len(p) >= 2 and p in text:
            text = text.replace(p, _FILL * len(p))
    return text


# Before a quote, what makes the quoted string a person's name rather than a brand (round 3):
# 被许可人“黄海明”, 当事人姓名“罗家辉”误录为“罗家晖”.
_NAMED_QUOTE = re.compile(r"(?:姓名|名字|署名|签名|误录为|误写为|误登为|更正为|应为|改为|变更为)[：:为是]?\s*$")


# ... or, after it, what only a person does (round 5: “俞家和”签字的进货单, 据「付俊杰」本人陈述): a
# brand or a shop's name signs and testifies nothing. Narrower than PERSON_PREDICATES, whose
# 处购, 名下 or 的证明 follow a quoted shop as readily (从“老李商行”处购进).
_QUOTE_ACT = re.compile(r"\s*(?:签字|签名|签收|签署|本人|供述|供认|陈述|证实|承认|声称|辩称|自称|自述|按手印|捺印|"
                        r"[（(]\s*[男女])")


# ... or, inside it, a phrase that names someone rather than a brand's few characters (round 8,
# heldout8's endorsements: “非遗传人魏振华推荐”, “主治医师陆文斌坐诊”): a person's title noun right
# before a surname, or a person's act of endorsing that ends a quote of six characters or more.
# The quote is then read as text, with every rule and exception; a brand (“王老吉”) stays blanked.
_QUOTE_PHRASE = re.compile(
    "(?:传人|传承人|模范|大师|教授|专家|学家|医师|医生|院士|老师|师傅|主任|博士|名厨|厨师|艺人|工匠|代表人|"
    "经理|店长|掌门人?|创始人|研究员|工程师)(?=[" + "".join(sorted(SINGLE)) + "])"
    "|^[^\x00]{4,}(?:推荐|力荐|代言|监制|亲制|亲授|坐诊|主理|题写|题字|手书|签名|担保|认证|出品)$")


# ... but a nickname's label makes it no name (微信名叫“平安喜乐”, 网名为“阳光明媚”, 昵称“快乐星球”).
_NICKNAME = re.compile(r"(?:微信|网|昵称|账号|帐号|用户|店铺|群|抖音|快手|直播间|QQ|qq)(?:名|昵称|名称)?(?:叫做|叫|为|是)?[：:]?\s*$")


def _brand_after(text: str, end: int) -> bool:
    """What follows a quote is the rest of a business's name (当事人：“杜康”白酒某经销部, “阿香米线”某
    加盟店: round 8, tune11m): a run of Han characters without 的 or a verb of running a business,
    ending in an organisation's suffix. The role before the quote is the business's, and the
    quoted string its brand."""
    k = end
    while k < min(len(text), end + 12) and _han(text[k]) and text[k] != "的" and not (
            text.startswith("经营", k) and not text.startswith("经营部", k)):
        k += 1
        if _ORG_RE.fullmatch(text, k - 1, k) and (k >= len(text) or not _han(text[k])):
            return True
    return False


def _named_quote(text: str, q: int) -> bool:
    """The quote opening at q follows a role or a naming word, so it holds a name."""
    lo = max(0, q - 14)
    if _NICKNAME.search(text, lo, q):
        return False
    return bool(_NAMED_QUOTE.search(text, lo, q) or _ROLE_RE.search(text, lo, q))




def _left(text: str, i: int) -> int:
    """How strongly the slot before position i holds a name: a role, label or verb that takes a
    person (STRONG), a clause start or a preposition (WEAK), or neither (NONE: inside a word)."""
    if i == 0:
        return WEAK
    prev = text[i - 1]
    lo = max(0, i - 14)
    if prev in "“「『‘\"" and i >= 2 and _named_quote(text, i - 1):
        return STRONG  # 被许可人“黄海明”: a quoted name after a role or a naming word
    if prev in "了为是系即" and _freq(text[i - 1:i + 1]) >= _COMMON:
        return NONE  # 询问了解, 店主了解: a particle or a copula that starts a word is neither
    if prev in _ROLE_LAST:
        r = _ROLE_RE.search(text, lo, i)
        # 林业|主管部门: no 业主 when the role's first character ends a word before it and its last
        # starts one after it (主管); 另一员工眭颖, 一名叫钟银娣, 与其妻荆艳 keep their role
        if r and not (r.start() > 0 and _freq(text[r.start() - 1:r.start() + 1]) >= _COMMON
                      and _freq(text[i - 1:i + 1]) >= _WORD) and not (
                r.end() == i and any(_freq(text[r.start():i + n]) >= _WORD for n in (1, 2))):
            return STRONG  # (法人单位, 家长会: the role and what follows are one word)
    if (prev in PERSON_SUFFIX or prev in _TRADE_SUFFIX and _tag(text[i - 2:i])[:1] != "v") and i >= 2 and _han(text[i - 2]) \
            and _freq(text[i - 1:i + 1]) < _COMMON and not any(_freq(text[i - k:i + 2]) >= _WORD for k in (2, 3)):
        # (加工|过程中, 施工: verbs, no trades; 消费者权益: the noun and what follows are one word, round 5)
        return STRONG  # 保洁员, 经营户, 被告知人, 美甲师, 维修工: a person's noun
    if prev in "：:为是系" and i >= 3 and text[i - 2] in PERSON_SUFFIX and _han(text[i - 3]) and \
            _freq(text[i - 1:i + 1]) < _COMMON:
        return STRONG  # 审核人：, 代收人：, 相对人：: a person's noun as a label; 实际使用人为|涂俊 (round 5)
    if _freq(text[i - 1:i + 1]) >= _COMMON:
        if prev in _PREP_CHARS and i >= 2 and _given_ok(text, i + 1, 2) and _name_like(text[i + 1:i + 3]) and \
                _freq(text[i:i + 3]) < _WORD and _right(text, i + 3)[0] >= R_PRED:
            return WEAK  # 对付瑶晨予以警告: a preposition, and a name that makes a word with it
        if prev in _PREP_CHARS and _name_like(text[i + 1:i + 2] or "的") and _freq(text[i:i + 2]) < _COMMON and \
                _right(text, i + 2)[0] >= R_PERSON:
            return WEAK  # 经文静本人签字: the same with a two-character name and a person's predicate
        return NONE  # 经查|明: the slot ends inside a word that runs on
    if prev in CLAUSE_START:
        if prev == "|" or (prev in " \u3000" and "|" in text[lo:i]):
            return _table(text, i)
        return WEAK
    if _PREP_RE.search(text, lo, i):
        # 依法向文明送达: the preposition must itself stand at a word boundary, not end a word
        # (方向, 相对): the word the preposition ends is then no common word.
        p = _PREP_RE.search(text, lo, i)
        assert p is not None
        a = p.start()
        if a > 0 and i - a == 1 and _freq(text[a - 1:i]) >= 500 and text[a] != "是":
            return NONE  # 方向, 相对: no preposition (不是, 就是 end in the copula: 你是不是方圆本人, round 6)
        return WEAK
    return NONE


@lru_cache(maxsize=64)
def _first_head_end(text: str, start: int) -> int:
    """Where the first header word of the table starting at `start` ends (-1: none). Found once
    per table, not once per cell: a table on one long line made every cell search from its
    start (quadratic in the text)."""
    m = _TABLE_HEAD.search(text, start)
    return m.end() if m else -1


_PERSON_ROW = re.compile(r"\|\s*(?:[男女]|[0-9]{2,}[*＊×]{3,}[0-9]{1,}[0-9Xx]?)\s*\|")


def _table(text: str, i: int) -> int:
    """A table cell: STRONG when the table's header names people (姓名, 当事人 …)."""
    start = text.rfind("\n", 0, i) + 1
    while start > 0:  # up to the table's first row, its header
        above = text.rfind("\n", 0, start - 1) + 1
        if not text[above:start].lstrip().startswith("|"):
            break
        start = above
    if not 0 <= _first_head_end(text, start) <= i:
        # round 6: a row without a header that holds a person's data (a masked ID or phone, a sex:
        # | 2 | 万里 | 4101**********2217 |) is a person's row
        row = text.rfind("\n", 0, i) + 1
        eol = text.find("\n", i)
        return CELL if _PERSON_ROW.search(text, row, eol if eol >= 0 else len(text)) else WEAK
    # the header's cell above this one, when the table has rows on lines of their own (round 3:
    # a column of 户主 or 当事人 holds names that are words, 江山, 高峰; a column of 品名 does not)
    row = text.rfind("\n", 0, i) + 1
    if row > start:
        col = text.count("|", row, i)
        head = text[start:text.find("\n", start) if "\n" in text[start:i] else i].split("|")
        if 0 < col < len(head):
            cell = head[col].strip(" \u3000*")
            return CELL if _PERSON_HEAD.search(cell) else WEAK
    elif row == start and text.count("\n", start, i) == 0:
        # round 6: a cell of the header row itself is a column's name (| 证据名称 | 来源 |): a common
        # word there is a header, unless the cell before it labels a person (| 姓名 | 高峰 |)
        end = text.find("|", i)
        cell = text[i:end if end >= 0 else len(text)].strip(" \u3000*")
        before = text[start:i].rstrip(" \u3000*").rstrip("|").split("|")[-1].strip(" \u3000*").removesuffix("名称")
        if _freq(cell) >= _COMMON and not _tag(cell).startswith("nr") and not _PERSON_HEAD.search(before):
            return WEAK
    return CELL


def _right(text: str, end: int) -> tuple[int, int]:
    """What follows a candidate ending at `end`: (evidence level, length of what matched)."""
    if end >= len(text):
        return R_BOUNDARY, 0
    m = STRONG_RIGHT.match(text, end)
    if m:
        return R_STRONG, m.end() - end
    m = PERSON_PREDICATE_RE.match(text, end)
    if m and not (len(m.group()) == 1 and _freq(text[end:end + 2]) >= _COMMON
                  and not PERSON_PREDICATE_RE.fullmatch(text[end:end + 2])):
        return R_PERSON, m.end() - end  # (荣誉|称号: 称 starts a word here)
    ch = text[end]
    if ch in _LIST_JOIN and end + 1 < len(text) and (_SURNAME_RE.match(text, end + 1) or _MINORITY_RE.match(text, end + 1)):
        return R_LIST, 1
    if text[end] in _ADVERBS and end + 1 < len(text):
        r = _right(text, end + 1)  # 任嘉|均证实: an adverb between a name and its predicate
        if r[0] >= R_PRED:
            return r[0], r[1] + 1
    m = PREDICATE_RE.match(text, end)
    if m and not _EVIDENCE_END.match(text, end):
        return R_PRED, m.end() - end
    if ch in CLAUSE_START or ch == _FILL or not _han(ch):
        return R_BOUNDARY, 0
    if ch == "的" or (_freq(text[end:end + 2]) >= _WORD and _tag(text[end:end + 2]).startswith("v")):
        return R_VERB, 2 if ch != "的" else 1  # 向马建国|宣读, 尹丽|的店内
    return R_NONE, 0


def _person_follows(text: str, k: int) -> bool:
    return bool(STRONG_RIGHT.match(text, k) or PERSON_PREDICATE_RE.match(text, k))


_SUO_VERB = re.compile("所(?:经营|售|卖|销售|出售|生产|加工|开|开办|开设|有|持|述|称|说|在|作|做|得|收|购|租|承包|驾驶|驾|雇|用|使用)")


def _suo_particle(text: str, k: int) -> bool:
    """Round 9: 所 at `k` is the particle when a single verb ends the clause after it (承租人谭志勇
    所建。, 系马建军所写): the verb by jieba's tag, not a list (round 5 listed 所经营, 所售 …)."""
    if not text.startswith("所", k) or k + 2 > len(text):
        return False
    v = text[k + 1]
    after = text[k + 2] if k + 2 < len(text) else "。"
    return _words().tag(v)[:1] == "v" and (after in CLAUSE_START or after in "的，。；、" or not _han(after))


def _business_or_place(text: str, start: int, end: int, reach: int = 10) -> bool:
    """A business or place name runs on from the candidate: an organisation or place suffix
    within a few characters, before any word boundary (李四华水果店, 周大福珠宝专柜, 李集镇)."""
    if text.startswith("家庭农场", end):
        return False
    if text[end - 1] in _PLACE_END:
        return True
    k = end
    hi = min(len(text), end + reach)
    while k < hi:
        ch = text[k]
        if not _han(ch) or ch in CLAUSE_START:
            return False
        m = _ORG_RE.match(text, k)
        if m and k == end and (_SUO_VERB.match(text, k) or _suo_particle(text, k)):
            return False  # 巫春生|所经营的, 祁有福|所售: the particle 所 before a verb, no 研究所 (round 5)
        if m and len(m.group()) == 1 and k == end and _freq(text[k:k + 2]) >= _COMMON * 10 and not _ORG_RE.match(text, k + 2) \
                and _ACT_RE.search(text, max(0, start - 4), start):
            return False  # 注销韦国强|道路运输从业资格证: after an act done to a person, a frequent word (道路)
        if m:
            if len(m.group()) == 1 and k == end + 1 and _words().tag(text[end])[:1] == "v" and _freq(text[end:k + 1]) < _COMMON:
                k += 1  # 范豪强|看店: a one-character verb's object
                continue
            if len(m.group()) == 1 and k > end + 2 and text[end] != "的" and _right(text, end)[0] == R_VERB:
                k += 1  # 郦晓东|帮忙看店: a one-character suffix after a verb and its object is the
                continue  # object's (张三|烧烤店, 米娜|服装店: a verb right before it names the shop)
            if len(m.group()) == 1 and k > end:
                # a one-character suffix that ends a verb or an adverb is no suffix (进行, 当场)
                t = _tag(text[k - 1:k + 1])
                if t[:1] not in ("", "n") or _freq(text[k - 1:k + 1]) >= 2000:
                    k += 1
                    continue
            return True
        if k == end and _right(text, k)[0] >= R_PRED:  # 阚思远|反映黄河路…
            return False
        if ch in _STOP:
            return False  # 尹丽|的店内: the name ended
        k += 1
    return False


def _name_like(given: str) -> bool:
    """Every character is used in given names at least _USES_HEAD times (givenchars.py); True
    without the table (fail closed: the reading as a name stands)."""
    for ch in given:
        n = givenchars.uses(ch)
        if n is not None and n < _USES_HEAD:
            return False
    return True


def _masked_after(text: str, end: int) -> bool:
    return end < len(text) and text[end] in _MASK


def _in_amount(text: str, g: int, k: int) -> bool:
    """The 元 or 万 at k (a given character from g) is a money unit: a numeral before it, or 元
    and 整 after (伍万元, 5万元, 叁仟元整)."""
    return text[k - 1] in _NUMERAL or (g >= 2 and text[g - 2] in _NUMERAL) or text[k + 1:k + 2] in ("元", "整")


def _given_ok(text: str, g: int, n: int) -> bool:
    """n given-name characters start at g: Han, not a mask, not a function word or numeral."""
    if g + n > len(text):
        return False
    for k in range(g, g + n):
        ch = text[k]
        if not _han(ch) or ch in _MASK or (ch in _NOT_GIVEN and not (n == 2 and k == g and ch in _SOFT_GIVEN)):
            return False
        if ch in _MONEY_GIVEN and _in_amount(text, g, k):
            return False
    if n == 2 and text[g] in _SOFT_GIVEN:
        u = givenchars.uses(text[g + 1])  # 钱和|物: the second character must be a name's too
        return u is None or u >= _USES_WEAK
    return True


class _Cand:
    """A candidate span with its evidence: left slot, right side, and what jieba's dictionary
    says of the string (a common word; a dictionary word that is not a name)."""

    __slots__ = ("start", "end", "left", "right", "reach", "common", "functional", "word", "given")

    def __init__(self, start: int, end: int, left: int, right: tuple[int, int],
                 common: bool = False, functional: bool = False, word: bool = False, given: int = -1) -> None:
        self.start, self.end, self.left = start, end, left
        self.right, self.reach = right
        self.common, self.functional, self.word = common, functional, word
        self.given = given  # where the given name starts (-1: no surname reading)


# Round 6: 于 before an event's noun and a time word is the preposition (于案发当晚, 于事发前,
# 于检查时): the noun's characters are seldom a name's (案: 56 uses; 于海洋当日 is a name).
_YU_EVENT = re.compile(r"于([\u4e00-\u9fff]{2})(?:当[日天晚时夜]|[前后时]|之[时日前后际]|次日)")
# 应 before a word that is an adverb, an adjective or a verb is the modal (申请人应准时到场,
# 当事人应如实提供), not the surname 应.
_MODAL = frozenset("应")
_KNOW_RE = re.compile("(?<=知道)(?=(" + _SURNAME_RE.pattern + ")" + _GIVEN_AHEAD + ")")
_HIRED_RE = re.compile(r"(?:雇佣|雇用|聘请|聘用|招用|招录)了?[^，。；,;：:\n“”《》]{0,14}的$")
_MEASURE = frozenset("批个天家些种位名次件辆台箱袋条张只把间处样段年")


def _joined_to_verb(text: str, i: int, end: int) -> bool:
    """签字或|盖章, 签名和|盖章: a dictionary word joined by 或/和/及/与 to a verb is a verb
    too, whatever jieba's dictionary tags it (盖章: nr)."""
    return i >= 3 and text[i - 1] in "或和及与" and _freq(text[i:end]) >= _WORD and _tag(text[i - 3:i - 1])[:1] == "v"


def _yu_time(text: str, i: int) -> bool:
    if _TIME_AFTER_YU.match(text, i):
        return True
    m = _YU_EVENT.match(text, i)
    return m is not None and _freq(m.group(1)) >= _WORD and not _plausible_chars(m.group(1), _USES_NAME)


def _modal(text: str, g: int) -> bool:
    word = text[g:g + 2]
    return _freq(word) >= _WORD and _tag(word)[:1] in ("d", "a", "v") and not _tag(word).startswith("nr") and \
        not STRONG_RIGHT.match(text, g + 2)


def _han_candidate(text: str, i: int, surname: str, left: int) -> _Cand | None:
    """The best reading of a name with this surname at i: one or two given characters, chosen by
    what follows each (张三|于, 李四华|称, 廖平|均不在岗, 钟声|作为 rather than 钟声作|为)."""
    g = i + len(surname)
    if surname == "那" and text[g:g + 1] in _MEASURE:
        return None  # 那批酒, 那名男子: the demonstrative and a measure word (round 6)
    if _masked_after(text, g) or (surname == "于" and _yu_time(text, i)) or _HONORIFIC_RE.match(text, g) or (
            surname in _MODAL and _modal(text, g)):
        return None  # 李先生, 孙女士, 王师傅: a surname and a courtesy is no full name (it names nobody)
    r = _ROLE_AT.match(text, i)
    if r and r.end() > g and _SURNAME_RE.match(text, r.end()):
        return None  # 车主|张女士, 联系车主|孙伟斌: a role, then a surname (round 4; 我哥孙子|敏 is a name)
    for k in range(g + 1, min(len(text), g + 4)):
        if text[k - 1] in PERSON_SUFFIX and _MASKED_RE.match(text, k):
            return None  # 植保员|冉某某, 送货员|邓某: a person's noun before a masked name
    best: _Cand | None = None
    # 廖平|均不在岗: a two-character given name that is a common word (平均) yields to the short
    # reading when a predicate follows that
    short_first = (_given_ok(text, g, 2) and _freq(text[g:g + 2]) >= _COMMON and not _tag(text[g:g + 2]).startswith("nr")
                   and _given_ok(text, g, 1) and _right(text, g + 1)[0] >= R_PRED)
    for n in (2, 1):
        if not _given_ok(text, g, n):
            continue
        end = g + n
        if _masked_after(text, end) or n == 1 and text[g] in "户者员":
            continue  # (牧户, 农户: a person's noun, no given name)
        right = _right(text, end)
        word = text[i:end]
        f = _freq(word)
        head = _freq(text[i:i + 2]) if n == 2 and len(surname) == 1 else 0
        nr = _tag(word).startswith("nr")
        # 严明辉, 白云飞: a common word's head (严明) with a third character used in names is a name's
        # shape, not a word's
        # (a three-character word that jieba tags as a name is a known person's name: 韦小宝, 蔡文静;
        # not when its head is a common word: jieba tags 银行卡 nr too)
        known = nr and len(word) >= 3 and head < _COMMON
        common = (f >= _COMMON and not known) or (head >= _COMMON and not nr and not _name_like(text[g:end]))
        tag = _tag(word) if f >= _WORD else (_tag(text[i:i + 2]) if head >= _WORD and not _name_like(text[g:end]) else "")
        functional = bool(tag) and tag in _FUNCTION_TAGS
        # jieba's dictionary tags 许可 and 陈述 nr too
        # (门店|内: a dictionary noun's head and given characters names seldom use is a word too)
        dictionary = (f >= _WORD and not known) or (head >= _COMMON and not _name_like(text[g:end])) or (
            head >= _WORD and not _tag(text[i:i + 2]).startswith("nr") and not _name_like(text[g:end])) or (
            len(word) == 2 and 0 < f and (_tag(word)[:1] == "v" or _tag(word)[:1] in ("a", "d") and not _name_like(text[g:end])))
        # (对占道|经营: a dictionary verb, however rare)
        if n == 2 and short_first:
            continue
        if n == 2 and _given_ok(text, g, 1) and PERSON_PREDICATE_RE.match(text, g + 1) and right[0] < R_STRONG:
            continue  # 廖辉|均不在岗: the second given character starts a person's predicate
        if n == 2 and right[0] < R_PERSON and right[1] == 1 and _freq(text[end - 1:end + 1]) >= _WORD and \
                _tag(text[end - 1:end + 1])[:1] == "v" and _right(text, end - 1)[0] >= R_VERB and \
                _freq(text[g:end]) < _freq(text[end - 1:end + 1]):
            continue  # 夏侯文|核对: the last given character starts a verb (round 4)
        if right[0] < R_STRONG and _freq(text[end - 1:end + 1]) >= _COMMON and not (n == 1 and short_first) and not (
                right[0] >= R_PRED and right[1] >= 2 and (right[0] >= R_PERSON or _freq(text[end:end + right[1]]) >= _COMMON)) and not (
                n == 2 and left == STRONG and right[0] >= R_PRED and _freq(text[g:end]) > _freq(text[end - 1:end + 1])
                and _plausible_chars(text[g:end], _USES_NAME)):
            # (其妻佘建设|在: after a role, a given name that is a word (建设, 前进: names of an era)
            # wins over the word across its end, 设在, when its frequency is higher)
            # 向执法|人员, 字号名|称, 钟声作|为: the last given character starts a word; but not
            # when a two-character predicate follows that (戚世杰|出具, 诸葛明远|销售)
            continue
        if word in _ROLE_WORDS or _ROLE_AT.match(text, g) or (text[g] == "家" and (n == 1 and right[0] < R_PERSON or text[end - 1] in _PLACE_CHARS
                                                        or right[0] < R_BOUNDARY)):
            continue  # 申请人：; 苗家|酸汤鱼, 王家|坝, 陈家沟: a role, a family's shop or place
        c = _Cand(i, end, left, right, common, functional, dictionary, g)
        if best is not None and n == 1 and c.right >= R_PRED and _freq(text[g:g + 2]) >= _COMMON and not \
                _tag(text[g:g + 2]).startswith("nr"):
            best = c  # 廖平|均不在岗: the longer reading's given name is a common word
        elif best is None or (c.right, c.reach) > (best.right, best.reach):
            best = c
        elif (c.right, c.reach) == (best.right, best.reach) and n == 1:
            # a tie: the shorter reading when the longer one's given name is a common word (廖平均)
            # or ends in a function word (闵燕|系未成年人)
            if _freq(text[g:g + 2]) >= _COMMON and not _tag(text[g:g + 2]).startswith("nr") or text[g + 1] in _STOP:
                best = c
    if best is None:
        return None
    if best.right == R_NONE:
        # nothing telling after either reading: the reading that ends at a word boundary
        for n in (2, 1):
            end = g + n
            if _given_ok(text, g, n) and end <= len(text) and (
                    end == len(text) or text[end] in _STOP or _freq(text[end:end + 2]) >= _WORD) and \
                    _freq(text[end - 1:end + 1]) < _COMMON:
                best = _Cand(i, end, left, (R_NONE, 0), best.common, best.functional, best.word, g)
                break
    return best


def _dotted(text: str, out: list[_Cand]) -> set[int]:
    """Names written with a middle dot, read outward from the dot over the characters of
    transliterated names, stopping at a role, a common word or a function word. Returns the
    positions they cover."""
    covered: set[int] = set()
    for m in _DOT_SCAN_RE.finditer(text):
        d = m.start()
        if d in covered or d == 0 or d + 1 >= len(text) or not _han(text[d - 1]) or not _han(text[d + 1]):
            continue
        a = d
        while a > 0 and d - a < 8:
            ch = text[a - 1]
            if not _han(ch) or ch in _MASK or (ch in _STOP and ch not in TRANSLIT):
                break
            if _ROLE_RE.search(text, max(0, a - 14), a) and a < d:
                break
            if ch in "和与及、" and d - a >= 2:
                break  # 诸葛飞和|艾力•库尔班: a list joint before a part of two characters or more
            if ch in PERSON_SUFFIX | _TRADE_SUFFIX and ch not in TRANSLIT and a < d:
                break  # 放牧员|热合曼•阿不都拉, 护林员|吐尔洪•买买提: a role's noun ends before the name (round 5)
            pair = text[a - 2:a] if a >= 2 else ""
            if a < d and pair and (_freq(pair) >= _COMMON or _freq(pair) >= _WORD and not any(c in TRANSLIT for c in pair)) \
                    and not all(c in TRANSLIT for c in pair) or ch in "籍族":
                break  # (西班牙籍外教|玛丽亚·洛佩斯: a nationality or a word ends the name, round 4)
            a -= 1
        b = d + 1
        # further dots: 阿卜杜·热合曼·艾山 is one name
        while b < len(text) and b - d < 20:
            ch = text[b]
            if _DOT_SCAN_RE.match(ch) and b + 1 < len(text) and _han(text[b + 1]):
                b += 1
                continue
            if not _han(ch) or ch in _MASK or (ch in _STOP and ch not in TRANSLIT):
                break
            if ch in "和与及、" and b - d > 2:
                break  # 艾力·买买提|和阿卜杜拉·热西提: a list joint after a part of two characters or more (round 5)
            pair = text[b:b + 2]
            if b > d + 1 and _freq(pair) >= _COMMON and _predicate2(text, b + 1) and (
                    not PERSON_PREDICATE_RE.match(text, b) or ch in TRANSLIT) and ch not in _STOP_WORDS:
                b += 1  # 哈力克・沙吾提|供述, 吐尔洪·依明|确认: the name's last character starts a word
                break
            p = PERSON_PREDICATE_RE.match(text, b)
            if b > d + 1 and p and (len(p.group()) >= 2 or ch not in TRANSLIT):
                break  # 库尔班·吐拉克|供述
            if b > d + 1 and (PREDICATE_RE.match(text, b) and ch not in TRANSLIT or (
                    _freq(pair) >= _COMMON and not all(c in TRANSLIT for c in pair))):
                break
            b += 1
        if a >= d or b <= d + 1:
            continue
        span = text[a:b]
        if any(c in _MASK for c in span):
            continue
        covered.update(range(a, b))
        out.append(_Cand(a, b, STRONG, (R_STRONG, 0)))
    return covered


def _predicate2(text: str, k: int) -> bool:
    """A person's predicate, or a predicate of two characters or more, starts at k."""
    if PERSON_PREDICATE_RE.match(text, k):
        return True
    m = PREDICATE_RE.match(text, k)
    return m is not None and len(m.group()) >= 2


def detect(text: str, tagger: Tagger | None = None, public: Iterable[str] = ()) -> list[Span]:
    """`person_names` with a chosen model tagger (None: jieba)."""
    if not text:
        return []
    text = blank(text, public)
    cands: list[_Cand] = []
    covered = _dotted(text, cands) if _DOT_SCAN_RE.search(text) else set()
    # where a name can stand (after a cue, a clause start or a preposition), and, inside running
    # text, where a description or a list follows (共有李水生等14名, 雇佣的范强、东方晓燕)
    starts = {m.start(): m.group(1) for m in _CANDIDATE_RE.finditer(text)}
    tails = set()
    if _TAIL_HINT_RE.search(text):
        for m in _TAIL_RE.finditer(text):
            tails.add(m.start())
            starts.setdefault(m.start(), m.group(1))
    if "知道" in text:  # 你知道叶知秋现在在哪里吗: a person after 知道 (round 6), looked for only
        # where it stands, as 道 ends many words (道路) that make no slot
        for m in _KNOW_RE.finditer(text):
            starts.setdefault(m.start(), m.group(1))
    for i in sorted(starts):
        if i in covered:
            continue
        surname = starts[i]
        g = i + len(surname)
        if (text[g + 1:g + 2] in _ADMIN or text[g] in _ADMIN) and not (
                text[g + 1:g + 2] not in _ADMIN and STRONG_RIGHT.match(text, g + 2) and text[g + 2:g + 3] in "（(") and not (
                text[g + 1:g + 2] == "旗" and not _han(text[g + 2:g + 3] or "a") and _plausible_chars(text[g:g + 2], _USES_NAME)
                and _left(text, i) == STRONG):
            # 霍邱县, 周口市, 李集镇: a place whichever way it is read (黄镇杰（收银员）: a name;
            # round 6: 纳税人刘红旗（: an era's given name ending in 旗, after a role and whole)
            continue
        if i >= 2 and text[i - 1] in _MASK and _han(text[i - 2]):
            continue  # 王*华二人: the end of a masked name
        if surname in WORDLIKE and text[i - 1:i] not in _ROLE_LAST:
            continue  # 经查, 能否, 回收: a word-like surname only after a role here (a shape is read apart)
        left = _left(text, i)
        if left != STRONG and text[i - 2:i] == "知道":
            left = STRONG
        if left != STRONG and text[i - 1:i] == "的" and _HIRED_RE.search(text, max(0, i - 20), i):
            left = STRONG  # 雇佣无医师资格的康宁从事…: a hiring verb's object after its description (round 6)
        if left == NONE and i not in tails:
            continue
        if left not in (STRONG, CELL) and len(surname) == 1 and _freq(text[i:i + 2]) >= _COMMON and not _subject_nr(text, i) and (
                not ("、" in text[g + 1:g + 3] or _person_follows(text, g + 1) or _person_follows(text, g + 2)
                     or (left != NONE and _three(text, i, g))) or (left == NONE and not (
                    i in tails and (STRONG_RIGHT.match(text, g + 1) or STRONG_RIGHT.match(text, g + 2)
                                    or _listed_mask(text, g + 1) or _listed_mask(text, g + 2))))):
            continue  # 申辩, 符合, 安全: a common word, and nothing only a person does follows (为马力等人: one)
        if len(surname) == 1 and _function_char(surname) and left != STRONG and not _person_follows(text, g + 2) and \
                not _person_follows(text, g + 1) and \
                not _name_like(text[g:g + 2]) and _han(text[g + 1:g + 2] or "a") and not _name_like(text[g:g + 1]):
            continue  # 但|店内仍有: after a function word, a given name looks like one (店: 473 uses)
        if len(surname) == 1 and _function_char(surname) and _freq(text[g:g + 2]) >= _COMMON and not _tag(
                text[g:g + 2]).startswith("nr") and not STRONG_RIGHT.match(text, g + 2) and not _era_name(text, i, g, left) and (
                left != STRONG or _tag(text[g:g + 2])[:1] in ("m", "d", "c", "p", "r", "u", "f", "q")
                or not _name_like(text[g:g + 2])):
            # 但|双方, 但|无法, 当事人曾|多次: a conjunction or an adverb before a common word (after
            # a role, only before a function word or a word whose characters names seldom use:
            # 当事人向|社会, but 委托代理人于|海洋 is a name)
            continue
        c = _han_candidate(text, i, surname, left)
        if c is None and len(surname) == 2:  # 欧阳 may also be 欧 + 阳…
            c = _han_candidate(text, i, surname[0], left)
        if c is not None and surname in WORDLIKE and left != STRONG and (_freq(text[i:i + 2]) >= _COMMON or c.end - g < 2 or (
                c.right < R_PERSON and not (c.end - g == 2 and _name_like(text[g:c.end]) and _freq(text[g:c.end]) < _WORD))):
            continue  # 经比|对, 回收: a word-like surname needs a person's slot or a name's shape (经小军)
        listed_with_mask = c is not None and _listed_mask(text, c.end)
        if c is None or (left == NONE and ((c.word and (c.right != R_STRONG or c.functional) and not listed_with_mask)
                                           or (c.right != R_STRONG and text[c.end:c.end + 1] != "、"))):
            continue  # inside a word, unless a description or a listed name follows (共有李水生等14名)
        if left != STRONG and _joined_to_verb(text, i, c.end):
            continue  # 签名或盖章: a word joined to a verb is a verb, whatever jieba tags it (round 6)
        if not _business_or_place(text, c.start, c.end) and not _place_word_at(text, i):
            cands.append(c)  # (在连云港经营, 乌鲁木齐: a place of the dictionary)
    # 执法人员向钟霞出示: the preposition reading (钟霞) wins over the surname one (向钟霞) unless
    # the latter has better evidence after it (证人向明证实)
    by_start = {c.start: c for c in cands}
    for c in list(cands):
        nxt = by_start.get(c.start + 1)
        if text[c.start] in _PREP_CHARS and nxt is not None and nxt.start < c.end:
            # (訾桂芝、向利辉证实: after a list joint 向 is a surname, not a preposition)
            cands.remove(nxt if text[c.start - 1:c.start] == "、" or c.right > nxt.right else c)
    for a, b in _runs(text, covered):
        cands.append(_Cand(a, b, STRONG, (R_STRONG, 0)))
        covered.update(range(a, b))
    for m in _MINORITY_RE.finditer(text):
        a, b = m.span()
        if a in covered:
            continue
        if _masked_after(text, b):
            continue
        if b - a >= 4 and _freq(text[a:b]) < _WORD and not (a and _han(text[a - 1]) and _freq(text[a - 1:a + 1]) >= _WORD) \
                and not _business_or_place(text, a, b):
            # round 4: two parts (格桑曲珍, 白玛央金) are a name's shape wherever they stand
            # (导游格桑曲珍: a role no list names), like a surname and two given characters
            cands.append(_Cand(a, b, STRONG, (R_STRONG, 0)))
            continue
        left = _left(text, a)
        right = _right(text, b)
        if left == NONE or (b - a < 3 and left != STRONG and right[0] < R_PERSON and right[0] != R_LIST):
            continue  # one two-character part (宝音, 乌兰) only after a role, before a person's
            # predicate (扎西承认) or in a list with a name (达瓦、拉姆均证实)
        if right[0] < R_PERSON and _business_or_place(text, a, b) or text.startswith("籍", b) and not text.startswith("籍贯", b):
            continue  # 当事人：巴特尔牧业专业合作社: a business named after a person; 的日|籍: a nationality (round 8)
        cands.append(_Cand(a, b, left, right))
    shaped = _shaped(text, covered)
    if _UNLISTED_HINT.search(text):
        shaped += _unlisted(text, covered)
    if "氏" in text or _JAPANESE_WORDLIKE_RE.search(text):
        shaped += _foreign(text, covered)
    if _LATIN_HINT.search(text):
        shaped += _latin(text, covered)
    if _KIN_RE.search(text):
        shaped += _given_only(text, covered)
    if _LONG_GIVEN_HINT.search(text):
        shaped += _long_given(text, covered)
    if not (cands or shaped):
        spans: list[Span] = []
    else:
        spans = _word_start(text, _in_words(text, _two_surnames(text, _decide(text, cands, tagger or jieba_tagger, shaped))))
        if spans and _LIST_SEP_RE.search(text):
            spans = _word_lists(text, _listed(text, spans))
    if _LATIN_HINT.search(text) and _GLOSS_HINT.search(text):
        spans = _latin_glosses(text, spans)
    if _LATIN_HINT.search(text) and _RENDER_HINT.search(text):
        spans = _renderings(text, spans)
    if _SALUTATION_HINT.match(text):
        spans = _salutation(text, spans)
    if spans:
        spans = [s for s in spans if not _look_alike(text, *s)]
    return spans


# Round 9: a notice's salutation: a name and a colon opening the text, which then speaks to its
# reader (夏天：根据…，你有权…): whatever the name reads as, the slot is a person's.
_SALUTATION_HINT = re.compile(r"\s*[\u4e00-\u9fff]{2,4}\s*[：:]")
_SALUTATION_RE = re.compile(r"\s*(" + _SURNAME_RE.pattern + r"[\u4e00-\u9fff]{1,2})\s*[：:](?=[^\n]*?[你您])")


def _salutation(text: str, spans: list[Span]) -> list[Span]:
    """The name a notice opens with (round 9, tune12b.tsv: 夏天：…你有权要求举行听证): a surname and
    one or two characters, then a colon, at the text's start, and 你/您 later on the line; not a
    label (时间：, 地点：, 负责人：: nouns and verbs of the dictionary, roles), not masked."""
    m = _SALUTATION_RE.match(text)
    if not m:
        return spans
    a, b = m.span(1)
    word = text[a:b]
    if any(ch in _MASK for ch in word) or word in _ROLE_WORDS or word[-1] in PERSON_SUFFIX or (a, b) in spans or \
            _HONORIFIC_RE.match(text, a + (2 if word[:2] in COMPOUND else 1)):  # 李先生：您的申请…
        return spans
    if _freq(word) >= _WORD and _tag(word)[:1] in ("n", "v") and not _tag(word).startswith("nr"):
        return spans
    if any(s < b and a < e for s, e in spans) or not all(_han(ch) and ch not in _NOT_GIVEN for ch in word[1:]):
        return spans
    return sorted(spans + [(a, b)])


# Round 9: look-alikes tune12b.tsv showed, each by what stands around it.
# A brand whose branch follows in brackets (杨国福麻辣烫（某某店）): the string before is a trade name
# (a person's own shop in brackets right after the name is no such thing: 黎彩霞（金剪刀理发店）).
_BRANCH_RE = re.compile(r"[\u4e00-\u9fff]{1,6}[（(][^（）()\n]{0,12}(?:店|分店|门店|加盟店|分公司|分部)[）)]")
# A label's value after it (字号为“建国理发店”, 名称：“…”): the common word before is the label.
_LABEL_VALUE_RE = re.compile(r"\s*(?:为|是|叫|[：:])\s*[“「『\"" + _FILL + "]")
# An administrative unit's body (区卫生健康局, 区市场监管局): 区 is a surname (区永健) and a district.
_BODY_RE = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:局|委员会|委|办公室|办|院|所|站|队|中心|厅|街道|分局|支队|大队)")


def _look_alike(text: str, a: int, b: int) -> bool:
    """A found span that the words around it make something else (round 9): a brand with its
    branch in brackets after it, a common word that labels a value after it, a district's body
    (a surname that is an administrative unit, 区, before a common word and a body's suffix), a
    ring road (南三环: numerals and 环)."""
    span = text[a:b]
    if not _han(span[0]):
        return False
    if _BRANCH_RE.match(text, b):
        return True
    if _freq(span) >= _COMMON and not _tag(span).startswith("nr") and _LABEL_VALUE_RE.match(text, b):
        return True
    if span[0] in _ADMIN and _freq(span[1:]) >= _COMMON and not _tag(span[1:]).startswith("nr") and _BODY_RE.match(text, b):
        return True
    return len(span) >= 3 and span[-1] == "环" and span[-2] in _NUMERAL


def _in_words(text: str, spans: list[Span]) -> list[Span]:
    """Round 5: a span that a longer word of the dictionary runs across is part of that word (安然|无恙,
    东方红|大道, 高峰|期): whatever reader found it, the word reading wins, unless a personal
    description follows (a name's own evidence). Four characters or more are idioms and places;
    a three-character word tagged as a person (张三丰) is a name of its own, not a veto."""
    out = []
    for a, b in spans:
        hit = False
        for lo, hi in ((a, b + 1), (a, b + 2), (a - 1, b), (a - 2, b), (a - 2, a + 1)):
            if lo < 0 or hi > len(text) or hi - lo < 3 or not all(_han(c) for c in text[lo:hi]):
                continue
            # (a word across the span's start is no name's, whatever its tag: 东方红|大道, tagged nr)
            if _freq(text[lo:hi]) >= _WORD and (hi - lo >= 4 or hi <= b or not _tag(text[lo:hi]).startswith("nr")):
                hit = True
                break
        if b - a == 3 and text[b - 1] in _LOCALIZER and _freq(text[a:b - 1]) >= _WORD and not STRONG_RIGHT.match(text, b):
            continue  # 商海|中, 楼道|里: a noun and a localiser, whichever reader found it
        if text[a:b] in COMPOUND and _HONORIFIC_RE.match(text, b):
            continue  # 东郭先生, 欧阳女士: a compound surname and a courtesy names no one, as 李先生
        if not hit or STRONG_RIGHT.match(text, b):
            out.append((a, b))
    return out


# Round 5: a list whose items are mostly words of the dictionary is a list of things (卷烟：中华、
# 玉溪、黄鹤楼、南京; 松木、杉木、柏木; 杨梅、李子、桃子): a name-shaped item in it is one more
# thing, unless what follows the list says people (均系…工人, 等人, 二人). People's names are
# seldom dictionary words, so a list of people is not mistaken for one.
_SEGMENT_END = CLAUSE_START - {"、"}


def _word_lists(text: str, spans: list[Span]) -> list[Span]:
    out = []
    lists: dict[tuple[int, int], bool] = {}
    for a, b in spans:
        if text[b:b + 1] != "、" and text[a - 1:a] != "、":
            out.append((a, b))
            continue
        lo = a
        while lo > 0 and a - lo < _LIST_REACH and text[lo - 1] not in _SEGMENT_END:
            lo -= 1
        hi = b
        while hi < len(text) and hi - b < _LIST_REACH and text[hi] not in _SEGMENT_END:
            hi += 1
        key = (lo, hi)
        if key not in lists:
            items = text[lo:hi].split("、")
            first_end = lo + len(items[0])
            last = items[-1]
            # the last item runs into the predicate: keep its first word (白沙。, 柏木共计17立方米)
            k = 0
            while k < len(last) and k < 4 and _han(last[k]) and last[k] not in _STOP:
                k += 1
            items[-1] = last[:k]
            items[0] = items[0][-4:]
            # (the dictionary's words, whatever their tag: jieba tags 玉溪, 柏木, 杨梅 nr; 张伟, 王芳 are no words)
            words = sum(1 for x in items if 2 <= len(x) <= 4 and (_freq(x) >= _WORD or _freq(x[-2:]) >= _COMMON
                                                                   or x in _GOODS))
            tail = lo + len(text[lo:hi]) - len(last) + k
            # (half or more; a role before the list says people: 雇佣高峰、金山、石林)
            lists[key] = len(items) >= 3 and words * 2 >= len(items) and _right(text, tail)[0] < R_PERSON and not any(
                _left(text, first_end - n) == STRONG for n in (2, 3))
        if not lists[key] or STRONG_RIGHT.match(text, b):
            out.append((a, b))
    return out


# Round 5: the items of a list of people (暴永刚、操卫东; 伍家豪、晏晓丽、蓟海波). A list holds
# things of one kind: an item next to a found name, with a name's shape (a surname, or any
# character before given characters names use), is a person's name too, though its surname is in
# no list (操) or its head is a word (石林与金山). Structural, so it carries to lists nobody wrote
# a cue for; a list of goods or brands holds no found name to start from.
_LIST_SEP_RE = re.compile("[、]")
_ITEM_END = set("、，,。；;：:（()）“”\"!！?？|\n \u3000") | set("等")


def _item(text: str, a: int, b: int) -> bool:
    """text[a:b] has a person's name's shape as a list's item."""
    item = text[a:b]
    if not 2 <= len(item) <= 3 or not all(_han(c) for c in item) or any(c in _MASK for c in item) or \
            any(c in _NOT_GIVEN or c in _STOP for c in item[1:]):
        return False
    if item in _GOODS or item in _COLLECTIVE or item in _ROLE_WORDS or _business_or_place(text, a, b, 6):
        return False
    if item[-1] in PERSON_SUFFIX | _TRADE_SUFFIX and _freq(item[:-1]) >= _WORD:
        return False  # 安全员, 技术员: a role listed with people
    if item[0] in SINGLE:
        return _plausible_chars(item[1:], _USES_WEAK) and not (_freq(item) >= _COMMON and not _tag(item).startswith("nr"))
    if len(item) == 2:  # 志明、秀兰: a given name alone, listed with one
        return _name_like(item) and _freq(item) < _WORD
    return _name_like(item[1:]) and _freq(item[:2]) < _WORD and _freq(item) < _WORD


def _listed(text: str, spans: list[Span]) -> list[Span]:
    found = set(spans)
    for _ in range(4):  # a list is read outward from each found name, item by item
        added = []
        for a, b in found:
            if text[b:b + 1] == "、":  # the next item: three characters or two, then the list goes on or ends
                for n in (3, 2):
                    k = b + 1 + n
                    if k <= len(text) and (k == len(text) or text[k] in _ITEM_END or _right(text, k)[0] >= R_VERB) \
                            and _item(text, b + 1, k):
                        added.append((b + 1, k))
                        break
            if a >= 3 and text[a - 1] == "、":  # the item before
                k = a - 1
                while k > 0 and a - 1 - k < 4 and text[k - 1] not in _ITEM_END:
                    k -= 1
                if a - 1 - k in (2, 3) and (k == 0 or text[k - 1] in _ITEM_END or text[k - 1] in _ROLE_LAST) and _item(text, k, a - 1):
                    added.append((k, a - 1))
        new = [x for x in added if x not in found and not any(x[0] < d and c < x[1] for c, d in found)]
        if not new:
            break
        found.update(new)
    return sorted(found) if len(found) > len(spans) else spans


# Round 5: a given name alone after a kin word (我老婆秀英, 儿子小军在外地, 其母亲秀兰在店内,
# 热心群众志明、秀兰) or a naming word (老板叫国梁): families and neighbours call each other so,
# and the words quote them.
# Two characters that names use often (_USES_HEAD each), no common word, and a boundary after.
_KIN_WORDS = ("老婆", "老公", "妻子", "丈夫", "爱人", "儿子", "女儿", "母亲", "父亲", "哥哥", "姐姐", "弟弟", "妹妹",
              "孙子", "孙女", "儿媳", "女婿", "媳妇", "侄子", "侄女", "外甥", "我妈", "我爸", "其妻", "其夫", "其子", "其女",
              "群众", "村民", "邻居", "同事", "朋友", "表哥", "表姐", "表弟", "表妹", "堂哥", "堂姐", "堂弟", "堂妹",
              # and after a naming word (老板叫国梁，; 一个名叫志强的人)
              "名叫", "叫做", "叫")
# (zero-width, so that overlapping words are each tried: 其妻|子丽娟 and 其|妻子|丽娟)
_KIN_RE = re.compile("(?=[" + "".join(sorted({w[0] for w in _KIN_WORDS})) + "])(?=(" + "|".join(_KIN_WORDS)
                     + r")[\u4e00-\u9fff]{2}(?:[、，,。；;（(]|$|[\u4e00-\u9fff]))")  # (a class first: one test rejects most positions)


def _given_only(text: str, covered: set[int]) -> list[Span]:
    out: list[Span] = []
    for m in _KIN_RE.finditer(text):
        g = m.start() + len(m.group(1))
        given = text[g:g + 2]
        if g in covered or given[0] in SINGLE and _plausible_chars(given[1:], _USES_WEAK):
            continue  # 儿子王强: a surname's reading, the other readers' work
        if not _name_like(given) or any(c in _NOT_GIVEN or c in _STOP for c in given) or _masked_after(text, g + 2):
            continue
        if _freq(given) >= _WORD and not _tag(given).startswith("nr"):
            continue  # 儿子小学毕业, 母亲节: a word
        right = _right(text, g + 2)[0]
        if right >= R_PRED or right == R_LIST or text[g + 2:g + 3] in ("", "，", ",", "。", "；", "、") or \
                right >= R_VERB and m.group(1) in ("叫", "名叫", "叫做") or \
                _freq(text[g + 1:g + 3]) < _WORD and PREDICATE_RE.match(text, g + 2):
            out.append((g, g + 2))
    return out


def _two_surnames(text: str, spans: list[Span]) -> list[Span]:
    """A married woman's name with her husband's surname before her own (李邓秀英, 陈黄美玲; round 4):
    a found three-character name widened to four characters when two surnames stand at its start
    and two given characters that names use often follow, with a person's slot before and a
    predicate after the four (当事人陈黄美玲|未按规定), not after the three; or a bracket after the
    four, as a description opens (当事人陈李美玲（香港永久性居民）: round 9), which would leave the
    three's next character stranded."""
    out = []
    for a, b in spans:
        if b - a == 3 and text[a] in SINGLE and text[a + 1] in SINGLE and b < len(text) and _given_ok(text, a + 2, 2) \
                and _plausible_chars(text[a + 2:a + 4], _USES_WEAK) and _freq(text[b:b + 2]) < _WORD \
                and text[b] not in "一二三四五六七八九十两几" and not _place_word_at(text, a) and _right(text, b)[0] < R_PRED and (
                    R_PRED <= _right(text, b + 1)[0] or text[b + 1:b + 2] in ("（", "(")) \
                and _freq(text[a + 1:b + 1]) < _WORD:
            out.append((a, b + 1))  # 陈黄美|玲 -> 陈黄美玲
        elif b - a == 3 and a >= 1 and text[a - 1] in SINGLE and text[a - 1] not in _PREP_CHARS and not _function_char(
                text[a - 1]) and not (a >= 2 and text[a - 2] in "之其" and text[a - 1] in _KIN_CHARS) \
                and _name_like(text[a + 1:b]) and _left(text, a - 1) == STRONG and not (out and out[-1][1] > a - 1):
            out.append((a - 1, b))  # 李|邓秀英 -> 李邓秀英
        else:
            out.append((a, b))
    return out


# 之母|唐素琴, 其妻|李秀英: a kin character after 之 or 其 is the kin word's, not a first surname.
_KIN_CHARS = frozenset("父母妻夫子女儿兄弟姐妹")


def _word_start(text: str, spans: list[Span]) -> list[Span]:
    """(After round 9, from heldout12's spans) A span whose first character ends a word begun
    before it (送达|高山 read as 达高山, 法定代表人|白雪 as 人白雪: a rare surname or a shape no list
    holds), or is a kin character after 之 or 其 (之母|唐素琴 read as 母唐素琴), starts after that character when what is left is still a name's shape, a surname and
    one or two given characters. The record is refused either way; the finding names the person,
    as the clerk must mask."""
    out = []
    for a, b in spans:
        rest = b - a - 1
        if a >= 1 and 2 <= rest <= 3 and text[a + 1] in SINGLE and all(_han(c) for c in text[a:b]) and ((
                # only a first character no list holds as a surname's or a name part's start: 股东|端木天佑,
                # 个体工商户|长孙德明, 人格|桑梅朵 and 名花|金凤 are words by chance
                text[a] not in SINGLE and not text.startswith(COMPOUND, a) and text[a:a + 2] not in MINORITY_PARTS
                and (_freq(text[a - 1:a + 1]) >= _WORD or (a >= 2 and _freq(text[a - 2:a + 1]) >= _WORD)))
                or (text[a - 1] in "之其" and text[a] in _KIN_CHARS)):
            out.append((a + 1, b))
        else:
            out.append((a, b))
    return out


# Romanised names (round 3): tokens of Latin letters, each capitalised (Wilson) or in capitals
# (ZHANG), two to four of them. A Chinese name in passport form (ZHANG Lihua: a surname's syllable
# in capitals, a given name of pinyin syllables) is a name wherever it stands; any other (David
# Wilson, KIM MINJUN, Chen Guoliang) in a person's slot: after a role or a label (外籍教师, 外国人,
# Name:, 姓名（拼音）：), in a table under a Name column, or before a description or a person's
# predicate (（美国籍）, 签署). Words of firms and forms are never parts of a name.
_LATIN_HINT = re.compile("[A-Z][A-Za-z]")
# Round 5: a token may carry Latin-1 letters and a hyphen (Peter Müller, Kim Min-jun, José
# Martínez): European and Korean names are written so, and the ASCII-only reading missed them.
_LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f"
_LATIN_RE = re.compile(r"(?<![A-Za-z0-9_.@/-])[A-Z][" + _LATIN_LETTERS + r"]+(?:-[A-Za-z][" + _LATIN_LETTERS + r"]+)?"
                       r"(?:[ \u00a0][A-Z][" + _LATIN_LETTERS + r"]+(?:-[A-Za-z][" + _LATIN_LETTERS + r"]+)?){1,3}"
                       r"(?![A-Za-z0-9_@])")
_LATIN_TOKEN = re.compile(r"(?:[A-Z]+|[A-Z][a-z\u00df-\u00f6\u00f8-\u00ff]+)(?:-(?:[A-Z]+|[A-Za-z][a-z\u00df-\u00f6\u00f8-\u00ff]+))?")
_NOT_NAME_TOKENS = frozenset("""
co ltd inc llc plc gmbh corp corporation company group limited trading testing technology technologies tech
store shop mall plaza center centre street road avenue hotel restaurant cafe bank international global
holdings industrial industries electronics foods food china beijing shanghai passport no name nationality
offence offense penalty violation date number id the and of for new brand products product service services
""".split())
_LATIN_LEFT = re.compile(r"(?:name|姓名|拼音|英文名|外文名)\s*[）)]?\s*[：:|]?\s*$", re.IGNORECASE)
_LATIN_RIGHT = re.compile(r"\s*[（(][^（）()]{0,8}(?:籍|国人|中文名|护照)|\s*[（(]\s*(?:男|女)")


def _pinyin_word(word: str, most: int = 3) -> bool:
    """`word` (lower case) is one to `most` pinyin syllables (lihua, guoliang)."""
    if not word:
        return True
    if most == 0:
        return False
    return any(word[:k] in PINYIN and _pinyin_word(word[k:], most - 1) for k in range(min(6, len(word)), 0, -1))


_PERSON_NEAR = re.compile(r"(?:[人者员户]|姓名|名字)[^。；;，,\n]{0,10}$")
_LATIN_MASKED = re.compile(r"\s*[A-Za-z]{0,2}[*＊×某]")
_GLOSS_BEFORE = re.compile("籍[^，。；,;（）()]{0,10}$")


def _latin(text: str, covered: set[int]) -> list[Span]:
    out: list[Span] = []
    for m in _LATIN_RE.finditer(text):
        tokens = m.group().split()
        if any(not _LATIN_TOKEN.fullmatch(t) or t.lower() in _NOT_NAME_TOKENS for t in tokens) or \
                _LATIN_MASKED.match(text, m.end()):
            continue  # (NGUYEN THI H***: a masked name)
        a, b = m.span()
        first = tokens[0]
        passport = first.isupper() and first.lower() in PINYIN and all(
            _pinyin_word(t.lower()) and (t[1:].islower() or len(tokens) == 2) for t in tokens[1:]) and not all(
            t.isupper() for t in tokens)
        # round 4: Li Xiaoming, Wang Jianguo — a surname's syllable and a given name of two or three
        # syllables in one capitalised token, with a person's noun before it in the clause (收件人显示为
        # “Li Xiaoming”; a brand, 印有“Wu Liangye”字样, has none)
        pinyin = len(tokens) == 2 and _PERSON_NEAR.search(text, max(0, a - 14), a) is not None and first.lower() in PINYIN and first[1:].islower() and tokens[1][1:].islower() and \
            len(tokens[1]) >= 4 and _pinyin_word(tokens[1].lower()) and not _pinyin_word(tokens[1].lower(), 1)
        if passport or pinyin:
            out.append((a, b))
            continue
        lo = max(0, a - 16)
        left = text[lo:a].rstrip(" \u3000*")
        # round 5: a nationality earlier in the clause (德国籍技术顾问Peter Müller: a role no list holds)
        slot = bool(_LATIN_LEFT.search(left)) or (left and (
            _ROLE_RE.search(left) is not None or left[-1] in PERSON_SUFFIX or left.endswith(("外国人", "籍"))
            or _GLOSS_BEFORE.search(left) is not None))
        if not slot and left.endswith("|"):
            slot = bool(re.search(r"name|姓名", text[:a], re.IGNORECASE))
            cell = left[:-1].rstrip(" \u3000*")  # 外籍人员|John Miller|: the cell before names a person
            slot = slot or bool(cell) and (_ROLE_RE.search(cell) is not None or cell[-1] in PERSON_SUFFIX
                                           or cell.endswith(("外国人", "籍")))
        if not slot and left.endswith(("（", "(")) and text[b:b + 1] in "）)":
            # 玛丽亚·洛佩斯（Maria Lopez）, 越南籍女子阮氏香（NGUYEN THI HUONG）: a name's gloss in brackets
            before = left[:-1]
            slot = (a - 2) in covered or bool(_GLOSS_BEFORE.search(before))
        if not slot:
            # round 5: past a closing quote too (据“Tran Thi Lan”供述)
            after = b + 1 if text[b:b + 1] in "”」』’\"" else b
            slot = bool(_LATIN_RIGHT.match(text, after) or STRONG_RIGHT.match(text, after) or PERSON_PREDICATE_RE.match(text, after))
        if slot:
            out.append((a, b))
    return out


# Round 6: a romanised name in brackets right after a found or a masked name is the same
# person's (阮文雄（NGUYEN VAN HUNG）, 何嘉欣（Ho Ka Yan）, 阮某某（NGUYEN VAN HUNG）): the found
# names are known only at the end, so this is a pass over them.
_GLOSS_HINT = re.compile(r"[（(]\s*[A-Z]")
_GLOSS_RE = re.compile(r"[（(]\s*(" + _LATIN_RE.pattern + r")\s*[）)]")


def _latin_glosses(text: str, spans: list[Span]) -> list[Span]:
    ends = {b for _, b in spans} | {b for _, b in _masked_spans(text)}
    found = set(spans)
    out = list(spans)
    for m in _GLOSS_RE.finditer(text):
        span = m.span(1)
        if m.start() in ends and span not in found and not any(
                not _LATIN_TOKEN.fullmatch(t) or t.lower() in _NOT_NAME_TOKENS for t in m.group(1).split()):
            out.append(span)
    return sorted(out) if len(out) > len(spans) else spans


# Round 9: a romanised name and its Chinese rendering in brackets are one person's, whichever of
# the two the rules found: WONG KA MING（黄家明）, MARIA GARCIA（玛丽亚）, CHAN TAI MAN（陈大文）.
_RENDER_HINT = re.compile(r"[A-Za-z]\s*[（(]\s*[\u4e00-\u9fff]")
_RENDER_RE = re.compile(r"(" + _LATIN_RE.pattern + r")\s*[（(]\s*([\u4e00-\u9fff" + re.escape(_NAME_DOTS)
                        + r"]{2,12})\s*[）)]")


def _rendering(han: str) -> bool:
    """`han` (a bracket's whole content after a romanised name) reads as a person's name: a
    surname and one or two given characters names use, a dotted name, or a transliteration's
    syllables only (玛丽亚); not a word for a place, a nationality or a status (香港居民, 英国籍)."""
    if any(ch in _MASK for ch in han) or han[-1] in "籍人民国省市区县司店厂行":
        return False
    if _DOT_SCAN_RE.search(han):
        return all(len(p) >= 1 for p in _DOT_SCAN_RE.split(han))
    word = _freq(han) >= _WORD and not _tag(han).startswith("nr")
    if all(ch in TRANSLIT for ch in han) and 2 <= len(han) <= 6 and not word:
        return True
    surname = han[:2] if han[:2] in COMPOUND else han[:1] if han[:1] in SINGLE else ""
    given = han[len(surname):]
    return bool(surname) and 1 <= len(given) <= 2 and not any(ch in _NOT_GIVEN for ch in given) and not word and (
        _plausible_chars(given, _USES_WEAK) or all(ch in TRANSLIT for ch in given))


def _renderings(text: str, spans: list[Span]) -> list[Span]:
    """Round 9: the other half of a romanised name and its rendering in brackets when the rules
    found one half (a found Latin name before the bracket, or a found name inside it): heldout11
    passed WONG KA MING（黄家明）, whose Latin half the rules read and whose Chinese half, 黄家|明,
    reads as a word and a character."""
    found = set(spans)
    out = list(spans)
    for m in _RENDER_RE.finditer(text):
        latin, han = m.span(1), m.span(2)
        if latin in found and han not in found and _rendering(m.group(2)):
            out.append(han)
        elif han in found and latin not in found and not any(
                not _LATIN_TOKEN.fullmatch(t) or t.lower() in _NOT_NAME_TOKENS for t in m.group(1).split()):
            out.append(latin)
    return sorted(set(out)) if len(out) > len(spans) else spans


# Round 6: the Salar, Dongxiang and Bonan write a surname and a transliterated given name of three
# characters (韩乙四夫, 马热依木, 妥尕西木): found when a person's description follows it
# (，男，, （女）) and a role or a label stands before it, with no common word inside.
_LONG_GIVEN_RE = re.compile("(?:^|(?<=[" + re.escape("".join(sorted(_LEFT_OK))) + "]))([" + "".join(sorted(SINGLE))
                            + r"][\u4e00-\u9fff]{3})(?=\s*(?:[，,]\s*[男女]\s*[，,；;、）)]|[（(]\s*[男女]))")
_LONG_GIVEN_HINT = re.compile(r"[，,（(]\s*[男女]")


def _long_given(text: str, covered: set[int]) -> list[Span]:
    out: list[Span] = []
    for m in _LONG_GIVEN_RE.finditer(text):
        a, b = m.span(1)
        name = m.group(1)
        if a in covered or _left(text, a) != STRONG and text[a - 1:a] not in "：:" or any(
                ch in _NOT_GIVEN or ch in _MASK for ch in name[1:]) or any(
                _freq(name[k:k + 2]) >= _COMMON for k in range(4 - 1)) or _freq(name[1:]) >= _WORD or \
                _business_or_place(text, a, b) or _SURNAME_RE.match(name[1:]) and _plausible_chars(name[2:], _USES_HEAD):
            continue  # (李邓秀英: two surnames are read apart)
        out.append((a, b))
    return out


_JAPANESE_WORDLIKE_RE = re.compile("(?:" + "|".join(JAPANESE_WORDLIKE) + ")")
_FOREIGN_RE = re.compile("(?=(?:([" + "".join(sorted(SINGLE)) + "])氏|(" + "|".join(JAPANESE_WORDLIKE) + "))[\u4e00-\u9fff])")
_NATIONALITY_BEFORE = re.compile("籍[^，。；,;（）()]{0,10}$")


def _foreign(text: str, covered: set[int]) -> list[Span]:
    """Names of foreigners whose shape the Chinese readings reject (round 4), in a person's slot (a
    role before, or a nationality: 越南籍女工黎氏秋): Vietnamese women's names, a surname, 氏 and
    one or two given characters (阮氏香, 黎氏秋; 保氏饵块店 is a shop: no slot, a noun after); and
    Japanese names whose surname is a Chinese word too (田中康介, 中村健太)."""
    out: list[Span] = []
    for m in _FOREIGN_RE.finditer(text):
        i = m.start()
        if i in covered or (i and _han(text[i - 1]) and _left(text, i) != STRONG and
                            not _NATIONALITY_BEFORE.search(text, max(0, i - 12), i)):
            continue
        g = i + 2
        for n in ((2, 1) if m.group(2) else (1,)):
            end = g + n
            if not _given_ok(text, g, n) or any(c in _STOP for c in text[g:end]) or not _plausible_chars(text[g:end], _USES_WEAK):
                continue
            if _right(text, end)[0] >= R_BOUNDARY and not _business_or_place(text, i, end, 5):
                out.append((i, end))
                break
    return out


def _plausible_chars(given: str, need: int) -> bool:
    return all((givenchars.uses(ch) or 0) >= need or givenchars.uses(ch) is None for ch in given)


# A surname the lists lack (round 4: 操丽娟, 保金花, 戢红梅; about one person in a thousand bears
# one): any Han character before two given characters that names use 20,000 times or more, when a
# role stands before it (经营者戢红梅对…) or a personal description follows (闪立新，男，). Cheap: it
# runs only where one of those is in the text.
_UNLISTED_HINT = re.compile("[" + re.escape("".join(sorted(_ROLE_LAST - set(" \u3000*")))) + "][\u4e00-\u9fff]{3}|[（(，,|]\\s*[男女]")


@lru_cache(maxsize=1)
def _unlisted_re() -> re.Pattern[str] | None:
    t = givenchars.table()
    if t is None:
        return None
    chars = "".join(sorted(c for c, n in t.items() if n >= _USES_SHAPE and _han(c) and c not in _NOT_GIVEN | _MONEY_GIVEN
                           and c not in _STOP and c not in _MASK and c not in _ADMIN and c not in "一二三四五六七八九十两"))
    return re.compile("(?:^|(?<=[" + re.escape("".join(sorted(_LEFT_OK))) + "]))(?=([\u4e00-\u9fff])[" + chars + "]{2})")


def _unlisted(text: str, covered: set[int]) -> list[Span]:
    """Names whose surname no list holds, by their slot and their given name's shape."""
    rx = _unlisted_re()
    if rx is None:
        return []
    out: list[Span] = []
    for m in rx.finditer(text):
        i = m.start()
        first = m.group(1)
        end = i + 3
        if i in covered or first in SINGLE or first in _NOT_GIVEN or first in _STOP or first in _MASK or first == "叫" or \
                first in _ADMIN or first in _PLACE_END or end > len(text):
            continue
        strong = STRONG_RIGHT.match(text, end) is not None
        if _freq(text[i:i + 2]) >= _WORD or _freq(text[i:end]) >= _WORD or _freq(text[i + 1:end]) >= _COMMON and \
                not strong and _tag(text[i + 1:end])[:2] not in ("nr", "nz"):
            continue  # 操作员, 保质期, 本月份: words (保金花，女，: a given name that is a word, 金花)
        if _masked_after(text, end) or _ROLE_AT.match(text, i) or _ROLE_AT.match(text, i + 1) or \
                any(text[i - k:i + 1] in _ROLE_WORDS for k in (1, 2, 3)):
            continue
        left = _left(text, i)
        right = _right(text, end)[0]
        if _function_char(first) or first in _PREP_CHARS or (text[i + 1] in SINGLE and not strong and left != STRONG):
            continue  # 据|雷军介绍, 叫她|小贝: a function word, and a name with a known surname after it
        if not strong and not (left == STRONG and right >= R_VERB) and not (
                left != NONE and right >= R_PERSON and _name_like(text[i + 1:end])):
            continue  # (a clause start and a person's predicate: given characters of 20,000 uses)
        if end < len(text) and _freq(text[end - 1:end + 1]) >= _WORD and not strong and _right(text, end)[0] < R_PERSON:
            continue  # the last character starts a word
        if _business_or_place(text, i, end, 6) or _segment_is_business(text, end) or _brand_before_goods(text, i, end):
            continue
        out.append((i, end))
    return out


# A name's shape (round 3, issue 20): a surname and two given characters that names use often
# (givenchars.py, 5,000 uses or more: 673 characters cover nearly every given name) is a name
# wherever it stands, unless evidence says otherwise. This is the detector's default inverted:
# the slot cues above need a known role or predicate; a shape needs none (闫振山当着执法人员,
# 受侯德兵委托, 从卫红星手中), and the exceptions are what a word or a business looks like.
_USES_SHAPE = 5000


@lru_cache(maxsize=1)
def _shape_re() -> re.Pattern[str] | None:
    t = givenchars.table()
    if t is None:
        return None  # no table: the slot cues alone (validate still runs, less is found by shape)
    chars = "".join(sorted(c for c, n in t.items() if n >= _USES_SHAPE and _han(c) and c not in _NOT_GIVEN
                           and c not in _STOP and c not in _MASK and c not in _ADMIN and c not in "一二三四五六七八九十两"))
    # 有, 承, 自, 亦 end no name and start many (王有才, 李承志, 张自强, 刘亦菲): first given ones only
    return re.compile("(?=(" + _SURNAME_RE.pattern + ")[" + chars + _FIRST_GIVEN + "][" + chars + "])")


_FIRST_GIVEN = "有承自亦"


@lru_cache(maxsize=1)
def _short_re() -> re.Pattern[str] | None:
    t = givenchars.table()
    if t is None:
        return None
    chars = "".join(sorted(c for c, n in t.items() if n >= _USES_HEAD and _han(c) and c not in _NOT_GIVEN
                           and c not in _STOP and c not in _MASK and c not in _ADMIN and c not in "一二三四五六七八九十两"))
    return re.compile("(?=([" + "".join(sorted(SINGLE)) + "])[" + chars + "])")


def _short(text: str, covered: set[int]) -> list[Span]:
    """Two-character names by shape (看见李强|正在, 王芳|每天): a single surname in a name's slot (a
    clause start, a preposition, a role, a frequent verb, or 的 before a person's predicate) and
    one given character names use 20,000 times or more, the pair no dictionary word (jieba's
    person names excepted, and those only before a predicate), no word across either end, and
    nothing a business, a place or goods would be after it."""
    rx = _short_re()
    if rx is None:
        return []
    out: list[Span] = []
    for m in rx.finditer(text):
        i = m.start()
        if i in covered:
            continue
        surname = m.group(1)
        g, end = i + 1, i + 2
        word = text[i:end]
        if surname in WORDLIKE or _function_char(surname) or surname in _PREP_CHARS:
            continue
        f = _freq(word)
        if f >= _COMMON or f >= _WORD and not _tag(word).startswith("nr") or _tag(word)[:1] in ("v", "a", "d", "m", "q"):
            continue  # 许可, 文明, 白云: jieba's dictionary tags these nr, but they are words first
        verb_before = i >= 2 and _freq(text[i - 2:i]) >= _COMMON and _tag(text[i - 2:i]) == "v" or (
            text[i - 1:i] == "的" and _right(text, end) >= (R_PERSON, 2))  # 无证的何平|驾驶
        if i and not verb_before and (text[i - 1] not in _LEFT_OK or _left(text, i) == NONE):
            continue  # a name's slot: a clause start, a preposition, a role, or a verb (看见|李强)
        if _masked_after(text, end) or _HONORIFIC_RE.match(text, g) or _ROLE_AT.match(text, g) or \
                text[g] in _MONEY_GIVEN and _in_amount(text, g, g):
            continue
        if end < len(text) and (_freq(text[end - 1:end + 1]) >= _WORD or text[end] in _MASK):
            continue  # 王芳|每天 is a name; 高温|天 no (温天 is no word, but 高温 is one)
        if i and _han(text[i - 1]) and _freq(text[i - 1:i + 1]) >= _WORD or _freq(text[i:end + 1]) >= _WORD:
            continue  # 韩|信草, 高良|姜: part of a longer word
        if _brand_before_goods(text, i, end) or _segment_is_business(text, end):
            continue  # 张亮|麻辣烫, 宁德|白鹭餐饮管理股份有限公司
        nxt = text[end:end + 1]
        r = _right(text, end)[0]
        if f >= _WORD and (r < R_PRED or _joined_to_verb(text, i, end)):
            continue  # 迟延|公开: a dictionary word jieba tags nr needs a predicate after it (李强|正在)
        if nxt and _han(nxt) and (r < R_VERB and (_freq(text[end:end + 2]) < _WORD or _tag(text[end:end + 2]).startswith("nr"))
                                  or r < R_PRED and _name_like(nxt)):
            continue  # 高良|姜、: the name must end at a boundary, a predicate or a word (王芳|每天)
        if nxt in _ADMIN or text[g] in _PLACE_END or _business_or_place(text, i, end, 5):
            continue
        if any(text[i - k:i + 1] in _ROLE_WORDS or text[i:i + k + 1] in _ROLE_WORDS for k in (1, 2, 3)):
            continue
        out.append((i, end))
    return out


# Compound surnames that are no common word (欧阳, 慕容, 司徒; not 东方, 长孙, 百里, 西门, 单于):
# one and one or two given characters are a name's shape wherever they stand (round 4:
# 维修工慕容瑶师傅, 该批货物系司徒慧从外地调入).
_COMPOUND_SHAPE = tuple(c for c in COMPOUND if len(c) == 2 and c not in (
    "东方", "长孙", "公孙", "百里", "第五", "西门", "南门", "南宫", "太史", "单于", "呼和", "爱新", "东郭", "乐正", "左丘",
    "公良", "微生", "公羊", "宗政"))
_COMPOUND_RE = re.compile("(?:" + "|".join(_COMPOUND_SHAPE) + ")")


def _compound(text: str, covered: set[int]) -> list[Span]:
    out: list[Span] = []
    for m in _COMPOUND_RE.finditer(text):
        i, g = m.start(), m.end()
        if i in covered or _masked_after(text, g) or _HONORIFIC_RE.match(text, g) or (
                i and _han(text[i - 1]) and _freq(text[i - 1:i + 1]) >= _WORD):
            continue
        for n in (2, 1):
            end = g + n
            if not _given_ok(text, g, n) or any(c in _STOP for c in text[g:end]) or _masked_after(text, end):
                continue
            need = _USES_SHAPE if n == 2 else _USES_HEAD
            if not _plausible_chars(text[g:end], need) or _freq(text[i:end]) >= _WORD and not _tag(text[i:end]).startswith("nr"):
                continue
            if end < len(text) and _freq(text[end - 1:end + 1]) >= _WORD and _right(text, end)[0] < R_PERSON:
                continue  # the last character starts a word
            if _business_or_place(text, i, end, 6) or _brand_before_goods(text, i, end) or _segment_is_business(text, end):
                break
            out.append((i, end))
            break
    return out


def _shaped(text: str, covered: set[int]) -> list[Span]:
    """Spans of surname + two given characters that have a name's shape and no word's."""
    rx = _shape_re()
    if rx is None:
        return []
    out: list[Span] = _short(text, covered)
    if _COMPOUND_RE.search(text):
        out += _compound(text, covered)
    n = len(text)
    for m in rx.finditer(text):
        i = m.start()
        if i in covered:
            continue
        surname = m.group(1)
        g = i + len(surname)
        end = g + 2
        if end > n:
            continue
        if _shape_word(text, i, g, end, surname):
            continue
        if len(surname) == 1 and i >= 1 and text[i - 1] in SINGLE and (i == 1 or _left(text, i - 1) != NONE) and \
                text[i - 1] not in _PREP_CHARS and not _function_char(text[i - 1]) and \
                _right(text, end)[0] >= R_PERSON:
            i -= 1  # 张李明轩（未成年人）, 王陈思远，男: two parents' surnames before the given name
        out.append((i, end))
    return out


def _whole_cell(text: str, i: int, end: int) -> bool:
    """text[i:end] is the whole cell of a table row (江海燕|食品经营许可|…, | 江海燕 |)."""
    a = i
    while a > 0 and text[a - 1] in " \u3000":
        a -= 1
    b = end
    while b < len(text) and text[b] in " \u3000":
        b += 1
    return (a == 0 or text[a - 1] in "|\n") and text[b:b + 1] == "|"


# Business suffixes of two characters or more whose first character is a surname (商行, 车行,
# 超市, 药房 …): standing after a Han character they end a business's name, not start a person's.
_TWO_CHAR_ORG_SUFFIXES = tuple(x for x in ORG_SUFFIXES if len(x) >= 2)


def _shape_word(text: str, i: int, g: int, end: int, surname: str) -> bool:
    """What makes a name-shaped string a word, a business, a place or part of something else."""
    prev = text[i - 1] if i else ""
    if prev and (_han(prev) and _freq(text[i - 1:i + 1]) >= _WORD or prev in _MASK or prev.isascii() and prev.isalnum()):
        return True  # 高温|天气: the surname ends a word before it
    if prev and _han(prev) and text.startswith(_TWO_CHAR_ORG_SUFFIXES, i):
        return True  # 鑫达商行|扬尘: a business's suffix ends the name before it (扬尘 is not in jieba's dictionary)
    if _joined_to_verb(text, i, end):
        return True  # 签字或|盖章: a word joined to a verb is a verb (round 6)
    if len(surname) == 1 and text[g] in _TRADE_SUFFIX and _freq(text[i:g + 1]) >= _WORD and _tag(text[i:g + 1])[:1] == "n":
        return True  # 门卫|代福生, 船长|邹海涛: a trade's noun before a name (round 6)
    if len(surname) == 1:
        if surname in "师工" and prev and _han(prev):
            return True  # 按摩师|周敏: a trade's noun ends before the name (卫东升, 长 are names' too)
        if surname == "于" and _yu_time(text, i):
            return True  # 于国庆节期间: a time
        if surname in WORDLIKE and _left(text, i) == NONE or surname in _ADMIN and _han(prev):
            return True  # 川汇区|白云大道: a place's last character
        if _words().tag(surname)[:1] in ("c", "p") and _left(text, i) != STRONG and _right(text, end)[0] < R_PERSON:
            return True  # 微博和|微信, 稳定和|长治久安: a conjunction before words jieba's old dictionary lacks
        if surname in _PREP_CHARS and text[i + 1] in SINGLE:
            return True  # 向钟霞: the preposition reading is left to the slot cues
        if _freq(text[i:i + 2]) >= _COMMON and not (_whole_cell(text, i, end) and _name_like(text[g:end])
                                                    and text[end - 1] not in _PLACE_CHARS):
            return True  # 高度重, 金额较, 许可人: a word's head (jieba tags 许可 and 陈述 nr too)
            # (| 江海燕 |: a table cell that holds nothing else is a name's shape, round 4)
    given = text[g:end]
    word = text[i:end]
    if any(text[k] in _MONEY_GIVEN and _in_amount(text, g, k) for k in range(g, end)):
        return True  # 伍万元: an amount
    if any(text[i - k:i + 1] in _ROLE_WORDS or text[i:i + k + 1] in _ROLE_WORDS for k in (1, 2, 3)):
        return True  # 房东|宇文琴, 店主: the surname character is part of a role
    if _freq(word) >= _WORD and not _tag(word).startswith("nr"):
        return True  # 马铃薯, 石灰石
    if end < len(text) and _freq(text[i:end + 1]) >= _WORD:
        return True  # 任重道|远, 高枕无|忧: the head of an idiom (round 5; jieba tags some idioms nr)
    if given[-1] in _LOCALIZER and _freq(text[i:end - 1]) >= _WORD:
        return True  # 楼道|里, 商海|中: a noun and a localiser, a place (round 5; jieba tags 商海 nr)
    if _tag(given)[:1] == "v" and _freq(given) >= _COMMON * 10 and _left(text, i) == NONE and _right(text, end)[0] < R_PERSON:
        return True  # 期间应|加强巡查: a frequent verb inside running text (round 5; 向建设 in a slot stays a name)
    if given[0] in _FIRST_GIVEN and (_freq(given) >= _WORD and not _tag(given).startswith("nr") or _right(text, end)[0] < R_PRED):
        return True  # 李承认, 张自愿: the function word's reading, unless a name's shape stands before a predicate
    if _freq(given) >= _COMMON and not _tag(given).startswith("nr") and (
            len(surname) == 1 and _function_char(surname) or not _name_like(given)) and not (
            surname in WORDLIKE and _tag(given)[:1] == "n" and _right(text, end)[0] >= R_PERSON):
        return True  # 于|建国初期, 何|时候: a word after a surname that is a function word (葛红军, 程秀丽 are names)
    if end < len(text) and _freq(text[end - 1:end + 1]) >= _WORD and _right(text, end)[0] < R_PERSON:
        return True  # 刘洋接|受: the last character starts a word
    if _masked_after(text, end) or _ROLE_AT.match(text, g) or _HONORIFIC_RE.match(text, g):
        return True
    if any(PERSON_PREDICATE_RE.match(text, k) or STRONG_RIGHT.match(text, k) for k in (g, g + 1)):
        return True  # 郝林|家中, 李强|等人: the two-character reading is the name
    if _ROLE_AT.match(text, end) and PREDICATE_RE.match(text, end - 1):
        return True  # 李丽|任组长: the last character is a verb before a role
    if _brand_before_goods(text, i, end) or _segment_is_business(text, end):
        return True
    if given[0] == "家" and (given[1] in _PLACE_CHARS or _right(text, end)[0] < R_BOUNDARY):
        return True  # 汤家岭, 李家坪, 牧家乐|的: a family's place or business (round 4)
    if text[end:end + 1] in _ADMIN or text[end - 1] in _PLACE_END or _business_or_place(text, i, end, 6):
        return True  # 李明华路, 张国强水果店 (谷明亮看店: a verb's object, six characters on, is no suffix)
    return _place_word_at(text, i)  # 乌鲁木|齐


_LONG_ORG_END = re.compile("(?:" + "|".join(sorted((re.escape(o) for o in ORG_SUFFIXES if len(o) >= 2), key=len, reverse=True))
                           + r")(?:[（(][^（）()]{1,8}[）)])?$")


def _segment_is_business(text: str, end: int) -> bool:
    """The run of Han text from `end` to the next punctuation or cell border ends with a business's
    suffix of two characters or more (| 宁德白鹭餐饮管理股份有限公司 |)."""
    k = end
    hi = min(len(text), end + 30)
    while k < hi and text[k] not in CLAUSE_START and text[k] != _FILL and text[k] not in "与和及并的" and not (
            k > end and _predicate2(text, k)):
        k += 1  # (白玉兰|和其丈夫共同经营一家小超市: the name's clause runs on past a conjunction)
    return k > end and _LONG_ORG_END.search(text, end, k) is not None


def _brand_before_goods(text: str, i: int, end: int) -> bool:
    """马应龙|软膏, 张小泉|剪刀, 杨国福|麻辣烫: a noun follows with no boundary, so the name-shaped
    string names goods or a shop, unless an act done to a person precedes (吊销郝建业|食品经营许可证)."""
    nxt = text[end:end + 2]
    t = _tag(nxt)
    return len(nxt) == 2 and t[:1] in ("n", "z", "b") and not t.startswith("nr") and _freq(nxt) >= _WORD and \
        not _ROLE_AT.match(text, end) and _right(text, end)[0] < R_VERB and not _ACT_RE.search(text, max(0, i - 4), i)


_RUN_RE = re.compile("(?:^|(?<=[" + re.escape("".join(sorted(_LEFT_OK))) + "]))(?=([" + "".join(sorted(RUN_START)) + "]["
                     + "".join(sorted(SYLLABLES)) + "]{2,7}))")


def _runs(text: str, covered: set[int]) -> list[Span]:
    """Names without a surname (round 3): a run of name syllables (surnames.SYLLABLES) of three
    to eight characters in a person's slot — after a role (被处罚人阿不都热依木, 经营者宝音德力格尔),
    or at a clause start or after a preposition with a description, a person's predicate or a
    listed name after it (阿苏拉则，男，彝族, 俄木伍沙的舅舅, 沙马拉则、吉伍阿牛二人). The run is cut
    where a word starts (阿苏拉则|在, 艾买提江|（), and is no run when it holds a common word that is
    no name part (阿里巴巴 holds 阿里: a brand)."""
    out: list[Span] = []
    for m in _RUN_RE.finditer(text):
        a = m.start()
        if a in covered or (out and a < out[-1][1]) or any(text[a - k:a + 1] in _ROLE_WORDS for k in (1, 2)) or text[a] in "的之":
            continue  # 妻|子次仁卓玛: the run starts after the role
        left = _left(text, a)
        if left == NONE:
            continue
        b = m.end(1)
        while b - a > 3 and (PREDICATE_RE.match(text, b - 1) or PERSON_PREDICATE_RE.match(text, b - 1) or text[b - 1] in "的之"):
            b -= 1  # 次仁卓玛|于2022年: a predicate's first character ends no name
        while b - a >= 3:  # the longest reading with evidence after it and no word across its end
            right = _right(text, b)[0]
            glued = b < len(text) and _freq(text[b - 1:b + 1]) >= _WORD and right < R_PERSON
            if not glued and (right >= R_PRED or right == R_LIST and text[b] == "、" or left == STRONG and right >= R_BOUNDARY
                              or b - a >= 4 and text[b:b + 1] == "的"):
                break  # (在阿依古丽|的仓库内: four syllables or more before 的, round 4)
            b -= 1
        if b - a < 3 or (left != STRONG and b - a < 4 and _right(text, b)[0] < R_PERSON and not (
                _right(text, b)[0] >= R_PRED and all(_freq(text[k:k + 2]) < _WORD for k in range(a, b - 1)))):
            # (吐尔洪|在巴扎: three syllables no two of which make a word, before a predicate)
            continue
        run = text[a:b]
        if b - a < 4 and run[0] in SINGLE and not any(run.startswith(p) for p in MINORITY_PARTS):
            continue  # 马文|于当日: three characters from a surname are the surname reading's to judge
        if _freq(run) >= _WORD and not _tag(run).startswith("nr") or any(
                _freq(run[k:k + 2]) >= _COMMON and run[k:k + 2] not in MINORITY_PARTS and not _tag(run[k:k + 2]).startswith("nr")
                for k in range(len(run) - 1)):
            continue  # 阿里巴巴, 古巴: words
        if _masked_after(text, b) or _business_or_place(text, a, b) or _place_word_at(text, a):
            continue
        out.append((a, b))
    return out


def _place_word_at(text: str, a: int) -> bool:
    """A place of jieba's dictionary, three to five characters, starts at a or one before it
    (乌鲁木|齐, 乌|鲁木齐; round 4), or a dictionary word of three that ends in a place's character
    (贺兰山, 秦皇岛, 连云港: jieba tags these nr)."""
    for s in (a, a - 1):
        if s < 0:
            continue
        for k in (3, 4, 5):
            w = text[s:s + k]
            if len(w) == k and s + k > a and _freq(w) >= _WORD and (_tag(w).startswith("ns") or k == 3 and w[-1] in _PLACE_CHARS):
                return True
    return False


def _subject_nr(text: str, i: int) -> bool:
    """A sentence's first two characters are a word jieba's dictionary knows as a person's name
    (白雪, 杜鹃, 张扬), and a predicate follows them: the sentence's subject, read as a name."""
    if not ((i == 0 or text[i - 1] in "。！？；\n") and _tag(text[i:i + 2]).startswith("nr")) or _function_char(text[i]):
        return False  # (但凡: a conjunction)
    level, reach = _right(text, i + 2)
    # 陈列|在货架上: a one-character predicate only after a given character names use often
    return level >= R_PERSON or level >= R_PRED and (reach >= 2 or _name_like(text[i + 1]))


def _era_name(text: str, i: int, g: int, left: int) -> bool:
    """当事人向前进|在, 其夫于建设|在: after a role, a surname that is a function word and a given
    name that is a verb (names of an era: 建设, 前进, 跃进, 援朝), its characters used in names, a
    predicate after it and no word across its end (round 4; 向调查|无: 调 and 查 are no name's)."""
    word = text[g:g + 2]
    return (left == STRONG or _right(text, g + 2)[0] >= R_PERSON) and _tag(word)[:1] == "v" and _plausible_chars(word, _USES_NAME) and \
        _right(text, g + 2)[0] >= R_PRED and _freq(text[g + 1:g + 3]) < _freq(word)


def _three(text: str, i: int, g: int) -> bool:
    """A three-character name whose head is a common word (严明|辉申请的): the given characters are
    used in names, the whole is no word, and a predicate follows it."""
    return (_given_ok(text, g, 2) and _name_like(text[g:g + 2]) and _freq(text[i:g + 2]) < _WORD
            and _right(text, g + 2)[0] >= R_PRED)


@lru_cache(maxsize=None)
def _function_char(ch: str) -> bool:
    """A surname that jieba's dictionary tags as a conjunction, an adverb, a preposition or a
    pronoun when it stands alone (但, 曾, 常, 向, 和)."""
    return ch in WORDLIKE or _words().tag(ch)[:1] in ("c", "d", "p", "r", "u")


def _plausible(text: str, c: _Cand, need: int) -> bool:
    """Every given character of a surname reading is used in given names at least `need` times
    (givenchars.py); True for other candidates and when the table is missing."""
    if c.given < 0:
        return True
    for ch in text[c.given:c.end]:
        n = givenchars.uses(ch)
        if n is not None and n < need:
            return False
    return True


def _label_before(text: str, i: int) -> bool:
    k = i
    while k > 0 and text[k - 1] in " \u3000*":
        k -= 1
    return k > 0 and text[k - 1] in "：:"


# One character each (sets, so an empty slice at either end of the text is in none of them: a
# text that is only a name, 李秀兰, crashed round 3 here).
_SENTENCE_END, _OPEN, _CLOSE = set("。；;！!"), set("（("), set("）)")


_DAI = set("岩玉")


# Round 5: what follows a clause's subject only when the subject is a person, whatever word the
# subject is (an adjective, 简单; a verb, 和平; a noun, 戈壁): the person's own things, a person's
# status, suspicion, confession. Narrower than PERSON_PREDICATES: 说, 主动, 如实, 共同 follow
# adverbs too (简单说, 主动|作为).
_SUBJECT_ACT = re.compile(r"在其|在自家|在未取得|因涉嫌|涉嫌|于\d|承认|供认|证实|辩称|拒不|拒绝|伙同|"
                          r"饮酒后|酒后|驾驶|驾车|擅自|私自|名下|家中|本人|的询问|的陈述")


def _decide(text: str, cands: list[_Cand], tag: Tagger, shaped: Iterable[Span] = ()) -> list[Span]:
    """Accept what the slot says is a name; ask the tagger about what it leaves open; extend
    accepted names to the candidates listed with them (张三、李四华两人)."""
    accepted: list[_Cand] = []
    pending: list[_Cand] = []
    confirm: list[_Cand] = []
    for c in cands:
        verb = c.word and _tag(text[c.start:c.end]).startswith("v")
        if c.left == CELL:
            whole = text[c.end:c.end + 3].lstrip(" \u3000").startswith("|")
            c.left = STRONG if whole else NONE
            if whole and not verb and not c.functional and _plausible(text, c, _USES_NAME):
                accepted.append(c)  # | 江山 | under a 户主 column: the whole cell is a person's name
                continue
        if text[c.start:c.end] in _COLLECTIVE and c.right != R_STRONG:
            continue  # 双方均未提出异议 (but 安全，男，1980年生 is a person)
        if c.right == R_STRONG and (c.left != NONE or not c.word or not c.functional):
            accepted.append(c)
        elif c.left == STRONG:
            if _NAMING_RE.search(text, max(0, c.start - 6), c.start):
                accepted.append(c)  # 一名叫黎明的男子, 化名武艺: whatever is named is a name
            elif c.right == R_BOUNDARY and not verb and _label_before(text, c.start):
                accepted.append(c)  # 许可证持有人：白天明；: a label's whole value
            elif c.right == R_BOUNDARY and c.common and text[c.end:c.end + 1] in _SENTENCE_END and not c.functional and \
                    _tag(text[c.start:c.end])[:1] in ("n", "t", "") and _plausible(text, c, _USES_COMMON):
                accepted.append(c)  # 转让给了高峰。, 联系了雇主金星。: a role's object that ends the sentence
            elif c.right == R_LIST and not verb and not c.functional and text[c.end:c.end + 1] == "、" and not \
                    PERSON_PREDICATE_RE.match(text, c.start) and (
                    not c.common or _tag(text[c.start:c.end])[:1] in ("n", "")) and (
                    _SURNAME_RE.match(text, c.end + 1) or _MINORITY_RE.match(text, c.end + 1)):
                accepted.append(c)  # 股东桂林、桂平: a role's first listed name, even a place's
            elif (verb and (c.right < R_PERSON or c.common)) or (c.common and _tag(text[c.start:c.end])[:1] in ("d", "c", "p")) or (
                    c.word and c.right < R_PERSON and not _plausible(text, c, _USES_NAME)) or (
                    c.right < R_PERSON and c.word and _tag(text[c.start:c.end])[:1] in (
                    "d", "c", "p", "r", "u", "m", "q", "f")) or (c.common and (c.right < R_PRED or not _plausible(text, c, _USES_NAME) or (
                    c.right < R_PERSON and c.right != R_PRED and not _plausible(text, c, _USES_COMMON)))) or (
                    c.right <= R_VERB and not _plausible(text, c, _USES_NAME)):
                pending.append(c)  # 当事人高度重视, 当事人冒用, 执法人员查获, 供货者许可证, 当事人信息均已隐去
            else:
                accepted.append(c)
        elif c.left == NONE:
            pending.append(c)  # only as part of a list
        elif c.common and c.right >= R_PRED and c.end - c.start == 2 and (c.start == 0 or text[c.start - 1] in "。！？；\n") and \
                _tag(text[c.start:c.end]).startswith("nr") and _plausible(text, c, _USES_COMMON):
            accepted.append(c)  # 白雪|经营的, 张扬|在: a sentence's subject that jieba's dictionary knows as a name
        elif c.left == WEAK and c.end - c.start == 2 and (c.start == 0 or text[c.start - 1] in CLAUSE_START) and \
                _SUBJECT_ACT.match(text, c.end) and _plausible(text, c, _USES_WEAK):
            accepted.append(c)  # 简单|在其租住的, 富强|因涉嫌: a clause's subject doing what only a person does (not 明显|系该)
        elif c.common and _tag(text[c.start:c.end]) == "n" and _freq(text[c.start:c.end]) >= _COMMON * 5:
            pending.append(c)  # 将文书|送达: a frequent common noun in a preposition's slot is the thing, not a person
        elif c.right == R_PERSON and not c.functional and (_plausible(text, c, _USES_WEAK) if c.common else (
                _plausible(text, c, _USES_PRED) and (c.given < 0 or c.end - c.given < 2 or _name_like(text[c.given]) or _name_like(text[c.given + 1])
                                                     or text[c.given] == text[c.given + 1]))):
            # (钱款|已于, 林地内|违法: no given character a name's; 木援朝, 曾国藩: one of them is;
            # round 6: a doubled one is a name's too, 受钱多多雇佣, 让贝贝签字)
            accepted.append(c)  # not 程序|违法 (序: 1,730 uses)
        elif c.right == R_BOUNDARY and text[c.start - 1:c.start] in _OPEN and text[c.end:c.end + 1] in _CLOSE and (
                not c.word and _plausible(text, c, _USES_WEAK) or text[c.start - 2:c.start - 1] == "书" and not c.functional):
            accepted.append(c)  # 行政处罚决定书（熊小兵）: a name that fills a bracket
        elif c.right == R_PRED and not c.word and _plausible(text, c, _USES_PRED if text[c.start] in _DAI else _USES_NAME):
            # (round 4: in a preposition's slot before a predicate any subject takes, given characters
            # names use 1,000 times: 在巴扎|内销售 (扎 516, 内 322), 由冷链车|自 (链 327) are no names;
            # Dai names, 岩罕, 玉香, transliterate syllables that Han given names seldom use)
            accepted.append(c)
        elif c.right == R_VERB and not c.word and _plausible(text, c, _USES_WEAK):
            accepted.append(c)
        else:
            pending.append(c)
            if c.right in (R_PRED, R_VERB, R_BOUNDARY, R_LIST) and not c.common and _plausible(text, c, _USES_WEAK):
                confirm.append(c)
            elif c.common and c.right >= R_PRED and not c.functional and not verb and \
                    _tag(text[c.start:c.end])[:1] in ("n", "t") and _plausible(text, c, _USES_NAME):
                confirm.append(c)  # 由桂林|实际经营, 公示：黎明|申请的: a common word the tagger reads as a name
    if confirm:
        cache: dict[int, list[Span]] = {}
        for c in confirm:
            lo, clause = _clause(text, c.start)
            if lo not in cache:
                cache[lo] = tag(clause)
            if any(lo + a == c.start and b - a >= 2 for a, b in cache[lo]):
                accepted.append(c)
    # lists: a candidate joined by 、 or 和 to an accepted name, or to a masked one (陶某某、叶新民,
    # 程伟、陈某某等27名), is a name too
    done = {(c.start, c.end) for c in accepted} | set(shaped)
    anchors = set(done)
    listed = [c for c in pending if (c.start, c.end) not in done and not (c.common and c.functional)
              and not any(a < c.end and c.start < b for a, b in done)]  # 股东|桂林: no 东桂林
    if listed and not _MASK.isdisjoint(text):
        anchors |= _masked_spans(text)
    changed = True
    while changed:
        changed = False
        for c in listed:
            if (c.start, c.end) in done:
                continue
            for a, b in list(anchors):
                if (b + 1 == c.start and text[b] in _LIST_JOIN) or (c.end + 1 == a and text[c.end:c.end + 1] in _LIST_JOIN):
                    done.add((c.start, c.end))
                    anchors.add((c.start, c.end))
                    changed = True
                    break
    if "、" in text:
        done = {s for s in done if not _in_goods_list(text, *s)}
    return _dedupe(_repeated(text, sorted(done)))


def _repeated(text: str, spans: list[Span]) -> list[Span]:
    """A name found as a person's is one wherever else it stands in the text, inside a shop's
    name too (姜华汽车修理厂（经营者：姜华）): masking one occurrence would publish the other.
    Public strings (`public`) are blanked before, so the record's own party keeps its name.
    Linear in the text: each distinct name is looked for once, and whether an occurrence
    overlaps a span already taken is read off a map of taken characters (a list of 2,000 names
    took seconds, 9 kB of them minutes, when every occurrence was compared with every span)."""
    if not spans:
        return spans
    out = set(spans)
    taken = bytearray(len(text) + 1)
    for a, b in spans:
        taken[a:b] = b"\x01" * (b - a)
    for name in dict.fromkeys(text[a:b] for a, b in spans):
        n = len(name)
        k = text.find(name)
        while k >= 0:
            if not any(taken[k:k + n]) and not _masked_after(text, k + n):
                out.add((k, k + n))
                taken[k:k + n] = b"\x01" * n
            k = text.find(name, k + 1)
    return sorted(out)


# A list is read at most this many items to each side of a name: a list of goods is recognised
# by its head (销售的…) or its tail (…等中药材) within that reach; a longer list is read as names
# beyond it (recall first), and the work per name stays bounded (72 kB of 、-joined names).
_LIST_REACH = 64


def _in_goods_list(text: str, a: int, b: int) -> bool:
    """The span is an item of a list (、) of goods: it, or another item, is in _GOODS, or the list
    ends in 等 and a word for goods (黄芪、党参、柴胡; 金银花、连翘、薄荷等中药材)."""
    if text[a:b] in _GOODS:
        return True
    if not (text[b:b + 1] == "、" or text[a - 1:a] == "、"):
        return False
    # the items: runs of two to five Han characters joined by 、, read outward from the span
    items = [(a, b)]
    k = a
    while k >= 3 and text[k - 1] == "、" and len(items) <= _LIST_REACH:
        j = k - 1
        while j > 0 and _han(text[j - 1]) and k - 1 - j < 5:
            j -= 1
        items.append((j, k - 1))
        k = j
    k, right = b, 0
    while k < len(text) and text[k] == "、" and right < _LIST_REACH:
        right += 1
        j = k + 1
        while j < len(text) and _han(text[j]) and j - k - 1 < 5 and text[j] not in "等和及与均各":
            j += 1
        items.append((k + 1, j))
        k = j
    for s, e in items:
        item = text[s:e]
        if any(item[k:k + n] in _GOODS for n in (2, 3) for k in range(len(item) - n + 1)):
            return True  # 丁香酚、叶面肥
    first = min(s for s, _ in items)
    k = text.rfind("的", first, a)
    first = k + 1 if k >= 0 and text[k + 1:a].count("、") == text[first:a].count("、") else first
    if _GOODS_VERB.search(text, max(0, first - 8), first):
        return True  # 市场内销售的李子、杨梅、黄桃: what is sold, used or seized is goods
    last = max(s for s, _ in items)  # the tail follows the last item, within a few characters
    m = _GOODS_TAIL.search(text, last + 1, min(len(text), last + 16))
    return m is not None and m.start() <= last + 5


_MASKED_RE = re.compile("(?:" + _SURNAME_RE.pattern + ")[" + re.escape("".join(sorted(_MASK))) + "]+(?:[甲乙丙丁1-9])?")


def _listed_mask(text: str, k: int) -> bool:
    """A list joint at k and a masked name after it (白雪、刘**等12名)."""
    return text[k:k + 1] == "、" and _MASKED_RE.match(text, k + 1) is not None


def _masked_spans(text: str) -> set[Span]:
    """Masked names (陶某某, 王×, 朱**): public, but a name listed with one is a person's."""
    return {m.span() for m in _MASKED_RE.finditer(text)}


def _clause(text: str, i: int) -> tuple[int, str]:
    """The clause around position i (between sentence punctuation), at most 60 characters."""
    lo = max(0, i - 30)
    hi = min(len(text), i + 30)
    for k in range(i - 1, lo - 1, -1):
        if text[k] in "。！？；\n":
            lo = k + 1
            break
    for k in range(i, hi):
        if text[k] in "。！？；\n":
            hi = k
            break
    return lo, text[lo:hi]


def _dedupe(spans: list[Span]) -> list[Span]:
    """Overlapping spans: the longer one (a dotted or minority name over a surname reading)."""
    out: list[Span] = []
    for a, b in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if out and a < out[-1][1]:
            if b - a > out[-1][1] - out[-1][0]:
                out[-1] = (a, b)
            continue
        out.append((a, b))
    return out


def person_names(text: str, public: Iterable[str] = ()) -> list[Span]:
    """Spans [start, end) in `text` of unmasked full names of natural persons; `public`: strings
    known to be public in this text (a record's own organisation party, its places)."""
    spans = detect(text, None, public)
    if CRF_THRESHOLD is None or not text:
        return spans
    blanked = blank(text, public)
    if not namecrf.available() or not _CRF_HINT.search(blanked):
        return spans
    marked = namecrf.window_spans(blanked, crf_slots(blanked, spans), CRF_THRESHOLD, _cfreq, _tag)
    return second_opinion(blanked, spans, crf_slot_filter(blanked, marked, CRF_WEAK_SLOT_THRESHOLD))


def crf_slots(text: str, spans: list[Span], after_verbs: bool | None = None) -> list[int]:
    """Where the CRF is asked whether a name begins: where the rules' candidates begin (a surname
    after a clause start, a role or a preposition) and after a list's number (1.王平), outside
    the names the rules found; with `after_verbs` (CRF_AFTER_VERBS, round 9), also a surname
    right after a verb of two characters (送达|甘露, 询问|王国强: any verb of jieba's dictionary,
    the model's word features deciding whether its object is a person)."""
    taken = {k for a, b in spans for k in range(a, b)}
    at = {m.start() for m in _CANDIDATE_RE.finditer(text)}
    if "." in text or "．" in text:  # and a numbered list's item: 1.王平，2.李军
        at.update(m.start() for m in _NUMBERED_RE.finditer(text))
    if CRF_AFTER_VERBS if after_verbs is None else after_verbs:
        at.update(i for i in (m.start() for m in _SURNAME_AT_RE.finditer(text))
                  if i >= 2 and _freq(text[i - 2:i]) >= _COMMON and _tag(text[i - 2:i]) == "v")
    return sorted(i for i in at if i not in taken)


_SURNAME_AT_RE = re.compile("(?<=[\u4e00-\u9fff]{2})(?=" + _SURNAME_RE.pattern + ")" + _GIVEN_AHEAD)


_NUMBERED_RE = re.compile(r"(?<=\d[.．])(?=" + _SURNAME_RE.pattern + ")")


# Round 7: the CRF tagger's second opinion (namecrf.py). None: off (the rules alone). The
# threshold and the way it joins the rules were chosen by leave-one-set-out cross-validation
# (scripts/loso_names.py).
CRF_THRESHOLD: float | None = 0.6
CRF_SHAPED_ONLY = True
CRF_AFTER_VERBS = False
# Round 9: a second, higher threshold for a span whose slot is not a role's, a label's or a
# verb's that takes a person (names._left STRONG); None: one threshold for every slot.
CRF_WEAK_SLOT_THRESHOLD: float | None = None


def crf_slot_filter(text: str, marked: list[tuple[int, int, float]], weak: float | None) -> list[tuple[int, int, float]]:
    """The CRF's spans (read at CRF_THRESHOLD) kept: those in a person's slot (a role, a label, a
    verb that takes a person: _left STRONG) at that threshold, the others only from `weak` up."""
    if weak is None:
        return marked
    return [m for m in marked if m[2] >= weak or _left(text, m[0]) == STRONG]
_CRF_HINT = re.compile("[" + "".join(sorted(SINGLE | {c[0] for c in COMPOUND + JAPANESE})) + re.escape(DOTS) + "]")


def _trade_name(text: str, end: int, reach: int = 14) -> bool:
    """An organisation's suffix (有限公司, 店, 厂 …) ends the run of Han characters from `end`
    within `reach` characters: what came before is a trade name, however its words read."""
    k = end
    while k < min(len(text), end + reach) and _han(text[k]):
        m = _ORG_RE.match(text, k)
        if m and (m.end() >= len(text) or not _han(text[m.end()]) or len(m.group()) > 1):
            return True
        k += 1
    return False


# A verb whose object is a condition, never a person (患有, 确诊为): the CRF read an eponym's
# transliteration after it as a name (阿尔茨海|默病) once tune11's minority names had trained it.
_CONDITION_BEFORE = re.compile(r"(?:患有|罹患|患上|确诊为|确诊|诊断为|诊断出|查出)$")


def second_opinion(text: str, spans: list[Span], marked: list[tuple[int, int, float]],
                   shaped_only: bool = CRF_SHAPED_ONLY) -> list[Span]:
    """`spans` (the rules' names in the blanked `text`) and the spans the CRF marks (`marked`:
    namecrf.spans at the chosen threshold) that overlap none of them, each through
    the look-alike exceptions the rules apply: no mask in it or right after it (王*华, 张某), no
    public or quoted string (blanked), no function word or numeral as a given character (代其),
    no surname alone (欧阳) nor with a courtesy (李先生), no time after 于 (于黎明时分), no goods
    or party the rules list (丁香, 双方), no business or place it runs into (周大福珠宝专柜, 李集镇),
    no part of a longer dictionary word (阳光|照在), no item of a list of words (葛根、江米条).
    Han names only: Latin letters stay the romanised reader's (the CRF read brands in brackets,
    GOLDEN FRUIT, as names). `shaped_only`: the span must begin with a surname or hold a middle
    dot or begin with a minority name's part, the shapes the rules read (the model then
    overrides a rule's rejection of a candidate, and does not invent other ones)."""
    added: list[Span] = []
    taken = {k for s, e in spans for k in range(s, e)}
    for a, b, _ in marked:
        if any(k in taken for k in range(a, b)):
            continue
        run = text[a:b]
        if not all(_han(ch) or ch in _NAME_DOTS for ch in run) or any(ch in _MASK for ch in run) or _masked_after(text, b) or (
                a >= 2 and text[a - 1] in _MASK):
            continue
        surname = run[:2] if run[:2] in COMPOUND or run[:2] in JAPANESE else run[:1] if run[0] in SINGLE else ""
        if shaped_only and not (surname or _DOT_SCAN_RE.search(run)):
            continue
        if surname and len(run) > len(surname) + 2 and not _DOT_SCAN_RE.search(run):
            # 徐平|见义勇为: a span past two given characters stops where a word of three or four
            # characters starts (the round-9 model ran a name into the idiom after it)
            cut = next((k for k in range(len(surname) + 1, len(run))
                        if _freq(text[a + k:a + k + 3]) >= _WORD or _freq(text[a + k:a + k + 4]) >= _WORD), None)
            if cut is not None:
                b, run = a + cut, text[a:a + cut]
        if surname and len(run) == len(surname):
            continue
        # a personal description right after (（男，, 本人, 户籍) is the name's own evidence and
        # outweighs what its characters look like (当事人于是（男…）, 贾福顺|户籍所在地)
        described = STRONG_RIGHT.match(text, b) is not None
        if surname and not described and any(ch in _NOT_GIVEN and not (k == 0 and len(run) - len(surname) == 2 and ch in _SOFT_GIVEN)
                                             for k, ch in enumerate(run[len(surname):])):
            continue
        if _HONORIFIC_RE.match(text, a + len(surname or run[:1])) or (run[0] == "于" and _yu_time(text, a)):
            continue
        if _CONDITION_BEFORE.search(text, max(0, a - 5), a):
            continue  # 患有|阿尔茨海默病: what one suffers from is a condition, not a person (round 8)
        if run in _GOODS or run in _COLLECTIVE or _place_word_at(text, a) or (not described and (
                _business_or_place(text, a, b) or _look_alike(text, a, b))):
            continue
        if not described and a and _freq(text[a - 1:a + 1]) >= _COMMON and not _tag(text[a - 1:a + 1]).startswith("nr"):
            continue  # 那时|候刚做过: it begins inside a common word
        if a and text[a - 1] in _ADMIN and _trade_name(text, b):
            continue  # 霍邱县盛达|驾驶员培训有限公司: a place, then a trade name running into its suffix
        if not described and any(_freq(w) >= _COMMON and _tag(w).startswith(_FUNCTION_TAGS) for w in {run, run[:2]}):
            continue  # 明显|系该公司所为, 支付|宝: a common adverb, verb or adjective (or its head) with nothing personal after it
        added.append((a, b))
        taken.update(range(a, b))
    if not added:
        return spans
    added = _in_words(text, added)
    if added and _LIST_SEP_RE.search(text):
        keep = set(_word_lists(text, spans + added))
        added = [s for s in added if s in keep]
    return sorted(spans + added)


def mask(name: str) -> str | None:
    """The masked form of a found name: 张三丰 -> 张某某, 欧阳娜娜 -> 欧阳某某, and a dotted name
    part by part, the first keeping its first character (阿力木江·吐尔逊 -> 阿某·某某)."""
    plain = d.mask_name(name)
    if plain is None and name[:1].isascii():
        return name.split()[0] + " 某"  # ZHANG Lihua -> ZHANG 某, David Wilson -> David 某
    if plain is not None or not _DOT_SCAN_RE.search(name):
        return plain
    parts = re.split("([" + re.escape(_NAME_DOTS) + "])", name)
    return "".join(p if k % 2 else (p[0] + "某" if k == 0 else "某某") for k, p in enumerate(parts))


def name_matches(text: str, allow: Iterable[str] = (), public: Iterable[str] = (),
                 taken: Iterable[tuple[int, int]] = ()) -> list[d.Match]:
    """The redaction gate's NAME matches in `text`: every unmasked name, except one overlapping a
    span another detector already took (`taken`: an ID, an address) and one inside a string the
    site allows (policy.redaction.allow: a name published by law). The one loop the record gate
    (checks/redaction.py) and the page gate (checks/pages.py) share."""
    taken = list(taken)
    allow = tuple(a for a in allow if a)
    out = []
    for a, b in person_names(text, public):
        name = text[a:b]
        if any(s < b and a < e for s, e in taken) or any(name in x for x in allow):
            continue
        out.append(d.Match(d.NAME, a, b, name, mask(name)))
    return out
