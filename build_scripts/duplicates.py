"""Copies of one story: byte-identical files and near-identical wire copies
(the same text under another header or above another trailer) become one
article listing the others as "also published by". Nothing is dropped
silently: every copy is listed on the kept page and in archive.json, and
noted in the build's output.

Two texts are copies when the Jaccard similarity of their sets of 5-word
shingles is at least 0.8. Candidate pairs come from MinHash LSH (datasketch):
each article is hashed once and only looked up against the articles sharing
a band of its signature, so the work grows with the number of articles, not
with its square. Every candidate is then confirmed with the exact similarity.
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import PurePosixPath

from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import Problem
from .models import Article, Copy

if TYPE_CHECKING:
    from datasketch import MinHash

# datasketch (which loads SciPy) and NumPy are imported where used: half a
# second that a build with nothing changed does not need.

SHINGLE_WORDS = 5
SIMILAR = 0.8          # shingle Jaccard similarity from which two texts are one story
CANDIDATE = 0.5        # LSH threshold, well below SIMILAR so that copies are almost never missed
NUM_PERM = 128
SHINGLES_KEPT = 256    # shingle sets kept while comparing candidates: reuse without holding them all
TEXT_ROLES = ("body", "heading", "caption")   # not headers, bylines or headlines, which copies change
WORD = re.compile(r"\w+")


def text_of(article: Article) -> str:
    return "\n".join(ln.text for ln in article.cleaned.by_role(*TEXT_ROLES))


def shingles(article: Article) -> set[bytes]:
    """Runs of 5 words; a text without words is its own single shingle."""
    words = WORD.findall(text_of(article).lower())
    if not words:
        return {text_of(article).encode()}
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode()
            for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1)


def signature(article: Article) -> bytes:
    """The MinHash signature of an article's shingles (kept in its fingerprint)."""
    from datasketch import MinHash

    t = _template()
    m = MinHash(num_perm=NUM_PERM, seed=1, permutations=t.permutations, scheme=t.scheme)
    m.update_batch(list(shingles(article)))
    return m.hashvalues.tobytes()


def _minhash(article: Article) -> MinHash:
    import numpy as np
    from datasketch import MinHash

    t = _template()
    values = article.fingerprint.minhash if article.fingerprint else signature(article)
    return MinHash(seed=1, hashvalues=np.frombuffer(values, dtype=t.hashvalues.dtype),
                   permutations=t.permutations, scheme=t.scheme)


def similarity(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def merge(articles: list[Article]) -> tuple[list[Article], list[Problem]]:
    """The articles with each story once (its copies attached), and a note per copy."""
    kept, notes = [], []
    copies_of = {}
    for group in groups(articles):
        best = min(group, key=_preference)
        copies = sorted((a for a in group if a is not best), key=lambda a: a.source_file)
        copies_of[best.id] = tuple(_copy(best, c) for c in copies)
        for c, info in zip(copies, copies_of[best.id]):
            how = "the same text" if info.same_text else f"{info.similarity:.0%} of its text in common"
            notes.append(Problem(c.source_file, 1, f"the same story as {best.source_file} ({how}): shown once, "
                                 "on that article's page, under 'Also published by'", "info"))
    dropped = {n.path for n in notes}
    for art in articles:
        if art.source_file not in dropped:
            kept.append(dataclasses.replace(art, copies=copies_of[art.id]) if art.id in copies_of else art)
    return kept, sorted(notes, key=lambda n: n.path)


def groups(articles: list[Article]) -> list[list[Article]]:
    """Sets of two or more articles that are copies of each other (or of a common one)."""
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    @lru_cache(maxsize=SHINGLES_KEPT)
    def shingles_of(i: int) -> frozenset[bytes]:
        return frozenset(shingles(articles[i]))

    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=CANDIDATE, num_perm=NUM_PERM)
    for i, art in enumerate(articles):
        sig = _minhash(art)
        for j in sorted(lsh.query(sig)):
            if root(i) != root(j) and similarity(shingles_of(i), shingles_of(j)) >= SIMILAR:
                parent[root(i)] = root(j)
        lsh.insert(i, sig)
    members: dict[int, list[Article]] = {}
    for i, art in enumerate(articles):
        members.setdefault(root(i), []).append(art)
    return [g for g in members.values() if len(g) > 1]


def _preference(art: Article) -> tuple:
    """The copy to show: dated, then the fullest text, then the first file by
    name without its suffix ('story.txt' before 'story (1).txt')."""
    stem = str(PurePosixPath(art.source_file).with_suffix(""))
    return art.date.value is None, -len(text_of(art)), stem, art.source_file


def _copy(kept: Article, other: Article) -> Copy:
    return Copy(source_file=other.source_file, source=other.source.value, title=other.title.value,
                date=other.date.value, similarity=round(similarity(shingles(kept), shingles(other)), 3),
                same_text=text_of(kept) == text_of(other))
