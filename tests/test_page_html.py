"""The generated pages' HTML made without Python-Markdown (build_scripts/page_html.py)
is MkDocs' own: the same HTML, table of contents, title and anchors."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts import mkdocs_pages, page_html
from build_scripts.markdown_text import attr, escape, link
from build_scripts.render import generated


@pytest.fixture(scope="module")
def mkdocs_site(site):
    """The test site's configuration and files, read as `mkdocs build` reads them."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import InclusionLevel, get_files
    from mkdocs.structure.nav import get_navigation

    work, proc = site
    assert proc.returncode == 0, proc.stderr
    here = os.getcwd()
    os.chdir(work)
    try:
        config = load_config(str(work / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        files = config.plugins.on_files(get_files(config), config=config)
        get_navigation(files, config)
    finally:
        os.chdir(here)
    pages = [f.page for f in files.documentation_pages(inclusion=InclusionLevel.is_included)
             if generated(f.src_uri) and f.page is not None]
    return config, files, pages


def _state(page) -> tuple:
    return (page.content, mkdocs_pages._toc_tokens(page.toc), page._title_from_render,
            sorted(page.present_anchor_ids))


def _both(page, config, files, links, markdown: str) -> tuple[tuple, tuple | None]:
    from mkdocs.structure.pages import Page

    page.markdown = markdown
    Page.render(page, config, files)
    want = _state(page)
    page.content = page.toc = page._title_from_render = page.present_anchor_ids = None
    page.markdown = markdown
    return want, _state(page) if page_html.render(page, links) else None


def test_the_site_configuration_is_the_one_mirrored(mkdocs_site):
    config, _, _ = mkdocs_site
    assert page_html.usable(config)


def test_every_generated_page_converts_as_mkdocs_converts_it(mkdocs_site):
    config, files, pages = mkdocs_site
    links = page_html.Links(files, config)
    fast = 0
    for page in pages:
        page.read_source(config)
        markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        want, got = _both(page, config, files, links, markdown)
        if got is not None:
            fast += 1
            assert got == want, page.file.src_uri
    assert len(pages) > 30
    assert fast >= 0.9 * len(pages), f"only {fast} of {len(pages)} pages converted without Python-Markdown"


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXT, words=TEXT, label=TEXT, other=TEXT)
def test_any_text_the_generator_writes_converts_as_mkdocs_converts_it(mkdocs_site, title, words, label, other):
    """Article text, escaped as the generator escapes it, in every construct it uses."""
    config, files, pages = mkdocs_site
    page = next(p for p in pages if p.file.src_uri == "articles/index.md")
    target = "../actors/index.md"
    markdown = "\n".join([
        f"# {escape(title)}", "",
        f"**Date:** {link(label, target)} · {escape(words)}", "",
        f"*{escape(other)}*" if escape(other).strip() == escape(other) and escape(other) else escape(other), "",
        "<!-- others -->", "",
        f'!!! abstract "{attr(title)}"', "",
        f"    - {escape(words)} — {link(other, target)} · *shares {escape(label)}*",
        "", f"    {link(label, target)}", "",
        "---", "",
        escape(words), "",
        f"## {escape(other)}", "",
        f"- {link(title, target)}",
        f"- {escape(label)}", "",
        "| Person | Role | From |", "| --- | --- | --- |",
        f"| {link(title, target)} | {escape(words)} | |", f"| {escape(other)} | **{escape(label)}** | 2019 |", "",
        f'??? info "{attr(other)}"', "",
        f"    - Person **{escape(title)}**: “{escape(words)}” (line 3)", "",
    ])
    links = page_html.Links(files, config)
    want, got = _both(page, config, files, links, markdown)
    if got is not None:
        assert got == want, markdown


@pytest.mark.parametrize("link", [
    "../actors/index.md", "./../actors/index.md", "../actors//index.md", "../actors/../countries/index.md",
    "index.md", "./index.md", "missing.md", "../../../outside.md", "../actors", "../actors/", ".", "..",
    "../data/archive.json", "../stylesheets/extra.css",
])
def test_a_link_resolves_as_mkdocs_resolves_it(mkdocs_site, caplog, link):
    """Every kind of link the converter takes, from a page at the top of its
    folder and from one deeper down: the same URL and the same warnings."""
    import logging

    from mkdocs.structure.pages import _RelativePathTreeprocessor

    config, files, pages = mkdocs_site
    links = page_html.Links(files, config)
    deep = max(pages, key=lambda p: p.file.src_uri.count("/"))
    for page in (next(p for p in pages if p.file.src_uri == "articles/index.md"), deep):
        with caplog.at_level(logging.DEBUG, logger="mkdocs"):
            want = _RelativePathTreeprocessor(page.file, files, config).path_to_url(link)
            warned = [r.getMessage() for r in caplog.records]
            caplog.clear()
            got = links.url(page.file, link)
            assert got == want and [r.getMessage() for r in caplog.records] == warned, (page.file.src_uri, link)
            caplog.clear()


@pytest.mark.parametrize("markdown", [
    "| a | b |\n| :-- | --- |\n| c | d |",          # a table with an aligned column
    "```yaml\nx: 1\n```",                            # code
    "- a\n    - b",                                  # a nested list
    "- a\n\n- b",                                    # a loose list
    "a <span>b</span>",                              # raw inline HTML
    "<http://example.com>",                          # an autolink
    "a  \nb",                                        # a line break
    "a `code` b",                                    # inline code
    "Title\n=====",                                  # a setext heading
    "a\tb",                                          # a tab
    "[a](https://example.com/)",                     # a link out of the site
    "[a](index.md#part)",                            # a link to an anchor
    "!!! note\n    no title",                        # an admonition without a title
])
def test_markdown_it_does_not_know_is_left_to_mkdocs(mkdocs_site, markdown):
    config, files, pages = mkdocs_site
    page = next(p for p in pages if p.file.src_uri == "articles/index.md")
    page.markdown, page.content = markdown, "untouched"
    assert not page_html.render(page, page_html.Links(files, config))
    assert page.content == "untouched"


def test_another_markdown_configuration_is_left_to_mkdocs(mkdocs_site):
    config, _, _ = mkdocs_site
    config = {**config, "markdown_extensions": [*config["markdown_extensions"], "attr_list"]}
    assert not page_html.usable(config)
