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


@pytest.mark.parametrize("lang,text", [
    # the place in a cup group is not the league position (real construction: "<thanks to> the
    # <ordinal> place in the group <behind> X")
    ("it", "Inventato. La Lazio chiude al secondo posto nel girone, dietro al Borussia Dortmund, e va avanti."),
    ("en", "Invented. Lazio go through in second place in Group F, behind Borussia Dortmund."),
    ("nl", "Verzonnen. Lazio gaat door als nummer twee, op de tweede plaats in de groep achter Borussia Dortmund."),
    ("en", "Invented. Lazio sit second in the Champions League standings, a point behind Dortmund."),
])
def test_a_place_in_a_cup_group_is_no_league_position(extractor, lang, text):
    c = claims(extractor, "Lazio\n\n" + text, lang)
    assert [(s.competition, s.metric) for s in c.situation if s.competition == "Serie A"] == []


def test_a_sentence_that_names_the_league_beside_the_cup_keeps_its_league_position(extractor):
    c = claims(extractor, "Lazio\n\nInvented. Lazio, who sit fifth in Serie A, play Bruges in the Champions League.", "en")
    assert [(s.competition, s.metric, s.value) for s in c.situation] == [("Serie A", "league_position", "5")]
