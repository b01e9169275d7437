"""What earlier builds found, kept in `.cache/` beside the docs folder: a
build extracts only the articles whose bytes changed, and a build with
nothing changed skips the work altogether.

Entries are keyed on each file's bytes (a BLAKE2 digest) under a salt made
of build_scripts.EXTRACTOR_VERSION, the registry's bytes and a digest of the
generator's own code and data, so a changed extractor or registry starts
afresh. The cache only saves time: a build with it writes the same bytes as
a build without it. It is never put inside the articles folder."""
from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import sys
from contextlib import closing, contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import EXTRACTOR_VERSION, collector
from .registry import REGISTRY_FILE
from .sources import Sources, digest

FOLDER = ".cache"
FILE = "news-archive.sqlite"
SCHEMA = """
create table if not exists meta (key text primary key, value blob);
create table if not exists articles (rel text primary key, id text, digest blob, result blob);
create index if not exists articles_seen on articles (rel, id, digest);
"""


@dataclass(frozen=True)
class LastBuild:
    """Enough of the last build to tell that another would change nothing."""

    inputs: bytes                            # Sources.key
    outputs: dict[str, tuple[int, int]]      # generated file -> (size, mtime in ns) after writing
    counts: object                           # pipeline.Counts, for the summary line


class Store:
    """Extraction results by file, and the record of the last build. A
    long-running process (`mkdocs serve`) keeps the results it read in
    memory, so a rebuild does not read them again."""

    _memory: dict[Path, tuple[bytes, dict]] = {}

    def __init__(self, path: Path, salt: bytes):
        self.path, self.salt = path, salt

    @classmethod
    def beside(cls, docs_dir: Path, articles_dir: Path) -> Store | None:
        """`.cache/` in the docs folder's parent; None if that is inside the articles folder."""
        folder = docs_dir.resolve().parent / FOLDER
        if folder.is_relative_to(articles_dir.resolve()):
            return None
        return cls(folder / FILE, salt(articles_dir))

    def extracted(self, src: Sources) -> dict[str, tuple]:
        """{relative path: (article, problems)} for the files seen before with the same id and bytes."""
        entries = self._entries()
        hits = {}
        for _, rel, id_, _ in src.jobs:
            entry = entries.get(rel)
            if entry and src.digests[rel] is not None and entry[:2] == (id_, src.digests[rel]):
                hits[rel] = entry[2]
        return hits

    def update(self, src: Sources, fresh: dict[str, tuple], packed: dict[str, bytes] | None = None) -> None:
        """Record newly extracted files (with their results already pickled,
        when given); forget the ones that are gone."""
        packed = packed or {}
        entries = self._entries()
        new = {rel: (id_, src.digests[rel], fresh[rel]) for _, rel, id_, _ in src.jobs
               if rel in fresh and src.digests[rel] is not None}
        gone = set(entries) - set(src.digests)
        if not new and not gone:
            return
        with self._db() as db:
            db.executemany("delete from articles where rel = ?", [(rel,) for rel in sorted(gone)])
            db.executemany("insert or replace into articles values (?, ?, ?, ?)",      # one at a time
                           ((rel, id_, dig, packed.get(rel) or pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
                            for rel, (id_, dig, result) in new.items()))
        for rel in gone:
            del entries[rel]
        entries.update(new)

    def known(self) -> dict[str, tuple[str, bytes]]:
        """{relative path: (article id, digest)} of every file extracted, without reading the results."""
        kept = self._memory.get(self.path)
        if kept and kept[0] == self.salt:
            return {rel: entry[:2] for rel, entry in kept[1].items()}
        with self._db() as db:
            return {rel: (id_, dig) for rel, id_, dig in db.execute("select rel, id, digest from articles")}

    def keep(self, key: str, value: object) -> None:
        """Keep a value of the last build under a name (`kept` reads it)."""
        with self._db() as db:
            db.execute("insert or replace into meta values (?, ?)", (key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)))

    def kept(self, key: str) -> object | None:
        with self._db() as db, collector.paused():
            row = db.execute("select value from meta where key = ?", (key,)).fetchone()
            return pickle.loads(row[0]) if row else None

    def unchanged(self, src: Sources, docs_dir: Path, owned: tuple[str, ...]) -> LastBuild | None:
        """The last build, if it read the same files and its output is untouched."""
        last = self.kept("last build")
        if last is None:
            return None
        if last.inputs != src.key or last.outputs != outputs(docs_dir, owned):
            return None
        return last

    def remember(self, src: Sources, docs_dir: Path, owned: tuple[str, ...], counts: object) -> None:
        self.keep("last build", LastBuild(src.key, outputs(docs_dir, owned), counts))

    def _entries(self) -> dict[str, tuple]:
        kept = self._memory.get(self.path)
        if kept and kept[0] == self.salt:
            return kept[1]
        with self._db() as db, collector.paused():
            entries = {rel: (id_, dig, pickle.loads(blob)) for rel, id_, dig, blob
                       in db.execute("select rel, id, digest, result from articles")}
        self._memory[self.path] = (self.salt, entries)
        return entries

    @contextmanager
    def _db(self):
        """The database, emptied first if it was written under another salt."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=60)) as db:
            with db:
                db.executescript(SCHEMA)
                row = db.execute("select value from meta where key = 'salt'").fetchone()
                if row is None or row[0] != self.salt:
                    db.execute("delete from articles")
                    db.execute("delete from meta")
                    db.execute("insert into meta values ('salt', ?)", (self.salt,))
            with db:
                yield db


def salt(articles_dir: Path) -> bytes:
    registry = articles_dir / REGISTRY_FILE
    data = registry.read_bytes() if registry.is_file() else b""
    return digest(b"\0".join([EXTRACTOR_VERSION.encode(), sys.version.encode(), code_digest(), data]))


@lru_cache(maxsize=1)
def code_digest() -> bytes:
    """The generator's own code and data: an edited extractor never meets
    results of the old one, even when EXTRACTOR_VERSION was not bumped."""
    package = Path(__file__).resolve().parent
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yml") and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return h.digest()


def outputs(docs_dir: Path, owned: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file in the generated folders."""
    found = {}
    for folder in owned:
        for root, _, names in os.walk(docs_dir / folder):
            prefix = Path(root).relative_to(docs_dir).as_posix()
            for name in names:
                st = os.stat(os.path.join(root, name))
                found[f"{prefix}/{name}"] = (st.st_size, st.st_mtime_ns)
    return found
