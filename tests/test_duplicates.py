"""Copies of one story are shown once, listing the others; nothing is dropped silently."""
from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys

from build_scripts import duplicates, pipeline
from build_scripts.models import Article, Cleaned, Cue, Line, Value

from .conftest import ROOT

STORY = """Algeria and France have agreed to restart a senior security coordination framework encompassing judicial
collaboration, policing and intelligence sharing, in what officials characterized as a concrete move toward
easing diplomatic frictions.

The agreement was reached during a visit to Algiers by the French interior minister, Laurent Nuñez, who met
President Abdelmadjid Tebboune for more than two hours at the El Mouradia palace.

Both sides said the working groups would meet again before the summer, and that cooperation on migration and
the return of Algerian nationals ordered to leave France would be discussed at the next session.

The two countries had frozen most security contacts last year after Paris backed Morocco's autonomy plan for
Western Sahara, a decision Algiers called a betrayal of its interests in the region.
"""


def write(folder, files: dict[str, str | bytes]):
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return folder


def test_wire_copies_and_identical_files_are_one_article(tmp_path):
    aps = "Published: 17 February 2026\nAlgeria, France restart security talks\n\nALGIERS (APS) - " + STORY
    articles = write(tmp_path / "articles", {
        "aps.txt": aps,
        "reuters.txt": "France and Algeria agree to resume security cooperation\n\nBy Jane Doe\n\n"
                       "PARIS (Reuters) - " + STORY + "\nReporting by Jane Doe; editing by John Roe\n"
                       "Also read:\nMorocco and Spain sign a migration pact\n",
        "menafn.md": "---\nsource: MENAFN\n---\n" + STORY,
        "aps (1).txt": aps,
        "other.txt": "Russia and Algeria hold naval drills\n\nThe Russian and Algerian navies held joint "
                     "exercises off the coast of Oran this week, the defence ministry in Algiers said.\n",
    })
    result = pipeline.build(articles, tmp_path / "docs")
    assert result.problems == ()
    assert sorted(a.source_file for a in result.archive.articles) == ["aps.txt", "other.txt"]
    (kept,) = [a for a in result.archive.articles if a.copies]
    assert [(c.source_file, c.source, c.same_text) for c in kept.copies] == [
        ("aps (1).txt", "APS", True), ("menafn.md", "MENAFN", False), ("reuters.txt", "Reuters", False)]
    assert all(0.8 <= c.similarity < 1 for c in kept.copies[1:])
    assert sorted(str(n).split(" (the same")[0].split(" (9")[0].split(" (8")[0] for n in result.notes) == [
        "aps (1).txt:1: info: the same story as aps.txt",
        "menafn.md:1: info: the same story as aps.txt",
        "reuters.txt:1: info: the same story as aps.txt"]
    page = (tmp_path / "docs" / "articles" / "aps.md").read_text("utf-8")
    assert "**Also published by:**\n\n- APS, 2026-02-17: aps (1).txt (same text)\n- MENAFN: menafn.md (" in page
    data = json.loads((tmp_path / "docs" / "data" / "archive.json").read_text("utf-8"))
    listed = {a["source_file"]: [c["source_file"] for c in a["copies"]] for a in data["articles"]}
    assert listed == {"aps.txt": ["aps (1).txt", "menafn.md", "reuters.txt"], "other.txt": []}
    assert not (tmp_path / "docs" / "articles" / "reuters.md").exists()


def test_the_dated_fullest_copy_is_the_one_shown(tmp_path):
    articles = write(tmp_path / "articles", {
        "a.txt": "Security talks resume\n\n" + STORY,
        "b.txt": "Published: 17 February 2026\nSecurity talks resume\n\n" + STORY,
    })
    (art,) = pipeline.check(articles).archive.articles
    assert (art.source_file, art.date.value) == ("b.txt", "2026-02-17")


def test_the_sample_stories_are_not_taken_for_copies(seeds_build):
    result, _ = seeds_build
    assert len(result.archive.articles) == 5 and result.notes == ()


def test_check_reports_copies_as_notes_not_problems(tmp_path):
    articles = write(tmp_path / "articles", {"a.txt": STORY, "b.txt": STORY})
    proc = subprocess.run([sys.executable, "-m", "build_scripts", "check", "--articles", str(articles)],
                          capture_output=True, text=True)
    assert proc.returncode == 0
    assert "b.txt:1: info: the same story as a.txt (the same text)" in proc.stderr


def fake(n: int, text: str) -> Article:
    none = Value(None, Cue("test"))
    return Article(id=f"a{n}", source_file=f"{n:04}.txt", title=Value("T", Cue("test")), title_derived=False,
                   date=none, language=none, source=none, authors=Value((), Cue("test")), summary="", actors=(),
                   countries=(), organizations=(), cleaned=Cleaned((Line(1, text, "body"),)))


def test_copies_are_found_among_many_articles_and_only_them():
    rng = random.Random(3)
    vocabulary = [f"word{i}" for i in range(3000)]
    texts = [" ".join(rng.choices(vocabulary, k=300)) for _ in range(1500)]
    arts = [fake(i, t) for i, t in enumerate(texts)]
    planted = {}
    for i in range(0, 1500, 50):                  # a copy with another opening and ending
        planted[len(arts)] = i
        arts.append(fake(len(arts), "LONDON (Agency) - " + texts[i] + " Copyright 2026 Agency. All rights reserved."))
    groups = duplicates.groups(arts)
    assert sorted(sorted(int(a.id[1:]) for a in g) for g in groups) == sorted(
        sorted((copy, original)) for copy, original in planted.items())


def test_a_shortened_copy_is_a_different_article():
    words = STORY.split()
    half = fake(1, " ".join(words[: len(words) // 2]))
    assert duplicates.groups([fake(0, STORY), half]) == []


def test_texts_without_words_are_copies_only_when_equal():
    assert duplicates.groups([fake(0, "!!!"), fake(1, "???")]) == []
    assert len(duplicates.groups([fake(0, "!!!"), fake(1, "!!!")])) == 1


def test_sample_archive_with_a_copy_keeps_its_golden_pages(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "articles", articles)
    shutil.copy(articles / "004_50fa850396415251.txt", articles / "004_50fa850396415251 (1).txt")
    result = pipeline.build(articles, tmp_path / "docs")
    assert len(result.archive.articles) == 5
    assert [n.path for n in result.notes] == ["004_50fa850396415251 (1).txt"]
    golden = ROOT / "tests" / "golden" / "seeds" / "articles" / "004-50fa850396415251.md"
    page = (tmp_path / "docs" / "articles" / "004-50fa850396415251.md").read_text("utf-8")
    also = "**Also published by:**\n\n- source not stated: 004\\_50fa850396415251 (1).txt (same text)\n\n"
    assert also in page and page.replace(also, "") == golden.read_text("utf-8")


def test_bands_find_what_datasketch_lsh_finds():
    """The banding in `_candidates` is MinHash LSH as datasketch does it: the
    same bands for the threshold, the same earlier articles for each one."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=duplicates.CANDIDATE, num_perm=duplicates.NUM_PERM)
    assert (lsh.b, lsh.r) == (duplicates.BANDS, duplicates.ROWS)
    rng = random.Random(5)
    vocabulary = [f"w{i}" for i in range(400)]
    texts = [" ".join(rng.choices(vocabulary, k=60)) for _ in range(200)]
    texts += [t[: len(t) * 2 // 3] + " other words at the end" for t in texts[:40]]   # near copies
    arts = [fake(i, t) for i, t in enumerate(texts)]
    signatures = duplicates._signatures(arts)
    expected = []
    for i, row in enumerate(signatures):
        m = MinHash(num_perm=duplicates.NUM_PERM, hashvalues=row, scheme="affine32")
        expected.append(sorted(lsh.query(m)))
        lsh.insert(i, m)
    assert duplicates._candidates(signatures) == expected
    assert sum(map(len, expected)) >= 20          # the near copies are found


def test_signatures_are_datasketch_minhash_with_crc32():
    """`signature` works out with NumPy what datasketch's MinHash gives (its
    default scheme, CRC-32 as the hash function), byte for byte."""
    import zlib

    from datasketch import MinHash

    rng = random.Random(11)
    vocabulary = [f"w{i}" for i in range(300)] + ["Algérie", "l'armée", "Москва"]
    texts = [" ".join(rng.choices(vocabulary, k=rng.randint(1, 90))) for _ in range(60)] + ["", "!!!", "a b"]
    for i, text in enumerate(texts):
        m = MinHash(num_perm=duplicates.NUM_PERM, seed=duplicates.SEED, hashfunc=zlib.crc32)
        assert m.scheme == "affine32"
        m.update_batch(list(duplicates._encoded_runs(fake(i, text))))
        assert duplicates.signature(fake(i, text)) == m.hashvalues.tobytes()


def test_shingles_are_runs_of_five_words():
    assert duplicates.shingles(fake(0, "A b, c d e f.")) == {b"a b c d e", b"b c d e f"}
    assert duplicates.shingles(fake(0, "One two")) == {b"one two"}
    assert duplicates.shingles(fake(0, "!!!")) == {b"!!!"}
    assert duplicates.word_runs(fake(0, "A b, c d e f.")) == {("a", "b", "c", "d", "e"), ("b", "c", "d", "e", "f")}
