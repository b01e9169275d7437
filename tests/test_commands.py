"""Every command as a user runs it: a subprocess on a temporary archive."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
import yaml

from .conftest import DATA, ROOT

GOLD = yaml.safe_load((DATA / "expected.yml").read_text("utf-8"))


def run(*args, stdin: bytes | None = None, cwd=None):
    return subprocess.run([sys.executable, "-m", "build_scripts", *args], input=stdin, capture_output=True,
                          cwd=cwd)


@pytest.fixture
def archive(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "articles", articles)
    return articles


STORY = (b"Algeria and Russia hold security talks\n\nALGIERS, March 3, 2026 (Reuters) - Russian Security Council "
         b"secretary Sergei Shoigu met President Abdelmadjid Tebboune in Algiers on Tuesday, officials said.\n")


def test_add_names_the_file_by_date_and_title(archive, tmp_path):
    src = tmp_path / "download.txt"
    src.write_bytes(STORY)
    out = run("add", str(src), "--articles", str(archive))
    assert out.returncode == 0, out.stderr
    target = archive / "2026-03-03-algeria-and-russia-hold-security-talks.txt"
    assert target.read_bytes() == STORY
    text = out.stdout.decode()
    assert "2026-03-03" in text and "Abdelmadjid Tebboune" in text and "DZ" in text and "RU" in text


def test_add_never_overwrites_and_refuses_duplicates(archive, tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(STORY)
    assert run("add", str(src), "--articles", str(archive)).returncode == 0
    again = run("add", str(src), "--articles", str(archive))
    assert b"already in the archive as 2026-03-03-algeria-and-russia-hold-security-talks.txt" in again.stderr
    # the same story with other line endings and a trailer is the same article
    copy = tmp_path / "b.txt"
    copy.write_bytes(STORY.replace(b"\n", b"\r\n") + b"Also Read:\nSome Other Headline Here\n")
    dup = run("add", str(copy), "--articles", str(archive))
    assert b"already in the archive" in dup.stderr
    # a different story with the same title and date gets a suffix, never a replacement
    other = tmp_path / "c.txt"
    other.write_bytes(STORY.replace(b"Tuesday", b"Wednesday"))
    assert run("add", str(other), "--articles", str(archive)).returncode == 0
    assert (archive / "2026-03-03-algeria-and-russia-hold-security-talks-2.txt").read_bytes() == other.read_bytes()
    assert (archive / "2026-03-03-algeria-and-russia-hold-security-talks.txt").read_bytes() == STORY
    existing = run("add", str(ROOT / "articles" / "003_3331070784b86d09.txt"), "--articles", str(archive))
    assert b"already in the archive as 003_3331070784b86d09.txt" in existing.stderr


def test_add_from_standard_input(archive):
    text = "Pasted headline about Niger\n\nThe minister said the talks in Niamey went well.\n".encode()
    out = run("add", "-", "--articles", str(archive), stdin=text)
    assert out.returncode == 0, out.stderr
    assert (archive / "pasted-headline-about-niger.txt").read_bytes() == text


def test_add_refuses_unsupported_files(archive, tmp_path):
    doc = tmp_path / "report.docx"
    doc.write_bytes(b"PK\x03\x04 binary")
    out = run("add", str(doc), "--articles", str(archive))
    assert out.returncode == 1
    assert b"'.docx' files are not articles" in out.stderr
    assert not list(archive.glob("*.docx"))


@pytest.mark.parametrize("name", [n for n in GOLD if n != "same_story"])
def test_explain_shows_the_cue_for_every_field(name):
    out = run("explain", name, "--format", "json", cwd=ROOT)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    gold = GOLD[name]
    for field in ("title", "date", "language", "source", "authors"):
        assert data[field]["cue"], field
    assert data["date"]["value"] == (None if gold["date"] is None else str(gold["date"]))
    assert {a["name"] for a in data["actors"]} <= set(gold["actors"]) | {f for fs in gold["actors"].values() for f in fs}
    for actor in data["actors"]:
        assert actor["forms"] and actor["cue"] and actor["line"] and actor["decided_by"] in ("registry", "rules")
    for country in data["countries"]:
        assert country["forms"] and country["cue"]
    text = run("explain", name, cwd=ROOT).stdout.decode()
    assert "people (" in text and "removed as page furniture" in text


def test_explain_shows_furniture_and_rejected_names():
    data = json.loads(run("explain", "004_50fa850396415251.txt", "--format", "json", cwd=ROOT).stdout)
    assert any(f["text"] == "Also Read:" for f in data["furniture"])
    reasons = {r["text"]: r["reason"] for r in data["rejected"]}
    assert "only in page furniture" in reasons["Kyiv"]
    byline = json.loads(run("explain", "002_a7f0a302755144ca.txt", "--format", "json", cwd=ROOT).stdout)
    assert byline["authors"]["value"] == ["Aghakazim Guliyev"] and byline["authors"]["cue"] == "byline"


COMMENTED = """# People we follow.
# Keep this list sorted.

actors:
  # the president
  - name: Laurent Nuñez   # French interior minister
    aliases:
      - Laurent Nunez     # no tilde
    country: FR

  - name: Saïd Sayoud
    country: DZ
"""


def test_registry_alias_changes_one_line_and_merges_spellings(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "actors.yml").write_text(COMMENTED, "utf-8")
    (articles / "a.txt").write_text("One\nFrench minister Laurent Nunes spoke in Algiers.\n", "utf-8")
    (articles / "b.txt").write_text("Two\nFrench minister Laurent Nuñez spoke in Oran.\n", "utf-8")
    out = run("registry", "alias", "Laurent Nuñez", "Laurent Nunes", "--articles", str(articles))
    assert out.returncode == 0, out.stderr
    after = (articles / "actors.yml").read_text("utf-8").split("\n")
    before = COMMENTED.split("\n")
    assert len(after) == len(before) + 1
    added = [line for line in after if line not in before]
    assert added == ["      - Laurent Nunes"]
    assert [line for line in after if line != "      - Laurent Nunes"] == before
    assert run("build", "--articles", str(articles), "--docs", str(tmp_path / "docs")).returncode == 0
    archive = json.loads((tmp_path / "docs" / "data" / "archive.json").read_text("utf-8"))
    nunez = [a for a in archive["actors"] if a["name"].startswith("Laurent")]
    assert len(nunez) == 1 and len(nunez[0]["articles"]) == 2


def test_registry_refuses_a_shared_alias_and_keeps_the_file(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "actors.yml").write_text(COMMENTED, "utf-8")
    out = run("registry", "alias", "Saïd Sayoud", "Laurent Nunez", "--articles", str(articles))
    assert out.returncode == 1 and b"already an alias of Laurent Nu" in out.stderr
    assert (articles / "actors.yml").read_text("utf-8") == COMMENTED


def test_registry_add_and_suggest(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "actors.yml").write_text(COMMENTED, "utf-8")
    out = run("registry", "add", "Abdelmadjid Tebboune", "--country", "DZ", "--role",
              "President of Algeria 2019-12-19:", "--articles", str(articles))
    assert out.returncode == 0, out.stderr
    data = yaml.load((articles / "actors.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert data["actors"][-1] == {"name": "Abdelmadjid Tebboune", "country": "DZ",
                                  "roles": [{"title": "President of Algeria", "from": "2019-12-19"}]}
    assert (articles / "actors.yml").read_text("utf-8").startswith(COMMENTED.rstrip("\n"))
    (articles / "c.txt").write_text("Three\nMinister Christophe Castaner said no. Later, Mr Castaner left.\n"
                                    "Four\n", "utf-8")
    (articles / "d.txt").write_text("Five\nThe protest grew, Mr Castaner said.\n", "utf-8")
    suggest = run("registry", "suggest", "--articles", str(articles))
    assert suggest.returncode == 0
    assert b"- name: Christophe Castaner" in suggest.stdout and b"Castaner" in suggest.stdout


def test_check_json_and_exit_codes(archive):
    out = run("check", "--format", "json", "--articles", str(archive))
    assert out.returncode == 0
    data = json.loads(out.stdout)
    assert data["summary"]["articles"] == 5 and data["problems"] == []
    (archive / "bad.md").write_text("---\ntitel: x\n---\nText here.\n")
    bad = run("check", "--format", "json", "--articles", str(archive))
    assert bad.returncode == 1
    assert json.loads(bad.stdout)["problems"][0]["path"] == "bad.md"


def test_quiet_and_summary(archive, tmp_path):
    quiet = run("build", "--quiet", "--articles", str(archive), "--docs", str(tmp_path / "d1"))
    assert quiet.returncode == 0 and quiet.stdout == b""
    loud = run("build", "--articles", str(archive), "--docs", str(tmp_path / "d2"))
    line = loud.stdout.decode().strip()
    assert line.count("\n") == 0
    for part in ("5 articles", "actors", "countries", "1 stories", "problems: none", "pages written", "unchanged"):
        assert part in line


def test_progress_bar_only_on_a_terminal(tmp_path):
    import pty
    import select

    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(320):
        (articles / f"a{i}.txt").write_text(f"Headline {i}\nMinister Jean Dupont{i} spoke in Paris.\n")
    cmd = [sys.executable, "-m", "build_scripts", "build", "--articles", str(articles), "--docs", str(tmp_path / "d")]
    piped = subprocess.run(cmd, capture_output=True)
    assert b"article/s" not in piped.stderr and b"it/s" not in piped.stderr
    assert len(piped.stdout.decode().strip().split("\n")) == 1
    cmd[-1] = str(tmp_path / "tty" / "d")       # a docs folder with a cache of its own: nothing cached yet
    (tmp_path / "tmp").mkdir()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TMPDIR"] = str(tmp_path / "tmp")
        os.execv(sys.executable, cmd)
    seen = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.waitpid(pid, 0)
    assert b"article" in seen and b"320/320" in seen
    # The bar starts no thread: the workers are forked (a fork server would leave its folder)
    assert not list((tmp_path / "tmp").iterdir())


def test_every_command_has_help_with_an_example():
    for name in ("build", "check", "add", "explain", "registry"):
        out = run(name, "--help")
        assert out.returncode == 0
        assert b"example: python -m build_scripts" in out.stdout


def test_add_a_saved_web_page(archive):
    page = DATA / "html" / "sahel-talks.html"
    out = run("add", str(page), "--articles", str(archive))
    assert out.returncode == 0, out.stderr
    added = [p for p in archive.glob("*.html")]
    assert len(added) == 1 and added[0].read_bytes() == page.read_bytes()
    assert b"title:" in out.stdout and b"people:" in out.stdout
