"""Pure: the Archive in, {path under docs/: file text} out. No I/O."""
from __future__ import annotations

import json
from collections import defaultdict

from . import unresolved, yaml_text
from .gazetteer import load as load_gazetteer
from .markdown_text import attr, escape, link
from .models import Actor, Archive, Article, Country
from .names import sort_key

GENERATED_DIRS = ("articles", "actors", "countries", "data")
LANGUAGES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian",
             "pt": "Portuguese", "und": "Unknown"}


def article_page(art: Article) -> str:
    return f"articles/{art.id}.md"


def actor_page(actor: Actor) -> str:
    return f"actors/{actor.slug}.md"


def country_page(code: str) -> str:
    return f"countries/{code.lower()}.md"


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


def render(archive: Archive) -> dict[str, str]:
    actor_pages = {a.name: actor_page(a) for a in archive.actors}
    by_id = {a.id: a for a in archive.articles}
    files: dict[str, str] = {}
    for art in archive.articles:
        files[article_page(art)] = render_article(art, actor_pages)
    for actor in archive.actors:
        files[actor_page(actor)] = render_actor(actor, by_id)
    for country in archive.countries:
        files[country_page(country.code)] = render_country(country, by_id, actor_pages)
    files["articles/index.md"] = render_article_index(archive)
    files["actors/index.md"] = render_actor_index(archive)
    files["actors/unresolved.md"] = render_unresolved(archive)
    files["countries/index.md"] = render_country_index(archive)
    files["data/archive.json"] = archive_json(archive, actor_pages)
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


def render_article(art: Article, actor_pages: dict[str, str]) -> str:
    page = article_page(art)
    names = load_gazetteer().names
    out = [front_matter(article_front_matter(art)), f"# {escape(art.title.value)}", ""]
    facts = [f"**Date:** {art.date.value or 'undated'}"]
    if art.source.value:
        facts.append(f"**Source:** {escape(art.source.value)}")
    if art.authors.value:
        facts.append(f"**By:** {escape(', '.join(art.authors.value))}")
    facts.append(f"**Language:** {LANGUAGES.get(art.language.value, escape(art.language.value))}")
    out += [" · ".join(facts), ""]
    if art.actors:
        out += ["**People:** " + " · ".join(link(m.key, rel(page, actor_pages[m.key])) for m in art.actors), ""]
    if art.countries:
        out += ["**Countries:** " + " · ".join(
            link(names.get(m.key, m.key), rel(page, country_page(m.key))) for m in art.countries), ""]
    if art.organizations:
        out += ["**Organisations:** " + " · ".join(escape(m.key) for m in art.organizations), ""]
    out += ["---", ""]
    for line in art.cleaned.lines:
        if line.role == "body":
            out += [escape(line.text), ""]
        elif line.role == "heading":
            out += [f"## {escape(line.text)}", ""]
        elif line.role == "caption":
            out += [f"*{escape(line.text)}*", ""]
    out += explanation(art)
    return "\n".join(out).rstrip() + "\n"


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
    for r in art.rejected:
        rows.append(f"- Not a person: “{escape(r.text)}”, line {r.line}: {escape(r.reason)}")
    return [f'??? info "{attr("Why these tags")}"', ""] + ["    " + r for r in rows] + [""]


def _article_item(from_page: str, art: Article) -> str:
    date = art.date.value or "undated"
    extra = f" · {escape(art.source.value)}" if art.source.value else ""
    return f"- {date} — {link(art.title.value, rel(from_page, article_page(art)))}{extra}"


def _article_list(from_page: str, ids: tuple[str, ...], by_id: dict[str, Article]) -> list[str]:
    arts = sorted((by_id[i] for i in ids), key=lambda a: a.sort_key)
    dated = [a for a in arts if a.date.value]
    undated = [a for a in arts if not a.date.value]
    out = [_article_item(from_page, a) for a in dated]
    if undated:
        out += ["", "### Undated", ""] + [_article_item(from_page, a) for a in undated]
    return out


def render_actor(actor: Actor, by_id: dict[str, Article]) -> str:
    page = actor_page(actor)
    names = load_gazetteer().names
    out = [front_matter({"title": actor.name}), f"# {escape(actor.name)}", ""]
    if actor.country:
        out += [f"**Country:** {link(names.get(actor.country, actor.country), rel(page, country_page(actor.country)))}", ""]
    if actor.aliases:
        out += ["**Also written:** " + ", ".join(escape(a) for a in actor.aliases), ""]
    if actor.roles:
        out += ["**Roles:**", ""] + [f"- {escape(str(r))}" for r in actor.roles] + [""]
    if not actor.in_registry:
        out += ["*Found in the articles; not in the registry.*", ""]
    related = defaultdict(int)
    for i in actor.articles:
        for m in by_id[i].countries:
            related[m.key] += 1
    if related:
        out += ["**Countries in their articles:** " + " · ".join(
            f"{link(names.get(c, c), rel(page, country_page(c)))} ({n})"
            for c, n in sorted(related.items(), key=lambda kv: (-kv[1], kv[0]))), ""]
    out += [f"## Articles ({len(actor.articles)})", ""] + _article_list(page, actor.articles, by_id)
    return "\n".join(out).rstrip() + "\n"


def render_country(country: Country, by_id: dict[str, Article], actor_pages: dict[str, str]) -> str:
    page = country_page(country.code)
    out = [front_matter({"title": country.name}), f"# {escape(country.name)}", "",
           f"**ISO 3166-1 code:** {country.code}", ""]
    if country.actors:
        out += ["**People seen with it:** " + " · ".join(
            f"{link(name, rel(page, actor_pages[name]))} ({n})" for name, n in country.actors), ""]
    out += [f"## Articles ({len(country.articles)})", ""] + _article_list(page, country.articles, by_id)
    return "\n".join(out).rstrip() + "\n"


def render_article_index(archive: Archive) -> str:
    page = "articles/index.md"
    by_id = {a.id: a for a in archive.articles}
    out = [front_matter({"title": "Articles"}), "# Articles", "",
           f"{len(archive.articles)} articles, newest first.", ""]
    out += _article_list(page, tuple(by_id), by_id)
    return "\n".join(out).rstrip() + "\n"


def render_actor_index(archive: Archive) -> str:
    page = "actors/index.md"
    names = load_gazetteer().names
    out = [front_matter({"title": "Actors"}), "# Actors", "",
           f"{len(archive.actors)} people named in the articles. "
           "See also the [unresolved names](unresolved.md).", "",
           "| Person | Country | Articles |", "| --- | --- | --- |"]
    for a in archive.actors:
        country = names.get(a.country, a.country) if a.country else ""
        out.append(f"| {link(a.name, rel(page, actor_page(a)))} | {escape(country)} | {len(a.articles)} |")
    return "\n".join(out) + "\n"


def render_unresolved(archive: Archive) -> str:
    out = [front_matter({"title": "Unresolved names"}), "# Unresolved names", "",
           "Names the archive could not settle on its own. Each comes with the entry that would settle it "
           "in the registry, `articles/actors.yml`; the same list is printed by "
           "`python -m build_scripts check`.", ""]
    suggestions = unresolved.report(archive)
    if not suggestions:
        out += ["Nothing to settle.", ""]
    for kind in ("variant", "ambiguous surname", "no country"):
        items = [s for s in suggestions if s.kind == kind]
        if not items:
            continue
        out += [f"## {KIND_TITLES[kind]} ({len(items)})", ""]
        for s in items:
            out += [f"- {escape(s.message)}", "", "    ```yaml"]
            out += ["    " + line for line in s.registry_yaml.rstrip().split("\n")]
            out += ["    ```", ""]
    return "\n".join(out).rstrip() + "\n"


KIND_TITLES = {"variant": "Possible spellings of one person", "ambiguous surname": "Surnames shared by several people",
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
            "organizations": [m.key for m in a.organizations], "summary": a.summary, "story": None,
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
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
