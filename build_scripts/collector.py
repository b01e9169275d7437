"""Python's cycle collector, paused while a build holds the archive.

A build keeps millions of small objects alive (the articles, their lines
and tags) and makes millions more. Each time enough new objects pile up,
the collector walks every one still alive; at 10,000 articles these walks
took a fifth of a regeneration after one edit, and freed nothing: what a
build makes is freed as soon as it is let go, cycles being rare. So a build
runs with the collector paused, and it resumes (and collects) after.
Extraction workers, which go through thousands of articles one by one,
run it again (`resume_in_worker`)."""
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


def resume_in_worker() -> None:
    """In a forked worker: what it inherited is never walked (frozen), what
    it makes is collected as usual."""
    gc.freeze()
    gc.enable()
