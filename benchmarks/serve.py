"""How long `mkdocs serve --dirty` takes to show an edited article."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Serve:
    startup: float         # first build until the site answers
    edit_visible: float    # saving an article until its page shows the change
    whole: float           # saving it until the full build that follows has ended and its pages are built


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def busy_children(pid: int) -> list[int]:
    """Child processes still running (not finished and waiting to be reaped)."""
    try:
        return [c for c in map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split()) if running(c)]
    except OSError:
        return []


def running(pid: int) -> bool:
    """Whether a process is alive (not ended, nor ended and waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def reload_epoch(page: str) -> int:
    """The build a served page comes from, as serve's live-reload script in it holds it."""
    found = re.search(r"livereload\((\d+),", page)
    if not found:
        raise RuntimeError("the served page has no live-reload script")
    return int(found[1])


DONE = "full build done"       # what the hook logs when the full build after an edit has ended


def builds_after(log: Path, line: str) -> int:
    """How many times serve had reloaded browsers when `line` was logged (never: a large number)."""
    text = log.read_text("utf-8", "replace")
    return text[:text.index(line)].count("Reloading browsers") if line in text else 1 << 30


def ctrl_c_as_at_a_terminal() -> None:
    """Serve as a user starts it at a terminal, where Ctrl-C stops it (a
    `preexec_fn`): even when run in the background, where the shell has
    commands ignore it. Stopped by a signal it ignores, serve would be
    killed, and leave its copy of the site in the temporary folder."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def edit_latency(project: Path, mkdocs: str, article: Path, page: str, token: str, log: Path,
                 timeout: float = 3600, stop: int = signal.SIGINT) -> Serve:
    """Start serve, edit the article once serve is idle, and time the edit's way
    to the page. Serve is then stopped by the signal `stop` (Ctrl-C's by default)."""
    port = free_port()
    deadline = time.monotonic() + timeout

    def waited() -> None:
        if proc.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped: see {log}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"mkdocs serve took more than {timeout:.0f} s: see {log}")

    base = f"http://127.0.0.1:{port}/"
    start = time.perf_counter()
    with open(log, "wb") as out:
        proc = subprocess.Popen([mkdocs, "serve", "--dirty", "-a", f"127.0.0.1:{port}"], cwd=project,
                                stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                                preexec_fn=ctrl_c_as_at_a_terminal)
        try:
            while get(base) is None:
                waited()
                time.sleep(0.2)
            startup = time.perf_counter() - start
            while busy_children(proc.pid):          # the search index is built in the background: let it finish
                waited()
                time.sleep(0.2)
            time.sleep(1)
            edited = time.perf_counter()
            epoch = reload_epoch(get(base + page) or "")
            article.write_text(article.read_text("utf-8") + f"\n\nThe minister mentioned {token} again.\n", "utf-8")
            while True:             # as the browser does: wait for serve to say it rebuilt, then load the page
                waited()
                epoch = int(get(f"{base}livereload/{epoch}/1") or epoch)
                if token in (get(base + page) or ""):
                    break
            visible = time.perf_counter() - edited
            while log.read_text("utf-8", "replace").count("Reloading browsers") < builds_after(log, DONE) + 1:
                waited()
                time.sleep(0.2)
            return Serve(startup, visible, time.perf_counter() - edited)
        finally:
            started = busy_children(proc.pid)
            proc.send_signal(stop)          # serve stops what it started in the background
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            left = [pid for pid in started if running(pid)]
            if left:
                raise RuntimeError(f"mkdocs serve, stopped, left processes {left} running "
                                   f"({', '.join(_command_line(pid) for pid in left)}): see {log}")


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace").strip()
    except OSError:
        return "?"
