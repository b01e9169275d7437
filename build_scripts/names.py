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
    return " ".join(unaccented(text or "").lower().translate(_DASHES).translate(_QUOTES).split())


def unaccented(text: str) -> str:
    """The text without accents ("Saïd" -> "Said")."""
    if text.isascii():          # nothing to decompose (file names, most English text): the same, faster
        return text
    return _NON_ASCII.sub(_without_marks, unicodedata.normalize("NFKD", text))


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _without_marks(run: re.Match) -> str:
    """A run of non-ASCII characters without its combining marks (an ASCII character is never one)."""
    return "".join(c for c in run[0] if not unicodedata.combining(c))


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical, accents ignored, ties broken by the exact text (deterministic)."""
    return fold(text), text


@lru_cache(maxsize=65_536)
def slugify(text: str, max_length: int = 80) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:max_length].rstrip("-") or "x"


@lru_cache(maxsize=65_536)
def surname(name: str) -> str:
    return fold(name).split()[-1] if fold(name) else ""


@lru_cache(maxsize=1)
def _rigour():
    """rigour.text, imported when names are first compared (70 ms: not for commands that compare none)."""
    import rigour.text

    return rigour.text


def similar(a: str, b: str) -> float:
    """0-100 similarity of two folded words or names."""
    return fuzz.ratio(fold(a), fold(b))


def sound_key(name: str) -> str:
    """Names that may be spellings of one person share this key (the sound of the surname)."""
    return _rigour().metaphone(surname(name))


def close_surnames(a: str, b: str) -> bool:
    """Transliteration variants of one surname (Patrouchev/Patrushev,
    Chanegriha/Chenegriha): same sound and a plausible edit distance."""
    a, b = fold(a).replace(" ", ""), fold(b).replace(" ", "")
    text = _rigour()
    return a == b or (text.metaphone(a) == text.metaphone(b) and text.is_levenshtein_plausible(a, b))


def compatible_given_names(a: str, b: str) -> bool:
    """Sergueï/Sergey, Nicholaï/Nikolai, or an initial: not Ed and David."""
    a, b = fold(a).rstrip("."), fold(b).rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if a == b:
        return True
    genders = {gender(a), gender(b)}
    return _rigour().jaro_winkler(a, b) >= 0.85 and not {"male", "female"} <= genders    # John is not Joan


@lru_cache(maxsize=1)
def gender_detector():
    """gender-guesser's dictionary of given names (half a second to load: once)."""
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


def gender(given: str) -> str:
    """male, female, andy (either) or unknown, from gender-guesser ("mostly male" counts as male)."""
    return gender_detector().get_gender(given).replace("mostly_", "")


@lru_cache(maxsize=65_536)
def same_person(a: str, b: str) -> bool:
    """Two full names of one person: the same name folded, one the tail of the
    other ("Gaïd Salah" in "Ahmed Gaïd Salah"), or close surnames with
    compatible given names. People who merely share a surname stay apart."""
    fa, fb = fold(a).split(), fold(b).split()
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if len(fa) < 2 or len(fb) < 2:
        return False
    if "".join(fa) == "".join(fb):
        return True
    short, long = sorted((fa, fb), key=len)
    if len(short) >= 2 and len(short) < len(long) and long[-len(short):] == short:
        return True
    surname_ok = close_surnames(fa[-1], fb[-1]) or close_surnames(" ".join(fa[1:]), " ".join(fb[1:]))
    return surname_ok and compatible_given_names(fa[0], fb[0])


def match_keys(name: str) -> frozenset[str]:
    """Two full names that `same_person` may find one person share at least
    one of these keys: the name without spaces, the sound of the surname, or
    the sound of all but the given name (each branch of `same_person` needs
    one). A lookup among many names compares only those sharing a key."""
    words = fold(name).split()
    if not words:
        return frozenset()
    return frozenset(("whole:" + "".join(words), "surname:" + sound_key(name),
                      "rest:" + _rigour().metaphone("".join(words[1:]))))


def prefer(forms: list[str]) -> str:
    """The display form among spellings of one name: most used, then the one
    with accents (Nuñez over Nunez), then the longest."""
    counts: dict[str, int] = {}
    for f in forms:
        counts[f] = counts.get(f, 0) + 1
    return max(sorted(counts), key=lambda f: (len(f.split()) > 1, counts[f],
                                              sum(ord(c) > 127 for c in f), len(f)))
