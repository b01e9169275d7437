"""Atom feeds (RFC 4287): one for the archive, one per actor and country.

Pure and clock-free. Built with xml.etree, so every text is escaped. An
entry's `updated` is its article's date and a feed's that of its newest
article; an undated article has no time to give and stands at the start of
Unix time (1970-01-01), so readers sort it last. Links are relative to the
feed's own address and ids are `urn:uuid` names derived from article ids,
so a feed stays valid wherever the site is published.
"""
from __future__ import annotations

import posixpath
import uuid
import xml.etree.ElementTree as ET

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
    feed = ET.Element("feed", {"xmlns": ATOM})
    _text(feed, "title", title)
    _text(feed, "id", _urn(f"feed:{path}"))
    _text(feed, "updated", _time(entries[0]) if entries else UNDATED)
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": posixpath.basename(path)})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": _href(path, url_of(page))})
    author = ET.SubElement(feed, "author")
    _text(author, "name", "News archive")
    _text(feed, "generator", GENERATOR)
    made = {} if made is None else made
    folder = posixpath.dirname(path)
    texts = []
    for art in entries:
        key = (folder, art.id)
        if key not in made:
            made[key] = _serialized(_entry(path, art, country_names))
        texts.append(made[key])
    ET.indent(feed, space="")
    head = ET.tostring(feed, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + head[: -len("</feed>")]
            + "".join(text + "\n" for text in texts) + "</feed>\n")


def _serialized(element: ET.Element) -> str:
    """An element as it reads inside a feed indented with no spaces: each
    tag on a line of its own, which is the same at any depth."""
    ET.indent(element, space="")
    return ET.tostring(element, encoding="unicode")


def _entry(path: str, art: Article, country_names: dict[str, str]) -> ET.Element:
    entry = ET.Element("entry")
    _text(entry, "title", art.title.value)
    _text(entry, "id", _urn(f"article:{art.id}"))
    ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html",
                                  "href": _href(path, url_of(article_page(art)))})
    _text(entry, "updated", _time(art))
    if art.date.value:
        _text(entry, "published", _time(art))
    for name in art.authors.value or ([art.source.value] if art.source.value else []):
        _text(ET.SubElement(entry, "author"), "name", name)
    for m in art.actors:
        ET.SubElement(entry, "category", {"term": clean(m.key)})
    for m in art.countries:
        ET.SubElement(entry, "category", {"term": clean(m.key), "label": clean(country_names.get(m.key, m.key))})
    if art.summary:
        _text(entry, "summary", art.summary)
    return entry


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = clean(text)


def _time(art: Article) -> str:
    return f"{art.date.value}T00:00:00Z" if art.date.value else UNDATED


def _urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"news-archive:{name}").urn


def _href(path: str, url: str) -> str:
    """A site URL ('articles/x/') relative to the feed file at `path`."""
    return posixpath.relpath(url or ".", posixpath.dirname(path)) + "/"
