"""Round 6 on real Dutch reporting (issue 10): constructions found in the development set, each
tested with sentences written for this file (other clubs, other words, the same grammar). No
sentence here comes from a real article."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401


@pytest.mark.parametrize("text,expected", [
    # 'X was/bleek met <score> te sterk (voor Y)': a win by X, the score home-away
    ("Verzonnen. Genoa was zondag met 1-3 te sterk voor Sassuolo.",
     [("Genoa", "Sassuolo", "away", 3, 1, "played")]),
    # (round 8: a higher first number may be the winner's goals written first, an away win as
    # well, so it says no venue; the calendar or another sentence decides)
    ("Verzonnen. Napoli bleek met 2-0 te sterk voor Torino.",
     [("Napoli", "Torino", None, 2, 0, "played")]),
    # no score: a habit, not a match
    ("Verzonnen. Torino was in het verleden vaak te sterk voor Napoli.", []),
    # a score at half-time is not the result
    ("Verzonnen. Sassuolo was in de eerste helft met 2-0 te sterk voor Parma.", []),
])
def test_too_strong_for_is_a_win(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected
