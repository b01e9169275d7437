"""Folding and comparing person names: accents, case, dashes, transliteration."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_DASHES = dict.fromkeys(map(ord, "-\u2010\u2011\u2012\u2013\u2014\u2212"), " ")
_QUOTES = dict.fromkeys(map(ord, "\"'`\u00b4\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb"), None)


@lru_cache(maxsize=262_144)
def fold(text: str) -> str:
    """Case, accents, dashes and quotes folded; whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().translate(_DASHES).translate(_QUOTES).split())


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical, accents ignored, ties broken by the exact text (deterministic)."""
    return fold(text), text


def slugify(text: str, max_length: int = 80) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:max_length].rstrip("-") or "x"


def surname(name: str) -> str:
    return fold(name).split()[-1] if fold(name) else ""


def similar(a: str, b: str) -> float:
    """0-100 similarity of two folded words or names."""
    return fuzz.ratio(fold(a), fold(b))


def same_person(a: str, b: str) -> bool:
    """Two full names of one person: same folded name, or close surnames and
    compatible first names. People who merely share a surname stay apart."""
    fa, fb = fold(a).split(), fold(b).split()
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if len(fa) < 2 or len(fb) < 2:
        return False
    if " ".join(fa).replace(" ", "") == " ".join(fb).replace(" ", ""):
        return True
    last_ok = similar(fa[-1], fb[-1]) >= 85 or similar("".join(fa[1:]), "".join(fb[1:])) >= 85
    first_ok = (similar(fa[0], fb[0]) >= 75
                or (len(fa[0].rstrip(".")) == 1 and fb[0].startswith(fa[0][0]))
                or (len(fb[0].rstrip(".")) == 1 and fa[0].startswith(fb[0][0])))
    return last_ok and first_ok


def prefer(forms: list[str]) -> str:
    """The display form among spellings of one name: most used, then the one
    with accents (Nuñez over Nunez), then the longest."""
    counts: dict[str, int] = {}
    for f in forms:
        counts[f] = counts.get(f, 0) + 1
    return max(sorted(counts), key=lambda f: (len(f.split()) > 1, counts[f],
                                              sum(ord(c) > 127 for c in f), len(f)))
