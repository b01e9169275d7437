"""Turn files into RawArticles: decode bytes, split off front matter.

Readers only read; they never guess metadata (that is the extractors' job).
"""
from __future__ import annotations

import codecs
from pathlib import Path
from typing import Callable

import yaml

from .errors import ArchiveError
from .models import RawArticle

MAX_BYTES = 10 * 1024 * 1024

FRONT_MATTER_FIELDS = {
    "title": str, "date": str, "language": str, "source": str, "summary": str,
    "authors": list, "actors": list, "countries": list, "organizations": list,
}


def decode(data: bytes, path: str) -> str:
    """Bytes to text: BOMs honoured, UTF-8 first, then Windows-1252, then Latin-1."""
    if not data.strip():
        raise ArchiveError(path, 1, "the file is empty: add the article's text or delete the file")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ArchiveError(path, line, "the file holds NUL bytes, so it is binary, not text: "
                           "save the article as plain text (.txt), Markdown (.md) or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, path: str) -> tuple[dict, str, int]:
    """Return (metadata, body, line where body starts) for `---` fenced YAML."""
    if not text.startswith("---\n"):
        return {}, text, 1
    end = text.find("\n---\n", 3)
    if end == -1:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            raise ArchiveError(path, 1, "front matter opened with '---' is never closed: "
                               "add a line '---' after the metadata")
    block = text[4:end + 1]
    body = text[end + 5:]
    body_line = block.count("\n") + 3
    try:
        meta = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        what = getattr(exc, "problem", None) or str(exc)
        raise ArchiveError(path, line, f"front matter is not valid YAML ({what}): "
                           "fix the line or quote the value") from None
    if not isinstance(meta, dict):
        raise ArchiveError(path, 2, "front matter must be a mapping of 'field: value' lines")
    return meta, body, body_line


def check_front_matter(meta: dict, path: str, text: str) -> tuple[dict, list]:
    """Keep the fields we know with the right types; report the others."""
    from .errors import Problem

    good, problems = {}, []
    for key, value in meta.items():
        line = _line_of_key(text, key)
        want = FRONT_MATTER_FIELDS.get(key)
        if want is None:
            problems.append(Problem(path, line, f"unknown front-matter field '{key}': use one of "
                                    + ", ".join(sorted(FRONT_MATTER_FIELDS))))
            continue
        if key == "date" and not isinstance(value, str):
            value = str(value)
        if want is list and isinstance(value, str):
            value = [value]
        if not isinstance(value, want) or (want is list and not all(isinstance(v, str) for v in value)):
            kind = "a list of names" if want is list else "text"
            problems.append(Problem(path, line, f"front-matter field '{key}' must be {kind}"))
            continue
        good[key] = value
    return good, problems


def _line_of_key(text: str, key: object) -> int:
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if line.startswith(f"{key}:"):
            return number
    return 1


def read_text(path: Path, rel: str) -> tuple[RawArticle, list]:
    """Plain text: no front matter (a '---' line is text)."""
    return RawArticle(source_file=rel, text=_load(path, rel), meta={}), []


def read_markdown(path: Path, rel: str) -> tuple[RawArticle, list]:
    """Markdown with optional YAML front matter, whose values win over extraction."""
    text = _load(path, rel)
    meta, body, body_line = split_front_matter(text, rel)
    meta, problems = check_front_matter(meta, rel, text)
    return RawArticle(source_file=rel, text=body, meta=meta, body_line=body_line, markdown=True), problems


def _load(path: Path, rel: str) -> str:
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise ArchiveError(rel, 1, f"the file is {len(data) // 1_000_000} MB, over the "
                           f"{MAX_BYTES // 1_000_000} MB limit for one article: split it or trim it")
    return normalise_newlines(decode(data, rel))


READERS: dict[str, Callable[[Path, str], tuple[RawArticle, list]]] = {
    ".txt": read_text,
    ".md": read_markdown,
}


def discover(articles_dir: Path) -> list[tuple[Path, str]]:
    """Article files under the folder, sorted, with their '/'-separated relative path."""
    found = []
    for path in sorted(articles_dir.rglob("*")):
        rel = path.relative_to(articles_dir).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        if path.suffix.lower() in READERS and path.is_file():
            found.append((path, rel))
    return found


def read(path: Path, rel: str) -> tuple[RawArticle, list]:
    return READERS[path.suffix.lower()](path, rel)
