"""Add articles to the archive under readable, stable names, never
overwriting anything and never adding what is already there."""
from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import cleaning, readers, registry
from .errors import ArchiveError
from .extract import extract_article
from .models import Article, Cleaned
from .names import fold, slugify

MAX_SLUG = 60


@dataclass(frozen=True)
class Added:
    source: str                     # the path given, or '-' for standard input
    target: str | None = None       # the new file, relative to the articles folder
    duplicate_of: str | None = None
    error: str | None = None
    article: Article | None = None


def text_key(cleaned: Cleaned) -> str:
    """The same story in other bytes (other line endings, a trailer): same key."""
    words = " ".join(fold(ln.text) for ln in cleaned.by_role("title", "body", "heading", "caption"))
    return hashlib.sha256(words.encode()).hexdigest()


def file_name(article: Article, suffix: str) -> str:
    slug = slugify(article.title.value, MAX_SLUG)
    return f"{article.date.value}-{slug}{suffix}" if article.date.value else f"{slug}{suffix}"


def add(articles_dir: Path, items: list[tuple[str, bytes, str]]) -> list[Added]:
    """items: (label, bytes, suffix such as '.txt'). Files are written as given, byte for byte."""
    reg, _ = registry.load(articles_dir)
    seen_bytes: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    sources, _ = readers.discover(articles_dir)
    for source in sources:
        rel = source.rel
        seen_bytes.setdefault(hashlib.sha256(source.path.read_bytes()).hexdigest(), rel)
        try:
            raw, _ = readers.read(source.path, rel, source.sidecar)
        except ArchiveError:
            continue
        seen_text.setdefault(text_key(cleaning.classify(raw.text, raw.body_line, raw.markdown)), rel)

    results = []
    for label, data, suffix in items:
        suffix = suffix.lower()
        if suffix not in readers.READERS:
            kinds = ", ".join(sorted(readers.READERS))
            results.append(Added(label, error=f"{label}: '{suffix or 'no extension'}' files are not articles: "
                                               f"save it as one of {kinds}"))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen_bytes:
            results.append(Added(label, duplicate_of=seen_bytes[digest]))
            continue
        try:
            article, cleaned = _extract(data, suffix, reg)
        except ArchiveError as exc:
            results.append(Added(label, error=f"{label}: {exc.problem.message}"))
            continue
        key = text_key(cleaned)
        if key in seen_text:
            results.append(Added(label, duplicate_of=seen_text[key]))
            continue
        target = _write_new(articles_dir, file_name(article, suffix), data)
        seen_bytes[digest] = seen_text[key] = target
        results.append(Added(label, target=target, article=article))
    return results


def _extract(data: bytes, suffix: str, reg) -> tuple[Article, Cleaned]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"new{suffix}"
        path.write_bytes(data)
        raw, _ = readers.read(path, path.name)
    cleaned = cleaning.classify(raw.text, raw.body_line, raw.markdown)
    if not cleaned.by_role("body", "title", "heading"):
        raise ArchiveError("-", 1, "no article text left after removing page furniture")
    return extract_article(raw, cleaned, reg, "new"), cleaned


def _write_new(articles_dir: Path, name: str, data: bytes) -> str:
    """Create the file without ever replacing one: a clash gets -2, -3, ..."""
    stem, suffix = name[: -len(Path(name).suffix)], Path(name).suffix
    n = 1
    while True:
        candidate = name if n == 1 else f"{stem}-{n}{suffix}"
        try:
            with open(articles_dir / candidate, "xb") as fh:
                fh.write(data)
            return candidate
        except FileExistsError:
            n += 1


def describe(article: Article) -> str:
    """What was read, so the user sees at once whether it was read right."""
    people = ", ".join(m.key for m in article.actors) or "none"
    countries = ", ".join(m.key for m in article.countries) or "none"
    derived = " (derived from the first sentence)" if article.title_derived else ""
    return (f"    title:     {article.title.value}{derived}\n"
            f"    date:      {article.date.value or 'undated'}\n"
            f"    language:  {article.language.value}\n"
            f"    people:    {people}\n"
            f"    countries: {countries}")


