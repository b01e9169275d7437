"""People ("actors") named in an article.

A cascade of cues over runs of capitalised words:
1. a run is split into name segments and the words around them (titles,
   demonyms, function words, places, organisation words): name_shapes.py;
2. a segment of two or more words is a person when the registry knows it,
   its first word is a given name, or a cue stands next to it: a title
   ("Interior Minister X", "le président X"), a verb of saying ("said X",
   "a dit X"), an apposition ("X, Tebboune's adviser");
3. one spelling class per person: variants in the article are merged
   (close surname and first name), the registry maps any alias to its
   canonical name;
4. a surname alone ("Nunez") joins the full name used in the same article,
   else the one registry entry with that surname, else it needs a title or a
   verb of saying next to it.
Byline authors, furniture and organisation/place words never become people.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..gazetteer import load as load_gazetteer
from ..models import Cue, Line, Mention, Rejection
from ..names import fold, prefer, same_person, similar, surname
from ..registry import Registry
from .name_shapes import (SAINT, cue_for, honorific_before, in_name_list, is_initial, segments, sentence_start)
from .organizations import in_a_country, known as known_organizations
from .places import is_city, is_place
from .tokens import ARTICLES, ELIDED_D, PARTICLES, Token, common_word, first_names, joined, tokenize, vocabulary

MAX_NAME_WORDS = 5
# before a place, a firm or a thing far more often than a person's surname alone: "en Hollande",
# "at Gerrard" (a stockbroker), "du Cinema" (an article joined to "de" or "à")
PLACE_BEFORE = {"in", "en", "at", "du", "des", "au", "aux"}
AGE_AFTER = re.compile(r"^\s*,\s*(\d{1,2})\s*(ans|years? old)?\s*[,)]")


@dataclass(frozen=True)
class Candidate:
    form: str
    tokens: tuple[Token, ...]
    line: Line
    cue: str
    demonym: str | None          # country code of a demonym next to the name


@dataclass
class Person:
    key: str                      # canonical name once resolved
    forms: list[str] = field(default_factory=list)
    full: list[str] = field(default_factory=list)
    cue: Cue | None = None
    registry: bool = False
    countries: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, int]] = field(default_factory=list)


NO_SIGN = "no sign it is a person: no known given name, title, verb of saying or role"
SURNAME_CUED = "surname given alone as a person's in the article"
LISTED = "in a list of names of people"
LIST_SEPARATORS = (", ", " and ", " or ", ", and ", ", or ", " et ", " ou ", ", et ", " & ")
LIST_ENDS = ("and", "or", "et", "ou", "&")    # the separator before a list's last item
THING = "the name of a thing: a noun for a kind of thing stands before it (\"the film Vera Drake,\")"
NAMED_AFTER = "part of the name of a thing named after a person (a foundation, a school, a street, a ship)"
# Honorifics that only ever stand before a person ("Mr Brown"), unlike
# "General" ("General Election") or "President" ("President Hotel").
PERSONAL = {"mr", "mrs", "ms", "miss", "m", "mme", "mlle", "dr", "lord", "lady", "sir", "dame", "baroness",
            "baron", "prince", "princess", "mgr", "me", "pr", "prof"}
# Honorifics that say whether a man or a woman is named ("Mrs Blair" is not Tony Blair).
MALE = {"mr", "m", "sir", "lord", "baron", "prince", "king", "monsieur"}
FEMALE = {"mrs", "ms", "miss", "mme", "mlle", "lady", "dame", "baroness", "princess", "queen", "madame"}
TITLE_CUE = "title '{}' before the name"
_TITLE_CUE = re.compile(r"title '(.+)' before the name")


def title_of(rule: str) -> str | None:
    """The title a cue's rule names ("Mr" of "title 'Mr' before the name")."""
    m = _TITLE_CUE.fullmatch(rule)
    return m.group(1) if m else None


# Styles that are part of how a person is named when no full name is given.
NOBLE = {"lord", "lady", "baroness", "baron", "prince", "princess", "king", "queen", "sir", "dame",
         "sheikh", "cheikh", "emir", "pope", "pape"}


@dataclass(frozen=True)
class Single:
    candidate: Candidate
    honorific: str | None         # the title word right before the name ("Mr", "président", "Lord")
    lowercase: bool = False       # the article also writes the word in lower case
    apart: bool = False           # no capitalised word or article right before it or capitalised word right after


# why a single word was not taken for a person; the archive may still tie it to one (index.py)
LONE_WORD = "a single word with no full name, title or registry entry to tie it to a person"
LONE_COMMON_WORD = "a single word that is also a common word, with no full name, title or registry entry"


def turned_down(rejected) -> list[Rejection]:
    """The names turned down that are worth showing: a common word kept only
    so that the archive may tie it to a person ("Macron") is noise there."""
    return [r for r in rejected if r.reason != LONE_COMMON_WORD]


# languages whose titles of works and bodies capitalise only their first word: a common word
# capitalised in the middle of a sentence is a name (in English it may be a title's: "Crashed The Wedding")
SENTENCE_CASE = ("fr", "es", "it", "pt")
# cues that say a name is near, not that these words are one: with no given name, a common word in it says otherwise
WEAK_CUES = ("verb of saying", "nationality before the name", "title before the name", "apposition with a role")


def _not_a_name(toks: tuple[Token, ...], lowercase: set[str], language: str) -> bool:
    """Words a name is not made of: first, a common word (not an initial);
    anywhere, a word the article also writes in lower case; last, an
    organisation's head word (Industry, Society). A surname may be a common
    word (Stone, Rice, Williams): only the first word is looked up."""
    words = [t for t in toks if len(t.text.rstrip(".")) > 1]          # not initials
    if not words:
        return False
    return words[0] is toks[0] and common_word(words[0].text, language) \
        or any(t.folded in lowercase for t in words) or toks[-1].folded in vocabulary().org_heads


def candidates(lines: list[Line], registry: Registry, authors: tuple[str, ...], language: str,
               rejected: list[Rejection] | None = None,
               unsure: list[Candidate] | None = None) -> tuple[list[Candidate], list[Single]]:
    """Full-name candidates (accepted) and single-word ones (still to be linked);
    names turned down are added to `rejected` with the reason, and those with
    no sign at all of being a person, in the body, to `unsure` too (with no cue
    yet: `extract` may find one for them in the rest of the article)."""
    def reject(form: str, line: Line, reason: str) -> None:
        if rejected is not None:
            rejected.append(Rejection(form, line.number, reason))

    gaz = load_gazetteer()
    is_first = first_names()
    author_words = {w for a in authors for w in fold(a).split()}
    tokenized = [(line, tokenize(line.text)) for line in lines]
    lowercase = {t.folded for _, toks in tokenized for t in toks if not t.capitalised}
    full: list[Candidate] = []
    single: list[Single] = []
    things: set[str] = set()        # names the article gives to a thing ("the film Vera Drake,")
    for line, toks in tokenized:
        for seg, context in segments(line.text, toks, gaz):
            if len(seg) > MAX_NAME_WORDS:
                continue
            seg = _drop_leading_non_names(line.text, toks, seg, is_first, registry, lowercase, language)
            form = " ".join(line.text[toks[seg[0]].start:toks[seg[-1]].end].split())
            if _named_after(line.text, toks, seg):
                reject(form, line, NAMED_AFTER)
                continue
            if _thing_named(line.text, toks, seg) and not registry.find(form):
                things.add(fold(form))
                reject(form, line, THING)
                continue
            if author_words and set(fold(form).split()) <= author_words:
                reject(form, line, "the byline's author, not a person in the story")
                continue
            if gaz.lookup(form) or in_a_country(toks, seg[0], seg[-1] + 1, before=0):     # "Trinidad and Tobago"
                reject(form, line, "a country or place name")
                continue
            if _known_organisation(line.text, toks, seg) and not registry.find(form):
                reject(form, line, "a well-known organisation")
                continue
            if _a_character(line.text, toks, seg) and not registry.find(form):
                reject(form, line, "a character someone plays ('her role as Nina Tucker')")
                continue
            if language == "en" and _after_an_acronym(line.text, toks, seg) and not registry.find(form):
                reject(form, line, "a firm's name after its letters ('CB Richard Ellis')")
                continue
            cue, demonym = cue_for(line.text, toks, seg, context, gaz)
            head_surname = _head_word_surname(line.text, toks, seg, context, gaz, is_first)
            if head_surname:
                seg, (cue, demonym) = head_surname
                form = " ".join(line.text[toks[seg[0]].start:toks[seg[-1]].end].split())
            seg_toks = tuple(toks[i] for i in seg)
            if len(seg) == 1:
                honorific = honorific_before(line.text, toks, seg[0], context) if line.role in ("body", "caption") else None
                single.append(Single(Candidate(form, seg_toks, line, cue or "", demonym), honorific,
                                     seg_toks[0].folded in lowercase, _apart(line.text, toks, seg[0])))
                continue
            first = toks[seg[0]]
            if seg[0] > 0 and toks[seg[0] - 1].folded in ARTICLES and joined(line.text, toks[seg[0] - 1], first) \
                    and not is_first(first.text):
                reject(form, line, "'the' before it: a band, a ship or a firm")
                continue          # "the Stone Roses", "la Charles de Gaulle"
            if (is_place(form) or _of_a_place(toks, seg, gaz) or _after_a_place(seg_toks)) \
                    and not registry.find(form):
                reject(form, line, "a city or region, or something named after one")
                continue
            if registry.find(form):
                cue = cue or "name in the registry"
            elif cue in WEAK_CUES and not is_first(first.text) and not is_initial(first) \
                    and _not_a_name(seg_toks, lowercase, language):
                cue = None        # "Age Concern said", "the British Phonographic Industry": no given name, a common word
            elif is_first(first.text) and not cue:
                cue = "given name"
            elif not cue and len(seg) == 2 and (is_initial(first) or in_name_list(line.text, first)) \
                    and toks[seg[1]].folded not in lowercase and not _compass_point(first, toks[seg[1]], gaz):
                cue = "initial and surname"
            if not cue:
                reject(form, line, NO_SIGN)
                if unsure is not None and line.role in ("body", "caption") and not first.acronym \
                        and not _not_a_name(seg_toks, lowercase, language):     # headlines: "Classy Henman"
                    unsure.append(Candidate(form, seg_toks, line, "", demonym))
            else:
                full.append(Candidate(form, seg_toks, line, cue, demonym))
                shared = _coordinated(line.text, toks, seg)
                if shared:
                    full.append(Candidate(shared[0], shared[1], line, "given name joined to a full name", demonym))
    if things:          # the thing's name elsewhere in the article is the thing's too
        for cand in [c for c in full if fold(c.form) in things] + [s.candidate for s in single
                                                                  if fold(s.candidate.form) in things]:
            reject(cand.form, cand.line, THING)
        full = [c for c in full if fold(c.form) not in things]
        single = [s for s in single if fold(s.candidate.form) not in things]
    return full, single


def _answer_word_cut(full: list[Candidate], language: str) -> list[Candidate]:
    """A full name the article gives elsewhere, run on into a common word
    that opens what follows: an interview's speaker before the answer
    ("Alexis Spire Effectivement, cette exaspération..." after "Alexis
    Spire"). The name alone is the person's."""
    names = {fold(c.form) for c in full}
    out = []
    for c in full:
        words = c.form.split()
        if len(words) >= 3 and len(c.tokens) >= 3 and fold(" ".join(words[:-1])) in names \
                and common_word(c.tokens[-1].text, language) and not first_names()(c.tokens[-1].text):
            c = replace(c, form=" ".join(words[:-1]), tokens=c.tokens[:-1])
        out.append(c)
    return out


SURE_CUES = frozenset({"title before the name", "verb of saying"})


def _head_word_surname(line: str, toks: tuple[Token, ...], seg: list[int], context: list[int], gaz, is_first):
    """A given name and a place's or an organisation's word ending the run,
    where a title or a verb of saying says a person is named:
    "Defender Wayne Bridge", "Charlotte Church said" (the word is a surname).
    The two-word name and its cue; else None. Not after a royal title
    ("the Queen Elizabeth Hall") or an article."""
    if len(seg) != 1 or not is_first(toks[seg[0]].text):
        return None
    i, vocab = seg[0], vocabulary()
    nxt = i + 1
    if nxt >= len(toks) or not toks[nxt].capitalised or not joined(line, toks[i], toks[nxt]) \
            or nxt + 1 < len(toks) and toks[nxt + 1].capitalised and joined(line, toks[nxt], toks[nxt + 1]) \
            or toks[nxt].folded not in vocab.place_heads and toks[nxt].folded not in SURNAME_ORG_WORDS \
            or toks[nxt].acronym or len(toks[nxt].text) < 3:
        return None
    run_start = min([i] + [k for k in context if k < i])
    if toks[run_start].folded in ROYAL or run_start and toks[run_start - 1].folded in ARTICLES:
        return None
    cue = cue_for(line, toks, [i, nxt], [k for k in context if k != nxt], gaz)
    return ([i, nxt], cue) if cue[0] in SURE_CUES else None


SURNAME_ORG_WORDS = frozenset({"church", "press", "court", "house", "guard", "post"})     # "Charlotte Church"
ROYAL = frozenset({"queen", "king", "prince", "princess", "reine", "roi", "princesse"}) | SAINT


def _named_after(line: str, toks: tuple[Token, ...], seg: list[int]) -> bool:
    """A name that is part of a thing's named after the person: "the Joseph
    Rowntree Foundation", "the Sarbanes-Oxley Act", "l'Institut Paul
    Delouvrier", "le porte-avions Charles de Gaulle"."""
    vocab = vocabulary()
    first, last = seg[0], seg[-1]
    if last > first and toks[last].folded in vocab.named_after:
        return True         # "the Can-Spam Act": the thing's word inside the run of capitals
    if last + 1 < len(toks):
        after = toks[last + 1]
        if after.capitalised and after.folded in vocab.named_after and joined(line, toks[last], after):
            return True
    return first > 0 and toks[first - 1].folded in vocab.named_before and joined(line, toks[first - 1], toks[first])


def _thing_named(line: str, toks: tuple[Token, ...], seg: list[int]) -> bool:
    """A name right after a noun for a kind of thing, ended by a punctuation
    mark: "the film Vera Drake,", "first single Hey Joe,", "security firm
    Sophos." (not "the company Jeff Bezos founded": the name may be the
    subject of what follows)."""
    first, last = seg[0], seg[-1]
    if first == 0 or toks[first - 1].capitalised or toks[first - 1].folded not in vocabulary().thing_before \
            or not joined(line, toks[first - 1], toks[first]):
        return False
    rest = line[toks[last].end:].lstrip(" ")
    return not rest or rest[0] in ",.;:!?)"


def _apart(line: str, toks: tuple[Token, ...], i: int) -> bool:
    """A word standing apart: not in a run of capitalised words ("France
    Télévisions", "Crashed The Wedding") nor after an article ("the Tories",
    "du Cinema") or "in" or "at" ("en Hollande": a region, not François Hollande)."""
    before = toks[i - 1] if i > 0 else None
    after = toks[i + 1] if i + 1 < len(toks) else None
    return not (before and joined(line, before, toks[i])
                and (before.capitalised or before.folded in ARTICLES or before.folded in PLACE_BEFORE)
                or after and after.capitalised and joined(line, toks[i], after))


def _coordinated(line: str, toks: tuple[Token, ...], seg: list[int]):
    """'Jim and Margaret Cuthbert': Jim Cuthbert too; not from a rare given
    name ("as did Keane and Joss Stone": a band)."""
    i = seg[0]
    if i < 2 or toks[i - 1].folded not in ("and", "et", "&") or len(seg) < 2:
        return None
    given = toks[i - 2]
    if not (given.capitalised and not given.acronym and first_names(rare=False)(given.text)
            and joined(line, given, toks[i - 1])):
        return None
    if i >= 3 and toks[i - 3].capitalised and joined(line, toks[i - 3], given):
        return None
    rest = line[toks[seg[1]].start:toks[seg[-1]].end]
    return f"{given.text} {rest}", (given,) + tuple(toks[k] for k in seg[1:])


def _drop_leading_non_names(line: str, toks: tuple[Token, ...], seg: list[int], is_first, registry: Registry,
                            lowercase: set[str], language: str) -> list[int]:
    """'Later Serguei Lavrov', 'Travail Muriel Pénicaud': leading capitals that
    start the sentence, are common words here, or stand before a given name."""
    while len(seg) > 1 and not is_first(toks[seg[0]].text) and not is_initial(toks[seg[0]]) \
            and not in_name_list(line, toks[seg[0]]):
        if registry.find(" ".join(toks[i].text for i in seg)) or toks[seg[0]].folded in SAINT \
                or is_place(f"{toks[seg[0]].text} {toks[seg[1]].text}"):
            break           # "San Francisco Ballet", "Hong Kong Rugby": a place's thing (_after_a_place)
        head = toks[seg[0]]
        later_first = len(seg) > 2 and any(is_first(toks[i].text) for i in seg[1:-1])
        opening = sentence_start(line, head) and common_word(head.text, language)
        if opening or head.folded in lowercase or later_first:
            seg = seg[1:]
            while seg and toks[seg[0]].folded in PARTICLES and not toks[seg[0]].capitalised:
                seg = seg[1:]
            continue
        break
    return seg


def _after_a_place(toks: tuple[Token, ...]) -> bool:
    """'San Francisco Ballet', 'Los Angeles Lakers': a name opening with a
    place of two words or more is a thing of that place. (A one-word city
    is also a given name: 'Paris Hilton', 'Chelsea Clinton'.) A name opening
    with a saint's word is a place or a saint ('San Andreas', 'St Helens')."""
    return toks[0].folded in SAINT or any(is_place(" ".join(t.text for t in toks[:n])) for n in range(2, len(toks)))


def _of_a_place(toks: tuple[Token, ...], seg: list[int], gaz) -> bool:
    """'marché de Noël de Strasbourg': after 'de', a name whose tail after a
    particle is a place ('Amaury de Saint-Quentin' has no 'de' before it)."""
    if not (seg[0] > 0 and toks[seg[0] - 1].folded in ("de", "du", "des", "of", "di")):
        return False
    for k, i in enumerate(seg[1:-1], start=1):
        if toks[i].folded in ("de", "di", "du", "of", "von", "van"):
            tail = " ".join(toks[j].text for j in seg[k + 1:])
            return bool(is_place(tail) or is_city(tail) or gaz.lookup(tail))
    return False


def extract(lines: list[Line], registry: Registry, authors: tuple[str, ...],
            language: str = "en") -> tuple[list[Mention], list, list[Rejection]]:
    """People mentions, the (line number, start, end) spans their names cover,
    and the name-like phrases turned down."""
    rejected: list[Rejection] = []
    unsure: list[Candidate] = []
    full, single = candidates(lines, registry, authors, language, rejected, unsure)
    full = _answer_word_cut(full, language)
    cued = _surname_cued(unsure, single, language)
    promoted = [replace(c, cue=SURNAME_CUED) for c in cued]
    promoted += [replace(c, cue=LISTED) for c in _listed([c for c in unsure if c not in cued], full + promoted)]
    if promoted:
        full = full + promoted
        taken = {fold(c.form) for c in promoted}
        rejected = [r for r in rejected if not (r.reason == NO_SIGN and fold(r.text) in taken)]
    people: list[Person] = []

    def add(person: Person, cand: Candidate) -> None:
        person.forms.append(cand.form)
        person.spans.append((cand.line.number, cand.tokens[0].start, cand.tokens[-1].end))
        if cand.demonym:
            person.countries.append(cand.demonym)
        if person.cue is None:
            person.cue = Cue(cand.cue, cand.line.number, cand.form)

    for cand in full:
        entry = registry.find(cand.form)
        if entry:
            person = next((p for p in people if p.registry and p.key == entry.name), None)
            if person is None:
                person = Person(entry.name, registry=True)
                people.append(person)
        else:
            person = next((p for p in people if not p.registry
                           and any(same_person(cand.form, f) for f in p.full)), None)
            if person is None:
                person = Person(cand.form)
                people.append(person)
        person.full.append(cand.form)
        add(person, cand)

    people = _given_names_joined(people)

    # Full names do not change from here on (people added below have none):
    # each person's distinct full names, and the person a surname links to,
    # found once for a word that recurs.
    named = [(p, tuple(dict.fromkeys(p.full))) for p in people if p.full]
    surname_links: dict[str, Person | None] = {}
    for item in single:
        cand = item.candidate
        word = cand.tokens[0].text
        if word not in surname_links:
            surname_links[word] = _link_surname(word, named)
        person = surname_links[word]
        if person is None:
            entry = registry.by_surname(word) or registry.by_form.get(fold(word))
            if entry:
                person = next((p for p in people if p.key == entry.name), None)
                if person is None:
                    person = Person(entry.name, registry=True)
                    people.append(person)
                if cand.cue == "":
                    cand = Candidate(cand.form, cand.tokens, cand.line, "registry surname", cand.demonym)
        if person is None and first_names()(word) and len(word) > 2:
            # In French, a given name with an age introduces someone ("Christophe, 49 ans"), not
            # the person named in full with it ("Christophe Castaner"); English gives its own
            # people's ages so ("Anil, 45, has stepped down", of Anil Ambani).
            age = AGE_AFTER.match(cand.line.text[cand.tokens[0].end:])
            person = None if age and age.group(2) == "ans" else _link_given_name(word, named)
            if person is None and first_names(rare=False)(word) and cand.line.role in ("body", "caption") \
                    and word not in known_organizations()[0] \
                    and not cand.line.text[:cand.tokens[0].start].rstrip().endswith("&") \
                    and not _after_article(cand.line.text, cand.tokens[0]) and (
                    cand.cue == "verb of saying" or AGE_AFTER.match(cand.line.text[cand.tokens[0].end:])):
                person = next((p for p in people if fold(p.key) == fold(word)), None)
                if person is None:
                    person = Person(word)
                    people.append(person)
                cand = Candidate(word, cand.tokens, cand.line, "given name with a verb of saying or an age",
                                 cand.demonym)
        if person is None and item.honorific and len(word) > 2 and (
                fold(item.honorific) in PERSONAL or not common_word(word, language)):
            name = f"{item.honorific} {word}" if fold(item.honorific) in NOBLE else word
            person = next((p for p in people if fold(p.key) == fold(name)), None)
            if person is None:
                person = Person(name)
                people.append(person)
            cand = Candidate(name, cand.tokens, cand.line, TITLE_CUE.format(item.honorific), cand.demonym)
        if person is not None:
            add(person, cand)
        elif cand.line.role in ("body", "caption") and len(word) > 3 and not item.lowercase and item.apart \
                and not sentence_start(cand.line.text, cand.tokens[0]):
            if not common_word(word, language):
                rejected.append(Rejection(word, cand.line.number, LONE_WORD))
            elif language in SENTENCE_CASE:
                rejected.append(Rejection(word, cand.line.number, LONE_COMMON_WORD))

    people = _nicknames_joined(people, lines)
    mentions = []
    spans = []
    for p in people:
        if not p.registry:
            p.key = prefer(p.full) if p.full else p.key
        forms = tuple(dict.fromkeys(p.forms))
        country = max(sorted(set(p.countries)), key=p.countries.count) if p.countries else None
        mentions.append(Mention(p.key, forms, p.cue or Cue("name"), country))
        spans.extend(p.spans)
    return mentions, spans, _unique(rejected)


COMPASS = {"N": "North", "S": "South", "E": "East", "W": "West"}


def _compass_point(first: Token, second: Token, gaz) -> bool:
    """'S Korea', 'S Korean', 'N Ireland': the initial of a point of the
    compass before a place or its people's name, not a person's."""
    point = COMPASS.get(first.text.rstrip("."))
    return bool(gaz.lookup(second.text) or point and gaz.lookup(f"{point} {second.text}"))


def _after_article(line: str, tok: Token) -> bool:
    """'le Cese a rappelé', 'the Jaguar said': a word after an article names a thing, not a person."""
    before = line[:tok.start].split()
    return bool(before) and (fold(before[-1]) in ARTICLES or fold(before[-1]).rstrip("'’") in ("l", "un", "une"))


# "Mohamed Mediène, dit Toufik", "Mohamed Mediene, known as Toufik", "(alias ...)"
NICKNAME = re.compile(r",?\s*\(?\s*(?:dit|dite|surnommée?|alias|known as|nicknamed|aka|a\.k\.a\.)\s+[«\"“]?\s*"
                      r"(?=[A-ZÀ-Ý])")
NICKNAME_WORDS = re.compile(r"[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*)*")


def _nicknames_joined(people: list[Person], lines: list[Line]) -> list[Person]:
    """The name given right after a person's with "dit", "alias" or "known as"
    is that person's nickname, one of their forms, not a person of its own."""
    ends = {(n, e): p for p in people for n, _, e in p.spans}
    by_form = {fold(f): p for p in people for f in p.forms}
    merged: set[int] = set()
    for line in lines:
        if not any(w in line.text for w in ("dit", "alias", "known as", "nicknamed", "surnomm", "aka", "a.k.a")):
            continue
        for m in NICKNAME.finditer(line.text):
            owner = ends.get((line.number, m.start()))
            words = NICKNAME_WORDS.match(line.text, m.end())
            nick = by_form.get(fold(words.group(0))) if words else None
            if owner is not None and nick is not None and owner is not nick and not nick.registry \
                    and id(owner) not in merged and len(set(nick.full)) <= 1:
                owner.forms += nick.forms
                owner.spans += nick.spans
                owner.countries += nick.countries
                merged.add(id(nick))
    return [p for p in people if id(p) not in merged]


def _given_names_joined(people: list[Person]) -> list[Person]:
    """'Juan Carlos' after 'Juan Carlos Ferrero': a name of given names only
    that begins the full name of one other person of the article, named in
    full before it, is that person ("Juan Carlos hasn't played badly"), not
    a person of its own. Not before it: "Stan Lee" then "Stan Lee Media"."""
    is_first = first_names()
    kept = []
    for p in people:
        if not p.registry and p.full and all(len(f.split()) > 1 and all(map(is_first, f.split())) for f in p.full):
            starts = tuple(_name_words(f) for f in p.full)
            whole = [q for q in people
                     if q is not p and any(_begins(_name_words(f), w) for f in q.full for w in starts)]
            if len(whole) == 1 and min(whole[0].spans) < min(p.spans):
                target = whole[0]
                target.forms += p.forms
                target.spans += p.spans
                target.countries += p.countries
                continue
        kept.append(p)
    return kept


def _begins(name: tuple[str, ...], given: tuple[str, ...]) -> bool:
    """Whether the given names begin the name, followed by words that may end
    a person's name: no common word or organisation's word ("Stan Lee
    Media" is a firm's name, not Stan Lee's)."""
    rest = name[len(given):]
    heads = vocabulary().org_heads
    return name[:len(given)] == given and bool(rest) and not any(
        w in heads or common_word(w, "en") or common_word(w, "fr") for w in rest)


def _surname_cued(unsure: list[Candidate], single: list[Single], language: str) -> list[Candidate]:
    """Names of two or three words with no sign of their own whose last word
    the same article gives alone as a person's: after a personal title ("Mr
    Hewitt"), with an age ("Hewitt, 23,") or with a verb of saying ("said
    Hewitt") when the word is no common word. "Lleyton Hewitt" is a person
    when the article goes on with "said Hewitt". Not for a club ("Aston
    Villa ... said Villa")."""
    if not unsure:
        return []
    cued = set()
    for item in single:
        cand = item.candidate
        word = cand.tokens[0]
        if item.lowercase or len(word.text) < 3 or cand.line.role not in ("body", "caption"):
            continue
        if item.honorific and fold(item.honorific) in PERSONAL or AGE_AFTER.match(cand.line.text[word.end:]) \
                or cand.cue == "verb of saying" and not common_word(word.text, language):
            cued.add(word.folded)
    if not cued:
        return []
    organizations, gaz, vocab = known_organizations()[0], load_gazetteer(), vocabulary()
    return [c for c in unsure if len(c.tokens) <= 3 and c.tokens[-1].folded in cued
            and not vocab.is_title(c.tokens[0].text) and not vocab.is_title(c.tokens[0].text[:-1])   # "Princes William"
            and c.tokens[0].folded not in PERSONAL          # "Baroness Boothroyd": the "Lady Boothroyd" she is too
            and c.form not in organizations and c.tokens[-1].text not in organizations     # "Aston Villa", "Rangers"
            and not is_city(c.tokens[0].text) and not gaz.lookup(c.tokens[0].text)]       # "Glasgow Rangers"


def _listed(unsure: list[Candidate], full: list[Candidate]) -> list[Candidate]:
    """Names with no sign of their own in a list of three or more names, at
    least two of them people and no fewer people than not: "Tobey Maguire,
    Kirsten Dunst and Alfred Molina", "Arturo Lupoli, Quincy Owusu-Abeyie or
    Jeremie Aliadiere" (given names no name list has)."""
    if not unsure:
        return []
    lines: dict[int, list[tuple[Candidate, bool]]] = {}
    for cand, person in [(c, True) for c in full] + [(c, False) for c in unsure]:
        lines.setdefault(cand.line.number, []).append((cand, person))
    found = []
    for items in lines.values():
        if all(person for _, person in items):
            continue
        items.sort(key=lambda item: item[0].tokens[0].start)
        text = items[0][0].line.text
        chain, last_end = [items[0]], 0
        for item in items[1:] + [None]:
            gap = text[chain[-1][0].tokens[-1].end:item[0].tokens[0].start] if item else ""
            if item and gap in LIST_SEPARATORS:
                chain.append(item)
                if gap.strip(" ,") in LIST_ENDS:
                    last_end = len(chain)
                continue
            if last_end >= 3:   # "A, B and C, Lib Dem's chief said": a list "A, B and C" ends there
                chain = chain[:last_end]
            people = sum(person for _, person in chain)
            if _after_things(text, chain[0][0].tokens[0].start):
                pass            # "companies Adhi Karya and Semen Gresik", "bands Keane, Muse and Travis"
            elif len(chain) >= 3 and people >= 2 and 2 * people >= len(chain):
                found += [cand for cand, person in chain if not person and len(cand.tokens) in (2, 3)]
            elif len(chain) == 2 and people == 1 and last_end == 2:
                found += [cand for cand, person in chain if not person and _paired_name(cand)]
            chain, last_end = ([item] if item else []), 0
    return found


def _after_things(text: str, start: int) -> bool:
    """Whether a list starting at `start` follows the plural of a noun of
    things ("companies", "firms", "bands", "films"): a list of their names."""
    before = text[max(0, start - 20):start]
    if not before.endswith(" "):
        return False
    word = fold(before.split()[-1]) if before.strip() else ""
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else ""
    return bool(singular) and singular in vocabulary().thing_before


def _paired_name(cand: Candidate) -> bool:
    """A name of two words paired with a person's ("Rio Ferdinand and Sol
    Campbell", "Geordan Murphy and Ronan O'Gara"), which no sign marks as a
    person's: not opening with a place or a title ("Belfast Harlequins"),
    not cut from a longer name ("Black Eyed Peas"), not ending in a common
    noun's plural ("Scissor Sisters": a band), which a surname made of a
    given name is not ("Williams", "Edwards")."""
    if len(cand.tokens) != 2:
        return False
    first, last = cand.tokens
    vocab = vocabulary()
    if is_city(first.text) or load_gazetteer().lookup(first.text) or vocab.is_title(first.text) \
            or first.folded in vocab.honorifics:
        return False
    before = cand.line.text[:first.start]
    word = before.split()[-1] if before.endswith(" ") and before.strip() else ""
    if word[:1].isupper() and word[-1].isalpha() and fold(word) not in vocab.function_words:
        return False            # cut from a longer name: "Black Eyed Peas" gave "Eyed Peas" (not "But")
    singular = last.text[:-1]
    return not (last.text.endswith("s") and not last.text.endswith("ss") and common_word(singular, "en")
                and not first_names()(singular))


CHARACTER_WORDS = frozenset({"character", "characters", "personnage", "personnages"})
ROLE_OF = frozenset({("role", "as"), ("roles", "as")})   # not "the role of Tony Blair", "le rôle de Macron"


def _a_character(text: str, toks: tuple[Token, ...], seg: list[int]) -> bool:
    """A name after "character", "personnage" or "role as", and at most one
    more word in lower case: a character played ("the character Fagin",
    "his role as designer Edna Mode", "le personnage de Nina"), not a person."""
    before: list[Token] = []
    for k in range(seg[0] - 1, max(-1, seg[0] - 5), -1):
        if toks[k].capitalised or not joined(text, toks[k], toks[k + 1]) and text[toks[k].end:toks[k + 1].start] \
                not in ELIDED_D:
            break
        before.insert(0, toks[k])
    words = [t.folded for t in before]
    for n in range(len(words)):
        rest = len(words) - n          # words from n to the name
        if words[n] in CHARACTER_WORDS and rest <= 2:
            return True
        if n + 1 < len(words) and (words[n], words[n + 1]) in ROLE_OF and rest <= 3:
            return True
    return False


def _after_an_acronym(text: str, toks: tuple[Token, ...], seg: list[int]) -> bool:
    """A name right after an acronym of two or three letters that is no
    common one, title or country ("CB Richard Ellis", "JP Morgan Chase"): a
    firm's name, not a person's ("MP John Smith", "US Senator" are not, nor
    a party's: "SNP Alex Salmond"; French writes its parties' letters before
    their members' names, "le député LFI Éric Coquerel", so English only)."""
    if not seg[0]:
        return False
    before = toks[seg[0] - 1]
    vocab = vocabulary()
    return before.acronym and len(before.text) <= 3 and joined(text, before, toks[seg[0]]) \
        and before.folded not in vocab.common_acronyms and not vocab.is_title(before.text) \
        and not load_gazetteer().lookup(before.text) and before.text not in known_organizations()[0]


def _known_organisation(text: str, toks: tuple[Token, ...], seg: list[int]) -> bool:
    """Whether the name is a well-known organisation's: two words or more
    (one, "Ford", may be a surname), or after the acronym that opens it
    ("Morgan Chase" in "JP Morgan Chase", "Morgan" in "JP Morgan said")."""
    names = known_organizations()[0]
    name = " ".join(toks[i].text for i in seg)
    before = toks[seg[0] - 1] if seg[0] else None
    return len(seg) > 1 and name in names or before is not None and before.acronym \
        and joined(text, before, toks[seg[0]]) and f"{before.text} {name}" in names


def _unique(rejected: list[Rejection]) -> list[Rejection]:
    seen: dict[str, Rejection] = {}
    for r in rejected:
        seen.setdefault(fold(r.text), r)
    return list(seen.values())


def _link_given_name(word: str, named: list[tuple[Person, tuple[str, ...]]]) -> Person | None:
    """'Tony' after 'Tony Blair': the one person of the article with that given name."""
    w = fold(word)
    hits = [p for p, full in named if any(_name_words(f)[0] == w for f in full if len(f.split()) > 1)]
    return hits[0] if len(hits) == 1 else None


def _link_surname(word: str, named: list[tuple[Person, tuple[str, ...]]]) -> Person | None:
    """The person whose full name in this article ends with (or closely matches) this word."""
    w = fold(word)
    ending = " " + w
    exact = next((p for p, full in named if any(w in _later_words(f) or fold(f).endswith(ending) for f in full)),
                 None)
    if exact is not None:
        return exact
    if len(w) >= 5:
        return next((p for p, full in named if any(similar(surname(f), w) >= 85 for f in full)), None)
    return None


@lru_cache(maxsize=65_536)
def _name_words(name: str) -> tuple[str, ...]:
    """The words of a name, folded (cached: compared with every single word of the article)."""
    return tuple(fold(name).split())


@lru_cache(maxsize=65_536)
def _later_words(name: str) -> frozenset[str]:
    """The words of a name after the first, folded."""
    return frozenset(_name_words(name)[1:])
