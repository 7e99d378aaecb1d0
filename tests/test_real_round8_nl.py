"""Round 8 on real reporting (issue 10), Dutch matches and goals: constructions found in the
development set, each tested with sentences written for this file (other clubs, other players,
other numbers, the same grammar). No sentence here comes from a real article."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401

NL_REPORT = "Verzonnen verslag\n\nNapoli won zondag met 1-2 bij Roma. "


def _goals(c):
    (m,) = [m for m in c.matches if m.opponent is not None and m.status == "played"]
    assert all(g.match_key == m.key for g in c.goals)
    return sorted((g.scorer, g.team, g.minute, g.penalty, g.own_goal) for g in c.goals)


@pytest.mark.parametrize("text,expected", [
    # 'het was X die <club> op voorsprong schoot': the shot that put the club ahead
    ("Via een strafschop was het Dries Mertens die de Napolitanen op voorsprong schoot (0-1).",
     [("Dries Mertens", "Napoli", None, True, False)]),
    # 'wist X de voorsprong (voor de bezoekers) te verdubbelen'
    ("Na een slordige pass van Lorenzo Pellegrini wist Lorenzo Insigne de voorsprong voor de bezoekers "
     "te verdubbelen.", [("Lorenzo Insigne", "Napoli", None, False, False)]),
    # 'X was (opnieuw) trefzeker' tells one goal; a count of times is a tally, not a goal
    ("Even later was Lorenzo Insigne opnieuw trefzeker, na een fout in de defensie van Roma.",
     [("Lorenzo Insigne", "Napoli", None, False, False)]),
    ("Dit seizoen was Lorenzo Insigne al twaalf keer trefzeker.", []),
    ("Lorenzo Insigne was in de eerste helft niet trefzeker.", []),
    # 'de bal binnenschuiven', a nationality noun for the player named before
    ("Dries Mertens bediende Hirving Lozano, waarna de Mexicaan na twee minuten de bal kon binnenschuiven.",
     [("Hirving Lozano", "Napoli", None, False, False)]),
    # 'via een rebound van X werd het 0-2'
    ("Via een rebound van Dries Mertens werd het nog voor de pauze 0-2.",
     [("Dries Mertens", "Napoli", None, False, False)]),
])
def test_dutch_goal_idioms(extractor, text, expected):
    assert _goals(claims(extractor, NL_REPORT + text, "nl")) == expected


GOALS_ONLY = ("Verzonnen verslag\n\nNa een kwartier kwam Napoli op voorsprong via Hirving Lozano, oud-speler van "
              "PSV. De thuisploeg kwam kort voor rust langszij via Lorenzo Pellegrini: 1-1. Dries Mertens "
              "zette de bezoekers na rust weer op voorsprong: 1-2.")


def test_a_match_told_only_by_its_goals(extractor):
    # no sentence names the two clubs as a match; the goals of players of two clubs that can meet,
    # with the running score, tell their played match (the calendar gives its day and order)
    c = claims(extractor, GOALS_ONLY, "nl")
    assert matches(c) == [("Napoli", "Roma", None, None, None, "played")]
    assert _goals(c) == [("Dries Mertens", "Napoli", None, False, False),
                         ("Hirving Lozano", "Napoli", None, False, False),
                         ("Lorenzo Pellegrini", "Roma", None, False, False)]


@pytest.mark.parametrize("text", [
    # the goals of one club only name no opponent
    "Verzonnen verslag\n\nNa een kwartier kwam Napoli op voorsprong via Hirving Lozano: 1-0. "
    "Daarna zette Dries Mertens de ploeg op voorsprong: 2-0.",
    # no running score: a list of scorers of a round-up, not one match
    "Verzonnen overzicht\n\nBij Napoli opende Hirving Lozano de score via een kopbal. "
    "Bij Roma kwam de ploeg op voorsprong via Lorenzo Pellegrini.",
])
def test_no_match_from_goals_without_two_sides_and_a_running_score(extractor, text):
    c = claims(extractor, text, "nl")
    assert [m for m in c.matches if m.opponent is not None] == []
    assert c.goals == []


@pytest.mark.parametrize("text,expected", [
    # 'opende de score via X', 'via X de aansluiting vond', 'vergrootte X het gat'
    ("Roma opende in het eigen stadion snel de score via spits Edin Džeko.",
     [("Edin Džeko", "Roma", None, False, False)]),
    ("Kort na rust was het spel hervat toen Roma via Edin Džeko de aansluiting vond.", [("Edin Džeko", "Roma", None, False, False)]),
    ("Kort na rust vergrootte Dries Mertens het gat naar twee.", [("Dries Mertens", "Napoli", None, False, False)]),
    # '<speler> zette de bezoekers (voor de tweede keer) op voorsprong': the player before the verb
    ("Dries Mertens zette de bezoekers voor de tweede keer op voorsprong.",
     [("Dries Mertens", "Napoli", None, False, False)]),
])
def test_more_dutch_goal_idioms(extractor, text, expected):
    assert _goals(claims(extractor, NL_REPORT + text, "nl")) == expected
