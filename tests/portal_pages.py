"""One example page of every portal page kind in the demo site (shared by the browser and
accessibility tests): (name, path, text that must be on it)."""
from __future__ import annotations

PAGE_KINDS: list[tuple[str, str, str]] = [
    ("home", "index.html", "事前公开"),
    ("agency", "market/index.html", "统一社会信用代码"),
    ("officers", "market/officers.html", "辅助人员"),
    ("officers-all", "officers.html", "霍邱县交通运输局"),
    ("posts", "market/posts.html", "号窗口"),
    ("items", "market/items.html", "裁量基准"),
    ("lists", "market/lists.html", "重大执法决定法制审核目录清单"),
    ("guides", "market/guides/index.html", "法定时限"),
    ("guide", "market/guides/license-1.html", "申请材料"),
    ("flowcharts", "market/flowcharts/index.html", "个步骤"),
    ("flowchart", "market/flowcharts/license.html", "流程步骤（文字版）"),
    ("inspections", "market/inspections.html", "抽查结果"),
    ("decisions", "decisions/index.html", "按公开日期从新到旧排列"),
    ("decisions-year", "market/decisions/2025/index.html", "2025"),
    ("decisions-category", "decisions/category/penalty/index.html", "行政处罚"),
    ("decision", "market/decisions/2025/cf-2025-0001.html", "霍市监罚〔2025〕1号"),
    ("notice", "ecology/decisions/2025/cf-2025-0004.html", "撤销原因"),
    ("revocations", "revocations.html", "霍环罚〔2025〕4号"),
    ("stats-index", "stats/index.html", "2025"),
    ("stats", "stats/2025.html", "行政处罚种类"),
    ("compliance", "compliance.html", "公示合规情况"),
    ("compliance-agency", "market/compliance.html", "公示合规情况"),
    ("article", "notices/platform-launch.html", "上线运行"),
    ("notices", "notices/index.html", "通知公告"),
    ("page", "pages/about.html", "三项制度"),
    ("404", "404.html", "页面不存在"),
]
