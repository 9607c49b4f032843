"""calendar.yml: official holiday schedules for years the calendar library lacks."""
from __future__ import annotations

from gongshi.model.schema import Date, Integer, ListOf, Obj, Text
from gongshi.model.kinds.base import RecordKind


class CalendarKind(RecordKind):
    """Holidays and make-up workdays (调休) announced by the State Council, per year."""

    name = "calendar"
    title = "节假日安排"
    title_en = "holiday calendar"
    pattern = "calendar.yml"
    schema = Obj("节假日安排", {
        "years": ListOf("年度安排", Obj("年度", {
            "year": Integer("年份", "例如 2027", required=True, minimum=2000),
            "holidays": ListOf("放假日期", Obj("假期", {
                "name": Text("节日名称", "例如 春节"),
                "from": Date("开始日期", "放假的第一天，YYYY-MM-DD", required=True),
                "to": Date("结束日期", "含当日", required=True),
            }, "一段连续的放假日期"), "国务院办公厅公布的放假安排"),
            "workdays": ListOf("调休上班日", Date("日期", "一个调休上班的日期，YYYY-MM-DD"), "因调休而上班的周六、周日"),
            "source": Text("来源", "公布放假安排的文件，例如 国办发明电〔2026〕7号"),
        }, "一年的放假和调休安排"), "每年一项", required=True),
    }, "calendar 库尚未收录年份的放假与调休安排")
