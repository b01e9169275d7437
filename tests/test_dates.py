from __future__ import annotations

import pytest

from build_scripts.cleaning import classify
from build_scripts.extract.dates import extract, parse_date


@pytest.mark.parametrize("text,want", [
    ("2026-02-21", "2026-02-21"),
    ("21 February 2026", "2026-02-21"),
    ("February 21, 2026", "2026-02-21"),
    ("Feb. 21, 2026", "2026-02-21"),
    ("le 21 février 2026", "2026-02-21"),
    ("1er mars 2025", "2025-03-01"),
    ("21/02/2026", "2026-02-21"),
    ("February 17", None),
    ("ce 27 février", None),
    ("Tuesday", None),
    ("31 February 2026", None),
])
def test_parse_date(text, want):
    got = parse_date(text, "fr")
    assert (got[0] if got else None) == want


def test_ambiguous_numeric_date_in_english_is_not_guessed():
    assert parse_date("03/04/2026", "en") is None


@pytest.mark.parametrize("text,want,rule", [
    (" date 2026-02-21 403\nHeadline\nBody text here.\n", "2026-02-21", "header line"),
    ("Published: 3 March 2025\nHeadline\nBody text here.\n", "2025-03-03", "header line"),
    ("Headline\nALGIERS, Feb. 21, 2026 (Reuters) - The minister said.\n", "2026-02-21", "dateline"),
    ("Headline\nThe visit began on February 16 and ended in May 2006.\n", None, "no full date"),
    ("Headline\nIt happened on 10 May 2022 in Algiers, officials said.\n", None, "no full date"),
])
def test_date_cues(text, want, rule):
    value = extract(classify(text), {}, "en")
    assert value.value == want
    assert value.cue.rule.startswith(rule)


def test_dateline_rule_fails_fast_on_long_runs_of_spaces():
    for line in ("By" + " " * 5000 + "x", "ALGIERS, " + "\u00a0 " * 3000):
        assert extract(classify("Headline\n" + line + "\n"), {}, "en").value is None
