"""The HTML of a generated page without Python-Markdown, for the few kinds
of Markdown the generator writes: the same bytes, about ten times sooner.

Converting Markdown is the largest part of `mkdocs build` on a large
archive (about 3 ms a page, most of it Python-Markdown trying every block
processor and every inline pattern on every piece of text). The generated
pages use only a few constructs, always written the same way: ATX headings,
paragraphs, tight bullet lists, a horizontal rule, admonitions and folded
boxes (`!!!`, `???`) holding lists and paragraphs, HTML comments and the
charts' `<figure>` blocks, and inline links, `**strong**`, `*emphasis*`,
backslash escapes and entities (article text is escaped by
`markdown_text.escape`). `render` converts a page made only of these and
gives back False for anything else (a table, code, a nested list, a
character it does not expect, another Markdown configuration), which
MkDocs then converts itself. Links are resolved as MkDocs resolves them
(`Links`), with its warnings for a link it cannot resolve.

The tests convert every generated page of their archives both ways and
compare the HTML, the table of contents, the title and the anchors.
"""
from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import urlunsplit

import markdown
from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from mkdocs.structure.pages import _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

# the site's Markdown configuration this module gives the same HTML for
EXTENSIONS = {"toc", "tables", "fenced_code", "admonition", "pymdownx.details", "build_scripts.quick_inline"}
TOC_CONFIG = {"permalink": False}

_HEADING = re.compile(r"(?P<level>#{1,6})(?P<header>(?:\\.|[^\\])*?)#*$")   # Python-Markdown's, on one line
_HR = re.compile(r"^[ ]{0,3}(?=(?P<atomicgroup>(-+[ ]{0,2}){3,}|(_+[ ]{0,2}){3,}|(\*+[ ]{0,2}){3,}))"
                 r"(?P=atomicgroup)[ ]*$")
_BOX = re.compile(r'^(!!!|\?\?\?) ?([\w\-]+) +"([^"]*)" *$')
_ITEM = re.compile(r"^- +(.*)$")
_INLINE = re.compile(r"\\(.)|(\*\*)|(\*)|(\[)|(&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)|([<>&_`\]\n]|!\[)")
_URL = re.compile(r"[A-Za-z0-9._~/-]+\Z")
_SPECIAL_START = re.compile(r"[ \t]|[#>|<]|[*+-]([ \t]|$)|\d+[.)]([ \t]|$)|```|~~~|!!!|\?\?\?|[=-]+[ \t]*$")
_TABLE_SEPARATOR = re.compile(r"^\|(?: ?-{3,} ?\|)+$")
_ID = re.compile(r"<[A-Za-z][^<>]*?\s(?:id|name)=\"([^\"<>]*)\"")
_ESCAPED = frozenset(markdown.Markdown().ESCAPED_CHARS) | {"|"}     # `tables` adds "|"


class Unsupported(Exception):
    """Markdown this module does not convert: MkDocs converts the page."""


def usable(config) -> bool:
    """Whether the site's Markdown configuration is the one this module mirrors."""
    names = {e if isinstance(e, str) else type(e).__module__ for e in config["markdown_extensions"]}
    configs = config["mdx_configs"] or {}
    return names == EXTENSIONS and configs.get("toc") == TOC_CONFIG and set(configs) <= {"toc"}


class Links:
    """MkDocs' link resolution for the links `_Page.inline` takes (`_URL`:
    a relative path of letters, digits and `._~/-`, with no query, anchor or
    escape). A link to another page in the site gets what
    `_RelativePathTreeprocessor.path_to_url` gives it, worked out the same
    way (the link joined to the page's folder and normalised, the target's
    URL made relative to the page's) without its other checks; any other
    link (to the page itself, to a file missing or left out of the site)
    goes through `path_to_url`, with its warnings."""

    def __init__(self, files, config) -> None:
        self.files, self.config = files, config
        self.by_uri = files.src_uris        # MkDocs' own mapping, without `get_file_from_path`'s PurePath

    def url(self, file, link: str) -> str:
        target = self.by_uri.get(posixpath.normpath(posixpath.join(posixpath.dirname(file.src_uri), link)))
        if target is not None and target is not file and not target.inclusion.is_excluded():
            return urlunsplit(("", "", get_relative_url(target.url, file.url), "", ""))
        resolver = _RelativePathTreeprocessor(file, self.files, self.config)
        url = resolver.path_to_url(link)
        if resolver.links_to_anchors:
            raise Unsupported("a link to an anchor")
        return url


class _Page:
    def __init__(self, file, links: Links) -> None:
        self.file, self.links = file, links
        self.used_ids: set[str] = set()
        self.counters: dict[str, int] = {}
        self.tokens: list[dict] = []
        self.anchors: set[str] = set()
        self.title: str | None = None
        self.started = False

    # inline ---------------------------------------------------------------

    def inline(self, text: str, links: bool = True, emphasis: bool = True) -> str:
        out, i, n = [], 0, len(text)
        while i < n:
            m = _INLINE.search(text, i)
            if m is None:
                out.append(text[i:])
                break
            out.append(text[i:m.start()])
            i = m.end()
            if m.group(1) is not None:
                char = m.group(1)
                if char not in _ESCAPED:
                    raise Unsupported("a backslash before a character Markdown does not escape")
                out.append(html.escape(char, quote=False))
            elif m.group(2) or m.group(3):
                if not emphasis:
                    raise Unsupported("emphasis inside emphasis or a link")
                mark = m.group(2) or m.group(3)
                end = _unescaped(text, "*", i)
                inner = text[i:end]
                if end <= i or text[end:end + len(mark)] != mark or text[end + len(mark):end + len(mark) + 1] == "*" \
                        or inner != inner.strip():
                    raise Unsupported("emphasis")
                tag = "strong" if mark == "**" else "em"
                out.append(f"<{tag}>{self.inline(inner, links=False, emphasis=False)}</{tag}>")
                i = end + len(mark)
            elif m.group(4):
                if not links:
                    raise Unsupported("a link inside a link or emphasis")
                close = _closing_bracket(text, i)
                if close < 0 or text[close + 1:close + 2] != "(":
                    raise Unsupported("brackets that are no link")
                end = text.find(")", close + 2)
                target = text[close + 2:end]
                if end < 0 or not _URL.match(target) or target.startswith("/"):
                    raise Unsupported("a link target")
                label = self.inline(text[i:close], links=False, emphasis=False)
                href = html.escape(self.links.url(self.file, target), quote=True)
                out.append(f'<a href="{href}">{label}</a>')
                i = end + 1
            elif m.group(5):
                out.append(m.group(5))
            else:
                raise Unsupported(f"the character {m.group(6)!r}")
        return "".join(out)

    # blocks ---------------------------------------------------------------

    def blocks(self, lines: list[str], top: bool) -> list[str]:
        out: list[str] = []
        i, n, previous = 0, len(lines), None
        while i < n:
            line = lines[i]
            if not line.strip():
                i += 1
                continue
            if line.startswith(("!!!", "???")) and top:
                j, content = i + 1, []
                while j < n and (not lines[j].strip() or lines[j].startswith("    ")):
                    content.append(lines[j][4:])
                    j += 1
                out.append(self.box(line, content))
                i, previous = j, "box"
                continue
            j = i
            while j < n and lines[j].strip():
                j += 1
            group, i = lines[i:j], j
            kind = self.kind(group)
            if kind == "list" and previous == "list":
                raise Unsupported("a list after a list")
            if not top and kind not in ("list", "paragraph"):
                raise Unsupported(f"a {kind} in a box")
            out.append(self.block(kind, group))
            previous = kind
            self.started = True
        return out

    def kind(self, group: list[str]) -> str:
        first = group[0]
        if first.startswith("#"):
            return "heading"
        if _HR.match(first) and len(group) == 1:
            return "hr"
        if first.startswith("<!--"):
            return "comment"
        if first.startswith("<figure"):
            return "figure"
        if _ITEM.match(first):
            return "list"
        if first.startswith("|"):
            return "table"
        return "paragraph"

    def block(self, kind: str, group: list[str]) -> str:
        if kind == "heading":
            if len(group) != 1:
                raise Unsupported("a heading with more lines")
            return self.heading(group[0])
        if kind == "hr":
            return "<hr />"
        if kind == "comment":
            if len(group) != 1 or not group[0].endswith("-->") or "--" in group[0][4:-3]:
                raise Unsupported("an HTML comment")
            return group[0] + "\n"         # Python-Markdown leaves a blank line after raw HTML
        if kind == "figure":
            if group[-1] != "</figure>" or "<!--" in "".join(group):
                raise Unsupported("raw HTML")
            for line in group:
                self.anchors.update(html.unescape(v) for v in _ID.findall(line))
            return "\n".join(group) + "\n"
        if kind == "table":
            return self.table(group)
        if kind == "list":
            items = []
            for line in group:
                m = _ITEM.match(line)
                if not m:
                    raise Unsupported("a list item on more lines")
                if _SPECIAL_START.match(m.group(1)):      # an item's text is read as blocks
                    raise Unsupported("a list item that starts like a block")
                items.append(f"<li>{self.inline(m.group(1))}</li>")
            return "<ul>\n" + "\n".join(items) + "\n</ul>"
        if _SPECIAL_START.match(group[0]) or any(_SPECIAL_START.match(line) or _HR.match(line) for line in group[1:]):
            raise Unsupported("a paragraph line Markdown may read as a block")
        if any(line.endswith("  ") for line in group[:-1]):
            raise Unsupported("a line break")
        return f"<p>{self.inline(chr(10).join(group).lstrip())}</p>"

    def table(self, group: list[str]) -> str:
        """A table as the `tables` extension writes it: a bordered header,
        a separator of dashes (no alignment), rows of as many cells."""
        if len(group) < 3 or not _TABLE_SEPARATOR.match(group[1]):
            raise Unsupported("a table without rows or with aligned columns")
        rows = [_cells(line) for line in [group[0], *group[2:]]]
        if any(len(row) != len(rows[0]) for row in rows) or len(_cells(group[1])) != len(rows[0]) < 2:
            raise Unsupported("a table with rows of other lengths")
        head = "".join(f"<th>{self.inline(cell)}</th>\n" for cell in rows[0])
        body = "".join("<tr>\n" + "".join(f"<td>{self.inline(cell)}</td>\n" for cell in row) + "</tr>\n"
                       for row in rows[1:])
        return f"<table>\n<thead>\n<tr>\n{head}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>"

    def heading(self, line: str) -> str:
        m = _HEADING.match(line)
        if not m:
            raise Unsupported("a heading")
        level, inner = len(m.group("level")), self.inline(m.group("header").strip())
        name = strip_tags(inner)
        slug = unique(slugify(html.unescape(name), "-"), self.used_ids, self.counters)
        self.anchors.add(slug)
        self.tokens.append({"level": level, "id": html.unescape(slug), "name": name, "html": inner,
                            "data-toc-label": ""})
        if level == 1 and not self.started:
            self.title = _mkdocs_strip_tags(inner)
        return f'<h{level} id="{slug}">{inner}</h{level}>'

    def box(self, head: str, content: list[str]) -> str:
        m = _BOX.match(head)
        if not m or not m.group(3) or _SPECIAL_START.match(m.group(3)):     # a summary is read as blocks
            raise Unsupported("an admonition or folded box")
        title = self.inline(m.group(3), links=False, emphasis=False)
        inner = "\n".join(self.blocks(content, top=False))
        self.started = True
        if m.group(1) == "!!!":
            return f'<div class="admonition {m.group(2)}">\n<p class="admonition-title">{title}</p>\n{inner}\n</div>'
        return f'<details class="{m.group(2)}">\n<summary>{title}</summary>\n{inner}\n</details>'

    def html(self, text: str) -> str:
        return "\n".join(self.blocks(text.split("\n"), top=True))


def render(page, links: Links) -> bool:
    """Set the page's HTML, table of contents, title and anchors as
    `Page.render` would; False, with the page untouched, when its Markdown
    is not one this module converts."""
    if any(c in page.markdown for c in "\t\r\x02\x03"):     # Python-Markdown changes these first
        return False
    converter = _Page(page.file, links)
    try:
        content = converter.html(page.markdown)
    except Unsupported:
        return False
    page.content = content
    page.toc = get_toc(nest_toc_tokens(converter.tokens))
    page._title_from_render = converter.title
    page.present_anchor_ids = converter.anchors
    return True


def _mkdocs_strip_tags(text: str) -> str:
    while (start := text.find("<")) != -1 and (end := text.find(">", start)) != -1:
        text = text[:start] + text[end + 1:]
    return " ".join(text.split())


def _unescaped(text: str, chars: str, start: int) -> int:
    """Where the first of `chars` not escaped by a backslash is, from `start`; -1 if none."""
    i = start
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c in chars:
            return i
        i += 1
    return -1


def _closing_bracket(text: str, start: int) -> int:
    i = _unescaped(text, "[]", start)
    return i if i >= 0 and text[i] == "]" else -1


def _cells(line: str) -> list[str]:
    """The cells of a bordered table row, split at pipes not escaped."""
    if not (line.startswith("|") and line.endswith("|")) or line.endswith("\\|"):
        raise Unsupported("a table row without borders")
    cells, start = [], 1
    while (bar := _unescaped(line, "|", start)) >= 0:
        cells.append(line[start:bar].strip(" "))
        start = bar + 1
    return cells


def _groups(lines: list[str]) -> list[list[str]]:
    groups, current = [], []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups
