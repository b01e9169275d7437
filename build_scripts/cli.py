"""Thin commands over the library; no logic of their own.

Exit codes: 0 clean, 1 problems reported under --strict or by `check`,
2 usage error. Notes (duplicates found, hidden files skipped) are printed
but never change the exit code."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import pipeline

EXAMPLES = {
    "build": "python -m build_scripts build --articles articles --docs docs",
    "check": "python -m build_scripts check --articles articles",
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m build_scripts",
        description="Turn a folder of news articles into a tagged MkDocs site.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = sub.add_parser("build", help="generate the site's pages from the articles",
                       description="Generate article, actor and country pages into the docs folder.",
                       epilog=f"example: {EXAMPLES['build']}")
    b.add_argument("--articles", type=Path, default=Path("articles"), help="folder of articles (default: articles)")
    b.add_argument("--docs", type=Path, default=Path("docs"), help="MkDocs docs folder (default: docs)")
    b.add_argument("--strict", action="store_true", help="exit 1 when any problem was reported")
    c = sub.add_parser("check", help="report problems in the articles without writing anything",
                       description="Read and extract every article; print each problem as path:line: message.",
                       epilog=f"example: {EXAMPLES['check']}")
    c.add_argument("--articles", type=Path, default=Path("articles"), help="folder of articles (default: articles)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not args.articles.is_dir():
        print(f"error: {args.articles}: no such folder of articles (use --articles DIR)", file=sys.stderr)
        return 2
    if args.command == "build":
        result = pipeline.build(args.articles, args.docs)
    else:
        result = pipeline.check(args.articles)
    for problem in result.problems + result.notes:
        print(f"{args.articles.as_posix().rstrip('/')}/{problem}", file=sys.stderr)
    print(result.summary())
    if result.problems and (args.command == "check" or args.strict):
        return 1
    return 0
