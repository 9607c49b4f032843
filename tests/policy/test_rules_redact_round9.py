"""Round 9 of the detectors other than names (issue 20, part 4): each class fixed, stopped or kept
public on sentences of this file's own (not the corpus rows it was tuned on), exact findings."""
from __future__ import annotations

import pytest

from gongshi.policy import detectors as d

STOPPED = [
    # A private vehicle beside the new public ones: a person's, whatever the dot.
    ("当事人韩某某驾驶其私家车赣C·7P318运送散装白酒。", d.PLATE, "赣C·7P318", "赣C·***18"),
    ("执法人员发现当事人个人所有的货车（闽D·5K271）停放在仓库门口。", d.PLATE, "闽D·5K271", "闽D·***71"),
    ("车辆（晋A·3Q882）登记所有人为陶某某，系当事人本人。", d.PLATE, "晋A·3Q882", "晋A·***82"),
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
    # Codes by the one list of code labels (round 9: a product's model number with an ID's shape, a
    # certificate's number with a mobile's; each was in only one of the two lists before).
    "产品型号341522198506120031，共20台。",
    "证书号码13905641234",
    # An office's landline by its department, written with an em dash.
    "联系科室：执法稽查科，联系电话：0731—84226510。",
]


@pytest.mark.parametrize("text,kind,found,mask", STOPPED)
def test_stopped(text: str, kind: str, found: str, mask: str | None) -> None:
    matches = [m for m in d.detect(text) if m.kind == kind]
    assert [(m.text, m.mask) for m in matches] == [(found, mask)], d.detect(text)


@pytest.mark.parametrize("text", PUBLIC)
def test_stays_public(text: str) -> None:
    assert [(m.kind, m.text) for m in d.detect(text) if m.kind != d.CREDIT_CODE] == []
