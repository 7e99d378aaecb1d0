"""Round 6 on real Dutch reporting (issue 10), matches and goals: constructions found in the
development set, each tested with sentences written for this file (other clubs, other words, the
same grammar). No sentence here comes from a real article."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401


@pytest.mark.parametrize("text,expected", [
    # the article's club cannot meet the opponent (no competition, no country in common): the match
    # is of the club the sentence names that can ...
    ("Verzonnen voorbeschouwing\n\nLazio speelt dinsdag tegen Ajax. Lazio is in vorm. Bij Ajax is de "
     "stemming goed; zaterdag werd een 5-0 zege op VVV-Venlo geboekt.",
     [("Lazio", "Ajax", None, None, None, "scheduled"), ("Ajax", "VVV-Venlo", "home", 5, 0, "played")]),
    # ... or of the club the sentence before names
    ("Verzonnen voorbeschouwing\n\nAjax speelt dinsdag tegen Lazio. Ajax is in vorm. Ook Napoli kijkt uit "
     "naar de dinsdag. De wedstrijd tegen Torino werd zondag afgelast.",
     [("Ajax", "Lazio", None, None, None, "scheduled"), ("Napoli", "Torino", None, None, None, "postponed")]),
    # a club that can meet the opponent keeps its match
    ("Verzonnen voorbeschouwing\n\nAjax speelt dinsdag tegen Lazio. Ajax is in vorm. Ook Napoli kijkt uit "
     "naar de dinsdag. De wedstrijd tegen Liverpool werd zondag afgelast.",
     [("Ajax", "Lazio", None, None, None, "scheduled"), ("Ajax", "Liverpool", None, None, None, "postponed")]),
])
def test_subject_that_can_meet_the_opponent(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected


@pytest.mark.parametrize("text,expected", [
    # 'na de <match> tegen X <verb> Y': the club after the verb is the subject of the fronted match
    ("Verzonnen verslag\n\nRoma is boos. Vier dagen na de 0-2 nederlaag tegen Napoli speelt Lazio "
     "alweer.",
     [("Lazio", "Napoli", "home", 0, 2, "played")]),
    ("Verzonnen verslag\n\nRoma is boos. Na de zege op Napoli (3-1) kan Lazio weer lachen.",
     [("Lazio", "Napoli", "home", 3, 1, "played")]),
    # no club right after the verb: the article's club, as before
    ("Verzonnen verslag\n\nRoma is boos. Na de nederlaag tegen Napoli moet de ploeg herstellen.",
     [("Roma", "Napoli", None, None, None, "played")]),
])
def test_after_the_match_the_inverted_subject(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected


@pytest.mark.parametrize("text,expected", [
    # 'het duel van vanavond met X': tonight's match in the genitive, the opponent after the connector
    ("Verzonnen voorbeschouwing\n\nRoma is klaar. Edin Džeko moet het duel van vanavond met "
     "Napoli missen.", [("Roma", "Napoli", None, None, None, "scheduled")]),
    ("Verzonnen voorbeschouwing\n\nRoma is klaar. Edin Džeko mist de wedstrijd van morgen tegen Napoli.",
     [("Roma", "Napoli", None, None, None, "scheduled")]),
])
def test_tonights_match_in_the_genitive(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected


def _dated(c):
    return [(m.subject, m.opponent, m.venue, m.subject_goals, m.opponent_goals, m.status,
             m.time.text if m.time else None) for m in c.matches]


@pytest.mark.parametrize("text,expected", [
    # where, then whom: 'verloor met 1-0 op <ground> van X'; the ground is the opponent's: away
    ("Verzonnen verslag\n\nRoma is boos. Roma verloor met 2-0 in het San Paolo van Napoli.",
     [("Roma", "Napoli", "away", 0, 2, "played", None)]),
    # the claim's own time among its words ('vorige week', of no day) keeps a later time from it
    ("Verzonnen verslag\n\nRoma is boos. Roma verloor vorige week met 1-0 van Napoli en speelde "
     "zaterdag een oefenduel.", [("Roma", "Napoli", "away", 0, 1, "played", None)]),
    # 'in eigen huis tegen X', 'op eigen veld tegen X': at home
    ("Verzonnen voorbeschouwing\n\nRoma is klaar. Roma moet het vanavond in eigen huis "
     "tegen Napoli doen.", [("Roma", "Napoli", "home", None, None, "scheduled", "vanavond")]),
    # a time in a relative clause after the opponent is the opponent's, not the match's
    ("Verzonnen voorbeschouwing\n\nRoma is klaar. De trainer kijkt uit naar de confrontatie met Napoli, "
     "dat afgelopen zondag niet speelde.", [("Roma", "Napoli", None, None, None, None, None)]),
])
def test_where_and_when_of_a_match(extractor, text, expected):
    assert _dated(claims(extractor, text, "nl")) == expected


def test_went_in_at_half_time_is_a_match_played(extractor):
    # 'ging rusten' (went in at half-time): the match was played, and the goals told next are of it
    text = ("Verzonnen voorbeschouwing\n\nRoma speelt vanavond in eigen huis tegen Napoli. In de uitwedstrijd "
            "tegen Napoli was alles in orde toen Roma met een 0-3 voorsprong ging rusten, zonder veel moeite. "
            "Door doelpunten van Edin Džeko en Jordan Veretout stond Roma ruim voor. Roma verloor vorige week "
            "met 1-0 van Lazio.")
    c = claims(extractor, text, "nl")
    assert _dated(c) == [("Roma", "Napoli", "home", None, None, None, "vanavond"),
                         ("Roma", "Napoli", "away", None, None, "played", None),
                         ("Roma", "Lazio", "away", 0, 1, "played", None)]
    away = c.matches[1].key
    assert sorted((g.scorer, g.match_key) for g in c.goals) == [("Edin Džeko", away), ("Jordan Veretout", away)]


@pytest.mark.parametrize("text,expected", [
    # 'X kwam bij Y niet verder dan 0-0': the opponent after a connector before the cue
    ("Verzonnen verslag\n\nRoma won zaterdag met 0-3 bij Lazio. Napoli kwam bij Torino niet verder dan 1-1.",
     [("Roma", "Lazio", "away", 3, 0, "played"), ("Napoli", "Torino", "away", 1, 1, "played")]),
    # ... the subject named by a relative pronoun before the opponent
    ("Verzonnen verslag\n\nRoma won zaterdag met 0-3 bij Lazio. Dat dankt Roma aan Napoli, dat bij Torino "
     "niet verder geraakte dan 0-0.",
     [("Roma", "Lazio", "away", 3, 0, "played"), ("Napoli", "Torino", "away", 0, 0, "played")]),
    # no connector before it: no opponent (a claim of one club, which makes no match row)
    ("Verzonnen verslag\n\nRoma won zaterdag met 0-3 bij Lazio. Napoli kwam daarna niet verder dan 1-1.",
     [("Roma", "Lazio", "away", 3, 0, "played"), ("Napoli", None, None, 1, 1, "played")]),
])
def test_no_further_than_a_draw(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected


@pytest.mark.parametrize("text,expected", [
    # 'X ... . De koploper verloor met 3-0 van Y': the one club the sentence before names is the one
    # described; the order of the score is left to the calendar
    ("Verzonnen verslag\n\nLazio heeft opnieuw punten gemorst. De koploper verloor thuis met 2-0 "
     "van Torino. Torino is blij.", [("Lazio", "Torino", None, 0, 2, "played")]),
    # two clubs in the sentence before: nobody to resolve the description to, as before (a hole)
    ("Verzonnen verslag\n\nLazio en Napoli staan bovenaan. De koploper verloor thuis met 2-0 van Torino. "
     "Torino is blij.", [("Torino", None, None, 2, 0, "played")]),
])
def test_described_club_of_the_sentence_before(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected


GOAL_REPORT = "Verzonnen verslag\n\nRoma won zondag met 1-2 bij Napoli. "


@pytest.mark.parametrize("text,expected", [
    # 'zette <description> <scorer> <club> (na twintig minuten) op voorsprong'
    ("In Rome zette de Bosniër Edin Džeko Roma na twintig minuten op voorsprong.",
     [("Edin Džeko", None, False)]),
    # 'tekende <scorer> (vlak voor rust) voor de gelijkmaker'; the one who gave the pass is no scorer
    ("Op aangeven van Jordan Veretout tekende Lorenzo Insigne vlak voor rust voor de gelijkmaker.",
     [("Lorenzo Insigne", None, False)]),
    # 'kroonde zich (in de Ne minuut) tot matchwinnaar'
    ("Daarna kroonde Edin Džeko zich in de 81e minuut tot matchwinnaar.", [("Edin Džeko", 81, False)]),
])
def test_goals_told_by_what_they_did(extractor, text, expected):
    c = claims(extractor, GOAL_REPORT + text, "nl")
    (m,) = c.matches
    assert all(g.match_key == m.key for g in c.goals)
    assert sorted((g.scorer, g.minute, g.penalty) for g in c.goals) == expected


@pytest.mark.parametrize("text,expected", [
    # 'scoorde (toen) vijf keer', '<scorer> (vijf goals en drie assists)': that many goals
    ("Lorenzo Insigne scoorde toen vier keer.", [("Lorenzo Insigne", None, False)] * 4),
    ("De spitsen Lorenzo Insigne (drie goals en twee assists) en Dries Mertens (twee goals, één assist) waren "
     "niet te stuiten.", [("Dries Mertens", None, False)] * 2 + [("Lorenzo Insigne", None, False)] * 3),
    # a tally of a season, or more goals than one match holds, is no goal of the match
    ("Lorenzo Insigne (vier goals dit seizoen) is in vorm.", []),
    ("Lorenzo Insigne (twaalf goals) is in vorm.", []),
])
def test_goals_counted(extractor, text, expected):
    c = claims(extractor, "Verzonnen verslag\n\nNapoli won zondag met 0-6 bij Crotone. " + text, "nl")
    (m,) = c.matches
    assert all(g.match_key == m.key for g in c.goals)
    assert sorted((g.scorer, g.minute, g.penalty) for g in c.goals) == expected


def test_a_match_dated_to_a_span_joins_the_one_dated_to_a_day_in_it():
    # "on Saturday" in an article of some day of a week spans two Saturdays; another source
    # dates the same match (no calendar fixture) to one of them: one row, both sources
    from datetime import date

    from fanboard.extract.claims import ArticleClaims
    from fanboard.extract.times import TimeExpr
    from fanboard.tables import frame
    from test_merge import assemble, match_claim, on_day

    saturday = TimeExpr("zaterdag", 0, 8, "weekday", "nearest", (5,), "nl")
    a = ArticleClaims("a", "nl", "Rivertown", matches=[
        match_claim("a", 1, "Rivertown won zaterdag met 0-5 bij Slavija Čačak.", opponent="Slavija Čačak",
                    status="played", venue="away", subject_goals=5, opponent_goals=0, time=saturday)])
    b = ArticleClaims("b", "nl", "Rivertown", matches=[
        match_claim("b", 1, "Rivertown won op 6 maart met 0-5 bij Slavija Čačak.", opponent="Slavija Čačak",
                    status="played", venue="away", subject_goals=5, opponent_goals=0,
                    time=on_day("6 maart 2021", 2021, 3, 6))])
    asm = assemble([a, b], windows={"a": (date(2021, 3, 1), date(2021, 3, 5))})
    rows = frame("matches", asm.matches())
    assert rows[["date", "home", "away", "home_goals", "away_goals", "sources"]].values.tolist() == [
        ["2021-03-06", "Slavija Čačak", "Rivertown", "0", "5", "a;b"]]


@pytest.mark.parametrize("text,expected", [
    # 'is met <score> gaan winnen bij X' (perfect tense): a win away
    ("Verzonnen verslag\n\nNapoli is zondag met 0-2 gaan winnen bij Torino.",
     [("Napoli", "Torino", "away", 2, 0, "played")]),
    # 'won zonder <player> met 0-2 bij X': who was missing (named or not in the knowledge base), then
    # the score and the opponent
    ("Verzonnen verslag\n\nNapoli won zonder Lorenzo Insigne met 0-2 bij Torino.",
     [("Napoli", "Torino", "away", 2, 0, "played")]),
    ("Verzonnen verslag\n\nNapoli won zonder Jan Pietersen met 0-2 bij Torino.",
     [("Napoli", "Torino", "away", 2, 0, "played")]),
])
def test_wins_told_around_other_words(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected


def test_a_minute_in_brackets_ends_no_sentence_or_clause(extractor):
    # "X (86.) kwam met het verlossende doelpunt": the minute belongs to the scorer's clause
    text = ("Verzonnen verslag\n\nNapoli won woensdag met 0-1 bij Torino. In het slot kwam Lorenzo Insigne (86.) "
            "alsnog met het verlossende doelpunt.")
    c = claims(extractor, text, "nl")
    (m,) = c.matches
    assert [(g.scorer, g.minute, g.match_key) for g in c.goals] == [("Lorenzo Insigne", 86, m.key)]


@pytest.mark.parametrize("text,expected", [
    # inverted: '(Afgelopen zaterdag) bleek X met 1-3 te sterk voor Y': X, inside the cue's words, won
    ("Verzonnen verslag\n\nRoma is moe. Afgelopen zaterdag bleek Napoli met 1-3 te sterk voor Torino.",
     [("Napoli", "Torino", "away", 3, 1, "played")]),
    # no 'voor Y': the other club beat the article's club
    ("Verzonnen verslag\n\nRoma is moe. Zaterdag bleek Napoli met 1-3 te sterk, ondanks drie "
     "wissels.", [("Napoli", "Roma", "away", 3, 1, "played")]),
])
def test_too_strong_inverted_and_for_the_articles_club(extractor, text, expected):
    assert matches(claims(extractor, text, "nl")) == expected


def test_his_five_goal_haul_is_five_goals(extractor):
    # 'zijn vijfklapper': five goals by the player; a club's 'vijfklapper' credits no one
    text = ("Verzonnen verslag\n\nNapoli won zondag met 0-6 bij Crotone. De trainer beloont Lorenzo Insigne "
            "voor zijn vijfklapper tegen Crotone. Napoli boekte eerder een vijfklapper met Dries Mertens in de spits.")
    c = claims(extractor, text, "nl")
    assert sorted(g.scorer for g in c.goals) == ["Lorenzo Insigne"] * 5


def test_an_undated_match_told_as_played_joins_the_one_dated_just_before_the_article():
    # "his five goals against X (0-5)" with no time, in an article of a known window: the match
    # another source dates a few days before it (the score as written may be either way round)
    from datetime import date

    from fanboard.extract.claims import ArticleClaims
    from fanboard.tables import frame
    from test_merge import assemble, match_claim, on_day

    a = ArticleClaims("a", "nl", "Rivertown", matches=[
        match_claim("a", 1, "Zijn vijfklapper tegen Slavija Čačak (0-5).", opponent="Slavija Čačak",
                    status="played", subject_goals=0, opponent_goals=5)])
    b = ArticleClaims("b", "nl", "Rivertown", matches=[
        match_claim("b", 1, "Rivertown won op 6 maart met 0-5 bij Slavija Čačak.", opponent="Slavija Čačak",
                    status="played", venue="away", subject_goals=5, opponent_goals=0,
                    time=on_day("6 maart 2021", 2021, 3, 6))])
    c = ArticleClaims("c", "nl", "Rivertown", matches=[
        match_claim("c", 1, "Zijn vijfklapper tegen Slavija Čačak (0-5).", opponent="Slavija Čačak",
                    status="played", subject_goals=0, opponent_goals=5)])
    # a and b join; c, written two months later, does not
    asm = assemble([a, b, c], windows={"a": (date(2021, 3, 8), date(2021, 3, 9)),
                                       "c": (date(2021, 5, 8), date(2021, 5, 9))})
    rows = frame("matches", asm.matches())
    assert rows[["date", "home", "away", "sources"]].values.tolist() == [
        ["2021-03-06", "Slavija Čačak", "Rivertown", "a;b"]]


def test_pairs_on_the_programme_each_dated_by_its_clause(extractor):
    # 'Woensdag ... X-Y ..., donderdag spelen Z en W tegen elkaar': each match takes its own
    # clause's day; 'A en B tegen elkaar' is A against B
    text = ("Verzonnen voorbeschouwing\n\nRoma is klaar. Woensdag staat in de beker Lazio-Torino op het programma, "
            "donderdag spelen Napoli en Genoa tegen elkaar.")
    c = claims(extractor, text, "nl")
    assert [(m.subject, m.opponent, m.status, m.time.text if m.time else None) for m in c.matches] == [
        ("Lazio", "Torino", "scheduled", "Woensdag"), ("Napoli", "Genoa", "scheduled", "donderdag")]


@pytest.mark.parametrize("text,expected", [
    # '<scorer> volleerde/krulde/plaatste ... in de bovenhoek / verre hoek': a goal
    ("Lorenzo Insigne volleerde van grote afstand in de bovenhoek.",
     [("Lorenzo Insigne", None, False)]),
    ("Lorenzo Insigne krulde het leer fraai in de verre hoek.", [("Lorenzo Insigne", None, False)]),
    # ... not a shot past it
    ("Lorenzo Insigne schoot de bal net naast de verre hoek.", []),
])
def test_goals_told_by_where_the_ball_went(extractor, text, expected):
    c = claims(extractor, GOAL_REPORT + text, "nl")
    (m,) = c.matches
    assert all(g.match_key == m.key for g in c.goals)
    assert sorted((g.scorer, g.minute, g.penalty) for g in c.goals) == expected


def test_fc_twente_is_known(extractor):
    # an Eredivisie club the articles name, outside the Serie A / Champions League calendar
    text = "Verzonnen verslag\n\nLazio ging zaterdag met 0-3 onderuit tegen FC Twente. Twente was beter."
    # (round 7: 'ging onderuit' tells the defeat, so the home-away score puts Lazio at home)
    assert matches(claims(extractor, text, "nl")) == [("Lazio", "FC Twente", "home", 0, 3, "played")]


@pytest.mark.parametrize("text,expected", [
    # a list of scorers whose last name has a role before it ('oud-Genoa-speler X', 'aanvoerder X')
    ("Door doelpunten van Lorenzo Insigne, Dries Mertens en oud-Genoa-speler Piotr Zieliński stond het al 0-3.",
     [("Dries Mertens", None, False), ("Lorenzo Insigne", None, False), ("Piotr Zieliński", None, False)]),
    ("Door doelpunten van Dries Mertens en aanvoerder Lorenzo Insigne stond het al 0-2.",
     [("Dries Mertens", None, False), ("Lorenzo Insigne", None, False)]),
])
def test_scorers_listed_with_a_role(extractor, text, expected):
    c = claims(extractor, GOAL_REPORT + text, "nl")
    assert sorted((g.scorer, g.minute, g.penalty) for g in c.goals) == expected


def test_two_goals_conceded_via_a_scorer(extractor):
    # 'kreeg via X twee treffers om de oren': a brace by X, for the other side
    text = GOAL_REPORT + "Napoli kreeg na rust via Edin Džeko twee treffers om de oren."
    c = claims(extractor, text, "nl")
    assert sorted((g.scorer, g.team) for g in c.goals) == [("Edin Džeko", "Roma")] * 2
