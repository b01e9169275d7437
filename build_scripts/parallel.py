"""Extract many articles on every core: chunks of files go to worker
processes, results come back in the order the files were given, so the
archive is the same whatever the number of workers."""
from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator

from . import collector
from .registry import Registry

Job = tuple            # (path, relative path, article id, sidecar), as pipeline.extract_one takes them
MIN_PARALLEL = 64      # fewer articles than this are quicker to extract than to start workers for
CHUNK = 32             # articles per task: big enough to make sending them cheap, small for even loads
ORPHAN_CHECK = 0.5     # seconds between a worker's checks that the process that started it still runs


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
                             initargs=(os.getpid(), work, registry)) as pool:
        for results in pool.map(_run, chunks):
            yield from results


def forkable(workers: int) -> bool:
    """Whether work may go to forked processes: more than one worker, and no
    other thread whose locks a fork would copy in whatever state they are."""
    return workers > 1 and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def fork_map(work: Callable, parts: list, workers: int | None = None, niceness: int = 0) -> list:
    """[work(part) for part in parts], on every core when this process may
    fork. `work` finds its data where the caller left it before the call:
    forked workers share it without copying. Workers with a `niceness`
    yield the cores to other work running beside them (as `nice` does)."""
    workers = cores() if workers is None else workers
    if len(parts) < 2 or not forkable(workers):
        return [work(part) for part in parts]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_forked_worker, initargs=(os.getpid(), niceness)) as pool:
        return list(pool.map(work, parts))


class Background:
    """`work(*args)` in a process forked now, while this one goes on; its
    value (or its exception) comes back from `result()`. Where this process
    may not fork, the work is done by `result()` itself. The child shares
    what the caller holds without copying it, as fork_map's workers do."""

    def __init__(self, work: Callable, *args) -> None:
        self.work, self.args, self.pid, self.fd = work, args, 0, -1
        if not forkable(2):
            return
        read, written = os.pipe()
        starter = os.getpid()
        pid = os.fork()
        if pid == 0:        # the child: never returns
            os.close(read)
            code = 0
            try:
                _end_with(starter)
                try:
                    data = pickle.dumps((True, work(*args)), pickle.HIGHEST_PROTOCOL)
                except BaseException as exc:       # noqa: BLE001 -- handed to the parent, which raises it
                    data = _pickled_failure(exc)
                with os.fdopen(written, "wb") as out:
                    out.write(data)
            except BaseException:                   # noqa: BLE001 -- the parent sees no value and says so
                code = 1
            finally:
                os._exit(code)
        os.close(written)
        self.pid, self.fd = pid, read

    def result(self):
        if not self.pid:
            return self.work(*self.args)
        with os.fdopen(self.fd, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self.pid, 0)
        self.pid = 0
        if not data:
            raise RuntimeError(f"a background process ended without a result ({self.work.__name__})")
        done, value = pickle.loads(data)
        if not done:
            raise value
        return value

    def cancel(self) -> None:
        """End the child without its result (the caller failed meanwhile)."""
        if self.pid:
            try:
                os.kill(self.pid, 9)
            except ProcessLookupError:
                pass
            os.close(self.fd)
            os.waitpid(self.pid, 0)
            self.pid = 0


def _pickled_failure(exc: BaseException) -> bytes:
    try:
        return pickle.dumps((False, exc), pickle.HIGHEST_PROTOCOL)
    except Exception:       # noqa: BLE001 -- an exception that cannot be pickled: its text
        return pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")), pickle.HIGHEST_PROTOCOL)


def _forked_worker(starter: int, niceness: int) -> None:
    _end_with(starter)
    if niceness:
        os.nice(niceness)


def _context():
    """Fork, so workers share the data already loaded, unless other threads
    run (`mkdocs serve`): a fork copies their locks in whatever state they are."""
    if forkable(2):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                       else "spawn")


_worker: dict = {}


def _start(starter: int, work: Callable, registry: Registry) -> None:
    _end_with(starter)
    collector.in_worker()
    _worker["work"], _worker["registry"] = work, registry


def _end_with(starter: int) -> None:
    """In a worker: end when the process that started it has ended. Killed
    (as serve stops an outdated full build, or a process manager stops a
    build), that process cannot tell its workers, and a worker waiting for
    its next task would wait forever. A worker forked by the build has it
    as parent; one made by a fork server (under serve) has the server, which
    itself lives as long as any of its workers: so both are watched."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent and _exists(starter):
            time.sleep(ORPHAN_CHECK)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-starter", daemon=True).start()


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def _run(chunk: list[Job]) -> list:
    work, registry = _worker["work"], _worker["registry"]
    return [work(*job, registry) for job in chunk]
