"""Article pages carry their text and filters for Pagefind; names stay data."""
from __future__ import annotations

import re
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts import search


def test_filters_come_from_the_front_matter():
    meta = {"actors": ["Laurent Nuñez"], "countries": ["DZ", "FR"], "language": "fr", "source": None,
            "date": "2026-02-17", "source_file": "a.txt"}
    assert search.filters(meta) == [("person-l", "Laurent Nuñez"), ("country", "Algeria"), ("country", "France"),
                                    ("language", "French"), ("source", "not stated"), ("year", "2026")]
    assert ("year", "undated") in search.filters({"language": "en"})


def test_article_html_is_marked_and_values_are_escaped():
    meta = {"actors": ['"><script>alert(1)</script>'], "source": "A & B", "language": "en", "source_file": "a.txt"}
    html = search.mark_article("<p>Text</p>", meta)
    assert html.startswith("<div data-pagefind-body>") and html.endswith("</div>")
    assert "<script>" not in html and 'data-value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert 'data-value="A &amp; B"' in html


def test_only_the_article_itself_is_indexed_not_what_it_shows_of_others(site):
    """The other reports of its story, other files with its text and related
    articles are on the page, but passed over by the index; a heading of the
    article's own that reads "Related articles" is indexed like its text."""
    from build_scripts.pages import OTHERS_END, OTHERS_START

    content = (f'<h1 id="t">Title</h1>\n{OTHERS_START}\n<div class="admonition abstract">\n<p>Other title</p>\n</div>\n'
               f'{OTHERS_END}\n<hr />\n<h2 id="related-articles">Related articles</h2>\n<p>Body text.</p>\n'
               f'{OTHERS_START}\n<h2 id="related-articles_1">Related articles</h2>\n<ul>\n<li>Related title</li>\n</ul>\n'
               f'{OTHERS_END}')
    marked = search.mark_article(content, {"language": "en", "source_file": "a.txt"})
    assert marked.count("<div data-pagefind-ignore>") == 2 and "<!--" not in marked
    ignored = re.findall(r"<div data-pagefind-ignore>.*?</div>\n(?:</div>|<hr)", marked, re.S)
    assert "Other title" in ignored[0] and "Body text." not in "".join(ignored)
    assert marked.index("Body text.") < marked.rindex("<div data-pagefind-ignore>") < marked.index("Related title")

    work, proc = site
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = (work / "site" / "articles" / "001-a56bc4bbea306e3e" / "index.html").read_text("utf-8")
    body = page[page.index("<div data-pagefind-body>"):]
    others = re.findall(r"<div data-pagefind-ignore>\s*(<div class=\"admonition abstract\">|<h2 id=\"related-articles\")",
                        body)
    assert len(others) == 2 and "<!-- others" not in page       # the story box and the related articles


def test_only_article_pages_are_indexed(site):
    work, proc = site
    assert proc.returncode == 0, proc.stderr[-2000:]
    pages = {p.relative_to(work / "site").as_posix(): p.read_text("utf-8") for p in (work / "site").rglob("*.html")}
    marked = sorted(p for p, html in pages.items() if "data-pagefind-body" in html)
    assert marked and all(re.fullmatch(r"articles/[^/]+/index\.html", p) for p in marked)
    assert not search.pages_folder(work / ".cache" / "search-pages").exists()      # Pagefind's pages: removed once read
    assert "articles/index.html" not in marked
    hostile = pages["articles/hostile/index.html"]
    assert hostile.count("data-pagefind-body") == 1 and 'data-value="Emmanuel Macron"' in hostile


def test_pages_lose_indentation_but_not_their_text():
    from build_scripts.minify import squeeze

    html = ("<div>\n    <p>One  two\n\n   three</p>  \n  <pre><code>a\n    b\n\n</code></pre>\n"
            "<script>\n  x = 1;\n</script>\n   <code>keep\n   this</code>\n</div>\n")
    assert squeeze(html) == ("<div>\n<p>One  two\nthree</p>\n<pre><code>a\n    b\n\n</code></pre>\n"
                             "<script>\n  x = 1;\n</script>\n<code>keep\n   this</code>\n</div>\n")


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from([" ", "\t", "\n", "\r", "\xa0", "\u2009", "\u2028", "\x1c", "\x85", "a", "<pre>",
                                 "</pre>", "<code>", "</code>"])).map("".join))
def test_a_page_loses_every_run_of_white_space_with_a_line_break(text):
    from build_scripts.minify import _VERBATIM, BREAK, squeeze

    parts, end = [], 0
    for m in _VERBATIM.finditer(text):
        parts += [BREAK.sub("\n", text[end:m.start()]), m.group(0)]
        end = m.end()
    assert squeeze(text) == "".join(parts + [BREAK.sub("\n", text[end:])])


def test_pagefind_pages_are_written_in_memory_where_there_is_room(tmp_path, monkeypatch):
    memory, folder = tmp_path / "shm", tmp_path / "project" / ".cache" / "search-pages"
    memory.mkdir()
    chosen = search.pages_folder(folder, memory)
    assert chosen.parent == memory and chosen.name.startswith("news-archive-search-pages-")
    assert search.pages_folder(folder, memory) == chosen                # one per project, found again
    assert search.pages_folder(tmp_path / "other" / ".cache" / "search-pages", memory) != chosen
    assert search.pages_folder(folder, tmp_path / "none") == folder      # no file system in memory
    monkeypatch.setattr(search, "IN_MEMORY_ROOM", 1 << 62)
    assert search.pages_folder(folder, memory) == folder                 # no room in it


def test_what_pagefind_passes_over_is_left_out_of_its_pages():
    body = ('<div data-pagefind-body><h1>Talks</h1>\n<div data-pagefind-ignore>\n<div class="admonition">\n'
            '<p>Other title</p>\n</div>\n<p>Related</p>\n</div>\n<p>Body text.</p>\n'
            '<details class="info">\n<summary>Why these tags</summary>\n<details><p>nested</p></details>\n'
            '</details>\n<detailsx>kept</detailsx>\n</div>')
    assert search.passed_over(body) == ('<div data-pagefind-body><h1>Talks</h1>\n\n<p>Body text.</p>\n\n'
                                        '<detailsx>kept</detailsx>\n</div>')
    unclosed = '<p>A</p><div data-pagefind-ignore><div>B</div>'
    assert search.passed_over(unclosed) == unclosed
    assert search.passed_over("<p>x</p>") == "<p>x</p>"


def test_leaving_out_what_pagefind_passes_over_gives_the_same_index(tmp_path):
    """Each page's fragment (its text, word count, anchors and filters) and the words' index."""
    import gzip
    import json

    body = ('<div data-pagefind-body><span data-pagefind-filter="year[data-value]" data-value="2025"></span>\n'
            '<h1 id="talks">Talks</h1>\n<p>Algiers and Paris resume talks.</p>\n<div data-pagefind-ignore>\n'
            '<h2 id="related-articles">Related articles</h2>\n<ul>\n<li>Moscow visit</li>\n</ul>\n</div>\n'
            '<details class="info">\n<summary>Why these tags</summary>\n<p>Country Algeria</p>\n</details>\n</div>')
    built = {}
    for name, page in (("whole", body), ("cut", search.passed_over(body))):
        folder = tmp_path / name / "articles" / "talks"
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(search.page_for_index("en", "Talks", page) if name == "cut" else
                                           page_for_index_whole("en", "Talks", page), "utf-8")
        subprocess.run(search.command(tmp_path / name, tmp_path / f"{name}-index"), check=True)
        fragments = [json.loads(gzip.decompress(p.read_bytes())[len(b"pagefind_dcd"):])
                     for p in (tmp_path / f"{name}-index" / "fragment").iterdir()]
        built[name] = fragments, sorted(p.name for p in (tmp_path / f"{name}-index" / "index").iterdir())
    assert built["whole"] == built["cut"] and "Moscow" not in json.dumps(built["cut"][0])
    assert len(search.passed_over(body)) < len(body)


def page_for_index_whole(language, title, body):
    """A page as page_for_index made it before it left out what Pagefind passes over."""
    return (f'<!doctype html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def test_an_early_index_is_made_by_a_forked_process_from_the_pages_given(tmp_path):
    site, copies = tmp_path / "site", tmp_path / "copies"
    body = '<div data-pagefind-body><h1>Talks</h1><p>Algiers and Paris resume talks.</p></div>'
    indexer = search.Indexer()
    indexer.start(site, lambda: [("articles/talks/index.html", search.page_for_index("en", "Talks", body))], copies)
    indexer.index(site)
    assert (site / search.BUNDLE / "pagefind-entry.json").is_file()
    assert not copies.exists()          # the copies are removed once indexed


def test_an_early_index_that_fails_is_reported_and_one_stopped_leaves_nothing(tmp_path):
    def broken():
        raise OSError("disk full")
        yield

    indexer = search.Indexer()
    indexer.start(tmp_path / "site", broken, tmp_path / "copies")
    with pytest.raises(subprocess.CalledProcessError):
        indexer.index(tmp_path / "site")
    indexer.start(tmp_path / "site", lambda: [("articles/a/index.html", "<html></html>")], tmp_path / "copies")
    early = indexer.early
    indexer.stop()
    assert early.returncode is not None and indexer.early is None
    assert not (tmp_path / "copies").exists()


def test_an_early_start_given_no_article_page_indexes_the_built_site(tmp_path):
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True)
    (site / "articles" / "index.html").write_text('<html lang="en"><body><h1>Articles</h1></body></html>', "utf-8")
    indexer = search.Indexer()
    indexer.start(site, lambda: [], tmp_path / "copies")
    indexer.index(site)
    assert (site / search.BUNDLE / "pagefind-entry.json").is_file()
    assert not (tmp_path / "copies").exists()


def test_the_index_is_made_in_parts_and_a_part_whose_pages_did_not_change_is_kept(tmp_path):
    import json

    def page(n: int, words: str) -> tuple[str, str]:
        body = f'<div data-pagefind-body><h1>Talks {n}</h1><p>{words}</p></div>'
        return f"articles/talks-{n}/index.html", search.page_for_index("en", f"Talks {n}", body)

    pages = [page(n, "Algiers and Paris resume talks.") for n in range(12)]
    kept, folder = tmp_path / "kept", tmp_path / "pages"
    first = search.index_parts(lambda: pages, folder, kept, part_pages=4)
    assert first["indexed"] == first["parts"] and 1 < len(first["parts"]) <= 3
    search.install(kept, first["parts"], tmp_path / "site")
    bundle = tmp_path / "site" / search.BUNDLE
    listed = json.loads((bundle / search.PARTS).read_text("utf-8"))
    assert listed == [str(n) for n in first["parts"][1:]]
    counts = [sum(lang["page_count"] for lang in json.loads((folder / "pagefind-entry.json").read_text())["languages"]
                  .values()) for folder in (bundle, *(bundle / name for name in listed))]
    assert sum(counts) == 12
    assert (bundle / "pagefind.js").is_file() and not list((bundle / listed[0]).glob("*.js"))
    assert not [p for p in folder.rglob("*") if p.is_file()]        # each part's pages removed once indexed
    entry = kept / "1" / "pagefind-entry.json"
    assert (bundle / "pagefind-entry.json").samefile(entry)         # linked into the site, not copied
    before = entry.read_bytes()
    for rel, text in pages:
        (tmp_path / "site" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "site" / rel).write_text(text, "utf-8")
    search.Indexer().index(tmp_path / "site")       # the site indexed whole, over the linked files
    assert entry.read_bytes() == before and not (bundle / "pagefind-entry.json").samefile(entry)

    again = search.index_parts(lambda: pages, folder, kept, part_pages=4)
    assert again == {"parts": first["parts"], "indexed": []}         # nothing changed: every part kept
    pages[5] = page(5, "Moscow and Algiers sign a deal.")
    edited = search.index_parts(lambda: pages, folder, kept, part_pages=4)
    assert edited == {"parts": first["parts"], "indexed": [search.part_of(pages[5][0], 3)]}
    assert search.index_parts(lambda: pages[:3], folder, kept, part_pages=4)["parts"] == [1]
    assert sorted(p.name for p in kept.iterdir()) == ["1", "1.key", search.RESULT]      # no part left of before


def test_a_built_site_is_indexed_in_parts_by_a_process_of_its_own(tmp_path, monkeypatch):
    import json

    site = tmp_path / "site"
    for n in range(6):
        body = f'<div data-pagefind-body><h1>Talks {n}</h1><p>Algiers and Paris resume talks.</p></div>'
        path = site / "articles" / f"talks-{n}" / "index.html"
        path.parent.mkdir(parents=True)
        path.write_text(search.page_for_index("en", f"Talks {n}", body), "utf-8")
    (site / "articles" / "index.html").write_text("<html><body><h1>Articles</h1></body></html>", "utf-8")
    monkeypatch.setenv("SEARCH_PART_PAGES", "2")
    search.Indexer().index(site, tmp_path / "work", tmp_path / "kept")
    parts = json.loads((site / search.BUNDLE / search.PARTS).read_text("utf-8"))
    assert parts and all((site / search.BUNDLE / part / "pagefind-entry.json").is_file() for part in parts)
    assert json.loads((tmp_path / "kept" / search.RESULT).read_text("utf-8"))["parts"] == [1, *map(int, parts)]
    assert not (tmp_path / "work").exists()

    bare = tmp_path / "bare"            # no article page marks its text: the site is indexed whole
    (bare / "articles").mkdir(parents=True)
    (bare / "articles" / "index.html").write_text('<html lang="en"><body><h1>Articles</h1></body></html>', "utf-8")
    search.Indexer().index(bare, tmp_path / "work", tmp_path / "kept-bare")
    assert (bare / search.BUNDLE / "pagefind-entry.json").is_file()
    assert json.loads((bare / search.BUNDLE / search.PARTS).read_text("utf-8")) == []


def test_an_indexing_stopped_midway_leaves_no_pages(tmp_path, monkeypatch):
    """Serve stops the built site's indexing when another build starts: its
    pages (in memory, where there is room) go with it."""
    work = tmp_path / "pages"
    (work / "1").mkdir(parents=True)
    (work / "1" / "page.html").write_text("<p>x</p>", "utf-8")

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(search, "index_parts", stopped)
    with pytest.raises(KeyboardInterrupt):
        search.index_site(tmp_path / "site", work, tmp_path / "kept")
    assert not work.exists()
