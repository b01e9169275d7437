from __future__ import annotations

import pytest

from build_scripts.cleaning import BYLINE, MAX_LINE, classify, split_long
from build_scripts.extract import extract_article
from build_scripts.models import RawArticle
from build_scripts.registry import EMPTY


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


def test_a_line_longer_than_any_paragraph_is_cut_at_sentence_ends():
    sentence = "The minister spoke in Algiers about security cooperation. "
    pieces = split_long(sentence * 1000)
    assert len(pieces) > 1 and all(len(p) <= MAX_LINE for p in pieces)
    assert all(p.endswith(".") for p in pieces)
    assert " ".join(pieces) == (sentence * 1000).strip()
    assert split_long("x" * (MAX_LINE * 2 + 1)) == ["x" * MAX_LINE, "x" * MAX_LINE, "x"]


def test_one_long_line_keeps_its_line_number():
    lines = classify("Headline\n" + "Some words here. " * 2000 + "\n").lines
    assert {ln.number for ln in lines[1:]} == {2} and len(lines) > 3


@pytest.mark.parametrize("line", [
    "By " + "Xand" * 40 + "X!",          # 'and' inside names: once exponential
    "By " + "A.and" * 40 + "!",
])
def test_byline_rule_fails_fast_on_hostile_lines(line):
    assert BYLINE.match(line) is None


def test_byline_with_and_and_commas():
    names = "Jane Doe, John Roe and Ferdinand Ouarabi"
    assert BYLINE.match(f"By {names}").group(1) == names


def test_teasers_with_marks_and_dashes_are_furniture():
    text = ("Un titre\nLe texte commence ici.\n» LIRE AUSSI - Jean Dupont appelle au calme\n"
            "LIRE AUSSI -«Gilets jaunes»: une mobilisation en baisse\nÀ VOIR AUSSI: Marie Curie parle\n"
            "> Read more: Another story\nLa suite du texte.\n")
    got = roles(text)
    assert [r for r, _ in got] == ["title", "body", "furniture", "furniture", "furniture", "furniture", "body"]


def test_video_teaser_and_follow_us_lines_are_furniture():
    text = ("Un titre\nLe texte commence ici.\n"
            "Jean Dupont : «Il faut du calme» - Regarder sur Figaro Live\n"
            "Jean Dupont : «Il faut du calme» - Regarder sur Figaro Live\n"
            "La suite du texte.\n» Suivez toutes les infos du Figaro culture sur Facebook et Twitter.\n")
    got = roles(text)
    assert [r for r, _ in got] == ["title", "body", "furniture", "furniture", "body", "furniture"]
    why = [ln.why for ln in classify(text).lines]
    assert why[2:4] == ["teaser for a video"] * 2 and why[5] == "follow-us line"


def test_a_paragraph_ending_with_a_video_title_is_kept():
    paragraph = "Le texte d'un long paragraphe continue. " * 8 + "Des heurts éclatent - Regarder sur Figaro Live"
    assert roles(f"Un titre\n{paragraph}\nFin.\n")[1] == ("body", paragraph)


def test_dashes_in_ordinary_sentences_are_not_teasers():
    text = "Un titre\nRegarder la télévision - une habitude - reste courant.\nWatch the skies, he said.\n"
    assert [r for r, _ in roles(text)] == ["title", "body", "body"]


@pytest.mark.parametrize("bio, author", [
    ("Bill Thompson is a regular commentator on the BBC World Service programme Go Digital.", "Bill Thompson"),
    ("Jeanne Durand est journaliste au service politique.", "Jeanne Durand"),
])
def test_closing_line_about_the_writer_names_the_author_and_tags_nothing(bio, author):
    text = f"A headline\n{author} thinks it is about time. Ministers met in Paris.\n{bio}\n"
    cleaned = classify(text)
    assert [ln.role for ln in cleaned.lines] == ["title", "body", "bio"]
    art = extract_article(RawArticle("a.txt", text, {}), cleaned, EMPTY, "a")
    assert art.authors.value == (author,)
    assert not art.actors


@pytest.mark.parametrize("line, role", [
    ("L'éditorial de Jean-Emmanuel Ducoin", "byline"),
    ("La chronique d'Anne Martin", "byline"),
    ("Analysis by Nick Robinson", "byline"),
    ("Madeleine Meteyer, journaliste au Figaro", "bio"),
])
def test_a_piece_kind_before_its_writer_and_a_writer_signing_off_name_the_author(line, role):
    name = line.split(" de ")[-1].split(" d'")[-1].split(" by ")[-1].split(",")[0]
    text = f"Un titre\n{line}\n{name} est un nom. Le ministre a parlé à Paris.\nFin du texte.\n"
    cleaned = classify(text)
    assert cleaned.lines[1].role == role
    art = extract_article(RawArticle("a.txt", text, {}), cleaned, EMPTY, "a")
    assert art.authors.value == (name,)
    assert not art.actors


@pytest.mark.parametrize("line", ["Une tribune de Fabrice Flipo, professeur de philosophie sociale.",
                                  "Une opinion de Christophe Ginisty, blogueur, professionnel de la communication."])
def test_a_piece_kind_before_its_writer_and_what_they_do_names_the_author(line):
    text = f"Un titre\n{line}\nLe ministre a parlé à Paris hier soir.\n"
    art = extract_article(RawArticle("a.txt", text, {}), classify(text), EMPTY, "a")
    assert art.authors.value == (line.split(" de ")[1].split(",")[0],) and not art.actors


@pytest.mark.parametrize("line", [
    "A review by Lord Butler, published in July, found that the intelligence on Iraq was seriously flawed.",
    "Une analyse de Goldman Sachs, publiée mardi, montre que la croissance ralentit.",
])
def test_a_piece_kind_before_a_name_and_no_role_is_body(line):
    text = f"Un titre\n{line}\nFin du texte.\n"
    assert [ln.role for ln in classify(text).lines] == ["title", "body", "body"]


@pytest.mark.parametrize("line", ["Lucas Barioulet/Lucas Barioulet", "Ludovic Marin/AFP", "JOEL SAGET / AFP"])
def test_a_photographer_and_agency_line_is_a_photo_credit(line):
    assert roles(f"Un titre\nLe ministre a parlé.\n{line}\nFin du texte.\n")[2] == ("furniture", line)


@pytest.mark.parametrize("line, pieces", [
    ("Des chariots entassés. » LIRE AUSSI - Alexandre Devecchio: les intellectuels   Le projet commence ici.",
     [("body", "Des chariots entassés."), ("furniture", "» LIRE AUSSI - Alexandre Devecchio: les intellectuels"),
      ("body", "Le projet commence ici.")]),
    ("À LIRE AUSSI 135 blessés et 1000 arrestations à ParisDevant le parc Monceau, la foule passe.",
     [("furniture", "À LIRE AUSSI 135 blessés et 1000 arrestations à Paris"),
      ("body", "Devant le parc Monceau, la foule passe.")]),
    ("Il faut LIRE AUSSI le texte de la loi.", [("body", "Il faut LIRE AUSSI le texte de la loi.")]),
    ("Des chariots. » LIRE AUSSI - Gilets jaunes: la colère monte. Le projet commence, a dit Emmanuel Macron.",
     [("body", "Des chariots."), ("furniture", "» LIRE AUSSI - Gilets jaunes: la colère monte."),
      ("body", "Le projet commence, a dit Emmanuel Macron.")]),
])
def test_a_teaser_run_into_a_paragraph_is_cut_out(line, pieces):
    """A link to another story that a copy joined to the paragraphs around it:
    it ends at a run of spaces, a bullet or a word glued to the next sentence."""
    assert roles(f"Un titre\n{line}\n")[1:] == pieces


def test_a_line_naming_a_journalist_inside_the_story_is_no_sign_off():
    text = "Un titre\nJean Dupont, journaliste au Monde, a tout vu depuis sa fenêtre à Paris.\n"
    assert [ln.role for ln in classify(text).lines] == ["title", "body"]


def test_a_sentence_about_a_writer_inside_the_story_stays_body():
    text = ("A headline\nJohn Smith is a columnist for the local paper.\nHe was arrested on Monday.\n"
            "Mr Smith is a writer of note.\n")
    assert [r for r, _ in roles(text)] == ["title", "body", "body", "body"]


@pytest.mark.parametrize("line", [
    "Lire aussi\xa0Gilets jaunes\xa0: Macron peut-il s'en sortir\xa0?",
    "» EN DIRECT - Fusillade à Strasbourg: la traque se poursuit",
    ">> A VOIR AUSSI - A quoi sert le Parlement européen?",
    "SERVICE:\xa0Découvrez nos codes promo pour économiser",
    '" frameborder="0" scrolling="no" style="border:0;">   » LIRE AUSSI - Carburants: une question',
])
def test_more_furniture_lines(line):
    got = roles(f"Un titre\nLe texte commence ici.\n{line}\nLa suite du texte.\n")
    assert [r for r, _ in got] == ["title", "body", "furniture", "body"]


def test_lire_aussi_inside_a_sentence_is_text():
    text = "Un titre\nLire aussi les rapports, conseille-t-il.\nÀ lire aussi dans Le Monde, un entretien.\n"
    assert [r for r, _ in roles(text)] == ["title", "body", "body"]
