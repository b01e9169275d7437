"""Property-based: whatever bytes or front matter a file holds, reading it
gives an article and problems, or one reported problem; never a crash."""
from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts import front_matter, pipeline, readers
from build_scripts.errors import ArchiveError, Problem
from build_scripts.models import RawArticle

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
YAMLISH = st.text(st.sampled_from(list("-:[]{}&*!|>'\"#%@`?,. \n\tabcxyz019") + ["\u00e9", "\U0001F1E9", "\x85"]))
VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(), st.dates()),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8)
FIELDS = st.one_of(st.sampled_from(front_matter.FIELDS), st.text(max_size=10))


def read(data: bytes, suffix: str) -> tuple[RawArticle, list[Problem]] | ArchiveError:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"a{suffix}"
        path.write_bytes(data)
        try:
            return readers.read(path, path.name)
        except ArchiveError as exc:
            return exc


def check_result(result) -> None:
    if isinstance(result, ArchiveError):
        assert result.problem.path.startswith("a.") and result.problem.line >= 1
        return
    raw, problems = result
    assert isinstance(raw.text, str) and all(isinstance(p, Problem) for p in problems)
    assert set(raw.meta) <= set(front_matter.FIELDS)
    assert not readers.CONTROL.search(raw.text)


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_random_bytes_never_crash_the_reader(data, suffix):
    check_result(read(data, suffix))


@SETTINGS
@given(text=st.text(max_size=2000), encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]),
       suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_random_text_in_any_encoding_never_crashes_the_reader(text, encoding, suffix):
    check_result(read(text.encode(encoding, errors="replace"), suffix))


@SETTINGS
@given(block=YAMLISH, body=st.text(max_size=300))
def test_random_front_matter_text_never_crashes(block, body):
    check_result(read(f"---\n{block}\n---\n{body}".encode("utf-8", errors="replace"), ".md"))


@SETTINGS
@given(meta=st.dictionaries(FIELDS, VALUES, max_size=6))
def test_random_front_matter_fields_are_kept_or_reported(meta):
    block = yaml.safe_dump(meta, allow_unicode=True)
    result = read(f"---\n{block}---\nPresident Abdelmadjid Tebboune spoke in Algiers.\n".encode("utf-8",
                                                                                              errors="replace"), ".md")
    check_result(result)
    if not isinstance(result, ArchiveError):
        raw, problems = result
        for key in meta:
            assert key in raw.meta or any(p.line >= 2 for p in problems)


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=2000), text=st.text(max_size=1000), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_random_files_never_crash_the_build(data, text, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles"
        articles.mkdir()
        (articles / f"bytes{suffix}").write_bytes(data)
        (articles / f"text{suffix}").write_text(text, "utf-8", errors="replace")
        (articles / "text.meta.yml").write_bytes(data)
        result = pipeline.build(articles, Path(tmp) / "docs")
        assert all(isinstance(p, Problem) for p in result.problems + result.notes)


_NAME_WORD = st.text(alphabet="abcdeéfghiïklmnoprstuvyz-'", min_size=1, max_size=9)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAME_WORD, min_size=2, max_size=4), st.lists(_NAME_WORD, min_size=1, max_size=4),
       st.integers(0, 3), st.integers(0, 8), st.sampled_from("aeiouyhkcs"))
def test_names_of_one_person_share_a_match_key(words, other, drop, at, letter):
    """The registry compares a name only with the forms sharing a match key:
    every pair `same_person` accepts must share one, so none is missed."""
    from build_scripts.names import match_keys, same_person

    a = " ".join(words)
    variants = [" ".join(words[min(drop, len(words) - 2):]),                 # a given name dropped
                " ".join(words[:-1] + [words[-1][:at] + letter + words[-1][at + 1:]]),   # a letter changed
                " ".join(other[:1] + words[1:]),                            # another given name
                "".join(words[:1]) + " " + "".join(words[1:]),              # words run together
                " ".join(other)]
    for b in variants:
        if same_person(a, b):
            assert match_keys(a) & match_keys(b), (a, b)


def test_known_spellings_share_a_match_key():
    from build_scripts.names import match_keys, same_person

    for a, b in [("Nikolai Patrushev", "Nicholaï Patrouchev"), ("Ahmed Gaïd Salah", "Gaid Salah"),
                 ("Marine Le Pen", "Marine Lepen"), ("Saïd Chanegriha", "Said Chenegriha"),
                 ("Jean-Pierre Raffarin", "Jean Pierre Raffarin")]:
        assert same_person(a, b) and match_keys(a) & match_keys(b), (a, b)
