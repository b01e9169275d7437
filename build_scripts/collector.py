"""Python's cycle collector, paused while a build holds the archive.

A build keeps millions of small objects alive (the articles, their lines
and tags) and makes millions more. Each time enough new objects pile up,
the collector walks every one still alive; at 10,000 articles these walks
took a fifth of a regeneration after one edit, and freed nothing: what a
build makes is freed as soon as it is let go, cycles being rare. So a build
runs with the collector paused, and it resumes (and collects) after.

Extraction workers keep it paused too (`in_worker`). Extracting an article
makes no reference cycle (a test checks this on every article the tests
hold), so everything an article leaves is freed when it is let go; the
collector's walks over each article's young objects cost an eighth of
extraction's time and freed nothing. `mkdocs build` freezes what its own
process holds at each step (`freeze`)."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def in_worker() -> None:
    """In an extraction worker: the collector paused, whether the worker was
    forked from a build (which paused it) or started afresh (under serve);
    what it inherited frozen, so a collection asked for never walks it."""
    gc.freeze()
    gc.disable()


def freeze(collecting: bool) -> None:
    """In a process that ends with this build (`mkdocs build`): what it
    holds now (the site's files, pages and navigation) is put out of the
    collector's reach until the process ends, and the collector runs on
    what comes next, or stays paused (`collecting=False`) while the build's
    own process goes through the pages on its own. Its collections walked
    every page each time: at 10,000 articles, 0.6 s during MkDocs' own pass
    (while no other core works) and 0.25 s as the process ended. Workers
    forked after a freeze find the pages frozen, so their collections
    neither walk them nor copy the memory they lie in; they collect what
    they make themselves. The hook pauses it only while no other plugin
    runs: another plugin's garbage, made during the pass and frozen after
    it, would stay until the end."""
    gc.freeze()
    if collecting:
        gc.enable()
    else:
        gc.disable()
