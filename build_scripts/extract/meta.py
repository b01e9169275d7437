"""Title, source, authors and summary: small cascades of cues, each saying
which cue won."""
from __future__ import annotations

import re

from ..cleaning import AUTHOR_BIO, BYLINE, PIECE_BY_WHO, SIGN_OFF
from ..models import Cleaned, Cue, Value

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»]?\s+(?=[\"“«(]?[A-Z\u00C0-\u00DE])")
OPENING_SOURCE = re.compile(r"^\(([A-Z][\w.&' -]{1,40}?)\)\s")
REPORTS = re.compile(r"\b([A-Z][\w&'’-]*(?:\.[A-Za-z]{2,4})?(?:\s+[A-Z][\w&'’-]*){0,3})\s+(reports|reported|rapporte|a rapporté)\b")
AGENCY_OPENING = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}\(([A-Z][\w.&' -]{1,30})\)\s*[-—–]")
MAX_DERIVED_TITLE = 90


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def title(cleaned: Cleaned, meta: dict) -> tuple[Value, bool]:
    if "title" in meta:
        return Value(meta["title"], Cue("front matter")), False
    lines = cleaned.by_role("title")
    if lines:
        return Value(lines[0].text, Cue("headline line", lines[0].number, lines[0].text)), False
    body = cleaned.by_role("body")
    if not body:
        return Value("Untitled article", Cue("no text")), True
    first = sentences(body[0].text)[0]
    derived = first if len(first) <= MAX_DERIVED_TITLE else first[:MAX_DERIVED_TITLE].rsplit(" ", 1)[0] + "…"
    return Value(derived.rstrip(".").strip(), Cue("first sentence", body[0].number, first)), True


def source(cleaned: Cleaned, meta: dict) -> Value:
    if "source" in meta:
        return Value(meta["source"], Cue("front matter"))
    body = cleaned.by_role("body")
    if body:
        first = body[0]
        for pattern, rule in ((OPENING_SOURCE, "agency in brackets opening the text"),
                              (AGENCY_OPENING, "agency in the dateline")):
            m = pattern.match(first.text)
            if m:
                return Value(m.group(1).strip(), Cue(rule, first.number, m.group(0).strip()))
    for line in body:
        if "report" not in line.text and "rapport" not in line.text:
            continue          # what REPORTS needs: most lines have neither
        m = REPORTS.search(line.text)
        if m and m.group(1).split()[0] not in ("He", "She", "It", "They", "Il", "Elle"):
            return Value(m.group(1), Cue("'X reports'", line.number, m.group(0)))
    return Value(None, Cue("no source stated"))


def authors(cleaned: Cleaned, meta: dict) -> Value:
    if "authors" in meta:
        return Value(tuple(meta["authors"]), Cue("front matter"))
    for line in cleaned.by_role("byline"):
        m = BYLINE.match(line.text)
        if m:
            names = re.split(r"\s*(?:,|\band\b|\bet\b|&)\s*", m.group(1))
            return Value(tuple(n for n in names if n), Cue("byline", line.number, line.text))
    for line in cleaned.by_role("bio"):
        for pattern, rule in ((AUTHOR_BIO, "closing line about the writer"), (SIGN_OFF, "the writer signing off"),
                              (PIECE_BY_WHO, "the piece's writer and what they do")):
            m = pattern.match(line.text.strip())
            if m:
                return Value((m.group(1),), Cue(rule, line.number, line.text))
    return Value((), Cue("no byline"))


def summary(cleaned: Cleaned, meta: dict, limit: int = 300) -> str:
    if "summary" in meta:
        return meta["summary"]
    text = " ".join(ln.text for ln in cleaned.by_role("body")[:3])
    out = ""
    for sentence in sentences(text):
        if out and len(out) + len(sentence) > limit:
            break
        out = f"{out} {sentence}".strip()
    if len(out) > limit + 100:
        out = out[:limit].rsplit(" ", 1)[0] + "…"
    return out
