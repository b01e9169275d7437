from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts import pipeline

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current output instead of comparing")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The sample archive (articles/ with its registry) built into a temporary docs folder."""
    docs = tmp_path_factory.mktemp("seeds") / "docs"
    result = pipeline.build(ROOT / "articles", docs)
    return result, docs


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """A copy of the project (config, hand-written docs, articles) built with `mkdocs build --strict`."""
    import subprocess
    import sys

    work = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "articles", "build_scripts"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)
    shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns(
        "articles", "actors", "countries", "data"))
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=work,
                          capture_output=True, text=True)
    return work, proc
