"""Round 5 on real Dutch reporting (issue 10): constructions found in the development set, each
tested with sentences written for this file (other clubs and players, other words, the same
grammar). No sentence here comes from a real article."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401


@pytest.mark.parametrize("text,expected", [
    # a win told by a compound noun ("record win", "league win"), its score after 'van'
    ("Verzonnen. Napoli boekte zondag een monsterzege van 0-8 op Crotone.",
     [("Napoli", "Crotone", "away", 8, 0, "played")]),
    ("Verzonnen. Sassuolo nam zaterdag met een competitiezege van 4-1 tegen Genoa de koppositie over.",
     [("Sassuolo", "Genoa", "home", 4, 1, "played")]),
    # the winner named by its demonym in a genitive, the score in brackets after the loser
    ("Verzonnen. Hij had een groot aandeel in de recordzege van de Amsterdammers tegen Crotone (0-9).",
     [("Ajax", "Crotone", "away", 9, 0, "played")]),
])
def test_wins_told_by_a_compound_noun(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected


@pytest.mark.parametrize("text,expected", [
    # Eredivisie clubs outside the Serie A / Champions League calendar, by name and alias
    ("Verzonnen. Lazio won in de competitie met 5-0 van VVV.", [("Lazio", "VVV-Venlo", "home", 5, 0, "played")]),
    ("Verzonnen. Roma won zondag met 0-3 bij VVV Venlo.", [("Roma", "VVV-Venlo", "away", 3, 0, "played")]),
])
def test_eredivisie_clubs_are_known(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected


GOAL_REPORT = "Verzonnen verslag\n\nRoma speelde zondag met 2-2 gelijk tegen Sassuolo. "


@pytest.mark.parametrize("text,expected", [
    # the scorer between the verb and its object (inverted word order)
    ("Na een kwartier opende Edin Džeko dan de score.", [("Edin Džeko", None, False)]),
    # a separable verb around the score or the spot
    ("Jordan Veretout knalde de 1-0 binnen.", [("Jordan Veretout", None, False)]),
    ("Jordan Veretout schoot vanaf de stip binnen.", [("Jordan Veretout", None, True)]),
    # 'signed for the 2-0': only with a score, not 'signed for the club'
    ("Jordan Veretout tekende in de 38e minuut voor de 2-0.", [("Jordan Veretout", 38, False)]),
    ("Jordan Veretout tekende voor de club tot 2024.", []),
    # a running score named by its scorer: 'de 1-2 van X', 'de 2-2 via Y'
    ("Roma kwam terug na de 1-2 van Edin Džeko en de 2-2 via Jordan Veretout.",
     [("Edin Džeko", None, False), ("Jordan Veretout", None, False)]),
    # the goal noun before a verb at the end of a subordinate clause; 'with a goal'
    ("Roma kwam langszij, nadat Borja Mayoral de tweede treffer van het duel aantekende.",
     [("Borja Mayoral", None, False)]),
    ("Edin Džeko besliste het duel met een fraaie treffer.", [("Edin Džeko", None, False)]),
    # 'twice on target' is two goals
    ("Daarna was Edin Džeko twee keer trefzeker.", [("Edin Džeko", None, False), ("Edin Džeko", None, False)]),
])
def test_goals_told_in_prose(extractor, text, expected):
    c = claims(extractor, GOAL_REPORT + text, "nl")
    (m,) = c.matches
    assert all(g.match_key == m.key for g in c.goals)
    assert sorted((g.scorer, g.minute, g.penalty) for g in c.goals) == expected


PREVIEW = "Verzonnen voorbeschouwing\n\nRoma speelt zondag tegen Sassuolo. "


def _statuses(c):
    by_key = {m.key: m.opponent for m in c.matches}
    return sorted((s.player, s.status, by_key.get(s.match_key)) for s in c.statuses)


@pytest.mark.parametrize("text,expected", [
    # 'begins with X, Y and Z': the players right after 'met' start; nothing when no player follows it
    ("Roma begint zondagavond alsnog met Edin Džeko, Chris Smalling en Jordan Veretout aan het duel.",
     [("Chris Smalling", "started"), ("Edin Džeko", "started"), ("Jordan Veretout", "started")]),
    ("De wedstrijd begint met een minuut stilte voor Edin Džeko.", []),
    # 'X and Y are the full-backs'
    ("Leonardo Spinazzola en Rick Karsdorp zijn de backs.",
     [("Leonardo Spinazzola", "started"), ("Rick Karsdorp", "started")]),
    # a keeper who 'keeps', a player 'under the bar', 'stands in midfield / in defence'
    ("Bij Sassuolo keept de debuterende Andrea Consigli. Manuel Locatelli staat op het middenveld.",
     [("Andrea Consigli", "started"), ("Manuel Locatelli", "started")]),
    ("Roma, met Pau López onder de lat, wil winnen.", [("Pau López", "started")]),
    ("Doordat Chris Smalling in de verdediging staat, wacht Gianluca Mancini zijn kans af.",
     [("Chris Smalling", "started")]),
    ("Stephan El Shaarawy en Justin Kluivert zijn de vleugelaanvallers.",
     [("Justin Kluivert", "started"), ("Stephan El Shaarawy", "started")]),
    # 'is replaced by' in a preview is a change in the team, not a substitution in the match
    ("Edin Džeko is afwezig. Džeko wordt vervangen door Borja Mayoral, die voor het eerst bij de selectie zit.",
     [("Edin Džeko", "left_out")]),
    # 'cannot count on <a name the KB lacks>, so X ...': the status is the unknown one's, not X's
    ("Paulo Fonseca kan niet beschikken over de geblesseerde Jan Pietersen, waardoor Borja Mayoral de kans "
     "krijgt in de spits.", []),
])
def test_preview_statuses(extractor, text, expected):
    c = claims(extractor, PREVIEW + text, "nl")
    assert _statuses(c) == [(p, s, "Sassuolo") for p, s in expected]


def test_ajax_squad_players_the_articles_name_are_known(extractor):
    text = ("Verzonnen voorbeschouwing\n\nAjax speelt zondag tegen Liverpool. Ajax begint met Brian Brobbey en "
            "Jurgen Ekkelenkamp. Klaas-Jan Huntelaar is afwezig. Alex Oxlade-Chamberlain bleef op de bank.")
    c = claims(extractor, text, "nl")
    assert sorted((s.player, s.status) for s in c.statuses) == [
        ("Alex Oxlade-Chamberlain", "unused_substitute"), ("Brian Brobbey", "started"),
        ("Jurgen Ekkelenkamp", "started"), ("Klaas-Jan Huntelaar", "left_out")]


def _goals(c):
    return sorted((g.scorer, g.team, g.penalty) for g in c.goals)


@pytest.mark.parametrize("text,expected", [
    # 'A passed B and scored': the scorer is the clause's subject, never the player passed
    ("Inter speelde dinsdag met 2-1 gelijk tegen Milan. Zlatan Ibrahimović passeerde Marcelo Brozović "
     "en scoorde met links.", [("Zlatan Ibrahimović", "Milan", False)]),
    # ... and with a pronoun for the subject no one is credited
    ("Inter speelde dinsdag met 2-1 gelijk tegen Milan. Hij speelde Inter-middenvelder Marcelo Brozović "
     "uit en scoorde met een lage bal.", []),
])
def test_goal_of_the_second_verb_is_the_subjects(extractor, text, expected):
    assert _goals(claims(extractor, "Verzonnen\n\n" + text, "nl")) == expected


@pytest.mark.parametrize("text,expected", [
    # 'a penalty by X and a tap-in by Y'; a penalty that was stopped is no goal
    ("Roma speelde dinsdag met 2-2 gelijk tegen Lazio. Roma nam de leiding door een penalty van Edin Džeko "
     "en een intikker van Henrikh Mkhitaryan.",
     [("Edin Džeko", "Roma", True), ("Henrikh Mkhitaryan", "Roma", False)]),
    ("Roma speelde dinsdag met 2-2 gelijk tegen Lazio. Een penalty van Edin Džeko werd gestopt.", []),
    # 'came back to 2-2 thanks to X'
    ("Roma speelde dinsdag met 2-2 gelijk tegen Lazio. Roma knokte zich terug tot 2-2 dankzij Edin Džeko.",
     [("Edin Džeko", "Roma", False)]),
])
def test_goals_by_a_kind_of_shot_or_thanks_to(extractor, text, expected):
    assert _goals(claims(extractor, "Verzonnen\n\n" + text, "nl")) == expected


@pytest.mark.parametrize("text,expected", [
    # 'leaves <town / club>': a departure from the KB club of the player only when it is that club
    ("Verzonnen bericht: Lorenzo Insigne vertrekt uit Bergamo.", []),
    ("Verzonnen bericht: Lorenzo Insigne vertrekt bij Napoli.", [("Lorenzo Insigne", "expected_departure")]),
])
def test_departure_from_another_club_is_not_from_the_kb_club(extractor, text, expected):
    c = claims(extractor, "Verzonnen\n\n" + text, "nl")
    assert sorted((s.player, s.status) for s in c.statuses) == expected


@pytest.mark.parametrize("text,expected", [
    # 'X, who was missing against <a club the KB lacks>, ...': a status in another match
    ("Ajax speelt dinsdag tegen Liverpool. Antony, die tegen Sparta ontbrak in de wedstrijdselectie, is hersteld.", []),
    ("Ajax speelt dinsdag tegen Liverpool. Antony ontbrak in de wedstrijdselectie.", [("Antony", "left_out")]),
])
def test_status_against_an_unknown_club_is_another_match(extractor, text, expected):
    c = claims(extractor, "Verzonnen\n\n" + text, "nl")
    assert sorted((s.player, s.status) for s in c.statuses) == expected


def test_blind_is_the_ajax_defender_only_when_written_as_a_name(extractor):
    text = ("Verzonnen voorbeschouwing\n\nAjax speelt dinsdag tegen Atalanta. De verdediging van Ajax wordt "
            "gevormd door Perr Schuurs, Blind en Nicolás Tagliafico. Ajax speelt niet blind op de uitslag.")
    c = claims(extractor, text, "nl")
    assert sorted((s.player, s.status) for s in c.statuses) == [
        ("Daley Blind", "started"), ("Nicolás Tagliafico", "started"), ("Perr Schuurs", "started")]


@pytest.mark.parametrize("text,expected", [
    # 'X was replaced by Y' after the article told X absent: a change of the line-up
    ("Roma verloor dinsdag met 0-1 van Lazio. Roma begon zonder Edin Džeko (ziek). Džeko werd vervangen door "
     "Borja Mayoral.", [("Borja Mayoral", "started"), ("Edin Džeko", "left_out")]),
    # without it, a substitution in the match
    ("Roma verloor dinsdag met 0-1 van Lazio. Džeko werd vervangen door Borja Mayoral.",
     [("Borja Mayoral", "substituted_on"), ("Edin Džeko", "substituted_off")]),
])
def test_replaced_after_told_absent_is_a_lineup_change(extractor, text, expected):
    c = claims(extractor, "Verzonnen\n\n" + text, "nl")
    assert sorted({(s.player, s.status) for s in c.statuses}) == expected


def test_missing_big_names_such_as(extractor):
    text = ("Verzonnen\n\nLiverpool verloor woensdag met 0-2 van Atalanta. Bij Liverpool ontbraken opnieuw "
            "grote namen als Alisson Becker en Thiago Alcântara.")
    c = claims(extractor, text, "nl")
    assert sorted((s.player, s.status) for s in c.statuses) == [
        ("Alisson Becker", "left_out"), ("Thiago Alcântara", "left_out")]


def _events(c):
    return sorted((e.event_type, tuple(e.agents), tuple(e.targets)) for e in c.events)


@pytest.mark.parametrize("text,expected", [
    # a move of someone the KB lacks is not credited to the KB player named near it
    ("Verzonnen: Roma haalde de ervaren Jan Pietersen weg bij Napoli, de club van Lorenzo Insigne.", []),
    # moves told with their destination
    ("Verzonnen: Lorenzo Insigne trekt naar Atalanta.", [("transfer_report", ("Atalanta",), ("Lorenzo Insigne",))]),
    ("Verzonnen: Lorenzo Insigne tekent een contract bij Atalanta.",
     [("transfer_report", ("Atalanta",), ("Lorenzo Insigne",))]),
])
def test_transfer_reports(extractor, text, expected):
    assert _events(claims(extractor, "Verzonnen\n\n" + text, "nl")) == expected


@pytest.mark.parametrize("text,expected", [
    # 'was not allowed on by <coach> and a departure looks near': the coach is not the one leaving
    ("Verzonnen: de laatste wedstrijden mocht hij niet invallen van Paulo Fonseca en een vertrek lijkt aanstaande.",
     []),
    # 'the departure of <coach>' is his
    ("Verzonnen: een vertrek van Paulo Fonseca lijkt aanstaande.", [("transfer_report", (), ("Paulo Fonseca",))]),
])
def test_coach_after_an_agent_word_is_not_leaving(extractor, text, expected):
    assert _events(claims(extractor, "Verzonnen\n\n" + text, "nl")) == expected


@pytest.mark.parametrize("text,expected", [
    # 'the team of <coach>' is his club; 'rekende af met' is a win
    ("Verzonnen. De ploeg van Paulo Fonseca rekende zondag af met Torino.",
     [("Roma", "Torino", None, None, None, "played")]),
    ("Verzonnen. Napoli rekende zondag af met Torino.", [("Napoli", "Torino", None, None, None, "played")]),
])
def test_team_of_the_coach_and_settling_with(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected


def test_outplayed_by_is_a_defeat(extractor):
    text = "Verzonnen. Een zwak Torino werd zondag op alle fronten afgetroefd door Napoli."
    assert matches(claims(extractor, text, "nl")) == [("Torino", "Napoli", None, None, None, "played")]


@pytest.mark.parametrize("text,expected", [
    # 'put <club> ahead', 'doubled the score' (by a nationality description), 'extended the lead'
    ("Verzonnen. Roma won zondag met 2-0 van Torino. Na tien minuten zette Edin Džeko Roma op voorsprong.",
     [("Edin Džeko", "Roma", False)]),
    ("Verzonnen. Roma won zondag met 2-0 van Torino. Torino kreeg geen grip op Edin Džeko en de Bosniër "
     "verdubbelde de score.", [("Edin Džeko", "Roma", False)]),
    ("Verzonnen. Roma won zondag met 2-0 van Torino. Edin Džeko vergrootte de voorsprong.",
     [("Edin Džeko", "Roma", False)]),
    ("Verzonnen. Roma won zondag met 2-0 van Torino. Torino zette Roma onder druk en kwam op voorsprong.", []),
])
def test_goals_that_put_ahead_or_extend(extractor, text, expected):
    assert _goals(claims(extractor, text, "nl")) == expected


@pytest.mark.parametrize("text,expected", [
    # 'werd X met 2-1 verslagen' without an agent, in an article about the winner: the winner's match,
    # its venue left to the calendar
    ("Verzonnen\n\nRoma heeft woensdag de beker gewonnen. In de finale werd Torino met 2-1 verslagen.",
     [("Torino", "Roma", None, 1, 2, "played")]),
    # 'the cup was won by X' tells no match of the article's club
    ("Verzonnen\n\nRoma heeft woensdag de beker gewonnen. In Frankrijk werd het bekertoernooi gewonnen door "
     "Paris Saint-Germain.", []),
])
def test_passive_wins_and_defeats(extractor, text, expected):
    got = matches(claims(extractor, text, "nl"))
    assert [m for m in got if m[1] is not None] == expected
