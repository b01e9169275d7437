"""Article pages carry their text and filters for Pagefind; names stay data."""
from __future__ import annotations

import re

from build_scripts import search


def test_filters_come_from_the_front_matter():
    meta = {"actors": ["Laurent Nuñez"], "countries": ["DZ", "FR"], "language": "fr", "source": None,
            "date": "2026-02-17", "source_file": "a.txt"}
    assert search.filters(meta) == [("person-l", "Laurent Nuñez"), ("country", "Algeria"), ("country", "France"),
                                    ("language", "French"), ("source", "not stated"), ("year", "2026")]
    assert ("year", "undated") in search.filters({"language": "en"})


def test_article_html_is_marked_and_values_are_escaped():
    meta = {"actors": ['"><script>alert(1)</script>'], "source": "A & B", "language": "en", "source_file": "a.txt"}
    html = search.mark_article("<p>Text</p>", meta)
    assert html.startswith("<div data-pagefind-body>") and html.endswith("</div>")
    assert "<script>" not in html and 'data-value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert 'data-value="A &amp; B"' in html


def test_only_the_article_itself_is_indexed_not_what_it_shows_of_others():
    content = ('<h1 id="t">Title</h1>\n<p><strong>Date:</strong> 2026</p>\n'
               '<p><strong>Also published by:</strong></p>\n<ul>\n<li>Copy title</li>\n</ul>\n'
               '<div class="admonition abstract">\n<p class="admonition-title">Other reports</p>\n<p>Other title</p>\n</div>\n'
               '<hr />\n<p>Body text.</p>\n<h2 id="related-articles">Related articles</h2>\n<ul>\n<li>Related title</li>\n'
               '</ul>\n<details class="info"><summary>Why these tags</summary></details>')
    marked = search.mark_article(content, {"language": "en", "source_file": "a.txt"})
    body, _, after = marked.partition("\n</div>\n<h2")
    assert body.startswith("<div data-pagefind-body>") and "Body text." in body and "Related title" not in body
    assert "Related title" in after and "Why these tags" in after
    assert '<div class="admonition abstract" data-pagefind-ignore>' in body
    assert "<div data-pagefind-ignore><p><strong>Also published by:</strong></p>\n<ul>" in body


def test_only_article_pages_are_indexed(site):
    work, proc = site
    assert proc.returncode == 0, proc.stderr[-2000:]
    pages = {p.relative_to(work / "site").as_posix(): p.read_text("utf-8") for p in (work / "site").rglob("*.html")}
    marked = sorted(p for p, html in pages.items() if "data-pagefind-body" in html)
    assert marked and all(re.fullmatch(r"articles/[^/]+/index\.html", p) for p in marked)
    assert "articles/index.html" not in marked
    hostile = pages["articles/hostile/index.html"]
    assert hostile.count("data-pagefind-body") == 1 and 'data-value="Emmanuel Macron"' in hostile


def test_pages_lose_indentation_but_not_their_text():
    from build_scripts.minify import squeeze

    html = ("<div>\n    <p>One  two\n\n   three</p>  \n  <pre><code>a\n    b\n\n</code></pre>\n"
            "<script>\n  x = 1;\n</script>\n   <code>keep\n   this</code>\n</div>\n")
    assert squeeze(html) == ("<div>\n<p>One  two\nthree</p>\n<pre><code>a\n    b\n\n</code></pre>\n"
                             "<script>\n  x = 1;\n</script>\n<code>keep\n   this</code>\n</div>\n")
