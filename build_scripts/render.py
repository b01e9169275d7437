"""Pure: the Archive in, {path under docs/: file text} out. No I/O."""
from __future__ import annotations

import dataclasses
import json

from pathlib import Path

from . import feeds, parallel, render_browse, render_data, render_people, unresolved, write
from .extract import people
from .markdown_text import attr, escape, link
from .models import Archive, Article, Copy
from .names import sort_key
from .pages import (ARCHIVE_FEED, HOME, LANGUAGE_INDEX, SOURCES, STORIES, TIMELINE, UNDATED, Context,
                    about_others, actor_page, article_item, article_list, article_page, context, country_page,
                    front_matter, language_name, language_page, month_page, page_text, rel, url_of)

GENERATED_DIRS = ("articles", "actors", "countries", "data", "timeline", "stories", "sources", "languages",
                  "feeds", "charts")


def generated(rel: str) -> bool:
    """Whether a path under docs/ lies in a folder the generator owns."""
    return rel.split("/", 1)[0] in GENERATED_DIRS


PARALLEL_FROM = 500     # articles from which pages are rendered on every core
PART = 400              # articles or actors rendered by one task


def render(archive: Archive, workers: int | None = None) -> dict[str, str]:
    """Every generated file; on every core for a large archive (the same files)."""
    parts, workers = _parts(archive, workers)
    _shared["ctx"] = context(archive)
    try:
        done = parallel.fork_map(_render_part, parts, workers)
    finally:
        _shared.clear()
    files: dict[str, str] = {}
    for part in done:
        files.update(part)
    return files


def write_all(archive: Archive, docs: Path, workers: int | None = None) -> write.WriteReport:
    """Render and write every generated file into the docs folder, part by
    part (on every core for a large archive): never all the pages in memory
    at once. The same files as write.write_tree(docs, render(archive), ...)."""
    return Writer(docs, workers).finish(archive)


class Writer:
    """write_all in two steps. The people's pages show no stories: given the
    archive without them (`early`, from index.build's `meanwhile`), a large
    archive's are written by a forked process while this one finds the
    stories, which takes it several seconds on one core at 10,000 articles.
    `finish` writes the rest and prunes; `cancel` if the build fails between."""

    def __init__(self, docs: Path, workers: int | None = None) -> None:
        self.docs, self.workers = docs, workers
        self.background: parallel.Background | None = None

    def early(self, archive: Archive) -> None:
        parts, workers = _parts(archive, self.workers)
        if workers == 1 or not parallel.forkable(parallel.cores() if workers is None else workers):
            return
        self.background = parallel.Background(_write_people, context(archive), self.docs,
                                              [p for p in parts if p[0] == "actors"])

    def finish(self, archive: Archive) -> write.WriteReport:
        parts, workers = _parts(archive, self.workers)
        if self.background:
            parts = [p for p in parts if p[0] != "actors"]
        _shared.update(ctx=context(archive), docs=self.docs)
        try:
            done = parallel.fork_map(_write_part, parts, workers)
        except BaseException:
            self.cancel()
            raise
        finally:
            _shared.clear()
        if self.background:
            done += self.background.result()
            self.background = None
        return write.finish(self.docs, GENERATED_DIRS, done)

    def cancel(self) -> None:
        if self.background:
            self.background.cancel()
            self.background = None


def _write_people(ctx: Context, docs: Path, parts: list[tuple[str, int, int]]) -> list[write.Written]:
    return [write.write_files(docs, render_people.actors(ctx, ctx.archive.actors[start:end]), GENERATED_DIRS)
            for _, start, end in parts]


def _parts(archive: Archive, workers: int | None) -> tuple[list[tuple[str, int, int]], int | None]:
    parts = [("rest", 0, 0)]
    if len(archive.articles) < PARALLEL_FROM:
        return parts + [("articles", 0, len(archive.articles)), ("actors", 0, len(archive.actors))], 1
    parts += [("articles", i, i + PART) for i in range(0, len(archive.articles), PART)]
    parts += [("actors", i, i + PART) for i in range(0, len(archive.actors), PART)]
    return parts, workers


_shared: dict = {}


def _write_part(part: tuple[str, int, int]) -> write.Written:
    return write.write_files(_shared["docs"], _render_part(part), GENERATED_DIRS)


def _render_part(part: tuple[str, int, int]) -> dict[str, str]:
    kind, start, end = part
    ctx = _shared["ctx"]
    if kind == "articles":
        return {article_page(art): render_article(art, ctx) for art in ctx.archive.articles[start:end]}
    if kind == "actors":
        return render_people.actors(ctx, ctx.archive.actors[start:end])
    return _rest(ctx)


def _rest(ctx: Context) -> dict[str, str]:
    """Everything but the article and actor pages."""
    archive = ctx.archive
    files: dict[str, str] = {}
    files["articles/index.md"] = render_article_index(archive)
    files["actors/index.md"] = render_actor_index(archive, ctx)
    files["actors/unresolved.md"] = render_unresolved(archive)
    files["countries/index.md"] = render_country_index(archive)
    files["data/archive.json"] = archive_json(archive, ctx.actor_pages)
    files[ARCHIVE_FEED] = feeds.atom(ARCHIVE_FEED, "News archive: latest articles", HOME, list(archive.articles),
                                     ctx.country_names)
    for part in (render_people.countries(ctx), render_browse.render(ctx), render_data.render(archive)):
        files.update(part)
    return files


def article_front_matter(art: Article) -> dict:
    data = {"title": art.title.value, "title_derived": art.title_derived}
    if art.date.value:
        data["date"] = art.date.value
    data.update({
        "language": art.language.value,
        "source": art.source.value,
        "authors": list(art.authors.value),
        "actors": [m.key for m in art.actors],
        "countries": [m.key for m in art.countries],
        "organizations": [m.key for m in art.organizations],
        "summary": art.summary,
        "source_file": art.source_file,
        "id": art.id,
    })
    return data


def render_article(art: Article, ctx: Context) -> str:
    page = article_page(art)
    out = [front_matter(article_front_matter(art)), f"# {escape(art.title.value)}", ""]
    date = art.date.value
    facts = [f"**Date:** [{date}]({rel(page, month_page(date[:7]))})" if date
             else f"**Date:** [undated]({rel(page, UNDATED)})"]
    if art.source.value:
        facts.append(f"**Source:** {ctx.source_link(page, art.source.value)}")
    if art.authors.value:
        facts.append(f"**By:** {escape(', '.join(art.authors.value))}")
    language = art.language.value
    facts.append(f"**Language:** {link(language_name(language), rel(page, language_page(language)))}")
    out += [" · ".join(facts), ""]
    if art.actors:
        out += ["**People:** " + " · ".join(ctx.actor_link(page, m.key) for m in art.actors), ""]
    if art.countries:
        out += ["**Countries:** " + " · ".join(ctx.country_link(page, m.key) for m in art.countries), ""]
    if art.organizations:
        out += ["**Organisations:** " + " · ".join(escape(m.key) for m in art.organizations), ""]
    copies = ["**Also published by:**", ""] + [copy_item(c) for c in art.copies] + [""] if art.copies else []
    out += about_others(copies + story_box(art, ctx))
    out += ["---", ""]
    for line in art.cleaned.lines:
        if line.role == "body":
            out += [escape(line.text), ""]
        elif line.role == "heading":
            out += [f"## {escape(line.text)}", ""]
        elif line.role in ("caption", "bio"):
            out += [f"*{escape(line.text)}*", ""]
    out += about_others(related_section(art, ctx))
    out += explanation(art)
    return page_text(out)


def story_box(art: Article, ctx: Context) -> list[str]:
    """The other reports of the same event, at the top of the page."""
    if not art.story:
        return []
    others = [ctx.by_id[i] for i in ctx.stories[art.story].articles if i != art.id]
    return ([f'!!! abstract "{attr("Other reports of this story")} ({len(others)})"', ""]
            + ["    " + article_item(article_page(art), a, details=True) for a in others]
            + ["", f"    [All stories]({rel(article_page(art), STORIES)})", ""])


def related_section(art: Article, ctx: Context) -> list[str]:
    """Other articles naming the same people, organisations or countries."""
    related = ctx.archive.related.get(art.id, ())
    if not related:
        return []
    page = article_page(art)
    out = ["## Related articles", ""]
    for r in related:
        shared = ([escape(n) for n in r.actors + r.organizations]
                  + [escape(ctx.country_name(c)) for c in r.countries])
        out.append(article_item(page, ctx.by_id[r.article]) + f" · *shares {', '.join(shared)}*")
    return out + [""]


def copy_item(copy: Copy) -> str:
    """One other file with the same story: who published it, when, which file."""
    how = "same text" if copy.same_text else f"{copy.similarity:.0%} the same"
    date = f", {copy.date}" if copy.date else ""
    return f"- {escape(copy.source or 'source not stated')}{date}: {escape(copy.source_file)} ({how})"


def explanation(art: Article) -> list[str]:
    """Why each tag is there, folded away: the forms the text used and the cue."""
    rows = []
    for label, mentions in (("Person", art.actors), ("Country", art.countries),
                            ("Organisation", art.organizations)):
        for m in mentions:
            forms = ", ".join(f"“{f}”" for f in m.forms)
            where = f", line {m.cue.line}" if m.cue.line else ""
            rows.append(f"- {label} **{escape(m.key)}**: {escape(forms)} ({escape(m.cue.rule)}{where})")
    for label, value in (("Title", art.title), ("Date", art.date), ("Source", art.source),
                         ("Language", art.language)):
        where = f", line {value.cue.line}" if value.cue.line else ""
        rows.append(f"- {label}: {escape(value.cue.rule)}{where}")
    reasons: dict[str, int] = {}
    for line in art.cleaned.removed:
        reasons[line.why] = reasons.get(line.why, 0) + 1
    if reasons:
        rows.append("- Removed as page furniture: " + "; ".join(
            f"{escape(why)} ({n})" for why, n in sorted(reasons.items())))
    turned_down: dict[str, list[str]] = {}      # by reason, in the article's order
    for r in people.turned_down(art.rejected):
        turned_down.setdefault(r.reason, []).append(f"“{escape(r.text)}” (line {r.line})")
    for reason, names in turned_down.items():
        rows.append(f"- Not a person: {', '.join(names)}: {escape(reason)}")
    return [f'??? info "{attr("Why these tags")}"', ""] + ["    " + r for r in rows] + [""]


def render_article_index(archive: Archive) -> str:
    page = "articles/index.md"
    browse = [f"[{label}]({rel(page, target)})" for label, target in (
        ("by month", TIMELINE), ("by story", STORIES), ("by source", SOURCES), ("by language", LANGUAGE_INDEX))]
    out = [front_matter({"title": "Articles"}), "# Articles", "",
           f"{len(archive.articles)} articles, newest first. Browse them also " + ", ".join(browse) + ".", ""]
    out += article_list(page, list(archive.articles))
    return page_text(out)


def render_actor_index(archive: Archive, ctx: Context) -> str:
    page = "actors/index.md"
    out = [front_matter({"title": "Actors"}), "# Actors", "",
           f"{len(archive.actors)} people named in the articles. "
           "See also the [unresolved names](unresolved.md).", "",
           "| Person | Country | Articles |", "| --- | --- | --- |"]
    for a in archive.actors:
        country = ctx.country_name(a.country) if a.country else ""
        out.append(f"| {link(a.name, rel(page, actor_page(a)))} | {escape(country)} | {len(a.articles)} |")
    return "\n".join(out) + "\n"


def render_unresolved(archive: Archive) -> str:
    out = [front_matter({"title": "Unresolved names"}), "# Unresolved names", "",
           "Names the archive could not settle on its own. Each comes with the entry that would settle it "
           "in the registry, `articles/actors.yml`; the same list is printed by "
           "`python -m build_scripts check`.", ""]
    suggestions = unresolved.report(archive)
    more = unresolved.countless(archive)
    if not suggestions and not more:
        out += ["Nothing to settle.", ""]
    for kind in ("variant", "ambiguous surname", "no country"):
        items = [s for s in suggestions if s.kind == kind]
        if not items and not (kind == "no country" and more):
            continue
        out += [f"## {KIND_TITLES[kind]} ({len(items)})", ""]
        if kind == "no country":
            out += [f"People in the registry, or named in {render_people.FOLLOWED_FROM} articles or more"
                    + (f" ({unresolved.countless_text(more)})." if more else "."), ""]
        for s in items:
            out += [f"- {escape(s.message)}", "", "    ```yaml"]
            out += ["    " + line for line in s.registry_yaml.rstrip().split("\n")]
            out += ["    ```", ""]
    return "\n".join(out).rstrip() + "\n"


KIND_TITLES = {"variant": "Possible spellings of one person",
               "ambiguous surname": "Surnames given alone, shared by several people",
               "no country": "People with no country"}


def render_country_index(archive: Archive) -> str:
    page = "countries/index.md"
    out = [front_matter({"title": "Countries"}), "# Countries", "",
           f"{len(archive.countries)} countries involved in the articles.", "",
           "| Country | Code | Articles |", "| --- | --- | --- |"]
    for c in sorted(archive.countries, key=lambda c: sort_key(c.name)):
        out.append(f"| {link(c.name, rel(page, country_page(c.code)))} | {c.code} | {len(c.articles)} |")
    return "\n".join(out) + "\n"


def archive_json(archive: Archive, actor_pages: dict[str, str]) -> str:
    data = {
        "articles": [{
            "id": a.id, "url": url_of(article_page(a)), "page": article_page(a),
            "source_file": a.source_file, "title": a.title.value, "title_derived": a.title_derived,
            "date": a.date.value, "language": a.language.value, "source": a.source.value,
            "authors": list(a.authors.value), "actors": [m.key for m in a.actors],
            "countries": [m.key for m in a.countries],
            "organizations": [m.key for m in a.organizations], "summary": a.summary, "story": a.story,
            "copies": [dataclasses.asdict(c) for c in a.copies],
            "mentions": {
                "actors": {m.key: list(m.forms) for m in a.actors},
                "countries": {m.key: list(m.forms) for m in a.countries},
                "organizations": {m.key: list(m.forms) for m in a.organizations},
            },
        } for a in archive.articles],
        "actors": [{
            "name": a.name, "slug": a.slug, "url": url_of(actor_pages[a.name]), "aliases": list(a.aliases),
            "country": a.country, "roles": [{"title": r.title, "from": r.start, "to": r.end} for r in a.roles],
            "id": a.external_id, "articles": list(a.articles),
        } for a in archive.actors],
        "countries": [{
            "code": c.code, "name": c.name, "url": url_of(country_page(c.code)), "articles": list(c.articles),
        } for c in archive.countries],
        "stories": [{"id": s.id, "articles": list(s.articles)} for s in archive.stories],
    }
    return json_lines(data)


def json_lines(data: dict[str, list]) -> str:
    """JSON with one record per line: a third smaller than indented JSON,
    and a change still shows as the lines of the records it touched."""
    parts = []
    for key, records in data.items():
        rows = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
        parts.append(f"{json.dumps(key)}:[\n{rows}\n]" if records else f"{json.dumps(key)}:[]")
    return "{" + ",\n".join(parts) + "}\n"
