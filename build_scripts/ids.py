"""Stable article ids from the file's path in articles/: a link stays valid
when extraction improves, and no two files can share an id."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from functools import lru_cache

from .names import slugify


def article_ids(paths: list[str]) -> dict[str, str]:
    """'world/Le Monde 1.txt' -> 'world/le-monde-1'. Paths whose slugs collide
    (a.txt and a.md, 'A b.txt' and 'a-b.txt') all get a short hash of the path."""
    base = {path: _slug(path) for path in paths}
    groups = defaultdict(list)
    for path, slug in base.items():
        groups[slug].append(path)
    ids = {}
    for slug, members in groups.items():
        for path in members:
            if len(members) == 1:
                ids[path] = slug
            else:
                ids[path] = f"{slug}-{hashlib.sha1(path.encode()).hexdigest()[:6]}"
    return ids


@lru_cache(maxsize=1 << 16)         # serve computes the ids for every save: the same paths again
def _slug(path: str) -> str:
    folder, _, name = path.rpartition("/")
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name     # as PurePosixPath(path).stem
    return "/".join([_folder_slug(part) for part in folder.split("/") if part] + [slugify(stem, 80)])


@lru_cache(maxsize=4096)
def _folder_slug(part: str) -> str:
    return slugify(part, 60)
