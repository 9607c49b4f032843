"""The shipped schedules (issue 7, item 1): monthly and daily, for GitLab, GitHub and systemd."""
from __future__ import annotations

import configparser
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import ROOT
from gongshi.cli import commands

CI = ROOT / "ci-templates"
SUBCOMMANDS = {m.NAME for m in commands()}


def gongshi_calls(text: str) -> list[str]:
    return re.findall(r"gongshi ([a-z-]+)", text)


@pytest.mark.parametrize("name", ["gitlab-ci.yml", "github-workflow.yml"])
def test_ci_templates_parse_and_call_real_commands(name: str) -> None:
    text = (CI / name).read_text(encoding="utf-8")
    yaml.safe_load(text)
    calls = gongshi_calls(text)
    assert "refresh" in calls and "check-changes" in calls and set(calls) <= SUBCOMMANDS


def test_github_has_daily_and_monthly_cron() -> None:
    doc = yaml.safe_load((CI / "github-workflow.yml").read_text(encoding="utf-8"))
    crons = [c["cron"] for c in doc[True]["schedule"]]  # YAML 1.1 reads the key `on` as True
    assert "5 16 * * *" in crons and any(c.split()[2] == "1" for c in crons)


def _timer(name: str) -> str:
    cp = configparser.ConfigParser()
    cp.read(CI / "systemd" / name, encoding="utf-8")
    return cp["Timer"]["OnCalendar"]


@pytest.mark.parametrize("name, every", [("gongshi-refresh.timer", "*-*-*"), ("gongshi-refresh-monthly.timer", "*-*-01")])
def test_systemd_timers(name: str, every: str) -> None:
    spec = _timer(name)
    assert spec.startswith(every) and spec.endswith("Asia/Shanghai")
    if shutil.which("systemd-analyze"):
        subprocess.run(["systemd-analyze", "calendar", spec], check=True, capture_output=True)
    service = (CI / "systemd" / "gongshi-refresh.service").read_text(encoding="utf-8")
    assert set(gongshi_calls(service)) == {"refresh"}
