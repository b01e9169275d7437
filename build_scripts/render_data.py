"""Pure: the Data page and the CSV of articles with their tags (archive.json
is written by render.archive_json)."""
from __future__ import annotations

import csv
import io

from .models import Archive
from .pages import DATA, article_page, front_matter, page_text, url_of

CSV = "data/articles.csv"
COLUMNS = ("id", "date", "title", "language", "source", "authors", "actors", "countries",
           "organizations", "story", "summary", "url", "source_file")
# A cell starting with one of these is a formula to a spreadsheet.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def render(archive: Archive) -> dict[str, str]:
    return {CSV: articles_csv(archive), DATA: data_page(archive)}


def articles_csv(archive: Archive) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for a in archive.articles:
        row = {
            "id": a.id, "date": a.date.value or "", "title": a.title.value, "language": a.language.value,
            "source": a.source.value or "", "authors": "; ".join(a.authors.value),
            "actors": "; ".join(m.key for m in a.actors), "countries": "; ".join(m.key for m in a.countries),
            "organizations": "; ".join(m.key for m in a.organizations), "story": a.story or "",
            "summary": a.summary, "url": url_of(article_page(a)), "source_file": a.source_file,
        }
        writer.writerow([_cell(row[c]) for c in COLUMNS])
    return out.getvalue()


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA) else text


def data_page(archive: Archive) -> str:
    a = archive
    return page_text([
        front_matter({"title": "Data"}), "# Data", "",
        "The whole archive as data, rebuilt with the site:", "",
        f"- [archive.json](archive.json): {len(a.articles)} articles with every extracted field and the exact "
        f"words each tag came from, {len(a.actors)} actors with aliases and roles, {len(a.countries)} countries.",
        "- [articles.csv](articles.csv): one row per article with its tags; lists are separated by `; `. "
        "A cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-` or `@`) is "
        "prefixed with `'`.",
        "",
        "## Columns of articles.csv", "",
        "| Column | Meaning |", "| --- | --- |",
        "| `id` | stable article id, also its page address |",
        "| `date` | publication date stated in the text (YYYY-MM-DD), empty when undated |",
        "| `title`, `language`, `source`, `authors`, `summary` | as on the article page |",
        "| `actors`, `countries`, `organizations` | the tags: canonical names, ISO 3166-1 codes, names |",
        "| `story` | id shared by reports of the same event, empty when no other report was found |",
        "| `url` | the article page, relative to the site's root |",
        "| `source_file` | the file in `articles/` it was built from |",
    ])
