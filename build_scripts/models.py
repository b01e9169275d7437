"""The values that flow down the pipe. All frozen: stages return new values."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RawArticle:
    """A file as read: decoded text, user-given metadata, where it came from."""

    source_file: str          # path relative to the articles folder, '/'-separated
    text: str                 # decoded, newlines normalised, front matter removed
    meta: dict[str, Any]      # values the user wrote (front matter); they win
    body_line: int = 1        # line number in the file where `text` starts
    markdown: bool = False    # '#' lines are headings
    origins: dict[str, str] = field(default_factory=dict)   # meta field -> where the user gave it


@dataclass(frozen=True)
class Line:
    """One non-blank line of an article with its role after cleaning."""

    number: int               # 1-based line number in the file
    text: str
    role: str                 # header | title | body | heading | caption | byline | furniture
    why: str = ""             # for furniture: the rule that removed it


@dataclass(frozen=True)
class Cleaned:
    """The article split into lines, each with a role; furniture kept aside."""

    lines: tuple[Line, ...]

    def by_role(self, *roles: str) -> list[Line]:
        return [ln for ln in self.lines if ln.role in roles]

    @property
    def removed(self) -> list[Line]:
        return self.by_role("furniture")


@dataclass(frozen=True)
class Cue:
    """Why a value was extracted: which rule fired, on which line, from what text."""

    rule: str
    line: int | None = None
    text: str = ""


@dataclass(frozen=True)
class Value:
    value: Any
    cue: Cue


@dataclass(frozen=True)
class Mention:
    """A tag with the exact forms the article used for it."""

    key: str                  # canonical name or ISO code
    forms: tuple[str, ...]
    cue: Cue
    country: str | None = None    # a person's country, when the article says it ("Algerian minister X")


@dataclass(frozen=True)
class Copy:
    """Another file carrying the same story: listed on the kept article's page."""

    source_file: str
    source: str | None
    title: str
    date: str | None
    similarity: float         # Jaccard similarity of the two texts' word shingles
    same_text: bool           # the very same text (byte-identical files, or re-encoded)


@dataclass(frozen=True)
class Fingerprint:
    """What finding copies and stories needs of an article's text, worked out
    once with its extraction and kept in the cache with it."""

    words: str                           # stemmed words of the title and text, counted: "word=2 other=1"
    minhash: bytes                       # MinHash signature of its shingles (duplicates)


@dataclass(frozen=True)
class Rejection:
    """A name-like phrase in an article that was not taken for a person, and why."""

    text: str
    line: int
    reason: str


@dataclass(frozen=True)
class Article:
    id: str
    source_file: str
    title: Value
    title_derived: bool
    date: Value               # value is 'YYYY-MM-DD' or None
    language: Value
    source: Value
    authors: Value            # value is a tuple of names
    summary: str
    actors: tuple[Mention, ...]
    countries: tuple[Mention, ...]
    organizations: tuple[Mention, ...]
    cleaned: Cleaned
    rejected: tuple[Rejection, ...] = ()      # name-like phrases not taken for people, with the reason
    story: str | None = None  # id of the Story it belongs to, if other reports cover the same event
    copies: tuple[Copy, ...] = ()   # the same story in other files, not shown on pages of their own
    fingerprint: Fingerprint | None = field(default=None, compare=False, repr=False)

    @property
    def sort_key(self) -> tuple:
        """Newest first, undated last, then by id for a stable order."""
        d = self.date.value
        return (d is None, "" if d is None else _invert(d), self.id)


_INVERTED = str.maketrans("0123456789", "9876543210")


def _invert(date: str) -> str:
    """Digits 0-9 as 9-0: a later date sorts first."""
    return date.translate(_INVERTED)


@dataclass(frozen=True)
class Role:
    title: str
    start: str | None = None
    end: str | None = None

    def __str__(self) -> str:
        if not (self.start or self.end):
            return self.title
        return f"{self.title} ({self.start or '…'} – {self.end or 'present'})"


@dataclass(frozen=True)
class Actor:
    name: str
    slug: str
    aliases: tuple[str, ...]
    country: str | None
    roles: tuple[Role, ...]
    external_id: str | None
    articles: tuple[str, ...]      # article ids, newest first
    in_registry: bool
    people: tuple[tuple[str, int], ...] = ()     # (actor named in the same articles, how many), most first
    countries: tuple[tuple[str, int], ...] = ()  # (code, articles together), most first


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    articles: tuple[str, ...]
    actors: tuple[tuple[str, int], ...]   # (actor name, articles together), most first
    countries: tuple[tuple[str, int], ...] = ()   # (code named in the same articles, how many), most first


@dataclass(frozen=True)
class Story:
    """Reports of one event from several articles."""

    id: str
    articles: tuple[str, ...]      # article ids, newest first


@dataclass(frozen=True)
class Related:
    """Another article with what the two share."""

    article: str
    actors: tuple[str, ...]
    organizations: tuple[str, ...]
    countries: tuple[str, ...]


@dataclass(frozen=True)
class Archive:
    articles: tuple[Article, ...]          # newest first
    actors: tuple[Actor, ...]              # by name
    countries: tuple[Country, ...]         # by code
    problems: tuple = field(default=())
    stories: tuple[Story, ...] = ()        # newest first
    related: dict[str, tuple[Related, ...]] = field(default_factory=dict)   # article id -> related
    notes: tuple = field(default=())       # things worth knowing that are not wrong (kind 'info')
    spellings: dict[str, str] = field(default_factory=dict)   # a person's other spelling -> the name used
    surnames: dict[str, str] = field(default_factory=dict)    # a surname -> the one person named in full with it
