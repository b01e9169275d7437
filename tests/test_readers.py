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
    found, skipped = readers.discover(tmp_path)
    assert [s.rel for s in found] == ["a.txt"]
    assert [(p.path, p.kind) for p in skipped] == [(".hidden.txt", "info")]


def test_russian_in_windows_1251_is_not_taken_for_western(tmp_path):
    text = "Министр иностранных дел России Сергей Лавров прибыл в Алжир.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("cp1251"))
    assert readers.read(path, "a.txt")[0].text == text


def test_broken_bytes_in_utf8_text_are_replaced_and_reported(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode() + b"Une ligne \xff\xfe cass\xe9e.\n")
    raw, problems = readers.read(path, "a.txt")
    assert raw.text.startswith(TEXT) and "\ufffd" in raw.text
    (problem,) = problems
    assert problem.line == 4 and "UTF-8" in problem.message


def test_control_characters_are_dropped(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Title\x1b[31m here\x07\n\x0cBody\x85 text.\n".encode())
    assert readers.read(path, "a.txt")[0].text == "Title[31m here\nBody text.\n"


def test_invisible_characters_inside_words_are_dropped(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Titre\nL'h\u00e9ritage de Johnny \u00adHallyday et de Patrick\u200b Drahi\u2060, "
                    "selon Ahmed\u200e Ouyahia.\n", "utf-8")
    assert readers.read(path, "a.txt")[0].text == ("Titre\nL'héritage de Johnny Hallyday et de Patrick Drahi, "
                                                   "selon Ahmed Ouyahia.\n")


def test_binary_without_nul_bytes_is_reported(tmp_path):
    import random

    path = tmp_path / "a.txt"
    rng = random.Random(5)
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))
    with pytest.raises(ArchiveError, match="binary"):
        readers.read(path, "a.txt")


def test_the_size_limit_is_checked_before_reading_everything(tmp_path):
    path = tmp_path / "a.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)          # sparse: 50 MB without writing them
    with pytest.raises(ArchiveError, match="52 MB, over the 10 MB limit"):
        readers.read(path, "a.txt")


def test_links_out_of_the_folder_are_skipped_with_a_problem(tmp_path):
    articles, outside = tmp_path / "articles", tmp_path / "outside"
    articles.mkdir(), outside.mkdir()
    (outside / "secret.txt").write_text(TEXT)
    (articles / "a.txt").write_text(TEXT)
    (articles / "in.txt").symlink_to(articles / "a.txt")
    (articles / "out.txt").symlink_to(outside / "secret.txt")
    (articles / "dead.txt").symlink_to(tmp_path / "missing.txt")
    (articles / "loop.txt").symlink_to(articles / "loop.txt")
    (articles / "folder").symlink_to(outside, target_is_directory=True)
    found, skipped = readers.discover(articles)
    assert [s.rel for s in found] == ["a.txt", "in.txt"]
    assert {p.path: p.message.split(":")[0] for p in skipped} == {
        "out.txt": "a link to a file outside the articles folder",
        "dead.txt": "a link to a file that does not exist",
        "loop.txt": "a link that cannot be followed (a loop?)",
        "folder": "a link to a folder outside the articles folder",
    }


def test_sidecars_pair_with_their_article(tmp_path):
    for name in ("a.txt", "a.meta.yml", "b.c.md", "b.c.meta.yml", "d.txt", "orphan.meta.yml", "actors.yml"):
        (tmp_path / name).write_text("title: x\n")
    found, skipped = readers.discover(tmp_path)
    assert [(s.rel, s.sidecar and s.sidecar[1]) for s in found] == [
        ("a.txt", "a.meta.yml"), ("b.c.md", "b.c.meta.yml"), ("d.txt", None)]
    assert [p.path for p in skipped] == ["orphan.meta.yml"]


def test_unreadable_names_and_special_files_are_reported(tmp_path):
    import os

    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "line\nbreak.txt").write_text(TEXT)
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / os.fsdecode(b"latin-1 \xe9.txt")).write_text(TEXT)
    found, skipped = readers.discover(tmp_path)
    assert [s.rel for s in found] == ["a.txt"]
    assert sorted((p.path, p.message.split(":")[0]) for p in skipped) == [
        ("latin-1 \ufffd.txt", "the file name is not valid UTF-8"),
        ("line?break.txt", "the file name holds control characters (a line break?)"),
        ("pipe.txt", "not a regular file"),
    ]
