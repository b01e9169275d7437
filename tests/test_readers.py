from __future__ import annotations

import pytest

from build_scripts import pipeline, readers
from build_scripts.errors import ArchiveError

TEXT = "Algérie : le président Tebboune reçoit Laurent Nuñez\n\nLe président algérien Abdelmadjid Tebboune a reçu à Alger le ministre français.\n"


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("latin-1", b""), ("utf-16", b""),
])
def test_encodings_are_detected(tmp_path, encoding, prefix):
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + TEXT.encode(encoding))
    raw, problems = readers.read(path, "a.txt")
    assert raw.text == TEXT and problems == []


def test_crlf_and_cr_are_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode())
    assert readers.read(path, "a.txt")[0].text == TEXT


def test_front_matter_values_win(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text(
        "---\ntitle: My own title\ndate: 2024-05-01\ncountries: [MA]\nactors: [Someone Else]\n---\n" + TEXT, "utf-8")
    result = pipeline.build(articles, tmp_path / "docs")
    art = result.archive.articles[0]
    assert art.title.value == "My own title"
    assert art.date.value == "2024-05-01"
    assert [m.key for m in art.countries] == ["MA"]
    assert [m.key for m in art.actors] == ["Someone Else"]


def test_malformed_front_matter_is_reported_and_the_rest_built(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "bad.md").write_text("---\ntitle: [unclosed\nlanguage: fr\n---\nText.\n", "utf-8")
    (articles / "good.txt").write_text(TEXT, "utf-8")
    result = pipeline.build(articles, tmp_path / "docs")
    assert [a.source_file for a in result.archive.articles] == ["good.txt"]
    (problem,) = result.problems
    assert problem.path == "bad.md" and problem.line >= 2
    assert "YAML" in problem.message


def test_unknown_front_matter_field_is_named(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text("---\ntitel: typo\n---\n" + TEXT, "utf-8")
    result = pipeline.build(articles, tmp_path / "docs")
    (problem,) = result.problems
    assert (problem.path, problem.line) == ("a.md", 2)
    assert "titel" in problem.message and "title" in problem.message
    assert len(result.archive.articles) == 1


@pytest.mark.parametrize("data,what", [(b"", "empty"), (b"   \n\n", "empty"), (b"abc\x00def", "NUL")])
def test_empty_and_binary_files_are_reported(tmp_path, data, what):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(ArchiveError, match=what):
        readers.read(path, "a.txt")


def test_hidden_files_and_other_suffixes_are_ignored(tmp_path):
    (tmp_path / ".hidden.txt").write_text(TEXT)
    (tmp_path / "notes.docx").write_text(TEXT)
    (tmp_path / "actors.yml").write_text("actors: []\n")
    (tmp_path / "a.txt").write_text(TEXT)
    assert [rel for _, rel in readers.discover(tmp_path)] == ["a.txt"]
