"""Ctrl-C or `kill` while serve starts a process in the background is acted
on once the process is recorded, so that stopping serve ends it too
(build_scripts/signals.py)."""
from __future__ import annotations

import os
import signal
import subprocess

import pytest

from build_scripts import signals


def test_a_signal_while_held_is_acted_on_once_the_process_is_recorded():
    started = {}
    with pytest.raises(KeyboardInterrupt):
        with signals.held():
            os.kill(os.getpid(), signal.SIGINT)         # Ctrl-C, as serve's process gets it
            started["process"] = subprocess.Popen(["sleep", "30"])
    proc = started["process"]                           # recorded, so it can be ended
    try:
        assert proc.poll() is None
        proc.send_signal(signal.SIGINT)                 # the program has the default handling
        assert proc.wait(timeout=10) == -signal.SIGINT
    finally:
        proc.kill()
        proc.wait()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_nothing_held_nothing_raised():
    before = signal.getsignal(signal.SIGTERM)
    with signals.held() as release:
        pass
    release()
    assert signal.getsignal(signal.SIGTERM) == before
