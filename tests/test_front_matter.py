"""Awkward titles survive the trip through front matter and stay text on the page."""
from __future__ import annotations

import re

import pytest
import yaml

from build_scripts import pipeline
from build_scripts.pages import front_matter

AWKWARD = [
    'He said "no": the end',
    "It's a 'quote'",
    "---",
    "Title with --- inside",
    "<script>alert('x')</script>",
    "Emoji 🇩🇿 and 🇫🇷 together",
    "# Leading hash",
    "key: value",
    "[link](javascript:alert(1))",
    "{{ jinja }} {% tag %}",
    "null",
    "yes",
    "2026-02-21",
    "  spaces  ",
    "multi\nline",
]


@pytest.mark.parametrize("title", AWKWARD)
def test_front_matter_round_trip(title):
    text = front_matter({"title": title, "actors": [title]})
    assert text.startswith("---\n") and text.endswith("---\n")
    body = text[4:-4]
    assert yaml.safe_load(body) == {"title": title, "actors": [title]}


@pytest.mark.parametrize("title", [t for t in AWKWARD if t.strip() and "\n" not in t])
def test_awkward_title_through_the_pipeline(tmp_path, title):
    articles = tmp_path / "articles"
    articles.mkdir()
    meta = yaml.safe_dump({"title": title}, allow_unicode=True)
    (articles / "a.md").write_text(f"---\n{meta}---\nPresident Abdelmadjid Tebboune spoke in Algiers.\n", "utf-8")
    result = pipeline.build(articles, tmp_path / "docs")
    assert result.problems == ()
    page = (tmp_path / "docs" / "articles" / "a.md").read_text("utf-8")
    _, fm, body = page.split("---\n", 2) if page.startswith("---\n") else ("", "", page)
    assert yaml.safe_load(fm)["title"] == title
    heading = body.split("\n# ", 1)[1].split("\n", 1)[0]
    assert "<script" not in heading
    assert not re.search(r"(?<!\\)[\[\]`*_]", heading), heading   # no unescaped Markdown syntax


def meta_of(text: str, first_line: int = 1):
    from build_scripts import front_matter

    return front_matter.load(text, "a.meta.yml", first_line)


BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)) + "title: *i\n"


@pytest.mark.parametrize("text,line,words", [
    (BILLION_LAUGHS, 2, "aliases"),
    ("title: &t Hello\nsource: *t\n", 2, "aliases"),
    ("actors: " + "[" * 50 + "]" * 50 + "\n", 1, "nested"),
    ("title: x\nsummary: " + "y" * 70_000 + "\n", 1, "KB"),
    ("title: [unclosed\n", 1, "YAML"),
    ("- just\n- a list\n", 1, "field: value"),
    ("title: \x00\n", 1, "YAML"),
])
def test_hostile_yaml_is_refused_with_its_line(text, line, words):
    from build_scripts.errors import ArchiveError

    with pytest.raises(ArchiveError) as exc:
        meta_of(text)
    assert exc.value.problem.line == line and words in exc.value.problem.message


@pytest.mark.parametrize("text,field,line", [
    ("date: 2026-02-30\n", "date", 1),
    ("date: 21 February 2026\n", "date", 1),
    ("title: ok\nlanguage: French\n", "language", 2),
    ("countries: [DZ, Algeria]\n", "countries", 1),
    ("actors: [[Nested]]\n", "actors", 1),
    ("actors: {name: x}\n", "actors", 1),
    ("title: [a, b]\n", "title", 1),
    ("summary:\n", "summary", 1),
    ("titel: typo\n", "titel", 1),
    ("title: a\ntitle: b\n", "title", 2),
])
def test_each_bad_field_is_named_with_its_line_and_dropped(text, field, line):
    meta, problems = meta_of(text)
    (problem,) = problems
    assert (problem.path, problem.line) == ("a.meta.yml", line)
    assert f"'{field}'" in problem.message
    assert field not in meta or meta[field] == "a"


def test_values_are_read_as_text_never_constructed():
    meta, problems = meta_of("title: yes\nsource: 1984\ndate: 2026-02-21T10:00:00+01:00\nlanguage: fr-FR\n"
                             "countries: [dz, FR]\nauthors: Jane Doe\nactors: [null, 'No']\n"
                             "summary: !!python/object/apply:os.system [echo]\n")
    assert meta == {"title": "yes", "source": "1984", "date": "2026-02-21", "language": "fr",
                    "countries": ["DZ", "FR"], "authors": ["Jane Doe"], "actors": ["null", "No"]}
    assert [p.line for p in problems] == [8]


TEXT = "Le président algérien Abdelmadjid Tebboune a reçu à Alger le ministre français de l'Intérieur.\n"


def build(tmp_path, files: dict[str, str]):
    articles = tmp_path / "articles"
    for name, text in files.items():
        (articles / name).parent.mkdir(parents=True, exist_ok=True)
        (articles / name).write_text(text, "utf-8")
    return pipeline.build(articles, tmp_path / "docs")


def test_a_sidecar_sets_and_corrects_any_field(tmp_path):
    result = build(tmp_path, {
        "news/a.txt": "Un titre\n" + TEXT,
        "news/a.meta.yml": "title: Corrected title\ndate: 2026-02-17\nsource: APS\nactors: [Laurent Nuñez]\n"
                           "countries: [FR, DZ]\nlanguage: fr\n",
    })
    assert result.problems == ()
    (art,) = result.archive.articles
    assert (art.title.value, art.date.value, art.source.value) == ("Corrected title", "2026-02-17", "APS")
    assert [m.key for m in art.actors] == ["Laurent Nuñez"]
    assert [m.key for m in art.countries] == ["FR", "DZ"]
    assert art.title.cue.rule == "sidecar a.meta.yml"
    assert art.actors[0].cue.rule == "sidecar a.meta.yml"
    page = (tmp_path / "docs" / "articles" / "news" / "a.md").read_text("utf-8")
    assert "Title: sidecar a.meta.yml" in page


def test_a_sidecar_wins_over_front_matter(tmp_path):
    result = build(tmp_path, {"a.md": "---\ntitle: From front matter\nsource: X\n---\n" + TEXT,
                              "a.meta.yml": "title: From the sidecar\n"})
    (art,) = result.archive.articles
    assert (art.title.value, art.source.value) == ("From the sidecar", "X")
    assert (art.title.cue.rule, art.source.cue.rule) == ("sidecar a.meta.yml", "front matter")


def test_a_broken_sidecar_is_reported_and_the_article_still_built(tmp_path):
    result = build(tmp_path, {"a.txt": "Un titre\n" + TEXT, "a.meta.yml": "title: ok\ndate: soon\nfoo: 1\n",
                              "b.txt": "Un autre\nLe ministre russe est arrivé à Alger.\n",
                              "b.meta.yml": "title: [oops\n"})
    assert sorted(str(p) for p in result.problems) == [
        "a.meta.yml:2: field 'date' 'soon' must be a date written YYYY-MM-DD, e.g. 2026-02-21",
        "a.meta.yml:3: unknown field 'foo': use one of actors, authors, countries, date, language, "
        "organizations, source, summary, title",
        "b.meta.yml:1: metadata is not valid YAML (expected ',' or ']', but got '<stream end>'): "
        "fix the line or quote the value",
    ]
    assert sorted(a.title.value for a in result.archive.articles) == ["Un autre", "ok"]


def test_a_sidecar_without_its_article_is_reported_not_read(tmp_path):
    result = build(tmp_path, {"a.txt": "Un titre\n" + TEXT, "typo.meta.yml": "title: x\n"})
    (problem,) = result.problems
    assert problem.path == "typo.meta.yml" and "no article named typo.txt" in problem.message
    assert len(result.archive.articles) == 1


def test_front_matter_with_a_date_that_does_not_exist_is_reported(tmp_path):
    result = build(tmp_path, {"a.md": "---\ntitle: T\ndate: 2026-02-30\n---\n" + TEXT})
    (problem,) = result.problems
    assert (problem.path, problem.line) == ("a.md", 3)
    assert result.archive.articles[0].title.value == "T"
PIECES = AWKWARD + ["a: b", "'", '"', "\\", ":", "-", "?", "|", ">", "&", "*", "!", "%", "@", "`", "#", ",",
                    "\t", "\r", "\n\n", " ", "~", "0", "1e3", "0x1F", "12:30", "true", "No", "\ufeff", "\x00",
                    "\x1b", "\x7f", "\x80", "\x85", "\xa0", "\xad", "\u200b", "\u2028", "\u2029", "\ue000",
                    "\ufffd", "\uffff", "é", "Ω", "中文", "😀", "x" * 120, "...", "- ", "? ", ": ", " #", "#", "=",
                    "<<", ".inf", "+1", "2024-5-1", "Yes", "NULL", "«", "»", "’", "\u202f", "a"]


def test_front_matter_is_what_the_python_emitter_writes():
    """The direct writer and the fast path through libyaml write exactly
    what yaml.safe_dump writes."""
    import random

    from build_scripts import yaml_text

    rng = random.Random(7)
    direct = 0
    for _ in range(20000):
        text = "".join(rng.choice(PIECES) if rng.random() < 0.7 else chr(rng.randint(0x20, 0xD7FF))
                       for _ in range(rng.randint(0, 8)))
        data = {"title": text, "title_derived": False, "date": None, "n": 3, "actors": [text, "Saïd"],
                "countries": []}
        want = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000) + "---\n"
        assert front_matter(data) == want, repr(text)
        direct += yaml_text._mapping(data) is not None
    assert direct > 5000        # the direct writer is what is tested, for the most part


def test_relative_links_are_what_relpath_gives():
    import posixpath

    from build_scripts.render import rel

    pages = ["index.md", "articles/index.md", "articles/a.md", "articles/2024/05/b.md", "articles/2024/06/c.md",
             "actors/x.md", "countries/dz.md", "data/archive.json", "articles/2024/index.md"]
    for a in pages:
        for b in pages:
            assert rel(a, b) == posixpath.relpath(b, posixpath.dirname(a) or "."), (a, b)


def test_registry_suggestions_are_what_the_python_emitter_writes():
    import random

    from build_scripts import yaml_text

    rng = random.Random(8)
    for _ in range(3000):
        name = "".join(rng.choice(PIECES) if rng.random() < 0.5 else chr(rng.randint(0x20, 0xD7FF))
                       for _ in range(rng.randint(0, 6)))
        data = [{"name": name, "aliases": [name[::-1], "Nunez"], "country": "XX"}]
        want = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
        assert yaml_text.safe_dump(data, default_flow_style=False) == want, repr(name)
