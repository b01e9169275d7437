"""Where each generated file lives under docs/, how pages link to each other,
and the small Markdown pieces every page uses. Pure."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import yaml_text
from .gazetteer import load as load_gazetteer
from .markdown_text import escape, link
from .models import Actor, Archive, Article, Story
from .names import slugify, sort_key

LANGUAGES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian",
             "pt": "Portuguese", "und": "Unknown"}

HOME = "index.md"                  # hand-written; generated pages only link to it
TIMELINE = "timeline/index.md"
UNDATED = "timeline/undated.md"
STORIES = "stories/index.md"
SOURCES = "sources/index.md"
LANGUAGE_INDEX = "languages/index.md"
DATA = "data/index.md"
ARCHIVE_FEED = "feeds/index.xml"
ARCHIVE_CHART = "charts/articles-per-month.svg"


def article_page(art: Article) -> str:
    return f"articles/{art.id}.md"


def actor_page(actor: Actor) -> str:
    return f"actors/{actor.slug}.md"


def country_page(code: str) -> str:
    return f"countries/{code.lower()}.md"


def month_page(month: str) -> str:
    """'2026-02' -> timeline/2026-02.md"""
    return f"timeline/{month}.md"


def source_page(slug: str) -> str:
    return f"sources/{slug}.md"


def language_page(code: str) -> str:
    return f"languages/{slugify(code, 20)}.md"


def language_name(code: str) -> str:
    return LANGUAGES.get(code, code)


def feed(kind: str, slug: str) -> str:
    """kind is 'actors' or 'countries'."""
    return f"feeds/{kind}/{slug}.xml"


# Around what an article page shows of other articles (the other reports of
# its story, other files with its text, related articles): the search index
# passes it over (build_scripts/search.py). Markdown keeps an HTML comment as
# it is, and article text, escaped, can never make one.
OTHERS_START = "<!-- others -->"
OTHERS_END = "<!-- /others -->"


def about_others(lines: list[str]) -> list[str]:
    return [OTHERS_START, "", *lines, OTHERS_END, ""] if lines else []


def url_of(page: str) -> str:
    """Site-relative URL MkDocs gives a page (use_directory_urls)."""
    stem = page[:-3]
    if stem.endswith("/index") or stem == "index":
        return stem[: -len("index")]
    return stem + "/"


def rel(from_page: str, to_page: str) -> str:
    """posixpath.relpath(to_page, dirname(from_page)) for clean relative paths, without its system calls."""
    folder, target = from_page.split("/")[:-1], to_page.split("/")
    common = 0
    while common < min(len(folder), len(target) - 1) and folder[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(folder) - common) + target[common:])


def front_matter(data: dict) -> str:
    return "---\n" + yaml_text.safe_dump(data, width=1_000_000) + "---\n"


def article_item(from_page: str, art: Article, details: bool = False) -> str:
    """One list line: date, linked title, source (and language, with details)."""
    date = art.date.value or "undated"
    extra = f" · {escape(art.source.value)}" if art.source.value else ""
    if details:
        extra += f" · {escape(language_name(art.language.value))}"
    return f"- {date} — {link(art.title.value, rel(from_page, article_page(art)))}{extra}"


def article_list(from_page: str, arts: list[Article], details: bool = False) -> list[str]:
    """Newest first; undated ones under their own heading."""
    arts = sorted(arts, key=lambda a: a.sort_key)
    out = [article_item(from_page, a, details) for a in arts if a.date.value]
    undated = [a for a in arts if not a.date.value]
    if undated:
        out += ["", "### Undated", ""] + [article_item(from_page, a, details) for a in undated]
    return out


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def image(alt: str, from_page: str, path: str) -> str:
    return f"![{escape(alt)}]({rel(from_page, path)})"


def page_text(lines: list[str]) -> str:
    return "\n".join(lines).rstrip() + "\n"


@dataclass(frozen=True)
class Context:
    """The lookups every renderer needs, built once per archive."""

    archive: Archive
    by_id: dict[str, Article]
    actor_pages: dict[str, str]                 # actor name -> page
    country_names: dict[str, str]               # ISO code -> English name
    sources: dict[str, tuple[str, list[Article]]]   # slug -> (display name, articles)
    stories: dict[str, Story]                   # story id -> story
    feed_entries: dict = field(default_factory=dict, compare=False, repr=False)   # feeds.atom's `made`

    def actor_link(self, from_page: str, name: str) -> str:
        """A link to the person's page; their name alone if they have none
        yet (an edited article's new name, before the full build)."""
        page = self.actor_pages.get(name)
        return link(name, rel(from_page, page)) if page else escape(name)

    def country_name(self, code: str) -> str:
        return self.country_names.get(code, code)

    def country_link(self, from_page: str, code: str) -> str:
        return link(self.country_name(code), rel(from_page, country_page(code)))

    def source_link(self, from_page: str, name: str) -> str:
        return link(name, rel(from_page, source_page(source_slug(name))))


def context(archive: Archive) -> Context:
    return Context(
        archive=archive,
        by_id={a.id: a for a in archive.articles},
        actor_pages={a.name: actor_page(a) for a in archive.actors},
        country_names=load_gazetteer().names,
        sources=group_sources(archive.articles),
        stories={s.id: s for s in archive.stories},
    )


def source_slug(name: str) -> str:
    slug = slugify(name)
    return "index-source" if slug == "index" else slug


def group_sources(articles: tuple[Article, ...]) -> dict[str, tuple[str, list[Article]]]:
    """Sources by slug, so 'Reuters' and 'REUTERS' are one; each shown in
    its most used spelling."""
    groups: dict[str, list[Article]] = defaultdict(list)
    for art in articles:
        if art.source.value:
            groups[source_slug(art.source.value)].append(art)
    out = {}
    for slug in sorted(groups):
        spellings = Counter(a.source.value for a in groups[slug])
        name = min(spellings, key=lambda s: (-spellings[s], sort_key(s)))
        out[slug] = (name, groups[slug])
    return out
