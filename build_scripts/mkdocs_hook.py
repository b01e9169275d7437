"""MkDocs hook: plain `mkdocs serve` and `mkdocs build` regenerate the pages
from articles/ first, and serve watches articles/ for changes. Unchanged
pages are not rewritten, so serve's own watcher does not loop; after an
edit, serve shows the edited article's page first and the full build
follows in the background (build_scripts/serving.py). Built pages lose the
template's indentation; Pagefind indexes the article pages for the search
page (while `mkdocs build` writes the site, or after the build), and a
warning comes when the site nears GitHub Pages' size limit. `mkdocs build`
rewrites the site in place rather than emptying it first, and removes what
it did not write (build_scripts/site_clean.py). The generated
pages' Markdown is converted on every core and kept between builds
(build_scripts/mkdocs_pages.py), with an inline pass that skips patterns
that cannot match (build_scripts/quick_inline.py)."""
from __future__ import annotations

import html
import logging
from pathlib import Path

from markupsafe import Markup

from build_scripts import collector, minify, quick_inline, search, serving, site_size, watching
from build_scripts.mkdocs_pages import PAGES, cache_folder, link_generated_files
from build_scripts.serving import SESSION
from build_scripts.shared_html import SHARED
from build_scripts.site_clean import SITE

log = logging.getLogger("mkdocs.hooks.news_archive")
SEARCH_PAGES = "search-pages"       # the article pages as Pagefind reads them: in .cache/ or in memory
SEARCH_INDEX = "search-index"       # folder in .cache/ of the index's parts, each kept under a key of its pages


def _articles_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent / "articles"


def on_startup(command, dirty=False, **kwargs) -> None:
    search.INDEXER.background = command == "serve"
    SESSION.start(command, dirty)


def on_shutdown(**kwargs) -> None:
    SITE.stop()
    SESSION.stop()
    search.INDEXER.stop()
    PAGES.close()


def on_config(config, **kwargs):
    SESSION.configure(config)
    if quick_inline.NAME not in config.markdown_extensions:     # the same HTML, converted sooner
        config.markdown_extensions.append(quick_inline.NAME)
    return config


def on_pre_build(config, **kwargs) -> None:
    PAGES.open(config, full=not SESSION.dirty)
    if SESSION.command == "build" and not SESSION.dirty:
        SITE.start(config, cache_folder(config))       # the site rewritten in place, not emptied first
    articles = _articles_dir(config)
    if not articles.is_dir():
        SESSION.edited = None
        log.warning("no articles folder at %s: nothing to generate", articles)
        return
    SESSION.generate(articles, Path(config.docs_dir))


def on_files(files, config, **kwargs):
    link_generated_files(files)
    return SESSION.files(files, config)


def on_nav(nav, config, files, **kwargs):
    once = SESSION.command == "build"
    if once:
        collector.freeze(collecting=True)       # the files and pages, before conversion's workers are forked
    SHARED.begin(nav, config)
    PAGES.prepare(nav, config, files)
    if once:        # and what conversion gave them; MkDocs' own pass then runs with the collector
        collector.freeze(collecting=not PAGES.hooks_only)      # paused, unless other plugins make garbage in it
    if PAGES.kept and not search.INDEXER.background:       # kept only by a process that may fork
        cached = cache_folder(config)
        search.INDEXER.start(Path(config.site_dir), lambda: _pages_for_index(config, files),
                             search.pages_folder(cached / SEARCH_PAGES), cached / SEARCH_INDEX)
    return nav


def _pages_for_index(config, files):
    """The article pages as Pagefind reads them, from the HTML kept of them:
    Pagefind indexes them while MkDocs reads and writes the site."""
    language, site = config.theme["language"], config.site_name
    for page, content in PAGES.contents(config, files, "articles"):
        if search.is_article(page.meta, page.file.src_uri):
            # the page's own title: MkDocs gives none before it has read the page, as in a forked process
            title = f"{Markup(page.meta.get('title') or page.title or '').striptags()} - {site}"
            yield page.file.dest_uri, search.page_for_index(language, title, content)


def on_pre_page(page, config, files, **kwargs):
    PAGES.adopt(page)
    return page


def on_env(env, config, files, **kwargs):
    if SESSION.command == "build":
        collector.freeze(collecting=True)       # what MkDocs' own pass made, before the writers are forked
    SESSION.environment(env)
    SHARED.install(env)
    return PAGES.finish(env, config, files)


def on_post_build(config, **kwargs) -> None:
    """Index the site for search, then check its size against GitHub Pages'
    limit; after an edit while serving, start the full build instead
    (build_scripts/serving.py), and index when it has ended."""
    waiting = SESSION.waiting
    SESSION.built(_articles_dir(config))
    if waiting:
        return
    cached = cache_folder(config)
    search.INDEXER.index(Path(config.site_dir), search.pages_folder(cached / SEARCH_PAGES), cached / SEARCH_INDEX)
    last = search.INDEXER.last
    if last:
        log.info("news archive: search index in %d part(s), %d indexed again, %d kept from earlier builds",
                 len(last["parts"]), len(last["indexed"]), len(last["parts"]) - len(last["indexed"]))
    stale = SITE.finish()
    if stale:
        log.info("news archive: %d file(s) of earlier builds removed from the site", stale)
    if SESSION.rebuilding:
        return          # serve's own copy of the site: its size was checked on the first build
    total = SITE.size if SITE.size is not None else site_size.size(Path(config.site_dir))
    message = site_size.warning(total)
    if message:
        log.warning(message)
    else:
        log.info("news archive: site is %.1f MB", total / 1024 ** 2)


def on_build_error(error, **kwargs) -> None:
    SITE.stop()


def on_serve(server, config, builder, **kwargs):
    articles = _articles_dir(config)
    if articles.is_dir():
        server.watch(str(articles))
    stamps = serving.stamp_folder(Path(config.docs_dir))
    stamps.mkdir(parents=True, exist_ok=True)
    server.watch(str(stamps))
    log.info("news archive: serve watches for changes by %s", watching.use_notifications(server))
    return server


def on_page_markdown(markdown, page, config, files, **kwargs):
    """MkDocs and the theme put a front-matter title into the HTML unescaped
    (<title>, the header, the search index): article titles are data, so
    they are escaped here."""
    title = page.meta.get("title")
    if isinstance(title, str):
        page.meta["title"] = html.escape(title, quote=True)
    return markdown


def on_page_content(content, page, config, files, **kwargs):
    if search.is_article(page.meta, page.file.src_uri):
        return search.mark_article(content, page.meta)
    return content


def on_post_page(output, page, config, **kwargs):
    return minify.squeeze(output)
