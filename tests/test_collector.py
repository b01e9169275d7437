"""The cycle collector is paused while a build holds the archive, and back after."""
from __future__ import annotations

import gc

from build_scripts import collector, index, pipeline, sources

from . import test_hostile as hostile
from .conftest import DATA, ROOT


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


def test_extracting_an_article_leaves_no_reference_cycle(tmp_path):
    """Extraction workers run without the collector (collector.in_worker):
    what an article's extraction makes must be freed by reference counts
    alone, or each worker's memory would grow with every article. Checked
    on every article the tests hold (text, Markdown, saved pages, French)
    and on broken files, whose problems are raised and caught."""
    hostile.corpus(tmp_path / "hostile", tmp_path / "outside")
    archives = [sources.scan(folder) for folder in
                (ROOT / "articles", *(DATA / name for name in ("gold_corpus", "holdout", "html")),
                 tmp_path / "hostile")]
    for src in archives:        # the first articles load what extraction needs (some of it by import, with cycles)
        for job in src.jobs:
            pipeline.extract_one(*job, src.registry)
    gc.collect()
    gc.disable()
    try:
        for src in archives:
            for job in src.jobs:
                pipeline.extract_one(*job, src.registry)
            assert src.jobs and gc.collect() == 0, src.jobs[0][0].parent
    finally:
        gc.enable()


def test_a_worker_keeps_the_collector_paused_and_its_inheritance_frozen():
    try:
        collector.in_worker()
        assert not gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()


def test_a_one_off_build_freezes_what_it_holds_and_pauses_or_resumes_collecting():
    try:
        collector.freeze(collecting=False)
        frozen = gc.get_freeze_count()
        assert frozen > 0 and not gc.isenabled()
        kept = [[] for _ in range(1000)]        # made after: not frozen
        collector.freeze(collecting=True)
        assert gc.get_freeze_count() >= frozen + len(kept) and gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
