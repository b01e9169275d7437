"""Publication date: only a full date the text states, never a guess.

Cues, in order: the user's front matter; a header line above the headline
(" date 2026-02-21 403", "Published: 21 February 2026"); a dateline opening
the first paragraph ("ALGIERS, Feb. 21, 2026 (Reuters) -"). A date with no
year ("February 17", "ce 27 février") is not a date; neither are dates in the
body or in photo captions, which name events, not publication.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..models import Cleaned, Cue, Value
from ..names import fold

LOCALES = ("en", "fr", "es", "de", "it", "pt")


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    from babel import Locale

    months: dict[str, int] = {}
    for code in LOCALES:
        data = Locale(code).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in data[context][width].items():
                    months[fold(name).rstrip(".")] = number
    months.update({"sept": 9, "febr": 2})
    return months


_MONTH = r"([^\W\d_]{3,10})\.?"
PATTERNS = (
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("day-month-year", re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b")),
    ("month-day-year", re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")),
    ("numeric", re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")),
)
# Every part is bounded: unbounded spaces between the bounded parts made a
# line with a long run of spaces take minutes to fail.
DATELINE = re.compile(r"^(?:[A-Z][\w.'’ -]{0,40}?,?\s{1,3})?(?P<date>[^—–\-:(]{6,40}?)\s{0,3}(?:\([^)]{1,40}\))?\s{0,3}[—–\-:]\s")


def parse_date(text: str, language: str | None = None) -> tuple[str, str] | None:
    """The first full date in `text` as ('YYYY-MM-DD', pattern name), if any."""
    for name, pattern in PATTERNS:
        for m in pattern.finditer(text):
            iso = _to_iso(name, m.groups(), language)
            if iso:
                return iso, name
    return None


def _to_iso(name: str, groups: tuple, language: str | None) -> str | None:
    months = month_numbers()
    mo: int | None
    try:
        if name == "iso":
            y, mo, d = map(int, groups)
        elif name == "day-month-year":
            d, mo, y = int(groups[0]), months.get(fold(groups[1])), int(groups[2])
        elif name == "month-day-year":
            mo, d, y = months.get(fold(groups[0])), int(groups[1]), int(groups[2])
        else:
            a, b, y = map(int, groups)
            if a <= 12 and b <= 12 and a != b and language == "en":
                return None          # 03/04/2026: March or April? Do not guess.
            d, mo = (b, a) if a <= 12 < b else (a, b)
        if not mo:
            return None
        return dt.date(y, mo, d).isoformat()
    except (ValueError, TypeError):
        return None


def extract(cleaned: Cleaned, meta: dict, language: str | None) -> Value:
    if "date" in meta:
        found = parse_date(str(meta["date"]), language)
        return Value(found[0] if found else None, Cue("front matter", None, str(meta["date"])))
    for line in cleaned.by_role("header"):
        found = parse_date(line.text, language)
        if found:
            return Value(found[0], Cue(f"header line ({found[1]})", line.number, line.text))
    body = cleaned.by_role("body")
    if body:
        first = body[0]
        m = DATELINE.match(first.text)
        if m:
            found = parse_date(m.group("date"), language)
            if found:
                return Value(found[0], Cue(f"dateline ({found[1]})", first.number, m.group(0).strip()))
    return Value(None, Cue("no full date stated"))
