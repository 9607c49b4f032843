"""gongshi serve: plain messages for a missing build and a busy port; the portal's own 404 page."""
from __future__ import annotations

import argparse
import functools
import http.server
import socket
import threading
import urllib.error
import urllib.request
from pathlib import Path

from gongshi.cli import serve


def _args(output: Path, port: int) -> argparse.Namespace:
    return argparse.Namespace(output=str(output), port=port, bind="127.0.0.1")


def test_missing_build_says_build_first(tmp_path: Path, capsys) -> None:
    assert serve.run(_args(tmp_path / "output", 8000)) == 2
    err = capsys.readouterr().err
    assert "build first: make html" in err and "请先构建" in err and "Traceback" not in err


def test_busy_port_is_named(tmp_path: Path, capsys) -> None:
    (tmp_path / "index.html").write_text("<h1>ok</h1>", encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert serve.run(_args(tmp_path, port)) == 2
    err = capsys.readouterr().err
    assert f"port {port} is already in use" in err and f"端口 {port} 已被占用" in err
    assert "internal error" not in err and f"--port {port + 1}" in err


def test_missing_page_gets_the_portals_404(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<h1>ok</h1>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<h1>页面不存在</h1>", encoding="utf-8")
    handler = functools.partial(serve.PortalHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        assert "ok" in urllib.request.urlopen(f"{url}/index.html").read().decode()
        try:
            urllib.request.urlopen(f"{url}/no/such/page.html")
            raise AssertionError("expected 404")
        except urllib.error.HTTPError as e:
            assert e.code == 404 and "页面不存在" in e.read().decode("utf-8")
    finally:
        httpd.shutdown()


def test_new_guide_requires_a_slug(data_copy: Path, capsys) -> None:
    from gongshi.cli import main
    agency = sorted(p.name for p in (data_copy / "agencies").iterdir())[0]
    assert main(["new", "guide", "--agency", agency, "--data", str(data_copy)]) == 2
    assert "--slug is required" in capsys.readouterr().err
    assert not list((data_copy / "agencies" / agency / "guides").glob("new-*.yml"))


def test_new_refuses_a_slug_with_personal_data_and_prints_it_masked(data_copy: Path, capsys) -> None:
    """The slug becomes the file's name and the public address (second red-team pass)."""
    from gongshi.cli import main
    assert main(["new", "decision", "--agency", "market", "--slug", "13957312846", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert "编号“139****2846”中有手机号码" in err and "13957312846" not in err
    assert not list(data_copy.rglob("13957312846*"))
