"""Shaping (fanboard.views.shaping) on small hand-made tables: the frames the pages draw,
compared whole."""
from __future__ import annotations

from datetime import date

import pandas as pd
from pandas.testing import assert_frame_equal as _assert_frame_equal

from fanboard import charts, views
from small_tables import M1, M2, M3, small_tables

T = pd.Timestamp
A_LABEL = "English article · 8 Mar 2021 · Rivertown beat Northfield and the row goes on · a"
B_LABEL = "Italian article · 14 Mar 2021 · b.txt · b"


def assert_frame_equal(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Same columns in the same order, same rows, same values (string and datetime flavours aside)."""
    _assert_frame_equal(got, expected, check_dtype=False)


def labels() -> dict[str, str]:
    return views.article_labels(small_tables()["articles"])


def test_match_results_from_the_clubs_point_of_view():
    got = views.match_results(small_tables()["matches"], "Rivertown", labels())
    common = {"status": "played", "status_reason": ""}
    expected = pd.DataFrame([
        {"match_id": M1, "date": T("2021-03-06"), "competition": "League", "round": "Matchday 5", "venue": "home",
         "opponent": "Northfield", "score": "2-1", "fixture_score": "2-1", "result": "W", "result_label": "won",
         **common, "fixture": "Rivertown 2-1 Northfield", "replay": pd.NaT,
         "sources": f"{A_LABEL}, {B_LABEL}", "source_ids": "a;b", "involves_club": True},
        {"match_id": M2, "date": T("2021-03-13"), "competition": "Cup", "round": "Quarter-final", "venue": "away",
         "opponent": "Eastbury", "score": "0-0", "fixture_score": "0-0", "result": "D", "result_label": "drawn",
         **common, "replay": pd.NaT, "fixture": "Eastbury 0-0 Rivertown", "sources": B_LABEL, "source_ids": "b",
         "involves_club": True},
        {"match_id": M3, "date": T("2021-03-20"), "competition": "League", "round": "Matchday 7", "venue": "home",
         "opponent": "Westford", "score": "", "fixture_score": "", "result": "P", "result_label": "postponed",
         "status": "postponed", "status_reason": "snow", "replay": pd.NaT, "fixture": "Rivertown – Westford",
         "sources": A_LABEL, "source_ids": "a", "involves_club": True},
    ])
    assert_frame_equal(got, expected[list(got.columns)])


def test_results_have_one_set_of_names_shared_with_the_charts():
    assert views.RESULT_LABELS == {"W": "won", "D": "drawn", "L": "lost", "P": "postponed", "S": "scheduled",
                                   "N": "other clubs"}
    assert list(charts.RESULT_COLORS) == list(views.RESULT_LABELS.values())
    assert not hasattr(charts, "RESULT_NAMES")


def test_player_grid_fills_every_match_with_a_status_or_no_information():
    t = small_tables()
    results = views.match_results(t["matches"], "Rivertown")
    got = views.player_grid(t["player_status"], results, ["Ana Brandt", "Tomás Leal"])
    matches = [(M1, T("2021-03-06"), "06 Mar Northfield", "League"), (M2, T("2021-03-13"), "13 Mar Eastbury", "Cup"),
               (M3, T("2021-03-20"), "20 Mar Westford", "League")]
    said = {("Ana Brandt", M1): ("started", "confirmed", "a;b"), ("Ana Brandt", M2): ("left out", "reported", "b"),
            ("Tomás Leal", M1): ("subbed on", "reported", "a")}
    expected = pd.DataFrame([
        {"player": p, "match_id": mid, "day": day, "match": label, "competition": comp,
         **dict(zip(("status", "certainty", "sources"), said.get((p, mid), (views.NO_INFORMATION, "", ""))))}
        for p in ("Ana Brandt", "Tomás Leal") for mid, day, label, comp in matches
    ])
    assert_frame_equal(got, expected)


def test_the_most_telling_status_wins_in_the_grid():
    t = small_tables()
    extra = t["player_status"].iloc[[0]].assign(status="substituted_off", certainty="reported", article_id="b")
    ps = pd.concat([t["player_status"], extra], ignore_index=True)
    results = views.match_results(t["matches"].iloc[[0]], "Rivertown")
    got = views.player_grid(ps, results, ["Ana Brandt"])
    assert got[["status", "certainty", "sources"]].values.tolist() == [["subbed off", "reported", "b"]]
    assert views.players_summary(ps, M1) == "Ana Brandt: subbed off · Tomás Leal: subbed on"


def test_match_players_and_standing_facts():
    t = small_tables()
    assert_frame_equal(views.match_players(t["player_status"], M1), pd.DataFrame([
        {"player": "Ana Brandt", "status": "started", "certainty": "confirmed", "article_id": "a;b",
         "quote": "Brandt started."},
        {"player": "Tomás Leal", "status": "subbed on", "certainty": "reported", "article_id": "a",
         "quote": "Leal came on."},
    ]))
    assert_frame_equal(views.standing_facts(t["player_status"], "Tomás Leal"), pd.DataFrame([
        {"fact": "Contract until", "value": "June–July 2022", "certainty": "confirmed", "article_id": "a",
         "quote": "Leal's contract runs to 2022."},
    ]))


def test_timeline_events_have_days_windows_and_labels():
    got = views.timeline_events(small_tables()["events"], labels())
    shown = ["event_id", "start", "end", "day", "when", "type_label", "is_range", "sources_label", "actors_label"]
    got = got.assign(day=got["day"].astype("datetime64[us]"))
    assert_frame_equal(got[shown], pd.DataFrame([
        {"event_id": "e001", "start": T("2021-03-07"), "end": T("2021-03-07 23:00"), "day": T("2021-03-07"),
         "when": "7 Mar 2021", "type_label": "Dispute", "is_range": False, "sources_label": A_LABEL,
         "actors_label": "Ana Brandt, Ole Strand"},
        {"event_id": "e002", "start": T("2021-03-10"), "end": T("2021-03-14 23:00"), "day": pd.NaT,
         "when": "10–14 Mar 2021", "type_label": "Squad exclusion", "is_range": True,
         "sources_label": B_LABEL, "actors_label": "Ana Brandt"},
    ]))
    assert views.event_type_order(small_tables()["events"]) == ["Dispute", "Squad exclusion"]
    assert views.last_event(small_tables()["events"])["event_id"] == "e002"   # the one that ends last


def test_league_positions_use_the_table_as_it_stood_and_the_articles():
    t = small_tables()
    assert_frame_equal(views.league_positions(t["standings"], t["situation"], "Rivertown"), pd.DataFrame([
        {"day": T("2021-03-07"), "position": 4, "basis": "computed table",
         "detail": "matchday 5: 10 pts from 5 games, 2 behind the leader, in 4th"},
        {"day": T("2021-03-08"), "position": 3, "basis": "article", "detail": "Rivertown are third."},
    ]))
    assert views.computed_standing(t["standings"], "Rivertown", date(2021, 3, 31))["position"] == "4"
    assert views.computed_standing(t["standings"], "Rivertown", date(2021, 3, 6)) == {}


def test_article_claims_are_the_latest_on_or_before_the_day():
    t = small_tables()
    assert views.article_claims(t["situation"], "League", date(2021, 3, 31)) == {
        "league_position": "3", "league_position__as_of": "2021-03-08"}
    assert views.article_claims(t["situation"], "League", date(2021, 3, 7)) == {}


def test_contradictions_and_provenance_read_with_article_labels():
    t = small_tables()
    assert_frame_equal(views.contradictions_view(t["contradictions"], labels()), pd.DataFrame([
        {"subject": M1, "field": "score", "source": A_LABEL, "source_ids": "a", "says": "3-1", "resolution": "2-1",
         "rule": "calendar", "explanation": "The calendar wins."},
        {"subject": M1, "field": "score", "source": "calendar", "source_ids": "calendar", "says": "2-1",
         "resolution": "2-1", "rule": "calendar", "explanation": "The calendar wins."},
    ]))
    assert views.subject_label(t, M1, "Rivertown") == "Rivertown 2-1 Northfield (League, 6 Mar 2021)"
    assert views.subject_label(t, "e002") == "Squad exclusion: Left out of the squad: Ana Brandt left out"
    assert views.subject_label(t, "something else") == "something else"
    assert_frame_equal(views.provenance(t, "matches", M1), pd.DataFrame([
        {"article_id": "a", "language": "en", "headline": "Rivertown beat Northfield and the row goes on",
         "sentence_start": "0", "sentence_end": "20", "certainty": "confirmed", "quote": "Rivertown beat them."},
        {"article_id": "b", "language": "it", "headline": "", "sentence_start": "0", "sentence_end": "10",
         "certainty": "confirmed", "quote": "A 2-1 win."},
    ]))


def test_values_read_like_dates():
    assert [views.human_value(v) for v in ("2021-01", "2022-06-01/2022-07-31", "2021-12-01/2022-01-31",
                                           "2022-06-01/2022-06-30", "2014", "")] == [
        "January 2021", "June–July 2022", "December 2021 – January 2022", "June 2022", "2014", ""]
    assert [views.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st"]


def test_the_timeline_draws_the_clubs_matches_and_those_an_event_refers_to():
    t = small_tables()
    events = views.timeline_events(t["events"])
    assert set(events["match_id"]) - {""} == {M2}   # the squad exclusion is about the cup match
    # seen from Northfield: its own match (M1), the cup match an event refers to (M2), not M3
    northfield = views.match_results(t["matches"], "Northfield")
    assert list(views.timeline_matches(northfield, events)["match_id"]) == [M1, M2]
    assert list(views.timeline_matches(northfield, events, others=True)["match_id"]) == [M1, M2, M3]
    assert list(views.timeline_matches(northfield, events.iloc[0:0])["match_id"]) == [M1]   # no event shown
    # Rivertown plays in all three; without a club nothing is "other"
    assert list(views.timeline_matches(views.match_results(t["matches"], "Rivertown"), events)["match_id"]) == [M1, M2, M3]
    assert list(views.timeline_matches(views.match_results(t["matches"], None), events)["match_id"]) == [M1, M2, M3]
    assert_frame_equal(views.timeline_matches(northfield, events), northfield.iloc[:2])


def test_a_gap_to_fourth_place_reads_as_a_fan_says_it():
    """A computed gap is the fourth club's points minus the club's: negative above it."""
    assert views.gap_words(6, 9) == "6 points behind fourth place"
    assert views.gap_words(1, "7") == "1 point behind fourth place"
    assert views.gap_words(-13, 1) == "13 points ahead of fourth place"
    assert views.gap_words(0, 3) == "level on points with fourth place"
    assert views.gap_words(0, 4) == "in fourth place"
    assert views.gap_words(5) == "5 points behind fourth place"      # an article's gap, no position known


def test_up_to_keeps_the_rows_of_that_day_and_before():
    frame = pd.DataFrame({"date": [T("2021-03-01"), T("2021-03-08"), pd.NaT], "n": [1, 2, 3]})
    assert list(views.up_to(frame, date(2021, 3, 8), "date")["n"]) == [1, 2]
    assert list(views.up_to(frame, date(2021, 3, 7), "date")["n"]) == [1]
    assert list(views.up_to(frame, None, "date")["n"]) == [1, 2, 3]


def test_a_match_the_articles_left_scheduled_shows_the_calendars_result_once_played():
    """A preview's match: the calendar it is linked to says it was played 0-2 on 13 March. Seen
    as of the 20th it is a played defeat, and says where the score comes from; seen as of the
    12th it is still to come."""
    m = small_tables()["matches"].assign(reference=["", "cup-eastbury-rivertown", ""])
    m.loc[1, ["home_goals", "away_goals", "status"]] = ["", "", "scheduled"]
    fixtures = pd.DataFrame({"fixture_id": ["cup-eastbury-rivertown"], "date": ["2021-03-13"],
                             "home_goals": ["2"], "away_goals": ["0"], "status": ["played"]})
    calendar = views.calendar_results(m, fixtures, date(2021, 3, 20))
    assert calendar == {M2: (2, 0)}
    row = views.match_results(m, "Rivertown", calendar=calendar).set_index("match_id").loc[M2]
    assert (row["result"], row["score"], row["status"], row["status_reason"], row["fixture"]) == (
        "L", "0-2", "played", "result from the calendar", "Eastbury 2-0 Rivertown")
    assert views.calendar_results(m, fixtures, date(2021, 3, 12)) == {}
    assert views.match_results(m, "Rivertown").set_index("match_id").loc[M2, "result"] == "S"


def test_a_match_told_without_its_score_shows_the_calendars_result():
    """A report that names the match but not its score, or leaves its status unsaid: the
    calendar's result, as for a preview's match; a postponed match stays postponed."""
    m = small_tables()["matches"].assign(reference=["", "cup-eastbury-rivertown", "league-rivertown-westford"])
    m.loc[1, ["home_goals", "away_goals", "status"]] = ["", "", ""]
    fixtures = pd.DataFrame({"fixture_id": ["cup-eastbury-rivertown", "league-rivertown-westford"],
                             "date": ["2021-03-13", "2021-03-20"], "home_goals": ["1", "3"],
                             "away_goals": ["1", "0"], "status": ["played", "played"]})
    assert views.calendar_results(m, fixtures, date(2021, 3, 31)) == {M2: (1, 1)}
