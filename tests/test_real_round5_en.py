"""English constructions of real reporting (issue 10, round 5), each in a sentence written for
the test with the structure of the real one (other words, other clubs and players)."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401


def _statuses(c):
    return sorted((s.player, s.status, s.match_key) for s in c.statuses)


def _goals(c):
    return [(g.scorer, g.team, g.minute, g.penalty, g.own_goal, g.match_key) for g in c.goals]


@pytest.mark.parametrize("line,expected", [
    # the newspaper score line, then each scorer with his minute
    ("TORINO 1 ROMA 3 Dzeko 12, Pellegrini 40 pen, Belotti 55, Mkhitaryan 77",
     [("Edin Džeko", "Roma", 12, False, False, "t#m1"), ("Lorenzo Pellegrini", "Roma", 40, True, False, "t#m1"),
      ("Andrea Belotti", "Torino", 55, False, False, "t#m1"), ("Henrikh Mkhitaryan", "Roma", 77, False, False, "t#m1")]),
    # a player of neither club ends nothing but scores nothing; a word ends the list
    ("TORINO 0 ROMA 1 Dzeko 12 Attendance 0", [("Edin Džeko", "Roma", 12, False, False, "t#m1")]),
])
def test_scorers_after_a_newspaper_score_line(extractor, line, expected):
    c = claims(extractor, "Serie A\n\n" + line + "\n\nRoma won in Turin.", "en")
    assert matches(c)[0][:5] == ("Torino", "Roma", "home", int(line.split()[1]), int(line.split()[3]))
    assert _goals(c) == expected


def test_names_and_numbers_without_a_score_line_are_no_goals(extractor):
    c = claims(extractor, "Serie A\n\nRoma beat Torino 3-0.\n\nDzeko 12, Pellegrini 40 were the numbers of the night.",
               "en")
    assert _goals(c) == []


@pytest.mark.parametrize("verb", ["volleyed", "tapped", "nodded"])
def test_verbs_of_finishing_before_home(extractor, verb):
    text = f"Roma v Torino\n\nRoma beat Torino 1-0.\n\nEdin Dzeko {verb} home a cross from the left in the 63rd minute."
    assert _goals(claims(extractor, text, "en")) == [("Edin Džeko", "Roma", 63, False, False, "t#m1")]


def test_a_late_goal_named_after_its_scorer(extractor):
    text = "Roma v Torino\n\nRoma beat Torino 1-0.\n\nRoma substitute Borja Mayoral settled it with a late goal."
    c = claims(extractor, text, "en")
    assert _goals(c) == [("Borja Mayoral", "Roma", None, False, False, "t#m1")]
    assert _statuses(c) == [("Borja Mayoral", "substituted_on", "t#m1")]


def test_a_list_brought_in_when_the_sentence_names_only_one_club(extractor):
    # the sentence's own "match" is a club without an opponent: the statuses belong to the story's match
    text = ("Lazio v Torino\n\nLazio beat Torino 2-0 on Sunday.\n\nThe Torino coach tried four changes. "
            "He brought in Andrea Belotti, Simone Zaza, Wilfried Singo and Tomás Rincón but it ended 2-0 "
            "for the visitors.")
    assert _statuses(claims(extractor, text, "en")) == [
        ("Andrea Belotti", "substituted_on", "t#m1"), ("Simone Zaza", "substituted_on", "t#m1"),
        ("Tomás Rincón", "substituted_on", "t#m1"), ("Wilfried Singo", "substituted_on", "t#m1")]


@pytest.mark.parametrize("text,expected", [
    # the reason in brackets after each name: a change made before kick-off
    ("Torino coach Davide Nicola was without the injured Simone Zaza, while Andrea Belotti (knee) and "
     "Tomás Rincón (flu) were replaced by Antonio Sanabria and Karol Linetty.",
     [("Andrea Belotti", "left_out", "t#m1"), ("Antonio Sanabria", "started", "t#m1"),
      ("Karol Linetty", "started", "t#m1"), ("Simone Zaza", "left_out", "t#m1"), ("Tomás Rincón", "left_out", "t#m1")]),
    # a minute in brackets is a substitution in the match
    ("Andrea Belotti (64) was replaced by Antonio Sanabria.",
     [("Andrea Belotti", "substituted_off", "t#m1"), ("Antonio Sanabria", "substituted_on", "t#m1")]),
    ("Andrea Belotti was replaced by Antonio Sanabria.",
     [("Andrea Belotti", "substituted_off", "t#m1"), ("Antonio Sanabria", "substituted_on", "t#m1")]),
])
def test_a_change_before_kick_off_is_no_substitution(extractor, text, expected):
    c = claims(extractor, "Lazio v Torino\n\nLazio beat Torino 2-0 on Sunday.\n\n" + text, "en")
    assert _statuses(c) == expected


def test_the_absence_of_a_player_left_him_out(extractor):
    text = "Lazio v Torino\n\nLazio beat Torino 2-0 on Sunday, helped by the absence of the injured Andrea Belotti."
    assert _statuses(claims(extractor, text, "en")) == [("Andrea Belotti", "left_out", "t#m1")]


def test_a_line_up_recalled_from_the_last_match_keeps_the_story(extractor):
    # the match at Genoa only says which line-up the changes start from
    text = ("Lazio 2-0 Torino: the recap\n\nLazio beat Torino 2-0 on Sunday.\n\n"
            "Simone Inzaghi made two changes from the side that won away at Genoa last Wednesday. "
            "Ciro Immobile started in place of Vedat Muriqi, while Luis Alberto made the logical start "
            "over Gonzalo Escalante.")
    c = claims(extractor, text, "en")
    assert [m[:2] for m in matches(c)][0] == ("Lazio", "Torino")
    assert _statuses(c) == [("Ciro Immobile", "started", "t#m1"), ("Luis Alberto", "started", "t#m1")]


def _events(c):
    return sorted((e.event_type, tuple(e.agents), tuple(e.targets)) for e in c.events)


def test_moves_told_with_their_destination_are_one_event_each(extractor):
    text = ("Loan swap on the cards\n\n"
            "Reports claim that Roma forward Edin Dzeko could return to Tottenham on loan as part of a "
            "transfer swap involving Dele Alli and Leandro Paredes.\n\n"
            "The deal would see Alli, who is out of favour in London, join up with old friends at PSG, "
            "and Paris midfielder Paredes could head to Roma in turn.")
    c = claims(extractor, text, "en")
    assert _events(c) == [
        ("transfer_report", ("Paris Saint-Germain",), ("Dele Alli",)),
        ("transfer_report", ("Roma",), ("Leandro Paredes",)),
        ("transfer_report", ("Tottenham Hotspur",), ("Edin Džeko",)),
    ]
    # the departure the first sentence tells is the moved player's, not every player it names
    assert sorted((s.player, s.status) for s in c.statuses) == [("Edin Džeko", "expected_departure")]


def test_a_trip_to_play_a_match_is_no_move(extractor):
    text = "Roma v Torino\n\nEdin Dzeko will return to Torino on Sunday, when Roma play Torino in the league."
    assert [e for e in claims(extractor, text, "en").events if e.event_type == "transfer_report"] == []


def test_a_move_made_years_ago_is_no_transfer_report(extractor):
    text = ("Serie A round-up\n\nLong after his quiet move away from Manchester United three years ago, "
            "Chris Smalling has found a home in Rome.")
    assert claims(extractor, text, "en").events == []


def test_a_player_before_a_defeat_names_his_club_and_an_incident_with_someone_its_parties(extractor):
    text = ("Derby drama\n\nCiro Immobile went from hero to zero in Sunday's league defeat to rivals Roma as he was "
            "involved in an ugly incident with Chris Smalling and later saw his side lose, sealed at the death by "
            "Edin Dzeko.")
    c = claims(extractor, text, "en")
    assert [m[:2] + m[5:] for m in matches(c)] == [("Lazio", "Roma", "played")]
    assert _events(c) == [("altercation", ("Chris Smalling", "Ciro Immobile"), ())]
    assert [g[:3] for g in _goals(c)] == [("Edin Džeko", "Roma", None)]


def test_an_incident_with_no_one_named_after_it_keeps_the_clause_parties(extractor):
    text = "Derby drama\n\nLazio lost to Roma on Sunday after an incident with the referee."
    assert _events(claims(extractor, text, "en")) == []


def test_travelled_to_face_a_side_was_played(extractor):
    text = "Roma at Torino\n\nRoma travelled to Turin tonight to face Torino in the league."
    assert [m[:3] + m[5:] for m in matches(claims(extractor, text, "en"))] == [("Roma", "Torino", "away", "played")]


@pytest.mark.parametrize("sentence,expected", [
    ("Lazio went ahead as Ciro Immobile dispatched a cool penalty in the 7th minute.",
     [("Ciro Immobile", "Lazio", 7, True, False, "t#m1")]),
    ("Andrea Belotti cancelled out Ciro Immobile’s first-half opener.",
     [("Ciro Immobile", "Lazio", None, False, False, "t#m1")]),
    # a header kept out by a save is no goal
    ("Lazio were frustrated by the save to keep out Ciro Immobile's first-half header.", []),
])
def test_more_ways_to_tell_a_goal(extractor, sentence, expected):
    text = "Lazio v Torino\n\nLazio drew 1-1 with Torino on Sunday.\n\n" + sentence
    assert _goals(claims(extractor, text, "en")) == expected


def test_limped_off_went_off(extractor):
    text = "Lazio v Torino\n\nLazio beat Torino 2-0 on Sunday.\n\nCiro Immobile, their top scorer, also limped off injured."
    assert _statuses(claims(extractor, text, "en")) == [("Ciro Immobile", "substituted_off", "t#m1")]


def test_a_line_up_featuring_players_started_them(extractor):
    text = ("Lazio v Torino\n\nLazio beat Torino 2-0 on Sunday.\n\nAfter the visitors fielded a young line-up "
            "featuring two teenagers in Wilfried Singo and Ricardo Rodriguez, Lazio took control.")
    assert _statuses(claims(extractor, text, "en")) == [("Ricardo Rodríguez", "started", "t#m1"),
                                                        ("Wilfried Singo", "started", "t#m1")]


def test_travelled_without_a_player_left_him_out(extractor):
    text = "Torino v Lazio\n\nLazio beat Torino 2-0 on Sunday.\n\nLazio travelled to Turin without captain Ciro Immobile."
    assert _statuses(claims(extractor, text, "en")) == [("Ciro Immobile", "captain", None),
                                                        ("Ciro Immobile", "left_out", "t#m2")]


def test_a_result_told_in_a_relative_clause_about_a_bottom_side(extractor):
    text = "Serie A\n\nRoma, who beat bottom side Crotone 3-1, are two points behind."
    assert matches(claims(extractor, text, "en")) == [("Roma", "Crotone", None, 3, 1, "played")]


def test_travelled_to_take_on_a_side_was_played(extractor):
    text = "Torino at Cagliari\n\nChanges were made when Torino travelled to Sardinia to take on Cagliari on Sunday."
    assert [m[:3] + m[5:] for m in matches(claims(extractor, text, "en"))] == [("Torino", "Cagliari", "away", "played")]


def test_a_fixture_to_come_told_in_passing_keeps_the_story(extractor):
    text = ("Lazio 1-1 Torino\n\nLazio drew 1-1 with Torino on Wednesday.\n\n"
            "Lazio sit third, behind leaders Inter who play at Genoa later on Wednesday.\n\n"
            "Ciro Immobile came off the bench.")
    c = claims(extractor, text, "en")
    assert [m[:3] + m[5:] for m in matches(c)] == [("Lazio", "Torino", "home", "played"),
                                                    ("Inter", "Genoa", "away", "scheduled")]
    assert _statuses(c) == [("Ciro Immobile", "substituted_on", c.matches[0].key)]


def test_a_match_a_side_wont_enjoy_is_still_to_come(extractor):
    text = "Preview\n\nLazio won’t be in a good mood going into the game against Torino."
    assert [m[:2] + m[5:] for m in matches(claims(extractor, text, "en"))] == [("Lazio", "Torino", "scheduled")]


def test_seconds_after_coming_on_came_on(extractor):
    text = ("Lazio v Torino\n\nLazio drew 1-1 with Torino on Sunday.\n\nTorino led early, but Ciro Immobile hit back "
            "seconds after coming on as a half-time substitute.")
    assert _statuses(claims(extractor, text, "en")) == [("Ciro Immobile", "substituted_on", "t#m1")]
