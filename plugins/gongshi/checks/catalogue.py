"""R-CATALOG: the open-data catalogue (`data.json`) is one a harvester accepts.

The portal publishes its open data with a DCAT catalogue (DCAT-US 1.1, JSON-LD;
outputs/opendata/generator.py `catalog`) so that a province's or the nation's data portal (CKAN's
DCAT harvester, data.gov.cn's) can take it in without a person. DCAT-US 1.1 requires every
dataset's `contactPoint` to carry `hasEmail`; the catalogue takes it from site.yml's
`identity.contact.email`, and without it harvesters reject the whole catalogue while the portal's
pages look fine. So a missing address is said at validate time, where a clerk can fix it, not
found later by the province. A warning, not an error: the pages and files themselves are complete.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from gongshi.model.dataset import Dataset
from gongshi.model.findings import WARNING, Finding, Msg
from gongshi.model.hookspecs import RECORD, check, scoped

NO_EMAIL = Msg("R-CATALOG", "site.yml 没有填写 identity.contact.email，开放数据目录 data.json 缺少联系邮箱（hasEmail），"
                            "数据开放平台按 DCAT 标准汇聚时会拒收整个目录",
               "site.yml has no identity.contact.email, so the open-data catalogue data.json has no contact "
               "e-mail (hasEmail) and data portals harvesting it by the DCAT standard reject the whole catalogue",
               "在 site.yml 的 identity 下填写 contact: {email: 网站管理部门的电子邮箱}（该地址会公开）",
               "add contact: {email: the site office's e-mail} under identity in site.yml (the address is published)",
               WARNING)


def _keys(data: dict[str, Any]) -> tuple[str, ...] | None:
    """The deepest of identity / identity.contact the file has, where the address belongs;
    None (line 1) when it has neither."""
    ident = data.get("identity")
    if not isinstance(ident, dict):
        return None
    return ("identity", "contact") if isinstance(ident.get("contact"), dict) else ("identity",)


@check
@scoped(RECORD)  # site.yml only
def catalogue_contact(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """site.yml names the e-mail the catalogue's contact point needs."""
    for r in ds.of("site"):
        ident = r.data.get("identity")
        contact = ident.get("contact") if isinstance(ident, dict) else None
        if isinstance(contact, dict) and contact.get("email"):
            continue
        keys = _keys(r.data)
        yield NO_EMAIL(r.file, keys=keys) if keys else NO_EMAIL(r.file, 1, 1)
