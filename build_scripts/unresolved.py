"""Names the archive could not settle on its own, with the registry entry
that would settle each: spellings that look like variants of another name,
surnames that an article gives alone and several people bear, and the
people followed (in the registry, or named in three articles or more) with
no known country."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from . import yaml_text
from .index import LONE
from .models import Archive
from .names import close_surnames, compatible_given_names, fold, sort_key, sound_key, surname
from .render_people import FOLLOWED_FROM, followed


@dataclass(frozen=True)
class Suggestion:
    kind: str                 # variant | ambiguous surname | no country
    names: tuple[str, ...]
    message: str
    registry_yaml: str        # ready to paste under `actors:` in articles/actors.yml


def _entry(name: str, **fields) -> str:
    data = [{"name": name, **{k: v for k, v in fields.items() if v}}]
    return yaml_text.safe_dump(data, default_flow_style=False)


def report(archive: Archive) -> list[Suggestion]:
    actors = {a.name: a for a in archive.actors}
    full = [a for a in archive.actors if len(a.name.split()) > 1]
    single = [a for a in archive.actors if len(a.name.split()) == 1]
    out: list[Suggestion] = []

    by_surname: dict[str, list[str]] = defaultdict(list)
    for a in full:
        by_surname[surname(a.name)].append(a.name)
    for a in single:
        owners = by_surname.get(fold(a.name), [])
        if len(owners) == 1:
            owner = actors[owners[0]]
            out.append(Suggestion("variant", (a.name, owner.name),
                                  f"'{a.name}' is probably {owner.name}: add it as an alias",
                                  _entry(owner.name, aliases=list(dict.fromkeys([*owner.aliases, a.name])))))

    by_sound: dict[str, list[str]] = defaultdict(list)
    for a in full:
        by_sound[sound_key(a.name)].append(a.name)
    for names in by_sound.values():
        names = sorted(names, key=sort_key)
        for i, x in enumerate(names):
            for y in names[i + 1:]:
                if surname(x) != surname(y) and close_surnames(surname(x), surname(y)) \
                        and compatible_given_names(x.split()[0], y.split()[0]):
                    keep, other = sorted((x, y), key=lambda n: (-len(actors[n].articles), sort_key(n)))
                    out.append(Suggestion("variant", (keep, other),
                                          f"'{other}' may be another spelling of {keep}: if so, add it as an alias",
                                          _entry(keep, aliases=[other])))

    alone = {fold(r.text) for art in archive.articles for r in art.rejected if r.reason in LONE}
    alone.update(fold(a.name) for a in single)
    for name, owners in sorted(by_surname.items()):
        if len(owners) > 1 and name in alone:         # some article gives the surname alone
            owners = sorted(owners, key=sort_key)
            out.append(Suggestion("ambiguous surname", tuple(owners),
                                  f"'{surname(owners[0]).title()}' alone could be any of {', '.join(owners)}: "
                                  "the article's full name decides, or give each their aliases",
                                  "".join(_entry(o) for o in owners)))

    for a in archive.actors:
        if not a.country and followed(a):
            out.append(Suggestion("no country", (a.name,), f"{a.name} has no country: add one (ISO code)",
                                  _entry(a.name, country="XX")))
    return out


def countless_text(n: int) -> str:
    """The people `countless` counts, in words, for a page or a terminal."""
    return (f"{n} more {'person' if n == 1 else 'people'} named in fewer than {FOLLOWED_FROM} articles "
            "with no country, not listed")


def countless(archive: Archive) -> int:
    """People with no country that `report` leaves out: those named in too
    few articles to be followed (most people an archive finds), whom a
    list of thousands would only bury."""
    return sum(1 for a in archive.actors if not a.country and not followed(a))
