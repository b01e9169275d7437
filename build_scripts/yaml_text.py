"""yaml.safe_dump, five times faster: through libyaml, PyYAML's C emitter,
whenever that gives the very same text. The two differ only on NEL (U+0085)
and characters beyond U+FFFF (emoji), which libyaml escapes, and on where
they fold a line longer than the width; tests/test_front_matter.py compares
them on thousands of awkward strings.

Front matter (a mapping of strings, lists of strings, booleans, numbers and
nulls, on lines as long as they need) is written here directly, the way
PyYAML writes it, when every string is one line of printable characters:
PyYAML's representer and resolver, run in Python for every value, were
most of the time it took to write an article page. The style of each
string is PyYAML's own choice (its emitter's `analyze_scalar` and
`choose_scalar_style`, for one-line printable text): plain, unless an
indicator, a document marker, a ": " or " #", spaces at either end, or a plain reading as
another type ("yes", "2024-05-01", "null") rule it out; then single-quoted.
Anything else goes to PyYAML."""
from __future__ import annotations

import re

import yaml
from yaml.resolver import Resolver

_C_DUMPER = getattr(yaml, "CSafeDumper", None)
SHORT = 30      # a string this short, in our two-level documents, never reaches the fold at width 80
NO_FOLD = 1_000_000         # a width no line of ours reaches: PyYAML folds no line
# one line of characters PyYAML's emitter prints as they are (no tab, line break, NEL, line or
# paragraph separator, BOM or surrogate)
_PRINTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")
_INDICATORS = "#,[]{}&*!|>'\"%@`"
_KEY = re.compile(r"[a-z][a-z_]*")
_STR = "tag:yaml.org,2002:str"
_resolver = Resolver()


def safe_dump(data, width: int = 80, **options) -> str:
    if width >= NO_FOLD and not options and isinstance(data, dict):
        text = _mapping(data)
        if text is not None:
            return text
    options.update(allow_unicode=True, sort_keys=False, width=width)
    limit = None if width >= NO_FOLD else SHORT
    if _C_DUMPER and _same_in_c(data, limit):
        return yaml.dump(data, Dumper=_C_DUMPER, **options)
    return yaml.safe_dump(data, **options)


def _same_in_c(value, limit: int | None) -> bool:
    if isinstance(value, str):
        return ("\x85" not in value and (not value or max(value) <= "\uffff")
                and (limit is None or len(value) <= limit))
    if isinstance(value, (list, tuple)):
        return all(_same_in_c(v, limit) for v in value)
    if isinstance(value, dict):
        return all(_same_in_c(k, limit) and _same_in_c(v, limit) for k, v in value.items())
    return isinstance(value, (bool, int, float, type(None)))


def _mapping(data: dict) -> str | None:
    """The block mapping PyYAML writes for `data`, or None when some value
    is not one this writes."""
    if not data:
        return "{}\n"
    out = []
    for key, value in data.items():
        if not (isinstance(key, str) and _KEY.fullmatch(key) and _scalar(key) == key):
            return None
        if isinstance(value, (list, tuple)):
            if not value:
                out.append(f"{key}: []\n")
                continue
            out.append(f"{key}:\n")
            for item in value:
                text = _scalar(item)
                if text is None:
                    return None
                out.append(f"- {text}\n")
        else:
            text = _scalar(value)
            if text is None:
                return None
            out.append(f"{key}: {text}\n")
    return "".join(out)


def _scalar(value) -> str | None:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is int:
        return str(value)
    if type(value) is not str or not _PRINTABLE.fullmatch(value):
        return None
    if not value:
        return "''"
    first = value[0]
    plain = not (first == " " or value[-1] == " " or first in _INDICATORS or value.startswith(("---", "..."))
                 or (first in "?-" and (len(value) == 1 or value[1] == " "))
                 or ": " in value or value[-1] == ":" or " #" in value)
    if plain and _resolver.resolve(yaml.ScalarNode, value, (True, False)) == _STR:
        return value
    return "'" + value.replace("'", "''") + "'"
