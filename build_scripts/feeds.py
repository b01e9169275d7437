"""Atom feeds (RFC 4287): one for the archive, one per actor and country.

Pure and clock-free. Written as text, every text and attribute escaped
as xml.etree escapes it (the same bytes, several times sooner). An
entry's `updated` is its article's date and a feed's that of its newest
article; an undated article has no time to give and stands at the start of
Unix time (1970-01-01), so readers sort it last. Links are relative to the
feed's own address and ids are `urn:uuid` names derived from article ids,
so a feed stays valid wherever the site is published.
"""
from __future__ import annotations

import posixpath
import uuid

from .models import Article
from .pages import article_page, url_of
from .xml_text import clean

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 10          # as most news sites: a reader polls often, the site keeps the rest
UNDATED = "1970-01-01T00:00:00Z"
GENERATOR = "news-archive"


def atom(path: str, title: str, page: str, articles: list[Article], country_names: dict[str, str],
         made: dict | None = None) -> str:
    """The feed written at `path` (under docs/) for the HTML page `page`:
    its newest MAX_ENTRIES articles, dated ones first. `made`, one for the
    feeds of one archive (and its country names), keeps each article's
    entry for the next feed in the same folder: an article is in the feed
    of every person it names."""
    entries = sorted(articles, key=lambda a: a.sort_key)[:MAX_ENTRIES]
    out = ['<?xml version="1.0" encoding="utf-8"?>', f'<feed xmlns="{ATOM}">',
           _text("title", title), _text("id", _urn(f"feed:{path}")),
           _text("updated", _time(entries[0]) if entries else UNDATED),
           _empty("link", rel="self", type="application/atom+xml", href=posixpath.basename(path)),
           _empty("link", rel="alternate", type="text/html", href=_href(path, url_of(page))),
           "<author>", _text("name", "News archive"), "</author>", _text("generator", GENERATOR)]
    made = {} if made is None else made
    folder = posixpath.dirname(path)
    for art in entries:
        key = (folder, art.id)
        if key not in made:
            made[key] = _entry(path, art, country_names)
        out.append(made[key])
    out.append("</feed>\n")
    return "\n".join(out)


def _entry(path: str, art: Article, country_names: dict[str, str]) -> str:
    """An entry as it reads inside a feed: each tag on a line of its own."""
    out = ["<entry>", _text("title", art.title.value), _text("id", _urn(f"article:{art.id}")),
           _empty("link", rel="alternate", type="text/html", href=_href(path, url_of(article_page(art)))),
           _text("updated", _time(art))]
    if art.date.value:
        out.append(_text("published", _time(art)))
    for name in art.authors.value or ([art.source.value] if art.source.value else []):
        out += ["<author>", _text("name", name), "</author>"]
    out += [_empty("category", term=m.key) for m in art.actors]
    out += [_empty("category", term=m.key, label=country_names.get(m.key, m.key)) for m in art.countries]
    if art.summary:
        out.append(_text("summary", art.summary))
    out.append("</entry>")
    return "\n".join(out)


def _text(tag: str, text: str) -> str:
    """An element holding text, escaped as xml.etree escapes it."""
    text = clean(text)
    if not text:
        return f"<{tag} />"
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return f"<{tag}>{text}</{tag}>"


_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;",
                            "\t": "&#09;"})


def _empty(tag: str, **attributes: str) -> str:
    """An empty element, its attributes in the order given and escaped as xml.etree escapes them."""
    return f"<{tag} " + " ".join(f'{name}="{clean(value).translate(_ATTRIBUTE)}"'
                                 for name, value in attributes.items()) + " />"


def _time(art: Article) -> str:
    return f"{art.date.value}T00:00:00Z" if art.date.value else UNDATED


def _urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"news-archive:{name}").urn


def _href(path: str, url: str) -> str:
    """A site URL ('articles/x/') relative to the feed file at `path`."""
    return posixpath.relpath(url or ".", posixpath.dirname(path)) + "/"
