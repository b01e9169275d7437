"""A Markdown extension that gives the same HTML as Python-Markdown, sooner:
its inline pass skips a pattern that cannot match the text at hand.

Python-Markdown's inline pass tries every inline pattern (code, escape,
links, images, autolinks, raw HTML, entities, emphasis) on every piece of
text, one Python call each, even on a sentence with no character any of
them needs. That is about half the time MkDocs spends converting an
article page. Each of Python-Markdown's own patterns needs one of a few
characters to match (a link needs "[", emphasis "*" or "_", an entity
"&"): here a pattern is skipped when none of them is in the text, which
changes nothing else. A pattern not listed below (another extension's, or
one whose regular expression a new Markdown release changed) is always
tried, so the output stays the same whatever is installed; the tests
compare the two on the generated pages.

The hook adds it to the site's Markdown extensions (`on_config`).
"""
from __future__ import annotations

from markdown import Extension, Markdown, treeprocessors, util
from markdown.inlinepatterns import HtmlInlineProcessor

NAME = "build_scripts.quick_inline"

# Python-Markdown's inline patterns, by regular expression: the strings one of which any match contains.
NEEDS = {
    r'(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)': ("`",),                         # code
    r'\\(.)': ("\\",),                                                          # escape
    r'(?<!\!)\[': ("[",),                                                       # links, references
    r'\!\[': ("![",),                                                           # images
    r'<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>': ("<",),                           # autolink
    r'<([^<> !]+@[^@<> ]+)>': ("<",),                                           # automail
    r'  \n': ("  \n",),                                                         # line break
    r'(&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)': ("&",),                  # entity
    r'\*|_': ("*", "_"),                                                        # emphasis
    r'\[\^([^\]]*)\]': ("[^",),                                                  # footnote (extension)
}
HTML_NEEDS = ("<",)     # raw inline HTML: its pattern begins with "<"


class QuickInlineProcessor(treeprocessors.InlineProcessor):
    """Python-Markdown's inline pass, trying a pattern only on text that holds what it needs."""

    def run(self, tree, ancestors=None):
        # the patterns in order, with what each needs, looked up once a page rather than once a try
        self.tries = [(pattern, _needs(pattern)) for pattern in self.inlinePatterns]
        self.every = all(needs is not None for _, needs in self.tries)
        self.needed = tuple({n for _, needs in self.tries for n in needs or ()})
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        # InlineProcessor.__handleInline, with the tests before the patterns
        if isinstance(data, util.AtomicString) or self.every and not any(n in data for n in self.needed):
            return data
        startIndex = 0
        tries = self.tries
        count = len(tries)
        while patternIndex < count:
            pattern, needs = tries[patternIndex]
            if needs is not None and not any(n in data for n in needs):
                patternIndex += 1
                startIndex = 0
                continue
            data, matched, startIndex = self._InlineProcessor__applyPattern(pattern, data, patternIndex, startIndex)
            if not matched:
                patternIndex += 1
        return data


def _needs(pattern) -> tuple[str, ...] | None:
    regex = getattr(pattern, "compiled_re", None)
    if regex is None:
        return None
    needs = NEEDS.get(regex.pattern)
    if needs is None and type(pattern) is HtmlInlineProcessor and regex.pattern.startswith("(<"):
        return HTML_NEEDS
    return needs


class QuickInlineExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        inline = md.treeprocessors["inline"] if "inline" in md.treeprocessors else None
        if type(inline) is treeprocessors.InlineProcessor:      # another extension's own pass is left alone
            md.treeprocessors.register(QuickInlineProcessor(md), "inline", 20)


def makeExtension(**kwargs) -> QuickInlineExtension:
    return QuickInlineExtension(**kwargs)
