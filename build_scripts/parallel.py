"""Extract many articles on every core: chunks of files go to worker
processes, results come back in the order the files were given, so the
archive is the same whatever the number of workers."""
from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator

from .registry import Registry

Job = tuple            # (path, relative path, article id, sidecar), as pipeline.extract_one takes them
MIN_PARALLEL = 64      # fewer articles than this are quicker to extract than to start workers for
CHUNK = 32             # articles per task: big enough to make sending them cheap, small for even loads


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:          # not on Linux
        return os.cpu_count() or 1


def extract_many(work: Callable, jobs: list[Job], registry: Registry, workers: int | None = None) -> Iterator:
    """`work(*job, registry)` for every job, in order.

    The first job runs here: it loads the extractors' data (gazetteer, given
    names, word frequencies) once, and workers forked afterwards share it."""
    workers = cores() if workers is None else workers
    if workers <= 1 or len(jobs) < MIN_PARALLEL:
        for job in jobs:
            yield work(*job, registry)
        return
    yield work(*jobs[0], registry)
    chunks = [jobs[i:i + CHUNK] for i in range(1, len(jobs), CHUNK)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_start,
                             initargs=(work, registry)) as pool:
        for results in pool.map(_run, chunks):
            yield from results


def forkable(workers: int) -> bool:
    """Whether work may go to forked processes: more than one worker, and no
    other thread whose locks a fork would copy in whatever state they are."""
    return workers > 1 and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def fork_map(work: Callable, parts: list, workers: int | None = None) -> list:
    """[work(part) for part in parts], on every core when this process may
    fork. `work` finds its data where the caller left it before the call:
    forked workers share it without copying."""
    workers = cores() if workers is None else workers
    if len(parts) < 2 or not forkable(workers):
        return [work(part) for part in parts]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(work, parts))


def _context():
    """Fork, so workers share the data already loaded, unless other threads
    run (`mkdocs serve`): a fork copies their locks in whatever state they are."""
    if forkable(2):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                       else "spawn")


_worker: dict = {}


def _start(work: Callable, registry: Registry) -> None:
    _worker["work"], _worker["registry"] = work, registry


def _run(chunk: list[Job]) -> list:
    work, registry = _worker["work"], _worker["registry"]
    return [work(*job, registry) for job in chunk]
