"""How `mkdocs serve` learns that a file changed.

MkDocs watches with watchdog's polling observer: every half second it lists
and stats every file under docs/ and articles/ in a thread of serve's own
process. At 10,000 articles that is some 45,000 files, a poll takes about as
long as the interval, and the thread holds the interpreter's lock against
the rebuild it is meant to start. The polling observer is there for file
systems that do not report changes (network shares, some container
mounts). Everywhere else the system's own notifications (inotify, FSEvents,
ReadDirectoryChangesW, through watchdog's `Observer`) report a save at
once and cost nothing between saves.

So serve uses the system's notifications, unless `ARCHIVE_WATCH=poll` is
set in the environment (for a project on such a file system) or they
cannot be had (the system's limit on watches reached): then MkDocs'
polling stays. Reads are not changes: files opened and closed unwritten
are ignored, or serve's own reading of docs/ would start a rebuild."""
from __future__ import annotations

import os

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

POLL = "ARCHIVE_WATCH"          # environment variable: "poll" keeps MkDocs' polling observer
READS = frozenset({"opened", "closed_no_write"})


class _Changes(FileSystemEventHandler):
    """Passes on what changes a file (only `only`, if given), not what only reads it."""

    def __init__(self, handler: FileSystemEventHandler, only: str | None = None) -> None:
        self.handler = handler
        self.only = only

    def dispatch(self, event: FileSystemEvent) -> None:
        if event.event_type in READS:
            return
        if self.only is None or self.only in (os.fsdecode(event.src_path), os.fsdecode(event.dest_path)):
            self.handler.dispatch(event)


class _Notified(Observer):
    def schedule(self, event_handler, path, recursive=False, **kwargs):
        """A folder is watched where it leads (notifications do not follow a
        link as polling does); a file, as mkdocs.yml, through its folder, so
        that an editor saving by renaming a new file over it is seen too."""
        path = os.path.realpath(path)
        if os.path.isdir(path):
            return super().schedule(_Changes(event_handler), path, recursive=recursive, **kwargs)
        return super().schedule(_Changes(event_handler, path), os.path.dirname(path), recursive=False, **kwargs)


def use_notifications(server) -> str:
    """Move serve's watches from polling to the system's notifications, if
    they can be had; say how serve watches."""
    if os.environ.get(POLL, "").strip().lower() == "poll":
        return f"polling ({POLL}=poll)"
    if Observer is PollingObserver or not isinstance(server.observer, PollingObserver):
        return "as MkDocs does"
    paths = dict(server._watched_paths)
    probe = _Notified()
    try:
        for path in paths:
            probe.schedule(FileSystemEventHandler(), path, recursive=True)
        probe.start()           # where the notifications are set up: a refusal is raised here
    except OSError as exc:      # e.g. the system's limit on inotify watches
        return f"polling: the system's file notifications cannot be had ({exc.strerror or exc})"
    finally:
        probe.stop()
        if probe.is_alive():
            probe.join()
    for path, count in paths.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = _Notified()
    for path, count in paths.items():
        for _ in range(count):
            server.watch(path)
    return "the system's file notifications"
