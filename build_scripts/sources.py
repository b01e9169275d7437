"""What a build reads: the registry, the article files with their ids, and
a digest of each file's bytes (to tell what changed since the last build)."""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from . import readers, registry
from .errors import Problem
from .ids import article_ids


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


@dataclass(frozen=True)
class Sources:
    articles_dir: Path
    registry: registry.Registry
    problems: tuple[Problem, ...]                # the registry's, and files skipped (with notes)
    jobs: tuple[tuple, ...]                      # (path, relative path, article id, sidecar), sorted
    digests: dict[str, bytes | None]            # relative path -> digest of the file and its sidecar

    @property
    def key(self) -> bytes:
        """One digest of every file's path, id and bytes."""
        return digest(b"".join(f"{rel}\0{id_}\0".encode() + (self.digests[rel] or b"unreadable") + b"\0"
                               for _, rel, id_, _ in self.jobs))


def scan(articles_dir: Path) -> Sources:
    reg, problems = registry.load(articles_dir)
    found, skipped = readers.discover(articles_dir)
    ids = article_ids([s.rel for s in found])
    return Sources(articles_dir, reg, tuple(problems + skipped),
                   tuple((s.path, s.rel, ids[s.rel], s.sidecar) for s in found),
                   {s.rel: _file_digest(s.path, s.sidecar) for s in found})


SETTLED_NS = 2_000_000_000      # a file this much older than its digest can be known by its size and times


def _file_digest(path: Path, sidecar: tuple[Path, str] | None) -> bytes | None:
    """The article's bytes and its sidecar's: a changed sidecar changes the article.

    A file is digested again only when its size, modification or change
    time or inode changed since it was digested, by this process or by an
    earlier build (`recall`). As git does with its index, a file modified
    shortly before it was digested is digested every time: a second write
    within the file system's clock tick keeps the times."""
    try:
        stats = tuple(_stat(p) for p in (path, *(sidecar[:1] if sidecar else ())))
        known = _digests.get(path)
        if known and known[0] == stats:
            return known[1]
        data = path.read_bytes()
        if sidecar:
            data += b"\0sidecar\0" + sidecar[0].read_bytes()
        found = digest(data)
    except OSError:
        return None
    if time.time_ns() - max(max(times) for _, *times, _ in stats) > SETTLED_NS:
        _digests[path] = (stats, found)
    return found


_digests: dict[Path, tuple[tuple, bytes]] = {}


def _stat(path: Path) -> tuple[int, int, int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def recall(articles_dir: Path, known: dict[str, tuple[tuple, bytes]]) -> None:
    """Digests an earlier build made ({relative path: (sizes and times, digest)})."""
    for rel, entry in known.items():
        _digests.setdefault(articles_dir / rel, entry)


def settled(src: Sources) -> dict[str, tuple[tuple, bytes]]:
    """The digests of this build that a later one may trust, for `recall`."""
    return {rel: _digests[path] for path, rel, _, _ in src.jobs if path in _digests}
