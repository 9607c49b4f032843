"""gongshi schema: JSON Schema of every record kind, for editors (completion, hover, errors).

`gongshi schema` writes `<kind>.schema.json` into `schemas/`; the repository commits them and
`.vscode/settings.json` maps the data folders to them, so VS Code (with the YAML extension)
shows each field's Chinese title and description and flags mistakes while a clerk types.
`--check` compares instead of writing (exit 1 when a committed file is stale).
"""
from __future__ import annotations

import argparse
import json
from typing import Any

from gongshi.model.kinds import KINDS
from gongshi.cli import EXIT_FINDINGS, EXIT_OK, write_generated

NAME = "schema"
HELP = "导出供编辑器使用的 JSON Schema / export JSON Schema for editors"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--output", default="schemas", metavar="DIR",
                   help="输出文件夹 / output folder (default: schemas)")
    p.add_argument("--check", action="store_true",
                   help="只比较、不写入；有过时的文件时退出码为 1 / compare only; exit 1 when a file is stale")


def documents() -> dict[str, str]:
    """File name -> JSON text of every kind's schema (stable: the field order of the kinds)."""
    return {f"{name}.schema.json": render(kind.file_schema()) for name, kind in KINDS.items()}


def render(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def editor_globs(data: str = "data") -> dict[str, list[str]]:
    """`yaml.schemas` of VS Code's YAML extension: schema file -> the data files it describes."""
    return {f"./schemas/{name}.schema.json": [f"{data}/{kind.pattern}"] for name, kind in KINDS.items()}


def run(args: argparse.Namespace) -> int:
    stale = write_generated(documents(), args.output, args.check, "gongshi schema")
    if args.check:
        return EXIT_FINDINGS if stale else EXIT_OK
    print(f"{len(KINDS)} 个 JSON Schema 已写入 {args.output}/（{len(stale)} 个有变化） / "
          f"{len(KINDS)} schemas in {args.output}/ ({len(stale)} changed)")
    return EXIT_OK
