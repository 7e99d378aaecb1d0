"""Round 9 on real reporting (issue 10), Dutch: constructions found in the development set, each
tested with sentences written for this file (other clubs, other players, other words where
possible, the same grammar). No sentence here comes from a real article."""
from __future__ import annotations

from extract_helpers import claims, extractor, matches  # noqa: F401


def test_clubs_that_come_into_action_against_each_other_still_have_to_play(extractor):
    # 'X en Y komen <dag> tegen elkaar in actie': present tense, a match still to come
    c = claims(extractor, "Verzonnen overzicht\n\nNa de zege staat Napoli een nacht bovenaan. "
                          "Achtervolgers Lazio en Roma komen maandag tegen elkaar in actie.", "nl")
    assert ("Lazio", "Roma", None, None, None, "scheduled") in matches(c)
