"""build(): read, clean, extract, merge copies, index, render, write."""
from __future__ import annotations

import dataclasses
import pickle
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable

from . import (cache, cleaning, collector, duplicates, front_matter, index, parallel, quick, readers, registry,
               render, sources, stories, write)
from .errors import ArchiveError, Problem
from .extract import extract_article
from .extract.places import is_city
from .extract.tokens import common_word
from .names import compatible_given_names
from .models import Archive, Article, Fingerprint, RawArticle


@dataclass(frozen=True)
class Counts:
    """What the summary line reports, kept by the cache for builds that change nothing."""

    articles: int
    actors: int
    countries: int
    stories: int
    problems: tuple[Problem, ...]
    notes: tuple[Problem, ...]

    @classmethod
    def of(cls, archive: Archive) -> Counts:
        return cls(len(archive.articles), len(archive.actors), len(archive.countries), len(archive.stories),
                   archive.problems, archive.notes)


@dataclass(frozen=True)
class BuildResult:
    counts: Counts
    report: write.WriteReport | None
    seconds: float
    load: Callable[[], Archive] = field(repr=False, compare=False)

    @cached_property
    def archive(self) -> Archive:
        """The archive built; after a build that found nothing changed, made
        from the cache when first asked for."""
        return self.load()

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.counts.problems

    @property
    def notes(self) -> tuple[Problem, ...]:
        return self.counts.notes

    def summary(self) -> str:
        """One line: articles, actors, countries, stories, problems by kind, pages, time."""
        c = self.counts
        kinds = Counter(p.kind for p in c.problems)
        problems = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "none"
        line = (f"{c.articles} articles, {c.actors} actors, {c.countries} countries, "
                f"{c.stories} stories; problems: {problems}; {len(c.notes)} notes")
        if self.report:
            line += (f"; {len(self.report.written)} pages written, {self.report.unchanged} unchanged, "
                     f"{len(self.report.removed)} removed")
        return line + f"; {self.seconds:.2f}s"


def collect(articles_dir: Path, progress: Callable[[int, int], None] | None = None,
            workers: int | None = None) -> Archive:
    """Everything but writing: the archive with its problems and notes."""
    return extract_and_index(sources.scan(articles_dir), progress, workers)


def extract_and_index(src: sources.Sources, progress: Callable[[int, int], None] | None = None,
                      workers: int | None = None, store: cache.Store | None = None,
                      meanwhile: Callable[[Archive], None] | None = None) -> Archive:
    problems = list(src.problems)
    articles: list[Article] = []
    for article, file_problems in extract_all(src, progress, workers, store):
        problems.extend(file_problems)
        if article:
            articles.append(article)
    articles, copies = duplicates.merge(articles)
    problems += copies
    archive = index.build(articles, src.registry, [p for p in problems if p.kind != "info"], meanwhile)
    return dataclasses.replace(archive, notes=tuple(p for p in problems if p.kind == "info"))


def extract_all(src: sources.Sources, progress: Callable[[int, int], None] | None = None,
                workers: int | None = None, store: cache.Store | None = None) -> list[tuple[Article | None, list]]:
    """Every file's article and problems, in order, on every core; with a
    store, only the files it has not seen with these bytes are extracted."""
    results = store.extracted(src) if store else {}
    todo = [job for job in src.jobs if job[1] not in results]
    fresh, packed = {}, {}
    for done, (job, blob) in enumerate(
            zip(todo, parallel.extract_many(extract_packed, todo, src.registry, workers)), len(results) + 1):
        if progress:
            progress(done, len(src.jobs))
        fresh[job[1]] = pickle.loads(blob)
        if store:
            packed[job[1]] = blob       # for the cache, as it is
    if store:
        store.update(src, fresh, packed)
    results.update(fresh)
    return [results[job[1]] for job in src.jobs]


def extract_packed(path: Path, rel: str, article_id: str, sidecar, reg: registry.Registry) -> bytes:
    """extract_one's result pickled, as a worker sends it back anyway: the
    cache keeps these bytes rather than pickling every article again."""
    return pickle.dumps(extract_one(path, rel, article_id, sidecar, reg), pickle.HIGHEST_PROTOCOL)


def extract_one(path: Path, rel: str, article_id: str, sidecar, reg: registry.Registry) -> tuple[Article | None, list]:
    """Read, clean and extract one file: the article (None if unusable) and its problems."""
    try:
        raw, problems = readers.read(path, rel, sidecar)
    except ArchiveError as exc:
        return None, [exc.problem]
    except OSError as exc:
        return None, [Problem(rel, 1, f"cannot be read ({exc.strerror}): check its permissions")]
    cleaned = cleaning.classify(raw.text, raw.body_line, markdown=raw.markdown)
    if not cleaned.by_role("body", "title", "heading"):
        return None, problems + [Problem(rel, 1, "no article text left after removing page furniture: "
                                         "check that the file holds the article")]
    article = front_matter.credit(extract_article(raw, cleaned, reg, article_id), raw.origins)
    fingerprint = Fingerprint(stories.packed_words(article), duplicates.signature(article))
    return dataclasses.replace(article, fingerprint=fingerprint), problems


WARM_UP = ("Paris, 3 March 2024 - Foreign Minister Jean Martin met Algerian minister Ahmed Benali in Algiers, "
           "the Interior Ministry said. Le ministre russe Sergueï Ivanov était à Moscou le 4 mars.")


def warm(registry: registry.Registry) -> None:
    """Load what extracting an article loads the first time (name lists,
    gazetteers, MinHash): `mkdocs serve` does it after its first build, so
    the first edit is shown as fast as the next."""
    raw = RawArticle("warm-up.txt", WARM_UP, {})
    article = extract_article(raw, cleaning.classify(raw.text, 1), registry, "warm-up")
    stories.packed_words(article)
    duplicates.signature(article)
    for language in ("en", "fr", "es", "de", "it", "pt"):
        common_word("warm", language)
    compatible_given_names("Nicolas", "Nikolai")
    is_city("Algiers")


DIGESTS = "file digests"        # the Store's name for the digests of the last build's files (sources.recall)


def build(articles_dir: Path, docs_dir: Path, progress: Callable[[int, int], None] | None = None,
          workers: int | None = None) -> BuildResult:
    with collector.paused():
        return _build(articles_dir, docs_dir, progress, workers)


def _build(articles_dir: Path, docs_dir: Path, progress: Callable[[int, int], None] | None,
           workers: int | None) -> BuildResult:
    start = time.perf_counter()
    store = cache.Store.beside(docs_dir, articles_dir)
    recalled = (store.kept(DIGESTS) or {}) if store else {}
    sources.recall(articles_dir, recalled)          # a file unchanged since is not read again
    src = sources.scan(articles_dir)
    digests = sources.settled(src)
    if store and digests != recalled:
        store.keep(DIGESTS, digests)
    last = store.unchanged(src, docs_dir, render.GENERATED_DIRS) if store else None
    if last:
        return BuildResult(last.counts, write.WriteReport((), len(last.outputs), ()), time.perf_counter() - start,
                           lambda: extract_and_index(src, store=store))
    writer = render.Writer(docs_dir, workers)
    try:
        archive = extract_and_index(src, progress, workers, store, writer.early)
    except BaseException:
        writer.cancel()
        raise
    report = writer.finish(archive)
    counts = Counts.of(archive)
    if store:
        store.keep(quick.SNAPSHOT, quick.Snapshot.of(archive))        # for serve's quick pass after an edit
        store.remember(src, docs_dir, render.GENERATED_DIRS, counts)
    return BuildResult(counts, report, time.perf_counter() - start, lambda: archive)


def check(articles_dir: Path, progress: Callable[[int, int], None] | None = None) -> BuildResult:
    start = time.perf_counter()
    with collector.paused():
        archive = collect(articles_dir, progress)
    return BuildResult(Counts.of(archive), None, time.perf_counter() - start, lambda: archive)
