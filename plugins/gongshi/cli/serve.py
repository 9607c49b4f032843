"""gongshi serve: serve the built portal on localhost.

Plain bilingual messages instead of tracebacks: a missing build says "build first: make html",
a busy port names the port and how to pick another; pages that do not exist get the portal's
own 404.html (with status 404), not Python's English error page."""
from __future__ import annotations

import argparse
import errno
import functools
import http.server
import os
import sys
from typing import Any

NAME = "serve"
HELP = "在本机预览已构建的网站 / serve the built portal on localhost"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--output", default="output", help="网站文件夹 / built site folder")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--bind", default="127.0.0.1")


class PortalHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of the built portal; a missing page gets the portal's 404.html."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = os.path.join(str(self.directory), "404.html")
        if code == 404 and os.path.isfile(page):
            with open(page, "rb") as fh:
                body = fh.read()
            self.send_response(404, message)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass  # one line per request drowns the address the user needs to see


def _fail(zh: str, en: str, hint_zh: str, hint_en: str) -> int:
    print(f"gongshi serve: {zh} / {en}\n提示 / hint: {hint_zh} / {hint_en}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    if not os.path.isfile(os.path.join(args.output, "index.html")):
        return _fail(f"{args.output}/ 中没有已构建的网站", f"no built site in {args.output}/",
                     "请先构建：make html（或 gongshi build）", "build first: make html (or gongshi build)")
    handler = functools.partial(PortalHandler, directory=args.output)
    try:
        httpd = http.server.ThreadingHTTPServer((args.bind, args.port), handler)
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            return _fail(f"端口 {args.port} 已被占用", f"port {args.port} is already in use",
                         f"换一个端口：gongshi serve --port {args.port + 1}（或 make serve PORT={args.port + 1}），"
                         "或先停止占用该端口的程序",
                         f"pick another: gongshi serve --port {args.port + 1} (or make serve PORT={args.port + 1}), "
                         "or stop the program using it")
        if e.errno in (errno.EACCES, errno.EADDRNOTAVAIL):
            return _fail(f"无法在 {args.bind}:{args.port} 上监听（{e.strerror}）",
                         f"cannot listen on {args.bind}:{args.port} ({e.strerror})",
                         "使用 1024 以上的端口和本机地址，例如 --port 8000 --bind 127.0.0.1",
                         "use a port above 1024 and a local address, e.g. --port 8000 --bind 127.0.0.1")
        raise
    with httpd:
        print(f"网站地址 / site at: http://{args.bind}:{args.port}/  (Ctrl+C 停止 / to stop)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            print("\n已停止 / stopped")
    return 0
