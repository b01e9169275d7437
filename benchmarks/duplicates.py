"""How long finding copies takes as the archive grows: prints numbers, asserts nothing.

    .venv/bin/python benchmarks/duplicates.py [ARTICLES ...]

Each archive holds synthetic articles of about 400 words from a 5,000-word
vocabulary; one in ten has a wire copy (the same text under another
dateline, with another trailer) and one in fifty a byte-identical twin.
"""
from __future__ import annotations

import random
import sys
import time

from build_scripts import duplicates
from build_scripts.models import Article, Cleaned, Cue, Line, Value

VOCABULARY = [f"w{i}" for i in range(5000)]


def article(n: int, text: str) -> Article:
    none = Value(None, Cue("benchmark"))
    return Article(id=f"a{n}", source_file=f"a{n:06}.txt", title=Value(f"Title {n}", Cue("benchmark")),
                   title_derived=False, date=none, language=none, source=none, authors=Value((), Cue("benchmark")),
                   summary="", actors=(), countries=(), organizations=(),
                   cleaned=Cleaned(tuple(Line(i + 1, p, "body") for i, p in enumerate(text.split("\n")))))


def corpus(size: int, rng: random.Random) -> tuple[list[Article], int]:
    arts, copies = [], 0
    while len(arts) < size:
        words = rng.choices(VOCABULARY, k=400)
        text = "\n".join(" ".join(words[i:i + 40]) for i in range(0, 400, 40))
        arts.append(article(len(arts), text))
        if rng.random() < 0.1:
            arts.append(article(len(arts), f"ALGIERS (Agency {len(arts)}) - {text}\nThis story first ran on site "
                                           f"{len(arts)}. All rights reserved."))
            copies += 1
        elif rng.random() < 0.02:
            arts.append(article(len(arts), text))
            copies += 1
    return arts[:size], copies


def main(sizes: list[int]) -> None:
    rng = random.Random(1)
    for size in sizes:
        arts, planted = corpus(size, rng)
        start = time.perf_counter()
        kept, notes = duplicates.merge(arts)
        seconds = time.perf_counter() - start
        print(f"{size:>7} articles: {len(notes):>5} copies found ({planted} planted), "
              f"{seconds:6.2f} s, {seconds / size * 1000:.2f} ms/article")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000])
