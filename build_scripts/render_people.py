"""Pure: actor and country pages, with their charts and feeds."""
from __future__ import annotations

from collections import Counter, defaultdict

from . import charts, feeds
from .markdown_text import escape, link
from .models import Actor, Article, Country
from .pages import (Context, actor_page, article_list, country_page, feed, front_matter, page_text,
                    plural, rel)

NAMED_WITH = 20            # people and countries listed as named together
FOLLOWED_FROM = 3          # articles from which an actor outside the registry gets a feed and charts


def followed(actor: Actor) -> bool:
    """Whether an actor gets a feed and charts: everyone in the registry, and
    anyone else named in FOLLOWED_FROM articles or more. Most people a news
    archive finds are named once or twice (half of all actors in a large
    archive); a feed or chart of one or two articles tells nothing the page
    does not, and the feeds would double the files the site publishes."""
    return actor.in_registry or len(actor.articles) >= FOLLOWED_FROM


def actors(ctx: Context, people) -> dict[str, str]:
    """The pages, feeds and charts of these actors."""
    files: dict[str, str] = {}
    for actor in people:
        arts = [ctx.by_id[i] for i in actor.articles]
        files[actor_page(actor)] = actor_text(actor, arts, ctx)
        if not followed(actor):
            continue
        files[feed("actors", actor.slug)] = _feed("actors", actor.slug, actor.name, actor_page(actor), arts, ctx)
    return files


def countries(ctx: Context) -> dict[str, str]:
    files: dict[str, str] = {}
    natives: dict[str, list[Actor]] = defaultdict(list)       # by country, each in the archive's order
    for actor in ctx.archive.actors:
        if actor.country:
            natives[actor.country].append(actor)
    for country in ctx.archive.countries:
        arts = [ctx.by_id[i] for i in country.articles]
        slug = country.code.lower()
        files[country_page(country.code)] = country_text(country, arts, ctx, natives[country.code])
        files[feed("countries", slug)] = _feed("countries", slug, country.name, country_page(country.code), arts, ctx)
    return files


def _feed(kind: str, slug: str, name: str, page: str, arts: list[Article], ctx: Context) -> str:
    return feeds.atom(feed(kind, slug), f"{name}: news archive", page, arts, ctx.country_names, ctx.feed_entries)


def actor_text(actor: Actor, arts: list[Article], ctx: Context) -> str:
    page = actor_page(actor)
    extras = followed(actor)
    feed_path = feed("actors", actor.slug) if extras else None
    out = [front_matter({"title": actor.name, **({"feed": feed_path} if extras else {})}),
           f"# {escape(actor.name)}", ""]
    if actor.country:
        out += [f"**Country:** {ctx.country_link(page, actor.country)}", ""]
    if actor.aliases:
        out += ["**Also written:** " + ", ".join(escape(a) for a in actor.aliases), ""]
    if not actor.in_registry:
        out += ["*Found in the articles; not in the registry.*", ""]
    out += _mentions(page, arts, feed_path)
    if actor.roles:
        out += ["## Roles", "", "| Role | From | To |", "| --- | --- | --- |"]
        for r in sorted(actor.roles, key=lambda r: (r.start is None, r.start or "", r.end or "9999")):
            out.append(f"| {escape(r.title)} | {r.start or '…'} | {r.end or ('present' if r.start else '…')} |")
        out.append("")
    if extras:
        out += _per_month(actor.name, arts)
    if actor.people:
        out += ["## Named with", ""]
        if extras and _uneven(actor.people[:charts.RANKED]):
            out += [charts.figure(charts.ranked(f"People most often named with {actor.name}", actor.people,
                                                ident="people-chart")), ""]
        out += [f"- {ctx.actor_link(page, name)}: {plural(n, 'article')}"
                for name, n in actor.people[:NAMED_WITH]] + [""]
    if actor.countries:
        out += ["## Countries involved", "", " · ".join(
            f"{ctx.country_link(page, code)} ({n})" for code, n in actor.countries), ""]
    out += [f"## Articles ({len(arts)})", ""] + article_list(page, arts)
    return page_text(out)


def country_text(country: Country, arts: list[Article], ctx: Context, natives: list[Actor]) -> str:
    """The country's page; `natives`, the people from it."""
    page = country_page(country.code)
    slug = country.code.lower()
    out = [front_matter({"title": country.name, "feed": feed("countries", slug)}), f"# {escape(country.name)}", "",
           f"**ISO 3166-1 code:** {escape(country.code)}", ""]
    out += _mentions(page, arts, feed("countries", slug))
    out += _per_month(country.name, arts)
    if natives:
        out += [f"## People from {escape(country.name)}", "",
                " · ".join(link(a.name, rel(page, actor_page(a))) for a in natives), ""]
    if country.actors:
        out += ["## People in its articles", "", " · ".join(
            f"{ctx.actor_link(page, name)} ({n})" for name, n in country.actors[:NAMED_WITH]), ""]
    if country.countries:
        out += ["## Countries named with it", "", " · ".join(
            f"{ctx.country_link(page, code)} ({n})" for code, n in country.countries[:NAMED_WITH]), ""]
    out += [f"## Articles ({len(arts)})", ""] + article_list(page, arts)
    return page_text(out)


def _mentions(page: str, arts: list[Article], feed_path: str | None) -> list[str]:
    dates = sorted(a.date.value for a in arts if a.date.value)
    undated = len(arts) - len(dates)
    if not dates:
        facts = [plural(len(arts), "article") + ", none dated"]
    else:
        facts = [plural(len(arts), "article") + (f" ({undated} undated)" if undated else ""),
                 f"**First mention:** {dates[0]}", f"**Last mention:** {dates[-1]}"]
    if feed_path:
        facts.append(f"[Atom feed]({rel(page, feed_path)})")
    return [" · ".join(facts), ""]


def _uneven(counts: list[tuple[str, int]]) -> bool:
    """Whether a ranking's bars would differ: equal bars say nothing the list
    below them does not (most people named with someone are named with them
    once), and the chart costs 2 to 3 kB a page."""
    return len({n for _, n in counts}) > 1


def _per_month(name: str, arts: list[Article]) -> list[str]:
    months = Counter(a.date.value[:7] for a in arts if a.date.value)
    if not months:
        return []
    return ["## Articles per month", "",
            charts.figure(charts.per_month(f"Articles per month naming {name}", months, ident="month-chart")), ""]
