"""The cycle collector is paused while a build holds the archive, and back after."""
from __future__ import annotations

import gc

from build_scripts import collector, index, pipeline

from .conftest import ROOT


def test_a_build_pauses_the_collector_and_restores_it(tmp_path, monkeypatch):
    seen = []
    build = index.build

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return build(*args, **kwargs)

    monkeypatch.setattr(index, "build", watched)
    assert gc.isenabled()
    pipeline.build(ROOT / "articles", tmp_path / "docs")
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        pipeline.build(ROOT / "articles", tmp_path / "docs2")
        assert not gc.isenabled()             # left as it was found
    finally:
        gc.enable()


def test_a_worker_collects_what_it_makes_but_not_what_it_inherited():
    gc.disable()
    try:
        collector.resume_in_worker()
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()
