"""Turn files into RawArticles: find them, decode their bytes, split off and
validate the metadata the user gave (front matter, sidecar files).

Readers only read; they never guess metadata (that is the extractors' job).
"""
from __future__ import annotations

import codecs
import dataclasses
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import charset_normalizer

from . import front_matter
from .cleaning import MAX_LINE
from .errors import ArchiveError, Problem
from .models import RawArticle

MAX_BYTES = 10 * 1024 * 1024
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Control characters are invisible on a page and invalid in XML; tab and newline stay. Dropped too:
# invisible characters that split a word in two, the soft hyphen, the zero-width space, the word joiner,
# a byte-order mark inside the text ("Johnny \xadHallyday" is Johnny Hallyday), and the marks and
# controls of writing direction that text copied beside Arabic carries ("Ahmed\u200e Ouyahia").
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
CONTROL_IN_NAMES = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Source:
    """One article file to read, with its sidecar metadata file if it has one."""

    path: Path
    rel: str                               # '/'-separated path in the articles folder
    sidecar: tuple[Path, str] | None = None


def decode(data: bytes, path: str, declared: str | None = None) -> tuple[str, list[Problem]]:
    """Bytes to text: a BOM decides; else the encoding the file declares, if
    it fits; else UTF-8 (a few broken bytes in UTF-8 text are replaced and
    reported); else the encoding charset-normalizer finds."""
    if not data.strip():
        raise ArchiveError(path, 1, "the file is empty: add the article's text or delete the file")
    for bom, enc in BOMS:
        if data.startswith(bom):
            return _decode_replacing(data[len(bom):], enc, path)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ArchiveError(path, line, "the file holds NUL bytes, so it is binary, not text: "
                           "save the article as plain text (.txt), Markdown (.md) or HTML")
    if len(CONTROL_BYTES.findall(data)) > max(8, len(data) // 50):
        raise ArchiveError(path, 1, "the file is full of control characters, so it is binary, not text: "
                           "save the article as plain text (.txt), Markdown (.md) or HTML")
    if declared:
        try:
            return data.decode(declared), []
        except UnicodeDecodeError:
            pass
    text, problems = _decode_replacing(data, "utf-8", path)
    bad = text.count("\ufffd")
    if not bad or sum(ord(c) > 127 for c in text) - bad > bad:     # UTF-8 with a few broken bytes
        return text, problems
    return _legacy(data, path), []


def _decode_replacing(data: bytes, encoding: str, path: str) -> tuple[str, list[Problem]]:
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        line = text[: text.index("\ufffd")].count("\n") + 1
        return text, [Problem(path, line, f"bytes that are not valid {encoding.upper()} from this line on were "
                              f"replaced with '\ufffd': re-save the file as {encoding.upper()}")]


def _legacy(data: bytes, path: str) -> str:
    """A legacy 8-bit encoding. Where Windows-1252 (Western Europe) reads the
    bytes as well as charset-normalizer's best guess, it wins: short French
    text is otherwise often taken for Central European."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise ArchiveError(path, 1, "the file is not text in any encoding (is it binary?): "
                           "save the article as plain text (.txt), Markdown (.md) or HTML")
    score = (best.percent_chaos, best.percent_coherence)
    western = [m for m in matches if (m.percent_chaos, m.percent_coherence) == score
               and "cp1252" in m.could_be_from_charset]
    return str(western[0] if western else best)


def normalise(text: str) -> str:
    """Newlines as '\\n'; control and invisible characters dropped (CONTROL)."""
    return CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def read_bytes(path: Path, rel: str) -> bytes:
    size = path.stat().st_size
    with path.open("rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ArchiveError(rel, 1, f"the file is {max(size, len(data)) // 1_000_000} MB, over the "
                           f"{MAX_BYTES // 1_000_000} MB limit for one article: split it or trim it")
    return data


def load(path: Path, rel: str) -> tuple[str, list[Problem]]:
    text, problems = decode(read_bytes(path, rel), rel)
    return normalise(text), problems


def read_text(path: Path, rel: str) -> tuple[RawArticle, list[Problem]]:
    """Plain text: no front matter (a '---' line is text)."""
    text, problems = load(path, rel)
    return RawArticle(source_file=rel, text=text, meta={}), problems


def read_markdown(path: Path, rel: str) -> tuple[RawArticle, list[Problem]]:
    """Markdown with optional YAML front matter, whose values win over extraction."""
    text, problems = load(path, rel)
    block, body, body_line = front_matter.split(text, rel)
    meta, more = front_matter.load(block, rel, 2) if block is not None else ({}, [])
    raw = RawArticle(source_file=rel, text=body, meta=meta, body_line=body_line, markdown=True,
                     origins=dict.fromkeys(meta, "front matter"))
    return raw, problems + more


def read_sidecar(path: Path, rel: str) -> tuple[dict, list[Problem]]:
    """`NAME.meta.yml`: fields for the article beside it. A broken sidecar is
    reported and the article is built without it."""
    try:
        data = read_bytes(path, rel)
        if not data.strip():
            return {}, []
        text, problems = decode(data, rel)
        meta, more = front_matter.load(normalise(text), rel, 1)
    except ArchiveError as exc:
        return {}, [exc.problem]
    except OSError as exc:
        return {}, [Problem(rel, 1, f"cannot be read ({exc.strerror}): check its permissions")]
    return meta, problems + more


def read_html(path: Path, rel: str) -> tuple[RawArticle, list[Problem]]:
    """A saved web page: its main text and what its markup states."""
    data = read_bytes(path, rel)
    from . import webpage       # trafilatura and htmldate: loaded only when there is a web page to read

    text, problems = decode(data, rel, webpage.declared_charset(data))
    return webpage.extract(normalise(text), rel), problems


READERS: dict[str, Callable[[Path, str], tuple[RawArticle, list[Problem]]]] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}


def read(path: Path, rel: str, sidecar: tuple[Path, str] | None = None) -> tuple[RawArticle, list[Problem]]:
    """The article at `path`; the sidecar's fields win over everything else."""
    raw, problems = READERS[path.suffix.lower()](path, rel)
    problems += long_lines(raw)
    if sidecar:
        meta, more = read_sidecar(*sidecar)
        origin = "sidecar " + sidecar[1].rsplit("/", 1)[-1]
        raw = dataclasses.replace(raw, meta={**raw.meta, **meta},
                                  origins={**raw.origins, **dict.fromkeys(meta, origin)})
        problems += more
    return raw, problems


def long_lines(raw: RawArticle) -> list[Problem]:
    return [Problem(raw.source_file, number, f"a line of {len(line):,} characters: shown as paragraphs of at "
                    f"most {MAX_LINE:,} characters cut at sentence ends; put each paragraph on its own line", "info")
            for number, line in enumerate(raw.text.split("\n"), start=raw.body_line) if len(line) > MAX_LINE]


def discover(articles_dir: Path) -> tuple[list[Source], list[Problem]]:
    """Article files under the folder, sorted by path, each with its sidecar.
    Hidden folders (.git) are passed over; what else is skipped is reported:
    hidden files, links leading out of the folder, sidecars without an article."""
    root = articles_dir.resolve()
    problems: list[Problem] = []
    articles: list[tuple[Path, str]] = []
    sidecars: dict[tuple[Path, str], tuple[Path, str]] = {}

    def rel_of(path: Path) -> str:
        return path.relative_to(articles_dir).as_posix()

    def unreadable(exc: OSError) -> None:
        problems.append(Problem(rel_of(Path(exc.filename)), 1, f"folder cannot be read ({exc.strerror})"))

    for dirpath, dirnames, filenames in os.walk(articles_dir, onerror=unreadable):
        folder = Path(dirpath)
        prefix = rel_of(folder) + "/" if folder != articles_dir else ""
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in dirnames:
            if (folder / name).is_symlink() and not _inside(folder / name, root):
                problems.append(Problem(prefix + name, 1, "a link to a folder outside the articles "
                                        "folder: skipped; move or copy the folder in instead"))
        for name in sorted(filenames):
            is_sidecar = name.endswith(front_matter.SIDECAR_SUFFIX)
            if not is_sidecar and os.path.splitext(name)[1].lower() not in READERS:
                continue
            path = folder / name
            rel = prefix + name
            why = _skip(name, path, root)
            if why:
                problems.append(Problem(_printable(rel), 1, *why))
            elif is_sidecar:
                sidecars[(folder, name[: -len(front_matter.SIDECAR_SUFFIX)])] = (path, rel)
            else:
                articles.append((path, rel))

    found = []
    for path, rel in sorted(articles, key=lambda a: a[1]):
        found.append(Source(path, rel, sidecars.pop((path.parent, path.stem), None)))
    for _, rel in sorted(sidecars.values(), key=lambda s: s[1]):
        stem = rel.rsplit("/", 1)[-1][: -len(front_matter.SIDECAR_SUFFIX)]
        problems.append(Problem(rel, 1, f"no article named {stem}.txt, .md, .html or .htm beside this "
                                "metadata file: rename it after its article"))
    return found, problems


def _skip(name: str, path: Path, root: Path) -> tuple[str, str] | None:
    """Why a file is not read, and whether that is a problem or a note."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "the file name is not valid UTF-8: rename the file", "input"
    if CONTROL_IN_NAMES.search(name):
        return "the file name holds control characters (a line break?): rename the file", "input"
    if name.startswith("."):
        return "a hidden file (the name starts with '.'): skipped; rename it to include it", "info"
    try:
        if stat.S_ISREG(path.lstat().st_mode):
            return None         # a plain file found by walking the folder, links not followed: inside it
        real = path.resolve(strict=True)
    except FileNotFoundError:
        return "a link to a file that does not exist: fix or remove the link", "input"
    except (OSError, RuntimeError):
        return "a link that cannot be followed (a loop?): remove it", "input"
    if not real.is_relative_to(root):
        return "a link to a file outside the articles folder: skipped; copy the file in instead", "input"
    if not real.is_file():
        return "not a regular file: skipped", "input"
    return None


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):
        return False


def _printable(name: str) -> str:
    """The name as UTF-8 text, safe to print on one line."""
    return CONTROL_IN_NAMES.sub("?", os.fsencode(name).decode("utf-8", errors="replace"))
