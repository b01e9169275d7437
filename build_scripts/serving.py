"""What one `mkdocs serve` session knows between its rebuilds, and how a
rebuild after an edit of articles/ shows the edit within seconds.

MkDocs loads the hook afresh for every rebuild, so the session lives here,
in a module loaded once. After the first build, a rebuild:

1. rewrites the edited articles' own pages at once (build_scripts/quick.py);
   under `--dirty` MkDocs then builds only the pages that changed, and it
   looks at no other generated page (`files`): checking 20,000 pages for
   changes would take a second;
2. after MkDocs has built them, starts the full build as a process of its
   own (`python -m build_scripts build`), which has both cores: serve's
   process runs server threads and may not fork workers. It rewrites the
   other pages the edit reaches (lists, stories, related articles, people);
3. when that process ends, it leaves a stamp in a folder serve watches, so
   one more rebuild follows: MkDocs builds the pages it wrote and Pagefind
   indexes the site again.

A rebuild while the full build runs on the same articles leaves it alone;
a newer edit stops it and starts again from step 1. The search index and
the site-size check wait for the full build."""
from __future__ import annotations

import gc
import logging
import subprocess
import sys
import threading
import time
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.structure.files import File, Files

from . import cache, pipeline, quick, registry, render, signals, sources

log = logging.getLogger("mkdocs.hooks.news_archive")

STAMPS = "serve"        # folder in .cache/ serve watches: a full build that ends leaves a stamp in it


class Session:
    def __init__(self) -> None:
        self.command: str | None = None
        self.dirty = False
        self.builds = 0                             # builds begun in this process
        self.full: subprocess.Popen | None = None   # the full build in the background
        self.stopped: subprocess.Popen | None = None    # the last full build this session stopped itself
        self.full_inputs = b""                      # Sources.key it was started for
        self.pending: tuple[Path, Path, bytes] | None = None   # a full build to start after this build
        self.failed = b""                           # Sources.key of a full build that failed
        self.edited: tuple[str, ...] | None = None  # the only generated pages this build may have changed
        self.templates = _Templates()

    def start(self, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty
        signals.interrupt_on_terminate()

    @property
    def rebuilding(self) -> bool:
        """A rebuild of `mkdocs serve` (not its first build)."""
        return self.command == "serve" and self.builds > 1

    @property
    def waiting(self) -> bool:
        """Whether the full build is still to come or under way: the site is not whole yet."""
        return self.pending is not None or self.running()

    def configure(self, config) -> None:
        """Before a build. Serve's rebuilds write no sitemap: the preview has
        no use for one, and at 10,000 articles it takes a tenth of a second.
        MkDocs reads its configuration before `generate` counts the build:
        here one build done already means this is a rebuild."""
        if self.command == "serve" and self.builds >= 1:
            config.theme.static_templates.discard("sitemap.xml")

    def environment(self, env) -> None:
        """MkDocs makes a new template environment for every build; under serve
        the theme's templates are compiled once, not for every rebuild."""
        if self.command == "serve":
            env.bytecode_cache = self.templates

    def running(self) -> bool:
        return self.full is not None and self.full.poll() is None

    def generate(self, articles: Path, docs: Path) -> None:
        """Before MkDocs reads the pages: the whole build, or after an edit
        while serving the quick pass, with the full build to follow."""
        self.builds += 1
        self.edited = None
        store = cache.Store.beside(docs, articles)
        if not self.rebuilding or store is None:
            result = pipeline.build(articles, docs)
            _log_problems(result.problems, result.notes)
            log.info("news archive: %s", result.summary())
            return
        src = sources.scan(articles)
        if self.running() and src.key == self.full_inputs:
            log.info("news archive: the full build is under way")
            self.edited = ()        # the pages it writes meanwhile are built when it has ended
            return
        if src.key == self.failed:
            return          # not again for the same articles: its error is above
        self.stop()
        if store.unchanged(src, docs, render.GENERATED_DIRS):
            return
        try:
            done = quick.update(articles, docs, src)
        except Exception:           # the full build that follows gives the right pages anyway
            log.warning("news archive: the quick pass failed; the full build follows", exc_info=True)
            done = None
        if done:
            _log_problems(done.problems, ())
            log.info("news archive: %s", done.summary())
            self.edited = done.pages
        self.pending = (articles, docs, src.key)

    def files(self, files: Files, config) -> Files:
        """The site's files as MkDocs goes through them (`on_files`). After a
        quick pass, these are the pages it wrote and every file not generated
        (hand-written pages, the theme's assets): under `--dirty` MkDocs
        would build no other page anyway, but it would read and check each
        of them. While the full build runs, no generated page is gone
        through: the pages it writes meanwhile are built when it has ended,
        by the rebuild that goes through every file. Every file can still be
        found by its path, so links and the navigation resolve as in a full
        build. Only under `--dirty`, which `make serve` gives."""
        if self.edited is None or not self.dirty or config.nav is None:
            return files        # without --dirty MkDocs empties the site first; without a nav it makes one of every page
        edited = set(self.edited)
        return Edited(files, [f for f in files if f.src_uri in edited or not render.generated(f.src_uri)])

    def built(self, articles: Path) -> None:
        """After MkDocs has built the site: start the full build if one is
        due; after serve's first build, load what extracting loads, meanwhile."""
        if self.command == "serve" and self.builds == 1:
            gc.collect()
            gc.freeze()         # what the first build left is not walked by every collection of a rebuild
            if articles.is_dir():
                threading.Thread(target=_warm, args=(articles,), daemon=True).start()
        if self.pending is None:
            return
        articles, docs, self.full_inputs = self.pending
        self.pending = None
        stamps = stamp_folder(docs)
        stamps.mkdir(parents=True, exist_ok=True)
        with signals.held():
            self.full = subprocess.Popen([sys.executable, "-m", "build_scripts", "build", "--articles",
                                          str(articles), "--docs", str(docs)], cwd=articles.parent)
        threading.Thread(target=self._stamp_when_done, args=(self.full, self.full_inputs, stamps),
                         daemon=True).start()

    def stop(self) -> None:
        if self.running():
            self.stopped = self.full
            signals.end(self.full)
        self.full = None

    def _stamp_when_done(self, proc: subprocess.Popen, inputs: bytes, stamps: Path) -> None:
        started = time.perf_counter()
        code = proc.wait()
        if proc is self.stopped:
            return          # stopped for a newer edit, or with serve
        if code:
            self.failed = inputs
            log.warning("news archive: the full build ended with exit code %d: see its error above, "
                        "mend it and save again", code)
        (stamps / "built").write_text(f"{time.time()}\n", "utf-8")
        log.info("news archive: full build done in %.1f s", time.perf_counter() - started)


class Edited(Files):
    """Every file, to be found by path (`get_file_from_path`, `src_uris`);
    only `few` of them when gone through or counted."""

    def __init__(self, files: Files, few: list[File]) -> None:
        super().__init__(files)
        self.few = few

    def __iter__(self):
        return iter(self.few)

    def __len__(self) -> int:
        return len(self.few)


class _Templates(jinja2.BytecodeCache):
    """Compiled templates in memory, each checked against its source by Jinja."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def stamp_folder(docs: Path) -> Path:
    return docs.resolve().parent / cache.FOLDER / STAMPS


def _warm(articles: Path) -> None:
    pipeline.warm(registry.load(articles)[0])


def _log_problems(problems, notes) -> None:
    for problem in problems:
        log.warning("articles/%s", problem)
    for note in notes:
        log.info("articles/%s", note)


SESSION = Session()
