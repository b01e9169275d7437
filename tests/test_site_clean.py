"""`mkdocs build` rewrites the site in place and removes what it did not
write: the same site as MkDocs' own emptying gives, without remaking every file."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from mkdocs import utils

from build_scripts import site_size
from build_scripts.site_clean import InPlace

from .conftest import copy_project


def _config(site: Path, directory_urls: bool = True) -> dict:
    return {"site_dir": str(site), "use_directory_urls": directory_urls, "theme": SimpleNamespace(name="material")}


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _build(work: Path, *args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=work, capture_output=True,
                          text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def test_a_second_build_rewrites_the_site_in_place_and_gives_the_site_a_clean_build_gives(tmp_path):
    work = copy_project(tmp_path / "project")
    site = work / "site"
    _build(work)
    page = site / "index.html"
    inode = page.stat().st_ino
    (site / "stale.txt").write_text("left by hand", "utf-8")
    (site / "articles" / "gone").mkdir()
    (site / "articles" / "gone" / "index.html").write_text("an article since removed", "utf-8")
    (site / ".kept").write_text("hidden files stay, as MkDocs leaves them", "utf-8")
    removed = sorted((work / "articles").rglob("*.txt"))[0]
    removed.unlink()

    proc = _build(work)
    assert page.stat().st_ino == inode          # written in place, not removed and made again
    assert "file(s) of earlier builds removed from the site" in proc.stderr
    assert not (site / "stale.txt").exists() and not (site / "articles" / "gone").exists()
    assert (site / ".kept").is_file()
    feeds = sorted((work / "docs" / "feeds").glob("*.xml"))
    assert feeds and all((site / "feeds" / f.name).samefile(f) for f in feeds)     # still links, not written through
    in_place = _tree(site)

    (site / ".kept").unlink()
    site.rename(work / "old-site")
    _build(work)
    assert _tree(site) == {k: v for k, v in in_place.items() if k != ".kept"}


def test_a_dirty_build_removes_nothing(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "old.html").write_text("old", "utf-8")
    cleaner = InPlace()
    cleaner.start(_config(site), tmp_path / "cache")
    try:
        assert cleaner.finish() == 0            # MkDocs never asked to clean: --dirty
    finally:
        cleaner.stop()
    assert (site / "a" / "old.html").is_file()


def test_the_site_is_emptied_when_its_layout_changed_or_the_last_build_did_not_end(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    emptied = []
    for directory_urls, ended in ((True, False), (True, True), (False, True)):
        site.mkdir(exist_ok=True)
        (site / "page.html").write_text("page", "utf-8")
        cleaner = InPlace()
        cleaner.start(_config(site, directory_urls), cache)
        try:
            utils.clean_directory(str(site))
            emptied.append(not (site / "page.html").exists())
            (site / "page.html").write_text("page", "utf-8")        # what the build writes
            if ended:
                cleaner.finish()
        finally:
            cleaner.stop()
    # the first build has no earlier one; the second follows one that did not
    # end; the third changes the URLs' layout
    assert emptied == [True, True, True]
    time.sleep(0.05)            # file times tick every few milliseconds: the page is older than the next build
    cleaner = InPlace()
    cleaner.start(_config(site, False), cache)
    try:
        utils.clean_directory(str(site))
        assert (site / "page.html").is_file()       # the same layout after a build that ended: kept
        assert cleaner.finish() == 1                # and, not written again, removed at the end
    finally:
        cleaner.stop()
    assert utils.clean_directory.__name__ == "clean_directory"     # MkDocs' own, back


def test_the_files_not_written_again_go_with_their_emptied_folders_and_the_rest_is_measured(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    (tmp_path / "elsewhere").mkdir()
    written = {"c/new.html": "kept", "d/e/new.txt": "kept too, one folder down"}
    for old in (("a/b/old.html", "g/old.txt"), ()):
        cleaner = InPlace()
        cleaner.start(_config(site), cache)
        try:
            utils.clean_directory(str(site))
            for rel in old or written:
                (site / rel).parent.mkdir(parents=True, exist_ok=True)
                (site / rel).write_text(written.get(rel, "old"), "utf-8")
            if not old:
                (site / "f").mkdir()
                (site / "f" / "link").symlink_to(tmp_path / "elsewhere")        # a link to a folder stays
            removed = cleaner.finish()
        finally:
            cleaner.stop()
        time.sleep(0.05)            # file times tick every few milliseconds
    assert removed == 2
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [
        "c", "c/new.html", "d", "d/e", "d/e/new.txt", "f", "f/link"]
    assert cleaner.size == site_size.size(site) == sum(len(text) for text in written.values())
