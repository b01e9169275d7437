"""`mkdocs build --strict` of the sample archive, and what the built site holds."""
from __future__ import annotations


def test_mkdocs_build_strict(site):
    work, proc = site
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (work / "site" / "index.html").is_file()
    assert (work / "site" / "pagefind" / "pagefind-entry.json").is_file()
    assert not (work / "site" / "search" / "search_index.json").exists()      # no theme search index


def test_generated_files_other_than_pages_are_linked_into_the_site_and_hand_written_ones_copied(site):
    work, _ = site
    feeds = sorted((work / "docs" / "feeds").glob("*.xml"))
    assert feeds
    for feed in feeds:
        built = work / "site" / "feeds" / feed.name
        assert built.samefile(feed)         # the generator replaces a file it changes: the site keeps its bytes
    style = next((work / "docs" / "stylesheets").glob("*.css"))
    assert not (work / "site" / "stylesheets" / style.name).samefile(style)
    assert (work / "site" / "stylesheets" / style.name).read_bytes() == style.read_bytes()


def test_the_search_index_comes_in_parts_of_at_most_the_pages_set(site):
    import json

    from build_scripts.parallel import cores

    from .conftest import SEARCH_PART_PAGES

    work, _ = site
    bundle = work / "site" / "pagefind"
    parts = json.loads((bundle / "parts.json").read_text("utf-8"))
    if cores() < 2:
        return          # no early index on one core: the built site is indexed whole
    articles = len(list((work / "site" / "articles").glob("*/index.html")))
    assert 1 < len(parts) + 1 <= -(-articles // SEARCH_PART_PAGES)     # parts by a hash of the path: about even
    counts = []
    for folder in [bundle, *(bundle / part for part in parts)]:
        entry = json.loads((folder / "pagefind-entry.json").read_text("utf-8"))
        counts.append(sum(language["page_count"] for language in entry["languages"].values()))
    assert sum(counts) == articles
    assert not list((bundle / parts[0]).glob("*.js"))          # a part holds its words and pages only


def test_site_works_offline(site):
    work, _ = site
    for page in (work / "site").rglob("*.html"):
        html = page.read_text("utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, page


def test_generated_pages_are_reachable(site):
    work, _ = site
    s = work / "site"
    for path in ("articles/index.html", "actors/index.html", "countries/index.html", "about/index.html",
                 "actors/laurent-nunez/index.html", "countries/dz/index.html",
                 "articles/003-3331070784b86d09/index.html"):
        assert (s / path).is_file(), path
