"""Site search with Pagefind (PyPI's `pagefind[extended]`, which bundles the
binary): article pages carry their text and their filters (person,
country, language, source, year) for the index, which the pagefind binary
builds from the article pages after `mkdocs build`. The search page
(docs/search.md, docs/javascripts/archive-search.js) downloads only the
pieces of the index a query needs, and a filter's data only when it is used.

A filter's data grows with the articles that carry it; people are many, so
the person filter is split by initial ("person-l" holds Laurent Nuñez) and
narrowing by one person downloads the people of one letter only."""
from __future__ import annotations

import hashlib
import html
import json
import os
import shutil
import signal
import subprocess
import sys
import traceback
from importlib import metadata
from pathlib import Path
from typing import Callable, Iterable

from . import signals
from .gazetteer import load as load_gazetteer
from .names import fold
from .pages import OTHERS_END, OTHERS_START, language_name

BUNDLE = "pagefind"                        # the index's folder in the site
PAGES = "articles/**/*.html"               # only article pages are indexed
NOT_INDEXED = "details"                    # the folded "Why these tags" box
PART_PAGES = int(os.environ.get("SEARCH_PART_PAGES") or 5000)    # article pages in one part of the index
PARTS = "parts.json"                       # the parts after the first, in the index's folder
PART_FILES = ("pagefind-entry.json", "index", "fragment", "filter")
NO_PAGES = 3            # exit status of an early start given no article page: the built site is indexed instead


def is_article(meta: dict, src_uri: str) -> bool:
    return src_uri.startswith("articles/") and "source_file" in meta


def filters(meta: dict) -> list[tuple[str, str]]:
    """(filter, value) pairs of an article page, from its front matter."""
    names = load_gazetteer().names
    date = meta.get("date")
    pairs = [(person_key(name), name) for name in meta.get("actors") or ()]
    pairs += [("country", names.get(code, code)) for code in meta.get("countries") or ()]
    pairs.append(("language", language_name(meta.get("language") or "und")))
    pairs.append(("source", meta.get("source") or "not stated"))
    pairs.append(("year", str(date)[:4] if date else "undated"))
    return pairs


def person_key(name: str) -> str:
    initial = fold(name)[:1]
    return f"person-{initial if 'a' <= initial <= 'z' else 'other'}"


def mark_article(content: str, meta: dict) -> str:
    """The article's HTML as the part of the page Pagefind indexes, with its
    filters as attribute values (escaped: names are data, never markup).
    What the page shows of other articles (their titles) is passed over: a
    search finds the articles that hold its words, and Pagefind needs about
    a tenth less memory."""
    tags = "".join(f'<span data-pagefind-filter="{key}[data-value]" data-value="{html.escape(value, quote=True)}">'
                   "</span>" for key, value in filters(meta))
    content = content.replace(OTHERS_START, "<div data-pagefind-ignore>").replace(OTHERS_END, "</div>")
    return f"<div data-pagefind-body>{tags}\n{content}\n</div>"


def command(site_dir: Path, output: Path | None = None) -> list[str]:
    """Pagefind over the article pages of `site_dir`, its index into the
    site's BUNDLE folder, or into `output`."""
    where = ["--output-path", str(output)] if output else ["--output-subdir", BUNDLE]
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), *where,
            "--glob", PAGES, "--exclude-selectors", NOT_INDEXED, "--silent"]


def page_for_index(language: str, title: str, body: str) -> str:
    """An article page as Pagefind reads it: of a page it takes the language,
    the title and the part marked for it, so these alone give the same index."""
    return (f'<!doctype html>\n<html lang="{html.escape(language)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def index_in_parts(folder: Path, output: Path, part_pages: int | None = None) -> None:
    """Pagefind over the article pages in `folder`, into `output`, at most
    `part_pages` pages at a time: Pagefind holds every page it indexes in
    memory (about 0.1 MB each at its peak), so a large archive is indexed
    in parts, one after the other, each into a folder of its own
    (`output`/2, ...) listed in `output`/parts.json; the search page merges
    them (Pagefind's `mergeIndex`, which downloads no more for a query:
    each part holds the words of its own pages)."""
    part_pages = part_pages or PART_PAGES
    pages = sorted(folder.joinpath("articles").rglob("*.html"))
    count = max(1, -(-len(pages) // part_pages))
    size = -(-len(pages) // count)
    names = [str(k) for k in range(2, count + 1)]
    for name, start in zip(names, range(size, len(pages), size)):
        for page in pages[start:start + size]:
            moved = folder / name / page.relative_to(folder)
            moved.parent.mkdir(parents=True, exist_ok=True)
            page.rename(moved)
    subprocess.run(command(folder, output), check=True)
    for name in names:
        subprocess.run(command(folder / name, output / name), check=True)
        for item in (output / name).iterdir():      # the part's words and pages: scripts and styles are the first's
            if not (item.name in PART_FILES or item.suffix == ".pf_meta"):
                (shutil.rmtree if item.is_dir() else os.remove)(item)
    (output / PARTS).write_text(json.dumps(names), "utf-8")


class Forked:
    """A forked process, handled as a `subprocess.Popen`."""

    def __init__(self, pid: int, args: list[str]) -> None:
        self.pid, self.args, self.returncode = pid, args, None

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self) -> int:
        if self.returncode is None:
            self.returncode = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return self.returncode

    def terminate(self) -> None:
        if self.returncode is None:
            os.kill(self.pid, signal.SIGTERM)


def write_pages(pages: Iterable[tuple[str, str]], folder: Path) -> int:
    """`pages` (path in the site, text) as files in a `folder` made afresh; how many."""
    shutil.rmtree(folder, ignore_errors=True)
    made: set[Path] = set()
    count = 0
    for rel, text in pages:
        path = folder / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text, "utf-8")
        count += 1
    return count


class Kept:
    """The index of an earlier build, kept in `folder` under `key` (what the
    pages for the index were made of, and Pagefind's version and options):
    a build whose article pages did not change copies it instead of
    indexing again."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder, self.key = folder, key
        self.fresh = folder.with_name(folder.name + ".new")     # where a new index is written
        self.stamp = folder.with_name(folder.name + ".key")

    @classmethod
    def of(cls, folder: Path, pages: Iterable[tuple[str, bytes]], *settings: str) -> Kept:
        """For article pages given as (path, key of its content) and whatever
        else makes their pages for the index."""
        h = hashlib.blake2b(repr((command(Path("."), Path(".")), _pagefind_version(), PART_PAGES, settings)).encode(),
                            digest_size=16)
        for path, key in sorted(pages):
            h.update(path.encode("utf-8", "surrogateescape") + b"\0" + key)
        return cls(folder, h.digest())

    def matches(self) -> bool:
        try:
            return self.stamp.read_bytes() == self.key and (self.folder / "pagefind-entry.json").is_file()
        except OSError:
            return False

    def adopt(self) -> None:
        """The index just written into `fresh` becomes the one kept."""
        self.stamp.unlink(missing_ok=True)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.fresh.rename(self.folder)
        self.stamp.write_bytes(self.key)

    def install(self, site_dir: Path) -> None:
        target = site_dir / BUNDLE
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(self.folder, target)


def _pagefind_version() -> str:
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        return "none"


class Indexer:
    """Runs pagefind on the built site. While `mkdocs serve` runs it indexes
    in the background, so a rebuild is shown without waiting for it, and a
    newer build replaces an indexing still under way. An index kept from an
    earlier build of the same article pages is copied instead (`keep`)."""

    def __init__(self) -> None:
        self.background = False
        self.running: subprocess.Popen | None = None
        self.early: Forked | None = None
        self.pages: Path | None = None      # the article pages of an early start
        self.kept: Kept | None = None
        self.reuse = False

    def keep(self, kept: Kept | None) -> None:
        """Before `start` or `index`: where this build's index is kept, and
        under which key; an index kept under that key is used as it is."""
        self.kept = kept
        self.reuse = bool(kept and kept.matches())

    def start(self, site_dir: Path, pages: Callable[[], Iterable[tuple[str, str]]], folder: Path) -> None:
        """Index before the site is written: a forked process writes `pages()`
        (each article page's path in the site and its page for the index)
        into `folder`, then becomes Pagefind, while the build goes on. `index`
        then waits for it instead of starting afresh; when there was no
        article page (Pagefind fails on an empty folder), it indexes the
        built site. Only from a process with a single thread (see
        parallel.forkable)."""
        self.stop()
        if self.reuse:
            return
        if self.kept:
            shutil.rmtree(self.kept.fresh, ignore_errors=True)
        args = command(folder, output=self.kept.fresh if self.kept else site_dir.resolve() / BUNDLE)
        with signals.held() as release:
            pid = os.fork()
            if pid == 0:        # the forked process: it never returns
                try:
                    if release():       # a signal came after the fork: the build stops, and this with it
                        os._exit(1)
                    for name in signals.TERMINATING:     # Pagefind is stopped with this process
                        signal.signal(getattr(signal, name), signals.interrupt)
                    if not write_pages(pages(), folder):
                        os._exit(NO_PAGES)
                    index_in_parts(folder, Path(args[args.index("--output-path") + 1]))
                    os._exit(0)
                except KeyboardInterrupt:       # stopped with the build (Ctrl-C, SIGTERM)
                    pass
                except BaseException:
                    traceback.print_exc()
                os._exit(1)
            self.early, self.pages = Forked(pid, args), folder

    def index(self, site_dir: Path) -> None:
        kept, self.kept = self.kept, None
        if self.reuse:
            self.reuse = False
            kept.install(site_dir)
            return
        if self.early:
            early, self.early = self.early, None
            code = early.wait()
            self._forget_pages()
            if code != NO_PAGES:
                if code:
                    raise subprocess.CalledProcessError(code, early.args)
                if kept:
                    try:
                        kept.adopt()
                    except OSError:         # another build adopted one meanwhile: this build's own is used
                        kept.folder = kept.fresh
                    kept.install(site_dir)
                return
        self.stop()
        (site_dir / BUNDLE).mkdir(parents=True, exist_ok=True)
        (site_dir / BUNDLE / PARTS).write_text("[]", "utf-8")       # one part: the built site's
        if self.background:
            with signals.held():
                self.running = subprocess.Popen(command(site_dir))
        else:
            subprocess.run(command(site_dir), check=True)

    def stop(self) -> None:
        for proc in (self.running, self.early):
            if proc and proc.poll() is None:
                proc.terminate()
                proc.wait()
        self.running = self.early = None
        self._forget_pages()

    def _forget_pages(self) -> None:
        if self.pages:
            shutil.rmtree(self.pages, ignore_errors=True)
            self.pages = None


INDEXER = Indexer()      # one per process: MkDocs loads its hooks afresh for every rebuild
