"""Saved web pages: the main text without the page around it, the metadata
the markup states, and never a guessed date."""
from __future__ import annotations

import shutil

import pytest

from build_scripts import pipeline, readers, webpage
from build_scripts.errors import ArchiveError

from .conftest import DATA

PAGES = DATA / "html"
ARTICLE = ("<article><h1>Talks in Algiers</h1>" + "<p>Senior officials from Algeria and France met in Algiers "
           "on Monday to discuss security in the Sahel region, the presidency said.</p>" * 3 + "</article>")


def page(head: str = "", body: str = ARTICLE, lang: str = "") -> str:
    return f"<html{lang}><head>{head}</head><body>{body}</body></html>"


def test_an_english_page_without_its_furniture():
    raw, problems = readers.read(PAGES / "sahel-talks.html", "sahel-talks.html")
    assert problems == []
    assert raw.meta == {"title": "Algeria and France hold Sahel security talks in Algiers", "date": "2026-02-24",
                        "language": "en", "source": "North Africa Monitor",
                        "authors": ["Karim Benali", "Claire Martin"]}
    paragraphs = raw.text.split("\n\n")
    assert paragraphs[0] == raw.meta["title"]
    assert paragraphs[1].startswith("Senior security officials from Algeria and France met in Algiers")
    assert "A thaw after months of tension" in paragraphs
    for furniture in ("cookies", "Subscribe", "Related stories", "Morocco and Spain", "comments",
                      "sahel_watcher", "Wagner", "All rights reserved", "Sign up", "Share on", "dataLayer"):
        assert furniture not in raw.text, furniture


def test_a_french_page_in_windows_1252_as_its_markup_declares():
    raw, _ = readers.read(PAGES / "alger-moscou.htm", "alger-moscou.htm")
    assert raw.meta == {"title": "Alger et Moscou renforcent leur coopération militaire", "date": "2025-11-18",
                        "language": "fr", "source": "Le Quotidien du Maghreb", "authors": ["Samia Khelifi"]}
    assert "le général d'armée Saïd Chanegriha, a reçu mardi" in raw.text
    for furniture in ("Partager", "Lire aussi", "Mali : la transition", "réactions", "Et la France",
                      "Les plus lus", "Mentions légales", "Se connecter"):
        assert furniture not in raw.text, furniture


@pytest.mark.parametrize("head,date", [
    ('<meta property="article:published_time" content="2026-02-24T09:30:00+01:00">', "2026-02-24"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-02-24",'
     ' "dateModified": "2026-03-01"}</script>', "2026-02-24"),
    ('<meta name="pubdate" content="20260224">', "2026-02-24"),
    ('<link rel="canonical" href="https://example.com/2026/02/24/talks/">', None),   # the URL is no statement
    ('<meta name="date" content="2026-02">', None),        # htmldate would add today's day
    ('<meta name="date" content="02/03/2026">', None),     # 2 March or 3 February?
    ('<title>News of 24 February 2026</title>', None),
])
def test_the_date_is_what_the_markup_states_or_none(head, date):
    assert webpage.extract(page(head), "a.html").meta.get("date") == date


def test_a_date_in_the_text_alone_is_left_to_the_text_rules(tmp_path):
    body = ARTICLE.replace("<h1>", "<p>Posted 3 days ago</p><p>Published: 24 February 2026</p><h1>")
    assert "date" not in webpage.extract(page(body=body), "a.html").meta


@pytest.mark.parametrize("lang,head,language", [
    (' lang="fr-FR"', "", "fr"),
    ("", '<meta http-equiv="Content-Language" content="de">', "de"),
    ("", '<meta property="og:locale" content="pt_BR">', "pt"),
    (' lang="not a language"', "", None),
])
def test_the_language_the_markup_states(lang, head, language):
    assert webpage.extract(page(head, lang=lang), "a.html").meta.get("language") == language


def test_page_metadata_beats_what_the_text_suggests(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    body = ARTICLE.replace("<h1>Talks in Algiers</h1>", "<h1>Talks in Algiers</h1><p>By John Smith</p>"
                           "<p>ALGIERS, Feb. 20, 2026 (Reuters) - The minister spoke.</p>")
    head = ('<meta name="author" content="Jane Doe"><meta property="og:site_name" content="APS">'
            '<meta property="article:published_time" content="2026-02-21">')
    (articles / "a.html").write_text(page(head, body), "utf-8")
    art = pipeline.check(articles).archive.articles[0]
    assert (art.authors.value, art.source.value, art.date.value) == (("Jane Doe",), "APS", "2026-02-21")
    assert art.date.cue.rule == "page metadata"


def test_a_sidecar_corrects_a_page(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(PAGES / "sahel-talks.html", articles)
    (articles / "sahel-talks.meta.yml").write_text("source: Corrected Source\nactors: [Laurent Nuñez]\n")
    result = pipeline.build(articles, tmp_path / "docs")
    (art,) = result.archive.articles
    assert art.source.value == "Corrected Source" and [m.key for m in art.actors] == ["Laurent Nuñez"]
    assert art.title.cue.rule == "page metadata" and art.source.cue.rule == "sidecar sahel-talks.meta.yml"


def test_scripts_and_markup_in_a_page_stay_text():
    body = ("<article><h1>Title</h1><p>Officials met in Algiers to discuss security in the Sahel region.</p>"
            "<p>It said &lt;script&gt;alert('x')&lt;/script&gt; then <script>alert('run')</script>"
            "<img src=x onerror=alert(2)><a href='javascript:alert(3)'>a link</a> {{ config }}</p>"
            "<p>Another paragraph of the article with enough words to count as text.</p></article>")
    raw = webpage.extract(page(body=body), "a.html")
    assert "<script>alert('x')</script>" in raw.text and "{{ config }}" in raw.text
    assert "alert('run')" not in raw.text and "onerror" not in raw.text and "javascript:" not in raw.text


@pytest.mark.parametrize("html,words", [
    ("<html></html>", "no article text"),
    ("plain words about talks in Algiers, no markup at all", "not an HTML page"),
    ("<div>" * 100_000 + "text" + "</div>" * 100_000, "not an HTML page"),
    ("<html><frameset><frame src='a.html'></frameset></html>", "no article text"),
])
def test_pages_without_an_article_are_reported(html, words):
    with pytest.raises(ArchiveError, match=words):
        webpage.extract(html, "a.html")


@pytest.mark.parametrize("head,charset", [
    (b'<meta charset="windows-1251">', "cp1251"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),
    (b'<meta charset="no-such-thing">', None),
    (b"", None),
])
def test_declared_charset(head, charset):
    assert webpage.declared_charset(b"<html><head>" + head + b"</head></html>") == charset


def test_pages_and_copies_build_the_same_bytes_whatever_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys

    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("sahel-talks.html", "alger-moscou.htm"):
        shutil.copy(PAGES / name, articles)
    shutil.copy(PAGES / "sahel-talks.html", articles / "sahel-talks (1).html")
    trees = []
    for seed in ("1", "2"):
        docs = tmp_path / f"docs{seed}"
        subprocess.run([sys.executable, "-m", "build_scripts", "build", "--articles", str(articles),
                        "--docs", str(docs)], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        trees.append({p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()})
    assert trees[0] == trees[1] and "articles/sahel-talks.md" in trees[0]
    assert b"sahel-talks (1).html (same text)" in trees[0]["articles/sahel-talks.md"]
