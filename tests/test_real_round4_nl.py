"""Round 4 on real Dutch reporting (issue 10): constructions found in the development set, each
tested with sentences written for this file (other clubs and players, other words, the same
grammar). No sentence here comes from a real article."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401

REPORT = "Verzonnen verslag\n\nRoma speelde zondag met 2-2 gelijk tegen Sassuolo. "


def _statuses(c):
    by_key = {m.key: m.opponent for m in c.matches}
    return sorted((s.player, s.status, by_key.get(s.match_key)) for s in c.statuses)


@pytest.mark.parametrize("text,expected", [
    # a line of the team told as "is formed by": every player of the list started
    ("De defensie van Roma werd in Reggio Emilia gevormd door Chris Smalling, Gianluca Mancini en Roger Ibañez.",
     [("Chris Smalling", "started"), ("Gianluca Mancini", "started"), ("Roger Ibañez", "started")]),
    ("Achterin was er een basisplaats voor Roger Ibañez.", [("Roger Ibañez", "started")]),
    ("Chris Smalling stond de hele wedstrijd in het veld.", [("Chris Smalling", "started")]),
    # absent, not available, missing because of an injury, had to let the match pass
    ("Edin Džeko was vanwege een kuitblessure afwezig.", [("Edin Džeko", "left_out")]),
    ("Paulo Fonseca kon niet beschikken over de geschorste Bryan Cristante.", [("Bryan Cristante", "left_out")]),
    ("Jordan Veretout ontbrak wegens een spierblessure.", [("Jordan Veretout", "left_out")]),
    ("Ook Leonardo Spinazzola en Jordan Veretout moesten het duel aan zich voorbij laten gaan.",
     [("Jordan Veretout", "left_out"), ("Leonardo Spinazzola", "left_out")]),
    ("Roma moest het stellen zonder een reeks spelers met blessures, onder wie Jordan Veretout en Edin Džeko.",
     [("Edin Džeko", "left_out"), ("Jordan Veretout", "left_out")]),
    ("Borja Mayoral speelde op de plek van de afwezige Edin Džeko.", [("Edin Džeko", "left_out")]),
    # on the bench the whole match: the player before the cue or inside it
    ("Justin Kluivert bleef op de bank.", [("Justin Kluivert", "unused_substitute")]),
    ("Bij Roma zat Justin Kluivert negentig minuten op de bank.", [("Justin Kluivert", "unused_substitute")]),
    ("Chris Smalling speelde mee, terwijl Justin Kluivert op de bank zat.",
     [("Justin Kluivert", "unused_substitute")]),
    ("Chris Smalling speelde de hele wedstrijd mee en Justin Kluivert bleef op de bank.",
     [("Chris Smalling", "started"), ("Justin Kluivert", "unused_substitute")]),
    # came on: a verb at the end of a subordinate clause, a perfect, a separable verb, a noun
    ("Roma, waar Chris Smalling in de basis begon en Borja Mayoral na een uur inviel, kreeg weinig kansen.",
     [("Borja Mayoral", "substituted_on"), ("Chris Smalling", "started")]),
    ("Stephan El Shaarawy was een kwartier voor tijd ingevallen.", [("Stephan El Shaarawy", "substituted_on")]),
    ("Daarna viel Borja Mayoral in na de 2-2.", [("Borja Mayoral", "substituted_on")]),
    ("Met het inbrengen van Stephan El Shaarawy werd Roma gevaarlijker.", [("Stephan El Shaarawy", "substituted_on")]),
])
def test_statuses_told_in_prose(extractor, text, expected):
    c = claims(extractor, REPORT + text, "nl")
    assert _statuses(c) == [(p, s, "Sassuolo") for p, s in expected]


def test_a_match_recalled_in_passing_does_not_take_the_lineup_that_follows(extractor):
    text = ("Verzonnen voorbeschouwing\n\nRoma begint zondag tegen Sassuolo. Stephan El Shaarawy, die vorige "
            "week nog scoorde tegen Napoli (1-1), is hersteld. Het middenveld van Roma wordt gevormd door "
            "Jordan Veretout en Bryan Cristante.")
    c = claims(extractor, text, "nl")
    assert _statuses(c) == [("Bryan Cristante", "started", "Sassuolo"), ("Jordan Veretout", "started", "Sassuolo")]


@pytest.mark.parametrize("text,expected", [
    # a defeat told with 'verloor' and the venue word after it
    ("Verzonnen. Roma verloor thuis met 0-2 van Sassuolo.", [("Roma", "Sassuolo", "home", 0, 2, "played")]),
    ("Verzonnen. Lazio, dat met 2-0 verloor bij Napoli, staat nu vijfde.",
     [("Lazio", "Napoli", "away", 0, 2, "played")]),
    # a day between the cue and its score
    ("Verzonnen. Roma won zondag met 1-3 bij Sassuolo.", [("Roma", "Sassuolo", "away", 3, 1, "played")]),
    # the passive: the subject lost, 'door' names the winner
    ("Verzonnen. Napoli werd zondag door Roma met 2-0 verslagen.", [("Napoli", "Roma", "away", 0, 2, "played")]),
    # a score glued to its noun with a hyphen
    ("Verzonnen. Roma speelde zondag. Door de 2-2-remise tegen Napoli staat Roma derde.",
     [("Roma", "Napoli", None, 2, 2, "played")]),
    # a club described, not named, as the subject: the named club is the other side
    ("Verzonnen. Roma speelde zondag. De koploper verloor thuis met 3-0 van Roma.",
     [("Roma", None, None, 3, 0, "played")]),
])
def test_match_phrasings(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected


def test_goals_told_with_the_player_after_or_around_the_cue(extractor):
    text = ("Verzonnen verslag\n\nRoma won zondag met 3-1 van Sassuolo. Na twintig minuten kwam Roma op "
            "voorsprong via Edin Džeko. Sassuolo kwam langszij via Domenico Berardi. Jordan Veretout schoot "
            "de bal binnen. Via een kopbal van Chris Smalling werd het 3-1. Borja Mayoral kopte vlak voor "
            "tijd tegen de lat.")
    c = claims(extractor, text, "nl")
    (m,) = c.matches
    assert sorted((g.scorer, g.team, g.penalty, g.match_key == m.key) for g in c.goals) == [
        ("Chris Smalling", "Roma", False, True), ("Domenico Berardi", "Sassuolo", False, True),
        ("Edin Džeko", "Roma", False, True), ("Jordan Veretout", "Roma", False, True)]


def test_a_competition_one_of_the_clubs_does_not_play_is_not_the_match_s(extractor):
    # neither club plays the Europa League in the knowledge base's 2020-21
    text = ("Verzonnen: Lazio naar de Europa League na verlies tegen Juventus\n\n"
            "Lazio verloor zondag met 0-2 van Juventus.")
    c = claims(extractor, text, "nl")
    assert [(m.subject, m.opponent, m.competition) for m in c.matches] == [("Lazio", "Juventus", None)]


def test_a_preview_names_who_starts_where_and_who_does_not(extractor):
    text = ("Verzonnen voorbeschouwing\n\nRoma speelt zondag tegen Sassuolo. Stephan El Shaarawy en Justin "
            "Kluivert beginnen op de vleugels. Edin Džeko start in de spits, Borja Mayoral begint op de bank. "
            "Ook Henrikh Mkhitaryan begint niet. Roma start ook zonder Jordan Veretout en Leonardo Spinazzola. "
            "Bryan Cristante startte verrassend als centrale verdediger.")
    c = claims(extractor, text, "nl")
    assert _statuses(c) == [
        ("Bryan Cristante", "started", "Sassuolo"), ("Edin Džeko", "started", "Sassuolo"),
        ("Jordan Veretout", "left_out", "Sassuolo"), ("Justin Kluivert", "started", "Sassuolo"),
        ("Leonardo Spinazzola", "left_out", "Sassuolo"), ("Stephan El Shaarawy", "started", "Sassuolo")]
