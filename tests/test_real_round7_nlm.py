"""Round 7 on real Dutch reporting (issue 10), matches: how Dutch reports name a fixture and its
result, found in the development set and tested here with sentences written for this file (other
clubs and players, other words, the same grammar). No sentence here comes from a real article."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401


def _nl(extractor, text):
    return matches(claims(extractor, "Verzonnen bericht\n\n" + text, "nl"))


@pytest.mark.parametrize("text,expected", [
    # result nouns and idioms: a win ('winst'), a defeat ('verlies', 'ging onderuit', 'ging ten
    # onder', 'moest buigen voor', 'moest zijn meerdere erkennen in'), a rout ('walste over X heen')
    ("Sassuolo boekte een 3-0 winst op Udinese.", [("Sassuolo", "Udinese", "home", 3, 0, "played")]),
    ("Torino ging zaterdag met 0-2 onderuit tegen Cagliari.", [("Torino", "Cagliari", "home", 0, 2, "played")]),
    ("Torino ging met 3-1 onderuit bij Cagliari.", [("Torino", "Cagliari", "away", 1, 3, "played")]),
    ("Spezia ging zaterdag met 4-2 ten onder tegen Bologna.", [("Spezia", "Bologna", "away", 2, 4, "played")]),
    ("Parma moest zondag met 2-0 buigen voor Lazio.", [("Parma", "Lazio", "away", 0, 2, "played")]),
    ("Crotone moest zijn meerdere erkennen in Sampdoria (1-2).", [("Crotone", "Sampdoria", "home", 1, 2, "played")]),
    ("Fiorentina walste zondag met 4-0 over Benevento heen.", [("Fiorentina", "Benevento", "home", 4, 0, "played")]),
    ("Sassuolo deelde zaterdag de punten met Bologna: 2-2.", [("Sassuolo", "Bologna", None, 2, 2, "played")]),
    ("Genoa speelde zondag met 1-1 gelijk bij Verona.", [("Genoa", "Hellas Verona", "away", 1, 1, "played")]),
    # no score and no club: no match
    ("Sassuolo wil de winst van vorig seizoen herhalen.", []),
    ("Torino ging in de slotfase nog onderuit.", []),
])
def test_result_nouns_and_idioms(extractor, text, expected):
    assert _nl(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    # meeting a club: the opponent right after the verb
    ("Udinese trof zaterdag Cagliari.", [("Udinese", "Cagliari", None, None, None, "played")]),
    ("Udinese treft zaterdag Cagliari.", [("Udinese", "Cagliari", None, None, None, "scheduled")]),
    ("Udinese ontmoette zaterdag Cagliari.", [("Udinese", "Cagliari", None, None, None, "played")]),
    # being a guest ('te gast bij') is playing away
    ("Udinese is zaterdag te gast bij Cagliari.", [("Udinese", "Cagliari", "away", None, None, None)]),
    ("Udinese was zaterdag te gast bij Cagliari en verloor met 2-0.",
     [("Udinese", "Cagliari", "away", 0, 2, "played")]),
    # an adverb between the verb and its connector
    ("Udinese won zaterdag ook van Cagliari.", [("Udinese", "Cagliari", None, None, None, "played")]),
])
def test_meeting_a_club(extractor, text, expected):
    assert _nl(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the perfect 'heeft X verslagen': the subject won, the club between is the opponent
    ("Sassuolo heeft zaterdag Udinese met 3-1 verslagen.", [("Sassuolo", "Udinese", "home", 3, 1, "played")]),
    ("Sassuolo heeft Udinese verslagen.", [("Sassuolo", "Udinese", None, None, None, "played")]),
    # 'zich laten verslaan door': a defeat
    ("Sassuolo heeft zich zaterdag laten verslaan door Udinese.", [("Sassuolo", "Udinese", None, None, None, "played")]),
])
def test_perfect_and_passive_defeat(extractor, text, expected):
    assert _nl(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    # two clubs that meet each other: the pair, home first as written
    ("Bologna en Parma spelen zaterdag tegen elkaar.", [("Bologna", "Parma", None, None, None, "scheduled")]),
    ("Bologna en Parma troffen elkaar zaterdag.", [("Bologna", "Parma", None, None, None, "played")]),
    ("Volgende week zaterdag strijden Bologna en Parma in een onderling duel om de negende plaats.",
     [("Bologna", "Parma", None, None, None, "scheduled")]),
])
def test_two_clubs_meet_each_other(extractor, text, expected):
    assert _nl(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a result word right after a bracketed score orients it: '(1-0 verlies)' is a defeat
    ("Cagliari speelde vorige week tegen Lazio (1-0 verlies) zonder spits.",
     [("Cagliari", "Lazio", "away", 0, 1, "played")]),
    ("Cagliari speelde vorige week tegen Lazio (2-0 winst) zonder spits.",
     [("Cagliari", "Lazio", "home", 2, 0, "played")]),
    # the winner written first, against the home-away order: the result word decides
    ("Torino won zondag met 2-1 bij Cagliari.", [("Torino", "Cagliari", "away", 2, 1, "played")]),
])
def test_a_result_word_orients_the_score(extractor, text, expected):
    assert _nl(extractor, text) == expected


def test_an_infinitive_win_is_no_result_told(extractor):
    # 'moet winnen van': still to come, not played
    assert _nl(extractor, "Parma moet zondag winnen van Genoa.") == [("Parma", "Genoa", None, None, None, "scheduled")]


def test_a_demonym_names_the_club_of_that_country(extractor):
    # 'de Duitsers' is the one German club the article named so far, though a second one comes later
    text = ("Lazio bereidt zich voor op Borussia Dortmund. Lazio speelt woensdag tegen de Duitsers. "
            "Eerder verloor Dortmund van RB Leipzig.")
    got = _nl(extractor, text)
    assert ("Lazio", "Borussia Dortmund", None, None, None, "scheduled") in got


def test_a_club_described_and_not_named_has_no_match(extractor):
    # 'de koploper' names no club: no match of the article's own club is made of it
    text = "Sassuolo won zaterdag van Genoa. De koploper, die ook Europees speelt, ging zondag met 2-0 onderuit."
    assert _nl(extractor, text) == [("Sassuolo", "Genoa", None, None, None, "played")]


def test_whom_a_win_was_for(extractor):
    # 'De zege op X was voor Y ...': Y's match, though the article is about another club
    text = "Fiorentina verloor zondag van Roma. De zege op Spezia was voor Sassuolo de derde op rij."
    got = _nl(extractor, text)
    assert ("Sassuolo", "Spezia", None, None, None, "played") in got


def test_after_half_time_is_a_played_match(extractor):
    assert _nl(extractor, "Napoli gaf na rust een voorsprong uit handen tegen Roma.") == \
        [("Napoli", "Roma", None, None, None, "played")]


def _statuses(c):
    by_key = {m.key: (m.subject, m.opponent, m.subject_goals, m.opponent_goals) for m in c.matches}
    return sorted({(s.player, s.status, by_key.get(s.match_key)) for s in c.statuses})


def test_a_match_weeks_back_is_a_look_back(extractor):
    # the story stays on the match it tells; the players missing after the look back miss that match
    text = ("Verzonnen verslag\n\nNapoli won zondag met 2-0 van Roma. Drie weken geleden walste Roma nog met 3-0 "
            "over Napoli heen. Bij Roma lagen Smalling en Mancini in de lappenmand.")
    c = claims(extractor, text, "nl")
    assert ("Roma", "Napoli", 3, 0) in {(m.subject, m.opponent, m.subject_goals, m.opponent_goals) for m in c.matches}
    assert [s for s in _statuses(c) if s[0] == "Chris Smalling"] == \
        [("Chris Smalling", "left_out", ("Napoli", "Roma", 2, 0))]


def test_a_match_named_by_its_place_in_a_series_is_recalled(extractor):
    # 'het eerste groepsduel met X', then 'de zege op X': both recall that match; the report goes on
    text = ("Verzonnen verslag\n\nLazio speelde woensdag met 1-1 gelijk tegen Borussia Dortmund. "
            "De Romeinen wonnen het eerste groepsduel met Club Brugge met 1-3. De zege op Club Brugge was "
            "welkom. Bij Lazio ontbrak Ciro Immobile met een blessure.")
    c = claims(extractor, text, "nl")
    assert [s for s in _statuses(c) if s[0] == "Ciro Immobile"] == \
        [("Ciro Immobile", "left_out", ("Lazio", "Borussia Dortmund", 1, 1))]


@pytest.mark.parametrize("text,expected", [
    # Dutch puts the verb second: after a fronted time or phrase, the club after the verb is its
    # subject, not the opponent of the article's club (here Fiorentina)
    ("Zondag won Torino met 2-1 van Cagliari.", [("Torino", "Cagliari", "home", 2, 1, "played")]),
    ("In de Serie A verloor Torino zondag met 2-1 van Cagliari.", [("Torino", "Cagliari", "away", 1, 2, "played")]),
    ("Zaterdag versloeg Torino Cagliari met 3-0.", [("Torino", "Cagliari", "home", 3, 0, "played")]),
    ("Woensdag ontvangt Torino Cagliari.", [("Torino", "Cagliari", "home", None, None, "scheduled")]),
    # no opponent after the subject: no match of the article's club
    ("Zondag won Torino met 2-1.", [("Torino", None, "home", 2, 1, "played")]),
])
def test_verb_second(extractor, text, expected):
    text = "Fiorentina in de Serie A\n\nFiorentina won zaterdag met 3-0 van Parma. " + text
    assert matches(claims(extractor, text, "nl"))[1:] == expected


@pytest.mark.parametrize("text,expected", [
    # at home in other words, 'de betere van', a result noun with its participle before the connector
    ("Spezia won zaterdag in eigen huis met 2-0 van Crotone.", [("Spezia", "Crotone", "home", 2, 0, "played")]),
    ("Spezia was zaterdag met 2-0 de betere van Crotone.", [("Spezia", "Crotone", "home", 2, 0, "played")]),
    ("Spezia heeft zaterdag een 0-2 zege geboekt op Crotone.", [("Spezia", "Crotone", "away", 2, 0, "played")]),
    ("Spezia speelt zaterdag uit bij Crotone.", [("Spezia", "Crotone", "away", None, None, "scheduled")]),
])
def test_more_ways_to_tell_a_result_and_a_venue(extractor, text, expected):
    assert _nl(extractor, text) == expected
