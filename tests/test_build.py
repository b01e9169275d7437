"""The build as a user runs it: command line, idempotence, pruning, safety."""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys

import pytest

from build_scripts import pipeline
from build_scripts.ids import article_ids
from build_scripts.write import UnsafePath, target

from .conftest import ROOT


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "build_scripts", *args], capture_output=True,
                          text=True, cwd=cwd)


@pytest.fixture
def archive(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "articles", articles)
    return articles


def test_second_build_writes_nothing_and_is_identical(archive, tmp_path):
    docs = tmp_path / "docs"
    first = pipeline.build(archive, docs)
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    mtimes = {p: p.stat().st_mtime_ns for p in before}
    second = pipeline.build(archive, docs)
    assert first.report.written and second.report.written == ()
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before
    assert {p: p.stat().st_mtime_ns for p in before} == mtimes


def test_stale_pages_are_pruned_and_hand_written_pages_kept(archive, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# My home page\n")
    pipeline.build(archive, docs)
    (archive / "004_50fa850396415251.txt").unlink()
    result = pipeline.build(archive, docs)
    assert "articles/004-50fa850396415251.md" in result.report.removed
    assert (docs / "index.md").read_text() == "# My home page\n"


def test_articles_folder_is_only_read(archive, tmp_path):
    before = {p: p.read_bytes() for p in archive.rglob("*") if p.is_file()}
    pipeline.build(archive, tmp_path / "docs")
    assert {p: p.read_bytes() for p in archive.rglob("*") if p.is_file()} == before


def test_ids_are_stable_and_never_collide():
    ids = article_ids(["a.txt", "a.md", "News/Été 1.txt", "x/A b.txt", "x/a-b.txt"])
    assert len(set(ids.values())) == 5
    assert ids["News/Été 1.txt"] == "news/ete-1"
    assert article_ids(["a.txt", "a.md"]) == {k: v for k, v in ids.items() if k in ("a.txt", "a.md")}


def test_no_write_outside_generated_folders(tmp_path):
    for bad in ("../x.md", "index.md", "articles/../../x.md", "/etc/passwd"):
        with pytest.raises(UnsafePath):
            target(tmp_path, bad, ("articles",))


def test_pruning_never_follows_a_linked_folder_out_of_docs(tmp_path):
    from build_scripts.write import Written, finish

    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    (outside / "keep.txt").write_text("mine", "utf-8")
    docs = tmp_path / "docs"
    (docs / "articles" / "old").mkdir(parents=True)
    (docs / "articles" / "old" / "gone.md").write_text("stale", "utf-8")
    (docs / "stories").symlink_to(outside, target_is_directory=True)
    report = finish(docs, ("articles", "stories"), [Written((), (), 0)])
    assert report.removed == ("articles/old/gone.md",) and not (docs / "articles" / "old").exists()
    assert (outside / "keep.txt").read_text("utf-8") == "mine" and (outside / "sub").is_dir()


def test_cli_build_check_and_strict(archive, tmp_path):
    (archive / "broken.md").write_text("---\ntitle: [oops\n---\nText.\n")
    docs = tmp_path / "docs"
    ok = run("build", "--articles", str(archive), "--docs", str(docs))
    assert ok.returncode == 0
    assert "broken.md:2:" in ok.stderr and "5 articles" in ok.stdout
    strict = run("build", "--articles", str(archive), "--docs", str(docs), "--strict")
    assert strict.returncode == 1
    check = run("check", "--articles", str(archive))
    assert check.returncode == 1 and "broken.md:2:" in check.stderr
    (archive / "broken.md").unlink()
    assert run("check", "--articles", str(archive)).returncode == 0


def test_cli_usage_errors(tmp_path):
    assert run("build", "--articles", str(tmp_path / "missing")).returncode == 2
    assert run("frobnicate").returncode == 2


def test_folder_without_registry_builds(tmp_path):
    articles = tmp_path / "a"
    articles.mkdir()
    (articles / "one.txt").write_text("Headline\nPresident Emmanuel Macron visited Algiers.\n")
    result = pipeline.build(articles, tmp_path / "docs")
    assert [m.key for m in result.archive.articles[0].actors] == ["Emmanuel Macron"]


def test_bad_registry_is_reported_with_line(archive, tmp_path):
    (archive / "actors.yml").write_text("actors:\n  - name: A B\n    country: Algeria\n  - aliases: [x]\n")
    result = pipeline.build(archive, tmp_path / "docs")
    lines = sorted((p.path, p.line) for p in result.problems)
    assert lines == [("actors.yml", 3), ("actors.yml", 4)]
    assert len(result.archive.articles) == 5


def test_readme_names_every_command():
    readme = (ROOT / "README.md").read_text("utf-8")
    from build_scripts.cli import parser

    def walk(p, prefix):
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield from walk(sub, f"{prefix} {name}")
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help":
                    yield prefix, opt
        yield prefix, None

    for command, opt in walk(parser(), "python -m build_scripts"):
        assert command in readme, f"README does not show `{command}`"
        if opt:
            assert opt in readme, f"README does not mention {command} {opt}"
    for target_name in ("make serve", "make test"):
        assert target_name in readme
