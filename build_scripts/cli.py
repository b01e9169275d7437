"""Thin commands over the library; no logic of their own.

Exit codes: 0 clean, 1 problems reported (under --strict, or by `check`) or
an edit refused, 2 usage error. Notes (duplicates found, hidden files
skipped) are printed but never change the exit code."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import adding, explain, pipeline, registry, registry_edit, unresolved

PROGRESS_MIN = 300       # articles: below this a build is too quick for a progress bar

COMMANDS = {
    # name: (one-line purpose, example)
    "build": ("generate the site's pages from the articles",
              "python -m build_scripts build --articles articles --docs docs"),
    "check": ("report problems and unresolved names without writing anything",
              "python -m build_scripts check --format json"),
    "add": ("copy new articles into the archive under readable names",
            "python -m build_scripts add ~/Downloads/story.txt   (or: pbpaste | python -m build_scripts add -)"),
    "explain": ("show where every field and tag of one article comes from",
                "python -m build_scripts explain articles/001_a56bc4bbea306e3e.txt"),
    "registry": ("suggest or make corrections to the actor registry (articles/actors.yml)",
                 'python -m build_scripts registry alias "Laurent Nuñez" "Laurent Nunes"'),
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m build_scripts",
                                description="Turn a folder of news articles into a tagged MkDocs site.",
                                epilog="exit codes: 0 clean, 1 problems reported or an edit refused, 2 usage error")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--articles", type=Path, default=Path("articles"),
                        help="folder of articles (default: articles)")
    talk = common.add_mutually_exclusive_group()
    talk.add_argument("--quiet", "-q", action="store_true", help="print only problems")
    talk.add_argument("--verbose", "-v", action="store_true", help="print more detail")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str) -> argparse.ArgumentParser:
        purpose, example = COMMANDS[name]
        return sub.add_parser(name, parents=[common], help=purpose, description=purpose[0].upper() + purpose[1:] + ".",
                              epilog=f"example: {example}", formatter_class=argparse.RawDescriptionHelpFormatter)

    b = command("build")
    b.add_argument("--docs", type=Path, default=Path("docs"), help="MkDocs docs folder (default: docs)")
    b.add_argument("--strict", action="store_true", help="exit 1 when any problem was reported")
    c = command("check")
    c.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    a = command("add")
    a.add_argument("files", nargs="+", metavar="FILE", help="article files (.txt, .md, .html); - reads standard input")
    a.add_argument("--suffix", default=".txt", help="file type of what comes on standard input (default: .txt)")
    e = command("explain")
    e.add_argument("article", metavar="ARTICLE", help="the article's file (path or name under articles/) or its id")
    e.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    r = sub.add_parser("registry", help=COMMANDS["registry"][0], description=COMMANDS["registry"][0] + ".",
                       epilog=f"example: {COMMANDS['registry'][1]}")
    rsub = r.add_subparsers(dest="action", required=True, metavar="ACTION")
    rsub.add_parser("suggest", parents=[common], help="print the fixes the unresolved-names report proposes, as YAML",
                    epilog="example: python -m build_scripts registry suggest >> articles/actors.yml.new")
    ra = rsub.add_parser("alias", parents=[common], help="add another spelling to a person in the registry",
                         epilog='example: python -m build_scripts registry alias "Laurent Nuñez" "Laurent Nunes"')
    ra.add_argument("name", help="the person's canonical name, as in the registry")
    ra.add_argument("alias", help="the other spelling")
    rn = rsub.add_parser("add", parents=[common], help="add a person to the registry",
                         epilog='example: python -m build_scripts registry add "Abdelmadjid Tebboune" --country DZ '
                                '--role "President of Algeria 2019-12-19:"')
    rn.add_argument("name", help="the canonical name")
    rn.add_argument("--country", help="ISO 3166-1 alpha-2 code, e.g. DZ")
    rn.add_argument("--role", action="append", default=[],
                    help='a role, optionally with dates: "President of Algeria 2019-12-19:" (repeatable)')
    rn.add_argument("--alias", action="append", default=[], help="another spelling (repeatable)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not args.articles.is_dir():
        print(f"error: {args.articles}: no such folder of articles (use --articles DIR)", file=sys.stderr)
        return 2
    return {"build": cmd_build, "check": cmd_check, "add": cmd_add, "explain": cmd_explain,
            "registry": cmd_registry}[args.command](args)


def say(args, text: str = "") -> None:
    if not args.quiet:
        print(text)


def print_problems(args, result) -> None:
    """Problems, then notes (which never change the exit code), as path:line: message."""
    for problem in result.problems + (() if args.quiet else result.notes):
        print(f"{args.articles.as_posix().rstrip('/')}/{problem}", file=sys.stderr)


def progress_bar(args):
    """A bar on a terminal for big builds; nothing in a pipe or CI (the summary line says it all)."""
    if args.quiet or not sys.stderr.isatty():
        return None
    state = {}

    def update(done: int, total: int) -> None:
        if total < PROGRESS_MIN:
            return
        if "bar" not in state:
            import shutil

            from tqdm import tqdm

            size = shutil.get_terminal_size((80, 24))
            # No monitor thread: with a thread running, the workers would come from a fork
            # server, loading the extractors' data afresh, rather than forked from this process.
            tqdm.monitor_interval = 0
            state["bar"] = tqdm(total=total, unit="article", file=sys.stderr, ncols=size.columns or 80,
                                nrows=size.lines or 24)      # a fresh pseudo-terminal may report 0 x 0
        state["bar"].update(done - state["bar"].n)
        if done == total:
            state["bar"].close()

    return update


def cmd_build(args) -> int:
    result = pipeline.build(args.articles, args.docs, progress=progress_bar(args))
    print_problems(args, result)
    if args.verbose:
        for path in result.report.written:
            print(f"  wrote {path}")
        for path in result.report.removed:
            print(f"  removed {path}")
    say(args, result.summary())
    return 1 if result.problems and args.strict else 0


def cmd_check(args) -> int:
    result = pipeline.check(args.articles, progress=progress_bar(args))
    suggestions = unresolved.report(result.archive)
    more = unresolved.countless(result.archive)
    if args.format == "json":
        print(json.dumps({
            "problems": [{"path": p.path, "line": p.line, "message": p.message, "kind": p.kind}
                         for p in result.problems],
            "unresolved": [{"kind": s.kind, "names": list(s.names), "message": s.message,
                            "registry_yaml": s.registry_yaml} for s in suggestions],
            "summary": {"articles": len(result.archive.articles), "actors": len(result.archive.actors),
                        "countries": len(result.archive.countries), "problems": len(result.problems),
                        "no_country_not_listed": more},
        }, ensure_ascii=False, indent=2))
        return 1 if result.problems else 0
    print_problems(args, result)
    if suggestions and not args.quiet:
        print(f"unresolved names ({len(suggestions)}): run `python -m build_scripts registry suggest` for the fixes")
        for s in suggestions:
            print(f"  {s.kind}: {s.message}")
    if more and not args.quiet:
        print(f"  ({unresolved.countless_text(more)})")
    say(args, result.summary())
    return 1 if result.problems else 0


def cmd_add(args) -> int:
    items = []
    for name in args.files:
        if name == "-":
            items.append(("-", sys.stdin.buffer.read(), args.suffix if args.suffix.startswith(".") else "." + args.suffix))
            continue
        path = Path(name)
        if not path.is_file():
            print(f"error: {name}: no such file", file=sys.stderr)
            return 2
        items.append((name, path.read_bytes(), path.suffix))
    failed = False
    for result in adding.add(args.articles, items):
        if result.error:
            print(f"error: {result.error}", file=sys.stderr)
            failed = True
        elif result.duplicate_of:
            print(f"{result.source}: already in the archive as {result.duplicate_of}; not added", file=sys.stderr)
        else:
            say(args, f"added {result.source} as {args.articles.as_posix().rstrip('/')}/{result.target}")
            say(args, adding.describe(result.article))
    return 1 if failed else 0


def cmd_explain(args) -> int:
    archive = pipeline.collect(args.articles)
    wanted = Path(args.article)
    try:
        rel = (wanted.resolve().relative_to(args.articles.resolve())).as_posix()
    except ValueError:
        rel = args.article
    art = next((a for a in archive.articles if rel in (a.source_file, a.id) or a.source_file.endswith("/" + rel)
                or args.article in (a.source_file, a.id)), None)
    if art is None:
        print(f"error: {args.article}: no such article in {args.articles} (give its file or its id)",
              file=sys.stderr)
        return 2
    reg, _ = registry.load(args.articles)
    data = explain.explain(art, reg)
    print(explain.as_json(data) if args.format == "json" else explain.as_text(data), end="")
    return 0


def cmd_registry(args) -> int:
    if args.action == "suggest":
        archive = pipeline.collect(args.articles)
        suggestions = unresolved.report(archive)
        more = unresolved.countless(archive)
        if not suggestions:
            say(args, f"nothing to suggest ({unresolved.countless_text(more)})" if more
                else "nothing to suggest: every name is settled")
        for s in suggestions:
            print(f"# {s.kind}: {s.message}")
            print(s.registry_yaml)
        return 0
    try:
        if args.action == "alias":
            message = registry_edit.add_alias(args.articles, args.name, args.alias)
        else:
            message = registry_edit.add_actor(args.articles, args.name, args.country, args.role, args.alias)
    except registry_edit.EditError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    say(args, message)
    return 0
