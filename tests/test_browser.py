"""The built site in real Chromium (Debian's package, driven by Playwright)."""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (make test installs it)")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(site):
    work, proc = site
    assert proc.returncode == 0, proc.stderr[-2000:]
    handler = functools.partial(QuietHandler, directory=str(work / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context()
    pg = context.new_page()
    errors, outside, requested = [], [], []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("request", lambda req: outside.append(req.url)
          if not req.url.startswith((server, "data:", "blob:")) else None)
    pg.on("request", lambda req: requested.append(req.url))
    pg.errors, pg.outside, pg.requested = errors, outside, requested
    yield pg
    context.close()


def test_home_to_actor_to_article(page, server):
    page.goto(server + "/")
    page.get_by_role("link", name="Actors").first.click()
    page.wait_for_url("**/actors/")
    page.get_by_role("link", name="Laurent Nuñez").first.click()
    page.wait_for_url("**/actors/laurent-nunez/")
    assert "Laurent Nunez" in page.content()            # the alias is listed
    page.get_by_role("link", name="France and Algeria Agree to Resume Security Cooperation").click()
    page.wait_for_url("**/articles/004-50fa850396415251/")
    assert page.locator("h1").first.inner_text().startswith("France and Algeria Agree")
    assert "Also Read" not in page.content()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)
    assert page.errors == [] and page.outside == []


def search(page, server, query: str):
    """Type a query on the search page; return the bytes downloaded for it."""
    sizes = []
    page.goto(server + "/search/")
    page.wait_for_load_state("networkidle")
    page.on("response", lambda r: sizes.append(len(r.body())) if r.ok else None)
    page.locator(".archive-search input[type=search]").fill(query)
    page.locator(".archive-search__result").first.wait_for(timeout=15_000)
    page.wait_for_load_state("networkidle")
    return sum(sizes)


def test_search_finds_the_french_article(page, server):
    downloaded = search(page, server, "Lavrov")
    assert downloaded < 300_000                       # the whole index is never downloaded
    assert not any("/filter/" in url for url in page.requested)      # nor a filter not asked for
    page.locator(".archive-search__result a", has_text="L'Algérie et la Russie").first.click()
    page.wait_for_url(lambda url: "/articles/003-3331070784b86d09/" in url)
    assert page.errors == [] and page.outside == []


def test_search_results_narrowed_by_a_filter(page, server):
    search(page, server, "Algeria")
    results = page.locator(".archive-search__result")
    results.nth(1).wait_for()
    assert results.count() > 1
    facets = page.locator(".archive-search__facets")
    for name in ("Person:", "Country:", "Language:", "Year:"):
        assert facets.get_by_text(name, exact=True).count() == 1, name
    facets.get_by_role("button", name="French", exact=True).click()
    page.wait_for_function("document.querySelectorAll('.archive-search__result').length == 1")
    assert results.first.inner_text().startswith("L'Algérie et la Russie")
    assert page.locator(".archive-search__active").get_by_role("button").inner_text() == "French ✕"
    page.locator(".archive-search__active").get_by_role("button").click()          # and back
    results.nth(1).wait_for()
    assert page.errors == [] and page.outside == []


def test_search_shows_a_hostile_article_as_text(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    search(page, server, "hostile")
    result = page.locator(".archive-search__result").first
    assert "<img src=x" in result.locator("a").inner_text()
    assert page.locator(".archive-search img, .archive-search script").count() == 0
    assert dialogs == []


def test_hostile_article_shows_literally_and_runs_nothing(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/articles/hostile/")
    text = page.locator("article").inner_text()
    assert "<script>alert('body')</script>" in text
    assert "[a link](javascript:alert('link'))" in text
    assert "{{ config.site_name }}" in text and "# not a heading" in text and "- not a list" in text
    assert page.locator("article script, article img[onerror], article a[href^='javascript']").count() == 0
    page.goto(server + "/articles/")
    page.get_by_role("link", name="<img src=x").first.click()
    page.wait_for_url(lambda url: url.endswith("/articles/hostile/"))
    assert dialogs == []
    assert page.errors == [] or all("x" in e for e in page.errors)
