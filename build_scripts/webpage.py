"""Saved web pages (.html, .htm): the article's main text by trafilatura
(navigation, comments, related links and footers dropped) and the metadata
the page's markup states: title, authors, site name, language, date.

What the markup states goes into the article's metadata under the front
matter's field names, so it beats what the extractors would guess from the
text. The date is read by htmldate from the page's <meta> tags and JSON-LD
only: never from the URL, the text or a file time, which would be guesses.
"""
from __future__ import annotations

import codecs
import copy
import re

import htmldate
import lxml.html
import trafilatura
from trafilatura.utils import load_html

from . import front_matter
from .errors import ArchiveError
from .models import RawArticle

# htmldate knows the years 1990-2039. Fixed bounds instead of its default
# "today", so that the clock never decides.
DATE_RANGE = {"min_date": "1990-01-01", "max_date": "2039-12-31"}
DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{1,40})""", re.I)
# The HTML standard reads these labels as Windows-1252.
WINDOWS_1252 = {"ascii", "latin-1", "iso8859-1"}


def declared_charset(data: bytes) -> str | None:
    """The encoding a <meta charset> near the top of the page names, if Python knows it."""
    m = DECLARED_CHARSET.search(data[:4096])
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name if m else None
    except LookupError:
        return None
    return "cp1252" if name in WINDOWS_1252 else name


def extract(html: str, rel: str) -> RawArticle:
    """The page's headline and main text, one paragraph per line with blank
    lines between, and what its markup states as metadata."""
    tree = load_html(html)
    if tree is None:
        raise ArchiveError(rel, 1, "not an HTML page that can be parsed: save the page again, "
                           "or name the file .txt if it is plain text")
    stated = {"date": markup_date(tree), "language": markup_language(tree)}
    doc = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_images=False, include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True, **DATE_RANGE})
    if doc is None or not (doc.text or "").strip():
        raise ArchiveError(rel, 1, "no article text found in the page: save the article's own page, "
                           "or copy its text into a .txt file")
    stated.update(title=doc.title, source=doc.sitename,
                  authors=[a.strip() for a in (doc.author or "").split(";") if a.strip()] or None)
    meta = {}
    for key, value in stated.items():
        if value:
            value, wrong = front_matter.check(key, value)
            if not wrong:
                meta[key] = value
    title = " ".join((doc.title or "").split())
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    return RawArticle(source_file=rel, text="\n\n".join(paragraphs) + "\n", meta=meta,
                      origins=dict.fromkeys(meta, "page metadata"))


def markup_date(tree: lxml.html.HtmlElement) -> str | None:
    """htmldate on a copy of the page holding only its <meta> tags and JSON-LD,
    so that its fallbacks (URL, text, images) have nothing to guess from. Its
    answer is kept only when the markup writes that full date out: htmldate
    completes '2026-03' with today's day and reads 02/03/2026 as 2 March."""
    page = lxml.html.fromstring("<html><head></head><body></body></html>")
    stated = []
    for element in tree.xpath('//meta|//script[@type="application/ld+json"]'):
        page[0].append(copy.deepcopy(element))
        stated.append(element.get("content") or element.text or "")
    found = htmldate.find_date(page, extensive_search=False, original_date=True, url="", **DATE_RANGE)
    written = " ".join(stated)
    if found and any(form in written for form in (found, found.replace("-", "/"), found.replace("-", ""))):
        return found
    return None


def markup_language(tree: lxml.html.HtmlElement) -> str | None:
    """<html lang>, else <meta http-equiv="content-language">, else og:locale."""
    stated = [tree.getroottree().getroot().get("lang")]
    stated += [m.get("content") for m in tree.iter("meta")
               if (m.get("http-equiv") or "").lower() == "content-language"]
    stated += [m.get("content") for m in tree.iter("meta") if m.get("property") == "og:locale"]
    return next((s for s in stated if s and s.strip()), None)
