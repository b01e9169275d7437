"""Serve learns of a save from the system's notifications, not by polling
(build_scripts/watching.py)."""
from __future__ import annotations

import time

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from build_scripts import watching


@pytest.fixture
def server(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    srv = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site))
    yield srv
    srv.observer.stop()


def wanted(srv, within: float = 3.0) -> bool:
    """Whether a rebuild was asked for within `within` seconds."""
    end = time.monotonic() + within
    while time.monotonic() < end:
        with srv._rebuild_cond:
            if srv._want_rebuild:
                srv._want_rebuild = False
                return True
        time.sleep(0.05)
    return False


def test_a_save_is_notified_and_a_read_is_not(server, tmp_path):
    docs, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    (docs / "sub").mkdir(parents=True)
    page = docs / "sub" / "page.md"
    page.write_text("# One\n", "utf-8")
    config.write_text("site_name: x\n", "utf-8")
    (tmp_path / "README.md").write_text("x\n", "utf-8")
    server.watch(str(docs))
    server.watch(str(config))
    assert watching.use_notifications(server) == "the system's file notifications"
    assert not isinstance(server.observer, PollingObserver)
    server.observer.start()
    time.sleep(0.2)

    page.read_text("utf-8")
    assert not wanted(server, 1.0)                  # reading a page (as the build does) is no change
    (tmp_path / "README.md").write_text("y\n", "utf-8")
    assert not wanted(server, 1.0)                  # beside mkdocs.yml, but not watched
    page.write_text("# Two\n", "utf-8")
    assert wanted(server)
    (docs / "sub" / "new.md").write_text("# New\n", "utf-8")
    assert wanted(server)
    tmp = tmp_path / "mkdocs.yml.tmp"               # an editor saving by renaming a new file over the old
    tmp.write_text("site_name: y\n", "utf-8")
    tmp.replace(config)
    assert wanted(server)


def test_polling_stays_when_asked_for(server, tmp_path, monkeypatch):
    server.watch(str(tmp_path))
    monkeypatch.setenv(watching.POLL, "poll")
    assert watching.use_notifications(server).startswith("polling")
    assert isinstance(server.observer, PollingObserver)


def test_polling_stays_when_notifications_are_refused(server, tmp_path, monkeypatch):
    server.watch(str(tmp_path))

    def refuse(self):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(watching._Notified, "start", refuse)
    assert "cannot be had" in watching.use_notifications(server)
    assert isinstance(server.observer, PollingObserver) and server._watched_paths == {str(tmp_path): 1}
