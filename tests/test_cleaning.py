from __future__ import annotations

from build_scripts.cleaning import classify


def roles(text: str) -> list[tuple[str, str]]:
    return [(ln.role, ln.text) for ln in classify(text).lines]


def test_header_title_body():
    got = roles(" date 2026-02-21 403\nA headline\nFirst paragraph. It goes on.\n")
    assert got == [("header", "date 2026-02-21 403"), ("title", "A headline"),
                   ("body", "First paragraph. It goes on.")]


def test_body_first_line_is_not_a_title():
    got = roles("The army signed a road paper on security cooperation.\n\nMore text here.\n")
    assert got[0][0] == "body"


def test_trailer_of_other_headlines_is_furniture():
    got = roles("Title\nBody text that is long enough. Really.\nRead more:\nOther story one\nOther story two\n")
    assert [r for r, _ in got] == ["title", "body", "furniture", "furniture", "furniture"]


def test_french_furniture():
    text = ("Un titre\nLe texte commence ici.\nImage\nUne légende de photo.\nUne légende de photo.\n"
            "© Agence via AP\nPartager 3 minutes de lecture\nLa suite du texte.\n(RE)voir : Une autre vidéo\n"
            "TV5 JWPlayer Field\nChargement du lecteur...\nFin du texte.\n")
    got = roles(text)
    kept = [(r, t) for r, t in got if r != "furniture"]
    assert kept == [("title", "Un titre"), ("body", "Le texte commence ici."),
                    ("caption", "Une légende de photo."), ("body", "La suite du texte."),
                    ("body", "Fin du texte.")]


def test_byline_and_subheading():
    got = roles("Title\nA first paragraph of text.\nA Short Heading\nAnother paragraph follows.\nBy Jane Doe\n")
    assert ("heading", "A Short Heading") in got
    assert ("byline", "By Jane Doe") in got


def test_markdown_headings():
    got = [(ln.role, ln.text) for ln in classify("# Title here\n\nParagraph one.\n\n## Section\n\nParagraph two.\n",
                                                  markdown=True).lines]
    assert ("heading", "Section") in got
