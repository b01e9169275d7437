"""Countries (ISO 3166-1 alpha-2) from names, demonyms, capitals and
institutions standing for a state, in English and French, and from a larger
city whose name is its own, where the text says it is a place ("in
Rotterdam", "à Liège", "d'Aix"). Words inside a person's name or an
organisation's name do not count, nor does furniture."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import AbstractSet

from ..gazetteer import load as load_gazetteer
from ..models import Cue, Line, Mention
from ..names import fold
from .name_shapes import COUNTRY_AS_NAME_ZIPF, sentence_start, word_zipf
from .organizations import known as known_organizations
from .places import city_countries, region_countries
from .tokens import Token, joined, tokenize, vocabulary

# words after which a capitalised name is a place
PLACE_WORDS = {"en": frozenset({"in", "at", "from", "near", "outside"}),
               "fr": frozenset({"à", "de", "vers", "depuis"})}
REGION_WORDS = {"fr": frozenset({"en"})}      # more words after which a region's name is a place ("en Bretagne")
ELIDED_DE = ("d'", "d’", "D'", "D’")
HEADLINES = ("title", "heading")       # lines that may be written In Title Case
CITY_CUE = "a city of the country, after a word of place"
BASED = "-based"            # "a London-based firm": the place it is in
BASED_CUE = "where something is based (\"London-based\")"
REGION_CUE = "a region of the country, after a word of place"


def extract(lines: list[Line], language: str, taken: set[tuple[int, int, int]],
            given_names: AbstractSet[str] = frozenset()) -> list[Mention]:
    """The countries of the lines, outside the spans `taken` (people's and
    organisations' names); a country's name that is the given name (folded)
    of someone the article names in full is that person's ("I know that
    Maurice is a long way from his best" after "Maurice Greene")."""
    gaz = load_gazetteer()
    forms: dict[str, list[str]] = {}
    cues: dict[str, Cue] = {}
    blocked: dict[int, list[tuple[int, int]]] = {}
    for number, start, end in taken:
        blocked.setdefault(number, []).append((start, end))
    lookup, starts = gaz.lookup, gaz.starts
    cities, city_sizes = _cities()
    place_words = PLACE_WORDS.get(language, PLACE_WORDS["en"])
    for line in lines:
        toks = tokenize(line.text)
        spans = blocked.get(line.number, [])
        after = 0          # the first token after the last phrase found
        for i, tok in enumerate(toks):
            if i < after:
                continue
            if tok.text not in starts and not lookup(tok.text):
                if tok.capitalised and tok.text in city_sizes:         # few words: a city's first
                    hit = _city(line, toks, i, cities, city_sizes[tok.text], place_words, language)
                    if hit and not _overlaps(spans, hit[3], hit[4]) \
                            and not _street_named_after(line.text, hit[3], "place"):
                        n, code, phrase, start, end, cue = hit
                        after = i + n
                        cues.setdefault(code, Cue(cue, line.number, phrase))
                        forms.setdefault(code, []).append(phrase)
                elif tok.capitalised and tok.text.endswith(BASED):
                    hit = _based(line.text, toks, i, lookup, cities)
                    if hit and not _overlaps(spans, hit[2], hit[3]):
                        code, phrase, start, end = hit
                        cues.setdefault(code, Cue(BASED_CUE, line.number, phrase))
                        forms.setdefault(code, []).append(phrase)
                elif "-" in tok.text and not _overlaps(spans, tok.start, tok.end):
                    for code in _compound(tok.text, language):
                        cues.setdefault(code, Cue(COMPOUND_CUE, line.number, tok.text))
                        forms.setdefault(code, []).append(tok.text)
                continue          # most words: no phrase starts here
            hit = None
            longest = min(gaz.longest, len(toks) - i) if tok.text in starts else 1
            sizes = gaz.phrase_sizes(tok.text) if longest > 1 else frozenset()
            for n in range(longest, 0, -1):
                if n > 1 and n not in sizes:
                    continue          # no form has that many words
                start, end = tok.start, toks[i + n - 1].end
                phrase = tok.text if n == 1 else " ".join(t.text for t in toks[i:i + n])
                found = lookup(phrase)
                if found and found[1] == "demonym" and phrase[:1].islower() and language != "fr":
                    found = None
                if found:
                    hit = (n, found, phrase, start, end)
                    break
            if not hit:
                continue
            n, (code, kind), phrase, start, end = hit
            after = i + n
            if not code or _overlaps(spans, start, end):
                continue
            if kind == "name" and i > 0 and _inside_a_name(line, toks, i):
                continue            # "Bell Canada", "Credit Suisse": a firm's name
            if kind == "name" and n == 1 and tok.folded in given_names \
                    and word_zipf(tok.text) < COUNTRY_AS_NAME_ZIPF:
                continue            # not "France" after "France Gall": the country's name before all
            if _street_named_after(line.text, start, kind):
                continue            # "la rue de Lisbonne", "place d'Italie": in Paris
            if kind == "demonym" and n == 1 and _a_language(line.text, toks, i):
                continue            # "my French is poor", "en anglais": the language
            if code not in forms:
                cues[code] = Cue(f"country {kind}", line.number, phrase)
            forms.setdefault(code, []).append(phrase)
    return [Mention(code, tuple(dict.fromkeys(forms[code])), cues[code]) for code in sorted(forms)]


# Words before a demonym that make it the language ("my French", "speaks English",
# "en anglais", "parle arabe"), and after it ("French lessons", "la langue française").
LANGUAGE_BEFORE = frozenset({"my", "his", "her", "their", "our", "your", "speak", "speaks", "spoke", "speaking",
                             "learn", "learns", "learning", "learned", "learnt", "fluent", "teach", "teaches",
                             "taught", "en", "parle", "parlent", "parler", "parlant", "langue", "apprendre"})
LANGUAGE_AFTER = frozenset({"language", "languages", "lessons", "lesson", "speaker", "speakers", "speaking",
                            "subtitles", "translation", "dubbed", "fluently", "couramment"})
CLAUSE_END = frozenset({"and", "or", "but", "with", "as", "et", "ou", "mais", "avec", "comme"})
POSSESSIVES = frozenset({"my", "his", "her", "their", "our", "your"})
# Demonyms that are also languages' names, folded (French feminine and plural forms: the same language).
LANGUAGES = frozenset({
    "french", "english", "german", "spanish", "italian", "portuguese", "russian", "chinese", "japanese", "dutch",
    "greek", "turkish", "polish", "swedish", "norwegian", "danish", "finnish", "hungarian", "czech", "korean",
    "persian", "ukrainian", "romanian", "bulgarian", "serbian", "croatian", "albanian", "hebrew", "arabic",
    "francais", "anglais", "allemand", "espagnol", "italien", "portugais", "russe", "chinois", "japonais",
    "neerlandais", "grec", "turc", "polonais", "suedois", "norvegien", "danois", "finnois", "hongrois", "tcheque",
    "coreen", "persan", "ukrainien", "roumain", "bulgare", "serbe", "croate", "albanais", "arabe"})


def _a_language(text: str, toks: tuple[Token, ...], i: int) -> bool:
    """Whether a demonym names a language here: after a possessive, a verb of
    speaking or learning or "en" ("my French", "speaks Russian", "en
    anglais"), with no noun after it that it would qualify ("in French
    politics", "en français dans le texte" aside), or before "language",
    "lessons", "speakers"."""
    if toks[i].folded not in LANGUAGES and toks[i].folded.rstrip("s").rstrip("e") not in LANGUAGES:
        return False            # "American teachers", "his British and French counterparts"
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.folded in LANGUAGE_AFTER:
        return True
    if i == 0 or toks[i - 1].folded not in LANGUAGE_BEFORE:
        return False
    if toks[i - 1].folded == "langue":
        return True             # "la langue française"
    rest = text[toks[i].end:].lstrip(" \u00a0")
    if nxt is not None and nxt.folded in ("and", "or", "et", "ou") and toks[i - 1].folded in POSSESSIVES:
        return i + 2 < len(toks) and toks[i + 2].folded in POSSESSIVES    # "my French and his English"
    return nxt is None or not rest[:1].isalnum() or nxt.folded in CLAUSE_END or nxt.folded in vocabulary().speech \
        or toks[i - 1].folded in POSSESSIVES and not nxt.capitalised and nxt.folded in vocabulary().function_words


COMPOUND_CUE = "a compound of countries (\"Franco-Algerian\", \"US-led\")"
# The first parts of compounds that stand for a country ("Franco-Algerian", "russo-algérien").
COMBINING_FORMS = {
    "franco": "FR", "anglo": "GB", "russo": "RU", "sino": "CN", "germano": "DE", "italo": "IT", "hispano": "ES",
    "greco": "GR", "turco": "TR", "irano": "IR", "algero": "DZ", "americano": "US", "syro": "SY", "israelo": "IL",
    "libano": "LB", "tuniso": "TN", "maroco": "MA", "belgo": "BE", "helvetico": "CH", "nippo": "JP",
    "austro": "AT", "polono": "PL", "sovieto": "RU", "palestino": "PS", "egypto": "EG", "malo": "ML"}
COMPOUND_WORDS = frozenset({"led", "born", "backed", "made", "owned", "funded", "listed", "brokered", "sponsored",
                            "pro", "anti"})      # "US-led", "pro-Russian": the other part a country's


def _compound(word: str, language: str) -> list[str]:
    """The countries of a hyphenated compound whose every part is a country's
    name, demonym, capital or combining form ("Franco-Algerian",
    "Palestinian-Israeli", "algéro-françaises", "Alger-Paris"), or one of
    COMPOUND_WORDS ("US-led", "pro-Russian"); none when a part is anything
    else ("Franco-African", "Saint-Denis")."""
    lookup = load_gazetteer().lookup
    codes = []
    for part in word.split("-"):
        folded = fold(part)
        if folded in COMPOUND_WORDS:
            continue
        found = lookup(part)
        code = found[0] if found and (part[:1].isupper() or language == "fr") else COMBINING_FORMS.get(folded)
        if not code:
            return []
        codes.append(code)
    return list(dict.fromkeys(codes))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a phrase from `start` to `end` begins or ends inside one of the
    spans (a person's or an organisation's name)."""
    return any(s <= start < e or s < end <= e for s, e in spans)


def _based(text: str, toks: tuple[Token, ...], i: int, lookup, cities: dict[str, tuple[str, str]]):
    """The country of a place something is based in ("London-based",
    "Swiss-based", "New York-based", its first word the token before), with
    the phrase and its offsets; else None."""
    stem = toks[i].text[:-len(BASED)]
    before = toks[i - 1] if i and toks[i - 1].capitalised and joined(text, toks[i - 1], toks[i]) else None
    for place, start in ([(f"{before.text} {stem}", before.start)] if before else []) + [(stem, toks[i].start)]:
        found = lookup(place)
        code = found[0] if found else cities.get(place, (None, None))[0]
        if code:
            return code, text[start:toks[i].end], start, toks[i].end
    return None


# A street, a square or a building named after a country or a city, in French:
# the name follows the noun and "de", "du", "d'" ("la rue de Lisbonne", "le
# musée du Luxembourg"); after "place", an article only where no determiner
# stands before "place" ("réunis place du Luxembourg", where "la place de la
# France dans le monde" is France's: PLACE_OF). A sea is no country either
# ("the Gulf of Mexico", "la mer de Chine").
STREET_BEFORE = re.compile(
    r"(?:\b(?:rue|avenue|boulevard|bd|quai|square|allée|impasse|passage|faubourg|esplanade|carrefour|jardins?"
    r"|parc|musée|théâtre|lycée|collège|école|palais)\s+(?:de\s+la\s+|de\s+l['’]|de\s+|du\s+|des\s+|d['’])"
    r"|\bplace\s+(?:de\s+la\s+|de\s+|du\s+|des\s+|d['’])"
    r"|\b(?:gulf|sea|bay)\s+of\s+(?:the\s+)?|\b(?:golfe|mer|baie)\s+(?:de\s+la\s+|de\s+|du\s+|d['’]))$",
    re.IGNORECASE)
STREET_BEFORE_REACH = 30       # characters before a name looked at
PLACE_OF = re.compile(r"\b(?:la|sa|une|leur|notre|votre|cette|quelle|ma|ta)\s+place\s+(?:de\s+la|du|des)\s+$",
                      re.IGNORECASE)


def _street_named_after(text: str, start: int, kind: str) -> bool:
    """Whether the country's or city's name at `start` names a street, a
    square or a building (STREET_BEFORE) rather than the place. Before
    "palais" a country's name only: "le palais de l'Élysée" is the French
    presidency's seat, "le palais du Luxembourg" the French Senate's."""
    found = STREET_BEFORE.search(text, max(0, start - STREET_BEFORE_REACH), start)
    if found is None or PLACE_OF.search(text, max(0, start - STREET_BEFORE_REACH), start):
        return False
    return kind == "name" or not found.group(0).lower().startswith("palais")


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[int, ...]]]:
    """The cities and regions (name -> country, cue), and for each first
    word the numbers of words of the names it starts, longest first. A
    city wins over a region of the same name (the city table has only
    cities whose name is theirs alone)."""
    table = {name: (code, REGION_CUE) for name, code in region_countries().items()}
    table.update((name, (code, CITY_CUE)) for name, code in city_countries().items())
    sizes: dict[str, set[int]] = {}
    for name in table:
        words = [t.text for t in tokenize(name)]
        if " ".join(words) == name:         # names the tokenizer reads back as they are
            sizes.setdefault(words[0], set()).add(len(words))
    return table, {first: tuple(sorted(n, reverse=True)) for first, n in sizes.items()}


def _city(line: Line, toks: tuple[Token, ...], i: int, cities: dict[str, tuple[str, str]], sizes: tuple[int, ...],
          place_words: frozenset, language: str):
    """The city or region starting at token i (its number of words, country,
    text, offsets and cue), when a word of place stands before it ("en"
    before a region only), no capitalised word follows it ("in Phoenix
    Suns"), and the line is no headline In Title Case; else None."""
    start = toks[i].start
    elided = line.text[max(0, start - 2):start] in ELIDED_DE and language == "fr"
    before = toks[i - 1].text.lower() if i else ""
    regions_only = not elided and before not in place_words
    if regions_only and before not in REGION_WORDS.get(language, ()):
        return None
    # A region's name right after the word of place only: "de l'Atlantique" is the ocean, "de l'Ouest" a point
    # of the compass, not Benin's or Haiti's region. Never after "at": "a vice president at Tata" works for a firm.
    regions_too = not elided and i > 0 and joined(line.text, toks[i - 1], toks[i]) and before != "at"
    for n in sizes:
        if i + n > len(toks):
            continue
        phrase = " ".join(t.text for t in toks[i:i + n])
        code, cue = cities.get(phrase, (None, None))
        if code is None or cue == REGION_CUE and not regions_too or regions_only and cue != REGION_CUE:
            continue
        end = toks[i + n - 1].end
        if i + n < len(toks) and toks[i + n].capitalised and not line.text[end:toks[i + n].start].strip():
            return None
        if line.role in HEADLINES and _title_case(toks[:i] + toks[i + n:]):
            return None
        return n, code, phrase, start, end, cue
    return None


def _title_case(toks: tuple[Token, ...]) -> bool:
    """Words whose longer ones are mostly capitalised: a headline in Title Case."""
    words = [t for t in toks if len(t.text) > 3]
    return len(words) >= 4 and sum(t.capitalised for t in words) > 0.6 * len(words)


def _inside_a_name(line: Line, toks: tuple[Token, ...], i: int) -> bool:
    """A country's name that is the end of a longer name, right after
    another capitalised word ("Bell Canada", "Credit Suisse", "Little
    Britain"). That word is not the first word of a
    sentence, a title, a word of place or time ("North", "Monday"), a word
    that qualifies a country ("Communist", "Vichy", "Rural"), another
    country's word, a possessive ("E&Y's UK"), a well-known organisation
    ("Amazon France": its branch in the country), nor in a headline In Title Case."""
    prev = toks[i - 1]
    if not prev.capitalised or prev.acronym or not joined(line.text, prev, toks[i]) or sentence_start(line.text, prev) \
            or prev.text.endswith(("'s", "’s")):          # "E&Y's UK head of tax"
        return False
    vocab = vocabulary()
    f = prev.folded
    if f in vocab.function_words or f in vocab.place_heads or f in vocab.calendar or vocab.is_title(prev.text) \
            or f in vocab.qualifiers or f in vocab.country_qualifiers or f.endswith(("ist", "an")) \
            or load_gazetteer().lookup(prev.text) or prev.text in known_organizations()[0]:
        return False    # "Communist Russia", "Victorian England", "Vichy France"; "Amazon France": the firm in France
    return not (line.role in HEADLINES and _title_case(toks))
