from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts import pipeline
from build_scripts.render import GENERATED_DIRS

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


# An article whose title and text try to become HTML, links, Markdown or templates.
HOSTILE = """<img src=x onerror=alert('title')> <script>alert('t2')</script>
A hostile article mentions President Emmanuel Macron. <script>alert('body')</script>

<img src=x onerror="alert('img')"> and [a link](javascript:alert('link')) and ![pic](x.png)

{{ config.site_name }} {% if true %}jinja{% endif %} <div onclick="alert('div')">raw html</div>

# not a heading
- not a list
---
"""


# A saved web page whose markup and text try the same, plus event handlers and frames.
HOSTILE_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Hostile page &lt;script&gt;alert('title')&lt;/script&gt;</title>
<meta property="og:title" content="A hostile page &lt;img src=y onerror=alert('og')&gt;">
<meta property="og:site_name" content="Evil &lt;b&gt;Site&lt;/b&gt; {{ config }}">
<meta name="author" content="Mallory &lt;script&gt;alert('author')&lt;/script&gt;">
<script>alert('head')</script>
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-02-20",
 "headline": "</script><script>alert('ld')</script>"}</script>
</head>
<body onload="alert('onload')">
<nav><a href="javascript:alert('nav')">Home</a></nav>
<article>
<h1>A hostile page mentions President Emmanuel Macron</h1>
<p>President Emmanuel Macron spoke in Paris about security cooperation with Algeria on Tuesday, officials said.</p>
<p>Literal markup: &lt;script&gt;alert('text')&lt;/script&gt; and &lt;img src=x onerror=alert('img')&gt;
and [a link](javascript:alert('md')) and ![pic](x.png) and {{ config.site_name }} {% if true %}x{% endif %}.</p>
<p>Real markup: <script>alert('inline')</script><img src=x onerror="alert('real img')">
<a href="javascript:alert('real link')">a real link</a> <svg onload="alert('svg')"></svg>
<iframe src="javascript:alert('frame')"></iframe> <b onmouseover="alert('b')">bold text</b> in a paragraph.</p>
<p>---</p>
<p># not a heading and - not a list, said the minister at the end of the meeting in Paris.</p>
</article>
<section class="comments"><p>A comment that must not appear: alert('comment')</p></section>
</body></html>
"""


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current output instead of comparing")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The sample archive (articles/ with its registry) built into a temporary docs folder."""
    docs = tmp_path_factory.mktemp("seeds") / "docs"
    result = pipeline.build(ROOT / "articles", docs)
    return result, docs


# The site is built as GitHub Pages builds it for a project repository.
SITE_URL = "https://example.github.io/news-archive/"
SEARCH_PART_PAGES = 3       # the test site's search index in parts, as a large archive's is


def copy_project(work: Path) -> Path:
    """The project's configuration, code, hand-written pages and articles, copied into `work`."""
    work.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "articles", "build_scripts", "overrides"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)
    shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns(*GENERATED_DIRS))
    return work


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """A copy of the project (config, hand-written docs, articles) built with
    `mkdocs build --strict`, as the Pages workflow builds it (SITE_URL set)."""
    import os
    import subprocess
    import sys

    work = copy_project(tmp_path_factory.mktemp("project"))
    (work / "articles" / "hostile.txt").write_text(HOSTILE, "utf-8")
    (work / "articles" / "hostile page 🇩🇿 été.html").write_text(HOSTILE_PAGE, "utf-8")
    env = {**os.environ, "SITE_URL": SITE_URL, "SEARCH_PART_PAGES": str(SEARCH_PART_PAGES)}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=work,
                          capture_output=True, text=True, env=env)
    return work, proc
