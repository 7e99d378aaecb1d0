"""Round 8 of issue 10, English and Italian matches: constructions of real reporting the
extractor missed or misread. Every sentence here is invented for the tests; each copies the
structure of a real construction with other words, other clubs and other numbers."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import article, extractor  # noqa: F401


def _claims(extractor, text: str, lang: str = "en", published=date(2021, 3, 20)):
    a = article(text, lang)
    a.published = published
    return extractor.extract(a)


def matches(c):
    return sorted(((m.subject, m.opponent, m.venue, m.subject_goals, m.opponent_goals, m.status)
                   for m in c.matches if m.opponent is not None),
                  key=lambda row: tuple("" if x is None else str(x) for x in row))


@pytest.mark.parametrize("text,expected", [
    # a place in the table before the opponent ("sixth-placed X", "mid-table X") hides it no more
    ("Torino\n\nInvented. Torino secured a 3-1 win over eighth-placed Bologna.",
     [("Torino", "Bologna", None, 3, 1, "played")]),
    ("Torino\n\nInvented. Torino were held to a 0-0 draw against mid-table Udinese.",
     [("Torino", "Udinese", None, 0, 0, "played")]),
    ("Torino\n\nInvented. Genoa came back for a 1-1 draw at 12th-placed Torino.",
     [("Genoa", "Torino", "away", 1, 1, "played")]),
])
def test_placed_descriptions_before_the_opponent(extractor, text, expected):
    assert matches(_claims(extractor, text)) == expected


def test_goals_that_cancelled_out_a_lead_postpone_nothing(extractor):
    text = ("Genoa\n\nInvented. Genoa earned a 2-2 draw at Cagliari, as two late headers cancelled out "
            "an early lead.")
    assert matches(_claims(extractor, text)) == [("Genoa", "Cagliari", "away", 2, 2, "played")]


def test_a_win_at_home_is_no_away_win(extractor):
    # "X won 3-2 at home": the connector 'at' before 'home' names no away ground; the earlier
    # sentence's exit against the opponent is a match played, and both are one match
    text = ("Lazio\n\nInvented. Lazio crashed out of the cup against ten-man Parma on Wednesday. "
            "Lazio won 2-1 at home after extra time, but went out on aggregate.")
    assert matches(_claims(extractor, text)) == [("Lazio", "Parma", "home", 2, 1, "played")]
