"""Cross-references: one actor per person across the archive, articles per
actor and per country, who and what is named together, stories and related
articles."""
from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from typing import AbstractSet, Callable

from . import stories
from .gazetteer import load as load_gazetteer
from .extract.people import FEMALE, LONE_COMMON_WORD, LONE_WORD, MALE, NOBLE, WEAK_CUES, title_of
from .extract.places import is_city, is_place
from .extract.tokens import PARTICLES, first_names, vocabulary
from .models import Actor, Archive, Article, Country, Cue, Mention
from .names import fold, gender, match_keys, prefer, same_person, slugify, sort_key
from .registry import Registry

NAMED_IN_FULL = 2       # articles naming a person in full before their surname alone is tied to them elsewhere
LONE = (LONE_WORD, LONE_COMMON_WORD)
SURNAME_ELSEWHERE = "surname of the one person of that surname the archive names in full"


def build(articles: list[Article], registry: Registry, problems: list,
          meanwhile: Callable[[Archive], None] | None = None) -> Archive:
    """The archive: names made one per person, actors and countries with
    their articles, stories and related articles. Pages that show no story
    can be made from the archive given to `meanwhile`, everything but the
    stories, while the stories are found."""
    spellings = canonical_names(articles, registry)
    articles = [renamed(art, spellings) for art in articles]
    owners = surname_owners(articles)
    known = {e.name for e in registry.entries}
    articles = [lone_surnames(art, owners, known) for art in articles]
    ordered = sorted(articles, key=lambda a: a.sort_key)
    actors, countries = _people_and_places(ordered, registry)
    archive = Archive(tuple(ordered), actors, countries, tuple(problems),
                      spellings={k: v for k, v in spellings.items() if k != v}, surnames=owners)
    if meanwhile:
        meanwhile(archive)
    found, related = stories.find(articles)
    story_of = {i: s.id for s in found for i in s.articles}
    return dataclasses.replace(archive, articles=tuple(dataclasses.replace(a, story=story_of.get(a.id))
                                                       for a in ordered), stories=found, related=related)


def _people_and_places(ordered: list[Article], registry: Registry) -> tuple[tuple[Actor, ...], tuple[Country, ...]]:
    people = named_together(ordered, "actors")
    places = named_together(ordered, "countries")
    by_actor: dict[str, list[str]] = defaultdict(list)
    by_country: dict[str, list[str]] = defaultdict(list)
    forms_of: dict[str, set[str]] = defaultdict(set)
    actor_countries: dict[str, Counter] = defaultdict(Counter)     # country -> actors
    country_actors: dict[str, Counter] = defaultdict(Counter)     # actor -> countries
    nationality: dict[str, Counter] = defaultdict(Counter)        # actor -> countries the texts give them
    for art in ordered:
        for m in art.actors:
            by_actor[m.key].append(art.id)
            forms_of[m.key].update(m.forms)
            if m.country:
                nationality[m.key][m.country] += 1
        people_here = [m.key for m in art.actors]
        for c in art.countries:
            by_country[c.key].append(art.id)
            actor_countries[c.key].update(people_here)
        places_here = [c.key for c in art.countries]
        for m in art.actors if places_here else ():
            country_actors[m.key].update(places_here)

    entries = {e.name: e for e in registry.entries}
    order = alphabetical(by_actor, by_country, *nationality.values())     # every name most_first sorts
    actors = []
    slugs: set[str] = {"index"}        # actors/index.md is the list of actors
    for name in sorted(by_actor, key=order.__getitem__):
        entry = entries.get(name)
        slug = unique_slug(slugify(name), slugs)
        forms = sorted(forms_of[name] - {name}, key=sort_key)
        aliases = tuple(dict.fromkeys((entry.aliases if entry else ()) + tuple(forms)))
        said = most_first(nationality[name], order)
        country = entry.country if entry and entry.country else (said[0][0] if said else None)
        actors.append(Actor(
            name=name, slug=slug, aliases=aliases,
            country=country,
            roles=entry.roles if entry else (),
            external_id=entry.external_id if entry else None,
            articles=tuple(by_actor[name]), in_registry=entry is not None,
            people=most_first(people[name], order),
            countries=most_first(country_actors[name], order),
        ))
    names = load_gazetteer().names
    countries = [
        Country(code=code, name=names.get(code, code), articles=tuple(by_country[code]),
                actors=most_first(actor_countries[code], order),
                countries=most_first(places[code], order))
        for code in sorted(by_country)
    ]
    return tuple(actors), tuple(countries)


def named_together(articles: list[Article], field: str) -> dict[str, Counter]:
    """For each tag, how many articles also name each other tag of the same kind."""
    together: dict[str, Counter] = defaultdict(Counter)
    for art in articles:
        keys = sorted({m.key for m in getattr(art, field)})
        for a in keys:
            together[a].update(keys)        # itself too, taken out at the end: quicker than leaving it out each time
    for a, others in together.items():
        del others[a]
    return together


def most_first(counts: Counter, order: dict[str, int] | None = None) -> tuple[tuple[str, int], ...]:
    """Most counted first, then alphabetically (sort_key). `order`, each
    name's place in alphabetical order (see alphabetical), saves working out
    sort keys again in every list: two sorts on keys C can look up, the first
    alphabetical and the second, stable, by count, give the same order."""
    if order is None:
        return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], *sort_key(kv[0]))))
    names = sorted(counts, key=order.__getitem__)
    names.sort(key=counts.__getitem__, reverse=True)      # reverse keeps equal counts in their order
    return tuple(zip(names, map(counts.__getitem__, names)))


def alphabetical(*names) -> dict[str, int]:
    """Each of the names, from any number of collections, by its place in alphabetical order (sort_key)."""
    return {name: i for i, name in enumerate(sorted(set().union(*names), key=sort_key))}


def canonical_names(articles: list[Article], registry: Registry) -> dict[str, str]:
    """One name per person across the archive: {name found: name used}.
    Names the registry knows are already canonical; other spellings of one
    person (Nunez/Nuñez, Patrouchev/Patrushev, Le Pen/Lepen) are merged when
    their surnames sound alike and their given names agree, and take the
    most used, best-accented spelling."""
    known = {e.name for e in registry.entries}
    uses: dict[str, int] = defaultdict(int)
    for art in articles:
        for m in art.actors:
            uses[m.key] += 1
    names = sorted(uses, key=sort_key)
    parent = {n: n for n in names}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    blocks: dict[str, list[int]] = defaultdict(list)      # match key -> names (by their place in `names`)
    for i, n in enumerate(names):
        if len(n.split()) > 1:
            for key in match_keys(n):
                blocks[key].append(i)
    pairs = sorted({(i, j) for block in blocks.values() for k, i in enumerate(block) for j in block[k + 1:]})
    for i, j in pairs:
        a, b = names[i], names[j]
        if (a not in known or b not in known) and same_person(a, b):
            ra, rb = root(a), root(b)
            if ra != rb and not (ra in known and rb in known):
                parent[rb if ra in known else ra] = ra if ra in known else rb
    clusters: dict[str, list[str]] = defaultdict(list)
    for n in names:
        clusters[root(n)].append(n)
    best = {}
    for members in clusters.values():
        registered = [m for m in members if m in known]
        name = registered[0] if registered else prefer([m for m in members for _ in range(uses[m])])
        for member in members:
            best[member] = name
    return best


def renamed(art: Article, best: dict[str, str]) -> Article:
    """The article with each person under the name `best` gives (their own if
    none), the mentions of one person merged."""
    merged: dict[str, Mention] = {}
    for m in art.actors:
        name = best.get(m.key, m.key)
        old = merged.get(name)
        forms = (old.forms if old else ()) + m.forms
        merged[name] = Mention(name, tuple(dict.fromkeys(forms)), old.cue if old else m.cue,
                               (old.country if old else None) or m.country)
    return dataclasses.replace(art, actors=tuple(sorted(merged.values(), key=lambda m: sort_key(m.key))))


def full_surname(name: str) -> str:
    """A name's surname with its particles, folded: "Marine Le Pen" -> "le pen"."""
    words = fold(name).split()
    k = len(words) - 1
    while k > 1 and words[k - 1] in PARTICLES:
        k -= 1
    return " ".join(words[k:])


def surname_owners(articles: list[Article]) -> dict[str, str]:
    """{surname: person} for the surnames of exactly one person across the
    archive, when at least NAMED_IN_FULL articles name that person in full
    with a given name or a sign stronger than a nationality, title, role or
    verb of saying next to it ("Hardcourt Championships" is no owner),
    and no fewer than give the surname alone with nothing to tie it to
    anyone: a word given alone more often than the name in full is most
    often something else ("World" against "Jeremy World")."""
    owners: dict[str, set[str]] = defaultdict(set)
    in_full: Counter = Counter()
    alone: Counter = Counter()
    for art in articles:
        for m in art.actors:
            words = m.key.split()
            if len(words) > 1 and fold(words[0]) not in NOBLE:      # "Lord Archer" is no full name
                owners[full_surname(m.key)].add(m.key)
                if any(len(f.split()) > 1 for f in m.forms) and (m.cue.rule not in WEAK_CUES
                                                                   or first_names()(words[0])):
                    in_full[m.key] += 1
        alone.update({fold(r.text) for r in art.rejected if r.reason in LONE})
    out = {}
    for name, people in owners.items():
        if len(people) == 1:
            (person,) = people
            if in_full[person] >= max(NAMED_IN_FULL, alone[name]):
                out[name] = person
    return out


def lone_surnames(art: Article, owners: dict[str, str], known: AbstractSet[str] = frozenset()) -> Article:
    """A surname the article gives alone is tied to the one person of the
    archive with that surname (see surname_owners): a word with nothing in
    it to say whose name it is ("Macron disait"), unless it is also a given
    name, a town's name or an organisation's head word ("Orange",
    "Cinema"); and a person the article names by title and surname only
    ("Mr Blair"), unless the title says a woman and the given name a man,
    or the other way round. People in the registry (`known`) stay as they are."""
    if not owners:
        return art
    named = {m.key for m in art.actors}
    merged: dict[str, Mention] = {m.key: m for m in art.actors}
    for m in art.actors:
        owner = _owner_by_title(m, owners) if m.key not in known else None
        if owner:
            old = merged.get(owner)
            del merged[m.key]
            merged[owner] = Mention(owner, tuple(dict.fromkeys((old.forms if old else ()) + m.forms)),
                                    old.cue if old else Cue(f"{m.cue.rule}, {SURNAME_ELSEWHERE}", m.cue.line,
                                                            m.cue.text),
                                    (old.country if old else None) or m.country)
    kept = []
    for r in art.rejected:
        person = owners.get(fold(r.text)) if r.reason in LONE else None
        if person is None or person in named or first_names()(r.text) or not _may_be_surname(r.text):
            kept.append(r)
        elif person not in merged:
            merged[person] = Mention(person, (r.text,), Cue(SURNAME_ELSEWHERE, r.line, r.text))
    if len(kept) == len(art.rejected) and list(merged.values()) == list(art.actors):
        return art
    actors = tuple(sorted(merged.values(), key=lambda m: sort_key(m.key)))
    return dataclasses.replace(art, actors=actors, rejected=tuple(kept))


def _owner_by_title(m: Mention, owners: dict[str, str]) -> str | None:
    """The person a title and surname alone ("Mr Blair") stand for, if any."""
    title = title_of(m.cue.rule)
    if title is None or " " in m.key or not _may_be_surname(m.key):
        return None
    owner = owners.get(fold(m.key))
    if owner is None:
        return None
    given = gender(owner.split()[0])
    title = fold(title)
    if title in MALE and given != "male" or title in FEMALE and given != "female":
        return None
    return owner


def _may_be_surname(word: str) -> bool:
    return not (is_city(word) or is_place(word) or fold(word) in vocabulary().org_heads)


def unique_slug(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate
