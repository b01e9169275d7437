"""Publishing: the Pages workflow, the size check, the small nav, generated
folders kept out of git."""
from __future__ import annotations

import re

import yaml

from build_scripts import site_size
from build_scripts.render import GENERATED_DIRS

from .conftest import ROOT


def test_workflow_builds_with_the_readme_target_and_deploys_with_pages_actions():
    text = (ROOT / ".github/workflows/pages.yml").read_text("utf-8")
    flow = yaml.safe_load(text)
    steps = [s for job in flow["jobs"].values() for s in job["steps"]]
    runs = [s["run"] for s in steps if "run" in s]
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    assert runs == ["make site"] and "make site" in (ROOT / "README.md").read_text("utf-8")
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert "SITE_URL" in text and "!ENV [SITE_URL" in (ROOT / "mkdocs.yml").read_text("utf-8")


def test_readme_shows_gh_deploy():
    assert "mkdocs gh-deploy" in (ROOT / "README.md").read_text("utf-8")


def test_size_check_warns_near_the_pages_limit(tmp_path):
    assert site_size.warning(700 * 1024 ** 2) is None
    message = site_size.warning(900 * 1024 ** 2)
    assert "900 MB" in message and "88%" in message and "GitHub Pages" in message
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.html").write_bytes(b"x" * 1000)
    (tmp_path / "y.css").write_bytes(b"y" * 24)
    assert site_size.size(tmp_path) == 1024
    assert site_size.warning(site_size.size(tmp_path), limit=1200) is not None


def test_nav_lists_index_pages_only():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)
    pages = [next(iter(item.values())) for item in config["nav"]]
    for page in pages:
        assert page.split("/")[0] not in GENERATED_DIRS or page.endswith("/index.md"), page
    assert len(pages) <= 8


def test_generated_folders_are_ignored_and_cleaned():
    ignored = (ROOT / ".gitignore").read_text("utf-8").split()
    clean = re.search(r"^clean:\n((?:\t.*\n?)+)", (ROOT / "Makefile").read_text("utf-8"), re.M).group(1)
    for d in GENERATED_DIRS:
        assert f"docs/{d}/" in ignored, d
        assert f"docs/{d}" in clean.split(), d
