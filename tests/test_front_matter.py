"""Awkward titles survive the trip through front matter and stay text on the page."""
from __future__ import annotations

import re

import pytest
import yaml

from build_scripts import pipeline
from build_scripts.pages import front_matter

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
