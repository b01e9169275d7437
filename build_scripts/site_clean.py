"""`mkdocs build` without emptying the site first: the site's files are
rewritten in place and, once the build has ended, the files it did not
write are removed. The site is the same as after MkDocs' own cleaning.

MkDocs removes every file of the site before it writes the new one
(`clean_directory`). At 10,000 articles that is 35,000 files removed and
as many made again, and on a file system that scans the inodes it freed a
moment ago before it hands out a new one (ext4 without a journal), a build
with nothing changed spent two thirds of its time in the kernel doing so.
Here a file is only removed if nothing wrote it during the build: each
write, copy or link changes its inode's change time (ctime, which no
program can set), so a file whose ctime is older than a marker touched at
the start of the build is left over from an earlier one.

Hard links (the feeds, the search index, linked from the docs and cache
folders) are removed first, as MkDocs would: writing into one in place
would write into the file it shares. Removing a link frees no inode, so
it costs little. The site is emptied as MkDocs does it when the layout of
its paths may have changed (another site folder, `use_directory_urls`,
theme, or MkDocs version: a file where a folder now goes), or when the
last build did not end. Only for `mkdocs build`; serve builds as MkDocs does."""
from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs import utils

MARKER = "site-build.json"      # in .cache/: the build's start (its ctime) and the site's layout


class InPlace:
    def __init__(self) -> None:
        self.marker: Path | None = None
        self.site: str | None = None
        self.prepared = False          # whether this build's cleaning ran (not under --dirty)
        self.size: int | None = None   # bytes of the site after the last `finish`
        self._layout = ""
        self._clean = None

    def start(self, config, cache: Path) -> None:
        """Before the build (`on_pre_build`): MkDocs' cleaning of the site
        replaced by this one, for this build."""
        self.stop()
        self.size = None
        self.marker, self.site = cache / MARKER, config["site_dir"]
        self._layout = json.dumps([os.path.realpath(self.site), bool(config["use_directory_urls"]),
                                   config["theme"].name, _mkdocs_version()])
        self._clean = utils.clean_directory
        utils.clean_directory = self._prepare

    def _prepare(self, directory: str) -> None:
        if os.path.realpath(directory) != os.path.realpath(self.site or ""):
            return self._clean(directory)
        previous = _read(self.marker)
        self.prepared = True
        self.marker.parent.mkdir(parents=True, exist_ok=True)
        self.marker.write_text(json.dumps({"layout": self._layout, "ended": False}), "utf-8")
        if not previous or previous.get("layout") != self._layout or not previous.get("ended"):
            self._clean(directory)
            return
        for folder, _, names in _walk(directory):
            for name in names:
                path = os.path.join(folder, name)
                if os.lstat(path).st_nlink > 1 or os.path.islink(path):
                    os.unlink(path)

    def finish(self) -> int:
        """After the build (the end of `on_post_build`): the files it did
        not write removed, and folders left empty; how many files. The
        bytes of the files left (the site's size, its hidden files at the
        top aside) are then in `size`: the walk that looks at every file
        also adds them up."""
        if not self.prepared or not self.marker.is_file():
            self.stop()
            return 0
        started = self.marker.stat().st_ctime_ns
        removed = size = 0
        walked, holding = set(), set()         # folders seen (a link to one is not walked), those left with files
        for folder, dirs, names in _walk(self.site, topdown=False):     # a folder after the folders in it
            walked.add(folder)
            for name in names:
                path = os.path.join(folder, name)
                status = os.lstat(path)
                if status.st_ctime_ns < started:
                    os.unlink(path)
                    removed += 1
                else:
                    size += status.st_size
                    holding.add(folder)
            for name in dirs:
                path = os.path.join(folder, name)
                if path in holding or path not in walked:
                    holding.add(folder)
                else:
                    os.rmdir(path)
        self.size = size
        self.marker.write_text(json.dumps({"layout": self._layout, "ended": True}), "utf-8")
        self.stop()
        return removed

    def stop(self) -> None:
        """MkDocs' own cleaning back (a failed build leaves the marker unended)."""
        if self._clean is not None:
            utils.clean_directory = self._clean
            self._clean = None
        self.marker, self.prepared = None, False


def _walk(directory: str, topdown: bool = True):
    """os.walk of the site, without the hidden entries of its top (MkDocs
    keeps them too); the top itself last."""
    if not os.path.isdir(directory):
        return
    top = [entry for entry in os.scandir(directory) if not entry.name.startswith(".")]
    folders = [entry.name for entry in top if entry.is_dir(follow_symlinks=False)]
    for name in folders:
        yield from os.walk(os.path.join(directory, name), topdown=topdown)
    yield directory, folders, [entry.name for entry in top if not entry.is_dir(follow_symlinks=False)]


def _read(marker: Path) -> dict | None:
    try:
        return json.loads(marker.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _mkdocs_version() -> str:
    from mkdocs import __version__

    return __version__


SITE = InPlace()
