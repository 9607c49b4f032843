"""One example page of every portal page kind in the demo site (shared by the browser and
accessibility tests): (name, path, text that must be on it), taken from the demo's public set
so the list follows the demo data when it is regenerated."""
from __future__ import annotations

from conftest import DATA, DEMO_AS_OF
from gongshi.checks.pipeline import validate
from gongshi.outputs.portal import urls
from gongshi.outputs.portal.pages_decisions import revocation
from gongshi.publication import publish


def page_kinds() -> list[tuple[str, str, str]]:
    """Every page kind with a real example from the demo."""
    ps = publish(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)
    slug = next(iter(ps.agencies))
    decision = next(r for r in ps.decisions if r.data["category"] == "行政处罚")
    notice = ps.notices[0]
    guide = ps.of("guide", slug)[0]
    chart = ps.of("flowchart", slug)[0]
    year = DEMO_AS_OF.year - 1
    return [
        ("home", "index.html", "事前公开"),
        ("agency", f"{slug}/index.html", "统一社会信用代码"),
        ("officers", f"{slug}/officers.html", "辅助人员"),
        ("officers-all", "officers.html", "执法人员名录"),
        ("posts", f"{slug}/posts.html", "窗口岗位信息公示"),
        ("items", f"{slug}/items.html", "裁量基准"),
        ("lists", f"{slug}/lists.html", "重大执法决定法制审核目录清单"),
        ("guides", f"{slug}/guides/index.html", guide.data["name"]),
        ("guide", urls.guide(guide), "申请材料"),
        ("flowcharts", f"{slug}/flowcharts/index.html", chart.data["title"]),
        ("flowchart", urls.flowchart(chart), "流程步骤（文字版）"),
        ("inspections", f"{slug}/inspections.html", "抽查结果"),
        ("decisions", "decisions/index.html", "按公开日期从新到旧排列"),
        ("decisions-year", urls.decisions_list(slug, year=decision.year), str(decision.year)),
        ("decisions-category", urls.decisions_list(None, cat="行政处罚"), "行政处罚"),
        ("decision", urls.decision(decision), decision.data["doc_no"]),
        ("notice", urls.decision(notice), revocation(notice).reason),
        ("revocations", "revocations.html", notice.data["doc_no"]),
        ("stats-index", "stats/index.html", str(year)),
        ("stats", urls.stats(year), "行政处罚种类"),
        ("compliance", "compliance.html", "公示合规情况"),
        ("compliance-agency", f"{slug}/compliance.html", "公示合规情况"),
        ("article", "notices/platform-launch.html", "上线运行"),
        ("notices", "notices/index.html", "通知公告"),
        ("page", "pages/about.html", "三项制度"),
        ("404", "404.html", "页面不存在"),
    ]


PAGE_KINDS = page_kinds()
