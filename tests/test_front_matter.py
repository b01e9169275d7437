"""Awkward titles survive the trip through front matter and stay text on the page."""
from __future__ import annotations

import re

import pytest
import yaml

from build_scripts import pipeline
from build_scripts.render import front_matter

AWKWARD = [
    'He said "no": the end',
    "It's a 'quote'",
    "---",
    "Title with --- inside",
    "<script>alert('x')</script>",
    "Emoji 🇩🇿 and 🇫🇷 together",
    "# Leading hash",
    "key: value",
    "[link](javascript:alert(1))",
    "{{ jinja }} {% tag %}",
    "null",
    "yes",
    "2026-02-21",
    "  spaces  ",
    "multi\nline",
]


@pytest.mark.parametrize("title", AWKWARD)
def test_front_matter_round_trip(title):
    text = front_matter({"title": title, "actors": [title]})
    assert text.startswith("---\n") and text.endswith("---\n")
    body = text[4:-4]
    assert yaml.safe_load(body) == {"title": title, "actors": [title]}


@pytest.mark.parametrize("title", [t for t in AWKWARD if t.strip() and "\n" not in t])
def test_awkward_title_through_the_pipeline(tmp_path, title):
    articles = tmp_path / "articles"
    articles.mkdir()
    meta = yaml.safe_dump({"title": title}, allow_unicode=True)
    (articles / "a.md").write_text(f"---\n{meta}---\nPresident Abdelmadjid Tebboune spoke in Algiers.\n", "utf-8")
    result = pipeline.build(articles, tmp_path / "docs")
    assert result.problems == ()
    page = (tmp_path / "docs" / "articles" / "a.md").read_text("utf-8")
    _, fm, body = page.split("---\n", 2) if page.startswith("---\n") else ("", "", page)
    assert yaml.safe_load(fm)["title"] == title
    heading = body.split("\n# ", 1)[1].split("\n", 1)[0]
    assert "<script" not in heading
    assert not re.search(r"(?<!\\)[\[\]`*_]", heading), heading   # no unescaped Markdown syntax


PIECES = AWKWARD + ["a: b", "'", '"', "\\", ":", "-", "?", "|", ">", "&", "*", "!", "%", "@", "`", "#", ",",
                    "\t", "\r", "\n\n", " ", "~", "0", "1e3", "0x1F", "12:30", "true", "No", "\ufeff", "\x00",
                    "\x1b", "\x7f", "\x80", "\x85", "\xa0", "\xad", "\u200b", "\u2028", "\u2029", "\ue000",
                    "\ufffd", "\uffff", "é", "Ω", "中文", "😀", "x" * 120]


def test_front_matter_is_what_the_python_emitter_writes():
    """The fast path through libyaml writes exactly what yaml.safe_dump writes."""
    import random

    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) if rng.random() < 0.7 else chr(rng.randint(0x20, 0xD7FF))
                       for _ in range(rng.randint(0, 8)))
        data = {"title": text, "title_derived": False, "date": None, "actors": [text, "Saïd"], "countries": []}
        want = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000) + "---\n"
        assert front_matter(data) == want, repr(text)


def test_relative_links_are_what_relpath_gives():
    import posixpath

    from build_scripts.render import rel

    pages = ["index.md", "articles/index.md", "articles/a.md", "articles/2024/05/b.md", "articles/2024/06/c.md",
             "actors/x.md", "countries/dz.md", "data/archive.json", "articles/2024/index.md"]
    for a in pages:
        for b in pages:
            assert rel(a, b) == posixpath.relpath(b, posixpath.dirname(a) or "."), (a, b)


def test_registry_suggestions_are_what_the_python_emitter_writes():
    import random

    from build_scripts import yaml_text

    rng = random.Random(8)
    for _ in range(3000):
        name = "".join(rng.choice(PIECES) if rng.random() < 0.5 else chr(rng.randint(0x20, 0xD7FF))
                       for _ in range(rng.randint(0, 6)))
        data = [{"name": name, "aliases": [name[::-1], "Nunez"], "country": "XX"}]
        want = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
        assert yaml_text.safe_dump(data, default_flow_style=False) == want, repr(name)
