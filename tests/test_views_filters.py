"""The sidebar's options and apply_filters (fanboard.views.filters) on small hand-made tables:
each filter keeps exactly the rows a fan would expect, in every table, provenance included."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from fanboard import views
from small_tables import small_tables


def rows(table: str, *positions: int) -> pd.DataFrame:
    """The rows of small_tables()[table] at these positions, as a whole frame."""
    return small_tables()[table].iloc[list(positions)].reset_index(drop=True)


def assert_tables(got: dict[str, pd.DataFrame], expected: dict[str, tuple[int, ...]]) -> None:
    assert set(got) == set(expected)
    for name, positions in expected.items():
        assert_frame_equal(got[name], rows(name, *positions), obj=name)


ALL = {"articles": (0, 1), "matches": (0, 1, 2), "player_status": (0, 1, 2, 3), "events": (0, 1),
       "situation": (0,), "standings": (0, 1), "contradictions": (0,), "provenance": (0, 1, 2, 3, 4)}


def test_no_filter_keeps_everything():
    assert_tables(views.apply_filters(small_tables(), views.Filters()), ALL)


def test_a_source_keeps_the_rows_that_cite_it_and_only_its_sentences():
    got = views.apply_filters(small_tables(), views.Filters(sources=("b",)))
    assert_tables(got, {**ALL, "articles": (1,), "matches": (0, 1), "player_status": (0, 2), "events": (1,),
                        "situation": (), "contradictions": (), "provenance": (1, 4)})


def test_a_language_works_like_its_articles():
    got = views.apply_filters(small_tables(), views.Filters(languages=("it",)))
    assert_tables(got, {**ALL, "articles": (1,), "matches": (0, 1), "player_status": (0, 2), "events": (1,),
                        "situation": (), "contradictions": (), "provenance": (1, 4)})


def test_a_player_keeps_their_statuses_events_and_matches():
    got = views.apply_filters(small_tables(), views.Filters(players=("Tomás Leal",)))
    # Leal has no event; of the matches only the one he came on in; its provenance stays
    assert_tables(got, {**ALL, "matches": (0,), "player_status": (1, 3), "events": (), "provenance": (0, 1)})


def test_a_player_in_an_event_keeps_the_event_and_its_match():
    got = views.apply_filters(small_tables(), views.Filters(players=("Ana Brandt",)))
    assert_tables(got, {**ALL, "matches": (0, 1), "player_status": (0, 2), "provenance": (0, 1, 3, 4)})


def test_a_date_range_keeps_overlapping_rows_and_undated_facts():
    got = views.apply_filters(small_tables(), views.Filters(date_from=date(2021, 3, 10), date_to=date(2021, 3, 31)))
    # the event known only to 10-14 March overlaps; the contract (no date) stays; the
    # statuses of the match before the range go with it
    assert_tables(got, {**ALL, "matches": (1, 2), "player_status": (2, 3), "events": (1,), "situation": (),
                        "standings": (), "provenance": (2, 4)})


def test_a_competition_narrows_matches_their_statuses_and_the_situation():
    got = views.apply_filters(small_tables(), views.Filters(competitions=("Cup",)))
    assert_tables(got, {**ALL, "matches": (1,), "player_status": (2, 3), "situation": (),
                        "provenance": (3, 4)})


def test_the_sidebar_options_come_from_the_tables():
    t = small_tables()
    assert views.people(t) == ["Ana Brandt", "Tomás Leal"]   # event actors count only when the KB knows them
    assert views.competitions(t) == ["Cup", "League"]
    assert views.languages(t) == ["en", "it"]
    assert views.focus_club(t["matches"]) == "Rivertown"
    assert views.league_of(t) == "League"
    assert views.article_labels(t["articles"], width=20) == {
        "a": "English article · 8 Mar 2021 · Rivertown beat Nort… · a", "b": "Italian article · 14 Mar 2021 · b.txt · b"}
    assert views.date_bounds(t) == (date(2021, 3, 6), date(2021, 3, 20))
    assert views.saga_window(t) == (date(2021, 3, 6), date(2021, 3, 20))  # the lead-in stops at the first day


@pytest.mark.parametrize("f, text", [
    (views.Filters(), "No events in the articles. Widen the filters in the sidebar to see more."),
    (views.Filters(players=("Ana Brandt",), date_from=date(2021, 3, 1), date_to=date(2021, 3, 5),
                   competitions=("Cup",), sources=("a",)),
     "No events for Ana Brandt between 1 Mar 2021 and 5 Mar 2021 in Cup in the selected sources. "
     "Widen the filters in the sidebar to see more."),
])
def test_the_empty_message_names_the_selection(f, text):
    assert views.Dashboard.create(small_tables(), f).empty_message("events") == text
