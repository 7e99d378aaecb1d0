"""English constructions of real reporting (issue 10, round 6), each in a sentence written for
the test with the structure of the real one (other words, other clubs and players)."""
from __future__ import annotations

import pytest

from extract_helpers import analysed, claims, extractor, matches  # noqa: F401


def _events(c):
    return sorted((e.event_type, tuple(e.agents), tuple(e.targets)) for e in c.events)


def _goals(c):
    return [(g.scorer, g.team, g.minute, g.penalty, g.own_goal, g.match_key) for g in c.goals]


def test_a_player_told_by_his_age_is_the_one_named_last(extractor):
    # "the 31-year-old" is the player named before; "the pair" then are he and the coach
    text = ("Roma in turmoil\n\nThe squad list showed the name of Edin Dzeko. "
            "Word is that the 34-year-old has stopped talking to Fonseca altogether. "
            "Player and coach do not see eye to eye.")
    assert _events(claims(extractor, text, "en")) == [("dispute", ("Edin Džeko", "Paulo Fonseca"), ())]


def test_an_age_after_a_coach_names_no_one(extractor):
    # the person named last is a coach: "the 34-year-old" is no one the article named
    doc = analysed("Roma in turmoil\n\nEdin Dzeko trained alone. Fonseca spoke on Friday. "
                   "The 34-year-old will not send any postcards to the club this winter.", "en")
    assert [[m.name for m in v.mentions] for v in doc._.sentences[1:]] == [["Edin Džeko"], ["Paulo Fonseca"], []]
    doc = analysed("Roma in turmoil\n\nFonseca spoke on Friday. Edin Dzeko trained alone. "
                   "The 34-year-old will not send any postcards to the club this winter.", "en")
    assert [[m.name for m in v.mentions] for v in doc._.sentences[1:]] == [["Paulo Fonseca"], ["Edin Džeko"],
                                                                         ["Edin Džeko"]]


@pytest.mark.parametrize("sentence,expected", [
    # "<A> scored in the Nth minute and <B> followed ... M minutes later to double the lead": N + M
    ("Lazio went ahead when Ciro Immobile scored in the 50th minute, and Luis Alberto struck three "
     "minutes later to double the lead.",
     [("Ciro Immobile", "Lazio", 50, False, False, "t#m1"), ("Luis Alberto", "Lazio", 53, False, False, "t#m1")]),
    # "minutes later" than no minute told: no minute, not the other goal's
    ("Ciro Immobile scored and Luis Alberto doubled the lead three minutes later.",
     [("Ciro Immobile", "Lazio", None, False, False, "t#m1"), ("Luis Alberto", "Lazio", None, False, False, "t#m1")]),
    ("Luis Alberto extended their lead in the 70th minute.", [("Luis Alberto", "Lazio", 70, False, False, "t#m1")]),
])
def test_a_goal_that_doubles_the_lead_minutes_later(extractor, sentence, expected):
    text = "Lazio v Torino\n\nLazio beat Torino 2-0 on Sunday.\n\n" + sentence
    assert _goals(claims(extractor, text, "en")) == expected


DERBY = "Lazio v Roma\n\nLazio beat Roma 2-1 on Sunday.\n\n"


@pytest.mark.parametrize("sentence,expected", [
    # "If <A>'s ... by <B>'s ..., he ... after converting a Nth-minute penalty": A's penalty
    ("If Dzeko's temper was not already soothed by Immobile's red card, he was surely grinning after "
     "converting a 64th-minute penalty, and the rest of the night belonged to Lazio.",
     [("Edin Džeko", "Roma", 64, True, False, "t#m1")]),
    # no subordinating word opening the sentence: 'he' stands for no one we can tell
    ("Immobile was sent off after a clash with Dzeko, and he was surely grinning after converting a "
     "64th-minute penalty.", []),
])
def test_a_penalty_told_by_a_pronoun_after_a_subordinate_clause(extractor, sentence, expected):
    assert _goals(claims(extractor, DERBY + sentence, "en")) == expected


@pytest.mark.parametrize("sentence,expected", [
    # "<club> opened the scoring in the Nth minute, as <player of that club> ...": his goal
    ("Roma had begun to take control before Lazio opened the scoring in the 20th minute, as Immobile "
     "pounced on a loose ball to find the far corner.", [("Ciro Immobile", "Lazio", 20, False, False, "t#m1")]),
    # a player of the other club after 'as' did not score it
    ("Lazio opened the scoring in the 20th minute, as Dzeko lost the ball in midfield.", []),
])
def test_a_club_opens_the_scoring_as_its_player_finishes(extractor, sentence, expected):
    assert _goals(claims(extractor, DERBY + sentence, "en")) == expected


def test_a_club_beaten_by_a_score_on_home_soil_lost_that_home_match(extractor):
    # "<club>, beaten by a score on home soil (in the earlier meeting)": its home defeat, opponent by the calendar
    text = ("Lazio v Roma\n\nLazio never looked like scoring as Roma, hammered 4-0 on home soil in the "
            "reverse fixture, made amends at last.")
    assert matches(claims(extractor, text, "en")) == [("Lazio", "Roma", "home", None, None, None),
                                                      ("Roma", None, "home", 0, 4, "played")]


def _statuses(c):
    return sorted((s.player, s.status, s.match_key) for s in c.statuses)


def test_two_other_clubs_going_head_to_head_are_a_match_told_aside(extractor):
    # "<A> and <B> go head-to-head": their match; the story stays with the focus club's match
    text = ("Juventus v Atalanta\n\nJuventus drew 1-1 with Atalanta on Wednesday.\n\n"
            "Behind Milan, Lazio and Roma go head-to-head in the capital.\n\n"
            "Atalanta hit back shortly after Josip Ilicic came off the bench.")
    c = claims(extractor, text, "en")
    assert matches(c) == [("Juventus", "Atalanta", "home", 1, 1, "played"), ("Lazio", "Roma", None, None, None, None)]
    assert _statuses(c) == [("Josip Iličić", "substituted_on", c.matches[0].key)]


@pytest.mark.parametrize("sentence,expected", [
    # "<A> scored too, as did <B>": both scored
    ("Dzeko scored too, as did Henrikh Mkhitaryan on a night when Roma took control.",
     [("Edin Džeko", "Roma", None, False, False, "t#m1"), ("Henrikh Mkhitaryan", "Roma", None, False, False, "t#m1")]),
    # 'as did' after a clause that tells no goal credits no one
    ("Dzeko played well, as did Henrikh Mkhitaryan.", []),
])
def test_a_goal_echoed_by_as_did(extractor, sentence, expected):
    text = "Roma v Torino\n\nRoma beat Torino 3-0.\n\n" + sentence
    assert _goals(claims(extractor, text, "en")) == expected


@pytest.mark.parametrize("sentence,expected", [
    # "<club> were a quarter-hour from <verb>ing to a 0-0 draw": no 0-0 was played
    ("Roma stood a quarter-hour from crashing to a 0-0 draw before the late goal.", []),
    ("Roma were minutes away from a 1-1 draw.", []),
    # a draw that came is still one
    ("Roma slumped to a 0-0 draw.", [("Roma", None, None, 0, 0, "played")]),
])
def test_a_result_a_club_was_minutes_from_did_not_happen(extractor, sentence, expected):
    assert matches(claims(extractor, "Serie A round-up\n\n" + sentence, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    # "the <club> captain": that club's captain
    ("Roma ratings\n\nThe Roma captain barely touched the ball.", [("Edin Džeko", "captain", None)]),
    ("Roma ratings\n\nThe Roma captain's armband was lost.", []),
])
def test_the_captain_of_a_named_club(extractor, text, expected):
    assert _statuses(claims(extractor, text, "en")) == expected


@pytest.mark.parametrize("sentence,expected", [
    # "<coach> opted for two <players> behind <A> in <B> and <C>": B and C started
    ("To that end, Fonseca opted for two wide forwards behind Dzeko in Henrikh Mkhitaryan and Lorenzo Pellegrini.",
     [("Henrikh Mkhitaryan", "started", "t#m1"), ("Lorenzo Pellegrini", "started", "t#m1")]),
    # no list introduced by 'in'/'of': the player after the cue
    ("Fonseca opted for Dzeko up front.", [("Edin Džeko", "started", "t#m1")]),
    ("Fonseca opted for a back three.", []),
])
def test_a_coach_opting_for_players_named_after_in(extractor, sentence, expected):
    text = "Roma v Torino\n\nRoma beat Torino 3-0 on Sunday.\n\n" + sentence
    assert _statuses(claims(extractor, text, "en")) == expected


@pytest.mark.parametrize("sentence,expected", [
    # "<coach> gave 19-year-old <player> a chance at centre-forward": he started
    ("Roma coach Paulo Fonseca gave 23-year-old Borja Mayoral a chance at centre-forward.",
     [("Borja Mayoral", "started", "t#m1")]),
    ("Fonseca handed Edin Dzeko the nod.", [("Edin Džeko", "started", "t#m1")]),
    # "In the second half, <player> didn't return because ...": taken off at the break
    ("In the second half, Dzeko didn't return because he had a knock.", [("Edin Džeko", "substituted_off", "t#m1")]),
    ("Dzeko did not reappear after the break.", [("Edin Džeko", "substituted_off", "t#m1")]),
    # returning elsewhere is no substitution
    ("Dzeko did not return to training on Monday.", []),
])
def test_a_start_given_and_a_player_not_back_after_the_break(extractor, sentence, expected):
    text = "Roma v Torino\n\nRoma beat Torino 3-0 on Sunday.\n\n" + sentence
    assert _statuses(claims(extractor, text, "en")) == expected


def test_a_nationality_of_the_other_club_named_before_and_a_goal_on_the_rebound(extractor):
    # "the Brazilian" is Juventus's Danilo, named before, though the article is about Roma
    text = ("Roma v Juventus\n\nRoma beat Juventus 3-1 on Sunday. Roma were the better side for an hour.\n\n"
            "Danilo had a header on an open goal blocked by Pau Lopez, but the Brazilian was able to "
            "tap in on the rebound.")
    assert _goals(claims(extractor, text, "en")) == [("Danilo", "Juventus", None, False, False, "t#m1")]


def test_a_first_leg_that_ended_goalless_holds_no_goal_of_the_second(extractor):
    # "the first leg ... ended scoreless": a 0-0; the goals told next are the 3-1's, not its
    text = ("Roma v Fiorentina\n\nRoma beat Fiorentina 3-1 in their semi-final second leg.\n\n"
            "The first leg at the Stadio Franchi ended scoreless a week before, but Dzeko and Mkhitaryan "
            "made the difference this time.\n\n"
            "Roma went ahead early and the scoring was opened by Dzeko.\n\n"
            "After the interval Franck Ribery started to find space.")
    c = claims(extractor, text, "en")
    assert matches(c) == [("Roma", "Fiorentina", "home", 3, 1, "played"), ("Roma", "Fiorentina", "away", 0, 0, "played")]
    assert _goals(c) == [("Edin Džeko", "Roma", None, False, False, c.matches[0].key)]
    assert _statuses(c) == []


@pytest.mark.parametrize("sentence", [
    "Edin Dzeko equalised in the 55th minute.",
    "Edin Dzeko pulled one back in the 55th minute.",
    "Edin Dzeko pulled a goal back in the 55th minute.",
    "Edin Dzeko made it 2-1 in the 55th minute.",
    "Edin Dzeko added a second in the 55th minute.",
    "Edin Dzeko broke the deadlock in the 55th minute.",
    "Edin Dzeko gave Roma the lead in the 55th minute.",
    "Edin Dzeko restored Roma's lead in the 55th minute.",
    "Edin Dzeko scored after 55 minutes.",
    "Edin Dzeko scored on 55 minutes.",
    "Edin Dzeko scored 55 minutes in.",
])
def test_common_verbs_of_scoring(extractor, sentence):
    text = "Roma v Torino\n\nRoma beat Torino 3-1.\n\n" + sentence
    assert _goals(claims(extractor, text, "en")) == [("Edin Džeko", "Roma", 55, False, False, "t#m1")]


def test_striking_the_woodwork_is_no_goal(extractor):
    text = "Roma v Torino\n\nRoma beat Torino 3-1.\n\nEdin Dzeko struck the bar with a fine header."
    assert _goals(claims(extractor, text, "en")) == []


@pytest.mark.parametrize("sentence,expected", [
    ("Borja Mayoral got the nod up front.", [("Borja Mayoral", "started", "t#m1")]),
    ("Borja Mayoral was named in the starting line-up.", [("Borja Mayoral", "started", "t#m1")]),
    ("Borja Mayoral went off injured after an hour.", [("Borja Mayoral", "substituted_off", "t#m1")]),
    ("Borja Mayoral was subbed off after an hour.", [("Borja Mayoral", "substituted_off", "t#m1")]),
    ("Borja Mayoral was subbed on after an hour.", [("Borja Mayoral", "substituted_on", "t#m1")]),
    ("Borja Mayoral was ruled out with a knee injury.", [("Borja Mayoral", "left_out", "t#m1")]),
    ("Borja Mayoral was given the nod up front.", [("Borja Mayoral", "started", "t#m1")]),
    ("Borja Mayoral's introduction changed the game.", [("Borja Mayoral", "substituted_on", "t#m1")]),
    ("The introduction of Borja Mayoral changed the game.", [("Borja Mayoral", "substituted_on", "t#m1")]),
    # a goal ruled out is no player ruled out
    ("Borja Mayoral's goal was ruled out for offside.", []),
])
def test_common_phrases_of_the_line_up(extractor, sentence, expected):
    text = "Roma v Torino\n\nRoma beat Torino 3-1 on Sunday.\n\n" + sentence
    assert _statuses(claims(extractor, text, "en")) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Roma routed Torino 4-0 on Sunday.", ("Roma", "Torino", None, 4, 0, "played")),
    ("Roma swept aside Torino on Sunday.", ("Roma", "Torino", None, None, None, "played")),
    ("Roma saw off Torino 2-1 on Sunday.", ("Roma", "Torino", None, 2, 1, "played")),
    ("Roma eased past Torino 3-0 on Sunday.", ("Roma", "Torino", None, 3, 0, "played")),
    ("Roma fell to Torino on Sunday.", ("Roma", "Torino", None, None, None, "played")),
    ("Roma were held to a 1-1 draw by Torino on Sunday.", ("Roma", "Torino", None, 1, 1, "played")),
    ("Roma shared the spoils with Torino on Sunday.", ("Roma", "Torino", None, None, None, "played")),
])
def test_common_verbs_of_a_result(extractor, sentence, expected):
    c = claims(extractor, "Serie A\n\n" + sentence, "en")
    assert matches(c) == [expected]
