"""data.json as a harvester takes it (issue 24): every dataset valid against DCAT-US v1.1 (its
US-federal-only bureauCode/programCode aside), with `license` and `rights` from site.yml, and a
site without a licence saying so; the open-data page gives sizes in one unit system."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from types import SimpleNamespace

import jsonschema
import pytest

from conftest import ROOT
from gongshi.cli import main
from gongshi.outputs.opendata.files import DataFile
from gongshi.outputs.opendata.generator import NO_LICENSE_RIGHTS, UNKNOWN_LICENSE, catalog

SCHEMA = json.loads((ROOT / "tests/data/dcat/dcat-us-1.1.schema.json").read_text(encoding="utf-8"))


def _errors(doc: object) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc))


def test_demo_catalogue_is_valid_dcat_us(demo_site: Path) -> None:
    doc = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    assert _errors(doc) == []
    for ds in doc["dataset"]:
        assert ds["license"] == "https://creativecommons.org/licenses/by/4.0/"
        assert ds["rights"].startswith("公示数据可自由下载") and len(ds["rights"]) <= 255


def test_the_schema_means_it() -> None:
    # Without license and rights, or with a bad mediaType, a dataset is refused.
    ds = {"@type": "dcat:Dataset", "title": "t", "description": "d", "keyword": ["k"], "modified": "2026-11-22",
          "publisher": {"name": "p"}, "contactPoint": {"fn": "c", "hasEmail": "mailto:a@b.cn"},
          "identifier": "i", "accessLevel": "public"}
    cat = {"conformsTo": "https://project-open-data.cio.gov/v1.1/schema", "dataset": [ds]}
    assert _errors(cat) == ["dataset/0: 'license' is a required property", "dataset/0: 'rights' is a required property"]
    ds.update(license="https://creativecommons.org/licenses/by/4.0/", rights="x" * 256,
              distribution=[{"downloadURL": "https://a.cn/d.csv", "mediaType": "csv"}])
    assert [e.split(":")[0] for e in _errors(cat)] == ["dataset/0/distribution", "dataset/0/rights"]


def _site(identity: dict[str, object]) -> SimpleNamespace:
    site = {"name": "示例平台", "region": "示例县", "identity": identity}
    return SimpleNamespace(site=site, as_of=dt.date(2026, 11, 22))


def _files() -> list[DataFile]:
    f = DataFile(href="data/decisions.csv", title="全站 执法决定", source="decision", format="csv", scope="all")
    f.size, f.sha256 = 662, "0" * 64
    return [f]


def test_a_site_without_a_licence_says_so() -> None:
    doc = catalog(_site({"contact": {"email": "a@example.gov.cn"}}), _files(), "https://a.example.gov.cn")  # type: ignore[arg-type]
    assert _errors(doc) == []
    (ds,) = doc["dataset"]
    assert ds["license"] == UNKNOWN_LICENSE and ds["rights"] == NO_LICENSE_RIGHTS
    own = catalog(_site({"contact": {"email": "a@example.gov.cn"}, "rights": "仅供查询"}), _files(),  # type: ignore[arg-type]
                  "https://a.example.gov.cn")
    assert own["dataset"][0]["license"] == UNKNOWN_LICENSE and own["dataset"][0]["rights"] == "仅供查询"


def test_open_data_page_sizes_in_one_unit_system(demo_site: Path) -> None:
    page = (demo_site / "data" / "index.html").read_text(encoding="utf-8")
    sizes = re.findall(r"（(?:JSON|CSV)[，,]\s*([^）]+)）", page)
    assert sizes and all(re.fullmatch(r"\d+ KB|\d+\.\d MB", s) for s in sizes), sorted(set(sizes))
    assert "Bytes" not in page and " kB" not in page
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license noopener">' in page


@pytest.mark.parametrize(("line", "message"), [
    ("  report_error: zfwzzc.www.gov.cn/x", "“identity.report_error”的格式不正确：“zfwzzc.www.gov.cn/x”"),
    ("  badge:\n    image: dzjg.png", "缺少必填项“identity.badge.url”（标识链接）"),
    ("  rights: ''", "“identity.rights”不能为空"),
    ("  license:\n    url: https://creativecommons.org/licenses/by/4.0/", "缺少必填项“identity.license.name”（许可协议名称）"),
])
def test_identity_additions_are_validated(data_copy: Path, line: str, message: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    site = data_copy / "site.yml"
    text = re.sub(r"\n  (report_error|repository|license|rights):.*?(?=\n  \w|\Z)", "", site.read_text(encoding="utf-8"),
                  flags=re.S)
    site.write_text(text.rstrip("\n") + "\n" + line + "\n", encoding="utf-8")
    assert main(["validate", str(data_copy), "--as-of", "2026-11-22"]) == 1
    out = capsys.readouterr().out
    assert message in out, out[-2000:]
