"""Words of a line with their offsets, and the vocabulary that tells the
entity extractors what a capitalised word is not."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..names import fold

WORD = re.compile(r"\w+(?:[’'\-.]\w+)*", re.UNICODE)
ELISION = re.compile(r"^(?:[dlDLjJnNsScCmMtT]|qu|Qu|jusqu|lorsqu|puisqu)[’'](?=\w)")
POSSESSIVE = re.compile(r"[’']s?$")
PARTICLES = {"de", "du", "des", "da", "di", "dos", "das", "del", "della", "van", "von", "der", "den",
             "ter", "bin", "ben", "ibn", "bint", "al", "el", "le", "la", "ait", "ould", "abu", "abou",
             "st", "mac", "y", "e"}


@dataclass(frozen=True)
class Token:
    text: str        # the word without elision or possessive ("Alger" from "d'Alger")
    start: int       # offsets of `text` in the line
    end: int
    folded: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


def tokenize(line: str) -> list[Token]:
    out = []
    for m in WORD.finditer(line):
        text, start = m.group(0), m.start()
        e = ELISION.match(text)
        if e:
            text, start = text[e.end():], start + e.end()
        text = text.rstrip(".") if not re.fullmatch(r"(?:\w\.)+", text) else text
        p = POSSESSIVE.search(text)
        if p and len(text) > 3:
            text = text[: p.start()]
        if text:
            out.append(Token(text, start, start + len(text), fold(text)))
    return out


def joined(line: str, a: Token, b: Token) -> bool:
    """True when only a single space (or a no-break space) separates two tokens."""
    gap = line[a.end:b.start]
    return gap in (" ", "\u00a0", "\u202f")


@dataclass(frozen=True)
class Vocabulary:
    titles: frozenset
    qualifiers: frozenset
    speech: frozenset
    org_heads: frozenset
    place_heads: frozenset
    function_words: frozenset
    calendar: frozenset          # months and weekdays, folded, in several languages

    def is_title(self, word: str) -> bool:
        f = fold(word)
        return f in self.titles or all(p in self.titles or p in self.qualifiers for p in f.split()) and any(
            p in self.titles for p in f.split())

    def is_common(self, word: str) -> bool:
        f = fold(word)
        return (f in self.function_words or f in self.titles or f in self.qualifiers or f in self.org_heads
                or f in self.place_heads or f in self.calendar)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    from babel import Locale

    data = yaml.load(resources.files("build_scripts").joinpath("data/vocabulary.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    calendar = set()
    for code in ("en", "fr", "es", "de", "it", "pt"):
        loc = Locale(code)
        for table in (loc.months, loc.days):
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    calendar.update(fold(v).rstrip(".") for v in table[context][width].values())
    calendar = {w for w in calendar if len(w) > 2}
    return Vocabulary(
        titles=frozenset(fold(w) for w in data["titles"]),
        qualifiers=frozenset(fold(w) for w in data["title_qualifiers"]),
        speech=frozenset(fold(w) for w in data["speech"]),
        org_heads=frozenset(fold(w) for w in data["org_heads"]),
        place_heads=frozenset(fold(w) for w in data["place_heads"]),
        function_words=frozenset(fold(w) for w in data["function_words"]),
        calendar=frozenset(calendar),
    )


@lru_cache(maxsize=1)
def first_names():
    """A lookup of given names from many countries (gender-guesser's dictionary)."""
    import gender_guesser.detector as gd

    detector = gd.Detector(case_sensitive=False)

    @lru_cache(maxsize=50_000)
    def is_first_name(word: str) -> bool:
        f = fold(word).replace(" ", "-")
        if len(f) < 2:
            return False
        return detector.get_gender(f) != "unknown" or detector.get_gender(f.split("-")[0]) != "unknown"

    return is_first_name
