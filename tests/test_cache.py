"""The cache of earlier builds and the parallel extraction only save time:
what a build writes is the same with them as without them."""
from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from build_scripts import cache, parallel, pipeline, render, sources, write

from .conftest import DATA, ROOT
from .test_golden import tree


@pytest.fixture
def archive(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "articles", articles)
    return articles


def extracted(monkeypatch) -> list[str]:
    """The files extracted from now on (in this process)."""
    seen = []
    real = pipeline.extract_one

    def spy(path, rel, article_id, sidecar, reg):
        seen.append(rel)
        return real(path, rel, article_id, sidecar, reg)

    monkeypatch.setattr(pipeline, "extract_one", spy)
    return seen


def clean_build(articles, tmp_path, name="clean") -> dict[str, str]:
    """A build with no cache at all, for comparison."""
    docs = tmp_path / name / "docs"
    pipeline.build(articles, docs)
    return tree(docs)


def test_parallel_extraction_gives_the_single_process_result(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(DATA / "gold_corpus", articles)
    shutil.copytree(ROOT / "articles", articles / "seeds")
    assert len(list(articles.rglob("*.txt"))) >= parallel.MIN_PARALLEL
    one = pipeline.collect(articles, workers=1)
    two = pipeline.collect(articles, workers=2)
    assert one == two
    assert render.render(one) == render.render(two)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)      # as under `mkdocs serve`: workers are not forked
    other.start()
    try:
        assert pipeline.collect(articles, workers=2) == one
    finally:
        stop.set()
        other.join()


def test_pages_rendered_on_every_core_are_the_same(seeds_build, monkeypatch):
    archive = seeds_build[0].archive
    alone = render.render(archive, workers=1)
    monkeypatch.setattr(render, "PARALLEL_FROM", 1)
    monkeypatch.setattr(render, "PART", 2)
    spread = render.render(archive, workers=2)
    assert spread == alone


def test_nothing_changed_skips_the_work_and_keeps_the_archive(archive, tmp_path, monkeypatch):
    first = pipeline.build(archive, tmp_path / "docs")
    seen = extracted(monkeypatch)
    again = pipeline.build(archive, tmp_path / "docs")
    assert seen == [] and again.report.written == () and again.report.unchanged == len(tree(tmp_path / "docs"))
    assert again.counts == first.counts and again.archive == first.archive


def read_files(monkeypatch) -> list[str]:
    """The article files read from now on (in this process)."""
    seen = []
    real = Path.read_bytes

    def spy(self):
        seen.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    return seen


def test_a_build_reads_no_file_unchanged_since_the_last_one(archive, tmp_path, monkeypatch):
    """As git's index does: a file whose size, times and inode are those it
    had when an earlier build digested it is not read again; a file written
    within the clock tick of its digest is read every time."""
    monkeypatch.setattr(sources, "SETTLED_NS", -10 ** 12)     # every file counts as long settled
    docs = tmp_path / "docs"
    pipeline.build(archive, docs)
    sources._digests.clear()                    # a new process: what it knows comes from the cache
    seen = read_files(monkeypatch)
    again = pipeline.build(archive, docs)
    assert again.report.written == () and not [name for name in seen if name.endswith((".txt", ".md", ".html"))]
    edited = archive / "001_a56bc4bbea306e3e.txt"
    before = edited.stat()
    edited.write_text(edited.read_text("utf-8").replace("Nunez", "Nunes"), "utf-8")    # same size
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))                      # same time
    sources._digests.clear()
    result = pipeline.build(archive, docs)
    assert "articles/001-a56bc4bbea306e3e.md" in result.report.written       # its change time told
    assert "Nunes" in (docs / "articles/001-a56bc4bbea306e3e.md").read_text("utf-8")


def test_only_changed_files_are_extracted_and_the_result_is_a_clean_build(archive, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    pipeline.build(archive, docs)
    seen = extracted(monkeypatch)
    edited = archive / "001_a56bc4bbea306e3e.txt"
    edited.write_text(edited.read_text("utf-8").replace("Nunez", "Nuñez"), "utf-8")
    (archive / "004_50fa850396415251.txt").unlink()
    (archive / "new.txt").write_text("A new headline\nPresident Emmanuel Macron spoke in Algiers.\n", "utf-8")
    result = pipeline.build(archive, docs)
    assert sorted(seen) == ["001_a56bc4bbea306e3e.txt", "new.txt"]
    assert "articles/004-50fa850396415251.md" in result.report.removed
    assert tree(docs) == clean_build(archive, tmp_path)


def test_registry_or_extractor_version_change_extracts_everything_again(archive, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    pipeline.build(archive, docs)
    seen = extracted(monkeypatch)
    registry = archive / "actors.yml"
    registry.write_text(registry.read_text("utf-8") + "  - name: Jean Testeur\n    country: FR\n", "utf-8")
    pipeline.build(archive, docs)
    assert len(seen) == 5
    assert tree(docs) == clean_build(archive, tmp_path)
    seen.clear()
    monkeypatch.setattr(cache, "EXTRACTOR_VERSION", "test")
    pipeline.build(archive, docs)
    assert len(seen) == 5


def test_a_damaged_generated_page_is_written_again(archive, tmp_path):
    docs = tmp_path / "docs"
    pipeline.build(archive, docs)
    page = docs / "articles" / "003-3331070784b86d09.md"
    good = page.read_bytes()
    page.write_bytes(b"edited by hand")
    (docs / "actors" / "stray.md").write_text("stale")
    result = pipeline.build(archive, docs)
    assert result.report.written == ("articles/003-3331070784b86d09.md",)
    assert result.report.removed == ("actors/stray.md",)
    assert page.read_bytes() == good


def test_the_cache_lives_beside_the_docs_never_in_the_articles(archive, tmp_path):
    pipeline.build(archive, tmp_path / "docs")
    assert (tmp_path / cache.FOLDER / cache.FILE).is_file()
    before = sorted(p.relative_to(archive) for p in archive.rglob("*"))
    pipeline.build(archive, archive / "site-docs")
    assert cache.Store.beside(archive / "site-docs", archive) is None
    assert not (archive / cache.FOLDER).exists()
    assert sorted(p.relative_to(archive) for p in archive.rglob("*") if "site-docs" not in p.parts) == before


def test_pages_written_part_by_part_on_every_core_are_the_same(seeds_build, tmp_path, monkeypatch):
    archive = seeds_build[0].archive
    one, two = tmp_path / "one" / "docs", tmp_path / "two" / "docs"
    write.write_tree(one, render.render(archive, workers=1), render.GENERATED_DIRS)
    monkeypatch.setattr(render, "PARALLEL_FROM", 1)
    monkeypatch.setattr(render, "PART", 2)
    (two / "actors").mkdir(parents=True)
    (two / "actors" / "gone.md").write_text("stale", "utf-8")
    report = render.write_all(archive, two, workers=2)
    assert report.removed == ("actors/gone.md",)
    assert tree(two) == tree(one)
    again = render.write_all(archive, two, workers=2)
    assert not again.written and not again.removed and again.unchanged == len(report.written)


def test_people_pages_written_while_the_stories_are_found_are_the_same(seeds_build, root, tmp_path, monkeypatch):
    """A large archive's people pages are written by a process forked before
    the stories are found (render.Writer): the same files as written after."""
    monkeypatch.setattr(render, "PARALLEL_FROM", 1)
    monkeypatch.setattr(render, "PART", 2)
    started = []
    background = parallel.Background
    monkeypatch.setattr(parallel, "Background", lambda work, *args: started.append(work) or background(work, *args))
    docs = tmp_path / "docs"
    pipeline.build(root / "articles", docs, workers=2)
    assert started == [render._write_people]
    assert tree(docs) == tree(seeds_build[1])


def test_work_in_the_background_gives_its_value_or_its_error():
    assert parallel.Background(sum, [1, 2, 3]).result() == 6
    with pytest.raises(ZeroDivisionError):
        parallel.Background(divmod, 1, 0).result()
    waiting = parallel.Background(time.sleep, 30)
    waiting.cancel()
    assert not waiting.pid


def test_workers_given_a_niceness_yield_the_cores_and_the_build_keeps_its_own():
    import os

    here = os.nice(0)
    assert parallel.fork_map(os.nice, [0, 0, 0], workers=2, niceness=3) == [here + 3] * 3
    assert parallel.fork_map(os.nice, [0, 0], workers=2) == [here] * 2
    assert os.nice(0) == here


@pytest.mark.parametrize("start", ["fork", "forkserver"])
def test_workers_end_when_their_build_is_killed(start, tmp_path):
    """Serve stops an outdated full build with SIGTERM; its workers, which
    nothing tells, end by themselves instead of waiting forever for work.
    Under serve (other threads running) workers come from a fork server
    (whose folder, the killed script leaves behind: in the test's folder)."""
    import signal
    import subprocess
    import sys
    import time

    script = ("import threading, time\nfrom build_scripts import parallel\nfrom tests.test_cache import slow\n"
              + ("parallel.fork_map(slow, [1, 2, 3, 4], workers=2)\n" if start == "fork" else
                 "threading.Thread(target=time.sleep, args=(600,), daemon=True).start()   # as under serve\n"
                 "list(parallel.extract_many(slow, [(i,) for i in range(200)], None, workers=2))\n"))
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env={**os.environ, "TMPDIR": str(tmp_path)})
    try:
        started: set[int] = set()
        for _ in range(300):
            started = _descendants(proc.pid)
            if len(started) >= 2 + (start == "forkserver"):
                break
            time.sleep(0.1)
        assert len(started) >= 2
        time.sleep(0.5)
        started = _descendants(proc.pid)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        for _ in range(100):
            if not any(_running(pid) for pid in started):
                break
            time.sleep(0.1)
        assert [pid for pid in started if _running(pid)] == []
    finally:
        proc.kill()
        proc.wait()


def slow(i: int, *registry) -> None:
    """A task that keeps a worker busy (the first one runs in the build's own process)."""
    import time

    time.sleep(60 if i else 0)


def _descendants(pid: int) -> set[int]:
    from pathlib import Path

    try:
        children = {int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()
    return children.union(*(_descendants(c) for c in children))


def _running(pid: int) -> bool:
    from benchmarks.serve import running

    return running(pid)
