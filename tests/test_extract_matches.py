"""The matches component (fanboard/extract/matches.py): match claims, one sentence at a time. All sentences here are invented for the tests."""
from __future__ import annotations

import pytest

from extract_helpers import analysed, claims, extractor, matches  # noqa: F401


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


def test_each_sentence_tells_its_matches_and_keys_count_across_the_article():
    doc = analysed("Atalanta\n\nInvented. Atalanta beat Roma 2-0 on Sunday. Next, Atalanta host Lazio.", "en", id="a1")
    told = [[(c.key, c.opponent) for c in t.claims] for t in doc._.matches]
    assert told == [[], [], [("a1#m1", "Roma")], [("a1#m2", "Lazio")]]
    assert len(doc._.matches) == len(doc._.sentences)
    (roma,) = doc._.matches[2].claims
    assert roma.provenance[0].quote == "Atalanta beat Roma 2-0 on Sunday."
    assert [(t.text, key) for t, key in doc._.matches[2].dated] == [("Sunday", "a1#m1")]


def test_a_match_told_in_two_sentences_is_one_claim_and_statuses_follow_it(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Atalanta beat Roma 2-0 on Sunday. Against Roma, Muriel was an "
                          "unused substitute.", "en")
    (m,) = c.matches
    assert (m.key, m.opponent, m.merged_keys) == ("t#m1", "Roma", ["t#m2"])
    assert [p.quote for p in m.provenance] == ["Atalanta beat Roma 2-0 on Sunday.",
                                              "Against Roma, Muriel was an unused substitute."]
    assert [(s.player, s.status, s.match_key) for s in c.statuses] == [("Luis Muriel", "unused_substitute", "t#m1")]


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Inventato. Brutta serata per il Torino, che perde 3-1 con il Genoa davanti ai suoi tifosi.",
     ("Torino", "Genoa", None, 1, 3, "played")),
    ("en", "Invented. Roma sit third, two points above Lazio, which lost 2-0 at Napoli.",
     ("Lazio", "Napoli", "away", 0, 2, "played")),
    ("nl", "Verzonnen. Ook Juventus, dat gelijkspeelde tegen Inter (1-1), zakte een plaats.",
     ("Juventus", "Inter", None, 1, 1, "played")),
])
def test_a_relative_pronoun_names_the_subject_of_the_match(extractor, lang, text, expected):
    assert matches(claims(extractor, "Atalanta\n\n" + text, lang)) == [expected]


def test_the_club_right_after_a_cue_is_its_subject_not_its_opponent(extractor):
    # no connector between cue and club: the club is not playing itself, no opponent is named
    c = claims(extractor, "Atalanta\n\nInventato. Dopo questo pareggio l'Atalanta resta quinta in classifica.", "it")
    assert all(m.opponent is None and m.self_reference is None and not m.hole for m in c.matches)


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Invented. Atalanta earned a point against Liverpool at Anfield on Tuesday.",
     ("Atalanta", "Liverpool", "away", None, None, None)),
    ("en", "Invented. Atalanta drew 2-2 with Udinese at the Gewiss Stadium.",
     ("Atalanta", "Udinese", "home", 2, 2, "played")),
    ("it", "Inventato. L'Atalanta ha pareggiato con l'Ajax ad Amsterdam.",
     ("Atalanta", "Ajax", "away", None, None, "played")),
    ("nl", "Verzonnen. Atalanta speelde gelijk tegen Ajax in Amsterdam.",
     ("Atalanta", "Ajax", "away", None, None, "played")),
])
def test_a_home_town_or_ground_after_the_opponent_gives_the_venue(extractor, lang, text, expected):
    got = matches(claims(extractor, "Atalanta\n\n" + text, lang))
    assert [g[:5] for g in got] == [expected[:5]]
    assert expected[5] is None or got[0][5] == expected[5]


def test_a_town_of_neither_club_gives_no_venue(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Atalanta drew 2-2 with Udinese in Florence.", "en")
    assert matches(c) == [("Atalanta", "Udinese", None, 2, 2, "played")]


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Inventato. L'Atalanta ha battuto l'Ajax. Poi gli olandesi hanno perso 2-0 con il Liverpool.",
     [("Atalanta", "Ajax", None, None, None, "played"), ("Ajax", "Liverpool", None, 0, 2, "played")]),
    ("en", "Invented. Atalanta beat Ajax. Then the Dutch side drew 1-1 with Liverpool.",
     [("Atalanta", "Ajax", None, None, None, "played"), ("Ajax", "Liverpool", None, 1, 1, "played")]),
    ("en", "Invented. Atalanta beat Udinese 2-0 and the Reds drew 1-1 with Ajax.",
     [("Atalanta", "Udinese", None, 2, 0, "played"), ("Liverpool", "Ajax", None, 1, 1, "played")]),
])
def test_demonyms_and_nicknames_name_clubs(extractor, lang, text, expected):
    assert matches(claims(extractor, "Atalanta\n\n" + text, lang)) == expected


def test_a_demonym_with_two_clubs_of_that_country_stays_unresolved(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Atalanta beat Liverpool, and Chelsea lost too. "
                          "Then the English side drew 1-1 with Ajax.", "en")
    assert all(m.subject not in ("Liverpool", "Chelsea") for m in c.matches)


def test_a_demonym_before_the_name_is_no_second_mention(extractor):
    doc = analysed("Atalanta\n\nInventato. L'Atalanta ha pareggiato contro i danesi del Midtjylland.", "it")
    names = [m.name for v in doc._.sentences for m in v.mentions if m.label == "CLUB"]
    assert names == ["Atalanta", "Atalanta", "FC Midtjylland"]


def test_a_name_stripped_right_after_the_cue_is_a_hole(extractor):
    c = claims(extractor, "Atalanta news\n\nInvented. They went through by beating  2-0 in the rain.", "en")
    assert [(m.opponent, m.hole, m.subject_goals, m.opponent_goals) for m in c.matches] == [(None, True, 2, 0)]


# Constructions of real reporting (issue 10), each in a sentence of our own with the same syntax.
@pytest.mark.parametrize("lang,text,expected", [
    # "the <result> of X against Y": X's match, not the focus club's against X
    ("it", "Inventato. Il Napoli resta primo grazie al pareggio 1-1 della Roma contro la Lazio.",
     ("Roma", "Lazio", None, 1, 1, "played")),
    ("it", "Inventato. Il Bologna respira, vista la sconfitta del Torino in casa del Genoa.",
     ("Torino", "Genoa", "away", None, None, "played")),
    ("it", "Inventato. Dopo il 3-1 del Milan ieri contro il Cagliari, oggi tocca alla Lazio.",
     ("Milan", "Cagliari", None, 3, 1, "played")),
    # a competition between the result word and its opponent
    ("it", "Inventato. La Roma è reduce dalla vittoria in campionato contro il Torino.",
     ("Roma", "Torino", None, None, None, "played")),
    # present tense and a day to come: a fixture still to be played
    ("nl", "Verzonnen. Ajax begint woensdag met drie nieuwe spelers aan de thuiswedstrijd tegen Liverpool.",
     ("Ajax", "Liverpool", "home", None, None, "scheduled")),
])
def test_match_claims_of_real_constructions(extractor, lang, text, expected):
    assert matches(claims(extractor, "Atalanta\n\n" + text, lang))[0] == expected


def test_the_match_of_today_is_no_stripped_name(extractor):
    c = claims(extractor, "Atalanta\n\nInventato. Il tecnico ha convocato tutti per la partita di oggi.", "it")
    assert [m for m in c.matches if m.hole] == []


@pytest.mark.parametrize("lang,text,expected", [
    # a gerund cue belongs to the subject of its sentence; "sul campo del X" names the host
    ("it", "Inventato. La Lazio resta quarta in classifica, vincendo 3-1 sul campo del Cagliari.",
     ("Lazio", "Cagliari", "away", 3, 1, "played")),
    # "si impone ... per 2-1": the score of a win is written winner first, even after a venue
    ("it", "Inventato. Il Torino si impone in trasferta sul campo del Parma per 2-1.",
     ("Torino", "Parma", "away", 2, 1, "played")),
    # a score after "per", then the host
    ("it", "Inventato. Il Genoa pareggia per 1-1 sul campo della Sampdoria.",
     ("Genoa", "Sampdoria", "away", 1, 1, "played")),
    # a passive defeat "sconfitto 2-0 dal X"
    ("it", "Inventato. Brutta serata per lo Spezia, che viene sconfitto 3-0 dal Sassuolo.",
     ("Spezia", "Sassuolo", None, 0, 3, "played")),
])
def test_round_up_sentences(extractor, lang, text, expected):
    assert matches(claims(extractor, "Atalanta\n\n" + text, lang))[0] == expected


def test_a_score_before_between_x_and_y_is_their_match(extractor):
    c = claims(extractor, "Atalanta\n\nInventato. Finisce in parità per 2-2 la gara tra Udinese e Bologna, "
                          "mentre è solo 0-0 tra Roma e Genoa.", "it")
    named = {(m.subject, m.opponent, m.subject_goals, m.opponent_goals) for m in c.matches if m.opponent}
    assert named == {("Udinese", "Bologna", 2, 2), ("Roma", "Genoa", 0, 0)}


def test_an_earlier_win_after_after_is_not_the_coming_match(extractor):
    c = claims(extractor, "Atalanta\n\nVerzonnen. Na de 5-0 zege gaat Ajax zaterdag op bezoek bij Liverpool.", "nl")
    (m,) = [m for m in c.matches if m.opponent]
    assert (m.subject, m.opponent, m.venue, m.subject_goals, m.status) == ("Ajax", "Liverpool", "away", None, "scheduled")


@pytest.mark.parametrize("text, expected", [
    # a passive defeat: the subject lost, the club after "by" won (and the score is the winner's first)
    ("Invented. Napoli were beaten 3-1 by Roma on Sunday.", ("Napoli", "Roma", 1, 3)),
    ("Invented. Napoli went out after being thrashed by Roma.", ("Napoli", "Roma", None, None)),
    # the active perfect tense is a win
    ("Invented. Roma have beaten Napoli 3-1.", ("Roma", "Napoli", 3, 1)),
])
def test_an_english_passive_defeat_is_the_subjects_loss(extractor, text, expected):
    c = claims(extractor, "Napoli\n\n" + text, "en")
    assert [(m.subject, m.opponent, m.subject_goals, m.opponent_goals, m.status) for m in c.matches] == \
        [(*expected, "played")]
