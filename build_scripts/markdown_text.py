"""Article text is data: these helpers make it show literally in Markdown,
never as HTML, links, emphasis, headings, lists, tables or template code.

Only what the enabled Markdown extensions treat as syntax is escaped, so the
generated Markdown stays readable."""
from __future__ import annotations

import html
import re
from functools import lru_cache

_ANYWHERE = re.compile(r"([\\`*_{}\[\]|])")
_LINE_START = re.compile(r"^(\s*)([#+\-!?~]|\d+(?=[.)]))")


@lru_cache(maxsize=1 << 16)
def escape(text: str) -> str:
    """Escape one line of text for use inside a Markdown paragraph or heading
    (kept: a title is escaped on every list that links its article)."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _ANYWHERE.sub(r"\\\1", text)
    m = _LINE_START.match(text)
    if m:
        lead = m.group(2)
        if lead.isdigit():          # "1. " would start a list: escape the dot
            text = text[: m.end()] + "\\" + text[m.end():]
        elif lead in "?~":            # "??? note", "~~~": not escapable, use an entity
            text = text[: m.start(2)] + f"&#{ord(lead)};" + text[m.start(2) + 1:]
        else:
            text = text[: m.start(2)] + "\\" + text[m.start(2):]
    return text


def link(label: str, target: str) -> str:
    return f"[{escape(label)}]({target})"


def attr(text: str) -> str:
    """Text for a quoted admonition title."""
    return html.escape(" ".join(text.split()), quote=True)
