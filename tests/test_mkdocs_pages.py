"""The generated pages converted and built on every core, and kept between
builds (build_scripts/mkdocs_pages.py): the site is the same, byte for byte,
as MkDocs builds it alone on one core."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from build_scripts.parallel import cores

from .conftest import copy_project

# mkdocs build with the pages' parallel threshold and the cores set (0: as
# many as there are). On one core MkDocs converts and builds every page
# itself, and Pagefind indexes the built site.
BUILD = ("import sys; import build_scripts.mkdocs_pages as m; m.MIN_PARALLEL = int(sys.argv[1]); "
         "m.parallel.cores = lambda n=int(sys.argv[3]), c=m.parallel.cores: n or c(); "
         "from mkdocs.__main__ import cli; cli(['build', '--strict', '-d', sys.argv[2]])")


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


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
    cached = _build(work, 1, "cached")                 # converted by nobody: all kept
    alone = _tree(work / "alone")
    assert len(alone) > 50
    assert _tree(work / "parallel") == alone
    assert _tree(work / "cached") == alone
    assert "Page skipped" not in cached.stderr
    assert "0 pages converted" in cached.stderr or "pages converted" not in cached.stderr
