"""build(): read, clean, extract, index, render, write."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from typing import Callable
from pathlib import Path

from . import cleaning, index, readers, registry, render, write
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

    def summary(self) -> str:
        """One line: articles, actors, countries, stories, problems by kind, pages, time."""
        a = self.archive
        kinds = Counter(p.kind for p in a.problems)
        problems = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "none"
        line = (f"{len(a.articles)} articles, {len(a.actors)} actors, {len(a.countries)} countries, "
                f"{len(a.stories)} stories; problems: {problems}")
        if self.report:
            line += (f"; {len(self.report.written)} pages written, {self.report.unchanged} unchanged, "
                     f"{len(self.report.removed)} removed")
        return line + f"; {self.seconds:.2f}s"


def collect(articles_dir: Path, progress: Callable[[int, int], None] | None = None) -> Archive:
    """Everything but writing: the archive with its problems."""
    reg, problems = registry.load(articles_dir)
    found = readers.discover(articles_dir)
    ids = article_ids([rel for _, rel in found])
    articles: list[Article] = []
    for done, (path, rel) in enumerate(found, start=1):
        if progress:
            progress(done, len(found))
        try:
            raw, file_problems = readers.read(path, rel)
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
        articles.append(extract_article(raw, cleaned, reg, ids[rel]))
    return index.build(articles, reg, problems)


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
