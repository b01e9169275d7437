"""The generated pages converted and built on every core, and kept between
builds (build_scripts/mkdocs_pages.py), with the parts many pages share
templated once (build_scripts/shared_html.py): the site is the same, byte
for byte, as MkDocs builds it alone on one core."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from build_scripts.parallel import cores

from .conftest import copy_project
from .pagefind_index import site_files

# mkdocs build with the pages' parallel threshold and the cores set (0: as
# many as there are). On one core MkDocs converts and builds every page
# itself, and Pagefind indexes the built site; there every page is templated
# whole, without the parts shared between pages (build_scripts/shared_html.py).
BUILD = ("import sys; import build_scripts.mkdocs_pages as m; m.MIN_PARALLEL = int(sys.argv[1]); "
         "m.parallel.cores = lambda n=int(sys.argv[3]), c=m.parallel.cores: n or c(); "
         "import build_scripts.shared_html as s; s.SHARED.enabled = sys.argv[3] != '1'; "
         "from mkdocs.__main__ import cli; cli(['build', '--strict', '-d', sys.argv[2]])")


def _build(work: Path, threshold: int, site: str, cores: int = 0) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-c", BUILD, str(threshold), site, str(cores)], cwd=work,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def test_pages_built_on_every_core_and_from_the_cache_are_mkdocs_own(tmp_path):
    work = copy_project(tmp_path / "project")

    _build(work, 10 ** 9, "alone", cores=1)            # MkDocs converts and builds every page itself
    (work / ".cache" / "pages.sqlite").unlink()
    parallel = _build(work, 1, "parallel")             # converted and built by workers
    assert "Page skipped" not in parallel.stderr
    if cores() > 1:
        assert "pages converted on" in parallel.stderr and "pages written on" in parallel.stderr
    alone = site_files(work / "alone")
    assert len(alone) > 50
    assert site_files(work / "parallel") == alone
    cached = _build(work, 1, "parallel")               # converted by nobody: all kept, and left in the site
    assert site_files(work / "parallel") == alone
    assert "Page skipped" not in cached.stderr
    assert "0 pages converted" in cached.stderr or "pages converted" not in cached.stderr
    if cores() > 1:     # written by nobody either: the pages the last build wrote, and its search index
        elsewhere = _build(work, 1, "elsewhere")       # into another folder: templated again
        assert site_files(work / "elsewhere") == alone
        assert re.search(r"pages written on \d+ cores in [\d.]+ s, 0 of them kept", elsewhere.stderr)
        written = re.search(r"(\d+) pages written on \d+ cores in [\d.]+ s, (\d+) of them kept", cached.stderr)
        assert written and written[1] == written[2] and int(written[1]) > 20, cached.stderr[-2000:]
        assert re.search(r"search index in \d+ part\(s\), 0 indexed again", cached.stderr), cached.stderr[-2000:]


def test_pages_kept_from_an_earlier_build_are_written_again_when_the_site_around_them_changes(tmp_path):
    work = copy_project(tmp_path / "project")
    _build(work, 1, "first")
    config = work / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("site_name: News Archive", "site_name: Beat Files"), "utf-8")
    renamed = _build(work, 1, "renamed")
    assert not re.search(r"pages written on \d+ cores in [\d.]+ s, [1-9]\d* of them kept", renamed.stderr)
    if cores() > 1:     # the index holds the site's name in page titles: every part is made again
        assert re.search(r"search index in (\d+) part\(s\), \1 indexed again", renamed.stderr), renamed.stderr
    (work / "overrides" / "main.html").write_text(
        (work / "overrides" / "main.html").read_text("utf-8") + "{# changed #}<!-- theme edited -->", "utf-8")
    themed = _build(work, 1, "themed")
    assert not re.search(r"pages written on \d+ cores in [\d.]+ s, [1-9]\d* of them kept", themed.stderr)
    pages = [p for p in (work / "themed" / "articles").rglob("index.html")]
    assert pages and all("Beat Files" in p.read_text("utf-8") for p in pages)
    _build(work, 10 ** 9, "themed-alone", cores=1)         # MkDocs alone
    assert site_files(work / "themed") == site_files(work / "themed-alone")


def test_a_site_with_another_plugin_is_not_signed_and_its_pages_are_templated_every_build(tmp_path):
    from mkdocs.config import load_config

    from build_scripts.mkdocs_pages import _signature

    class Nav:
        items: list = []

    work = copy_project(tmp_path / "project")
    config = load_config(str(work / "mkdocs.yml"))
    signed = _signature(b"salt", config, Nav())
    assert signed and signed == _signature(b"salt", load_config(str(work / "mkdocs.yml")), Nav())
    assert _signature(b"other", config, Nav()) != signed
    text = (work / "mkdocs.yml").read_text("utf-8")
    (work / "mkdocs.yml").write_text(text.replace("plugins: []", "plugins: [search]"), "utf-8")
    assert _signature(b"salt", load_config(str(work / "mkdocs.yml")), Nav()) is None


def test_a_written_page_is_kept_only_while_it_is_still_as_written(tmp_path):
    from build_scripts.mkdocs_pages import _stamp, _still_there

    page = tmp_path / "index.html"
    page.write_text("<p>as written</p>", "utf-8")
    stamp = _stamp(str(page), os.stat(page))
    changed = os.stat(page).st_ctime_ns
    assert _still_there(str(page), stamp)
    assert os.stat(page).st_ctime_ns >= changed          # this build's now, for the site's cleaning
    assert not _still_there(str(tmp_path / "other.html"), stamp)
    page.write_text("<p>edited by hand</p>", "utf-8")
    assert not _still_there(str(page), stamp)
    page.unlink()
    assert not _still_there(str(page), stamp)
