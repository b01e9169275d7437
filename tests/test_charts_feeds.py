"""SVG charts and Atom feeds: valid XML whatever the article text holds."""
from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

from build_scripts import charts, feeds, pipeline
from build_scripts.models import Mention, Value
from build_scripts.xml_text import clean

SVG = "{http://www.w3.org/2000/svg}"
ATOM = "{http://www.w3.org/2005/Atom}"
NASTY = "<script>alert('x')</script> & \"quotes\" \x00\x07\x1b\ud800 ]]>"


def test_month_chart_shows_every_month_between_first_and_last():
    svg = ET.fromstring(charts.per_month("Per month", {"2025-11": 2, "2026-02": 4}))
    bars = svg.findall(f"{SVG}rect")
    assert [b.find(f"{SVG}title").text for b in bars] == ["November 2025: 2", "February 2026: 4"]
    assert float(bars[1].get("height")) == 2 * float(bars[0].get("height"))
    assert charts.months_between("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert "6 articles" in svg.find(f"{SVG}desc").text


def test_month_chart_places_bars_and_labels_month_by_month():
    """Drawn from the months with articles, the chart is what walking every
    month of the span gives: a bar where a month has articles, a label
    where `_labelled` puts one, each at its month's place."""
    import random
    import re

    rng = random.Random(5)
    for _ in range(2000):
        start = rng.randint(1990 * 12, 2025 * 12)
        span = rng.choice([1, 2, 6, 7, 24, 25, 119, 120, 121, 250])
        places = sorted({0, span - 1} | set(rng.sample(range(span), min(span, rng.randint(1, 12)))))
        counts = {f"{(start + i) // 12:04d}-{(start + i) % 12 + 1:02d}": rng.randint(1, 9) for i in places}
        text = charts.per_month("T", counts)
        months = charts.months_between(min(counts), max(counts))
        step = max(4, min(28, 640 // len(months)))
        bar = max(2, round(step * 0.8))
        bars = [float(x) for x in re.findall(r'<rect x="([\d.]+)"', text)]
        assert bars == [34 + i * step + (step - bar) / 2 for i, m in enumerate(months) if m in counts]
        labels = [float(x) for x in re.findall(r'<text x="([\d.]+)" y="\d+" text-anchor="middle"', text)]
        assert labels == [34 + i * step + step / 2 for i, m in enumerate(months)
                          if charts._labelled(i, m, len(months))]


def test_month_chart_without_dates_says_so():
    svg = ET.fromstring(charts.per_month("Per month", {}))
    assert "No dated articles" in svg.find(f"{SVG}desc").text


def test_long_spans_stay_readable():
    counts = {f"{y}-{m:02d}": 1 for y in range(2000, 2026) for m in range(1, 13)}
    svg = ET.fromstring(charts.per_month("Per month", counts))
    labels = [t.text for t in svg.findall(f"{SVG}text")][2:]
    assert len(svg.findall(f"{SVG}rect")) == 312 and len(labels) <= 12


def test_chart_labels_are_escaped():
    text = charts.ranked(NASTY, [(NASTY, 3), ("B", 1)])
    svg = ET.fromstring(text)                      # parses: nothing raw got through
    assert "<script>" not in text
    assert svg.find(f"{SVG}title").text == clean(NASTY)
    assert svg.findall(f"{SVG}text")[0].text.startswith("<script>")


def test_feed_escapes_article_text_and_links_relatively(tmp_path):
    articles = tmp_path / "a"
    articles.mkdir()
    (articles / "n.md").write_text("---\ndate: 2026-02-17\nsource: A & B\n---\nPresident Emmanuel Macron spoke.\n",
                                   "utf-8")
    (articles / "u.txt").write_text("Undated headline\nIt happened on Tuesday in Paris.\n", "utf-8")
    dated, undated = pipeline.collect(articles).articles
    nasty = dataclasses.replace(dated, title=Value(NASTY, dated.title.cue), summary=NASTY)
    arts = [undated, nasty]
    text = feeds.atom("feeds/actors/x.xml", NASTY, "actors/x.md", arts, {"FR": "France"})
    feed = ET.fromstring(text)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}updated").text for e in entries] == ["2026-02-17T00:00:00Z", feeds.UNDATED]
    assert feed.find(f"{ATOM}updated").text == "2026-02-17T00:00:00Z"
    assert entries[0].find(f"{ATOM}title").text.startswith("<script>")
    assert entries[0].find(f"{ATOM}author/{ATOM}name").text == "A & B"
    assert entries[0].find(f"{ATOM}link").get("href") == "../../articles/n/"
    assert entries[1].find(f"{ATOM}published") is None
    assert feed.find(f"{ATOM}id").text.startswith("urn:uuid:")
    assert entries[0].find(f"{ATOM}summary").text == clean(NASTY)
    assert text == feeds.atom("feeds/actors/x.xml", NASTY, "actors/x.md", arts, {"FR": "France"})
    # The feed is the very text an element tree of the whole feed gives.
    assert text == _feed_by_element_tree(NASTY, "x", [nasty, undated], {"FR": "France"})
    tagged = dataclasses.replace(nasty, actors=(Mention(NASTY + "\t\r\n", (), nasty.title.cue),),
                                 countries=(Mention("FR", (), nasty.title.cue),),
                                 authors=Value((NASTY,), nasty.authors.cue))
    names = {"FR": NASTY + "\n"}
    assert feeds.atom("feeds/actors/x.xml", "", "actors/x.md", [tagged], names) == _feed_by_element_tree(
        "", "x", [tagged], names)
    made: dict = {}
    names = {"FR": "France"}
    first = feeds.atom("feeds/actors/y.xml", "Y", "actors/y.md", arts, names, made)
    assert made and feeds.atom("feeds/actors/x.xml", NASTY, "actors/x.md", arts, names, made) == text
    assert first == feeds.atom("feeds/actors/y.xml", "Y", "actors/y.md", arts, names)
    other_folder = feeds.atom("feeds/z.xml", "Z", "z.md", arts, names, made)
    assert other_folder == feeds.atom("feeds/z.xml", "Z", "z.md", arts, names)


def test_feeds_and_charts_only_for_people_followed(seeds_build):
    """Registry people and people named in three articles or more get a feed and
    charts; someone named once gets a page, without files that would tell nothing more.
    A ranking of people named with someone is drawn only when its bars differ."""
    from build_scripts.render_people import FOLLOWED_FROM, _uneven, followed

    result, docs = seeds_build
    actors = result.archive.actors
    rare = [a for a in actors if not a.in_registry and len(a.articles) < FOLLOWED_FROM]
    kept = [a for a in actors if followed(a)]
    assert rare and kept and any(a.in_registry for a in kept)
    for actor in rare:
        assert not (docs / "feeds" / "actors" / f"{actor.slug}.xml").exists()
        page = (docs / "actors" / f"{actor.slug}.md").read_text("utf-8")
        assert "feed" not in page.lower() and "<svg" not in page
    for actor in kept:
        assert (docs / "feeds" / "actors" / f"{actor.slug}.xml").is_file()
        page = (docs / "actors" / f"{actor.slug}.md").read_text("utf-8")
        assert "Atom feed" in page
        dated = any(a.date.value for a in result.archive.articles if a.id in actor.articles)
        assert page.count('<figure class="chart">') == _uneven(actor.people[:charts.RANKED]) + dated
    assert sorted(p.name for p in (docs / "charts").rglob("*") if p.is_file()) == ["articles-per-month.svg"]


def test_a_ranking_is_drawn_only_when_its_bars_differ():
    from build_scripts.render_people import _uneven

    assert not _uneven([("A", 1), ("B", 1), ("C", 1)])
    assert _uneven([("A", 2), ("B", 1)])
    assert not _uneven([])


def test_charts_drawn_into_a_page_are_valid_and_told_apart():
    """Two charts on one page: each names its own title and description."""
    months = ET.fromstring(charts.per_month("Per month", {"2026-01": 1}, ident="month-chart"))
    people = ET.fromstring(charts.ranked("People", [("A", 2)], ident="people-chart"))
    ids = [el.get("id") for svg in (months, people) for el in svg.iter() if el.get("id")]
    assert ids == ["month-chart-title", "month-chart-desc", "people-chart-title", "people-chart-desc"]
    assert months.get("aria-labelledby") == "month-chart-title month-chart-desc"
    block = charts.figure(charts.per_month("Per month", {"2026-01": 1}))
    assert block.startswith('<figure class="chart">\n<svg') and block.endswith("</svg>\n</figure>")
    assert "\n\n" not in block               # one block of HTML for Markdown


def _feed_by_element_tree(title: str, slug: str, arts: list, names: dict) -> str:
    """An actor's feed as xml.etree writes it, the feed's text in the same shape."""
    path = f"feeds/actors/{slug}.xml"
    whole = ET.Element("feed", {"xmlns": feeds.ATOM})
    for tag, value in (("title", title), ("id", feeds._urn(f"feed:{path}")), ("updated", feeds._time(arts[0]))):
        ET.SubElement(whole, tag).text = clean(value)
    ET.SubElement(whole, "link", {"rel": "self", "type": "application/atom+xml", "href": f"{slug}.xml"})
    ET.SubElement(whole, "link", {"rel": "alternate", "type": "text/html", "href": f"../../actors/{slug}/"})
    ET.SubElement(ET.SubElement(whole, "author"), "name").text = "News archive"
    ET.SubElement(whole, "generator").text = feeds.GENERATOR
    for art in arts:
        entry = ET.SubElement(whole, "entry")
        ET.SubElement(entry, "title").text = clean(art.title.value)
        ET.SubElement(entry, "id").text = feeds._urn(f"article:{art.id}")
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html",
                                      "href": f"../../articles/{art.id}/"})
        ET.SubElement(entry, "updated").text = feeds._time(art)
        if art.date.value:
            ET.SubElement(entry, "published").text = feeds._time(art)
        for name in art.authors.value or ([art.source.value] if art.source.value else []):
            ET.SubElement(ET.SubElement(entry, "author"), "name").text = clean(name)
        for m in art.actors:
            ET.SubElement(entry, "category", {"term": clean(m.key)})
        for m in art.countries:
            ET.SubElement(entry, "category", {"term": clean(m.key), "label": clean(names.get(m.key, m.key))})
        if art.summary:
            ET.SubElement(entry, "summary").text = clean(art.summary)
    ET.indent(whole, space="")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(whole, encoding="unicode") + "\n"
