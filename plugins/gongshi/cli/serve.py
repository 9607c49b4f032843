"""gongshi serve: serve the built portal on localhost; with --watch, the live preview of the
data folder (app/live.py: rendered from memory, fresh and reloaded on every save).

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
import time
from typing import Any

NAME = "serve"
HELP = "在本机预览网站（--watch：保存即刷新） / serve the portal on localhost (--watch: live preview)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from gongshi.cli import add_as_of, add_lang
    p.add_argument("--output", default="output",
                   help="网站文件夹（--watch 时提供订阅、开放数据等其他文件） / built site folder "
                        "(with --watch: feeds, open data and other files besides the portal pages)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--bind", default="127.0.0.1",
                   help="监听地址，默认仅本机 / address to listen on, default this machine only")
    p.add_argument("--watch", action="store_true",
                   help="实时预览：从内存生成页面，保存文件后立即刷新浏览器 / live preview: pages from memory, "
                        "the browser reloads when a file is saved")
    p.add_argument("--data", default="data", help="数据文件夹（--watch） / data folder (--watch)")
    p.add_argument("--content", default=None, metavar="DIR",
                   help="Markdown 内容文件夹（--watch） / Markdown content folder (--watch)")
    p.add_argument("--settings", default="pelicanconf.py", help="Pelican 设置文件 / Pelican settings file")
    add_as_of(p)
    add_lang(p)


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


def _listen(args: argparse.Namespace, handler: Any) -> http.server.ThreadingHTTPServer | int:
    """The server on --bind:--port, or the exit code after a plain message."""
    try:
        return http.server.ThreadingHTTPServer((args.bind, args.port), handler)
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


def run(args: argparse.Namespace) -> int:
    if getattr(args, "watch", False):
        return run_live(args)
    if not os.path.isfile(os.path.join(args.output, "index.html")):
        return _fail(f"{args.output}/ 中没有已构建的网站", f"no built site in {args.output}/",
                     "请先构建：make html（或 gongshi build）", "build first: make html (or gongshi build)")
    handler = functools.partial(PortalHandler, directory=args.output)
    httpd = _listen(args, handler)
    if isinstance(httpd, int):
        return httpd
    with httpd:
        print(f"网站地址 / site at: http://{args.bind}:{args.port}/  (Ctrl+C 停止 / to stop)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            print("\n已停止 / stopped")
    return 0


def run_live(args: argparse.Namespace) -> int:
    """`--watch`: load and check the data once, then serve it from memory and watch it."""
    import threading

    from gongshi.model.dataset import today_shanghai
    from gongshi.app.live import LiveSite
    from gongshi.app.livereload import handler_for, watch
    if not os.path.isdir(args.data):
        return _fail(f"数据文件夹不存在：{args.data}", f"no such data folder: {args.data}",
                     "用 --data 指定数据文件夹", "name the data folder with --data")
    if args.content is not None and not os.path.isdir(args.content):
        return _fail(f"内容文件夹不存在：{args.content}", f"no such content folder: {args.content}",
                     "用 --content 指定 Markdown 文件夹", "name the Markdown folder with --content")
    site = LiveSite(args.data, args.as_of or today_shanghai(), content=args.content,
                    settings_file=args.settings, output=args.output, lang=args.lang)
    httpd = _listen(args, handler_for(site))  # the port first: a busy one is said before the long load
    if isinstance(httpd, int):
        return httpd
    print(f"读取并检查 / loading and checking {args.data}/ …", flush=True)
    started = time.perf_counter()
    site.start()
    errors = len(site.data.blocked())
    print(f"已载入 / loaded: {site.data.ds.files} 个文件 / files, {len(site.state.pub.decisions)} 件公开决定 / "
          f"public decisions, {time.perf_counter() - started:.1f} s"
          + (f"; {errors} 个文件有错误，不显示 / file(s) with errors, not shown (gongshi validate)" if errors else ""),
          flush=True)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(site, stop), name="gongshi-live-watch", daemon=True)
    watcher.start()
    with httpd:
        print(f"实时预览 / live preview: http://{args.bind}:{args.port}/  (保存文件即刷新 / reloads on save; "
              "Ctrl+C 停止 / to stop)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            print("\n已停止 / stopped")
        finally:
            stop.set()
            site.stop()
    return 0
