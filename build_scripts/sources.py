"""What a build reads: the registry, the article files with their ids, and
a digest of each file's bytes (to tell what changed since the last build)."""
from __future__ import annotations

import hashlib
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
    problems: tuple[Problem, ...]                # the registry's
    jobs: tuple[tuple[Path, str, str], ...]      # (path, relative path, article id), sorted
    digests: dict[str, bytes | None]            # relative path -> digest; None if it cannot be read

    @property
    def key(self) -> bytes:
        """One digest of every file's path, id and bytes."""
        return digest(b"".join(f"{rel}\0{id_}\0".encode() + (self.digests[rel] or b"unreadable") + b"\0"
                               for _, rel, id_ in self.jobs))


def scan(articles_dir: Path) -> Sources:
    reg, problems = registry.load(articles_dir)
    found = readers.discover(articles_dir)
    ids = article_ids([rel for _, rel in found])
    return Sources(articles_dir, reg, tuple(problems), tuple((path, rel, ids[rel]) for path, rel in found),
                   {rel: _file_digest(path) for path, rel in found})


def _file_digest(path: Path) -> bytes | None:
    try:
        return digest(path.read_bytes())
    except OSError:
        return None
