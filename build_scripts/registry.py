"""The curated actor registry, `articles/actors.yml`: canonical names, aliases
in any spelling, country, roles with date ranges, optional external id.

Validated like a schema: every problem names the file and line, and all are
reported at once. When the registry knows a name, it decides.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem
from .models import Role
from .names import fold, match_keys, same_person, slugify, surname

REGISTRY_FILE = "actors.yml"
FIELDS = {"name", "aliases", "country", "roles", "id"}
ROLE_FIELDS = {"title", "from", "to"}


@dataclass(frozen=True)
class Entry:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    roles: tuple[Role, ...]
    external_id: str | None
    line: int

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name,) + self.aliases


@dataclass(frozen=True)
class Registry:
    entries: tuple[Entry, ...]
    by_form: dict           # folded name or alias -> Entry
    # answers already given: every article asks about the same names again
    _found: dict = field(default_factory=dict, compare=False, repr=False)

    def find(self, name: str) -> Entry | None:
        """The entry for a full name: an exact alias (folded), else one whose
        name or alias is the same person by spelling (close surname and first name)."""
        if name not in self._found:
            if len(self._found) > 100_000:
                self._found.clear()
            self._found[name] = self._find(name)
        return self._found[name]

    def _find(self, name: str) -> Entry | None:
        hit = self.by_form.get(fold(name))
        if hit or len(fold(name).split()) < 2:
            return hit
        matches = {e for key in match_keys(name) for e, form in self._blocks.get(key, ())
                   if same_person(name, form)}
        return matches.pop() if len(matches) == 1 else None

    @functools.cached_property
    def _blocks(self) -> dict[str, list[tuple[Entry, str]]]:
        """Full-name forms by match key: a name is compared with the forms
        it could match, not with the whole registry."""
        blocks: dict[str, list[tuple[Entry, str]]] = {}
        for e in self.entries:
            for form in e.forms:
                if len(form.split()) > 1:
                    for key in match_keys(form):
                        blocks.setdefault(key, []).append((e, form))
        return blocks

    def by_surname(self, word: str) -> Entry | None:
        """The one entry whose name or alias ends with this surname, if exactly one."""
        key = ("surname", word)
        if key not in self._found:
            self._found[key] = self._by_surname(word)
        return self._found[key]

    def _by_surname(self, word: str) -> Entry | None:
        hits = {e for e in self.entries for form in e.forms if surname(form) == fold(word)}
        return hits.pop() if len(hits) == 1 else None


EMPTY = Registry((), {})


def load(articles_dir: Path) -> tuple[Registry, list[Problem]]:
    path = articles_dir / REGISTRY_FILE
    if not path.is_file():
        return EMPTY, []
    rel = REGISTRY_FILE
    try:
        root = yaml.compose(path.read_text("utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        return EMPTY, [Problem(rel, mark.line + 1 if mark else 1,
                               f"not valid YAML ({getattr(exc, 'problem', exc)}): fix the line", "registry")]
    except UnicodeDecodeError:
        return EMPTY, [Problem(rel, 1, "not UTF-8 text: save the registry as UTF-8", "registry")]
    return parse(root, rel)


def parse(root, rel: str) -> tuple[Registry, list[Problem]]:
    problems: list[Problem] = []

    def bad(node, message: str) -> None:
        problems.append(Problem(rel, node.start_mark.line + 1, message, "registry"))

    if root is None:
        return EMPTY, []
    if isinstance(root, yaml.MappingNode):
        actors = next((v for k, v in root.value if k.value == "actors"), None)
        if actors is None:
            bad(root, "expected a list of actors under 'actors:'")
            return EMPTY, problems
        root = actors
    if not isinstance(root, yaml.SequenceNode):
        bad(root, "expected a list of actors, each starting with '- name: ...'")
        return EMPTY, problems

    entries: list[Entry] = []
    for item in root.value:
        entry = _entry(item, bad)
        if entry:
            entries.append(entry)

    by_form: dict[str, Entry] = {}
    for entry in entries:
        for form in entry.forms:
            owner = by_form.get(fold(form))
            if owner and owner.name != entry.name:
                problems.append(Problem(rel, entry.line, f"'{form}' is given for both '{owner.name}' "
                                        f"(line {owner.line}) and '{entry.name}': keep it on one of them",
                                        "registry"))
                continue
            by_form[fold(form)] = entry
    return Registry(tuple(entries), by_form), problems


def _scalar(node, bad, what: str) -> str | None:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        bad(node, f"{what} must be a single value")
        return None
    return str(node.value).strip()


def _entry(item, bad) -> Entry | None:
    if not isinstance(item, yaml.MappingNode):
        bad(item, "each actor must be a mapping with at least 'name:'")
        return None
    fields = {k.value: (k, v) for k, v in item.value}
    for key, (knode, _) in fields.items():
        if key not in FIELDS:
            bad(knode, f"unknown field '{key}': use {', '.join(sorted(FIELDS))}")
    if "name" not in fields:
        bad(item, "this actor has no 'name:'; add the canonical name")
        return None
    name = _scalar(fields["name"][1], bad, "name")
    if not name:
        return None
    aliases: list[str] = []
    if "aliases" in fields:
        node = fields["aliases"][1]
        if isinstance(node, yaml.SequenceNode):
            aliases = [a for a in (_scalar(n, bad, "each alias") for n in node.value) if a]
        else:
            bad(node, "aliases must be a list, e.g. [Other Spelling, Surname]")
    country = None
    if "country" in fields:
        node = fields["country"][1]
        country = _scalar(node, bad, "country")
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            bad(node, f"country '{country}' must be an ISO 3166-1 alpha-2 code such as DZ or FR")
            country = None
    roles: list[Role] = []
    if "roles" in fields:
        node = fields["roles"][1]
        if isinstance(node, yaml.SequenceNode):
            roles = [r for r in (_role(n, bad) for n in node.value) if r]
        else:
            bad(node, "roles must be a list of '- title: ...' entries")
    ext = _scalar(fields["id"][1], bad, "id") if "id" in fields else None
    return Entry(name, tuple(aliases), country, tuple(roles), ext, item.start_mark.line + 1)


def _role(node, bad) -> Role | None:
    if isinstance(node, yaml.ScalarNode):
        return Role(str(node.value))
    if not isinstance(node, yaml.MappingNode):
        bad(node, "a role is '- title: ...' with optional 'from:' and 'to:' dates")
        return None
    fields = {k.value: v for k, v in node.value}
    for k, _ in node.value:
        if k.value not in ROLE_FIELDS:
            bad(k, f"unknown role field '{k.value}': use title, from, to")
    if "title" not in fields:
        bad(node, "this role has no 'title:'")
        return None
    dates = {}
    for key in ("from", "to"):
        if key in fields:
            value = str(fields[key].value)
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                bad(fields[key], f"role '{key}' date '{value}' must be YYYY-MM-DD")
                continue
            dates[key] = value
    return Role(str(fields["title"].value), dates.get("from"), dates.get("to"))
