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
import re
import shutil
import signal
import subprocess
import sys
import time
import traceback
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from . import signals, write
from .gazetteer import load as load_gazetteer
from .names import fold
from .pages import OTHERS_END, OTHERS_START, language_name

BUNDLE = "pagefind"                        # the index's folder in the site
PAGES = "articles/**/*.html"               # only article pages are indexed
NOT_INDEXED = "details"                    # the folded "Why these tags" box
PART_PAGES = int(os.environ.get("SEARCH_PART_PAGES") or 3000)    # article pages in one part of the index
PARTS = "parts.json"                       # the parts after the first, in the index's folder
RESULT = "last-build.json"                 # in the kept parts' folder: which were indexed, which kept
PART_FILES = ("pagefind-entry.json", "index", "fragment", "filter")
NO_PAGES = 3            # exit status of an early start given no article page: the built site is indexed instead
IN_MEMORY = Path("/dev/shm")        # a file system in memory, where the system has one (Linux) ...
IN_MEMORY_ROOM = 1 << 30            # ... with this much room: where Pagefind's pages are written


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
    the title and the part marked for it, so these alone give the same index
    (`passed_over`: without what it would pass over)."""
    return (f'<!doctype html>\n<html lang="{html.escape(language)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n</head>\n<body>\n{passed_over(body)}\n</body>\n</html>\n")


_PASSED_OVER = ((re.compile(r"<div data-pagefind-ignore>"), re.compile(r"<(/?)div\b")),
                (re.compile(rf"<{NOT_INDEXED}[\s>]"), re.compile(rf"<(/?){NOT_INDEXED}\b")))


def passed_over(page: str) -> str:
    """An article's HTML without the elements Pagefind passes over (marked
    to be ignored, or `NOT_INDEXED`): the same index from pages a fifth
    smaller to write and read. An element is cut from its opening tag to
    the end tag that closes it (those of its name inside it counted); one
    left open is left in."""
    for opening, tags in _PASSED_OVER:
        out, end = [], 0
        while found := opening.search(page, end):
            depth = 0
            for m in tags.finditer(page, found.start()):
                depth += -1 if m.group(1) else 1
                if not depth:
                    break
            else:
                break
            closing = page.find(">", m.end())
            if closing < 0:
                break
            out.append(page[end:found.start()])
            end = closing + 1
        out.append(page[end:])
        page = "".join(out)
    return page


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

    def wait(self, timeout: float | None = None) -> int:
        if timeout is not None:
            deadline = time.monotonic() + timeout
            while self.poll() is None:
                if time.monotonic() >= deadline:
                    raise subprocess.TimeoutExpired(self.args, timeout)
                time.sleep(0.05)
        if self.returncode is None:
            self.returncode = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return self.returncode

    def terminate(self) -> None:
        if self.returncode is None:
            os.kill(self.pid, signal.SIGTERM)

    def kill(self) -> None:
        if self.returncode is None:
            os.kill(self.pid, signal.SIGKILL)


def pages_folder(folder: Path, memory: Path = IN_MEMORY) -> Path:
    """Where the pages Pagefind reads are written: in a file system in
    memory (`IN_MEMORY`) when there is one with room, else in `folder`.
    The ten thousand files are written, read once and removed: in memory
    that costs next to nothing, while on a disk that ext4 formats without
    a journal, the files the site gets as they are removed take longer to
    make (ext4 passes over an inode freed in the last minutes when it looks
    for one). Named after `folder`: one per project, emptied by the next
    build if a build is stopped before it removes it."""
    try:
        if memory.is_dir() and os.access(memory, os.W_OK) and shutil.disk_usage(memory).free >= IN_MEMORY_ROOM:
            name = hashlib.blake2b(str(folder.resolve()).encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()
            return memory / f"news-archive-{folder.name}-{name}"
    except OSError:
        pass
    return folder


def write_pages(pages: Iterable[tuple[str, str]], folder: Path, count: int | None = None) -> int:
    """`pages` (path in the site, text) as files in a `folder` made afresh,
    or, given a `count` of parts, in its subfolder of its part; how many."""
    shutil.rmtree(folder, ignore_errors=True)
    made: set[Path] = set()
    written = 0
    for rel, text in pages:
        path = (folder / str(part_of(rel, count)) if count else folder) / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text, "utf-8")
        written += 1
    return written


def part_of(rel: str, count: int) -> int:
    """The part (1 to `count`) an article page's index is in: by a hash of
    its path, so a page stays in its part from build to build."""
    return int.from_bytes(hashlib.blake2b(rel.encode("utf-8", "surrogateescape"), digest_size=4).digest(), "big") \
        % count + 1


def index_parts(pages: Callable[[], Iterable[tuple[str, str]]], folder: Path, kept: Path,
                part_pages: int | None = None) -> dict[str, list[int]]:
    """Pagefind over the article pages (path in the site, page for the
    index), in parts of about `part_pages` pages: Pagefind holds every page
    it indexes in memory (about a quarter of a MB each at its peak), so a large
    archive is indexed one part after the other, each part's index kept in
    `kept`/N under a key of its pages' text; a part whose pages did not
    change since the last build is not indexed again. The pages of the
    parts to index are written into `folder` first. Which parts were
    indexed and which were kept, also written to `kept`/RESULT."""
    part_pages = part_pages or PART_PAGES
    texts = [(rel, hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).digest())
             for rel, text in pages()]
    count = max(1, -(-len(texts) // part_pages))
    keys: dict[int, Any] = {}
    for rel, digest in sorted(texts):
        n = part_of(rel, count)
        if n not in keys:
            keys[n] = hashlib.blake2b(repr((command(Path("."), Path(".")), _pagefind_version(), count)).encode(),
                                      digest_size=16)
        keys[n].update(rel.encode("utf-8", "surrogateescape") + b"\0" + digest)
    stale = sorted(n for n, key in keys.items() if _stamp(kept, n) != key.digest())
    if stale:
        write_pages(((rel, text) for rel, text in pages() if part_of(rel, count) in stale), folder, count)
        for n in stale:
            fresh = kept / f"{n}.new"
            shutil.rmtree(fresh, ignore_errors=True)
            subprocess.run(command(folder / str(n), fresh), check=True)
            shutil.rmtree(folder / str(n), ignore_errors=True)       # its pages, no longer needed
            (kept / f"{n}.key").unlink(missing_ok=True)
            shutil.rmtree(kept / str(n), ignore_errors=True)
            fresh.rename(kept / str(n))
            (kept / f"{n}.key").write_bytes(keys[n].digest())
    result = {"parts": sorted(keys), "indexed": stale}
    kept.mkdir(parents=True, exist_ok=True)
    for item in kept.iterdir():         # the parts of an earlier build cut otherwise
        if item.name.split(".")[0].isdigit() and int(item.name.split(".")[0]) not in keys:
            (shutil.rmtree if item.is_dir() else os.remove)(item)
    (kept / RESULT).write_text(json.dumps(result), "utf-8")
    return result


def _stamp(kept: Path, n: int) -> bytes | None:
    try:
        return (kept / f"{n}.key").read_bytes() if (kept / str(n) / "pagefind-entry.json").is_file() else None
    except OSError:
        return None


def install(kept: Path, parts: list[int], site_dir: Path) -> None:
    """The kept parts' indexes into the site: the first in BUNDLE, the others
    in BUNDLE/N without the scripts and styles (the first part's serve all),
    listed in BUNDLE/PARTS for the search page to merge. The files are
    hard links to the kept ones (`write.link_or_copy`): nothing writes
    into either in place, since a part is indexed into a new folder and the
    site's index folder is removed before Pagefind writes into it."""
    target = site_dir / BUNDLE
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(kept / str(parts[0]), target, copy_function=write.link_or_copy)
    for n in parts[1:]:
        shutil.copytree(kept / str(n), target / str(n), copy_function=write.link_or_copy,
                        ignore=lambda folder, names: [] if Path(folder) != kept / str(n) else
                        [name for name in names if not (name in PART_FILES or name.endswith(".pf_meta"))])
    (target / PARTS).write_text(json.dumps([str(n) for n in parts[1:]]), "utf-8")


def site_pages(site_dir: Path) -> Iterator[tuple[str, str]]:
    """The article pages of a built site: (path in the site, HTML)."""
    for path in sorted((site_dir / "articles").rglob("*.html")):
        text = path.read_text("utf-8")
        if "data-pagefind-body" in text:        # what Pagefind indexes of a site whose pages mark their text
            yield path.relative_to(site_dir).as_posix(), passed_over(text)


def index_site(site_dir: Path, work: Path, kept: Path) -> dict[str, list[int]]:
    """Pagefind over the article pages of a built site, in parts
    (`index_parts`, their pages copied into `work`), into the site; a site
    without article pages is indexed whole."""
    try:
        result = index_parts(lambda: site_pages(site_dir), work, kept)
    finally:        # also when stopped (serve starts another build): the pages may be in memory
        shutil.rmtree(work, ignore_errors=True)
    if result["parts"]:
        install(kept, result["parts"], site_dir)
    else:
        shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)       # linked files: see install
        subprocess.run(command(site_dir), check=True)
        (site_dir / BUNDLE / PARTS).write_text("[]", "utf-8")
    return result


def _pagefind_version() -> str:
    """The versions of Pagefind's package and of its binary (each may change alone)."""
    versions = []
    for package in ("pagefind", "pagefind-bin-extended"):
        try:
            versions.append(metadata.version(package))
        except metadata.PackageNotFoundError:
            versions.append("none")
    return "/".join(versions)


class Indexer:
    """Runs pagefind on the built site. While `mkdocs serve` runs it indexes
    in the background, so a rebuild is shown without waiting for it, and a
    newer build replaces an indexing still under way."""

    def __init__(self) -> None:
        self.background = False
        self.running: subprocess.Popen | None = None
        self.early: Forked | None = None
        self.pages: Path | None = None      # the article pages of an early start
        self.kept: Path | None = None       # the parts' indexes of an early start
        self.last: dict[str, list[int]] = {}    # the parts of the last early index, and those indexed again

    def start(self, site_dir: Path, pages: Callable[[], Iterable[tuple[str, str]]], folder: Path,
              kept: Path | None = None) -> None:
        """Index before the site is written: a forked process indexes
        `pages()` (each article page's path in the site and its page for the
        index) in parts (`index_parts`: their pages written into `folder`,
        their indexes kept in `kept`), while the build goes on. `index` then
        waits for it and copies the parts into the site, instead of
        starting afresh; when there was no article page (Pagefind fails on
        an empty folder), it indexes the built site. Only from a process
        with a single thread (see parallel.forkable)."""
        self.stop()
        kept = kept or folder.with_name(folder.name + "-index")
        args = command(folder, kept)
        with signals.held() as release:
            pid = os.fork()
            if pid == 0:        # the forked process: it never returns
                try:
                    if release():       # a signal came after the fork: the build stops, and this with it
                        os._exit(1)
                    signals.interrupt_on_terminate()     # Pagefind is stopped with this process
                    os._exit(0 if index_parts(pages, folder, kept)["parts"] else NO_PAGES)
                except KeyboardInterrupt:       # stopped with the build (Ctrl-C, SIGTERM)
                    pass
                except BaseException:
                    traceback.print_exc()
                os._exit(1)
            self.early, self.pages, self.kept = Forked(pid, args), folder, kept

    def index(self, site_dir: Path, work: Path | None = None, kept: Path | None = None) -> None:
        """Index the built site, or wait for the early start's index and copy it
        in. Given a `work` folder and where parts are `kept`, the built
        site is indexed in parts (`index_site`), in a process of its own."""
        self.last = {}
        if self.early:
            early, kept, self.early = self.early, self.kept, None
            code = early.wait()
            self._forget_pages()
            if code != NO_PAGES:
                if code:
                    raise subprocess.CalledProcessError(code, early.args)
                self.last = json.loads((kept / RESULT).read_text("utf-8"))
                install(kept, self.last["parts"], site_dir)
                return
        self.stop()
        if work and kept:
            args = [sys.executable, "-m", "build_scripts.search", str(site_dir.resolve()), str(work), str(kept)]
        else:
            args = command(site_dir)
            shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)       # linked files: see install
            (site_dir / BUNDLE).mkdir(parents=True)
            (site_dir / BUNDLE / PARTS).write_text("[]", "utf-8")       # one part: the built site's
        home = Path(__file__).resolve().parents[1]      # where build_scripts is found
        if self.background:
            with signals.held():
                self.running = subprocess.Popen(args, cwd=home)
        else:
            subprocess.run(args, check=True, cwd=home)

    def stop(self) -> None:
        for proc in (self.running, self.early):
            if proc:
                signals.end(proc)
        self.running = self.early = None
        self._forget_pages()

    def _forget_pages(self) -> None:
        if self.pages:
            shutil.rmtree(self.pages, ignore_errors=True)
            self.pages = None


INDEXER = Indexer()      # one per process: MkDocs loads its hooks afresh for every rebuild


if __name__ == "__main__":      # python -m build_scripts.search SITE WORK KEPT: `Indexer.index` in its own process
    signals.interrupt_on_terminate()         # Pagefind is stopped with this process
    try:
        index_site(*map(Path, sys.argv[1:4]))
    except KeyboardInterrupt:
        sys.exit(1)
