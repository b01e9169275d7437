"""Write generated files: only those whose bytes changed, atomically, never
outside the generated folders of the docs folder; prune stale ones."""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


class UnsafePath(ValueError):
    pass


def target(docs: Path, rel: str, owned: tuple[str, ...]) -> Path:
    """The file for `rel`, refusing anything outside an owned folder of docs/."""
    return targets(docs, owned)(rel)


def targets(docs: Path, owned: tuple[str, ...]) -> Callable[[str], Path]:
    """`target` for many files: each folder is resolved (symbolic links
    followed) and checked once. A file that is itself a link is replaced,
    not written through."""
    root = os.path.realpath(docs)
    allowed = tuple(os.path.join(root, d) for d in owned)
    folders: dict[str, str | None] = {}         # folder as given -> resolved, or None outside

    def target(rel: str) -> Path:
        parent, _, name = rel.rpartition("/")
        if parent not in folders:
            resolved = os.path.realpath(os.path.join(root, parent))
            inside = any(resolved == a or resolved.startswith(a + os.sep) for a in allowed)
            folders[parent] = resolved if inside else None
        folder = folders[parent]
        if folder is None or name in ("", ".", "..") or ".." in parent.split("/"):
            raise UnsafePath(f"refusing to write {rel!r}: outside the generated folders of {docs}")
        return Path(folder, name)

    return target


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Written:
    """What writing some of the files did."""

    kept: tuple[str, ...]          # every file given, written or not
    written: tuple[str, ...]
    unchanged: int


def write_tree(docs: Path, files: dict[str, str], owned: tuple[str, ...]) -> WriteReport:
    return finish(docs, owned, [write_files(docs, files, owned)])


def write_files(docs: Path, files: dict[str, str], owned: tuple[str, ...]) -> Written:
    """Write the files whose bytes changed; prune nothing (see finish)."""
    written, unchanged = [], 0
    target = targets(docs, owned)
    for rel in sorted(files):
        path = target(rel)
        data = files[rel].encode("utf-8")
        try:
            if path.read_bytes() == data:
                unchanged += 1
                continue
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            pass
        atomic_write(path, data)
        written.append(rel)
    return Written(tuple(files), tuple(written), unchanged)


def finish(docs: Path, owned: tuple[str, ...], parts: list[Written]) -> WriteReport:
    """After every part is written: remove the files of the owned folders no
    part kept, and empty folders, and report."""
    target = targets(docs, owned)
    keep = {str(target(rel)) for part in parts for rel in part.kept}
    written = sorted(rel for part in parts for rel in part.written)
    unchanged = sum(part.unchanged for part in parts)
    removed = []
    root = os.path.realpath(docs)
    for d in owned:
        top = os.path.join(root, d)
        if os.path.realpath(top) != top:
            continue        # a generated folder linked elsewhere: nothing there is pruned
        for folder, dirs, names in os.walk(top, topdown=False):
            for name in names:
                path = os.path.join(folder, name)
                if path not in keep:
                    os.unlink(path)
                    removed.append(os.path.relpath(path, root).replace(os.sep, "/"))
            for name in dirs:
                path = os.path.join(folder, name)
                if not os.path.islink(path) and not os.listdir(path):
                    os.rmdir(path)
    return WriteReport(tuple(written), unchanged, tuple(sorted(removed)))


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """`source` at `target` as a hard link (linking thousands of files takes
    a fraction of the time copying them does), or as a copy where the two
    are on different file systems. For files never written in place
    afterwards: the generator replaces a file it changes (`atomic_write`),
    which leaves the link with the old bytes, and MkDocs empties a site
    folder by removing its files."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
