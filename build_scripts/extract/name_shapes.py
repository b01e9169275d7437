"""Where a name-like span is in a line, and what stands next to it.

A run of capitalised words is split into name segments and the words around
them (titles, demonyms, function words, places, organisation words); the
cue beside a segment (a title, a nationality, a verb of saying, an
apposition, a quotation it closes) says it may be a person. Pure functions
over tokens, used by people.py."""
from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from .places import is_city, large_city
from .tokens import (ELIDED, ELIDED_D, INITIAL_LETTERS, PARTICLES, Token, common_word, first_names, joined,
                     vocabulary)
from .tokens import sentence_start as opens_sentence

COMPASS = {"west", "east", "north", "south"}     # "Mae West", "Oliver North"; not "Brent South" (a seat)
SURNAME_TITLES = {"king", "major", "bishop", "marshal", "judge", "abbott", "prince", "knight", "baron", "duke"} | COMPASS
ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI{0,3}|XIX|XX)$")
NAME_LIST_ITEM = re.compile(r"(?:^|[,;]\s*)[A-Z](?:-[A-Z])? [A-Z][\w'’-]+(?=\s*(?:\([^)]*\))?\s*[,;.]|$)")
INITIALS = re.compile(r"^[A-Z]-[A-Z]$")     # "J-P Grandclaude"
QUOTE_ATTRIBUTION = re.compile(r"(?:[»\"”]\s*,|[,!?]\s*[»\"”])\s*(?:[a-zàâçéèêëîïôûùüÿœ'’-]+\s+){1,3}$")


def _kind(tok: Token, prev: Token | None, nxt: Token | None, gaz) -> str:
    """N: could be part of a name; P: a name particle; V: a word that is not a name."""
    vocab = vocabulary()
    if _never_a_name(tok.text) or _elided_word(tok.text):
        return "V"
    if ROMAN.match(tok.text) and prev is not None and first_names()(prev.text):
        return "N"   # "Louis XVI", "Elizabeth II"
    if is_initial(tok):
        return "N"
    if tok.acronym and len(tok.text) > 1:
        return "V"
    if not tok.capitalised:
        return "P" if tok.folded in PARTICLES else "V"
    if tok.folded in PARTICLES and prev is not None and nxt is not None:
        return "P"
    f = tok.folded
    if prev is not None and prev.capitalised and prev.folded in ("le", "la", "de", "du") and f in vocab.titles:
        return "N"   # "Bruno Le Maire": a surname that is also a title
    if f in SURNAME_TITLES and nxt is None and prev is not None and first_names()(prev.text) \
            and _kind_simple(prev, gaz) == "N" and not (f in COMPASS and large_city(prev.text)):
        return "N"   # "Claude King", "John Major"
    if f in vocab.calendar and prev is not None and _kind_simple(prev, gaz) == "N" and first_names()(prev.text):
        return "N"   # "Theresa May", "Brian May": a month (also a function word, "may") after a given name
    if f in vocab.function_words or f in vocab.titles or f in vocab.qualifiers:
        return "V"
    if vocab.is_common(tok.text) or gaz.lookup(tok.text):
        # A place or organisation word can still be a name next to a given
        # name: "Michael Jordan", "Marine Le Pen" (a month: above).
        is_first = first_names()
        surname_like = gaz.lookup(tok.text) or (f in SURNAME_TITLES and f not in COMPASS and nxt is None)
        if surname_like and prev is not None and _kind_simple(prev, gaz) == "N" and is_first(prev.text):
            return "N"
        if nxt is not None and nxt.folded in PARTICLES and not gaz.lookup(tok.text) and is_first(tok.text):
            return "N"      # "Marine Le Pen", "Marine le Pen" (a run holds a particle only before a capital)
        return "V"
    return "N"


def _elided_word(word: str) -> bool:
    """A French elision before a word in lower case: "J’ai", "D’abord",
    "Qu’il" open a sentence ("Patrick Braouezec J’ai toujours dit…", an
    interview's answer after the name), never a name ("D'Arcy", "N'Golo").
    French elides before a vowel or a mute h only, and a name such as
    "M'hamed", "M'hidi" or "M'barek" is no French word after its apostrophe."""
    if "'" not in word and "’" not in word:
        return False            # most words: no regular expression on the hot path
    m = ELIDED.match(word)
    rest = word[m.end():] if m else ""
    return rest[:1] in ELIDED_BEFORE or rest[:1] == "h" and common_word(rest, "fr")


ELIDED_BEFORE = frozenset("aeiouyàâäéèêëîïôöûùü")


@lru_cache(maxsize=65_536)
def _never_a_name(word: str) -> bool:
    """A word with a digit or a dot inside, or a lower-case part after a dash
    ("Moscow-based", "Booker-shortlisted"): never part of a name."""
    if any(c.isdigit() for c in word) or "." in word.strip("."):
        return True
    return "-" in word and any(p[:1].islower() and p not in PARTICLES for p in word.split("-")[1:])


def _country_given_name(tok: Token, nxt: Token, gaz) -> bool:
    """'Jordan Bardella', 'Maurice Ulrich', 'Dominique Rousseau', 'Riyad
    Mahrez', 'Milan Kundera', 'Sofia Coppola': a country's name, or a city
    standing for its country, that is also a given name, before a given name
    ('Dominique Michel') or a word that can only be a surname (the two words
    alone in their run, or a particle between: 'Dominique de Villepin'; not
    'Georgia Tech', 'Lake Chad Basin'). Not a city before a word of some use,
    a town, a saint or the plural of a word ('Sydney Marathon', 'Milan
    Bergamo', 'Paris Saint-Germain', 'Sydney Swans': its things), nor a name
    more frequent as a word than a given name ever is ('France Inter',
    'Paris Normandie')."""
    found = gaz.lookup(tok.text)
    is_first = first_names()
    if not (found and found[1] in ("name", "place") and is_first(tok.text) and _kind_simple(nxt, gaz) == "N") \
            or word_zipf(tok.text) >= COUNTRY_AS_NAME_ZIPF:
        return False
    if is_first(nxt.text):
        return True
    if found[1] == "place" and (word_zipf(nxt.text) >= CITY_SURNAME_ZIPF or is_city(nxt.text)
                                or _plural_of_a_word(nxt.text) or nxt.folded.split("-")[0] in SAINT):
        return False        # after a city, its thing: 'the London to Sydney Marathon', 'Milan Bergamo'
        #                     (an airport), 'Sydney Swans'; after a country, 'Jordan Henderson' is a person
    return not common_word(nxt.text, "en") and not common_word(nxt.text, "fr")


def word_zipf(word: str) -> float:
    """How frequent a word is, in English or French, whichever more (wordfreq's Zipf scale)."""
    return max(zipf_frequency(word.lower(), "en"), zipf_frequency(word.lower(), "fr"))


def _given_name_at(run: list[int], kinds: list[str], toks: tuple[Token, ...], gaz) -> int | None:
    """Where in a run a country's or a city's name is a given name
    (`_country_given_name`): its last two words, or three with a particle
    between, after titles and nationalities only ('Director Sofia Coppola',
    'American Maurice Greene')."""
    titles = vocabulary().titles
    for shape in (["V", "N"], ["V", "P", "N"]):
        size = len(shape)
        if len(run) < size or kinds[-size:] != shape or size == 3 and toks[run[-2]].capitalised:
            continue
        if all(toks[i].folded in titles or (gaz.lookup(toks[i].text) or ("", ""))[1] == "demonym"
               for i in run[:-size]) \
                and _country_given_name(toks[run[-size]], toks[run[-1]], gaz):
            return len(run) - size
    return None


def _plural_of_a_word(word: str) -> bool:
    """'Swans', 'Roosters', 'Wanderers': a word of some use in English with an
    s added (a team's name), where a surname would be ('Williams' is a given
    name's)."""
    return word.endswith("s") and not word.endswith("ss") and not first_names()(word[:-1]) \
        and zipf_frequency(word[:-1].lower(), "en") >= PLURAL_STEM_ZIPF


PLURAL_STEM_ZIPF = 3.0
SAINT = {"san", "santa", "santo", "sao", "saint", "sainte", "st", "ste"}
COUNTRY_AS_NAME_ZIPF = 5.0
CITY_SURNAME_ZIPF = 3.5         # a surname after a city's name is rarer than this as a word ('Sweeney' 3.4)


def _kind_simple(tok: Token, gaz) -> str:
    vocab = vocabulary()
    if not tok.capitalised or vocab.is_common(tok.text) or gaz.lookup(tok.text) or tok.acronym:
        return "V"
    return "N"




def _elided_particle(line: str, before: Token, tok: Token) -> bool:
    """Two capitalised words joined by "d'" in a name ("Giscard d'Estaing"),
    not in a place's ("Val d'Oise", "Pays d'Auge", "Côte d'Ivoire")."""
    if not (tok.capitalised and before.capitalised and line[before.end:tok.start] in ELIDED_D):
        return False
    word = before.folded.split()[-1]       # a hyphenated word folds to several: "Normandie-Cabourg-Pays"
    return word not in PLACE_BEFORE_PARTICLE and word not in vocabulary().place_heads


PLACE_BEFORE_PARTICLE = frozenset({"val", "pays", "cap"})      # besides vocabulary().place_heads


def runs(line: str, toks: tuple[Token, ...]) -> list[list[int]]:
    """Indexes of tokens that form one run of capitalised words (particles inside)."""
    out: list[list[int]] = []
    cur: list[int] = []
    for i, tok in enumerate(toks):
        inside = tok.capitalised or (tok.folded in PARTICLES and cur and i + 1 < len(toks)
                                     and toks[i + 1].capitalised and joined(line, tok, toks[i + 1]))
        if inside and cur and (joined(line, toks[cur[-1]], tok) or _elided_particle(line, toks[cur[-1]], tok)):
            cur.append(i)
        else:
            if cur:
                out.append(cur)
            cur = [i] if tok.capitalised else []
    if cur:
        out.append(cur)
    return out


def segments(line: str, toks: tuple[Token, ...], gaz) -> list[tuple[list[int], list[int]]]:
    """(name token indexes, context token indexes inside the run) for each run."""
    found = []
    for run in runs(line, toks):
        kinds = []
        for j, i in enumerate(run):
            prev = toks[run[j - 1]] if j else None
            nxt = toks[run[j + 1]] if j + 1 < len(run) else None
            kind = _kind(toks[i], prev, nxt, gaz)
            if toks[i].text == "A" and nxt is not None and in_name_list(line, toks[i]):
                kind = "N"
            kinds.append(kind)
        given = _given_name_at(run, kinds, toks, gaz)
        if given is not None:
            kinds[given] = "N"
        context: list[int] = []
        seg: list[int] = []
        for j, i in enumerate(run):
            k = kinds[j]
            if k == "N" or (k == "P" and seg):
                seg.append(i)
                continue
            if seg:
                found.append((_trim(seg, toks), list(context)))
                seg = []
            context.append(i)
        if seg:
            found.append((_trim(seg, toks), list(context)))
    return [(s, c) for s, c in found if s]


def _trim(seg: list[int], toks: tuple[Token, ...]) -> list[int]:
    while seg and not toks[seg[-1]].capitalised:
        seg = seg[:-1]
    while seg and toks[seg[-1]].folded in PARTICLES and len(seg) > 1:
        seg = seg[:-1]
    return seg


def _tail(line: str, end: int, n: int) -> str:
    """The n characters before `end`; when cut short, the cut is marked with a
    letter so that '^' in a pattern cannot match in the middle of the line."""
    if end <= n:
        return line[:end]
    return "x" + line[end - n + 1:end]


def sentence_start(line: str, tok: Token) -> bool:
    return opens_sentence(line, tok.start)


def cue_for(line: str, toks: tuple[Token, ...], seg: list[int], context: list[int], gaz) -> tuple[str | None, str | None]:
    """The cue that says this segment is a person, and a demonym next to it."""
    vocab = vocabulary()
    first, last = seg[0], seg[-1]
    before = [toks[i] for i in range(max(0, first - 4), first)]
    attached = []          # the words right before the name, up to any punctuation
    for k in range(first - 1, max(-1, first - 5), -1):
        if not joined(line, toks[k], toks[k + 1]):
            break
        attached.append(toks[k])
    demonym = None
    for tok in attached:
        hit = gaz.lookup(tok.text)
        if hit and hit[1] == "demonym" and hit[0]:
            demonym = hit[0]
            break
    if any(vocab.is_title(toks[i].text) for i in context if i < first):
        return "title before the name", demonym
    lower_before: list[Token] = []
    for tok in reversed(before):
        if tok.capitalised or not joined(line, tok, toks[first] if not lower_before else lower_before[-1]):
            break
        lower_before.append(tok)
    # "president of Sony Computer Entertainment": after "of", the title's organisation, not its holder;
    # but "the boyfriend of Lleyton Hewitt's sister": a relation of a person
    titles = [t for t in lower_before if vocab.is_title(t.text)] or [
        t for t in lower_before[:1] if t.folded in vocab.roles]        # a role noun right before: "seed Lleyton Hewitt"
    if titles and (lower_before[0].folded not in AFFILIATION or any(t.folded in RELATIONS for t in titles)):
        return "title before the name", demonym
    if len(lower_before) >= 2 and lower_before[0].folded in ("by", "par") and lower_before[1].folded in vocab.made_by:
        return MAKER_BEFORE, demonym          # "the film, directed by Southan Morris"
    if demonym:
        return "nationality before the name", demonym
    if QUOTE_ATTRIBUTION.search(_tail(line, toks[first].start, 80)):
        return "verb of saying", demonym      # '», s'alarme Pierre', '," said Jones'
    prev_words = " ".join(t.folded for t in before[-2:])
    if before and (before[-1].folded in vocab.speech or prev_words in vocab.speech) \
            and not QUOTE_OR_STOP.search(line, before[-1].end, toks[first].start):
        return "verb of saying", demonym     # not 'dit « Dieu va te punir »', 'he said. Young, who…'
    after = toks[last + 1:last + 4]
    gap = line[toks[last].end:after[0].start] if after else ""
    # "Simon Wheatley, from Goldman Sachs, told Reuters", "analysts at Citigroup said": who speaks comes before
    affiliation = bool(attached) and attached[0].folded in AFFILIATION
    if after and not affiliation and not after[0].capitalised and gap.strip() in ("", ",") and (
            after[0].folded in vocab.speech or " ".join(t.folded for t in after[:2]) in vocab.speech):
        return "verb of saying", demonym
    if gap.strip() == ",":
        window = toks[last + 1:last + 7]
        opening = [t for t in window[:3] if t.folded not in DETERMINERS][:1]     # "Gary Player, the golfer,"
        if any(vocab.is_title(t.text) for t in window if not t.capitalised or vocab.is_title(t.text)) \
                or opening and not opening[0].capitalised and opening[0].folded in vocab.roles:
            return "apposition with a role", demonym
    if len(after) > 1 and gap == " " and after[0].folded == "as" and not after[1].capitalised \
            and vocab.is_title(after[1].text):
        return ROLE_AFTER_AS, demonym        # "with Quincy Jones as producer"
    return None, demonym


ROLE_AFTER_AS = "a role after 'as'"
MAKER_BEFORE = "a work's maker ('directed by')"
DETERMINERS = frozenset({"the", "a", "an", "le", "la", "l", "un", "une", "his", "her", "their", "its", "former",
                         "ancien", "ancienne"})
AFFILIATION = frozenset({"from", "at", "of", "with", "de", "du", "des", "chez"})     # "X, from Goldman Sachs, said"
# titles that are a relation to someone: "of" after them leads to a person ("the widow of ...")
RELATIONS = frozenset({"son", "fils", "daughter", "fille", "wife", "epouse", "femme", "husband", "mari", "girlfriend",
                       "boyfriend", "partner", "fiancee", "fiance", "compagne", "compagnon", "widow", "veuve",
                       "brother", "frere", "sister", "soeur", "sœur", "mother", "mere", "father", "pere", "uncle", "oncle",
                       "rival", "ally", "allie", "colleague", "collegue", "predecessor", "predecesseur", "successor",
                       "successeur", "counterpart", "homologue"})
QUOTE_OR_STOP = re.compile("[«“\"‘.!?;:]")     # a quotation or a new sentence starts
HONORIFIC_BEFORE = re.compile(r"(?:^|[\s(«“\"])(M\.|MM\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Mme\.?|Mlle\.?|Pr\.|Prof\.?|Me\.|Mgr\.?|"
                              r"Gen\.?|Lt\.?|Col\.?|Maj\.?|Capt\.?|Sgt\.?|Adm\.?|Brig\.?|Cmdr\.?|Gov\.?|Insp\.?|Supt\.?)\s+$")


def in_name_list(line: str, tok: Token) -> bool:
    """'..., A Foley, ...' in a team sheet: a line listing three or more
    'Initial Surname' items, where even 'A' is an initial."""
    if tok.text != "A":
        return False
    return len(NAME_LIST_ITEM.findall(line)) >= 3


def is_initial(tok: Token) -> bool:
    """'G' in the team sheet 'G Murphy', 'J.' in 'J. Smith'; not 'A' or 'I',
    words, nor 'X' ("X Factor", "X Files")."""
    letter = tok.text[:-1] if tok.text.endswith(".") else tok.text        # "J." in "J. Smith"
    return (len(letter) == 1 and letter in INITIAL_LETTERS) or bool(INITIALS.match(tok.text))


def honorific_before(line: str, toks: tuple[Token, ...], i: int, context: list[int]) -> str | None:
    """The title word directly before token i: 'Mr', 'M.', 'President', 'le président'."""
    m = HONORIFIC_BEFORE.search(_tail(line, toks[i].start, 16))
    if m:
        return m.group(1).rstrip(".")
    if i == 0 or not joined(line, toks[i - 1], toks[i]):
        return None
    prev = toks[i - 1]
    return prev.text if prev.folded in vocabulary().honorifics else None


