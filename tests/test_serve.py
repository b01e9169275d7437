"""An edit while `mkdocs serve` runs: the quick pass writes the edited
article's own page first, as the full build writes it, and the full build
follows (build_scripts/quick.py, build_scripts/serving.py)."""
from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.structure.files import File, Files

from benchmarks import serve
from build_scripts import pipeline, quick, render, serving, sources

from .conftest import ROOT, copy_project
from .test_golden import tree

EDITED = "001_a56bc4bbea306e3e.txt"
PAGE = "articles/001-a56bc4bbea306e3e.md"


@pytest.fixture
def built(tmp_path):
    articles, docs = tmp_path / "articles", tmp_path / "docs"
    shutil.copytree(ROOT / "articles", articles)
    pipeline.build(articles, docs)
    return articles, docs


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def test_the_quick_page_is_the_page_the_full_build_writes(built):
    articles, docs = built
    append(articles / EDITED, "\nThe talks will resume in Algiers next month, the ministry said.\n")
    done = quick.update(articles, docs)
    assert done is not None and done.written == (PAGE,) and done.articles == 1
    assert "The talks will resume in Algiers next month" in (docs / PAGE).read_text("utf-8")
    quick_tree = tree(docs)
    full = pipeline.build(articles, docs)
    assert full.report.written == ()             # the full build finds every page already right
    assert tree(docs) == quick_tree


def test_a_person_named_in_the_edit_is_shown_under_the_archive_name(built):
    articles, docs = built
    append(articles / EDITED, "\nLaurent Nunez also spoke to the Algerian press agency on Monday.\n")
    assert quick.update(articles, docs) is not None
    page = (docs / PAGE).read_text("utf-8")
    full = pipeline.build(articles, docs)
    assert PAGE not in full.report.written and (docs / PAGE).read_text("utf-8") == page


def test_a_person_new_to_the_archive_is_named_without_a_link(built):
    articles, docs = built
    append(articles / EDITED, "\nThe Algerian minister Zorglub Benamar answered in parliament on Monday.\n")
    assert quick.update(articles, docs) is not None
    page = (docs / PAGE).read_text("utf-8")
    assert "Zorglub Benamar" in page and "zorglub-benamar.md" not in page
    pipeline.build(articles, docs)
    assert "(../actors/zorglub-benamar.md)" in (docs / PAGE).read_text("utf-8")


def test_a_surname_alone_in_the_edit_is_tied_as_the_full_build_ties_it(built):
    articles, docs = built
    others = sorted(p for p in articles.glob("*.txt") if p.name != EDITED)[:2]
    for path in others:
        append(path, "\nThe Algerian negotiator Karim Zorglub answered in parliament on Monday.\n")
    pipeline.build(articles, docs)
    append(articles / EDITED, "\nThe talks angered Zorglub and his team, according to the agency.\n")
    assert quick.update(articles, docs) is not None
    page = (docs / PAGE).read_text("utf-8")
    assert "[Karim Zorglub](../actors/karim-zorglub.md)" in page
    pipeline.build(articles, docs)
    before_related = page.split("## Related articles")[0]      # the full build adds him to what is shared there
    assert (docs / PAGE).read_text("utf-8").split("## Related articles")[0] == before_related


@pytest.mark.parametrize("change", ["nothing", "new file", "removed file", "registry", "unusable", "new month",
                                    "new source"])
def test_what_the_quick_pass_leaves_to_the_full_build(built, change):
    articles, docs = built
    before = tree(docs)
    if change == "new file":
        (articles / "new.txt").write_text("A new headline\nPresident Emmanuel Macron spoke in Algiers.\n", "utf-8")
    elif change == "removed file":
        (articles / EDITED).unlink()
    elif change == "registry":
        append(articles / "actors.yml", "\n# a comment\n")
        append(articles / EDITED, "\nOne more sentence.\n")
    elif change == "unusable":
        (articles / EDITED).write_text("Also Read:\n", "utf-8")
    elif change == "new month":             # no page lists that month yet
        text = (articles / EDITED).read_text("utf-8")
        (articles / EDITED).write_text(text.replace("2026-02-21", "2019-07-09", 1), "utf-8")
    elif change == "new source":
        text = (articles / EDITED).read_text("utf-8")
        (articles / EDITED).write_text(text.replace("(MENAFN)", "(Zorglub Press Agency)", 1), "utf-8")
    assert quick.update(articles, docs) is None
    assert tree(docs) == before


def test_an_article_gone_undated_waits_when_no_undated_list_exists(built):
    """The undated list is written only when some article is undated."""
    articles, docs = built
    snapshot = pipeline.cache.Store.beside(docs, articles).kept(quick.SNAPSHOT)
    undated = next(a for a in snapshot.articles if not a.date.value)
    assert snapshot.has_pages(undated)
    all_dated = dataclasses.replace(snapshot, articles=tuple(a for a in snapshot.articles if a.date.value))
    assert not all_dated.has_pages(undated)
    assert all(all_dated.has_pages(a) for a in all_dated.articles)


def test_no_snapshot_no_quick_pass(built):
    articles, docs = built
    store = pipeline.cache.Store.beside(docs, articles)
    with store._db() as db:
        db.execute("delete from meta where key = ?", (quick.SNAPSHOT,))
    append(articles / EDITED, "\nOne more sentence.\n")
    assert quick.update(articles, docs) is None


def test_a_file_rewritten_within_the_clock_tick_is_digested_again(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("first", "utf-8")
    first = sources._file_digest(path, None)
    path.write_text("other", "utf-8")        # same size, possibly the same modification time
    assert sources._file_digest(path, None) != first


def test_serve_shows_an_edit_first_then_builds_the_rest(tmp_path, monkeypatch):
    """`mkdocs serve --dirty` as a user runs it: the edited page shows the
    edit, then the full build ends and the site is built again. Stopped by
    SIGTERM, serve shuts down as on Ctrl-C, ends what it started and removes
    its copy of the site from the temporary folder."""
    work = copy_project(tmp_path / "project")
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    token = f"Zorglub{int(time.time())}"
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    log = tmp_path / "serve.log"
    latency = serve.edit_latency(work, mkdocs, work / "articles" / EDITED, "articles/001-a56bc4bbea306e3e/",
                                 token, log, timeout=300, stop=signal.SIGTERM)
    text = log.read_text("utf-8")
    assert "1 edited article rewritten first" in text and serve.DONE in text
    assert "Shutting down" in text and not list((tmp_path / "tmp").iterdir())
    assert latency.edit_visible <= latency.whole
    assert token in (work / "docs" / PAGE).read_text("utf-8")


# Serve's first build, then its rebuilds after an edit, run as serve runs them
# (after the first build, other threads run: nothing is forked): the quick
# pass, one while the full build runs, and one after it.
SERVE_REBUILD = """
import json, sys, threading, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
from build_scripts import search, serving
serving.SESSION.command, serving.SESSION.dirty, search.INDEXER.background = "serve", True, True
seen, files_of = [], serving.Session.files
serving.Session.files = lambda self, files, config: seen.append(
    [f.src_uri for f in files_of(self, files, config)]) or files_of(self, files, config)
def rebuild(dirty=True):
    build(load_config("mkdocs.yml", site_dir=sys.argv[1]), serve_url="http://127.0.0.1:8000/", dirty=dirty)
    return serving.SESSION.edited
rebuild(dirty=False)
threading.Thread(target=time.sleep, args=(3600,), daemon=True).start()
with open(sys.argv[2], "a", encoding="utf-8") as f:
    f.write(sys.argv[3])
edited = rebuild()
quick_pass = seen[-1]
under_way = rebuild()
serving.SESSION.full.wait()
after = rebuild()
search.INDEXER.stop()
print(json.dumps({"edited": edited, "quick pass": quick_pass, "under way": under_way, "after": after}))
"""


def _html(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_after_a_quick_pass_mkdocs_goes_through_only_the_pages_it_wrote(tmp_path):
    """Serve's rebuilds after an edit: MkDocs goes through the edited page
    and the hand-written files only, then (while the full build runs) no
    generated page, then every file; in the end every page of the site is
    the page a full `mkdocs build` writes (build_scripts/serving.py,
    Session.files)."""
    work = copy_project(tmp_path / "project")
    token = "The talks will resume in Algiers next month, the ministry said."
    proc = subprocess.run([sys.executable, "-c", SERVE_REBUILD, str(tmp_path / "served"),
                           str(work / "articles" / EDITED), f"\n{token}\n"],
                          cwd=work, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rebuilds = json.loads(proc.stdout.splitlines()[-1])
    assert rebuilds["edited"] == [PAGE]
    assert {uri for uri in rebuilds["quick pass"] if render.generated(uri)} == {PAGE}
    assert {"index.md", "search.md", "about.md"} <= set(rebuilds["quick pass"])
    assert rebuilds["under way"] in ([], None)          # None: the full build had ended already
    assert rebuilds["after"] is None
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "built")], cwd=work,
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-3000:]
    assert token in (tmp_path / "served" / "articles/001-a56bc4bbea306e3e/index.html").read_text("utf-8")
    served, clean = _html(tmp_path / "served"), _html(tmp_path / "built")
    assert served.keys() == clean.keys()
    assert [page for page in served if served[page] != clean[page]] == []


def test_without_a_quick_pass_dirty_or_a_nav_mkdocs_goes_through_every_file():
    uris = ("index.md", "about.md", PAGE, "actors/a.md", "actors/index.md")
    files = Files([File(uri, "docs", "site", True) for uri in uris])
    nav = SimpleNamespace(nav=[{"Home": "index.md"}, {"People": ["actors/index.md"]}])
    session = serving.Session()
    session.dirty = True
    assert session.files(files, nav) is files
    session.edited = ()             # the full build under way
    assert [f.src_uri for f in session.files(files, nav)] == ["index.md", "about.md"]
    session.edited = (PAGE,)        # after the quick pass
    quick_view = session.files(files, nav)
    assert [f.src_uri for f in quick_view] == ["index.md", "about.md", PAGE] and len(quick_view) == 3
    assert quick_view.get_file_from_path("actors/a.md") is files.get_file_from_path("actors/a.md")
    assert session.files(files, SimpleNamespace(nav=None)) is files
    session.dirty = False           # serve without --dirty: MkDocs empties the site and builds every page
    assert session.files(files, nav) is files


def test_after_edits_while_serving_every_served_page_is_the_built_one(tmp_path):
    """`mkdocs serve --dirty` as a user runs it: an edit, then a new article
    while the full build runs. Once serve has built what the last full build
    wrote, every page it serves is the page `mkdocs build` writes."""
    work = copy_project(tmp_path / "project")
    port = serve.free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(Path(sys.executable).parent / "mkdocs"), "serve", "--dirty", "-a",
                                 f"127.0.0.1:{port}"], cwd=work, stdout=out, stderr=subprocess.STDOUT,
                                preexec_fn=serve.ctrl_c_as_at_a_terminal)
        try:
            deadline = time.monotonic() + 300
            while serve.get(base) is None or serve.busy_children(proc.pid):
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text("utf-8")
                time.sleep(0.2)
            append(work / "articles" / EDITED, "\nThe talks will resume in Algiers next month, the ministry said.\n")
            while "rewritten first" not in log.read_text("utf-8"):
                assert time.monotonic() < deadline, log.read_text("utf-8")
                time.sleep(0.2)
            (work / "articles" / "new.txt").write_text(
                "Algiers talks resume\n\nPresident Abdelmadjid Tebboune received Sebastien Lecornu in Algiers.\n",
                "utf-8")
            while serve.builds_after(log, serve.DONE) >= log.read_text("utf-8").count("Reloading browsers"):
                assert time.monotonic() < deadline, log.read_text("utf-8")
                time.sleep(0.2)
            site = tmp_path / "built"
            built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=work,
                                   capture_output=True, text=True, env={**os.environ, "SITE_URL": base})
            assert built.returncode == 0, built.stderr[-3000:]
            pages = {page.relative_to(site).as_posix(): page.read_text("utf-8") for page in site.rglob("*.html")}
            assert "articles/new/index.html" in pages
            differ = []
            for rel, text in sorted(pages.items()):
                served = serve.get(base + rel.removesuffix("index.html")) or ""
                if re.sub(r"<script>\s*var livereload.*?</script>", "", served, flags=re.S) != text:
                    differ.append(rel)
            assert differ == []
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=60)
            finally:
                if proc.poll() is None:
                    proc.kill()


def test_a_full_build_that_fails_is_reported_and_not_started_again(tmp_path, caplog):
    """After an edit, serve's full build runs as a process of its own. When it
    fails, serve says so, stamps the end as usual (so the page shows what was
    built) and does not start it again until the articles change."""
    work = copy_project(tmp_path / "project")
    articles, docs = work / "articles", work / "docs"
    session = serving.Session()
    session.command = "serve"
    session.generate(articles, docs)                      # serve's first build
    append(articles / EDITED, "\nOne more sentence.\n")
    shutil.rmtree(docs / "timeline")
    (docs / "timeline").write_text("a file where the build writes a folder\n", "utf-8")
    session.generate(articles, docs)                      # the edit: quick pass, full build due
    assert session.pending is not None
    session.built(articles)
    assert session.full.wait(timeout=300) != 0
    stamp = serving.stamp_folder(docs) / "built"
    for _ in range(100):
        if stamp.exists() and session.failed:
            break
        time.sleep(0.1)
    assert stamp.exists() and session.failed == sources.scan(articles).key
    assert "the full build ended with exit code" in caplog.text
    session.generate(articles, docs)                      # the stamp's rebuild: not started again
    assert session.pending is None and not session.running()
