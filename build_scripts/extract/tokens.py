"""Words of a line with their offsets, and the vocabulary that tells the
entity extractors what a capitalised word is not."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..gazetteer import load as load_gazetteer
from ..names import fold, gender_detector
from .places import is_city

WORD = re.compile(r"\w+(?:[’'\-.]\w+)*", re.UNICODE)
ELISION = re.compile(r"^(?:[dljnsctm]|qu|jusqu|lorsqu|puisqu)[’'](?=\w)")
ELISION_AT_START = re.compile(r"^(?:[DLJNSCMT]|Qu|Jusqu|Lorsqu|Puisqu)[’'](?=\w)")
POSSESSIVE = re.compile(r"[’']s?$")
ARTICLES = frozenset({"the", "le", "la", "les"})
ELIDED_DE = (" d'", " d’", " l'", " l’")       # "de" and "le"/"la" elided before a word ...
ELIDED_D = ELIDED_DE[:2]                       # ... "de" alone ("l'" right after a name may be a pronoun)
PARTICLES = {"de", "du", "des", "da", "di", "dos", "das", "del", "della", "van", "von", "der", "den",
             "ter", "bin", "ben", "ibn", "bint", "al", "el", "le", "la", "ait", "ould", "abu", "abou",
             "st", "mac", "y", "e"}


class Token:
    """A word of a line. Lines have many words, read again and again: a class
    with slots reads its attributes faster than a named tuple (and, compiled,
    straight from the object's struct). Tokens compare by identity."""

    __slots__ = ("text", "start", "end", "folded", "capitalised", "acronym")

    def __init__(self, text: str, start: int, end: int, folded: str, capitalised: bool, acronym: bool) -> None:
        self.text = text            # the word without elision or possessive ("Alger" from "d'Alger")
        self.start = start          # offsets of `text` in the line
        self.end = end
        self.folded = folded
        self.capitalised = capitalised
        self.acronym = acronym      # two or more letters, all capitals ("DGSI")

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def make_token(text: str, start: int) -> Token:
    return Token(text, start, start + len(text), fold(text), text[:1].isupper(),
                 text.isupper() and _acronym_letters(text))


def _acronym_letters(text: str) -> bool:
    """For a word in capitals: two or more letters ("DGSI", not "G7" or "A")."""
    return len(text) >= 2 and sum(map(str.isalpha, text)) >= 2


INITIALS_WITH_DOTS = re.compile(r"(?:\w\.)+")
INITIAL_LETTERS = frozenset("BCDEFGHJKLMNOPQRSTUVWYZ")      # not "A", "I" (words) or "X" ("Malcolm X.")
INITIAL_AFTER = frozenset(["", " ", "\u00a0", "(", '"', "“", "«", "‘"])     # not "AT&T."


_fold_word = lru_cache(maxsize=65_536)(fold)      # the words of a language recur from line to line


@lru_cache(maxsize=8192)
def tokenize(line: str) -> tuple[Token, ...]:
    """Words of a line (cached: every extractor tokenizes the same lines)."""
    out: list[Token] = []
    append = out.append
    find, end = line.find, 0
    for text in WORD.findall(line):
        # Between two words lie only characters no word starts with: the
        # next word is where its text next occurs (sooner than match objects).
        start = find(text, end)
        end = start + len(text)
        if len(text) == 1 and line[end:end + 2] == ". " and text in INITIAL_LETTERS and line[end + 2:end + 3].isupper() \
                and line[start - 1:start] in INITIAL_AFTER and _an_initial(line, out, text, start, end):
            text, end = text + ".", end + 1       # "George W. Bush", "J. Smith": one run of words
        if "'" not in text and "’" not in text:
            # A match ends with a word character: nothing to cut, the common case (make_token inlined).
            append(Token(text, start, end, _fold_word(text), text[0].isupper(),
                         text.isupper() and _acronym_letters(text)))
            continue
        e = ELISION.match(text)
        if not e:
            e = ELISION_AT_START.match(text)      # "L'Algérie" opens a sentence; "D'Arcy" is a name
            if e and not sentence_start(line, start) or e and text[0] == "D" and start \
                    and text[e.end():e.end() + 1].isupper():
                e = None          # inside a line, "D'Alema" is a name ("D'autres" is not)
        if e:
            text, start = text[e.end():], start + e.end()
        p = POSSESSIVE.search(text)
        if p and (len(text) > 3 or text[0].isdigit()):
            text = text[: p.start()]
        if text.endswith(".") and not INITIALS_WITH_DOTS.fullmatch(text):
            text = text.rstrip(".")
        if text:
            append(make_token(text, start))
    return tuple(out)


def _an_initial(line: str, before: list[Token], letter: str, start: int, end: int) -> bool:
    """Whether a capital letter and its full stop are an initial: after a
    given name ("George W. Bush"), or opening a name ("J. Smith", "Mr R.
    Sridharan") that is not a full name of its own ("in Group C. Alan Smith
    scored", "a plan B. Michael Howard said": the letter ends a sentence),
    nor the French "M." for Monsieur ("Soit M. Macron")."""
    prev = before[-1] if before and line[before[-1].end:start] == " " and before[-1].capitalised else None
    if prev is not None and prev.folded not in vocabulary().honorifics:
        return first_names()(prev.text)
    if letter == "M" and prev is None:
        return False
    following = WORD.match(line, end + 2)       # a given name and a surname after it: a new sentence's
    return not (following and first_names()(following.group(0))
                and re.match(r" [A-ZÀ-Ý]", line[following.end():following.end() + 2]))


def sentence_start(line: str, start: int) -> bool:
    """Whether the word at `start` opens the line or a sentence ("... Barrot. L'écrivain")."""
    before = line[max(0, start - 12):start].rstrip(" \u00a0\"“«'‘(")
    if not before and start > 12:
        before = line[:start].rstrip(" \u00a0\"“«'‘(")
    return not before or before[-1] in ".!?:;»”\"—–-"


def joined(line: str, a: Token, b: Token) -> bool:
    """True when only a single space (or a no-break space) separates two tokens."""
    gap = line[a.end:b.start]
    return gap in (" ", "\u00a0", "\u202f")


@dataclass(frozen=True)
class Vocabulary:
    titles: frozenset
    honorifics: frozenset
    qualifiers: frozenset
    speech: frozenset
    org_heads: frozenset
    place_heads: frozenset
    function_words: frozenset
    calendar: frozenset          # months and weekdays, folded, in several languages
    common_acronyms: frozenset   # "TV", "PC": acronyms that are not organisations
    named_after: frozenset       # "Foundation": after a name, the name is a thing's ("the Joseph Rowntree Foundation")
    named_before: frozenset      # "avenue": before a name, the same ("avenue Raymond Poincaré")
    country_qualifiers: frozenset    # "Communist": before a country's name, still the country ("Communist Russia")
    thing_before: frozenset      # "film": before a name a punctuation mark ends, a thing's name ("the film Vera Drake,")
    event_heads: frozenset       # "Cup": ending a name (opening it in French), an event's, not an organisation's
    roles: frozenset             # "seed", "novelist": before a name in lower case, or after it, a person's role
    made_by: frozenset           # "directed": before "by" and a name, the name of a work's maker ("directed by X")

    def is_role(self, word: str) -> bool:
        """A title or a role noun ("golfer", "romancière"): said of a person."""
        return self.is_title(word) or fold(word) in self.roles

    def is_title(self, word: str) -> bool:
        f = fold(word)
        if f in self.titles:
            return True
        parts = f.split()         # a phrase of titles and qualifiers ("vice president"); one word is not
        return len(parts) > 1 and all(p in self.titles or p in self.qualifiers for p in parts) and any(
            p in self.titles for p in parts)

    def is_common(self, word: str) -> bool:
        f = fold(word)
        return (f in self.function_words or f in self.titles or f in self.qualifiers or f in self.org_heads
                or f in self.place_heads or f in self.calendar)


@lru_cache(maxsize=1)
def _vocabulary_data() -> dict:
    return yaml.load(resources.files("build_scripts").joinpath("data/vocabulary.yml").read_text("utf-8"),
                     Loader=yaml.BaseLoader)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    from babel import Locale

    data = _vocabulary_data()
    calendar: set[str] = set()
    for code in ("en", "fr", "es", "de", "it", "pt"):
        loc = Locale(code)
        for table in (loc.months, loc.days):
            for context in ("format", "stand-alone"):
                calendar.update(fold(v) for v in table[context]["wide"].values())
    calendar = {w for w in calendar if len(w) > 2}
    return Vocabulary(
        titles=frozenset(fold(w) for w in data["titles"]),
        honorifics=frozenset(fold(w) for w in data["honorifics"]),
        qualifiers=frozenset(fold(w) for w in data["title_qualifiers"]),
        speech=frozenset(fold(w) for w in data["speech"]),
        org_heads=frozenset(fold(w) for w in data["org_heads"]),
        place_heads=frozenset(fold(w) for w in data["place_heads"]),
        function_words=frozenset(fold(w) for w in data["function_words"]),
        calendar=frozenset(calendar),
        common_acronyms=frozenset(fold(w) for w in data["common_acronyms"]),
        named_after=frozenset(fold(w) for w in data["named_after"]),
        named_before=frozenset(fold(w) for w in data["named_before"]),
        thing_before=frozenset(fold(w) for w in data["thing_before"]),
        country_qualifiers=frozenset(fold(w) for w in data["country_qualifiers"]),
        event_heads=frozenset(fold(w) for w in data["event_heads"]),
        roles=frozenset(fold(w) for w in data["roles"]),
        made_by=frozenset(fold(w) for w in data["made_by"]),
    )


@lru_cache(maxsize=2)
def first_names(rare: bool = True):
    """A lookup of given names from many countries (gender-guesser's dictionary).
    Accents are folded ("Saïd" is "Said", "Sebastien" is "Sébastien"). Names
    the dictionary marks as very rare everywhere are left out when they are
    words of some use in English or French ("River", "Stone", "Spring"), and
    kept when they are rare words too ("Chérif", "Scarlett"), unless `rare` is
    false. A name whose accents fold it into a common word ("Nicé", "Ángeles")
    counts only with its accents."""
    spellings: dict[str, list[str]] = {}
    common = frequent_words(COMMON_ZIPF)         # the words `common_word` calls common in English or French
    for name, by_gender in gender_detector().names.items():
        # its highest frequency in any country: a hexadecimal digit, "1" to "D" ("9" < "A" in ASCII too)
        frequency = int(max("".join(by_gender.values()).replace(" ", "") or "0"), 16)
        if not (frequency >= MIN_NAME_FREQUENCY or rare and frequency and _rare_word(name)):
            continue
        if name in common and not any(codes[i] != " " for codes in by_gender.values() for i in _local()):
            continue        # "Go", "Long", "Young": given names elsewhere, common words in English or French
        spellings.setdefault(fold(name), []).append(name.lower())
    names, accented = set(), set()
    for folded, written in spellings.items():
        if folded in written or folded not in common:
            names.add(folded)
        else:
            accented.update(written)
    names.update(fold(name) for name in _vocabulary_data()["given_names"])     # what the dictionary lacks

    def is_first_name(word: str) -> bool:
        if ELIDED.match(word):
            return False            # "S'il", "L'homme": a French elision, not "Sil"
        w = fold(word)
        if len(w) < 2 or w not in names and w.split(" ")[0] not in names and word.lower() not in accented:
            return False
        # "Jean-Roch", "Jay-Z", but not "Co-Chairman" or "Hi-Tech"
        return all(part in names or not _plain_word(part) for part in w.split(" ")[1:])

    return is_first_name


MIN_NAME_FREQUENCY = 2
RARE_NAME_ZIPF = 3.7         # a name the dictionary marks as rare counts when it is a rare word too ("Chérif")


def _rare_word(name: str) -> bool:
    """A word rare in English and French, as written and folded ("Côme" is
    "come"), and no town's name ("Warwick") or people's ("Scot")."""
    known = frequent_words(RARE_NAME_ZIPF)
    return known.isdisjoint(name.lower().replace("-", " ").split()) and known.isdisjoint(fold(name).split()) \
        and not is_city(name) and not load_gazetteer().lookup(name)


# Countries whose given names the archive's articles name: the English- and
# French-speaking ones, the Arab world and Turkey (gender-guesser's columns).
LOCAL_COUNTRIES = ("great_britain", "ireland", "usa", "france", "belgium", "luxembourg", "swiss", "arabia", "turkey")


@lru_cache(maxsize=1)
def _local() -> tuple[int, ...]:
    """The columns of LOCAL_COUNTRIES in gender-guesser's frequency codes."""
    import gender_guesser.detector as gd

    return tuple(gd.Detector.COUNTRIES.index(country) for country in LOCAL_COUNTRIES)


@lru_cache(maxsize=4)         # one set for each threshold used: common words, rare names, everyday words
def frequent_words(zipf: float) -> frozenset:
    """The words of wordfreq's English and French lists at this zipf frequency or more."""
    from wordfreq import get_frequency_dict

    least = 10 ** (zipf - 9)        # zipf is log10 of a word's count per billion words
    return frozenset(word for language in ("en", "fr") for word, frequency in get_frequency_dict(language).items()
                     if frequency >= least)


ELIDED = re.compile(ELISION.pattern, re.IGNORECASE)       # "S'il", "Qu'elle": the tokenizer's elisions, any case


def _plain_word(folded: str) -> bool:
    """A title or a word common in English or French: not part of a given name."""
    return folded in vocabulary().titles or common_word(folded, "en") or common_word(folded, "fr")


@lru_cache(maxsize=50_000)
def common_word(word: str, language: str) -> bool:
    """A word frequent in ordinary text of the language ("Later", "Age"), from
    wordfreq's frequency lists: at the start of a sentence its capital says nothing."""
    from wordfreq import zipf_frequency

    lang = language if language in ("en", "fr", "es", "de", "it", "pt") else "en"
    return zipf_frequency(word.lower(), lang) >= COMMON_ZIPF


COMMON_ZIPF = 4.5
