"""Organisations: well-known names from data/organizations.yml ("Labour",
"Reuters"), capitalised runs with an organisation word ("Polisario Front",
"Algerian Ministry of Defense"), French names with a lower-case tail
("Conseil de sécurité russe"), and acronyms ("DGSI"). Role phrases
("Army Chief of Staff"), places ("Elysee Palace"), people's names and
common-noun acronyms ("TV") and the place opening a dateline ("GENÈVE, 15
mars 2019 (AP) -") are not organisations."""
from __future__ import annotations

import re
from typing import AbstractSet
from functools import lru_cache
from importlib import resources

import yaml

from ..gazetteer import load as load_gazetteer
from ..models import Cue, Line, Mention
from ..names import fold, sort_key
from .dates import DATELINE, parse_date
from .name_shapes import sentence_start
from .tokens import ARTICLES, ELIDED_D, ELIDED_DE, Token, common_word, first_names, joined, tokenize, vocabulary

CONNECTORS_EN = {"of", "for", "the"}
WORD_GAPS = (" ", "'", "’") + ELIDED_D        # between a name's words: a space, an apostrophe, an elided "de"
CONNECTORS_FR = {"de", "du", "des", "d", "la", "le", "les", "l", "pour", "contre"}
CONNECTORS = frozenset(CONNECTORS_EN | CONNECTORS_FR)
TAIL_END = frozenset(CONNECTORS_FR | {"et"})        # words a French name's tail does not end on
# Before "'s" inside a name: "People's National Army", "Women's Institute".
PLURALS_OF_PEOPLE = frozenset({"people", "women", "men", "children"})
# Words that open no name (vocabulary's function words) but may stand inside
# one, between capitalised words: "Office for National Statistics".
INNER_ADJECTIVES = frozenset({
    "national", "international", "global", "local", "public", "private", "royal", "federal",
    "new", "great", "high", "free", "first", "premier", "premiere", "nouveau", "nouvelle"})
# Organisation words that end the names of public bodies, whose names may hold
# an "and" ("Food and Drug Administration"); firms' ("Systems", "Pictures") do not.
INSTITUTIONS = frozenset({
    "administration", "agency", "authority", "bank", "board", "centre", "center", "commission", "committee",
    "council", "department", "federation", "institute", "ministry", "office", "organisation", "organization",
    "tribunal", "court", "fund"})
ADJECTIVE = re.compile(r"(ale|al|aux|ique|ier|iere|ien|ienne|aire|elle|el|if|ive|eure|eur|ais|aise|ain|aine|ees?|ee|nal|nale|taire)$")
ROMAN = re.compile(r"^[IVXLC]+$")


@lru_cache(maxsize=1)
def known() -> tuple[frozenset, int, frozenset]:
    """Well-known organisation names, the most words in one of them, their first words."""
    data = yaml.load(resources.files("build_scripts").joinpath("data/organizations.yml").read_text("utf-8"),
                     Loader=yaml.BaseLoader)
    names = frozenset(" ".join(t.text for t in tokenize(n)) for group in data.values() for n in group)
    # an acronym said as a word is also written so ("Nato", "Opec", "Unicef", "Ukip": the BBC's style)
    names |= frozenset(n.capitalize() for n in names if n.isupper() and n.isalpha() and len(n) >= 4)
    return names, max(len(n.split()) for n in names), frozenset(n.split()[0] for n in names)


def extract(lines: list[Line], language: str, exclude: set[str],
            taken: AbstractSet[tuple[int, int, int]] = frozenset()) -> tuple[list[Mention], list]:
    vocab = vocabulary()
    gaz = load_gazetteer()
    names, longest, starts = known()
    found: dict[str, Mention] = {}
    spans = []
    people: dict[int, list[tuple[int, int]]] = {}
    for number, start, end in taken:
        people.setdefault(number, []).append((start, end))

    def keep(form: str, line: Line, rule: str, start: int, end: int, listed: bool = True) -> None:
        """An organisation found, its span no country's; with `listed` false, the span only."""
        form = form.strip(" ,;:")
        if fold(form) in exclude or not form:
            return
        if any(s < end and start < e for s, e in people.get(line.number, [])):
            return          # "Marine Le Pen" is a person, not the Marine
        spans.append((line.number, _after_country(line.text, start, end), _before_nationality(line.text, start, end)))
        if not listed:
            return
        key = fold(form)
        if key in found:
            m = found[key]
            found[key] = Mention(m.key, tuple(dict.fromkeys(m.forms + (form,))), m.cue)
        else:
            found[key] = Mention(form, (form,), Cue(rule, line.number, form))

    for line in lines:
        text = line.text
        toks = tokenize(text)
        i = plain_until = 0
        while i < len(toks):
            tok = toks[i]
            if not tok.capitalised and not tok.acronym and tok.text not in starts:
                i += 1          # most words: neither a name's start nor an acronym
                continue
            n = _known_at(toks, i, names, longest) if tok.text in starts else 0
            if not n and _lead_not_of_name(text, toks, i, language):
                i += 1          # "Président de l'Assemblée", "Sortir de l'Union": the name starts later
                continue
            # No part of a capitalised run without an organisation word has one:
            # skip rescanning it from every word (quadratic on long runs).
            j, has_head, role = _phrase(text, toks, i, language) if i >= plain_until else (i + 1, False, False)
            if not has_head:
                plain_until = max(plain_until, j)
            if n and not (has_head and not role and j - i > n) and not in_a_country(toks, i, i + n) \
                    and not (n == 1 and _word_before_de(text, toks, i, language)):
                keep(text[toks[i].start:toks[i + n - 1].end], line, "well-known organisation",
                     toks[i].start, toks[i + n - 1].end)
                i += n
                continue
            if has_head and not role and j - i >= 1:
                start, end = toks[i].start, toks[j - 1].end
                words = [t for t in toks[i:j]]
                if len(words) > 1 or words[0].acronym:
                    keep(text[start:end], line, "organisation word", start, end, not _an_event(words, language))
                i = j
                continue
            if (tok.acronym and 2 <= len(tok.text) <= 7 and not ROMAN.match(tok.text)
                    and not tok.text[0].isdigit()         # "5GB", "3GSM": a size, a standard's event
                    and not _a_model(tok, names)
                    and not vocab.is_common(tok.text) and tok.folded not in vocab.common_acronyms
                    and not gaz.lookup(tok.text) and not text.isupper() and line.role != "title"
                    and not (i == 0 and _dateline_place(text, language))
                    and not _capital_word(tok, language) and not _in_capitals(text, toks, i, language)):
                keep(tok.text, line, "acronym", tok.start, tok.end)
            i += 1
    return sorted(found.values(), key=lambda m: sort_key(m.key)), spans


def _word_before_de(text: str, toks: tuple[Token, ...], i: int, language: str) -> bool:
    """A well-known name of one word that is a place's word, before "de" in
    French: a place ("le Sud de la France"), not the union."""
    if language != "fr" or i + 1 >= len(toks) or toks[i].folded not in vocabulary().place_heads:
        return False
    return toks[i + 1].folded in ("de", "du", "des") and joined(text, toks[i], toks[i + 1]) \
        or text[toks[i].end:toks[i + 1].start] in ELIDED_D


def _a_model(tok: Token, names: frozenset) -> bool:
    """Capitals with figures ("A400M", "COP21", "RN12", "SP2"): a model, a
    road, a conference, a release; not an organisation unless the letters
    are a well-known one's ("BBC1", "ITV1": its channels)."""
    return any(c.isdigit() for c in tok.text) and tok.text.rstrip("0123456789") not in names


def _an_event(words: list[Token], language: str) -> bool:
    """A name with an organisation word that is an event's, an award's or a
    law's (`vocabulary().event_heads`): ending in it ("the Academy Awards"), or
    opening with it in French ("Festival de Cannes", "Coupe de France" in any
    language). Its words still tag no country (the span is kept)."""
    heads = vocabulary().event_heads
    return words[-1].folded in heads or words[0].folded in heads and (
        language == "fr" or len(words) > 1 and words[1].folded in CONNECTORS_FR)


def _after_country(text: str, start: int, end: int) -> int:
    """Where an organisation's name stops counting for countries: after the
    country or nationality opening it, which names the country the
    organisation belongs to ("the Russian Defence Ministry", "the US Federal
    Bureau of Investigation"), unlike one inside it ("the Bank of England")."""
    name = text[start:end]
    toks = tokenize(name)
    for n in range(min(3, len(toks) - 1), 0, -1):
        if all(joined(name, a, b) for a, b in zip(toks, toks[1:n])) \
                and _country_of(" ".join(t.text for t in toks[:n])) and not _given_name_first(toks, n):
            return start + toks[n - 1].end
    return start


def _before_nationality(text: str, start: int, end: int) -> int:
    """Where an organisation's name stops counting for countries: before a
    nationality in lower case inside it, which names the country it belongs
    to ("la Fédération royale belge des transporteurs", "le Parlement wallon")."""
    for tok in tokenize(text[start:end])[1:]:
        if not tok.capitalised:
            hit = load_gazetteer().lookup(tok.text)
            if hit and hit[1] == "demonym" and hit[0]:
                return start + tok.start
    return end


def _given_name_first(toks: tuple[Token, ...], n: int) -> bool:
    """A country's name that is also a given name, before a word that may be
    a surname: "the Salvador Allende Foundation" is named after a person."""
    word = toks[0].text
    return n == 1 and not toks[0].acronym and load_gazetteer().kind(word) == "name" \
        and first_names()(word) and not common_word(toks[1].text, "en") and not vocabulary().is_common(toks[1].text)


def in_a_country(toks: tuple[Token, ...], start: int, end: int, before: int = 3) -> bool:
    """Whether the words from `start` to `end` are part of a longer country's
    name, which opens up to `before` words earlier: "Sud" in "l'Afrique du
    Sud" is no trade union, "Porto" in "Porto Rico" no club, "Trinidad" in
    "Trinidad and Tobago" no person."""
    starts = load_gazetteer().starts        # the first words of names of two words or more
    return any(_country_of(" ".join(t.text for t in toks[a:b]))
               for a in range(max(0, start - before), start + 1) if toks[a].text in starts
               for b in range(end, min(len(toks), end + 3) + 1) if b - a > end - start)


def _country_of(phrase: str) -> str:
    """The country a phrase names (a name, demonym or place), or ''."""
    found = load_gazetteer().lookup(phrase)
    return found[0] if found else ""


def _capital_word(tok: Token, language: str) -> bool:
    """A common word of four letters or more set in capitals ("VIDÉOS", "MATCH"):
    not an acronym. Shorter ones are left alone: wordfreq counts "FT" and "NFL"
    as the words "ft" and "nfl"."""
    return len(tok.text) >= 4 and common_word(tok.text, language)


def _in_capitals(text: str, toks: tuple[Token, ...], i: int, language: str) -> bool:
    """Whether the word is one of a phrase set in capitals, next to a common
    word in capitals: a section's label ("LE SCAN POLITIQUE - ..."), not an acronym."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks) and toks[j].acronym and joined(text, toks[min(i, j)], toks[max(i, j)]) \
                and (_capital_word(toks[j], language)
                     or vocabulary().is_common(toks[j].text) and not _country_of(toks[j].text)):
            return True
    return False


def _dateline_place(text: str, language: str) -> bool:
    """Whether a line opens with a dateline ("GENÈVE, 15 mars 2019 (AP) -"):
    its capitalised first word is where the story was filed, not an
    organisation."""
    m = DATELINE.match(text)
    if not m:
        return False
    place = text[:m.start("date")].rstrip()
    return (place.endswith(",") and all(word[:1].isupper() for word in place[:-1].split())
            and bool("(" in m.group(0) or parse_date(m.group("date"), language)))


def _known_at(toks: tuple[Token, ...], i: int, names: frozenset, longest: int) -> int:
    """How many tokens from i spell a well-known organisation (0 if none)."""
    for n in range(min(longest, len(toks) - i), 0, -1):
        if " ".join(t.text for t in toks[i:i + n]) in names:
            return n
    return 0


def _phrase(text: str, toks: tuple[Token, ...], i: int, language: str) -> tuple[int, bool, bool]:
    """End index of a capitalised (or French head + tail) phrase from i; whether it
    holds an organisation word; whether it is a role phrase ("Army Chief")."""
    vocab = vocabulary()
    gaz = load_gazetteer()
    tok = toks[i]
    if not tok.capitalised or tok.folded in vocab.function_words and not _inner_adjective(text, toks, i):
        return i + 1, False, False
    j = i + 1
    has_head = tok.folded in vocab.org_heads
    role = False
    while j < len(toks) and (joined(text, toks[j - 1], toks[j])
                             or text[toks[j - 1].end:toks[j].start] in ("'", "’", " d'", " l'", " d’", " l’")
                             or text[toks[j - 1].end:toks[j].start] in ("'s ", "’s ")
                             and toks[j - 1].folded in PLURALS_OF_PEOPLE):
        t = toks[j]
        if t.folded in vocab.calendar or t.folded in vocab.function_words and t.capitalised \
                and not _inner_adjective(text, toks, j):
            break
        if t.text.isdigit() and len(t.text) == 1 and toks[j - 1].folded in NUMBERED:
            j += 1          # "BBC Radio 4", "Channel 5": a station's number ends its name
            break
        if t.capitalised:
            if has_head and vocab.is_title(t.text) and t.folded not in vocab.org_heads:
                role = True
            has_head = has_head or t.folded in vocab.org_heads
            j += 1
        elif t.folded in CONNECTORS and j + 1 < len(toks) and toks[j + 1].capitalised \
                and t.folded not in ARTICLES and not (j - 1 == i and tok.acronym):
            j += 1          # not "à l'AFP la Direction", "la présidente LR du Conseil": two names
        elif t.folded == "and" and (_and_in_complement(text, toks, i, j) if has_head
                                    else _and_inside(text, toks, i, j)):
            j += 1
        elif language == "fr" and has_head and toks[j - 1].capitalised and (
                t.folded in CONNECTORS_FR and t.folded not in ARTICLES
                or text[toks[j - 1].end:t.start] in ELIDED_D       # "Chambre d'agriculture"
                or _adjective_after(text, toks, j, gaz)):                # "Parlement wallon"
            j = _french_tail(text, toks, j, gaz)
            break
        else:
            break
    while j - 1 > i and not toks[j - 1].capitalised and toks[j - 1].folded in CONNECTORS:
        j -= 1          # a connector the phrase did not go on after ("the Office for" + "national")
    if has_head and toks[j - 1].folded in vocab.titles and toks[j - 1].folded not in vocab.org_heads:
        role = True
    if has_head and (all(t.folded in vocab.common_acronyms or _country_of(t.text) for t in toks[i:j])
                     or _country_of(text[tok.start:toks[j - 1].end])):
        has_head = False    # "TV", "US TV": a common noun; "United States", "Czech Republic": a country
    head_first = tok.folded in vocab.org_heads and j == i + 1
    if head_first and not tok.acronym:
        has_head = False   # a lone "Council" or "Parti" is not a name
    return j, has_head, role


def _lead_not_of_name(text: str, toks: tuple[Token, ...], i: int, language: str) -> bool:
    """A capitalised first word joined to a name by a lower-case connector
    that is no part of it: a title ("Président de l'Assemblée"), a common
    word opening the sentence ("Sortir de l'Union"), or in French any word
    but an organisation's before "pour" ("Idem pour l'Union des étudiants",
    "Elabe pour BFM TV"; not "Fondation pour la nature")."""
    tok = toks[i]
    if tok.acronym or i + 1 >= len(toks) or tok.folded in vocabulary().org_heads:
        return False
    gap = text[tok.end:toks[i + 1].start]
    nxt = toks[i + 1]
    if gap in ELIDED_DE:
        connector = "de" if "d" in gap else "la"
    elif gap == " " and not nxt.capitalised and nxt.folded in CONNECTORS:
        connector = nxt.folded
    else:
        return False
    if language == "fr" and connector == "pour":
        return True
    return vocabulary().is_title(tok.text) or sentence_start(text, tok) and common_word(tok.text, language)


PRONOUNS_FR = frozenset({"se", "s", "me", "m", "te", "nous", "vous", "lui", "leur", "en", "y"})
IRREGULAR_VERBS_FR = frozenset({
    "faire", "etre", "avoir", "dire", "prendre", "mettre", "voir", "ecrire", "vivre", "suivre", "croire", "lire",
    "conduire", "produire", "construire", "detruire", "reduire", "promouvoir", "recevoir", "ouvrir", "offrir",
    "couvrir", "decouvrir", "connaitre", "paraitre", "naitre", "comprendre", "apprendre", "reprendre",
    "permettre", "soumettre", "transmettre", "remettre", "admettre", "mourir", "courir", "savoir", "vouloir"})
VERB_FORM_ZIPF = 2.5       # a participle at least this frequent in French says the word is a verb's


def french_verb(word: str, infinitive: bool) -> bool:
    """Whether a French word is a verb's infinitive (with `infinitive`:
    "saisir", "vérifier", "défendre", "faire") or else its present ("cale"
    of "caler"): known by its participles in wordfreq's French list
    ("saisi", "vérifié", "défendu" and "défendant"), which nouns ending
    alike lack ("quartier", "dossier", "avenir", "ordre")."""
    word = word.lower()
    if not infinitive:
        return word.endswith("e") and _frequent_fr(word + "r") and _frequent_fr(word[:-1] + "é")
    if fold(word) in IRREGULAR_VERBS_FR:
        return True
    stem = word[:-2]
    if word.endswith("er"):
        return _frequent_fr(stem + "é")
    if word.endswith("ir"):
        return _frequent_fr(stem + "i") or _frequent_fr(stem + "u") and _frequent_fr(stem + "ant")
    if word.endswith("re"):
        return _frequent_fr(stem + "ant")
    return False


@lru_cache(maxsize=20_000)
def _frequent_fr(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "fr") >= VERB_FORM_ZIPF


def _and_inside(text: str, toks: tuple[Token, ...], i: int, j: int) -> bool:
    """"and" (token j) inside a name: "Food and Drug Administration",
    "Foreign and Commonwealth Office". The words before it (from i) hold no
    organisation word ("Bank and Canal Bank"; so "US Securities and Exchange
    Commission" stays two names), given name or place ("Africa and Standard
    Trust"; a country may open a longer name), and one or two
    capitalised words after it end with the word of a public body
    (INSTITUTIONS: "Apple Computer and Cisco Systems" are two firms), none of
    them a place, a nationality or a word that opens no name ("Schroeder and
    European Commission", "Gervais and The Office"), nor are they a
    well-known name on their own."""
    vocab = vocabulary()
    gaz = load_gazetteer()
    is_given_name = first_names()
    if any(not t.capitalised or t.folded in vocab.org_heads or is_given_name(t.text)
           or (gaz.lookup(t.text) or t.acronym) and (k > i or j == i + 1)   # "US Food and ...": a country may open it
           for k, t in enumerate(toks[i:j], i)):
        return False
    for k in range(j + 1, min(j + 3, len(toks))):
        t = toks[k]
        if not (t.capitalised and joined(text, toks[k - 1], t)) or t.folded in vocab.function_words \
                or gaz.lookup(t.text):
            return False
        if t.folded in vocab.org_heads:
            after = " ".join(w.text for w in toks[j + 1:k + 1])
            return k > j + 1 and t.folded in INSTITUTIONS and after not in known()[0]
    return False


NUMBERED = frozenset({"radio", "channel"})
ELIDING = frozenset({"de", "pour", "et", "a"})   # words after which "l'" is the article: "de l'ordre"
COMPLEMENT_HEADS = frozenset({"department", "ministry", "committee", "commission", "council", "office",
                              "institute", "agency", "secretary"})


def _and_in_complement(text: str, toks: tuple[Token, ...], i: int, j: int) -> bool:
    """"and" (token j) joining two words of a public body's complement:
    "Department of Trade and Industry", "Department for Work and Pensions";
    not "Department of Health and Home Office" (two bodies), nor a person, a
    place or a well-known name after it."""
    vocab = vocabulary()
    words = [t.folded for t in toks[i:j]]
    if not any(w in COMPLEMENT_HEADS and k + 1 < len(words) and words[k + 1] in ("of", "for")
               for k, w in enumerate(words)):
        return False
    k = j + 1
    while k < len(toks) and k < j + 3 and toks[k].capitalised and joined(text, toks[k - 1], toks[k]):
        t = toks[k]
        if t.acronym or t.folded in vocab.org_heads or t.folded in vocab.function_words or load_gazetteer().lookup(t.text) \
                or first_names()(t.text) or t.text in known()[0]:
            return False
        k += 1
    return k > j + 1 and (k == len(toks) or not toks[k].capitalised)


def _inner_adjective(text: str, toks: tuple[Token, ...], i: int) -> bool:
    """"National", "Royal"...: a word that opens no name standing before a
    capitalised word of the same name ("the Royal Bank", "Office for National Statistics")."""
    return toks[i].folded in INNER_ADJECTIVES and i + 1 < len(toks) and toks[i + 1].capitalised \
        and joined(text, toks[i], toks[i + 1])


def _adjective_after(text: str, toks: tuple[Token, ...], j: int, gaz) -> bool:
    """A French adjective in lower case right after a name's last word: a
    nationality or region's ("Parlement wallon", "Sénat belge"), or one with
    an adjective's ending that is no verb ("Conseil constitutionnel")."""
    t = toks[j]
    if t.capitalised or text[toks[j - 1].end:t.start] != " " or t.folded in vocabulary().function_words \
            or j >= 2 and toks[j - 2].folded in ("une", "un", "des", "cette", "leur", "sa", "son"):
        return False            # "une Police politique": a kind of thing, not a name
    if toks[j - 1].folded in NOT_BEFORE_ADJECTIVE or ADJECTIVE_LIST.match(text, t.end):
        return False        # "la République française" (the state), "le Conseil économique, social et ..." (cut)
    hit = gaz.lookup(t.text)
    if hit and hit[1] == "demonym":
        return True
    return toks[j - 1].text not in known()[0] and bool(ADJECTIVE.search(t.folded)) and not french_verb(t.text, False)


NOT_BEFORE_ADJECTIVE = frozenset({"republique", "front", "monde"})
ADJECTIVE_LIST = re.compile(r",\s+[a-zà-ÿ]+\s+et\s+[a-zà-ÿ]+")      # ", social et environnemental": not all taken


def _french_tail(text: str, toks: tuple[Token, ...], j: int, gaz) -> int:
    """'Conseil' + 'de sécurité russe': connector, one word, then adjectives
    (of nationality or with an adjective ending) and further connectors."""
    vocab = vocabulary()
    k = j
    after_connector = False
    while k < len(toks) and (text[toks[k - 1].end:toks[k].start] in WORD_GAPS or
                             text[toks[k - 1].end:toks[k].start] in ELIDED_DE and toks[k - 1].folded in ELIDING):
        t = toks[k]
        if text[toks[k - 1].end:toks[k].start] in ELIDED_DE:
            after_connector = True          # "de l'ordre", "et d'industrie": the elided article or "de"
        if t.folded in CONNECTORS_FR:
            if t.folded in ARTICLES and toks[k - 1].folded not in CONNECTORS_FR:
                break       # an article after "de", "pour": not "BFM TV le secrétaire"
            k += 1
            after_connector = True
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if t.folded == "et" and not after_connector and nxt is not None and not nxt.capitalised and (
                nxt.folded in ("de", "du", "des") and k + 2 < len(toks) and not toks[k + 2].capitalised
                or text[t.end:nxt.start] in ELIDED_DE
                or ADJECTIVE.search(toks[k - 1].folded) and ADJECTIVE.search(nxt.folded)
                and not french_verb(nxt.text, False)):
            k += 1          # "et de la distribution", "et d'industrie", "économique et social"
            continue
        if t.folded in vocab.function_words or t.folded in vocab.speech or t.folded in PRONOUNS_FR \
                or french_verb(t.text, after_connector):
            break           # "Sénat de saisir la justice", "Conseil des ministres cale": a verb
        hit = gaz.lookup(t.text)
        if after_connector or (hit and hit[1] == "demonym") or ADJECTIVE.search(t.folded):
            k += 1
            after_connector = False
            continue
        break
    while k > j and toks[k - 1].folded in TAIL_END:
        k -= 1
    return k
