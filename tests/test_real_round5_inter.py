"""Constructions of real reporting found in the second saga of the development set (issue 10,
round 5: a player's story told around substitutions and appearances), each in a sentence written
for the test with the structure of the real one (other words, other clubs and players)."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401


def _statuses(c):
    return sorted((s.player, s.status, s.match_key) for s in c.statuses)


def test_a_coach_calls_a_player_back_and_another_comes_on_in_his_place(extractor):
    # present tense, the coach as subject, the player after the verb; then "al suo posto entra X"
    text = ("Roma-Lazio\n\nRoma-Lazio, minuto 80: sotto di un gol, Paulo Fonseca richiama in panchina "
            "Edin Dzeko. Al suo posto entra Borja Mayoral.")
    c = claims(extractor, text, "it")
    assert matches(c) == [("Roma", "Lazio", "home", None, None, None)]
    assert _statuses(c) == [("Borja Mayoral", "substituted_on", "t#m1"), ("Edin Džeko", "substituted_off", "t#m1")]


def test_matches_recalled_in_brackets_are_not_the_substitutions_match(extractor):
    text = ("Roma-Lazio\n\nRoma-Lazio, minuto 80: Paulo Fonseca richiama in panchina Edin Dzeko. "
            "Al suo posto entra Borja Mayoral (zero minuti contro Napoli e Torino).")
    c = claims(extractor, text, "it")
    assert [m[:2] for m in matches(c)] == [("Roma", "Lazio"), ("Roma", "Napoli"), ("Roma", "Torino")]
    assert _statuses(c) == [("Borja Mayoral", "substituted_on", "t#m1"), ("Edin Džeko", "substituted_off", "t#m1")]


def test_the_day_since_which_a_player_has_not_played_is_no_match(extractor):
    text = "Roma-Lazio\n\nAl suo posto entra Borja Mayoral, che non scendeva in campo dal 3 ottobre."
    c = claims(extractor, text, "it")
    assert matches(c) == [("Roma", "Lazio", "home", None, None, None)]
    assert _statuses(c) == [("Borja Mayoral", "substituted_on", "t#m1")]


def test_in_his_place_names_the_player_who_went_off_before_it(extractor):
    text = ("Roma-Lazio\n\nGara combattuta, ma la Lazio perde Ciro Immobile per infortunio al 20': "
            "al suo posto entra Vedat Muriqi.")
    assert _statuses(claims(extractor, text, "it")) == [
        ("Ciro Immobile", "substituted_off", "t#m1"), ("Vedat Muriqi", "substituted_on", "t#m1")]


@pytest.mark.parametrize("lang,text,scorers", [
    ("en", "Roma won 1-0 thanks to Edin Dzeko. He dribbled past Lazio defender Francesco Acerbi and scored "
           "with a low shot.", []),
    # Dutch "met 1-0 dankzij X" names the scorer of the result (a goal cue of its own); the defender
    # the pronoun dribbled past still scores nothing
    ("nl", "Roma won met 1-0 dankzij Edin Dzeko. Hij kapte Lazio-verdediger Francesco Acerbi uit en scoorde "
           "met een schuiver.", [("Edin Džeko", "t#m1")]),
])
def test_the_player_a_pronoun_dribbled_past_did_not_score(extractor, lang, text, scorers):
    c = claims(extractor, "Roma-Lazio 1-0\n\n" + text, lang)
    assert matches(c) == [("Roma", "Lazio", "home", 1, 0, "played")]
    assert [(g.scorer, g.match_key) for g in c.goals] == scorers


def _events(c):
    return [(e.event_type, e.agents, e.targets) for e in c.events]


def test_a_departure_after_a_pronoun_is_not_the_coach_s(extractor):
    # "hij" is the story's player; the coach only kept him on the bench
    text = ("Roma wil Pedro verkopen\n\nIn de laatste twee wedstrijden voor het duel met Napoli mocht hij "
            "niet eens invallen van Paulo Fonseca en een vertrek lijkt nu aanstaande.")
    assert _events(claims(extractor, text, "nl")) == [("transfer_report", [], ["Pedro"])]


def test_a_match_s_opponent_is_no_party_to_a_departure(extractor):
    text = ("Roma wil Pedro verkopen\n\nPedro Rodríguez speelde amper in het duel met Napoli en een vertrek "
            "lijkt nu aanstaande.")
    assert _events(claims(extractor, text, "nl")) == [("transfer_report", [], ["Pedro"]),
                                                      ("transfer_report", [], ["Pedro"])]


def test_not_taking_part_in_the_match_the_story_is_about(extractor):
    # the second sentence's "match" names only a ground the knowledge base lacks: the story's match
    text = ("Pirlo alla vigilia della sfida di campionato tra Genoa e Juventus ha parlato del futuro di Arthur.\n\n"
            "Il brasiliano, nel frattempo, non prenderà parte alla gara al ‘Ferraris' perché deve restare "
            "vicino alla famiglia.")
    c = claims(extractor, text, "it")
    assert [m[:2] for m in matches(c)] == [("Genoa", "Juventus"), ("Juventus", None)]
    assert _statuses(c) == [("Arthur", "left_out", "t#m1")]


def test_played_the_whole_match_between_the_lines(extractor):
    text = "Roma-Lazio 2-1\n\nRoma, met Chris Smalling de hele wedstrijd tussen de lijnen, kreeg daarna goede kansen."
    assert _statuses(claims(extractor, text, "nl")) == [("Chris Smalling", "started", "t#m1")]


def test_ever_further_from_the_club_is_a_departure(extractor):
    c = claims(extractor, "Il futuro di Pedro\n\nPedro sembra essere sempre più lontano dalla Roma.", "it")
    assert _statuses(c) == [("Pedro", "expected_departure", None)]
    assert _events(c) == [("transfer_report", [], ["Pedro"])]


@pytest.mark.parametrize("lang,text", [
    ("nl", "Bruno Peres keerde deze week terug van een blessure. Roma won, met Chris Smalling de hele wedstrijd "
           "tussen de lijnen. De Braziliaanse verdediger was in de 80ste minuut ingevallen."),
    ("en", "Bruno Peres returned from injury this week. Roma won, and Chris Smalling played the full 90 minutes. "
           "The Brazilian defender came off the bench in the 80th minute."),
])
def test_a_nationality_and_a_position_name_the_player_of_that_nationality(extractor, lang, text):
    # not the last player named (Smalling, who started)
    assert _statuses(claims(extractor, "Roma-Lazio 1-0\n\n" + text, lang)) == [
        ("Bruno Peres", "substituted_on", "t#m1"), ("Chris Smalling", "started", "t#m1")]


def test_never_seeing_eye_to_eye_is_a_dispute_of_the_pair_named_before(extractor):
    text = ("Roma and Pedro\n\nPedro will not get a Christmas card from Paulo Fonseca this year. "
            "The pair have never seen eye to eye, neither personally nor tactically.")
    assert _events(claims(extractor, text, "en")) == [("dispute", ["Paulo Fonseca", "Pedro"], [])]
