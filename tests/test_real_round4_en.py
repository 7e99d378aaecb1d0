"""English constructions of real reporting (issue 10, round 4), each in a sentence written for
the test with the structure of the real one (other words, other clubs and players)."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401


@pytest.mark.parametrize("text,expected", [
    # a score line between the two clubs, home first: headlines, "Final score:" lines
    ("Sassuolo 1-3 Genoa: five things we learned", [("Sassuolo", "Genoa", "home", 1, 3, "played")]),
    ("- Full-time: Torino 2-2 Lazio", [("Torino", "Lazio", "home", 2, 2, "played")]),
    # the newspaper form: each club followed by its goals, then the scorers
    ("TORINO 0 ROMA 3 Dzeko 12, Pellegrini 40, Mkhitaryan 77", [("Torino", "Roma", "home", 0, 3, "played")]),
])
def test_score_line_between_the_clubs(extractor, text, expected):
    assert matches(claims(extractor, "Serie A\n\n" + text, "en")) == expected


def test_numbers_after_clubs_that_are_not_a_score_line(extractor):
    # "Roma 2 points ..." is no score line: the second club is not followed by its goals
    assert matches(claims(extractor, "Serie A\n\nRoma 2 Lazio were the headline of the week.", "en")) == []


def test_a_match_with_its_final_score_is_not_dated_in_the_future(extractor):
    # "ahead of" is a future cue, but the match was played: its weekday is the one before
    text = ("Roma 2-0 Torino: the recap\n\nGoing into Sunday night with the pressure to stay ahead of "
            "the pack, Roma were able to grind out a 2-0 win over a stubborn Torino side.")
    c = claims(extractor, text, "en")
    assert matches(c) == [("Roma", "Torino", "home", 2, 0, "played")]
    assert (c.matches[0].time.text, c.matches[0].time.tense) == ("Sunday night", "past")


def _statuses(c):
    return sorted((s.player, s.status, s.match_key is not None) for s in c.statuses)


def test_players_rated_out_of_ten_took_part(extractor):
    # a ratings list: each rated player started; those under a substitutes heading came on
    text = ("Lazio 3-1 Sassuolo: how we rated the hosts\n\n"
            "Lazio were much the better side and deserved the points.\n"
            "LAZIO PLAYER RATINGS\n"
            "Thomas Strakosha (GK) - 6/10 - Hardly tested all evening.\n"
            "Francesco Acerbi: 7.5/10\n"
            "Calm on the ball and strong in the air.\n"
            "Ciro Immobile (ST) – 8/10 – Took both of his chances.\n"
            "Substitutes\n"
            "Vedat Muriqi - 6/10 - Lively after his introduction.\n")
    c = claims(extractor, text, "en")
    assert matches(c) == [("Lazio", "Sassuolo", "home", 3, 1, "played")]
    assert _statuses(c) == [("Ciro Immobile", "started", True), ("Francesco Acerbi", "started", True),
                            ("Thomas Strakosha", "started", True), ("Vedat Muriqi", "substituted_on", True)]


def test_two_marks_are_no_ratings_list(extractor):
    text = ("Lazio 3-1 Sassuolo: the verdict\n\n"
            "Thomas Strakosha - 6/10 for the keeper, said one fan.\n"
            "Ciro Immobile - 8/10 was the average mark of the readers.\n")
    assert _statuses(claims(extractor, text, "en")) == []


@pytest.mark.parametrize("text", [
    "Lazio were also without key men like Ciro Immobile, Luis Alberto and Senad Lulić.",
    "Lazio were without Ciro Immobile, Luis Alberto and Senad Lulić.",
])
def test_a_side_without_players_left_them_out(extractor, text):
    c = claims(extractor, "Lazio v Torino\n\nLazio beat Torino 2-0 on Sunday.\n\n" + text, "en")
    assert _statuses(c) == [("Ciro Immobile", "left_out", True), ("Luis Alberto", "left_out", True),
                            ("Senad Lulić", "left_out", True)]


@pytest.mark.parametrize("text,expected", [
    # a number before the club ("ten-man X") does not hide the opponent
    ("Napoli were too strong as they beat a ten-man Torino side 3-0 in Naples.", ("Napoli", "Torino", "home", 3, 0, "played")),
    ("Roma earned a 2-1 win over 10-man Genoa.", ("Roma", "Genoa", None, 2, 1, "played")),
    # "at home against/to X": the subject was at home, "at" is no away connector here
    ("Lazio had to settle for a 2-2 draw at home against Sassuolo on Sunday.", ("Lazio", "Sassuolo", "home", 2, 2, "played")),
    ("Genoa slumped to a 0-3 defeat at home to Roma.", ("Genoa", "Roma", "home", 0, 3, "played")),
])
def test_numbered_sides_and_home_words(extractor, text, expected):
    assert matches(claims(extractor, "Serie A\n\n" + text, "en")) == [expected]


def test_substitute_before_a_name_came_on(extractor):
    text = "Lazio v Torino\n\nLazio beat Torino 2-0.\n\nLazio substitute Vedat Muriqi sealed it with a late header."
    assert _statuses(claims(extractor, text, "en")) == [("Vedat Muriqi", "substituted_on", True)]


def test_a_conflict_substitution_names_only_its_own_players():
    """A substitution of a player in a conflict is an event of the conflict; the other changes
    of the match (told elsewhere in the article) are not parties to it. (Round 9: the conflict's
    player is taken off here; one only sent on, told apart from the conflict, is no event of it,
    see test_real_round9_en.)"""
    from datetime import date
    from pathlib import Path

    from fanboard import pipeline
    from fanboard.extract.article import Extractor
    from fanboard.ingest import Article
    from fanboard.nlp import default_pipelines

    text = ("Juventus held by Atalanta\n\nJuventus were held to a 1-1 draw at home against Atalanta on Wednesday.\n\n"
            "The build-up had been overshadowed by a row between coach Andrea Pirlo and Dybala.\n\n"
            "Juventus led soon after Paulo Dybala was taken off.\n\n"
            "Late on, Aaron Ramsey was replaced by Alvaro Morata.")
    pipes = default_pipelines()
    a = Article(id="t", path=Path("t.txt"), text=text, headline="Juventus held by Atalanta", language="en",
                published=date(2020, 12, 17))
    tables = pipeline.reconcile([a], {"t": Extractor(pipes).extract(a)}, pipes.kb)
    events = tables["events"][["event_type", "agents", "targets", "match_id"]].to_dict("records")
    assert sorted(events, key=lambda e: e["event_type"]) == [
        {"event_type": "dispute", "agents": "Andrea Pirlo;Paulo Dybala", "targets": "", "match_id": ""},
        {"event_type": "substitution", "agents": "Andrea Pirlo", "targets": "Paulo Dybala",
         "match_id": "2020-12-16-juventus-atalanta"},
    ]


@pytest.mark.parametrize("text,expected", [
    ("Lazio's number nine and captain, Ciro Immobile, was the best player on the pitch.",
     [("Ciro Immobile", "captain", False)]),
    ("Their Italian skipper, Ciro Immobile, was at the heart of every attack.", [("Ciro Immobile", "captain", False)]),
    ("He spoke to the captain, and Ciro Immobile listened.", []),
])
def test_captain_in_apposition(extractor, text, expected):
    assert _statuses(claims(extractor, "Lazio v Torino\n\nLazio beat Torino 2-0.\n\n" + text, "en")) == expected
