"""Pure: the ways to browse the archive besides people and countries: the
timeline (years and months, newest first, and the undated), stories, sources
and languages."""
from __future__ import annotations

from collections import defaultdict

from . import charts
from .charts import month_label
from .markdown_text import escape, link
from .models import Article
from .pages import (ARCHIVE_CHART, LANGUAGE_INDEX, SOURCES, STORIES, TIMELINE, UNDATED, Context,
                    article_item, article_list, front_matter, image, language_name, language_page,
                    month_page, page_text, plural, rel, source_page)


def render(ctx: Context) -> dict[str, str]:
    files = timeline(ctx.archive.articles)
    files[STORIES] = stories_text(ctx)
    files.update(sources(ctx))
    files.update(languages(ctx))
    return files


def by_month(articles) -> dict[str, list[Article]]:
    months: dict[str, list[Article]] = defaultdict(list)
    for art in articles:
        if art.date.value:
            months[art.date.value[:7]].append(art)
    return dict(sorted(months.items(), reverse=True))


def timeline(articles) -> dict[str, str]:
    months = by_month(articles)
    undated = [a for a in articles if not a.date.value]
    files = {ARCHIVE_CHART: charts.per_month("Articles per month", {m: len(a) for m, a in months.items()}),
             TIMELINE: timeline_index(months, undated)}
    order = list(months)
    for i, (month, arts) in enumerate(months.items()):
        page = month_page(month)
        nav = [f"[Timeline]({rel(page, TIMELINE)})"]
        if i + 1 < len(order):
            nav.insert(0, f"[← {month_label(order[i + 1])}]({rel(page, month_page(order[i + 1]))})")
        if i > 0:
            nav.append(f"[{month_label(order[i - 1])} →]({rel(page, month_page(order[i - 1]))})")
        files[page] = listing(page, month_label(month), " · ".join(nav), arts)
    if undated:
        files[UNDATED] = page_text([
            front_matter({"title": "Undated articles"}), "# Undated articles", "",
            f"[Timeline]({rel(UNDATED, TIMELINE)})", "",
            f"{plural(len(undated), 'article')} whose text states no full date (day, month and year).", ""]
            + [article_item(UNDATED, a, details=True) for a in undated])
    return files


def timeline_index(months: dict[str, list[Article]], undated: list[Article]) -> str:
    out = [front_matter({"title": "Timeline"}), "# Timeline", ""]
    if months:
        first, last = month_label(min(months)), month_label(max(months))
        span = f"in {first}" if first == last else f"from {first} to {last}"
        dated = plural(sum(len(a) for a in months.values()), "dated article")
        out += [f"{dated} {span}{f', and {len(undated)} undated' if undated else ''}.", "",
                image("Articles per month", TIMELINE, ARCHIVE_CHART)]
    year = None
    for month, arts in months.items():
        if month[:4] != year:
            year = month[:4]
            out += ["", f"## {year}", ""]
        out.append(f"- [{month_label(month)}]({rel(TIMELINE, month_page(month))}): {plural(len(arts), 'article')}")
    if undated:
        out += ["", "## Undated", "", f"- [Undated articles]({rel(TIMELINE, UNDATED)}): "
                f"{plural(len(undated), 'article')} whose text states no full date"]
    return page_text(out)


def listing(page: str, title: str, nav: str, arts: list[Article]) -> str:
    """A page listing articles newest first, with date, source and language."""
    return page_text([front_matter({"title": title}), f"# {escape(title)}", "", nav, "",
                      f"{plural(len(arts), 'article')}, newest first.", ""] + article_list(page, arts, details=True))


def stories_text(ctx: Context) -> str:
    page = STORIES
    out = [front_matter({"title": "Stories"}), "# Stories", "",
           "Reports of the same event grouped across sources, newest first. Each article page "
           "links the other reports of its story.", ""]
    if not ctx.archive.stories:
        out += ["No two articles report the same event yet."]
    for story in ctx.archive.stories:
        arts = [ctx.by_id[i] for i in story.articles]
        dates = sorted(a.date.value for a in arts if a.date.value)
        when = (dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}") if dates else "undated"
        sources = sorted({a.source.value for a in arts if a.source.value})
        facts = [when, f"{len(arts)} reports"] + ([", ".join(escape(s) for s in sources)] if sources else [])
        out += [f"## {escape(arts[0].title.value)}", "", " · ".join(facts), ""]
        out += [article_item(page, a, details=True) for a in arts] + [""]
    return page_text(out)


def sources(ctx: Context) -> dict[str, str]:
    page = SOURCES
    unknown = sum(1 for a in ctx.archive.articles if not a.source.value)
    out = [front_matter({"title": "Sources"}), "# Sources", "",
           f"{plural(len(ctx.sources), 'source')} (publications and agencies). Articles are also listed "
           f"[by language]({rel(page, LANGUAGE_INDEX)}).", "",
           "| Source | Articles | Languages | Latest |", "| --- | --- | --- | --- |"]
    files = {}
    for slug, (name, arts) in sorted(ctx.sources.items(), key=lambda kv: (-len(kv[1][1]), kv[0])):
        langs = ", ".join(sorted({escape(language_name(a.language.value)) for a in arts}))
        latest = max((a.date.value for a in arts if a.date.value), default="undated")
        out.append(f"| {link(name, rel(page, source_page(slug)))} | {len(arts)} | {langs} | {latest} |")
        sp = source_page(slug)
        files[sp] = listing(sp, name, f"[All sources]({rel(sp, page)})", arts)
    if unknown:
        out += ["", f"{plural(unknown, 'article')} {'states' if unknown == 1 else 'state'} no source."]
    files[page] = page_text(out)
    return files


def languages(ctx: Context) -> dict[str, str]:
    groups: dict[str, list[Article]] = defaultdict(list)
    for art in ctx.archive.articles:
        groups[language_page(art.language.value)].append(art)
    page = LANGUAGE_INDEX
    out = [front_matter({"title": "Languages"}), "# Languages", "",
           "| Language | Articles |", "| --- | --- |"]
    files = {}
    for lp, arts in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        name = language_name(arts[0].language.value)
        out.append(f"| {link(name, rel(page, lp))} | {len(arts)} |")
        files[lp] = listing(lp, f"Articles in {name}", f"[All languages]({rel(lp, page)})", arts)
    files[page] = page_text(out)
    return files
