"""Stopping `mkdocs serve` or `mkdocs build` cleanly: whatever it started
in the background (the full build, Pagefind) is ended when it stops,
however it is stopped."""
from __future__ import annotations

import signal
import subprocess
import threading
from contextlib import contextmanager
from typing import Callable, Iterator

TERMINATING = tuple(name for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))   # no SIGHUP on Windows
STOPPING = tuple(getattr(signal, name) for name in ("SIGINT", *TERMINATING))
GRACE = 10.0        # seconds a background process has to stop when asked, before it is killed


def interrupt_on_terminate() -> None:
    """MkDocs stops cleanly only on Ctrl-C: then the hook's `on_shutdown`
    ends the full build and the search indexing under way. Stopped by
    `kill`, a process manager or a closed terminal (SIGTERM, SIGHUP), serve
    or build would leave them running; these signals now stop it as Ctrl-C
    does. A handler set by someone else, or an ignored signal, is left alone."""
    if threading.current_thread() is not threading.main_thread():
        return
    for name in TERMINATING:
        if signal.getsignal(getattr(signal, name)) == signal.SIG_DFL:
            signal.signal(getattr(signal, name), _interrupt)


def end(proc: subprocess.Popen, grace: float = GRACE) -> None:
    """Stop a process started in the background: asked to stop (SIGTERM), and
    killed if it has not stopped `grace` seconds later, so that stopping
    serve or build never waits on it for long."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _interrupt(number, frame) -> None:
    for name in TERMINATING:        # a closed terminal may send SIGHUP twice: the second would cut the shutdown short
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    raise KeyboardInterrupt


@contextmanager
def held() -> Iterator[Callable[[], list[int]]]:
    """Ctrl-C or `kill` while a process is started and recorded is acted on
    once it is recorded: otherwise the build could stop without knowing of
    it, and leave it running. Meanwhile the signal is only noted, in Python
    (a program started gets the default handling back when it begins; an
    ignored signal is left ignored, as under `nohup`). Gives what a forked
    process calls to have the signals acted on again: it returns those
    noted meanwhile."""
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield lambda: caught        # signals reach the main thread only
        return
    before = {}
    for number in STOPPING:
        handler = signal.getsignal(number)
        if handler is not None and handler != signal.SIG_IGN:       # None: set outside Python
            before[number] = signal.signal(number, lambda n, frame: caught.append(n))

    def release() -> list[int]:
        for number, handler in before.items():
            signal.signal(number, handler)
        return caught

    try:
        yield release
    finally:
        release()
        if caught:
            signal.raise_signal(caught[0])
