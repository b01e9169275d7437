"""Site search with Pagefind (PyPI's `pagefind[extended]`, which bundles the
binary): article pages carry their text and their filters (person,
country, language, source, year) for the index, which the pagefind binary
builds from the article pages after `mkdocs build`. The search page
(docs/search.md, docs/javascripts/archive-search.js) downloads only the
pieces of the index a query needs, and a filter's data only when it is used.

A filter's data grows with the articles that carry it; people are many, so
the person filter is split by initial ("person-l" holds Laurent Nuñez) and
narrowing by one person downloads the people of one letter only."""
from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

from .gazetteer import load as load_gazetteer
from .names import fold
from .pages import OTHERS_END, OTHERS_START, language_name

BUNDLE = "pagefind"                        # the index's folder in the site
PAGES = "articles/**/*.html"               # only article pages are indexed
NOT_INDEXED = "details"                    # the folded "Why these tags" box


def is_article(meta: dict, src_uri: str) -> bool:
    return src_uri.startswith("articles/") and "source_file" in meta


def filters(meta: dict) -> list[tuple[str, str]]:
    """(filter, value) pairs of an article page, from its front matter."""
    names = load_gazetteer().names
    date = meta.get("date")
    pairs = [(person_key(name), name) for name in meta.get("actors") or ()]
    pairs += [("country", names.get(code, code)) for code in meta.get("countries") or ()]
    pairs.append(("language", language_name(meta.get("language") or "und")))
    pairs.append(("source", meta.get("source") or "not stated"))
    pairs.append(("year", str(date)[:4] if date else "undated"))
    return pairs


def person_key(name: str) -> str:
    initial = fold(name)[:1]
    return f"person-{initial if 'a' <= initial <= 'z' else 'other'}"


def mark_article(content: str, meta: dict) -> str:
    """The article's HTML as the part of the page Pagefind indexes, with its
    filters as attribute values (escaped: names are data, never markup).
    What the page shows of other articles (their titles) is passed over: a
    search finds the articles that hold its words, and Pagefind needs about
    a tenth less memory."""
    tags = "".join(f'<span data-pagefind-filter="{key}[data-value]" data-value="{html.escape(value, quote=True)}">'
                   "</span>" for key, value in filters(meta))
    content = content.replace(OTHERS_START, "<div data-pagefind-ignore>").replace(OTHERS_END, "</div>")
    return f"<div data-pagefind-body>{tags}\n{content}\n</div>"


def command(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE,
            "--glob", PAGES, "--exclude-selectors", NOT_INDEXED, "--silent"]


class Indexer:
    """Runs pagefind on the built site. While `mkdocs serve` runs it indexes
    in the background, so a rebuild is shown without waiting for it, and a
    newer build replaces an indexing still under way."""

    def __init__(self) -> None:
        self.background = False
        self.running: subprocess.Popen | None = None
        self.early: subprocess.Popen | None = None

    def start(self, site_dir: Path) -> None:
        """Start indexing before the build ends, once every article page is
        written (they are, when workers wrote the generated pages): `index`
        then waits for it instead of starting afresh."""
        self.stop()
        self.early = subprocess.Popen(command(site_dir))

    def index(self, site_dir: Path) -> None:
        if self.early:
            early, self.early = self.early, None
            if early.wait():
                raise subprocess.CalledProcessError(early.returncode, early.args)
            return
        self.stop()
        if self.background:
            self.running = subprocess.Popen(command(site_dir))
        else:
            subprocess.run(command(site_dir), check=True)

    def stop(self) -> None:
        for proc in (self.running, self.early):
            if proc and proc.poll() is None:
                proc.terminate()
                proc.wait()
        self.running = self.early = None


INDEXER = Indexer()      # one per process: MkDocs loads its hooks afresh for every rebuild
