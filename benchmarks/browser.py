"""What a reader downloads for one search, measured in Chromium (Debian's
package, driven by Playwright as in tests/test_browser.py), from a server
that compresses text as GitHub Pages does (Pagefind's index files are
compressed already)."""
from __future__ import annotations

import functools
import gzip
import http.server
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]


COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml")


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def serving(site: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@dataclass(frozen=True)
class Search:
    page_bytes: int        # the search page with its styles and scripts, as transferred
    query_bytes: int       # everything fetched from typing the query to the results shown, as transferred
    query_raw_bytes: int   # the same, uncompressed
    results: int


def search_bytes(site: Path, query: str) -> Search:
    from playwright.sync_api import sync_playwright

    with serving(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page()
        sizes: list[tuple[int, int]] = []
        page.on("requestfinished", lambda r: sizes.append((r.sizes()["responseBodySize"], len(r.response().body()))))
        page.goto(base + "/search/")
        page.wait_for_load_state("networkidle")
        loaded = len(sizes)
        page.locator(".archive-search input[type=search]").fill(query)
        page.locator(".archive-search__result").first.wait_for(timeout=60_000)
        page.wait_for_load_state("networkidle")
        results = page.locator(".archive-search__status").inner_text()
        browser.close()
    return Search(sum(n for n, _ in sizes[:loaded]), sum(n for n, _ in sizes[loaded:]),
                  sum(raw for _, raw in sizes[loaded:]), int("".join(c for c in results if c.isdigit()) or 0))
