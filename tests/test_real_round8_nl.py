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
