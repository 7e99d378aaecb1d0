"""Round 10 of issue 10, Italian round-ups: whose result a result noun tells. A round-up names
many clubs, and a claim that falls back to the article's own club for want of a subject pairs
it with clubs it did not play. Every sentence here is written for the test, with the structure
of a construction of real reporting and other words, clubs and numbers."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401


@pytest.mark.parametrize("text,expected", [
    # the club after a result noun, with no connector, is its (inverted) subject; the verb of
    # the relative clause after it names the opponent, after an aside between commas
    ("Lazio\n\nInventato. Torna al successo anche il Torino, che ha superato, nella sfida di ieri, il Genoa.",
     [("Torino", "Genoa", None, None, None, "played")]),
    # the club after a genitive right after a result noun (a score in words between) is whose
    # result it was; the venue phrase after it names the opponent
    ("Lazio\n\nInventato. In coda importante vittoria per 1 a 0 del Parma sul campo dello Spezia.",
     [("Parma", "Spezia", "away", 1, 0, "played")]),
    # the same with no opponent named: Parma's win (the calendar may find whom it beat), no
    # match of the article's own club
    ("Lazio\n\nInventato. In coda importante vittoria per 1 a 0 del Parma, che sale a 20 punti.",
     [("Parma", None, None, 1, 0, "played")]),
    # an aside between commas after a verb, then its object
    ("Lazio\n\nInventato. Il Torino ha battuto, in rimonta, il Genoa.",
     [("Torino", "Genoa", None, None, None, "played")]),
])
def test_a_round_up_result_belongs_to_the_club_it_names(extractor, text, expected):
    assert matches(claims(extractor, text, "it")) == expected


@pytest.mark.parametrize("text,expected", [
    # a result noun with its connector still names the opponent of the article's club
    ("Lazio\n\nInventato. Dopo la vittoria contro il Genoa, la squadra si prepara.",
     [("Lazio", "Genoa", None, None, None, "played")]),
    # a genitive then a connector: the first club's match against the second
    ("Lazio\n\nInventato. Da segnalare il pareggio della Fiorentina contro il Bologna.",
     [("Fiorentina", "Bologna", None, None, None, "played")]),
])
def test_a_result_noun_with_a_connector_keeps_its_opponent(extractor, text, expected):
    assert matches(claims(extractor, text, "it")) == expected


@pytest.mark.parametrize("text,expected", [
    # an intransitive result verb before its club (verb-subject order): the club is the subject
    ("Lazio\n\nInventato. Nel posticipo serale vince il Torino, che in casa batte 3-0 il Genoa e sale al sesto posto.",
     [("Torino", "Genoa", None, 3, 0, "played")]),
    # a plural verb and an indefinite article before the opponent; a nickname as the subject
    ("Lazio\n\nInventato. I giallorossi vincono 3-1 in casa di un Genoa sempre più in crisi.",
     [("Roma", "Genoa", "away", 3, 1, "played")]),
    # "in rimonta" between the score and the object
    ("Lazio\n\nInventato. I granata battono 2-0 in rimonta il Genoa.",
     [("Torino", "Genoa", None, 2, 0, "played")]),
    # the venue after a result verb is that played match, not one a later modal announces
    ("Lazio\n\nInventato. Brutta sconfitta per il Parma, che cade 2-0 in casa del Genoa e ora deve guardarsi alle spalle.",
     [("Parma", "Genoa", "away", 0, 2, "played")]),
])
def test_a_round_up_verb_tells_whose_result_it_is(extractor, text, expected):
    assert matches(claims(extractor, text, "it")) == expected


@pytest.mark.parametrize("text,expected", [
    # a score in words after "per", and a relative pronoun far before the cue
    ("Lazio\n\nInventato. Prosegue la corsa della Roma che nella lunga trasferta del sabato sera è riuscita "
     "a imporsi per 3 a 1 contro il Genoa.",
     [("Roma", "Genoa", "away", 3, 1, "played")]),
    ("Lazio\n\nInventato. Il Torino ha battuto il Genoa per 3 a 1.",
     [("Torino", "Genoa", None, 3, 1, "played")]),
    # words that only look like a score: no preposition before them
    ("Lazio\n\nInventato. Il Torino ha battuto il Genoa: 3 a 1 i tiri in porta.",
     [("Torino", "Genoa", None, None, None, "played")]),
])
def test_a_score_in_words_is_read(extractor, text, expected):
    assert matches(claims(extractor, text, "it")) == expected


@pytest.mark.parametrize("text,expected", [
    # a loss told by an idiom, at a stadium written with a typographic apostrophe
    ("Milan\n\nInventato. Ricordiamo che il Torino ha lasciato le penne al Dall’Ara di Bologna.",
     [("Torino", "Bologna", "away", None, None, "played")]),
    # a draw told as a result it did not go beyond, at a stadium of the knowledge base
    ("Milan\n\nInventato. Sabato la Juve non è andata oltre il risultato nullo al Bentegodi di Verona.",
     [("Juventus", "Hellas Verona", "away", None, None, "played")]),
])
def test_idioms_of_a_result_at_a_stadium(extractor, text, expected):
    assert matches(claims(extractor, text, "it")) == expected


def test_a_name_with_a_typographic_apostrophe_is_found(extractor):
    c = claims(extractor, "Inter\n\nInventato. Danilo D’Ambrosio partirà dal primo minuto contro il Genoa.", "it")
    assert c.entities == [(0, 5, "CLUB", "Inter"), (18, 35, "PERSON", "Danilo D'Ambrosio"), (71, 76, "CLUB", "Genoa")]


def test_a_club_that_leaves_something_behind_is_no_departure(extractor):
    text = ("Napoli\n\nInventato. Dries Mertens ha segnato ancora. Ricordiamo che la Roma ha lasciato "
            "le penne al Dall’Ara di Bologna.")
    assert [s for s in claims(extractor, text, "it").statuses if s.status == "expected_departure"] == []


def _competitions(c):
    return [(m.subject, m.opponent, m.competition) for m in c.matches]


@pytest.mark.parametrize("lang,text,expected", [
    # a competition named as the goal of a race is not where the match was played
    ("it", "Milan\n\nInventato. L'Atalanta si aggiudica lo scontro diretto Champions contro la Juventus.",
     [("Atalanta", "Juventus", None)]),
    ("en", "Milan\n\nMade up. Atalanta beat Juventus in the Champions League race.",
     [("Atalanta", "Juventus", None)]),
    ("nl", "Milan\n\nVerzonnen. Atalanta won van Juventus in de strijd om een Champions League-ticket.",
     [("Atalanta", "Juventus", None)]),
    # named as where they played, it stays
    ("it", "Milan\n\nInventato. L'Atalanta batte la Juventus in Champions League.",
     [("Atalanta", "Juventus", "UEFA Champions League")]),
    ("nl", "Milan\n\nVerzonnen. Atalanta won in de Champions League van Juventus.",
     [("Atalanta", "Juventus", "UEFA Champions League")]),
])
def test_a_race_for_a_competition_is_not_the_match_competition(extractor, lang, text, expected):
    assert _competitions(claims(extractor, text, lang)) == expected
