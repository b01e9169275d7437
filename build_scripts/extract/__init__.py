"""Extractors: pure functions from a cleaned article to its metadata and tags.
Values the user wrote (front matter) win over anything extracted."""
from __future__ import annotations

from .. import compiled

compiled.activate(__path__, "extract")     # before the extractors are imported

from ..models import Article, Cleaned, Cue, Mention, RawArticle
from ..names import fold, sort_key
from ..registry import Registry
from . import countries, dates, language, meta, organizations, people

ENTITY_ROLES = ("title", "body", "heading", "caption")


def extract_article(raw: RawArticle, cleaned: Cleaned, registry: Registry, article_id: str) -> Article:
    text_lines = cleaned.by_role(*ENTITY_ROLES)
    lang = language.extract(" ".join(ln.text for ln in text_lines), raw.meta)
    title, derived = meta.title(cleaned, raw.meta)
    authors = meta.authors(cleaned, raw.meta)
    source = meta.source(cleaned, raw.meta)
    actors, person_spans, rejected = people.extract(text_lines, registry, authors.value, lang.value)
    exclude = {fold(source.value)} if source.value else set()
    orgs, org_spans = organizations.extract(text_lines, lang.value, exclude, set(person_spans))
    given = {fold(form.split()[0]) for m in actors for form in m.forms if " " in form}
    found_countries = countries.extract(text_lines, lang.value, set(person_spans) | set(org_spans), given)
    return Article(
        id=article_id,
        source_file=raw.source_file,
        title=title,
        title_derived=derived,
        date=dates.extract(cleaned, raw.meta, lang.value),
        language=lang,
        source=source,
        authors=authors,
        summary=meta.summary(cleaned, raw.meta),
        actors=_user_list(raw.meta, "actors", actors),
        countries=_user_list(raw.meta, "countries", found_countries),
        organizations=_user_list(raw.meta, "organizations", orgs),
        cleaned=cleaned,
        rejected=tuple(rejected),
    )


def _user_list(meta: dict, key: str, found: list[Mention]) -> tuple[Mention, ...]:
    if key not in meta:
        return tuple(sorted(found, key=lambda m: sort_key(m.key)))
    return tuple(Mention(v, (v,), Cue("front matter")) for v in meta[key])
