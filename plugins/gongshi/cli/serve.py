"""gongshi serve: serve the built portal on localhost."""
from __future__ import annotations

import argparse
import functools
import http.server

NAME = "serve"
HELP = "在本机预览已构建的网站 / serve the built portal on localhost"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--output", default="output", help="网站文件夹 / built site folder")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--bind", default="127.0.0.1")


def run(args: argparse.Namespace) -> int:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=args.output)
    with http.server.ThreadingHTTPServer((args.bind, args.port), handler) as httpd:
        print(f"http://{args.bind}:{args.port}/  (Ctrl+C 停止 / to stop)")
        httpd.serve_forever()
    return 0
