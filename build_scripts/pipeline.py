"""build(): read, clean, extract, merge copies, index, render, write."""
from __future__ import annotations

import dataclasses
import time
from collections import Counter
from dataclasses import dataclass
from typing import Callable
from pathlib import Path

from . import cleaning, duplicates, front_matter, index, readers, registry, render, write
from .errors import ArchiveError, Problem
from .extract import extract_article
from .ids import article_ids
from .models import Archive, Article


@dataclass(frozen=True)
class BuildResult:
    archive: Archive
    report: write.WriteReport | None
    seconds: float

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.archive.problems

    @property
    def notes(self) -> tuple[Problem, ...]:
        return self.archive.notes

    def summary(self) -> str:
        """One line: articles, actors, countries, stories, problems by kind, pages, time."""
        a = self.archive
        kinds = Counter(p.kind for p in a.problems)
        problems = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "none"
        line = (f"{len(a.articles)} articles, {len(a.actors)} actors, {len(a.countries)} countries, "
                f"{len(a.stories)} stories; problems: {problems}; {len(a.notes)} notes")
        if self.report:
            line += (f"; {len(self.report.written)} pages written, {self.report.unchanged} unchanged, "
                     f"{len(self.report.removed)} removed")
        return line + f"; {self.seconds:.2f}s"


def collect(articles_dir: Path, progress: Callable[[int, int], None] | None = None) -> Archive:
    """Everything but writing: the archive with its problems and notes."""
    reg, problems = registry.load(articles_dir)
    sources, skipped = readers.discover(articles_dir)
    problems += skipped
    ids = article_ids([s.rel for s in sources])
    articles: list[Article] = []
    for done, source in enumerate(sources, start=1):
        if progress:
            progress(done, len(sources))
        rel = source.rel
        try:
            raw, file_problems = readers.read(source.path, rel, source.sidecar)
        except ArchiveError as exc:
            problems.append(exc.problem)
            continue
        except OSError as exc:
            problems.append(Problem(rel, 1, f"cannot be read ({exc.strerror}): check its permissions"))
            continue
        problems.extend(file_problems)
        cleaned = cleaning.classify(raw.text, raw.body_line, markdown=raw.markdown)
        if not cleaned.by_role("body", "title", "heading"):
            problems.append(Problem(rel, 1, "no article text left after removing page furniture: "
                                    "check that the file holds the article"))
            continue
        articles.append(front_matter.credit(extract_article(raw, cleaned, reg, ids[rel]), raw.origins))
    articles, copies = duplicates.merge(articles)
    problems += copies
    archive = index.build(articles, reg, [p for p in problems if p.kind != "info"])
    return dataclasses.replace(archive, notes=tuple(p for p in problems if p.kind == "info"))


def build(articles_dir: Path, docs_dir: Path, progress: Callable[[int, int], None] | None = None) -> BuildResult:
    start = time.perf_counter()
    archive = collect(articles_dir, progress)
    files = render.render(archive)
    report = write.write_tree(docs_dir, files, render.GENERATED_DIRS)
    return BuildResult(archive, report, time.perf_counter() - start)


def check(articles_dir: Path, progress: Callable[[int, int], None] | None = None) -> BuildResult:
    start = time.perf_counter()
    archive = collect(articles_dir, progress)
    return BuildResult(archive, None, time.perf_counter() - start)
