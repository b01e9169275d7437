"""Stories: reports of one event grouped; related articles."""
from __future__ import annotations

import json
import shutil

import pytest
import yaml

from build_scripts import pipeline, stories
from build_scripts.models import Article, Cleaned, Cue, Line, Mention, Story, Value

from .conftest import DATA, ROOT

GOLD = yaml.safe_load((DATA / "expected.yml").read_text("utf-8"))
STORY_FILES = GOLD["same_story"][0]


def by_file(archive) -> dict:
    return {a.source_file: a for a in archive.articles}


def test_the_seed_story_is_found_and_the_others_are_not_in_it(seeds_build):
    result, docs = seeds_build
    arts = by_file(result.archive)
    ids = {arts[f].story for f in STORY_FILES}
    assert len(ids) == 1 and None not in ids
    story = ids.pop()
    for other in set(arts) - set(STORY_FILES):
        assert arts[other].story != story
    assert [sorted(s.articles) for s in result.archive.stories] == [sorted(arts[f].id for f in STORY_FILES)]
    data = json.loads((docs / "data" / "archive.json").read_text("utf-8"))
    assert {a["source_file"]: a["story"] for a in data["articles"]} == {
        f: (story if f in STORY_FILES else None) for f in arts}


def test_the_seed_story_is_found_without_a_registry(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for f in ROOT.joinpath("articles").glob("*.txt"):
        shutil.copy(f, articles)
    arts = by_file(pipeline.collect(articles))
    assert len({arts[f].story for f in STORY_FILES} - {None}) == 1
    assert arts["000_b42db73195608900.txt"].story is None and arts["003_3331070784b86d09.txt"].story is None


def test_story_id_is_kept_when_a_later_report_joins(seeds_build):
    result, _ = seeds_build
    arts = by_file(result.archive)
    two = [arts[f] for f in STORY_FILES[:2]]
    (alone,), _ = stories.find(two)
    (joined,), _ = stories.find([arts[f] for f in STORY_FILES])
    assert alone.id == joined.id == arts[STORY_FILES[0]].story


REPORT = """---
title: {title}
{date}source: {source}
---
Interior minister Laurent Nuñez met President Abdelmadjid Tebboune in Algiers to reactivate
the high-level security cooperation mechanism, covering readmissions, police and intelligence.
The two sides agreed the framework would resume as soon as possible, Nuñez told reporters.
"""
# Each report adds its own paragraph, so the reports are one story, not copies of one text.
VARIANTS = [
    "Officials in Paris described the talks as frank and said further meetings were planned for the spring.\n"
    "Opposition figures questioned whether the deal would survive the next diplomatic quarrel.\n",
    "Algerian state television showed the two delegations at the presidential palace on Tuesday evening.\n"
    "Analysts noted that migration had dominated the agenda of previous, unsuccessful rounds.\n",
]
OTHER = """---
title: Football final
---
The football club won the cup final on penalties after a goalless draw in the rain at the stadium.
"""


def write_reports(folder, dates):
    folder.mkdir()
    for i, date in enumerate(dates):
        line = f"date: {date}\n" if date else ""
        text = REPORT.format(title=f"Report {i}", date=line, source=f"Paper {i}") + VARIANTS[i % len(VARIANTS)]
        (folder / f"r{i}.md").write_text(text, "utf-8")
    (folder / "other.md").write_text(OTHER, "utf-8")
    return pipeline.collect(folder)


@pytest.mark.parametrize("dates, grouped", [
    (["2026-02-17", "2026-02-19"], True),      # dated, two days apart
    (["2026-02-17", None], True),              # one undated: content decides
    (["2026-02-17", "2026-04-17"], False),     # two months apart: another event
])
def test_dates_gate_stories(tmp_path, dates, grouped):
    archive = write_reports(tmp_path / "a", dates)
    arts = {a.id: a for a in archive.articles}
    assert (arts["r0"].story is not None and arts["r0"].story == arts["r1"].story) is grouped
    assert arts["other"].story is None


def test_related_articles_share_people_and_leave_out_the_story(seeds_build):
    result, _ = seeds_build
    arts = by_file(result.archive)
    related = result.archive.related
    army = arts["003_3331070784b86d09.txt"]
    first = related[army.id][0]
    assert first.article == arts["000_b42db73195608900.txt"].id
    assert "Saïd Chanegriha" in first.actors and "DZ" in first.countries
    for f in STORY_FILES:
        story = {arts[g].id for g in STORY_FILES} - {arts[f].id}
        assert not story & {r.article for r in related[arts[f].id]}
    # one report per other story: the three reports of the visit show up once
    assert [r.article for r in related[army.id]] == [arts["000_b42db73195608900.txt"].id,
                                                      arts[STORY_FILES[0]].id]


def test_words_fold_accents_split_elisions_and_stem():
    assert stories.words("L'Algérie renforce la sécurité; security restored") == [
        "algeri", "renfor", "securi", "securi", "restor"]


def test_related_articles_found_on_every_core_are_the_same(seeds_build, monkeypatch):
    archive = seeds_build[0].archive
    articles = list(archive.articles)
    alone = stories.related(articles, list(archive.stories))
    monkeypatch.setattr(stories, "RELATED_PARALLEL_FROM", 1)
    monkeypatch.setattr(stories, "RELATED_PART", 2)
    assert stories.related(articles, list(archive.stories)) == alone
    assert alone == archive.related


def _tagged(n: int, date: str | None, actors=(), countries=(), story=None):
    cue = Cue("test")
    return Article(id=f"a{n}", source_file=f"{n}.txt", title=Value("T", cue), title_derived=False,
                   date=Value(date, cue), language=Value("en", cue), source=Value(None, cue),
                   authors=Value((), cue), summary="", actors=tuple(Mention(a, (a,), cue) for a in actors),
                   countries=tuple(Mention(c, (c,), cue) for c in countries), organizations=(),
                   cleaned=Cleaned((Line(1, "text", "body"),)), story=story)


def test_related_articles_rank_by_shared_keys_and_closeness():
    arts = [
        _tagged(0, "2024-03-01", ["Ann Lee"], ["DZ"]),
        _tagged(1, "2024-03-02", ["Ann Lee"], ["DZ"]),           # person and country, a day apart
        _tagged(2, "2024-09-01", ["Ann Lee"], ["DZ"]),           # the same, six months apart
        _tagged(3, "2024-03-01", [], ["DZ"]),                    # one country shared: not related
        _tagged(4, "2024-03-01", [], ["DZ", "FR"]),
        _tagged(5, None, ["Ann Lee"]),                           # undated: half as close
        _tagged(6, "2024-03-01", ["Bob Roe"], ["RU"]),           # nothing shared
        _tagged(7, "2024-03-05", [], ["FR", "DZ"]),              # two countries shared with a4: related
    ] + [_tagged(10 + i, "2020-01-01", [], ["FR"]) for i in range(3)]
    found = stories.related(arts, [])
    assert [r.article for r in found["a0"]] == ["a1", "a5", "a2"]
    first = found["a0"][0]
    assert (first.actors, first.organizations, first.countries) == (("Ann Lee",), (), ("DZ",))
    assert found["a3"] == () and found["a6"] == ()
    assert [(r.article, r.countries) for r in found["a4"]] == [("a7", ("DZ", "FR"))]
    # one report per other story, and none of its own
    story = [Story("s-x", ("a1", "a2"))]
    assert [r.article for r in stories.related(arts, story)["a0"]] == ["a1", "a5"]
    assert [r.article for r in stories.related(arts, story)["a1"]] == ["a0", "a5"]


def test_a_small_archive_makes_no_story_of_a_few_everyday_words(tmp_path):
    """An English column on green computers and a French report on a comedian
    share only everyday stems ("public", "direct", "centre"): in an archive of
    two, where the words no other article has are left out, their cosine was 0.87."""
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(DATA / "sample2" / "bbc" / "tech" / "307.txt", articles / "green.txt")
    shutil.copy(DATA / "sample3" / "fr" / "lefig-0221.txt", articles / "dubosc.txt")
    assert {a.story for a in pipeline.collect(articles).articles} == {None}


def test_most_first_with_alphabetical_places_orders_as_without():
    from collections import Counter

    from build_scripts.index import alphabetical, most_first

    counts = Counter({"Émile Zola": 2, "Anne Hidalgo": 2, "Zoé Sagan": 3, "anne hidalgo": 1, "Bob": 1})
    assert most_first(counts, alphabetical(counts)) == most_first(counts)
