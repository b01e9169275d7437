"""A folder of hostile and broken files: the build finishes, reports each
problem as path:line, builds everything else, never writes outside docs/
or into articles/, and gives the same bytes twice."""
from __future__ import annotations

import hashlib
import os
import re

import pytest

from build_scripts import pipeline

from .conftest import HOSTILE, HOSTILE_PAGE
from .test_front_matter import BILLION_LAUGHS

GOOD = "President Abdelmadjid Tebboune received the French interior minister in Algiers on {}, officials said.\n"
SENTENCES = "".join(f"Sentence number {i} of a file without any line break says the minister met Tebboune. "
                    for i in range(12_000))


def corpus(folder, outside):
    folder.mkdir()
    outside.mkdir()
    files = {
        "with spaces.txt": "A headline with spaces\n" + GOOD.format("Monday"),
        "accentué Été.txt": "Un titre accentué\n" + GOOD.format("Tuesday"),
        "emoji 🇩🇿🔥.txt": "Emoji in the name\n" + GOOD.format("Wednesday"),
        "script.txt": HOSTILE,
        "page.html": HOSTILE_PAGE,
        "dashes text.txt": "Dashes inside\n\n---\n" + GOOD.format("Thursday") + "---\ntitle: not front matter\n---\n",
        "dashes markdown.md": "---\ntitle: Dashes in Markdown\n---\n" + GOOD.format("Friday") + "\n---\n\nMore.\n---\n",
        "one line.txt": SENTENCES,
        "byline.txt": "Byline bomb\n" + GOOD.format("Saturday") + "By " + "Xand" * 2000 + "X!\n",
        "spaces.txt": "Spaces\nBy" + " " * 100_000 + "x\n" + GOOD.format("Sunday"),
        "crlf only.txt": ("Old Mac line ends\r" + GOOD.format("in May")).replace("\n", "\r"),
        ".hidden.txt": GOOD.format("hidden"),
        # broken ones
        "invalid utf8.txt": "Sécurité : Alger et Paris reprennent le dialogue\n".encode() + b"Le pr\xe9sident "
                            + "a reçu à Alger le ministre français, a annoncé l'Élysée.\n".encode(),
        "nul.txt": b"Title\nSome text\x00with a NUL byte.\n",
        "empty.txt": b"",
        "binary.md": bytes(range(256)) * 40,
        "bomb.md": "---\n" + BILLION_LAUGHS + "---\n" + GOOD.format("bomb"),
        "huge front matter.md": "---\ntitle: x\nsummary: " + "y" * 100_000 + "\n---\n" + GOOD.format("huge"),
        "bad yaml.md": "---\ntitle: ok\nactors: [unclosed\n---\n" + GOOD.format("bad"),
        "unclosed.md": "---\ntitle: never closed\n" + GOOD.format("unclosed"),
        "empty page.html": "<html><head><script>alert('x')</script></head><body></body></html>",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    with (folder / "huge.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (outside / "secret.txt").write_text("Secret text from outside the articles folder.\n")
    (folder / "outside link.txt").symlink_to(outside / "secret.txt")


EXPECTED_PROBLEMS = {
    "invalid utf8.txt:2": "not valid UTF-8",
    "nul.txt:2": "NUL bytes",
    "empty.txt:1": "empty",
    "binary.md:1": "binary",
    "bomb.md:3": "aliases",
    "huge front matter.md:2": "over 64 KB",
    "bad yaml.md:3": "not valid YAML",
    "unclosed.md:1": "never closed",
    "empty page.html:1": "no article text",
    "huge.txt:1": "52 MB, over the 10 MB limit",
    "outside link.txt:1": "outside the articles folder",
}
BUILT = ["accentué Été.txt", "byline.txt", "crlf only.txt", "dashes markdown.md", "dashes text.txt",
         "emoji 🇩🇿🔥.txt", "invalid utf8.txt", "one line.txt", "page.html", "script.txt", "spaces.txt",
         "with spaces.txt"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    corpus(base / "articles", base / "outside")
    before = snapshot(base / "articles")
    first = pipeline.build(base / "articles", base / "docs")
    return base, before, first


def snapshot(folder) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file() and not p.is_symlink()}


def test_each_problem_is_reported_with_its_file_and_line(hostile):
    _, _, result = hostile
    got = {f"{p.path}:{p.line}": p.message for p in result.problems}
    assert set(got) == set(EXPECTED_PROBLEMS), got
    for where, words in EXPECTED_PROBLEMS.items():
        assert words in got[where], (where, got[where])


def test_everything_else_is_built(hostile):
    base, _, result = hostile
    assert sorted(a.source_file for a in result.archive.articles) == BUILT
    pages = {p.name for p in (base / "docs" / "articles").iterdir()}
    assert {"with-spaces.md", "accentue-ete.md", "emoji.md", "page.md", "one-line.md"} <= pages


def test_notes_name_what_was_skipped_or_reshaped(hostile):
    _, _, result = hostile
    assert {(n.path, n.line) for n in result.notes} == {
        (".hidden.txt", 1), ("one line.txt", 1), ("byline.txt", 3), ("spaces.txt", 2)}


def test_articles_are_only_read_and_nothing_is_written_outside_docs(hostile):
    base, before, _ = hostile
    assert snapshot(base / "articles") == before
    # besides the pages, a build keeps only its cache (.cache/, beside the docs folder)
    assert sorted(p.name for p in base.iterdir()) == [".cache", "articles", "docs", "outside"]
    assert [p.name for p in (base / "outside").iterdir()] == ["secret.txt"]
    assert not any("Secret text" in p.read_text("utf-8") for p in (base / "docs").rglob("*.md"))


def test_hostile_text_stays_text_in_the_generated_markdown(hostile):
    base, _, _ = hostile
    for name in ("script.md", "page.md"):
        page = (base / "docs" / "articles" / name).read_text("utf-8")
        body = page.split("\n---\n", 1)[1]
        assert "<script" not in body and "<img" not in body
        assert not re.search(r"(?<!\\)\]\(javascript", body)
        assert "{{" not in body.replace("\\{\\{", "") and "{%" not in body.replace("\\{%", "")
        assert "&lt;script&gt;alert(" in body
    dashes = (base / "docs" / "articles" / "dashes-text.md").read_text("utf-8")
    assert "\\---" in dashes and "title: not front matter" in dashes


def test_a_second_build_gives_the_same_bytes_and_writes_nothing(hostile, tmp_path):
    base, _, first = hostile
    before = snapshot(base / "docs")
    again = pipeline.build(base / "articles", base / "docs")
    assert again.report.written == () and snapshot(base / "docs") == before
    assert again.problems == first.problems and again.notes == first.notes


def test_a_page_is_never_half_written(hostile, monkeypatch):
    """A build killed while writing leaves the previous page (writes are atomic)."""
    from build_scripts import write

    base, _, _ = hostile
    page = base / "docs" / "articles" / "script.md"
    old = page.read_bytes()

    def killed(fd, data):
        os.write(fd, data[: len(data) // 2])
        raise KeyboardInterrupt

    monkeypatch.setattr(write.os, "fdopen", lambda fd, mode: type("F", (), {
        "__enter__": lambda s: s, "__exit__": lambda s, *a: False, "write": lambda s, d: killed(fd, d)})())
    with pytest.raises(KeyboardInterrupt):
        write.atomic_write(page, b"new content " * 1000)
    assert page.read_bytes() == old
    assert not [p for p in page.parent.iterdir() if p.name.startswith(".tmp-")]
