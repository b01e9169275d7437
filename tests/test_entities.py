"""People, countries and organisations on short texts: the rules, not the seeds' strings."""
from __future__ import annotations

import pytest

from build_scripts.cleaning import classify
from build_scripts.extract import extract_article
from build_scripts.models import RawArticle
from build_scripts.registry import EMPTY


def tags(text: str):
    raw = RawArticle("x.txt", text, {})
    art = extract_article(raw, classify(text), EMPTY, "x")
    return ({m.key: m.forms for m in art.actors}, [m.key for m in art.countries],
            [m.key for m in art.organizations])


def test_title_and_surname_link():
    people, countries, _ = tags("Headline\nGerman Chancellor Olaf Scholz met Kenyan officials. Scholz said talks went well.\n")
    assert people == {"Olaf Scholz": ("Olaf Scholz", "Scholz")}
    assert countries == ["DE", "KE"]


def test_byline_author_is_not_an_actor():
    people, _, _ = tags("Headline\nMinister Jean Dupont spoke in Paris on trade.\nBy Marie Curie\n")
    assert list(people) == ["Jean Dupont"]


def test_organisation_words_are_not_people():
    people, _, orgs = tags("Headline\nThe Polisario Front and the Algerian Ministry of Defense met the Press Agency.\n")
    assert people == {}
    assert "Polisario Front" in orgs


def test_two_people_sharing_a_surname_stay_two():
    people, _, _ = tags("Headline\nEd Miliband and David Miliband both spoke. Ed Miliband said yes.\n")
    assert set(people) == {"Ed Miliband", "David Miliband"}


def test_spelling_variants_in_one_article_merge():
    people, _, _ = tags("Headline\nSergueï Lavrov arrived. Later Serguei Lavrov said the visit went well.\n")
    assert len(people) == 1


@pytest.mark.parametrize("text,code", [
    ("Headline\nOfficials in Moscow denied it.\n", "RU"),
    ("Headline\nThe Kremlin denied it.\n", "RU"),
    ("Titre\nLes autorités algériennes ont démenti.\n", "DZ"),
    ("Headline\nThe talks covered Western Sahara.\n", "EH"),
])
def test_country_cues(text, code):
    _, countries, _ = tags(text)
    assert code in countries


def test_country_inside_an_organisation_name_is_not_tagged():
    _, countries, _ = tags("Headline\nThe Bank of England raised rates, the Algerian Ministry of Defense said.\n")
    assert "GB" not in countries
