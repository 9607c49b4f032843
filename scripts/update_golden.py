"""Build the golden site (tests/cases/_base + tests/golden_data as of GOLDEN_AS_OF) and, when run
as a script, write it to tests/golden/ so the golden-site test compares against it.

Only the portal is kept: the portal generator's pages, Pelican's own notices and pages, and
the theme files the portal owns, so other outputs (feeds, search, open data) cannot change it.

    .venv/bin/python scripts/update_golden.py
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
GOLDEN_AS_OF = dt.date(2027, 1, 15)
BASE = ROOT / "tests" / "cases" / "_base"
EXTRA = ROOT / "tests" / "golden_data"
# Theme files of other outputs (search box, search page, feeds and data pages) are left out.
FOREIGN = {"search.html", "feeds.html", "feeds_subscribe.html", "data.html", "data_dictionary.html",
           "partials/search_box.html", "partials/search_meta.html"}
PORTAL_STATIC = ["css/site.css"]


def _portal_theme(dst: Path) -> Path:
    src = ROOT / "theme"
    for path in sorted((src / "templates").rglob("*.html")):
        rel = path.relative_to(src / "templates").as_posix()
        if rel not in FOREIGN:
            (dst / "templates" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, dst / "templates" / rel)
    for rel in PORTAL_STATIC:
        (dst / "static" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src / "static" / rel, dst / "static" / rel)
    shutil.copytree(src / "translations", dst / "translations")
    return dst


def build_golden(out: Path, lang: str = "zh", extra: Path = EXTRA) -> list[str]:
    """Build the golden site (or _base + another `extra` folder) into `out`; returns its files."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from gongshi.model import hookspecs as hooks
    from gongshi.app.build import build
    from gongshi.outputs.portal.generator import PortalGenerator

    planned: list[str] = []

    class Capture(PortalGenerator):
        def write_sitemap(self) -> None:
            super().write_sitemap()
            planned.extend({p.path for p in self.pages} | set(self.sitemap_paths()))

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = work / "data"
        shutil.copytree(BASE, data)
        shutil.copytree(extra, data, dirs_exist_ok=True)
        theme = _portal_theme(work / "theme")
        settings = work / "pelicanconf.py"
        settings.write_text((ROOT / "pelicanconf.py").read_text(encoding="utf-8")
                            + f"\nTHEME = {str(theme)!r}\nGONGSHI_LANG = {lang!r}\n", encoding="utf-8")
        saved = list(hooks.BUILTIN_OUTPUTS)
        hooks.BUILTIN_OUTPUTS[:] = [Capture]  # the portal only
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            ds = build(str(data), str(out), GOLDEN_AS_OF, settings_file=str(settings),
                       content=str(ROOT / "content"))
        finally:
            os.chdir(cwd)
            hooks.BUILTIN_OUTPUTS[:] = saved
        if not ds.report.ok:
            raise SystemExit(ds.report.to_text("en"))
    # Outputs hooked in elsewhere (a search index, say) may still appear: keep the portal's files.
    keep = set(planned) | {"sitemap.xml", "robots.txt"} | {f"theme/{rel}" for rel in PORTAL_STATIC}
    for path in sorted(out.rglob("*"), reverse=True):
        rel = path.relative_to(out).as_posix()
        if path.is_file() and rel not in keep and not rel.startswith("files/"):  # attachments kept
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())


def main() -> int:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    files = build_golden(GOLDEN)
    print(f"tests/golden: {len(files)} files as of {GOLDEN_AS_OF}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
