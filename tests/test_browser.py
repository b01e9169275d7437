"""The built site in real Chromium (Debian's package, driven by Playwright),
served the way GitHub Pages serves a project site: under /news-archive/,
with 404.html for a missing page."""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import SITE_URL

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (make test installs it)")


PREFIX = urlsplit(SITE_URL).path.rstrip("/")          # /news-archive
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX; anything missing gets 404.html with status 404."""

    def translate_path(self, path):
        path = path.split("?", 1)[0]
        if not path.startswith(PREFIX + "/"):
            return str(Path(self.directory) / "no-such-file")
        return super().translate_path(path[len(PREFIX):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(site):
    work, proc = site
    assert proc.returncode == 0, proc.stderr[-2000:]
    handler = functools.partial(PagesHandler, directory=str(work / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{PREFIX}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def open_page(browser, server, viewport=DESKTOP):
    """A page recording console errors, failed responses and requests that
    leave the site."""
    context = browser.new_context(viewport=viewport)
    pg = context.new_page()
    errors, outside, failed, requested = [], [], [], []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("request", lambda req: outside.append(req.url)
          if not req.url.startswith((server + "/", "data:", "blob:")) else None)
    pg.on("response", lambda resp: failed.append(f"{resp.status} {resp.url}") if resp.status >= 400 else None)
    pg.on("request", lambda req: requested.append(req.url))
    pg.errors, pg.outside, pg.failed, pg.requested = errors, outside, failed, requested
    return context, pg


@pytest.fixture
def page(browser, server):
    context, pg = open_page(browser, server)
    yield pg
    context.close()


def clean(pg) -> bool:
    return pg.errors == [] and pg.outside == [] and pg.failed == []


def shoot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


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
    assert clean(page), (page.errors, page.outside, page.failed)


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
    assert clean(page), (page.errors, page.outside, page.failed)


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


def test_search_finds_articles_in_every_part_of_the_index(page, server, site):
    import gzip
    import json

    bundle = site[0] / "site" / "pagefind"
    folders = [bundle, *(bundle / part for part in json.loads((bundle / "parts.json").read_text("utf-8")))]
    part_of = {}
    for number, folder in enumerate(folders):
        for fragment in (folder / "fragment").glob("*.pf_fragment"):
            url = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])["url"]
            part_of[url.split("/articles/", 1)[1]] = number
    search(page, server, "Algeria")
    page.locator(".archive-search__result").nth(1).wait_for()
    hrefs = page.locator(".archive-search__result a").evaluate_all("links => links.map(a => a.href)")
    found = {part_of[href.split("/articles/", 1)[1]] for href in hrefs}
    assert len(found) >= min(len(folders), 2), (hrefs, part_of)


def test_search_shows_a_hostile_article_as_text(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    search(page, server, "hostile")
    page.locator(".archive-search__result").first.wait_for()
    titles = page.locator(".archive-search__result a").all_inner_texts()
    assert any("<img src=x" in t for t in titles), titles     # both hostile articles' titles show as text
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


def test_home_timeline_month_article_other_report(page, server):
    page.goto(server + "/")
    assert page.locator("img[src$='articles-per-month.svg']").evaluate("img => img.naturalWidth") > 0
    page.locator(".md-tabs").get_by_role("link", name="Timeline").click()
    page.wait_for_url("**/timeline/")
    page.get_by_role("link", name="February 2026").click()
    page.wait_for_url("**/timeline/2026-02/")
    page.get_by_role("link", name="Algeria, France Restore Senior-Level Security Dialogue").click()
    page.wait_for_url("**/articles/001-a56bc4bbea306e3e/")
    box = page.locator(".admonition", has_text="Other reports of this story")
    assert box.get_by_role("link").filter(has_text="Says Minister").count() == 1
    box.get_by_role("link", name="France, Algeria relaunch high-level security cooperation").click()
    page.wait_for_url("**/articles/002-a7f0a302755144ca/")
    others = page.locator(".admonition", has_text="Other reports of this story").inner_text()
    assert "Algeria, France Restore Senior-Level Security Dialogue" in others and "Says Minister" in others
    assert clean(page), (page.errors, page.outside, page.failed)


def test_actor_page_shows_its_charts_and_the_people_named_with_them(page, server):
    page.goto(server + "/actors/laurent-nunez/")
    for chart in ("Articles per month naming Laurent Nuñez", "People most often named with Laurent Nuñez"):
        svg = page.get_by_role("img", name=chart)         # drawn into the page, named by its <title>
        assert svg.evaluate("svg => svg.tagName") == "svg" and svg.bounding_box()["width"] > 100, chart
    people = page.locator("h2:has-text('Named with') ~ ul").first
    assert "Abdelmadjid Tebboune: 3 articles" in people.inner_text()
    assert "Minister of the Interior of France" in page.locator("table").inner_text()
    feed = page.locator("head link[type='application/atom+xml']").nth(1).get_attribute("href")
    assert feed.endswith("feeds/actors/laurent-nunez.xml")
    people.get_by_role("link", name="Abdelmadjid Tebboune").click()
    page.wait_for_url("**/actors/abdelmadjid-tebboune/")
    assert clean(page), (page.errors, page.outside, page.failed)


def test_every_feed_parses_as_atom(page, server, site):
    work, _ = site
    feeds = sorted((work / "site" / "feeds").rglob("*.xml"))
    assert len(feeds) > 10
    page.goto(server + "/")
    for path in feeds:
        rel = path.relative_to(work / "site").as_posix()
        response = page.request.get(f"{server}/{rel}")
        assert response.status == 200, rel
        root = ET.fromstring(response.body())
        assert root.tag == "{http://www.w3.org/2005/Atom}feed", rel
        assert root.find("{http://www.w3.org/2005/Atom}entry") is not None, rel
        # Chromium's own XML parser agrees
        ok = page.evaluate("""text => !new DOMParser().parseFromString(text, 'application/xml')
                                      .querySelector('parsererror')""", response.text())
        assert ok, rel
    assert clean(page), (page.errors, page.outside, page.failed)


def test_data_downloads_resolve(page, server):
    page.goto(server + "/data/")
    for name in ("archive.json", "articles.csv"):
        href = page.get_by_role("link", name=name, exact=True).get_attribute("href")
        assert page.request.get(page.url + href).status == 200, href
    assert clean(page), (page.errors, page.outside, page.failed)


def test_missing_page_gets_the_styled_404_page(page, server):
    response = page.goto(server + "/no/such/page/")
    assert response.status == 404
    assert "404" in page.locator("article").inner_text()
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"  # CSS loaded
    page.failed.remove(f"404 {server}/no/such/page/")          # the page itself, and only it
    page.errors.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")
    assert clean(page), (page.errors, page.outside, page.failed)


PAGES = {"home": "/", "timeline": "/timeline/", "month": "/timeline/2026-02/",
         "article": "/articles/001-a56bc4bbea306e3e/", "actor": "/actors/laurent-nunez/",
         "country": "/countries/dz/", "stories": "/stories/", "sources": "/sources/", "data": "/data/"}


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_pages_fit_phone_and_desktop_widths(browser, server, width):
    context, pg = open_page(browser, server, PHONE if width == "phone" else DESKTOP)
    try:
        for name, path in PAGES.items():
            pg.goto(server + path)
            overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} is {overflow}px wider than the {width} screen"
            shoot(pg, f"{name}-{width}")
        assert clean(pg), (pg.errors, pg.outside, pg.failed)
    finally:
        context.close()
def test_hostile_web_page_shows_literally_and_runs_nothing(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/articles/hostile-page-ete/")
    article = page.locator("article")
    text = article.inner_text()
    assert page.locator("h1").first.inner_text() == "A hostile page <img src=y onerror=alert('og')>"
    assert "<script>alert('text')</script>" in text and "[a link](javascript:alert('md'))" in text
    assert "{{ config.site_name }}" in text and "{% if true %}x{% endif %}" in text
    assert "Evil <b>Site</b> {{ config }}" in text
    assert "alert('inline')" not in text and "alert('comment')" not in text and "Home" not in text
    assert article.locator("script, img, iframe, svg, a[href^='javascript'], [onerror], [onload]").count() == 0
    assert "<img" in page.title()
    page.goto(server + "/articles/")
    page.get_by_role("link", name="A hostile page <img").first.click()
    page.wait_for_url(lambda url: url.endswith("/articles/hostile-page-ete/"))
    page.mouse.move(200, 400)
    assert dialogs == [] and page.errors == [] and page.outside == []
