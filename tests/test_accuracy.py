"""Accuracy floors on hand-annotated samples of the development corpus, built
without a registry: tests/data/gold_corpus/ (72 English and French articles;
the rules were developed against it), tests/data/holdout/ (40 more,
annotated later to measure articles the rules were not written for),
tests/data/sample2/ (40 more, annotated later still: measured first, then
used to find what the rules missed), tests/data/sample3/ (40 more, held
out to measure the rules written for sample2) and tests/data/sample4/ (40
more, measured on arrival, then read for what the rules missed). Floors only ever go up:
raise them when the extractors get better, never lower them."""
from __future__ import annotations

import pytest
import yaml

from build_scripts import evaluate

from .conftest import DATA

FLOORS = {
    "people_precision": 0.975,
    "people_recall": 0.91,
    "countries_f1": 0.97,
    "organizations_precision": 0.835,
    "organizations_recall": 0.63,
    "title": 0.98,
    "date": 0.97,
    "language": 1.0,
    "authors": 0.98,
    "source": 0.95,
}


@pytest.fixture(scope="module")
def gold_score():
    gold = yaml.safe_load((DATA / "gold_corpus.yml").read_text("utf-8"))
    score, _ = evaluate.build_and_score(DATA / "gold_corpus", gold)
    return score


def test_people(gold_score):
    assert gold_score.actors.precision >= FLOORS["people_precision"], str(gold_score.actors)
    assert gold_score.actors.recall >= FLOORS["people_recall"], str(gold_score.actors)


def test_countries(gold_score):
    assert gold_score.countries.f1 >= FLOORS["countries_f1"], str(gold_score.countries)


def test_organizations(gold_score):
    assert gold_score.organizations.precision >= FLOORS["organizations_precision"]
    assert gold_score.organizations.recall >= FLOORS["organizations_recall"]


@pytest.mark.parametrize("field", ["title", "date", "language", "authors", "source"])
def test_metadata_fields(gold_score, field):
    assert gold_score.fields[field] / gold_score.articles >= FLOORS[field]


# Later samples: the held-out one (annotated after the rules were written), the
# second one (measured first, then its misses read), the third (held out) and
# the fourth (measured on arrival, then its misses read).
SAMPLE_FLOORS = {
    "holdout": {"people_precision": 0.95, "people_recall": 0.88, "countries_f1": 0.985, "organizations_precision": 0.86},
    "sample2": {"people_precision": 0.935, "people_recall": 0.89, "countries_f1": 0.965, "organizations_precision": 0.795},
    "sample3": {"people_precision": 0.955, "people_recall": 0.93, "countries_f1": 0.95, "organizations_precision": 0.86},
    "sample4": {"people_precision": 0.985, "people_recall": 0.88, "countries_f1": 0.96, "organizations_precision": 0.91},
    "sample5": {"people_precision": 0.98, "people_recall": 0.775, "countries_f1": 0.96, "organizations_precision": 0.81},
}


@pytest.mark.parametrize("name", sorted(SAMPLE_FLOORS))
def test_later_samples(name):
    floors = SAMPLE_FLOORS[name]
    gold = yaml.safe_load((DATA / f"{name}.yml").read_text("utf-8"))
    score, _ = evaluate.build_and_score(DATA / name, gold)
    assert score.actors.precision >= floors["people_precision"], str(score.actors)
    assert score.actors.recall >= floors["people_recall"], str(score.actors)
    assert score.countries.f1 >= floors["countries_f1"], str(score.countries)
    assert score.organizations.precision >= floors["organizations_precision"], str(score.organizations)
