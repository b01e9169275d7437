"""Metadata the user gives rather than the extractors find: YAML front matter
in .md files and `NAME.meta.yml` sidecars beside any article.

The YAML is parsed defensively: a size cap, no aliases (an anchor can expand
into gigabytes), no deep nesting, and nothing constructed: values are read
from the YAML nodes as text, so `date: 2026-02-30` or `title: yes` cannot
crash or surprise. Every field is validated like a schema; a bad field is
reported as `path:line: message` and dropped, the rest is kept.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import yaml

from .errors import ArchiveError, Problem
from .gazetteer import load as load_gazetteer
from .models import Article, Cue, Value

TEXT_FIELDS = ("title", "date", "language", "source", "summary")
LIST_FIELDS = ("authors", "actors", "countries", "organizations")
FIELDS = TEXT_FIELDS + LIST_FIELDS
SIDECAR_SUFFIX = ".meta.yml"
MAX_BYTES = 64 * 1024
MAX_DEPTH = 4


def split(text: str, path: str) -> tuple[str | None, str, int]:
    """(the YAML between `---` fences or None, the body, line where the body starts)."""
    if not text.startswith("---\n"):
        return None, text, 1
    end = text.find("\n---\n", 3)
    if end == -1:
        if not text.endswith("\n---"):
            raise ArchiveError(path, 1, "front matter opened with '---' is never closed: "
                               "add a line '---' after the metadata")
        end = len(text) - 4
    block = text[4:end + 1]
    return block, text[end + 5:], block.count("\n") + 3


def load(text: str, path: str, first_line: int) -> tuple[dict, list[Problem]]:
    """Validated fields of a YAML mapping whose first line is `first_line` of
    the file. Raises ArchiveError when the YAML as a whole cannot be used."""
    root = _compose(text, path, first_line)
    if root is None:
        return {}, []
    if not isinstance(root, yaml.MappingNode):
        raise ArchiveError(path, first_line, "metadata must be 'field: value' lines, e.g. 'title: ...'")
    meta: dict = {}
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    for key_node, node in root.value:
        line = key_node.start_mark.line + first_line
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key is None:
            problems.append(Problem(path, line, "a field name must be a plain word such as 'title'"))
        elif key not in FIELDS:
            problems.append(Problem(path, line, f"unknown field '{key}': use one of {', '.join(sorted(FIELDS))}"))
        elif key in seen:
            problems.append(Problem(path, line, f"'{key}' is given twice (lines {seen[key]} and {line}): "
                                    "keep one"))
        else:
            seen[key] = line
            value, message = _value(key, node)
            if message:
                problems.append(Problem(path, line, f"field '{key}' {message}"))
            else:
                meta[key] = value
    return meta, problems


def _compose(text: str, path: str, first_line: int) -> yaml.Node | None:
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ArchiveError(path, first_line, f"the metadata is over {MAX_BYTES // 1024} KB: it should be a "
                           "few 'field: value' lines; move long text into the article")
    try:
        depth = 0
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise ArchiveError(path, event.start_mark.line + first_line, "YAML aliases ('*name') are not "
                                   "allowed in metadata: write the value out")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ArchiveError(path, event.start_mark.line + first_line, "metadata is nested too deeply: "
                                       "fields are text or a list of names")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        what = getattr(exc, "problem", None) or str(exc)
        raise ArchiveError(path, (mark.line if mark else 0) + first_line,
                           f"metadata is not valid YAML ({what}): fix the line or quote the value") from None


def _value(key: str, node: yaml.Node) -> tuple[object, str | None]:
    """The field's value, or a message saying what is wrong with it."""
    if key in LIST_FIELDS:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        if not all(isinstance(n, yaml.ScalarNode) for n in items):
            return None, "must be a list of names, e.g. [Jane Doe, John Roe]"
        return check(key, [n.value for n in items])
    if not isinstance(node, yaml.ScalarNode):
        return None, "must be a single value, not a list or mapping"
    return check(key, node.value)


def check(key: str, value: str | list[str]) -> tuple[object, str | None]:
    """A field's value in its canonical form ('fr-FR' -> 'fr'), or a message
    saying what is wrong with it. Also used for what a web page's markup states."""
    if key in LIST_FIELDS:
        if not all(v.strip() for v in value):
            return None, "must be a list of names, e.g. [Jane Doe, John Roe]"
        return _countries(value) if key == "countries" else (value, None)
    if not value.strip():
        return None, "is empty: give a value or delete the line"
    if key == "date":
        return _date(value.strip())
    if key == "language":
        return _language(value.strip())
    return value, None


def _date(value: str) -> tuple[str | None, str | None]:
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z ]*)?", value)
    try:
        return dt.date.fromisoformat(m.group(1)).isoformat(), None
    except (AttributeError, ValueError):
        return None, f"'{value}' must be a date written YYYY-MM-DD, e.g. 2026-02-21"


def _language(value: str) -> tuple[str | None, str | None]:
    """'fr', 'fr-FR' and 'fr_FR' all mean French: the language code is kept."""
    m = re.fullmatch(r"([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*", value.lower())
    if not m:
        return None, f"'{value}' must be a language code, e.g. en or fr"
    return m.group(1), None


def _countries(values: list[str]) -> tuple[list[str] | None, str | None]:
    known = load_gazetteer().names
    codes = [v.strip().upper() for v in values]
    wrong = [v for v, c in zip(values, codes) if c not in known]
    if wrong:
        return None, f"'{wrong[0]}' is not an ISO 3166-1 alpha-2 country code: use codes such as DZ, FR"
    return codes, None


def credit(article: Article, origins: dict[str, str]) -> Article:
    """The extractors label every given value 'front matter'; name where each
    really came from (a sidecar file, the page's markup)."""
    if not origins:
        return article

    def relabel(key: str, cue: Cue) -> Cue:
        origin = origins.get(key)
        return dataclasses.replace(cue, rule=origin) if origin and cue.rule == "front matter" else cue

    values = {k: Value(getattr(article, k).value, relabel(k, getattr(article, k).cue))
              for k in ("title", "date", "language", "source", "authors")}
    mentions = {k: tuple(dataclasses.replace(m, cue=relabel(k, m.cue)) for m in getattr(article, k))
                for k in ("actors", "countries", "organizations")}
    return dataclasses.replace(article, **values, **mentions)
