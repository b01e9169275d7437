"""The quick pass of `mkdocs serve`: an edited article's own page is
rewritten within a second, from what the last full build knew of the rest
of the archive; the full build follows in the background and rewrites every
other page the edit reaches (build_scripts/serving.py).

A full build works across the whole archive: copies, stories, related
articles and one name per person each depend on every article, and at
10,000 articles that takes half a minute. An edit usually changes only the
article's own page. So that page is written first, the way the full build
writes it when the edit moves nothing else: the article extracted afresh,
its people under the names the archive uses (a surname alone tied to
the person the archive names in full with it), its story, copies and related
articles as the last full build found them.

Only edits of articles that have a page of their own get a quick pass. A
new, removed or unusable file, a changed registry or generator, a country,
month, source or language the archive has no page for, or more than
QUICK_MOST changed files wait for the full build."""
from __future__ import annotations

import dataclasses
import functools
import time
from dataclasses import dataclass
from pathlib import Path

from . import cache, index, pipeline, render, sources, write
from .errors import Problem
from .gazetteer import load as load_gazetteer
from .models import Archive, Article, Cleaned, Cue, Related, Story, Value
from .pages import Context, actor_page, article_page, source_slug

QUICK_MOST = 20            # changed files a quick pass takes on
SNAPSHOT = "snapshot"      # the Store's name for the last full build's Snapshot


@dataclass(frozen=True)
class Snapshot:
    """What the last full build knew of the archive, for the quick pass."""

    articles: tuple[Article, ...]          # as lists show them: no text, tags or cues
    actor_pages: dict[str, str]            # person -> page
    countries: frozenset[str]              # codes with a page
    spellings: dict[str, str]              # a person's other spelling -> the name used
    stories: tuple[Story, ...]
    related: dict[str, tuple[Related, ...]]
    surnames: dict[str, str]               # surname -> the one person the archive names in full with it

    @classmethod
    def of(cls, archive: Archive) -> Snapshot:
        return cls(tuple(_listed(a) for a in archive.articles), {a.name: actor_page(a) for a in archive.actors},
                   frozenset(c.code for c in archive.countries), dict(archive.spellings), archive.stories,
                   archive.related, dict(archive.surnames))

    def has_pages(self, art: Article) -> bool:
        """Whether every page the article's own page links to has been built:
        its countries', its month's (or the undated list), its source's and
        its language's. A link to a page the full build has yet to write
        would lead nowhere meanwhile."""
        months, sources, languages = self._pages
        return ({c.key for c in art.countries} <= self.countries
                and (art.date.value or "")[:7] in months
                and (not art.source.value or source_slug(art.source.value) in sources)
                and art.language.value in languages)

    @functools.cached_property
    def _pages(self) -> tuple[set[str], set[str], set[str]]:
        """Months with a page ("" for the undated list), sources and languages."""
        return ({(a.date.value or "")[:7] for a in self.articles},
                {source_slug(a.source.value) for a in self.articles if a.source.value},
                {a.language.value for a in self.articles})

    def context(self, fresh: list[Article]) -> Context:
        """The renderers' lookups, with the fresh articles in place of their old selves."""
        by_id = {a.id: a for a in self.articles}
        by_id.update((a.id, a) for a in fresh)
        archive = Archive(tuple(by_id.values()), (), (), stories=self.stories, related=self.related)
        return Context(archive=archive, by_id=by_id, actor_pages=self.actor_pages,
                       country_names=load_gazetteer().names, sources={},
                       stories={s.id: s for s in self.stories})


_NO_CUE = Cue("")


def _listed(art: Article) -> Article:
    """What a list of articles shows of one (a fifth of the whole)."""
    def bare(value: Value) -> Value:
        return Value(value.value, _NO_CUE)
    return dataclasses.replace(art, title=bare(art.title), date=bare(art.date), language=bare(art.language),
                               source=bare(art.source), authors=Value((), _NO_CUE), summary="", actors=(),
                               countries=(), organizations=(), cleaned=Cleaned(()), rejected=(), fingerprint=None)


@dataclass(frozen=True)
class QuickResult:
    articles: int                          # edited articles taken
    pages: tuple[str, ...]                 # pages rendered (under docs/)
    written: tuple[str, ...]               # of these, those whose bytes changed
    problems: tuple[Problem, ...]          # the edited files' own
    seconds: float

    def summary(self) -> str:
        return (f"{self.articles} edited article{'s' * (self.articles != 1)} rewritten first "
                f"({len(self.written)} pages written) in {self.seconds:.2f}s; the full build follows")


def update(articles_dir: Path, docs_dir: Path, src: sources.Sources | None = None) -> QuickResult | None:
    """Rewrite the pages of the edited articles; None when the edit needs
    the full build first (see the module's text)."""
    start = time.perf_counter()
    store = cache.Store.beside(docs_dir, articles_dir)
    if store is None:
        return None
    src = src or sources.scan(articles_dir)
    known = store.known()
    if set(known) != set(src.digests):
        return None
    changed = [job for job in src.jobs if known[job[1]] != (job[2], src.digests[job[1]])]
    snapshot = store.kept(SNAPSHOT) if 0 < len(changed) <= QUICK_MOST else None
    if not isinstance(snapshot, Snapshot):
        return None
    had = {a.id: a for a in snapshot.articles}
    fresh, problems = [], []
    for job in changed:
        article, found = pipeline.extract_one(*job, src.registry)
        if article is None or article.id not in had or not snapshot.has_pages(article):
            return None
        problems += found
        was = had[article.id]
        named = index.lone_surnames(index.renamed(article, snapshot.spellings), snapshot.surnames,
                                    {e.name for e in src.registry.entries})
        fresh.append(dataclasses.replace(named, story=was.story, copies=was.copies))
    ctx = snapshot.context(fresh)
    files = {article_page(a): render.render_article(a, ctx) for a in fresh}
    written = write.write_files(docs_dir, files, render.GENERATED_DIRS).written
    return QuickResult(len(fresh), tuple(files), written, tuple(problems), time.perf_counter() - start)
