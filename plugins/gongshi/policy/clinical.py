"""A kept clinical vocabulary for the health detector: medicine names from a package.

Why: the health detector (prose.py) knows a condition by its slot (患有…, 确诊为…, 系…患者,
服用…) and by a vocabulary. Its own vocabulary is the words enforcement texts use; a held-out
set written by someone else named conditions and medicines it had never seen (服用氯氮平,
舍曲林, 偏执型精神分裂症). Rather than adding each quoted string, the vocabulary is widened from a
maintained source: the package `faker-healthcare-provider` (MIT, a dependency for this table
only) ships, for zh_CN, 158 diseases by their WHO ICD-10 titles with the medicines that treat
them (433 names: 奥氮平, 二甲双胍, 舍曲林, 丙戊酸 …). It is read here without importing the package
(whose import loads Faker), once, with `ast.literal_eval` (data, never code run).

What is taken: the medicines, every name of two characters or more, less the treatments that are
no medicine and words that ordinary enforcement text uses for other things (氧气, 运动, 眼镜, 输血
…). A medicine is health data only when someone takes it (prose.py's slot: 当事人长期服用奥氮平),
so a name sold or seized is not flagged. The diseases' ICD titles are not taken: they are formal
(特发性(原发性)高血压, 其他慢性阻塞性肺病) where a clerk writes 高血压; the conditions a clerk names are
found by the vocabulary and by their name's ending in a slot (prose._UNKNOWN, _DIAGNOSED).

When the table cannot be read (package missing or changed), the set is empty and the slot still
finds a medicine by its name's ending (…平, …汀, …酮, …胶囊): fewer names known, the slot unchanged.
"""
from __future__ import annotations

import ast
import importlib.util
import os
import re
from functools import lru_cache

# Treatments and aids in the table that are no medicine, and names enforcement text uses for
# goods or work (使用氧气切割, 销售眼镜): not taken as medicines.
_NOT_MEDICINES = frozenset(
    "运动 眼镜 氧气 氧疗 水化 分娩 手术 饮食控制 无药物 声音休息 日光暴露 支持性护理 湿化空气 蒸汽吸入 盆底运动 "
    "放大镜 防眩光镜片 生理盐水冲洗 电解质管理 肺康复 腕部夹板 胸管 胸腔穿刺 输血 醋酸 金缕梅 辣椒素 益生菌 "
    "保湿剂 人工泪液 无麸质饮食 纤维补充剂 静脉输液 激光疗法 光动力疗法 血浆置换 膀胱灌注 助听器 人工耳蜗 叶酸 "
    "维生素C 维生素D 维生素E 维生素补充剂 钙补充剂 铁补充剂 抗生素 止痛药 类固醇 透析 化疗 放疗".split())
_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, object]]:
    try:
        spec = importlib.util.find_spec("faker_healthcare")
    except (ImportError, ValueError):
        return {}
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = os.path.join(list(spec.submodule_search_locations)[0], "zh_CN", "disease_correlations.py")
    try:
        with open(path, encoding="utf-8") as fh:
            tree = ast.parse(fh.read())
        for node in tree.body:
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
                    and node.target.id == "DISEASE_CORRELATIONS" and node.value is not None:
                table = ast.literal_eval(node.value)
                return table if isinstance(table, dict) else {}
    except (OSError, SyntaxError, ValueError):
        return {}
    return {}


@lru_cache(maxsize=1)
def medicines() -> frozenset[str]:
    """Names of medicines (Chinese, two characters or more), or an empty set without the table."""
    out = set()
    for entry in _table().values():
        meds = entry.get("medications") if isinstance(entry, dict) else None
        for name in meds if isinstance(meds, list) else ():
            if isinstance(name, str) and len(name) >= 2 and _HAN.match(name) and name not in _NOT_MEDICINES \
                    and "/" not in name:
                out.add(name)
    return frozenset(out)

