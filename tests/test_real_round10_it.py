"""Round 10 of issue 10, Italian: a tabellino of a cup tie that went to extra time and was later
awarded to the other side, goals and statuses in prose. Every sentence here is written for the
test; each has the structure of a construction of real reporting, with other words, other clubs
and other people."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from extract_helpers import claims, extractor, statuses  # noqa: F401
from fanboard.extract.claims import MatchClaim
from fanboard.extract.lineup_text import read_lineups
from fanboard.reference import DECISION_COLUMNS, FIXTURE_COLUMNS
from fanboard.resolve.reconcile import Reconciler, Window


def _events(c, kind=None):
    return sorted((e.event_type, tuple(e.agents), tuple(e.targets)) for e in c.events
                  if kind is None or e.event_type == kind)


def _goals(c):
    return sorted((g.scorer, g.minute, g.penalty, g.own_goal) for g in c.goals)


# ---------------------------------------------------------------- a match awarded after it was played

def _awarded_fixture() -> Reconciler:
    fx = pd.DataFrame([{
        "fixture_id": "2021-01-12-westmoor-rivertown", "competition": "Invented Cup", "season": "2020-21",
        "round": "Round of 16", "matchday": None, "date": "2021-01-12", "original_date": "",
        "home": "Westmoor", "away": "Rivertown", "home_goals": 0, "away_goals": 3, "status": "awarded",
        "note": "ended 3-1 after extra time; awarded 0-3 to Rivertown because Westmoor fielded a banned player"}],
        columns=FIXTURE_COLUMNS)
    return Reconciler(None, fx.astype({"matchday": "Int64", "home_goals": "Int64", "away_goals": "Int64"}),
                      pd.DataFrame(columns=DECISION_COLUMNS))


@pytest.mark.parametrize("subject,opponent,venue,goals", [
    ("Westmoor", "Rivertown", "home", (3, 1)),    # the score on the pitch, as a report of the night gives it
    ("Rivertown", "Westmoor", "away", (1, 3)),
    ("Rivertown", "Westmoor", None, (3, 1)),      # "Rivertown, 3-1": whose goals is not said
    ("Westmoor", "Rivertown", "home", (0, 3)),    # the awarded score
])
def test_a_report_of_an_awarded_match_links_by_the_score_on_the_pitch_or_the_awarded_one(subject, opponent, venue, goals):
    rec = _awarded_fixture()
    c = MatchClaim("a#m1", "a", subject, opponent, venue=venue, subject_goals=goals[0], opponent_goals=goals[1],
                   status="played")
    [f] = rec.candidates(c, Window(date(2021, 1, 12), date(2021, 1, 12)))
    assert f["fixture_id"] == "2021-01-12-westmoor-rivertown"


def test_another_score_of_an_awarded_match_links_to_nothing():
    rec = _awarded_fixture()
    c = MatchClaim("a#m1", "a", "Westmoor", "Rivertown", venue="home", subject_goals=2, opponent_goals=2,
                   status="played")
    assert rec.candidates(c, Window(date(2021, 1, 12), date(2021, 1, 12))) == []


def test_the_note_of_a_played_match_gives_no_second_score():
    fx = pd.DataFrame([{
        "fixture_id": "2021-01-12-westmoor-rivertown", "competition": "Invented Cup", "season": "2020-21",
        "round": "Round of 16", "matchday": None, "date": "2021-01-12", "original_date": "",
        "home": "Westmoor", "away": "Rivertown", "home_goals": 1, "away_goals": 0, "status": "played",
        "note": "abandoned when it ended 2-2 at half time; replayed"}], columns=FIXTURE_COLUMNS)
    rec = Reconciler(None, fx.astype({"matchday": "Int64", "home_goals": "Int64", "away_goals": "Int64"}),
                     pd.DataFrame(columns=DECISION_COLUMNS))
    c = MatchClaim("a#m1", "a", "Westmoor", "Rivertown", venue="home", subject_goals=2, opponent_goals=2,
                   status="played")
    assert rec.candidates(c, Window(date(2021, 1, 12), date(2021, 1, 12))) == []


# ---------------------------------------------------------------- the halves of extra time in a tabellino

CLUBS = {"NORDIA": "Nordia", "SUDA": "Suda"}

EXTRA_TIME_TABELLINO = (
    "NORDIA (4-4-2): Amato; Bruno, Conti (6' p.t.s. Dini), Esposito, Fabbri; Longo (20' st Galli), "
    "Marini, Orlando, Pace (11' sts Neri); Quaranta, Sala (3' pts Riva). All. Tosi\n"
    "MARCATORI: 10' pt Sala (N), 31' st rig. Quaranta (N), 8' pts Riva (N), 1' sts aut. Bruno (S), "
    "13' s.t.s. Dini (N)\n"
)


def test_minutes_of_the_two_halves_of_extra_time():
    lineups = read_lineups(EXTRA_TIME_TABELLINO, "it", CLUBS.get)
    (sheet,) = lineups.sheets
    assert [(s.off.text, s.on.text, s.minute) for s in sheet.substitutions] == [
        ("Conti", "Dini", 96), ("Longo", "Galli", 65), ("Pace", "Neri", 116), ("Sala", "Riva", 93)]
    assert [(g.scorer.text, g.minute, g.penalty, g.own_goal) for g in lineups.goals] == [
        ("Sala", 10, False, False), ("Quaranta", 76, True, False), ("Riva", 98, False, False),
        ("Bruno", 106, False, True), ("Dini", 118, False, False)]


def test_a_name_that_begins_like_a_half_marker_is_no_half():
    text = ("NORDIA (4-4-2): Amato; Bruno, Conti, Esposito, Fabbri; Longo (20' Stella), Marini, Orlando, "
            "Pace; Quaranta, Sala. All. Tosi\nMARCATORI: 12' Stella (N)\n")
    lineups = read_lineups(text, "it", CLUBS.get)
    assert [(s.off.text, s.on.text, s.minute) for s in lineups.sheets[0].substitutions] == [("Longo", "Stella", 20)]
    assert [(g.scorer.text, g.minute) for g in lineups.goals] == [("Stella", 12)]


def test_bench_and_coach_on_lines_of_their_own_after_the_team():
    # "TEAM (4-4-2): ... ;\nIn panchina: ...\nAllenatore: X 6.": the block goes on over those lines
    text = ("NORDIA (4-4-2): Amato 6; Bruno 6, Conti 5.5, Esposito 6, Fabbri 6; Longo 6.5 (22′ st Galli 6), "
            "Marini 6, Orlando 5, Pace 6; Quaranta 7, Sala 6.\n"
            "In panchina: Dini, Neri, Riva.\n"
            "Allenatore: Tosi 6.\n"
            "SUDA (3-5-2): Ugo; Vitale, Zanetti, Abate; Barbieri, Caputo, Donati, Ferri, Gatti; Lombardi, Mancini.\n"
            "ARBITRO: Bianchi di Pisa.\n")
    nordia, suda = read_lineups(text, "it", CLUBS.get).sheets
    got = (nordia.starters[-1].text, [n.text for n in nordia.bench], nordia.coach.text,
           [(s.off.text, s.on.text, s.minute) for s in nordia.substitutions])
    assert got == ("Sala", ["Dini", "Neri", "Riva"], "Tosi", [("Longo", "Galli", 67)])
    assert (suda.starters[0].text, suda.bench, suda.coach) == ("Ugo", (), None)


def test_prose_that_runs_on_after_a_goal_word_and_a_colon_is_no_goal_line():
    # "con due reti: apre X, ... con 70 punti": a sentence, not "RETI: 12' X"; its numbers are no minutes
    text = ("NORDIA (4-4-2): Amato; Bruno, Conti, Esposito, Fabbri; Longo, Marini, Orlando, Pace; Quaranta, Sala.\n"
            "La Nordia vince con due reti: apre Sala, poi chiude Quaranta e la squadra sale a 70 punti.\n"
            "Ammoniti: Conti. Marcatori: 10' pt Sala (N), 31' st Quaranta (N)\n")
    goals = read_lineups(text, "it", CLUBS.get).goals
    assert [(g.scorer.text, g.minute) for g in goals] == [("Sala", 10), ("Quaranta", 76)]


# ---------------------------------------------------------------- left out of the squad, and who took his place

@pytest.mark.parametrize("text,expected", [
    # "non porta nemmeno in panchina X": not even on the bench
    ("Genoa-Torino 3-1\n\nInventato. Per la sfida di domenica Ballardini non porta nemmeno in panchina Goran Pandev.",
     [("Goran Pandev", "left_out", "confirmed")]),
    # "X va in tribuna, al suo posto Y": a change of the line-up, not a substitution
    ("Genoa-Torino 3-1\n\nInventato. Goran Pandev va in tribuna per scelta tecnica, al suo posto in attacco "
     "Eldor Shomurodov.",
     [("Eldor Shomurodov", "started", "confirmed"), ("Goran Pandev", "left_out", "confirmed")]),
    # both in one sentence, the exclusion told first with the coach as subject
    ("Genoa-Torino 3-1\n\nInventato. Nel Genoa Ballardini non porta neppure in panchina Goran Pandev: dopo "
     "la lite con il tecnico, al suo posto Eldor Shomurodov in coppia con Gianluca Scamacca.",
     [("Eldor Shomurodov", "started", "confirmed"), ("Goran Pandev", "left_out", "confirmed")]),
])
def test_a_player_left_out_and_the_one_in_his_place(extractor, text, expected):
    assert statuses(claims(extractor, text, "it")) == expected


def test_al_suo_posto_after_an_injury_is_still_a_substitution(extractor):
    text = "Genoa-Torino 3-1\n\nInventato. Goran Pandev si fa male al 20', al suo posto Eldor Shomurodov."
    assert statuses(claims(extractor, text, "it")) == [
        ("Eldor Shomurodov", "substituted_on", "confirmed"), ("Goran Pandev", "substituted_off", "confirmed")]


# ---------------------------------------------------------------- goals told in prose

@pytest.mark.parametrize("text,expected", [
    # "X ... al posto giusto per insaccare": the player before it scored
    ("Roma-Atalanta 1-1\n\nInventato. Su un traversone di Leonardo Spinazzola dalla sinistra, Borja Mayoral "
     "arriva al posto giusto per insaccare di testa.", [("Borja Mayoral", None, False, False)]),
    # trying is no goal
    ("Roma-Atalanta 1-1\n\nInventato. Su un traversone di Leonardo Spinazzola, Borja Mayoral prova a insaccare "
     "di testa ma il portiere para.", []),
])
def test_italian_prose_goals_round10(extractor, text, expected):
    assert _goals(claims(extractor, text, "it")) == expected


@pytest.mark.parametrize("text,expected", [
    ("Genoa-Torino 3-1\n\nInventato. Contro il Torino Goran Pandev non è squalificato.", []),
    ("Genoa-Torino 3-1\n\nInventato. Contro il Torino Goran Pandev non va in tribuna, ha detto Ballardini.", []),
    # a cue that holds its own negation is the status
    ("Genoa-Torino 3-1\n\nInventato. Contro il Torino Goran Pandev non è stato convocato.",
     [("Goran Pandev", "left_out", "confirmed")]),
])
def test_a_denied_italian_status_is_no_status(extractor, text, expected):
    assert statuses(claims(extractor, text, "it")) == expected
