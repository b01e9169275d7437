"""Ctrl-C or `kill` while serve or build starts a process in the background
is acted on once the process is recorded, so that stopping ends it too
(build_scripts/signals.py); a process asked to stop that does not is killed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from build_scripts import signals


@pytest.fixture
def handlers():
    """The stopping signals' handlers, put back after the test."""
    before = {number: signal.getsignal(number) for number in signals.STOPPING}
    yield
    for number, handler in before.items():
        signal.signal(number, handler)


def _sleeping() -> subprocess.Popen:
    return subprocess.Popen(["sleep", "30"])


def _ended(proc: subprocess.Popen) -> None:
    proc.kill()
    proc.wait()


def test_kill_while_held_is_acted_on_once_the_process_is_recorded(handlers):
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signals.interrupt_on_terminate()                    # as serve and build run
    started = {}
    with pytest.raises(KeyboardInterrupt):
        with signals.held():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.1)
            started["process"] = _sleeping()            # not cut short: the signal waits
    assert started["process"].poll() is None            # recorded, so the shutdown can end it
    _ended(started["process"])


def test_an_ignored_signal_stays_ignored_in_a_program_started_while_held(handlers):
    signal.signal(signal.SIGHUP, signal.SIG_IGN)        # as under nohup
    with signals.held():
        proc = _sleeping()
    try:
        proc.send_signal(signal.SIGHUP)
        time.sleep(0.3)
        assert proc.poll() is None
    finally:
        _ended(proc)
    assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN


def test_a_forked_process_is_told_of_a_signal_it_got_before_release(handlers):
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with signals.held() as release:
        pid = os.fork()
        if pid == 0:
            os.kill(os.getpid(), signal.SIGINT)
            os._exit(3 if release() == [signal.SIGINT] else 4)
        assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 3
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_held_outside_the_main_thread_changes_nothing(handlers):
    found = []

    def hold():
        with signals.held() as release:
            found.append(release())

    thread = threading.Thread(target=hold)
    thread.start()
    thread.join()
    assert found == [[]]


def test_a_process_that_does_not_stop_when_asked_is_killed_after_the_grace():
    proc = subprocess.Popen([sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
                             "print('ready', flush=True); time.sleep(60)"], stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == b"ready"
    signals.end(proc, grace=0.5)
    assert proc.returncode == -signal.SIGKILL


def test_a_process_that_stops_when_asked_is_not_killed():
    proc = subprocess.Popen([sys.executable, "-c", "import time; print('ready', flush=True); time.sleep(60)"],
                            stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == b"ready"
    signals.end(proc)
    assert proc.returncode == -signal.SIGTERM


def test_a_forked_process_that_does_not_stop_when_asked_is_killed_after_the_grace():
    from build_scripts.search import Forked

    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        time.sleep(60)
        os._exit(0)
    time.sleep(0.2)
    proc = Forked(pid, ["forked"])
    signals.end(proc, grace=0.5)
    assert proc.returncode == -signal.SIGKILL
