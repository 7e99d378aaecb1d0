"""Round 6 on real Dutch reporting (issue 10), statuses and events: constructions found in the
development set, each tested with sentences written for this file (other clubs and players, other
words, the same grammar). No sentence here comes from a real article."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor  # noqa: F401


def _statuses(c):
    by_key = {m.key: (m.subject, m.opponent) for m in c.matches}
    return sorted({(s.player, s.status, by_key.get(s.match_key)) for s in c.statuses})


def _events(c):
    return sorted((e.event_type, tuple(e.agents), tuple(e.targets)) for e in c.events)


REPORT = "Verzonnen verslag\n\nNapoli verloor woensdag met 0-2 van Roma. "


@pytest.mark.parametrize("text,expected", [
    # '<list> in de lappenmand' (on the injury table): the players listed before it are left out
    ("Zonder kans, met Mertens, Insigne, Fabián Ruiz en Osimhen in de lappenmand, kwam Napoli niet verder.",
     [("Dries Mertens", "left_out"), ("Fabián Ruiz", "left_out"), ("Lorenzo Insigne", "left_out"),
      ("Victor Osimhen", "left_out")]),
])
def test_on_the_injury_table_is_left_out(extractor, text, expected):
    c = claims(extractor, REPORT + text, "nl")
    assert _statuses(c) == [(p, s, ("Napoli", "Roma")) for p, s in expected]


@pytest.mark.parametrize("text,expected", [
    # a one-word name in a list of another club's players is that club's bearer of the surname
    # (Liverpool's Joe Gomez, not Atalanta's Gómez); an unaccented spelling of a known player
    ("Bij Liverpool lagen Henderson, Alcantara en Gomez in de lappenmand.",
     [("Joe Gomez", "left_out"), ("Jordan Henderson", "left_out"), ("Thiago Alcântara", "left_out")]),
    # one other name only is no list of that club
    ("Bij Liverpool lagen Henderson en Gomez in de lappenmand.",
     [("Alejandro Gómez", "left_out"), ("Jordan Henderson", "left_out")]),
])
def test_a_surname_in_a_list_of_another_clubs_players(extractor, text, expected):
    c = claims(extractor, "Verzonnen verslag\n\nAtalanta won woensdag met 2-0 van Liverpool. " + text, "nl")
    assert _statuses(c) == [(p, s, ("Atalanta", "Liverpool")) for p, s in expected]


@pytest.mark.parametrize("text,expected", [
    # 'a line-up ..., met X, Y én Z' (the emphatic 'én' joins a list too): the players listed start
    ("Paulo Fonseca koos in Napels voor een offensieve opstelling in de eerste helft, met Edin Džeko, "
     "Pedro én Henrikh Mkhitaryan.",
     [("Edin Džeko", "started"), ("Henrikh Mkhitaryan", "started"), ("Pedro", "started")]),
    ("Roma speelde met een opstelling met Edin Džeko en Pedro.", [("Edin Džeko", "started"), ("Pedro", "started")]),
    # no player right after 'met': nothing
    ("Roma speelde met een opstelling met drie verdedigers.", []),
    # 'ontbrak X met een blessure' (the verb before its subject): X is left out (without the reason
    # 'ontbrak X' may be missing from the pitch only); 'zat X op de reservebank'
    ("Bij Napoli ontbrak Kalidou Koulibaly met een enkelblessure en zat Dries Mertens op de reservebank.",
     [("Dries Mertens", "unused_substitute"), ("Kalidou Koulibaly", "left_out")]),
])
def test_lineup_and_absence_in_report_prose(extractor, text, expected):
    c = claims(extractor, REPORT + text, "nl")
    assert _statuses(c) == [(p, s, ("Napoli", "Roma")) for p, s in expected]


def test_a_shared_surname_is_found_as_its_bearers_spell_it(extractor):
    # the knowledge base lists the shared surname without its accent ("Traore"); the text writes
    # the bearer's spelling, resolved by his full name earlier in the article
    text = ("Verzonnen verslag\n\nAjax verloor woensdag met 0-2 van Liverpool. Lassina Traoré was fit. "
            "Bij Ajax ontbrak Traoré wegens een blessure.")
    c = claims(extractor, text, "nl")
    assert _statuses(c) == [("Lassina Traoré", "left_out", ("Ajax", "Liverpool"))]


PREVIEW = "Verzonnen voorbeschouwing\n\nNapoli speelt zondag tegen Roma. "


@pytest.mark.parametrize("text,expected", [
    # the place before the verb: 'op het middenveld staan X en Y'
    ("Op het middenveld staan Piotr Zieliński en Fabián Ruiz.",
     [("Fabián Ruiz", "started", ("Napoli", "Roma")), ("Piotr Zieliński", "started", ("Napoli", "Roma"))]),
    # 'de basisplaats van X'
    ("Door de basisplaats van Victor Osimhen speelt Napoli met twee spitsen.",
     [("Victor Osimhen", "started", ("Napoli", "Roma"))]),
    # an earlier match told beside: 'na zijn basisplek tegen <club>' is a start in that one;
    # '<player>, die tegen <club> uitviel' went off in it
    ("Kalidou Koulibaly mag weer meedoen, na zijn basisplek tegen Lazio (1-0 nederlaag).",
     [("Kalidou Koulibaly", "started", ("Napoli", "Lazio"))]),
    ("Napoli mist Dries Mertens, die tegen Lazio (1-0 nederlaag) al vroeg uitviel.",
     [("Dries Mertens", "substituted_off", ("Napoli", "Lazio"))]),
])
def test_preview_places_and_earlier_matches(extractor, text, expected):
    c = claims(extractor, PREVIEW + text, "nl")
    assert _statuses(c) == sorted(expected)


def test_left_the_field_is_going_off(extractor):
    # 'X verliet geblesseerd het veld': X went off in the match told
    c = claims(extractor, REPORT + "Dries Mertens verliet na rust geblesseerd het veld.", "nl")
    assert _statuses(c) == [("Dries Mertens", "substituted_off", ("Napoli", "Roma"))]


def test_not_there_and_let_come_on(extractor):
    # 'omdat X er (toen) niet bij was': X left out; 'door Y te laten invallen': Y came on
    c = claims(extractor, REPORT + "Omdat Lorenzo Insigne er niet bij was, greep de trainer in door "
               "Matteo Politano te laten invallen.", "nl")
    assert _statuses(c) == [("Lorenzo Insigne", "left_out", ("Napoli", "Roma")),
                            ("Matteo Politano", "substituted_on", ("Napoli", "Roma"))]


@pytest.mark.parametrize("text,expected", [
    # 'who posted X in midfield', 'played with Y as the striker' in an earlier match
    ("Gattuso, die tegen Lazio (1-0 nederlaag) de ervaren Kalidou Koulibaly op het middenveld posteerde en lang "
     "met Dries Mertens als centrumspits speelde, twijfelt.",
     [("Dries Mertens", "started", ("Napoli", "Lazio")), ("Kalidou Koulibaly", "started", ("Napoli", "Lazio"))]),
])
def test_posted_in_midfield_and_played_as_striker(extractor, text, expected):
    assert _statuses(claims(extractor, PREVIEW + text, "nl")) == expected


def test_a_list_earlier_in_the_sentence_is_not_the_clauses(extractor):
    # the status is of the one player its clause names again, not of the list that named him before
    c = claims(extractor, REPORT + "Bij Napoli staan Dries Mertens, Lorenzo Insigne en Victor Osimhen onder "
               "contract, al was de afwezige Insigne niet fit.", "nl")
    assert _statuses(c) == [("Lorenzo Insigne", "left_out", ("Napoli", "Roma"))]


def test_began_as_and_a_full_first_name(extractor):
    # 'begon X (opvallend genoeg) als ...' starts X; 'Daniel Carvajal' (his full first name) keeps
    # the list 'A, B, Daniel Carvajal en C' whole
    text = ("Verzonnen verslag\n\nReal Madrid won woensdag met 0-1 bij Atalanta. Bij Real Madrid begon Isco "
            "deze keer als spits. Eden Hazard, Daniel Carvajal, Marcelo en Sergio Ramos moesten de wedstrijd "
            "geblesseerd aan zich voorbij laten gaan.")
    c = claims(extractor, text, "nl")
    assert _statuses(c) == [(p, s, ("Real Madrid", "Atalanta")) for p, s in [
        ("Dani Carvajal", "left_out"), ("Eden Hazard", "left_out"), ("Isco", "started"), ("Marcelo", "left_out"),
        ("Sergio Ramos", "left_out")]]


def test_came_on_for_names_the_one_coming_on(extractor):
    # 'X viel in voor Y': X came on, Y went off
    c = claims(extractor, REPORT + "Matteo Politano viel in voor Dries Mertens.", "nl")
    assert _statuses(c) == [("Dries Mertens", "substituted_off", ("Napoli", "Roma")),
                            ("Matteo Politano", "substituted_on", ("Napoli", "Roma"))]


def test_thiago_by_his_spanish_full_name_keeps_a_list_whole(extractor):
    text = ("Verzonnen voorbeschouwing\n\nAjax speelt dinsdag tegen Liverpool. Liverpool kampt met "
            "blessures, onder wie Alex Oxlade-Chamberlain, Thiago Alcántara en Joe Gomez.")
    c = claims(extractor, text, "nl")
    assert sorted({(s.player, s.status) for s in c.statuses}) == [
        ("Alex Oxlade-Chamberlain", "left_out"), ("Joe Gomez", "left_out"), ("Thiago Alcântara", "left_out")]


@pytest.mark.parametrize("text,expected", [
    # 'De spits trekt naar X' names no one: the move of the player named before; he is not at X yet
    # when his time there begins after the article's day (the helper's articles are of 7 January 2021)
    ("Adolfo Gaich nam afscheid van zijn ploeggenoten. De spits trekt naar Benevento.",
     [("transfer_report", (), ("Adolfo Gaich",)), ("transfer_report", ("Benevento",), ("Adolfo Gaich",))]),
    # a player who is at the club already makes no move to it (his farewell is a report of its own)
    ("Dries Mertens nam afscheid van zijn ploeggenoten. De spits trekt naar Napoli.",
     [("transfer_report", (), ("Dries Mertens",))]),
])
def test_a_move_told_by_a_description_of_the_player(extractor, text, expected):
    assert _events(claims(extractor, "Verzonnen\n\n" + text, "nl")) == expected



@pytest.mark.parametrize("text,expected", [
    # a list with an aside in brackets after a name stays one list
    ("Napoli begon ook zonder Dries Mertens (griep) en Lorenzo Insigne (hamstring).",
     [("Dries Mertens", "left_out"), ("Lorenzo Insigne", "left_out")]),
    # 'X startte (als spits) in plaats van Y': X started, Y was left out
    ("Andrea Petagna startte verrassend als spits in plaats van Victor Osimhen, die niet fit was.",
     [("Andrea Petagna", "started"), ("Victor Osimhen", "left_out")]),
    # 'X en Y waren fit genoeg om (tegen ...) aan te treden'
    ("Kalidou Koulibaly en Fabián Ruiz waren op tijd fit genoeg om aan te treden.",
     [("Fabián Ruiz", "started"), ("Kalidou Koulibaly", "started")]),
    # 'kwam (na rust) op het veld zonder X': X went off at the break
    ("Na de pauze kwam Napoli op het veld zonder Hirving Lozano.",
     [("Hirving Lozano", "substituted_off")]),
])
def test_report_lineup_changes(extractor, text, expected):
    c = claims(extractor, REPORT + text, "nl")
    assert _statuses(c) == [(p, s, ("Napoli", "Roma")) for p, s in expected]



def test_a_sheet_names_a_player_who_moved_in_the_season(extractor):
    # the knowledge base keeps Ounas at the club of most of his season (Crotone); a Cagliari sheet
    # of the autumn names him as Cagliari's
    text = ("Verzonnen voorbeschouwing\n\nJuventus speelt zaterdag tegen Cagliari.\n\n"
            "Opstelling Cagliari: Cragno; Faragò, Godín, Carboni, Lykogiannis; Rog, Marin, Nández; Ounas, "
            "Joao Pedro, Pavoletti\n")
    c = claims(extractor, text, "nl")
    assert ("Adam Ounas", "started") in {(s.player, s.status) for s in c.statuses}


@pytest.mark.parametrize("text,expected", [
    # 'op het middenveld staan behalve X ook Y en Z': all of them
    ("Op het middenveld staan behalve Piotr Zieliński ook Fabián Ruiz en Tiémoué Bakayoko.",
     [("Fabián Ruiz", "started"), ("Piotr Zieliński", "started"), ("Tiémoué Bakayoko", "started")]),
    # '... die het centrum vormt met X'
    ("Achterin speelt Kalidou Koulibaly, die het centrum vormt met Amir Rrahmani.",
     [("Amir Rrahmani", "started")]),
    # 'X is niet inzetbaar'
    ("Victor Osimhen is niet inzetbaar.", [("Victor Osimhen", "left_out")]),
])
def test_midfield_besides_partner_and_unavailable(extractor, text, expected):
    c = claims(extractor, PREVIEW + text, "nl")
    assert _statuses(c) == [(p, s, ("Napoli", "Roma")) for p, s in expected]


def test_the_captain_of_a_named_club_and_a_start_together_with(extractor):
    # 'de Argentijnse aanvoerder van X' is X's Argentine (named before), not one of the focus club's,
    # and its captain; 'had een basisplaats ... samen met Y en Z' starts all three
    text = ("Verzonnen verslag\n\nAjax verloor woensdag met 0-1 van Atalanta. Lisandro Martínez speelde bij Ajax, "
            "Alejandro Gómez was hersteld. De Argentijnse aanvoerder van Atalanta kreeg een basisplaats in Bergamo "
            "samen met Duván Zapata en Robin Gosens.")
    c = claims(extractor, text, "nl")
    assert _statuses(c) == [("Alejandro Gómez", "captain", None), ("Alejandro Gómez", "started", ("Ajax", "Atalanta")),
                            ("Duván Zapata", "started", ("Ajax", "Atalanta")),
                            ("Robin Gosens", "started", ("Ajax", "Atalanta"))]


@pytest.mark.parametrize("text,expected", [
    # 'X fungeert (zoals ... ) als spits': X starts, in that role
    ("Victor Osimhen fungeert net als in de vorige twee duels als spits.", [("Victor Osimhen", "started")]),
    # the role a player fills off the pitch is no start
    ("Dries Mertens fungeert als ambassadeur van de club.", []),
])
def test_acts_as_striker(extractor, text, expected):
    c = claims(extractor, PREVIEW + text, "nl")
    assert _statuses(c) == [(p, s, ("Napoli", "Roma")) for p, s in expected]


@pytest.mark.parametrize("text,expected", [
    # the club a player leaves is no party to the report: the one he is at on the article's day
    # (the KB keeps Ounas at Crotone, where he went in January; the helper's day is 7 January 2021)
    ("Cagliari heeft bevestigd dat Adam Ounas per direct vertrekt.", [("transfer_report", (), ("Adam Ounas",))]),
    # ... and the one named after 'vertrekt bij/uit'
    ("Adam Ounas vertrekt bij Cagliari.", [("transfer_report", (), ("Adam Ounas",))]),
    # a club that wants him is one
    ("Atalanta wil Andrea Petagna halen.", [("transfer_report", ("Atalanta",), ("Andrea Petagna",))]),
])
def test_the_selling_club_is_no_party_to_a_transfer(extractor, text, expected):
    assert _events(claims(extractor, "Verzonnen\n\n" + text, "nl")) == expected
