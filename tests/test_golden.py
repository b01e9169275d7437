"""The generated tree for the sample archive, compared file by file with
tests/golden/. Run `pytest --update-golden` to accept a deliberate change."""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden" / "seeds"


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text("utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generated_tree_matches_golden(seeds_build, request):
    _, docs = seeds_build
    got = tree(docs)
    if request.config.getoption("--update-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, text in got.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, "utf-8")
        return
    want = tree(GOLDEN)
    problems = []
    for rel in sorted(set(want) | set(got)):
        if rel not in got:
            problems.append(f"missing: {rel}")
        elif rel not in want:
            problems.append(f"new file: {rel}")
        elif got[rel] != want[rel]:
            diff = difflib.unified_diff(want[rel].splitlines(), got[rel].splitlines(),
                                        f"golden/{rel}", f"generated/{rel}", lineterm="", n=1)
            problems.append("\n".join(list(diff)[:40]))
    assert not problems, "generated tree differs (pytest --update-golden to accept):\n" + "\n".join(problems)
