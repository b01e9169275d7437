"""Front matter as yaml.safe_dump writes it, five times faster: through
libyaml, PyYAML's C emitter, whenever that gives the very same text. With
an unlimited line width the two differ only on NEL (U+0085) and characters
beyond U+FFFF (emoji), which libyaml escapes; tests/test_front_matter.py
compares them on thousands of awkward strings."""
from __future__ import annotations

import yaml

_C_DUMPER = getattr(yaml, "CSafeDumper", None)


def block_mapping(data: dict) -> str:
    """`key: value` lines for a flat mapping of text, numbers, booleans and lists."""
    options = {"allow_unicode": True, "sort_keys": False, "width": 1_000_000}
    if _C_DUMPER and all(_same_in_c(v) for v in data.values()):
        return yaml.dump(data, Dumper=_C_DUMPER, **options)
    return yaml.safe_dump(data, **options)


def _same_in_c(value) -> bool:
    if isinstance(value, str):
        return "\x85" not in value and (not value or max(value) <= "\uffff")
    if isinstance(value, (list, tuple)):
        return all(_same_in_c(v) for v in value)
    return isinstance(value, (bool, int, float, type(None)))
