"""Shared fixtures: the demo data, a built demo site, and paths."""
from __future__ import annotations

import datetime as dt
import importlib
import os
import pkgutil
import shutil
from pathlib import Path

import pytest

import gongshi
from gongshi.model.findings import Msg

# Property tests draw the same examples on every run (derandomize), so a red build names a bug in
# the change, not a new random draw; and they keep no example database in the checkout. To search
# with fresh random examples: GONGSHI_HYPOTHESIS=explore make test (what it finds, pin with @example).
from hypothesis import settings as _hypothesis  # noqa: E402

_hypothesis.register_profile("ci", derandomize=True, database=None)
_hypothesis.register_profile("explore", database=None)
_hypothesis.load_profile(os.environ.get("GONGSHI_HYPOTHESIS", "ci"))

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CASES = Path(__file__).resolve().parent / "cases"
DEMO_AS_OF = dt.date(2026, 11, 22)


def messages() -> list[Msg]:
    """Every message (Msg) declared anywhere in the gongshi package."""
    out: list[Msg] = []
    for info in pkgutil.walk_packages(gongshi.__path__, "gongshi."):
        mod = importlib.import_module(info.name)
        out.extend(v for v in vars(mod).values() if isinstance(v, Msg))
    return out


@pytest.fixture(scope="session", autouse=True)
def cache_outside_the_repository(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The parse cache of in-process and child `gongshi` runs goes to a temporary folder.

    Its default is next to the data folder, which for the demo data and the golden cases
    is inside the repository.
    """
    os.environ.setdefault("GONGSHI_CACHE_DIR", str(tmp_path_factory.mktemp("parse-cache")))


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo portal built once per test session as of DEMO_AS_OF."""
    from gongshi.app.build import build
    out = tmp_path_factory.mktemp("site") / "output"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        ds = build(str(DATA), str(out), DEMO_AS_OF, settings_file=str(ROOT / "pelicanconf.py"))
    finally:
        os.chdir(cwd)
    assert ds.report.ok, ds.report.to_text("en")
    return out


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the demo data."""
    dst = tmp_path / "data"
    shutil.copytree(DATA, dst)
    return dst


from browser import browser, page, phone, site_url  # noqa: E402,F401  (browser fixtures)


# The fast lane (`make test-fast`: under 30 s on two cores, no browser) runs the tests of the
# layers below the outputs. These are marked `slow` and left to `make test`: the outputs' and
# the application's tests (they build sites, start servers, drive the CLI) and the few
# lower-layer files that build a whole site or run a property over many datasets.
SLOW_FOLDERS = ("app", "outputs")
SLOW_FILES = {"test_checkcache.py", "test_redact_property.py", "test_annual.py", "test_rules_compliance.py",
              "test_fuzz.py", "test_jobs.py", "test_types.py", "test_publication.py", "test_loader_property.py"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.path))
        if path.parent.name in SLOW_FOLDERS or path.name in SLOW_FILES:
            item.add_marker(pytest.mark.slow)
