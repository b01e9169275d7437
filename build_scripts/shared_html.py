"""The parts of a page that many generated pages show alike, templated once
a build instead of once a page.

Material's navigation tabs and its primary navigation take about two fifths
of the time templating a page takes, and on the generated pages they come
out the same from page to page, like the theme script's settings: no
generated page is in the site's navigation (`nav` in mkdocs.yml), so
nothing in it is marked as the page's own, and its links, relative to the
page, are the same for every page of a folder. overrides/partials/tabs.html
and nav.html wrap Material's own partials (loaded under the prefix THEME),
and overrides/main.html the settings, in `{% call shared_html(name) %}`: a
generated page gets the HTML templated for the first page of its folder,
and any other page (a hand-written one, one in the navigation, one under
which a navigation link lies) is templated as before. The HTML is the same
either way (tests/test_mkdocs_pages.py builds the site both ways).

Kept for one build: `begin` starts afresh with each build's navigation."""
from __future__ import annotations

import posixpath
from pathlib import Path

import jinja2
import material

from .render import generated

THEME = "material"          # Material's own templates, as "material/partials/nav.html"


class SharedHtml:
    def __init__(self) -> None:
        self.enabled = True
        self.nav_urls: list[str] = []
        self.parts: dict[tuple, str] = {}

    def begin(self, nav, config) -> None:
        """For a build (`on_nav`): the addresses its navigation links to."""
        self.nav_urls = [*_urls(nav.items), str((config.extra or {}).get("homepage") or "")]
        self.parts = {}

    def install(self, env: jinja2.Environment) -> None:
        """Into a build's template environment (`on_env`)."""
        env.globals["shared_html"] = self
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader(
            {THEME: jinja2.FileSystemLoader(Path(material.__file__).parent / "templates")})])

    @jinja2.pass_context
    def __call__(self, context, name: str, caller) -> str:
        key = self._key(context.get("page"), name)
        if key is None:
            return caller()
        html = self.parts.get(key)
        if html is None:
            html = self.parts[key] = caller()
        return html

    def _key(self, page, name: str) -> tuple | None:
        """Pages with the same key show the part alike: generated pages of
        one folder with no navigation link at or under their own address
        (so not in the navigation themselves; a link is relative to the
        page's folder, and only a link under the page's own address tells
        two pages of a folder apart)."""
        file = getattr(page, "file", None)
        if not self.enabled or file is None or not generated(file.src_uri):
            return None
        url = page.url
        if not url or any(link.startswith(url) for link in self.nav_urls):
            return None
        return name, posixpath.dirname(url.rstrip("/")), url.endswith("/")


def _urls(items) -> list[str]:
    """The addresses of the navigation's pages and links, in every section."""
    urls = []
    for item in items:
        urls += [str(item.url)] if getattr(item, "url", None) is not None else []
        urls += _urls(item.children or ())
    return urls


SHARED = SharedHtml()
