"""Per-language rules on short sentences. All sentences here are invented for the tests."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fanboard.extract.article import Extractor
from fanboard.ingest import Article
from fanboard.nlp import default_pipelines


@pytest.fixture(scope="module")
def extractor():
    return Extractor(default_pipelines())


def claims(extractor, text: str, lang: str):
    article = Article(id="t", path=Path("t.txt"), text=text, headline=text.splitlines()[0], language=lang,
                      published=date(2021, 1, 7))
    return extractor.extract(article)


def matches(c):
    return [(m.subject, m.opponent, m.venue, m.subject_goals, m.opponent_goals, m.status) for m in c.matches]


def statuses(c):
    return sorted((s.player, s.status, s.certainty) for s in c.statuses)


# ------------------------------------------------------------------ matches
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Invented. Atalanta beat Sassuolo 5-1 at home on Sunday.", ("Atalanta", "Sassuolo", None, 5, 1, "played")),
    ("en", "Invented. Atalanta drew 1-1 with Juventus.", ("Atalanta", "Juventus", None, 1, 1, "played")),
    ("en", "Invented. Atalanta will play host to Roma this weekend.", ("Atalanta", "Roma", "home", None, None, "scheduled")),
    ("nl", "Verzonnen. Atalanta won in de thuiswedstrijd tegen Parma met 3-0.", ("Atalanta", "Parma", "home", 3, 0, "played")),
    ("nl", "Verzonnen. In het duel met Lazio, waar Atalanta een 1-3 overwinning boekte, scoorde Muriel.",
     ("Atalanta", "Lazio", "away", 3, 1, "played")),
    ("it", "Inventato. L'Atalanta ha battuto il Parma per 3-0.", ("Atalanta", "Parma", None, 3, 0, "played")),
    ("it", "Inventato. La partita contro l'Udinese è stata rinviata per pioggia.",
     ("Atalanta", "Udinese", None, None, None, "postponed")),
    ("it", "Inventato. Non è stato convocato per la trasferta di Udine, poi rinviata per la pioggia.",
     ("Atalanta", "Udinese", "away", None, None, "postponed")),
])
def test_match_claims(extractor, lang, text, expected):
    assert matches(claims(extractor, "Atalanta\n\n" + text, lang))[0] == expected


def test_a_club_never_plays_itself(extractor):
    c = claims(extractor, "Atalanta news\n\nInvented. The club's 2-2 draw with Atalanta hurt.", "en")
    (m,) = c.matches
    assert m.opponent is None and m.self_reference == "Atalanta" and (m.subject_goals, m.opponent_goals) == (2, 2)


def test_a_stripped_name_is_a_hole_not_a_guess(extractor):
    c = claims(extractor, "Atalanta news\n\nInvented. Atalanta prepare for a clash with , and Gasperini is calm.", "en")
    (m,) = c.matches
    assert m.opponent is None and m.hole


def test_hyphenated_compounds_keep_their_names(extractor):
    c = claims(extractor, "Atalanta\n\nVerzonnen. Het conflict ontstond tijdens het Champions League-duel met "
                          "FC Midtjylland (1-1).", "nl")
    assert matches(c) == [("Atalanta", "FC Midtjylland", None, 1, 1, "played")]
    assert c.matches[0].competition == "UEFA Champions League"


def test_postponement_reason(extractor):
    c = claims(extractor, "Atalanta\n\nVerzonnen. Het treffen met Udinese werd afgelast vanwege regen.", "nl")
    assert (c.matches[0].status, c.matches[0].status_reason) == ("postponed", "rain")


# ----------------------------------------------------------------- statuses
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Invented. Against Roma, Duván Zapata was replaced by Luis Muriel.",
     [("Duván Zapata", "substituted_off", "confirmed"), ("Luis Muriel", "substituted_on", "confirmed")]),
    ("en", "Invented. Against Roma, Sam Lammers was an unused substitute.", [("Sam Lammers", "unused_substitute", "confirmed")]),
    ("en", "Invented. Against Roma, Ilicic reportedly started.", [("Josip Iličić", "started", "reported")]),
    ("nl", "Verzonnen. Tegen Roma viel Muriel in voor Duván Zapata.",
     [("Duván Zapata", "substituted_off", "confirmed"), ("Luis Muriel", "substituted_on", "confirmed")]),
    ("nl", "Verzonnen. Tegen Roma stonden Hateboer en De Roon in de basis.",
     [("Hans Hateboer", "started", "confirmed"), ("Marten de Roon", "started", "confirmed")]),
    ("nl", "Verzonnen. Tegen Roma zou Gosens niet in de selectie zitten.", [("Robin Gosens", "left_out", "reported")]),
    ("it", "Inventato. Contro la Roma Muriel è subentrato a Duván Zapata.",
     [("Duván Zapata", "substituted_off", "confirmed"), ("Luis Muriel", "substituted_on", "confirmed")]),
    ("it", "Inventato. Contro la Roma Pessina non è stato convocato.", [("Matteo Pessina", "left_out", "confirmed")]),
    ("it", "Inventato. Contro la Roma Miranchuk è rimasto in panchina.", [("Aleksei Miranchuk", "unused_substitute", "confirmed")]),
    ("en", "Invented. Muriel was dropped for the trip to Roma.", [("Luis Muriel", "left_out", "confirmed")]),
    ("en", "Invented. Muriel started on the bench against Roma and did not come on.",
     [("Luis Muriel", "unused_substitute", "confirmed")]),
])
def test_player_statuses(extractor, lang, text, expected):
    c = claims(extractor, "Atalanta\n\n" + text, lang)
    assert statuses(c) == expected
    assert all(s.match_key == c.matches[0].key for s in c.statuses)


def test_coaches_get_no_player_status(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Against Roma, Gasperini was an unused substitute.", "en")
    assert c.statuses == []


def test_descriptions_resolve_in_context(extractor):
    text = "Atalanta\n\nVerzonnen. Iličić scoorde tegen Roma. Tegen Roma werd de Sloveen gewisseld."
    assert ("Josip Iličić", "substituted_off", "confirmed") in statuses(claims(extractor, text, "nl"))


# ------------------------------------------------------------------- events
@pytest.mark.parametrize("lang,text,etype,actors,certainty", [
    ("en", "Invented. Muriel reportedly had a row with Gasperini.", "dispute", ["Gian Piero Gasperini", "Luis Muriel"], "reported"),
    ("nl", "Verzonnen. Na afloop zou Gasperini zijn ontslag hebben aangeboden.", "resignation_offer", ["Gian Piero Gasperini"], "reported"),
    ("it", "Inventato. Tra Gasperini e Muriel c'è stata una rissa negli spogliatoi.", "altercation",
     ["Gian Piero Gasperini", "Luis Muriel"], "confirmed"),
    ("en", "Invented. Gosens posted a message on Instagram.", "social_media_post", ["Robin Gosens"], "confirmed"),
    ("it", "Inventato. Secondo Sky, Gosens potrebbe lasciare l'Atalanta a gennaio.", "transfer_report", ["Robin Gosens"], "reported"),
])
def test_events(extractor, lang, text, etype, actors, certainty):
    c = claims(extractor, "Atalanta\n\n" + text, lang)
    got = [(e.event_type, e.actors, e.certainty) for e in c.events]
    assert (etype, actors, certainty) in got


def test_quoted_speech_is_not_the_reporters_claim(extractor):
    c = claims(extractor, 'Atalanta\n\nInvented. "If I leave the club, there will be a row," Gosens said.', "en")
    assert [e.event_type for e in c.events] == []


# ---------------------------------------------------------------- situation
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


def test_a_status_is_for_the_match_it_names_and_the_ones_listed_with_it(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Muriel was an unused substitute against Roma and was left out "
                          "of the squads for the trips to Lazio and Parma.", "en")
    by_key = {m.key: m.opponent for m in c.matches}
    assert sorted((s.status, by_key[s.match_key]) for s in c.statuses) == [
        ("left_out", "Lazio"), ("left_out", "Parma"), ("unused_substitute", "Roma")]


def test_a_hedge_stops_at_but(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Gosens has a contract until 2023, but Inter are reportedly "
                          "interested in him.", "en")
    assert [(s.status, s.certainty) for s in c.statuses if s.status == "contract_until"] == [
        ("contract_until", "confirmed")]
