"""The quick inline pass gives Python-Markdown's HTML, byte for byte."""
from __future__ import annotations

import markdown
import pytest

from build_scripts import quick_inline

EXTENSIONS = ["admonition", "pymdownx.details", "tables", "toc", "attr_list", "md_in_html", "footnotes", "abbr"]

AWKWARD = r"""# Title with `code` and *emphasis* & an entity &amp; &#169;

A line with a break  
and **strong**, __strong__, _em_, *em*, ***both***, snake_case_word, 2 * 3 * 4, a_b_c.

Links: [text](http://example.com "title"), [ref][r], [short], ![img](a.png), ![ref img][r],
<http://example.com/auto>, <someone@example.com>, <span class="x">raw *html*</span>, <!-- comment -->.

Escapes: \*not em\*, \[not a link\], \\ backslash, \`not code\`, 1 < 2 > 0, AT&T, a & b.

``code with ` backtick`` and `<tag> & *stars*` and \\`escaped backslash before tick`.

[r]: http://example.com/ref
[short]: /short

- item with [link](x.md) — *em* and `code`
- item ![x](y.png)

| a | *b* |
|---|-----|
| [c](d) | `e` & f |

!!! note "Note *title*"
    Body with **strong** and [a link](z.md).

??? details "More"
    Hidden _text_.

Term<sup>1</sup> and footnote[^1]. *[HTML]: Hyper Text

[^1]: The *footnote*.
"""

PLAIN = "Nothing special here at all, only words and commas, over many lines.\n\n" * 20


@pytest.mark.parametrize("text", [AWKWARD, PLAIN, AWKWARD.replace("\n", "\r\n"), "*", "_", "[", "&", "<", "\\"])
def test_same_html_as_python_markdown(text):
    stock = markdown.Markdown(extensions=EXTENSIONS)
    quick = markdown.Markdown(extensions=[*EXTENSIONS, quick_inline.NAME])
    assert type(quick.treeprocessors["inline"]) is quick_inline.QuickInlineProcessor
    assert quick.convert(text) == stock.convert(text)


def test_every_pattern_of_python_markdown_is_known():
    """A new Markdown release that renames a pattern's expression makes it
    always tried (still correct, but slower): this says so."""
    md = markdown.Markdown(extensions=EXTENSIONS)
    unknown = [item.name for item in md.inlinePatterns._priority
               if quick_inline._needs(md.inlinePatterns[item.name]) is None]
    assert unknown == []


def test_generated_pages_convert_the_same(seeds_build):
    _, docs = seeds_build
    pages = sorted(docs.rglob("*.md"))
    assert len(pages) > 30
    stock = markdown.Markdown(extensions=EXTENSIONS)
    quick = markdown.Markdown(extensions=[*EXTENSIONS, quick_inline.NAME])
    for page in pages:
        text = page.read_text("utf-8")
        stock.reset()
        quick.reset()
        assert quick.convert(text) == stock.convert(text), page


def test_the_site_uses_it(site):
    work, proc = site
    assert proc.returncode == 0, proc.stderr
    from mkdocs.config import load_config

    config = load_config(str(work / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    assert quick_inline.NAME in config.markdown_extensions
