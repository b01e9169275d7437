"""Copies of one story: byte-identical files and near-identical wire copies
(the same text under another header or above another trailer) become one
article listing the others as "also published by". Nothing is dropped
silently: every copy is listed on the kept page and in archive.json, and
noted in the build's output.

Two texts are copies when the Jaccard similarity of their sets of 5-word
shingles is at least 0.8. Candidate pairs come from MinHash LSH: each
article's MinHash signature (datasketch's) is cut into bands and only looked
up against the articles sharing a band, so the work grows with the number of
articles, not with its square. A candidate whose signatures agree on at
least half their values is then confirmed with the exact similarity.
"""
from __future__ import annotations

import dataclasses
import re
import zlib
from collections.abc import Iterator
from typing import AbstractSet
from pathlib import PurePosixPath

from functools import lru_cache

from .errors import Problem
from .models import Article, Copy

# NumPy is imported where used: time a build with nothing changed does not need.

SHINGLE_WORDS = 5
SIMILAR = 0.8          # shingle Jaccard similarity from which two texts are one story
CANDIDATE = 0.5        # LSH threshold, well below SIMILAR so that copies are almost never missed
NUM_PERM = 128
SEED = 1
EMPTY = (1 << 32) - 1   # a signature's value before any shingle (datasketch's)
BANDS, ROWS = 25, 5    # LSH bands of the signature: datasketch's choice for CANDIDATE and NUM_PERM
LIKELY = 0.5           # least share of equal signature values worth the exact comparison: the
                       # signature of a pair at SIMILAR falls this low less than once in 10^14
SHINGLES_KEPT = 256    # shingle sets kept while comparing candidates: reuse without holding them all
TEXT_ROLES = ("body", "heading", "caption")   # not headers, bylines or headlines, which copies change
WORD = re.compile(r"\w+")


def text_of(article: Article) -> str:
    return "\n".join(ln.text for ln in article.cleaned.by_role(*TEXT_ROLES))


def shingles(article: Article) -> set[bytes]:
    """Runs of 5 words, as bytes for MinHash; a text without words is its own single shingle."""
    return set(_encoded_runs(article))


def word_runs(article: Article) -> set[tuple[str, ...] | str]:
    """The shingles as tuples of words (cheaper to make and compare); the
    text itself when it has no words."""
    text, words = _words(article)
    if not words:
        return {text}
    if len(words) < SHINGLE_WORDS:
        return {tuple(words)}
    return set(zip(*(words[i:] for i in range(SHINGLE_WORDS))))


def _words(article: Article) -> tuple[str, list[str]]:
    text = text_of(article)
    return text, WORD.findall(text.lower())


def _encoded_runs(article: Article) -> Iterator[bytes]:
    """The shingles as bytes, one for each run of words (one that recurs comes again)."""
    text, words = _words(article)
    if not words:
        return iter((text.encode(),))
    if len(words) < SHINGLE_WORDS:
        return iter((" ".join(words).encode(),))
    return map(str.encode, map(" ".join, zip(*(words[i:] for i in range(SHINGLE_WORDS)))))


@lru_cache(maxsize=1)
def _permutations():
    """The permutations of datasketch's MinHash(num_perm=NUM_PERM, seed=SEED)
    in its "affine32" scheme: h -> a * h + b modulo 2^32, `a` odd."""
    import numpy as np

    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def signature(article: Article) -> bytes:
    """The MinHash signature of an article's shingles (kept in its fingerprint):
    the bytes of datasketch's MinHash (2.0's "affine32" scheme) with CRC-32
    as its hash function, worked out here with NumPy (a test compares the
    two), without importing datasketch, which loads SciPy: 0.6 s before
    extraction's workers could start. A run that recurs is hashed again
    rather than kept in a set: the least hash of each permutation is the
    same. CRC-32 is called from C without a Python frame, at a third of
    SHA-1's cost (datasketch's default); it is mixed (MurmurHash3's
    finaliser) before permuting, and two shingles of one text share a CRC-32
    about once in 4 billion pairs."""
    import numpy as np

    a, b = _permutations()
    hashes = np.fromiter(map(zlib.crc32, _encoded_runs(article)), dtype=np.uint32)
    if not hashes.size:
        return np.full(NUM_PERM, EMPTY, dtype=np.uint32).tobytes()
    hashes ^= hashes >> np.uint32(16)           # MurmurHash3's 32-bit finaliser, as datasketch's _fmix
    hashes *= np.uint32(0x85EBCA6B)
    hashes ^= hashes >> np.uint32(13)
    hashes *= np.uint32(0xC2B2AE35)
    hashes ^= hashes >> np.uint32(16)
    return (hashes.reshape(-1, 1) * a + b).min(axis=0).tobytes()


def _signature_of(article: Article) -> bytes:
    return article.fingerprint.minhash if article.fingerprint else signature(article)


def similarity(a: AbstractSet, b: AbstractSet) -> float:
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
    def shingles_of(i: int) -> frozenset:
        return frozenset(word_runs(articles[i]))

    signatures = _signatures(articles)
    for i, earlier in enumerate(_candidates(signatures)):
        if not earlier:
            continue
        agree = (signatures[earlier] == signatures[i]).sum(axis=1) / NUM_PERM
        for j, estimate in zip(earlier, agree.tolist()):
            if (estimate >= LIKELY and root(i) != root(j)
                    and similarity(shingles_of(i), shingles_of(j)) >= SIMILAR):
                parent[root(i)] = root(j)
    members: dict[int, list[Article]] = {}
    for i, art in enumerate(articles):
        members.setdefault(root(i), []).append(art)
    return [g for g in members.values() if len(g) > 1]


def _signatures(articles: list[Article]):
    """The articles' MinHash signatures, one row each (a NumPy array)."""
    import numpy as np

    values = b"".join(map(_signature_of, articles))
    return np.frombuffer(values, dtype=np.uint32).reshape(len(articles), NUM_PERM)


def _candidates(signatures) -> list[list[int]]:
    """For each article, the earlier ones sharing a band of its signature
    (BANDS bands of ROWS values), in order: what datasketch's MinHashLSH
    finds when each article is queried and then inserted, at a tenth of the
    cost, as a band is one slice of bytes rather than a hashed object."""
    import numpy as np

    n = len(signatures)
    width = ROWS * signatures.itemsize
    found: list[set[int]] = [set() for _ in range(n)]
    for band in range(BANDS):
        raw = np.ascontiguousarray(signatures[:, band * ROWS:(band + 1) * ROWS]).tobytes()
        bucket: dict[bytes, list[int]] = {}
        for i in range(n):
            members = bucket.setdefault(raw[i * width:(i + 1) * width], [])
            found[i].update(members)
            members.append(i)
    return [sorted(f) for f in found]


def _preference(art: Article) -> tuple:
    """The copy to show: dated, then the fullest text, then the first file by
    name without its suffix ('story.txt' before 'story (1).txt')."""
    stem = str(PurePosixPath(art.source_file).with_suffix(""))
    return art.date.value is None, -len(text_of(art)), stem, art.source_file


def _copy(kept: Article, other: Article) -> Copy:
    return Copy(source_file=other.source_file, source=other.source.value, title=other.title.value,
                date=other.date.value, similarity=round(similarity(shingles(kept), shingles(other)), 3),
                same_text=text_of(kept) == text_of(other))
