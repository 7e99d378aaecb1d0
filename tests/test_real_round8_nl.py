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
    # 'wist X de voorsprong te verdubbelen' (doubling a lead)
    ("Na een slordige pass van Lorenzo Pellegrini wist Lorenzo Insigne de voorsprong "
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


@pytest.mark.parametrize("text,expected", [
    # 'X heeft op het veld van Y de volle buit gepakt': X won away at Y
    ("Verzonnen verslag\n\nNapoli heeft op het veld van Roma de volle buit gepakt.",
     [("Napoli", "Roma", "away", None, None, "played")]),
    ("Verzonnen verslag\n\nNapoli pakte zondag op het veld van Roma de volle buit.",
     [("Napoli", "Roma", "away", None, None, "played")]),
    # 'op het veld van Y' alone, about the club itself, tells no match
    ("Verzonnen verslag\n\nOp het veld van Roma kreeg Dries Mertens geel.", []),
    # 'met N-M te sterk' after a win at Y: the winner's goals first, so the
    # score says no venue and the match stays the away win the sentence before told
    ("Verzonnen verslag\n\nNapoli heeft een belangrijke zege geboekt bij Spezia. De ploeg was met 3-0 te sterk.",
     [("Napoli", "Spezia", "away", 3, 0, "played")]),
])
def test_dutch_result_idioms(extractor, text, expected):
    assert [m for m in matches(claims(extractor, text, "nl")) if m[1] is not None] == expected


@pytest.mark.parametrize("text,expected", [
    # a relative clause after the scorer: 'die ... raak wist te schieten'
    ("Na rust was het Dries Mertens die daarna raak wist te schieten.",
     [("Dries Mertens", "Napoli", None, False, False)]),
    # 'die de <score> binnen tikte' (the verb's particle before it in a relative clause)
    ("Napoli gaf niet op en dus was het Hirving Lozano die de 0-2 binnen tikte.",
     [("Hirving Lozano", "Napoli", None, False, False)]),
    # 'was het X die de voorsprong verder uitbreidde', 'X bepaalde de eindstand'
    ("Twee minuten later was het Dries Mertens die de voorsprong verder uitbreidde.",
     [("Dries Mertens", "Napoli", None, False, False)]),
    ("Invaller Hirving Lozano bepaalde de eindstand.", [("Hirving Lozano", "Napoli", None, False, False)]),
    # 'opende al in de achtste minuut de score'
    ("Dries Mertens opende al in de achtste minuut de score.", [("Dries Mertens", "Napoli", None, False, False)]),
])
def test_dutch_goals_in_relative_clauses(extractor, text, expected):
    assert _goals(claims(extractor, NL_REPORT + text, "nl")) == expected
