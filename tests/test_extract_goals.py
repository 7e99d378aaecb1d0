"""The goals component (fanboard/extract/goals.py): goals told in prose. All sentences here are
invented for the tests; they copy the structure of real reporting with other words."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor  # noqa: F401


def goals(c):
    return sorted((g.scorer, g.team, g.minute, g.penalty, g.own_goal) for g in c.goals)


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Invented. Atalanta beat Roma 1-0. Muriel scored in the 85th minute.",
     [("Luis Muriel", "Atalanta", 85, False, False)]),
    ("en", "Invented. Atalanta drew 1-1 with Roma, thanks to Gosens' 79th-minute equaliser.",
     [("Robin Gosens", "Atalanta", 79, False, False)]),
    ("en", "Invented. Atalanta beat Roma 2-0 with a brace from Duván Zapata.",
     [("Duván Zapata", "Atalanta", None, False, False)] * 2),
    ("en", "Invented. Atalanta beat Roma 2-0. Pessina and Gosens scored late goals.",
     [("Matteo Pessina", "Atalanta", None, False, False), ("Robin Gosens", "Atalanta", None, False, False)]),
    ("en", "Invented. Atalanta beat Roma 1-0. Duván Zapata found the net from the spot.",
     [("Duván Zapata", "Atalanta", None, True, False)]),
    ("en", "Invented. Atalanta beat Roma 1-0 after an own goal by Gianluca Mancini.",
     [("Gianluca Mancini", "Atalanta", None, False, True)]),
    ("it", "Inventato. L'Atalanta ha battuto la Roma 2-0 grazie a una doppietta di Duván Zapata.",
     [("Duván Zapata", "Atalanta", None, False, False)] * 2),
    ("it", "Inventato. L'Atalanta ha battuto la Roma 1-0 con la rete di Pessina al 34' su rigore.",
     [("Matteo Pessina", "Atalanta", 34, True, False)]),
    ("it", "Inventato. L'Atalanta ha battuto la Roma 1-0: ha segnato Muriel al minuto 61.",
     [("Luis Muriel", "Atalanta", 61, False, False)]),
    ("it", "Inventato. L'Atalanta ha battuto la Roma 1-0 per l'autogol di Gianluca Mancini.",
     [("Gianluca Mancini", "Atalanta", None, False, True)]),
    ("nl", "Verzonnen. Atalanta speelde 1-0 tegen Roma. In de 85e minuut scoorde Muriel.",
     [("Luis Muriel", "Atalanta", 85, False, False)]),
    ("nl", "Verzonnen. Atalanta speelde 1-0 tegen Roma, want daar maakte invaller Muriel het enige doelpunt.",
     [("Luis Muriel", "Atalanta", None, False, False)]),
    ("nl", "Verzonnen. Atalanta speelde 3-0 tegen Roma door doelpunten van Duván Zapata, Pessina en Gosens.",
     [("Duván Zapata", "Atalanta", None, False, False), ("Matteo Pessina", "Atalanta", None, False, False),
      ("Robin Gosens", "Atalanta", None, False, False)]),
    ("nl", "Verzonnen. Atalanta speelde 1-0 tegen Roma. Pessina scoorde uit een strafschop (12.).",
     [("Matteo Pessina", "Atalanta", 12, True, False)]),
])
def test_goals_told_in_prose(extractor, lang, text, expected):
    c = claims(extractor, "Atalanta\n\n" + text, lang)
    assert goals(c) == expected
    assert all(g.match_key == c.matches[0].key for g in c.goals)


@pytest.mark.parametrize("lang,text", [
    ("en", "Invented. Muriel scored in the 85th minute."),                       # no match told
    ("en", "Invented. Atalanta beat Roma 1-0. Muriel missed a penalty in the 85th minute."),
    ("en", "Invented. Atalanta beat Roma 1-0. Muriel has scored 12 goals this season."),
    ("en", "Invented. Atalanta face Roma on Sunday. Muriel could score."),      # a match to come
    ("en", "Invented. Atalanta beat Roma 1-0. Mario Pašalić's goal was ruled out."),
    ("en", "Invented. Atalanta beat Roma 1-0. Gabriel Jesus scored twice."),    # not a party to the match
    ("it", "Inventato. L'Atalanta ha battuto la Roma 1-0. Muriel ha sbagliato un rigore."),
    ("nl", "Verzonnen. Atalanta speelde 1-0 tegen Roma. Muriel miste een strafschop."),
])
def test_no_goal_without_a_played_match_and_a_scorer_of_it(extractor, lang, text):
    assert claims(extractor, "Atalanta\n\n" + text, lang).goals == []


def test_a_second_half_minute_is_not_read_as_the_minute(extractor):
    c = claims(extractor, "Atalanta\n\nInventato. L'Atalanta ha battuto la Roma 1-0: "
                          "ha segnato Muriel al 12' della ripresa.", "it")
    assert goals(c) == [("Luis Muriel", "Atalanta", None, False, False)]


# ------------------------------------------------------------------ merge (resolve/merge_goals.py)
def _goal(aid, start, minute=None, scorer="Ann Example"):
    from fanboard.extract.claims import GoalClaim, Provenance
    return GoalClaim(scorer, "Rivertown", minute, False, False, f"{aid}#m1", "confirmed",
                     Provenance(aid, start, start + 5, f"s{start}", "confirmed"))


def _rows(goals_by_article):
    from test_merge import assemble, match_claim
    from fanboard.extract.claims import ArticleClaims
    claims = []
    for aid, goals in goals_by_article.items():
        ac = ArticleClaims(aid, "en", "Rivertown")
        ac.matches = [match_claim(aid, 1, "Rivertown beat Northfield FC 2-1.", opponent="Northfield FC")]
        ac.goals = goals
        claims.append(ac)
    asm = assemble(claims, links={f"{aid}#m1": 0 for aid in goals_by_article})
    rows = asm.goals(asm.matches())
    return [(r["scorer"], r["minute"], r["sources"]) for r in rows]


def test_a_brace_is_two_rows_and_a_goal_told_twice_is_one():
    rows = _rows({"a": [_goal("a", 0), _goal("a", 0), _goal("a", 40)],   # "a brace from X" ... "X scored"
                  "b": [_goal("b", 0)]})
    assert rows == [("Ann Example", "", ["a", "b"]), ("Ann Example", "", ["a"])]


def test_a_goal_without_its_minute_joins_the_one_timed_goal():
    assert _rows({"a": [_goal("a", 0, 61)], "b": [_goal("b", 9)]}) == [("Ann Example", "61", ["a", "b"])]


def test_two_timed_goals_and_a_brace_elsewhere_are_two_rows():
    rows = _rows({"a": [_goal("a", 0, 12), _goal("a", 0, 61)], "b": [_goal("b", 3), _goal("b", 3)]})
    assert rows == [("Ann Example", "12", ["a", "b"]), ("Ann Example", "61", ["a", "b"])]


@pytest.mark.parametrize("lang,text", [
    ("en", "Invented. Atalanta drew 2-2 with Roma after two goals from Matteo Pessina."),
    ("it", "Inventato. L'Atalanta ha pareggiato 2-2 con la Roma grazie a due reti di Matteo Pessina."),
    ("nl", "Verzonnen. Atalanta speelde 2-2 tegen Roma dankzij twee treffers van Matteo Pessina."),
])
def test_two_goals_from_one_player_are_two_goals(extractor, lang, text):
    c = claims(extractor, "Atalanta\n\n" + text, lang)
    assert goals(c) == [("Matteo Pessina", "Atalanta", None, False, False)] * 2


def test_a_goal_told_before_its_match_goes_to_the_one_match_of_the_scorers_club(extractor):
    text = "Atalanta\n\nInvented. Matteo Pessina fired home from range. Atalanta beat Roma 2-0 on Sunday."
    c = claims(extractor, text, "en")
    assert goals(c) == [("Matteo Pessina", "Atalanta", None, False, False)]


@pytest.mark.parametrize("lang,text", [
    ("en", "Invented. Atalanta beat Roma 2-0. Earlier in the year Matteo Pessina scored five times."),
    ("nl", "Verzonnen. Atalanta speelde 2-0 tegen Roma. Vorig jaar scoorde Matteo Pessina vijf keer."),
    ("en", "Invented. Matteo Pessina fired home. Atalanta beat Roma 2-0. A week later Atalanta lost to Lazio 1-0."),
])
def test_a_count_of_goals_or_a_choice_of_matches_gives_no_goal(extractor, lang, text):
    assert claims(extractor, "Atalanta\n\n" + text, lang).goals == []


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Inventato. L'Atalanta ha battuto la Roma 1-0: al 33′ segna Matteo Pessina su lancio di Gosens.",
     [("Matteo Pessina", "Atalanta", 33, False, False)]),
    ("it", "Inventato. L'Atalanta ha battuto la Roma 1-0. Freuler è partito titolare, ha sbloccato la gara "
           "su lancio di Matteo Pessina e poi è uscito.", []),
])
def test_the_player_who_set_it_up_is_not_the_scorer(extractor, lang, text, expected):
    assert goals(claims(extractor, "Atalanta\n\n" + text, lang)) == expected


def test_a_penalty_is_the_goal_of_the_player_next_to_it(extractor):
    text = ("Atalanta\n\nVerzonnen. Atalanta speelde 2-0 tegen Roma na een benutte strafschop van Matteo Pessina "
            "en een treffer van Robin Gosens.")
    assert goals(claims(extractor, text, "nl")) == [("Matteo Pessina", "Atalanta", None, True, False),
                                                    ("Robin Gosens", "Atalanta", None, False, False)]
