"""Time the stages after extraction (index with stories, render) on a large
archive and print numbers; no assertions.

usage: python benchmarks/site.py [--copies N] FOLDER...

Each FOLDER of articles is read and extracted once; --copies N then makes N
variants of every article (each dropping a different quarter of its lines),
to reach archive sizes the corpora alone do not have.
"""
from __future__ import annotations

import argparse
import dataclasses
import time
from collections import Counter
from pathlib import Path

from build_scripts import index, pipeline, render
from build_scripts.models import Cleaned
from build_scripts.registry import EMPTY


def variants(articles, copies: int):
    if copies == 1:
        return list(articles)
    return [dataclasses.replace(a, id=f"{k}/{a.id}",
                                cleaned=Cleaned(tuple(ln for n, ln in enumerate(a.cleaned.lines) if (n + k) % 4)))
            for k in range(copies) for a in articles]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--copies", type=int, default=1)
    args = ap.parse_args()
    start = time.perf_counter()
    articles = [a for folder in args.folders for a in pipeline.collect(folder).articles]
    read = time.perf_counter() - start
    articles = variants(articles, args.copies)
    start = time.perf_counter()
    archive = index.build(articles, EMPTY, [])
    indexed = time.perf_counter() - start
    start = time.perf_counter()
    files = render.render(archive)
    rendered = time.perf_counter() - start
    sizes = Counter(len(s.articles) for s in archive.stories)
    grouped = sum(n * k for n, k in sizes.items())
    print(f"{len(articles)} articles: read+extract {read:.1f}s (before copies), index+stories {indexed:.1f}s, "
          f"render {rendered:.1f}s ({len(files)} files, {sum(map(len, files.values())) / 1e6:.0f} MB)")
    print(f"{len(archive.stories)} stories holding {grouped} articles; largest {max(sizes, default=0)}; "
          f"sizes {sorted(sizes.items())}")


if __name__ == "__main__":
    main()
