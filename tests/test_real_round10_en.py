"""Round 10 on real reporting (issue 10), English: constructions found in the development set,
each tested with sentences written for this file (other clubs, other players, other numbers, the
same grammar). No sentence here comes from a real article."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401


def _built(text: str, lang: str, published) -> dict:
    from fanboard import pipeline
    from fanboard.extract.article import Extractor
    from fanboard.ingest import Article
    from fanboard.nlp import default_pipelines

    pipes = default_pipelines()
    a = Article(id="t", path=Path("t.txt"), text=text, headline=text.splitlines()[0], language=lang,
                published=published)
    return pipeline.reconcile([a], {"t": Extractor(pipes).extract(a)}, pipes.kb)


def _match_rows(text: str, published) -> list[dict]:
    rows = _built(text, "en", published)["matches"]
    return rows[["match_id", "date", "home", "away", "home_goals", "away_goals", "status"]].astype(str).to_dict("records")


# ---------------------------------------------------------------- a recent result with a wrong score

RECENT = "Preview\n\nBoth sides arrive in form: Sassuolo are coming off a {result} Fiorentina.\n\n"


@pytest.mark.parametrize("result,published,expected", [
    # the score fits no meeting of the two (Sassuolo won 3-1 a week before): the one recent meeting
    # with the same result is the match told, with the calendar's score
    ("2-0 win over", date(2021, 4, 24),
     [{"match_id": "2021-04-17-sassuolo-fiorentina", "date": "2021-04-17", "home": "Sassuolo",
       "away": "Fiorentina", "home_goals": "3", "away_goals": "1", "status": "played"}]),
    # not with another result, nor weeks later: no meeting is claimed (no row, no wrong day)
    ("2-0 defeat to", date(2021, 4, 24), []),
    ("2-0 win over", date(2021, 5, 20), []),
])
def test_a_recent_result_whose_score_no_meeting_has_is_the_one_recent_meeting_of_that_result(result, published, expected):
    assert _match_rows(RECENT.format(result=result), published) == expected


# ---------------------------------------------------------------- a result after "thanks to"

LEG = "Atalanta need a miracle\n\nReal Madrid go into the second leg against Atalanta in the driving seat, {rest}\n\n"


@pytest.mark.parametrize("rest,expected", [
    # the win a cause phrase brings in is the sentence's subject's (not the article's club's),
    # here the first leg of the same tie: one claim of the two clubs
    ("thanks to a 1-0 win in the first leg in Bergamo.", [("Real Madrid", "Atalanta", None, 1, 0, "played")]),
    ("courtesy of a 1-0 victory in the first leg.", [("Real Madrid", "Atalanta", None, 1, 0, "played")]),
])
def test_a_result_brought_in_by_a_cause_phrase_is_the_sentence_subjects(extractor, rest, expected):
    assert matches(claims(extractor, LEG.format(rest=rest), "en")) == expected


def test_the_first_leg_won_thanks_to_is_put_on_the_calendar_with_its_goal():
    text = LEG.format(rest="thanks to a 1-0 win in the first leg in Bergamo.") + \
        "Atalanta were down to ten early on, but Ferland Mendy scored only late in the game."
    built = _built(text, "en", date(2021, 3, 15))
    assert built["matches"][["match_id", "status"]].to_dict("records") == \
        [{"match_id": "2021-02-24-atalanta-real-madrid", "status": "played"}]
    assert built["goals"][["match_id", "scorer", "team"]].to_dict("records") == \
        [{"match_id": "2021-02-24-atalanta-real-madrid", "scorer": "Ferland Mendy", "team": "Real Madrid"}]


# ---------------------------------------------------------------- a team's ratings on one line

RATED = ("Lazio player ratings\n\nLazio beat Torino 3-1 at the Stadio Olimpico in Serie A on Sunday.\n\n"
         "Ratings\n\n{line}\n\nMan of the match: Ciro Immobile\n")


def _statuses(c):
    return sorted((s.player, s.status, s.value) for s in c.statuses if s.status != "captain")


@pytest.mark.parametrize("line,expected", [
    # the marks of a team on one line, a change in brackets with its minute before the name
    # (’64), and a name the page lost (a bare mark)
    ("Reina 6; Patric 6, Acerbi 7, Radu 6.5; Marusic 6 (’64 Lazzari 6), 6, Leiva 6.5, "
     "Luis Alberto 7 (’80 Akpa Akpro 6), Lulic 6; Correa 6.5 (’71 Caicedo 6), Immobile 8",
     [("Adam Marušić", "started", ""), ("Adam Marušić", "substituted_off", "64"),
      ("Ciro Immobile", "started", ""), ("Felipe Caicedo", "substituted_on", "71"),
      ("Francesco Acerbi", "started", ""), ("Jean-Daniel Akpa Akpro", "substituted_on", "80"),
      ("Joaquín Correa", "started", ""), ("Joaquín Correa", "substituted_off", "71"),
      ("Lucas Leiva", "started", ""), ("Luis Alberto", "started", ""), ("Luis Alberto", "substituted_off", "80"),
      ("Manuel Lazzari", "substituted_on", "64"), ("Patric", "started", ""), ("Pepe Reina", "started", ""),
      ("Senad Lulić", "started", ""), ("Ștefan Radu", "started", "")]),
    # a line of a few marks is no team's ratings, nor a sentence that ends with a full stop
    ("Reina 6; Patric 6, Acerbi 7", []),
    ("Reina 6, Patric 6, Acerbi 7, Radu 6.5, Marusic 6, Leiva 6.5, Lulic 6, Correa 6.5 and Immobile 8.", []),
])
def test_a_teams_ratings_on_one_line_tell_its_starters_and_changes(extractor, line, expected):
    assert _statuses(claims(extractor, RATED.format(line=line), "en")) == expected


def test_a_surname_with_a_typographic_apostrophe_is_found_in_a_teams_names():
    from fanboard.extract.lineup_text import Name
    from fanboard.extract.lineups import _people_index, _person
    from fanboard.nlp import default_pipelines

    kb = default_pipelines().kb
    inter = kb.club("Inter")
    assert _person(_people_index(kb, inter), Name("D’Ambrosio", 0, 10)).name == "Danilo D'Ambrosio"


# ---------------------------------------------------------------- a round-up's results

@pytest.mark.parametrize("sentence,expected", [
    # "held 2-2 (at home) by X": a draw; the club after 'and' that a cue of its own follows is no twin
    ("Second-place Roma were held 2-2 at home by 10-man Genoa and Lazio drew 1-1 at Parma.",
     [("Roma", "Genoa", "home", 2, 2, "played"), ("Lazio", "Parma", "away", 1, 1, "played")]),
    ("Sassuolo were held 0-0 by Spezia.", [("Sassuolo", "Spezia", None, 0, 0, "played")]),
    # "accounted for X": a win
    ("Napoli accounted for Cagliari 4-1 to go fourth.", [("Napoli", "Cagliari", None, 4, 1, "played")]),
    # the agent of one verb ('by X') is not the subject of the next ('and lost to Y')
    ("Sassuolo were knocked out of the cup by Napoli and lost to Crotone a week later.",
     [("Sassuolo", "Crotone", None, None, None, "played")]),
    # "the only goal of the game for X": X's goal, no match against X
    ("Andrea Belotti scored the only goal of the game for Torino on a day when Roma drew 1-1 with Genoa.",
     [("Roma", "Genoa", None, 1, 1, "played")]),
])
def test_round_up_results(extractor, sentence, expected):
    assert matches(claims(extractor, "Round-up\n\n" + sentence, "en")) == expected


# ---------------------------------------------------------------- a round-up's goals

def _goals(c):
    return sorted((g.scorer, g.team, g.minute, g.penalty) for g in c.goals)


DERBY = "Round-up\n\nLazio 3-1 Torino\n\n"


@pytest.mark.parametrize("sentence,expected_goals", [
    # "with a brace in the win over X", after a bracket: the sentence's subject, not the player
    # after 'with'; the win is his club's, the match of the block
    ("Ciro Immobile drew level with Cristiano Ronaldo (20 goals) in the scoring charts with a brace in "
     "Sunday's win over Torino.",
     [("Ciro Immobile", "Lazio", None, False), ("Ciro Immobile", "Lazio", None, False)]),
    # "hit back through X", "restored the two-goal advantage", "into an empty net"
    ("Torino hit back through Andrea Belotti early in the second half.", [("Andrea Belotti", "Torino", None, False)]),
    ("Joaquin Correa restored the two-goal advantage with a fine solo run.", [("Joaquín Correa", "Lazio", None, False)]),
    ("Luis Alberto slotted the ball into an empty net for the third goal.", [("Luis Alberto", "Lazio", None, False)]),
    # "salvaged / rescued a point": the one who scored it
    ("Andrea Belotti salvaged a point for Torino late on, but Lazio scored twice more.",
     [("Andrea Belotti", "Torino", None, False)]),
])
def test_round_up_goals(extractor, sentence, expected_goals):
    c = claims(extractor, DERBY + sentence, "en")
    assert _goals(c) == expected_goals
    assert matches(c)[0] == ("Lazio", "Torino", "home", 3, 1, "played")
    assert len({g.match_key for g in c.goals} | {c.matches[0].key}) == 1


# ---------------------------------------------------------------- a coach's decision not to call a player up

@pytest.mark.parametrize("sentence,expected", [
    # the coach's failure / decision not to call the player: a squad exclusion, the coach its agent
    ("A reporter, the club's TV correspondent, spoke of Inzaghi's failure to call Luis Alberto for the game "
     "against Napoli.", [("squad_exclusion", ("Simone Inzaghi",), ("Luis Alberto",))]),
    ("Everyone talked about Inzaghi's decision not to call up Luis Alberto for the trip to Naples.",
     [("squad_exclusion", ("Simone Inzaghi",), ("Luis Alberto",))]),
    # a failure to do something else is none
    ("Inzaghi spoke of his side's failure to score against Napoli.", []),
])
def test_a_coachs_decision_not_to_call_a_player_is_a_squad_exclusion(extractor, sentence, expected):
    c = claims(extractor, "Lazio news\n\n" + sentence, "en")
    assert sorted((e.event_type, tuple(e.agents), tuple(e.targets)) for e in c.events) == expected
