"""Cross-references: one actor per person across the archive, articles per
actor and per country, actors seen with each country."""
from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

from .gazetteer import load as load_gazetteer
from .models import Actor, Archive, Article, Country, Mention
from .names import fold, prefer, slugify, sort_key
from .registry import Registry


def build(articles: list[Article], registry: Registry, problems: list) -> Archive:
    articles = canonical_actor_names(articles)
    ordered = sorted(articles, key=lambda a: a.sort_key)
    by_actor: dict[str, list[str]] = defaultdict(list)
    by_country: dict[str, list[str]] = defaultdict(list)
    actor_countries: dict[str, Counter] = defaultdict(Counter)
    for art in ordered:
        for m in art.actors:
            by_actor[m.key].append(art.id)
        for c in art.countries:
            by_country[c.key].append(art.id)
            for m in art.actors:
                actor_countries[c.key][m.key] += 1

    entries = {e.name: e for e in registry.entries}
    actors = []
    slugs: set[str] = set()
    for name in sorted(by_actor, key=sort_key):
        entry = entries.get(name)
        slug = unique_slug(slugify(name), slugs)
        forms = sorted({f for a in ordered for m in a.actors if m.key == name for f in m.forms} - {name}, key=sort_key)
        aliases = tuple(dict.fromkeys((entry.aliases if entry else ()) + tuple(forms)))
        actors.append(Actor(
            name=name, slug=slug, aliases=aliases,
            country=entry.country if entry else None,
            roles=entry.roles if entry else (),
            external_id=entry.external_id if entry else None,
            articles=tuple(by_actor[name]), in_registry=entry is not None,
        ))
    names = load_gazetteer().names
    countries = [
        Country(code=code, name=names.get(code, code), articles=tuple(by_country[code]),
                actors=tuple(sorted(actor_countries[code].items(), key=lambda kv: (-kv[1], *sort_key(kv[0])))))
        for code in sorted(by_country)
    ]
    return Archive(tuple(ordered), tuple(actors), tuple(countries), tuple(problems))


def canonical_actor_names(articles: list[Article]) -> list[Article]:
    """Names the registry does not know are spelt one way across the archive:
    every spelling that folds to the same name (Nunez, Nuñez) takes the
    preferred one."""
    spellings: dict[str, list[str]] = defaultdict(list)
    for art in articles:
        for m in art.actors:
            spellings[fold(m.key)].append(m.key)
    best = {k: prefer(v) for k, v in spellings.items()}
    out = []
    for art in articles:
        merged: dict[str, Mention] = {}
        for m in art.actors:
            name = best[fold(m.key)]
            old = merged.get(name)
            forms = (old.forms if old else ()) + m.forms
            merged[name] = Mention(name, tuple(dict.fromkeys(forms)), old.cue if old else m.cue)
        out.append(dataclasses.replace(art, actors=tuple(sorted(merged.values(), key=lambda m: sort_key(m.key)))))
    return out


def unique_slug(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate
