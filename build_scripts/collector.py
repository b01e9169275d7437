"""Python's cycle collector, paused while a build holds the archive.

A build keeps millions of small objects alive (the articles, their lines
and tags) and makes millions more. Each time enough new objects pile up,
the collector walks every one still alive; at 10,000 articles these walks
took a fifth of a regeneration after one edit, and freed nothing: what a
build makes is freed as soon as it is let go, cycles being rare. So a build
runs with the collector paused, and it resumes (and collects) after.

Extraction workers keep it paused too (`in_worker`). Extracting an article
makes no reference cycle (a test checks this on every article of the
sample archive), so everything an article leaves is freed when it is let
go; the collector's walks over each article's young objects cost an
eighth of extraction's time and freed nothing."""
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
