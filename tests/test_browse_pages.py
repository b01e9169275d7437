"""Timeline, sources, languages, co-mentions and the CSV, on small made-up archives."""
from __future__ import annotations

import csv
import io

import pytest

from build_scripts import pipeline


def article(folder, name, body=None, **meta):
    # each made-up article says something of its own, so none is taken for a copy of another
    body = body or f"In {name} the minister spoke in Paris on the matter of {name}, said {name}."
    lines = [f"{k}: {v}" for k, v in meta.items()]
    (folder / name).write_text("---\n" + "\n".join(lines) + "\n---\n" + body + "\n", "utf-8")


@pytest.fixture
def docs(tmp_path):
    a = tmp_path / "articles"
    a.mkdir()
    article(a, "dec.md", title="December", date="2025-12-03", source="Reuters", language="en",
            actors="[Ann Lee, Bob Ray]", countries="[FR, DZ]")
    article(a, "feb1.md", title="February one", date="2026-02-17", source="REUTERS", language="fr",
            actors="[Ann Lee, Bob Ray, Cy Doe]", countries="[FR]")
    article(a, "feb2.md", title="'=HYPERLINK(\"http://x\")'", date="2026-02-20", source="Index",
            language="../../etc", actors="[Ann Lee]", countries="[DZ, MA]")
    article(a, "undated.md", title="Undated", source="Le Monde", actors="[Index]")
    out = tmp_path / "docs"
    result = pipeline.build(a, out)
    # the front matter's language is refused; the page path stays safe either way
    assert [(p.path, "language" in p.message) for p in result.problems] == [("feb2.md", True)]
    return out


def read(docs, rel):
    return (docs / rel).read_text("utf-8")


def test_timeline_years_and_months_newest_first_and_undated(docs):
    index = read(docs, "timeline/index.md")
    assert index.index("## 2026") < index.index("## 2025") < index.index("## Undated")
    assert "[February 2026](2026-02.md): 2 articles" in index and "[December 2025](2025-12.md): 1 article" in index
    assert not (docs / "timeline/2026-01.md").exists()       # no page for an empty month
    feb = read(docs, "timeline/2026-02.md")
    assert feb.index("2026-02-20") < feb.index("2026-02-17")
    assert "[← December 2025](2025-12.md)" in feb
    assert "[February one](../articles/feb1.md) · REUTERS · French" in feb   # date, source, language
    assert "Undated" in read(docs, "timeline/undated.md")
    chart = read(docs, "charts/articles-per-month.svg")
    assert "January 2026" not in chart.split("<rect")[-1] and chart.count("<rect") == 2


def test_sources_fold_spellings_and_never_overwrite_the_index(docs):
    assert "2 articles" in read(docs, "sources/reuters.md")
    assert "[All sources](index.md)" in read(docs, "sources/index-source.md")
    index = read(docs, "sources/index.md")
    assert index.startswith("---\ntitle: Sources\n") and "| [Index](index-source.md) | 1 |" in index


def test_language_pages_stay_in_their_folder(docs):
    # "../../etc" is refused as a language code when the front matter is read
    assert sorted(p.name for p in (docs / "languages").iterdir()) == ["en.md", "fr.md", "index.md"]
    assert "Articles in French" in read(docs, "languages/fr.md")


def test_an_actor_called_index_does_not_replace_the_list(docs):
    assert read(docs, "actors/index.md").startswith("---\ntitle: Actors\n")
    assert "# Index" in read(docs, "actors/index-2.md")


def test_co_mentions_and_countries_on_actor_and_country_pages(docs):
    ann = read(docs, "actors/ann-lee.md")
    assert "- [Bob Ray](bob-ray.md): 2 articles" in ann and "- [Cy Doe](cy-doe.md): 1 article" in ann
    assert "**First mention:** 2025-12-03 · **Last mention:** 2026-02-20" in ann
    assert "[France](../countries/fr.md) (2)" in ann
    dz = read(docs, "countries/dz.md")
    assert "## Countries named with it" in dz and "[France](fr.md) (1)" in dz and "[Morocco](ma.md) (1)" in dz
    assert "[Ann Lee](../actors/ann-lee.md) (2)" in dz
    assert "feed: feeds/countries/dz.xml" in dz and "(../feeds/countries/dz.xml)" in dz


def test_csv_has_the_tags_and_defuses_formulas(docs):
    rows = list(csv.DictReader(io.StringIO(read(docs, "data/articles.csv"))))
    assert [r["id"] for r in rows] == ["feb2", "feb1", "dec", "undated"]
    assert rows[0]["title"].startswith("'=HYPERLINK")
    assert rows[1]["actors"] == "Ann Lee; Bob Ray; Cy Doe" and rows[1]["countries"] == "FR"
    assert rows[3]["date"] == "" and rows[1]["url"] == "articles/feb1/"
