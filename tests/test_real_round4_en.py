"""English constructions of real reporting (issue 10, round 4), each in a sentence written for
the test with the structure of the real one (other words, other clubs and players)."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401


@pytest.mark.parametrize("text,expected", [
    # a score line between the two clubs, home first: headlines, "Final score:" lines
    ("Sassuolo 1-3 Genoa: five things we learned", [("Sassuolo", "Genoa", "home", 1, 3, "played")]),
    ("- Full-time: Torino 2-2 Lazio", [("Torino", "Lazio", "home", 2, 2, "played")]),
    # the newspaper form: each club followed by its goals, then the scorers
    ("TORINO 0 ROMA 3 Dzeko 12, Pellegrini 40, Mkhitaryan 77", [("Torino", "Roma", "home", 0, 3, "played")]),
])
def test_score_line_between_the_clubs(extractor, text, expected):
    assert matches(claims(extractor, "Serie A\n\n" + text, "en")) == expected


def test_numbers_after_clubs_that_are_not_a_score_line(extractor):
    # "Roma 2 points ..." is no score line: the second club is not followed by its goals
    assert matches(claims(extractor, "Serie A\n\nRoma 2 Lazio were the headline of the week.", "en")) == []


def test_a_match_with_its_final_score_is_not_dated_in_the_future(extractor):
    # "ahead of" is a future cue, but the match was played: its weekday is the one before
    text = ("Roma 2-0 Torino: the recap\n\nGoing into Sunday night with the pressure to stay ahead of "
            "the pack, Roma were able to grind out a 2-0 win over a stubborn Torino side.")
    c = claims(extractor, text, "en")
    assert matches(c) == [("Roma", "Torino", "home", 2, 0, "played")]
    assert (c.matches[0].time.text, c.matches[0].time.tense) == ("Sunday night", "past")
