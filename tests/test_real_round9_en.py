"""Round 9 on real reporting (issue 10), English: constructions found in the development set,
each tested with sentences written for this file (other clubs, other players, other numbers, the
same grammar). No sentence here comes from a real article."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, matches  # noqa: F401

DRAW = "Lazio v Torino\n\nLazio drew 2-2 with Torino on Sunday.\n\n"


def _goals(c):
    return sorted((g.scorer, g.team, g.minute, g.penalty) for g in c.goals)


@pytest.mark.parametrize("sentence,expected", [
    # "<club's> X put them in front": a pronoun (or 'the hosts', 'the visitors') for the club
    ("Lazio's Ciro Immobile put them in front after 20 minutes.", [("Ciro Immobile", "Lazio", 20, False)]),
    ("A Ciro Immobile header put the hosts ahead before the break.", [("Ciro Immobile", "Lazio", None, False)]),
    # "<name> strike(s) <verb>": the name before the noun scored; players joined by 'and' too
    ("But Andrea Belotti and Simone Zaza strikes cancelled out the early lead.",
     [("Andrea Belotti", "Torino", None, False), ("Simone Zaza", "Torino", None, False)]),
    ("A late Simone Zaza penalty rescued a point for the visitors.", [("Simone Zaza", "Torino", None, True)]),
    # a modal after 'and' belongs to the next verb, not to the goal before it
    ("Ciro Immobile scored after 20 minutes, but Andrea Belotti fired home an equaliser six minutes later "
     "and the visitors could not find a winner.",
     [("Andrea Belotti", "Torino", 26, False), ("Ciro Immobile", "Lazio", 20, False)]),
    # ... but a modal before the goal still hedges it, and 'almost scored' is no goal
    ("Andrea Belotti could fire home a winner on Sunday.", []),
    ("Simone Zaza almost scored just after coming on.", []),
    # the noun of a goal not followed by what it did tells none
    ("A Simone Zaza penalty appeal was waved away.", []),
])
def test_english_goal_idioms(extractor, sentence, expected):
    assert _goals(claims(extractor, DRAW + sentence, "en")) == expected


def test_consigned_to_defeat_is_a_win_over_the_club(extractor):
    # "X consigned Y to (their Nth) defeat": X beat Y
    c = claims(extractor, "Report\n\nFiorentina consigned Torino to their third defeat in a row on Sunday.", "en")
    assert ("Fiorentina", "Torino", None, None, None, "played") in matches(c)


# ---------------------------------------------------------------- a conflict player only sent on

SENT_ON = ("Juventus held by Atalanta\n\nJuventus were held to a 1-1 draw at home against Atalanta on Wednesday.\n\n"
           "The build-up had been overshadowed by a row between coach Andrea Pirlo and Dybala.\n\n")


@pytest.mark.parametrize("sentence,expected", [
    # sending him on is told as part of the match, not of the quarrel: no event of the conflict
    ("Aaron Ramsey levelled soon after Paulo Dybala came off the bench.", []),
    # told with the quarrel in the same sentence, it is one
    ("Paulo Dybala came off the bench for the last two minutes, a sign that his row with Pirlo goes on.",
     [{"event_type": "substitution", "agents": "Andrea Pirlo", "targets": "Paulo Dybala",
       "match_id": "2020-12-16-juventus-atalanta"}]),
])
def test_a_conflict_player_sent_on_is_a_conflict_substitution_only_told_with_the_conflict(sentence, expected):
    from datetime import date

    from test_real_round8_ev import _built_events
    events = _built_events(SENT_ON + sentence, "en", date(2020, 12, 17))
    assert [e for e in events if e["event_type"] == "substitution"] == expected


# ---------------------------------------------------------------- a club executive's word on social media

def _events(c):
    return sorted((e.event_type, tuple(e.agents), tuple(e.targets)) for e in c.events)


@pytest.mark.parametrize("text,expected", [
    # the club's executive confirming on his accounts gives the club's word, not a post of the story
    ("Atalanta news\n\nMade up. Atalanta president Antonio Percassi confirmed on Twitter after the game that "
     "Gasperini would stay.", []),
    # a player's post is one
    ("Atalanta news\n\nMade up. Duvan Zapata thanked the fans on Instagram after the game.",
     [("social_media_post", ("Duván Zapata",), ())]),
])
def test_a_club_executive_on_social_media_is_no_post_of_the_story(extractor, text, expected):
    assert [e for e in _events(claims(extractor, text, "en")) if e[0] == "social_media_post"] == expected


# ---------------------------------------------------------------- a preview: an imagined result, absentees

def test_an_imagined_victory_is_no_match_played(extractor):
    # "Victory over X would be ...": the result is imagined; the preview's match stays to come
    text = ("Preview\n\nNapoli face Lazio in Serie A on Sunday night.\n\n"
            "Victory over Lazio would be a big statement for the hosts.")
    c = claims(extractor, text, "en")
    assert "played" not in [m[-1] for m in matches(c)]
    assert "scheduled" in [m[-1] for m in matches(c)]


@pytest.mark.parametrize("sentence,players", [
    ("Hirving Lozano is not eligible for the cup.", ["Hirving Lozano"]),
    ("Kostas Manolas and Diego Demme are long-term absentees.", ["Diego Demme", "Kostas Manolas"]),
])
def test_absentees_of_a_preview_are_left_out(extractor, sentence, players):
    text = "Preview\n\nNapoli face Lazio in Serie A on Sunday night.\n\n" + sentence
    c = claims(extractor, text, "en")
    (m,) = c.matches
    assert sorted(s.player for s in c.statuses if s.status == "left_out" and s.match_key == m.key) == players


def test_the_stored_pages_date_prefix_dates_no_match(extractor):
    # " date <day>" before the headline is the day of publication; the weekday in the story
    # dates the match (read against that day, the next Tuesday)
    from datetime import date

    from extract_helpers import article
    text = (" date 2020-11-30 Atalanta face Ajax in the Champions League on Wednesday night.\n\n"
            "Atalanta v Ajax\n\nThe hosts need a point.")
    a = article(text, "en")
    a.published = date(2020, 11, 30)
    c = extractor.extract(a)
    (m,) = [m for m in c.matches if m.opponent == "Ajax"]
    assert m.time is not None and m.time.kind == "weekday"


# ---------------------------------------------------------------- a review, recalled draws, a finish into the corner

def test_a_match_review_tells_a_played_match(extractor):
    c = claims(extractor, "Napoli v Lazio Serie A Match Review\n\nThe first chance fell to Ciro Immobile.", "en")
    assert ("Napoli", "Lazio", "home", None, None, "played") in matches(c)


def test_back_to_back_draws_against_two_clubs_are_played(extractor):
    text = "Report\n\nNapoli returned to form after back-to-back draws against Torino and Spezia."
    assert sorted(m[1] for m in matches(claims(extractor, text, "en")) if m[-1] == "played") == ["Spezia", "Torino"]


def test_a_finish_into_the_corner_by_the_player_a_relative_pronoun_stands_for(extractor):
    text = ("Napoli v Lazio Match Review\n\nLazio won 2-0 at Napoli.\n\n"
            "Luis Alberto played it back to Ciro Immobile who stroked it into the bottom right corner.")
    assert _goals(claims(extractor, text, "en")) == [("Ciro Immobile", "Lazio", None, False)]


def test_a_goal_of_the_story_match_told_without_naming_it(extractor):
    # "the win for X" goes on about the match told first; the draws recalled at the end are others
    text = ("Report\n\nNapoli beat Lazio 3-0 in Rome on Sunday.\n\nLorenzo Insigne celebrates after the win for "
            "Napoli.\n\nDries Mertens converted from the spot.\n\n"
            "Napoli returned to form after back-to-back draws against Torino and Spezia.")
    c = claims(extractor, text, "en")
    (m,) = [m for m in c.matches if m.opponent == "Lazio"]
    assert [(g.scorer, g.penalty, g.match_key) for g in c.goals] == [("Dries Mertens", True, m.key)]
