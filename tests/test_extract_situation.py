"""The situation component (fanboard/extract/situation.py): the focus club's league situation. All sentences here are invented for the tests."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor  # noqa: F401


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Invented. Atalanta sit fifth in Serie A, four points behind the leaders, with a game in hand.",
     {("league_position", "5"), ("points_behind_leader", "4"), ("games_in_hand", "1")}),
    ("nl", "Verzonnen. Atalanta staat op de zesde plaats, op zes punten van koploper Milan.",
     {("league_position", "6"), ("points_behind_leader", "6")}),
    ("it", "Inventato. La Dea è settima, a nove punti dalla capolista e a due punti dal quarto posto.",
     {("league_position", "7"), ("points_behind_leader", "9"), ("points_behind_fourth", "2")}),
])
def test_league_situation(extractor, lang, text, expected):
    c = claims(extractor, "Atalanta\n\n" + text, lang)
    assert {(s.metric, s.value) for s in c.situation} == expected
    assert {s.competition for s in c.situation} == {"Serie A"}


def test_situation_of_another_club_is_not_the_focus_clubs(extractor):
    c = claims(extractor, "Atalanta Atalanta\n\nInvented. Atalanta won. Milan sit first in Serie A.", "en")
    assert c.situation == []


def test_a_position_after_a_single_played_match_is_the_table_after_it(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Atalanta beat Roma 4-1 to climb to seventh in Serie A.", "en")
    (m,) = c.matches
    assert [(s.metric, s.value, s.match_key) for s in c.situation] == [("league_position", "7", m.key)]


def test_no_focus_club_no_situation(extractor):
    c = claims(extractor, "Invented\n\nInvented. The team sit fifth in Serie A.", "en")
    assert c.focus_club is None and c.situation == []
