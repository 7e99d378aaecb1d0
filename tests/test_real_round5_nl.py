"""Round 5 on real Dutch reporting (issue 10): constructions found in the development set, each
tested with sentences written for this file (other clubs and players, other words, the same
grammar). No sentence here comes from a real article."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401


@pytest.mark.parametrize("text,expected", [
    # a win told by a compound noun ("record win", "league win"), its score after 'van'
    ("Verzonnen. Napoli boekte zondag een monsterzege van 0-8 op Crotone.",
     [("Napoli", "Crotone", "away", 8, 0, "played")]),
    ("Verzonnen. Sassuolo nam zaterdag met een competitiezege van 4-1 tegen Genoa de koppositie over.",
     [("Sassuolo", "Genoa", "home", 4, 1, "played")]),
    # the winner named by its demonym in a genitive, the score in brackets after the loser
    ("Verzonnen. Hij had een groot aandeel in de recordzege van de Amsterdammers tegen Crotone (0-9).",
     [("Ajax", "Crotone", "away", 9, 0, "played")]),
])
def test_wins_told_by_a_compound_noun(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected


@pytest.mark.parametrize("text,expected", [
    # Eredivisie clubs outside the Serie A / Champions League calendar, by name and alias
    ("Verzonnen. Lazio won in de competitie met 5-0 van VVV.", [("Lazio", "VVV-Venlo", "home", 5, 0, "played")]),
    ("Verzonnen. Roma won zondag met 0-3 bij VVV Venlo.", [("Roma", "VVV-Venlo", "away", 3, 0, "played")]),
])
def test_eredivisie_clubs_are_known(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected
